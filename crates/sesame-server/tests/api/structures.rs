//! The structure tree over real HTTP: create, rename, move (never into a loop nor under
//! another organization), primary manager, removal refused while something holds the
//! structure, and its connected users.

use crate::support::{PASSWORD, backends};
use sesame_client::{Client, ClientError};
use sesame_core::api::{
    ConnectedVia, ErrorCode, ErrorDetail, NewServiceUser, NewStructure, Structure, StructureHolders,
};
use sesame_core::domain::{Language, Level, Scope, Status, StructureKind};

fn refusal(e: ClientError) -> (u16, ErrorDetail) {
    match e {
        ClientError::Api { status, error } => (status, *error),
        other => panic!("an API refusal, not {other}"),
    }
}

async fn create(
    c: &Client,
    parent: Option<&Structure>,
    kind: StructureKind,
    name: &str,
) -> Structure {
    c.create_structure(&NewStructure {
        parent_id: parent.map(|p| p.id),
        kind,
        name: name.into(),
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_tree_is_built_moved_and_pruned_and_says_what_holds_a_structure() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        let other_org = s.org("BETA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let mgr = s.person(org, "mgr", Level::Two, Some(PASSWORD)).await;
        s.person(org, "zoe", Level::Three, Some(PASSWORD)).await;
        s.person(other_org, "bob", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let bob = s.sign_in("BETA", "bob", PASSWORD).await;
        let foreign = create(&bob, None, StructureKind::Company, "Elsewhere").await;

        let company = create(&admin, None, StructureKind::Company, "Boulangerie").await;
        let est = create(
            &admin,
            Some(&company),
            StructureKind::Establishment,
            "Montréal",
        )
        .await;
        let div = create(&admin, Some(&est), StructureKind::Division, "Fournil").await;
        let div = admin
            .rename_structure(div.id, div.version, "Fournil Est")
            .await
            .unwrap();
        assert_eq!(div.name, "Fournil Est");
        let (st, e) = refusal(admin.rename_structure(div.id, 1, "Old").await.unwrap_err());
        assert_eq!((st, e.code), (409, ErrorCode::StaleVersion));

        // Moves: never under its own subtree, never under another organization's structure.
        let (st, e) = refusal(
            admin
                .move_structure(company.id, 1, Some(div.id))
                .await
                .unwrap_err(),
        );
        assert_eq!(
            (st, e.code, e.field.as_deref()),
            // The tree as it stands forbids it: a conflict (as the OpenAPI document says).
            (409, ErrorCode::StructureCycle, Some("parent_id"))
        );
        let (st, e) = refusal(
            admin
                .move_structure(est.id, 1, Some(foreign.id))
                .await
                .unwrap_err(),
        );
        // Another organization's structure does not exist for this one: the body names it, so
        // the field is wrong (422), as the path's own record would be missing (404).
        assert_eq!(
            (st, e.field.as_deref(), e.errors.len()),
            (422, Some("parent_id"), 1)
        );
        let moved = admin
            .move_structure(div.id, div.version, Some(company.id))
            .await
            .unwrap();
        assert_eq!(moved.parent_id, Some(company.id));
        let div = admin
            .move_structure(div.id, moved.version, Some(est.id))
            .await
            .unwrap();

        let company = admin
            .set_primary_manager(company.id, company.version, Some(mgr))
            .await
            .unwrap();
        assert_eq!(company.primary_manager.as_ref().map(|p| p.id), Some(mgr));
        let tech = admin
            .create_technical_user(company.id)
            .await
            .unwrap()
            .technical_user;
        let su = admin
            .create_service_user(&NewServiceUser {
                user_code: "PAIE01".into(),
                application: "Payroll".into(),
                status: Status::Active,
                language: Language::Fr,
                scope: Scope {
                    structure_ids: vec![est.id],
                    ..Scope::default()
                },
            })
            .await
            .unwrap()
            .service_user;

        // Connected users of the division: reached through the structures above it.
        let c = admin.connected_users(div.id).await.unwrap();
        let via: Vec<(&str, ConnectedVia, Option<i64>)> = c
            .people
            .iter()
            .map(|p| {
                (
                    p.person.user_id.as_str(),
                    p.via,
                    p.through.as_ref().map(|t| t.id),
                )
            })
            .collect();
        assert_eq!(
            via,
            vec![
                ("mgr", ConnectedVia::PrimaryManager, Some(company.id)),
                ("admin", ConnectedVia::LevelOne, None)
            ]
        );
        assert_eq!(c.technical_users.len(), 1);
        assert_eq!(
            (
                c.technical_users[0].id,
                c.technical_users[0].through.as_ref().map(|t| t.id)
            ),
            (tech.id, Some(company.id))
        );
        assert_eq!(c.service_users.len(), 1);
        assert_eq!(
            (
                c.service_users[0].id,
                c.service_users[0].through.as_ref().map(|t| t.id)
            ),
            (su.id, Some(est.id))
        );
        // A level-2 reader sees the people it sees elsewhere, and no service users.
        let mgr_c = s.sign_in("ALPHA", "mgr", PASSWORD).await;
        let c = mgr_c.connected_users(div.id).await.unwrap();
        assert_eq!(c.people.len(), 1);
        assert!(c.service_users.is_empty());
        let zoe = s.sign_in("ALPHA", "zoe", PASSWORD).await;
        assert_eq!(
            zoe.connected_users(div.id).await.unwrap_err().code(),
            Some(ErrorCode::Forbidden)
        );
        assert_eq!(
            bob.connected_users(div.id).await.unwrap_err().code(),
            Some(ErrorCode::NotFound)
        );

        // Removal: refused while held, with everything that holds it.
        let (st, e) = refusal(admin.remove_structure(company.id).await.unwrap_err());
        assert_eq!((st, e.code), (409, ErrorCode::StructureHasSubStructures));
        assert_eq!(
            e.held_by,
            Some(StructureHolders {
                sub_structures: vec![est_ref(&est)],
                technical_user: Some(tech.user_id.clone()),
                service_users: vec![],
            })
        );
        let (_, e) = refusal(admin.remove_structure(est.id).await.unwrap_err());
        assert_eq!(e.code, ErrorCode::StructureHasSubStructures);
        assert_eq!(
            mgr_c.remove_structure(div.id).await.unwrap_err().code(),
            Some(ErrorCode::Forbidden)
        );
        admin.remove_structure(div.id).await.unwrap();
        let (st, e) = refusal(admin.remove_structure(est.id).await.unwrap_err());
        assert_eq!((st, e.code), (409, ErrorCode::StructureInServiceUserAccess));
        assert_eq!(e.held_by.unwrap().service_users, vec!["PAIE01".to_owned()]);
        let names: Vec<String> = admin
            .structures()
            .await
            .unwrap()
            .into_iter()
            .map(|x| x.name)
            .collect();
        assert_eq!(names, vec!["Boulangerie".to_owned(), "Montréal".to_owned()]);
        let (st, e) = refusal(admin.remove_structure(foreign.id).await.unwrap_err());
        assert_eq!((st, e.code), (404, ErrorCode::NotFound));
        s.stop().await;
    }
}

fn est_ref(s: &Structure) -> sesame_core::api::StructureRef {
    sesame_core::api::StructureRef {
        id: s.id,
        name: s.name.clone(),
    }
}
