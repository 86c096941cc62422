//! Backups with real databases and real processes: taken while an import and edits run, killed
//! half-way, restored table by table on either database, the move from SQLite to PostgreSQL
//! seen by every demo reader, and damaged files refused.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};
use sesame_core::api::import::ImportDelivery;
use sesame_server::Db;
use sesame_server::backup::{self, BackupError};
use sesame_server::demo::{DEMO_CODE, DEMO_PASSWORD};

use crate::import::{import, row};
use crate::support::{Backend, TestServer, backends, database_url, start, start_on};

fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "sesame_backup_{}_{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

/// A server on `b` with the demo organization, and more rows in tables the demo leaves empty.
async fn demo_server(b: &Backend) -> TestServer {
    let s = start(b).await;
    sesame_server::demo::demo(&s.db).await.unwrap();
    let c = s.client();
    c.sign_in(DEMO_CODE, "demo", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let _ = c.sign_in(DEMO_CODE, "demo", "a wrong password", None).await;
    s
}

/// Every row of a backup, table by table, without its manifest, in one order whatever the
/// database's collation.
fn rows(file: &Path) -> Vec<backup::TableRows> {
    let mut tables = backup::contents(file).unwrap();
    for t in &mut tables {
        t.2.sort_by_cached_key(|r| Value::Array(r.clone()).to_string());
    }
    tables
}

#[tokio::test]
async fn a_restore_reproduces_every_row_of_every_table_on_either_database() {
    let all = backends();
    for from in &all {
        let s = demo_server(from).await;
        let dir = folder();
        let file = dir.join("demo.sesame-backup");
        let taken = backup::backup(&s.db, &file).await.unwrap();
        assert!(taken.people >= 10 && taken.organizations[0].code == DEMO_CODE);
        for to in &all {
            let (url, _dir, _pg) = database_url(to).await;
            let restored = backup::restore(&file, &url).await.unwrap();
            assert_eq!(restored, taken);
            let db = Db::open(&url).await.unwrap();
            let again = dir.join(format!("again-{}.sesame-backup", to.name()));
            backup::backup(&db, &again).await.unwrap();
            db.close().await;
            let (before, after) = (rows(&file), rows(&again));
            assert_eq!(before.len(), backup::table_names().len());
            for (b, a) in before.iter().zip(&after) {
                assert_eq!(
                    b,
                    a,
                    "table {} from {} into {}",
                    b.0,
                    from.name(),
                    to.name()
                );
            }
            // The ids go on after the restored ones: a new person gets a new id.
            let s2 = start_on(to, (url, None, None), sesame_server::Config::default()).await;
            let admin = s2.sign_in(DEMO_CODE, "demo", DEMO_PASSWORD).await;
            let person = json!({"user_id": "nouveau", "last_name": "Nouveau", "first_name": "Né",
                "email": "nouveau@example.org", "level": "level_2"});
            let (st, body) = s2
                .raw(admin.token(), "POST", "/api/v1/people", Some(person))
                .await;
            assert_eq!(st, 200, "{body}");
            s2.running.stop().await;
        }
        let _ = std::fs::remove_dir_all(dir);
        s.stop().await;
    }
}

#[tokio::test]
async fn every_table_of_the_schema_is_in_a_backup() {
    for b in backends() {
        let s = start(&b).await;
        // The search index's tables (SQLite's full-text tables, its counter of changes) are
        // made again from the accounts.
        let sql = match b {
            Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE '_sqlx%' AND name NOT LIKE 'people_search%' ORDER BY name"
            }
            Backend::Postgres(_) => {
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = \
                 current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '_sqlx%' \
                 ORDER BY 1"
            }
        };
        let found: Vec<String> = match &s.db {
            Db::Sqlite(p, _) => sqlx::query_scalar(sql).fetch_all(p).await.unwrap(),
            Db::Postgres(p) => sqlx::query_scalar(sql).fetch_all(p).await.unwrap(),
        };
        let mut kept = backup::table_names();
        kept.sort();
        assert_eq!(found, kept, "{}", b.name());
        s.stop().await;
    }
}

/// An import of 20,000 level-3 people.
fn twenty_thousand() -> Vec<sesame_core::api::import::ImportRow> {
    (0..20_000u32)
        .map(|i| {
            row(
                i + 2,
                &format!("imp.{i:05}"),
                "3",
                &format!("imp{i}@example.org"),
            )
        })
        .collect()
}

/// What a demo reader sees: their people, the audit log and the service users (when allowed).
async fn seen(s: &TestServer, user: &str) -> Vec<(u16, Value)> {
    let token = s.sign_in(DEMO_CODE, user, DEMO_PASSWORD).await;
    let mut answers = vec![];
    for path in [
        "/api/v1/people?limit=500",
        "/api/v1/people?limit=500&sort=phone&desc=true",
        "/api/v1/audit",
        "/api/v1/service-users",
        "/api/v1/structures",
    ] {
        answers.push(s.raw(token.token(), "GET", path, None).await);
    }
    answers
}

#[tokio::test]
async fn after_the_move_to_postgresql_every_demo_reader_sees_exactly_what_they_saw() {
    let Some(pg) = backends()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let readers = [
        "demo", "admin.en", "c.gagnon", "r.okafor", "f.lavoie", "zoe", "aegir", "m.roy",
    ];
    let s = start(&Backend::Sqlite).await;
    sesame_server::demo::demo(&s.db).await.unwrap();
    let mut before = vec![];
    for r in readers {
        before.push(seen(&s, r).await);
    }
    let dir = folder();
    let file = dir.join("move.sesame-backup");
    backup::backup(&s.db, &file).await.unwrap();
    s.stop().await;
    let (url, _, pg_name) = database_url(&pg).await;
    backup::restore(&file, &url).await.unwrap();
    let moved = start_on(&pg, (url, None, pg_name), sesame_server::Config::default()).await;
    for (r, was) in readers.iter().zip(before) {
        let now = seen(&moved, r).await;
        assert_eq!(now, was, "{r} sees the same after the move");
        assert!(now.iter().any(|(st, _)| *st == 200), "{r}");
    }
    moved.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_backup_taken_during_an_import_and_edits_holds_one_moment() {
    for b in backends() {
        let s = demo_server(&b).await;
        let admin = s.sign_in(DEMO_CODE, "demo", DEMO_PASSWORD).await;
        let people_before = admin.all_people(5000).await.unwrap().len();
        let rows = twenty_thousand();
        let importer = admin.clone();
        let importing =
            tokio::spawn(
                async move { import(&importer, false, ImportDelivery::Letter, rows).await },
            );
        let editor = admin.clone();
        let editing = tokio::spawn(async move {
            for i in 0..40 {
                let person = json!({"user_id": format!("edit.{i}"), "last_name": "Edit",
                    "first_name": "Ed", "email": format!("edit{i}@example.org"), "level": "level_3"});
                let _ = editor
                    .call::<_, Value>(reqwest::Method::POST, "/people", Some(&person))
                    .await;
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        });
        let dir = folder();
        let mut taken = vec![];
        while !importing.is_finished() || taken.len() < 3 {
            let file = dir.join(format!("during-{}.sesame-backup", taken.len()));
            let manifest = backup::backup(&s.db, &file).await.unwrap();
            taken.push((file, manifest));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(importing.await.unwrap().rows.len(), 20_000);
        editing.await.unwrap();
        let imported: Vec<usize> = taken
            .iter()
            .map(|(_, m)| m.people as usize - people_before)
            .collect();
        assert!(imported.iter().all(|&n| n <= 20_000 + 40), "{imported:?}");
        // The first, one in the middle and the last (each restore takes a while).
        let checked = [0, taken.len() / 2, taken.len() - 1].map(|i| &taken[i]);
        for (file, manifest) in checked {
            // Restored into a fresh SQLite file: whole, every reference right, and the rows of
            // each table as many as the manifest counted at that moment.
            let (url, _dir, _) = database_url(&Backend::Sqlite).await;
            backup::restore(file, &url).await.unwrap();
            let db = Db::open(&url).await.unwrap();
            let Db::Sqlite(pool, _) = &db else {
                unreachable!()
            };
            let check: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(pool)
                .await
                .unwrap();
            assert_eq!(check, "ok");
            let broken: Vec<(String,)> =
                sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                    .fetch_all(pool)
                    .await
                    .unwrap();
            assert!(broken.is_empty(), "{broken:?}");
            for (table, rows) in &manifest.tables {
                let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                    "SELECT COUNT(*) FROM {table}"
                )))
                .fetch_one(pool)
                .await
                .unwrap();
                assert_eq!(n, *rows, "{table}");
            }
            // The import is one transaction: a moment holds none of it or all of it, and each
            // person it holds has the audit line written with them.
            let people = manifest.people as usize - people_before;
            let edits: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE user_id LIKE 'edit.%'")
                    .fetch_one(pool)
                    .await
                    .unwrap();
            assert!(
                people == edits as usize || people == edits as usize + 20_000,
                "{people} {edits}"
            );
            let created: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE action = 'person_created'")
                    .fetch_one(pool)
                    .await
                    .unwrap();
            let accounts: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM accounts WHERE user_id LIKE 'imp.%' OR user_id LIKE 'edit.%'",
            )
            .fetch_one(pool)
            .await
            .unwrap();
            assert!(
                created >= accounts,
                "{created} audit lines for {accounts} people"
            );
            db.close().await;
        }
        let _ = std::fs::remove_dir_all(dir);
        s.stop().await;
    }
}

#[tokio::test]
async fn a_backup_killed_half_way_leaves_the_source_whole_and_no_backup() {
    let s = demo_server(&Backend::Sqlite).await;
    let admin = s.sign_in(DEMO_CODE, "demo", DEMO_PASSWORD).await;
    let rows = twenty_thousand();
    import(&admin, false, ImportDelivery::Letter, rows).await;
    let dir = folder();
    let file = dir.join("killed.sesame-backup");
    let before = backup::backup(&s.db, &dir.join("before.sesame-backup"))
        .await
        .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sesame-server"))
        .args([
            "backup",
            "--database",
            &s.database_url,
            "--to",
            file.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once it is writing: its temporary file is there.
    let partial = || {
        std::fs::read_dir(&dir).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")
        })
    };
    let mut seen_writing = false;
    for _ in 0..20_000 {
        if partial() {
            seen_writing = true;
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(seen_writing, "the backup was killed while it wrote");
    assert!(!file.exists(), "no file under the final name");
    let after = backup::backup(&s.db, &dir.join("after.sesame-backup"))
        .await
        .unwrap();
    assert_eq!(after.tables, before.tables, "the source is as it was");
    let Db::Sqlite(pool, _) = &s.db else {
        unreachable!()
    };
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let _ = std::fs::remove_dir_all(dir);
    s.stop().await;
}

/// The gzip part of a backup, and a backup made again around a changed one.
fn unpacked(file: &Path) -> String {
    let bytes = std::fs::read(file).unwrap();
    let body = &bytes[16..bytes.len() - 74];
    let mut text = String::new();
    flate2::read::GzDecoder::new(body)
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn packed(text: &str, to: &Path) {
    use sha2::Digest;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text.as_bytes()).unwrap();
    let mut body = b"SESAME-BACKUP 1\n".to_vec();
    body.extend(gz.finish().unwrap());
    let digest = sha2::Sha256::digest(&body);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    body.extend(format!("\nSHA-256 {hex}\n").as_bytes());
    std::fs::write(to, body).unwrap();
}

#[tokio::test]
async fn a_damaged_a_truncated_and_a_newer_backup_are_each_refused_with_a_clear_message() {
    let s = demo_server(&Backend::Sqlite).await;
    let dir = folder();
    let good = dir.join("good.sesame-backup");
    backup::backup(&s.db, &good).await.unwrap();
    let bytes = std::fs::read(&good).unwrap();
    packed_again(&good, &dir);

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x20;
    std::fs::write(dir.join("flipped"), &flipped).unwrap();
    std::fs::write(dir.join("truncated"), &bytes[..bytes.len() * 2 / 3]).unwrap();
    let text = unpacked(&good);
    let newer = Db::latest_schema() + 1;
    let text = text.replacen(
        &format!("\"schema\":{}", Db::latest_schema()),
        &format!("\"schema\":{newer}"),
        1,
    );
    packed(&text, &dir.join("newer"));
    std::fs::write(dir.join("other"), b"name;email\nZoe;zoe@example.org\n").unwrap();

    let (url, _d, _) = database_url(&Backend::Sqlite).await;
    for (name, expected) in [
        ("flipped", BackupError::Damaged),
        ("truncated", BackupError::Truncated),
        (
            "newer",
            BackupError::NewerSchema {
                archive: newer,
                known: Db::latest_schema(),
            },
        ),
        ("other", BackupError::NotABackup),
    ] {
        let file = dir.join(name);
        let e = backup::restore(&file, &url).await.unwrap_err();
        assert_eq!(e, expected, "{name}");
        assert_eq!(backup::verify(&file).unwrap_err(), expected, "{name}");
        // The command says it in a sentence, and fails.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sesame-server"))
            .args(["verify", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{name}");
        let said = String::from_utf8_lossy(&out.stderr);
        let words = match name {
            "flipped" => "damaged",
            "truncated" => "incomplete",
            "newer" => "newer Sesame",
            _ => "not a Sesame backup",
        };
        assert!(said.contains(words), "{name}: {said}");
    }
    // Nothing was written into the database by the refused restores.
    let db = Db::open(&url).await.unwrap();
    assert_eq!(db.schema().await.unwrap(), 0);
    db.close().await;
    // A restore into a database that holds data is refused too.
    let e = backup::restore(&good, &s.database_url).await.unwrap_err();
    assert!(
        matches!(e, BackupError::NotEmpty { organizations: 1 }),
        "{e:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
    s.stop().await;
}

/// Packs a backup's content again the way the test packs a changed one: still a good backup.
fn packed_again(file: &Path, dir: &Path) {
    let again = dir.join("again");
    packed(&unpacked(file), &again);
    backup::verify(&again).unwrap();
}

#[tokio::test]
async fn the_server_backs_up_before_it_migrates_and_on_its_schedule() {
    let (url, dir, _) = database_url(&Backend::Sqlite).await;
    let dir = dir.unwrap();
    // A database left by the previous version, with an organization in it.
    let old = Db::latest_schema() - 1;
    let db = Db::open(&url).await.unwrap();
    db.migrate(Some(old)).await.unwrap();
    let Db::Sqlite(pool, _) = &db else {
        unreachable!()
    };
    sqlx::query("INSERT INTO organizations (code, name, default_language, public_service, created_at) VALUES ('OLD', 'Old Ltd', 'fr', 0, 0)")
        .execute(pool)
        .await
        .unwrap();
    db.close().await;

    let scheduled = dir.join("scheduled");
    let config = sesame_server::Config {
        backup: Some(backup::schedule::Schedule {
            dir: scheduled.clone(),
            every: Duration::from_secs(3600),
            keep: 2,
            keep_weekly: 0,
        }),
        ..sesame_server::Config::default()
    };
    let s = start_on(
        &Backend::Sqlite,
        (url.clone(), Some(dir.clone()), None),
        config,
    )
    .await;
    let before: Vec<PathBuf> = std::fs::read_dir(&scheduled)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("before-schema-")
        })
        .collect();
    assert_eq!(before.len(), 1, "{before:?}");
    let held = backup::verify(&before[0]).unwrap();
    assert_eq!(
        (held.schema, held.organizations[0].code.as_str()),
        (old, "OLD")
    );
    // The scheduled one comes right away (there was none), then waits its hour.
    for _ in 0..100 {
        if !backup::schedule::scheduled(&scheduled).is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let taken = backup::schedule::scheduled(&scheduled);
    assert_eq!(taken.len(), 1);
    assert_eq!(
        backup::verify(&taken[0].0).unwrap().schema,
        Db::latest_schema()
    );
    s.running.stop().await;

    // The backup from before the migration restores with this version, which migrates it.
    let (fresh, _d, _) = database_url(&Backend::Sqlite).await;
    backup::restore(&before[0], &fresh).await.unwrap();
    let db = Db::open(&fresh).await.unwrap();
    assert_eq!(db.schema().await.unwrap(), Db::latest_schema());
    db.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
