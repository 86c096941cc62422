//! What an audit line says beyond its action, as data: API clients read fields instead of
//! parsing prose, and each reader sees it in their own language.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{Language, Level, Status, StructureKind};

/// The detail of an audit entry; `kind` tells which fields follow. Never holds a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditDetail {
    /// An organization created (first use, `init` or the demo).
    Organization {
        code: String,
        name: String,
    },
    /// A person created or invited, with what they were given.
    Person {
        level: Level,
        roles: Vec<String>,
    },
    /// A person removed: who they were.
    PersonRemoved {
        name: String,
        level: Level,
    },
    /// A temporary password made for one person, or for several at once.
    TemporaryPassword {
        batch: bool,
    },
    /// Roles replaced (role codes).
    Roles {
        from: Vec<String>,
        to: Vec<String>,
    },
    /// The manager a person was placed under, or taken from.
    Manager {
        user_id: String,
    },
    /// The fields of an account that changed.
    Changes {
        changes: Vec<FieldChange>,
    },
    /// A role of the catalogue.
    Role {
        code: String,
    },
    /// A contact created, changed or removed.
    Contact {
        name: String,
        email: String,
    },
    /// A structure created.
    Structure {
        structure: StructureRef,
        structure_kind: StructureKind,
    },
    StructureRenamed {
        id: i64,
        from: String,
        to: String,
    },
    /// A structure moved under `parent`, or to the top (a company) when there is none.
    StructureMoved {
        structure: StructureRef,
        parent: Option<StructureRef>,
    },
    /// The structure whose primary manager or technical user the entry is about.
    OfStructure {
        structure: StructureRef,
    },
    /// A service user created.
    ServiceUser {
        application: String,
        scope: ScopeDetail,
    },
    /// A rotation: until when the previous password works, and the new one's expiry.
    Rotation {
        grace_days: i64,
        #[serde(with = "time::serde::rfc3339::option")]
        previous_until: Option<time::OffsetDateTime>,
        #[serde(with = "time::serde::rfc3339::option")]
        expires_at: Option<time::OffsetDateTime>,
    },
    /// The organization's validity of API credentials, in days (`None`: never expires).
    Validity {
        from: Option<i64>,
        to: Option<i64>,
    },
    /// A reminder mailed before a password expires.
    Reminder {
        days_before: i64,
        #[serde(with = "time::serde::rfc3339")]
        expires_at: time::OffsetDateTime,
        recipients: Vec<String>,
    },
    /// Repeated failed sign-ins on an account: the address that reached the limit, how many
    /// failures that took, until when other addresses are refused, and who was told.
    Attack {
        source: String,
        failures: i64,
        #[serde(with = "time::serde::rfc3339")]
        until: time::OffsetDateTime,
        recipients: Vec<String>,
    },
    /// Text written before details were structured, kept as it was.
    Legacy {
        text: String,
    },
}

/// One changed field, with its value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum FieldChange {
    UserId {
        from: String,
        to: String,
    },
    LastName {
        from: String,
        to: String,
    },
    FirstName {
        from: String,
        to: String,
    },
    Email {
        from: String,
        to: String,
    },
    Phone {
        from: String,
        to: String,
    },
    Application {
        from: String,
        to: String,
    },
    Level {
        from: Level,
        to: Level,
    },
    Language {
        from: Language,
        to: Language,
    },
    IsContact {
        from: bool,
        to: bool,
    },
    Status {
        from: Status,
        to: Status,
    },
    Scope {
        from: ScopeDetail,
        to: ScopeDetail,
    },
    /// A service user marked for SCIM provisioning, or no longer.
    Provisioning {
        from: bool,
        to: bool,
    },
    /// The service user's responsible person (a user ID; empty: every level-1 user).
    Responsible {
        from: String,
        to: String,
    },
}

/// A structure as it was named when the entry was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StructureRef {
    pub id: i64,
    pub name: String,
}

/// A service user's access, with the structures' names of the time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ScopeDetail {
    pub all_companies: bool,
    pub whole_structure: bool,
    pub structures: Vec<StructureRef>,
}

impl AuditDetail {
    /// The detail as stored: JSON. A value that does not read (a hand-edited row) is kept as
    /// legacy text rather than lost.
    pub fn from_stored(stored: &str) -> Option<AuditDetail> {
        if stored.is_empty() {
            return None;
        }
        Some(
            serde_json::from_str(stored).unwrap_or_else(|_| AuditDetail::Legacy {
                text: stored.to_owned(),
            }),
        )
    }

    pub fn to_stored(detail: Option<&AuditDetail>) -> String {
        detail
            .and_then(|d| serde_json::to_string(d).ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_travel_with_stable_field_names() {
        let d = AuditDetail::Person {
            level: Level::Three,
            roles: vec!["billing".into()],
        };
        assert_eq!(
            serde_json::to_value(&d).unwrap(),
            serde_json::json!({"kind": "person", "level": "level_3", "roles": ["billing"]})
        );
        let c = AuditDetail::Changes {
            changes: vec![FieldChange::Phone {
                from: "1".into(),
                to: "2".into(),
            }],
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"kind": "changes", "changes": [{"field": "phone", "from": "1", "to": "2"}]})
        );
        let stored = AuditDetail::to_stored(Some(&c));
        assert_eq!(AuditDetail::from_stored(&stored), Some(c));
        assert_eq!(AuditDetail::from_stored(""), None);
        assert_eq!(
            AuditDetail::from_stored("manager marie"),
            Some(AuditDetail::Legacy {
                text: "manager marie".into()
            })
        );
    }
}
