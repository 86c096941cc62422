//! Invitations, contacts, the audit log and the outbox.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::{ContactPurpose, Language, Level};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    pub email: String,
    #[serde(default)]
    pub roles: Vec<String>,
    /// Level 3 unless said otherwise.
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    /// Also record the person as a contact: then the names and the purpose are required.
    #[serde(default)]
    pub also_contact: bool,
    #[serde(default)]
    pub contact_purpose: Option<ContactPurpose>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Invitation {
    /// The invited person's account id.
    pub person_id: i64,
    pub email: String,
    pub level: Level,
    pub roles: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub sent_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// The link was used, expired or withdrawn.
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Contact {
    pub id: i64,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: Option<String>,
    /// What the contact is for; none yet for a user marked "also a contact" in their record.
    pub purpose: Option<ContactPurpose>,
    /// Set when the contact is also a user. A negative `id` is such a user with no contact
    /// entry of their own yet: modifying it creates one, removing it unmarks the user.
    pub person_id: Option<i64>,
}

/// A new contact, or the new values of one (`PUT /contacts/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewContact {
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    pub purpose: ContactPurpose,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub target_id: Option<i64>,
    pub target: String,
    /// What changed, without any secret; none when the action says it all.
    pub detail: Option<super::AuditDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: Option<i64>,
    #[serde(default)]
    pub target: Option<i64>,
    #[serde(default)]
    pub action: Option<String>,
    /// Part of the actor's user ID, ignoring case.
    #[serde(default)]
    pub who: Option<String>,
    /// Part of the target's name or user ID, ignoring case.
    #[serde(default)]
    pub whom: Option<String>,
    /// RFC 3339.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct OutboxMessage {
    pub id: i64,
    pub recipient: String,
    pub language: Language,
    pub subject: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// pending, sent or failed.
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}
