//! What the rules send to the app: the rights of the signed-in account, what it may do to each
//! level, and a compact set of per-person actions for the app's 100,000 rows.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Action;
use crate::domain::Level;

/// A set of [`Action`]s in two bytes: what the app keeps of each of 100,000 rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ActionSet(u16);

impl ActionSet {
    fn bit(a: Action) -> u16 {
        1 << Action::ALL.iter().position(|x| *x == a).unwrap_or(15)
    }

    pub fn contains(self, a: Action) -> bool {
        self.0 & Self::bit(a) != 0
    }

    pub fn to_vec(self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| self.contains(*a))
            .collect()
    }
}

impl<'a> FromIterator<&'a Action> for ActionSet {
    fn from_iter<I: IntoIterator<Item = &'a Action>>(iter: I) -> Self {
        ActionSet(iter.into_iter().fold(0, |m, a| m | Self::bit(*a)))
    }
}

/// What an account may do to the other people of one level (see [`Actor::reach_by_level`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LevelReach {
    pub level: Level,
    /// To every person of this level.
    pub anyone: Vec<Action>,
    /// In addition, to those of this level under their charge.
    pub under_charge: Vec<Action>,
}

/// What the signed-in account may do, computed by the server from [`Actor`]'s rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Rights {
    /// The user follow-up (levels 1 and 2).
    pub list_people: bool,
    /// Levels it may give when creating or inviting a person (empty: it creates nobody).
    pub grantable_levels: Vec<Level>,
    /// The structures screen: levels 1 and 2, among whom are the primary managers.
    pub see_structures: bool,
    pub manage_structures: bool,
    pub manage_service_users: bool,
    /// The technical user of every structure (otherwise only of the structures it is primary
    /// manager of: see each structure's `may_manage_technical_user`).
    pub manage_all_technical_users: bool,
    pub manage_contacts: bool,
    pub manage_roles: bool,
    pub read_audit: bool,
    pub read_outbox: bool,
    /// The organization's document settings (see [`crate::api::DocumentSettings`]).
    #[serde(default)]
    pub set_document_settings: bool,
}
