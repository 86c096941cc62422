//! The signed-in account's organization and its roles catalogue.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::{get, put};

use super::{optional_text, record};
use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id};
use sesame_core::api::{
    AuditDetail, DocumentSettings, ErrorBody, NewRole, Organization, Role, RoleUpdate,
};
use sesame_core::domain::{AuditAction, address, required_text};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/organization", get(organization))
        .route("/organization/documents", put(set_document_settings))
        .route("/roles", get(roles).post(create_role))
        .route("/roles/{code}", put(update_role))
}

#[utoipa::path(get, path = "/api/v1/organization", tag = "organization", security(("bearer" = [])),
    responses((status = 200, body = Organization), (status = 401, body = ErrorBody)))]
pub async fn organization(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<Organization>> {
    let mut conn = state.db.read().await?;
    Ok(Json(
        conn.organization(s.actor.org_id)
            .await?
            .api(&state.config.public_url),
    ))
}

/// How the organization hands documents over (level 1): files protected by default, and the
/// API address vendors are given, which must be one they can reach.
#[utoipa::path(put, path = "/api/v1/organization/documents", tag = "organization", security(("bearer" = [])), request_body = DocumentSettings,
    responses((status = 200, body = Organization), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_document_settings(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<DocumentSettings>,
) -> ApiResult<Json<Organization>> {
    s.actor.may_set_document_settings()?;
    let mut checks = Checks::default();
    let public_api_url = match req.public_api_url.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(typed) => match address::public_api_url(typed) {
            Ok(url) => Some(url),
            Err(reason) => {
                checks.refuse("public_api_url", reason);
                None
            }
        },
    };
    checks.done()?;
    let settings = DocumentSettings {
        protect_documents: req.protect_documents,
        public_api_url,
    };
    let mut tx = state.db.begin().await?;
    tx.set_document_settings(s.actor.org_id, &settings).await?;
    record(
        &mut tx,
        &s,
        AuditAction::DocumentSettingsChanged,
        None,
        None,
    )
    .await?;
    let org = tx.organization(s.actor.org_id).await?;
    tx.commit().await?;
    Ok(Json(org.api(&state.config.public_url)))
}

#[utoipa::path(get, path = "/api/v1/roles", tag = "organization", security(("bearer" = [])),
    responses((status = 200, body = [Role])))]
pub async fn roles(State(state): State<AppState>, s: Signed) -> ApiResult<Json<Vec<Role>>> {
    let mut conn = state.db.read().await?;
    Ok(Json(conn.roles(s.actor.org_id).await?))
}

#[utoipa::path(post, path = "/api/v1/roles", tag = "organization", security(("bearer" = [])), request_body = NewRole,
    responses((status = 200, body = Role), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn create_role(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewRole>,
) -> ApiResult<Json<Role>> {
    s.actor.may_manage_structures()?;
    let mut checks = Checks::default();
    let code = checks.take(required_text("code", &req.code, 40));
    if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        checks.refuse("code", "invalid_characters");
    }
    let role = checked_role_into(
        checks,
        code,
        &RoleUpdate {
            name_en: req.name_en,
            name_fr: req.name_fr,
            description_en: req.description_en,
            description_fr: req.description_fr,
        },
    )?;
    let mut tx = state.db.begin().await?;
    tx.insert_role(s.actor.org_id, &role).await?;
    record(
        &mut tx,
        &s,
        AuditAction::RoleCreated,
        None,
        Some(AuditDetail::Role {
            code: role.code.clone(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(role))
}

fn checked_role(code: String, req: &RoleUpdate) -> ApiResult<Role> {
    checked_role_into(Checks::default(), code, req)
}

/// [`checked_role`], adding the refusals already in `checks` to its own.
fn checked_role_into(mut checks: Checks, code: String, req: &RoleUpdate) -> ApiResult<Role> {
    let role = Role {
        code,
        name_en: checks.take(required_text("name_en", &req.name_en, 80)),
        name_fr: checks.take(required_text("name_fr", &req.name_fr, 80)),
        description_en: checks.take(optional_text(
            "description_en",
            Some(&req.description_en),
            500,
        )),
        description_fr: checks.take(optional_text(
            "description_fr",
            Some(&req.description_fr),
            500,
        )),
    };
    checks.done()?;
    Ok(role)
}

/// Renames a role or changes its descriptions; the code, which accounts hold, stays.
#[utoipa::path(put, path = "/api/v1/roles/{code}", tag = "organization", security(("bearer" = [])), params(("code" = String, Path)), request_body = RoleUpdate,
    responses((status = 200, body = Role), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_role(
    State(state): State<AppState>,
    s: Signed,
    Id(code): Id<String>,
    Body(req): Body<RoleUpdate>,
) -> ApiResult<Json<Role>> {
    s.actor.may_manage_structures()?;
    let role = checked_role(code, &req)?;
    let mut tx = state.db.begin().await?;
    if !tx.update_role(s.actor.org_id, &role).await? {
        return Err(ApiError::not_found());
    }
    record(
        &mut tx,
        &s,
        AuditAction::RoleUpdated,
        None,
        Some(AuditDetail::Role {
            code: role.code.clone(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(role))
}
