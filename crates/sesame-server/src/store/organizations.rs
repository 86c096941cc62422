//! Organizations: the tenants, each with its code, name and default language.

use super::{Conn, now, on_conn};
use sesame_core::api::{API_PREFIX, DocumentSettings, Organization};
use sesame_core::domain::{Language, address};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganizationRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub default_language: String,
    pub public_service: bool,
    pub protect_documents: bool,
    pub public_api_url: Option<String>,
}

impl OrganizationRow {
    pub fn language(&self) -> Language {
        Language::parse(&self.default_language).unwrap_or_default()
    }
    /// The organization as the API sends it; `server_url`: the server's public address.
    pub fn api(&self, server_url: &str) -> Organization {
        let api_address = match &self.public_api_url {
            Some(own) => own.clone(),
            None => format!("{}{API_PREFIX}", server_url.trim_end_matches('/')),
        };
        Organization {
            code: self.code.clone(),
            name: self.name.clone(),
            default_language: self.language(),
            public_service: self.public_service,
            documents: DocumentSettings {
                protect_documents: self.protect_documents,
                public_api_url: self.public_api_url.clone(),
            },
            api_address: (!address::is_this_computer_only(&api_address)).then_some(api_address),
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
                "SELECT id, code, name, default_language, public_service, protect_documents, \
                 public_api_url FROM organizations WHERE code = $1",
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
                "SELECT id, code, name, default_language, public_service, protect_documents, \
                 public_api_url FROM organizations WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&mut *c)
            .await
        })
    }

    /// Sets how the organization hands documents over.
    pub async fn set_document_settings(
        &mut self,
        org_id: i64,
        settings: &DocumentSettings,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE organizations SET protect_documents = $1, public_api_url = $2 WHERE id = $3",
            )
            .bind(settings.protect_documents)
            .bind(settings.public_api_url.as_deref())
            .bind(org_id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
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
