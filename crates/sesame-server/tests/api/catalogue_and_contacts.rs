//! The roles catalogue (descriptions, renaming), contacts (purposes, modification, users who
//! are also contacts), invitations that also record a contact, and the audit log's text filters.

use crate::support::{PASSWORD, backends};
use serde_json::json;
use sesame_core::api::{NewContact, NewInvitation, NewRole, RoleUpdate};
use sesame_core::domain::{ContactPurpose, Language, Level};

#[tokio::test]
async fn roles_have_descriptions_and_only_level_1_renames_them() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let boss = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let created = admin
            .create_role(&NewRole {
                code: "auditor".into(),
                name_en: "Auditor".into(),
                name_fr: "Vérificateur".into(),
                description_en: "Reads the books.".into(),
                description_fr: "Examine les comptes.".into(),
            })
            .await
            .unwrap();
        assert_eq!(created.description_fr, "Examine les comptes.");
        let update = RoleUpdate {
            name_en: "External auditor".into(),
            name_fr: "Vérificatrice externe".into(),
            description_en: String::new(),
            description_fr: "Examine les comptes une fois l’an.".into(),
        };
        let e = boss.update_role("auditor", &update).await.unwrap_err();
        assert_eq!(e.status(), Some(403), "level 2 cannot change the catalogue");
        let e = admin.update_role("nobody", &update).await.unwrap_err();
        assert_eq!(e.status(), Some(404));
        let e = admin
            .update_role(
                "auditor",
                &RoleUpdate {
                    name_en: " ".into(),
                    ..update.clone()
                },
            )
            .await
            .unwrap_err();
        assert_eq!(e.status(), Some(422));
        admin.update_role("auditor", &update).await.unwrap();
        let roles = boss.roles().await.unwrap();
        let r = roles.iter().find(|r| r.code == "auditor").unwrap();
        assert_eq!(r.name_fr, "Vérificatrice externe");
        assert_eq!(r.description_fr, "Examine les comptes une fois l’an.");
        assert_eq!(r.description_en, "");
        s.stop().await;
    }
}

fn contact(last: &str, purpose: ContactPurpose) -> NewContact {
    NewContact {
        last_name: last.into(),
        first_name: "Louise".into(),
        email: format!("{}@example.org", last.to_lowercase()),
        phone: Some("514 555-0111".into()),
        purpose,
    }
}

#[tokio::test]
async fn contacts_are_created_modified_and_removed_and_users_who_are_contacts_are_linked() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "plain", Level::Three, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let plain = s.sign_in("ALPHA", "plain", PASSWORD).await;
        assert_eq!(plain.contacts().await.unwrap_err().status(), Some(403));
        let c = admin
            .create_contact(&contact("Bouchard", ContactPurpose::Invoices))
            .await
            .unwrap();
        let (st, body) = s
            .raw(
                admin.token(),
                "POST",
                "/api/v1/contacts",
                Some(json!({"last_name": "X", "first_name": "Y", "email": "x@example.org", "purpose": "gossip"})),
            )
            .await;
        assert_eq!(st, 422, "{body}");
        let changed = admin
            .update_contact(c.id, &contact("Bouchard-Roy", ContactPurpose::Contractual))
            .await
            .unwrap();
        assert_eq!(changed.purpose, Some(ContactPurpose::Contractual));
        let e = admin
            .update_contact(
                c.id,
                &NewContact {
                    email: "not an email".into(),
                    ..contact("Bouchard", ContactPurpose::Invoices)
                },
            )
            .await
            .unwrap_err();
        assert_eq!(e.status(), Some(422));
        let list = admin.contacts().await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(
            list[0].last_name, "Bouchard-Roy",
            "a refused change keeps what was stored"
        );

        // An invitation that also records a contact needs the contact's names and purpose.
        let mut invitation = NewInvitation {
            email: "zoe@example.org".into(),
            roles: vec![],
            level: None,
            language: Language::Fr,
            last_name: None,
            first_name: None,
            also_contact: true,
            contact_purpose: None,
            phone: None,
        };
        let e = admin.invite(&invitation).await.unwrap_err();
        assert_eq!(e.status(), Some(422));
        assert_eq!(
            admin.invitations().await.unwrap().len(),
            0,
            "nothing stored"
        );
        invitation.last_name = Some("Zoé".into());
        invitation.first_name = Some("Lune".into());
        let e = admin.invite(&invitation).await.unwrap_err();
        assert_eq!(e.status(), Some(422), "the purpose is required too");
        invitation.contact_purpose = Some(ContactPurpose::Technical);
        let inv = admin.invite(&invitation).await.unwrap();
        let list = admin.contacts().await.unwrap();
        let zoe = list.iter().find(|c| c.email == "zoe@example.org").unwrap();
        assert_eq!(zoe.person_id, Some(inv.person_id));
        assert_eq!(zoe.purpose, Some(ContactPurpose::Technical));
        assert!(admin.person(inv.person_id).await.unwrap().person.is_contact);

        // A user marked "also a contact" in their record shows with no purpose yet; giving
        // one creates their entry, removing it unmarks the user, who stays a user.
        let plain_id = plain.me().await.unwrap().id;
        let rec = admin.person(plain_id).await.unwrap();
        admin
            .update_person(
                plain_id,
                &sesame_core::api::PersonUpdate {
                    is_contact: Some(true),
                    ..crate::support::unchanged(rec.person.version)
                },
            )
            .await
            .unwrap();
        let list = admin.contacts().await.unwrap();
        let derived = list.iter().find(|c| c.person_id == Some(plain_id)).unwrap();
        assert!(derived.id < 0 && derived.purpose.is_none());
        let given = admin
            .update_contact(derived.id, &contact("Plain", ContactPurpose::Technical))
            .await
            .unwrap();
        assert!(given.id > 0);
        assert_eq!(given.person_id, Some(plain_id));
        let list = admin.contacts().await.unwrap();
        assert_eq!(
            list.iter()
                .filter(|c| c.person_id == Some(plain_id))
                .count(),
            1,
            "one entry per user"
        );
        admin.delete_contact(given.id).await.unwrap();
        assert!(!admin.person(plain_id).await.unwrap().person.is_contact);
        assert!(
            admin
                .contacts()
                .await
                .unwrap()
                .iter()
                .all(|c| c.person_id != Some(plain_id))
        );
        assert_eq!(
            admin.delete_contact(given.id).await.unwrap_err().status(),
            Some(404)
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn the_audit_log_filters_on_part_of_who_acted_and_on_whom() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "Admin.Principal", Level::One, Some(PASSWORD))
            .await;
        s.person(org, "other.admin", Level::One, Some(PASSWORD))
            .await;
        let target = s.person(org, "gaston", Level::Three, None).await;
        let a = s.sign_in("ALPHA", "Admin.Principal", PASSWORD).await;
        let b2 = s.sign_in("ALPHA", "other.admin", PASSWORD).await;
        a.update_roles(target, &["billing".into()]).await.unwrap();
        b2.update_roles(target, &["payroll".into()]).await.unwrap();
        let page = a
            .audit(&sesame_core::api::AuditQuery {
                who: Some("principal".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.items.len(), 1, "{:?}", page.items);
        assert_eq!(page.items[0].actor, "Admin.Principal");
        let page = a
            .audit(&sesame_core::api::AuditQuery {
                whom: Some("GAST".into()),
                action: Some("roles_updated".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.items.len(), 2);
        let page = a
            .audit(&sesame_core::api::AuditQuery {
                whom: Some("100%_".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(page.items.is_empty(), "wildcards are taken literally");
        s.stop().await;
    }
}

#[tokio::test]
async fn roles_of_many_people_change_in_one_request_all_or_none() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let mine = s.person(org, "mine", Level::Three, None).await;
        let hidden = s.person(org, "hidden", Level::Three, None).await;
        s.link(boss, mine).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let boss = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let roles = vec!["billing".to_owned(), "payroll".to_owned()];
        // Level 2 reaches `mine` but not `hidden`: the batch is refused whole.
        let e = boss
            .update_roles_of(&[mine, hidden], &roles)
            .await
            .unwrap_err();
        assert!(matches!(e.status(), Some(403 | 404)), "{e:?}");
        assert!(
            admin.person(mine).await.unwrap().person.roles.is_empty(),
            "nothing changed"
        );
        let e = admin.update_roles_of(&[], &roles).await.unwrap_err();
        assert_eq!(e.status(), Some(422));
        let e = admin
            .update_roles_of(&[mine], &["no-such-role".into()])
            .await
            .unwrap_err();
        // A role that does not exist is a wrong field of the body, not a missing page.
        assert_eq!(e.status(), Some(422));
        let saved = boss.update_roles_of(&[mine, mine], &roles).await.unwrap();
        assert_eq!(saved.len(), 1, "an id given twice counts once");
        let saved = admin
            .update_roles_of(&[mine, hidden], &roles)
            .await
            .unwrap();
        assert_eq!(saved.len(), 2);
        for id in [mine, hidden] {
            let person = admin.person(id).await.unwrap().person;
            assert_eq!(person.roles, roles);
            assert_eq!(
                saved.iter().find(|p| p.id == id).unwrap().version,
                person.version,
                "the answer carries the version to save against"
            );
        }
        s.stop().await;
    }
}
