//! A list too long to hold: the `People` screen against a real server in a child process, on a
//! database the server's benchmark filled (`SESAME_BENCH_FILL_ONLY=1 SESAME_BENCH_SIZES=1000000
//! cargo bench -p sesame-server --bench people_listing` prints `kept sqlite:…`; pass that as
//! `SESAME_BENCH_FILLED`). Every task the screen returns runs for real (its requests over
//! loopback) and feeds its answers back into `update`, as the app's runtime does; each figure
//! ends once the next view is built and laid out.
//! - loading: the first rows shown, then the moment the list stops loading and shows the
//!   server's answer (searchable from then on);
//! - keystrokes: a frequent family name, a rare user ID, a term matching nobody, typed one
//!   letter at a time then erased (target ≤ 50 ms each);
//! - a click on each column's header (target ≤ 50 ms);
//! - the next rows as the person moves down to the last of those in;
//! - the memory of this process (the app's side) and of the server.

use std::time::{Duration, Instant};

use futures::StreamExt;
use iced::Task;
use sesame_app::locale::Locale;
use sesame_app::screen::people::{Message, People};
use sesame_app::screen::{Ctx, Effect};
use sesame_client::Client;
use sesame_core::api::PeopleSort;
use sesame_core::domain::Language;

use super::child::{Server, index_measure};
use super::{ms, rss_mb};

/// The password of the server benchmark's signed-in users.
const PASSWORD: &str = "bench-password-2026";

/// Runs `task` and every task its answers lead to, as the app's runtime would (one after the
/// other here); `seen` looks at the list after each answer.
async fn drive(
    people: &mut People,
    task: Task<Message>,
    ctx: Ctx<'_>,
    seen: &mut dyn FnMut(&People),
) {
    let mut queue = vec![task];
    while let Some(task) = queue.pop() {
        let Some(mut stream) = iced_runtime::task::into_stream(task) else {
            continue;
        };
        while let Some(action) = stream.next().await {
            if let iced_runtime::Action::Output(m) = action {
                if let Effect::Run(next) = people.update(m, ctx) {
                    queue.push(next);
                }
                seen(people);
            }
        }
    }
}

/// One step of the person: the message, its tasks to their end, the next view laid out.
async fn step(people: &mut People, m: Message, ctx: Ctx<'_>) -> Duration {
    let t = Instant::now();
    if let Effect::Run(task) = people.update(m, ctx) {
        drive(people, task, ctx, &mut |_| {}).await;
    }
    drop(iced_test::simulator(people.view(ctx)));
    t.elapsed()
}

/// Waits until the server's search index holds the organization (its `/metrics` count the
/// people indexed): until then the server answers through its plain statements.
async fn index_ready(base: &str) -> Duration {
    let started = Instant::now();
    while index_measure(base, "people").await == 0 && started.elapsed() < Duration::from_secs(900) {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    started.elapsed()
}

fn percentiles(mut samples: Vec<f64>) -> String {
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    format!(
        "median {:.1} ms, p95 {:.1} ms, max {:.1} ms over {}",
        at(0.5),
        at(0.95),
        samples.last().unwrap(),
        samples.len()
    )
}

pub fn run(url: &str) {
    let server = Server::spawn(url);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(measure(&server));
    println!(
        "server RSS at the end {:.0} MB ({:.0} MB anonymous, the rest mapped files)",
        server.resident_mb(),
        server.anonymous_mb()
    );
}

async fn measure(server: &Server) {
    let client = Client::new(&format!("http://{}", server.addr));
    let session = client
        .sign_in("BENCH", "bench.l1", PASSWORD, None)
        .await
        .unwrap();
    let client = client.with_token(Some(session.token));
    let ready = index_ready(&format!("http://{}", server.addr)).await;
    println!(
        "\nA list too long to hold ({}): the server's index ready {:.1} s after start; server RSS {:.0} MB",
        url_kind(),
        ready.as_secs_f64(),
        server.resident_mb()
    );
    let me = client.me().await.unwrap();
    let roles = client.roles().await.unwrap();
    let ctx = Ctx {
        locale: Locale::new(Language::Fr),
        client: &client,
        me: &me,
        roles: &roles,
        compact: false,
    };
    let before = rss_mb();

    let started = Instant::now();
    let (mut people, task) = People::load(ctx, (PeopleSort::Name, false), None);
    let (mut first, mut asked) = (None, None);
    drive(&mut people, task, ctx, &mut |p| {
        if first.is_none() && !p.is_empty() {
            first = Some(started.elapsed());
        }
        if asked.is_none() && p.asks_server() && p.visible_count() > 0 {
            asked = Some(started.elapsed());
        }
    })
    .await;
    drop(iced_test::simulator(people.view(ctx)));
    let shown = started.elapsed();
    println!(
        "load: first rows after {:.0} ms; the list asks the server and shows its answer after {:.2} s ({:.2} s with the view laid out), {} rows in",
        ms(first.unwrap()),
        asked.expect("the list asks the server").as_secs_f64(),
        shown.as_secs_f64(),
        people.len()
    );

    for term in ["gagnon", "user04217", "zzqx"] {
        let mut samples = vec![];
        for round in 0..3 {
            let mut typed = String::new();
            for c in term
                .chars()
                .map(Some)
                .chain(std::iter::repeat_n(None, term.len()))
            {
                match c {
                    Some(c) => typed.push(c),
                    None => _ = typed.pop(),
                }
                let took = step(&mut people, Message::Search(typed.clone()), ctx).await;
                if round > 0 {
                    samples.push(ms(took));
                }
            }
        }
        println!(
            "keystrokes typing and erasing {term:?}: {} (target ≤ 50 ms)",
            percentiles(samples)
        );
    }

    let mut clicks = vec![];
    for column in PeopleSort::ALL {
        let mut each = vec![];
        for _ in 0..3 {
            each.push(ms(step(&mut people, Message::SortBy(column), ctx).await));
        }
        println!(
            "sort by {column:?}: {:.1} ms, again (reversed) {:.1} ms, again {:.1} ms",
            each[0], each[1], each[2]
        );
        clicks.extend(each);
    }
    println!(
        "a click on a column's header, each 3 times: {} (target ≤ 50 ms)",
        percentiles(clicks)
    );

    let mut scrolls = vec![];
    for _ in 0..10 {
        let rows = people.visible_count();
        // The current row to the last one in, as the Down arrow held would.
        if people.current_row().is_none() {
            step(&mut people, Message::Step(1), ctx).await;
        }
        let took = step(&mut people, Message::Step(i32::MAX / 2), ctx).await;
        assert!(people.visible_count() > rows, "more rows came");
        scrolls.push(ms(took));
    }
    println!(
        "the next rows at the end of those in (2,000 a page): {}; {} rows in",
        percentiles(scrolls),
        people.visible_count()
    );
    println!(
        "memory (VmRSS) of the app's side: {:.0} MB ({before:.0} MB before the list; target ≤ 300 MB)",
        rss_mb()
    );
}

fn url_kind() -> &'static str {
    match std::env::var("SESAME_BENCH_FILLED") {
        Ok(u) if u.starts_with("postgres") => "PostgreSQL",
        _ => "SQLite",
    }
}
