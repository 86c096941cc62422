//! Benchmark: 100,000 accounts (2,000 of level 2) on SQLite, and on PostgreSQL when
//! `SESAME_BENCH_DATABASE_URL` names a server (a database of its own is made there and dropped),
//! then requests over loopback against the server running in a child process: the load comes
//! from this process, so the server's runtime does not share its threads with it (the machine's
//! cores, though, it does). Prints each figure for both databases side by side, with the target.
//! Run with `cargo bench -p sesame-server --bench people_listing`; `SESAME_BENCH_KEEP=1` keeps
//! the databases, and `SESAME_BENCH_FILLED=sqlite:…/bench.db,postgres://…` measures kept ones
//! again without filling. The fill ends with the statistics refresh an import makes
//! (`SESAME_BENCH_NO_STATISTICS=1` leaves it out, to measure what it brings).

#[path = "people_listing/load.rs"]
mod load;

use std::io::{BufRead, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use load::{Figures, load};
use sesame_core::api::PeopleQuery;
use sesame_core::domain::{Language, Level, Status};
use sesame_server::store::NewPersonRow;
use sesame_server::{self, Config, Db};

const ACCOUNTS: usize = 100_000;
const LEVEL_TWO: usize = 2_000;
const CONNECTIONS: usize = 32;
const SECONDS: u64 = 5;
const PASSWORD: &str = "bench-password-2026";
/// Set in the child process: the database it serves.
const SERVE: &str = "SESAME_BENCH_SERVE";

const LAST: [&str; 12] = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Łukasiewicz",
];
const FIRST: [&str; 12] = [
    "Marie",
    "Jean",
    "Zoë",
    "Ægir",
    "Élodie",
    "François",
    "Rita",
    "Sarah",
    "Mathéo",
    "Léa",
    "Noah",
    "Chloé",
];

async fn fill(db: &Db, hash: &str) -> (i64, i64) {
    let mut tx = db.begin().await.unwrap();
    let org = tx
        .insert_organization("BENCH", "Bench organization", Language::Fr, true)
        .await
        .unwrap();
    let mut level_two = vec![];
    for i in 0..ACCOUNTS {
        let level = match i {
            0 | 1 => Level::One,
            i if i < 2 + LEVEL_TWO => {
                if i % 3 == 0 {
                    Level::TwoWithApproval
                } else {
                    Level::Two
                }
            }
            _ => Level::Three,
        };
        let user_id = match i {
            0 => "bench.l1".to_owned(),
            2 => "bench.l2".to_owned(),
            _ => format!("user{i:06}"),
        };
        let id = tx
            .insert_person(&NewPersonRow {
                org_id: org,
                user_id: user_id.clone(),
                last_name: format!("{} {}", LAST[i % 12], i / 12),
                first_name: FIRST[(i / 7) % 12].into(),
                email: format!("{user_id}@bench.example"),
                phone: format!("514 555-{:04}", i % 10_000),
                level,
                language: if i % 2 == 0 {
                    Language::Fr
                } else {
                    Language::En
                },
                roles: vec!["viewer".into()],
                is_contact: false,
                status: if i > 2 && i % 50 == 0 {
                    Status::Suspended
                } else {
                    Status::Active
                },
                password_hash: (i == 0 || i == 2).then(|| hash.to_owned()),
                password_temporary: false,
            })
            .await
            .unwrap();
        if level.is_level_two() {
            level_two.push(id);
        } else if level == Level::Three {
            // Level-3 users spread under the level-2 users' charge (~49 each).
            tx.link_under_charge(level_two[i % level_two.len()], id)
                .await
                .unwrap();
        }
        if i % 20_000 == 19_999 {
            tx.commit().await.unwrap();
            tx = db.begin().await.unwrap();
        }
    }
    tx.commit().await.unwrap();
    (org, level_two[0])
}

/// The server, in a child process running this same program with [`SERVE`] set.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn spawn(url: &str) -> Server {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env(SERVE, url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line.trim().parse().expect("the server's address");
        Server { child, addr }
    }

    fn stop(mut self) {
        drop(self.child.stdin.take()); // the child stops when its input closes
        let _ = self.child.wait();
    }
}

/// The child: serves `url` on a runtime of its own until its standard input closes.
fn serve(url: &str) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let running = runtime
        .block_on(sesame_server::start(url, "127.0.0.1:0", Config::default()))
        .unwrap();
    println!("{}", running.addr);
    let _ = std::io::stdin().read_to_end(&mut vec![]);
    runtime.block_on(running.stop());
}

/// The first page of `query` and the pages after it, as a client pulls them (`count` paths).
async fn pages(
    client: &sesame_client::Client,
    query: &str,
    limit: u32,
    count: usize,
) -> Vec<String> {
    let mut q = PeopleQuery {
        q: (!query.is_empty()).then(|| query.to_owned()),
        limit: Some(limit),
        ..Default::default()
    };
    let base = format!("/api/v1/people?limit={limit}&q={query}");
    let mut out = vec![base.clone()];
    for _ in 1..count {
        let page = client.people(&q).await.unwrap();
        let Some(cursor) = page.next_cursor else {
            break;
        };
        out.push(format!("{base}&cursor={cursor}"));
        q.cursor = Some(cursor);
    }
    out
}

/// One row of the results: what was measured, and its figures on each database.
struct Row {
    what: &'static str,
    target: &'static str,
    figures: Vec<String>,
}

const ROWS: [(&str, &str); 8] = [
    ("/healthz (ceiling of the HTTP stack)", "–"),
    ("100-account page, level 1", "≥ 5,000 req/s, p99 ≤ 10 ms"),
    ("100-account page, level 2", "–"),
    ("level 2 / level 1 (time per request)", "≤ 1.2×"),
    ("search of 4 letters (q=gagn), level 1", "≥ 2,000 req/s"),
    ("5,000-account page, level 1", "SQLite ≥ PostgreSQL"),
    ("all 100,000 accounts, one client", "≤ 1 s"),
    ("level 1 page / healthz (throughput)", "–"),
];

fn figure(f: &Figures) -> String {
    format!(
        "{:.0} req/s, p50 {:.1} ms, p99 {:.1} ms",
        f.rps,
        f.p50.as_secs_f64() * 1000.0,
        f.p99.as_secs_f64() * 1000.0
    )
}

/// Every row of [`ROWS`] against the server on `url`.
async fn measure(url: &str) -> Vec<String> {
    let server = Server::spawn(url);
    let base = format!("http://{}", server.addr);
    let client = sesame_client::Client::new(&base);
    let mut tokens = vec![];
    for user in ["bench.l1", "bench.l2"] {
        let session = client.sign_in("BENCH", user, PASSWORD, None).await.unwrap();
        tokens.push(session.token);
    }
    let l1 = client.with_token(Some(tokens[0].clone()));
    let l2 = client.with_token(Some(tokens[1].clone()));
    let run = |token: &str, paths: Vec<String>| {
        let token = token.to_owned();
        let addr = server.addr;
        async move {
            let _ = load(
                addr,
                &token,
                &paths[..1],
                CONNECTIONS,
                Duration::from_secs(1),
            )
            .await;
            load(
                addr,
                &token,
                &paths,
                CONNECTIONS,
                Duration::from_secs(SECONDS),
            )
            .await
        }
    };
    let health = run("", vec!["/healthz".into()]).await;
    let first = run(&tokens[0], pages(&l1, "", 100, 10).await).await;
    let second = run(&tokens[1], pages(&l2, "", 100, 10).await).await;
    let search = run(&tokens[0], pages(&l1, "gagn", 100, 10).await).await;
    let large = run(&tokens[0], pages(&l1, "", 5000, 20).await).await;
    let _ = l1.all_people(5000).await.unwrap(); // warm-up
    let started = Instant::now();
    let everyone = l1.all_people(5000).await.unwrap().len();
    let pull = started.elapsed();
    assert_eq!(everyone, ACCOUNTS);
    server.stop();
    vec![
        figure(&health),
        figure(&first),
        figure(&second),
        format!("{:.2}×", first.rps / second.rps),
        figure(&search),
        format!(
            "{} ({:.1} MB a page)",
            figure(&large),
            large.body as f64 / 1e6
        ),
        format!("{:.2} s", pull.as_secs_f64()),
        format!("{:.1} %", 100.0 * first.rps / health.rps),
    ]
}

/// A database of its own on the PostgreSQL server of `admin_url`: (its URL, its name).
async fn postgres_database(admin_url: &str) -> (String, String) {
    use sqlx::Connection;
    let name = format!("sesame_bench_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    (format!("{base}/{name}"), name)
}

async fn drop_postgres_database(admin_url: &str, name: &str) {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&mut admin)
        .await;
}

async fn filled(url: &str, hash: &str) {
    let started = Instant::now();
    let db = Db::connect(url).await.unwrap();
    fill(&db, hash).await;
    // As the import does after writing many rows.
    if std::env::var_os("SESAME_BENCH_NO_STATISTICS").is_none() {
        db.refresh_statistics().await.unwrap();
    }
    db.close().await;
    println!(
        "{}: {ACCOUNTS} accounts ({LEVEL_TWO} of level 2) filled in {:.1} s",
        url.split(':').next().unwrap_or(""),
        started.elapsed().as_secs_f64()
    );
}

fn main() {
    if let Ok(url) = std::env::var(SERVE) {
        return serve(&url);
    }
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return; // `cargo test --benches` asks for a list; there is nothing to test here.
    }
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(bench());
}

async fn bench() {
    // To look at the databases afterwards (query plans).
    let keep = std::env::var_os("SESAME_BENCH_KEEP").is_some();
    let dir = std::env::temp_dir().join(format!("sesame_bench_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
    // Databases a kept run filled: measured again as they are (e.g. before and after a change).
    if let Ok(urls) = std::env::var("SESAME_BENCH_FILLED") {
        let mut columns = vec![];
        for url in urls.split(',') {
            let name = if url.starts_with("sqlite:") {
                "SQLite"
            } else {
                "PostgreSQL"
            };
            columns.push((name, measure(url).await));
        }
        return print_table(&columns);
    }
    let sqlite = format!("sqlite:{}", dir.join("bench.db").display());
    filled(&sqlite, &hash).await;
    let mut columns = vec![("SQLite", measure(&sqlite).await)];
    if let Ok(admin) = std::env::var("SESAME_BENCH_DATABASE_URL") {
        let (url, name) = postgres_database(&admin).await;
        filled(&url, &hash).await;
        columns.push(("PostgreSQL", measure(&url).await));
        if keep {
            println!("kept {url}");
        } else {
            drop_postgres_database(&admin, &name).await;
        }
    }
    if keep {
        println!("kept {sqlite}");
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    print_table(&columns);
}

fn print_table(columns: &[(&str, Vec<String>)]) {
    let rows: Vec<Row> = ROWS
        .iter()
        .enumerate()
        .map(|(i, (what, target))| Row {
            what,
            target,
            figures: columns.iter().map(|(_, c)| c[i].clone()).collect(),
        })
        .collect();
    println!("\n{CONNECTIONS} connections, {SECONDS} s each, pages 1–10 (1–20 of 5,000)\n");
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    println!("| request | {} | target |", names.join(" | "));
    println!("|---|{}---|", "---|".repeat(names.len()));
    for r in rows {
        println!("| {} | {} | {} |", r.what, r.figures.join(" | "), r.target);
    }
}
