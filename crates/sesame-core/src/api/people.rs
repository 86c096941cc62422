use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::PersonRef;
use crate::domain::rules::Action;
use crate::domain::{Language, Level, Status};
use time::OffsetDateTime;

/// One row of the user follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PersonSummary {
    pub id: i64,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub level: Level,
    pub roles: Vec<String>,
    pub status: Status,
    pub two_factor: bool,
    pub is_contact: bool,
    pub language: Language,
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    /// What the reader may do to this person now, decided by the server's rules: the app
    /// offers these actions and no other.
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl PersonSummary {
    /// Whether the reader may take `action` on this person now.
    pub fn may(&self, action: Action) -> bool {
        self.actions.contains(&action)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PeoplePage {
    pub items: Vec<PersonSummary>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeopleSort {
    #[default]
    Name,
    UserId,
    Email,
    Phone,
    Level,
    Status,
}

impl PeopleSort {
    pub const ALL: [PeopleSort; 6] = [
        PeopleSort::Name,
        PeopleSort::UserId,
        PeopleSort::Email,
        PeopleSort::Phone,
        PeopleSort::Level,
        PeopleSort::Status,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// Searches name, user ID and email, ignoring case and accents; at most 200 characters.
    #[serde(default)]
    #[param(max_length = 200)]
    pub q: Option<String>,
    #[serde(default)]
    pub sort: Option<PeopleSort>,
    #[serde(default)]
    pub desc: Option<bool>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub status: Option<Status>,
    /// Only the people holding this role (its code).
    #[serde(default)]
    #[param(max_length = 200)]
    pub role: Option<String>,
    /// Only the people with (`true`) or without (`false`) two-step verification.
    #[serde(default)]
    pub two_factor: Option<bool>,
    /// 1..=5000, default 100.
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub cursor: Option<String>,
}

impl PeopleQuery {
    /// The longest search accepted, in characters.
    pub const SEARCH_MAX_CHARS: usize = 200;

    /// Whether the search is longer than the server accepts (every listing of people refuses it).
    pub fn search_too_long(&self) -> bool {
        self.q
            .as_deref()
            .is_some_and(|q| q.chars().count() > Self::SEARCH_MAX_CHARS)
    }

    /// Whether the role asked for is longer than any the server accepts.
    pub fn role_too_long(&self) -> bool {
        self.role
            .as_deref()
            .is_some_and(|r| r.chars().count() > Self::SEARCH_MAX_CHARS)
    }
}

/// The user identification record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PersonRecord {
    #[serde(flatten)]
    pub person: PersonSummary,
    /// Section 3: the users under this user's charge.
    pub under_charge: Vec<PersonRef>,
    /// Who has this user under their charge.
    pub managers: Vec<PersonRef>,
    /// The other levels the reader may give this user now (empty: the level stays).
    pub levels: Vec<Level>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPerson {
    pub last_name: String,
    pub first_name: String,
    pub user_id: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    pub level: Level,
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub is_contact: bool,
}

/// Returned once at creation: the record and its temporary password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CreatedPerson {
    pub person: PersonRecord,
    pub temporary_password: String,
}

/// Absent fields stay as they are. `version` must be the version that was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonUpdate {
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// An empty string removes the phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_contact: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RolesUpdate {
    pub roles: Vec<String>,
}

/// A password shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct OneTimePassword {
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MyDetailsUpdate {
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// The start of a TOTP enrollment: put the secret in an authenticator app, then confirm a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TwoFactorEnrollment {
    pub secret: String,
    pub otpauth_uri: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TwoFactorCode {
    pub code: String,
}

/// What a person can see and do (`GET /people/{id}/reach`), computed by the rules that
/// enforce it: `people` is the page their own user list would return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ReachPreview {
    pub person: PersonRef,
    pub level: Level,
    /// How many people they see in their user list (themselves included).
    pub sees: i64,
    /// A page of those people, as their own listing with the same query returns it.
    pub people: PeoplePage,
    /// What they may do to the other people of each level.
    pub by_level: Vec<crate::domain::rules::LevelReach>,
    /// The levels they may give when creating or inviting someone.
    pub grantable_levels: Vec<Level>,
    /// The structures they are primary manager of.
    pub primary_manager_of: Vec<super::StructureRef>,
}

/// Initialize the passwords of several people at once (all or none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchInitialize {
    #[serde(deserialize_with = "super::whole::list")]
    pub ids: Vec<i64>,
}

/// The same roles for several people at once (all or none): each one's roles become `roles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRoles {
    #[serde(deserialize_with = "super::whole::list")]
    pub ids: Vec<i64>,
    pub roles: Vec<String>,
}

/// One temporary password of a batch, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InitializedPassword {
    pub id: i64,
    pub password: String,
}
