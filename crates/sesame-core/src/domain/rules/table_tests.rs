//! Every actor × target × action against an oracle written from PRODUCT.md's tables
//! (`oracle.rs`), so that a change to any rule in mod.rs shows up here.
//!
//! Oneself is always at one's own level (a technical user's "self" is its primary manager, at
//! that manager's level). Under that invariant, the `&& t.under_charge` of the level-2-with-
//! approval row of `Actor::manages` cannot be observed: `manages` first asks `sees`, and every
//! person such a user sees is one they manage. It is the one mutant of mod.rs these tests leave.

mod oracle;

use super::*;

/// The signed-in person's id; technical users act for this person too.
const ME: i64 = 10;
/// Someone else.
const OTHER: i64 = 20;
/// A technical user's own account id.
const TECHNICAL: i64 = 90;
const PUBLIC_ORG: i64 = 1;
const PRIVATE_ORG: i64 = 2;
const FOREIGN_ORG: i64 = 3;

const STATUSES: [Status; 3] = [Status::Active, Status::Suspended, Status::Invited];

fn person(org_id: i64, level: Level) -> Actor {
    Actor {
        account_id: ME,
        org_id,
        kind: AccountKind::Person,
        reach: Some(Reach {
            person_id: ME,
            level,
        }),
        public_service: org_id == PUBLIC_ORG,
    }
}

/// People of each level, a service user, and technical users following a manager of each level
/// or none, in a public-service and a private organization.
fn actors() -> Vec<Actor> {
    let mut all = Vec::new();
    for org_id in [PUBLIC_ORG, PRIVATE_ORG] {
        let public_service = org_id == PUBLIC_ORG;
        for level in Level::ALL {
            all.push(person(org_id, level));
            all.push(Actor {
                account_id: TECHNICAL,
                kind: AccountKind::TechnicalUser,
                ..person(org_id, level)
            });
        }
        // Its account id is also a person's id: a rule confusing the two would show.
        all.push(Actor {
            account_id: ME,
            org_id,
            kind: AccountKind::ServiceUser,
            reach: None,
            public_service,
        });
        all.push(Actor {
            account_id: TECHNICAL,
            org_id,
            kind: AccountKind::TechnicalUser,
            reach: None,
            public_service,
        });
    }
    all
}

/// Oneself (at one's own level) and another person of each level, in every status, under charge
/// or not, with two-factor or not, the only active level-1 user or not, here or elsewhere.
fn targets(a: &Actor) -> Vec<Target> {
    let own_level = a.reach.map(|r| r.level);
    let mut all = Vec::new();
    for (id, org_id) in [(ME, a.org_id), (OTHER, a.org_id), (OTHER, FOREIGN_ORG)] {
        for level in Level::ALL {
            if id == ME && own_level.is_some_and(|l| l != level) {
                continue;
            }
            for status in STATUSES {
                for (under_charge, two_factor, active_level_one) in flags() {
                    all.push(Target {
                        id,
                        org_id,
                        level,
                        status,
                        under_charge,
                        active_level_one,
                        two_factor,
                    });
                }
            }
        }
    }
    all
}

fn flags() -> Vec<(bool, bool, i64)> {
    let mut all = Vec::new();
    for under_charge in [false, true] {
        for two_factor in [false, true] {
            for active_level_one in [1, 2] {
                all.push((under_charge, two_factor, active_level_one));
            }
        }
    }
    all
}

/// A smaller set of people, for rules about pairs of them.
fn people(a: &Actor) -> Vec<Target> {
    targets(a)
        .into_iter()
        .filter(|t| t.status == Status::Active && t.two_factor && t.active_level_one == 2)
        .collect()
}

/// Collects every disagreement, so that one failure shows them all.
#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: PartialEq + std::fmt::Debug>(
        &mut self,
        what: impl Fn() -> String,
        got: T,
        want: T,
    ) {
        if got != want {
            self.0
                .push(format!("{}: got {got:?}, want {want:?}", what()));
        }
    }

    fn assert_none(self) {
        let shown: Vec<&String> = self.0.iter().take(25).collect();
        assert!(
            self.0.is_empty(),
            "{} disagreements with the level table, first ones:\n{shown:#?}",
            self.0.len()
        );
    }
}

fn who(a: &Actor) -> String {
    format!(
        "{:?} reach {:?} org {} ps {}",
        a.kind, a.reach, a.org_id, a.public_service
    )
}

#[test]
fn every_action_on_every_person_follows_the_level_table() {
    let mut m = Mismatches::default();
    for a in actors() {
        for t in targets(&a) {
            let ctx = || format!("{} on {t:?}", who(&a));
            m.check(
                || format!("sees, {}", ctx()),
                a.sees(&t),
                oracle::sees(&a, &t),
            );
            m.check(
                || format!("manages, {}", ctx()),
                a.manages(&t),
                oracle::manages(&a, &t),
            );
            for action in Action::ALL {
                m.check(
                    || format!("{action:?}, {}", ctx()),
                    a.may(action, &t),
                    oracle::may(&a, action, &t),
                );
            }
            let want: Vec<Action> = Action::ALL
                .into_iter()
                .filter(|x| *x != Action::See && oracle::may(&a, *x, &t).is_ok())
                .collect();
            m.check(|| format!("actions_on, {}", ctx()), a.actions_on(&t), want);
            m.check(
                || format!("may_link_under_charge, {}", ctx()),
                a.may_link_under_charge(&t),
                oracle::may_link_under_charge(&a, &t),
            );
            m.check(
                || format!("may_preview_reach, {}", ctx()),
                a.may_preview_reach(&t),
                oracle::may_preview_reach(&a, &t),
            );
        }
    }
    m.assert_none();
}

#[test]
fn level_changes_follow_the_level_table() {
    let mut m = Mismatches::default();
    for a in actors() {
        for t in targets(&a) {
            let ctx = || format!("{} on {t:?}", who(&a));
            let mut want = Vec::new();
            for level in Level::ALL {
                let expected = oracle::may_set_level(&a, &t, level);
                m.check(
                    || format!("may_set_level {level:?}, {}", ctx()),
                    a.may_set_level(&t, level),
                    expected,
                );
                if level != t.level && expected.is_ok() {
                    want.push(level);
                }
            }
            m.check(|| format!("levels_for, {}", ctx()), a.levels_for(&t), want);
        }
    }
    m.assert_none();
}

#[test]
fn granting_creating_and_placing_under_charge_follow_the_level_table() {
    let mut m = Mismatches::default();
    for a in actors() {
        for level in Level::ALL {
            let ctx = || format!("{} giving {level:?}", who(&a));
            m.check(
                || format!("may_grant, {}", ctx()),
                a.may_grant(level),
                oracle::may_grant(&a, level),
            );
            m.check(
                || format!("may_create, {}", ctx()),
                a.may_create(level),
                oracle::may_create(&a, level),
            );
            m.check(
                || format!("places_under_charge, {}", ctx()),
                a.places_under_charge(level),
                oracle::places_under_charge(&a, level),
            );
        }
    }
    m.assert_none();
}

#[test]
fn links_under_charge_follow_the_level_table() {
    let mut m = Mismatches::default();
    for a in actors() {
        let people = people(&a);
        for manager in &people {
            for subordinate in &people {
                m.check(
                    || format!("may_link, {} for {manager:?} over {subordinate:?}", who(&a)),
                    a.may_link(manager, subordinate),
                    oracle::may_link(&a, manager, subordinate),
                );
            }
        }
    }
    m.assert_none();
}

#[test]
fn account_wide_rights_follow_who_manages_what() {
    let mut m = Mismatches::default();
    for a in actors() {
        let w = who(&a);
        let ctx = |what: &str| format!("{what}, {w}");
        m.check(|| ctx("visibility"), a.visibility(), oracle::visibility(&a));
        m.check(
            || ctx("has_user_list"),
            a.has_user_list(),
            oracle::has_list(&a),
        );
        let l1 = oracle::level_one_people_only(&a);
        m.check(|| ctx("service users"), a.may_manage_service_users(), l1);
        m.check(|| ctx("structures"), a.may_manage_structures(), l1);
        m.check(|| ctx("roles"), a.may_manage_roles(), l1);
        let one_two = oracle::levels_one_and_two(&a);
        m.check(|| ctx("contacts"), a.may_manage_contacts(), one_two);
        m.check(|| ctx("audit"), a.may_read_audit(), one_two);
        m.check(
            || ctx("outbox"),
            a.may_read_outbox(),
            oracle::may_read_outbox(&a),
        );
        m.check(
            || ctx("connected users"),
            a.may_see_connected_users(),
            oracle::may_see_connected_users(&a),
        );
        for pm in [None, Some(ME), Some(OTHER), Some(TECHNICAL)] {
            m.check(
                || ctx(&format!("technical user of {pm:?}'s structure")),
                a.may_manage_technical_user(pm),
                oracle::may_manage_technical_user(&a, pm),
            );
        }
        check_rights(&mut m, &a);
        m.check(
            || ctx("reach_by_level"),
            a.reach_by_level(),
            oracle::reach_by_level(&a),
        );
    }
    m.assert_none();
}

/// `rights()`, field by field.
fn check_rights(m: &mut Mismatches, a: &Actor) {
    let got = a.rights();
    let want = oracle::rights(a);
    let ctx = |field: &str| format!("rights().{field}, {}", who(a));
    m.check(|| ctx("list_people"), got.list_people, want.list_people);
    m.check(
        || ctx("grantable_levels"),
        &got.grantable_levels,
        &want.grantable_levels,
    );
    m.check(
        || ctx("see_structures"),
        got.see_structures,
        want.see_structures,
    );
    m.check(
        || ctx("manage_structures"),
        got.manage_structures,
        want.manage_structures,
    );
    m.check(
        || ctx("manage_service_users"),
        got.manage_service_users,
        want.manage_service_users,
    );
    m.check(
        || ctx("manage_all_technical_users"),
        got.manage_all_technical_users,
        want.manage_all_technical_users,
    );
    m.check(
        || ctx("manage_contacts"),
        got.manage_contacts,
        want.manage_contacts,
    );
    m.check(|| ctx("manage_roles"), got.manage_roles, want.manage_roles);
    m.check(|| ctx("read_audit"), got.read_audit, want.read_audit);
    m.check(|| ctx("read_outbox"), got.read_outbox, want.read_outbox);
    m.check(|| ctx("rights()"), got, want);
}

#[test]
fn primary_managers_are_people_of_level_one_or_two_not_suspended() {
    let mut m = Mismatches::default();
    for level in Level::ALL {
        for status in STATUSES {
            m.check(
                || format!("can_be_primary_manager({level:?}, {status:?})"),
                Actor::can_be_primary_manager(level, status),
                oracle::can_be_primary_manager(level, status),
            );
        }
    }
    m.assert_none();
}

#[test]
fn a_person_signed_in_acts_with_their_own_level() {
    for org_id in [PUBLIC_ORG, PRIVATE_ORG] {
        for level in Level::ALL {
            assert_eq!(
                Actor::person(ME, org_id, level, org_id == PUBLIC_ORG),
                person(org_id, level)
            );
        }
    }
}

#[test]
fn action_sets_keep_exactly_their_actions() {
    assert_eq!(ActionSet::default().to_vec(), Vec::<Action>::new());
    for mask in 0u32..(1 << Action::ALL.len()) {
        let chosen: Vec<Action> = Action::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, a)| a)
            .collect();
        let set: ActionSet = chosen.iter().collect();
        for a in Action::ALL {
            assert_eq!(set.contains(a), chosen.contains(&a), "{a:?} in {chosen:?}");
        }
        assert_eq!(set.to_vec(), chosen);
        // Adding an action twice keeps it once.
        let twice: ActionSet = chosen.iter().chain(chosen.iter()).collect();
        assert_eq!(twice, set, "{chosen:?} twice");
        assert_eq!(set.to_vec().iter().collect::<ActionSet>(), set);
    }
}
