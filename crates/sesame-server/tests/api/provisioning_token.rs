//! The provisioning token an identity provider keeps: issued by a level-1 user for an active
//! service user marked for provisioning, good for `/scim/v2` alone, replaced by the next one,
//! ended when the service user is unmarked.

use crate::scim::service_user;
use crate::support::{PASSWORD, TestServer, backends};
use serde_json::{Value, json};
use sesame_core::domain::Level;

/// The service user `code` as the API shows it to `admin`.
async fn record(s: &TestServer, admin: Option<&str>, code: &str) -> Value {
    let (st, list) = s.raw(admin, "GET", "/api/v1/service-users", None).await;
    assert_eq!(st, 200, "{list}");
    let items = list
        .as_array()
        .or(list["items"].as_array())
        .cloned()
        .unwrap();
    items
        .into_iter()
        .find(|u| u["user_code"] == code)
        .unwrap_or_else(|| panic!("{code} in {list}"))
}

async fn issue(s: &TestServer, who: Option<&str>, id: &Value) -> (u16, Value) {
    let path = format!("/api/v1/service-users/{id}/provisioning-token");
    s.raw(who, "POST", &path, None).await
}

fn offers_token(u: &Value) -> bool {
    u["actions"]
        .as_array()
        .unwrap()
        .contains(&json!("issue_provisioning_token"))
}

#[tokio::test]
async fn a_provisioning_token_works_on_scim_alone_and_the_next_one_replaces_it() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "deputy", Level::Two, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let admin = admin.token().unwrap().to_owned();
        let a = Some(admin.as_str());
        service_user(&s, a, "IDPSYNC01", true).await;
        service_user(&s, a, "PLAIN01", false).await;
        let marked = record(&s, a, "IDPSYNC01").await;
        let plain = record(&s, a, "PLAIN01").await;
        assert!(offers_token(&marked), "{marked}");
        assert!(!offers_token(&plain), "not marked: {plain}");

        // Not marked: refused, and said why.
        let (st, e) = issue(&s, a, &plain["id"]).await;
        assert_eq!(
            (st, e["error"]["code"].as_str()),
            (409, Some("not_provisioning")),
            "{e}"
        );
        // A level-2 user may not.
        let deputy = s.sign_in("ALPHA", "deputy", PASSWORD).await;
        let (st, _) = issue(&s, deputy.token(), &marked["id"]).await;
        assert_eq!(st, 403);

        let (st, first) = issue(&s, a, &marked["id"]).await;
        assert_eq!(st, 200, "{first}");
        let expires = time::OffsetDateTime::parse(
            first["expires_at"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        let days = (expires - time::OffsetDateTime::now_utc()).whole_days();
        assert!((364..=365).contains(&days), "a year: {days} days");
        let first = first["token"].as_str().unwrap().to_owned();
        let (st, users) = s.raw(Some(&first), "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 200, "{users}");
        // Good for SCIM alone.
        let (st, e) = s.raw(Some(&first), "GET", "/api/v1/people", None).await;
        assert_eq!(
            (st, e["error"]["code"].as_str()),
            (403, Some("provisioning_token_scim_only")),
            "{e}"
        );

        // The next token replaces it at once, and the log says who issued it.
        let (st, second) = issue(&s, a, &marked["id"]).await;
        assert_eq!(st, 200, "{second}");
        let second = second["token"].as_str().unwrap().to_owned();
        let (st, _) = s.raw(Some(&first), "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 401, "the previous token ended");
        let (st, _) = s.raw(Some(&second), "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 200);
        let (_, log) = s
            .raw(
                a,
                "GET",
                "/api/v1/audit?action=provisioning_token_issued",
                None,
            )
            .await;
        let lines = log["items"].as_array().unwrap();
        assert_eq!(lines.len(), 2, "{log}");
        assert_eq!(lines[0]["actor"], "admin");
        assert_eq!(lines[0]["target"], "IDPSYNC01");

        // A password reset ends it too; a new token works again.
        let (st, _) = s
            .raw(
                a,
                "POST",
                &format!("/api/v1/service-users/{}/password", marked["id"]),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let (st, _) = s.raw(Some(&second), "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 401, "ended by the reset");
        let (_, third) = issue(&s, a, &marked["id"]).await;
        let second = third["token"].as_str().unwrap().to_owned();

        // Unmarked: the token stops working.
        let now = record(&s, a, "IDPSYNC01").await;
        let (st, _) = s
            .raw(
                a,
                "PATCH",
                &format!("/api/v1/service-users/{}", now["id"]),
                Some(json!({"version": now["version"], "provisioning": false})),
            )
            .await;
        assert_eq!(st, 200);
        let (st, _) = s.raw(Some(&second), "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 401, "ended with the mark");
        // Marked again, the old token stays ended.
        let now = record(&s, a, "IDPSYNC01").await;
        let (st, _) = s
            .raw(
                a,
                "PATCH",
                &format!("/api/v1/service-users/{}", now["id"]),
                Some(json!({"version": now["version"], "provisioning": true})),
            )
            .await;
        assert_eq!(st, 200);
        let (st, _) = s.raw(Some(&second), "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 401, "not revived by marking again");
    }
}
