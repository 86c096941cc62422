//! Benchmark: the people listing and every kind of search, at 10,000 and 100,000 people (and
//! 1,000,000 with `SESAME_BENCH_MILLION=1`, or the sizes of `SESAME_BENCH_SIZES=10000,…`), on
//! SQLite, and on PostgreSQL when `SESAME_BENCH_DATABASE_URL` names a server (a database of its
//! own is made there and dropped). Requests go over loopback to the server running in a child
//! process: the load comes from this process, so the server's runtime does not share its threads
//! with it (the machine's cores, though, it does). For each size, each figure for both databases
//! side by side with its target; then one page and one search alone at each size.
//!
//! The people come through the import API, 20,000 a request, and the time it took is printed.
//! Twelve families of equal size, each side by side in name order as in a staff list sorted by
//! name: `bouch` matches the first twelfth, `gagn` two in the middle, `tremb` the last.
//! `SESAME_BENCH_KEEP=1` keeps the databases, `SESAME_BENCH_FILLED=sqlite:…/bench.db,postgres://…`
//! measures kept ones again without filling, `SESAME_BENCH_FILL_ONLY=1` fills the databases,
//! keeps them and measures nothing (for the app's benchmark), `SESAME_BENCH_PLAIN=1` measures the server without
//! its search index (the plain statements alone). Every figure takes 4 s in all, in rounds
//! (`SESAME_BENCH_ROUNDS`, 4 unless said): each round measures every figure in turn for its
//! share, so a slow spell of the machine weighs on the page and the searches alike.

#[path = "people_listing/child.rs"]
mod child;
#[path = "people_listing/fill.rs"]
mod fill;
#[path = "people_listing/load.rs"]
mod load;
#[path = "people_listing/measure.rs"]
mod measure;

use std::time::{Duration, Instant};

use fill::{LEVEL_TWO_SHARE, PASSWORD};
use measure::{CONNECTIONS, Line, measure, pull};
use sesame_server::{self, Config, Db};

use child::{SERVE, Server, index_measure};

/// The server's own allocator (see its `main`): the child process is the server measured.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn sizes() -> Vec<usize> {
    if let Ok(list) = std::env::var("SESAME_BENCH_SIZES") {
        return list
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect();
    }
    let mut sizes = vec![10_000, 100_000];
    if std::env::var_os("SESAME_BENCH_MILLION").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

/// The child: the server, with or without its search index.
fn serve(url: &str) {
    let config = Config {
        search_index: std::env::var_os("SESAME_BENCH_PLAIN").is_none(),
        ..Config::default()
    };
    child::serve(url, config);
}

/// One database's column at one size.
struct Column {
    name: &'static str,
    lines: Vec<Line>,
    alone: [String; 2],
    notes: String,
}

/// Everything against a server on `url`, which holds `accounts` people.
async fn column(name: &'static str, url: &str, accounts: usize) -> Column {
    let server = Server::spawn(url);
    let base = format!("http://{}", server.addr);
    let client = sesame_client::Client::new(&base);
    let mut tokens = vec![];
    for user in ["bench.l1", "bench.l2"] {
        let session = client.sign_in("BENCH", user, PASSWORD, None).await.unwrap();
        tokens.push(session.token);
    }
    let started = Instant::now();
    let plain = std::env::var_os("SESAME_BENCH_PLAIN").is_some();
    while !plain && index_measure(&base, "people").await < accounts as i64 {
        assert!(
            started.elapsed() < Duration::from_secs(900),
            "the index is built"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let bytes = index_measure(&base, "bytes").await as f64;
    let mut notes = format!(
        "index ready {:.1} s after start, {:.1} MB ({:.1} MB per 100,000 people); server RSS {:.0} MB",
        started.elapsed().as_secs_f64(),
        bytes / 1e6,
        bytes / 1e6 * 100_000.0 / accounts as f64,
        server.resident_mb()
    );
    let tokens = [tokens[0].clone(), tokens[1].clone()];
    let (lines, alone) = measure(server.addr, &tokens, &base).await;
    if accounts <= 100_000 {
        let took = pull(&base, &tokens[0], accounts).await;
        notes.push_str(&format!(
            "; all {accounts} pulled by one client in {:.2} s",
            took.as_secs_f64()
        ));
    }
    notes.push_str(&format!(
        "; RSS after the run {:.0} MB ({:.0} MB anonymous, the rest mapped files)",
        server.resident_mb(),
        server.anonymous_mb()
    ));
    drop(server); // the child stops
    Column {
        name,
        lines,
        alone,
        notes,
    }
}

/// A database of its own on the PostgreSQL server of `admin_url`: (its URL, its name).
async fn postgres_database(admin_url: &str, size: usize) -> (String, String) {
    use sqlx::Connection;
    let name = format!("sesame_bench_{}_{size}", std::process::id());
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

/// The organization, then everyone through the import API of a server of its own.
async fn filled(url: &str, accounts: usize) {
    fill::organization(url).await;
    let server = Server::spawn(url);
    fill::import_everyone(&format!("http://{}", server.addr), accounts).await;
    drop(server); // the child stops
    settle(url).await;
    println!(
        "{}: {accounts} people ({} of level 2)",
        url.split(':').next().unwrap_or(""),
        accounts / LEVEL_TWO_SHARE,
    );
}

/// A filled database brought to rest before it is measured, as it would be a minute after an
/// office's import: PostgreSQL's autovacuum and checkpoint, SQLite's write-ahead log folded in.
/// Otherwise they ran during the first measures, beside the server, on the same cores.
async fn settle(url: &str) {
    let db = Db::open(url).await.unwrap();
    match &db {
        Db::Sqlite(p, _) => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(p)
                .await
                .unwrap();
        }
        Db::Postgres(p) => {
            for sql in ["VACUUM ANALYZE", "CHECKPOINT"] {
                sqlx::query(sql).execute(p).await.unwrap();
            }
        }
    }
    db.close().await;
}

/// The people a kept database holds.
async fn people_in(url: &str) -> usize {
    let db = Db::connect(url).await.unwrap();
    let sql = "SELECT COUNT(*) FROM accounts WHERE kind = 'person'";
    let n: i64 = match &db {
        Db::Sqlite(p, _) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    };
    db.close().await;
    n as usize
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
    let mut alone = vec![];
    if let Ok(urls) = std::env::var("SESAME_BENCH_FILLED") {
        let mut columns = vec![];
        for url in urls.split(',') {
            let name = if url.starts_with("sqlite:") {
                "SQLite"
            } else {
                "PostgreSQL"
            };
            let n = people_in(url).await;
            columns.push((n, column(name, url, n).await));
        }
        for (n, c) in &columns {
            print_table(*n, std::slice::from_ref(c));
            alone.push((*n, c.name, c.alone.clone()));
        }
        return print_alone(&alone);
    }
    for size in sizes() {
        let dir = std::env::temp_dir().join(format!("sesame_bench_{}_{size}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let sqlite = format!("sqlite:{}", dir.join("bench.db").display());
        filled(&sqlite, size).await;
        // Only the data, kept, for the app's benchmark of a list too long to hold.
        if std::env::var_os("SESAME_BENCH_FILL_ONLY").is_some() {
            println!("kept {sqlite}");
            if let Ok(admin) = std::env::var("SESAME_BENCH_DATABASE_URL") {
                let (url, _) = postgres_database(&admin, size).await;
                filled(&url, size).await;
                println!("kept {url}");
            }
            continue;
        }
        let mut columns = vec![column("SQLite", &sqlite, size).await];
        if let Ok(admin) = std::env::var("SESAME_BENCH_DATABASE_URL") {
            let (url, name) = postgres_database(&admin, size).await;
            filled(&url, size).await;
            columns.push(column("PostgreSQL", &url, size).await);
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
        print_table(size, &columns);
        for c in &columns {
            alone.push((size, c.name, c.alone.clone()));
        }
    }
    print_alone(&alone);
}

fn print_table(size: usize, columns: &[Column]) {
    println!(
        "\n{size} people, {CONNECTIONS} connections, pages 1–10 of each request, each figure \
         over {} rounds\n",
        measure::rounds()
    );
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    println!("| request | {} | target |", names.join(" | "));
    println!("|---|{}---|", "---|".repeat(names.len()));
    for (i, line) in columns[0].lines.iter().enumerate() {
        let figures: Vec<String> = columns
            .iter()
            .map(|c| {
                let l = &c.lines[i];
                // Each line against the plain page of its own run.
                let page = c.lines[1].rps;
                if i >= 3 {
                    format!("{} ({:.0} % of page)", l.figure, 100.0 * l.rps / page)
                } else {
                    l.figure.clone()
                }
            })
            .collect();
        println!(
            "| {} | {} | {} |",
            line.what,
            figures.join(" | "),
            line.target
        );
    }
    for c in columns {
        let ratio = c.lines[1].rps / c.lines[2].rps;
        let gagn = c
            .lines
            .iter()
            .find(|l| l.what.contains("q=gagn)"))
            .map_or(0.0, |l| l.rps);
        let gagn2 = c
            .lines
            .iter()
            .find(|l| l.what.contains("gagn, level 2"))
            .map_or(1.0, |l| l.rps);
        println!(
            "\n{}: level 2 / level 1, time a request: page {ratio:.2}×, search {:.2}×; {}",
            c.name,
            gagn / gagn2,
            c.notes
        );
    }
}

fn print_alone(alone: &[(usize, &str, [String; 2])]) {
    println!("\nOne request at a time (one connection)\n");
    println!("| people | database | 100-person page | search q=gagn |");
    println!("|---|---|---|---|");
    for (size, name, [page, search]) in alone {
        println!("| {size} | {name} | {page} | {search} |");
    }
}
