//! The OpenAPI document, generated from the route annotations and the `api` types, served at
//! `/api/v1/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::routes;
use sesame_core::api::{ErrorBody, ErrorCode, ErrorDetail, PeopleSort};
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
        Errors are `{\"error\": {\"code\", \"field\", \"message\"}}` with a stable code."),
    modifiers(&BearerAuth),
    paths(
        routes::sign_in, routes::api_token, routes::current_session, routes::sign_out,
        routes::me, routes::update_me, routes::change_password, routes::start_two_factor, routes::confirm_two_factor, routes::disable_two_factor,
        routes::organization, routes::roles, routes::create_role, routes::update_role,
        routes::list_structures, routes::create_structure, routes::rename_structure, routes::move_structure, routes::set_primary_manager,
        routes::structure_technical_user, routes::create_technical_user, routes::get_technical_user, routes::reset_technical_user_password,
        routes::list_people, routes::get_person, routes::create_person, routes::update_person, routes::delete_person,
        routes::initialize_password, routes::initialize_passwords, routes::update_roles, routes::update_roles_of_many, routes::suspend_person, routes::reactivate_person, routes::reset_two_factor,
        routes::link_under_charge, routes::unlink_under_charge,
        routes::list_service_users, routes::get_service_user, routes::create_service_user, routes::update_service_user, routes::reset_service_user_password,
        routes::list_invitations, routes::create_invitation, routes::resend_invitation, routes::expire_invitation,
        routes::list_contacts, routes::create_contact, routes::update_contact, routes::delete_contact,
        routes::audit_log, routes::audit_csv, routes::outbox,
    ),
    components(schemas(
        ErrorBody, ErrorDetail, ErrorCode, Level, Status, Language, AccountKind, StructureKind, Scope,
        PeopleSort, AuditAction, ContactPurpose,
    )),
)]
pub struct ApiDoc;

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
