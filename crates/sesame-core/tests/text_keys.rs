//! Every text key written in the code exists in both languages.
//!
//! The code names Fluent messages with string literals (`l.t("nav-your-file")`, column headers,
//! document fields…), often passed through a helper before the lookup, so this test reads every
//! crate's sources: each literal shaped like a key (`word-word…`, lower case) must be a message of
//! `i18n/en` and of `i18n/fr`, unless it is a widget id (written in `.id("…")`, `focus("…")` or
//! `widget_id("…")` somewhere) or says it is not a text (`not_text("…")`: a locale tag, a
//! program). Keys made from a value (`level-…`, `status-…`) come from the typed kinds of
//! `sesame_core::i18n::keys`, which list every key they can build: each must exist too. A typo in
//! a key, or a key added to one language only, fails here instead of showing the key on screen.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sesame_core::i18n::{FILES, message_ids};

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

/// Literals given as widget ids anywhere (`.id("…")`, `widget_id("…")`, `focus("…")`), or
/// marked as no text (`not_text("…")`).
fn widget_ids(code: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for opener in ["id(\"", "focus(\"", "not_text(\""] {
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
            if ids.contains(literal) {
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
fn every_key_built_from_a_value_is_a_message_in_both_languages() {
    let mut missing = vec![];
    for (lang, keys) in [("en", messages(0)), ("fr", messages(1))] {
        for key in sesame_core::i18n::keys::built_keys() {
            if !keys.contains(&key) {
                missing.push(format!("{key} (i18n/{lang})"));
            }
        }
    }
    assert!(
        sesame_core::i18n::keys::built_keys().len() > 80,
        "the built keys were listed"
    );
    assert!(missing.is_empty(), "text keys missing: {missing:#?}");
}

/// The message ids of one language: 0 English, 1 French.
fn messages(lang: usize) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (name, en, fr) in FILES {
        let source = if lang == 0 { en } else { fr };
        ids.extend(message_ids(source).unwrap_or_else(|e| panic!("{name}: {e}")));
    }
    ids
}

#[test]
fn the_scan_finds_keys_and_skips_other_literals() {
    let code = r#"l.t("nav-home"); x.id("search-box"); let s = "not a key"; t(lang, "doc-x\"y", &[]); not_text("en-ca");"#;
    let found: Vec<_> = literals(code)
        .into_iter()
        .filter(|l| looks_like_key(l))
        .collect();
    assert_eq!(found, ["nav-home", "search-box", "en-ca"]);
    assert!(widget_ids(code).contains("search-box") && widget_ids(code).contains("en-ca"));
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
