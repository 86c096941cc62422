//! Initializing people's passwords over real HTTP, one at a time and in batches, and the links
//! under charge.

use crate::support::{PASSWORD, backends};
use serde_json::json;
use sesame_core::api::ErrorCode;
use sesame_core::domain::Level;

#[tokio::test]
async fn initialize_password_gives_a_temporary_password_once_and_links_are_managed() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let zoe = s.person(org, "zoe", Level::Three, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let zoe_session = s.sign_in("ALPHA", "zoe", PASSWORD).await;
        let temp = c.initialize_password(zoe).await.unwrap().password;
        assert_eq!(
            zoe_session.me().await.unwrap_err().code(),
            Some(ErrorCode::Unauthenticated),
            "old sessions end"
        );
        assert!(
            s.client()
                .sign_in("ALPHA", "zoe", PASSWORD, None)
                .await
                .is_err()
        );
        let again = s
            .client()
            .sign_in("ALPHA", "zoe", &temp, None)
            .await
            .unwrap();
        assert!(again.me.must_change_password);
        // Link zoe under boss, see it from both sides, unlink.
        let (st, rec) = s
            .raw(
                c.token(),
                "PUT",
                &format!("/api/v1/people/{boss}/under-charge/{zoe}"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert_eq!(rec["under_charge"][0]["id"].as_i64(), Some(zoe));
        assert_eq!(c.person(zoe).await.unwrap().managers[0].id, boss);
        let boss_c = s.sign_in("ALPHA", "boss", PASSWORD).await;
        assert!(boss_c.person(zoe).await.is_ok(), "boss now sees zoe");
        let (st, _) = s
            .raw(
                c.token(),
                "DELETE",
                &format!("/api/v1/people/{boss}/under-charge/{zoe}"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert_eq!(
            boss_c.person(zoe).await.unwrap_err().code(),
            Some(ErrorCode::NotFound)
        );
        // Nobody of level 3 has anyone under their charge.
        let other = s.person(org, "other", Level::Three, None).await;
        let (st, resp) = s
            .raw(
                c.token(),
                "PUT",
                &format!("/api/v1/people/{zoe}/under-charge/{other}"),
                None,
            )
            .await;
        assert_eq!(
            (st, resp["error"]["code"].as_str()),
            (403, Some("level_not_grantable"))
        );
        // Roles from the catalogue only.
        let rec = c
            .update_roles(zoe, &["payroll".into(), "billing".into()])
            .await
            .unwrap();
        assert_eq!(rec.person.roles, ["billing", "payroll"]);
        s.stop().await;
    }
}

#[tokio::test]
async fn a_batch_initializes_every_password_or_none() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let mine = s.person(org, "mine", Level::Three, Some(PASSWORD)).await;
        let theirs = s.person(org, "theirs", Level::Three, Some(PASSWORD)).await;
        s.link(boss, mine).await;
        // Level 2: "theirs" is not under this user's charge, so nothing changes, not even "mine".
        let bc = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let (st, body) = s
            .raw(
                bc.token(),
                "POST",
                "/api/v1/people/passwords",
                Some(json!({"ids": [mine, theirs]})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (404, Some("not_found"))
        );
        s.sign_in("ALPHA", "mine", PASSWORD).await;
        // Level 1: both, each password shown once and working.
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let list = admin
            .initialize_passwords(&[mine, theirs, mine])
            .await
            .unwrap();
        assert_eq!(list.len(), 2);
        for p in &list {
            let user = if p.id == mine { "mine" } else { "theirs" };
            let session = s
                .client()
                .sign_in("ALPHA", user, &p.password, None)
                .await
                .unwrap();
            assert!(session.me.must_change_password);
        }
        let (st, body) = s
            .raw(
                admin.token(),
                "POST",
                "/api/v1/people/passwords",
                Some(json!({"ids": []})),
            )
            .await;
        assert_eq!((st, body["error"]["field"].as_str()), (422, Some("ids")));
        s.stop().await;
    }
}
