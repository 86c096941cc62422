//! The level table, rule by rule, without I/O.

use super::*;

const ORG: i64 = 1;

fn person(id: i64, level: Level) -> Actor {
    Actor {
        account_id: id,
        org_id: ORG,
        kind: AccountKind::Person,
        reach: Some(Reach {
            person_id: id,
            level,
        }),
        public_service: true,
    }
}

fn target(id: i64, level: Level, under_charge: bool) -> Target {
    Target {
        id,
        org_id: ORG,
        level,
        status: Status::Active,
        under_charge,
        active_level_one: 2,
        two_factor: true,
    }
}

#[test]
fn level_one_sees_and_manages_everyone_of_the_organization() {
    let a = person(1, Level::One);
    for l in Level::ALL {
        for action in Action::ALL {
            // Each action on someone in the state it applies to.
            let status = match action {
                Action::Reactivate => Status::Suspended,
                Action::ManageInvitation => Status::Invited,
                _ => Status::Active,
            };
            let t = Target {
                status,
                ..target(50, l, false)
            };
            let want = if l == Level::Three
                && matches!(action, Action::LinkUnderCharge | Action::PreviewReach)
            {
                // Nobody ranks below level 3: nobody can be under their charge, and their
                // reach is their own record.
                Err(Refusal::Forbidden)
            } else {
                Ok(())
            };
            assert_eq!(a.may(action, &t), want, "{action:?} on {l:?}");
        }
    }
    let foreign = Target {
        org_id: 2,
        ..target(51, Level::Three, false)
    };
    assert_eq!(a.may(Action::See, &foreign), Err(Refusal::NotFound));
}

#[test]
fn level_two_sees_level_two_and_own_level_three_only() {
    let a = person(1, Level::Two);
    assert!(a.sees(&target(2, Level::TwoWithApproval, false)));
    assert!(a.sees(&target(3, Level::Two, false)));
    assert!(a.sees(&target(4, Level::Three, true)));
    assert!(!a.sees(&target(5, Level::Three, false)));
    assert!(!a.sees(&target(6, Level::One, false)));
    assert!(a.sees(&target(1, Level::Two, false)));
}

#[test]
fn level_two_manages_level_two_without_approval_and_own_level_three() {
    let a = person(1, Level::Two);
    assert_eq!(a.may(Action::Delete, &target(3, Level::Two, false)), Ok(()));
    assert_eq!(
        a.may(Action::Delete, &target(4, Level::Three, true)),
        Ok(())
    );
    assert_eq!(
        a.may(Action::Delete, &target(2, Level::TwoWithApproval, false)),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        a.may(Action::Delete, &target(5, Level::Three, false)),
        Err(Refusal::NotFound)
    );
}

#[test]
fn level_two_with_approval_manages_both_kinds_of_level_two() {
    let a = person(1, Level::TwoWithApproval);
    assert_eq!(
        a.may(Action::Modify, &target(2, Level::TwoWithApproval, false)),
        Ok(())
    );
    assert_eq!(a.may(Action::Modify, &target(3, Level::Two, false)), Ok(()));
    assert_eq!(
        a.may(Action::Modify, &target(6, Level::One, false)),
        Err(Refusal::NotFound)
    );
}

#[test]
fn level_three_sees_only_themselves_and_changes_only_contact_details() {
    let a = person(1, Level::Three);
    assert_eq!(
        a.may(Action::Modify, &target(1, Level::Three, false)),
        Ok(())
    );
    assert_eq!(
        a.may(Action::UpdateRoles, &target(1, Level::Three, false)),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        a.may(Action::See, &target(2, Level::Three, false)),
        Err(Refusal::NotFound)
    );
    assert!(!a.has_user_list());
    assert_eq!(a.may_create(Level::Three), Err(Refusal::Forbidden));
}

#[test]
fn nobody_grants_above_their_own_level() {
    assert_eq!(
        person(1, Level::Two).may_grant(Level::One),
        Err(Refusal::LevelNotGrantable)
    );
    assert_eq!(
        person(1, Level::Two).may_grant(Level::TwoWithApproval),
        Err(Refusal::LevelNotGrantable)
    );
    assert_eq!(
        person(1, Level::TwoWithApproval).may_grant(Level::TwoWithApproval),
        Ok(())
    );
    assert_eq!(
        person(1, Level::TwoWithApproval).may_grant(Level::One),
        Err(Refusal::LevelNotGrantable)
    );
    assert_eq!(person(1, Level::One).may_grant(Level::One), Ok(()));
}

#[test]
fn approval_exists_only_for_public_service_employers() {
    let a = Actor {
        public_service: false,
        ..person(1, Level::One)
    };
    assert_eq!(
        a.may_grant(Level::TwoWithApproval),
        Err(Refusal::ApprovalUnavailable)
    );
}

#[test]
fn nobody_changes_their_own_level() {
    let a = person(1, Level::One);
    assert_eq!(
        a.may_set_level(&target(1, Level::One, false), Level::Two),
        Err(Refusal::OwnLevel)
    );
    assert_eq!(
        a.may_set_level(&target(1, Level::One, false), Level::One),
        Ok(())
    );
}

#[test]
fn the_last_active_level_one_user_is_never_deleted_demoted_or_suspended() {
    let a = person(1, Level::One);
    let last = Target {
        active_level_one: 1,
        ..target(2, Level::One, false)
    };
    assert_eq!(a.may(Action::Delete, &last), Err(Refusal::LastLevelOne));
    assert_eq!(a.may(Action::Suspend, &last), Err(Refusal::LastLevelOne));
    assert_eq!(
        a.may_set_level(&last, Level::Two),
        Err(Refusal::LastLevelOne)
    );
    assert_eq!(a.may(Action::Modify, &last), Ok(()));
    // A suspended level-1 user is not the last active one.
    let suspended = Target {
        status: Status::Suspended,
        ..last.clone()
    };
    assert_eq!(a.may(Action::Delete, &suspended), Ok(()));
}

#[test]
fn the_sole_level_one_user_removing_themselves_hears_the_real_reason() {
    let a = person(1, Level::One);
    let me = Target {
        active_level_one: 1,
        ..target(1, Level::One, false)
    };
    assert_eq!(a.may(Action::Delete, &me), Err(Refusal::LastLevelOne));
    assert_eq!(a.may(Action::Suspend, &me), Err(Refusal::LastLevelOne));
    assert_eq!(
        a.may(Action::InitializePassword, &me),
        Err(Refusal::NotOnSelf)
    );
}

#[test]
fn own_account_cannot_be_deleted_suspended_or_reset_by_oneself() {
    let a = person(1, Level::One);
    let me = target(1, Level::One, false);
    assert_eq!(a.may(Action::Delete, &me), Err(Refusal::NotOnSelf));
    assert_eq!(a.may(Action::Suspend, &me), Err(Refusal::NotOnSelf));
    assert_eq!(
        a.may(Action::InitializePassword, &me),
        Err(Refusal::NotOnSelf)
    );
}

#[test]
fn level_three_created_by_level_two_lands_under_their_charge() {
    assert_eq!(
        person(7, Level::Two).places_under_charge(Level::Three),
        Some(7)
    );
    assert_eq!(
        person(7, Level::TwoWithApproval).places_under_charge(Level::Three),
        Some(7)
    );
    assert_eq!(person(7, Level::Two).places_under_charge(Level::Two), None);
    assert_eq!(
        person(7, Level::One).places_under_charge(Level::Three),
        None
    );
}

#[test]
fn service_users_reach_no_people_and_issue_no_credentials() {
    let s = Actor {
        account_id: 9,
        org_id: ORG,
        kind: AccountKind::ServiceUser,
        reach: None,
        public_service: true,
    };
    assert_eq!(
        s.may(Action::See, &target(1, Level::Three, false)),
        Err(Refusal::NotFound)
    );
    assert_eq!(s.may_manage_service_users(), Err(Refusal::PeopleOnly));
    assert_eq!(s.may_create(Level::Three), Err(Refusal::Forbidden));
}

#[test]
fn technical_users_act_with_their_primary_managers_rights() {
    let t = Actor {
        account_id: 9,
        org_id: ORG,
        kind: AccountKind::TechnicalUser,
        reach: Some(Reach {
            person_id: 3,
            level: Level::Two,
        }),
        public_service: true,
    };
    assert_eq!(
        t.may(Action::Modify, &target(4, Level::Three, true)),
        Ok(())
    );
    assert_eq!(
        t.may(Action::See, &target(5, Level::One, false)),
        Err(Refusal::NotFound)
    );
    assert_eq!(
        t.may_manage_technical_user(Some(3)),
        Err(Refusal::PeopleOnly)
    );
}

#[test]
fn primary_managers_manage_their_structures_technical_user() {
    assert_eq!(
        person(3, Level::Two).may_manage_technical_user(Some(3)),
        Ok(())
    );
    assert_eq!(
        person(3, Level::Two).may_manage_technical_user(Some(4)),
        Err(Refusal::Forbidden)
    );
    assert_eq!(
        person(1, Level::One).may_manage_technical_user(None),
        Ok(())
    );
}

#[test]
fn only_higher_levels_have_people_under_their_charge() {
    let a = person(1, Level::One);
    assert_eq!(
        a.may_link(
            &target(2, Level::Two, false),
            &target(3, Level::Three, false)
        ),
        Ok(())
    );
    assert_eq!(
        a.may_link(
            &target(2, Level::Three, false),
            &target(3, Level::Three, false)
        ),
        Err(Refusal::LevelNotGrantable)
    );
}

#[test]
fn links_under_charge_are_offered_where_they_would_be_accepted() {
    let one = person(1, Level::One);
    let two = person(2, Level::Two);
    // Level 1 chooses anyone's charge, their own too, except a level-3 user's (nobody is below).
    assert!(one.may_link_under_charge(&target(1, Level::One, false)));
    assert!(one.may_link_under_charge(&target(3, Level::TwoWithApproval, false)));
    assert!(!one.may_link_under_charge(&target(4, Level::Three, false)));
    // Level 2: the level-2 users it manages, never itself nor those it only sees.
    assert!(two.may_link_under_charge(&target(5, Level::Two, false)));
    assert!(!two.may_link_under_charge(&target(2, Level::Two, false)));
    assert!(!two.may_link_under_charge(&target(6, Level::TwoWithApproval, false)));
    assert!(!person(7, Level::Three).may_link_under_charge(&target(7, Level::Three, false)));
}

#[test]
fn reach_by_level_reads_the_level_table() {
    let two = person(1, Level::Two);
    let by_level = two.reach_by_level();
    let of = |l| by_level.iter().find(|r| r.level == l).unwrap().clone();
    assert_eq!(of(Level::One).anyone, Vec::<Action>::new());
    let all_but = |but: &[Action]| -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| !but.contains(a))
            .collect()
    };
    // Only a level-1 user previews another's reach.
    assert_eq!(of(Level::Two).anyone, all_but(&[Action::PreviewReach]));
    assert_eq!(of(Level::TwoWithApproval).anyone, vec![Action::See]);
    assert_eq!(of(Level::Three).anyone, Vec::<Action>::new());
    let but_links = all_but(&[Action::LinkUnderCharge, Action::PreviewReach]);
    assert_eq!(of(Level::Three).under_charge, but_links);
    let one = person(2, Level::One);
    for r in one.reach_by_level() {
        let all = if r.level == Level::Three {
            but_links.clone()
        } else {
            Action::ALL.to_vec()
        };
        assert_eq!(r.anyone, all, "{:?}", r.level);
    }
    // Only oneself, or a level-1 user, previews someone's reach.
    let other_two = target(3, Level::Two, false);
    assert_eq!(two.may_preview_reach(&other_two), Err(Refusal::Forbidden));
    assert_eq!(two.may_preview_reach(&target(1, Level::Two, false)), Ok(()));
    assert_eq!(one.may_preview_reach(&other_two), Ok(()));
}

#[test]
fn a_suspended_person_gets_no_new_password_until_reactivated() {
    let a = person(1, Level::One);
    let suspended = Target {
        status: Status::Suspended,
        ..target(50, Level::Three, false)
    };
    assert_eq!(
        a.may(Action::InitializePassword, &suspended),
        Err(Refusal::Suspended)
    );
    assert_eq!(a.may(Action::Reactivate, &suspended), Ok(()));
    assert_eq!(a.may(Action::Modify, &suspended), Ok(()));
    // Someone who may not manage them still hears only that.
    let b = person(2, Level::Two);
    assert_eq!(
        b.may(
            Action::InitializePassword,
            &Target {
                level: Level::One,
                ..suspended.clone()
            }
        ),
        Err(Refusal::NotFound)
    );
}

#[test]
fn a_change_is_judged_by_what_it_touches() {
    let one = person(1, Level::One);
    let two = person(2, Level::Two);
    let three = person(3, Level::Three);
    let peer = target(4, Level::Two, false);
    let nothing = Change::default();
    let identity = Change {
        identity: true,
        level: None,
    };
    let to = |level| Change {
        identity: false,
        level: Some(level),
    };
    // Contact details: whoever may modify the person, oneself included.
    assert_eq!(two.may_change(&peer, &nothing), Ok(()));
    assert_eq!(
        three.may_change(&target(3, Level::Three, false), &nothing),
        Ok(())
    );
    assert_eq!(
        two.may_change(&target(5, Level::One, false), &nothing),
        Err(Refusal::NotFound)
    );
    // The user ID: only whoever manages them, not a level-3 user for themselves.
    assert_eq!(two.may_change(&peer, &identity), Ok(()));
    assert_eq!(
        three.may_change(&target(3, Level::Three, false), &identity),
        Err(Refusal::Forbidden)
    );
    // The level: within what the actor grants, never one's own.
    assert_eq!(two.may_change(&peer, &to(Level::Three)), Ok(()));
    assert_eq!(
        two.may_change(&peer, &to(Level::One)),
        Err(Refusal::LevelNotGrantable)
    );
    assert_eq!(
        one.may_change(&target(1, Level::One, false), &to(Level::Two)),
        Err(Refusal::OwnLevel)
    );
    // Both at once: the level is asked before the identity.
    let both = Change {
        identity: true,
        level: Some(Level::Two),
    };
    assert_eq!(
        three.may_change(&target(3, Level::Three, false), &both),
        Err(Refusal::OwnLevel)
    );
}

#[test]
fn only_someone_of_a_higher_level_has_people_under_charge() {
    assert!(Actor::may_be_under_charge_of(Level::Three, Level::Two));
    assert!(Actor::may_be_under_charge_of(Level::Two, Level::One));
    assert!(!Actor::may_be_under_charge_of(Level::Two, Level::Two));
    assert!(!Actor::may_be_under_charge_of(Level::One, Level::Three));
}

#[test]
fn a_structure_offers_what_its_reader_may_do_to_it_now() {
    use StructureAction as A;
    let one = person(1, Level::One);
    let manager = person(2, Level::Two);
    let other = person(3, Level::Two);
    let facts = |held, has_technical_user, primary_manager| StructureFacts {
        primary_manager,
        has_technical_user,
        held,
    };
    let all_but = |but: &[A]| -> Vec<A> {
        [
            A::Rename,
            A::Move,
            A::Remove,
            A::NamePrimaryManager,
            A::CreateTechnicalUser,
            A::ManageTechnicalUser,
        ]
        .into_iter()
        .filter(|a| !but.contains(a))
        .collect()
    };
    // Level 1: everything, but removing what something holds, and the technical user's
    // creation only once, and only with a primary manager.
    assert_eq!(
        one.structure_actions(&facts(false, false, Some(2))),
        all_but(&[A::ManageTechnicalUser])
    );
    assert_eq!(
        one.structure_actions(&facts(true, true, Some(2))),
        all_but(&[A::Remove, A::CreateTechnicalUser])
    );
    assert_eq!(
        one.structure_actions(&facts(false, false, None)),
        all_but(&[A::CreateTechnicalUser, A::ManageTechnicalUser])
    );
    // Its primary manager: its technical user only; another level-2 user: nothing.
    assert_eq!(
        manager.structure_actions(&facts(false, false, Some(2))),
        [A::CreateTechnicalUser]
    );
    assert_eq!(
        manager.structure_actions(&facts(true, true, Some(2))),
        [A::ManageTechnicalUser]
    );
    assert!(
        other
            .structure_actions(&facts(false, true, Some(2)))
            .is_empty()
    );
}

#[test]
fn a_service_user_offers_everything_to_level_1_and_nothing_to_others() {
    let all = vec![
        ServiceUserAction::Modify,
        ServiceUserAction::ResetPassword,
        ServiceUserAction::RotatePassword,
        ServiceUserAction::EndPreviousPassword,
    ];
    let level_1 = person(1, Level::One);
    assert_eq!(level_1.service_user_actions(false, true), all);
    // A provisioning token only for an active service user marked for provisioning.
    let mut with_token = all.clone();
    with_token.push(ServiceUserAction::IssueProvisioningToken);
    assert_eq!(level_1.service_user_actions(true, true), with_token);
    assert_eq!(level_1.service_user_actions(true, false), all);
    for level in [Level::TwoWithApproval, Level::Two, Level::Three] {
        assert!(
            person(1, level).service_user_actions(true, true).is_empty(),
            "{level:?}"
        );
    }
    let api = Actor {
        kind: AccountKind::ServiceUser,
        reach: None,
        ..person(9, Level::One)
    };
    assert!(api.service_user_actions(true, true).is_empty());
}
