//! The OpenAPI document, `init` and `demo`, roles, contacts and the audit log.

use crate::support::{PASSWORD, backends};
use serde_json::json;
use sesame_core::api::ErrorCode;
use sesame_core::domain::{FieldError, Language, Level};
use sesame_server::demo;
use sesame_server::setup::{self, FirstOrganization, SetupError};

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let b = &backends()[0];
    let s = crate::support::start(b).await;
    let (st, doc) = s.raw(None, "GET", "/api/v1/openapi.json", None).await;
    assert_eq!(st, 200);
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/v1/session",
        "/api/v1/people",
        "/api/v1/people/{id}",
        "/api/v1/service-users",
        "/api/v1/structures/{id}/technical-user",
        "/api/v1/audit.csv",
        "/api/v1/invitations",
    ] {
        assert!(paths.contains_key(p), "{p} documented");
    }
    assert!(
        doc["components"]["schemas"]["ErrorCode"]["enum"]
            .as_array()
            .unwrap()
            .len()
            > 20
    );
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    let (st, _) = s.raw(None, "GET", "/healthz", None).await;
    assert_eq!(st, 200);
    s.stop().await;
}

#[tokio::test]
async fn init_creates_a_first_level_1_user_whose_temporary_password_must_be_changed() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let first = FirstOrganization {
            code: "acme".into(),
            name: "Acmé & Cie".into(),
            language: Language::Fr,
            public_service: true,
            user_id: "marie".into(),
            last_name: "Tremblay".into(),
            first_name: "Marie".into(),
            email: "marie@acme.example".into(),
        };
        let password = setup::create_organization(&s.db, &first).await.unwrap();
        assert_eq!(
            setup::create_organization(&s.db, &first).await,
            Err(SetupError::CodeTaken("ACME".into()))
        );
        let session = s
            .client()
            .sign_in("ACME", "marie", &password, None)
            .await
            .unwrap();
        assert!(session.me.must_change_password);
        assert_eq!(session.me.level, Some(Level::One));
        assert!(session.me.organization.public_service);
        // demo: once, and its people sign in.
        assert!(demo::demo(&s.db).await.unwrap());
        assert!(!demo::demo(&s.db).await.unwrap());
        let demo_admin = s
            .sign_in(demo::DEMO_CODE, "demo", demo::DEMO_PASSWORD)
            .await;
        let all = demo_admin.all_people(100).await.unwrap();
        assert!(all.len() >= 12);
        assert!(all.iter().any(|p| p.last_name == "Łukasiewicz-Ñúñez"));
        let okafor = s
            .sign_in(demo::DEMO_CODE, "r.okafor", demo::DEMO_PASSWORD)
            .await;
        assert!(
            okafor.all_people(100).await.unwrap().len() < all.len(),
            "level 2 sees less"
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn an_invalid_first_organization_names_every_wrong_field_and_creates_nothing() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let count = || async {
            s.db.read()
                .await
                .unwrap()
                .organization_count()
                .await
                .unwrap()
        };
        let before = count().await;
        let first = FirstOrganization {
            code: "a b".into(),
            name: "   ".into(),
            language: Language::En,
            public_service: false,
            user_id: "x".into(),
            last_name: "Doe".into(),
            first_name: "Jane".into(),
            email: "not-an-email".into(),
        };
        let err = setup::create_organization(&s.db, &first).await.unwrap_err();
        assert_eq!(
            err,
            SetupError::InvalidFields(vec![
                FieldError::new("code", setup::ORGANIZATION_CODE_REASON),
                FieldError::new("name", "required"),
                FieldError::new("user_id", "user_id_length"),
                FieldError::new("email", "invalid_email"),
            ])
        );
        assert!(err.to_string().contains("organization name"));
        assert_eq!(count().await, before, "nothing created");
        let mut conn = s.db.read().await.unwrap();
        assert!(conn.organization_by_code("A B").await.unwrap().is_none());
        drop(conn);
        s.stop().await;
    }
}

#[tokio::test]
async fn the_audit_log_filters_exports_and_stays_within_what_level_2_sees() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        let admin_id = s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let mine = s.person(org, "mine", Level::Three, None).await;
        let hidden = s.person(org, "hidden", Level::Three, None).await;
        s.link(boss, mine).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        admin.update_roles(mine, &["billing".into()]).await.unwrap();
        admin
            .update_roles(hidden, &["payroll".into()])
            .await
            .unwrap();
        let (st, role) = s
            .raw(
                t,
                "POST",
                "/api/v1/roles",
                Some(json!({"code": "auditor", "name_en": "Auditor", "name_fr": "Auditeur"})),
            )
            .await;
        assert_eq!((st, role["code"].as_str()), (200, Some("auditor")));
        let (st, _) = s.raw(t, "POST", "/api/v1/contacts", Some(json!({"last_name": "Bouchard", "first_name": "Louise", "email": "louise@example.org", "purpose": "invoices"}))).await;
        assert_eq!(st, 200);
        let (_, page) = s
            .raw(
                t,
                "GET",
                &format!("/api/v1/audit?action=roles_updated&target={hidden}"),
                None,
            )
            .await;
        let items = page["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["actor"], "admin");
        assert_eq!(items[0]["actor_id"].as_i64(), Some(admin_id));
        assert_eq!(
            items[0]["detail"],
            json!({"kind": "roles", "from": [], "to": ["payroll"]})
        );
        let (_, page) = s
            .raw(
                t,
                "GET",
                &format!("/api/v1/audit?actor={admin_id}&limit=2"),
                None,
            )
            .await;
        assert_eq!(page["items"].as_array().unwrap().len(), 2);
        let cursor = page["next_cursor"].as_str().unwrap();
        let (_, rest) = s
            .raw(
                t,
                "GET",
                &format!("/api/v1/audit?actor={admin_id}&cursor={cursor}"),
                None,
            )
            .await;
        assert_eq!(
            rest["items"].as_array().unwrap().len(),
            2,
            "roles ×2, role created, contact created"
        );
        let (st, body) = s.raw(t, "GET", "/api/v1/audit?from=yesterday", None).await;
        assert_eq!((st, body["error"]["field"].as_str()), (422, Some("from")));
        let (_, future) = s
            .raw(t, "GET", "/api/v1/audit?from=2999-01-01T00:00:00Z", None)
            .await;
        assert!(future["items"].as_array().unwrap().is_empty());
        let csv = admin
            .call_text::<()>(
                reqwest::Method::GET,
                "/audit.csv?action=roles_updated",
                None,
            )
            .await
            .unwrap();
        assert!(
            csv.starts_with('\u{feff}'),
            "a byte-order mark for spreadsheets"
        );
        let mut lines = csv.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("id,at,actor,action,target,detail"));
        assert_eq!(lines.count(), 2);
        // Level 2: entries about the people they see only.
        let bc = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let (_, page) = s.raw(bc.token(), "GET", "/api/v1/audit", None).await;
        let targets: Vec<i64> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["target_id"].as_i64())
            .collect();
        assert_eq!(targets, vec![mine]);
        let l3 = s.person(org, "l3", Level::Three, Some(PASSWORD)).await;
        let _ = l3;
        let c3 = s.sign_in("ALPHA", "l3", PASSWORD).await;
        let e = c3
            .call_text::<()>(reqwest::Method::GET, "/audit", None)
            .await
            .unwrap_err();
        assert_eq!(e.code(), Some(ErrorCode::Forbidden));
        let e = bc
            .call_text::<()>(reqwest::Method::GET, "/outbox", None)
            .await
            .unwrap_err();
        assert_eq!(
            e.code(),
            Some(ErrorCode::Forbidden),
            "the outbox holds invitation links: level 1 only"
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn an_in_memory_database_serves_a_whole_sign_in() {
    let running = sesame_server::start("sqlite::memory:", "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    assert!(demo::demo(&running.db).await.unwrap());
    let c = sesame_client::Client::new(&running.url());
    let session = c
        .sign_in(demo::DEMO_CODE, "demo", demo::DEMO_PASSWORD, None)
        .await
        .unwrap();
    let me = c.with_token(Some(session.token));
    assert!(me.all_people(5).await.unwrap().len() >= 12);
    running.stop().await;
}

#[tokio::test]
async fn an_actions_detail_comes_back_as_data_with_stable_field_names() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let zoe = s.person(org, "zoe", Level::Three, None).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();
        let version = admin.person(zoe).await.unwrap().person.version;
        let change = json!({"version": version, "phone": "514 555-0199", "level": "level_2"});
        let (st, body) = s
            .raw(t, "PATCH", &format!("/api/v1/people/{zoe}"), Some(change))
            .await;
        assert_eq!(st, 200, "{body}");
        let (st, shop) = s
            .raw(
                t,
                "POST",
                "/api/v1/structures",
                Some(json!({"kind": "company", "name": "Boutique Nord"})),
            )
            .await;
        assert_eq!(st, 200, "{shop}");
        let scope = json!({"all_companies": true, "structure_ids": [shop["id"]]});
        let (st, body) = s
            .raw(
                t,
                "POST",
                "/api/v1/service-users",
                Some(json!({"user_code": "PAIE01", "application": "Paie", "scope": scope})),
            )
            .await;
        assert_eq!(st, 200, "{body}");
        let (_, page) = s.raw(t, "GET", "/api/v1/audit?limit=3", None).await;
        let details: Vec<&serde_json::Value> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["detail"])
            .collect();
        assert_eq!(
            details,
            [
                &json!({"kind": "service_user", "application": "Paie", "scope": {
                    "all_companies": true, "whole_structure": false,
                    "structures": [{"id": shop["id"], "name": "Boutique Nord"}]}}),
                &json!({"kind": "structure", "structure_kind": "company",
                    "structure": {"id": shop["id"], "name": "Boutique Nord"}}),
                &json!({"kind": "changes", "changes": [
                    {"field": "phone", "from": "", "to": "514 555-0199"},
                    {"field": "level", "from": "level_3", "to": "level_2"}]}),
            ]
        );
        // Nothing to add: no detail at all (a reset of the 2FA she had enrolled).
        let mut tx = s.db.begin().await.unwrap();
        tx.set_totp_secret(zoe, Some("SECRET"), true).await.unwrap();
        tx.commit().await.unwrap();
        let (st, _) = s
            .raw(
                t,
                "DELETE",
                &format!("/api/v1/people/{zoe}/two-factor"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let (_, page) = s.raw(t, "GET", "/api/v1/audit?limit=1", None).await;
        assert!(page["items"][0]["detail"].is_null(), "{page}");
        let (_, doc) = s.raw(None, "GET", "/api/v1/openapi.json", None).await;
        let schemas = &doc["components"]["schemas"];
        assert!(
            schemas["AuditDetail"]["oneOf"].is_array(),
            "{}",
            schemas["AuditDetail"]
        );
        assert!(schemas["FieldChange"].is_object());
        s.stop().await;
    }
}

/// Rows written as free text before details were data, put back as they were before the
/// migration, then migrated again by the same statement.
#[tokio::test]
async fn the_migration_keeps_old_free_text_details_as_legacy_or_reads_their_fixed_shapes() {
    use sesame_server::store::{Conn, Held};
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let insert = format!(
            "DELETE FROM audit; INSERT INTO audit (org_id, at, actor_id, actor_label, action, target_id, target_label, detail) VALUES \
             ({org}, 1, NULL, 'x', 'password_initialized', NULL, 'zoe', 'temporary password'), \
             ({org}, 2, NULL, 'x', 'placed_under_charge', NULL, 'zoe', 'manager marie'), \
             ({org}, 3, NULL, 'x', 'person_created', NULL, 'zoe', 'level_3, roles [\"billing\"]'), \
             ({org}, 4, NULL, 'x', 'own_password_changed', NULL, 'zoe', '')"
        );
        let (sqlite, postgres) = (
            include_str!("../../src/store/migrations/sqlite/0003_structured_audit_detail.sql"),
            include_str!("../../src/store/migrations/postgres/0003_structured_audit_detail.sql"),
        );
        let mut conn = s.db.begin().await.unwrap();
        match &mut conn {
            Conn::Sqlite(Held::Tx(tx)) => {
                sqlx::raw_sql(sqlx::AssertSqlSafe(insert))
                    .execute(&mut **tx)
                    .await
                    .unwrap();
                sqlx::raw_sql(sqlite).execute(&mut **tx).await.unwrap();
            }
            Conn::Postgres(Held::Tx(tx)) => {
                sqlx::raw_sql(sqlx::AssertSqlSafe(insert))
                    .execute(&mut **tx)
                    .await
                    .unwrap();
                sqlx::raw_sql(postgres).execute(&mut **tx).await.unwrap();
            }
            _ => unreachable!("begin opens a transaction"),
        }
        conn.commit().await.unwrap();
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let (_, page) = s.raw(admin.token(), "GET", "/api/v1/audit", None).await;
        let details: Vec<serde_json::Value> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["actor"] == "x")
            .map(|e| e["detail"].clone())
            .collect();
        assert_eq!(
            details,
            [
                serde_json::Value::Null,
                json!({"kind": "legacy", "text": "level_3, roles [\"billing\"]"}),
                json!({"kind": "manager", "user_id": "marie"}),
                json!({"kind": "temporary_password", "batch": false}),
            ]
        );
        s.stop().await;
    }
}
