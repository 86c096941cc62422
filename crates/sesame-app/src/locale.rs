//! The app's texts in the chosen language, server errors as people read them, and numbers and
//! dates written the way each language writes them.

use fluent_bundle::FluentArgs;
use sesame_core::i18n::keys::TextKey;

use sesame_client::ClientError;
use sesame_core::api::ErrorDetail;
use sesame_core::domain::{Language, Level, Status};
use sesame_core::i18n::texts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub language: Language,
}

impl Locale {
    pub fn new(language: Language) -> Locale {
        Locale { language }
    }

    pub fn t(&self, id: &str) -> String {
        texts().get(self.language, id, &[])
    }

    pub fn t_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        texts().get(self.language, id, args)
    }

    pub fn t_count(&self, id: &str, name: &str, n: usize) -> String {
        let mut args = FluentArgs::new();
        args.set(name, n);
        args.set("formatted", self.number(n));
        texts().format(self.language, id, &args)
    }

    /// 100000 → "100,000" in English, "100 000" (narrow no-break space) in French.
    /// A number as a spreadsheet in this language reads it: no thousands separator, the
    /// language's decimal mark ("2,5" in French).
    pub fn decimal(&self, n: f64) -> String {
        let plain = n.to_string();
        match self.language {
            Language::En => plain,
            Language::Fr => plain.replace('.', ","),
        }
    }

    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let sep = match self.language {
            Language::En => ",",
            Language::Fr => "\u{202f}",
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A date as each language writes it: "November 23, 2026", "23 novembre 2026".
    pub fn date(&self, t: time::OffsetDateTime) -> String {
        sesame_core::i18n::long_date(self.language, t)
    }

    /// A date in lists: ISO 8601 (2026-11-23), read the same way in both languages.
    pub fn short_date(&self, t: time::OffsetDateTime) -> String {
        format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
    }

    pub fn level(&self, level: Level) -> String {
        self.t(&level.text_key())
    }

    pub fn status(&self, status: Status) -> String {
        self.t(&status.text_key())
    }

    pub fn purpose(&self, purpose: sesame_core::domain::ContactPurpose) -> String {
        self.t(&purpose.text_key())
    }

    /// A role's name in this language.
    pub fn role_name(&self, role: &sesame_core::api::Role) -> String {
        match self.language {
            Language::En => role.name_en.clone(),
            Language::Fr => role.name_fr.clone(),
        }
    }

    /// A role's description in this language, or in the other one when only that one exists.
    pub fn role_description(&self, role: &sesame_core::api::Role) -> String {
        let (mine, other) = match self.language {
            Language::En => (&role.description_en, &role.description_fr),
            Language::Fr => (&role.description_fr, &role.description_en),
        };
        if mine.is_empty() { other } else { mine }.clone()
    }

    /// An audit-log action; a code this version does not know shows as it is.
    pub fn audit_action(&self, code: &str) -> String {
        match sesame_core::domain::AuditAction::parse(code) {
            Some(a) => self.t(&a.text_key()),
            None => code.to_owned(),
        }
    }

    /// An audit entry's detail in this language, roles named as the catalogue names them.
    pub fn audit_detail(
        &self,
        detail: Option<&sesame_core::api::AuditDetail>,
        roles: &[sesame_core::api::Role],
    ) -> String {
        let role_name = |code: &str| {
            roles
                .iter()
                .find(|r| r.code == code)
                .map(|r| self.role_name(r))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| code.to_owned())
        };
        detail
            .map(|d| sesame_core::i18n::describe_audit_detail(self.language, d, &role_name))
            .unwrap_or_default()
    }

    pub fn language_name(&self, language: Language) -> String {
        self.t(&language.text_key())
    }

    /// Why a field was refused (`FieldError::code`, `ErrorDetail::reason`), when a text says it.
    pub fn reason(&self, reason: &str) -> Option<String> {
        let id = format!("reason-{reason}");
        texts().has(self.language, &id).then(|| self.t(&id))
    }

    /// A refused field's reason in the user's language ("Not a valid value." when unknown).
    pub fn field_error(&self, e: &sesame_core::domain::FieldError) -> String {
        self.reason(&e.code)
            .unwrap_or_else(|| self.t("reason-invalid_value"))
    }

    /// Why a field was refused, from the code of an entry of `ErrorDetail::errors`: a reason
    /// or an error code.
    pub fn field_code(&self, code: &str) -> String {
        let id = format!("error-{code}");
        self.reason(code)
            .or_else(|| texts().has(self.language, &id).then(|| self.t(&id)))
            .unwrap_or_else(|| self.t("reason-invalid_value"))
    }

    /// A server refusal in the user's language: the field's reason when there is one.
    pub fn error(&self, e: &ClientError) -> String {
        match e {
            ClientError::Unreachable(_) => self.t("error-unreachable"),
            ClientError::Api { error, .. } => self.api_error(error),
        }
    }

    pub fn api_error(&self, e: &ErrorDetail) -> String {
        if let Some(text) = e.reason.as_deref().and_then(|r| self.reason(r)) {
            return text;
        }
        let id = format!("error-{}", e.code.as_str());
        if e.code == sesame_core::api::ErrorCode::AccountLocked {
            let minutes = e.retry_after.map(|s| (s + 59) / 60).unwrap_or(15).max(1);
            let mut args = FluentArgs::new();
            args.set("minutes", minutes);
            return texts().format(self.language, &id, &args);
        }
        self.t(&id)
    }
}

static LOCAL_OFFSET: std::sync::OnceLock<time::UtcOffset> = std::sync::OnceLock::new();

/// Reads this computer's time zone offset. Must run before other threads start: the `time`
/// crate refuses to read it later (the C library call is not thread-safe), and UTC is used.
pub fn init_local_offset() {
    if let Ok(offset) = time::UtcOffset::current_local_offset() {
        let _ = LOCAL_OFFSET.set(offset);
    }
}

/// This computer's offset from UTC, as read at start-up (UTC if it could not be read).
pub fn local_offset() -> time::UtcOffset {
    LOCAL_OFFSET.get().copied().unwrap_or(time::UtcOffset::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_follow_the_language() {
        let en = Locale::new(Language::En);
        let fr = Locale::new(Language::Fr);
        assert_eq!(en.number(100_000), "100,000");
        assert_eq!(fr.number(100_000), "100\u{202f}000");
        assert_eq!(en.number(999), "999");
        let t = time::macros::datetime!(2026-11-23 10:00 UTC);
        assert_eq!(en.date(t), "November 23, 2026");
        assert_eq!(fr.date(t), "23 novembre 2026");
    }

    #[test]
    fn server_errors_read_in_each_language() {
        let detail = |code, reason: Option<&str>| ErrorDetail {
            code,
            field: reason.map(|_| "user_code".into()),
            reason: reason.map(str::to_owned),
            message: String::new(),
            current_version: None,
            retry_after: None,
            refused: vec![],
            held_by: None,
            errors: vec![],
        };
        use sesame_core::api::ErrorCode as C;
        let fr = Locale::new(Language::Fr);
        assert_eq!(
            fr.api_error(&detail(C::LastLevelOne, None)),
            texts().get(Language::Fr, "error-last_level_one", &[])
        );
        assert_eq!(
            fr.api_error(&detail(C::InvalidField, Some("user_code_length"))),
            "Entre 6 et 10 caractères."
        );
        let en = Locale::new(Language::En);
        assert!(
            en.api_error(&detail(C::InteractiveSignInRefused, None))
                .contains("API")
        );
    }
}
