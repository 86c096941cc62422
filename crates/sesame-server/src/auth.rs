//! Passwords (Argon2id), session tokens (stored as SHA-256 hashes) and the extractor that
//! turns a bearer token into the signed-in [`Actor`].

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::AppState;
use super::error::{ApiError, ApiResult};
use super::store::{SessionRow, now};
use sesame_core::api::ErrorCode;
use sesame_core::domain::rules::{Actor, Reach};
use sesame_core::domain::{AccountKind, Level, Status};

/// Hashes off the async threads: Argon2id takes tens of milliseconds by design.
pub async fn hash_password(password: &str) -> ApiResult<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| ApiError::internal("hashing task", e))?
    .map_err(|e| ApiError::internal("hashing", e))
}

pub async fn verify_password(password: &str, hash: Option<String>) -> bool {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        // An account without a password still costs one hash, so timing tells nothing.
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_owned());
        match PasswordHash::new(&hash) {
            Ok(parsed) => {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
                    && hash != DUMMY_HASH
            }
            Err(_) => false,
        }
    })
    .await
    .unwrap_or(false)
}

/// A valid Argon2id hash of a random string nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2VzYW1lLWR1bW15LXNhbHQ$8FrbK0Xq1Y0b8Xz9z5ZpQnqE0x7mH3m9l0mJpQfQb0o";

pub fn token_hash(token: &str) -> String {
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// A password the server makes up (shown once), and its hash.
pub async fn generated_password() -> ApiResult<(String, String)> {
    let password = sesame_core::domain::generate_password();
    let hash = hash_password(&password).await?;
    Ok((password, hash))
}

/// `n` server-made passwords and their hashes, hashed on as many blocking threads as there
/// are cores (each Argon2id hash holds 19 MiB, so never one thread per password).
pub async fn generated_passwords(n: usize) -> ApiResult<Vec<(String, String)>> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |c| c.get())
        .min(n.max(1));
    let passwords: Vec<String> = (0..n)
        .map(|_| sesame_core::domain::generate_password())
        .collect();
    let chunk = n.div_ceil(threads).max(1);
    let tasks: Vec<_> = passwords
        .chunks(chunk)
        .map(|part| {
            let part = part.to_vec();
            tokio::task::spawn_blocking(move || {
                part.into_iter()
                    .map(|p| {
                        let hash = Argon2::default()
                            .hash_password(p.as_bytes())
                            .map(|h| h.to_string())?;
                        Ok((p, hash))
                    })
                    .collect::<Result<Vec<_>, argon2::password_hash::Error>>()
            })
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for t in tasks {
        let part = t
            .await
            .map_err(|e| ApiError::internal("hashing task", e))?
            .map_err(|e| ApiError::internal("hashing", e))?;
        out.extend(part);
    }
    Ok(out)
}

/// A password people choose, by the domain's policy.
pub fn check_new_password(password: &str, user_id: &str) -> ApiResult<()> {
    if !sesame_core::domain::acceptable_password(password, user_id) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::WeakPassword,
            "weak password",
        )
        .with_field("new_password"));
    }
    Ok(())
}

/// The signed-in account of a request. Refuses a session whose temporary password has not
/// been changed yet: see [`PasswordChangeAllowed`] for the few routes that accept it.
pub struct Signed {
    pub actor: Actor,
    /// The login of the signed-in account, for the audit log.
    pub user_id: String,
    pub token_hash: String,
    /// A provisioning token: good for `/scim/v2` alone.
    pub scim_only: bool,
    /// The people under the charge of the person the account acts as, and that person, when
    /// the session's statement read them (PostgreSQL).
    pub charges: Option<(i64, Vec<i64>)>,
    /// What the session looked like when read, on PostgreSQL (see [`SignedList`]).
    pub seen: Option<String>,
}

/// Like [`Signed`], but also for a session that must change its temporary password first.
pub struct PasswordChangeAllowed(pub Signed, pub bool);

fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn unauthenticated() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
        "sign in first",
    )
}

/// Builds the actor from the session row: a technical user acts with its primary manager's
/// level and charges, as long as that manager is active.
pub fn actor_of(row: &SessionRow) -> Actor {
    let kind = AccountKind::parse(&row.kind).unwrap_or(AccountKind::ServiceUser);
    let reach = match kind {
        AccountKind::Person => row.level.and_then(Level::from_code).map(|level| Reach {
            person_id: row.account_id,
            level,
        }),
        AccountKind::TechnicalUser => match (
            row.manager_id,
            row.manager_level,
            row.manager_status.as_deref(),
        ) {
            (Some(id), Some(level), Some("active")) => Level::from_code(level).map(|level| Reach {
                person_id: id,
                level,
            }),
            _ => None,
        },
        AccountKind::ServiceUser => None,
    };
    Actor {
        account_id: row.account_id,
        org_id: row.org_id,
        kind,
        reach,
        public_service: row.public_service,
    }
}

/// The session kind of provisioning tokens.
pub const PROVISIONING_SESSION: &str = "provisioning";

fn scim_only() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        ErrorCode::ProvisioningTokenScimOnly,
        "a provisioning token is for /scim/v2 only",
    )
}

pub(crate) async fn signed(parts: &Parts, state: &AppState) -> ApiResult<(Signed, bool)> {
    let token = bearer(parts).ok_or_else(unauthenticated)?;
    signed_by_hash(token_hash(token), state).await
}

/// The session of a token's hash, read now.
async fn signed_by_hash(hash: String, state: &AppState) -> ApiResult<(Signed, bool)> {
    let Some(row) = state.db.session(&hash).await? else {
        state.sessions.forget(&hash);
        return Err(unauthenticated());
    };
    if row.expires_at < now() {
        state.sessions.forget(&hash);
        state.db.read().await?.delete_session(&hash).await?;
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::SessionExpired,
            "session expired",
        ));
    }
    if Status::parse(&row.status) != Some(Status::Active) {
        state.sessions.forget(&hash);
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::AccountSuspended,
            "account not active",
        ));
    }
    state.sessions.keep(&hash, &row);
    Ok(signed_of(row, hash))
}

/// The signed-in account of a session row that is valid, and whether it must change its
/// temporary password first.
fn signed_of(mut row: SessionRow, hash: String) -> (Signed, bool) {
    let must_change = row.password_temporary && row.session_kind == "interactive";
    let charges = row.charges_of.zip(row.charges.take());
    (
        Signed {
            actor: actor_of(&row),
            user_id: row.user_id.clone(),
            token_hash: hash,
            scim_only: row.session_kind == PROVISIONING_SESSION,
            charges,
            seen: row.seen.take(),
        },
        must_change,
    )
}

/// A session good for the API's routes (not a provisioning token's, no password to change).
fn for_the_api((s, must_change): (Signed, bool)) -> ApiResult<Signed> {
    if s.scim_only {
        return Err(scim_only());
    }
    if must_change {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::PasswordChangeRequired,
            "change the temporary password first",
        ));
    }
    Ok(s)
}

impl Signed {
    /// The same session read again, as [`Signed`] would.
    pub async fn again(&self, state: &AppState) -> ApiResult<Signed> {
        for_the_api(signed_by_hash(self.token_hash.clone(), state).await?)
    }
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        for_the_api(signed(parts, state).await?)
    }
}

/// The signed-in account of a list whose statement confirms the session itself: the session
/// as last read when it was read on PostgreSQL and is still valid by what was read
/// (`unconfirmed`), else read now as [`Signed`] is.
pub struct SignedList {
    pub signed: Signed,
    pub unconfirmed: bool,
}

impl FromRequestParts<AppState> for SignedList {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or_else(unauthenticated)?;
        let hash = token_hash(token);
        let kept = state.sessions.get(&hash).filter(|row| {
            row.expires_at >= now() && Status::parse(&row.status) == Some(Status::Active)
        });
        if let Some(row) = kept
            && let Ok(signed) = for_the_api(signed_of(row, hash.clone()))
        {
            return Ok(SignedList {
                signed,
                unconfirmed: true,
            });
        }
        Ok(SignedList {
            signed: for_the_api(signed_by_hash(hash, state).await?)?,
            unconfirmed: false,
        })
    }
}

impl FromRequestParts<AppState> for PasswordChangeAllowed {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (s, must_change) = signed(parts, state).await?;
        if s.scim_only {
            return Err(scim_only());
        }
        Ok(PasswordChangeAllowed(s, must_change))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn argon2id_hashes_verify_and_wrong_passwords_do_not() {
        let h = hash_password("Kq7m-Xp3r-Tz9w-Hd4n").await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("Kq7m-Xp3r-Tz9w-Hd4n", Some(h.clone())).await);
        assert!(!verify_password("Kq7m-Xp3r-Tz9w-Hd4N", Some(h)).await);
        assert!(!verify_password("anything", None).await);
    }

    #[test]
    fn new_passwords_are_long_enough_and_not_the_user_id() {
        assert!(check_new_password("correct horse battery", "zoe").is_ok());
        assert!(check_new_password("short", "zoe").is_err());
        assert!(check_new_password("zoe.lukasiewicz", "Zoe.Lukasiewicz").is_err());
    }
}
