//! Invitations: the links sent to people to choose their password.

use super::{Conn, now, on_conn};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub account_id: i64,
    pub sent_at: i64,
    pub expires_at: i64,
    pub closed_at: Option<i64>,
}

impl Conn {
    pub async fn insert_invitation(
        &mut self,
        account_id: i64,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            // A new link replaces every earlier one.
            sqlx::query("UPDATE invitations SET closed_at = $1 WHERE account_id = $2 AND closed_at IS NULL")
                .bind(now())
                .bind(account_id)
                .execute(&mut *c)
                .await?;
            sqlx::query("INSERT INTO invitations (account_id, token_hash, sent_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(account_id)
                .bind(token_hash)
                .bind(now())
                .bind(expires_at)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn invitation_by_token(
        &mut self,
        token_hash: &str,
    ) -> Result<Option<InvitationRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, InvitationRow>(
                "SELECT id, account_id, sent_at, expires_at, closed_at FROM invitations WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(&mut *c)
            .await
        })
    }

    /// The latest invitation of each invited person of the organization.
    pub async fn latest_invitations(
        &mut self,
        org_id: i64,
    ) -> Result<Vec<InvitationRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, InvitationRow>(
                "SELECT i.id, i.account_id, i.sent_at, i.expires_at, i.closed_at FROM invitations i \
                 JOIN accounts a ON a.id = i.account_id \
                 WHERE a.org_id = $1 AND a.status = 'invited' \
                 AND i.id = (SELECT MAX(j.id) FROM invitations j WHERE j.account_id = i.account_id) \
                 ORDER BY i.id DESC",
            )
            .bind(org_id)
            .fetch_all(&mut *c)
            .await
        })
    }

    /// Closes the open links of an account (used, expired by hand, or the person removed).
    pub async fn close_invitations(&mut self, account_id: i64) -> Result<u64, sqlx::Error> {
        let r = on_conn!(self, c => {
            sqlx::query("UPDATE invitations SET closed_at = $1 WHERE account_id = $2 AND closed_at IS NULL")
                .bind(now())
                .bind(account_id)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(r)
    }
}
