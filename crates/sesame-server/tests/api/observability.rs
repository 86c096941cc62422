//! Observability over real HTTP: `/metrics` read back by a strict Prometheus text-format parser after
//! real requests, and the request id of every answer.

use crate::support::{PASSWORD, backends};
use std::collections::HashMap;

use serde_json::json;
use sesame_core::domain::Level;

/// One sample of the Prometheus text format (0.0.4).
#[derive(Debug)]
pub(crate) struct Sample {
    pub(crate) name: String,
    pub(crate) labels: HashMap<String, String>,
    pub(crate) value: f64,
}

/// A strict reader of the Prometheus text format: every line is a `# HELP` or `# TYPE`
/// comment (the type one of the format's) or a sample `name{label="value",…} number`, label
/// values with the format's escapes (`\\`, `\"`, `\n`); anything else fails the test. (The
/// parser crate at hand reads a `}` inside a label value, as in `/people/{id}`, as the end of
/// the labels.)
pub(crate) fn parse_prometheus(text: &str) -> Vec<Sample> {
    let name_ok = |n: &str| {
        n.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
    };
    let mut out = vec![];
    for line in text.lines().filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap_or_else(|| panic!("{line}"));
            assert!(name_ok(name), "{line}");
            assert!(
                ["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind),
                "{line}"
            );
            continue;
        }
        if let Some(rest) = line.strip_prefix("# HELP ") {
            assert!(name_ok(rest.split(' ').next().unwrap()), "{line}");
            continue;
        }
        let end = line.find(['{', ' ']).unwrap_or_else(|| panic!("{line}"));
        let name = &line[..end];
        assert!(name_ok(name), "{line}");
        let mut labels = HashMap::new();
        let mut rest = &line[end..];
        if let Some(mut inner) = rest.strip_prefix('{') {
            loop {
                if let Some(after) = inner.strip_prefix('}') {
                    rest = after;
                    break;
                }
                let (key, after) = inner.split_once("=\"").unwrap_or_else(|| panic!("{line}"));
                assert!(name_ok(key), "{line}");
                let mut value = String::new();
                let mut chars = after.char_indices();
                let close = loop {
                    match chars.next() {
                        Some((_, '\\')) => match chars.next() {
                            Some((_, 'n')) => value.push('\n'),
                            Some((_, c @ ('\\' | '"'))) => value.push(c),
                            other => panic!("bad escape {other:?} in {line}"),
                        },
                        Some((i, '"')) => break i,
                        Some((_, c)) => value.push(c),
                        None => panic!("unterminated label in {line}"),
                    }
                };
                labels.insert(key.to_owned(), value);
                inner = &after[close + 1..];
                inner = inner.strip_prefix(',').unwrap_or(inner);
            }
        }
        let value = rest.strip_prefix(' ').unwrap_or_else(|| panic!("{line}"));
        let value = match value {
            "+Inf" => f64::INFINITY,
            v => v.parse().unwrap_or_else(|_| panic!("a number: {line}")),
        };
        out.push(Sample {
            name: name.to_owned(),
            labels,
            value,
        });
    }
    out
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_report_the_outbox_and_the_pool() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        for _ in 0..3 {
            let (st, _) = s.raw(admin.token(), "GET", "/api/v1/people", None).await;
            assert_eq!(st, 200);
        }
        let (st, _) = s
            .raw(admin.token(), "GET", "/api/v1/people/999999", None)
            .await;
        assert_eq!(st, 404);
        // An invitation writes a mail to the outbox; with no mail server it stays pending.
        let (st, body) = s
            .raw(
                admin.token(),
                "POST",
                "/api/v1/invitations",
                Some(json!({"email": "new@example.org"})),
            )
            .await;
        assert_eq!(st, 200, "{body}");

        let r = reqwest::get(format!("{}/metrics", s.url())).await.unwrap();
        assert_eq!(r.status().as_u16(), 200);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain; version=0.0.4")
        );
        let text = r.text().await.unwrap();
        let samples = parse_prometheus(&text);
        let number = |metric: &str, labels: &[(&str, &str)]| {
            samples
                .iter()
                .find(|x| {
                    x.name == metric
                        && labels
                            .iter()
                            .all(|(k, v)| x.labels.get(*k).map(String::as_str) == Some(*v))
                })
                .map(|x| x.value)
                .unwrap_or_else(|| panic!("{metric} {labels:?} in:\n{text}"))
        };
        let people = [
            ("method", "GET"),
            ("route", "/api/v1/people"),
            ("status", "200"),
        ];
        assert_eq!(number("sesame_http_requests_total", &people), 3.0);
        let missing = [("route", "/api/v1/people/{id}"), ("status", "404")];
        assert_eq!(number("sesame_http_requests_total", &missing), 1.0);
        let latency = [("route", "/api/v1/people"), ("le", "+Inf")];
        assert_eq!(
            number("sesame_http_request_duration_seconds_bucket", &latency),
            3.0
        );
        let count = [("route", "/api/v1/people")];
        assert_eq!(
            number("sesame_http_request_duration_seconds_count", &count),
            3.0
        );
        assert!(number("sesame_http_request_duration_seconds_sum", &count) > 0.0);
        assert!(number("sesame_outbox_messages", &[("status", "pending")]) >= 1.0);
        assert_eq!(number("sesame_outbox_delivery_failures", &[]), 0.0);
        assert!(number("sesame_db_pool_connections", &[("state", "max")]) >= 1.0);
        assert!(number("sesame_db_pool_connections", &[("state", "open")]) >= 1.0);
        s.stop().await;
    }
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_keeps_the_callers() {
    sesame_client::install_crypto();
    let b = &backends()[0];
    let s = crate::support::start(b).await;
    let http = reqwest::Client::new();
    let id_of = |r: &reqwest::Response| r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let sent = http
        .get(format!("{}/api/v1/session", s.url()))
        .header("x-request-id", "hr-sync-42")
        .send()
        .await
        .unwrap();
    assert_eq!(
        (sent.status().as_u16(), id_of(&sent)),
        (401, "hr-sync-42".to_owned())
    );
    let a = http
        .get(format!("{}/healthz", s.url()))
        .send()
        .await
        .unwrap();
    let b = http
        .get(format!("{}/nowhere", s.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(b.status().as_u16(), 404);
    assert!(id_of(&a).len() >= 16 && id_of(&b).len() >= 16 && id_of(&a) != id_of(&b));
    // One that is not a reasonable header value is replaced, not echoed.
    let long = "x".repeat(200);
    let r = http
        .get(format!("{}/healthz", s.url()))
        .header("x-request-id", &long)
        .send()
        .await
        .unwrap();
    assert_ne!(id_of(&r), long);
    s.stop().await;
}

/// `sesame-server serve --log-format json`: one JSON object a line, and a request's lines carry
/// its id (as sent in `x-request-id`).
#[tokio::test]
async fn json_logs_carry_the_request_id() {
    sesame_client::install_crypto();
    let dir = std::env::temp_dir().join(format!("sesame-logs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let log = dir.join("server.log");
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_sesame-server"))
        .args([
            "serve",
            "--log-format",
            "json",
            "--listen",
            &addr.to_string(),
        ])
        .arg("--database")
        .arg(format!("sqlite:{}", dir.join("db.sqlite").display()))
        .env("RUST_LOG", "info,sesame_server::metrics=debug")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let http = reqwest::Client::new();
    let mut answered = false;
    for _ in 0..100 {
        let sent = http
            .get(format!("http://{addr}/api/v1/session"))
            .header("x-request-id", "trace-me-7")
            .send()
            .await;
        if sent.is_ok() {
            answered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(answered, "the server answers");
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    server.kill().unwrap();
    let _ = server.wait();
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let ours = lines
        .iter()
        .find(|l| l["span"]["id"] == json!("trace-me-7"))
        .unwrap_or_else(|| panic!("a line with the request id in:\n{text}"));
    assert_eq!(ours["fields"]["status"], json!("401"));
    assert_eq!(ours["fields"]["route"], json!("/api/v1/session"));
    let _ = std::fs::remove_dir_all(dir);
}
