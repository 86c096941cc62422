//! Service users: the API-only accounts of applications, with their structure scope.

use std::collections::HashMap;

use super::{Conn, now, on_conn, password_validity, to_time};
use sesame_core::api::{PersonRef, ServiceUser};
use sesame_core::domain::{Language, Level, Scope, Status};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ServiceUserRow {
    pub id: i64,
    pub user_id: String,
    pub application: String,
    pub status: String,
    pub language: String,
    pub scope_all_companies: bool,
    pub scope_whole_structure: bool,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub version: i64,
    pub provisioning: bool,
    pub password_set_at: Option<i64>,
    pub password_expires_at: Option<i64>,
    pub previous_password_until: Option<i64>,
    pub r_id: Option<i64>,
    pub r_user_id: Option<String>,
    pub r_last_name: Option<String>,
    pub r_first_name: Option<String>,
    pub r_email: Option<String>,
    pub r_level: Option<i64>,
}

impl ServiceUserRow {
    pub fn api(&self, structure_ids: Vec<i64>) -> ServiceUser {
        ServiceUser {
            id: self.id,
            user_code: self.user_id.clone(),
            application: self.application.clone(),
            status: Status::parse(&self.status).unwrap_or(Status::Suspended),
            language: Language::parse(&self.language).unwrap_or_default(),
            scope: Scope {
                all_companies: self.scope_all_companies,
                whole_structure: self.scope_whole_structure,
                structure_ids,
            },
            created_at: to_time(self.created_at),
            last_used_at: self.last_used_at.map(to_time),
            password: password_validity(
                self.password_set_at,
                self.password_expires_at,
                self.previous_password_until,
                now(),
            ),
            responsible: self.r_id.map(|id| PersonRef {
                id,
                user_id: self.r_user_id.clone().unwrap_or_default(),
                last_name: self.r_last_name.clone().unwrap_or_default(),
                first_name: self.r_first_name.clone().unwrap_or_default(),
                email: self.r_email.clone(),
                level: self.r_level.and_then(Level::from_code),
            }),
            version: self.version,
            provisioning: self.provisioning,
            // Said by the routes, which know the reader.
            actions: vec![],
        }
    }
}

const SERVICE_USER_SELECT: &str = "SELECT a.id, a.org_id, a.user_id, a.application, a.status, a.language, \
     a.scope_all_companies, a.scope_whole_structure, a.created_at, a.last_used_at, a.version, \
     a.provisioning_by IS NOT NULL AS provisioning, \
     a.password_set_at, a.password_expires_at, a.previous_password_until, r.id AS r_id, \
     r.user_id AS r_user_id, r.last_name AS r_last_name, r.first_name AS r_first_name, \
     r.email AS r_email, r.level AS r_level \
     FROM accounts a LEFT JOIN accounts r ON r.id = a.responsible_id ";

impl Conn {
    pub async fn service_users(&mut self, org_id: i64) -> Result<Vec<ServiceUser>, sqlx::Error> {
        let (rows, scopes): (Vec<ServiceUserRow>, Vec<(i64, i64)>) = on_conn!(self, c => {
            let rows = sqlx::query_as::<_, ServiceUserRow>(sqlx::AssertSqlSafe(format!(
                "{SERVICE_USER_SELECT} WHERE a.org_id = $1 AND a.kind = 'service_user' ORDER BY a.user_id_key"
            )))
            .bind(org_id)
            .fetch_all(&mut *c)
            .await?;
            // All scopes in one query, not one per service user.
            let scopes = sqlx::query_as::<_, (i64, i64)>(
                "SELECT sc.account_id, sc.structure_id FROM account_scopes sc \
                 JOIN accounts a ON a.id = sc.account_id WHERE a.org_id = $1 AND a.kind = 'service_user' \
                 ORDER BY sc.structure_id",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await?;
            (rows, scopes)
        });
        let mut by_account: HashMap<i64, Vec<i64>> = HashMap::new();
        for (account, structure) in scopes {
            by_account.entry(account).or_default().push(structure);
        }
        Ok(rows
            .iter()
            .map(|r| r.api(by_account.remove(&r.id).unwrap_or_default()))
            .collect())
    }

    pub async fn service_user(
        &mut self,
        org_id: i64,
        id: i64,
    ) -> Result<Option<ServiceUser>, sqlx::Error> {
        let row: Option<ServiceUserRow> = on_conn!(self, c => {
            sqlx::query_as::<_, ServiceUserRow>(sqlx::AssertSqlSafe(format!(
                "{SERVICE_USER_SELECT} WHERE a.org_id = $1 AND a.id = $2 AND a.kind = 'service_user'"
            )))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut *c)
            .await?
        });
        let Some(row) = row else { return Ok(None) };
        let scope = self.account_scope(id).await?;
        Ok(Some(row.api(scope)))
    }

    pub async fn account_scope(&mut self, account_id: i64) -> Result<Vec<i64>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>("SELECT structure_id FROM account_scopes WHERE account_id = $1 ORDER BY structure_id")
                .bind(account_id)
                .fetch_all(&mut *c)
                .await
        })
    }

    /// A new service user; its password expires after the organization's validity.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_service_user(
        &mut self,
        org_id: i64,
        user_code: &str,
        application: &str,
        status: Status,
        language: Language,
        password_hash: &str,
        scope: &Scope,
    ) -> Result<i64, sqlx::Error> {
        let t = now();
        let expires_at = self.expiry_from(org_id, t).await?;
        let id: i64 = on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO accounts (org_id, kind, user_id, user_id_key, password_hash, status, language, \
                 application, scope_all_companies, scope_whole_structure, search_text, created_at, \
                 password_set_at, password_expires_at) \
                 VALUES ($1, 'service_user', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
            )
            .bind(org_id)
            .bind(user_code)
            .bind(user_code.to_lowercase())
            .bind(password_hash)
            .bind(status.as_str())
            .bind(language.as_str())
            .bind(application)
            .bind(scope.all_companies)
            .bind(scope.whole_structure)
            .bind(user_code.to_lowercase())
            .bind(t)
            .bind(expires_at)
            .fetch_one(&mut *c)
            .await?
        });
        self.replace_scope(id, &scope.structure_ids).await?;
        Ok(id)
    }

    pub async fn replace_scope(
        &mut self,
        account_id: i64,
        structure_ids: &[i64],
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("DELETE FROM account_scopes WHERE account_id = $1").bind(account_id).execute(&mut *c).await?;
            for s in structure_ids {
                sqlx::query(
                    "INSERT INTO account_scopes (account_id, structure_id) VALUES ($1, $2) \
                     ON CONFLICT (account_id, structure_id) DO NOTHING",
                )
                .bind(account_id)
                .bind(*s)
                .execute(&mut *c)
                .await?;
            }
        });
        Ok(())
    }

    pub async fn update_service_user(
        &mut self,
        id: i64,
        version: i64,
        application: &str,
        status: Status,
        language: Language,
        scope: &Scope,
    ) -> Result<bool, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query(
                "UPDATE accounts SET application = $1, status = $2, language = $3, scope_all_companies = $4, \
                 scope_whole_structure = $5, version = version + 1 WHERE id = $6 AND version = $7 AND kind = 'service_user'",
            )
            .bind(application)
            .bind(status.as_str())
            .bind(language.as_str())
            .bind(scope.all_companies)
            .bind(scope.whole_structure)
            .bind(id)
            .bind(version)
            .execute(&mut *c)
            .await?
                .rows_affected()
        });
        if r != 1 {
            return Ok(false);
        }
        self.replace_scope(id, &scope.structure_ids).await?;
        if status != Status::Active {
            on_conn!(self, c => {
                sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut *c).await?;
            });
        }
        Ok(true)
    }
}
