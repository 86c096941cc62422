//! The `/api/v1` routes, one module per resource.

mod audit;
mod contacts;
mod invitations;
mod me;
mod organization;
mod people;
mod people_actions;
mod service_users;
mod session;
mod structures;
mod technical_users;

use axum::Router;
use axum::routing::{delete, get, post, put};

use super::AppState;
use super::auth::Signed;
use super::error::ApiResult;
use super::store::{AuditRecord, Conn};
use sesame_core::domain::AuditAction;

pub use audit::*;
pub use contacts::*;
pub use invitations::*;
pub use me::*;
pub use organization::*;
pub use people::*;
pub use people_actions::*;
pub use service_users::*;
pub use session::*;
pub use structures::*;
pub use technical_users::*;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(super::openapi::openapi_json))
        .route(
            "/session",
            post(sign_in).get(current_session).delete(sign_out),
        )
        .route("/token", post(api_token))
        .route("/me", get(me).patch(update_me))
        .route("/me/password", post(change_password))
        .route(
            "/me/two-factor",
            post(start_two_factor).delete(disable_two_factor),
        )
        .route("/me/two-factor/confirm", post(confirm_two_factor))
        .route("/organization", get(organization))
        .route("/roles", get(roles).post(create_role))
        .route("/roles/{code}", put(update_role))
        .route("/structures", get(list_structures).post(create_structure))
        .route("/structures/{id}/name", put(rename_structure))
        .route("/structures/{id}/parent", put(move_structure))
        .route("/structures/{id}/primary-manager", put(set_primary_manager))
        .route(
            "/structures/{id}/technical-user",
            get(structure_technical_user).post(create_technical_user),
        )
        .route("/technical-users/{id}", get(get_technical_user))
        .route(
            "/technical-users/{id}/password",
            post(reset_technical_user_password),
        )
        .route("/people", get(list_people).post(create_person))
        .route("/people/passwords", post(initialize_passwords))
        .route("/people/roles", put(update_roles_of_many))
        .route(
            "/people/{id}",
            get(get_person).patch(update_person).delete(delete_person),
        )
        .route("/people/{id}/password", post(initialize_password))
        .route("/people/{id}/roles", put(update_roles))
        .route("/people/{id}/suspend", post(suspend_person))
        .route("/people/{id}/reactivate", post(reactivate_person))
        .route("/people/{id}/two-factor", delete(reset_two_factor))
        .route(
            "/people/{id}/under-charge/{subordinate}",
            put(link_under_charge).delete(unlink_under_charge),
        )
        .route(
            "/service-users",
            get(list_service_users).post(create_service_user),
        )
        .route(
            "/service-users/{id}",
            get(get_service_user).patch(update_service_user),
        )
        .route(
            "/service-users/{id}/password",
            post(reset_service_user_password),
        )
        .route(
            "/invitations",
            get(list_invitations).post(create_invitation),
        )
        .route("/invitations/{id}/resend", post(resend_invitation))
        .route("/invitations/{id}/expire", post(expire_invitation))
        .route("/contacts", get(list_contacts).post(create_contact))
        .route("/contacts/{id}", put(update_contact).delete(delete_contact))
        .route("/audit", get(audit_log))
        .route("/audit.csv", get(audit_csv))
        .route("/outbox", get(outbox))
        .fallback(|| async { super::error::ApiError::not_found() })
}

/// Writes one audit line in the caller's transaction.
pub(crate) async fn record(
    conn: &mut Conn,
    by: &Signed,
    action: AuditAction,
    target: Option<(i64, &str)>,
    detail: impl Into<String>,
) -> ApiResult<()> {
    conn.audit(AuditRecord {
        org_id: by.actor.org_id,
        actor_id: Some(by.actor.account_id),
        actor_label: &by.user_id,
        action,
        target_id: target.map(|t| t.0),
        target_label: target.map(|t| t.1).unwrap_or(""),
        detail: detail.into(),
    })
    .await?;
    Ok(())
}

/// Writes the audit lines of a batch, one per target, in one statement.
pub(crate) async fn record_many(
    conn: &mut Conn,
    by: &Signed,
    action: AuditAction,
    lines: &[(i64, &str, String)],
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
            detail: detail.clone(),
        })
        .collect();
    conn.audit_many(&records).await?;
    Ok(())
}

/// Optional text: trimmed, limited, `None` when empty.
pub(crate) fn optional_text(field: &str, value: Option<&str>, max: usize) -> ApiResult<String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(String::new()),
        Some(v) => Ok(sesame_core::domain::required_text(field, v, max)?),
    }
}

/// A phone number: digits, spaces and + ( ) - . x, 3 to 32 characters; empty removes it.
pub(crate) fn phone(value: Option<&str>) -> ApiResult<String> {
    let v = optional_text("phone", value, 32)?;
    if !v.is_empty()
        && (v.chars().filter(char::is_ascii_digit).count() < 3
            || !v
                .chars()
                .all(|c| c.is_ascii_digit() || " +()-.x".contains(c)))
    {
        return Err(super::error::ApiError::field("phone", "invalid_phone"));
    }
    Ok(v)
}
