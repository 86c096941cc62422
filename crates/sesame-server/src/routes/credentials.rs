//! The life of API credentials: the organization's validity, rotation with overlap, ending
//! the previous password, and the health view. Resets stay in the service and technical
//! users' modules; they share [`issued`] with rotations.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::{delete, get, post};
use sesame_core::domain::AuditAction;

use super::record;
use super::technical_users::{technical_user_for, tell_primary_manager};
use crate::AppState;
use crate::auth::{Signed, generated_password};
use crate::error::{ApiError, ApiResult};
use crate::extract::{Body, Id, Params};
use crate::mail;
use crate::store::{Conn, now, to_time};
use sesame_core::api::{
    AuditDetail, CredentialHealth, CredentialValidity, ErrorBody, HealthQuery, IssuedPassword,
    MAX_GRACE_DAYS, MAX_VALIDITY_DAYS, RotatePassword, ServiceUser, TechnicalUser,
};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/organization/credential-validity",
            get(credential_validity).put(set_credential_validity),
        )
        .route("/credentials", get(credential_health))
        .route(
            "/service-users/{id}/password/rotate",
            post(rotate_service_user_password),
        )
        .route(
            "/service-users/{id}/password/previous",
            delete(end_service_user_previous_password),
        )
        .route(
            "/technical-users/{id}/password/rotate",
            post(rotate_technical_user_password),
        )
        .route(
            "/technical-users/{id}/password/previous",
            delete(end_technical_user_previous_password),
        )
}

const DAY: i64 = 86_400;

/// The answer to a reset or a rotation: the password, in this response only.
pub(crate) fn issued(
    password: String,
    expires_at: Option<i64>,
    previous_until: Option<i64>,
) -> IssuedPassword {
    IssuedPassword {
        password,
        expires_at: expires_at.map(to_time),
        previous_password_until: previous_until.map(to_time),
    }
}

#[utoipa::path(get, path = "/api/v1/organization/credential-validity", tag = "credentials", security(("bearer" = [])),
    responses((status = 200, body = CredentialValidity, description = "How long a service or technical user's password works from when it is issued"),
        (status = 403, body = ErrorBody)))]
pub async fn credential_validity(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<CredentialValidity>> {
    s.actor.may_manage_service_users()?;
    let mut conn = state.db.read().await?;
    Ok(Json(CredentialValidity {
        days: conn.api_validity_days(s.actor.org_id).await?,
    }))
}

#[utoipa::path(put, path = "/api/v1/organization/credential-validity", tag = "credentials", security(("bearer" = [])), request_body = CredentialValidity,
    responses((status = 200, body = CredentialValidity, description = "Applies to passwords issued from now on; those already issued keep their expiry date"),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_credential_validity(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<CredentialValidity>,
) -> ApiResult<Json<CredentialValidity>> {
    s.actor.may_manage_service_users()?;
    if req
        .days
        .is_some_and(|d| !(1..=MAX_VALIDITY_DAYS).contains(&d))
    {
        return Err(ApiError::field("days", "validity_range"));
    }
    let mut tx = state.db.begin().await?;
    let before = tx.api_validity_days(s.actor.org_id).await?;
    if before != req.days {
        tx.set_api_validity_days(s.actor.org_id, req.days).await?;
        record(
            &mut tx,
            &s,
            AuditAction::CredentialValidityChanged,
            None,
            Some(AuditDetail::Validity {
                from: before,
                to: req.days,
            }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Json(req))
}

#[utoipa::path(get, path = "/api/v1/credentials", tag = "credentials", security(("bearer" = [])), params(HealthQuery),
    responses((status = 200, body = [CredentialHealth], description = "Every service and technical user the caller manages (level 1: all; a primary manager: the technical users of their structures), by user ID"),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn credential_health(
    State(state): State<AppState>,
    s: Signed,
    Params(q): Params<HealthQuery>,
) -> ApiResult<Json<Vec<CredentialHealth>>> {
    // Who manages which account decides what is listed: level 1 everything, a primary
    // manager the technical users of the structures they are primary manager of.
    let all = s.actor.may_manage_service_users().is_ok();
    s.actor.may_see_connected_users()?;
    let mut conn = state.db.read().await?;
    let level_one = conn.level_one_people(s.actor.org_id).await?;
    let managed: Vec<i64> = if all {
        vec![]
    } else {
        conn.structures(s.actor.org_id)
            .await?
            .into_iter()
            .filter(|st| {
                s.actor
                    .may_manage_technical_user(st.primary_manager_id)
                    .is_ok()
            })
            .filter_map(|st| st.technical_user_id)
            .collect()
    };
    let t = now();
    let lines = conn
        .credentials_of(s.actor.org_id)
        .await?
        .into_iter()
        .filter(|c| all || managed.contains(&c.id))
        .map(|c| c.health(t, &level_one))
        .filter(|h| q.filter.is_none_or(|f| f.keeps(h)))
        .collect();
    Ok(Json(lines))
}

/// The grace period asked for, checked.
fn grace(req: &RotatePassword) -> ApiResult<i64> {
    if (1..=MAX_GRACE_DAYS).contains(&req.grace_days) {
        Ok(req.grace_days)
    } else {
        Err(ApiError::field("grace_days", "grace_days_range"))
    }
}

/// The account a rotation or an ending is about: (id, user ID or code, rotation's action).
type Account<'a> = (i64, &'a str, AuditAction);

/// Rotates an account's password in `tx`, with its audit entry: the current one keeps
/// working for `grace_days` unless it has expired already.
async fn rotate(
    tx: &mut Conn,
    s: &Signed,
    (account_id, label, action): Account<'_>,
    (password, hash): (String, String),
    grace_days: i64,
) -> ApiResult<IssuedPassword> {
    let t = now();
    let (current_expiry, _) = tx.api_password_state(account_id, t).await?;
    let until = Some(t + grace_days * DAY).filter(|_| current_expiry.is_none_or(|e| e > t));
    let expires_at = tx.expiry_from(s.actor.org_id, t).await?;
    tx.rotate_api_password(account_id, &hash, t, expires_at, until)
        .await?;
    let detail = AuditDetail::Rotation {
        grace_days,
        previous_until: until.map(to_time),
        expires_at: expires_at.map(to_time),
    };
    record(tx, s, action, Some((account_id, label)), Some(detail)).await?;
    Ok(issued(password, expires_at, until))
}

/// Ends the previous password now, with an audit entry when one was still working.
async fn end_previous(tx: &mut Conn, s: &Signed, id: i64, label: &str) -> ApiResult<()> {
    if tx.end_previous_password(id, now()).await? {
        let action = AuditAction::PreviousPasswordEnded;
        record(tx, s, action, Some((id, label)), None).await?;
    }
    Ok(())
}

#[utoipa::path(post, path = "/api/v1/service-users/{id}/password/rotate", tag = "credentials", security(("bearer" = [])), params(("id" = i64, Path)), request_body = RotatePassword,
    responses((status = 200, body = IssuedPassword, description = "The new password, in this response only; the previous one keeps working until `previous_password_until`"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn rotate_service_user_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<RotatePassword>,
) -> ApiResult<Json<IssuedPassword>> {
    s.actor.may_manage_service_users()?;
    let grace_days = grace(&req)?;
    let secret = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let su = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let account = (
        id,
        su.user_code.as_str(),
        AuditAction::ServiceUserPasswordRotated,
    );
    let issued = rotate(&mut tx, &s, account, secret, grace_days).await?;
    tx.commit().await?;
    Ok(Json(issued))
}

#[utoipa::path(delete, path = "/api/v1/service-users/{id}/password/previous", tag = "credentials", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ServiceUser, description = "The previous password no longer works (tokens it already obtained live until their own expiry)"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn end_service_user_previous_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<ServiceUser>> {
    s.actor.may_manage_service_users()?;
    let mut tx = state.db.begin().await?;
    let su = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    end_previous(&mut tx, &s, id, &su.user_code).await?;
    let after = tx
        .service_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(Json(after.for_reader(&s.actor)))
}

#[utoipa::path(post, path = "/api/v1/technical-users/{id}/password/rotate", tag = "credentials", security(("bearer" = [])), params(("id" = i64, Path)), request_body = RotatePassword,
    responses((status = 200, body = IssuedPassword, description = "The new password, in this response only; the previous one keeps working until `previous_password_until`"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn rotate_technical_user_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<RotatePassword>,
) -> ApiResult<Json<IssuedPassword>> {
    let grace_days = grace(&req)?;
    let secret = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let (t, structure) = technical_user_for(&mut tx, &s.actor, id).await?;
    let account = (
        id,
        t.user_id.as_str(),
        AuditAction::TechnicalUserPasswordRotated,
    );
    let issued = rotate(&mut tx, &s, account, secret, grace_days).await?;
    // The primary manager is told, as of a creation or a reset; `rotate` wrote the audit line.
    let notice = mail::TechnicalNotice::PasswordRotated {
        previous_until: issued.previous_password_until.map(|t| t.unix_timestamp()),
    };
    tell_primary_manager(&mut tx, &s, &structure, (id, &t.user_id), None, notice).await?;
    tx.commit().await?;
    Ok(Json(issued))
}

#[utoipa::path(delete, path = "/api/v1/technical-users/{id}/password/previous", tag = "credentials", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = TechnicalUser, description = "The previous password no longer works (tokens it already obtained live until their own expiry)"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn end_technical_user_previous_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<TechnicalUser>> {
    let mut tx = state.db.begin().await?;
    let (t, _) = technical_user_for(&mut tx, &s.actor, id).await?;
    end_previous(&mut tx, &s, id, &t.user_id).await?;
    let after = tx
        .technical_user(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(Json(after.api()))
}
