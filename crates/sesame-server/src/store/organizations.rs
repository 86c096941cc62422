//! Organizations: the tenants, each with its code, name and default language.

use super::{Conn, now, on_conn};
use sesame_core::api::Organization;
use sesame_core::domain::Language;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganizationRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub default_language: String,
    pub public_service: bool,
}

impl OrganizationRow {
    pub fn language(&self) -> Language {
        Language::parse(&self.default_language).unwrap_or_default()
    }
    pub fn api(&self) -> Organization {
        Organization {
            code: self.code.clone(),
            name: self.name.clone(),
            default_language: self.language(),
            public_service: self.public_service,
        }
    }
}

impl Conn {
    pub async fn organization_by_code(
        &mut self,
        code: &str,
    ) -> Result<Option<OrganizationRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, OrganizationRow>(
                "SELECT id, code, name, default_language, public_service FROM organizations WHERE code = $1",
            )
            .bind(code.trim().to_uppercase())
            .fetch_optional(&mut *c)
            .await
        })
    }

    /// How many organizations this database holds (0 on a first start).
    pub async fn organization_count(&mut self) -> Result<i64, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM organizations").fetch_one(&mut *c).await
        })
    }

    pub async fn organization(&mut self, id: i64) -> Result<OrganizationRow, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, OrganizationRow>(
                "SELECT id, code, name, default_language, public_service FROM organizations WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&mut *c)
            .await
        })
    }

    pub async fn insert_organization(
        &mut self,
        code: &str,
        name: &str,
        language: Language,
        public_service: bool,
    ) -> Result<i64, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO organizations (code, name, default_language, public_service, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(code.trim().to_uppercase())
            .bind(name)
            .bind(language.as_str())
            .bind(public_service)
            .bind(now())
            .fetch_one(&mut *c)
            .await
        })
    }
}
