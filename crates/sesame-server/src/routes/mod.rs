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

pub use audit::{__path_audit_csv, __path_audit_log, __path_outbox, audit_csv, audit_log, outbox};
pub use contacts::{
    __path_create_contact, __path_delete_contact, __path_list_contacts, __path_update_contact,
    create_contact, delete_contact, list_contacts, update_contact,
};
pub use invitations::{
    __path_create_invitation, __path_expire_invitation, __path_list_invitations,
    __path_resend_invitation, create_invitation, expire_invitation, list_invitations,
    resend_invitation,
};
pub use me::{
    __path_change_password, __path_confirm_two_factor, __path_disable_two_factor, __path_me,
    __path_start_two_factor, __path_update_me, change_password, confirm_two_factor,
    disable_two_factor, me, start_two_factor, update_me,
};
pub use organization::{
    __path_create_role, __path_organization, __path_roles, __path_update_role, create_role,
    organization, roles, update_role,
};
pub use people::{
    __path_create_person, __path_delete_person, __path_get_person, __path_list_people,
    __path_update_person, create_person, delete_person, get_person, list_people, update_person,
};
pub use people_actions::{
    __path_initialize_password, __path_initialize_passwords, __path_link_under_charge,
    __path_reactivate_person, __path_reset_two_factor, __path_suspend_person,
    __path_unlink_under_charge, __path_update_roles, __path_update_roles_of_many,
    initialize_password, initialize_passwords, link_under_charge, reactivate_person,
    reset_two_factor, suspend_person, unlink_under_charge, update_roles, update_roles_of_many,
};
pub use service_users::{
    __path_create_service_user, __path_get_service_user, __path_list_service_users,
    __path_reset_service_user_password, __path_update_service_user, create_service_user,
    get_service_user, list_service_users, reset_service_user_password, update_service_user,
};
pub use session::{
    __path_api_token, __path_current_session, __path_sign_in, __path_sign_out, api_token,
    current_session, sign_in, sign_out,
};
pub use structures::{
    __path_create_structure, __path_list_structures, __path_move_structure,
    __path_rename_structure, __path_set_primary_manager, create_structure, list_structures,
    move_structure, rename_structure, set_primary_manager,
};
pub use technical_users::{
    __path_create_technical_user, __path_get_technical_user, __path_reset_technical_user_password,
    __path_structure_technical_user, create_technical_user, get_technical_user,
    reset_technical_user_password, structure_technical_user,
};

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
