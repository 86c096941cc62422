//! Benchmark of the desktop app with 100,000 accounts loaded in the user follow-up, driving the
//! real `People` screen (its `update` and `view`):
//! - loading: 100 pages of 1,000 accounts handed to `update` as they arrive from the server,
//!   the first rows shown at once (in name order, then with a header clicked during the load);
//! - a click on each column's header (ascending, then descending, then ascending again), timed
//!   inside `update` (target ≤ 50 ms);
//! - a keystroke in the search box until the next frame's view is built and laid out
//!   (target ≤ 16 ms);
//! - the cold start: settings read, first view built and laid out (target ≤ 200 ms; the
//!   embedded server starts only when chosen, in the background);
//! - the memory the process holds with the 100,000 accounts, their view and every column's
//!   order (target ≤ 200 MB), and the list's own cost in bytes an account (the heap it holds,
//!   counted by this bench's allocator).
//!
//! Run with `cargo bench -p sesame-app --bench desktop_app`. With `SESAME_BENCH_FILLED` naming a
//! database the server's benchmark kept, it measures instead the list too long to hold (see
//! `desktop_app/large.rs`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use sesame_app::locale::Locale;
use sesame_app::screen::Ctx;
use sesame_app::screen::people::{Message, People};
use sesame_client::Client;
use sesame_core::api::{Me, Organization, PeoplePage, PeopleSort, PersonSummary};
use sesame_core::domain::{AccountKind, Language, Level, Status, sort_key};

const ROWS: usize = 100_000;
const PAGE: usize = 1_000;
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

/// The system's allocator, counting the bytes in use: what the list holds is the count with it
/// loaded less the count before.
struct Counting;

/// Bytes asked for and not yet freed.
static IN_USE: AtomicUsize = AtomicUsize::new(0);
/// The same with each block as glibc's malloc gives it on 64 bits (8 bytes of header, in
/// steps of 16, at least 32): what the heap really holds for it.
static IN_BLOCKS: AtomicUsize = AtomicUsize::new(0);

fn block(size: usize) -> usize {
    (size + 8).div_ceil(16).max(2) * 16
}

// SAFETY: every call goes to the system allocator unchanged; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Relaxed);
        IN_BLOCKS.fetch_add(block(layout.size()), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Relaxed);
        IN_BLOCKS.fetch_sub(block(layout.size()), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Relaxed);
        IN_BLOCKS.fetch_add(block(layout.size()), Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_add(new_size, Relaxed);
        IN_USE.fetch_sub(layout.size(), Relaxed);
        IN_BLOCKS.fetch_add(block(new_size), Relaxed);
        IN_BLOCKS.fetch_sub(block(layout.size()), Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The heap in use: bytes asked for, and the blocks that hold them.
fn heap() -> (usize, usize) {
    (IN_USE.load(Relaxed), IN_BLOCKS.load(Relaxed))
}

/// Resident memory of this process (VmRSS), in MB.
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// 100,000 accounts as the server lists them (in its name order): accents, people without a
/// phone, invited people known only by their email.
fn rows() -> Vec<PersonSummary> {
    let mut v: Vec<PersonSummary> = (0..ROWS)
        .map(|i| {
            let invited = i % 50 == 7;
            PersonSummary {
                id: i as i64 + 1,
                user_id: format!("user{:06}", (i * 7919) % ROWS),
                last_name: if invited {
                    String::new()
                } else {
                    format!("{} {}", LAST[i % 8], i / 8)
                },
                first_name: if invited {
                    String::new()
                } else {
                    FIRST[(i / 3) % 8].into()
                },
                email: format!("{}{i}@example.org", FIRST[(i / 5) % 8].to_lowercase()),
                phone: (i % 7 != 0).then(|| format!("514 555-{:04}", (i * 31) % 10_000)),
                level: [Level::One, Level::Two, Level::Three, Level::Three][i % 4],
                roles: vec!["viewer".into()],
                status: if invited {
                    Status::Invited
                } else if i % 30 == 0 {
                    Status::Suspended
                } else {
                    Status::Active
                },
                two_factor: i % 5 == 0,
                is_contact: false,
                language: Language::Fr,
                version: 1,
                actions: vec![],
            }
        })
        .collect();
    v.sort_by_cached_key(|p| (sort_key(&p.last_name, &p.first_name, &p.email), p.id));
    v
}

fn pages(rows: Vec<PersonSummary>) -> Vec<PeoplePage> {
    let mut rows = rows.into_iter().peekable();
    let mut pages = vec![];
    while rows.peek().is_some() {
        let items: Vec<PersonSummary> = rows.by_ref().take(PAGE).collect();
        pages.push(PeoplePage {
            items,
            next_cursor: Some(format!("{}", pages.len() + 1)),
        });
    }
    if let Some(last) = pages.last_mut() {
        last.next_cursor = None;
    }
    pages
}

/// Loads every page through `update`, as they come from the server; `click` is a header
/// clicked once the first page shows. Returns the list, the total time in `update`, the
/// slowest page, and how many rows showed after the first page.
fn load(ctx: Ctx<'_>, click: Option<PeopleSort>) -> (People, Duration, Duration, usize) {
    let (mut people, _) = People::load(ctx, Default::default(), None);
    let (mut total, mut slowest, mut first) = (Duration::ZERO, Duration::ZERO, 0);
    for (n, page) in pages(rows()).into_iter().enumerate() {
        let t = Instant::now();
        let _ = people.update(Message::Loaded(Ok(page)), ctx);
        let took = t.elapsed();
        total += took;
        slowest = slowest.max(took);
        if n == 0 {
            first = people.visible_count();
            if let Some(column) = click {
                let _ = people.update(Message::SortBy(column), ctx);
                let _ = people.update(Message::SortBy(column), ctx);
            }
        }
    }
    (people, total, slowest, first)
}

fn me() -> Me {
    Me {
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
            documents: Default::default(),
            api_address: None,
        },
    }
}

/// Each column's header clicked three times (ascending, descending, ascending; Name, the
/// sort at load, goes descending first): the time of each click inside `update`.
fn sorts(people: &mut People, ctx: Ctx<'_>) -> f64 {
    let mut worst: f64 = 0.0;
    for (column, name) in [
        (PeopleSort::UserId, "user ID"),
        (PeopleSort::Email, "email"),
        (PeopleSort::Phone, "phone"),
        (PeopleSort::Level, "level"),
        (PeopleSort::Status, "status"),
        (PeopleSort::Name, "name"),
    ] {
        let clicks: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let _ = people.update(Message::SortBy(column), ctx);
                ms(t.elapsed())
            })
            .collect();
        worst = clicks.iter().copied().fold(worst, f64::max);
        println!(
            "sort by {name:<8}: {:>6.1} ms, again (reversed) {:>6.1} ms, again {:>6.1} ms",
            clicks[0], clicks[1], clicks[2]
        );
    }
    worst
}

/// Typing "tremblay 12" one letter at a time, then erasing it, 5 rounds (the first one not
/// counted): the time from the keystroke to the next view built and laid out.
fn keystrokes(people: &mut People, ctx: Ctx<'_>) -> Vec<f64> {
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
                samples.push(ms(elapsed));
            }
        }
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    samples
}

// The server benchmark's child process, serving the database it filled.
#[path = "../../sesame-server/benches/people_listing/child.rs"]
mod child;
#[path = "desktop_app/large.rs"]
mod large;

fn main() {
    if let Ok(url) = std::env::var(child::SERVE) {
        return child::serve(&url, sesame_server::Config::default());
    }
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    // A database of 1,000,000 people the server's benchmark kept: the list too long to hold.
    if let Ok(url) = std::env::var("SESAME_BENCH_FILLED") {
        return large::run(&url);
    }
    let started = Instant::now();
    let before = rss_mb();
    let me = me();
    let client = Client::new("http://127.0.0.1:9");
    let ctx = Ctx {
        locale: Locale::new(Language::Fr),
        client: &client,
        me: &me,
        roles: &[],
        compact: false,
    };

    // Cold start: boot (settings), first view, layout.
    let home = std::env::temp_dir().join(format!("sesame_bench_gui_{}", std::process::id()));
    let t = Instant::now();
    let places = sesame_app::settings::Places::in_folder(&home);
    let (app, _) = sesame_app::app::App::boot(places);
    let _ui = iced_test::simulator(app.view());
    let cold = t.elapsed();
    drop(_ui);
    let booted = rss_mb();

    let heap_before = heap();
    let (mut people, total, slowest, first) = load(ctx, None);
    assert_eq!(people.len(), ROWS);
    let heap_loaded = heap();
    let _first = iced_test::simulator(people.view(ctx));
    drop(_first);
    let loaded_rss = rss_mb();
    println!(
        "load, {} pages of {PAGE} handed to update as they arrive: {:.0} ms in all, slowest page {:.1} ms, {first} rows shown after the first page",
        ROWS / PAGE,
        ms(total),
        ms(slowest)
    );

    let worst_sort = sorts(&mut people, ctx);
    println!("slowest sort: {worst_sort:.1} ms (target ≤ 50 ms)");
    let samples = keystrokes(&mut people, ctx);
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "keystroke to next view (search + view + layout), {} keystrokes: median {:.2} ms, p95 {:.2} ms, max {:.2} ms (target ≤ 16 ms)",
        samples.len(),
        pct(0.5),
        pct(0.95),
        samples.last().unwrap()
    );
    println!(
        "cold start to first frame's view (settings, boot, view, layout): {:.1} ms (target ≤ 200 ms)",
        ms(cold)
    );
    let sorted_rss = rss_mb();
    let heap_sorted = heap();
    println!(
        "memory (VmRSS): {loaded_rss:.0} MB with {ROWS} accounts loaded and shown, {sorted_rss:.0} MB after every sort and search ({before:.0} MB at start, {booted:.0} MB once the first view was laid out) (target ≤ 200 MB for the app process: this one has no window nor GPU renderer)",
    );
    let per_row = |after: (usize, usize)| {
        let each = |a: usize, b: usize| a.saturating_sub(b) as f64 / ROWS as f64;
        (each(after.0, heap_before.0), each(after.1, heap_before.1))
    };
    let (loaded, loaded_blocks) = per_row(heap_loaded);
    let (sorted, sorted_blocks) = per_row(heap_sorted);
    println!(
        "the list's own memory: {loaded:.0} bytes an account loaded ({loaded_blocks:.0} in malloc's blocks), {sorted:.0} bytes ({sorted_blocks:.0}) with every column's order kept",
    );
    drop(people);

    let (people, total, slowest, _) = load(ctx, Some(PeopleSort::Email));
    assert_eq!(people.visible_count(), ROWS);
    println!(
        "load sorted by email descending (clicked after the first page): {:.0} ms in all, slowest page {:.1} ms",
        ms(total),
        ms(slowest)
    );
    println!("total {:.1} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(home);
}
