//! The life of API credentials: validity, expiry, rotation with overlap, reminders and the
//! health view's facts, for service users and technical users alike.

use super::{Conn, on_conn, to_time};
use sesame_core::api::{CredentialHealth, CredentialKind, PasswordValidity, PersonRef};
use sesame_core::domain::{Language, Level, Status};

const DAY: i64 = 86_400;

/// A person reminded about a credential.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CredentialOwner {
    pub id: i64,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub level: Option<i64>,
    pub language: String,
}

impl CredentialOwner {
    pub fn reference(&self) -> PersonRef {
        PersonRef {
            id: self.id,
            user_id: self.user_id.clone(),
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            email: Some(self.email.clone()),
            level: self.level.and_then(Level::from_code),
        }
    }
    pub fn language(&self) -> Language {
        Language::parse(&self.language).unwrap_or_default()
    }
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }
}

/// A service or technical user's credential with its owner (when one is named).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CredentialRow {
    pub id: i64,
    pub org_id: i64,
    pub kind: String,
    pub user_id: String,
    pub status: String,
    pub application: String,
    pub structure_name: Option<String>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub password_set_at: Option<i64>,
    pub password_expires_at: Option<i64>,
    pub previous_password_until: Option<i64>,
    pub owner_id: Option<i64>,
    pub owner_user_id: Option<String>,
    pub owner_last_name: Option<String>,
    pub owner_first_name: Option<String>,
    pub owner_email: Option<String>,
    pub owner_level: Option<i64>,
    pub owner_language: Option<String>,
}

impl CredentialRow {
    pub fn kind(&self) -> CredentialKind {
        if self.kind == "technical_user" {
            CredentialKind::TechnicalUser
        } else {
            CredentialKind::ServiceUser
        }
    }

    /// The named owner: a technical user's primary manager, a service user's responsible
    /// person. `None`: every level-1 user stands in.
    pub fn owner(&self) -> Option<CredentialOwner> {
        Some(CredentialOwner {
            id: self.owner_id?,
            user_id: self.owner_user_id.clone().unwrap_or_default(),
            last_name: self.owner_last_name.clone().unwrap_or_default(),
            first_name: self.owner_first_name.clone().unwrap_or_default(),
            email: self.owner_email.clone().unwrap_or_default(),
            level: self.owner_level,
            language: self.owner_language.clone().unwrap_or_default(),
        })
    }

    pub fn validity(&self, now: i64) -> PasswordValidity {
        password_validity(
            self.password_set_at,
            self.password_expires_at,
            self.previous_password_until,
            now,
        )
    }

    /// The health view's line, with days counted at `now`.
    pub fn health(&self, now: i64, level_one: &[CredentialOwner]) -> CredentialHealth {
        let set_at = self.password_set_at.unwrap_or(self.created_at);
        let owners = match self.owner() {
            Some(o) => vec![o.reference()],
            None => level_one.iter().map(CredentialOwner::reference).collect(),
        };
        CredentialHealth {
            kind: self.kind(),
            id: self.id,
            user_id: self.user_id.clone(),
            label: match self.kind() {
                CredentialKind::ServiceUser => self.application.clone(),
                CredentialKind::TechnicalUser => self.structure_name.clone().unwrap_or_default(),
            },
            status: Status::parse(&self.status).unwrap_or(Status::Suspended),
            last_used_at: self.last_used_at.map(to_time),
            days_since_use: self.last_used_at.map(|u| (now - u).max(0) / DAY),
            age_days: (now - set_at).max(0) / DAY,
            password: self.validity(now),
            // Rounded up, as the reminders count: 29 days and 23 hours left is 30 days.
            days_to_expiry: self
                .password_expires_at
                .map(|e| (e - now + DAY - 1).div_euclid(DAY)),
            expired: self.password_expires_at.is_some_and(|e| e <= now),
            owners,
        }
    }
}

/// The validity as the API states it; a previous password past its end is not mentioned.
pub fn password_validity(
    set_at: Option<i64>,
    expires_at: Option<i64>,
    previous_until: Option<i64>,
    now: i64,
) -> PasswordValidity {
    PasswordValidity {
        password_set_at: set_at.map(to_time),
        password_expires_at: expires_at.map(to_time),
        previous_password_until: previous_until.filter(|u| *u > now).map(to_time),
    }
}

/// A reminder to write: the credential and the thresholds (30, 7 days) it has reached.
#[derive(Debug, Clone)]
pub struct DueReminder {
    pub credential: CredentialRow,
    pub expires_at: i64,
    pub thresholds: Vec<i64>,
}

/// Days before expiry at which the owner is reminded.
pub const REMINDER_DAYS: [i64; 2] = [30, 7];

macro_rules! credential_select {
    () => {
        "SELECT a.id, a.org_id, a.kind, a.user_id, a.status, a.application, s.name AS structure_name, \
         a.created_at, a.last_used_at, a.password_set_at, a.password_expires_at, a.previous_password_until, \
         o.id AS owner_id, o.user_id AS owner_user_id, o.last_name AS owner_last_name, \
         o.first_name AS owner_first_name, o.email AS owner_email, o.level AS owner_level, \
         o.language AS owner_language \
         FROM accounts a LEFT JOIN structures s ON s.id = a.structure_id \
         LEFT JOIN accounts o ON o.id = CASE WHEN a.kind = 'technical_user' \
         THEN s.primary_manager_id ELSE a.responsible_id END AND o.status = 'active' \
         WHERE a.kind IN ('service_user', 'technical_user') "
    };
}

impl Conn {
    /// The organization's validity of API passwords in days; `None`: they never expire.
    pub async fn api_validity_days(&mut self, org_id: i64) -> Result<Option<i64>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, Option<i64>>("SELECT api_validity_days FROM organizations WHERE id = $1")
                .bind(org_id)
                .fetch_one(&mut *c)
                .await
        })
    }

    pub async fn set_api_validity_days(
        &mut self,
        org_id: i64,
        days: Option<i64>,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE organizations SET api_validity_days = $1 WHERE id = $2")
                .bind(days)
                .bind(org_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// When a password issued at `now` in this organization expires.
    pub async fn expiry_from(&mut self, org_id: i64, now: i64) -> Result<Option<i64>, sqlx::Error> {
        Ok(self.api_validity_days(org_id).await?.map(|d| now + d * DAY))
    }

    /// Sets the dates of a newly issued API password (creation or reset: no previous one).
    pub async fn start_api_password(
        &mut self,
        account_id: i64,
        now: i64,
        expires_at: Option<i64>,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE accounts SET password_set_at = $1, password_expires_at = $2, \
                 previous_password_hash = NULL, previous_password_until = NULL WHERE id = $3",
            )
            .bind(now)
            .bind(expires_at)
            .bind(account_id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// A rotation: the current password becomes the previous one until `previous_until`
    /// (`None`: it stops at once, as when it had expired), the new one takes its place.
    pub async fn rotate_api_password(
        &mut self,
        account_id: i64,
        hash: &str,
        now: i64,
        expires_at: Option<i64>,
        previous_until: Option<i64>,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE accounts SET previous_password_hash = CASE WHEN $1 IS NULL THEN NULL ELSE password_hash END, \
                 previous_password_until = $1, password_hash = $2, password_temporary = $3, \
                 password_set_at = $4, password_expires_at = $5 WHERE id = $6",
            )
            .bind(previous_until)
            .bind(hash)
            .bind(false)
            .bind(now)
            .bind(expires_at)
            .bind(account_id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Ends the previous password now; false when none was still working.
    pub async fn end_previous_password(
        &mut self,
        account_id: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let n = on_conn!(self, c => {
            sqlx::query(
                "UPDATE accounts SET previous_password_hash = NULL, previous_password_until = NULL \
                 WHERE id = $1 AND previous_password_until > $2",
            )
            .bind(account_id)
            .bind(now)
            .execute(&mut *c)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    /// (expiry, previous password's hash while it still works) of an account.
    pub async fn api_password_state(
        &mut self,
        account_id: i64,
        now: i64,
    ) -> Result<(Option<i64>, Option<String>), sqlx::Error> {
        let row: Option<(Option<i64>, Option<String>, Option<i64>)> = on_conn!(self, c => {
            sqlx::query_as(
                "SELECT password_expires_at, previous_password_hash, previous_password_until \
                 FROM accounts WHERE id = $1",
            )
            .bind(account_id)
            .fetch_optional(&mut *c)
            .await?
        });
        Ok(match row {
            Some((expires, hash, until)) => {
                (expires, hash.filter(|_| until.is_some_and(|u| u > now)))
            }
            None => (None, None),
        })
    }

    /// The active level-1 people of an organization: they stand in for a missing owner.
    pub async fn level_one_people(
        &mut self,
        org_id: i64,
    ) -> Result<Vec<CredentialOwner>, sqlx::Error> {
        // Read along the level's index (a handful of rows) and sorted here: with the status or
        // the order in the statement, SQLite's planner walked every person of the organization.
        let mut people = on_conn!(self, c => {
            sqlx::query_as::<_, CredentialOwner>(
                "SELECT id, user_id, last_name, first_name, email, level, language FROM accounts \
                 WHERE org_id = $1 AND kind = 'person' AND level = $2 \
                 AND CASE WHEN status = 'active' THEN 1 ELSE 0 END = 1",
            )
            .bind(org_id)
            .bind(Level::One.code())
            .fetch_all(&mut *c)
            .await?
        });
        people.sort_by_key(|p| p.user_id.to_lowercase());
        Ok(people)
    }

    /// Every service and technical user of the organization, with its owner.
    pub async fn credentials_of(&mut self, org_id: i64) -> Result<Vec<CredentialRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, CredentialRow>(concat!(credential_select!(), "AND a.org_id = $1 ORDER BY a.user_id_key"))
                .bind(org_id)
                .fetch_all(&mut *c)
                .await
        })
    }

    /// One account's credential row.
    pub async fn credential(&mut self, id: i64) -> Result<Option<CredentialRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, CredentialRow>(concat!(credential_select!(), "AND a.id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
        })
    }

    /// Active credentials of every organization that expire within the longest reminder
    /// period after `now` (and have not expired), with the thresholds each has reached.
    pub async fn due_reminders(&mut self, now: i64) -> Result<Vec<DueReminder>, sqlx::Error> {
        let horizon = now + REMINDER_DAYS[0] * DAY;
        let rows = on_conn!(self, c => {
            sqlx::query_as::<_, CredentialRow>(concat!(
                credential_select!(),
                "AND a.status = 'active' AND a.password_expires_at > $1 AND a.password_expires_at <= $2 \
                 ORDER BY a.id"
            ))
            .bind(now)
            .bind(horizon)
            .fetch_all(&mut *c)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|credential| {
                let expires_at = credential.password_expires_at?;
                let thresholds: Vec<i64> = REMINDER_DAYS
                    .into_iter()
                    .filter(|d| expires_at - now <= d * DAY)
                    .collect();
                Some(DueReminder {
                    credential,
                    expires_at,
                    thresholds,
                })
            })
            .collect())
    }

    /// Records that the reminder `days_before` the expiry `expires_at` of an account is
    /// written; false when another process (or an earlier round) wrote it already. On
    /// PostgreSQL a concurrent writer waits on the key until the first commits, then writes
    /// nothing.
    pub async fn claim_reminder(
        &mut self,
        account_id: i64,
        expires_at: i64,
        days_before: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let row: Option<i64> = on_conn!(self, c => {
            sqlx::query_scalar(
                "INSERT INTO credential_reminders (account_id, expires_at, days_before, sent_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, expires_at, days_before) DO NOTHING \
                 RETURNING days_before",
            )
            .bind(account_id)
            .bind(expires_at)
            .bind(days_before)
            .bind(now)
            .fetch_optional(&mut *c)
            .await?
        });
        Ok(row.is_some())
    }

    /// A service user's responsible person (a person of the organization), or none.
    pub async fn set_responsible(
        &mut self,
        account_id: i64,
        responsible: Option<i64>,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET responsible_id = $1 WHERE id = $2")
                .bind(responsible)
                .bind(account_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }
}
