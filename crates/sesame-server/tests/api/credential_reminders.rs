//! Reminders before API passwords expire, on the server's injected clock: 30 and 7 days
//! before, to the owner in their language, written once, also by two servers (in one process
//! and as two `sesame-server serve` processes) on one database.

use serde_json::{Value, json};
use sesame_core::domain::{Language, Level, Status};

use crate::credentials::world;
use crate::support::{Backend, backends};

#[tokio::test]
async fn owners_are_reminded_30_and_7_days_before_expiry_once_each_in_their_language() {
    for b in backends() {
        let w = world(&b).await;
        let s = &w.s;
        let org = w.org_id().await;
        let paul = s
            .person_with(org, "paul", Level::Two, Status::Active, Language::En, None)
            .await;
        let (su, _) = w.service_user("REMIND01").await;
        // A level-3 user answers for no API account, as for no structure.
        let lea = s
            .person_with(org, "lea", Level::Three, Status::Active, Language::En, None)
            .await;
        let (st, body) = s
            .raw(
                w.t(),
                "PATCH",
                &format!("/api/v1/service-users/{su}"),
                Some(json!({"version": 1, "responsible_id": lea})),
            )
            .await;
        assert_eq!(
            (
                st,
                &body["error"]["errors"][0]["field"],
                &body["error"]["errors"][0]["code"]
            ),
            (422, &json!("responsible_id"), &json!("invalid_value")),
            "{body}"
        );
        let (st, body) = s
            .raw(
                w.t(),
                "PATCH",
                &format!("/api/v1/service-users/{su}"),
                Some(json!({"version": 1, "responsible_id": paul})),
            )
            .await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(body["responsible"]["user_id"], "paul");
        w.technical_user().await;
        let reminders = |outbox: &[Value]| {
            outbox
                .iter()
                .filter(|m| {
                    let subject = m["subject"].as_str().unwrap();
                    subject.contains("expires on") || subject.contains("expire le")
                })
                .map(|m| {
                    (
                        m["recipient"].as_str().unwrap().to_owned(),
                        m["language"].as_str().unwrap().to_owned(),
                        m["body"].as_str().unwrap().to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(w.remind().await, 0);
        w.clock.advance_days(334);
        assert_eq!(w.remind().await, 0, "31 days before: nothing yet");
        w.clock.advance_days(2);
        assert_eq!(w.remind().await, 2, "29 days before");
        assert_eq!(w.remind().await, 0, "written once");
        let first = reminders(&w.outbox().await);
        assert_eq!(first.len(), 2, "{first:?}");
        let to_paul = first.iter().find(|m| m.0 == "paul@example.org").unwrap();
        assert_eq!(to_paul.1, "en");
        assert!(
            to_paul.2.contains("REMIND01") && to_paul.2.contains("in 29 days"),
            "{}",
            to_paul.2
        );
        let to_manon = first.iter().find(|m| m.0 == "manon@example.org").unwrap();
        assert_eq!(to_manon.1, "fr");
        assert!(
            to_manon.2.contains("TECH") && to_manon.2.contains("dans 29 jours"),
            "{}",
            to_manon.2
        );
        w.clock.advance_days(20);
        assert_eq!(w.remind().await, 0, "9 days before");
        w.clock.advance_days(3);
        assert_eq!(w.remind().await, 2, "6 days before");
        assert_eq!(w.remind().await, 0);
        w.clock.advance_days(10);
        assert_eq!(w.remind().await, 0, "expired: no more reminders");
        let all = reminders(&w.outbox().await);
        assert_eq!(all.len(), 4, "{all:?}");
        assert!(all.iter().any(|m| m.2.contains("in 6 days")));
        assert_eq!(w.count("credential_reminder_sent").await, 4);
        w.s.stop().await;
    }
}

#[tokio::test]
async fn without_a_responsible_person_every_level_1_user_is_reminded_and_a_rotation_rearms() {
    for b in backends() {
        let w = world(&b).await;
        let s = &w.s;
        let org = w.org_id().await;
        s.person(org, "admin2", Level::One, None).await;
        let (su, _) = w.service_user("REMIND02").await;
        w.clock.advance_days(360);
        // Less than 7 days left: one mail (the nearer reminder) to each level-1 user.
        assert_eq!(w.remind().await, 1);
        let mails: Vec<String> = w
            .outbox()
            .await
            .iter()
            .map(|m| m["recipient"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(mails.len(), 2, "{mails:?}");
        assert!(
            mails.contains(&"admin@example.org".into())
                && mails.contains(&"admin2@example.org".into())
        );
        // A rotation gives a new expiry, whose reminders come in their turn.
        let (st, _) = s
            .raw(
                w.t(),
                "POST",
                &format!("/api/v1/service-users/{su}/password/rotate"),
                Some(json!({})),
            )
            .await;
        assert_eq!(st, 200);
        assert_eq!(w.remind().await, 0);
        w.clock.advance_days(340);
        assert_eq!(w.remind().await, 1);
        w.s.stop().await;
    }
}

#[tokio::test]
async fn two_servers_on_one_database_write_each_reminder_once() {
    for b in backends() {
        let w = world(&b).await;
        let (_, _) = w.service_user("TWICE001").await;
        let (_, _) = w.service_user("TWICE002").await;
        w.technical_user().await;
        w.clock.advance_days(340);
        // A second server on the same database, with its own pool, on the same clock.
        let other = sesame_server::Db::connect(&w.s.database_url).await.unwrap();
        for _ in 0..3 {
            let (a, b2) = tokio::join!(
                w.clock.scope(sesame_server::reminders::send_due(&w.s.db)),
                w.clock.scope(sesame_server::reminders::send_due(&other))
            );
            assert!(a.unwrap() + b2.unwrap() <= 3);
        }
        // Three credentials, each reminded once: the technical user's manager, and the
        // service users' stand-in (the one level-1 user) twice.
        assert_eq!(w.outbox().await.len(), 3 + 1, "{:?}", w.outbox().await);
        other.close().await;
        w.s.stop().await;
    }
}

#[tokio::test]
async fn two_server_processes_on_one_postgresql_write_each_reminder_once() {
    let Some(pg) = backends()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let w = world(&pg).await;
    let s = &w.s;
    // Passwords that expire within 30 days, and one within 7, from the real time on.
    let path = "/api/v1/organization/credential-validity";
    s.raw(w.t(), "PUT", path, Some(json!({"days": 20}))).await;
    w.service_user("PROC0001").await;
    w.technical_user().await;
    s.raw(w.t(), "PUT", path, Some(json!({"days": 5}))).await;
    w.service_user("PROC0002").await;
    let outbox_before = w.outbox().await.len();
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_sesame-server"))
            .args([
                "serve",
                "--database",
                &s.database_url,
                "--listen",
                "127.0.0.1:0",
            ])
            .env("SESAME_REMINDER_POLL_SECS", "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("sesame-server starts")
    };
    let mut first = spawn();
    let mut second = spawn();
    // Wait for the three reminders, then let both processes look a few more times.
    let mut waited = 0;
    while w.count("credential_reminder_sent").await < 3 {
        assert!(waited < 300, "reminders written");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let _ = first.kill();
    let _ = second.kill();
    let _ = first.wait();
    let _ = second.wait();
    assert_eq!(w.count("credential_reminder_sent").await, 3);
    let outbox = w.outbox().await;
    // PROC0001 and PROC0002 to the one level-1 user, the technical user to its manager.
    assert_eq!(outbox.len() - outbox_before, 3, "{outbox:?}");
    let subjects: Vec<&str> = outbox
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    for login in ["PROC0001", "PROC0002", "TECH"] {
        assert_eq!(
            subjects.iter().filter(|t| t.contains(login)).count(),
            1,
            "{login}: {subjects:?}"
        );
    }
    w.s.stop().await;
}
