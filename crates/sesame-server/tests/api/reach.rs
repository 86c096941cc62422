//! The reach preview over real HTTP: what a level-2 user is shown to see is exactly what their
//! own listing returns, and what they may do per level follows the level table.

use crate::support::{PASSWORD, backends};
use sesame_core::api::{ErrorCode, PeopleQuery};
use sesame_core::domain::Level;
use sesame_core::domain::rules::Action;

#[tokio::test]
async fn the_reach_of_a_level_2_user_is_what_their_own_listing_returns() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", true).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        s.person(org, "peer", Level::TwoWithApproval, None).await;
        let mine = s.person(org, "mine", Level::Three, None).await;
        s.person(org, "theirs", Level::Three, None).await;
        s.link(boss, mine).await;
        for i in 0..7 {
            s.person(org, &format!("two.{i}"), Level::Two, None).await;
        }
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let company = admin
            .create_structure(&sesame_core::api::NewStructure {
                parent_id: None,
                kind: sesame_core::domain::StructureKind::Company,
                name: "Fournil".into(),
            })
            .await
            .unwrap();
        admin
            .set_primary_manager(company.id, company.version, Some(boss))
            .await
            .unwrap();
        let boss_c = s.sign_in("ALPHA", "boss", PASSWORD).await;

        // Page by page, as both would read it.
        let q = PeopleQuery {
            limit: Some(3),
            ..Default::default()
        };
        let own = boss_c.all_people(3).await.unwrap();
        let mut previewed = vec![];
        let mut q = q.clone();
        let first = loop {
            let r = admin.reach(boss, &q).await.unwrap();
            previewed.extend(r.people.items.clone());
            match r.people.next_cursor.clone() {
                Some(c) => q.cursor = Some(c),
                None => break r,
            }
        };
        assert_eq!(previewed, own);
        assert_eq!(first.sees as usize, own.len());
        assert_eq!(
            own.len(),
            10,
            "boss, peer, seven level-2 users and the one under charge"
        );
        assert_eq!(
            first
                .primary_manager_of
                .iter()
                .map(|x| x.id)
                .collect::<Vec<_>>(),
            vec![company.id]
        );
        assert_eq!(first.grantable_levels, vec![Level::Two, Level::Three]);
        let three = first
            .by_level
            .iter()
            .find(|r| r.level == Level::Three)
            .unwrap();
        assert!(three.anyone.is_empty());
        assert!(three.under_charge.contains(&Action::InitializePassword));
        // Oneself may look; another level-2 user may not.
        assert_eq!(
            boss_c
                .reach(boss, &PeopleQuery::default())
                .await
                .unwrap()
                .sees,
            10
        );
        let peer_id = own.iter().find(|p| p.user_id == "two.0").unwrap().id;
        assert_eq!(
            boss_c
                .reach(peer_id, &PeopleQuery::default())
                .await
                .unwrap_err()
                .code(),
            Some(ErrorCode::Forbidden)
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn both_listings_refuse_a_search_over_200_characters_and_take_one_of_200() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", true).await;
        let admin_id = s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        // Counted in characters, not bytes: 200 accented letters are 400 bytes.
        let longest = PeopleQuery {
            q: Some("é".repeat(PeopleQuery::SEARCH_MAX_CHARS)),
            ..Default::default()
        };
        let over = PeopleQuery {
            q: Some("é".repeat(PeopleQuery::SEARCH_MAX_CHARS + 1)),
            ..Default::default()
        };
        admin.people(&longest).await.unwrap();
        admin.reach(admin_id, &longest).await.unwrap();
        for refused in [
            admin.people(&over).await.unwrap_err(),
            admin.reach(admin_id, &over).await.unwrap_err(),
        ] {
            assert_eq!(refused.code(), Some(ErrorCode::InvalidField), "{refused:?}");
        }
        s.stop().await;
    }
}
