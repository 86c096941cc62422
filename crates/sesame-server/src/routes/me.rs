//! Own account: contact details, password, language and TOTP two-factor authentication.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use sesame_core::domain::AuditAction;
use totp_rs::{Algorithm, Secret, TOTP};

use super::person_change::{merge_contact, store_change};
use super::record;
use crate::AppState;
use crate::auth::{
    PasswordChangeAllowed, Signed, check_new_password, hash_password, verify_password,
};
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::Body;
use crate::store::{Conn, PersonFields};
use sesame_core::api::{
    ChangePassword, ErrorBody, ErrorCode, Me, MyDetailsUpdate, TwoFactorCode, TwoFactorEnrollment,
};
use sesame_core::domain::AccountKind;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/me", get(me).patch(update_me))
        .route("/me/password", post(change_password))
        .route(
            "/me/two-factor",
            post(start_two_factor).delete(disable_two_factor),
        )
        .route("/me/two-factor/confirm", post(confirm_two_factor))
}

fn totp(secret_base32: &str, account: &str, issuer: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some(issuer.to_owned()),
        account.to_owned(),
    )
    .ok()
}

/// Does `code` match the secret now (one 30-second step of drift allowed either way)?
pub fn totp_matches(secret: Option<&str>, code: &str) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    match secret.and_then(|s| totp(s, "sesame", "Sesame")) {
        Some(t) => t.check_current(&code).unwrap_or(false),
        None => false,
    }
}

/// The signed-in person's two-factor secret (pending or enabled), once `code` proves they hold it.
async fn proven_secret(tx: &mut Conn, s: &Signed, code: &str) -> ApiResult<String> {
    match tx.totp_secret(s.actor.account_id).await? {
        Some(secret) if totp_matches(Some(&secret), code) => Ok(secret),
        _ => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidTwoFactorCode,
            "wrong code",
        )
        .with_field("code")),
    }
}

fn people_only(s: &Signed) -> ApiResult<()> {
    if s.actor.kind != AccountKind::Person {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::PeopleOnly,
            "API accounts have no personal record",
        ));
    }
    Ok(())
}

#[utoipa::path(get, path = "/api/v1/me", tag = "own account", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(State(state): State<AppState>, s: Signed) -> ApiResult<Json<Me>> {
    people_only(&s)?;
    let mut conn = state.db.read().await?;
    Ok(Json(
        super::session::load_me(
            &mut conn,
            &state.config.public_url,
            s.actor.org_id,
            s.actor.account_id,
            false,
        )
        .await?,
    ))
}

#[utoipa::path(patch, path = "/api/v1/me", tag = "own account", security(("bearer" = [])), request_body = MyDetailsUpdate,
    responses((status = 200, body = Me), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_me(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<MyDetailsUpdate>,
) -> ApiResult<Json<Me>> {
    people_only(&s)?;
    let mut tx = state.db.begin().await?;
    let p = tx
        .person(s.actor.org_id, s.actor.account_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if p.version != req.version {
        return Err(ApiError::stale(Some(p.version)));
    }
    let mut checks = Checks::default();
    let contact = merge_contact(
        &mut checks,
        &p,
        req.last_name.as_deref(),
        req.first_name.as_deref(),
        req.email.as_deref(),
        req.phone.as_deref(),
    );
    checks.done()?;
    let fields = PersonFields {
        user_id: p.user_id.clone(),
        last_name: contact.last_name,
        first_name: contact.first_name,
        email: contact.email,
        phone: contact.phone,
        level: p.level(),
        language: req.language.unwrap_or(p.language()),
        is_contact: p.is_contact,
    };
    let audit = Some(AuditAction::OwnDetailsUpdated);
    store_change(&mut tx, &s, &p, req.version, &fields, audit).await?;
    let me = super::session::load_me(
        &mut tx,
        &state.config.public_url,
        s.actor.org_id,
        p.id,
        false,
    )
    .await?;
    tx.commit().await?;
    Ok(Json(me))
}

#[utoipa::path(post, path = "/api/v1/me/password", tag = "own account", security(("bearer" = [])), request_body = ChangePassword,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    PasswordChangeAllowed(s, _): PasswordChangeAllowed,
    Body(req): Body<ChangePassword>,
) -> ApiResult<StatusCode> {
    people_only(&s)?;
    let mut conn = state.db.read().await?;
    let hash = conn.password_hash(s.actor.account_id).await?;
    drop(conn);
    if !verify_password(&req.current_password, hash).await {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::WrongPassword,
            "wrong current password",
        )
        .with_field("current_password"));
    }
    check_new_password(&req.new_password, &s.user_id)?;
    if req.new_password == req.current_password {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::WeakPassword,
            "same as before",
        )
        .with_field("new_password"));
    }
    let new_hash = hash_password(&req.new_password).await?;
    let mut tx = state.db.begin().await?;
    tx.set_password(s.actor.account_id, &new_hash, false)
        .await?;
    // Other sessions of this account end: whoever knew the old password is signed out.
    tx.delete_sessions_of(s.actor.account_id, &s.token_hash)
        .await?;
    record(
        &mut tx,
        &s,
        AuditAction::OwnPasswordChanged,
        Some((s.actor.account_id, &s.user_id)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/me/two-factor", tag = "own account", security(("bearer" = [])),
    responses((status = 200, body = TwoFactorEnrollment)))]
pub async fn start_two_factor(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<TwoFactorEnrollment>> {
    people_only(&s)?;
    let secret = Secret::generate_secret().to_encoded().to_string();
    let mut tx = state.db.begin().await?;
    let org = tx.organization(s.actor.org_id).await?;
    let t = totp(&secret, &s.user_id, &format!("Sesame {}", org.code))
        .ok_or_else(|| ApiError::internal("totp", "secret"))?;
    // Pending until a code confirms it: enrollment never locks anyone out by itself.
    tx.set_totp_secret(s.actor.account_id, Some(&secret), false)
        .await?;
    tx.commit().await?;
    Ok(Json(TwoFactorEnrollment {
        otpauth_uri: t.get_url(),
        secret,
    }))
}

#[utoipa::path(post, path = "/api/v1/me/two-factor/confirm", tag = "own account", security(("bearer" = [])), request_body = TwoFactorCode,
    responses((status = 200, body = Me), (status = 422, body = ErrorBody)))]
pub async fn confirm_two_factor(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<TwoFactorCode>,
) -> ApiResult<Json<Me>> {
    people_only(&s)?;
    let mut tx = state.db.begin().await?;
    let secret = proven_secret(&mut tx, &s, &req.code).await?;
    tx.set_totp_secret(s.actor.account_id, Some(&secret), true)
        .await?;
    record(
        &mut tx,
        &s,
        AuditAction::TwoFactorEnrolled,
        Some((s.actor.account_id, &s.user_id)),
        None,
    )
    .await?;
    let me = super::session::load_me(
        &mut tx,
        &state.config.public_url,
        s.actor.org_id,
        s.actor.account_id,
        false,
    )
    .await?;
    tx.commit().await?;
    Ok(Json(me))
}

#[utoipa::path(delete, path = "/api/v1/me/two-factor", tag = "own account", security(("bearer" = [])), request_body = TwoFactorCode,
    responses((status = 204), (status = 422, body = ErrorBody)))]
pub async fn disable_two_factor(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<TwoFactorCode>,
) -> ApiResult<StatusCode> {
    people_only(&s)?;
    let mut tx = state.db.begin().await?;
    proven_secret(&mut tx, &s, &req.code).await?;
    tx.reset_two_factor(s.actor.account_id).await?;
    record(
        &mut tx,
        &s,
        AuditAction::TwoFactorDisabled,
        Some((s.actor.account_id, &s.user_id)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
