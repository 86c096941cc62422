//! Technical users: one API-only account per structure, managed by its primary manager.

use super::structures::{ManagerColumns, manager_columns};
use super::{Conn, now, on_conn, password_validity, to_time};
use sesame_core::api::TechnicalUser;
use sesame_core::domain::{Language, Status};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TechnicalUserRow {
    pub id: i64,
    pub org_id: i64,
    pub user_id: String,
    pub structure_id: i64,
    pub structure_name: String,
    pub status: String,
    pub language: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub password_set_at: Option<i64>,
    pub password_expires_at: Option<i64>,
    pub previous_password_until: Option<i64>,
    pub manager_id: Option<i64>,
    #[sqlx(flatten)]
    pub manager: ManagerColumns,
}

impl TechnicalUserRow {
    pub fn api(&self) -> TechnicalUser {
        TechnicalUser {
            id: self.id,
            user_id: self.user_id.clone(),
            structure_id: self.structure_id,
            structure_name: self.structure_name.clone(),
            status: Status::parse(&self.status).unwrap_or(Status::Suspended),
            contact_email: self.manager.m_email.clone(),
            primary_manager: self.manager.reference(self.manager_id),
            manager_language: self.manager.language(),
            created_at: to_time(self.created_at),
            last_used_at: self.last_used_at.map(to_time),
            password: password_validity(
                self.password_set_at,
                self.password_expires_at,
                self.previous_password_until,
                now(),
            ),
        }
    }
}

macro_rules! technical_user_select {
    () => {
        concat!(
            "SELECT a.id, a.org_id, a.user_id, a.structure_id, s.name AS structure_name, a.status, \
             a.language, a.created_at, a.last_used_at, a.password_set_at, a.password_expires_at, \
             a.previous_password_until, m.id AS manager_id, ",
            manager_columns!(),
            " FROM accounts a JOIN structures s ON s.id = a.structure_id \
             LEFT JOIN accounts m ON m.id = s.primary_manager_id \
             WHERE a.kind = 'technical_user' "
        )
    };
}

impl Conn {
    pub async fn technical_user(
        &mut self,
        org_id: i64,
        id: i64,
    ) -> Result<Option<TechnicalUserRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, TechnicalUserRow>(concat!(technical_user_select!(), "AND a.org_id = $1 AND a.id = $2"))
                .bind(org_id)
                .bind(id)
                .fetch_optional(&mut *c)
                .await
        })
    }

    pub async fn technical_user_of(
        &mut self,
        org_id: i64,
        structure_id: i64,
    ) -> Result<Option<TechnicalUserRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, TechnicalUserRow>(concat!(technical_user_select!(), "AND a.org_id = $1 AND a.structure_id = $2"))
                .bind(org_id)
                .bind(structure_id)
                .fetch_optional(&mut *c)
                .await
        })
    }

    pub async fn insert_technical_user(
        &mut self,
        org_id: i64,
        structure_id: i64,
        login: &str,
        language: Language,
        password_hash: &str,
    ) -> Result<i64, sqlx::Error> {
        let t = now();
        let expires_at = self.expiry_from(org_id, t).await?;
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO accounts (org_id, kind, user_id, user_id_key, password_hash, status, language, \
                 structure_id, search_text, created_at, password_set_at, password_expires_at) \
                 VALUES ($1, 'technical_user', $2, $3, $4, 'active', $5, $6, $7, $8, $8, $9) RETURNING id",
            )
            .bind(org_id)
            .bind(login)
            .bind(login.to_lowercase())
            .bind(password_hash)
            .bind(language.as_str())
            .bind(structure_id)
            .bind(login.to_lowercase())
            .bind(t)
            .bind(expires_at)
            .fetch_one(&mut *c)
            .await
        })
    }
}
