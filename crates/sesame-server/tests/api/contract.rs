//! The served OpenAPI document as a contract: every error answer of every operation, the
//! constraints the server enforces, and requests that are valid by the document are accepted.

use serde_json::{Value, json};

use crate::support::{PASSWORD, backends};
use sesame_core::domain::Level;

fn error_body(op: &Value, status: &str) -> bool {
    op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        == "#/components/schemas/ErrorBody"
}

#[tokio::test]
async fn every_operation_documents_its_error_answers_with_the_error_schema() {
    let s = crate::support::start(&backends()[0]).await;
    let (_, doc) = s.raw(None, "GET", "/api/v1/openapi.json", None).await;
    let mut ids = std::collections::HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            assert!(
                ids.insert(op["operationId"].as_str().unwrap().to_owned()),
                "{name}: id"
            );
            assert!(!op["tags"].as_array().unwrap().is_empty(), "{name}: tag");
            let secured = op["security"].as_array().is_some_and(|a| !a.is_empty());
            let mut expected = vec![];
            if secured {
                expected.extend(["401", "403"]);
            }
            if path.contains('{') {
                expected.push("404");
            }
            if op.get("requestBody").is_some() {
                expected.extend(["400", "413", "422"]);
            }
            for status in expected {
                assert!(error_body(op, status), "{name} documents {status}");
            }
            for (status, response) in op["responses"].as_object().unwrap() {
                assert!(
                    !response["description"].as_str().unwrap().is_empty(),
                    "{name} {status}"
                );
            }
        }
    }
    assert!(doc["paths"]["/api/v1/session"]["post"]["responses"]["423"].is_object());
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["BatchInitialize"]["properties"]["ids"]["minItems"],
        1
    );
    assert_eq!(
        schemas["BatchInitialize"]["properties"]["ids"]["maxItems"],
        500
    );
    for (schema, property) in [
        ("NewServiceUser", "user_code"),
        ("NewPerson", "last_name"),
        ("NewPerson", "email"),
        ("NewPerson", "user_id"),
        ("NewContact", "phone"),
    ] {
        let pattern = &schemas[schema]["properties"][property]["pattern"];
        assert!(
            pattern.is_string(),
            "{schema}.{property} states its pattern"
        );
    }
    assert!(schemas["Scope"]["anyOf"].is_array());
    assert!(schemas["ErrorBody"]["example"]["error"]["errors"].is_array());
    let links = &doc["paths"]["/api/v1/people"]["post"]["responses"]["200"]["links"];
    assert_eq!(
        links["get_person"]["parameters"]["id"],
        "$response.body#/person/id"
    );
    s.stop().await;
}

#[tokio::test]
async fn requests_valid_by_the_document_are_accepted() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        let admin = s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = c.token();
        // JSON Schema counts 1.0 as an integer.
        let (st, body) = s
            .raw(t, "PATCH", "/api/v1/me", Some(json!({"version": 1.0})))
            .await;
        assert_eq!(st, 200, "{body}");
        // An empty cursor is the first page.
        let (st, body) = s.raw(t, "GET", "/api/v1/people?cursor=", None).await;
        assert_eq!((st, body["items"].as_array().map(Vec::len)), (200, Some(1)));
        let (st, _) = s.raw(t, "GET", "/api/v1/audit?cursor=", None).await;
        assert_eq!(st, 200);
        // A role code the organization does not have is a wrong field of the body (422): 404
        // is kept for the record the path names.
        let (st, body) = s
            .raw(
                t,
                "PUT",
                "/api/v1/people/roles",
                Some(json!({"ids": [admin as f64], "roles": ["no-such-role"]})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["reason"].as_str()),
            (422, Some("unknown_role"))
        );
        s.stop().await;
    }
}
