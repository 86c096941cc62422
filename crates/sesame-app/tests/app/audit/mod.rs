//! The audit: every screen, dialog and form with its errors, walked from the presets, in
//! English and French, at 1024×700 and 1280×800, at 100 % and 200 %, and checked on the tree a
//! screen reader reads (the same the frame is drawn from). It writes a report (screen × state ×
//! findings) to `target/accessibility-audit.txt` and fails on any finding.

use std::fmt::Write as _;

use crate::harness::Ui;
use sesame_app::a11y::{Key, Role, Tree};

mod pixels;
mod walks;
use pixels::{ring_contrast, themes};
use walks::{walk_deeper, walk_large_list, walk_presets, walk_signed_in, walk_signed_out};

/// A window and an interface size, in one language.
#[derive(Debug, Clone, Copy)]
struct Variant {
    language: &'static str,
    width: f32,
    height: f32,
    scale: u16,
}

impl std::fmt::Display for Variant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h, s, l) = (self.width, self.height, self.scale, self.language);
        write!(f, "{l} {w}×{h} {s} %")
    }
}

const VARIANTS: [Variant; 6] = [
    Variant {
        language: "en",
        width: 1024.0,
        height: 700.0,
        scale: 100,
    },
    Variant {
        language: "fr",
        width: 1024.0,
        height: 700.0,
        scale: 100,
    },
    Variant {
        language: "en",
        width: 1280.0,
        height: 800.0,
        scale: 100,
    },
    Variant {
        language: "fr",
        width: 1280.0,
        height: 800.0,
        scale: 100,
    },
    Variant {
        language: "fr",
        width: 1024.0,
        height: 700.0,
        scale: 200,
    },
    Variant {
        language: "en",
        width: 1280.0,
        height: 800.0,
        scale: 200,
    },
];

/// What was checked and found, over the whole walk.
#[derive(Default)]
struct Report {
    states: usize,
    checks: usize,
    findings: Vec<String>,
    lines: String,
}

impl Report {
    fn finding(&mut self, at: &str, what: String) {
        self.findings.push(format!("{at}: {what}"));
    }
}

/// One state of one screen: every check on its tree, and Tab and Shift+Tab walked through it.
async fn audit(ui: &mut Ui, report: &mut Report, variant: Variant, state: &str) {
    let at = format!("{variant} | {state}");
    let before = report.findings.len();
    let tree = ui.tree();
    report.states += 1;
    named(&tree, report, &at);
    in_window(&tree, report, &at);
    no_overlap(&tree, report, &at);
    no_cut_beside_room(&tree, report, &at);
    no_text_beyond_its_box(&tree, report, &at);
    focus_where_the_person_is(&tree, report, &at);
    if state == "user follow-up" {
        follow_up_shows_its_rows(&tree, report, &at);
    }
    tab_walk(ui, &tree, report, &at).await;
    let found = report.findings.len() - before;
    let _ = writeln!(
        report.lines,
        "{at} | {} nodes | {found} findings",
        tree.nodes.len()
    );
}

/// Every control has a name.
fn named(tree: &Tree, report: &mut Report, at: &str) {
    for n in tree.nodes.iter().filter(|n| n.focusable) {
        report.checks += 1;
        if n.name.trim().is_empty() {
            report.finding(
                at,
                format!("a {:?} has no name (value {:?})", n.role, n.value),
            );
        }
    }
}

/// Every node lies in the window, or in an area that scrolls to it.
fn in_window(tree: &Tree, report: &mut Report, at: &str) {
    let window = iced::Rectangle::with_size(tree.size);
    for (i, n) in tree.nodes.iter().enumerate().skip(1) {
        if n.role == Role::Group || n.bounds.width < 1.0 || n.bounds.height < 1.0 {
            continue;
        }
        report.checks += 1;
        let scrolled = ancestors(tree, i).any(|a| tree.nodes[a].role == Role::ScrollView);
        let out = n.bounds.x + n.bounds.width > window.width + 1.0
            || (!scrolled && n.bounds.y + n.bounds.height > window.height + 1.0)
            || n.bounds.x < -1.0;
        if out && !(n.role == Role::Label && n.name.trim().is_empty()) {
            report.finding(
                at,
                format!(
                    "{:?} {:?} lies outside the window at {:?}",
                    n.role, n.name, n.bounds
                ),
            );
        }
    }
}

/// No two texts drawn over each other.
fn no_overlap(tree: &Tree, report: &mut Report, at: &str) {
    // Under an open dialog's veil lie the page and any dialog it opened from (the print
    // dialog over a password shown once): those were audited in their own state.
    let dialog = tree.dialog().is_some();
    let texts: Vec<usize> = (0..tree.nodes.len())
        .filter(|&i| {
            let n = &tree.nodes[i];
            let read = n.role == Role::Label && !n.name.trim().is_empty() && n.visible();
            read && (!dialog || n.in_dialog)
        })
        .collect();
    for (k, &a) in texts.iter().enumerate() {
        for &b in &texts[k + 1..] {
            report.checks += 1;
            let (na, nb) = (&tree.nodes[a], &tree.nodes[b]);
            if na.in_dialog != nb.in_dialog {
                continue;
            }
            let shown = |n: &sesame_app::a11y::Node| n.bounds.intersection(&n.shown);
            if let (Some(ra), Some(rb)) = (shown(na), shown(nb))
                && let Some(both) = ra.intersection(&rb)
                && both.width > 2.0
                && both.height > 2.0
            {
                report.finding(at, format!("{:?} and {:?} overlap", na.name, nb.name));
            }
        }
    }
}

/// No value shortened in a table while the other columns have the room to show it whole: a
/// column's spare room is what none of its values in view needs.
fn no_cut_beside_room(tree: &Tree, report: &mut Report, at: &str) {
    for table in (0..tree.nodes.len()).filter(|&i| tree.nodes[i].role == Role::Table) {
        let rows: Vec<usize> = descendants(tree, table)
            .filter(|&d| tree.nodes[d].role == Role::Row)
            .collect();
        // Each row's cells in order, each with how much it is cut (or, negative, its room).
        let cells: Vec<Vec<Option<f32>>> = rows
            .iter()
            .map(|&r| {
                // A title row's cells are its column headers (the outermost of each).
                let mut cells: Vec<usize> = descendants(tree, r)
                    .filter(|&d| {
                        let role = tree.nodes[d].role;
                        (role == Role::Cell || role == Role::ColumnHeader)
                            && !ancestors(tree, d)
                                .any(|a| a != r && tree.nodes[a].role == Role::ColumnHeader)
                    })
                    .collect();
                cells.sort_unstable();
                cells
                    .into_iter()
                    .map(|c| {
                        std::iter::once(c)
                            .chain(descendants(tree, c))
                            .find_map(|d| tree.nodes[d].cut_by)
                    })
                    .collect()
            })
            .collect();
        let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
        let spare: Vec<f32> = (0..columns)
            .map(|k| {
                // A cell that does not tell its width (a badge) leaves its column no known room.
                cells
                    .iter()
                    .filter_map(|row| row.get(k).copied())
                    .map(|c| c.map_or(0.0, |c| -c))
                    .fold(f32::INFINITY, f32::min)
                    .max(0.0)
            })
            .map(|s| if s.is_finite() { s } else { 0.0 })
            .collect();
        for (r, row) in cells.iter().enumerate() {
            for (k, cut) in row.iter().enumerate() {
                let Some(cut) = cut.filter(|&c| c > 0.5) else {
                    continue;
                };
                report.checks += 1;
                let room: f32 = (0..columns).filter(|&j| j != k).map(|j| spare[j]).sum();
                if room >= cut {
                    report.finding(
                        at,
                        format!(
                            "row {:?}, column {}: cut by {cut:.0} px while the other columns have {room:.0} px to spare",
                            tree.nodes[rows[r]].name,
                            k + 1
                        ),
                    );
                }
            }
        }
    }
}

/// The follow-up shows its search, its filters and at least five rows at once, at any size.
fn follow_up_shows_its_rows(tree: &Tree, report: &mut Report, at: &str) {
    let window = iced::Rectangle::with_size(tree.size);
    let inside = |a: iced::Rectangle, b: iced::Rectangle| {
        a.x >= b.x - 0.5
            && a.y >= b.y - 0.5
            && a.x + a.width <= b.x + b.width + 0.5
            && a.y + a.height <= b.y + b.height + 0.5
    };
    let whole = |n: &sesame_app::a11y::Node| inside(n.bounds, n.shown) && inside(n.bounds, window);
    let shown = |role: Role| {
        tree.nodes
            .iter()
            .filter(|n| n.role == role && whole(n))
            .count()
    };
    report.checks += 3;
    if shown(Role::TextInput) < 1 {
        report.finding(at, "the search is not in sight".into());
    }
    if shown(Role::ComboBox) < 4 {
        report.finding(
            at,
            format!("{} of the 4 filters in sight", shown(Role::ComboBox)),
        );
    }
    // Data rows are named after a person; the titles' row is not.
    let rows = tree
        .nodes
        .iter()
        .filter(|n| n.role == Role::Row && !n.name.is_empty() && whole(n))
        .count();
    if rows < 5 {
        report.finding(
            at,
            format!("{rows} rows in sight with the search and filters"),
        );
    }
}

/// No text drawn beyond its box: iced lays a text out in the room it is given and draws what
/// does not fit past it, over its neighbour ("TéléphoneNiveau"). A text's size is read from its
/// height (iced's lines are 1.3 times the size), then its words are measured at that size.
fn no_text_beyond_its_box(tree: &Tree, report: &mut Report, at: &str) {
    const SIZES: [f32; 10] = [11.0, 12.0, 13.0, 14.0, 16.0, 18.0, 20.0, 22.0, 24.0, 26.0];
    for n in &tree.nodes {
        // A menu's value is drawn by the menu, which is as wide as its longest value.
        let in_menu = n
            .parent
            .is_some_and(|p| tree.nodes[p].role == Role::ComboBox);
        if n.role != Role::Label
            || in_menu
            || n.cut_by.is_some()
            || n.name.trim().is_empty()
            || !n.visible()
        {
            continue;
        }
        let h = n.bounds.height;
        // Every size and line count the height allows (26 px on one line, or 13 on two):
        // the text is past its box only if it is under each.
        let readings: Vec<(f32, usize)> = (1..=4)
            .flat_map(|k| SIZES.iter().map(move |&s| (s, k)))
            .filter(|&(s, k)| (h - 1.3 * s * k as f32).abs() < 0.6)
            .collect();
        if readings.is_empty() {
            continue;
        }
        report.checks += 1;
        let past = |&(size, lines): &(f32, usize)| {
            let width = |t: &str| sesame_app::widget::measure::text_width(t, size);
            let widest = if lines == 1 {
                width(&n.name)
            } else {
                n.name.split_whitespace().map(width).fold(0.0, f32::max)
            };
            widest - n.bounds.width
        };
        let least = readings.iter().map(past).fold(f32::INFINITY, f32::min);
        if least > 1.5 {
            report.finding(
                at,
                format!("{:?} is drawn {least:.0} px past its box", n.name),
            );
        }
    }
}

/// The focus is on the screen's own content (or its dialog), not back on the banner.
fn focus_where_the_person_is(tree: &Tree, report: &mut Report, at: &str) {
    report.checks += 1;
    let Some(f) = tree.focused() else {
        // A screen with nothing to act on (an empty outbox) leaves Tab to start at the top.
        let main = tree.find(Role::Main).unwrap_or(0);
        if tree.tab_order().iter().any(|&i| tree.within(i, main)) {
            report.finding(at, "nothing has the focus".into());
        }
        return;
    };
    if let Some(d) = tree.dialog() {
        if !tree.within(f, d) {
            report.finding(
                at,
                format!(
                    "a dialog is open and the focus is outside it, on {:?}",
                    tree.nodes[f].name
                ),
            );
        }
    } else if ancestors(tree, f).any(|a| tree.nodes[a].role == Role::Banner) {
        report.finding(
            at,
            format!("the focus is in the banner, on {:?}", tree.nodes[f].name),
        );
    }
    report.checks += 1;
    if !tree.nodes[f].visible() {
        report.finding(
            at,
            format!("the focus is out of sight, on {:?}", tree.nodes[f].name),
        );
    }
}

/// Tab reaches every enabled control once, in reading order, each shown in the window; Shift+Tab
/// walks the same way back; an open dialog keeps the focus inside.
async fn tab_walk(ui: &mut Ui, tree: &Tree, report: &mut Report, at: &str) {
    let order: Vec<Key> = tree.tab_order().into_iter().map(|i| tree.key(i)).collect();
    if order.is_empty() {
        return;
    }
    let mut forward = vec![];
    let themes = themes();
    for step in 0..order.len() {
        ui.tab(false).await;
        let now = ui.tree();
        // Each control's focus seen in one theme, the next in the other (at one window size a
        // scale: the ring is the same at the others, and drawing a frame takes time).
        if at.starts_with("en 1024×700") || at.starts_with("fr 1024×700 200") {
            let (name, theme) = &themes[step % 2];
            ring_contrast(ui, &now, (name, theme), report, at);
        }
        report.checks += 1;
        match now.focused() {
            Some(f) => {
                let n = &now.nodes[f];
                if !n.visible() || n.bounds.y + n.bounds.height > now.size.height + 1.0 {
                    report.finding(at, format!("Tab reaches {:?} out of sight", n.name));
                }
                if now.dialog().is_some() && !n.in_dialog {
                    report.finding(at, format!("Tab leaves the dialog for {:?}", n.name));
                }
                forward.push(now.key(f));
            }
            None => report.finding(at, "Tab lands on nothing".into()),
        }
    }
    report.checks += 1;
    let mut seen = forward.clone();
    seen.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    seen.dedup();
    if seen.len() != order.len() {
        let names: Vec<&str> = forward.iter().map(|k| k.name.as_str()).collect();
        report.finding(
            at,
            format!(
                "Tab visits {} of {} controls: {names:?}",
                seen.len(),
                order.len()
            ),
        );
    }
    for expected in forward.iter().rev().skip(1) {
        ui.tab(true).await;
        let now = ui.tree();
        report.checks += 1;
        let got = now.focused().map(|f| now.key(f));
        if got.as_ref() != Some(expected) {
            report.finding(
                at,
                format!(
                    "Shift+Tab goes to {:?}, not back to {:?}",
                    got.map(|k| k.name),
                    expected.name
                ),
            );
            break;
        }
    }
}

fn ancestors(tree: &Tree, i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(tree.nodes[i].parent, |&p| tree.nodes[p].parent)
}

fn descendants(tree: &Tree, i: usize) -> impl Iterator<Item = usize> + '_ {
    let mut stack = tree.nodes[i].children.clone();
    std::iter::from_fn(move || {
        let c = stack.pop()?;
        stack.extend(tree.nodes[c].children.iter().copied());
        Some(c)
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_every_state_reads_and_walks_by_keyboard() {
    let mut report = Report::default();
    for variant in VARIANTS {
        walk_signed_out(variant, &mut report).await;
        walk_signed_in(variant, &mut report).await;
        walk_presets(variant, &mut report).await;
        walk_deeper(variant, &mut report).await;
        walk_large_list(variant, &mut report).await;
    }
    let mut text = format!(
        "Accessibility audit: {} states, {} checks, {} findings\n\n{}",
        report.states,
        report.checks,
        report.findings.len(),
        report.lines
    );
    for f in &report.findings {
        let _ = writeln!(text, "FINDING {f}");
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/accessibility-audit.txt");
    let _ = std::fs::write(&out, &text);
    eprintln!("{text}");
    assert!(
        report.findings.is_empty(),
        "{} findings (see {})",
        report.findings.len(),
        out.display()
    );
}
