//! Secrets are shown once: every password the server makes appears in exactly one response,
//! and never in the logs, the audit log, the outbox, the database's readable columns, or any
//! later read.

use std::io::Write;
use std::sync::{Arc, Mutex};

use crate::support::{PASSWORD, TestServer, backends};
use serde_json::{Value, json};
use sesame_core::domain::{Language, Level, Status};

#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Recorder<'a> {
    s: &'a TestServer,
    responses: Vec<String>,
}

impl Recorder<'_> {
    async fn call(
        &mut self,
        token: Option<&str>,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Value {
        let (status, v) = self.s.raw(token, method, path, body).await;
        assert!(
            (200..300).contains(&status),
            "{method} {path}: {status} {v}"
        );
        self.responses.push(v.to_string());
        v
    }
}

/// Every readable text column of the database, as one string.
async fn database_text(s: &TestServer) -> String {
    let mut c = s.db.read().await.unwrap();
    let mut out = String::new();
    let org = 1;
    let visibility = sesame_core::domain::rules::Visibility::Everyone;
    for e in c
        .audit_entries(
            org,
            visibility,
            &sesame_server::store::AuditFilter {
                limit: 10_000,
                ..Default::default()
            },
        )
        .await
        .unwrap()
    {
        out.push_str(&format!(
            "{} {} {} {}\n",
            e.actor,
            e.action,
            e.target,
            sesame_core::api::AuditDetail::to_stored(e.detail.as_ref())
        ));
    }
    for m in c.outbox(org, 10_000).await.unwrap() {
        out.push_str(&format!("{} {} {}\n", m.recipient, m.subject, m.body));
    }
    let (rows, _) = c
        .people_page(
            org,
            visibility,
            &sesame_core::api::PeopleQuery {
                limit: Some(5000),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .unwrap();
    for p in rows {
        out.push_str(&format!("{:?}\n", p));
    }
    out
}

#[tokio::test]
async fn passwords_appear_in_exactly_one_response_and_nowhere_else() {
    let logs = Logs::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        assert_eq!(org, 1);
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let manager = s
            .person_with(
                org,
                "celine",
                Level::Two,
                Status::Active,
                Language::Fr,
                Some(PASSWORD),
            )
            .await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        let mut r = Recorder {
            s: &s,
            responses: vec![],
        };
        let mut secrets = vec![];

        let created = r.call(t, "POST", "/api/v1/people", Some(json!({"last_name": "Roy", "first_name": "Léa", "user_id": "lea", "email": "lea@example.org", "level": "level_3"}))).await;
        secrets.push(created["temporary_password"].as_str().unwrap().to_owned());
        let lea = created["person"]["id"].as_i64().unwrap();
        let init = r
            .call(t, "POST", &format!("/api/v1/people/{lea}/password"), None)
            .await;
        secrets.push(init["password"].as_str().unwrap().to_owned());
        let company = r
            .call(
                t,
                "POST",
                "/api/v1/structures",
                Some(json!({"kind": "company", "name": "Lumière"})),
            )
            .await["id"]
            .as_i64()
            .unwrap();
        r.call(
            t,
            "PUT",
            &format!("/api/v1/structures/{company}/primary-manager"),
            Some(json!({"version": 1, "person_id": manager})),
        )
        .await;
        let su = r.call(t, "POST", "/api/v1/service-users", Some(json!({"user_code": "PAIE2026", "application": "Paie", "scope": {"all_companies": true}}))).await;
        secrets.push(su["password"].as_str().unwrap().to_owned());
        let su_id = su["service_user"]["id"].as_i64().unwrap();
        let su_reset = r
            .call(
                t,
                "POST",
                &format!("/api/v1/service-users/{su_id}/password"),
                None,
            )
            .await;
        secrets.push(su_reset["password"].as_str().unwrap().to_owned());
        let tu = r
            .call(
                t,
                "POST",
                &format!("/api/v1/structures/{company}/technical-user"),
                None,
            )
            .await;
        secrets.push(tu["password"].as_str().unwrap().to_owned());
        let tu_id = tu["technical_user"]["id"].as_i64().unwrap();
        let tu_reset = r
            .call(
                t,
                "POST",
                &format!("/api/v1/technical-users/{tu_id}/password"),
                None,
            )
            .await;
        secrets.push(tu_reset["password"].as_str().unwrap().to_owned());
        // Lea changes the temporary password; the server never echoes the chosen one.
        let lea_c = s.client();
        let session = lea_c
            .sign_in("ALPHA", "lea", &secrets[1], None)
            .await
            .unwrap();
        let lea_c = lea_c.with_token(Some(session.token));
        let chosen = "Léa's own long passphrase";
        lea_c.change_password(&secrets[1], chosen).await.unwrap();
        let invitation = r
            .call(
                t,
                "POST",
                "/api/v1/invitations",
                Some(json!({"email": "zoe@example.org"})),
            )
            .await;
        let zoe = invitation["person_id"].as_i64().unwrap();

        // Later reads of everything.
        for path in [
            format!("/api/v1/people/{lea}"),
            format!("/api/v1/people/{zoe}"),
            "/api/v1/people?limit=100".into(),
            "/api/v1/service-users".into(),
            format!("/api/v1/service-users/{su_id}"),
            format!("/api/v1/technical-users/{tu_id}"),
            "/api/v1/structures".into(),
            "/api/v1/audit".into(),
            "/api/v1/outbox".into(),
            "/api/v1/invitations".into(),
            "/api/v1/me".into(),
        ] {
            r.call(t, "GET", &path, None).await;
        }
        let (_, csv) = s.raw(t, "GET", "/api/v1/audit.csv", None).await;
        r.responses.push(csv.to_string());

        let db = database_text(&s).await;
        let log = String::from_utf8_lossy(&logs.0.lock().unwrap()).to_string();
        assert!(log.len() > 1000, "the server did log (at trace level)");
        for secret in secrets.iter().chain([&chosen.to_owned()]) {
            let shown = r
                .responses
                .iter()
                .filter(|resp| resp.contains(secret.as_str()))
                .count();
            let expected = if secret == chosen { 0 } else { 1 };
            assert_eq!(
                shown,
                expected,
                "[{}] {secret} shown {shown} times",
                b.name()
            );
            assert!(
                !db.contains(secret.as_str()),
                "[{}] {secret} is in the database's readable columns",
                b.name()
            );
            assert!(
                !log.contains(secret.as_str()),
                "[{}] {secret} is in the logs",
                b.name()
            );
        }
        // The one secret an outbox row may hold is the invitation link, and only there.
        assert!(db.contains("/invitation/"));
        assert!(
            !r.responses
                .iter()
                .filter(|x| !x.contains("\"body\""))
                .any(|x| x.contains("/invitation/"))
        );
        s.stop().await;
    }
}
