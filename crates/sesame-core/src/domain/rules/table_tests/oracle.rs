//! The expected answers, written from PRODUCT.md ("Accounts", "Who manages what") as tables and
//! small functions that never call the rules under test. Where PRODUCT.md is silent, the choice
//! documented in mod.rs is followed and marked "(mod.rs)".

use crate::domain::rules::{Action, Actor, LevelReach, Refusal, Rights, Target, Visibility};
use crate::domain::{AccountKind, Level, Status};

/// One cell of the level table: never, only for the level-3 users under the actor's charge, or
/// always.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    No,
    Charge,
    Yes,
}
use Cell::{Charge, No, Yes};

/// "Sees in the user list": row = the actor's level, column = the other person's level, both in
/// the order 1, 2 with approval, 2, 3. Everyone sees themselves as well.
const SEES: [[Cell; 4]; 4] = [
    [Yes, Yes, Yes, Yes],
    [No, Yes, Yes, Charge],
    [No, Yes, Yes, Charge],
    [No, No, No, No],
];

/// "May create, modify, delete, initialize the password of", same layout. Level 3 manages nobody:
/// their own contact details are the self exception below.
const MANAGES: [[Cell; 4]; 4] = [
    [Yes, Yes, Yes, Yes],
    [No, Yes, Yes, Charge],
    [No, No, Yes, Charge],
    [No, No, No, No],
];

/// "Nobody creates or raises an account above their own level or approval": row = the actor's
/// level, column = the level given.
const GRANTS: [[bool; 4]; 4] = [
    [true, true, true, true],
    [false, true, true, true],
    [false, false, true, true],
    [false, false, false, false],
];

fn index(level: Level) -> usize {
    match level {
        Level::One => 0,
        Level::TwoWithApproval => 1,
        Level::Two => 2,
        Level::Three => 3,
    }
}

/// 1 for level 1, 2 for both kinds of level 2, 3 for level 3: "higher level" means a lower rank.
fn rank(level: Level) -> u8 {
    match level {
        Level::One => 1,
        Level::TwoWithApproval | Level::Two => 2,
        Level::Three => 3,
    }
}

fn cell(table: &[[Cell; 4]; 4], actor: Level, t: &Target) -> bool {
    match table[index(actor)][index(t.level)] {
        No => false,
        Charge => t.under_charge,
        Yes => true,
    }
}

/// Whose rights the account acts with: (person, level), none for service users and orphaned
/// technical users.
pub fn reach(a: &Actor) -> Option<(i64, Level)> {
    a.reach.map(|r| (r.person_id, r.level))
}

fn reach_level(a: &Actor) -> Option<Level> {
    reach(a).map(|(_, l)| l)
}

fn is_self(a: &Actor, t: &Target) -> bool {
    reach(a).is_some_and(|(p, _)| p == t.id)
}

pub fn sees(a: &Actor, t: &Target) -> bool {
    t.org_id == a.org_id && reach(a).is_some_and(|(p, l)| t.id == p || cell(&SEES, l, t))
}

pub fn manages(a: &Actor, t: &Target) -> bool {
    sees(a, t) && reach_level(a).is_some_and(|l| cell(&MANAGES, l, t))
}

/// Levels 1 and 2 have a user list; level 3, service users and orphans do not.
pub fn has_list(a: &Actor) -> bool {
    reach_level(a).is_some_and(|l| rank(l) <= 2)
}

fn level_one_person(a: &Actor) -> bool {
    a.kind == AccountKind::Person && reach_level(a) == Some(Level::One)
}

pub fn visibility(a: &Actor) -> Visibility {
    match reach(a) {
        None => Visibility::Nobody,
        Some((_, Level::One)) => Visibility::Everyone,
        Some((person_id, Level::Three)) => Visibility::OnlySelf { person_id },
        Some((person_id, _)) => Visibility::LevelTwoAndCharge { person_id },
    }
}

/// The active level-1 user counted alone ("the target included").
fn last_level_one(t: &Target) -> bool {
    t.level == Level::One && t.status == Status::Active && t.active_level_one == 1
}

/// Whether someone may be under the charge of a person of `manager` level: only a higher level
/// has people under their charge.
fn may_be_under(subordinate: Level, manager: Level) -> bool {
    rank(subordinate) > rank(manager)
}

pub fn may(a: &Actor, action: Action, t: &Target) -> Result<(), Refusal> {
    if !sees(a, t) {
        return Err(Refusal::NotFound);
    }
    let own = is_self(a, t);
    match action {
        Action::See => Ok(()),
        Action::PreviewReach => may_preview_reach(a, t),
        Action::LinkUnderCharge if may_link_under_charge(a, t) => Ok(()),
        Action::LinkUnderCharge => Err(Refusal::Forbidden),
        // "Own record: everyone: own contact details".
        Action::Modify if own => Ok(()),
        Action::Delete | Action::Suspend if own && last_level_one(t) => Err(Refusal::LastLevelOne),
        Action::Delete | Action::Suspend | Action::InitializePassword | Action::ResetTwoFactor
            if own =>
        {
            Err(Refusal::NotOnSelf)
        }
        _ if !manages(a, t) => Err(Refusal::Forbidden),
        Action::Delete | Action::Suspend if last_level_one(t) => Err(Refusal::LastLevelOne),
        _ => applies(action, t),
    }
}

/// Status applicability, once the actor manages the person.
fn applies(action: Action, t: &Target) -> Result<(), Refusal> {
    use Status::{Active, Invited, Suspended};
    match (action, t.status) {
        (Action::InitializePassword, Suspended) => Err(Refusal::Suspended),
        (Action::InitializePassword, Invited) => Err(Refusal::WrongStatus),
        (Action::Suspend, Suspended) => Err(Refusal::WrongStatus),
        (Action::Reactivate, Active | Invited) => Err(Refusal::WrongStatus),
        (Action::ManageInvitation, Active | Suspended) => Err(Refusal::WrongStatus),
        (Action::ResetTwoFactor, _) if !t.two_factor => Err(Refusal::NoTwoFactor),
        _ => Ok(()),
    }
}

/// Choosing who is under `manager`'s charge: whoever may modify them, except a level-2 user for
/// their own charge (mod.rs).
fn choose_charge_of(a: &Actor, manager: &Target) -> Result<(), Refusal> {
    may(a, Action::Modify, manager)?;
    if is_self(a, manager) && reach_level(a) != Some(Level::One) {
        return Err(Refusal::Forbidden);
    }
    Ok(())
}

pub fn may_link_under_charge(a: &Actor, manager: &Target) -> bool {
    choose_charge_of(a, manager).is_ok() && manager.level != Level::Three
}

pub fn may_link(a: &Actor, manager: &Target, subordinate: &Target) -> Result<(), Refusal> {
    choose_charge_of(a, manager)?;
    if !sees(a, subordinate) {
        Err(Refusal::NotFound)
    } else if !manages(a, subordinate) {
        Err(Refusal::Forbidden)
    } else if !may_be_under(subordinate.level, manager.level) {
        Err(Refusal::LevelNotGrantable)
    } else {
        Ok(())
    }
}

pub fn may_grant(a: &Actor, level: Level) -> Result<(), Refusal> {
    if level == Level::TwoWithApproval && !a.public_service {
        return Err(Refusal::ApprovalUnavailable);
    }
    match reach_level(a) {
        None | Some(Level::Three) => Err(Refusal::Forbidden),
        Some(l) if GRANTS[index(l)][index(level)] => Ok(()),
        Some(_) => Err(Refusal::LevelNotGrantable),
    }
}

pub fn may_create(a: &Actor, level: Level) -> Result<(), Refusal> {
    if has_list(a) {
        may_grant(a, level)
    } else {
        Err(Refusal::Forbidden)
    }
}

/// "A level-3 user created by a level-2 user is placed under that user's charge."
pub fn places_under_charge(a: &Actor, level: Level) -> Option<i64> {
    match reach(a) {
        Some((p, Level::TwoWithApproval | Level::Two)) if level == Level::Three => Some(p),
        _ => None,
    }
}

pub fn may_set_level(a: &Actor, t: &Target, new_level: Level) -> Result<(), Refusal> {
    if new_level == t.level {
        return Ok(());
    }
    if is_self(a, t) {
        return Err(Refusal::OwnLevel);
    }
    may(a, Action::Modify, t)?;
    may_grant(a, new_level)?;
    if last_level_one(t) {
        return Err(Refusal::LastLevelOne);
    }
    Ok(())
}

/// Service users, structures, roles: level-1 users signed in as people.
pub fn level_one_people_only(a: &Actor) -> Result<(), Refusal> {
    match a.kind {
        AccountKind::Person if level_one_person(a) => Ok(()),
        AccountKind::Person => Err(Refusal::Forbidden),
        _ => Err(Refusal::PeopleOnly),
    }
}

pub fn may_see_connected_users(a: &Actor) -> Result<(), Refusal> {
    match a.kind {
        AccountKind::Person if has_list(a) => Ok(()),
        AccountKind::Person => Err(Refusal::Forbidden),
        _ => Err(Refusal::PeopleOnly),
    }
}

/// "A structure's technical user: that structure's primary manager, and level-1 users."
pub fn may_manage_technical_user(a: &Actor, primary_manager: Option<i64>) -> Result<(), Refusal> {
    if a.kind != AccountKind::Person {
        Err(Refusal::PeopleOnly)
    } else if level_one_person(a)
        || primary_manager.is_some_and(|m| Some(m) == reach(a).map(|r| r.0))
    {
        Ok(())
    } else {
        Err(Refusal::Forbidden)
    }
}

/// Contacts and the audit log: levels 1 and 2.
pub fn levels_one_and_two(a: &Actor) -> Result<(), Refusal> {
    if has_list(a) {
        Ok(())
    } else {
        Err(Refusal::Forbidden)
    }
}

pub fn may_read_outbox(a: &Actor) -> Result<(), Refusal> {
    if level_one_person(a) {
        Ok(())
    } else {
        Err(Refusal::Forbidden)
    }
}

pub fn rights(a: &Actor) -> Rights {
    let l1 = level_one_person(a);
    Rights {
        list_people: has_list(a),
        grantable_levels: Level::ALL
            .into_iter()
            .filter(|l| may_create(a, *l).is_ok())
            .collect(),
        see_structures: has_list(a),
        manage_structures: l1,
        manage_service_users: l1,
        manage_all_technical_users: l1,
        manage_contacts: has_list(a),
        manage_roles: l1,
        read_audit: has_list(a),
        read_outbox: l1,
        set_document_settings: l1,
    }
}

/// Previewing someone's reach, "for a level-1 or level-2 person": themselves, or level-1 users
/// for anyone they see (mod.rs).
pub fn may_preview_reach(a: &Actor, t: &Target) -> Result<(), Refusal> {
    if !sees(a, t) {
        Err(Refusal::NotFound)
    } else if rank(t.level) > 2 {
        Err(Refusal::Forbidden)
    } else if is_self(a, t) || level_one_person(a) {
        Ok(())
    } else {
        Err(Refusal::Forbidden)
    }
}

/// "A person of level 1 or 2 who answers for it"; a suspended person cannot sign in, so answers
/// for nothing.
pub fn can_be_primary_manager(level: Level, status: Status) -> bool {
    rank(level) <= 2 && status != Status::Suspended
}

/// For each level of the organization, the actions allowed on another person of that level in
/// some status: to anyone, and in addition to those under charge.
pub fn reach_by_level(a: &Actor) -> Vec<LevelReach> {
    let allowed = |level: Level, under_charge: bool| -> Vec<Action> {
        let statuses = [Status::Invited, Status::Active, Status::Suspended];
        Action::ALL
            .into_iter()
            .filter(|action| {
                statuses.into_iter().any(|status| {
                    let someone = Target {
                        id: -77,
                        org_id: a.org_id,
                        level,
                        status,
                        under_charge,
                        active_level_one: 2,
                        two_factor: true,
                    };
                    may(a, *action, &someone).is_ok()
                })
            })
            .collect()
    };
    Level::ALL
        .into_iter()
        .filter(|l| *l != Level::TwoWithApproval || a.public_service)
        .map(|level| {
            let anyone = allowed(level, false);
            let under_charge = allowed(level, true)
                .into_iter()
                .filter(|x| !anyone.contains(x))
                .collect();
            LevelReach {
                level,
                anyone,
                under_charge,
            }
        })
        .collect()
}
