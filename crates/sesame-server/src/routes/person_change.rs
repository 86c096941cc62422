//! A change to a person, stored the same way however it arrives (the API's record, SCIM, the
//! import, My account): the contact details checked field by field, the version that was read,
//! the links under charge that the new level no longer allows taken off, and the audit line.

use sesame_core::api::{AuditDetail, FieldChange};
use sesame_core::domain::rules::Actor;
use sesame_core::domain::{AuditAction, Level};

use super::{phone, record};
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult, Checks};
use crate::store::{Conn, PersonFields, PersonRow, is_unique_violation};
use axum::http::StatusCode;
use sesame_core::api::ErrorCode;
use sesame_core::domain::{normalize_email, required_text};

/// Writes `fields` over `before` if its version is still `version`, takes off the links under
/// charge its new level no longer allows, and records `audit` (unless the caller records the
/// change with others: `None`). Returns what changed.
pub(crate) async fn store_change(
    tx: &mut Conn,
    s: &Signed,
    before: &PersonRow,
    version: i64,
    fields: &PersonFields,
    audit: Option<AuditAction>,
) -> ApiResult<Vec<FieldChange>> {
    let changes = changed_fields(before, fields);
    if !tx
        .update_person(before.id, version, fields)
        .await
        .map_err(duplicate_user_id)?
    {
        return Err(ApiError::stale(None));
    }
    if fields.level != before.level() {
        unlink_outranked(tx, before.id, fields.level).await?;
    }
    if let Some(action) = audit {
        let detail = AuditDetail::Changes {
            changes: changes.clone(),
        };
        record(
            tx,
            s,
            action,
            Some((before.id, &fields.user_id)),
            Some(detail),
        )
        .await?;
    }
    Ok(changes)
}

/// A person whose level became `level`: nobody keeps under their charge someone of their rank
/// or above, nor stays under the charge of someone who no longer ranks above them.
async fn unlink_outranked(conn: &mut Conn, id: i64, level: Level) -> ApiResult<()> {
    for m in conn.managers_of(id).await? {
        if !Actor::may_be_under_charge_of(level, m.level()) {
            conn.unlink_under_charge(m.id, id).await?;
        }
    }
    for sub in conn.under_charge_of(id).await? {
        if !Actor::may_be_under_charge_of(sub.level(), level) {
            conn.unlink_under_charge(id, sub.id).await?;
        }
    }
    Ok(())
}

pub(crate) fn duplicate_user_id(e: sqlx::Error) -> ApiError {
    if is_unique_violation(&e) {
        ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::DuplicateUserId,
            "user ID taken",
        )
        .with_field("user_id")
    } else {
        e.into()
    }
}

/// Contact details after a change: each given field checked, each absent one kept.
pub(crate) struct Contact {
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: String,
}

pub(crate) fn merge_contact(
    checks: &mut Checks,
    p: &PersonRow,
    last_name: Option<&str>,
    first_name: Option<&str>,
    email: Option<&str>,
    new_phone: Option<&str>,
) -> Contact {
    Contact {
        last_name: match last_name {
            Some(v) => checks.take(required_text("last_name", v, 100)),
            None => p.last_name.clone(),
        },
        first_name: match first_name {
            Some(v) => checks.take(required_text("first_name", v, 100)),
            None => p.first_name.clone(),
        },
        email: match email {
            Some(v) => checks.take(normalize_email("email", v)),
            None => p.email.clone(),
        },
        phone: match new_phone {
            Some(v) => checks.take(phone(Some(v))),
            None => p.phone.clone(),
        },
    }
}

/// The fields of a person that this change sets to another value.
/// The fields of a person that this change sets to another value, with old and new values
/// (none of them secret).
pub(crate) fn changed_fields(p: &PersonRow, f: &PersonFields) -> Vec<FieldChange> {
    let mut out = vec![];
    let mut text = |a: &str, b: &str, change: fn(String, String) -> FieldChange| {
        if a != b {
            out.push(change(a.to_owned(), b.to_owned()));
        }
    };
    text(&p.user_id, &f.user_id, |from, to| FieldChange::UserId {
        from,
        to,
    });
    text(&p.last_name, &f.last_name, |from, to| {
        FieldChange::LastName { from, to }
    });
    text(&p.first_name, &f.first_name, |from, to| {
        FieldChange::FirstName { from, to }
    });
    text(&p.email, &f.email, |from, to| FieldChange::Email {
        from,
        to,
    });
    text(&p.phone, &f.phone, |from, to| FieldChange::Phone {
        from,
        to,
    });
    if p.level() != f.level {
        out.push(FieldChange::Level {
            from: p.level(),
            to: f.level,
        });
    }
    if p.language() != f.language {
        out.push(FieldChange::Language {
            from: p.language(),
            to: f.language,
        });
    }
    if p.is_contact != f.is_contact {
        out.push(FieldChange::IsContact {
            from: p.is_contact,
            to: f.is_contact,
        });
    }
    out
}
