//! A structure's technical user: API-only, with the rights of the structure's primary manager.
//! Managed by that primary manager and by level-1 users; the manager is told by email.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use sesame_core::domain::AuditAction;
use sesame_core::domain::rules::Actor;

use super::credentials::issued;
use super::record;
use super::structures::structure_for_technical_user;
use crate::AppState;
use crate::auth::{Signed, generated_password};
use crate::error::{ApiError, ApiResult};
use crate::extract::Id;
use crate::mail;
use crate::store::{Conn, StructureRow, TechnicalUserRow, now};
use sesame_core::api::{
    AuditDetail, CreatedTechnicalUser, ErrorBody, ErrorCode, IssuedPassword, TechnicalUser,
};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/structures/{id}/technical-user",
            get(structure_technical_user).post(create_technical_user),
        )
        .route("/technical-users/{id}", get(get_technical_user))
        .route(
            "/technical-users/{id}/password",
            post(reset_technical_user_password),
        )
}

/// The technical user `id` and its structure, for an actor who may manage it (its structure's
/// primary manager, or level 1): "not found" otherwise.
pub(crate) async fn technical_user_for(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> ApiResult<(TechnicalUserRow, StructureRow)> {
    let t = conn
        .technical_user(actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let structure = structure_for_technical_user(conn, actor, t.structure_id).await?;
    Ok((t, structure))
}

/// What follows a technical user's creation or a new password: the audit line (when the
/// caller has not written one) and the primary manager's email (never the password).
pub(crate) async fn tell_primary_manager(
    tx: &mut Conn,
    s: &Signed,
    structure: &StructureRow,
    (id, login): (i64, &str),
    audit: Option<AuditAction>,
    notice: mail::TechnicalNotice,
) -> ApiResult<()> {
    if let Some(action) = audit {
        let detail = AuditDetail::OfStructure {
            structure: structure.reference(),
        };
        record(tx, s, action, Some((id, login)), Some(detail)).await?;
    }
    let org = tx.organization(s.actor.org_id).await?;
    mail::queue_technical_user_notice(tx, &org, structure, login, &s.user_id, notice).await
}

#[utoipa::path(get, path = "/api/v1/structures/{id}/technical-user", tag = "technical users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = TechnicalUser), (status = 404, body = ErrorBody)))]
pub async fn structure_technical_user(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<TechnicalUser>> {
    let mut conn = state.db.read().await?;
    structure_for_technical_user(&mut conn, &s.actor, id).await?;
    let t = conn
        .technical_user_of(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(t.api()))
}

#[utoipa::path(get, path = "/api/v1/technical-users/{id}", tag = "technical users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = TechnicalUser), (status = 404, body = ErrorBody)))]
pub async fn get_technical_user(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<TechnicalUser>> {
    let mut conn = state.db.read().await?;
    let (t, _) = technical_user_for(&mut conn, &s.actor, id).await?;
    Ok(Json(t.api()))
}

#[utoipa::path(post, path = "/api/v1/structures/{id}/technical-user", tag = "technical users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = CreatedTechnicalUser, description = "The password is in this response only"), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_technical_user(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<CreatedTechnicalUser>> {
    let (password, hash) = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let structure = structure_for_technical_user(&mut tx, &s.actor, id).await?;
    if structure.primary_manager_id.is_none() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::NoPrimaryManager,
            "no primary manager",
        ));
    }
    if structure.technical_user_id.is_some() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::TechnicalUserExists,
            "already has one",
        ));
    }
    let login = format!("TECH{id:06}");
    let account = tx
        .insert_technical_user(
            s.actor.org_id,
            id,
            &login,
            structure.manager_language(),
            &hash,
        )
        .await?;
    let created = Some(AuditAction::TechnicalUserCreated);
    let notice = mail::TechnicalNotice::Created;
    tell_primary_manager(&mut tx, &s, &structure, (account, &login), created, notice).await?;
    let t = tx
        .technical_user(s.actor.org_id, account)
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(Json(CreatedTechnicalUser {
        technical_user: t.api(),
        password,
    }))
}

#[utoipa::path(post, path = "/api/v1/technical-users/{id}/password", tag = "technical users", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = IssuedPassword, description = "The new password, in this response only; the previous one stops working at once"), (status = 404, body = ErrorBody)))]
pub async fn reset_technical_user_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<IssuedPassword>> {
    let (password, hash) = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let (t, structure) = technical_user_for(&mut tx, &s.actor, id).await?;
    tx.replace_password(id, &hash, false).await?;
    let t_now = now();
    let expires_at = tx.expiry_from(s.actor.org_id, t_now).await?;
    tx.start_api_password(id, t_now, expires_at).await?;
    let reset = Some(AuditAction::TechnicalUserPasswordReset);
    let notice = mail::TechnicalNotice::PasswordReset;
    tell_primary_manager(&mut tx, &s, &structure, (id, &t.user_id), reset, notice).await?;
    tx.commit().await?;
    Ok(Json(issued(password, expires_at, None)))
}
