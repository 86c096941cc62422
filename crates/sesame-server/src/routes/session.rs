//! Sign-in (people), API tokens (service and technical users), sign-out.

use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;

use crate::AppState;
use crate::auth::{PasswordChangeAllowed, token_hash, verify_password};
use crate::error::{ApiError, ApiResult};
use crate::extract::Body;
use crate::store::{Conn, CredentialRow, now, to_time};
use sesame_core::api::{ApiToken, ErrorBody, ErrorCode, Me, Session, SignIn, TokenRequest};
use sesame_core::domain::rules::Actor;
use sesame_core::domain::{AccountKind, Status, generate_token};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            post(sign_in).get(current_session).delete(sign_out),
        )
        .route("/token", post(api_token))
}

fn invalid_credentials() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ErrorCode::InvalidCredentials,
        "invalid credentials",
    )
}

fn locked(until: i64) -> ApiError {
    let mut e = ApiError::new(
        StatusCode::LOCKED,
        ErrorCode::AccountLocked,
        "too many failed sign-ins",
    );
    e.detail.retry_after = Some((until - now()).max(1));
    e
}

/// A refusal before any session exists speaks the language of the organization named.
async fn in_organization_language<T>(
    state: &AppState,
    code: &str,
    result: ApiResult<T>,
) -> ApiResult<T> {
    let Err(e) = result else { return result };
    let org = match state.db.read().await {
        Ok(mut conn) => conn.organization_by_code(code).await.ok().flatten(),
        Err(_) => None,
    };
    Err(match org {
        Some(org) => e.in_language(org.language()),
        None => e,
    })
}

/// Checks organization code, user ID and password, with the slow-down and lock-out of
/// repeated failures. Failures are counted per sign-in name in the database, so every server
/// replica sees them.
async fn check_credentials(
    state: &AppState,
    org_code: &str,
    user_id: &str,
    password: &str,
) -> ApiResult<CredentialRow> {
    let cfg = &state.config;
    let org_code = org_code.trim().to_uppercase();
    let user_key = user_id.trim().to_lowercase();
    if org_code.is_empty()
        || user_key.is_empty()
        || org_code.len() > 64
        || user_key.len() > 128
        || password.len() > 1024
    {
        return Err(invalid_credentials());
    }
    // No connection is held while the answer is slowed down or a password hashed: a few
    // guessers must not take the pool from everyone else.
    let mut conn = state.db.read().await?;
    let failures = conn.sign_in_failures(&org_code, &user_key).await?;
    drop(conn);
    if let Some((failures, locked_until)) = failures {
        if let Some(until) = locked_until.filter(|u| *u > now()) {
            return Err(locked(until));
        }
        if failures >= cfg.slow_after {
            let delay = (failures - cfg.slow_after + 1).min(6) as u64 * 500;
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
    }
    let mut conn = state.db.read().await?;
    let credential = match conn.organization_by_code(&org_code).await? {
        Some(org) => conn.credentials(org.id, &user_key).await?,
        None => None,
    };
    drop(conn);
    let hash = credential.as_ref().and_then(|c| c.password_hash.clone());
    let mut matched = verify_password(password, hash).await;
    // After a rotation the previous password works too, until the end of its grace period.
    let mut matched_previous = false;
    if !matched && let Some(previous) = credential.as_ref().and_then(|c| c.previous_hash(now())) {
        matched = verify_password(password, Some(previous)).await;
        matched_previous = matched;
    }
    if !matched {
        let mut tx = state.db.begin().await?;
        tx.record_sign_in_failure(&org_code, &user_key, cfg.lock_after, cfg.lock_secs)
            .await?;
        let now_locked = tx
            .sign_in_failures(&org_code, &user_key)
            .await?
            .and_then(|f| f.1);
        tx.commit().await?;
        return Err(match now_locked {
            Some(until) if until > now() => locked(until),
            _ => invalid_credentials(),
        });
    }
    let mut credential = credential.ok_or_else(invalid_credentials)?;
    credential.matched_previous = matched_previous;
    state
        .db
        .read()
        .await?
        .clear_sign_in_failures(&org_code, &user_key)
        .await?;
    Ok(credential)
}

fn check_status(c: &CredentialRow) -> ApiResult<()> {
    if Status::parse(&c.status) != Some(Status::Active) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::AccountSuspended,
            "account not active",
        ));
    }
    Ok(())
}

/// The signed-in person, as the app's screens need it.
pub(crate) async fn load_me(
    conn: &mut Conn,
    org_id: i64,
    account_id: i64,
    must_change: bool,
) -> ApiResult<Me> {
    let p = conn
        .person(org_id, account_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let org = conn.organization(org_id).await?;
    let level = p.level();
    Ok(Me {
        id: p.id,
        kind: AccountKind::Person,
        user_id: p.user_id.clone(),
        last_name: p.last_name.clone(),
        first_name: p.first_name.clone(),
        email: Some(p.email.clone()),
        phone: (!p.phone.is_empty()).then(|| p.phone.clone()),
        level: Some(level),
        language: p.language(),
        two_factor: p.totp_enabled,
        must_change_password: must_change,
        rights: Actor::person(p.id, org_id, level, org.public_service).rights(),
        version: p.version,
        organization: org.api(),
    })
}

#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = SignIn,
    responses((status = 200, body = Session), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 423, body = ErrorBody)))]
pub async fn sign_in(
    State(state): State<AppState>,
    Body(req): Body<SignIn>,
) -> ApiResult<Json<Session>> {
    let result = open_session(&state, &req).await;
    in_organization_language(&state, &req.organization, result).await
}

async fn open_session(state: &AppState, req: &SignIn) -> ApiResult<Json<Session>> {
    let c = check_credentials(state, &req.organization, &req.user_id, &req.password).await?;
    if AccountKind::parse(&c.kind) != Some(AccountKind::Person) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::InteractiveSignInRefused,
            "service and technical users sign in to the API only",
        ));
    }
    check_status(&c)?;
    if c.totp_enabled {
        let Some(code) = req.totp.as_deref().filter(|c| !c.trim().is_empty()) else {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::TwoFactorRequired,
                "authentication code needed",
            ));
        };
        if !super::me::totp_matches(c.totp_secret.as_deref(), code) {
            let mut tx = state.db.begin().await?;
            let cfg = &state.config;
            tx.record_sign_in_failure(
                &req.organization.trim().to_uppercase(),
                &req.user_id.trim().to_lowercase(),
                cfg.lock_after,
                cfg.lock_secs,
            )
            .await?;
            tx.commit().await?;
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::InvalidTwoFactorCode,
                "wrong authentication code",
            ));
        }
    }
    let token = generate_token();
    let expires_at = now() + state.config.session_hours * 3600;
    let mut tx = state.db.begin().await?;
    tx.insert_session(&token_hash(&token), c.id, "interactive", expires_at)
        .await?;
    tx.touch_last_used(c.id).await?;
    let temporary = tx.password_is_temporary(c.id).await?;
    let me = load_me(&mut tx, c.org_id, c.id, temporary).await?;
    tx.commit().await?;
    Ok(Json(Session {
        token,
        expires_at: to_time(expires_at),
        me,
    }))
}

#[utoipa::path(post, path = "/api/v1/token", tag = "session", request_body = TokenRequest,
    responses((status = 200, body = ApiToken), (status = 401, body = ErrorBody, description = "`invalid_credentials`, `account_suspended`, or `credential_expired` when the password is right but past its expiry date"), (status = 403, body = ErrorBody)))]
pub async fn api_token(
    State(state): State<AppState>,
    Body(req): Body<TokenRequest>,
) -> ApiResult<Json<ApiToken>> {
    let result = issue_token(&state, &req).await;
    in_organization_language(&state, &req.organization, result).await
}

async fn issue_token(state: &AppState, req: &TokenRequest) -> ApiResult<Json<ApiToken>> {
    let c = check_credentials(state, &req.organization, &req.user_id, &req.password).await?;
    let kind = AccountKind::parse(&c.kind).unwrap_or(AccountKind::Person);
    if kind == AccountKind::Person {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::NotAnApiAccount,
            "people sign in to the app",
        ));
    }
    check_status(&c)?;
    // The previous password's own end was checked with it; the current one has its expiry.
    if !c.matched_previous && c.expired(now()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::CredentialExpired,
            "password expired",
        ));
    }
    let token = generate_token();
    let expires_at = now() + state.config.api_token_minutes * 60;
    let mut tx = state.db.begin().await?;
    tx.insert_session(&token_hash(&token), c.id, "api", expires_at)
        .await?;
    tx.touch_last_used(c.id).await?;
    tx.commit().await?;
    Ok(Json(ApiToken {
        token,
        expires_at: to_time(expires_at),
        kind,
    }))
}

#[utoipa::path(get, path = "/api/v1/session", tag = "session", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn current_session(
    State(state): State<AppState>,
    PasswordChangeAllowed(s, must_change): PasswordChangeAllowed,
) -> ApiResult<Json<Me>> {
    if s.actor.kind != AccountKind::Person {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::InteractiveSignInRefused,
            "API account",
        ));
    }
    let mut conn = state.db.read().await?;
    Ok(Json(
        load_me(&mut conn, s.actor.org_id, s.actor.account_id, must_change).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/session", tag = "session", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn sign_out(
    State(state): State<AppState>,
    PasswordChangeAllowed(s, _): PasswordChangeAllowed,
) -> ApiResult<StatusCode> {
    let mut conn = state.db.read().await?;
    conn.delete_session(&s.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}
