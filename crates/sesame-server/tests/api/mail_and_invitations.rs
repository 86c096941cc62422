//! Mail through a real SMTP server (in French and in English), the outbox without SMTP, and
//! the invitation flow through the server's confirmation page.

use std::time::Duration;

use crate::support::smtp::SmtpServer;
use crate::support::{PASSWORD, backends};
use serde_json::json;
use sesame_core::domain::{Language, Level, Status};
use sesame_server::Config;

fn link_in(body: &str) -> String {
    body.lines()
        .find(|l| l.contains("/invitation/"))
        .expect("a link")
        .trim()
        .to_owned()
}

fn mailing(smtp: &SmtpServer) -> Config {
    Config {
        smtp_url: Some(smtp.url()),
        mail_poll: Duration::from_millis(100),
        ..Config::default()
    }
}

#[tokio::test]
async fn invitations_arrive_by_smtp_in_the_invited_persons_language_and_confirm_once() {
    for b in backends() {
        let smtp = SmtpServer::start();
        let s = crate::support::start_with(&b, mailing(&smtp)).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        let (st, inv_fr) = s.raw(t, "POST", "/api/v1/invitations", Some(json!({"email": "Zoe@Example.org", "roles": ["billing"], "language": "fr", "also_contact": true, "last_name": "Zoé", "first_name": "Lune", "contact_purpose": "technical"}))).await;
        assert_eq!(st, 200, "{inv_fr}");
        let (st, _) = s
            .raw(
                t,
                "POST",
                "/api/v1/invitations",
                Some(json!({"email": "aegir@example.org", "language": "en"})),
            )
            .await;
        assert_eq!(st, 200);
        let mails = smtp.wait_for(2).await;
        let fr = mails
            .iter()
            .find(|m| m.to.iter().any(|t| t.contains("zoe@example.org")))
            .unwrap();
        let en = mails
            .iter()
            .find(|m| m.to.iter().any(|t| t.contains("aegir@example.org")))
            .unwrap();
        assert_eq!(
            fr.subject(),
            "Organization ALPHA\u{a0}: confirmez votre accès à Sesame"
        );
        assert!(
            fr.body().contains(
                "Pour accepter, ouvrez ce lien, confirmez et choisissez votre mot de passe\u{a0}:"
            ),
            "{}",
            fr.body()
        );
        assert_eq!(
            en.subject(),
            "Organization ALPHA: confirm your access to Sesame"
        );
        assert!(en.body().contains("To accept, open this link"));
        // Greeted by name when the inviter gave one; plainly otherwise.
        assert!(fr.body().starts_with("Bonjour Lune Zoé,"), "{}", fr.body());
        assert!(en.body().starts_with("Hello,"), "{}", en.body());
        assert!(fr.header("Content-Type").starts_with("text/plain"));
        // The list shows the invited person with the badge "invited", and the contact.
        let id = inv_fr["person_id"].as_i64().unwrap();
        assert_eq!(
            admin.person(id).await.unwrap().person.status,
            Status::Invited
        );
        let (_, contacts) = s.raw(t, "GET", "/api/v1/contacts", None).await;
        assert!(contacts.to_string().contains("zoe@example.org"));
        // The page, in the invited person's language, then the other one.
        let link = link_in(&fr.body());
        let http = reqwest::Client::new();
        let page = http.get(&link).send().await.unwrap().text().await.unwrap();
        assert!(
            page.contains("lang=\"fr\"") && page.contains("Confirmer et activer mon compte"),
            "{page}"
        );
        // Addressed to whoever they are: no masculine agreement.
        assert!(
            page.contains(
                "Une invitation à gérer des comptes avec Sesame a été envoyée à zoe@example.org."
            ) && page.contains("Confirmer le nouveau mot de passe"),
            "{page}"
        );
        let page = http
            .get(format!("{link}?lang=en"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Confirm and activate my account"));
        let post = |pw: &'static str, again: &'static str| {
            let http = http.clone();
            let link = link.clone();
            async move {
                http.post(&link)
                    .form(&[("password", pw), ("password_repeat", again), ("lang", "fr")])
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap()
            }
        };
        assert!(
            post("a long new password", "a different one!!")
                .await
                .contains("Les deux mots de passe diffèrent.")
        );
        assert!(post("short", "short").await.contains("trop court"));
        let done = post("a long new password", "a long new password").await;
        assert!(done.contains("Votre compte est actif"), "{done}");
        assert!(
            post("a long new password", "a long new password")
                .await
                .contains("Ce lien ne fonctionne plus"),
            "once only"
        );
        assert_eq!(
            admin.person(id).await.unwrap().person.status,
            Status::Active
        );
        s.client()
            .sign_in("ALPHA", "zoe@example.org", "a long new password", None)
            .await
            .unwrap();
        // Everything sent is recorded as sent.
        let (_, outbox) = s.raw(t, "GET", "/api/v1/outbox", None).await;
        assert!(
            outbox
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["status"] == "sent"),
            "{outbox}"
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn technical_user_notices_reach_the_manager_in_their_language() {
    for b in backends() {
        let smtp = SmtpServer::start();
        let s = crate::support::start_with(&b, mailing(&smtp)).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let fr = s
            .person_with(
                org,
                "celine",
                Level::Two,
                Status::Active,
                Language::Fr,
                None,
            )
            .await;
        let en = s
            .person_with(org, "rita", Level::Two, Status::Active, Language::En, None)
            .await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        for (name, manager) in [("Atelier de Montréal", fr), ("Warehouse", en)] {
            let (_, st) = s
                .raw(
                    t,
                    "POST",
                    "/api/v1/structures",
                    Some(json!({"kind": "company", "name": name})),
                )
                .await;
            let id = st["id"].as_i64().unwrap();
            s.raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{id}/primary-manager"),
                Some(json!({"version": 1, "person_id": manager})),
            )
            .await;
            let (code, created) = s
                .raw(
                    t,
                    "POST",
                    &format!("/api/v1/structures/{id}/technical-user"),
                    None,
                )
                .await;
            assert_eq!(code, 200);
            let password = created["password"].as_str().unwrap().to_owned();
            let mails = smtp.wait_for(if manager == fr { 1 } else { 2 }).await;
            let last = mails.last().unwrap();
            assert!(!String::from_utf8_lossy(&last.raw).contains(&password));
            if manager == fr {
                assert_eq!(
                    last.subject(),
                    "Organization ALPHA\u{a0}: utilisateur technique créé pour Atelier de Montréal"
                );
                assert!(last.body().contains("Bonjour First celine Last celine,"));
            } else {
                assert_eq!(
                    last.subject(),
                    "Organization ALPHA: technical user created for Warehouse"
                );
                assert!(
                    last.body()
                        .contains("A technical user was created for the structure Warehouse")
                );
            }
        }
        s.stop().await;
    }
}

#[tokio::test]
async fn without_smtp_mail_waits_in_the_outbox_and_a_failing_server_is_retried() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let (_, inv) = s
            .raw(
                admin.token(),
                "POST",
                "/api/v1/invitations",
                Some(json!({"email": "lea@example.org"})),
            )
            .await;
        let (_, outbox) = s.raw(admin.token(), "GET", "/api/v1/outbox", None).await;
        assert_eq!(outbox[0]["status"], "pending");
        assert!(
            outbox[0]["body"].as_str().unwrap().contains("/invitation/"),
            "the embedded setup reads the link here"
        );
        // Resend replaces the link: the first one stops working.
        let first = link_in(outbox[0]["body"].as_str().unwrap());
        let id = inv["person_id"].as_i64().unwrap();
        let (st, _) = s
            .raw(
                admin.token(),
                "POST",
                &format!("/api/v1/invitations/{id}/resend"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let page = reqwest::get(&first).await.unwrap().text().await.unwrap();
        assert!(page.contains("This link no longer works"));
        let (_, outbox) = s.raw(admin.token(), "GET", "/api/v1/outbox", None).await;
        let second = link_in(outbox[0]["body"].as_str().unwrap());
        let (st, expired) = s
            .raw(
                admin.token(),
                "POST",
                &format!("/api/v1/invitations/{id}/expire"),
                None,
            )
            .await;
        assert_eq!((st, expired["expired"].as_bool()), (200, Some(true)));
        assert!(
            reqwest::get(&second)
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
                .contains("This link no longer works")
        );
        s.stop().await;

        // An SMTP server that does not answer: attempts are counted, the mail stays pending.
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = closed.local_addr().unwrap().port();
        drop(closed);
        let config = Config {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            mail_poll: Duration::from_millis(100),
            ..Config::default()
        };
        let s = crate::support::start_with(&b, config).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        s.raw(
            admin.token(),
            "POST",
            "/api/v1/invitations",
            Some(json!({"email": "lea@example.org"})),
        )
        .await;
        let mut attempts = 0;
        for _ in 0..50 {
            let (_, outbox) = s.raw(admin.token(), "GET", "/api/v1/outbox", None).await;
            attempts = outbox[0]["attempts"].as_i64().unwrap();
            if attempts > 0 {
                assert_eq!(outbox[0]["status"], "pending");
                assert!(outbox[0]["last_error"].as_str().is_some());
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(attempts, 1, "tried once, retried later");
        s.stop().await;
    }
}
