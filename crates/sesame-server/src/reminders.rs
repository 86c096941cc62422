//! Reminders before API passwords expire: 30 and 7 days before, a mail to the credential's
//! owner (a technical user's primary manager; a service user's responsible person, else every
//! level-1 user) in their language. Every replica looks for due reminders; each is written to
//! the outbox once, because claiming it is an `INSERT … ON CONFLICT DO NOTHING` on its key in
//! the same transaction as the mail.

use sesame_core::i18n::keys::{Mail, TextKey};
use std::time::Duration;

use crate::clock::Clock;
use crate::mail::format_moment;
use crate::store::{AuditRecord, CredentialOwner, Db, DueReminder, now};
use sesame_core::api::AuditDetail;
use sesame_core::domain::AuditAction;
use sesame_core::i18n::texts;

const DAY: i64 = 86_400;

/// Looks for due reminders now, then every `poll`, on `clock`, until the process ends.
pub fn spawn(db: Db, clock: Clock, poll: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = clock.scope(send_due(&db)).await {
                tracing::warn!("expiry reminders: {e}");
            }
            tokio::time::sleep(poll).await;
        }
    })
}

/// Writes every reminder due now that no one wrote yet; returns how many credentials got one.
pub async fn send_due(db: &Db) -> Result<usize, sqlx::Error> {
    let t = now();
    let due = db.read().await?.due_reminders(t).await?;
    let mut written = 0;
    for reminder in due {
        let mut tx = db.begin().await?;
        let mut claimed = vec![];
        for days in &reminder.thresholds {
            if tx
                .claim_reminder(reminder.credential.id, reminder.expires_at, *days, t)
                .await?
            {
                claimed.push(*days);
            }
        }
        // A password issued with less than 7 days to live reaches both thresholds at once:
        // one mail, the nearer one.
        if let Some(days_before) = claimed.iter().min().copied() {
            let recipients = match reminder.credential.owner() {
                Some(owner) => vec![owner],
                None => tx.level_one_people(reminder.credential.org_id).await?,
            };
            let org = tx.organization(reminder.credential.org_id).await?;
            for r in &recipients {
                let (subject, body) = mail(&reminder, r, &org.name, &org.code, t);
                tx.queue_mail(org.id, &r.email, r.language(), &subject, &body)
                    .await?;
            }
            tx.audit(AuditRecord {
                org_id: org.id,
                actor_id: None,
                actor_label: "sesame",
                action: AuditAction::CredentialReminderSent,
                target_id: Some(reminder.credential.id),
                target_label: &reminder.credential.user_id,
                detail: Some(AuditDetail::Reminder {
                    days_before,
                    expires_at: crate::store::to_time(reminder.expires_at),
                    recipients: recipients.iter().map(|r| r.user_id.clone()).collect(),
                }),
            })
            .await?;
            written += 1;
        }
        tx.commit().await?;
    }
    Ok(written)
}

fn mail(
    reminder: &DueReminder,
    to: &CredentialOwner,
    organization: &str,
    code: &str,
    t: i64,
) -> (String, String) {
    let lang = to.language();
    let c = &reminder.credential;
    let kind = texts().get(lang, &c.kind().text_key(), &[]);
    let label = match c.kind() {
        sesame_core::api::CredentialKind::ServiceUser => c.application.clone(),
        sesame_core::api::CredentialKind::TechnicalUser => {
            c.structure_name.clone().unwrap_or_default()
        }
    };
    let expires = format_moment(lang, reminder.expires_at);
    let name = to.name();
    let args = [
        ("organization", organization),
        ("code", code),
        ("login", c.user_id.as_str()),
        ("label", label.as_str()),
        ("kind", kind.as_str()),
        ("expires", expires.as_str()),
        ("name", name.as_str()),
    ];
    // Days left, rounded up (6 days and 2 hours is 7 days), as a number, so that Fluent picks
    // "1 day" or "2 days" by the language's rules.
    let mut fluent = fluent_bundle::FluentArgs::new();
    for (k, v) in args {
        fluent.set(k, v.to_owned());
    }
    fluent.set("days", (reminder.expires_at - t + DAY - 1) / DAY);
    (
        texts().format(lang, &Mail::CredentialReminder.subject_key(), &fluent),
        texts().format(lang, &Mail::CredentialReminder.body_key(), &fluent),
    )
}
