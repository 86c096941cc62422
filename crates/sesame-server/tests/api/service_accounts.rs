//! Service users and technical users over real HTTP: who manages them, passwords shown once,
//! scope, and a technical user that follows its structure's primary manager.

use crate::support::{PASSWORD, TestServer, backends};
use serde_json::json;
use sesame_core::domain::{Language, Level, Status};

async fn structure(
    s: &TestServer,
    token: Option<&str>,
    parent: Option<i64>,
    kind: &str,
    name: &str,
) -> i64 {
    let (st, body) = s
        .raw(
            token,
            "POST",
            "/api/v1/structures",
            Some(json!({"parent_id": parent, "kind": kind, "name": name})),
        )
        .await;
    assert_eq!(st, 200, "{body}");
    body["id"].as_i64().unwrap()
}

#[tokio::test]
async fn service_users_are_created_by_level_1_with_a_checked_code_and_a_password_shown_once() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "deputy", Level::Two, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        let company = structure(&s, t, None, "company", "Lumière inc.").await;
        let shop = structure(&s, t, Some(company), "establishment", "Boutique de Québec").await;
        let other = structure(&s, t, None, "company", "Autre ltée").await;
        let new = |code: &str| {
            json!({"user_code": code, "application": "Paie Nethris", "language": "fr",
                                       "scope": {"structure_ids": [company]}})
        };
        for (code, reason) in [
            ("PAIE1", "user_code_length"),
            ("PAIE2026XYZ", "user_code_length"),
            ("PAIE-26", "user_code_characters"),
            ("PAIÉ2026", "user_code_characters"),
        ] {
            let (st, body) = s
                .raw(t, "POST", "/api/v1/service-users", Some(new(code)))
                .await;
            assert_eq!(
                (
                    st,
                    body["error"]["field"].as_str(),
                    body["error"]["reason"].as_str()
                ),
                (422, Some("user_code"), Some(reason)),
                "{code}"
            );
        }
        let deputy = s.sign_in("ALPHA", "deputy", PASSWORD).await;
        let (st, _) = s
            .raw(
                deputy.token(),
                "POST",
                "/api/v1/service-users",
                Some(new("PAIE2026")),
            )
            .await;
        assert_eq!(st, 403);
        let (st, created) = s
            .raw(t, "POST", "/api/v1/service-users", Some(new("PAIE2026")))
            .await;
        assert_eq!(st, 200, "{created}");
        let password = created["password"].as_str().unwrap().to_owned();
        let id = created["service_user"]["id"].as_i64().unwrap();
        let (st, body) = s
            .raw(t, "POST", "/api/v1/service-users", Some(new("paie2026")))
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (409, Some("duplicate_user_id"))
        );
        // Its token reads the structures of its scope: the company and its subtree.
        let api = s.client().with_token(Some(
            s.client()
                .api_token("ALPHA", "PAIE2026", &password)
                .await
                .unwrap()
                .token,
        ));
        let seen: Vec<i64> = api
            .structures()
            .await
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert!(!seen.contains(&other) && seen.contains(&shop) && seen.contains(&company));
        // A reset gives a new permanent password; the old one stops working.
        let (st, reset) = s
            .raw(
                t,
                "POST",
                &format!("/api/v1/service-users/{id}/password"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let new_password = reset["password"].as_str().unwrap();
        assert!(
            s.client()
                .api_token("ALPHA", "PAIE2026", &password)
                .await
                .is_err()
        );
        s.client()
            .api_token("ALPHA", "PAIE2026", new_password)
            .await
            .unwrap();
        // Suspended: no more tokens. Whole structure: every structure.
        let (st, su) = s
            .raw(
                t,
                "PATCH",
                &format!("/api/v1/service-users/{id}"),
                Some(json!({"version": 1, "status": "suspended"})),
            )
            .await;
        assert_eq!((st, su["status"].as_str()), (200, Some("suspended")));
        let (st, body) = s
            .raw(
                t,
                "PATCH",
                &format!("/api/v1/service-users/{id}"),
                Some(json!({"version": 1, "status": "active"})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (409, Some("stale_version"))
        );
        assert!(
            s.client()
                .api_token("ALPHA", "PAIE2026", new_password)
                .await
                .is_err()
        );
        // Records the body names that do not exist here are wrong fields (422), all named in
        // one answer beside the other faults; the service user itself is found and unchanged.
        let missing = other + 1_000;
        let (st, body) = s
            .raw(
                t,
                "PATCH",
                &format!("/api/v1/service-users/{id}"),
                Some(
                    json!({"version": 2, "application": " ", "responsible_id": missing,
                    "scope": {"structure_ids": [missing]}}),
                ),
            )
            .await;
        let mut named: Vec<(&str, &str)> = body["error"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
            .collect();
        named.sort();
        assert_eq!(
            (st, named),
            (
                422,
                vec![
                    ("application", "required"),
                    ("responsible_id", "not_found"),
                    ("scope", "not_found")
                ]
            ),
            "{body}"
        );
        let (st, body) = s
            .raw(t, "GET", &format!("/api/v1/service-users/{id}"), None)
            .await;
        assert_eq!(
            (st, body["version"].as_i64(), body["application"].as_str()),
            (200, Some(2), Some("Paie Nethris"))
        );
        let (st, _) = s.raw(t, "PATCH", &format!("/api/v1/service-users/{id}"), Some(json!({"version": 2, "status": "active", "scope": {"all_companies": true, "whole_structure": true}}))).await;
        assert_eq!(st, 200);
        let api = s.client().with_token(Some(
            s.client()
                .api_token("ALPHA", "PAIE2026", new_password)
                .await
                .unwrap()
                .token,
        ));
        assert_eq!(api.structures().await.unwrap().len(), 3);
        let (st, list) = s.raw(t, "GET", "/api/v1/service-users", None).await;
        assert_eq!((st, list.as_array().unwrap().len()), (200, 1));
        assert!(!list.to_string().contains(new_password));
        s.stop().await;
    }
}

#[tokio::test]
async fn a_technical_user_is_created_by_the_primary_manager_and_follows_them() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let céline = s
            .person_with(
                org,
                "celine",
                Level::Two,
                Status::Active,
                Language::Fr,
                Some(PASSWORD),
            )
            .await;
        let rita = s
            .person_with(
                org,
                "rita",
                Level::One,
                Status::Active,
                Language::En,
                Some(PASSWORD),
            )
            .await;
        let stranger = s.person(org, "stranger", Level::Two, Some(PASSWORD)).await;
        let seen_by_rita_only = s.person(org, "only1", Level::One, None).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        let company = structure(&s, t, None, "company", "Lumière inc.").await;
        let shop = structure(&s, t, Some(company), "establishment", "Atelier de Montréal").await;
        let (st, body) = s
            .raw(
                t,
                "POST",
                &format!("/api/v1/structures/{shop}/technical-user"),
                None,
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (409, Some("no_primary_manager"))
        );
        let (st, _) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{shop}/primary-manager"),
                Some(json!({"version": 1, "person_id": céline})),
            )
            .await;
        assert_eq!(st, 200);
        let other = s.sign_in("ALPHA", "stranger", PASSWORD).await;
        let (st, _) = s
            .raw(
                other.token(),
                "POST",
                &format!("/api/v1/structures/{shop}/technical-user"),
                None,
            )
            .await;
        assert_eq!(st, 403, "only the primary manager or level 1");
        let manager = s.sign_in("ALPHA", "celine", PASSWORD).await;
        let (st, created) = s
            .raw(
                manager.token(),
                "POST",
                &format!("/api/v1/structures/{shop}/technical-user"),
                None,
            )
            .await;
        assert_eq!(st, 200, "{created}");
        let (st, body) = s
            .raw(
                manager.token(),
                "POST",
                &format!("/api/v1/structures/{shop}/technical-user"),
                None,
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (409, Some("technical_user_exists"))
        );
        let login = created["technical_user"]["user_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let tid = created["technical_user"]["id"].as_i64().unwrap();
        let password = created["password"].as_str().unwrap().to_owned();
        assert_eq!(
            created["technical_user"]["contact_email"].as_str(),
            Some("celine@example.org")
        );
        // The structure page shows it in "connected users".
        let (_, list) = s.raw(t, "GET", "/api/v1/structures", None).await;
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|x| x["id"] == shop && x["technical_user_id"] == tid)
        );
        // It acts as Céline (level 2): it sees the stranger (level 2), not a level-1 user.
        let api = |pw: String, login: String| {
            let c = s.client();
            async move { c.with_token(Some(c.api_token("ALPHA", &login, &pw).await.unwrap().token)) }
        };
        let tech = api(password.clone(), login.clone()).await;
        assert!(tech.person(stranger).await.is_ok());
        assert!(tech.person(seen_by_rita_only).await.is_err());
        // The manager changes their address: the contact follows.
        let me = manager.me().await.unwrap();
        let (st, _) = s
            .raw(
                manager.token(),
                "PATCH",
                "/api/v1/me",
                Some(json!({"version": me.version, "email": "celine.gagnon@example.org"})),
            )
            .await;
        assert_eq!(st, 200);
        let (_, t1) = s
            .raw(
                manager.token(),
                "GET",
                &format!("/api/v1/technical-users/{tid}"),
                None,
            )
            .await;
        assert_eq!(
            t1["contact_email"].as_str(),
            Some("celine.gagnon@example.org")
        );
        // A new primary manager: contact and rights follow at once, the old manager loses it.
        let (_, st_row) = s.raw(t, "GET", "/api/v1/structures", None).await;
        let version = st_row
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == shop)
            .unwrap()["version"]
            .as_i64()
            .unwrap();
        let (st, _) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{shop}/primary-manager"),
                Some(json!({"version": version, "person_id": rita})),
            )
            .await;
        assert_eq!(st, 200);
        let (_, t2) = s
            .raw(t, "GET", &format!("/api/v1/technical-users/{tid}"), None)
            .await;
        assert_eq!(t2["contact_email"].as_str(), Some("rita@example.org"));
        assert!(
            tech.person(seen_by_rita_only).await.is_ok(),
            "now with Rita's level 1"
        );
        let (st, _) = s
            .raw(
                manager.token(),
                "POST",
                &format!("/api/v1/technical-users/{tid}/password"),
                None,
            )
            .await;
        assert_eq!(st, 403, "Céline no longer manages it");
        // Rita resets the password: shown once, the old one stops working.
        let rita_c = s.sign_in("ALPHA", "rita", PASSWORD).await;
        let (st, reset) = s
            .raw(
                rita_c.token(),
                "POST",
                &format!("/api/v1/technical-users/{tid}/password"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert!(
            s.client()
                .api_token("ALPHA", &login, &password)
                .await
                .is_err()
        );
        api(
            reset["password"].as_str().unwrap().to_owned(),
            login.clone(),
        )
        .await;
        // Each change told the manager of the moment, in their language; never the password.
        let (_, outbox) = s.raw(t, "GET", "/api/v1/outbox", None).await;
        let mails = outbox.as_array().unwrap();
        assert_eq!(mails.len(), 2);
        let created_mail = mails
            .iter()
            .find(|m| m["recipient"] == "celine@example.org")
            .unwrap();
        assert_eq!(created_mail["language"], "fr");
        assert!(
            created_mail["subject"]
                .as_str()
                .unwrap()
                .contains("utilisateur technique créé")
        );
        let reset_mail = mails
            .iter()
            .find(|m| m["recipient"] == "rita@example.org")
            .unwrap();
        assert!(
            reset_mail["subject"]
                .as_str()
                .unwrap()
                .contains("password reset")
        );
        assert!(!outbox.to_string().contains(&password));
        assert!(
            !outbox
                .to_string()
                .contains(reset["password"].as_str().unwrap())
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn structures_are_managed_by_level_1_and_never_form_a_loop() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "deputy", Level::Two, Some(PASSWORD)).await;
        let l3 = s.person(org, "l3", Level::Three, None).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        let a = structure(&s, t, None, "company", "A").await;
        let b2 = structure(&s, t, Some(a), "establishment", "B").await;
        let c = structure(&s, t, Some(b2), "division", "C").await;
        let (st, body) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{a}/parent"),
                Some(json!({"version": 1, "parent_id": c})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (409, Some("structure_cycle"))
        );
        let (st, body) = s
            .raw(
                t,
                "POST",
                "/api/v1/structures",
                Some(json!({"kind": "division", "name": "Orphan"})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["field"].as_str()),
            (422, Some("parent_id"))
        );
        let (st, moved) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{c}/parent"),
                Some(json!({"version": 1, "parent_id": a})),
            )
            .await;
        assert_eq!((st, moved["parent_id"].as_i64()), (200, Some(a)));
        let (st, renamed) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{c}/name"),
                Some(json!({"version": 2, "name": "Pâtisserie"})),
            )
            .await;
        assert_eq!((st, renamed["name"].as_str()), (200, Some("Pâtisserie")));
        let (st, body) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{c}/name"),
                Some(json!({"version": 2, "name": "Late"})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (409, Some("stale_version"))
        );
        let (st, body) = s
            .raw(
                t,
                "PUT",
                &format!("/api/v1/structures/{c}/primary-manager"),
                Some(json!({"version": 3, "person_id": l3})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["field"].as_str()),
            (409, Some("person_id")),
            "level 3 cannot be primary manager"
        );
        let deputy = s.sign_in("ALPHA", "deputy", PASSWORD).await;
        let (st, _) = s
            .raw(
                deputy.token(),
                "POST",
                "/api/v1/structures",
                Some(json!({"kind": "company", "name": "Mine"})),
            )
            .await;
        assert_eq!(st, 403);
        assert_eq!(
            deputy.structures().await.unwrap().len(),
            3,
            "people read the whole tree"
        );
        s.stop().await;
    }
}
