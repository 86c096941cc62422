//! People: records, roles, statuses, links under charge and two-factor secrets; the user
//! follow-up listing is in [`listing`].

use sqlx::AssertSqlSafe;

use super::{Bind, Conn, bind_all, now, on_conn, to_time};
use sesame_core::api::{PersonRef, PersonSummary};
use sesame_core::domain::rules::{Actor, Target};
use sesame_core::domain::{Language, Level, Status, fold_for_search, sort_key};

macro_rules! person_columns {
    () => {
        "a.id, a.org_id, a.user_id, a.user_id_key, a.last_name, a.first_name, a.email, a.phone, \
         a.level, a.roles, a.status, a.totp_enabled, a.is_contact, a.language, a.version, \
         a.created_at, a.sort_name"
    };
}

/// A row whose first columns are those of `person_columns!()`, in order, read by position
/// and without checking each column's type again: a page reads a hundred, and looking each
/// column up by its name was a tenth of the server's time. Tests check the names.
macro_rules! person_at_start {
    ($r:expr) => {{
        use sqlx::Row;
        let r = $r;
        debug_assert!(
            person_columns!()
                .split(',')
                .map(|c| c.trim().trim_start_matches("a."))
                .zip(r.columns())
                .all(|(want, got)| sqlx::Column::name(got) == want),
            "a person's columns come first, in order"
        );
        crate::store::people::PersonRow {
            id: r.try_get_unchecked(0)?,
            org_id: r.try_get_unchecked(1)?,
            user_id: r.try_get_unchecked(2)?,
            user_id_key: r.try_get_unchecked(3)?,
            last_name: r.try_get_unchecked(4)?,
            first_name: r.try_get_unchecked(5)?,
            email: r.try_get_unchecked(6)?,
            phone: r.try_get_unchecked(7)?,
            level: r.try_get_unchecked(8)?,
            roles: r.try_get_unchecked(9)?,
            status: r.try_get_unchecked(10)?,
            totp_enabled: r.try_get_unchecked(11)?,
            is_contact: r.try_get_unchecked(12)?,
            language: r.try_get_unchecked(13)?,
            version: r.try_get_unchecked(14)?,
            created_at: r.try_get_unchecked(15)?,
            sort_name: r.try_get_unchecked(16)?,
        }
    }};
}

/// The column after those of `person_columns!()`.
const PERSON_COLUMNS: usize = 17;

mod batch;
mod index;
mod indexed;
mod json_page;
mod listing;
mod lookup;
mod reach;
mod search;
mod session_check;
mod targets;
mod visibility;

pub use indexed::SearchIndexes;
pub use listing::MAX_PAGE;
use search::search_text;
use search::{FOLDING, escape_like};
pub use session_check::{SessionCheck, Verdict};
pub(super) use visibility::visible_people;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub org_id: i64,
    pub user_id: String,
    pub user_id_key: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: String,
    pub level: Option<i64>,
    pub roles: String,
    pub status: String,
    pub totp_enabled: bool,
    pub is_contact: bool,
    pub language: String,
    pub version: i64,
    pub created_at: i64,
    pub sort_name: String,
}

impl PersonRow {
    pub fn level(&self) -> Level {
        self.level
            .and_then(Level::from_code)
            .unwrap_or(Level::Three)
    }
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Suspended)
    }
    pub fn language(&self) -> Language {
        Language::parse(&self.language).unwrap_or_default()
    }
    pub fn roles(&self) -> Vec<String> {
        serde_json::from_str(&self.roles).unwrap_or_default()
    }
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }
    /// The person as the API returns them to `actor`, with what `actor` may do to them (`t`
    /// holds the facts the rules need about them).
    pub fn summary_for(&self, actor: &Actor, t: &Target) -> PersonSummary {
        PersonSummary {
            actions: actor.actions_on(t),
            ..self.summary()
        }
    }

    /// The person alone, with no action offered: for answers where nobody acts on them.
    pub fn summary(&self) -> PersonSummary {
        self.clone().into_summary(vec![])
    }

    /// The person with `actions` offered, the row's texts moved rather than copied (a page
    /// makes a hundred).
    pub fn into_summary(self, actions: Vec<sesame_core::domain::rules::Action>) -> PersonSummary {
        PersonSummary {
            level: self.level(),
            roles: self.roles(),
            status: self.status(),
            language: self.language(),
            id: self.id,
            user_id: self.user_id,
            last_name: self.last_name,
            first_name: self.first_name,
            email: self.email,
            phone: (!self.phone.is_empty()).then_some(self.phone),
            two_factor: self.totp_enabled,
            is_contact: self.is_contact,
            version: self.version,
            actions,
        }
    }
    pub fn reference(&self) -> PersonRef {
        PersonRef {
            id: self.id,
            user_id: self.user_id.clone(),
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            email: Some(self.email.clone()),
            level: Some(self.level()),
        }
    }
    pub fn created_at(&self) -> time::OffsetDateTime {
        to_time(self.created_at)
    }
}

/// A person to insert; the derived columns (keys for search and sorting) are computed here.
#[derive(Debug, Clone)]
pub struct NewPersonRow {
    pub org_id: i64,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: String,
    pub level: Level,
    pub language: Language,
    pub roles: Vec<String>,
    pub is_contact: bool,
    pub status: Status,
    pub password_hash: Option<String>,
    pub password_temporary: bool,
}

/// The columns derived from a person's identity (search and sort keys, level rank), computed
/// on every write so the listing's indexes stay in step with what they index.
struct DerivedColumns {
    user_id_key: String,
    sort_name: String,
    search_text: String,
    level_rank: i64,
}

impl DerivedColumns {
    fn of(user_id: &str, last_name: &str, first_name: &str, email: &str, level: Level) -> Self {
        DerivedColumns {
            user_id_key: user_id.to_lowercase(),
            sort_name: sort_key(last_name, first_name, email),
            search_text: search_text(user_id, last_name, first_name, email),
            level_rank: i64::from(level.rank()),
        }
    }
}

/// The identity fields of a person, as stored after a change.
#[derive(Debug, Clone)]
pub struct PersonFields {
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: String,
    pub level: Level,
    pub language: Language,
    pub is_contact: bool,
}

/// `%q%` for LIKE, `q` folded and its wildcards taken literally.
pub(super) fn like_pattern(q: &str) -> String {
    format!("%{}%", escape_like(&fold_for_search(q.trim())))
}

impl Conn {
    pub async fn person(&mut self, org_id: i64, id: i64) -> Result<Option<PersonRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, PersonRow>(concat!(
                "SELECT ", person_columns!(),
                " FROM accounts a WHERE a.id = $1 AND a.org_id = $2 AND a.kind = 'person'"
            ))
            .bind(id)
            .bind(org_id)
            .fetch_optional(&mut *c)
            .await
        })
    }

    /// The people of one level, by name.
    pub async fn people_of_level(
        &mut self,
        org_id: i64,
        level: Level,
    ) -> Result<Vec<PersonRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, PersonRow>(concat!(
                "SELECT ", person_columns!(),
                " FROM accounts a WHERE a.org_id = $1 AND a.kind = 'person' AND a.level = $2 \
                 ORDER BY a.sort_name, a.id"
            ))
            .bind(org_id)
            .bind(level.code())
            .fetch_all(&mut *c)
            .await
        })
    }

    /// The same roles for several people, in one statement.
    pub async fn set_roles_of(&mut self, ids: &[i64], roles: &[String]) -> Result<(), sqlx::Error> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut binds = vec![Bind::Text(
            serde_json::to_string(roles).unwrap_or_else(|_| "[]".into()),
        )];
        binds.extend(ids.iter().map(|i| Bind::Int(*i)));
        let sql = format!(
            "UPDATE accounts SET roles = $1, version = version + 1 WHERE id IN ({})",
            super::placeholders(2, ids.len())
        );
        on_conn!(self, c => {
            bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds).execute(&mut *c).await?;
        });
        Ok(())
    }

    /// Takes the organization's write guard: changes that could remove the last active
    /// level-1 user run one after the other, so two of them cannot both pass the check.
    pub async fn guard_organization(&mut self, org_id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE organizations SET guard = guard + 1 WHERE id = $1")
                .bind(org_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn insert_person(&mut self, p: &NewPersonRow) -> Result<i64, sqlx::Error> {
        let roles = serde_json::to_string(&p.roles).unwrap_or_else(|_| "[]".into());
        let d = DerivedColumns::of(&p.user_id, &p.last_name, &p.first_name, &p.email, p.level);
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO accounts (org_id, kind, user_id, user_id_key, password_hash, \
                 password_temporary, status, language, last_name, first_name, email, phone, level, \
                 roles, is_contact, sort_name, search_text, created_at, level_rank, search_folding) \
                 VALUES ($1, 'person', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
                 RETURNING id",
            )
            .bind(p.org_id)
            .bind(&p.user_id)
            .bind(&d.user_id_key)
            .bind(&p.password_hash)
            .bind(p.password_temporary)
            .bind(p.status.as_str())
            .bind(p.language.as_str())
            .bind(&p.last_name)
            .bind(&p.first_name)
            .bind(&p.email)
            .bind(&p.phone)
            .bind(p.level.code())
            .bind(roles)
            .bind(p.is_contact)
            .bind(&d.sort_name)
            .bind(&d.search_text)
            .bind(now())
            .bind(d.level_rank)
            .bind(FOLDING)
            .fetch_one(&mut *c)
            .await
        })
    }

    /// Writes the identity fields if the stored version is still `version`; returns whether
    /// it was (a stale save changes nothing).
    pub async fn update_person(
        &mut self,
        id: i64,
        version: i64,
        f: &PersonFields,
    ) -> Result<bool, sqlx::Error> {
        let d = DerivedColumns::of(&f.user_id, &f.last_name, &f.first_name, &f.email, f.level);
        let done = on_conn!(self, c => {
            sqlx::query(
                "UPDATE accounts SET user_id = $1, user_id_key = $2, last_name = $3, first_name = $4, \
                 email = $5, phone = $6, level = $7, language = $8, is_contact = $9, sort_name = $10, \
                 search_text = $11, level_rank = $14, search_folding = $15, version = version + 1 \
                 WHERE id = $12 AND version = $13 AND kind = 'person'",
            )
            .bind(&f.user_id)
            .bind(&d.user_id_key)
            .bind(&f.last_name)
            .bind(&f.first_name)
            .bind(&f.email)
            .bind(&f.phone)
            .bind(f.level.code())
            .bind(f.language.as_str())
            .bind(f.is_contact)
            .bind(&d.sort_name)
            .bind(&d.search_text)
            .bind(id)
            .bind(version)
            .bind(d.level_rank)
            .bind(FOLDING)
            .execute(&mut *c)
            .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    pub async fn set_roles(&mut self, id: i64, roles: &[String]) -> Result<(), sqlx::Error> {
        let roles = serde_json::to_string(roles).unwrap_or_else(|_| "[]".into());
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET roles = $1, version = version + 1 WHERE id = $2")
                .bind(roles)
                .bind(id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn set_status(&mut self, id: i64, status: Status) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET status = $1, version = version + 1 WHERE id = $2")
                .bind(status.as_str())
                .bind(id)
                .execute(&mut *c)
                .await?;
            // A suspended account is signed out everywhere.
            if status != Status::Active {
                sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut *c).await?;
            }
        });
        Ok(())
    }

    pub async fn delete_account(&mut self, id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("DELETE FROM accounts WHERE id = $1").bind(id).execute(&mut *c).await?;
        });
        Ok(())
    }

    /// The roles of `codes` that the organization's catalogue does not know.
    pub async fn unknown_roles(
        &mut self,
        org_id: i64,
        codes: &[String],
    ) -> Result<Vec<String>, sqlx::Error> {
        let known: Vec<String> = on_conn!(self, c => {
            sqlx::query_scalar("SELECT code FROM roles WHERE org_id = $1")
                .bind(org_id)
                .fetch_all(&mut *c)
                .await?
        });
        Ok(codes
            .iter()
            .filter(|c| !known.contains(c))
            .cloned()
            .collect())
    }

    pub async fn link_under_charge(
        &mut self,
        manager: i64,
        subordinate: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "INSERT INTO charges (manager_id, subordinate_id) VALUES ($1, $2) \
                 ON CONFLICT (manager_id, subordinate_id) DO NOTHING",
            )
            .bind(manager)
            .bind(subordinate)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    pub async fn unlink_under_charge(
        &mut self,
        manager: i64,
        subordinate: i64,
    ) -> Result<bool, sqlx::Error> {
        let done = on_conn!(self, c => {
            sqlx::query("DELETE FROM charges WHERE manager_id = $1 AND subordinate_id = $2")
                .bind(manager)
                .bind(subordinate)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// The people under `manager`'s charge (section 3 of the record).
    pub async fn under_charge_of(&mut self, manager: i64) -> Result<Vec<PersonRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, PersonRow>(concat!(
                "SELECT ", person_columns!(),
                " FROM charges ch JOIN accounts a ON a.id = ch.subordinate_id \
                 WHERE ch.manager_id = $1 ORDER BY a.sort_name, a.id"
            ))
            .bind(manager)
            .fetch_all(&mut *c)
            .await
        })
    }

    /// Who has `subordinate` under their charge.
    pub async fn managers_of(&mut self, subordinate: i64) -> Result<Vec<PersonRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, PersonRow>(concat!(
                "SELECT ", person_columns!(),
                " FROM charges ch JOIN accounts a ON a.id = ch.manager_id \
                 WHERE ch.subordinate_id = $1 ORDER BY a.sort_name, a.id"
            ))
            .bind(subordinate)
            .fetch_all(&mut *c)
            .await
        })
    }

    pub async fn reset_two_factor(&mut self, id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE accounts SET totp_enabled = FALSE, totp_secret = NULL, version = version + 1 WHERE id = $1",
            )
            .bind(id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Records a TOTP secret awaiting confirmation (not yet enabled).
    pub async fn set_totp_secret(
        &mut self,
        id: i64,
        secret: Option<&str>,
        enabled: bool,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET totp_secret = $1, totp_enabled = $2, version = version + 1 WHERE id = $3")
                .bind(secret)
                .bind(enabled)
                .bind(id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn totp_secret(&mut self, id: i64) -> Result<Option<String>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, Option<String>>("SELECT totp_secret FROM accounts WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map(Option::flatten)
        })
    }
}
