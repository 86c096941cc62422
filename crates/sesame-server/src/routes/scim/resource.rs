//! A person as a SCIM User (RFC 7643 §4.1) and back: the core attributes Sesame keeps, and our
//! extension with the level, the roles and who the person is under the charge of.

use serde_json::{Map, Value, json};

use crate::store::scim::ScimPersonRow;
use crate::store::to_time;
use sesame_core::domain::{FieldError, Language, Level, Status};

pub const CORE: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const EXTENSION: &str = "urn:sesame:params:scim:schemas:extension:sesame:2.0:User";
pub const LIST: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
pub const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// The values of `level` in our extension: the API's level codes.
pub fn level_values(public_service: bool) -> Vec<&'static str> {
    Level::ALL
        .into_iter()
        .filter(|l| *l != Level::TwoWithApproval || public_service)
        .map(Level::as_str)
        .collect()
}

fn parse_level(s: &str) -> Option<Level> {
    Level::ALL.into_iter().find(|l| l.as_str() == s)
}

fn rfc3339(secs: i64) -> String {
    to_time(secs)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A manager of the person, as the actor may see them: (id, user ID).
pub type Manager = (i64, String);

/// The User resource of a person, at `base` (`http://host/scim/v2`).
pub fn user_json(row: &ScimPersonRow, managers: &[Manager], base: &str) -> Value {
    let p = &row.person;
    let location = format!("{base}/Users/{}", p.id);
    let mut user = Map::new();
    user.insert("schemas".into(), json!([CORE, EXTENSION]));
    user.insert("id".into(), json!(p.id.to_string()));
    if let Some(e) = row.external_id.as_deref().filter(|e| !e.is_empty()) {
        user.insert("externalId".into(), json!(e));
    }
    user.insert("userName".into(), json!(p.user_id));
    user.insert(
        "name".into(),
        json!({"familyName": p.last_name, "givenName": p.first_name}),
    );
    user.insert("emails".into(), json!([{ "value": p.email }]));
    if !p.phone.is_empty() {
        user.insert("phoneNumbers".into(), json!([{ "value": p.phone }]));
    }
    user.insert("active".into(), json!(p.status() != Status::Suspended));
    user.insert("preferredLanguage".into(), json!(p.language().as_str()));
    let mut ext = Map::new();
    ext.insert("level".into(), json!(p.level().as_str()));
    let roles = p.roles();
    if !roles.is_empty() {
        ext.insert("roles".into(), json!(roles));
    }
    if !managers.is_empty() {
        let list: Vec<Value> = managers
            .iter()
            .map(|(id, user_id)| {
                json!({"value": id.to_string(), "$ref": format!("{base}/Users/{id}"), "display": user_id})
            })
            .collect();
        ext.insert("underChargeOf".into(), Value::Array(list));
    }
    user.insert(EXTENSION.into(), Value::Object(ext));
    let created = rfc3339(p.created_at);
    let modified = rfc3339(row.last_modified.unwrap_or(p.created_at).max(p.created_at));
    user.insert(
        "meta".into(),
        json!({
            "resourceType": "User",
            "created": created,
            "lastModified": modified,
            "location": location,
            "version": format!("W/\"{}\"", p.version),
        }),
    );
    Value::Object(user)
}

/// The value of `key` in `obj`, whose keys compare without regard to case (RFC 7643 §2.1).
pub fn get<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
        .filter(|v| !v.is_null())
}

/// What a User resource asks a person to be; the checks of Sesame's own forms come after.
#[derive(Debug, Clone, PartialEq)]
pub struct Desired {
    pub user_name: String,
    pub family_name: String,
    pub given_name: String,
    pub email: String,
    pub phone: String,
    /// `None` when not sent: unchanged (a new person is active).
    pub active: Option<bool>,
    pub language: Option<Language>,
    pub external_id: Option<String>,
    /// `None` when the resource carries no extension: the level and roles stay as they are.
    pub level: Option<Level>,
    pub roles: Option<Vec<String>>,
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_owned)
}

/// The chosen value of a multi-valued attribute: the primary one, else the first.
fn chosen(v: Option<&Value>) -> Option<String> {
    let items = v?.as_array()?;
    let item = items
        .iter()
        .find(|i| i.get("primary").and_then(Value::as_bool) == Some(true))
        .or(items.first())?;
    match item {
        Value::Object(o) => text(get(o, "value")),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// Reads a whole User resource; every attribute of the wrong shape is named at once.
pub fn desired(v: &Value) -> Result<Desired, Vec<FieldError>> {
    let mut errors = vec![];
    let Some(o) = v.as_object() else {
        return Err(vec![FieldError::new("user", "invalid_value")]);
    };
    let name = get(o, "name").and_then(Value::as_object);
    let part = |k: &str| name.and_then(|n| text(get(n, k))).unwrap_or_default();
    let active = match get(o, "active") {
        None => None,
        Some(Value::Bool(b)) => Some(*b),
        // Entra ID sends "True" and "False" as strings unless a tenant flag says otherwise.
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        Some(_) => {
            errors.push(FieldError::new("active", "invalid_value"));
            None
        }
    };
    let language = match text(get(o, "preferredLanguage")) {
        None => None,
        Some(l) => {
            let parsed = Language::parse(l.split(['-', '_']).next().unwrap_or_default());
            if parsed.is_none() {
                errors.push(FieldError::new("language", "invalid_value"));
            }
            parsed
        }
    };
    let ext = get(o, EXTENSION).and_then(Value::as_object);
    let level = match ext.map(|e| get(e, "level")) {
        None | Some(None) => None,
        Some(Some(l)) => {
            let parsed = l.as_str().and_then(parse_level);
            if parsed.is_none() {
                errors.push(FieldError::new("level", "invalid_value"));
            }
            parsed
        }
    };
    let roles = ext.map(|e| match get(e, "roles") {
        None => vec![],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => text(get(o, "value")),
                _ => None,
            })
            .collect(),
        Some(_) => {
            errors.push(FieldError::new("roles", "invalid_value"));
            vec![]
        }
    });
    let d = Desired {
        user_name: text(get(o, "userName")).unwrap_or_default(),
        family_name: part("familyName"),
        given_name: part("givenName"),
        email: chosen(get(o, "emails")).unwrap_or_default(),
        phone: chosen(get(o, "phoneNumbers")).unwrap_or_default(),
        active,
        language,
        external_id: text(get(o, "externalId")).filter(|e| !e.is_empty()),
        level,
        roles,
    };
    if errors.is_empty() {
        Ok(d)
    } else {
        Err(errors)
    }
}
