//! Each large identity provider's documented provisioning sequence, replayed as it sends it
//! (Microsoft Entra ID's "Provisioning with SCIM" reference requests, Okta's SCIM 2.0 guide),
//! with the person's state checked in Sesame after each step.

use crate::scim::service_user;
use crate::support::{PASSWORD, TestServer, backends};
use serde_json::{Value, json};
use sesame_core::domain::Level;

const CORE: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// The person as the app's API shows them: (user ID, status, email, first name).
async fn in_sesame(
    s: &TestServer,
    admin: Option<&str>,
    user_id: &str,
) -> Option<(String, String, String)> {
    let (_, page) = s
        .raw(admin, "GET", &format!("/api/v1/people?q={user_id}"), None)
        .await;
    let p = page["items"]
        .as_array()?
        .iter()
        .find(|p| {
            p["user_id"]
                .as_str()
                .is_some_and(|u| u.eq_ignore_ascii_case(user_id))
        })?
        .clone();
    let text = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
    Some((text("status"), text("email"), text("first_name")))
}

async fn found(s: &TestServer, hr: Option<&str>, filter: &str) -> Vec<Value> {
    let path = format!(
        "/scim/v2/Users?filter={}",
        url::form_urlencoded::byte_serialize(filter.as_bytes()).collect::<String>()
    );
    let (st, list) = s.raw(hr, "GET", &path, None).await;
    assert_eq!(st, 200, "{list}");
    list["Resources"].as_array().cloned().unwrap_or_default()
}

async fn patch(s: &TestServer, hr: Option<&str>, id: &str, ops: Value) -> (u16, Value) {
    let body = json!({"schemas": [PATCH], "Operations": ops});
    s.raw(hr, "PATCH", &format!("/scim/v2/Users/{id}"), Some(body))
        .await
}

async fn setup(s: &TestServer) -> (String, String) {
    let org = s.org("ALPHA", false).await;
    s.person(org, "admin", Level::One, Some(PASSWORD)).await;
    let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
    let admin = admin.token().unwrap().to_owned();
    let hr = service_user(s, Some(&admin), "IDPSYNC01", true).await;
    (admin, hr)
}

#[tokio::test]
async fn microsoft_entra_ids_provisioning_sequence() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let (admin, hr) = setup(&s).await;
        let (a, hr) = (Some(admin.as_str()), Some(hr.as_str()));
        // Entra first looks for the user by its matching attribute, finds none, then creates it.
        assert!(
            found(&s, hr, r#"userName eq "Test_User_ab6490ee@example.org""#)
                .await
                .is_empty()
        );
        let create = json!({
            "schemas": [CORE, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
            "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
            "userName": "Test_User_ab6490ee@example.org",
            "active": true,
            "emails": [{"primary": true, "type": "work", "value": "Test_User_fd0ea19b@example.org"}],
            "meta": {"resourceType": "User"},
            "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
            "roles": []
        });
        let (st, created) = s.raw(hr, "POST", "/scim/v2/Users", Some(create)).await;
        assert_eq!(st, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let login = created["userName"].as_str().unwrap().to_lowercase();
        assert_eq!(
            in_sesame(&s, a, &login).await,
            Some((
                "active".into(),
                "test_user_fd0ea19b@example.org".into(),
                "givenName".into()
            ))
        );
        // Found by userName, and by externalId.
        assert_eq!(
            found(&s, hr, r#"userName eq "Test_User_ab6490ee@example.org""#)
                .await
                .len(),
            1
        );
        assert_eq!(
            found(
                &s,
                hr,
                r#"externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef""#
            )
            .await
            .len(),
            1
        );
        // Update: Entra's capitalized ops and its email path.
        let (st, body) = patch(&s, hr, &id, json!([
            {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "updatedEmail@example.org"},
            {"op": "Replace", "path": "name.givenName", "value": "updatedGivenName"}
        ])).await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(
            in_sesame(&s, a, &login).await,
            Some((
                "active".into(),
                "updatedemail@example.org".into(),
                "updatedGivenName".into()
            ))
        );
        // Deactivate and reactivate, with the booleans as strings (Entra's default).
        let (st, body) = patch(
            &s,
            hr,
            &id,
            json!([{"op": "Replace", "path": "active", "value": "False"}]),
        )
        .await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(in_sesame(&s, a, &login).await.unwrap().0, "suspended");
        let (st, body) = patch(
            &s,
            hr,
            &id,
            json!([{"op": "Replace", "path": "active", "value": "True"}]),
        )
        .await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(in_sesame(&s, a, &login).await.unwrap().0, "active");
        // A PATCH that changes nothing answers with the resource as it is.
        let (st, same) = patch(
            &s,
            hr,
            &id,
            json!([{"op": "Replace", "path": "active", "value": "True"}]),
        )
        .await;
        assert_eq!((st, &same["active"]), (200, &json!(true)), "{same}");
        // Delete.
        let (st, _) = s
            .raw(hr, "DELETE", &format!("/scim/v2/Users/{id}"), None)
            .await;
        assert_eq!(st, 204);
        assert_eq!(in_sesame(&s, a, &login).await, None);
        let (st, _) = s
            .raw(hr, "GET", &format!("/scim/v2/Users/{id}"), None)
            .await;
        assert_eq!(st, 404);
        s.stop().await;
    }
}

#[tokio::test]
async fn oktas_provisioning_sequence() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let (admin, hr) = setup(&s).await;
        let (a, hr) = (Some(admin.as_str()), Some(hr.as_str()));
        // Okta checks that the user does not exist, paging with startIndex and count.
        let path = "/scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100";
        let (st, list) = s.raw(hr, "GET", path, None).await;
        assert_eq!((st, &list["totalResults"]), (200, &json!(0)), "{list}");
        let create = json!({
            "schemas": [CORE],
            "userName": "test.user@okta.local",
            "name": {"givenName": "Test", "familyName": "User"},
            "emails": [{"primary": true, "value": "test.user@okta.local", "type": "work"}],
            "displayName": "Test User",
            "locale": "en-US",
            "externalId": "00ujl29u0le5T6Aj10h7",
            "groups": [],
            "password": "1mz050nq",
            "active": true
        });
        let (st, created) = s
            .raw(hr, "POST", "/scim/v2/Users", Some(create.clone()))
            .await;
        assert_eq!(st, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let login = "test.user@okta.local";
        assert_eq!(in_sesame(&s, a, login).await.unwrap().0, "active");
        // A second create of the same userName is a conflict.
        let (st, body) = s.raw(hr, "POST", "/scim/v2/Users", Some(create)).await;
        assert_eq!(
            (st, &body["scimType"]),
            (409, &json!("uniqueness")),
            "{body}"
        );
        assert_eq!(
            found(&s, hr, r#"externalId eq "00ujl29u0le5T6Aj10h7""#)
                .await
                .len(),
            1
        );
        // Update: Okta replaces without a path, or PUTs the whole user.
        let (st, body) = patch(
            &s,
            hr,
            &id,
            json!([{"op": "replace", "value": {"name.givenName": "Another"}}]),
        )
        .await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(in_sesame(&s, a, login).await.unwrap().2, "Another");
        let mut whole = created.clone();
        whole["name"]["givenName"] = json!("Put");
        let (st, body) = s
            .raw(hr, "PUT", &format!("/scim/v2/Users/{id}"), Some(whole))
            .await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(in_sesame(&s, a, login).await.unwrap().2, "Put");
        // Deactivate, reactivate: a path-less replace of active.
        let (st, _) = patch(
            &s,
            hr,
            &id,
            json!([{"op": "replace", "value": {"active": false}}]),
        )
        .await;
        assert_eq!(st, 200);
        assert_eq!(in_sesame(&s, a, login).await.unwrap().0, "suspended");
        let (st, _) = patch(
            &s,
            hr,
            &id,
            json!([{"op": "replace", "value": {"active": true}}]),
        )
        .await;
        assert_eq!(st, 200);
        assert_eq!(in_sesame(&s, a, login).await.unwrap().0, "active");
        let (st, _) = s
            .raw(hr, "DELETE", &format!("/scim/v2/Users/{id}"), None)
            .await;
        assert_eq!(st, 204);
        assert_eq!(in_sesame(&s, a, login).await, None);
        s.stop().await;
    }
}
