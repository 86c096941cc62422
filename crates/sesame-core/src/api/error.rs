use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::Language;
use crate::i18n::texts;

/// Stable machine codes: the client turns each into a localized message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No or unknown session token.
    Unauthenticated,
    SessionExpired,
    /// Wrong organization code, user ID or password (never says which).
    InvalidCredentials,
    /// Too many failed sign-ins: wait and try again.
    AccountLocked,
    /// A service or technical user tried the interactive sign-in.
    InteractiveSignInRefused,
    /// The password of a service or technical user has expired: ask an administrator to
    /// rotate or reset it.
    CredentialExpired,
    /// A person asked for an API token.
    NotAnApiAccount,
    /// A provisioning token used outside `/scim/v2`.
    ProvisioningTokenScimOnly,
    /// A provisioning token asked for a service user that is not marked for provisioning or
    /// not active.
    NotProvisioning,
    /// A temporary password must be changed before anything else.
    PasswordChangeRequired,
    TwoFactorRequired,
    InvalidTwoFactorCode,
    AccountSuspended,
    /// The person is suspended: no new password nor letter until they are reactivated.
    PersonSuspended,
    Forbidden,
    NotFound,
    /// The record changed since it was read: reload, nothing was overwritten.
    StaleVersion,
    DuplicateUserId,
    Duplicate,
    LastLevelOne,
    NotOnSelf,
    OwnLevel,
    LevelNotGrantable,
    ApprovalUnavailable,
    /// Issuing credentials and changing structures is for people signed in interactively.
    PeopleOnly,
    InvalidField,
    UnknownField,
    InvalidJson,
    BodyTooLarge,
    WrongPassword,
    WeakPassword,
    InvitationInvalid,
    StructureCycle,
    NoPrimaryManager,
    TechnicalUserExists,
    /// A structure with sub-structures cannot be removed (see `held_by`).
    StructureHasSubStructures,
    /// A structure with a technical user cannot be removed (see `held_by`).
    StructureHasTechnicalUser,
    /// A structure in a service user's access cannot be removed (see `held_by`).
    StructureInServiceUserAccess,
    Internal,
}

impl ErrorCode {
    /// The code as it appears on the wire (and as the suffix of its Fluent message id).
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorDetail {
    pub code: ErrorCode,
    /// The offending request field, when one is to blame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A finer reason for a field (e.g. `too_long`, `user_code_length`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A sentence for a person, in the language of `Accept-Language` (fr or en), else the
    /// organization's default language.
    pub message: String,
    /// For `stale_version`: the version now stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i64>,
    /// For `account_locked`: seconds to wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<i64>,
    /// For a refused batch (all or none): every person refused, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<RefusedPerson>,
    /// For a structure that cannot be removed: everything that still holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<super::StructureHolders>,
    /// Every refused field of the request at once; `field` and `reason` repeat the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldIssue>,
}

/// One person a batch refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RefusedPerson {
    pub id: i64,
    /// Absent when the person is not visible to the caller (`not_found`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    pub code: ErrorCode,
}

/// One refused field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldIssue {
    /// The request field, as named on the wire.
    #[schema(example = "email")]
    pub field: String,
    /// A stable code: a reason (`required`, `too_long`, `invalid_email`, …) or, for a refusal
    /// tied to the field, the error's code (`duplicate_user_id`, `weak_password`, …).
    #[schema(example = "invalid_email")]
    pub code: String,
    /// The same as a sentence for a person, in the answer's language.
    #[schema(example = "Email: not a valid email address.")]
    pub message: String,
}

impl ErrorDetail {
    /// Writes `message` and every field's message in `lang`, and lists the named field in
    /// `errors` when the refusal named only one.
    pub fn localize(&mut self, lang: Language) {
        if self.errors.is_empty()
            && let Some(field) = &self.field
        {
            self.errors.push(FieldIssue {
                field: field.clone(),
                code: self.reason.clone().unwrap_or_else(|| self.code.as_str()),
                message: String::new(),
            });
        }
        for issue in &mut self.errors {
            issue.message = field_message(lang, &issue.field, &issue.code);
        }
        self.message = if self.reason.is_some() && !self.errors.is_empty() {
            let sentences: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
            sentences.join(" ")
        } else {
            code_message(lang, self.code, self.retry_after)
        };
    }
}

/// The sentence of an error code (`error-<code>` of `errors.ftl`).
fn code_message(lang: Language, code: ErrorCode, retry_after: Option<i64>) -> String {
    let mut args = FluentArgs::new();
    // Only `account_locked` has an argument: the minutes to wait, rounded up.
    args.set(
        "minutes",
        retry_after.map(|s| (s + 59) / 60).unwrap_or(15).max(1),
    );
    texts().format(lang, &format!("error-{}", code.as_str()), &args)
}

/// "Email: not a valid email address.": the field's name for people, then why.
pub fn field_message(lang: Language, field: &str, code: &str) -> String {
    let t = texts();
    // The app's labels are named after the wire's fields: `last_name` → `field-last-name`.
    let label_id = format!("field-{}", field.replace('_', "-"));
    let label = if t.has(lang, &label_id) {
        t.get(lang, &label_id, &[])
    } else {
        format!("“{field}”")
    };
    let why = ["reason-", "error-"]
        .iter()
        .map(|prefix| format!("{prefix}{code}"))
        .find(|id| t.has(lang, id))
        .unwrap_or_else(|| "reason-invalid_value".into());
    let why = t.get(lang, &why, &[]);
    // After a colon the reason goes on the same sentence: "Email: not a valid…".
    let mut chars = why.chars();
    let why = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => why,
    };
    t.get(
        lang,
        "field-message",
        &[("field", &label), ("reason", &why)],
    )
}

/// The language an `Accept-Language` header prefers among French and English, if any.
pub fn preferred_language(header: &str) -> Option<Language> {
    let mut best: Option<(f32, Language)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = Language::parse(primary) else {
            continue;
        };
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// Every error response: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_of_french_and_english() {
        assert_eq!(
            preferred_language("fr-CA,fr;q=0.9,en;q=0.8"),
            Some(Language::Fr)
        );
        assert_eq!(
            preferred_language("de, en;q=0.5, fr;q=0.7"),
            Some(Language::Fr)
        );
        assert_eq!(preferred_language("en-US"), Some(Language::En));
        assert_eq!(preferred_language("de, es"), None);
        assert_eq!(preferred_language("fr;q=0"), None);
    }

    #[test]
    fn field_messages_are_sentences_in_both_languages() {
        assert_eq!(
            field_message(Language::En, "email", "invalid_email"),
            "Email: not a valid email address."
        );
        assert_eq!(
            field_message(Language::Fr, "email", "invalid_email"),
            "Courriel\u{a0}: adresse courriel non valide."
        );
    }
}
