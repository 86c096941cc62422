//! The mail outbox: mails queued with the change they tell about, sent later.

use super::{Conn, now, on_conn, to_time};
use sesame_core::api::OutboxMessage;
use sesame_core::domain::Language;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub org_id: i64,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

impl OutboxRow {
    pub fn api(&self) -> OutboxMessage {
        OutboxMessage {
            id: self.id,
            recipient: self.recipient.clone(),
            language: Language::parse(&self.language).unwrap_or_default(),
            subject: self.subject.clone(),
            body: self.body.clone(),
            created_at: to_time(self.created_at),
            status: self.status.clone(),
            attempts: self.attempts,
            last_error: self.last_error.clone(),
        }
    }
}

impl Conn {
    /// Queues a mail, in the same transaction as the change it tells about.
    pub async fn queue_mail(
        &mut self,
        org_id: i64,
        recipient: &str,
        language: Language,
        subject: &str,
        body: &str,
    ) -> Result<i64, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO outbox (org_id, recipient, language, subject, body, created_at, next_attempt_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            )
            .bind(org_id)
            .bind(recipient)
            .bind(language.as_str())
            .bind(subject)
            .bind(body)
            .bind(now())
            .fetch_one(&mut *c)
            .await
        })
    }

    pub async fn outbox(&mut self, org_id: i64, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, OutboxRow>(
                "SELECT id, org_id, recipient, language, subject, body, created_at, status, attempts, last_error \
                 FROM outbox WHERE org_id = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(org_id)
            .bind(limit)
            .fetch_all(&mut *c)
            .await
        })
    }

    /// Claims up to `limit` due mails for `lease` seconds. A claim is a conditional update,
    /// so two delivery workers (two server replicas) never send the same mail twice.
    pub async fn claim_due_mail(
        &mut self,
        limit: i64,
        lease: i64,
    ) -> Result<Vec<OutboxRow>, sqlx::Error> {
        let t = now();
        on_conn!(self, c => {
            let due: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
                 AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY id LIMIT $2",
            )
            .bind(t)
            .bind(limit)
            .fetch_all(&mut *c)
            .await?;
            let mut claimed = vec![];
            for id in due {
                let row = sqlx::query_as::<_, OutboxRow>(
                    "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND status = 'pending' \
                     AND (claimed_until IS NULL OR claimed_until < $3) \
                     RETURNING id, org_id, recipient, language, subject, body, created_at, status, attempts, last_error",
                )
                .bind(t + lease)
                .bind(id)
                .bind(t)
                .fetch_optional(&mut *c)
                .await?;
                claimed.extend(row);
            }
            Ok(claimed)
        })
    }

    pub async fn mark_mail_sent(&mut self, id: i64) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, claimed_until = NULL, \
                 last_error = NULL WHERE id = $2",
            )
            .bind(now())
            .bind(id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Records a failed attempt: retried after `retry_in` seconds, or failed for good after
    /// `max_attempts`.
    pub async fn mark_mail_failed(
        &mut self,
        id: i64,
        error: &str,
        retry_in: i64,
        max_attempts: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = NULL, \
                 next_attempt_at = $2, status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END \
                 WHERE id = $4",
            )
            .bind(error)
            .bind(now() + retry_in)
            .bind(max_attempts)
            .bind(id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }
}

impl Conn {
    /// Per status, the mail in the outbox and its failed delivery attempts so far (a sent
    /// mail's last attempt succeeded): what `/metrics` reports, for every organization.
    pub async fn outbox_stats(&mut self) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, (String, i64, i64)>(
                "SELECT status, COUNT(*), \
                 CAST(COALESCE(SUM(CASE WHEN status = 'sent' THEN attempts - 1 ELSE attempts END), 0) AS BIGINT) \
                 FROM outbox GROUP BY status",
            )
            .fetch_all(&mut *c)
            .await
        })
    }
}
