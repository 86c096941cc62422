//! Service users and technical users: API-only accounts.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::PersonRef;
use crate::domain::{Language, Scope, Status};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ServiceUser {
    pub id: i64,
    pub user_code: String,
    pub application: String,
    pub status: Status,
    pub language: Language,
    pub scope: Scope,
    /// Marked for provisioning by a level-1 user: its API tokens may create, change and suspend
    /// people under `/scim/v2`, with the rights of the level-1 user who marked it.
    #[serde(default)]
    pub provisioning: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewServiceUser {
    /// 6 to 10 ASCII letters or digits.
    pub user_code: String,
    pub application: String,
    #[serde(default = "active")]
    pub status: Status,
    #[serde(default)]
    pub language: Language,
    pub scope: Scope,
}

fn active() -> Status {
    Status::Active
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceUserUpdate {
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Marks (or unmarks) the service user for SCIM provisioning; the level-1 user who marks it
    /// lends it their rights there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning: Option<bool>,
}

/// Returned once: the account and its password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CreatedServiceUser {
    pub service_user: ServiceUser,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TechnicalUser {
    pub id: i64,
    /// The login sent with the organization code.
    pub user_id: String,
    pub structure_id: i64,
    pub structure_name: String,
    pub status: Status,
    /// Always the primary manager's address: follows a change of manager or of address.
    pub contact_email: Option<String>,
    pub primary_manager: Option<PersonRef>,
    /// The primary manager's language: documents about this account use it.
    pub manager_language: Option<Language>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
}

/// Returned once: the technical user and its password (the summary screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CreatedTechnicalUser {
    pub technical_user: TechnicalUser,
    pub password: String,
}
