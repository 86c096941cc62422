//! SCIM provisioning over real HTTP: a service user marked by a level-1 user creates, finds,
//! pages, patches, replaces, suspends and deletes people as that user may, and nobody else
//! may use SCIM at all.

use crate::support::{PASSWORD, TestServer, backends};
use serde_json::{Value, json};
use sesame_core::api::{ErrorCode, PeopleQuery};
use sesame_core::domain::Level;

const CORE: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const EXT: &str = "urn:sesame:params:scim:schemas:extension:sesame:2.0:User";
const PATCH: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// A service user of `admin`'s organization, and an API token of it; marked for provisioning
/// by `admin` when `provisioning`.
pub(crate) async fn service_user(
    s: &TestServer,
    admin: Option<&str>,
    code: &str,
    provisioning: bool,
) -> String {
    let (st, company) = s
        .raw(
            admin,
            "POST",
            "/api/v1/structures",
            Some(json!({"kind": "company", "name": format!("Co {code}")})),
        )
        .await;
    assert_eq!(st, 200, "{company}");
    let new = json!({"user_code": code, "application": "HR", "scope": {"structure_ids": [company["id"]]}});
    let (st, created) = s
        .raw(admin, "POST", "/api/v1/service-users", Some(new))
        .await;
    assert_eq!(st, 200, "{created}");
    let su = &created["service_user"];
    assert_eq!(su["provisioning"], json!(false));
    if provisioning {
        let (st, marked) = s
            .raw(
                admin,
                "PATCH",
                &format!("/api/v1/service-users/{}", su["id"]),
                Some(json!({"version": su["version"], "provisioning": true})),
            )
            .await;
        assert_eq!(
            (st, &marked["provisioning"]),
            (200, &json!(true)),
            "{marked}"
        );
    }
    let password = created["password"].as_str().unwrap();
    s.client()
        .api_token("ALPHA", code, password)
        .await
        .unwrap()
        .token
}

fn user(user_name: &str, email: &str, level: &str) -> Value {
    json!({
        "schemas": [CORE, EXT],
        "userName": user_name,
        "externalId": format!("hr-{user_name}"),
        "name": {"familyName": "Tremblay", "givenName": "Luc"},
        "emails": [{"value": email, "primary": true}],
        "active": true,
        "preferredLanguage": "fr",
        EXT: {"level": level},
    })
}

fn ids(list: &Value) -> Vec<String> {
    list["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["userName"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn provisioning_creates_finds_patches_suspends_and_deletes_people() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = admin.token();

        // Neither a person nor an unmarked service user may use SCIM.
        let plain = service_user(&s, t, "PLAIN01", false).await;
        for token in [t, Some(plain.as_str())] {
            let (st, body) = s.raw(token, "GET", "/scim/v2/Users", None).await;
            assert_eq!(
                (st, &body["schemas"][0], &body["status"]),
                (403, &json!(ERROR), &json!("403")),
                "{body}"
            );
        }
        let (st, _) = s.raw(None, "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 401);
        let hr = service_user(&s, t, "HRSYNC01", true).await;
        let hr = Some(hr.as_str());

        let (st, created) = s
            .raw(
                hr,
                "POST",
                "/scim/v2/Users",
                Some(user("l.tremblay", "Luc@Example.org", "level_3")),
            )
            .await;
        assert_eq!(st, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        assert_eq!(created["emails"], json!([{"value": "luc@example.org"}]));
        assert_eq!(created[EXT]["level"], json!("level_3"));
        assert_eq!(
            created["meta"]["location"],
            json!(format!("{}/scim/v2/Users/{id}", s.url()))
        );
        // The person is in the people list, as created.
        let page = admin.people(&PeopleQuery::default()).await.unwrap();
        let person = page
            .items
            .iter()
            .find(|p| p.user_id == "l.tremblay")
            .expect("listed");
        assert_eq!(
            (person.level, person.id.to_string()),
            (Level::Three, id.clone())
        );

        // The same user name again: a uniqueness conflict; bad values: every one named.
        let (st, body) = s
            .raw(
                hr,
                "POST",
                "/scim/v2/Users",
                Some(user("L.Tremblay", "x@example.org", "level_3")),
            )
            .await;
        assert_eq!(
            (st, &body["scimType"]),
            (409, &json!("uniqueness")),
            "{body}"
        );
        let (st, body) = s
            .raw(
                hr,
                "POST",
                "/scim/v2/Users",
                Some(user("x", "not an email", "level_3")),
            )
            .await;
        assert_eq!(
            (st, &body["scimType"]),
            (400, &json!("invalidValue")),
            "{body}"
        );
        let detail = body["detail"].as_str().unwrap();
        assert!(
            detail.contains("User ID") && detail.contains("Email"),
            "{detail}"
        );

        for (name, email, level) in [
            ("a.roy", "a.roy@example.org", "level_2"),
            ("b.roy", "b.roy@example.org", "level_3"),
        ] {
            let (st, body) = s
                .raw(hr, "POST", "/scim/v2/Users", Some(user(name, email, level)))
                .await;
            assert_eq!(st, 201, "{body}");
        }
        // Filters: userName (any case), emails.value, active, and.
        let find = |f: &str| {
            format!(
                "/scim/v2/Users?filter={}",
                url::form_urlencoded::byte_serialize(f.as_bytes()).collect::<String>()
            )
        };
        let (st, list) = s
            .raw(hr, "GET", &find(r#"userName eq "L.TREMBLAY""#), None)
            .await;
        assert_eq!(
            (st, ids(&list), &list["totalResults"]),
            (200, vec!["l.tremblay".to_owned()], &json!(1))
        );
        let (_, list) = s
            .raw(
                hr,
                "GET",
                &find(r#"emails.value eq "a.roy@example.org""#),
                None,
            )
            .await;
        assert_eq!(ids(&list), vec!["a.roy"]);
        let (_, list) = s
            .raw(
                hr,
                "GET",
                &find(r#"emails[value ew "roy@example.org"] and active eq true"#),
                None,
            )
            .await;
        assert_eq!(ids(&list), vec!["a.roy", "b.roy"]);
        let (st, body) = s.raw(hr, "GET", &find(r#"userName eq"#), None).await;
        assert_eq!((st, &body["scimType"]), (400, &json!("invalidFilter")));
        // The same query as a SearchRequest, at the resource and at the root.
        for at in ["/scim/v2/Users/.search", "/scim/v2/.search"] {
            let request = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                "filter": "userName sw \"a.\" or userName sw \"b.\"", "startIndex": 2, "count": 5,
                "attributes": ["userName"]});
            let (st, list) = s.raw(hr, "POST", at, Some(request)).await;
            assert_eq!(
                (st, ids(&list), &list["totalResults"]),
                (200, vec!["b.roy".to_owned()], &json!(2)),
                "{list}"
            );
            assert_eq!(
                list["Resources"][0].get("emails"),
                None,
                "only the attributes asked for"
            );
        }
        // Paging: 1-based, by id, with the total.
        let (_, list) = s
            .raw(hr, "GET", "/scim/v2/Users?startIndex=2&count=2", None)
            .await;
        assert_eq!(
            (ids(&list), &list["totalResults"], &list["startIndex"]),
            (
                vec!["l.tremblay".to_owned(), "a.roy".to_owned()],
                &json!(4),
                &json!(2)
            )
        );
        let (_, list) = s
            .raw(hr, "GET", "/scim/v2/Users?startIndex=4&count=10", None)
            .await;
        assert_eq!(
            (ids(&list), &list["itemsPerPage"]),
            (vec!["b.roy".to_owned()], &json!(1))
        );

        // A password from the administrator, then PATCH active false: sign-in refused.
        let person: i64 = id.parse().unwrap();
        let temporary = admin.initialize_password(person).await.unwrap().password;
        s.client()
            .sign_in("ALPHA", "l.tremblay", &temporary, None)
            .await
            .unwrap();
        let ops = |ops: Value| json!({"schemas": [PATCH], "Operations": ops});
        let (st, patched) = s
            .raw(hr, "PATCH", &format!("/scim/v2/Users/{id}"), Some(ops(json!([
                {"op": "Replace", "path": "active", "value": false},
                {"op": "add", "path": "phoneNumbers", "value": [{"value": "514 555-0100"}]},
                {"op": "replace", "path": "name.givenName", "value": "Lucie"},
                {"op": "remove", "path": "externalId"},
                {"op": "replace", "value": {"preferredLanguage": "en", EXT: {"roles": ["payroll"]}}},
            ]))))
            .await;
        assert_eq!(st, 200, "{patched}");
        assert_eq!(
            (
                &patched["active"],
                &patched["name"]["givenName"],
                &patched["phoneNumbers"][0]["value"],
                patched.get("externalId"),
                &patched["preferredLanguage"],
                &patched[EXT]["roles"]
            ),
            (
                &json!(false),
                &json!("Lucie"),
                &json!("514 555-0100"),
                None,
                &json!("en"),
                &json!(["payroll"])
            )
        );
        let refused = s
            .client()
            .sign_in("ALPHA", "l.tremblay", &temporary, None)
            .await;
        assert_eq!(
            refused.unwrap_err().code(),
            Some(ErrorCode::AccountSuspended)
        );
        let (_, list) = s.raw(hr, "GET", &find("active eq false"), None).await;
        assert_eq!(ids(&list), vec!["l.tremblay"]);
        // Entra ID's booleans, unless a tenant flag says otherwise: "True" and "False".
        for (sent, now) in [("True", true), ("False", false)] {
            let op = json!([{"op": "Replace", "path": "active", "value": sent}]);
            let path = format!("/scim/v2/Users/{id}");
            let (st, patched) = s.raw(hr, "PATCH", &path, Some(ops(op))).await;
            assert_eq!((st, &patched["active"]), (200, &json!(now)), "{patched}");
        }
        // Entra ID's way: a value filter on the type, which Sesame does not keep, selects the
        // one email it keeps.
        let (st, patched) = s
            .raw(hr, "PATCH", &format!("/scim/v2/Users/{id}"), Some(ops(json!([{"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "lucie.t@example.org"}]))))
            .await;
        assert_eq!(
            (st, &patched["emails"]),
            (200, &json!([{"value": "lucie.t@example.org"}])),
            "{patched}"
        );
        // A PUT without `active` leaves the suspension as it is.
        let mut quiet = user("l.tremblay", "lucie.t@example.org", "level_3");
        quiet.as_object_mut().unwrap().remove("active");
        let (st, kept) = s
            .raw(hr, "PUT", &format!("/scim/v2/Users/{id}"), Some(quiet))
            .await;
        assert_eq!((st, &kept["active"]), (200, &json!(false)), "{kept}");
        // A PATCH path that selects nothing changes nothing.
        let (st, body) = s
            .raw(
                hr,
                "PATCH",
                &format!("/scim/v2/Users/{id}"),
                Some(ops(
                    json!([{"op": "remove", "path": r#"emails[value eq "nobody@example.org"]"#}]),
                )),
            )
            .await;
        assert_eq!((st, &body["scimType"]), (400, &json!("noTarget")));

        // PUT replaces: active again, a new email; the audit log names the service user.
        let mut again = user("l.tremblay", "lucie@example.org", "level_3");
        again["active"] = json!(true);
        let (st, replaced) = s
            .raw(hr, "PUT", &format!("/scim/v2/Users/{id}"), Some(again))
            .await;
        assert_eq!(
            (st, &replaced["active"], &replaced["emails"][0]["value"]),
            (200, &json!(true), &json!("lucie@example.org")),
            "{replaced}"
        );
        s.client()
            .sign_in("ALPHA", "l.tremblay", &temporary, None)
            .await
            .unwrap();
        let (_, audit) = s
            .raw(t, "GET", &format!("/api/v1/audit?target={id}"), None)
            .await;
        let actors: Vec<&str> = audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["actor"].as_str().unwrap_or_default())
            .collect();
        assert!(actors.contains(&"HRSYNC01"), "{audit}");

        // The provisioner cannot suspend its marker's account: the rules answer as they would the
        // marker (here the last active level-1 user).
        let (_, me) = s
            .raw(hr, "GET", &find(r#"userName eq "admin""#), None)
            .await;
        let admin_id = me["Resources"][0]["id"].as_str().unwrap().to_owned();
        let (st, body) = s
            .raw(
                hr,
                "PATCH",
                &format!("/scim/v2/Users/{admin_id}"),
                Some(ops(
                    json!([{"op": "replace", "path": "active", "value": false}]),
                )),
            )
            .await;
        assert_eq!(
            (st, &body["detail"]),
            (
                409,
                &json!(
                    "This is the last active level-1 user: the organization would have no one left to manage it."
                )
            )
        );

        let (st, _) = s
            .raw(hr, "DELETE", &format!("/scim/v2/Users/{id}"), None)
            .await;
        assert_eq!(st, 204);
        let (st, body) = s
            .raw(hr, "GET", &format!("/scim/v2/Users/{id}"), None)
            .await;
        assert_eq!((st, &body["status"]), (404, &json!("404")));
        s.stop().await;
    }
}

#[tokio::test]
async fn a_provisioner_acts_with_the_rights_of_whoever_marked_it_as_they_are_now() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        let marker = s.person(org, "marker", Level::One, Some(PASSWORD)).await;
        s.person(org, "boss", Level::One, Some(PASSWORD)).await;
        let peer = s.person(org, "peer", Level::Two, Some(PASSWORD)).await;
        let other = s.person(org, "other", Level::Three, Some(PASSWORD)).await;
        s.link(peer, other).await;
        let m = s.sign_in("ALPHA", "marker", PASSWORD).await;
        let hr = service_user(&s, m.token(), "HRSYNC02", true).await;
        let hr = Some(hr.as_str());
        // The boss makes the marker a level-2 user: the provisioner now acts as level 2.
        let boss = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let (st, body) = s
            .raw(
                boss.token(),
                "PATCH",
                &format!("/api/v1/people/{marker}"),
                Some(json!({"version": 1, "level": "level_2"})),
            )
            .await;
        assert_eq!(st, 200, "{body}");

        let (st, body) = s
            .raw(
                hr,
                "POST",
                "/scim/v2/Users",
                Some(user("chief", "chief@example.org", "level_1")),
            )
            .await;
        assert_eq!(st, 403, "{body}");
        assert!(body["detail"].as_str().unwrap().len() > 10);
        let (st, created) = s
            .raw(
                hr,
                "POST",
                "/scim/v2/Users",
                Some(user("clerk", "clerk@example.org", "level_3")),
            )
            .await;
        assert_eq!(st, 201, "{created}");
        // Placed under the marker's charge, as a level-2 user's creation is.
        assert_eq!(created[EXT]["underChargeOf"][0]["display"], json!("marker"));
        // It sees what a level-2 user sees: level-2 users and its own level-3 users.
        let (_, list) = s.raw(hr, "GET", "/scim/v2/Users", None).await;
        let mut seen = ids(&list);
        seen.sort();
        assert_eq!(seen, vec!["clerk", "marker", "peer"]);
        let (st, _) = s
            .raw(hr, "GET", &format!("/scim/v2/Users/{other}"), None)
            .await;
        assert_eq!(st, 404);

        // The marker suspended: the provisioner is refused.
        let (st, _) = s
            .raw(
                boss.token(),
                "POST",
                &format!("/api/v1/people/{marker}/suspend"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        let (st, body) = s.raw(hr, "GET", "/scim/v2/Users", None).await;
        assert_eq!(st, 403, "{body}");
        s.stop().await;
    }
}

#[tokio::test]
async fn discovery_describes_what_is_kept_and_errors_follow_the_callers_language() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", true).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let hr = service_user(&s, admin.token(), "HRSYNC03", true).await;
        let (st, config) = s
            .raw(Some(&hr), "GET", "/scim/v2/ServiceProviderConfig", None)
            .await;
        assert_eq!(
            (
                st,
                &config["patch"]["supported"],
                &config["bulk"]["supported"]
            ),
            (200, &json!(true), &json!(false))
        );
        let (_, types) = s
            .raw(Some(&hr), "GET", "/scim/v2/ResourceTypes", None)
            .await;
        assert_eq!(
            types["Resources"][0]["schemaExtensions"][0]["schema"],
            json!(EXT)
        );
        let (st, ext) = s
            .raw(Some(&hr), "GET", &format!("/scim/v2/Schemas/{EXT}"), None)
            .await;
        assert_eq!(st, 200);
        let attr = |name: &str| {
            ext["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["name"] == json!(name))
                .unwrap()
                .clone()
        };
        // A public-service employer has level 2 with approval; roles are the catalogue's.
        assert!(
            attr("level")["canonicalValues"]
                .as_array()
                .unwrap()
                .contains(&json!("level_2_approval"))
        );
        assert!(
            !attr("roles")["canonicalValues"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        assert_eq!(attr("underChargeOf")["mutability"], json!("readOnly"));
        let (st, _) = s.raw(Some(&hr), "DELETE", "/scim/v2/Schemas", None).await;
        assert_eq!(st, 405);

        let http = reqwest::Client::new();
        let r = http
            .get(format!("{}/scim/v2/Users/999999", s.url()))
            .bearer_auth(&hr)
            .header("Accept-Language", "fr-CA")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 404);
        assert_eq!(r.headers()["content-type"], "application/scim+json");
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body["detail"],
            json!("Cette ressource n\u{2019}existe pas.")
        );
        // A bad filter's reason too, whole, in the caller's language.
        for (language, expected) in [
            (
                "fr-CA",
                "Le filtre est inutilisable\u{a0}: «\u{a0}zz\u{a0}» n\u{2019}est pas un opérateur (eq, ne, co, sw, ew, gt, ge, lt, le, pr)",
            ),
            (
                "en",
                "“zz” is not an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)",
            ),
        ] {
            let r = http
                .get(format!(
                    "{}/scim/v2/Users?filter=userName%20zz%20%22x%22",
                    s.url()
                ))
                .bearer_auth(&hr)
                .header("Accept-Language", language)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status().as_u16(), 400);
            let body: Value = r.json().await.unwrap();
            let detail = body["detail"].as_str().unwrap();
            assert!(detail.contains(expected), "{language}: {detail}");
            assert!(!detail.contains("unknown operator"), "{detail}");
        }
        s.stop().await;
    }
}
