//! `/scim/v2/Users`: people, created, read, listed, replaced, patched and deleted by the same
//! checks and rules as `/api/v1/people` (the actor is the level-1 user who marked the
//! provisioning service user).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::filter::{self, Reason};
use super::patch;
use super::resource::get as attribute;
use super::resource::{CORE, Desired, EXTENSION, LIST, Manager, desired, user_json};
use super::{Provisioning, ScimError, base_url, scim};
use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, Checks};
use crate::routes::people::{check_roles, target_of};
use crate::routes::person_change::{
    changed_fields, duplicate_user_id, merge_contact, store_change,
};
use crate::routes::{phone, record};
use crate::store::scim::{ScimPersonRow, people_filter};
use crate::store::{Conn, NewPersonRow, PersonFields};
use sesame_core::api::{AuditDetail, FieldChange};
use sesame_core::domain::rules::{Action, Actor, Change, Target};
use sesame_core::domain::{
    AuditAction, Level, Status, normalize_email, required_text, validate_user_id,
};

/// The most people one page holds (and the page when `count` is not given).
pub const MAX_COUNT: i64 = 500;

type Params = Query<HashMap<String, String>>;

fn param<'a>(q: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    q.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn id_of(text: &str) -> Result<i64, ScimError> {
    text.parse().map_err(|_| ScimError::not_found())
}

fn json_body(body: &Bytes) -> Result<Value, ScimError> {
    serde_json::from_slice(body).map_err(|e| {
        ScimError::syntax(
            Reason::new("scim-reason-json")
                .with("line", e.line().to_string())
                .with("column", e.column().to_string()),
        )
    })
}

/// The managers of each person that the actor may see.
async fn managers(
    conn: &mut Conn,
    actor: &Actor,
    rows: &[ScimPersonRow],
) -> Result<HashMap<i64, Vec<Manager>>, ScimError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.person.id).collect();
    let mut out: HashMap<i64, Vec<Manager>> = HashMap::new();
    for (sub, id, user_id, level) in conn.managers_of_many(&ids).await? {
        let seen = Target {
            id,
            org_id: actor.org_id,
            level: level.and_then(Level::from_code).unwrap_or(Level::Three),
            status: Status::Active,
            under_charge: false,
            active_level_one: 0,
            two_factor: false,
        };
        if actor.sees(&seen) {
            out.entry(sub).or_default().push((id, user_id));
        }
    }
    Ok(out)
}

/// The person `id` as a User resource, as the actor sees them.
async fn resource(state: &AppState, actor: &Actor, id: i64) -> Result<Value, ScimError> {
    let mut conn = state.db.read().await?;
    let row = conn
        .scim_person(actor.org_id, actor.visibility(), id)
        .await?
        .ok_or_else(ScimError::not_found)?;
    let m = managers(&mut conn, actor, std::slice::from_ref(&row)).await?;
    Ok(user_json(
        &row,
        m.get(&id).map(Vec::as_slice).unwrap_or(&[]),
        &base_url(state),
    ))
}

/// Keeps the attributes asked for (`attributes`) or drops those not wanted
/// (`excludedAttributes`); `id` and `schemas` always stay (RFC 7644 §3.9).
fn project(mut user: Value, q: &HashMap<String, String>) -> Value {
    let names = |p: &str| -> Vec<String> {
        param(q, p)
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_ascii_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let top = |n: &str| {
        n.strip_prefix(&format!("{}:", CORE.to_ascii_lowercase()))
            .unwrap_or(n)
            .split('.')
            .next()
            .unwrap_or(n)
            .to_owned()
    };
    let keep: Vec<String> = names("attributes").iter().map(|n| top(n)).collect();
    let drop: Vec<String> = names("excludedAttributes").iter().map(|n| top(n)).collect();
    if let Some(o) = user.as_object_mut() {
        o.retain(|k, _| {
            let k = k.to_ascii_lowercase();
            k == "id"
                || k == "schemas"
                || (keep.is_empty() || keep.iter().any(|n| *n == k || n.starts_with(&k)))
                    && !drop.contains(&k)
        });
    }
    user
}

pub async fn get_one(
    state: &AppState,
    actor: &Actor,
    id: &str,
    q: &HashMap<String, String>,
) -> Result<Response, ScimError> {
    let user = resource(state, actor, id_of(id)?).await?;
    Ok(scim(StatusCode::OK, project(user, q)))
}

pub async fn get(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<Response, ScimError> {
    get_one(&state, &s.actor, &id, &q).await
}

pub async fn list(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    Query(q): Params,
) -> Result<Response, ScimError> {
    query(&state, &s, &q).await
}

/// `POST /Users/.search` and `POST /.search` (Users is the only resource type): the query of
/// `GET /Users` sent as a SearchRequest body (RFC 7644 §3.4.3).
pub async fn search(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    body: Bytes,
) -> Result<Response, ScimError> {
    let request = json_body(&body)?;
    let Some(o) = request.as_object() else {
        return Err(ScimError::syntax(Reason::new("scim-reason-search-request")));
    };
    let mut q = HashMap::new();
    for (key, v) in o {
        let text = match v {
            Value::String(t) => t.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(","),
            _ => continue,
        };
        q.insert(key.clone(), text);
    }
    query(&state, &s, &q).await
}

async fn query(
    state: &AppState,
    s: &Signed,
    q: &HashMap<String, String>,
) -> Result<Response, ScimError> {
    let number = |name: &str, default: i64| -> Result<i64, ScimError> {
        param(q, name).map_or(Ok(default), |v| {
            v.trim().parse::<i64>().map_err(|_| {
                ScimError::syntax(Reason::new("scim-reason-whole-number").with("word", name))
            })
        })
    };
    // 1-based; below 1 reads as 1, and a negative count as 0 (RFC 7644 §3.4.2.4).
    let start = number("startIndex", 1)?.max(1);
    let count = number("count", MAX_COUNT)?.clamp(0, MAX_COUNT);
    let parsed = param(q, "filter")
        .map(filter::parse)
        .transpose()
        .map_err(ScimError::filter)?;
    let condition = people_filter(s.actor.org_id, parsed.as_ref()).map_err(ScimError::filter)?;
    let mut conn = state.db.read().await?;
    let (total, rows) = conn
        .scim_people(s.actor.visibility(), condition, start - 1, count)
        .await?;
    let m = managers(&mut conn, &s.actor, &rows).await?;
    let base = base_url(state);
    let resources: Vec<Value> = rows
        .iter()
        .map(|r| {
            let managers = m.get(&r.person.id).map(Vec::as_slice).unwrap_or(&[]);
            project(user_json(r, managers, &base), q)
        })
        .collect();
    Ok(scim(
        StatusCode::OK,
        json!({
            "schemas": [LIST],
            "totalResults": total,
            "itemsPerPage": resources.len(),
            "startIndex": start,
            "Resources": resources,
        }),
    ))
}

/// Sesame's own checks of a person's fields, every refused field at once.
struct Checked {
    user_id: String,
    last_name: String,
    first_name: String,
    email: String,
    phone: String,
}

fn check(d: &Desired, checks: &mut Checks) -> Checked {
    let user_id = d.user_name.trim().to_owned();
    checks.take(validate_user_id(&user_id));
    Checked {
        user_id,
        last_name: checks.take(required_text("last_name", &d.family_name, 100)),
        first_name: checks.take(required_text("first_name", &d.given_name, 100)),
        email: checks.take(normalize_email("email", &d.email)),
        phone: checks.take(phone(Some(&d.phone))),
    }
}

fn read_desired(body: &Value) -> Result<Desired, ScimError> {
    desired(body).map_err(|errors| ApiError::fields(errors).into())
}

pub async fn create(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    body: Bytes,
) -> Result<Response, ScimError> {
    let d = read_desired(&json_body(&body)?)?;
    let level = d.level.unwrap_or(Level::Three);
    s.actor.may_create(level)?;
    let mut checks = Checks::default();
    let c = check(&d, &mut checks);
    let mut tx = state.db.begin().await?;
    let roles = checks.take(
        check_roles(
            &mut tx,
            s.actor.org_id,
            &d.roles.clone().unwrap_or_default(),
        )
        .await?,
    );
    checks.done()?;
    let language = match d.language {
        Some(l) => l,
        None => tx.organization(s.actor.org_id).await?.language(),
    };
    // Created active without a password, as an import for letters does: the person gets a
    // letter or an invitation from an administrator.
    let id = tx
        .insert_person(&NewPersonRow {
            org_id: s.actor.org_id,
            user_id: c.user_id.clone(),
            last_name: c.last_name,
            first_name: c.first_name,
            email: c.email,
            phone: c.phone,
            level,
            language,
            roles: roles.clone(),
            is_contact: false,
            status: Status::Active,
            password_hash: None,
            password_temporary: false,
        })
        .await
        .map_err(duplicate_user_id)?;
    if let Some(manager) = s.actor.places_under_charge(level) {
        tx.link_under_charge(manager, id).await?;
    }
    let detail = AuditDetail::Person { level, roles };
    record(
        &mut tx,
        &s,
        AuditAction::PersonCreated,
        Some((id, &c.user_id)),
        Some(detail),
    )
    .await?;
    tx.set_external_id(id, d.external_id.as_deref()).await?;
    if d.active == Some(false) {
        set_active(&mut tx, &s, id, false).await?;
    }
    tx.commit().await?;
    let user = resource(&state, &s.actor, id).await?;
    let mut r = scim(StatusCode::CREATED, user.clone());
    if let Some(Ok(location)) = user["meta"]["location"].as_str().map(str::parse) {
        r.headers_mut()
            .insert(axum::http::header::LOCATION, location);
    }
    Ok(r)
}

/// Suspends or reactivates, as `POST /people/{id}/suspend` and `/reactivate` do.
async fn set_active(tx: &mut Conn, s: &Signed, id: i64, active: bool) -> Result<(), ScimError> {
    let (target, p) = target_of(tx, &s.actor, id).await?;
    let (action, status, audit) = if active {
        (
            Action::Reactivate,
            Status::Active,
            AuditAction::PersonReactivated,
        )
    } else {
        (
            Action::Suspend,
            Status::Suspended,
            AuditAction::PersonSuspended,
        )
    };
    s.actor.may(action, &target)?;
    tx.set_status(id, status).await?;
    let changes = vec![FieldChange::Status {
        from: p.status(),
        to: status,
    }];
    let detail = AuditDetail::Changes { changes };
    record(tx, s, audit, Some((id, &p.user_id)), Some(detail)).await?;
    Ok(())
}

/// Makes the person `id` what `d` describes, each change asked of the rules as the
/// corresponding `/api/v1` request asks it, in one transaction.
async fn save(state: &AppState, s: &Signed, id: i64, d: Desired) -> Result<(), ScimError> {
    let mut tx = state.db.begin().await?;
    tx.guard_organization(s.actor.org_id).await?;
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    let mut checks = Checks::default();
    let c = check(&d, &mut checks);
    let contact = merge_contact(
        &mut checks,
        &p,
        Some(&c.last_name),
        Some(&c.first_name),
        Some(&c.email),
        Some(&c.phone),
    );
    let roles = match &d.roles {
        Some(r) => Some(checks.take(check_roles(&mut tx, s.actor.org_id, r).await?)),
        None => None,
    };
    checks.done()?;
    let fields = PersonFields {
        user_id: c.user_id,
        last_name: contact.last_name,
        first_name: contact.first_name,
        email: contact.email,
        phone: contact.phone,
        level: d.level.unwrap_or(p.level()),
        language: d.language.unwrap_or(p.language()),
        is_contact: p.is_contact,
    };
    if !changed_fields(&p, &fields).is_empty() {
        let change = Change {
            identity: fields.user_id != p.user_id,
            level: Some(fields.level).filter(|l| *l != p.level()),
        };
        s.actor.may_change(&target, &change)?;
        let audit = Some(AuditAction::PersonUpdated);
        store_change(&mut tx, s, &p, p.version, &fields, audit).await?;
    }
    if let Some(roles) = roles.filter(|r| *r != p.roles()) {
        s.actor.may(Action::UpdateRoles, &target)?;
        tx.set_roles_of(&[id], &roles).await?;
        let detail = AuditDetail::Roles {
            from: p.roles(),
            to: roles,
        };
        record(
            &mut tx,
            s,
            AuditAction::RolesUpdated,
            Some((id, &fields.user_id)),
            Some(detail),
        )
        .await?;
    }
    let active = p.status() != Status::Suspended;
    if let Some(wanted) = d.active.filter(|a| *a != active) {
        set_active(&mut tx, s, id, wanted).await?;
    }
    tx.set_external_id(id, d.external_id.as_deref()).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn replace(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ScimError> {
    let id = id_of(&id)?;
    let d = read_desired(&json_body(&body)?)?;
    save(&state, &s, id, d).await?;
    Ok(scim(StatusCode::OK, resource(&state, &s.actor, id).await?))
}

pub async fn patch(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ScimError> {
    let id = id_of(&id)?;
    let request = json_body(&body)?;
    let mut doc = resource(&state, &s.actor, id).await?;
    patch::apply(&mut doc, &request)?;
    let mut d = read_desired(&doc)?;
    // Removing the extension removes the roles; the level stays what it was.
    if d.roles.is_none()
        && doc
            .as_object()
            .and_then(|o| attribute(o, EXTENSION))
            .is_none()
    {
        d.roles = Some(vec![]);
    }
    save(&state, &s, id, d).await?;
    Ok(scim(StatusCode::OK, resource(&state, &s.actor, id).await?))
}

pub async fn delete(
    State(state): State<AppState>,
    Provisioning(s): Provisioning,
    Path(id): Path<String>,
) -> Result<StatusCode, ScimError> {
    let id = id_of(&id)?;
    let mut tx = state.db.begin().await?;
    tx.guard_organization(s.actor.org_id).await?;
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    s.actor.may(Action::Delete, &target)?;
    tx.delete_account(id).await?;
    let detail = AuditDetail::PersonRemoved {
        name: p.display_name(),
        level: p.level(),
    };
    record(
        &mut tx,
        &s,
        AuditAction::PersonDeleted,
        Some((id, &p.user_id)),
        Some(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
