//! Request extractors whose rejections are the API's own JSON errors: malformed JSON,
//! unknown fields and oversized bodies get a stable code and the field, never a bare 400/500.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;
use sesame_core::api::ErrorCode;

/// A JSON body.
pub struct Body<T>(pub T);

/// Query parameters.
pub struct Params<T>(pub T);

/// Path parameters.
pub struct Id<T>(pub T);

/// Turns serde's message into (code, field, reason).
fn data_error(text: &str) -> ApiError {
    if let Some(rest) = text.split("unknown field `").nth(1) {
        let field = rest.split('`').next().unwrap_or_default();
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::UnknownField,
            format!("unknown field {field}"),
        );
        e.detail.field = Some(field.into());
        return e;
    }
    if let Some(rest) = text.split("missing field `").nth(1) {
        let field = rest.split('`').next().unwrap_or_default();
        return ApiError::field(field, "required");
    }
    // serde_path_to_error puts the path before the first ": " of its own message.
    let detail = text.rsplit("target type: ").next().unwrap_or(text);
    let field = detail
        .split(": ")
        .next()
        .filter(|p| !p.contains(' '))
        .unwrap_or("");
    let mut e = ApiError::field(
        field.split(['[', '.']).next().unwrap_or(field),
        "invalid_value",
    );
    e.detail.message = detail.to_owned();
    if field.is_empty() {
        e.detail.field = None;
    }
    e
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Read as any JSON first: serde would also take an array for a struct (`[]` for a
        // body whose fields are all optional), which the document does not allow.
        match axum::Json::<serde_json::Value>::from_request(req, state).await {
            Ok(axum::Json(v)) if !v.is_object() => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidJson,
                "the body must be a JSON object",
            )),
            Ok(axum::Json(v)) => serde_path_to_error::deserialize(v).map(Body).map_err(|e| {
                data_error(&format!(
                    "Failed to deserialize the JSON body into the target type: {e}"
                ))
            }),
            Err(JsonRejection::JsonDataError(e)) => Err(data_error(&e.body_text())),
            Err(JsonRejection::BytesRejection(e))
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE =>
            {
                Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    ErrorCode::BodyTooLarge,
                    "body too large",
                ))
            }
            Err(e) => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidJson,
                e.body_text(),
            )),
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Params(v)),
            Err(QueryRejection::FailedToDeserializeQueryString(e)) => {
                let text = e.body_text();
                let mut err = data_error(&text);
                if err.detail.field.is_none() {
                    err.detail.message = text;
                }
                Err(err)
            }
            Err(e) => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidField,
                e.body_text(),
            )),
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Id<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Id(v)),
            // A path that names no record (e.g. /people/abc) is a missing record.
            Err(PathRejection::FailedToDeserializePathParams(_)) => Err(ApiError::not_found()),
            Err(e) => Err(ApiError::internal("path", e.body_text())),
        }
    }
}

/// The address a request comes from, as sign-in failures count it ([`crate::guard::source_of`]).
/// Behind a trusted reverse proxy, the last address of `X-Forwarded-For` that is not one of
/// the trusted proxies: anything left of it could be written by the client.
pub struct Source(pub String);

impl FromRequestParts<crate::AppState> for Source {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        use axum::extract::ConnectInfo;
        use std::net::{IpAddr, SocketAddr};
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(a)| a.ip());
        let Some(peer) = peer else {
            return Ok(Source("unknown".into()));
        };
        let trusted = &state.config.trusted_proxies;
        let mut ip = peer;
        if trusted.contains(&peer) {
            let forwarded = parts
                .headers
                .get_all(sesame_core::i18n::keys::not_text("x-forwarded-for"))
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .collect::<Vec<_>>();
            if let Some(first) = forwarded.iter().rev().find(|a| !trusted.contains(a)) {
                ip = *first;
            }
        }
        Ok(Source(crate::guard::source_of(ip)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_become_field_errors() {
        let e = data_error(
            "Failed to deserialize the JSON body into the target type: unknown field `admin`, expected one of `a`, `b` at line 1 column 9",
        );
        assert_eq!(e.detail.code, ErrorCode::UnknownField);
        assert_eq!(e.detail.field.as_deref(), Some("admin"));
        let e = data_error(
            "Failed to deserialize the JSON body into the target type: missing field `version` at line 1 column 2",
        );
        assert_eq!(e.detail.field.as_deref(), Some("version"));
        assert_eq!(e.detail.reason.as_deref(), Some("required"));
        let e = data_error(
            "Failed to deserialize the JSON body into the target type: level: unknown variant `level_9`, expected one of at line 1 column 20",
        );
        assert_eq!(e.detail.field.as_deref(), Some("level"));
    }
}
