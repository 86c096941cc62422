//! Fluent texts from `i18n/en` and `i18n/fr`, embedded in the binaries. English is loaded
//! under every language, so a message missing in French still shows (in English) at run time;
//! the tests below refuse a message that exists in one language only.

use std::sync::OnceLock;

mod audit;
pub mod keys;

pub use audit::{describe_audit_detail, describe_scope, validity};
use keys::TextKey;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::domain::Language;

/// Every Fluent file: (name, English source, French source).
pub const FILES: &[(&str, &str, &str)] = &[
    (
        "server.ftl",
        include_str!("../../i18n/en/server.ftl"),
        include_str!("../../i18n/fr/server.ftl"),
    ),
    (
        "errors.ftl",
        include_str!("../../i18n/en/errors.ftl"),
        include_str!("../../i18n/fr/errors.ftl"),
    ),
    (
        "documents.ftl",
        include_str!("../../i18n/en/documents.ftl"),
        include_str!("../../i18n/fr/documents.ftl"),
    ),
    (
        "scim.ftl",
        include_str!("../../i18n/en/scim.ftl"),
        include_str!("../../i18n/fr/scim.ftl"),
    ),
    (
        "credentials.ftl",
        include_str!("../../i18n/en/credentials.ftl"),
        include_str!("../../i18n/fr/credentials.ftl"),
    ),
    (
        "app.ftl",
        include_str!("../../i18n/en/app.ftl"),
        include_str!("../../i18n/fr/app.ftl"),
    ),
    (
        "import.ftl",
        include_str!("../../i18n/en/import.ftl"),
        include_str!("../../i18n/fr/import.ftl"),
    ),
    (
        "reach.ftl",
        include_str!("../../i18n/en/reach.ftl"),
        include_str!("../../i18n/fr/reach.ftl"),
    ),
    (
        "structures.ftl",
        include_str!("../../i18n/en/structures.ftl"),
        include_str!("../../i18n/fr/structures.ftl"),
    ),
    (
        "printing.ftl",
        include_str!("../../i18n/en/printing.ftl"),
        include_str!("../../i18n/fr/printing.ftl"),
    ),
    (
        "accessibility.ftl",
        include_str!("../../i18n/en/accessibility.ftl"),
        include_str!("../../i18n/fr/accessibility.ftl"),
    ),
];

pub struct Texts {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
}

fn bundle(lang: Language) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = match lang {
        Language::En => unic_langid::langid!("en"),
        Language::Fr => unic_langid::langid!("fr"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Invisible direction marks around variables break exact text and show as boxes.
    bundle.set_use_isolating(false);
    let sources = FILES.iter().map(|(_, en, _)| *en).chain(
        FILES
            .iter()
            .filter(|_| lang == Language::Fr)
            .map(|(_, _, fr)| *fr),
    );
    for source in sources {
        // A broken file still loads what parses; the tests catch the error itself.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

impl Texts {
    pub fn load() -> Texts {
        Texts {
            en: bundle(Language::En),
            fr: bundle(Language::Fr),
        }
    }

    /// The message `id` in `lang`, with string arguments; the id itself if no text exists.
    pub fn get(&self, lang: Language, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, FluentValue::from(*v));
        }
        self.format(lang, id, &fluent_args)
    }

    /// Like [`Texts::get`] with Fluent arguments (numbers select plural forms).
    pub fn format(&self, lang: Language, id: &str, args: &FluentArgs) -> String {
        let bundle = match lang {
            Language::En => &self.en,
            Language::Fr => &self.fr,
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    pub fn has(&self, lang: Language, id: &str) -> bool {
        match lang {
            Language::En => self.en.has_message(id),
            Language::Fr => self.fr.has_message(id),
        }
    }
}

/// A date as each language writes it: "November 23, 2026", "23 novembre 2026",
/// "1er décembre 2026".
pub fn long_date(lang: Language, t: time::OffsetDateTime) -> String {
    let month = texts().get(lang, &keys::Month(t.month() as u8).text_key(), &[]);
    match lang {
        Language::En => format!("{month} {}, {}", t.day(), t.year()),
        // French writes the first of the month as an ordinal: « le 1er décembre ».
        Language::Fr if t.day() == 1 => format!("1er {month} {}", t.year()),
        Language::Fr => format!("{} {month} {}", t.day(), t.year()),
    }
}

/// A moment as each language writes it in a sentence: "November 30, 2026 at 19:05 UTC",
/// "30 novembre 2026 à 19 h 05 (UTC)".
pub fn long_date_time(lang: Language, t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let day = long_date(lang, t);
    match lang {
        Language::En => format!("{day} at {:02}:{:02} UTC", t.hour(), t.minute()),
        Language::Fr => format!("{day} à {} h {:02} (UTC)", t.hour(), t.minute()),
    }
}

/// The process-wide texts, parsed once.
pub fn texts() -> &'static Texts {
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    TEXTS.get_or_init(Texts::load)
}

/// Message and term ids defined in one Fluent source.
pub fn message_ids(source: &str) -> Result<Vec<String>, String> {
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    Ok(resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_message_exists_in_both_languages_and_parses() {
        for (name, en, fr) in FILES {
            let en: BTreeSet<_> = message_ids(en)
                .unwrap_or_else(|e| panic!("i18n/en/{name} has a syntax error: {e}"))
                .into_iter()
                .collect();
            let fr: BTreeSet<_> = message_ids(fr)
                .unwrap_or_else(|e| panic!("i18n/fr/{name} has a syntax error: {e}"))
                .into_iter()
                .collect();
            let only_en: Vec<_> = en.difference(&fr).collect();
            let only_fr: Vec<_> = fr.difference(&en).collect();
            assert!(only_en.is_empty(), "{name}: only in English: {only_en:?}");
            assert!(only_fr.is_empty(), "{name}: only in French: {only_fr:?}");
        }
    }

    #[test]
    fn every_error_code_has_a_message() {
        for code in all_error_codes() {
            let id = format!("error-{}", code.as_str());
            for lang in Language::ALL {
                assert!(texts().has(lang, &id), "{id} missing in {lang:?}");
            }
        }
    }

    fn all_error_codes() -> Vec<crate::api::ErrorCode> {
        // Every code the OpenAPI schema lists.
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(crate::api::ErrorCode::schema()).unwrap();
        schema["enum"]
            .as_array()
            .expect("ErrorCode is an enum of strings")
            .iter()
            .map(|v| serde_json::from_value(v.clone()).unwrap())
            .collect()
    }

    #[test]
    fn the_first_of_the_month_is_an_ordinal_in_french() {
        let first = time::macros::datetime!(2026-12-01 10:00 UTC);
        assert_eq!(long_date(Language::Fr, first), "1er décembre 2026");
        assert_eq!(long_date(Language::En, first), "December 1, 2026");
    }

    #[test]
    fn french_uses_french_typography_and_falls_back_to_english() {
        let t = texts();
        let fr = t.get(Language::Fr, "page-user-id", &[("user_id", "zoe")]);
        assert_eq!(fr, "Votre identifiant\u{a0}: zoe");
        assert_eq!(
            t.get(Language::En, "page-user-id", &[("user_id", "zoe")]),
            "Your user ID: zoe"
        );
        assert_eq!(
            t.get(Language::Fr, keys::not_text("no-such-message"), &[]),
            keys::not_text("no-such-message")
        );
    }

    #[test]
    fn every_audit_action_and_contact_purpose_is_named_in_both_languages() {
        // These ids are built at run time, so the key check above cannot see them.
        let ids = crate::domain::AuditAction::ALL
            .iter()
            .map(|a| format!("audit-action-{}", a.as_str()))
            .chain(
                crate::domain::ContactPurpose::ALL
                    .iter()
                    .map(|p| format!("purpose-{}", p.as_str())),
            );
        for id in ids {
            for lang in Language::ALL {
                assert!(texts().has(lang, &id), "{id} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn french_texts_put_a_no_break_space_before_high_punctuation_and_inside_guillemets() {
        for (name, _, fr) in FILES {
            for (n, line) in fr.lines().enumerate() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                // The text of the message, without the id and without URLs.
                let text = line.split_once(" = ").map_or(line, |(_, t)| t);
                let text = text
                    .split(' ')
                    .filter(|w| !w.contains("://"))
                    .collect::<Vec<_>>()
                    .join(" ");
                for bad in [" :", " ;", " ?", " !", "« ", " »"] {
                    assert!(
                        !text.contains(bad),
                        "i18n/fr/{name}:{}: {bad:?} needs a no-break space: {line}",
                        n + 1
                    );
                }
            }
        }
    }

    #[test]
    fn plural_forms_follow_the_number() {
        let mut args = FluentArgs::new();
        args.set("minutes", 1);
        assert!(
            texts()
                .format(Language::En, "error-account_locked", &args)
                .contains("one minute")
        );
        args.set("minutes", 15);
        assert!(
            texts()
                .format(Language::Fr, "error-account_locked", &args)
                .contains("15 minutes")
        );
    }
}
