//! Benchmark of the desktop app with 100,000 accounts loaded in the user follow-up:
//! - a keystroke in the search box until the next frame's view is built and laid out
//!   (target ≤ 16 ms);
//! - the cold start: settings read, first view built and laid out (target ≤ 200 ms; the
//!   embedded server starts only when chosen, in the background);
//! - the memory the process holds with the 100,000 accounts and their view (target ≤ 200 MB).
//!
//! Run with `cargo bench --bench desktop_app`.

use std::time::Instant;

use sesame_app::locale::Locale;
use sesame_app::screen::Ctx;
use sesame_app::screen::people::{Message, People};
use sesame_client::Client;
use sesame_core::api::{Me, Organization, PersonSummary};
use sesame_core::domain::{AccountKind, Language, Level, Status};

const ROWS: usize = 100_000;
const LAST: [&str; 8] = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Łukasiewicz",
    "Øvergård",
    "Lavoie",
];
const FIRST: [&str; 8] = [
    "Marie",
    "Jean",
    "Zoë",
    "Ægir",
    "Élodie",
    "François",
    "Rita",
    "Léa",
];

fn rss_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1_048_576.0
}

fn rows() -> Vec<PersonSummary> {
    let mut v: Vec<PersonSummary> = (0..ROWS)
        .map(|i| PersonSummary {
            id: i as i64 + 1,
            user_id: format!("user{i:06}"),
            last_name: format!("{} {}", LAST[i % 8], i / 8),
            first_name: FIRST[(i / 3) % 8].into(),
            email: format!("user{i:06}@example.org"),
            phone: Some(format!("514 555-{:04}", i % 10_000)),
            level: [Level::One, Level::Two, Level::Three, Level::Three][i % 4],
            roles: vec!["viewer".into()],
            status: if i % 30 == 0 {
                Status::Suspended
            } else {
                Status::Active
            },
            two_factor: i % 5 == 0,
            is_contact: false,
            language: Language::Fr,
            version: 1,
        })
        .collect();
    // The server sends them in name order.
    v.sort_by(|a, b| (a.last_name.as_str(), a.id).cmp(&(b.last_name.as_str(), b.id)));
    v
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let started = Instant::now();
    let before = rss_mb();
    let me = Me {
        id: 1,
        kind: AccountKind::Person,
        user_id: "bench".into(),
        last_name: "Bench".into(),
        first_name: "Marie".into(),
        email: None,
        phone: None,
        level: Some(Level::One),
        language: Language::Fr,
        two_factor: false,
        must_change_password: false,
        rights: sesame_core::domain::rules::Actor::person(1, 1, Level::One, true).rights(),
        version: 1,
        organization: Organization {
            code: "BENCH".into(),
            name: "Bench".into(),
            default_language: Language::Fr,
            public_service: true,
        },
    };
    let client = Client::new("http://127.0.0.1:9");
    let ctx = Ctx {
        locale: Locale::new(Language::Fr),
        client: &client,
        me: &me,
        roles: &[],
    };

    // Cold start: boot (settings), first view, layout.
    let home = std::env::temp_dir().join(format!("sesame_bench_gui_{}", std::process::id()));
    let t = Instant::now();
    let places = sesame_app::settings::Places::in_folder(&home);
    let (app, _) = sesame_app::app::App::boot(places);
    let _ui = iced_test::simulator(app.view());
    let cold = t.elapsed();
    drop(_ui);

    let t = Instant::now();
    let mut people = People::with_rows(rows());
    let loaded = t.elapsed();
    let _first = iced_test::simulator(people.view(ctx));
    drop(_first);
    let after = rss_mb();

    // Keystrokes: typing "tremblay 12" one letter at a time, then erasing it.
    let query = "tremblay 12";
    let mut samples = vec![];
    for round in 0..5 {
        let mut typed = String::new();
        for c in query
            .chars()
            .chain(std::iter::repeat_n('\u{8}', query.len()))
        {
            if c == '\u{8}' {
                typed.pop();
            } else {
                typed.push(c);
            }
            let t = Instant::now();
            let _ = people.update(Message::Search(typed.clone()), ctx);
            let ui = iced_test::simulator(people.view(ctx));
            let elapsed = t.elapsed();
            drop(ui);
            if round > 0 {
                samples.push(elapsed.as_secs_f64() * 1000.0);
            }
        }
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "accounts loaded: {ROWS} (indexed and ordered in {:.0} ms)",
        loaded.as_secs_f64() * 1000.0
    );
    println!(
        "keystroke to next view (search + view + layout), {} keystrokes: median {:.2} ms, p95 {:.2} ms, max {:.2} ms (target ≤ 16 ms)",
        samples.len(),
        pct(0.5),
        pct(0.95),
        samples.last().unwrap()
    );
    println!(
        "cold start to first frame's view (settings, boot, view, layout): {:.1} ms (target ≤ 200 ms)",
        cold.as_secs_f64() * 1000.0
    );
    println!(
        "memory: {:.0} MB resident with {ROWS} accounts and their view ({:.0} MB before loading) (target ≤ 200 MB)",
        after, before
    );
    println!("total {:.1} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(home);
}
