//! Mail: notifications are written to the outbox in the same transaction as the change they
//! tell about, in the recipient's language; a delivery worker sends them by SMTP when an SMTP
//! URL is configured, with retries. Without one they stay in the outbox for the app to show.

use sesame_core::i18n::keys::Mail;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::error::ApiResult;
use super::store::{Conn, CredentialOwner, Db, OrganizationRow, PersonRow, StructureRow, to_time};
use sesame_core::domain::Language;
use sesame_core::i18n::keys::TextKey;
use sesame_core::i18n::texts;

/// A moment as each language writes it in a letter: "November 30, 2026 at 19:05 UTC",
/// "30 novembre 2026 à 19 h 05 (UTC)".
pub fn format_moment(lang: Language, secs: i64) -> String {
    sesame_core::i18n::long_date_time(lang, to_time(secs))
}

fn render(lang: Language, mail: Mail, args: &[(&str, &str)]) -> (String, String) {
    let t = texts();
    (
        t.get(lang, &mail.subject_key(), args),
        t.get(lang, &mail.body_key(), args),
    )
}

/// The invitation, with its one-time link: the only secret an outbox row ever holds.
pub async fn queue_invitation(
    conn: &mut Conn,
    org: &OrganizationRow,
    person: &PersonRow,
    inviter: &str,
    link: &str,
    expires_at: i64,
) -> ApiResult<()> {
    let lang = person.language();
    let expires = format_moment(lang, expires_at);
    // Greeted by name when the inviter gave one.
    let name = person.display_name();
    let greeting = if name.is_empty() {
        texts().get(lang, "mail-hello", &[])
    } else {
        texts().get(lang, "mail-hello-name", &[("name", &name)])
    };
    let (subject, body) = render(
        lang,
        Mail::Invitation,
        &[
            ("organization", &org.name),
            ("code", &org.code),
            ("inviter", inviter),
            ("link", link),
            ("expires", &expires),
            ("greeting", &greeting),
        ],
    );
    conn.queue_mail(org.id, &person.email, lang, &subject, &body)
        .await?;
    Ok(())
}

pub enum TechnicalNotice {
    Created,
    PasswordReset,
    /// A rotation: the old password works until the date given.
    PasswordRotated {
        previous_until: Option<i64>,
    },
}

/// Tells a structure's primary manager, in their language, that its technical user was
/// created or its password reset. Never includes the password.
pub async fn queue_technical_user_notice(
    conn: &mut Conn,
    org: &OrganizationRow,
    structure: &StructureRow,
    login: &str,
    actor: &str,
    notice: TechnicalNotice,
) -> ApiResult<()> {
    let Some(email) = structure.manager.m_email.clone().filter(|e| !e.is_empty()) else {
        return Ok(());
    };
    let lang = structure.manager_language();
    let (name, until) = match notice {
        TechnicalNotice::Created => (Mail::TechnicalCreated, String::new()),
        TechnicalNotice::PasswordReset => (Mail::TechnicalReset, String::new()),
        TechnicalNotice::PasswordRotated { previous_until } => (
            Mail::TechnicalRotated,
            previous_until
                .map(|t| format_moment(lang, t))
                .unwrap_or_else(|| texts().get(lang, "credential-already-expired", &[])),
        ),
    };
    let manager = structure.manager_name();
    let (subject, body) = render(
        lang,
        name,
        &[
            ("organization", &org.name),
            ("code", &org.code),
            ("structure", &structure.name),
            ("manager", &manager),
            ("login", login),
            ("actor", actor),
            ("until", &until),
        ],
    );
    conn.queue_mail(org.id, &email, lang, &subject, &body)
        .await?;
    Ok(())
}

/// Sends due outbox mail until the process ends.
pub fn spawn_delivery(
    db: Db,
    smtp_url: String,
    from: String,
    poll: Duration,
    max_attempts: i64,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp_url) {
            Ok(b) => b.timeout(Some(Duration::from_secs(20))).build(),
            Err(e) => {
                tracing::error!("SMTP URL refused ({e}); mail stays in the outbox");
                return;
            }
        };
        loop {
            match deliver_due(&db, &transport, &from, max_attempts).await {
                Ok(0) => tokio::time::sleep(poll).await,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!("mail delivery: {e}");
                    tokio::time::sleep(poll).await;
                }
            }
        }
    })
}

/// One round: claims due mail, sends it, records the outcome. Returns how many were tried.
pub async fn deliver_due(
    db: &Db,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &str,
    max_attempts: i64,
) -> Result<usize, sqlx::Error> {
    let mut tx = db.begin().await?;
    let due = tx.claim_due_mail(10, 120).await?;
    tx.commit().await?;
    for mail in &due {
        let outcome = match build(from, &mail.recipient, &mail.subject, &mail.body) {
            Ok(message) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        let mut tx = db.begin().await?;
        match outcome {
            Ok(()) => tx.mark_mail_sent(mail.id).await?,
            Err(e) => {
                // 30 s, 1 min, 2 min … capped at an hour.
                let retry_in = (30i64 << mail.attempts.min(7)).min(3600);
                tracing::warn!("mail {} to be retried: {e}", mail.id);
                tx.mark_mail_failed(mail.id, &e, retry_in, max_attempts)
                    .await?
            }
        }
        tx.commit().await?;
    }
    Ok(due.len())
}

fn build(from: &str, to: &str, subject: &str, body: &str) -> Result<Message, String> {
    Message::builder()
        .from(from.parse().map_err(|e| format!("sender: {e}"))?)
        .to(to.parse().map_err(|e| format!("recipient: {e}"))?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_owned())
        .map_err(|e| e.to_string())
}

/// Who is told that an account is being attacked: the person themself; for a service or
/// technical user, its owner (the responsible person, the primary manager), else every
/// level-1 user.
pub struct AttackAlert {
    pub org: OrganizationRow,
    pub login: String,
    /// `None` for a person.
    kind: Option<sesame_core::api::CredentialKind>,
    label: String,
    recipients: Vec<CredentialOwner>,
}

impl AttackAlert {
    pub async fn load(conn: &mut Conn, org_id: i64, account_id: i64) -> ApiResult<Option<Self>> {
        let org = conn.organization(org_id).await?;
        if let Some(p) = conn.person(org_id, account_id).await? {
            let me = CredentialOwner {
                id: p.id,
                user_id: p.user_id.clone(),
                last_name: p.last_name.clone(),
                first_name: p.first_name.clone(),
                email: p.email.clone(),
                level: p.level,
                language: p.language.clone(),
            };
            return Ok(Some(AttackAlert {
                org,
                login: p.user_id,
                kind: None,
                label: String::new(),
                recipients: vec![me],
            }));
        }
        let Some(c) = conn.credential(account_id).await? else {
            return Ok(None);
        };
        let recipients = match c.owner() {
            Some(owner) => vec![owner],
            None => conn.level_one_people(org_id).await?,
        };
        let label = match c.kind() {
            sesame_core::api::CredentialKind::ServiceUser => c.application.clone(),
            sesame_core::api::CredentialKind::TechnicalUser => {
                c.structure_name.clone().unwrap_or_default()
            }
        };
        Ok(Some(AttackAlert {
            org,
            login: c.user_id.clone(),
            kind: Some(c.kind()),
            label,
            recipients,
        }))
    }

    /// Writes the mail to the outbox for each recipient; returns their user IDs.
    pub async fn queue(
        &self,
        conn: &mut Conn,
        source: &str,
        failures: i64,
        until: i64,
    ) -> ApiResult<Vec<String>> {
        for r in self.recipients.iter().filter(|r| !r.email.is_empty()) {
            let lang = r.language();
            let kind = self
                .kind
                .map(|k| texts().get(lang, &k.text_key(), &[]))
                .unwrap_or_default();
            let whose = if self.kind.is_some() {
                "other"
            } else {
                "person"
            };
            let mut args = fluent_bundle::FluentArgs::new();
            for (k, v) in [
                ("organization", self.org.name.as_str()),
                ("code", &self.org.code),
                ("login", &self.login),
                ("label", &self.label),
                ("kind", &kind),
                ("whose", whose),
                ("name", &r.name()),
                ("source", source),
                ("until", &format_moment(lang, until)),
            ] {
                args.set(k, v.to_owned());
            }
            args.set("failures", failures);
            let subject = texts().format(lang, &Mail::UnderAttack.subject_key(), &args);
            let body = texts().format(lang, &Mail::UnderAttack.body_key(), &args);
            conn.queue_mail(self.org.id, &r.email, lang, &subject, &body)
                .await?;
        }
        Ok(self.recipients.iter().map(|r| r.user_id.clone()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_written_as_each_language_does() {
        // 2026-11-30 19:05:00 UTC
        let t = 1_796_065_500;
        assert_eq!(
            format_moment(Language::En, t),
            "November 30, 2026 at 19:05 UTC"
        );
        assert_eq!(
            format_moment(Language::Fr, t),
            "30 novembre 2026 à 19 h 05 (UTC)"
        );
        // A day later: the first of December.
        assert_eq!(
            format_moment(Language::Fr, t + 86_400),
            "1er décembre 2026 à 19 h 05 (UTC)"
        );
    }
}
