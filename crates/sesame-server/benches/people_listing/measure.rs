//! What the people-listing benchmark measures against one server: the plain page and every kind
//! of search, each as requests per second and p99 with 32 connections, and one page and one
//! search alone (p50 and p99 with a single connection).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use super::load::{Figures, load};
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

/// Everything against the server at `addr`, signed in as level 1 (`tokens[0]`) and level 2.
pub async fn measure(
    addr: SocketAddr,
    tokens: &[String; 2],
    base: &str,
) -> (Vec<Line>, [String; 2]) {
    let client = sesame_client::Client::new(base);
    let l1 = client.with_token(Some(tokens[0].clone()));
    let l2 = client.with_token(Some(tokens[1].clone()));
    let run = |token: &str, paths: Vec<String>, connections: usize, seconds: u64| {
        let token = token.to_owned();
        async move {
            // The warm-up walks the pages measured: each statement is then prepared on every
            // pooled connection, and planned, before the clock starts.
            let _ = load(addr, &token, &paths, connections, Duration::from_secs(1)).await;
            load(
                addr,
                &token,
                &paths,
                connections,
                Duration::from_secs(seconds),
            )
            .await
        }
    };
    let query = |q: Option<&str>| PeopleQuery {
        q: q.map(str::to_owned),
        limit: Some(100),
        ..Default::default()
    };
    let mut lines = vec![];
    let mut line = |what: String, target: &'static str, f: &Figures| {
        lines.push(Line {
            what,
            target,
            figure: figure(f),
            rps: f.rps,
        })
    };
    let health = run("", vec!["/healthz".into()], CONNECTIONS, SECONDS).await;
    line("/healthz (ceiling of the HTTP stack)".into(), "–", &health);
    let page = run(
        &tokens[0],
        pages(&l1, query(None), 10).await,
        CONNECTIONS,
        SECONDS,
    )
    .await;
    line("100-person page, level 1".into(), "–", &page);
    let page2 = run(
        &tokens[1],
        pages(&l2, query(None), 10).await,
        CONNECTIONS,
        SECONDS,
    )
    .await;
    line("100-person page, level 2".into(), "L2/L1 ≤ 1.2", &page2);
    for (what, q) in SEARCHES {
        let f = run(
            &tokens[0],
            pages(&l1, query(Some(q)), 10).await,
            CONNECTIONS,
            SECONDS,
        )
        .await;
        line(format!("search {what}"), "≥ 50 % of page, p99 ≤ 25 ms", &f);
    }
    let gagn2 = run(
        &tokens[1],
        pages(&l2, query(Some("gagn")), 10).await,
        CONNECTIONS,
        SECONDS,
    )
    .await;
    line("search q=gagn, level 2".into(), "L2/L1 ≤ 1.2", &gagn2);
    for sort in PeopleSort::ALL {
        for desc in [false, true] {
            let q = PeopleQuery {
                sort: Some(sort),
                desc: Some(desc),
                ..query(Some("gagn"))
            };
            let f = run(&tokens[0], pages(&l1, q, 10).await, CONNECTIONS, SECONDS).await;
            let dir = if desc { "descending" } else { "ascending" };
            line(
                format!("search q=gagn by {sort:?}, {dir}"),
                "≥ 50 % of page",
                &f,
            );
        }
    }
    let large = PeopleQuery {
        limit: Some(5000),
        ..query(None)
    };
    let large = run(
        &tokens[0],
        pages(&l1, large, 20).await,
        CONNECTIONS,
        SECONDS,
    )
    .await;
    lines.push(Line {
        what: "5,000-person page, level 1".into(),
        target: "SQLite ≥ PostgreSQL",
        figure: format!(
            "{} ({:.1} MB a page)",
            figure(&large),
            large.body as f64 / 1e6
        ),
        rps: large.rps,
    });
    let one_page = run(&tokens[0], pages(&l1, query(None), 10).await, 1, SECONDS).await;
    let one_search = run(
        &tokens[0],
        pages(&l1, query(Some("gagn")), 10).await,
        1,
        SECONDS,
    )
    .await;
    (lines, [alone(&one_page), alone(&one_search)])
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
