//! The cell values of an import file, in English or French, as people type them.

use crate::domain::{Language, Level, fold_for_search};

fn folded(text: &str) -> String {
    fold_for_search(text)
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `1`, `2`, `2A`, `3`, "level 2 with approval", "niveau 2 avec approbation", `level_2_approval`…
pub fn parse_level(text: &str) -> Option<Level> {
    let t = folded(text);
    let t = t
        .strip_prefix("level ")
        .or_else(|| t.strip_prefix("niveau "))
        .unwrap_or(&t);
    match t {
        "1" => Some(Level::One),
        "2" => Some(Level::Two),
        "2a" | "2 a" | "2 approval" | "2 with approval" | "2 avec approbation" => {
            Some(Level::TwoWithApproval)
        }
        "3" => Some(Level::Three),
        _ => None,
    }
}

/// `fr`, `en`, or the language's name in either language; empty is `None` too.
pub fn parse_language(text: &str) -> Option<Language> {
    match folded(text).as_str() {
        "fr" | "francais" | "french" | "fr ca" | "fr fr" => Some(Language::Fr),
        "en" | "english" | "anglais" | "en ca" | "en us" | "en gb" => Some(Language::En),
        _ => None,
    }
}

/// yes/no in either language, 1/0, true/false, `x` (a ticked cell); empty is no.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match folded(text).as_str() {
        "" | "no" | "non" | "0" | "false" | "faux" | "n" => Some(false),
        "yes" | "oui" | "1" | "true" | "vrai" | "x" | "y" | "o" => Some(true),
        _ => None,
    }
}

/// Role codes separated by `|`, `,`, `;` or spaces.
pub fn parse_roles(text: &str) -> Vec<String> {
    text.split(|c: char| matches!(c, '|' | ',' | ';') || c.is_whitespace())
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_languages_and_booleans_read_in_both_languages() {
        assert_eq!(parse_level(" 2A "), Some(Level::TwoWithApproval));
        assert_eq!(
            parse_level("Niveau 2 avec approbation"),
            Some(Level::TwoWithApproval)
        );
        assert_eq!(parse_level("level_3"), Some(Level::Three));
        assert_eq!(parse_level("4"), None);
        assert_eq!(parse_language("Français"), Some(Language::Fr));
        assert_eq!(parse_language("EN"), Some(Language::En));
        assert_eq!(parse_yes_no("Oui"), Some(true));
        assert_eq!(parse_yes_no(""), Some(false));
        assert_eq!(parse_yes_no("peut-être"), None);
        assert_eq!(
            parse_roles("payroll|billing, hr"),
            vec!["payroll", "billing", "hr"]
        );
    }
}
