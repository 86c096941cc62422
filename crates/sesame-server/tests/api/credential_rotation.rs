//! Rotation with overlap and the health view of API credentials, over real HTTP on the
//! server's injected clock (see `credentials` for the world they share).

use serde_json::json;

use crate::credentials::{DAY, secs, token, world};
use crate::support::{PASSWORD, backends};

#[tokio::test]
async fn a_rotation_keeps_the_old_password_working_for_the_grace_period_only() {
    for b in backends() {
        let w = world(&b).await;
        let s = &w.s;
        let (id, old) = w.service_user("ROTATE01").await;
        let rotate = format!("/api/v1/service-users/{id}/password/rotate");
        for (grace, reason) in [(0, "grace_days_range"), (31, "grace_days_range")] {
            let (st, e) = s
                .raw(w.t(), "POST", &rotate, Some(json!({"grace_days": grace})))
                .await;
            assert_eq!(
                (st, e["error"]["reason"].as_str()),
                (422, Some(reason)),
                "{e}"
            );
        }
        let (st, rotated) = s
            .raw(w.t(), "POST", &rotate, Some(json!({"grace_days": 3})))
            .await;
        assert_eq!(st, 200, "{rotated}");
        let new = rotated["password"].as_str().unwrap().to_owned();
        let until = secs(&rotated["previous_password_until"]);
        assert!((until - (w.clock.now() + 3 * DAY)).abs() < 60);
        // Both work during the grace period; the record shows both ends, never a secret.
        assert_eq!(token(s, "ROTATE01", &old).await.0, 200);
        assert_eq!(token(s, "ROTATE01", &new).await.0, 200);
        let (_, record) = s
            .raw(w.t(), "GET", &format!("/api/v1/service-users/{id}"), None)
            .await;
        assert_eq!(secs(&record["previous_password_until"]), until);
        assert_eq!(record["password_expires_at"], rotated["expires_at"]);
        assert!(!record.to_string().contains(&new));
        w.clock.advance_days(3);
        let (st, body) = token(s, "ROTATE01", &old).await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (401, Some("invalid_credentials"))
        );
        assert_eq!(token(s, "ROTATE01", &new).await.0, 200);
        let (_, record) = s
            .raw(w.t(), "GET", &format!("/api/v1/service-users/{id}"), None)
            .await;
        assert!(record["previous_password_until"].is_null(), "{record}");

        // The default grace is 7 days; "end the old password now" ends it at once.
        let (_, again) = s.raw(w.t(), "POST", &rotate, Some(json!({}))).await;
        assert!((secs(&again["previous_password_until"]) - (w.clock.now() + 7 * DAY)).abs() < 60);
        let newest = again["password"].as_str().unwrap();
        assert_eq!(token(s, "ROTATE01", &new).await.0, 200);
        let (st, after) = s
            .raw(
                w.t(),
                "DELETE",
                &format!("/api/v1/service-users/{id}/password/previous"),
                None,
            )
            .await;
        assert_eq!(st, 200, "{after}");
        assert!(after["previous_password_until"].is_null());
        assert_eq!(token(s, "ROTATE01", &new).await.0, 401);
        assert_eq!(token(s, "ROTATE01", newest).await.0, 200);

        // The same for a technical user, managed by its primary manager too.
        let (tech, login, tech_old) = w.technical_user().await;
        let manon = s.sign_in("CRED", "manon", PASSWORD).await;
        let (st, rotated) = s
            .raw(
                manon.token(),
                "POST",
                &format!("/api/v1/technical-users/{tech}/password/rotate"),
                Some(json!({"grace_days": 30})),
            )
            .await;
        assert_eq!(st, 200, "{rotated}");
        assert_eq!(token(s, &login, &tech_old).await.0, 200);
        // Its primary manager is told in French, without the password.
        let told = w.outbox().await;
        let mail = told
            .iter()
            .find(|m| {
                m["subject"]
                    .as_str()
                    .unwrap()
                    .contains("nouveau mot de passe")
            })
            .expect("the rotation's mail");
        assert_eq!(mail["recipient"], "manon@example.org");
        let body = mail["body"].as_str().unwrap();
        assert!(
            body.contains("L’ancien mot de passe fonctionne jusqu’au"),
            "{body}"
        );
        assert!(!body.contains(rotated["password"].as_str().unwrap()));
        let (st, _) = s
            .raw(
                manon.token(),
                "DELETE",
                &format!("/api/v1/technical-users/{tech}/password/previous"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert_eq!(token(s, &login, &tech_old).await.0, 401);
        assert_eq!(
            token(s, &login, rotated["password"].as_str().unwrap())
                .await
                .0,
            200
        );
        let actions = w.actions().await;
        for a in [
            "service_user_password_rotated",
            "technical_user_password_rotated",
            "previous_password_ended",
        ] {
            assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
        }
        assert_eq!(w.count("previous_password_ended").await, 2);
        w.s.stop().await;
    }
}

#[tokio::test]
async fn the_health_view_counts_days_on_the_server_clock_and_filters() {
    for b in backends() {
        let w = world(&b).await;
        let s = &w.s;
        let (used, password) = w.service_user("USED0001").await;
        let (_, _) = w.service_user("IDLE0001").await;
        let (tech, _, _) = w.technical_user().await;
        assert_eq!(token(s, "USED0001", &password).await.0, 200);
        let wr = &w;
        let health = |filter: &'static str| {
            let path = if filter.is_empty() {
                "/api/v1/credentials".to_owned()
            } else {
                format!("/api/v1/credentials?filter={filter}")
            };
            async move {
                let (st, body) = wr.s.raw(wr.t(), "GET", &path, None).await;
                assert_eq!(st, 200, "{body}");
                body.as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h["user_id"].as_str().unwrap().to_owned())
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(health("").await.len(), 3);
        assert_eq!(
            health("never_used").await,
            [
                "IDLE0001",
                "TECH000001"
                    .replace("000001", &format!("{:06}", w.company))
                    .as_str()
            ]
        );
        assert!(health("unused_90_days").await.len() == 2);
        assert!(health("expires_within_30_days").await.is_empty());
        w.clock.advance_days(100);
        assert_eq!(health("unused_90_days").await.len(), 3);
        let (_, all) = s.raw(w.t(), "GET", "/api/v1/credentials", None).await;
        let line = all
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == used)
            .unwrap();
        assert_eq!(line["days_since_use"], 100);
        assert_eq!(line["age_days"], 100);
        assert_eq!(line["days_to_expiry"], 265);
        assert_eq!(line["kind"], "service_user");
        assert_eq!(line["owners"][0]["user_id"], "admin");
        let t = all
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == tech)
            .unwrap();
        assert_eq!(t["owners"][0]["user_id"], "manon");
        assert_eq!(t["label"], "Boulangerie Tremblay & Fils");
        w.clock.advance_days(240);
        assert_eq!(health("expires_within_30_days").await.len(), 3);
        w.clock.advance_days(30);
        assert_eq!(health("expired").await.len(), 3);
        assert!(health("expires_within_30_days").await.is_empty());
        // A primary manager sees the technical users of their structures only.
        let manon = s.sign_in("CRED", "manon", PASSWORD).await;
        let (st, mine) = s
            .raw(manon.token(), "GET", "/api/v1/credentials", None)
            .await;
        assert_eq!(st, 200);
        assert_eq!(mine.as_array().unwrap().len(), 1);
        assert_eq!(mine[0]["id"], tech);
        let (st, _) = s
            .raw(w.t(), "GET", "/api/v1/credentials?filter=soon", None)
            .await;
        assert_eq!(st, 422);
        w.s.stop().await;
    }
}
