//! An audit entry's detail as a reader reads it, in their language.

use super::keys::TextKey;
use super::texts;
use crate::api::{AuditDetail, FieldChange, ScopeDetail, StructureRef};
use crate::domain::{Language, Level, StructureKind};

/// The detail in `lang`; `role_name` names a role code as the reader's catalogue does.
pub fn describe_audit_detail(
    lang: Language,
    detail: &AuditDetail,
    role_name: &dyn Fn(&str) -> String,
) -> String {
    let t = |id: &str, args: &[(&str, &str)]| texts().get(lang, id, args);
    let roles = |codes: &[String]| role_list(lang, codes, role_name);
    let level = |l: Level| level_name(lang, l);
    match detail {
        AuditDetail::Organization { code, name } => t(
            "audit-detail-organization",
            &[("code", code), ("name", name)],
        ),
        AuditDetail::Person { level: l, roles: r } => t(
            "audit-detail-person",
            &[("level", &level(*l)), ("roles", &roles(r))],
        ),
        AuditDetail::PersonRemoved { name, level: l } if name.is_empty() => level(*l),
        AuditDetail::PersonRemoved { name, level: l } => format!("{name} ({})", level(*l)),
        AuditDetail::TemporaryPassword { batch: false } => {
            t("audit-detail-temporary-password", &[])
        }
        AuditDetail::TemporaryPassword { batch: true } => {
            t("audit-detail-temporary-passwords", &[])
        }
        AuditDetail::Roles { from, to } => t(
            "audit-detail-roles",
            &[("from", &roles(from)), ("to", &roles(to))],
        ),
        AuditDetail::Manager { user_id } => t("audit-detail-manager", &[("user_id", user_id)]),
        AuditDetail::Changes { changes } => describe_changes(lang, changes),
        AuditDetail::Role { code } => t("audit-detail-role", &[("role", &role_name(code))]),
        AuditDetail::Contact { name, email } => format!("{name} <{email}>").trim().to_owned(),
        AuditDetail::Structure {
            structure,
            structure_kind,
        } => describe_structure(lang, *structure_kind, &structure.name),
        AuditDetail::StructureRenamed { from, to, .. } => format!("{from} → {to}"),
        AuditDetail::StructureMoved { structure, parent } => {
            describe_move(lang, &structure.name, parent.as_ref())
        }
        AuditDetail::OfStructure { structure } => {
            t("audit-detail-structure", &[("name", &structure.name)])
        }
        AuditDetail::ServiceUser { application, scope } => t(
            "audit-detail-service-user",
            &[
                ("application", application),
                ("scope", &describe_scope(lang, scope)),
            ],
        ),
        AuditDetail::Rotation {
            grace_days,
            previous_until,
            expires_at,
        } => describe_rotation(lang, *grace_days, *previous_until, *expires_at),
        AuditDetail::Validity { from, to } => describe_validity_change(lang, *from, *to),
        AuditDetail::Reminder {
            days_before,
            expires_at,
            recipients,
        } => describe_reminder(lang, *days_before, *expires_at, recipients),
        AuditDetail::Attack {
            source,
            failures,
            until,
            recipients,
        } => t(
            "audit-detail-attack",
            &[
                ("source", source),
                ("failures", &failures.to_string()),
                ("until", &super::long_date_time(lang, *until)),
                ("recipients", &recipients.join(", ")),
            ],
        ),
        AuditDetail::Legacy { text } => text.clone(),
    }
}

/// Roles as the reader's catalogue names them, or "no role" (a level 3 user may have none).
fn role_list(lang: Language, codes: &[String], role_name: &dyn Fn(&str) -> String) -> String {
    if codes.is_empty() {
        texts().get(lang, "audit-detail-no-role", &[])
    } else {
        codes
            .iter()
            .map(|c| role_name(c))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "Level 2 with approval": a level as the screens name it.
fn level_name(lang: Language, level: Level) -> String {
    texts().get(lang, &level.text_key(), &[])
}

/// Several field changes in one line; French puts a non-breaking space before its semicolon.
fn describe_changes(lang: Language, changes: &[FieldChange]) -> String {
    let separator = match lang {
        Language::En => "; ",
        Language::Fr => "\u{a0}; ",
    };
    changes
        .iter()
        .map(|c| describe_change(lang, c))
        .collect::<Vec<_>>()
        .join(separator)
}

/// "Establishment Atelier de Montréal": the structure named with its kind.
fn describe_structure(lang: Language, kind: StructureKind, name: &str) -> String {
    format!("{} {}", texts().get(lang, &kind.text_key(), &[]), name)
}

/// Where a structure moved: under another structure, or to the top of the tree.
fn describe_move(lang: Language, name: &str, parent: Option<&StructureRef>) -> String {
    match parent {
        Some(parent) => texts().get(
            lang,
            "audit-detail-moved",
            &[("name", name), ("parent", &parent.name)],
        ),
        None => texts().get(lang, "audit-detail-moved-to-top", &[("name", name)]),
    }
}

/// A service user's password rotation: how long the previous one still works, when the new
/// one expires.
fn describe_rotation(
    lang: Language,
    grace_days: i64,
    previous_until: Option<time::OffsetDateTime>,
    expires_at: Option<time::OffsetDateTime>,
) -> String {
    texts().get(
        lang,
        "audit-detail-rotation",
        &[
            ("days", &grace_days.to_string()),
            ("until", &day_or_never(lang, previous_until)),
            ("expires", &day_or_never(lang, expires_at)),
        ],
    )
}

/// The organization's password validity, before and after.
fn describe_validity_change(lang: Language, from: Option<i64>, to: Option<i64>) -> String {
    texts().get(
        lang,
        "audit-detail-validity",
        &[("from", &validity(lang, from)), ("to", &validity(lang, to))],
    )
}

/// A reminder that a password expires soon, and who was told.
fn describe_reminder(
    lang: Language,
    days_before: i64,
    expires_at: time::OffsetDateTime,
    recipients: &[String],
) -> String {
    texts().get(
        lang,
        "audit-detail-reminder",
        &[
            ("days", &days_before.to_string()),
            ("expires", &day_or_never(lang, Some(expires_at))),
            ("recipients", &recipients.join(", ")),
        ],
    )
}

/// A day as the audit log writes it (YYYY-MM-DD, UTC), or "never".
fn day_or_never(lang: Language, t: Option<time::OffsetDateTime>) -> String {
    match t {
        Some(t) => super::long_date(lang, t),
        None => texts().get(lang, "credential-never", &[]),
    }
}

/// A validity in days, or "never expires".
pub fn validity(lang: Language, days: Option<i64>) -> String {
    match days {
        Some(d) => texts().get(
            lang,
            "credential-validity-days",
            &[("days", &d.to_string())],
        ),
        None => texts().get(lang, "credential-validity-never", &[]),
    }
}

/// "Phone: 514 555-0100 → 514 555-0199", the values as the screens show them.
fn describe_change(lang: Language, change: &FieldChange) -> String {
    let t = |id: &str| texts().get(lang, id, &[]);
    let text = |v: &str| {
        if v.is_empty() {
            t("audit-detail-empty")
        } else {
            v.to_owned()
        }
    };
    let yes_no = |b: bool| t(if b { "value-yes" } else { "value-no" });
    let (field, from, to) = match change {
        FieldChange::UserId { from, to } => ("field-user-id", text(from), text(to)),
        FieldChange::LastName { from, to } => ("field-last-name", text(from), text(to)),
        FieldChange::FirstName { from, to } => ("field-first-name", text(from), text(to)),
        FieldChange::Email { from, to } => ("field-email", text(from), text(to)),
        FieldChange::Phone { from, to } => ("field-phone", text(from), text(to)),
        FieldChange::Application { from, to } => ("field-application", text(from), text(to)),
        FieldChange::Level { from, to } => ("field-level", t(&from.text_key()), t(&to.text_key())),
        FieldChange::Language { from, to } => {
            ("field-language", t(&from.text_key()), t(&to.text_key()))
        }
        FieldChange::IsContact { from, to } => ("field-also-contact", yes_no(*from), yes_no(*to)),
        FieldChange::Provisioning { from, to } => {
            ("field-provisioning", yes_no(*from), yes_no(*to))
        }
        FieldChange::Status { from, to } => {
            ("field-status", t(&from.text_key()), t(&to.text_key()))
        }
        FieldChange::Responsible { from, to } => {
            let who = |v: &str| {
                if v.is_empty() {
                    t("credential-responsible-default")
                } else {
                    v.to_owned()
                }
            };
            ("field-responsible-id", who(from), who(to))
        }
        FieldChange::Scope { from, to } => (
            "column-scope",
            describe_scope(lang, from),
            describe_scope(lang, to),
        ),
    };
    texts().get(
        lang,
        "audit-detail-change",
        &[("field", &t(field)), ("from", &from), ("to", &to)],
    )
}

/// "all companies, whole structure, Montréal": the parts of an access, inside a sentence.
pub fn describe_scope(lang: Language, scope: &ScopeDetail) -> String {
    let mut parts = vec![];
    if scope.all_companies {
        parts.push(texts().get(lang, "scope-part-all-companies", &[]));
    }
    if scope.whole_structure {
        parts.push(texts().get(lang, "scope-part-whole-structure", &[]));
    }
    parts.extend(scope.structures.iter().map(|s| s.name.clone()));
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;

    fn code(c: &str) -> String {
        c.to_owned()
    }

    #[test]
    fn details_read_as_sentences_in_both_languages() {
        let person = AuditDetail::Person {
            level: Level::Three,
            roles: vec!["billing".into()],
        };
        assert_eq!(
            describe_audit_detail(Language::En, &person, &code),
            "Level 3; roles: billing"
        );
        assert_eq!(
            describe_audit_detail(Language::Fr, &person, &code),
            "Niveau 3\u{a0}; rôles\u{a0}: billing"
        );
        let changes = AuditDetail::Changes {
            changes: vec![
                FieldChange::Phone {
                    from: String::new(),
                    to: "514 555-0100".into(),
                },
                FieldChange::Status {
                    from: Status::Active,
                    to: Status::Suspended,
                },
            ],
        };
        assert_eq!(
            describe_audit_detail(Language::En, &changes, &code),
            "Phone: (none) → 514 555-0100; Status: Active → Suspended"
        );
        let service = AuditDetail::ServiceUser {
            application: "Paie".into(),
            scope: ScopeDetail {
                all_companies: true,
                whole_structure: true,
                structures: vec![StructureRef {
                    id: 4,
                    name: "Montréal".into(),
                }],
            },
        };
        assert_eq!(
            describe_audit_detail(Language::Fr, &service, &code),
            "Application Paie\u{a0}; accès\u{a0}: toutes les compagnies, toute la structure, Montréal"
        );
        let marked = AuditDetail::Changes {
            changes: vec![FieldChange::Provisioning {
                from: false,
                to: true,
            }],
        };
        assert_eq!(
            describe_audit_detail(Language::En, &marked, &code),
            "Provisioning (SCIM): No → Yes"
        );
        assert_eq!(
            describe_audit_detail(Language::Fr, &marked, &code),
            "Provisionnement (SCIM)\u{a0}: Non → Oui"
        );
    }
}
