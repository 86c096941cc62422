//! Service users: API-only accounts with a user code, an application and a scope.
//! Level-1 users only.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use sesame_core::domain::AuditAction;
use std::collections::HashMap;

use super::credentials::issued;
use super::record;
use crate::AppState;
use crate::auth::{PROVISIONING_SESSION, Signed, generated_password, token_hash};
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id};
use crate::store::{Conn, is_unique_violation, now};
use sesame_core::api::{
    AuditDetail, CreatedServiceUser, ErrorBody, ErrorCode, FieldChange, IssuedPassword,
    NewServiceUser, ProvisioningToken, ScopeDetail, ServiceUser, ServiceUserUpdate, StructureRef,
};
use sesame_core::domain::rules::Actor;
use sesame_core::domain::rules::ServiceUserAction;
use sesame_core::domain::{FieldError, Scope, generate_token, required_text, validate_user_code};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
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
            "/service-users/{id}/provisioning-token",
            post(issue_provisioning_token),
        )
}

/// How long a provisioning token lasts: identity providers keep the token they are given, so
/// it outlives sessions; a year, then a new one is entered in the provider.
const PROVISIONING_TOKEN_DAYS: i64 = 365;

#[utoipa::path(post, path = "/api/v1/service-users/{id}/provisioning-token", tag = "service users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ProvisioningToken, description = "A bearer token for /scim/v2 alone, in this response only; the previous provisioning token of this service user stops working at once. It also ends when the service user is unmarked, suspended or its password reset"),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "`not_provisioning`: the service user is not marked for provisioning, or not active")))]
pub async fn issue_provisioning_token(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<ProvisioningToken>> {
    s.actor.may_manage_service_users()?;
    let mut tx = state.db.begin().await?;
    let su = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let su = su.for_reader(&s.actor);
    if !su.may(ServiceUserAction::IssueProvisioningToken) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::NotProvisioning,
            "the service user is not marked for provisioning, or not active",
        ));
    }
    tx.delete_sessions_of_kind(id, PROVISIONING_SESSION).await?;
    let token = generate_token();
    let expires_at = now() + PROVISIONING_TOKEN_DAYS * 24 * 3600;
    tx.insert_session(&token_hash(&token), id, PROVISIONING_SESSION, expires_at)
        .await?;
    record(
        &mut tx,
        &s,
        AuditAction::ProvisioningTokenIssued,
        Some((id, &su.user_code)),
        None,
    )
    .await?;
    tx.commit().await?;
    let expires_at = time::OffsetDateTime::from_unix_timestamp(expires_at)
        .map_err(|e| ApiError::internal("provisioning token expiry", e))?;
    Ok(Json(ProvisioningToken { token, expires_at }))
}

/// A scope names existing structures of the organization and reaches something.
/// The outer error is the database's, the inner the field's.
async fn check_scope(
    conn: &mut Conn,
    org_id: i64,
    scope: &Scope,
) -> ApiResult<Result<Scope, FieldError>> {
    let mut scope = scope.clone();
    scope.structure_ids.sort_unstable();
    scope.structure_ids.dedup();
    if scope.is_empty() {
        return Ok(Err(FieldError::new("scope", "required")));
    }
    let known: Vec<i64> = conn
        .structure_parents(org_id)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    if scope.structure_ids.iter().any(|s| !known.contains(s)) {
        // A record named in the body, not the one the path names: a wrong field (422).
        return Ok(Err(FieldError::new("scope", "not_found")));
    }
    Ok(Ok(scope))
}

/// Scopes as the audit log keeps them: with the structures' names of the time.
async fn scope_details<const N: usize>(
    conn: &mut Conn,
    org_id: i64,
    scopes: [&Scope; N],
) -> ApiResult<[ScopeDetail; N]> {
    let names: HashMap<i64, String> = conn
        .structures(org_id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(scopes.map(|scope| ScopeDetail {
        all_companies: scope.all_companies,
        whole_structure: scope.whole_structure,
        structures: scope
            .structure_ids
            .iter()
            .map(|id| StructureRef {
                id: *id,
                name: names.get(id).cloned().unwrap_or_default(),
            })
            .collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/service-users", tag = "service users", security(("bearer" = [])),
    responses((status = 200, body = [ServiceUser]), (status = 403, body = ErrorBody)))]
pub async fn list_service_users(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<Vec<ServiceUser>>> {
    s.actor.may_manage_service_users()?;
    let mut conn = state.db.read().await?;
    let list = conn.service_users(s.actor.org_id).await?;
    Ok(Json(
        list.into_iter().map(|su| su.for_reader(&s.actor)).collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/service-users/{id}", tag = "service users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ServiceUser), (status = 404, body = ErrorBody)))]
pub async fn get_service_user(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<ServiceUser>> {
    s.actor.may_manage_service_users()?;
    let mut conn = state.db.read().await?;
    Ok(Json(
        conn.service_user(s.actor.org_id, id)
            .await?
            .ok_or_else(ApiError::not_found)?
            .for_reader(&s.actor),
    ))
}

#[utoipa::path(post, path = "/api/v1/service-users", tag = "service users", security(("bearer" = [])), request_body = NewServiceUser,
    responses((status = 200, body = CreatedServiceUser, description = "The password is in this response only"), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_service_user(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewServiceUser>,
) -> ApiResult<Json<CreatedServiceUser>> {
    s.actor.may_manage_service_users()?;
    let mut checks = Checks::default();
    let code = req.user_code.trim().to_owned();
    checks.take(validate_user_code(&code));
    let application = checks.take(required_text("application", &req.application, 80));
    // The scope is read before the transaction: hashing must not hold the database's writer.
    let mut conn = state.db.read().await?;
    let scope = checks.take(check_scope(&mut conn, s.actor.org_id, &req.scope).await?);
    drop(conn);
    checks.done()?;
    let (password, hash) = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let [detail] = scope_details(&mut tx, s.actor.org_id, [&scope]).await?;
    let id = tx
        .insert_service_user(
            s.actor.org_id,
            &code,
            &application,
            req.status,
            req.language,
            &hash,
            &scope,
        )
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                ApiError::new(
                    StatusCode::CONFLICT,
                    ErrorCode::DuplicateUserId,
                    "user code taken",
                )
                .with_field("user_code")
            } else {
                e.into()
            }
        })?;
    record(
        &mut tx,
        &s,
        AuditAction::ServiceUserCreated,
        Some((id, &code)),
        Some(AuditDetail::ServiceUser {
            application: application.clone(),
            scope: detail,
        }),
    )
    .await?;
    let service_user = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(Json(CreatedServiceUser {
        service_user: service_user.for_reader(&s.actor),
        password,
    }))
}

/// A service user as a change would leave it (beside its access, compared on its own).
struct Wanted<'a> {
    status: sesame_core::domain::Status,
    application: &'a str,
    language: sesame_core::domain::Language,
    responsible: &'a Option<sesame_core::api::PersonRef>,
}

/// The fields a change sets to another value, as the audit log records them.
fn changes_of(before: &ServiceUser, after: &Wanted<'_>) -> Vec<FieldChange> {
    let mut changes = vec![];
    if before.status != after.status {
        changes.push(FieldChange::Status {
            from: before.status,
            to: after.status,
        });
    }
    if before.application != after.application {
        changes.push(FieldChange::Application {
            from: before.application.clone(),
            to: after.application.to_owned(),
        });
    }
    if before.language != after.language {
        changes.push(FieldChange::Language {
            from: before.language,
            to: after.language,
        });
    }
    let id_of = |p: &Option<sesame_core::api::PersonRef>| p.as_ref().map(|p| p.id);
    if id_of(&before.responsible) != id_of(after.responsible) {
        let user_id = |p: &Option<sesame_core::api::PersonRef>| {
            p.as_ref().map(|p| p.user_id.clone()).unwrap_or_default()
        };
        changes.push(FieldChange::Responsible {
            from: user_id(&before.responsible),
            to: user_id(after.responsible),
        });
    }
    changes
}

#[utoipa::path(patch, path = "/api/v1/service-users/{id}", tag = "service users", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ServiceUserUpdate,
    responses((status = 200, body = ServiceUser), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_service_user(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<ServiceUserUpdate>,
) -> ApiResult<Json<ServiceUser>> {
    s.actor.may_manage_service_users()?;
    let mut tx = state.db.begin().await?;
    let before = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if before.version != req.version {
        return Err(ApiError::stale(Some(before.version)));
    }
    let mut checks = Checks::default();
    let application = match &req.application {
        Some(a) => checks.take(required_text("application", a, 80)),
        None => before.application.clone(),
    };
    let scope = match &req.scope {
        Some(sc) => checks.take(check_scope(&mut tx, s.actor.org_id, sc).await?),
        None => before.scope.clone(),
    };
    let responsible = match req.responsible_id {
        Some(r) => checks.take(checks_responsible(&mut tx, s.actor.org_id, r).await?),
        None => before.responsible.clone(),
    };
    checks.done()?;
    let status = req.status.unwrap_or(before.status);
    let language = req.language.unwrap_or(before.language);
    let after = Wanted {
        status,
        application: &application,
        language,
        responsible: &responsible,
    };
    let mut changes = changes_of(&before, &after);
    if before.scope != scope {
        let [from, to] = scope_details(&mut tx, s.actor.org_id, [&before.scope, &scope]).await?;
        changes.push(FieldChange::Scope { from, to });
    }
    if !tx
        .update_service_user(id, req.version, &application, status, language, &scope)
        .await?
    {
        return Err(ApiError::stale(None));
    }
    if let Some(provisioning) = req.provisioning.filter(|p| *p != before.provisioning) {
        // The level-1 user who marks it lends it their rights under /scim/v2.
        let by = provisioning
            .then(|| s.actor.reach.map(|r| r.person_id))
            .flatten();
        tx.set_provisioning(id, by).await?;
        // Unmarked, its provisioning token ends, so marking it again does not revive it.
        if !provisioning {
            tx.delete_sessions_of_kind(id, PROVISIONING_SESSION).await?;
        }
        changes.push(FieldChange::Provisioning {
            from: before.provisioning,
            to: provisioning,
        });
    }
    tx.set_responsible(id, responsible.as_ref().map(|p| p.id))
        .await?;
    record(
        &mut tx,
        &s,
        AuditAction::ServiceUserUpdated,
        Some((id, &before.user_code)),
        Some(AuditDetail::Changes { changes }),
    )
    .await?;
    let after = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(Json(after.for_reader(&s.actor)))
}

#[utoipa::path(post, path = "/api/v1/service-users/{id}/password", tag = "service users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = IssuedPassword, description = "The new password, in this response only; the previous one stops working at once. It is never to be changed by its holder and expires after the organization's validity"), (status = 404, body = ErrorBody)))]
pub async fn reset_service_user_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<IssuedPassword>> {
    s.actor.may_manage_service_users()?;
    let (password, hash) = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let su = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    // Service passwords are never marked temporary; they expire after the validity.
    tx.replace_password(id, &hash, false).await?;
    let t = now();
    let expires_at = tx.expiry_from(s.actor.org_id, t).await?;
    tx.start_api_password(id, t, expires_at).await?;
    record(
        &mut tx,
        &s,
        AuditAction::ServiceUserPasswordReset,
        Some((id, &su.user_code)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(Json(issued(password, expires_at, None)))
}

/// A responsible person: a person of the organization who is not suspended (`None`: every
/// level-1 user). Anyone else is a wrong field, named with the request's other faults.
async fn checks_responsible(
    conn: &mut Conn,
    org_id: i64,
    id: Option<i64>,
) -> ApiResult<Result<Option<sesame_core::api::PersonRef>, FieldError>> {
    let Some(id) = id else { return Ok(Ok(None)) };
    let person = conn
        .person(org_id, id)
        .await?
        .filter(|p| p.status != "suspended");
    Ok(match person {
        // The person reminded before a password expires answers for it as a primary manager
        // answers for a structure: someone of level 1 or 2.
        Some(p) if !Actor::can_be_primary_manager(p.level(), p.status()) => {
            Err(FieldError::new("responsible_id", "invalid_value"))
        }
        Some(p) => Ok(Some(p.reference())),
        None => Err(FieldError::new("responsible_id", "not_found")),
    })
}
