//! The audit log, the mail outbox, invitations, contacts and the roles catalogue.

use sqlx::AssertSqlSafe;

use super::{Bind, Conn, bind_all, now, on_conn, to_time};
use sesame_core::api::{AuditEntry, Contact, OutboxMessage, Role};
use sesame_core::domain::Language;
use sesame_core::domain::rules::Visibility;

/// One line of history. Never holds a secret: callers pass names and changed fields only.
#[derive(Debug, Clone)]
pub struct AuditRecord<'a> {
    pub org_id: i64,
    pub actor_id: Option<i64>,
    pub actor_label: &'a str,
    pub action: sesame_core::domain::AuditAction,
    pub target_id: Option<i64>,
    pub target_label: &'a str,
    pub detail: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: i64,
    actor_id: Option<i64>,
    actor_label: String,
    action: String,
    target_id: Option<i64>,
    target_label: String,
    detail: String,
}

/// Filters of the audit log (all optional).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<i64>,
    pub target: Option<i64>,
    pub action: Option<String>,
    /// Part of the actor's label / of the target's label.
    pub who: Option<String>,
    pub whom: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Entries with an id below this one (the next page, newest first).
    pub before: Option<i64>,
    pub limit: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub org_id: i64,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

impl OutboxRow {
    pub fn api(&self) -> OutboxMessage {
        OutboxMessage {
            id: self.id,
            recipient: self.recipient.clone(),
            language: Language::parse(&self.language).unwrap_or_default(),
            subject: self.subject.clone(),
            body: self.body.clone(),
            created_at: to_time(self.created_at),
            status: self.status.clone(),
            attempts: self.attempts,
            last_error: self.last_error.clone(),
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub account_id: i64,
    pub sent_at: i64,
    pub expires_at: i64,
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct ContactRow {
    id: i64,
    last_name: String,
    first_name: String,
    email: String,
    phone: String,
    purpose: String,
    account_id: Option<i64>,
}

impl Conn {
    /// Several lines of history in one statement (a batch's lines).
    pub async fn audit_many(&mut self, records: &[AuditRecord<'_>]) -> Result<(), sqlx::Error> {
        if records.is_empty() {
            return Ok(());
        }
        let at = now();
        let mut binds = Vec::with_capacity(records.len() * 8);
        let mut rows = Vec::with_capacity(records.len());
        for r in records {
            rows.push(format!("({})", super::placeholders(binds.len() + 1, 8)));
            binds.extend([
                Bind::Int(r.org_id),
                Bind::Int(at),
                Bind::OptInt(r.actor_id),
                Bind::Text(r.actor_label.to_owned()),
                Bind::Text(r.action.as_str().to_owned()),
                Bind::OptInt(r.target_id),
                Bind::Text(r.target_label.to_owned()),
                Bind::Text(r.detail.clone()),
            ]);
        }
        let sql = format!(
            "INSERT INTO audit (org_id, at, actor_id, actor_label, action, target_id, target_label, detail) VALUES {}",
            rows.join(", ")
        );
        on_conn!(self, c => {
            bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds).execute(&mut *c).await?;
        });
        Ok(())
    }

    pub async fn audit(&mut self, r: AuditRecord<'_>) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "INSERT INTO audit (org_id, at, actor_id, actor_label, action, target_id, target_label, detail) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(r.org_id)
            .bind(now())
            .bind(r.actor_id)
            .bind(r.actor_label)
            .bind(r.action.as_str())
            .bind(r.target_id)
            .bind(r.target_label)
            .bind(&r.detail)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Newest first. A level-2 reader sees only entries about the people they may see.
    pub async fn audit_entries(
        &mut self,
        org_id: i64,
        visibility: Visibility,
        f: &AuditFilter,
    ) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let mut binds = vec![Bind::Int(org_id)];
        let mut sql = String::from(
            "SELECT e.id, e.at, e.actor_id, e.actor_label, e.action, e.target_id, e.target_label, e.detail \
             FROM audit e WHERE e.org_id = $1",
        );
        if visibility != Visibility::Everyone {
            let mut inner = String::from(
                "SELECT a.id FROM accounts a WHERE a.org_id = $1 AND a.kind = 'person'",
            );
            super::visibility_filter(visibility, &mut inner, &mut binds);
            sql.push_str(&format!(" AND e.target_id IN ({inner})"));
        }
        if let Some(w) = &f.who {
            binds.push(Bind::Text(super::people::like_pattern(w)));
            sql.push_str(&format!(
                " AND LOWER(e.actor_label) LIKE ${} ESCAPE '\\'",
                binds.len()
            ));
        }
        if let Some(w) = &f.whom {
            binds.push(Bind::Text(super::people::like_pattern(w)));
            sql.push_str(&format!(
                " AND LOWER(e.target_label) LIKE ${} ESCAPE '\\'",
                binds.len()
            ));
        }
        let mut push = |sql: &mut String, cond: &str, b: Bind| {
            binds.push(b);
            sql.push_str(&format!(" AND {cond} ${}", binds.len()));
        };
        if let Some(a) = f.actor {
            push(&mut sql, "e.actor_id =", Bind::Int(a));
        }
        if let Some(t) = f.target {
            push(&mut sql, "e.target_id =", Bind::Int(t));
        }
        if let Some(a) = &f.action {
            push(&mut sql, "e.action =", Bind::Text(a.clone()));
        }
        if let Some(from) = f.from {
            push(&mut sql, "e.at >=", Bind::Int(from));
        }
        if let Some(to) = f.to {
            push(&mut sql, "e.at <=", Bind::Int(to));
        }
        if let Some(before) = f.before {
            push(&mut sql, "e.id <", Bind::Int(before));
        }
        sql.push_str(&format!(" ORDER BY e.id DESC LIMIT {}", f.limit));
        let rows: Vec<AuditRow> = on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, AuditRow>(AssertSqlSafe(sql)), &binds).fetch_all(&mut *c).await?
        });
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                at: to_time(r.at),
                actor_id: r.actor_id,
                actor: r.actor_label,
                action: r.action,
                target_id: r.target_id,
                target: r.target_label,
                detail: r.detail,
            })
            .collect())
    }

    /// Queues a mail, in the same transaction as the change it tells about.
    pub async fn queue_mail(
        &mut self,
        org_id: i64,
        recipient: &str,
        language: Language,
        subject: &str,
        body: &str,
    ) -> Result<i64, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO outbox (org_id, recipient, language, subject, body, created_at, next_attempt_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            )
            .bind(org_id)
            .bind(recipient)
            .bind(language.as_str())
            .bind(subject)
            .bind(body)
            .bind(now())
            .fetch_one(&mut *c)
            .await
        })
    }

    pub async fn outbox(&mut self, org_id: i64, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, OutboxRow>(
                "SELECT id, org_id, recipient, language, subject, body, created_at, status, attempts, last_error \
                 FROM outbox WHERE org_id = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(org_id)
            .bind(limit)
            .fetch_all(&mut *c)
            .await
        })
    }

    /// Claims up to `limit` due mails for `lease` seconds. A claim is a conditional update,
    /// so two delivery workers (two server replicas) never send the same mail twice.
    pub async fn claim_due_mail(
        &mut self,
        limit: i64,
        lease: i64,
    ) -> Result<Vec<OutboxRow>, sqlx::Error> {
        let t = now();
        on_conn!(self, c => {
            let due: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
                 AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY id LIMIT $2",
            )
            .bind(t)
            .bind(limit)
            .fetch_all(&mut *c)
            .await?;
            let mut claimed = vec![];
            for id in due {
                let row = sqlx::query_as::<_, OutboxRow>(
                    "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND status = 'pending' \
                     AND (claimed_until IS NULL OR claimed_until < $3) \
                     RETURNING id, org_id, recipient, language, subject, body, created_at, status, attempts, last_error",
                )
                .bind(t + lease)
                .bind(id)
                .bind(t)
                .fetch_optional(&mut *c)
                .await?;
                claimed.extend(row);
            }
            Ok(claimed)
        })
    }

    pub async fn mark_mail_sent(&mut self, id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, claimed_until = NULL, \
                 last_error = NULL WHERE id = $2",
            )
            .bind(now())
            .bind(id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Records a failed attempt: retried after `retry_in` seconds, or failed for good after
    /// `max_attempts`.
    pub async fn mark_mail_failed(
        &mut self,
        id: i64,
        error: &str,
        retry_in: i64,
        max_attempts: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = NULL, \
                 next_attempt_at = $2, status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END \
                 WHERE id = $4",
            )
            .bind(error)
            .bind(now() + retry_in)
            .bind(max_attempts)
            .bind(id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    pub async fn insert_invitation(
        &mut self,
        account_id: i64,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            // A new link replaces every earlier one.
            sqlx::query("UPDATE invitations SET closed_at = $1 WHERE account_id = $2 AND closed_at IS NULL")
                .bind(now())
                .bind(account_id)
                .execute(&mut *c)
                .await?;
            sqlx::query("INSERT INTO invitations (account_id, token_hash, sent_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(account_id)
                .bind(token_hash)
                .bind(now())
                .bind(expires_at)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn invitation_by_token(
        &mut self,
        token_hash: &str,
    ) -> Result<Option<InvitationRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, InvitationRow>(
                "SELECT id, account_id, sent_at, expires_at, closed_at FROM invitations WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(&mut *c)
            .await
        })
    }

    /// The latest invitation of each invited person of the organization.
    pub async fn latest_invitations(
        &mut self,
        org_id: i64,
    ) -> Result<Vec<InvitationRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, InvitationRow>(
                "SELECT i.id, i.account_id, i.sent_at, i.expires_at, i.closed_at FROM invitations i \
                 JOIN accounts a ON a.id = i.account_id \
                 WHERE a.org_id = $1 AND a.status = 'invited' \
                 AND i.id = (SELECT MAX(j.id) FROM invitations j WHERE j.account_id = i.account_id) \
                 ORDER BY i.id DESC",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await
        })
    }

    /// Closes the open links of an account (used, expired by hand, or the person removed).
    pub async fn close_invitations(&mut self, account_id: i64) -> Result<u64, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query("UPDATE invitations SET closed_at = $1 WHERE account_id = $2 AND closed_at IS NULL")
                .bind(now())
                .bind(account_id)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r)
    }

    /// Contacts, then the people marked "also a contact".
    pub async fn contacts(&mut self, org_id: i64) -> Result<Vec<Contact>, sqlx::Error> {
        let rows: Vec<ContactRow> = on_conn!(self, c => {
            sqlx::query_as::<_, ContactRow>(
                "SELECT id, last_name, first_name, email, phone, purpose, account_id FROM contacts WHERE org_id = $1 \
                 UNION ALL \
                 SELECT -a.id, a.last_name, a.first_name, a.email, a.phone, '', a.id FROM accounts a \
                 WHERE a.org_id = $1 AND a.kind = 'person' AND a.is_contact \
                 AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.account_id = a.id) \
                 ORDER BY 2, 3",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| Contact {
                id: r.id,
                last_name: r.last_name,
                first_name: r.first_name,
                email: r.email,
                phone: (!r.phone.is_empty()).then_some(r.phone),
                purpose: sesame_core::domain::ContactPurpose::parse(&r.purpose),
                person_id: r.account_id,
            })
            .collect())
    }

    /// Stores a new contact (its `id` is ignored) and returns its id.
    pub async fn insert_contact(&mut self, org_id: i64, c: &Contact) -> Result<i64, sqlx::Error> {
        on_conn!(self, conn => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO contacts (org_id, last_name, first_name, email, phone, purpose, account_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(org_id)
            .bind(&c.last_name)
            .bind(&c.first_name)
            .bind(&c.email)
            .bind(c.phone.as_deref().unwrap_or(""))
            .bind(c.purpose.map(|p| p.as_str()).unwrap_or(""))
            .bind(c.person_id)
            .bind(now())
            .fetch_one(&mut *conn)
            .await
        })
    }

    /// Replaces a contact's values; false when the organization has no such contact.
    pub async fn update_contact(&mut self, org_id: i64, c: &Contact) -> Result<bool, sqlx::Error> {
        let n = on_conn!(self, conn => {
            sqlx::query(
                "UPDATE contacts SET last_name = $3, first_name = $4, email = $5, phone = $6, purpose = $7 \
                 WHERE org_id = $1 AND id = $2",
            )
            .bind(org_id)
            .bind(c.id)
            .bind(&c.last_name)
            .bind(&c.first_name)
            .bind(&c.email)
            .bind(c.phone.as_deref().unwrap_or(""))
            .bind(c.purpose.map(|p| p.as_str()).unwrap_or(""))
            .execute(&mut *conn)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    /// The user behind a contact entry, if it is linked to one.
    pub async fn contact_account(
        &mut self,
        org_id: i64,
        id: i64,
    ) -> Result<Option<Option<i64>>, sqlx::Error> {
        on_conn!(self, conn => {
            sqlx::query_scalar::<_, Option<i64>>("SELECT account_id FROM contacts WHERE org_id = $1 AND id = $2")
                .bind(org_id)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
        })
    }

    /// Takes the "also a contact" mark off a user; false when there was none.
    pub async fn unmark_contact(
        &mut self,
        org_id: i64,
        account_id: i64,
    ) -> Result<bool, sqlx::Error> {
        let n = on_conn!(self, conn => {
            sqlx::query(
                "UPDATE accounts SET is_contact = FALSE, version = version + 1 \
                 WHERE org_id = $1 AND id = $2 AND kind = 'person' AND is_contact",
            )
            .bind(org_id)
            .bind(account_id)
            .execute(&mut *conn)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    pub async fn delete_contact(&mut self, org_id: i64, id: i64) -> Result<bool, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query("DELETE FROM contacts WHERE org_id = $1 AND id = $2")
                .bind(org_id)
                .bind(id)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r == 1)
    }

    pub async fn roles(&mut self, org_id: i64) -> Result<Vec<Role>, sqlx::Error> {
        type RoleRow = (String, String, String, String, String);
        let rows: Vec<RoleRow> = on_conn!(self, c => {
            sqlx::query_as(
                "SELECT code, name_en, name_fr, description_en, description_fr FROM roles \
                 WHERE org_id = $1 ORDER BY code",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(code, name_en, name_fr, description_en, description_fr)| Role {
                    code,
                    name_en,
                    name_fr,
                    description_en,
                    description_fr,
                },
            )
            .collect())
    }

    pub async fn insert_role(&mut self, org_id: i64, role: &Role) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "INSERT INTO roles (org_id, code, name_en, name_fr, description_en, description_fr) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(org_id)
            .bind(&role.code)
            .bind(&role.name_en)
            .bind(&role.name_fr)
            .bind(&role.description_en)
            .bind(&role.description_fr)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Returns false when the organization has no role with this code.
    pub async fn update_role(&mut self, org_id: i64, role: &Role) -> Result<bool, sqlx::Error> {
        let n = on_conn!(self, c => {
            sqlx::query(
                "UPDATE roles SET name_en = $3, name_fr = $4, description_en = $5, description_fr = $6 \
                 WHERE org_id = $1 AND code = $2",
            )
            .bind(org_id)
            .bind(&role.code)
            .bind(&role.name_en)
            .bind(&role.name_fr)
            .bind(&role.description_en)
            .bind(&role.description_fr)
            .execute(&mut *c)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }
}
