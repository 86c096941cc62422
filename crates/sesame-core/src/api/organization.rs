use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::rules::Rights;
use crate::domain::{AccountKind, Language, Level, StructureKind};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub organization: String,
    pub user_id: String,
    pub password: String,
    /// The current code of the authenticator app, for people who enrolled 2FA.
    #[serde(default)]
    pub totp: Option<String>,
}

/// The signed-in account, as every screen needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub kind: AccountKind,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub level: Option<Level>,
    pub language: Language,
    pub two_factor: bool,
    pub must_change_password: bool,
    /// What this account may do, from the server's rules: the app shows only what they allow.
    pub rights: Rights,
    pub version: i64,
    pub organization: Organization,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Session {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    pub me: Me,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub organization: String,
    pub user_id: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ApiToken {
    pub token: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    pub kind: AccountKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Organization {
    pub code: String,
    pub name: String,
    pub default_language: Language,
    /// Public-service employers have "level 2 with approval".
    pub public_service: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Role {
    pub code: String,
    pub name_en: String,
    pub name_fr: String,
    /// What the role lets its holders do, in each language.
    pub description_en: String,
    pub description_fr: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRole {
    pub code: String,
    pub name_en: String,
    pub name_fr: String,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub description_fr: String,
}

/// New names and descriptions of a role; its code never changes (accounts refer to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleUpdate {
    pub name_en: String,
    pub name_fr: String,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub description_fr: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PersonRef {
    pub id: i64,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: Option<String>,
    pub level: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Structure {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kind: StructureKind,
    pub name: String,
    pub primary_manager: Option<PersonRef>,
    /// The structure's technical user, if it has one.
    pub technical_user_id: Option<i64>,
    /// The signed-in account may create or reset this structure's technical user.
    pub may_manage_technical_user: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStructure {
    #[serde(default)]
    pub parent_id: Option<i64>,
    pub kind: StructureKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenameStructure {
    pub version: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveStructure {
    pub version: i64,
    /// `null` makes a company (top of the tree).
    pub parent_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPrimaryManager {
    pub version: i64,
    /// A person of level 1 or 2; `null` removes the primary manager.
    pub person_id: Option<i64>,
}
