//! The OpenAPI document, generated from the route annotations and the `api` types, served at
//! `/api/v1/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::routes;
use sesame_core::api::{
    CredentialKind, ErrorBody, ErrorCode, ErrorDetail, FieldIssue, HealthFilter, PeopleSort,
};
use sesame_core::domain::{
    AccountKind, AuditAction, ContactPurpose, Language, Level, Scope, Status, StructureKind,
};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Sesame API", description = "Organizations, structures, people and service accounts. \
        Errors are `{\"error\": {\"code\", \"field\", \"reason\", \"message\", \"errors\"}}` with a stable code; \
        `message` is in the language of `Accept-Language` (fr or en), else the organization's."),
    modifiers(&BearerAuth),
    paths(
        routes::session::sign_in, routes::session::api_token, routes::session::current_session,
        routes::session::sign_out,
        routes::me::me, routes::me::update_me, routes::me::change_password,
        routes::me::start_two_factor, routes::me::confirm_two_factor,
        routes::me::disable_two_factor,
        routes::organization::organization, routes::organization::roles,
        routes::organization::create_role, routes::organization::update_role,
        routes::structures::list_structures, routes::structures::create_structure,
        routes::structures::rename_structure, routes::structures::move_structure,
        routes::structures::set_primary_manager, routes::structures::remove_structure,
        routes::connected_users::connected_users,
        routes::technical_users::structure_technical_user,
        routes::technical_users::create_technical_user, routes::technical_users::get_technical_user,
        routes::technical_users::reset_technical_user_password,
        routes::people::list_people, routes::people::get_person, routes::people::create_person,
        routes::people::update_person, routes::people::delete_person,
        routes::people_actions::initialize_password, routes::people_actions::initialize_passwords,
        routes::people_actions::update_roles, routes::people_actions::update_roles_of_many,
        routes::people_actions::suspend_person, routes::people_actions::reactivate_person,
        routes::people_actions::reset_two_factor, routes::people_actions::link_under_charge,
        routes::people_actions::unlink_under_charge, routes::import::import_people,
        routes::reach::reach_preview,
        routes::service_users::list_service_users, routes::service_users::get_service_user,
        routes::service_users::create_service_user, routes::service_users::update_service_user,
        routes::service_users::reset_service_user_password,
        routes::service_users::issue_provisioning_token,
        routes::credentials::credential_validity, routes::credentials::set_credential_validity,
        routes::credentials::credential_health,
        routes::credentials::rotate_service_user_password,
        routes::credentials::end_service_user_previous_password,
        routes::credentials::rotate_technical_user_password,
        routes::credentials::end_technical_user_previous_password,
        routes::invitations::list_invitations, routes::invitations::create_invitation,
        routes::invitations::resend_invitation, routes::invitations::expire_invitation,
        routes::contacts::list_contacts, routes::contacts::create_contact,
        routes::contacts::update_contact, routes::contacts::delete_contact,
        routes::audit::audit_log, routes::audit::audit_csv, routes::audit::outbox,
    ),
    components(schemas(
        ErrorBody, ErrorDetail, FieldIssue, ErrorCode, Level, Status, Language, AccountKind, StructureKind, Scope,
        PeopleSort, AuditAction, ContactPurpose, HealthFilter, CredentialKind,
    )),
)]
pub struct ApiDoc;

mod contract;

/// The served document: the generated one, completed once.
pub fn document() -> &'static serde_json::Value {
    static DOCUMENT: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        contract::complete(&mut doc);
        doc
    })
}

pub async fn openapi_json() -> Json<&'static serde_json::Value> {
    Json(document())
}
