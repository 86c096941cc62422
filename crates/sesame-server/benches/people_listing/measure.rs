//! What the people-listing benchmark measures against one server: the plain page and every kind
//! of search, each as requests per second and p99 with 32 connections, and one page and one
//! search alone (p50 and p99 with a single connection). Every figure is measured in rounds.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use super::load::{Figures, Sample, load};
use sesame_core::api::{PeopleQuery, PeopleSort};

pub const CONNECTIONS: usize = 32;
/// Seconds of each figure, after a second of warm-up.
const SECONDS: u64 = 4;

/// One line of the results: what, its target, and its figures.
pub struct Line {
    pub what: String,
    pub target: &'static str,
    pub figure: String,
    /// Requests a second, to compare lines of one run.
    pub rps: f64,
}

/// The first page of `query` and the pages after it, as a client pulls them (`count` paths).
async fn pages(client: &sesame_client::Client, query: PeopleQuery, count: usize) -> Vec<String> {
    let mut q = query.clone();
    let mut base = format!("/api/v1/people?limit={}", q.limit.unwrap_or(100));
    if let Some(text) = &q.q {
        base.push_str(&format!("&q={}", text.replace(' ', "%20")));
    }
    if let Some(sort) = q.sort {
        let sort = serde_json::to_value(sort).unwrap();
        base.push_str(&format!("&sort={}", sort.as_str().unwrap()));
    }
    if q.desc == Some(true) {
        base.push_str("&desc=true");
    }
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

fn figure(f: &Figures) -> String {
    format!(
        "{:.0} req/s, p99 {:.1} ms",
        f.rps,
        f.p99.as_secs_f64() * 1000.0
    )
}

fn alone(f: &Figures) -> String {
    format!(
        "p50 {:.2} ms, p99 {:.2} ms",
        f.p50.as_secs_f64() * 1000.0,
        f.p99.as_secs_f64() * 1000.0
    )
}

/// The searches measured: what each stands for, and its term.
pub const SEARCHES: [(&str, &str); 6] = [
    ("frequent, first in name order (q=bouch)", "bouch"),
    ("frequent, in the middle (q=gagn)", "gagn"),
    ("frequent, last in name order (q=tremb)", "tremb"),
    ("rare: 10 people (q=user00421)", "user00421"),
    ("no match (q=zzzz)", "zzzz"),
    ("word start of two letters (q=ga)", "ga"),
];

/// One figure to measure: as whom, the pages cycled through, and with how many connections.
struct Job {
    token: String,
    paths: Vec<String>,
    connections: usize,
}

/// Rounds a figure is measured in (`SESAME_BENCH_ROUNDS`, 4 unless said).
pub fn rounds() -> u32 {
    std::env::var("SESAME_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(4)
}

/// Every job for [`SECONDS`] in all, in rounds: each round gives each job its share of the
/// time in turn. A figure is then measured across the whole stretch the others are, so a slow
/// or quick spell of the machine weighs on all of them alike, and the ratios between figures
/// (a search to the page, level 2 to level 1) compare the code, not the minutes they ran in.
async fn in_rounds(addr: SocketAddr, jobs: &[Job]) -> Vec<Figures> {
    // The warm-up walks the pages measured: each statement is then prepared on every pooled
    // connection, and planned, before the clock starts.
    for job in jobs {
        let warm = Duration::from_secs(1);
        let _ = load(addr, &job.token, &job.paths, job.connections, warm).await;
    }
    let rounds = rounds();
    let slice = Duration::from_secs(SECONDS) / rounds;
    let mut samples: Vec<Sample> = jobs.iter().map(|_| Sample::default()).collect();
    for _ in 0..rounds {
        for (job, sample) in jobs.iter().zip(&mut samples) {
            sample.merge(load(addr, &job.token, &job.paths, job.connections, slice).await);
        }
    }
    samples.into_iter().map(Sample::figures).collect()
}

/// A first page of 100 and, for a search, its term.
fn query(q: Option<&str>) -> PeopleQuery {
    PeopleQuery {
        q: q.map(str::to_owned),
        limit: Some(100),
        ..Default::default()
    }
}

/// Every line measured with 32 connections: what, its target, and its job.
async fn planned(
    l1: &sesame_client::Client,
    l2: &sesame_client::Client,
    tokens: &[String; 2],
) -> Vec<(String, &'static str, Job)> {
    let mut planned = vec![];
    let mut plan = |what: String, target, token: &str, paths: Vec<String>| {
        let (token, connections) = (token.to_owned(), CONNECTIONS);
        let job = Job {
            token,
            paths,
            connections,
        };
        planned.push((what, target, job));
    };
    let [t1, t2] = tokens;
    let health = vec!["/healthz".into()];
    plan(
        "/healthz (ceiling of the HTTP stack)".into(),
        "–",
        "",
        health,
    );
    let page = pages(l1, query(None), 10).await;
    plan("100-person page, level 1".into(), "–", t1, page);
    let page2 = pages(l2, query(None), 10).await;
    plan("100-person page, level 2".into(), "L2/L1 ≤ 1.2", t2, page2);
    for (what, q) in SEARCHES {
        let paths = pages(l1, query(Some(q)), 10).await;
        let target = "≥ 50 % of page, p99 ≤ 25 ms";
        plan(format!("search {what}"), target, t1, paths);
    }
    let gagn2 = pages(l2, query(Some("gagn")), 10).await;
    plan("search q=gagn, level 2".into(), "L2/L1 ≤ 1.2", t2, gagn2);
    for sort in PeopleSort::ALL {
        for desc in [false, true] {
            let q = PeopleQuery {
                sort: Some(sort),
                desc: Some(desc),
                ..query(Some("gagn"))
            };
            let dir = if desc { "descending" } else { "ascending" };
            let what = format!("search q=gagn by {sort:?}, {dir}");
            plan(what, "≥ 50 % of page", t1, pages(l1, q, 10).await);
        }
    }
    let large = PeopleQuery {
        limit: Some(5000),
        ..query(None)
    };
    let large = pages(l1, large, 20).await;
    plan(
        "5,000-person page, level 1".into(),
        "SQLite ≥ PostgreSQL",
        t1,
        large,
    );
    planned
}

/// Everything against the server at `addr`, signed in as level 1 (`tokens[0]`) and level 2.
pub async fn measure(
    addr: SocketAddr,
    tokens: &[String; 2],
    base: &str,
) -> (Vec<Line>, [String; 2]) {
    let client = sesame_client::Client::new(base);
    let l1 = client.with_token(Some(tokens[0].clone()));
    let l2 = client.with_token(Some(tokens[1].clone()));
    let (names, jobs): (Vec<_>, Vec<_>) = planned(&l1, &l2, tokens)
        .await
        .into_iter()
        .map(|(what, target, job)| ((what, target), job))
        .unzip();
    let figures = in_rounds(addr, &jobs).await;
    let mut lines: Vec<Line> = names
        .into_iter()
        .zip(&figures)
        .map(|((what, target), f)| Line {
            what,
            target,
            figure: figure(f),
            rps: f.rps,
        })
        .collect();
    let large = lines.last_mut().unwrap();
    let bytes = figures.last().unwrap().body as f64 / 1e6;
    large.figure = format!("{} ({bytes:.1} MB a page)", large.figure);
    // One page and one search alone, also in turns.
    let one = |paths| Job {
        token: tokens[0].clone(),
        paths,
        connections: 1,
    };
    let alone_jobs = [
        one(pages(&l1, query(None), 10).await),
        one(pages(&l1, query(Some("gagn")), 10).await),
    ];
    let one = in_rounds(addr, &alone_jobs).await;
    (lines, [alone(&one[0]), alone(&one[1])])
}

/// Pulls every person a 5,000 page at a time; the time it took.
pub async fn pull(base: &str, token: &str, expected: usize) -> Duration {
    let client = sesame_client::Client::new(base).with_token(Some(token.to_owned()));
    let _ = client.all_people(5000).await.unwrap(); // warm-up
    let started = Instant::now();
    let everyone = client.all_people(5000).await.unwrap().len();
    assert_eq!(everyone, expected);
    started.elapsed()
}
