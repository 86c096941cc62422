//! What the service provider supports (RFC 7644 §4): ServiceProviderConfig, ResourceTypes and
//! Schemas. The schemas describe exactly the attributes Sesame keeps, so a client that fills
//! every attribute they name reads back what it wrote.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::resource::{CORE, EXTENSION, LIST, level_values};
use super::{Provisioning, ScimError, base_url, scim};
use crate::AppState;

pub async fn config(State(state): State<AppState>, _p: Provisioning) -> Response {
    let base = base_url(&state);
    scim(
        StatusCode::OK,
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "patch": {"supported": true},
            "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": true, "maxResults": super::users::MAX_COUNT},
            "changePassword": {"supported": false},
            "sort": {"supported": false},
            "etag": {"supported": false},
            "authenticationSchemes": [{
                "type": "oauthbearertoken",
                "name": "Bearer token",
                "description": "An API token of a service user marked for provisioning (POST /api/v1/token)",
                "primary": true
            }],
            "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{base}/ServiceProviderConfig")}
        }),
    )
}

fn user_type(base: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User",
        "name": "User",
        "endpoint": "/Users",
        "description": "People of the organization",
        "schema": CORE,
        "schemaExtensions": [{"schema": EXTENSION, "required": true}],
        "meta": {"resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/User")}
    })
}

fn list(resources: Vec<Value>) -> Response {
    scim(
        StatusCode::OK,
        json!({
            "schemas": [LIST],
            "totalResults": resources.len(),
            "itemsPerPage": resources.len(),
            "startIndex": 1,
            "Resources": resources,
        }),
    )
}

pub async fn resource_types(State(state): State<AppState>, _p: Provisioning) -> Response {
    list(vec![user_type(&base_url(&state))])
}

pub async fn resource_type(
    State(state): State<AppState>,
    _p: Provisioning,
    Path(id): Path<String>,
) -> Result<Response, ScimError> {
    if id != "User" {
        return Err(ScimError::not_found());
    }
    Ok(scim(StatusCode::OK, user_type(&base_url(&state))))
}

/// One attribute's definition (RFC 7643 §7).
fn attribute(name: &str, kind: &str, required: bool, description: &str) -> Value {
    json!({
        "name": name,
        "type": kind,
        "multiValued": false,
        "description": description,
        "required": required,
        "caseExact": false,
        "mutability": "readWrite",
        "returned": "default",
        "uniqueness": "none",
    })
}

fn with(mut a: Value, key: &str, value: Value) -> Value {
    a[key] = value;
    a
}

fn user_schema(base: &str) -> Value {
    let value = |required| attribute("value", "string", required, "The value");
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
        "id": CORE,
        "name": "User",
        "description": "A person of the organization",
        "attributes": [
            with(attribute("userName", "string", true, "The user ID people sign in with"), "uniqueness", json!("server")),
            with(attribute("name", "complex", true, "The person's name"), "subAttributes", json!([
                attribute("familyName", "string", true, "Last name"),
                attribute("givenName", "string", true, "First name"),
            ])),
            with(with(attribute("emails", "complex", true, "The email address"), "multiValued", json!(true)),
                "subAttributes", json!([value(true)])),
            with(with(attribute("phoneNumbers", "complex", false, "The phone number"), "multiValued", json!(true)),
                "subAttributes", json!([value(false)])),
            attribute("active", "boolean", true, "false: suspended (sign-in refused, sessions ended)"),
            with(attribute("preferredLanguage", "string", true, "The language of the person's letters and mail"),
                "canonicalValues", json!(["en", "fr"])),
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{CORE}")}
    })
}

fn extension_schema(base: &str, public_service: bool, roles: Vec<String>) -> Value {
    let read_only = |a: Value| with(a, "mutability", json!("readOnly"));
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
        "id": EXTENSION,
        "name": "SesameUser",
        "description": "Sesame's level, roles and links under charge",
        "attributes": [
            with(attribute("level", "string", true, "level_1, level_2_approval (public-service employers), level_2 or level_3"),
                "canonicalValues", json!(level_values(public_service))),
            with(with(attribute("roles", "string", false, "Codes of the organization's roles"), "multiValued", json!(true)),
                "canonicalValues", json!(roles)),
            read_only(with(with(attribute("underChargeOf", "complex", false,
                "The people this person is under the charge of (changed in Sesame)"), "multiValued", json!(true)),
                "subAttributes", json!([
                    read_only(attribute("value", "string", false, "The manager's id")),
                    read_only(with(attribute("$ref", "reference", false, "The manager's resource"), "referenceTypes", json!(["User"]))),
                    read_only(attribute("display", "string", false, "The manager's user ID")),
                ]))),
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{EXTENSION}")}
    })
}

async fn all_schemas(state: &AppState, p: &Provisioning) -> Result<Vec<Value>, ScimError> {
    let mut conn = state.db.read().await?;
    let roles = conn
        .roles(p.0.actor.org_id)
        .await?
        .into_iter()
        .map(|r| r.code)
        .collect();
    let base = base_url(state);
    Ok(vec![
        user_schema(&base),
        extension_schema(&base, p.0.actor.public_service, roles),
    ])
}

pub async fn schemas(
    State(state): State<AppState>,
    p: Provisioning,
) -> Result<Response, ScimError> {
    Ok(list(all_schemas(&state, &p).await?))
}

pub async fn schema(
    State(state): State<AppState>,
    p: Provisioning,
    Path(id): Path<String>,
) -> Result<Response, ScimError> {
    all_schemas(&state, &p)
        .await?
        .into_iter()
        .find(|s| s["id"] == json!(id))
        .map(|s| scim(StatusCode::OK, s))
        .ok_or_else(ScimError::not_found)
}
