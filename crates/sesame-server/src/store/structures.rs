//! The structure tree and its primary managers.

use sqlx::AssertSqlSafe;

use super::{Bind, Conn, bind_all, on_conn};
use sesame_core::api::{PersonRef, Structure};
use sesame_core::domain::rules::{Actor, StructureFacts};
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
    #[sqlx(flatten)]
    pub manager: ManagerColumns,
    pub technical_user_id: Option<i64>,
}

/// The `m_*` columns of [`manager_columns!`]: a structure's primary manager, read with the
/// structure or with its technical user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ManagerColumns {
    pub m_user_id: Option<String>,
    pub m_last_name: Option<String>,
    pub m_first_name: Option<String>,
    pub m_email: Option<String>,
    pub m_level: Option<i64>,
    pub m_language: Option<String>,
}

impl ManagerColumns {
    /// The manager whose account id is `id` (none when the structure has no manager).
    pub fn reference(&self, id: Option<i64>) -> Option<PersonRef> {
        Some(PersonRef {
            id: id?,
            user_id: self.m_user_id.clone().unwrap_or_default(),
            last_name: self.m_last_name.clone().unwrap_or_default(),
            first_name: self.m_first_name.clone().unwrap_or_default(),
            email: self.m_email.clone(),
            level: self.m_level.and_then(Level::from_code),
        })
    }
    pub fn language(&self) -> Option<Language> {
        self.m_language.as_deref().and_then(Language::parse)
    }
}

/// The primary manager `m`'s columns, as [`ManagerColumns`] reads them.
macro_rules! manager_columns {
    () => {
        "m.user_id AS m_user_id, m.last_name AS m_last_name, m.first_name AS m_first_name, \
         m.email AS m_email, m.level AS m_level, m.language AS m_language"
    };
}
pub(super) use manager_columns;

impl StructureRow {
    /// How the audit log names it.
    pub fn reference(&self) -> sesame_core::api::StructureRef {
        sesame_core::api::StructureRef {
            id: self.id,
            name: self.name.clone(),
        }
    }
    pub fn kind(&self) -> StructureKind {
        StructureKind::parse(&self.kind).unwrap_or(StructureKind::Department)
    }
    pub fn manager_name(&self) -> String {
        format!(
            "{} {}",
            self.manager.m_first_name.as_deref().unwrap_or(""),
            self.manager.m_last_name.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned()
    }
    pub fn manager_language(&self) -> Language {
        self.manager.language().unwrap_or_default()
    }
    /// The structure as `actor` sees it (with what it may do there).
    /// The structure as `actor` reads it; `held`: something depends on it.
    pub fn api(&self, actor: &Actor, held: bool) -> Structure {
        let facts = StructureFacts {
            primary_manager: self.primary_manager_id,
            has_technical_user: self.technical_user_id.is_some(),
            held,
        };
        Structure {
            id: self.id,
            parent_id: self.parent_id,
            kind: self.kind(),
            name: self.name.clone(),
            primary_manager: self.manager.reference(self.primary_manager_id),
            technical_user_id: self.technical_user_id,
            actions: actor.structure_actions(&facts),
            version: self.version,
        }
    }
}

macro_rules! structure_select {
    () => {
        concat!(
            "SELECT s.id, s.org_id, s.parent_id, s.kind, s.name, s.primary_manager_id, s.version, ",
            manager_columns!(),
            ", t.id AS technical_user_id \
         FROM structures s LEFT JOIN accounts m ON m.id = s.primary_manager_id \
         LEFT JOIN accounts t ON t.structure_id = s.id AND t.kind = 'technical_user' "
        )
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

    /// Sets `set` (assignments to `$1`, `$2`, … bound to `values`) on structure `id` if its
    /// version is still `version`, the one that was read; returns whether it was.
    async fn change_structure(
        &mut self,
        id: i64,
        version: i64,
        set: &str,
        mut values: Vec<Bind>,
    ) -> Result<bool, sqlx::Error> {
        values.extend([Bind::Int(id), Bind::Int(version)]);
        let sql = format!(
            "UPDATE structures SET {set}, version = version + 1 WHERE id = ${} AND version = ${}",
            values.len() - 1,
            values.len()
        );
        let r = on_conn!(self, c => {
            bind_all!(sqlx::query(AssertSqlSafe(sql)), &values)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r == 1)
    }

    pub async fn rename_structure(
        &mut self,
        id: i64,
        version: i64,
        name: &str,
    ) -> Result<bool, sqlx::Error> {
        self.change_structure(id, version, "name = $1", vec![Bind::Text(name.to_owned())])
            .await
    }

    pub async fn move_structure(
        &mut self,
        id: i64,
        version: i64,
        parent: Option<i64>,
        kind: StructureKind,
    ) -> Result<bool, sqlx::Error> {
        let values = vec![Bind::OptInt(parent), Bind::Text(kind.as_str().to_owned())];
        self.change_structure(id, version, "parent_id = $1, kind = $2", values)
            .await
    }

    pub async fn set_primary_manager(
        &mut self,
        id: i64,
        version: i64,
        manager: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        let values = vec![Bind::OptInt(manager)];
        self.change_structure(id, version, "primary_manager_id = $1", values)
            .await
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

    /// Removes a structure; the caller checked that nothing holds it.
    pub async fn delete_structure(&mut self, id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("DELETE FROM structures WHERE id = $1").bind(id).execute(&mut *c).await?;
        });
        Ok(())
    }

    /// The user codes of the service users whose chosen access names structure `id`.
    /// The structures of the organization that some service user's access names.
    pub async fn structures_in_access(&mut self, org_id: i64) -> Result<Vec<i64>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "SELECT DISTINCT sc.structure_id FROM account_scopes sc \
                 JOIN accounts a ON a.id = sc.account_id \
                 WHERE a.org_id = $1 AND a.kind = 'service_user'",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await
        })
    }

    pub async fn service_users_naming(&mut self, id: i64) -> Result<Vec<String>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, String>(
                "SELECT a.user_id FROM account_scopes sc JOIN accounts a ON a.id = sc.account_id \
                 WHERE sc.structure_id = $1 AND a.kind = 'service_user' ORDER BY a.user_id_key",
            )
            .bind(id)
            .fetch_all(&mut *c)
            .await
        })
    }

    /// Every technical user of the organization: (id, user ID, status, structure).
    pub async fn technical_users_of(
        &mut self,
        org_id: i64,
    ) -> Result<Vec<(i64, String, String, i64)>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, (i64, String, String, i64)>(
                "SELECT id, user_id, status, structure_id FROM accounts \
                 WHERE org_id = $1 AND kind = 'technical_user' ORDER BY user_id_key",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await
        })
    }
}
