//! Who may see and change whom: PRODUCT.md's level table as plain functions.
//!
//! The server asks these functions before every change, and builds its listing filters from
//! [`Visibility`], so the table lives here once.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AccountKind, Level, Status};

/// Whose rights an account acts with: a person's own, or, for a technical user, those of its
/// structure's primary manager (followed at every request, so a change of manager applies at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    pub person_id: i64,
    pub level: Level,
}

/// The signed-in account, as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account_id: i64,
    pub org_id: i64,
    pub kind: AccountKind,
    /// `None` for service users and for a technical user whose structure has no active manager.
    pub reach: Option<Reach>,
    /// The organization is a public-service employer: "level 2 with approval" exists there.
    pub public_service: bool,
}

/// A person an action is aimed at, with the facts the rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: i64,
    pub org_id: i64,
    pub level: Level,
    pub status: Status,
    /// The target is under the charge of the actor's reach person.
    pub under_charge: bool,
    /// How many active level-1 users the organization has (the target included).
    pub active_level_one: i64,
    /// The target has enrolled two-factor authentication (there is something to reset).
    pub two_factor: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    See,
    /// Contact details: names, email, phone, language (not the level: see
    /// [`Actor::may_set_level`]).
    Modify,
    /// The user ID and the contact flag, beside the contact details: for whoever manages the
    /// person (a level-3 user keeps their own contact details, not their user ID).
    ModifyIdentity,
    Delete,
    InitializePassword,
    UpdateRoles,
    /// An active or invited person; a suspended one is reactivated instead.
    Suspend,
    /// A suspended person only (an invited one becomes active by confirming).
    Reactivate,
    /// Someone enrolled in two-factor authentication.
    ResetTwoFactor,
    /// Placing people under this person's charge or taking them off it.
    LinkUnderCharge,
    /// Resending or cancelling the invitation of a person still invited.
    ManageInvitation,
    /// Seeing what a level-1 or level-2 person can see and do (their reach).
    PreviewReach,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::See,
        Action::Modify,
        Action::ModifyIdentity,
        Action::Delete,
        Action::InitializePassword,
        Action::UpdateRoles,
        Action::Suspend,
        Action::Reactivate,
        Action::ResetTwoFactor,
        Action::LinkUnderCharge,
        Action::ManageInvitation,
        Action::PreviewReach,
    ];
}

/// Why an action is refused; each maps to one stable API error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The target is not visible to the actor: answered as "not found", so nothing leaks.
    NotFound,
    Forbidden,
    /// Deleting, suspending or resetting one's own account is done by another administrator.
    NotOnSelf,
    /// The last active level-1 user can never be deleted, demoted or suspended.
    LastLevelOne,
    /// Nobody grants a level above their own (or approval they lack).
    LevelNotGrantable,
    /// "Level 2 with approval" exists only for public-service employers.
    ApprovalUnavailable,
    /// Nobody changes their own level.
    OwnLevel,
    /// Issuing credentials and changing structures is for people signed in interactively.
    PeopleOnly,
    /// A suspended person gets no new password (nor a letter telling them to sign in): they
    /// could not sign in with it. Reactivate them first.
    Suspended,
    /// The action does not apply to the person's status: suspending someone suspended,
    /// reactivating someone active or invited, a password or an invitation for the wrong status.
    WrongStatus,
    /// Resetting two-factor authentication of someone who has not enrolled it.
    NoTwoFactor,
}

/// Which people an actor sees in the user list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Level 1: every person of the organization.
    Everyone,
    /// Level 2 (with or without approval): all level-2 users (themselves among them: `person_id`
    /// is their reach, a level-2 user), and the level-3 users under their charge.
    LevelTwoAndCharge { person_id: i64 },
    /// Level 3: only their own record.
    OnlySelf { person_id: i64 },
    /// Service users: no people at all.
    Nobody,
}

impl Actor {
    /// A person signed in with their own rights.
    pub fn person(account_id: i64, org_id: i64, level: Level, public_service: bool) -> Actor {
        Actor {
            account_id,
            org_id,
            kind: AccountKind::Person,
            reach: Some(Reach {
                person_id: account_id,
                level,
            }),
            public_service,
        }
    }

    pub fn visibility(&self) -> Visibility {
        match self.reach {
            None => Visibility::Nobody,
            Some(r) => match r.level {
                Level::One => Visibility::Everyone,
                Level::TwoWithApproval | Level::Two => Visibility::LevelTwoAndCharge {
                    person_id: r.person_id,
                },
                Level::Three => Visibility::OnlySelf {
                    person_id: r.person_id,
                },
            },
        }
    }

    /// May this actor open the user list at all (levels 1 and 2)?
    pub fn has_user_list(&self) -> bool {
        matches!(
            self.visibility(),
            Visibility::Everyone | Visibility::LevelTwoAndCharge { .. }
        )
    }

    fn is_self(&self, target_id: i64) -> bool {
        self.reach.is_some_and(|r| r.person_id == target_id)
    }

    pub fn sees(&self, t: &Target) -> bool {
        if t.org_id != self.org_id {
            return false;
        }
        match self.visibility() {
            Visibility::Everyone => true,
            Visibility::LevelTwoAndCharge { person_id } => {
                t.level.is_level_two()
                    || t.id == person_id
                    || t.level == Level::Three && t.under_charge
            }
            Visibility::OnlySelf { person_id } => t.id == person_id,
            Visibility::Nobody => false,
        }
    }

    /// May create, modify, delete and initialize the password of `t` (the level table's right
    /// column), before the self and last-level-1 exceptions.
    pub fn manages(&self, t: &Target) -> bool {
        let Some(r) = self.reach else { return false };
        if !self.sees(t) {
            return false;
        }
        match r.level {
            Level::One => true,
            Level::TwoWithApproval => {
                t.level.is_level_two() || t.level == Level::Three && t.under_charge
            }
            Level::Two => t.level == Level::Two || t.level == Level::Three && t.under_charge,
            Level::Three => false,
        }
    }

    fn is_last_level_one(t: &Target) -> bool {
        t.level == Level::One && t.status == Status::Active && t.active_level_one <= 1
    }

    /// The decision for one action on one person, as it stands now (its status included).
    pub fn may(&self, action: Action, t: &Target) -> Result<(), Refusal> {
        if !self.sees(t) {
            return Err(Refusal::NotFound);
        }
        let own = self.is_self(t.id);
        match action {
            Action::See => Ok(()),
            Action::PreviewReach => self.may_preview_reach(t),
            // Everyone keeps their own contact details up to date.
            Action::Modify if own => Ok(()),
            Action::LinkUnderCharge => {
                if self.may_link_under_charge(t) {
                    Ok(())
                } else {
                    Err(Refusal::Forbidden)
                }
            }
            // The sole administrator removing themselves hears the real reason.
            Action::Delete | Action::Suspend if own && Self::is_last_level_one(t) => {
                Err(Refusal::LastLevelOne)
            }
            Action::Delete
            | Action::Suspend
            | Action::InitializePassword
            | Action::ResetTwoFactor
                if own =>
            {
                Err(Refusal::NotOnSelf)
            }
            _ if !self.manages(t) => Err(Refusal::Forbidden),
            Action::Delete | Action::Suspend if Self::is_last_level_one(t) => {
                Err(Refusal::LastLevelOne)
            }
            _ => Self::applies(action, t),
        }
    }

    /// Whether an allowed action applies to the person as they are now.
    fn applies(action: Action, t: &Target) -> Result<(), Refusal> {
        let status = t.status;
        match action {
            Action::InitializePassword if status == Status::Suspended => Err(Refusal::Suspended),
            // An invited person sets their password from the invitation.
            Action::InitializePassword if status == Status::Invited => Err(Refusal::WrongStatus),
            Action::Suspend if status == Status::Suspended => Err(Refusal::WrongStatus),
            Action::Reactivate if status != Status::Suspended => Err(Refusal::WrongStatus),
            Action::ManageInvitation if status != Status::Invited => Err(Refusal::WrongStatus),
            Action::ResetTwoFactor if !t.two_factor => Err(Refusal::NoTwoFactor),
            _ => Ok(()),
        }
    }

    /// Everything this actor may do to `t` now, as sent with every person the API returns:
    /// the app offers these and nothing else.
    pub fn actions_on(&self, t: &Target) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| *a != Action::See && self.may(*a, t).is_ok())
            .collect()
    }

    /// The other levels this actor may give `t` now (empty: their level stays).
    pub fn levels_for(&self, t: &Target) -> Vec<Level> {
        Level::ALL
            .into_iter()
            .filter(|l| *l != t.level && self.may_set_level(t, *l).is_ok())
            .collect()
    }

    /// May this actor give `level` to someone (at creation or by a change)?
    pub fn may_grant(&self, level: Level) -> Result<(), Refusal> {
        if level == Level::TwoWithApproval && !self.public_service {
            return Err(Refusal::ApprovalUnavailable);
        }
        let Some(r) = self.reach else {
            return Err(Refusal::Forbidden);
        };
        let allowed = match r.level {
            Level::One => true,
            Level::TwoWithApproval => level != Level::One,
            Level::Two => matches!(level, Level::Two | Level::Three),
            Level::Three => false,
        };
        if allowed {
            Ok(())
        } else if r.level == Level::Three {
            Err(Refusal::Forbidden)
        } else {
            Err(Refusal::LevelNotGrantable)
        }
    }

    /// Creating a person (or an invitation) of `level`.
    pub fn may_create(&self, level: Level) -> Result<(), Refusal> {
        if !self.has_user_list() {
            return Err(Refusal::Forbidden);
        }
        self.may_grant(level)
    }

    /// A level-3 user created by a level-2 user is placed under that user's charge.
    pub fn places_under_charge(&self, level: Level) -> Option<i64> {
        match self.reach {
            Some(r) if r.level.is_level_two() && level == Level::Three => Some(r.person_id),
            _ => None,
        }
    }

    /// Changing `t`'s level to `new_level`.
    pub fn may_set_level(&self, t: &Target, new_level: Level) -> Result<(), Refusal> {
        if new_level == t.level {
            return Ok(());
        }
        if self.is_self(t.id) {
            return Err(Refusal::OwnLevel);
        }
        self.may(Action::Modify, t)?;
        self.may_grant(new_level)?;
        if Self::is_last_level_one(t) {
            return Err(Refusal::LastLevelOne);
        }
        Ok(())
    }

    /// Placing `subordinate` under `manager`'s charge, or taking them off it.
    pub fn may_link(&self, manager: &Target, subordinate: &Target) -> Result<(), Refusal> {
        self.may_choose_charge_of(manager)?;
        if !self.sees(subordinate) {
            return Err(Refusal::NotFound);
        }
        if !self.manages(subordinate) {
            return Err(Refusal::Forbidden);
        }
        if !Self::may_be_under_charge_of(subordinate.level, manager.level) {
            return Err(Refusal::LevelNotGrantable);
        }
        Ok(())
    }

    /// May this actor place anyone under `manager`'s charge, or take them off it? The part of
    /// [`Actor::may_link`] that does not depend on the subordinate, sent with the record so the
    /// app offers links only where they would be accepted.
    pub fn may_link_under_charge(&self, manager: &Target) -> bool {
        self.may_choose_charge_of(manager).is_ok()
            && Level::ALL
                .into_iter()
                .any(|level| Self::may_be_under_charge_of(level, manager.level))
    }

    fn may_choose_charge_of(&self, manager: &Target) -> Result<(), Refusal> {
        self.may(Action::Modify, manager)?;
        if self.is_self(manager.id) && self.reach.is_some_and(|r| r.level != Level::One) {
            // A level-2 user does not choose who is under their own charge.
            return Err(Refusal::Forbidden);
        }
        Ok(())
    }

    /// Only someone of a higher level can have someone under their charge: a link that a
    /// change of level breaks is taken off.
    pub fn may_be_under_charge_of(subordinate: Level, manager: Level) -> bool {
        subordinate.rank() > manager.rank()
    }

    /// May this actor make change `c` to `t`? The same question however the change arrives
    /// (the API, SCIM, the import): modifying them at all, their level, their identity.
    pub fn may_change(&self, t: &Target, c: &Change) -> Result<(), Refusal> {
        self.may(Action::Modify, t)?;
        if let Some(level) = c.level {
            self.may_set_level(t, level)?;
        }
        if c.identity {
            self.may(Action::ModifyIdentity, t)?;
        }
        Ok(())
    }

    fn is_level_one(&self) -> bool {
        self.reach.is_some_and(|r| r.level == Level::One)
    }

    fn is_person_of_level_one(&self) -> bool {
        self.kind == AccountKind::Person && self.is_level_one()
    }

    /// Service users: level-1 users only, signed in as people.
    pub fn may_manage_service_users(&self) -> Result<(), Refusal> {
        match (self.kind, self.is_level_one()) {
            (AccountKind::Person, true) => Ok(()),
            (AccountKind::Person, false) => Err(Refusal::Forbidden),
            _ => Err(Refusal::PeopleOnly),
        }
    }

    /// Structures and their primary managers: level-1 users only, signed in as people.
    pub fn may_manage_structures(&self) -> Result<(), Refusal> {
        self.may_manage_service_users()
    }

    /// A structure's connected users: people with a user list (levels 1 and 2), who see in it
    /// the people they see anyway, and the service users if they manage those.
    pub fn may_see_connected_users(&self) -> Result<(), Refusal> {
        match self.kind {
            AccountKind::Person if self.has_user_list() => Ok(()),
            AccountKind::Person => Err(Refusal::Forbidden),
            _ => Err(Refusal::PeopleOnly),
        }
    }

    /// A structure's technical user: that structure's primary manager, and level-1 users.
    pub fn may_manage_technical_user(&self, primary_manager: Option<i64>) -> Result<(), Refusal> {
        if self.kind != AccountKind::Person {
            return Err(Refusal::PeopleOnly);
        }
        if self.is_person_of_level_one() || primary_manager.is_some_and(|m| self.is_self(m)) {
            Ok(())
        } else {
            Err(Refusal::Forbidden)
        }
    }

    /// Contacts: level-1 and level-2 users.
    pub fn may_manage_contacts(&self) -> Result<(), Refusal> {
        if self.has_user_list() {
            Ok(())
        } else {
            Err(Refusal::Forbidden)
        }
    }

    /// Audit log: level 1 reads everything, level 2 the entries about accounts they see.
    pub fn may_read_audit(&self) -> Result<(), Refusal> {
        self.may_manage_contacts()
    }

    /// The outbox of the embedded setup holds invitation links: level 1 only.
    pub fn may_read_outbox(&self) -> Result<(), Refusal> {
        if self.is_person_of_level_one() {
            Ok(())
        } else {
            Err(Refusal::Forbidden)
        }
    }

    /// How the organization hands documents over (files protected by default, the API address
    /// on connection sheets): level 1 only.
    pub fn may_set_document_settings(&self) -> Result<(), Refusal> {
        self.may_read_outbox()
    }

    /// The roles catalogue: level-1 users add and rename roles (everyone with a list reads it).
    pub fn may_manage_roles(&self) -> Result<(), Refusal> {
        self.may_manage_structures()
    }

    /// Everything this actor may do that does not depend on a target, as sent with the
    /// signed-in account: the app shows what these allow and never decides a rule itself.
    pub fn rights(&self) -> Rights {
        Rights {
            list_people: self.has_user_list(),
            grantable_levels: Level::ALL
                .into_iter()
                .filter(|level| self.may_create(*level).is_ok())
                .collect(),
            see_structures: self.has_user_list(),
            manage_structures: self.may_manage_structures().is_ok(),
            manage_service_users: self.may_manage_service_users().is_ok(),
            manage_all_technical_users: self.may_manage_technical_user(None).is_ok(),
            manage_contacts: self.may_manage_contacts().is_ok(),
            manage_roles: self.may_manage_roles().is_ok(),
            read_audit: self.may_read_audit().is_ok(),
            read_outbox: self.may_read_outbox().is_ok(),
            set_document_settings: self.may_set_document_settings().is_ok(),
        }
    }

    /// Seeing what a level-1 or level-2 person can see and do (their reach): themselves, and
    /// level-1 users for anyone they see (a level-2 reader would learn of people beyond their
    /// own list). A level-3 user's reach is their own record: nothing to preview.
    pub fn may_preview_reach(&self, t: &Target) -> Result<(), Refusal> {
        if !self.sees(t) {
            return Err(Refusal::NotFound);
        }
        if t.level.rank() > 2 {
            return Err(Refusal::Forbidden);
        }
        if self.is_self(t.id) || self.is_person_of_level_one() {
            Ok(())
        } else {
            Err(Refusal::Forbidden)
        }
    }

    /// What this actor may do to another person of each level of the organization: to anyone
    /// of that level, and in addition to those under their charge. Asked of the same
    /// [`Actor::may`] as every action, about a person who is not the actor.
    pub fn reach_by_level(&self) -> Vec<LevelReach> {
        let levels = Level::ALL
            .into_iter()
            .filter(|l| *l != Level::TwoWithApproval || self.public_service);
        levels
            .map(|level| {
                // Every state a person of this level may be in: an action that applies to
                // one of them is listed (reactivating applies to the suspended only).
                let states = [Status::Active, Status::Suspended, Status::Invited];
                let allowed = |under_charge| -> Vec<Action> {
                    Action::ALL
                        .into_iter()
                        .filter(|a| {
                            states.iter().any(|status| {
                                let someone = Target {
                                    id: i64::MIN, // nobody's id: never the actor
                                    org_id: self.org_id,
                                    level,
                                    status: *status,
                                    under_charge,
                                    active_level_one: 2,
                                    two_factor: true,
                                };
                                self.may(*a, &someone).is_ok()
                            })
                        })
                        .collect()
                };
                let anyone = allowed(false);
                let under_charge = allowed(true)
                    .into_iter()
                    .filter(|a| !anyone.contains(a))
                    .collect();
                LevelReach {
                    level,
                    anyone,
                    under_charge,
                }
            })
            .collect()
    }

    /// Who may become a structure's primary manager: a person of level 1 or 2.
    pub fn can_be_primary_manager(level: Level, status: Status) -> bool {
        level.rank() <= 2 && status != Status::Suspended
    }
}

/// What a change to a person touches, as [`Actor::may_change`] judges it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Change {
    /// The user ID or the contact flag (names, email, phone and language are anyone's who
    /// may modify the person).
    pub identity: bool,
    /// Their new level, when it changes.
    pub level: Option<Level>,
}

mod records;
mod rights;

pub use records::{ServiceUserAction, StructureAction, StructureFacts};
pub use rights::{ActionSet, LevelReach, Rights};

#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod tests;
