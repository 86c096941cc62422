//! Service users and technical users: API-only accounts.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::PersonRef;
use crate::domain::rules::ServiceUserAction;
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
    #[serde(flatten)]
    pub password: PasswordValidity,
    /// The person reminded before the password expires; `null`: every level-1 user.
    pub responsible: Option<PersonRef>,
    #[serde(deserialize_with = "super::whole::number")]
    pub version: i64,
    /// What the reader may do to it now, decided by the server's rules.
    #[serde(default)]
    pub actions: Vec<ServiceUserAction>,
}

impl ServiceUser {
    /// Whether the reader may take `action` on this service user now.
    pub fn may(&self, action: ServiceUserAction) -> bool {
        self.actions.contains(&action)
    }

    /// The service user as `actor` may act on it.
    pub fn for_reader(self, actor: &crate::domain::rules::Actor) -> ServiceUser {
        ServiceUser {
            actions: actor.service_user_actions(
                self.provisioning,
                self.status == crate::domain::Status::Active,
            ),
            ..self
        }
    }
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
    /// The person reminded before the password expires (a person of the organization);
    /// `null` goes back to every level-1 user; absent leaves it as it is.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::whole::present_optional"
    )]
    #[schema(value_type = Option<i64>)]
    pub responsible_id: Option<Option<i64>>,
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
    #[serde(flatten)]
    pub password: PasswordValidity,
}

/// Returned once: the technical user and its password (the summary screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CreatedTechnicalUser {
    pub technical_user: TechnicalUser,
    pub password: String,
}

/// When a service or technical user's passwords stop working.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PasswordValidity {
    /// When the current password was issued.
    #[serde(with = "time::serde::rfc3339::option")]
    pub password_set_at: Option<OffsetDateTime>,
    /// When the current password stops working; `null`: it never expires (the organization
    /// chose "never" when it was issued).
    #[serde(with = "time::serde::rfc3339::option")]
    pub password_expires_at: Option<OffsetDateTime>,
    /// After a rotation, until when the previous password still works; `null`: it no longer
    /// does.
    #[serde(with = "time::serde::rfc3339::option")]
    pub previous_password_until: Option<OffsetDateTime>,
}

/// A new password of a service or technical user (reset or rotation), in this response only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct IssuedPassword {
    pub password: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub expires_at: Option<OffsetDateTime>,
    /// After a rotation: until when the previous password keeps working (`null` after a
    /// reset, which replaces it at once, or when it had already expired).
    #[serde(with = "time::serde::rfc3339::option")]
    pub previous_password_until: Option<OffsetDateTime>,
}

/// A service user's provisioning token, in this response only: the bearer token an identity
/// provider (Entra ID, Okta) keeps for `/scim/v2`, valid until `expires_at` or until the next
/// one is issued, the service user unmarked, suspended or its password reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ProvisioningToken {
    pub token: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// A rotation: a new password while the current one keeps working for `grace_days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotatePassword {
    /// 1 to 30 days; 7 when absent.
    #[serde(default = "default_grace", deserialize_with = "super::whole::number")]
    pub grace_days: i64,
}

impl Default for RotatePassword {
    fn default() -> Self {
        RotatePassword {
            grace_days: DEFAULT_GRACE_DAYS,
        }
    }
}

pub const DEFAULT_GRACE_DAYS: i64 = 7;
pub const MAX_GRACE_DAYS: i64 = 30;
pub const DEFAULT_VALIDITY_DAYS: i64 = 365;
pub const MAX_VALIDITY_DAYS: i64 = 3650;

fn default_grace() -> i64 {
    DEFAULT_GRACE_DAYS
}

/// The organization's validity of API credentials, for passwords issued from now on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CredentialValidity {
    /// 1 to 3650 days; `null` means the passwords never expire (an explicit choice: the field
    /// is required).
    #[serde(deserialize_with = "super::whole::optional")]
    #[schema(required = true)]
    pub days: Option<i64>,
}

/// Which API credentials the health view keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HealthFilter {
    NeverUsed,
    /// Not used for 90 days (never used included).
    #[serde(rename = "unused_90_days")]
    Unused90Days,
    /// Expires within 30 days (not yet expired).
    #[serde(rename = "expires_within_30_days")]
    ExpiresWithin30Days,
    Expired,
}

impl HealthFilter {
    pub const ALL: [HealthFilter; 4] = [
        HealthFilter::NeverUsed,
        HealthFilter::Unused90Days,
        HealthFilter::ExpiresWithin30Days,
        HealthFilter::Expired,
    ];

    /// The value on the wire (and the suffix of its text's id).
    pub fn as_str(self) -> &'static str {
        match self {
            HealthFilter::NeverUsed => "never_used",
            HealthFilter::Unused90Days => "unused_90_days",
            HealthFilter::ExpiresWithin30Days => "expires_within_30_days",
            HealthFilter::Expired => "expired",
        }
    }

    /// Does a credential with these facts pass the filter?
    pub fn keeps(self, h: &CredentialHealth) -> bool {
        match self {
            HealthFilter::NeverUsed => h.last_used_at.is_none(),
            HealthFilter::Unused90Days => h.days_since_use.is_none_or(|d| d >= 90),
            HealthFilter::ExpiresWithin30Days => {
                h.days_to_expiry.is_some_and(|d| (0..=30).contains(&d)) && !h.expired
            }
            HealthFilter::Expired => h.expired,
        }
    }
}

/// `GET /credentials` query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HealthQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<HealthFilter>,
}

/// The kind of an API credential's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    ServiceUser,
    TechnicalUser,
}

impl CredentialKind {
    pub const ALL: [CredentialKind; 2] =
        [CredentialKind::ServiceUser, CredentialKind::TechnicalUser];

    /// The value on the wire (and the suffix of its text's key).
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialKind::ServiceUser => "service_user",
            CredentialKind::TechnicalUser => "technical_user",
        }
    }
}

/// One API account's credential, as the health view shows it; the days are counted by the
/// server's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CredentialHealth {
    pub kind: CredentialKind,
    pub id: i64,
    /// User code of a service user, login of a technical user.
    pub user_id: String,
    /// A service user's application, a technical user's structure.
    pub label: String,
    pub status: Status,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    /// Whole days since the last use; `null`: never used.
    pub days_since_use: Option<i64>,
    /// Whole days since the current password was issued.
    pub age_days: i64,
    #[serde(flatten)]
    pub password: PasswordValidity,
    /// Days left before the password expires, rounded up (0 or less once expired); `null`:
    /// never.
    pub days_to_expiry: Option<i64>,
    pub expired: bool,
    /// Who is reminded before expiry: a technical user's primary manager, a service user's
    /// responsible person, or else every level-1 user.
    pub owners: Vec<PersonRef>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_filters_read_as_written() {
        for f in HealthFilter::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
    }
}
