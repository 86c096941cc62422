//! Technical users: one API-only account per structure, managed by its primary manager.

use super::{Conn, now, on_conn, to_time};
use sesame_core::api::{PersonRef, TechnicalUser};
use sesame_core::domain::{Language, Level, Status};

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
    pub manager_id: Option<i64>,
    pub m_user_id: Option<String>,
    pub m_last_name: Option<String>,
    pub m_first_name: Option<String>,
    pub m_email: Option<String>,
    pub m_level: Option<i64>,
    pub m_language: Option<String>,
}

impl TechnicalUserRow {
    pub fn api(&self) -> TechnicalUser {
        let manager = self.manager_id.map(|id| PersonRef {
            id,
            user_id: self.m_user_id.clone().unwrap_or_default(),
            last_name: self.m_last_name.clone().unwrap_or_default(),
            first_name: self.m_first_name.clone().unwrap_or_default(),
            email: self.m_email.clone(),
            level: self.m_level.and_then(Level::from_code),
        });
        TechnicalUser {
            id: self.id,
            user_id: self.user_id.clone(),
            structure_id: self.structure_id,
            structure_name: self.structure_name.clone(),
            status: Status::parse(&self.status).unwrap_or(Status::Suspended),
            contact_email: self.m_email.clone(),
            primary_manager: manager,
            manager_language: self.m_language.as_deref().and_then(Language::parse),
            created_at: to_time(self.created_at),
            last_used_at: self.last_used_at.map(to_time),
        }
    }
}

macro_rules! technical_user_select {
    () => {
        "SELECT a.id, a.org_id, a.user_id, a.structure_id, s.name AS structure_name, a.status, a.language, \
         a.created_at, a.last_used_at, m.id AS manager_id, m.user_id AS m_user_id, m.last_name AS m_last_name, \
         m.first_name AS m_first_name, m.email AS m_email, m.level AS m_level, m.language AS m_language \
         FROM accounts a JOIN structures s ON s.id = a.structure_id \
         LEFT JOIN accounts m ON m.id = s.primary_manager_id \
         WHERE a.kind = 'technical_user' "
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
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO accounts (org_id, kind, user_id, user_id_key, password_hash, status, language, \
                 structure_id, search_text, created_at) \
                 VALUES ($1, 'technical_user', $2, $3, $4, 'active', $5, $6, $7, $8) RETURNING id",
            )
            .bind(org_id)
            .bind(login)
            .bind(login.to_lowercase())
            .bind(password_hash)
            .bind(language.as_str())
            .bind(structure_id)
            .bind(login.to_lowercase())
            .bind(now())
            .fetch_one(&mut *c)
            .await
        })
    }
}
