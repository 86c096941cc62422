//! A real server process killed with SIGKILL while it applies an import leaves none or all of
//! the rows: the whole import is one transaction.

use std::time::{Duration, Instant};

use crate::import::{import, row};
use crate::support::{PASSWORD, backends};
use sesame_client::Client;
use sesame_core::api::import::{ImportDelivery, ImportRequest, ImportRow};
use sesame_core::domain::Level;

const ROWS: usize = 3000;

fn rows(prefix: &str) -> Vec<ImportRow> {
    (0..ROWS)
        .map(|i| {
            row(
                i as u32 + 2,
                &format!("{prefix}.{i:05}"),
                "3",
                &format!("{prefix}{i}@example.org"),
            )
        })
        .collect()
}

/// `sesame-server serve` on the test's database, in its own process.
async fn spawn_server(database_url: &str) -> (std::process::Child, Client) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_sesame-server"))
        .args([
            "serve",
            "--database",
            database_url,
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let client = Client::new(&format!("http://127.0.0.1:{port}"));
    let mut child = child;
    for _ in 0..200 {
        if client.health().await.is_ok() {
            return (child, client);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server process never answered");
}

async fn imported(c: &Client, prefix: &str) -> usize {
    let all = c.all_people(5000).await.unwrap();
    all.iter()
        .filter(|p| p.user_id.starts_with(&format!("{prefix}.")))
        .count()
}

#[tokio::test]
async fn a_server_killed_during_an_import_leaves_none_or_all_of_its_rows() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let observer = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let (mut child, c) = spawn_server(&s.database_url).await;
        let session = c.sign_in("ALPHA", "admin", PASSWORD, None).await.unwrap();
        let c = c.with_token(Some(session.token));

        // A whole import first, to learn how long one takes here.
        let started = Instant::now();
        let r = import(&c, false, ImportDelivery::Letter, rows("a")).await;
        let took = started.elapsed();
        assert_eq!(r.totals.create as usize, ROWS);
        assert_eq!(imported(&observer, "a").await, ROWS);

        // The same again, killed halfway.
        let request = ImportRequest {
            dry_run: false,
            delivery: ImportDelivery::Letter,
            rows: rows("b"),
        };
        let pending = tokio::spawn(async move { c.import_people(&request).await });
        tokio::time::sleep(took / 2).await;
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        assert!(pending.await.unwrap().is_err(), "killed before it answered");
        let left = imported(&observer, "b").await;
        assert!(
            left == 0 || left == ROWS,
            "{left} of {ROWS} rows survived the kill"
        );
        s.stop().await;
    }
}
