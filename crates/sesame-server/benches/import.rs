//! Benchmark: importing 10,000 people into an organization that already has 10,000, over
//! loopback on SQLite: the dry run, then the apply, with invitations and with letters, and
//! then the letters' passwords a batch of 500 at a time. Run with
//! `cargo bench -p sesame-server --bench import`.
//!
//! Target: dry run then apply ≤ 10 s on 2 cores. The import never hashes a password (invited
//! people choose theirs; letters come from `POST /people/passwords`, hashed on every core), so
//! the last figure is reported apart: it is the price of Argon2id, paid a batch at a time.

use std::time::{Duration, Instant};

use sesame_client::Client;
use sesame_core::api::import::{ImportDelivery, ImportReport, ImportRequest, ImportRow};
use sesame_core::domain::{Language, Level, Status};
use sesame_server::setup::default_roles;
use sesame_server::store::NewPersonRow;
use sesame_server::{Config, Db};

const ROWS: usize = 10_000;
const EXISTING: usize = 10_000;
const PASSWORD: &str = "bench-password-2026";

async fn organization(db: &Db, code: &str) {
    let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
    let mut tx = db.begin().await.unwrap();
    let org = tx
        .insert_organization(code, "Bench", Language::Fr, false)
        .await
        .unwrap();
    for r in default_roles() {
        tx.insert_role(org, &r).await.unwrap();
    }
    for i in 0..=EXISTING {
        let admin = i == 0;
        let user_id = if admin {
            "admin".to_owned()
        } else {
            format!("old.{i:05}")
        };
        tx.insert_person(&NewPersonRow {
            org_id: org,
            user_id: user_id.clone(),
            last_name: format!("Tremblay {i}"),
            first_name: "Élodie".into(),
            email: format!("{user_id}@example.org"),
            phone: String::new(),
            level: if admin { Level::One } else { Level::Three },
            language: Language::Fr,
            roles: vec![],
            is_contact: false,
            status: Status::Active,
            password_hash: admin.then(|| hash.clone()),
            password_temporary: false,
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

fn rows() -> Vec<ImportRow> {
    (0..ROWS)
        .map(|i| ImportRow {
            line: i as u32 + 2,
            last_name: Some(format!("Gagnon-Côté {i}")),
            first_name: Some("Zoë".into()),
            user_id: Some(format!("new.{i:05}")),
            email: Some(format!("new{i}@exemple.fr")),
            phone: Some("+1 514 555 0100".into()),
            level: Some(if i % 10 == 0 { "2" } else { "3" }.into()),
            roles: Some("payroll|billing".into()),
            language: Some(if i % 2 == 0 { "fr" } else { "en" }.into()),
            under_charge_of: None,
            also_contact: Some("non".into()),
        })
        .collect()
}

async fn timed(c: &Client, dry_run: bool, delivery: ImportDelivery) -> (Duration, ImportReport) {
    let request = ImportRequest {
        dry_run,
        delivery,
        rows: rows(),
    };
    let started = Instant::now();
    let report = c.import_people(&request).await.expect("import");
    (started.elapsed(), report)
}

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("sesame_bench_import_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite:{}", dir.join("bench.db").display());
    let running = sesame_server::start(&url, "127.0.0.1:0", Config::default())
        .await
        .unwrap();
    let cores = std::thread::available_parallelism().map_or(0, |c| c.get());
    println!(
        "import of {ROWS} rows into an organization of {EXISTING} people, SQLite, {cores} cores"
    );
    for (code, delivery) in [
        ("INVITE", ImportDelivery::Invitation),
        ("LETTER", ImportDelivery::Letter),
    ] {
        organization(&running.db, code).await;
        let c = Client::new(&running.url());
        let token = c
            .sign_in(code, "admin", PASSWORD, None)
            .await
            .unwrap()
            .token;
        let c = c.with_token(Some(token));
        let (dry, report) = timed(&c, true, delivery).await;
        assert_eq!(report.totals.create as usize, ROWS);
        let (apply, report) = timed(&c, false, delivery).await;
        assert_eq!(report.totals.create as usize, ROWS);
        let total = dry + apply;
        println!(
            "{delivery:?}: dry run {:.2} s, apply {:.2} s, together {:.2} s (target ≤ 10 s: {})",
            dry.as_secs_f64(),
            apply.as_secs_f64(),
            total.as_secs_f64(),
            if total <= Duration::from_secs(10) {
                "met"
            } else {
                "MISSED"
            }
        );
        if delivery == ImportDelivery::Letter {
            let batch = &report.created[..500];
            let started = Instant::now();
            let passwords = c.initialize_passwords(batch).await.unwrap();
            let took = started.elapsed();
            assert_eq!(passwords.len(), 500);
            println!(
                "letters: one batch of 500 passwords (Argon2id) in {:.2} s, so {ROWS} letters in about {:.0} s, a batch at a time",
                took.as_secs_f64(),
                took.as_secs_f64() * (ROWS as f64 / 500.0)
            );
        }
    }
    running.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}
