use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::rules::{Rights, StructureAction};
use crate::domain::{AccountKind, Language, Level, Status, StructureKind};
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
    #[serde(deserialize_with = "super::whole::number")]
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
    /// How documents holding a password are handed over (level 1 sets it).
    #[serde(default)]
    pub documents: DocumentSettings,
    /// The API address a vendor is given on a connection sheet: `documents.public_api_url`,
    /// else the server's public address; `None` when that is this computer's own (loopback),
    /// which no vendor reaches.
    #[serde(default)]
    pub api_address: Option<String>,
}

/// How the organization hands documents over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentSettings {
    /// A PDF holding a password is saved protected by a passphrase unless the person unticks
    /// it.
    pub protect_documents: bool,
    /// This organization's API address for vendors (`https://sesame.example.org/api/v1`), when
    /// it differs from the server's own (a reverse proxy, another name); `None`: the server's.
    #[serde(default)]
    pub public_api_url: Option<String>,
}

impl Default for DocumentSettings {
    fn default() -> DocumentSettings {
        DocumentSettings {
            protect_documents: true,
            public_api_url: None,
        }
    }
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
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub parent_id: Option<i64>,
    pub kind: StructureKind,
    pub name: String,
    pub primary_manager: Option<PersonRef>,
    /// The structure's technical user, if it has one.
    pub technical_user_id: Option<i64>,
    /// What the reader may do to this structure now, decided by the server's rules.
    pub actions: Vec<StructureAction>,
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
}

impl Structure {
    /// Whether the reader may take `action` on this structure now.
    pub fn may(&self, action: StructureAction) -> bool {
        self.actions.contains(&action)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStructure {
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub parent_id: Option<i64>,
    pub kind: StructureKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenameStructure {
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveStructure {
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    /// `null` makes a company (top of the tree).
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub parent_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPrimaryManager {
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    /// A person of level 1 or 2; `null` removes the primary manager.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub person_id: Option<i64>,
}

/// What keeps a structure from being removed; empty lists mean nothing of that kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StructureHolders {
    pub sub_structures: Vec<super::StructureRef>,
    /// The user ID of the structure's technical user.
    pub technical_user: Option<String>,
    /// The user codes of the service users whose chosen access names this structure.
    pub service_users: Vec<String>,
}

impl StructureHolders {
    pub fn is_empty(&self) -> bool {
        self.sub_structures.is_empty()
            && self.technical_user.is_none()
            && self.service_users.is_empty()
    }
}

/// Everyone and every account that reaches a structure (`GET /structures/{id}/connected-users`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ConnectedUsers {
    pub structure: super::StructureRef,
    /// Its primary manager, the primary managers of the structures above it (each reaches its
    /// subtree) and the level-1 users (who manage every structure), as far as the reader sees.
    pub people: Vec<ConnectedPerson>,
    /// Technical users acting for one of those primary managers.
    pub technical_users: Vec<ConnectedAccount>,
    /// Service users whose access covers the structure (level-1 readers only).
    pub service_users: Vec<ConnectedAccount>,
}

/// Why an account reaches the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConnectedVia {
    /// Primary manager of the structure itself (or, with `through`, of a structure above it).
    PrimaryManager,
    /// A level-1 user: manages every structure.
    LevelOne,
    /// A technical user: acts with the rights of the primary manager of `through`.
    TechnicalUser,
    /// A service user whose chosen access includes `through` (absent: all companies or the
    /// whole structure).
    ServiceAccess,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ConnectedPerson {
    pub person: PersonRef,
    pub status: Status,
    pub via: ConnectedVia,
    /// The structure through which it reaches this one, when not this one itself.
    pub through: Option<super::StructureRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ConnectedAccount {
    pub id: i64,
    /// A technical user's user ID, or a service user's user code.
    pub user_id: String,
    /// The service user's application (empty for a technical user).
    pub application: String,
    pub status: Status,
    pub via: ConnectedVia,
    pub through: Option<super::StructureRef>,
}
