//! SCIM 2.0 (RFC 7643, RFC 7644) under `/scim/v2`, for HR systems that provision accounts:
//! the discovery documents and the Users resource, mapped onto people. Only a service user that
//! a level-1 user marked for provisioning may call it, and it acts with that level-1 user's
//! rights: every change asks the same rules as `/api/v1`.

mod discovery;
pub(crate) mod filter;
mod patch;
mod resource;
mod users;

use axum::Router;
use axum::extract::{FromRequestParts, Request};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::Signed;
use crate::error::ApiError;
use sesame_core::api::{ErrorCode, preferred_language};
use sesame_core::domain::rules::Reach;
use sesame_core::domain::{AccountKind, Language, Level, Status};
use sesame_core::i18n::texts;

pub const MEDIA_TYPE: &str = "application/scim+json";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ServiceProviderConfig", get(discovery::config))
        .route("/ResourceTypes", get(discovery::resource_types))
        .route("/ResourceTypes/{id}", get(discovery::resource_type))
        .route("/Schemas", get(discovery::schemas))
        .route("/Schemas/{id}", get(discovery::schema))
        .route("/Users", get(users::list).post(users::create))
        .route("/Users/.search", post(users::search))
        .route(
            "/Users/{id}",
            get(users::get)
                .put(users::replace)
                .patch(users::patch)
                .delete(users::delete),
        )
        // Searching every resource type at once: Users is the only one.
        .route("/.search", post(users::search))
        .fallback(|| async { ScimError::not_found() })
        .layer(axum::middleware::from_fn(in_callers_language))
}

/// A SCIM answer: `application/scim+json`.
pub fn scim(status: StatusCode, body: Value) -> Response {
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE))],
        body.to_string(),
    )
        .into_response()
}

/// The base of SCIM locations, e.g. `https://sesame.example.org/scim/v2`.
pub fn base_url(state: &AppState) -> String {
    format!("{}/scim/v2", state.config.public_url.trim_end_matches('/'))
}

/// An error answer (RFC 7644 §3.12): status, `scimType` and a `detail` for people, written
/// in the caller's language (`Accept-Language`, else English).
#[derive(Debug, Clone)]
pub struct ScimError {
    pub status: StatusCode,
    pub scim_type: Option<&'static str>,
    /// A text of `scim.ftl`, with a `reason` argument, or the API's own refusal.
    message: Message,
}

#[derive(Debug, Clone)]
enum Message {
    Text(&'static str, Option<filter::Reason>),
    Api(Box<ApiError>),
}

impl ScimError {
    fn text(status: StatusCode, scim_type: Option<&'static str>, id: &'static str) -> Self {
        ScimError {
            status,
            scim_type,
            message: Message::Text(id, None),
        }
    }

    fn because(mut self, reason: filter::Reason) -> Self {
        if let Message::Text(_, r) = &mut self.message {
            *r = Some(reason);
        }
        self
    }

    pub fn not_found() -> Self {
        Self::text(StatusCode::NOT_FOUND, None, "scim-not-found")
    }

    pub fn syntax(reason: filter::Reason) -> Self {
        Self::text(
            StatusCode::BAD_REQUEST,
            Some("invalidSyntax"),
            "scim-invalid-syntax",
        )
        .because(reason)
    }

    pub fn filter(reason: filter::Reason) -> Self {
        Self::text(
            StatusCode::BAD_REQUEST,
            Some("invalidFilter"),
            "scim-invalid-filter",
        )
        .because(reason)
    }

    pub fn path(reason: filter::Reason) -> Self {
        Self::text(
            StatusCode::BAD_REQUEST,
            Some("invalidPath"),
            "scim-invalid-path",
        )
        .because(reason)
    }

    pub fn no_target() -> Self {
        Self::text(StatusCode::BAD_REQUEST, Some("noTarget"), "scim-no-target")
    }

    fn not_provisioning() -> Self {
        Self::text(StatusCode::FORBIDDEN, None, "scim-not-provisioning")
    }

    fn body(&self, lang: Language) -> Value {
        let detail = match &self.message {
            Message::Text(id, reason) => {
                let reason = reason.as_ref().map(|r| {
                    let args: Vec<(&str, &str)> =
                        r.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    texts().get(lang, r.key, &args)
                });
                texts().get(lang, id, &[("reason", reason.as_deref().unwrap_or(""))])
            }
            Message::Api(e) => {
                let mut d = e.detail.clone();
                d.localize(lang);
                d.message
            }
        };
        let mut body = json!({
            "schemas": [resource::ERROR],
            "status": self.status.as_u16().to_string(),
            "detail": detail,
        });
        if let Some(t) = self.scim_type {
            body["scimType"] = json!(t);
        }
        body
    }

    fn respond_in(&self, lang: Language) -> Response {
        let mut r = scim(self.status, self.body(lang));
        r.headers_mut().insert(
            axum::http::header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.as_str()),
        );
        r
    }
}

impl IntoResponse for ScimError {
    fn into_response(self) -> Response {
        let mut r = self.respond_in(Language::En);
        r.extensions_mut().insert(self);
        r
    }
}

impl From<ApiError> for ScimError {
    fn from(e: ApiError) -> Self {
        let (status, scim_type) = match (e.status, e.detail.code) {
            (_, ErrorCode::Duplicate | ErrorCode::DuplicateUserId) => {
                (StatusCode::CONFLICT, Some("uniqueness"))
            }
            (StatusCode::UNPROCESSABLE_ENTITY, _) => {
                (StatusCode::BAD_REQUEST, Some("invalidValue"))
            }
            (StatusCode::BAD_REQUEST, _) => (StatusCode::BAD_REQUEST, Some("invalidSyntax")),
            (s, _) => (s, None),
        };
        ScimError {
            status,
            scim_type,
            message: Message::Api(Box::new(e)),
        }
    }
}

impl From<sqlx::Error> for ScimError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::from(e).into()
    }
}

impl From<sesame_core::domain::rules::Refusal> for ScimError {
    fn from(r: sesame_core::domain::rules::Refusal) -> Self {
        ApiError::from(r).into()
    }
}

/// Rewrites an error answer in the language the caller asks for.
async fn in_callers_language(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(preferred_language);
    let mut response = next.run(req).await;
    match (lang, response.extensions_mut().remove::<ScimError>()) {
        (Some(lang), Some(e)) if lang != Language::En => e.respond_in(lang),
        _ => response,
    }
}

/// The signed-in provisioning service user, acting with the rights of the level-1 user who
/// marked it (looked up at every request: unmarked, or that person suspended or demoted, and
/// the next request says so).
pub struct Provisioning(pub Signed);

impl FromRequestParts<AppState> for Provisioning {
    type Rejection = ScimError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (mut s, _) = crate::auth::signed(parts, state).await?;
        if s.actor.kind != AccountKind::ServiceUser {
            return Err(ScimError::not_provisioning());
        }
        let mut conn = state.db.read().await?;
        let marker = conn.provisioner(s.actor.account_id).await?;
        let Some((person_id, Some(level), status)) = marker else {
            return Err(ScimError::not_provisioning());
        };
        let level = Level::from_code(level).ok_or_else(ScimError::not_provisioning)?;
        if Status::parse(&status) != Some(Status::Active) {
            return Err(ScimError::not_provisioning());
        }
        s.actor.reach = Some(Reach { person_id, level });
        Ok(Provisioning(s))
    }
}
