//! Every text key written in the code exists in both languages.
//!
//! The code names Fluent messages with string literals (`l.t("nav-your-file")`, column headers,
//! document fields…), often passed through a helper before the lookup, so this test reads every
//! crate's sources: each literal shaped like a key (`word-word…`, lower case) must be a message of
//! `i18n/en` and of `i18n/fr`, unless it is a widget id (written in `.id("…")` or
//! `focus("…")` somewhere) or one of the few other literals of that shape listed below. A typo in
//! a key, or a key added to one language only, fails here instead of showing the key on screen.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sesame_core::i18n::{FILES, message_ids};

/// Literals shaped like keys that are not texts, each with what it is.
const NOT_TEXT_KEYS: &[&str] = &[
    // Locale tags of the operating system.
    "en-ca",
    "en-us",
    "fr-ca",
    // Programs and the demo organization's published password.
    "sesame-server",
    "xdg-open",
    "sesame-demo-2026",
    // Field names of the API's validation errors (`FieldError::field`), matched by the forms.
    "first-name",
    "last-name",
    "new-password",
    "user-id",
    "user-code",
    // A JSON Schema format named in the OpenAPI document.
    "date-time",
    // Names of mail kinds stored in the outbox.
    "technical-created",
    "technical-reset",
    "technical-rotated",
    // Widget ids handed to a helper that sets them (the others are found in `.id("…")`).
    "contact-email",
    "contact-first-name",
    "contact-phone",
    "first-email",
    "first-first-name",
    "first-last-name",
    "first-user-id",
    "invite-first-name",
    "invite-last-name",
    "invite-phone",
    "org-code",
    "org-name",
    "people-list",
    "role-description-en",
    "role-description-fr",
    "role-name-fr",
    // A key that deliberately does not exist (the fallback test of the app's locale).
    "no-such-message",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The contents of the plain string literals of `code` (escapes kept as written).
fn literals(code: &str) -> Vec<&str> {
    let mut found = vec![];
    let mut rest = code;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        found.push(&after[..end]);
        rest = &after[end + 1..];
    }
    found
}

fn looks_like_key(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    let shaped = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    s.contains('-')
        && first.starts_with(|c: char| c.is_ascii_lowercase())
        && shaped(first)
        && parts.all(shaped)
}

/// Literals given as widget ids anywhere: `.id("…")`, `id("…")`, `focus("…")`.
fn widget_ids(code: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for opener in ["id(\"", "focus(\""] {
        for (at, _) in code.match_indices(opener) {
            let after = &code[at + opener.len()..];
            if let Some(end) = after.find('"') {
                ids.insert(after[..end].to_owned());
            }
        }
    }
    ids
}

#[test]
fn every_key_written_in_the_code_is_a_message_in_both_languages() {
    let mut en = BTreeSet::new();
    let mut fr = BTreeSet::new();
    for (name, en_source, fr_source) in FILES {
        en.extend(message_ids(en_source).unwrap_or_else(|e| panic!("en/{name}: {e}")));
        fr.extend(message_ids(fr_source).unwrap_or_else(|e| panic!("fr/{name}: {e}")));
    }
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![];
    for entry in std::fs::read_dir(&crates).unwrap().flatten() {
        let src = entry.path().join("src");
        if src.is_dir() {
            sources(&src, &mut files);
        }
    }
    assert!(
        files.len() > 50,
        "the sources were not found under {crates:?}"
    );
    let codes: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|f| {
            let code = std::fs::read_to_string(&f).unwrap();
            (f, code)
        })
        .collect();
    let ids: BTreeSet<String> = codes.iter().flat_map(|(_, c)| widget_ids(c)).collect();
    let mut checked = 0;
    let mut missing = BTreeSet::new();
    for (file, code) in &codes {
        for literal in literals(code).into_iter().filter(|l| looks_like_key(l)) {
            if ids.contains(literal) || NOT_TEXT_KEYS.contains(&literal) {
                continue;
            }
            checked += 1;
            for (lang, keys) in [("en", &en), ("fr", &fr)] {
                if !keys.contains(literal) {
                    let file = file.strip_prefix(&crates).unwrap_or(file);
                    missing.insert(format!(
                        "{literal} (i18n/{lang}, used in {})",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        checked > 300,
        "only {checked} keys found: is the scan broken?"
    );
    assert!(missing.is_empty(), "text keys missing: {missing:#?}");
}

#[test]
fn the_scan_finds_keys_and_skips_other_literals() {
    let code =
        r#"l.t("nav-home"); x.id("search-box"); let s = "not a key"; t(lang, "doc-x\"y", &[]);"#;
    let found: Vec<_> = literals(code)
        .into_iter()
        .filter(|l| looks_like_key(l))
        .collect();
    assert_eq!(found, ["nav-home", "search-box"]);
    assert!(widget_ids(code).contains("search-box"));
    assert!(!looks_like_key("Nav-home") && !looks_like_key("nav") && !looks_like_key("nav--x"));
}

/// Pictographs (emoji and the symbol blocks they come from) depend on the fonts of each
/// system and show as empty boxes where none has them: icons are drawn, never typed.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F)
}

#[test]
fn no_text_and_no_code_of_the_interface_uses_a_pictograph() {
    let mut found = vec![];
    for (name, en_source, fr_source) in FILES {
        for (lang, source) in [("en", en_source), ("fr", fr_source)] {
            if let Some(c) = source.chars().find(|&c| is_pictograph(c)) {
                found.push(format!("i18n/{lang}/{name}: {c:?}"));
            }
        }
    }
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sesame-app/src");
    let mut files = vec![];
    sources(&app, &mut files);
    assert!(files.len() > 20, "the app's sources were found");
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        if let Some(c) = code.chars().find(|&c| is_pictograph(c)) {
            found.push(format!("{}: {c:?}", file.display()));
        }
    }
    assert!(found.is_empty(), "pictographs: {found:#?}");
    assert!(is_pictograph('\u{1F6E1}') && !is_pictograph('é') && !is_pictograph('…'));
}
