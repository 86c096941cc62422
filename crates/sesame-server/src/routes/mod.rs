//! The `/api/v1` routes, one module per resource.

pub(crate) mod audit;
pub(crate) mod connected_users;
pub(crate) mod contacts;
pub(crate) mod credentials;
pub(crate) mod import;
pub(crate) mod invitations;
pub(crate) mod me;
pub(crate) mod organization;
pub(crate) mod people;
pub(crate) mod people_actions;
pub(crate) mod person_change;
pub(crate) mod reach;
pub mod scim;
pub(crate) mod service_users;
pub(crate) mod session;
pub(crate) mod structures;
pub(crate) mod technical_users;

use axum::Router;
use axum::routing::get;

use super::AppState;
use super::auth::Signed;
use super::error::ApiResult;
use super::store::{AuditRecord, Conn};
use sesame_core::api::AuditDetail;
use sesame_core::domain::{AuditAction, FieldError};

/// Every resource's routes, merged; each module declares its own.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(super::openapi::openapi_json))
        .merge(session::router())
        .merge(me::router())
        .merge(organization::router())
        .merge(structures::router())
        .merge(connected_users::router())
        .merge(technical_users::router())
        .merge(people::router())
        .merge(people_actions::router())
        .merge(import::router())
        .merge(reach::router())
        .merge(service_users::router())
        .merge(credentials::router())
        .merge(invitations::router())
        .merge(contacts::router())
        .merge(audit::router())
        .fallback(|| async { super::error::ApiError::not_found() })
}

/// Writes one audit line in the caller's transaction.
pub(crate) async fn record(
    conn: &mut Conn,
    by: &Signed,
    action: AuditAction,
    target: Option<(i64, &str)>,
    detail: Option<AuditDetail>,
) -> ApiResult<()> {
    conn.audit(AuditRecord {
        org_id: by.actor.org_id,
        actor_id: Some(by.actor.account_id),
        actor_label: &by.user_id,
        action,
        target_id: target.map(|t| t.0),
        target_label: target.map(|t| t.1).unwrap_or(""),
        detail,
    })
    .await?;
    Ok(())
}

/// Writes the audit lines of a batch, one per target, in one statement.
pub(crate) async fn record_many(
    conn: &mut Conn,
    by: &Signed,
    action: AuditAction,
    lines: &[(i64, &str, AuditDetail)],
) -> ApiResult<()> {
    let records: Vec<AuditRecord<'_>> = lines
        .iter()
        .map(|(id, label, detail)| AuditRecord {
            org_id: by.actor.org_id,
            actor_id: Some(by.actor.account_id),
            actor_label: &by.user_id,
            action,
            target_id: Some(*id),
            target_label: label,
            detail: Some(detail.clone()),
        })
        .collect();
    conn.audit_many(&records).await?;
    Ok(())
}

/// Optional text: trimmed, limited, `None` when empty.
pub(crate) fn optional_text(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<String, FieldError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(String::new()),
        Some(v) => sesame_core::domain::required_text(field, v, max),
    }
}

/// A phone number: digits, spaces and + ( ) - . x, 3 to 32 characters; empty removes it.
pub(crate) fn phone(value: Option<&str>) -> Result<String, FieldError> {
    let v = optional_text("phone", value, 32)?;
    if !v.is_empty()
        && (v.chars().filter(char::is_ascii_digit).count() < 3
            || !v
                .chars()
                .all(|c| c.is_ascii_digit() || " +()-.x".contains(c)))
    {
        return Err(FieldError::new("phone", "invalid_phone"));
    }
    Ok(v)
}
