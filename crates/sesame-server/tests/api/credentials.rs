//! The life of API credentials over real HTTP, on the server's injected clock (moved forward,
//! never slept): validity and expiry, rotation with overlap, and the health view; the
//! reminders are in `credential_reminders`, on the same world.

use serde_json::{Value, json};
use sesame_core::domain::{Language, Level, Status};
use sesame_server::Config;
use sesame_server::clock::Clock;

use crate::support::{Backend, PASSWORD, TestServer, backends};

pub(crate) const DAY: i64 = 86_400;

pub(crate) async fn token(s: &TestServer, user: &str, password: &str) -> (u16, Value) {
    s.raw(
        None,
        "POST",
        "/api/v1/token",
        Some(json!({"organization": "CRED", "user_id": user, "password": password})),
    )
    .await
}

pub(crate) fn secs(v: &Value) -> i64 {
    let text = v.as_str().unwrap_or_else(|| panic!("a time: {v}"));
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .unwrap()
        .unix_timestamp()
}

/// A server on `clock`, an organization (French by default) with a level-1 administrator
/// signed in, and a company whose primary manager is a level-2 person.
pub(crate) struct World {
    pub(crate) s: TestServer,
    pub(crate) clock: Clock,
    admin: String,
    pub(crate) company: i64,
}

pub(crate) async fn world(b: &Backend) -> World {
    let clock = Clock::default();
    let s = crate::support::start_with(
        b,
        Config {
            clock: clock.clone(),
            // The administrator's session outlives the years the clock is moved forward.
            session_hours: 24 * 365 * 30,
            ..Config::default()
        },
    )
    .await;
    let org = s.org("CRED", false).await;
    s.person(org, "admin", Level::One, Some(PASSWORD)).await;
    let manager = s
        .person_with(
            org,
            "manon",
            Level::Two,
            Status::Active,
            Language::Fr,
            Some(PASSWORD),
        )
        .await;
    let admin = s
        .sign_in("CRED", "admin", PASSWORD)
        .await
        .token()
        .unwrap()
        .to_owned();
    let (st, company) = s
        .raw(
            Some(&admin),
            "POST",
            "/api/v1/structures",
            Some(json!({"kind": "company", "name": "Boulangerie Tremblay & Fils"})),
        )
        .await;
    assert_eq!(st, 200, "{company}");
    let company = company["id"].as_i64().unwrap();
    let (st, body) = s
        .raw(
            Some(&admin),
            "PUT",
            &format!("/api/v1/structures/{company}/primary-manager"),
            Some(json!({"version": 1, "person_id": manager})),
        )
        .await;
    assert_eq!(st, 200, "{body}");
    World {
        s,
        clock,
        admin,
        company,
    }
}

impl World {
    pub(crate) fn t(&self) -> Option<&str> {
        Some(&self.admin)
    }

    /// A service user: (id, password).
    pub(crate) async fn service_user(&self, code: &str) -> (i64, String) {
        let (st, body) = self
            .s
            .raw(
                self.t(),
                "POST",
                "/api/v1/service-users",
                Some(json!({"user_code": code, "application": "Paie Nethris",
                    "scope": {"all_companies": true}})),
            )
            .await;
        assert_eq!(st, 200, "{body}");
        (
            body["service_user"]["id"].as_i64().unwrap(),
            body["password"].as_str().unwrap().to_owned(),
        )
    }

    /// The company's technical user: (id, login, password).
    pub(crate) async fn technical_user(&self) -> (i64, String, String) {
        let (st, body) = self
            .s
            .raw(
                self.t(),
                "POST",
                &format!("/api/v1/structures/{}/technical-user", self.company),
                None,
            )
            .await;
        assert_eq!(st, 200, "{body}");
        (
            body["technical_user"]["id"].as_i64().unwrap(),
            body["technical_user"]["user_id"]
                .as_str()
                .unwrap()
                .to_owned(),
            body["password"].as_str().unwrap().to_owned(),
        )
    }

    /// Writes the reminders due on this world's clock; how many credentials got one.
    pub(crate) async fn remind(&self) -> usize {
        self.clock
            .scope(sesame_server::reminders::send_due(&self.s.db))
            .await
            .unwrap()
    }

    pub(crate) async fn outbox(&self) -> Vec<Value> {
        let (st, body) = self.s.raw(self.t(), "GET", "/api/v1/outbox", None).await;
        assert_eq!(st, 200);
        body.as_array().unwrap().clone()
    }

    pub(crate) async fn org_id(&self) -> i64 {
        let mut conn = self.s.db.read().await.unwrap();
        conn.organization_by_code("CRED").await.unwrap().unwrap().id
    }

    /// How many audit entries have this action.
    pub(crate) async fn count(&self, action: &str) -> usize {
        self.actions().await.iter().filter(|a| *a == action).count()
    }

    pub(crate) async fn actions(&self) -> Vec<String> {
        let (_, page) = self.s.raw(self.t(), "GET", "/api/v1/audit", None).await;
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_owned())
            .collect()
    }
}

#[tokio::test]
async fn a_password_expires_after_the_organization_validity_and_is_then_refused_a_token() {
    for b in backends() {
        let w = world(&b).await;
        let s = &w.s;
        let (st, v) = s
            .raw(
                w.t(),
                "GET",
                "/api/v1/organization/credential-validity",
                None,
            )
            .await;
        assert_eq!((st, v.clone()), (200, json!({"days": 365})), "{}", b.name());
        let before = w.clock.now();
        let (id, password) = w.service_user("PAIE2026").await;
        let (_, record) = s
            .raw(w.t(), "GET", &format!("/api/v1/service-users/{id}"), None)
            .await;
        let expires = secs(&record["password_expires_at"]);
        assert!((expires - (before + 365 * DAY)).abs() < 60, "{record}");
        assert!(record["previous_password_until"].is_null());
        assert!(!record.to_string().contains(&password), "secret once");
        let (tech, login, tech_password) = w.technical_user().await;
        let (_, t) = s
            .raw(
                w.t(),
                "GET",
                &format!("/api/v1/technical-users/{tech}"),
                None,
            )
            .await;
        assert!(
            (secs(&t["password_expires_at"]) - expires).abs() < 60,
            "{t}"
        );
        let (_, list) = s.raw(w.t(), "GET", "/api/v1/service-users", None).await;
        assert_eq!(
            list[0]["password_expires_at"],
            record["password_expires_at"]
        );

        assert_eq!(token(s, "PAIE2026", &password).await.0, 200);
        // A day before the expiry it still works; at the expiry it is refused, with its code.
        w.clock.advance(expires - w.clock.now() - DAY);
        assert_eq!(token(s, "PAIE2026", &password).await.0, 200);
        w.clock.advance_days(1);
        let (st, body) = token(s, "PAIE2026", &password).await;
        assert_eq!(st, 401, "{body}");
        assert_eq!(body["error"]["code"], "credential_expired");
        // The organization speaks French: the refusal too.
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("a expiré"),
            "{body}"
        );
        // The technical user was made a moment after the service user: past its expiry too.
        w.clock.advance(60);
        let (st, body) = token(s, &login, &tech_password).await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (401, Some("credential_expired"))
        );
        // A wrong password is still only a wrong password: expiry says nothing to a guesser.
        let (_, body) = token(s, "PAIE2026", "not-the-password").await;
        assert_eq!(body["error"]["code"], "invalid_credentials");
        // A reset issues a password valid for the validity from now.
        let (st, reset) = s
            .raw(
                w.t(),
                "POST",
                &format!("/api/v1/service-users/{id}/password"),
                None,
            )
            .await;
        assert_eq!(st, 200, "{reset}");
        assert!((secs(&reset["expires_at"]) - (w.clock.now() + 365 * DAY)).abs() < 60);
        assert!(reset["previous_password_until"].is_null());
        assert_eq!(
            token(s, "PAIE2026", reset["password"].as_str().unwrap())
                .await
                .0,
            200
        );
        w.s.stop().await;
    }
}

#[tokio::test]
async fn validity_is_a_level_1_setting_and_never_is_an_explicit_choice() {
    for b in backends() {
        let w = world(&b).await;
        let s = &w.s;
        let path = "/api/v1/organization/credential-validity";
        let manon = s.sign_in("CRED", "manon", PASSWORD).await;
        let (st, _) = s
            .raw(manon.token(), "PUT", path, Some(json!({"days": null})))
            .await;
        assert_eq!(st, 403);
        let (st, _) = s.raw(manon.token(), "GET", path, None).await;
        assert_eq!(st, 403);
        for (body, reason) in [
            (json!({}), "required"),
            (json!({"days": 0}), "validity_range"),
            (json!({"days": 3651}), "validity_range"),
            (json!({"days": 1.5}), "invalid_value"),
        ] {
            let (st, e) = s.raw(w.t(), "PUT", path, Some(body.clone())).await;
            assert_eq!(
                (
                    st,
                    e["error"]["field"].as_str(),
                    e["error"]["reason"].as_str()
                ),
                (422, Some("days"), Some(reason)),
                "{body} → {e}"
            );
        }
        let (st, v) = s.raw(w.t(), "PUT", path, Some(json!({"days": null}))).await;
        assert_eq!((st, v), (200, json!({"days": null})));
        let (id, password) = w.service_user("FOREVER1").await;
        let (_, record) = s
            .raw(w.t(), "GET", &format!("/api/v1/service-users/{id}"), None)
            .await;
        assert!(record["password_expires_at"].is_null(), "{record}");
        w.clock.advance_days(5000);
        assert_eq!(token(s, "FOREVER1", &password).await.0, 200);
        let (st, v) = s.raw(w.t(), "PUT", path, Some(json!({"days": 90}))).await;
        assert_eq!((st, v), (200, json!({"days": 90})));
        assert!(w.count("credential_validity_changed").await == 2);
        w.s.stop().await;
    }
}
