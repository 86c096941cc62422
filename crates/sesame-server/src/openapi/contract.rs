//! What the route annotations do not say, added to the generated document: the error answers
//! every operation can give, the constraints the server's checks enforce (so that a client
//! generator or a fuzzer knows what is valid), examples and the links between operations.

use serde_json::{Map, Value, json};

/// Control characters (`char::is_control`), which no text field accepts.
const CONTROL: &str = r"\u0000-\u001f\u007f-\u009f";

/// Trimmed text of 1 to `max` characters without control characters, as a pattern: the
/// server trims before it counts, so the length is in the pattern, not in `maxLength`.
fn text_pattern(max: u32, optional: bool) -> String {
    let edge = format!(r"[^\s{CONTROL}]");
    let inner = format!(r"[^{CONTROL}]");
    let body = format!("(?:{edge}(?:{inner}{{0,{}}}{edge})?)", max - 2);
    let body = if optional { format!("{body}?") } else { body };
    format!(r"^\s*{body}\s*$")
}

fn required_text(max: u32) -> Value {
    json!({"type": "string", "pattern": text_pattern(max, false)})
}

/// Text that may be empty or absent; when given, as [`required_text`].
fn optional_text(max: u32, nullable: bool) -> Value {
    let kind = if nullable {
        json!(["string", "null"])
    } else {
        json!("string")
    };
    json!({"type": kind, "pattern": text_pattern(max, true)})
}

fn nullable(mut schema: Value) -> Value {
    schema["type"] = json!([schema["type"].clone(), "null"]);
    schema
}

fn email() -> Value {
    let c = format!(r"@\s{CONTROL}");
    json!({
        "type": "string", "example": "marie@example.org",
        "pattern": format!(r"^\s*(?=\S{{3,254}}\s*$)[^{c}]+@[^{c}.][^{c}]*\.[^{c}]*[^{c}.]\s*$"),
    })
}

fn phone() -> Value {
    json!({
        "type": ["string", "null"], "example": "+1 514 555-0101",
        "pattern": r"^\s*(?:(?=(?:[^0-9]*[0-9]){3})[0-9+().x-](?:[0-9 +().x-]{0,30}[0-9+().x-])?)?\s*$",
    })
}

fn user_id() -> Value {
    json!({"type": "string", "pattern": r"^\s*[\w.@-]{2,64}\s*$", "example": "m.tremblay"})
}

/// A property's constraint: (request schema, property, JSON schema).
type Constraint = (&'static str, &'static str, Value);

/// The constraints of each request schema's properties, as the server checks them
/// (`required_text`, `normalize_email`, `validate_user_id`, … in the domain).
fn constraints() -> Vec<Constraint> {
    let mut out = vec![];
    person_field_constraints(&mut out);
    account_constraints(&mut out);
    version_constraints(&mut out);
    code_and_name_constraints(&mut out);
    credential_constraints(&mut out);
    out
}

/// Names, email and phone of people, contacts and invitations. Updates may leave a field out
/// (`null`); an invitation may leave the names empty, the invited person gives them.
fn person_field_constraints(out: &mut Vec<Constraint>) {
    for schema in [
        "NewPerson",
        "PersonUpdate",
        "MyDetailsUpdate",
        "NewContact",
        "NewInvitation",
    ] {
        let optional = schema != "NewPerson" && schema != "NewContact";
        let name = if schema == "NewInvitation" {
            optional_text(100, true)
        } else if optional {
            nullable(required_text(100))
        } else {
            required_text(100)
        };
        out.push((schema, "last_name", name.clone()));
        out.push((schema, "first_name", name));
        let address = if optional && schema != "NewInvitation" {
            nullable(email())
        } else {
            email()
        };
        out.push((schema, "email", address));
        out.push((schema, "phone", phone()));
    }
}

/// User IDs, roles and the people a batch acts on.
fn account_constraints(out: &mut Vec<Constraint>) {
    let ids = json!({"type": "array", "minItems": 1, "maxItems": 500,
        "items": {"type": "integer", "format": "int64", "minimum": 1}});
    let roles = json!({"type": "array", "maxItems": 50,
        "items": {"type": "string", "pattern": r"^\s*[A-Za-z0-9_-]{1,40}\s*$"}});
    out.push(("NewPerson", "user_id", user_id()));
    out.push(("PersonUpdate", "user_id", nullable(user_id())));
    for schema in ["NewPerson", "NewInvitation", "RolesUpdate", "BatchRoles"] {
        out.push((schema, "roles", roles.clone()));
    }
    out.push(("BatchRoles", "ids", ids.clone()));
    out.push(("BatchInitialize", "ids", ids));
}

/// The `version` of every change that guards against a concurrent one.
fn version_constraints(out: &mut Vec<Constraint>) {
    let version = json!({"type": "integer", "format": "int64", "minimum": 1, "example": 1});
    for schema in [
        "PersonUpdate",
        "MyDetailsUpdate",
        "ServiceUserUpdate",
        "RenameStructure",
        "MoveStructure",
        "SetPrimaryManager",
    ] {
        out.push((schema, "version", version.clone()));
    }
}

/// Codes and names of service users, structures and roles.
fn code_and_name_constraints(out: &mut Vec<Constraint>) {
    out.push((
        "NewServiceUser",
        "user_code",
        json!({"type": "string", "pattern": r"^\s*[A-Za-z0-9]{6,10}\s*$", "example": "HRSYNC01"}),
    ));
    out.push(("NewServiceUser", "application", required_text(80)));
    out.push((
        "ServiceUserUpdate",
        "application",
        nullable(required_text(80)),
    ));
    out.push(("NewStructure", "name", required_text(120)));
    out.push(("RenameStructure", "name", required_text(120)));
    out.push((
        "NewRole",
        "code",
        json!({"type": "string", "pattern": r"^\s*[A-Za-z0-9_-]{1,40}\s*$", "example": "payroll"}),
    ));
    for schema in ["NewRole", "RoleUpdate"] {
        out.push((schema, "name_en", required_text(80)));
        out.push((schema, "name_fr", required_text(80)));
        out.push((schema, "description_en", optional_text(500, false)));
        out.push((schema, "description_fr", optional_text(500, false)));
    }
}

/// Password rotation and validity, who is reminded before a password expires, and the
/// two-factor code.
fn credential_constraints(out: &mut Vec<Constraint>) {
    out.push((
        "RotatePassword",
        "grace_days",
        json!({"type": "integer", "format": "int64", "minimum": 1, "maximum": 30, "default": 7,
            "description": "Days the current password keeps working (1 to 30; 7 when absent)."}),
    ));
    out.push((
        "CredentialValidity",
        "days",
        json!({"type": ["integer", "null"], "format": "int64", "minimum": 1, "maximum": 3650,
            "example": 365, "description": "Days a password works from when it is issued \
            (1 to 3650), or `null`: passwords never expire. Required: \"never\" is an explicit choice."}),
    ));
    out.push((
        "ServiceUserUpdate",
        "responsible_id",
        json!({"type": ["integer", "null"], "format": "int64", "minimum": 1,
            "description": "The person reminded before the password expires (a person of the \
            organization who is not suspended); `null`: every level-1 user; absent: unchanged."}),
    ));
    out.push((
        "TwoFactorCode",
        "code",
        json!({"type": "string", "pattern": r"^\s*[0-9]{6}\s*$", "example": "123456"}),
    ));
}

/// The answers every operation may give besides its own, by what it takes.
fn error_responses(method: &str, path: &str, op: &Value) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![];
    let secured = op
        .get("security")
        .is_some_and(|s| s.as_array().is_some_and(|a| !a.is_empty()));
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    if secured {
        out.push(("401", "Not signed in, or the session expired or was revoked, or the account is suspended (`unauthenticated`, `session_expired`, `account_suspended`)."));
        out.push(("403", "Not allowed to the signed-in account, or its temporary password must be changed first (`forbidden`, `password_change_required`, `people_only`, …)."));
    }
    if path.contains('{') || (secured && method != "get") {
        out.push((
            "404",
            "No such record, or not visible to the signed-in account (`not_found`).",
        ));
    }
    if op.get("requestBody").is_some() {
        out.push(("400", "The body is not JSON (`invalid_json`)."));
        out.push(("413", "The body is over 64 KiB (`body_too_large`)."));
    }
    if op.get("requestBody").is_some() || params.iter().any(|p| p["in"] == "query") {
        out.push((
            "422",
            "Fields refused, every one listed in `errors` (`invalid_field`, `unknown_field`, …).",
        ));
    }
    if secured && method != "get" {
        out.push(("409", "The state forbids it: a stale `version`, a duplicate, the last level-1 user, … (`stale_version`, `duplicate`, `last_level_one`, …)."));
    }
    if path.ends_with("/session") && method == "post" || path.ends_with("/token") {
        out.push((
            "423",
            "Too many failed sign-ins: wait `Retry-After` seconds (`account_locked`).",
        ));
    }
    out
}

/// Links from a creation to the operations on what it created, for clients and fuzzers that
/// follow them.
fn links() -> Vec<(&'static str, &'static str, &'static str, Vec<&'static str>)> {
    vec![
        (
            "/api/v1/people",
            "post",
            "$response.body#/person/id",
            vec![
                "get_person",
                "update_person",
                "delete_person",
                "initialize_password",
                "suspend_person",
                "reactivate_person",
            ],
        ),
        (
            "/api/v1/contacts",
            "post",
            "$response.body#/id",
            vec!["update_contact", "delete_contact"],
        ),
        (
            "/api/v1/service-users",
            "post",
            "$response.body#/service_user/id",
            vec![
                "get_service_user",
                "update_service_user",
                "reset_service_user_password",
                "issue_provisioning_token",
                "rotate_service_user_password",
                "end_service_user_previous_password",
            ],
        ),
        (
            "/api/v1/structures",
            "post",
            "$response.body#/id",
            // Moving and naming a manager also name other records, which may not exist.
            vec!["rename_structure"],
        ),
        (
            "/api/v1/invitations",
            "post",
            "$response.body#/person_id",
            vec!["resend_invitation", "expire_invitation", "get_person"],
        ),
    ]
}

/// Adds to the generated document what it cannot derive.
pub fn complete(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            add_error_responses(method, path, op);
            describe_silent_responses(op);
            constrain_parameters(path, op);
        }
    }
    add_links(doc);
    let schemas = &mut doc["components"]["schemas"];
    apply_constraints(schemas);
    add_schema_rules(schemas);
}

/// Every error answer an operation may give, each with the shared error body.
fn add_error_responses(method: &str, path: &str, op: &mut Value) {
    for (status, description) in error_responses(method, path, op) {
        let responses = op["responses"].as_object_mut().expect("responses");
        let entry = responses.entry(status).or_insert_with(|| json!({}));
        entry["description"] = json!(description);
        entry["content"] =
            json!({"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}});
    }
}

/// A response must have a description: those the annotations left empty say "Done.".
fn describe_silent_responses(op: &mut Value) {
    for (_, response) in op["responses"].as_object_mut().into_iter().flatten() {
        if response["description"].as_str().is_none_or(str::is_empty) {
            response["description"] = json!("Done.");
        }
    }
}

/// The path and query parameters, as the server reads them: ids from 1, a limit that is
/// clamped rather than refused, cursors it wrote itself, dates or nothing.
fn constrain_parameters(path: &str, op: &mut Value) {
    let params = op.get_mut("parameters").and_then(Value::as_array_mut);
    for p in params.into_iter().flatten() {
        match p["name"].as_str() {
            Some("id") if p["in"] == "path" => p["schema"]["minimum"] = json!(1),
            Some("limit") => {
                p["schema"] = json!({"type": "integer", "minimum": 0, "maximum": u32::MAX});
                p["description"] = json!(
                    "Items per page: below 1 reads as 1, above the maximum (5,000 people, \
                     1,000 audit entries) as the maximum."
                );
            }
            Some("cursor") if path.starts_with("/api/v1/audit") => {
                p["schema"]["pattern"] = json!("^[0-9]{0,18}$");
                p["description"] =
                    json!("The `next_cursor` of the previous page (empty: the first page).");
            }
            Some("cursor") => {
                p["schema"]["pattern"] = json!("^[A-Za-z0-9_-]*$");
                p["description"] = json!(
                    "The `next_cursor` of the previous page as it came; any other value is \
                     refused (empty: the first page)."
                );
            }
            Some("from" | "to") => {
                p["schema"]["anyOf"] = json!([{"format": sesame_core::i18n::keys::not_text("date-time")}, {"maxLength": 0}]);
            }
            _ => {}
        }
    }
}

/// The [`links`] on each creation's 200 answer, for the targets the document has.
fn add_links(doc: &mut Value) {
    let operation_paths = operation_index(doc);
    for (path, method, id, targets) in links() {
        let mut map = Map::new();
        for target in targets {
            let Some(param) = operation_paths.get(target) else {
                continue;
            };
            map.insert(
                target.to_owned(),
                json!({"operationId": target, "parameters": {param.as_str(): id}}),
            );
        }
        let ok = doc["paths"]
            .get_mut(path)
            .and_then(|p| p.get_mut(method))
            .and_then(|o| o.get_mut("responses"))
            .and_then(|r| r.get_mut("200"));
        if let Some(ok) = ok {
            ok["links"] = Value::Object(map);
        }
    }
}

/// Replaces each constrained property by its [`constraints`], keeping its description.
fn apply_constraints(schemas: &mut Value) {
    for (schema, property, constraint) in constraints() {
        let found = schemas
            .get_mut(schema)
            .and_then(|s| s.get_mut("properties"))
            .and_then(|p| p.get_mut(property));
        if let Some(p) = found {
            let description = p.get("description").cloned();
            *p = constraint;
            if let Some(d) = description {
                p["description"] = d;
            }
        }
    }
}

/// Rules across properties, which no single property's schema can say, and the error example.
fn add_schema_rules(schemas: &mut Value) {
    // A scope reaches something: all companies, the whole structure, or some structures.
    schemas["Scope"]["anyOf"] = json!([
        {"properties": {"all_companies": {"const": true}}, "required": ["all_companies"]},
        {"properties": {"whole_structure": {"const": true}}, "required": ["whole_structure"]},
        {"properties": {"structure_ids": {"minItems": 1}}, "required": ["structure_ids"]},
    ]);
    // Companies are the top of the tree; every other kind has a parent.
    schemas["NewStructure"]["if"] = json!({"properties": {"kind": {"const": "company"}}});
    schemas["NewStructure"]["then"] = json!({"properties": {"parent_id": {"type": "null"}}});
    schemas["NewStructure"]["else"] =
        json!({"required": ["parent_id"], "properties": {"parent_id": {"type": "integer"}}});
    // Someone also recorded as a contact needs what every contact has.
    schemas["NewInvitation"]["if"] =
        json!({"properties": {"also_contact": {"const": true}}, "required": ["also_contact"]});
    schemas["NewInvitation"]["then"] = json!({
        "required": ["contact_purpose", "last_name", "first_name"],
        "properties": {"contact_purpose": {"not": {"type": "null"}},
            "last_name": required_text(100), "first_name": required_text(100)},
    });
    schemas["ErrorBody"]["example"] = json!({"error": {"code": "invalid_field", "field": "email",
        "reason": "invalid_email", "message": "Email: not a valid email address.",
        "errors": [{"field": "email", "code": "invalid_email", "message": "Email: not a valid email address."}]}});
}

/// operationId → the name of its first path parameter.
fn operation_index(doc: &Value) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (_, op) in item.as_object().into_iter().flatten() {
            let param = path.split('{').nth(1).and_then(|p| p.split('}').next());
            if let (Some(id), Some(param)) = (op["operationId"].as_str(), param) {
                out.insert(id.to_owned(), param.to_owned());
            }
        }
    }
    out
}
