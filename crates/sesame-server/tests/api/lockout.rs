//! Repeated wrong passwords, from real source addresses (127.0.0.1 and its neighbours on the
//! loopback network): the attacker is refused, the account keeps working from where it last
//! signed in, its owner is told once, the audit log keeps it, and a second server on the same
//! database counts the same failures.

use std::net::IpAddr;

use serde_json::{Value, json};
use sesame_core::domain::{Language, Level, Status};
use sesame_server::Config;

use crate::support::{Backend, PASSWORD, TestServer, backends, database_url, start_on};

/// Small limits, and no slow-down, so that the test counts failures rather than waits.
fn config() -> Config {
    Config {
        slow_after: 100,
        lock_after: 3,
        lock_secs: 600,
        source_slow_after: 100,
        source_lock_after: 8,
        ..Config::default()
    }
}

/// Two servers on one database (the second leaves the database to the first to remove).
async fn two_replicas(b: &Backend) -> (TestServer, TestServer) {
    let (url, dir, pg) = database_url(b).await;
    let a = start_on(b, (url.clone(), dir, pg), config()).await;
    let other = start_on(b, (url, None, None), config()).await;
    (a, other)
}

/// `POST path` with `body`, from the loopback address `from`: (status, body).
async fn post_from(s: &TestServer, from: &str, path: &str, body: Value) -> (u16, Value) {
    post_forwarded(s, from, None, path, body).await
}

/// The same, through a proxy at `from` that names the client in `X-Forwarded-For`.
async fn post_forwarded(
    s: &TestServer,
    from: &str,
    forwarded_for: Option<&str>,
    path: &str,
    body: Value,
) -> (u16, Value) {
    let http = reqwest::Client::builder()
        .local_address(from.parse::<IpAddr>().unwrap())
        .build()
        .unwrap();
    let mut req = http.post(format!("{}{path}", s.url())).json(&body);
    if let Some(client) = forwarded_for {
        req = req.header("x-forwarded-for", client);
    }
    let resp = req
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path} from {from}: {e}"));
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn sign_in(s: &TestServer, from: &str, user: &str, password: &str) -> u16 {
    let body = json!({"organization": "LOCK", "user_id": user, "password": password});
    post_from(s, from, "/api/v1/session", body).await.0
}

async fn token(s: &TestServer, from: &str, user: &str, password: &str) -> u16 {
    let body = json!({"organization": "LOCK", "user_id": user, "password": password});
    post_from(s, from, "/api/v1/token", body).await.0
}

/// The mails about attacks: (recipient, body).
async fn alerts(s: &TestServer, admin: &str) -> Vec<(String, String)> {
    let (st, body) = s.raw(Some(admin), "GET", "/api/v1/outbox", None).await;
    assert_eq!(st, 200, "{body}");
    body.as_array()
        .unwrap()
        .iter()
        .filter(|m| {
            let subject = m["subject"].as_str().unwrap();
            subject.contains("repeated failed sign-ins")
                || subject.contains("échecs de connexion répétés")
        })
        .map(|m| {
            let text = |k: &str| m[k].as_str().unwrap().to_owned();
            (text("recipient"), text("body"))
        })
        .collect()
}

/// The audit lines about attacks: (target, detail).
async fn attack_lines(s: &TestServer, admin: &str) -> Vec<(String, Value)> {
    let path = "/api/v1/audit?action=sign_in_attacked";
    let (st, page) = s.raw(Some(admin), "GET", path, None).await;
    assert_eq!(st, 200, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["target"].as_str().unwrap().to_owned(),
                e["detail"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_attacked_account_keeps_working_from_its_own_address_and_its_owner_is_told_once() {
    for b in backends() {
        let (s, replica) = two_replicas(&b).await;
        let org = s.org("LOCK", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person_with(
            org,
            "zoe",
            Level::Two,
            Status::Active,
            Language::Fr,
            Some(PASSWORD),
        )
        .await;
        let admin = s.sign_in("LOCK", "admin", PASSWORD).await;
        let admin = admin.token().unwrap().to_owned();

        // Zoé works from 127.0.0.1; someone at 127.0.0.2 guesses.
        assert_eq!(sign_in(&s, "127.0.0.1", "zoe", PASSWORD).await, 200);
        assert_eq!(sign_in(&s, "127.0.0.2", "zoe", "guess-1").await, 401);
        assert_eq!(sign_in(&replica, "127.0.0.2", "zoe", "guess-2").await, 401);
        assert_eq!(sign_in(&s, "127.0.0.2", "zoe", "guess-3").await, 423);
        assert_eq!(
            sign_in(&replica, "127.0.0.2", "zoe", PASSWORD).await,
            423,
            "the guesser is refused, even with the right password ({})",
            b.name()
        );
        // Her own address still works, on either server; a new address is refused for now.
        assert_eq!(sign_in(&s, "127.0.0.1", "zoe", PASSWORD).await, 200);
        assert_eq!(sign_in(&replica, "127.0.0.1", "zoe", PASSWORD).await, 200);
        assert_eq!(sign_in(&replica, "127.0.0.3", "zoe", PASSWORD).await, 423);

        // The attack goes on from another address: no second mail.
        for guess in ["guess-4", "guess-5", "guess-6"] {
            sign_in(&replica, "127.0.0.4", "zoe", guess).await;
        }
        assert_eq!(sign_in(&s, "127.0.0.1", "zoe", PASSWORD).await, 200);
        let mails = alerts(&s, &admin).await;
        assert_eq!(mails.len(), 1, "{mails:?}");
        let (to, body) = &mails[0];
        assert_eq!(to, "zoe@example.org");
        assert!(body.contains("127.0.0.2"), "{body}");
        assert!(body.contains("votre compte zoe"), "in her language: {body}");
        let lines = attack_lines(&s, &admin).await;
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].0, "zoe");
        assert_eq!(lines[0].1["source"], "127.0.0.2");
        assert_eq!(lines[0].1["recipients"], json!(["zoe"]));

        // Someone else of the organization is not concerned.
        assert_eq!(sign_in(&s, "127.0.0.3", "admin", PASSWORD).await, 200);
        s.stop().await;
        replica.running.stop().await;
    }
}

#[tokio::test]
async fn a_payroll_link_cannot_be_stopped_by_someone_who_knows_its_user_code() {
    for b in backends() {
        let (s, replica) = two_replicas(&b).await;
        let org = s.org("LOCK", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("LOCK", "admin", PASSWORD).await;
        let admin = admin.token().unwrap().to_owned();
        let (st, created) = s
            .raw(
                Some(&admin),
                "POST",
                "/api/v1/service-users",
                Some(json!({"user_code": "PAIE01", "application": "Paie Nethris",
                    "scope": {"all_companies": true}})),
            )
            .await;
        assert_eq!(st, 200, "{created}");
        let login = created["service_user"]["user_code"]
            .as_str()
            .unwrap()
            .to_owned();
        let password = created["password"].as_str().unwrap().to_owned();

        // The payroll software gets its tokens from 127.0.0.1; the user code is on a letter.
        assert_eq!(token(&s, "127.0.0.1", &login, &password).await, 200);
        for guess in ["guess-1", "guess-2", "guess-3"] {
            token(&replica, "127.0.0.2", &login, guess).await;
        }
        assert_eq!(token(&s, "127.0.0.2", &login, &password).await, 423);
        assert_eq!(
            token(&replica, "127.0.0.1", &login, &password).await,
            200,
            "the payroll link goes on ({})",
            b.name()
        );
        // No responsible person named: the level-1 users are told.
        let mails = alerts(&s, &admin).await;
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert_eq!(mails[0].0, "admin@example.org");
        assert!(mails[0].1.contains("Paie Nethris"), "{}", mails[0].1);
        assert_eq!(attack_lines(&s, &admin).await.len(), 1);
        s.stop().await;
        replica.running.stop().await;
    }
}

#[tokio::test]
async fn an_address_that_fails_on_many_accounts_is_refused_on_all_of_them() {
    for b in backends() {
        let (s, replica) = two_replicas(&b).await;
        let org = s.org("LOCK", false).await;
        s.person(org, "zoe", Level::Two, Some(PASSWORD)).await;
        // Two tries on each of four names (three of them nobody's): below each name's limit,
        // but the eighth from one address.
        let mut answers = vec![];
        for name in ["ann", "bob", "zoe", "nobody"] {
            for guess in ["guess-1", "guess-2"] {
                answers.push(sign_in(&s, "127.0.0.5", name, guess).await);
            }
        }
        assert_eq!(answers, [401, 401, 401, 401, 401, 401, 401, 423]);
        assert_eq!(sign_in(&replica, "127.0.0.5", "zoe", PASSWORD).await, 423);
        assert_eq!(sign_in(&replica, "127.0.0.6", "zoe", PASSWORD).await, 200);
        s.stop().await;
        replica.running.stop().await;
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_counts_and_nowhere_else() {
    let b = Backend::Sqlite;
    let config = Config {
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..config()
    };
    let s = start_on(&b, database_url(&b).await, config).await;
    let org = s.org("LOCK", false).await;
    s.person(org, "zoe", Level::Two, Some(PASSWORD)).await;
    let body =
        |password: &str| json!({"organization": "LOCK", "user_id": "zoe", "password": password});
    let through_proxy = |client: &'static str, password: &'static str| {
        post_forwarded(
            &s,
            "127.0.0.1",
            Some(client),
            "/api/v1/session",
            body(password),
        )
    };
    assert_eq!(through_proxy("192.0.2.10", PASSWORD).await.0, 200);
    for guess in ["guess-1", "guess-2", "guess-3"] {
        through_proxy("198.51.100.7", guess).await;
    }
    // Refused: the guesser behind the proxy, and a new client; not Zoé's own.
    assert_eq!(through_proxy("198.51.100.7", PASSWORD).await.0, 423);
    assert_eq!(through_proxy("203.0.113.1", PASSWORD).await.0, 423);
    assert_eq!(through_proxy("192.0.2.10", PASSWORD).await.0, 200);
    // Only a trusted proxy is believed: a client that writes Zoé's address itself is still
    // the address it comes from.
    let forged = post_forwarded(
        &s,
        "127.0.0.2",
        Some("192.0.2.10"),
        "/api/v1/session",
        body(PASSWORD),
    );
    assert_eq!(forged.await.0, 423);
    s.stop().await;
}
