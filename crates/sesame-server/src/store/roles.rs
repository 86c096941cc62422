//! The roles catalogue.

use super::{Bind, Conn, bind_all, on_conn};
use sesame_core::api::Role;

/// `$1` to `$6` of the role statements: organization, code, names, descriptions.
fn role_values(org_id: i64, role: &Role) -> [Bind; 6] {
    [
        Bind::Int(org_id),
        Bind::Text(role.code.clone()),
        Bind::Text(role.name_en.clone()),
        Bind::Text(role.name_fr.clone()),
        Bind::Text(role.description_en.clone()),
        Bind::Text(role.description_fr.clone()),
    ]
}

impl Conn {
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
            bind_all!(
                sqlx::query(
                    "INSERT INTO roles (org_id, code, name_en, name_fr, description_en, description_fr) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                ),
                &role_values(org_id, role)
            )
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Returns false when the organization has no role with this code.
    pub async fn update_role(&mut self, org_id: i64, role: &Role) -> Result<bool, sqlx::Error> {
        let n = on_conn!(self, c => {
            bind_all!(
                sqlx::query(
                    "UPDATE roles SET name_en = $3, name_fr = $4, description_en = $5, description_fr = $6 \
                     WHERE org_id = $1 AND code = $2",
                ),
                &role_values(org_id, role)
            )
            .execute(&mut *c)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }
}
