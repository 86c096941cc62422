//! Sessions, API tokens, sign-in failures and credentials.

use sqlx::AssertSqlSafe;

use super::{Bind, Conn, Db, bind_all, now, on_conn, sqlite_reads};

/// What a sign-in needs to know about the account named by organization code and user ID.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CredentialRow {
    pub id: i64,
    pub org_id: i64,
    pub kind: String,
    pub status: String,
    pub password_hash: Option<String>,
    pub totp_enabled: bool,
    pub totp_secret: Option<String>,
    /// When a service or technical user's password expires (`None`: never).
    pub password_expires_at: Option<i64>,
    /// After a rotation: the previous password, working until `previous_password_until`.
    pub previous_password_hash: Option<String>,
    pub previous_password_until: Option<i64>,
    /// The password given was the previous one (still in its grace period).
    #[sqlx(skip)]
    pub matched_previous: bool,
    /// The account last signed in from the address of this attempt.
    #[sqlx(skip)]
    pub known_source: bool,
}

impl CredentialRow {
    /// The previous password's hash while it still works at `now`.
    pub fn previous_hash(&self, now: i64) -> Option<String> {
        self.previous_password_hash
            .clone()
            .filter(|_| self.previous_password_until.is_some_and(|u| u > now))
    }

    /// The current password has expired at `now`.
    pub fn expired(&self, now: i64) -> bool {
        self.password_expires_at.is_some_and(|e| e <= now)
    }
}

/// A session token's account, with what the rules need (one query per request).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub account_id: i64,
    pub user_id: String,
    pub session_kind: String,
    pub expires_at: i64,
    pub org_id: i64,
    pub kind: String,
    pub level: Option<i64>,
    pub status: String,
    pub password_temporary: bool,
    pub public_service: bool,
    pub manager_id: Option<i64>,
    pub manager_level: Option<i64>,
    pub manager_status: Option<String>,
    /// On PostgreSQL, the people under the charge of the person the account acts as (itself, or
    /// a technical user's primary manager), read in the same round trip: a level-2 reader's
    /// search needs them first. `None` where they were not read.
    #[sqlx(skip)]
    pub charges: Option<Vec<i64>>,
    #[sqlx(skip)]
    pub charges_of: Option<i64>,
    /// On PostgreSQL, the row as one text ([`SESSION_SEEN_PG`]); `None` elsewhere.
    #[sqlx(skip)]
    pub seen: Option<String>,
}

/// The tables of a session's row: the session, its account, the organization and, for a
/// technical user, its primary manager; `$tail` follows (the condition on the token).
macro_rules! session_from {
    ($tail:expr) => {
        concat!(
            " FROM sessions s JOIN accounts a ON a.id = s.account_id \
             JOIN organizations o ON o.id = a.org_id \
             LEFT JOIN structures st ON st.id = a.structure_id \
             LEFT JOIN accounts m ON m.id = st.primary_manager_id",
            $tail
        )
    };
}
/// The person whose charge the account reads: itself, or a technical user's primary manager.
macro_rules! charges_of {
    () => {
        "CASE WHEN a.kind = 'person' THEN a.id ELSE m.id END"
    };
}
/// The people under that charge, as an array (PostgreSQL).
macro_rules! charges_array {
    () => {
        concat!(
            "ARRAY(SELECT c.subordinate_id FROM charges c WHERE c.manager_id = ",
            charges_of!(),
            " ORDER BY c.subordinate_id)"
        )
    };
}
/// Everything of a session's row that rights hang on, as one text (PostgreSQL): equal texts,
/// equal rights. A page's statement reads it again to confirm the session it was built for.
macro_rules! seen {
    () => {
        concat!(
            "ROW(s.account_id, a.user_id, s.kind, s.expires_at, a.org_id, a.kind, a.level, \
             a.status, a.password_temporary, o.public_service, m.id, m.level, m.status, ",
            charges_array!(),
            ")::text"
        )
    };
}
/// A session with its account and what decides its rights, with `$more` columns.
macro_rules! session_sql {
    ($more:expr) => {
        concat!(
            "SELECT s.account_id, a.user_id, s.kind AS session_kind, s.expires_at, a.org_id, \
             a.kind, a.level, a.status, a.password_temporary, o.public_service, m.id AS manager_id, \
             m.level AS manager_level, m.status AS manager_status",
            $more,
            session_from!(" WHERE s.token_hash = $1")
        )
    };
}
const SESSION: &str = session_sql!("");
/// With the charges of the person the account would act as (see [`SessionRow::charges`]), and
/// what the session looks like ([`SessionRow::seen`]).
const SESSION_PG: &str = session_sql!(concat!(
    ", ",
    charges_of!(),
    " AS charges_of, ",
    charges_array!(),
    " AS charges, ",
    seen!(),
    " AS seen"
));
/// What the session of the token bound at `$SESSION` looks like now, as a page's column: the
/// page's statement confirms in its own snapshot the session it was built for (PostgreSQL).
pub const SESSION_SEEN_PG: &str = concat!(
    "(SELECT ",
    seen!(),
    session_from!(" WHERE s.token_hash = $SESSION)")
);

impl Db {
    /// The session of `token_hash` ([`Conn::session`]): read on every request, so on SQLite
    /// by the hot reads' own connections.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
        let Db::Sqlite(_, Some(reads)) = self else {
            return self.read().await?.session(token_hash).await;
        };
        let hash = token_hash.to_owned();
        reads
            .run(move |c| {
                use rusqlite::OptionalExtension;
                c.prepare_cached(SESSION)?
                    .query_row([hash], |r| {
                        Ok(sqlite_reads::by_name!(
                            r,
                            SessionRow {
                                account_id,
                                user_id,
                                session_kind,
                                expires_at,
                                org_id,
                                kind,
                                level,
                                status,
                                password_temporary,
                                public_service,
                                manager_id,
                                manager_level,
                                manager_status,
                            };
                            charges: None,
                            charges_of: None,
                            seen: None
                        ))
                    })
                    .optional()
            })
            .await
    }
}

impl Conn {
    pub async fn credentials(
        &mut self,
        org_id: i64,
        user_id: &str,
    ) -> Result<Option<CredentialRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, CredentialRow>(
                "SELECT id, org_id, kind, status, password_hash, totp_enabled, totp_secret, \
                 password_expires_at, previous_password_hash, previous_password_until \
                 FROM accounts WHERE org_id = $1 AND user_id_key = $2",
            )
            .bind(org_id)
            .bind(user_id.trim().to_lowercase())
            .fetch_optional(&mut *c)
            .await
        })
    }

    pub async fn password_hash(&mut self, account_id: i64) -> Result<Option<String>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, Option<String>>("SELECT password_hash FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_optional(&mut *c)
                .await
                .map(Option::flatten)
        })
    }

    pub async fn insert_session(
        &mut self,
        token_hash: &str,
        account_id: i64,
        kind: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "INSERT INTO sessions (token_hash, account_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(account_id)
            .bind(kind)
            .bind(now())
            .bind(expires_at)
            .execute(&mut *c)
            .await?;
            // Expired sessions are swept as new ones come in.
            sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now()).execute(&mut *c).await?;
        });
        Ok(())
    }

    pub async fn delete_session(&mut self, token_hash: &str) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&mut *c).await?;
        });
        Ok(())
    }

    /// Ends the provisioning tokens of an account (a new one replaces them).
    pub async fn delete_sessions_of_kind(
        &mut self,
        account_id: i64,
        kind: &str,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND kind = $2")
                .bind(account_id)
                .bind(kind)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// Signs an account out everywhere but `keep` (the session that changed the password).
    pub async fn delete_sessions_of(
        &mut self,
        account_id: i64,
        keep: &str,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
                .bind(account_id)
                .bind(keep)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// Signs several people out everywhere, in one statement.
    pub async fn delete_sessions_of_many(
        &mut self,
        account_ids: &[i64],
    ) -> Result<(), sqlx::Error> {
        if account_ids.is_empty() {
            return Ok(());
        }
        let binds: Vec<Bind> = account_ids.iter().map(|i| Bind::Int(*i)).collect();
        let sql = format!(
            "DELETE FROM sessions WHERE account_id IN ({})",
            super::placeholders(1, account_ids.len())
        );
        on_conn!(self, c => {
            bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds).execute(&mut *c).await?;
        });
        Ok(())
    }

    pub async fn session(&mut self, token_hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
        use sqlx::{FromRow, Row};
        match self {
            Conn::Postgres(h) => {
                let found = sqlx::query(SESSION_PG)
                    .bind(token_hash)
                    .fetch_optional(h.conn_mut())
                    .await?;
                let Some(r) = found else { return Ok(None) };
                Ok(Some(SessionRow {
                    charges_of: r.try_get("charges_of")?,
                    charges: Some(r.try_get("charges")?),
                    seen: r.try_get("seen")?,
                    ..SessionRow::from_row(&r)?
                }))
            }
            Conn::Sqlite(h) => {
                sqlx::query_as::<_, SessionRow>(SESSION)
                    .bind(token_hash)
                    .fetch_optional(h.conn_mut())
                    .await
            }
        }
    }

    /// A new password set by someone else: whoever was signed in with the old one is signed out.
    pub async fn replace_password(
        &mut self,
        account_id: i64,
        hash: &str,
        temporary: bool,
    ) -> Result<(), sqlx::Error> {
        self.set_password(account_id, hash, temporary).await?;
        self.delete_sessions_of(account_id, "").await
    }

    pub async fn set_password(
        &mut self,
        account_id: i64,
        hash: &str,
        temporary: bool,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET password_hash = $1, password_temporary = $2 WHERE id = $3")
                .bind(hash)
                .bind(temporary)
                .bind(account_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn account_org(&mut self, account_id: i64) -> Result<Option<i64>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>("SELECT org_id FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_optional(&mut *c)
                .await
        })
    }

    pub async fn password_is_temporary(&mut self, account_id: i64) -> Result<bool, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, bool>("SELECT password_temporary FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_one(&mut *c)
                .await
        })
    }

    pub async fn touch_last_used(&mut self, account_id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET last_used_at = $1 WHERE id = $2")
                .bind(now())
                .bind(account_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }
}
