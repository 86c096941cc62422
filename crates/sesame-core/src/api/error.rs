use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Stable machine codes: the client turns each into a localized message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No or unknown session token.
    Unauthenticated,
    SessionExpired,
    /// Wrong organization code, user ID or password (never says which).
    InvalidCredentials,
    /// Too many failed sign-ins: wait and try again.
    AccountLocked,
    /// A service or technical user tried the interactive sign-in.
    InteractiveSignInRefused,
    /// A person asked for an API token.
    NotAnApiAccount,
    /// A temporary password must be changed before anything else.
    PasswordChangeRequired,
    TwoFactorRequired,
    InvalidTwoFactorCode,
    AccountSuspended,
    /// The person is suspended: no new password nor letter until they are reactivated.
    PersonSuspended,
    Forbidden,
    NotFound,
    /// The record changed since it was read: reload, nothing was overwritten.
    StaleVersion,
    DuplicateUserId,
    Duplicate,
    LastLevelOne,
    NotOnSelf,
    OwnLevel,
    LevelNotGrantable,
    ApprovalUnavailable,
    /// Issuing credentials and changing structures is for people signed in interactively.
    PeopleOnly,
    InvalidField,
    UnknownField,
    InvalidJson,
    BodyTooLarge,
    WrongPassword,
    WeakPassword,
    InvitationInvalid,
    StructureCycle,
    NoPrimaryManager,
    TechnicalUserExists,
    /// A structure with sub-structures cannot be removed (see `held_by`).
    StructureHasSubStructures,
    /// A structure with a technical user cannot be removed (see `held_by`).
    StructureHasTechnicalUser,
    /// A structure in a service user's access cannot be removed (see `held_by`).
    StructureInServiceUserAccess,
    Internal,
}

impl ErrorCode {
    /// The code as it appears on the wire (and as the suffix of its Fluent message id).
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorDetail {
    pub code: ErrorCode,
    /// The offending request field, when one is to blame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A finer reason for a field (e.g. `too_long`, `user_code_length`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// English text for logs and developers; people see the client's localized text.
    pub message: String,
    /// For `stale_version`: the version now stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i64>,
    /// For `account_locked`: seconds to wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<i64>,
    /// For a refused batch (all or none): every person refused, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<RefusedPerson>,
    /// For a structure that cannot be removed: everything that still holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<super::StructureHolders>,
}

/// One person a batch refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RefusedPerson {
    pub id: i64,
    /// Absent when the person is not visible to the caller (`not_found`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    pub code: ErrorCode,
}

/// Every error response: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}
