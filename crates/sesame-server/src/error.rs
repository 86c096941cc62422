//! One error type for every route: a status, a stable code and, when one is to blame, the field.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use sesame_core::api::{ErrorBody, ErrorCode, ErrorDetail, FieldIssue};
use sesame_core::domain::FieldError;
use sesame_core::domain::Language;
use sesame_core::domain::rules::Refusal;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    /// Boxed: every handler returns this type, and the error path is the rare one.
    pub detail: Box<ErrorDetail>,
    /// The language of the organization the request named, when no session says it.
    pub language: Option<Language>,
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
                errors: vec![],
            }),
            language: None,
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

    /// Every refused field of one request, in one answer.
    pub fn fields(fields: Vec<FieldError>) -> Self {
        let first = fields
            .first()
            .cloned()
            .unwrap_or(FieldError::new("", "invalid_value"));
        let mut e = ApiError::field(&first.field, &first.code);
        e.detail.errors = fields
            .into_iter()
            .map(|f| FieldIssue {
                field: f.field,
                code: f.code,
                message: String::new(),
            })
            .collect();
        e
    }

    /// The same refusal with another status (e.g. 409 when the state, not the input, is at fault).
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Answers in `lang` unless the caller asks for another language.
    pub fn in_language(mut self, lang: Language) -> Self {
        self.language = Some(lang);
        self
    }

    pub fn with_field(mut self, field: &str) -> Self {
        self.detail.field = Some(field.into());
        self
    }

    /// A record the body names in `field` that does not exist (or is not visible): the field
    /// is wrong (422) — 404 stays for the record of the path.
    pub fn unknown_in_body(field: &str) -> Self {
        ApiError::fields(vec![FieldError::new(field, "not_found")])
    }

    /// A refusal about a record the body names (a parent structure): a missing one becomes
    /// [`ApiError::unknown_in_body`], any other refusal names the field.
    pub fn naming_in_body(self, field: &str) -> Self {
        if self.status == StatusCode::NOT_FOUND {
            ApiError::unknown_in_body(field)
        } else {
            self.with_field(field)
        }
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

/// Collects every refused field of a request, so that one answer lists them all.
#[derive(Debug, Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    /// The checked value; on a refusal, its type's default while the refusal is noted.
    pub fn take<T: Default>(&mut self, checked: Result<T, FieldError>) -> T {
        checked.unwrap_or_else(|e| {
            self.0.push(e);
            T::default()
        })
    }

    pub fn refuse(&mut self, field: &str, code: &str) {
        self.0.push(FieldError::new(field, code));
    }

    /// Adds the refusals of `other` that name a field not refused yet.
    pub fn merge(&mut self, other: Checks) {
        for e in other.0 {
            if !self.0.iter().any(|mine| mine.field == e.field) {
                self.0.push(e);
            }
        }
    }

    /// Refuses the request when any field was refused.
    pub fn done(self) -> ApiResult<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        Err(ApiError::fields(self.0))
    }
}

/// The refusal an error response carries, for the layer that writes it in the caller's
/// language (see [`crate::locale`]).
#[derive(Debug, Clone)]
pub struct Refused(pub ApiError);

impl ApiError {
    /// The response in `lang`.
    pub fn respond_in(mut self, lang: Language) -> Response {
        self.detail.localize(lang);
        let retry_after = self.detail.retry_after;
        let mut response = (
            self.status,
            [(
                axum::http::header::CONTENT_LANGUAGE,
                axum::http::HeaderValue::from_static(lang.as_str()),
            )],
            axum::Json(ErrorBody {
                error: *self.detail,
            }),
        )
            .into_response();
        if let Some(v) = retry_after.and_then(|secs| secs.to_string().parse().ok()) {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.clone().respond_in(Language::En);
        response.extensions_mut().insert(Refused(self));
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
            // Acting on a person in the wrong state: the field that is wrong, as a conflict.
            Refusal::WrongStatus => {
                return ApiError::field("status", "invalid_value")
                    .with_status(StatusCode::CONFLICT);
            }
            Refusal::NoTwoFactor => {
                return ApiError::field("two_factor", "invalid_value")
                    .with_status(StatusCode::CONFLICT);
            }
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
