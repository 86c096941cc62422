//! The structure tree and its primary managers.

use super::{Conn, on_conn};
use sesame_core::api::{PersonRef, Structure};
use sesame_core::domain::rules::Actor;
use sesame_core::domain::{Language, Level, StructureKind};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StructureRow {
    pub id: i64,
    pub org_id: i64,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub name: String,
    pub primary_manager_id: Option<i64>,
    pub version: i64,
    pub m_user_id: Option<String>,
    pub m_last_name: Option<String>,
    pub m_first_name: Option<String>,
    pub m_email: Option<String>,
    pub m_level: Option<i64>,
    pub m_language: Option<String>,
    pub technical_user_id: Option<i64>,
}

impl StructureRow {
    pub fn kind(&self) -> StructureKind {
        StructureKind::parse(&self.kind).unwrap_or(StructureKind::Department)
    }
    pub fn manager(&self) -> Option<PersonRef> {
        Some(PersonRef {
            id: self.primary_manager_id?,
            user_id: self.m_user_id.clone().unwrap_or_default(),
            last_name: self.m_last_name.clone().unwrap_or_default(),
            first_name: self.m_first_name.clone().unwrap_or_default(),
            email: self.m_email.clone(),
            level: self.m_level.and_then(Level::from_code),
        })
    }
    pub fn manager_name(&self) -> String {
        format!(
            "{} {}",
            self.m_first_name.as_deref().unwrap_or(""),
            self.m_last_name.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned()
    }
    pub fn manager_language(&self) -> Language {
        self.m_language
            .as_deref()
            .and_then(Language::parse)
            .unwrap_or_default()
    }
    /// The structure as `actor` sees it (with what it may do there).
    pub fn api(&self, actor: &Actor) -> Structure {
        Structure {
            id: self.id,
            parent_id: self.parent_id,
            kind: self.kind(),
            name: self.name.clone(),
            primary_manager: self.manager(),
            technical_user_id: self.technical_user_id,
            may_manage_technical_user: actor
                .may_manage_technical_user(self.primary_manager_id)
                .is_ok(),
            version: self.version,
        }
    }
}

macro_rules! structure_select {
    () => {
        "SELECT s.id, s.org_id, s.parent_id, s.kind, s.name, s.primary_manager_id, s.version, \
         m.user_id AS m_user_id, m.last_name AS m_last_name, m.first_name AS m_first_name, \
         m.email AS m_email, m.level AS m_level, m.language AS m_language, t.id AS technical_user_id \
         FROM structures s LEFT JOIN accounts m ON m.id = s.primary_manager_id \
         LEFT JOIN accounts t ON t.structure_id = s.id AND t.kind = 'technical_user' "
    };
}

impl Conn {
    pub async fn structures(&mut self, org_id: i64) -> Result<Vec<StructureRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, StructureRow>(concat!(structure_select!(), "WHERE s.org_id = $1 ORDER BY s.name, s.id"))
                .bind(org_id)
                .fetch_all(&mut *c)
                .await
        })
    }

    pub async fn structure(
        &mut self,
        org_id: i64,
        id: i64,
    ) -> Result<Option<StructureRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, StructureRow>(concat!(structure_select!(), "WHERE s.org_id = $1 AND s.id = $2"))
                .bind(org_id)
                .bind(id)
                .fetch_optional(&mut *c)
                .await
        })
    }

    pub async fn insert_structure(
        &mut self,
        org_id: i64,
        parent_id: Option<i64>,
        kind: StructureKind,
        name: &str,
    ) -> Result<i64, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO structures (org_id, parent_id, kind, name) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(org_id)
            .bind(parent_id)
            .bind(kind.as_str())
            .bind(name)
            .fetch_one(&mut *c)
            .await
        })
    }

    /// Each change checks the version that was read; returns whether it still matched.
    pub async fn rename_structure(
        &mut self,
        id: i64,
        version: i64,
        name: &str,
    ) -> Result<bool, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query("UPDATE structures SET name = $1, version = version + 1 WHERE id = $2 AND version = $3")
                .bind(name)
                .bind(id)
                .bind(version)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r == 1)
    }

    pub async fn move_structure(
        &mut self,
        id: i64,
        version: i64,
        parent: Option<i64>,
        kind: StructureKind,
    ) -> Result<bool, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query("UPDATE structures SET parent_id = $1, kind = $2, version = version + 1 WHERE id = $3 AND version = $4")
                .bind(parent)
                .bind(kind.as_str())
                .bind(id)
                .bind(version)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r == 1)
    }

    pub async fn set_primary_manager(
        &mut self,
        id: i64,
        version: i64,
        manager: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query("UPDATE structures SET primary_manager_id = $1, version = version + 1 WHERE id = $2 AND version = $3")
                .bind(manager)
                .bind(id)
                .bind(version)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r == 1)
    }

    /// (id, parent) of every structure of the organization: enough to walk the tree.
    pub async fn structure_parents(
        &mut self,
        org_id: i64,
    ) -> Result<Vec<(i64, Option<i64>)>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, (i64, Option<i64>)>("SELECT id, parent_id FROM structures WHERE org_id = $1")
                .bind(org_id)
                .fetch_all(&mut *c)
                .await
        })
    }

    /// The structures a person is primary manager of: a technical user's scope.
    pub async fn structures_managed_by(&mut self, person_id: i64) -> Result<Vec<i64>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>("SELECT id FROM structures WHERE primary_manager_id = $1 ORDER BY id")
                .bind(person_id)
                .fetch_all(&mut *c)
                .await
        })
    }
}
