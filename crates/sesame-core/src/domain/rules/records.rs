//! What may be done to the records beside people: structures and service users. The actions
//! are sent with every record the API returns, so the app offers these and no other.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Actor;

/// One thing the reader may do to a structure now, as sent with every structure the API
/// returns: the app offers these and no other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StructureAction {
    Rename,
    Move,
    /// Only what nothing depends on: no sub-structure, no technical user, in no service user's
    /// access.
    Remove,
    NamePrimaryManager,
    /// A structure with a primary manager and no technical user yet.
    CreateTechnicalUser,
    /// Its technical user's password: reset, rotated, the previous one ended.
    ManageTechnicalUser,
}

/// One thing the reader may do to a service user now, as sent with every service user the API
/// returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceUserAction {
    /// Its application, status, language, access, responsible person, provisioning.
    Modify,
    ResetPassword,
    RotatePassword,
    /// End the previous password's grace period at once.
    EndPreviousPassword,
    /// A long-lived token for `/scim/v2` (replacing the previous one): only for an active
    /// service user marked for provisioning.
    IssueProvisioningToken,
}

impl Actor {
    /// Everything this actor may do to a service user now: level-1 users, signed in as
    /// people, everything (a provisioning token only for an active service user marked for
    /// provisioning); anyone else nothing (they do not see it).
    pub fn service_user_actions(&self, provisioning: bool, active: bool) -> Vec<ServiceUserAction> {
        use ServiceUserAction as A;
        match self.may_manage_service_users() {
            Ok(()) => [
                (A::Modify, true),
                (A::ResetPassword, true),
                (A::RotatePassword, true),
                (A::EndPreviousPassword, true),
                (A::IssueProvisioningToken, provisioning && active),
            ]
            .into_iter()
            .filter_map(|(action, allowed)| allowed.then_some(action))
            .collect(),
            Err(_) => vec![],
        }
    }
}

/// What the rules need to know of a structure to say what may be done to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StructureFacts {
    pub primary_manager: Option<i64>,
    pub has_technical_user: bool,
    /// Something depends on it (sub-structures, its technical user, service users' access).
    pub held: bool,
}

impl Actor {
    /// Everything this actor may do to a structure now.
    pub fn structure_actions(&self, s: &StructureFacts) -> Vec<StructureAction> {
        use StructureAction as A;
        let manage = self.may_manage_structures().is_ok();
        let technical = self.may_manage_technical_user(s.primary_manager).is_ok();
        [
            (A::Rename, manage),
            (A::Move, manage),
            (A::Remove, manage && !s.held),
            (A::NamePrimaryManager, manage),
            (
                A::CreateTechnicalUser,
                technical && s.primary_manager.is_some() && !s.has_technical_user,
            ),
            (A::ManageTechnicalUser, technical && s.has_technical_user),
        ]
        .into_iter()
        .filter_map(|(action, allowed)| allowed.then_some(action))
        .collect()
    }
}
