//! Benchmark: a backup and a restore of 100,000 people (each with the audit line of their
//! creation) on SQLite, and on PostgreSQL when `SESAME_BENCH_DATABASE_URL` names a server (a
//! database of its own is made there and dropped), and the move from SQLite to PostgreSQL.
//! Prints each time and the archive's size against the targets (backup ≤ 5 s, restore ≤ 15 s).
//! Run with `cargo bench -p sesame-server --bench backup`.

use std::path::Path;
use std::time::Instant;

use sesame_core::domain::{AuditAction, Language, Level, Status};
use sesame_server::Db;
use sesame_server::backup;
use sesame_server::store::{AuditRecord, NewPersonRow};

const PEOPLE: usize = 100_000;

async fn fill(db: &Db) {
    let mut tx = db.begin().await.unwrap();
    let org = tx
        .insert_organization("BENCH", "Bench organization", Language::Fr, false)
        .await
        .unwrap();
    for chunk in 0..PEOPLE / 10_000 {
        let mut lines = vec![];
        for i in chunk * 10_000..(chunk + 1) * 10_000 {
            let user_id = format!("user{i:06}");
            let person = NewPersonRow {
                org_id: org,
                user_id: user_id.clone(),
                last_name: format!("Tremblay {}", i / 12),
                first_name: "Élodie".into(),
                email: format!("{user_id}@bench.example"),
                phone: format!("514 555-{:04}", i % 10_000),
                level: if i < 2 { Level::One } else { Level::Three },
                language: Language::Fr,
                roles: vec!["viewer".into()],
                is_contact: false,
                status: Status::Active,
                password_hash: None,
                password_temporary: false,
            };
            let id = tx.insert_person(&person).await.unwrap();
            lines.push((id, user_id));
        }
        let records: Vec<AuditRecord> = lines
            .iter()
            .map(|(id, user_id)| AuditRecord {
                org_id: org,
                actor_id: None,
                actor_label: "bench",
                action: AuditAction::PersonCreated,
                target_id: Some(*id),
                target_label: user_id,
                detail: None,
            })
            .collect();
        tx.audit_many(&records).await.unwrap();
        tx.commit().await.unwrap();
        tx = db.begin().await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn postgres_database(admin_url: &str, name: &str) -> String {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

/// Backs `url` up into `file`: seconds.
async fn timed_backup(url: &str, file: &Path) -> f64 {
    let db = Db::connect(url).await.unwrap();
    let started = Instant::now();
    let m = backup::backup(&db, file).await.unwrap();
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(m.people as usize, PEOPLE);
    db.close().await;
    secs
}

async fn timed_restore(file: &Path, url: &str) -> f64 {
    let started = Instant::now();
    backup::restore(file, url).await.unwrap();
    started.elapsed().as_secs_f64()
}

fn verdict(secs: f64, target: f64) -> &'static str {
    if secs <= target { "met" } else { "MISSED" }
}

async fn bench() {
    let dir = std::env::temp_dir().join(format!("sesame_bench_backup_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sqlite = format!("sqlite:{}", dir.join("source.db").display());
    let started = Instant::now();
    fill(&Db::connect(&sqlite).await.unwrap()).await;
    println!(
        "sqlite: {PEOPLE} people filled in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let file = dir.join("sqlite.sesame-backup");
    let b = timed_backup(&sqlite, &file).await;
    let size = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;
    println!(
        "sqlite: backup {b:.2} s (target 5 s: {}), archive {size:.1} MB",
        verdict(b, 5.0)
    );
    let restored = format!("sqlite:{}", dir.join("restored.db").display());
    let r = timed_restore(&file, &restored).await;
    println!(
        "sqlite: restore {r:.2} s (target 15 s: {})",
        verdict(r, 15.0)
    );
    if let Ok(admin) = std::env::var("SESAME_BENCH_DATABASE_URL") {
        let moved = postgres_database(&admin, "sesame_bench_moved").await;
        let r = timed_restore(&file, &moved).await;
        println!(
            "sqlite → postgres: restore {r:.2} s (target 15 s: {})",
            verdict(r, 15.0)
        );
        let pg_file = dir.join("postgres.sesame-backup");
        let b = timed_backup(&moved, &pg_file).await;
        let size = std::fs::metadata(&pg_file).unwrap().len() as f64 / 1e6;
        println!(
            "postgres: backup {b:.2} s (target 5 s: {}), archive {size:.1} MB",
            verdict(b, 5.0)
        );
        let again = postgres_database(&admin, "sesame_bench_restored").await;
        let r = timed_restore(&pg_file, &again).await;
        println!(
            "postgres: restore {r:.2} s (target 15 s: {})",
            verdict(r, 15.0)
        );
        for name in ["sesame_bench_moved", "sesame_bench_restored"] {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut c).await;
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return; // `cargo test --benches` asks for a list; there is nothing to test here.
    }
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(bench());
}
