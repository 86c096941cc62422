//! Contacts: the organization's people to reach, and people marked "also a contact".

use super::{Conn, now, on_conn};
use sesame_core::api::Contact;

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
}
