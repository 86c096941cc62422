//! Benchmark: 100,000 accounts, then a 100-account page of the user follow-up requested over
//! loopback, as a level-1 user and as a level-2 user. Reports requests per second and latency
//! percentiles. Run with `cargo bench --bench people_listing`.
//!
//! Targets: ≥ 5,000 requests/s and p99 ≤ 10 ms on a 2-core machine; the level-2 listing no
//! more than 1.2× slower than the level-1 listing. The load generator runs in the same process
//! (on the same two cores), so the figures are a floor.

use std::time::{Duration, Instant};

use sesame_core::domain::{Language, Level, Status};
use sesame_server::store::NewPersonRow;
use sesame_server::{self, Config, Db};

const ACCOUNTS: usize = 100_000;
const LEVEL_TWO: usize = 2_000;
const CONNECTIONS: usize = 8;
const SECONDS: u64 = 8;

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

struct Figures {
    requests: usize,
    rps: f64,
    p50: Duration,
    p99: Duration,
}

/// `CONNECTIONS` keep-alive clients cycling through `paths` for `SECONDS`.
async fn load(base: &str, token: &str, paths: &[String]) -> Figures {
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let mut tasks = vec![];
    for c in 0..CONNECTIONS {
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap();
        let urls: Vec<String> = paths.iter().map(|p| format!("{base}{p}")).collect();
        let token = token.to_owned();
        tasks.push(tokio::spawn(async move {
            let mut latencies = vec![];
            let mut i = c;
            while Instant::now() < deadline {
                let t = Instant::now();
                let r = http
                    .get(&urls[i % urls.len()])
                    .bearer_auth(&token)
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success());
                let _ = r.bytes().await.unwrap();
                latencies.push(t.elapsed());
                i += 1;
            }
            latencies
        }));
    }
    let started = Instant::now();
    let mut all = vec![];
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    Figures {
        requests: all.len(),
        rps: all.len() as f64 / elapsed,
        p50: pct(0.50),
        p99: pct(0.99),
    }
}

/// The first page and the next pages, as a client pulls them.
async fn pages(client: &sesame_client::Client, count: usize) -> Vec<String> {
    let mut q = sesame_core::api::PeopleQuery {
        limit: Some(100),
        ..Default::default()
    };
    let mut out = vec!["/api/v1/people?limit=100".to_owned()];
    for _ in 1..count {
        let page = client.people(&q).await.unwrap();
        assert_eq!(page.items.len(), 100);
        let cursor = page.next_cursor.unwrap();
        out.push(format!("/api/v1/people?limit=100&cursor={cursor}"));
        q.cursor = Some(cursor);
    }
    out
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return; // `cargo test --benches` asks for a list; there is nothing to test here.
    }
    let dir = std::env::temp_dir().join(format!("sesame_bench_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = std::env::var("SESAME_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite:{}", dir.join("bench.db").display()));
    let started = Instant::now();
    let db = Db::connect(&url).await.unwrap();
    let hash = sesame_server::auth::hash_password("bench-password-2026")
        .await
        .unwrap();
    fill(&db, &hash).await;
    println!(
        "filled {ACCOUNTS} accounts ({LEVEL_TWO} of level 2) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    db.close().await;

    let running = sesame_server::start(&url, "127.0.0.1:0", Config::default())
        .await
        .unwrap();
    let base = running.url();
    let client = sesame_client::Client::new(&base);
    let mut results = vec![];
    for (name, user) in [("level 1", "bench.l1"), ("level 2", "bench.l2")] {
        let session = client
            .sign_in("BENCH", user, "bench-password-2026", None)
            .await
            .unwrap();
        let me = client.with_token(Some(session.token.clone()));
        let visible = me.all_people(5000).await.unwrap().len();
        let paths = pages(&me, 10).await;
        let _ = load(&base, &session.token, &paths[..1]).await; // warm-up
        let f = load(&base, &session.token, &paths).await;
        println!(
            "{name}: sees {visible} accounts; {} requests, {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms ({CONNECTIONS} connections, {SECONDS} s, pages 1–10)",
            f.requests,
            f.rps,
            f.p50.as_secs_f64() * 1000.0,
            f.p99.as_secs_f64() * 1000.0
        );
        results.push(f);
    }
    let ratio = results[0].rps / results[1].rps;
    println!("level-2 listing is {ratio:.2}× the time of level-1 (throughput ratio)");
    running.stop().await;
    if std::env::var_os("SESAME_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        println!("kept {url}");
    }
}
