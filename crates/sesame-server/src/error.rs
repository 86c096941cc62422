//! One error type for every route: a status, a stable code and, when one is to blame, the field.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use sesame_core::api::{ErrorBody, ErrorCode, ErrorDetail};
use sesame_core::domain::FieldError;
use sesame_core::domain::rules::Refusal;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    /// Boxed: every handler returns `Result<_, ApiError>`, and the detail is large.
    pub detail: Box<ErrorDetail>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            detail: Box::new(ErrorDetail {
                code,
                field: None,
                reason: None,
                message: message.into(),
                current_version: None,
                retry_after: None,
                refused: vec![],
                held_by: None,
            }),
        }
    }

    pub fn field(field: &str, reason: &str) -> Self {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidField,
            format!("{field}: {reason}"),
        );
        e.detail.field = Some(field.into());
        e.detail.reason = Some(reason.into());
        e
    }

    pub fn with_field(mut self, field: &str) -> Self {
        self.detail.field = Some(field.into());
        self
    }

    pub fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "not found")
    }

    pub fn forbidden() -> Self {
        ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, "not allowed")
    }

    pub fn stale(current_version: Option<i64>) -> Self {
        let mut e = ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::StaleVersion,
            "the record changed since it was read",
        );
        e.detail.current_version = current_version;
        e
    }

    pub fn internal(context: &str, error: impl std::fmt::Display) -> Self {
        tracing::error!("{context}: {error}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "internal error",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            axum::Json(ErrorBody {
                error: (*self.detail).clone(),
            }),
        )
            .into_response();
        if let Some(v) = self
            .detail
            .retry_after
            .and_then(|secs| secs.to_string().parse().ok())
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        if crate::store::is_unique_violation(&e) {
            return ApiError::new(StatusCode::CONFLICT, ErrorCode::Duplicate, "already exists");
        }
        ApiError::internal("database", e)
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError::field(&e.field, &e.code)
    }
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        use ErrorCode as C;
        let (status, code, message) = match r {
            Refusal::NotFound => (StatusCode::NOT_FOUND, C::NotFound, "not found"),
            Refusal::Forbidden => (StatusCode::FORBIDDEN, C::Forbidden, "not allowed"),
            Refusal::NotOnSelf => (
                StatusCode::FORBIDDEN,
                C::NotOnSelf,
                "not allowed on one's own account",
            ),
            Refusal::LastLevelOne => (
                StatusCode::CONFLICT,
                C::LastLevelOne,
                "the last active level-1 user cannot be deleted, demoted or suspended",
            ),
            Refusal::LevelNotGrantable => (
                StatusCode::FORBIDDEN,
                C::LevelNotGrantable,
                "level above the actor's own",
            ),
            Refusal::ApprovalUnavailable => (
                StatusCode::UNPROCESSABLE_ENTITY,
                C::ApprovalUnavailable,
                "level 2 with approval exists only for public-service employers",
            ),
            Refusal::OwnLevel => (
                StatusCode::FORBIDDEN,
                C::OwnLevel,
                "nobody changes their own level",
            ),
            Refusal::PeopleOnly => (
                StatusCode::FORBIDDEN,
                C::PeopleOnly,
                "for people signed in interactively, not API accounts",
            ),
            Refusal::Suspended => (
                StatusCode::CONFLICT,
                C::PersonSuspended,
                "the person is suspended: reactivate them first",
            ),
        };
        let e = ApiError::new(status, code, message);
        match r {
            Refusal::LevelNotGrantable | Refusal::ApprovalUnavailable | Refusal::OwnLevel => {
                e.with_field("level")
            }
            _ => e,
        }
    }
}
