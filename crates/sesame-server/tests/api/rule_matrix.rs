//! PRODUCT.md's level table, cell by cell, over real HTTP: for every actor × target × action,
//! the server's answer must be the one written in the table below. A broken rule fails a named
//! cell, e.g. `level 2 × level-2-with-approval × delete: expected 403 forbidden, got 204`.

use crate::support::{Backend, PASSWORD, TestServer, backends};
use serde_json::json;
use sesame_core::domain::rules::StructureAction;
use sesame_core::domain::{Language, Level, Scope, Status, StructureKind};

/// What the server must answer.
/// Y: success · N: 404 not_found (the target is invisible) · F: 403 forbidden ·
/// S: 403 not_on_self · G: 403 level_not_grantable · A: 422 approval_unavailable ·
/// C: 409 on `status` (reactivating someone active: oneself, signed in, is active).
/// Before "reactivate" another target is suspended, before "reset 2FA" it has enrolled 2FA.
const ACTIONS: [&str; 8] = [
    "see",
    "modify",
    "delete",
    "initialize password",
    "update roles",
    "suspend",
    "reactivate",
    "reset 2FA",
];

/// (actor, target, expected answer per action in the order of ACTIONS)
const TABLE: &[(&str, &str, &str)] = &[
    ("level 1", "self", "YYSSYSCS"),
    ("level 1", "level 1", "YYYYYYYY"),
    ("level 1", "level 2 with approval", "YYYYYYYY"),
    ("level 1", "level 2", "YYYYYYYY"),
    ("level 1", "level 3 under charge", "YYYYYYYY"),
    ("level 1", "level 3 of others", "YYYYYYYY"),
    ("level 2 with approval", "self", "YYSSYSCS"),
    ("level 2 with approval", "level 1", "NNNNNNNN"),
    ("level 2 with approval", "level 2 with approval", "YYYYYYYY"),
    ("level 2 with approval", "level 2", "YYYYYYYY"),
    ("level 2 with approval", "level 3 under charge", "YYYYYYYY"),
    ("level 2 with approval", "level 3 of others", "NNNNNNNN"),
    ("level 2", "self", "YYSSYSCS"),
    ("level 2", "level 1", "NNNNNNNN"),
    ("level 2", "level 2 with approval", "YFFFFFFF"),
    ("level 2", "level 2", "YYYYYYYY"),
    ("level 2", "level 3 under charge", "YYYYYYYY"),
    ("level 2", "level 3 of others", "NNNNNNNN"),
    ("level 3", "self", "YYSSFSFS"),
    ("level 3", "level 1", "NNNNNNNN"),
    ("level 3", "level 2 with approval", "NNNNNNNN"),
    ("level 3", "level 2", "NNNNNNNN"),
    ("level 3", "level 3 under charge", "NNNNNNNN"),
    ("level 3", "level 3 of others", "NNNNNNNN"),
    ("service user", "level 1", "NNNNNNNN"),
    ("service user", "level 2 with approval", "NNNNNNNN"),
    ("service user", "level 2", "NNNNNNNN"),
    ("service user", "level 3 under charge", "NNNNNNNN"),
    ("service user", "level 3 of others", "NNNNNNNN"),
    // The technical user's structure is managed by the level-2 actor: it acts as that person.
    ("technical user", "level 1", "NNNNNNNN"),
    ("technical user", "level 2 with approval", "YFFFFFFF"),
    ("technical user", "level 2", "YYYYYYYY"),
    ("technical user", "level 3 under charge", "YYYYYYYY"),
    ("technical user", "level 3 of others", "NNNNNNNN"),
    ("level 1 of another organization", "self", "YYSSYSCS"),
    ("level 1 of another organization", "level 1", "NNNNNNNN"),
    (
        "level 1 of another organization",
        "level 2 with approval",
        "NNNNNNNN",
    ),
    ("level 1 of another organization", "level 2", "NNNNNNNN"),
    (
        "level 1 of another organization",
        "level 3 under charge",
        "NNNNNNNN",
    ),
    (
        "level 1 of another organization",
        "level 3 of others",
        "NNNNNNNN",
    ),
];

/// Creating a person of level 1, 2 with approval, 2, 3; then opening the user list.
/// (The other organization is not a public-service employer.)
const CREATE: &[(&str, &str)] = &[
    ("level 1", "YYYY Y"),
    ("level 2 with approval", "GYYY Y"),
    ("level 2", "GGYY Y"),
    ("level 3", "FFFF F"),
    ("service user", "FFFF F"),
    ("technical user", "GGYY Y"),
    ("level 1 of another organization", "YAYY Y"),
];

struct Actor {
    name: &'static str,
    token: String,
    /// The person whose charges count (the actor, or the technical user's manager).
    reach: Option<i64>,
    own_person: Option<i64>,
}

fn check(expected: char, status: u16, body: &serde_json::Value) -> bool {
    let code = body["error"]["code"].as_str().unwrap_or("");
    match expected {
        'Y' => (200..300).contains(&status),
        'N' => status == 404 && code == "not_found",
        'F' => status == 403 && code == "forbidden",
        'S' => status == 403 && code == "not_on_self",
        'G' => status == 403 && code == "level_not_grantable",
        'A' => status == 422 && code == "approval_unavailable",
        'C' => status == 409 && body["error"]["field"] == "status",
        _ => false,
    }
}

fn level_of(target: &str) -> Level {
    match target {
        "level 1" => Level::One,
        "level 2 with approval" => Level::TwoWithApproval,
        "level 2" => Level::Two,
        _ => Level::Three,
    }
}

async fn run(backend: &Backend) {
    let s = crate::support::start(backend).await;
    let org = s.org("ALPHA", true).await;
    let other_org = s.org("BETA", false).await;
    let l1 = s.person(org, "l1", Level::One, Some(PASSWORD)).await;
    // Second active level-1 users: "self" cells then test the self rule, not the last-level-1 one.
    s.person(org, "l1-peer", Level::One, None).await;
    s.person(other_org, "other-peer", Level::One, None).await;
    let l2a = s
        .person(org, "l2a", Level::TwoWithApproval, Some(PASSWORD))
        .await;
    let l2 = s.person(org, "l2", Level::Two, Some(PASSWORD)).await;
    let l3 = s.person(org, "l3", Level::Three, Some(PASSWORD)).await;
    let other = s
        .person(other_org, "other", Level::One, Some(PASSWORD))
        .await;
    // Technical user of a structure whose primary manager is the level-2 actor; a service user.
    let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
    {
        let mut tx = s.db.begin().await.unwrap();
        let company = tx
            .insert_structure(org, None, StructureKind::Company, "Company")
            .await
            .unwrap();
        let shop = tx
            .insert_structure(org, Some(company), StructureKind::Establishment, "Shop")
            .await
            .unwrap();
        assert!(tx.set_primary_manager(shop, 1, Some(l2)).await.unwrap());
        tx.insert_technical_user(org, shop, "TECH000001", Language::Fr, &hash)
            .await
            .unwrap();
        tx.insert_service_user(
            org,
            "SVC001",
            "Payroll",
            Status::Active,
            Language::En,
            &hash,
            &Scope::everything(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let token = |c: sesame_client::Client| c.token().unwrap().to_owned();
    let api_token = |user: &'static str| {
        let c = s.client();
        async move { c.api_token("ALPHA", user, PASSWORD).await.unwrap().token }
    };
    let actors = [
        Actor {
            name: "level 1",
            token: token(s.sign_in("ALPHA", "l1", PASSWORD).await),
            reach: Some(l1),
            own_person: Some(l1),
        },
        Actor {
            name: "level 2 with approval",
            token: token(s.sign_in("ALPHA", "l2a", PASSWORD).await),
            reach: Some(l2a),
            own_person: Some(l2a),
        },
        Actor {
            name: "level 2",
            token: token(s.sign_in("ALPHA", "l2", PASSWORD).await),
            reach: Some(l2),
            own_person: Some(l2),
        },
        Actor {
            name: "level 3",
            token: token(s.sign_in("ALPHA", "l3", PASSWORD).await),
            reach: Some(l3),
            own_person: Some(l3),
        },
        Actor {
            name: "service user",
            token: api_token("SVC001").await,
            reach: None,
            own_person: None,
        },
        Actor {
            name: "technical user",
            token: api_token("TECH000001").await,
            reach: Some(l2),
            own_person: None,
        },
        Actor {
            name: "level 1 of another organization",
            token: token(s.sign_in("BETA", "other", PASSWORD).await),
            reach: Some(other),
            own_person: Some(other),
        },
    ];

    let mut failures = vec![];
    let mut cells = 0;
    let mut n = 0;
    for (actor_name, target, expected) in TABLE {
        let actor = actors.iter().find(|a| a.name == *actor_name).unwrap();
        for (action, want) in ACTIONS.iter().zip(expected.chars()) {
            // A fresh target for every cell, so no action depends on an earlier one.
            let id = if *target == "self" {
                actor.own_person.unwrap()
            } else {
                n += 1;
                let id = s
                    .person(org, &format!("t{n}"), level_of(target), None)
                    .await;
                if *target == "level 3 under charge" {
                    s.link(actor.reach.unwrap_or(l2), id).await;
                }
                id
            };
            if *target != "self" {
                // The state each of these actions applies to.
                let mut tx = s.db.begin().await.unwrap();
                match *action {
                    "reactivate" => tx.set_status(id, Status::Suspended).await.unwrap(),
                    "reset 2FA" => tx.set_totp_secret(id, Some("SECRET"), true).await.unwrap(),
                    _ => {}
                }
                tx.commit().await.unwrap();
            }
            let version = {
                let mut c = s.db.read().await.unwrap();
                let org_of = c.account_org(id).await.unwrap().unwrap();
                c.person(org_of, id).await.unwrap().unwrap().version
            };
            let t = Some(actor.token.as_str());
            let (status, body) = match *action {
                "see" => s.raw(t, "GET", &format!("/api/v1/people/{id}"), None).await,
                "modify" => {
                    s.raw(
                        t,
                        "PATCH",
                        &format!("/api/v1/people/{id}"),
                        Some(json!({"version": version, "phone": "514 555-0000"})),
                    )
                    .await
                }
                "delete" => {
                    s.raw(t, "DELETE", &format!("/api/v1/people/{id}"), None)
                        .await
                }
                "initialize password" => {
                    s.raw(t, "POST", &format!("/api/v1/people/{id}/password"), None)
                        .await
                }
                "update roles" => {
                    s.raw(
                        t,
                        "PUT",
                        &format!("/api/v1/people/{id}/roles"),
                        Some(json!({"roles": ["viewer"]})),
                    )
                    .await
                }
                "suspend" => {
                    s.raw(t, "POST", &format!("/api/v1/people/{id}/suspend"), None)
                        .await
                }
                "reactivate" => {
                    s.raw(t, "POST", &format!("/api/v1/people/{id}/reactivate"), None)
                        .await
                }
                _ => {
                    s.raw(
                        t,
                        "DELETE",
                        &format!("/api/v1/people/{id}/two-factor"),
                        None,
                    )
                    .await
                }
            };
            cells += 1;
            if !check(want, status, &body) {
                failures.push(format!(
                    "{actor_name} × {target} × {action}: expected {want}, got {status} {body}"
                ));
            }
        }
    }
    for (actor_name, expected) in CREATE {
        let actor = actors.iter().find(|a| a.name == *actor_name).unwrap();
        let t = Some(actor.token.as_str());
        let levels = ["level_1", "level_2_approval", "level_2", "level_3"];
        let mut wants = expected.chars().filter(|c| *c != ' ');
        for level in levels {
            n += 1;
            let want = wants.next().unwrap();
            let body = json!({"last_name": "New", "first_name": "Person", "user_id": format!("new{n}"),
                              "email": format!("new{n}@example.org"), "level": level});
            let (status, resp) = s.raw(t, "POST", "/api/v1/people", Some(body)).await;
            cells += 1;
            if !check(want, status, &resp) {
                failures.push(format!(
                    "{actor_name} × create {level}: expected {want}, got {status} {resp}"
                ));
            }
        }
        let want = wants.next().unwrap();
        let (status, resp) = s.raw(t, "GET", "/api/v1/people", None).await;
        cells += 1;
        if !check(want, status, &resp) {
            failures.push(format!(
                "{actor_name} × open the user list: expected {want}, got {status} {resp}"
            ));
        }
    }
    s.stop().await;
    assert!(
        failures.is_empty(),
        "[{}] {} of {cells} cells differ from PRODUCT.md:\n{}",
        backend.name(),
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "[{}] {cells} cells agree with the level table",
        backend.name()
    );
}

#[tokio::test]
async fn every_cell_of_the_level_table_holds() {
    for backend in backends() {
        run(&backend).await;
    }
}

#[tokio::test]
async fn a_level_3_user_created_by_a_level_2_user_lands_under_their_charge() {
    for backend in backends() {
        let s: TestServer = crate::support::start(&backend).await;
        let org = s.org("ALPHA", false).await;
        let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let created = c
            .create_person(&sesame_core::api::NewPerson {
                last_name: "Roy".into(),
                first_name: "Mathéo".into(),
                user_id: "m.roy".into(),
                email: "m.roy@example.org".into(),
                phone: None,
                level: Level::Three,
                language: Language::Fr,
                roles: vec![],
                is_contact: false,
            })
            .await
            .unwrap();
        let rec = c.person(boss).await.unwrap();
        assert_eq!(
            rec.under_charge.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![created.person.person.id]
        );
        assert_eq!(
            created
                .person
                .managers
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>(),
            vec![boss]
        );
        s.stop().await;
    }
}

/// The rights sent with the signed-in account are the rules' answers: each level sees exactly
/// the screens and levels PRODUCT.md gives it, and a structure says whether its technical user
/// may be managed by the one who reads it (its primary manager or level 1, nobody else).
#[tokio::test]
async fn rights_sent_with_the_account_follow_the_level_table() {
    use sesame_core::domain::rules::Rights;
    for backend in backends() {
        let s = crate::support::start(&backend).await;
        let org = s.org("RIGHTS", true).await;
        let mut ids = vec![];
        for (user, level) in [
            ("one", Level::One),
            ("two-a", Level::TwoWithApproval),
            ("two", Level::Two),
            ("three", Level::Three),
        ] {
            ids.push(s.person(org, user, level, Some(PASSWORD)).await);
        }
        {
            let mut tx = s.db.begin().await.unwrap();
            let company = tx
                .insert_structure(org, None, StructureKind::Company, "Company")
                .await
                .unwrap();
            let shop = tx
                .insert_structure(org, Some(company), StructureKind::Establishment, "Shop")
                .await
                .unwrap();
            assert!(tx.set_primary_manager(shop, 1, Some(ids[2])).await.unwrap());
            tx.commit().await.unwrap();
        }
        let all = |list, levels: &[Level], admin| Rights {
            list_people: list,
            grantable_levels: levels.to_vec(),
            see_structures: list,
            manage_structures: admin,
            manage_service_users: admin,
            manage_all_technical_users: admin,
            manage_contacts: list,
            manage_roles: admin,
            read_audit: list,
            read_outbox: admin,
            set_document_settings: admin,
        };
        let expected = [
            ("one", all(true, &Level::ALL, true)),
            (
                "two-a",
                all(
                    true,
                    &[Level::TwoWithApproval, Level::Two, Level::Three],
                    false,
                ),
            ),
            ("two", all(true, &[Level::Two, Level::Three], false)),
            ("three", all(false, &[], false)),
        ];
        for (user, rights) in expected {
            let c = s.sign_in("RIGHTS", user, PASSWORD).await;
            let me = c.me().await.unwrap();
            assert_eq!(me.rights, rights, "{} on {}", user, backend.name());
            if me.rights.see_structures {
                let shop = c
                    .structures()
                    .await
                    .unwrap()
                    .into_iter()
                    .find(|st| st.name == "Shop")
                    .expect("the shop is listed");
                let manages = matches!(user, "one" | "two");
                let offered = shop.may(StructureAction::CreateTechnicalUser)
                    || shop.may(StructureAction::ManageTechnicalUser);
                assert_eq!(offered, manages, "{user}: shop");
            }
        }
        s.stop().await;
    }
}

/// A record says whether its reader may place users under this user's charge, and the link
/// route agrees: Y offered and accepted, N neither, - the record is not visible at all.
#[tokio::test]
async fn links_under_charge_are_offered_exactly_where_the_server_accepts_them() {
    // The level-3 user is under the reader's charge.
    const TARGETS: [&str; 5] = [
        "self",
        "level 1",
        "level 2 with approval",
        "level 2",
        "level 3",
    ];
    const OFFERED: &[(&str, Level, &str)] = &[
        ("one", Level::One, "YYYYN"),
        ("two-a", Level::TwoWithApproval, "N-YYN"),
        ("two", Level::Two, "N-NYN"),
        ("three", Level::Three, "N----"),
    ];
    let managers = [Level::One, Level::TwoWithApproval, Level::Two, Level::Three];
    for backend in backends() {
        let s = crate::support::start(&backend).await;
        let org = s.org("CHARGE", true).await;
        let mut failures = vec![];
        let mut n = 0;
        for (user, level, expected) in OFFERED {
            let reader = s.person(org, user, *level, Some(PASSWORD)).await;
            let c = s.sign_in("CHARGE", user, PASSWORD).await;
            let mut ids = vec![reader];
            for manager_level in managers {
                n += 1;
                let id = s.person(org, &format!("m{n}"), manager_level, None).await;
                if manager_level == Level::Three {
                    s.link(reader, id).await;
                }
                ids.push(id);
            }
            for ((id, want), target) in ids.into_iter().zip(expected.chars()).zip(TARGETS) {
                // A level-3 user the reader manages, so only the manager's side decides.
                n += 1;
                let sub = s.person(org, &format!("s{n}"), Level::Three, None).await;
                s.link(reader, sub).await;
                let (status, rec) = s
                    .raw(c.token(), "GET", &format!("/api/v1/people/{id}"), None)
                    .await;
                let offered = match status {
                    200 => rec["actions"]
                        .as_array()
                        .map(|a| a.iter().any(|x| x == "link_under_charge")),
                    _ => None,
                };
                let path = format!("/api/v1/people/{id}/under-charge/{sub}");
                let (linked, _) = s.raw(c.token(), "PUT", &path, None).await;
                let agrees = match want {
                    'Y' => offered == Some(true) && linked == 200,
                    // A level-3 reader sees no subordinate at all: "not found" then.
                    'N' => offered == Some(false) && matches!(linked, 403 | 404),
                    _ => status == 404 && linked == 404,
                };
                if !agrees {
                    failures.push(format!(
                        "{user} on {target}: expected {want}, got record {status} offering {offered:?}, link {linked}"
                    ));
                }
            }
        }
        s.stop().await;
        assert!(
            failures.is_empty(),
            "[{}]\n{}",
            backend.name(),
            failures.join("\n")
        );
    }
}
