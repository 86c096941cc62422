//! Sign-in (people), API tokens (service and technical users), sign-out.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;

use crate::AppState;
use crate::auth::{PasswordChangeAllowed, token_hash, verify_password};
use crate::error::{ApiError, ApiResult};
use crate::extract::{Body, Source};
use crate::guard::{self, Attempt};
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

/// Checks organization code, user ID and password, with the slow-down and refusals of
/// repeated failures ([`crate::guard`]).
async fn check_credentials(
    state: &AppState,
    attempt: Attempt,
    password: &str,
) -> ApiResult<(CredentialRow, Attempt)> {
    if attempt.org.is_empty()
        || attempt.user.is_empty()
        || attempt.org.len() > 64
        || attempt.user.len() > 128
        || password.len() > 1024
    {
        return Err(invalid_credentials());
    }
    // No connection is held while the answer is slowed down or a password hashed: a few
    // guessers must not take the pool from everyone else.
    let t = now();
    let mut conn = state.db.read().await?;
    let standing = attempt.standing(&mut conn).await?;
    let credential = match conn.organization_by_code(&attempt.org).await? {
        Some(org) => conn.credentials(org.id, &attempt.user).await?,
        None => None,
    };
    let known = match &credential {
        Some(c) => conn.known_source(c.id, &attempt.source).await?,
        None => false,
    };
    drop(conn);
    if let Some(until) = standing.refused_until(known, t) {
        return Err(locked(until));
    }
    tokio::time::sleep(standing.delay(state, t)).await;
    let hash = credential.as_ref().and_then(|c| c.password_hash.clone());
    let mut matched = verify_password(password, hash).await;
    // After a rotation the previous password works too, until the end of its grace period.
    let mut matched_previous = false;
    if !matched && let Some(previous) = credential.as_ref().and_then(|c| c.previous_hash(now())) {
        matched = verify_password(password, Some(previous)).await;
        matched_previous = matched;
    }
    let target = credential.as_ref().map(|c| (c.org_id, c.id, known));
    let Some(mut credential) = credential.filter(|_| matched) else {
        return Err(match guard::failed(state, &attempt, target, now()).await? {
            Some(until) => locked(until),
            None => invalid_credentials(),
        });
    };
    credential.matched_previous = matched_previous;
    credential.known_source = known;
    Ok((credential, attempt))
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
    server_url: &str,
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
        organization: org.api(server_url),
    })
}

#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = SignIn,
    responses((status = 200, body = Session), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 423, body = ErrorBody)))]
pub async fn sign_in(
    State(state): State<AppState>,
    Source(source): Source,
    Body(req): Body<SignIn>,
) -> ApiResult<Json<Session>> {
    let result = open_session(&state, &req, &source).await;
    in_organization_language(&state, &req.organization, result).await
}

async fn open_session(state: &AppState, req: &SignIn, source: &str) -> ApiResult<Json<Session>> {
    let attempt = Attempt::new(&req.organization, &req.user_id, source);
    let (c, attempt) = check_credentials(state, attempt, &req.password).await?;
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
            let target = Some((c.org_id, c.id, c.known_source));
            if let Some(until) = guard::failed(state, &attempt, target, now()).await? {
                return Err(locked(until));
            }
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::InvalidTwoFactorCode,
                "wrong authentication code",
            ));
        }
    }
    guard::succeeded(state, &attempt, c.id, now()).await?;
    let token = generate_token();
    let expires_at = now() + state.config.session_hours * 3600;
    let mut tx = state.db.begin().await?;
    tx.insert_session(&token_hash(&token), c.id, "interactive", expires_at)
        .await?;
    tx.touch_last_used(c.id).await?;
    let temporary = tx.password_is_temporary(c.id).await?;
    let me = load_me(&mut tx, &state.config.public_url, c.org_id, c.id, temporary).await?;
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
    Source(source): Source,
    Body(req): Body<TokenRequest>,
) -> ApiResult<Json<ApiToken>> {
    let result = issue_token(&state, &req, &source).await;
    in_organization_language(&state, &req.organization, result).await
}

async fn issue_token(
    state: &AppState,
    req: &TokenRequest,
    source: &str,
) -> ApiResult<Json<ApiToken>> {
    let attempt = Attempt::new(&req.organization, &req.user_id, source);
    let (c, attempt) = check_credentials(state, attempt, &req.password).await?;
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
    guard::succeeded(state, &attempt, c.id, now()).await?;
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
        load_me(
            &mut conn,
            &state.config.public_url,
            s.actor.org_id,
            s.actor.account_id,
            must_change,
        )
        .await?,
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
