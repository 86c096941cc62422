//! The OpenAPI document, generated from the route annotations and the `api` types, served at
//! `/api/v1/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::routes::*;
use sesame_core::api::*;
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
        sign_in, api_token, current_session, sign_out,
        me, update_me, change_password, start_two_factor, confirm_two_factor, disable_two_factor,
        organization, roles, create_role, update_role,
        list_structures, create_structure, rename_structure, move_structure, set_primary_manager,
        structure_technical_user, create_technical_user, get_technical_user, reset_technical_user_password,
        list_people, get_person, create_person, update_person, delete_person,
        initialize_password, initialize_passwords, update_roles, update_roles_of_many, suspend_person, reactivate_person, reset_two_factor,
        link_under_charge, unlink_under_charge,
        list_service_users, get_service_user, create_service_user, update_service_user, reset_service_user_password,
        list_invitations, create_invitation, resend_invitation, expire_invitation,
        list_contacts, create_contact, update_contact, delete_contact,
        audit_log, audit_csv, outbox,
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
