//! People: the user follow-up (list), and the user identification record (create, read,
//! update with a version, delete).

use sesame_core::domain::AuditAction;
use std::collections::HashSet;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;

use super::person_change::{duplicate_user_id, merge_contact, store_change};
use super::{phone, record};
use crate::AppState;
use crate::auth::{Signed, SignedList, generated_password};
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id, Params};
use crate::store::{Conn, NewPersonRow, PersonFields, PersonRow, SessionCheck, Verdict};
use sesame_core::api::{
    AuditDetail, CreatedPerson, ErrorBody, NewPerson, PeoplePage, PeopleQuery, PersonRecord,
    PersonUpdate,
};
use sesame_core::domain::rules::{Action, Actor, Change, Target, Visibility};
use sesame_core::domain::{FieldError, Status, normalize_email, required_text, validate_user_id};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/people", get(list_people).post(create_person))
        .route(
            "/people/{id}",
            get(get_person).patch(update_person).delete(delete_person),
        )
}

/// The person `id` as the actor sees it; "not found" when it is not visible.
pub(crate) async fn target_of(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> ApiResult<(Target, PersonRow)> {
    let reach = actor.reach.map(|r| r.person_id).unwrap_or(0);
    let target = conn
        .target(actor.org_id, id, reach)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !actor.sees(&target) {
        return Err(ApiError::not_found());
    }
    let row = conn
        .person(actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((target, row))
}

/// [`target_of`] for a batch, in two queries: every id must be someone the actor sees.
pub(crate) async fn targets_of(
    conn: &mut Conn,
    actor: &Actor,
    ids: &[i64],
) -> ApiResult<Vec<(Target, PersonRow)>> {
    let reach = actor.reach.map(|r| r.person_id).unwrap_or(0);
    let found = conn.targets(actor.org_id, ids, reach).await?;
    if found.len() != ids.len() || !found.iter().all(|(t, _)| actor.sees(t)) {
        return Err(ApiError::not_found());
    }
    Ok(found)
}

/// The closing steps of a change to a person: read them again as stored now, build their
/// record as the actor sees it, and commit.
pub(crate) async fn commit_record(mut tx: Conn, actor: &Actor, id: i64) -> ApiResult<PersonRecord> {
    let row = tx
        .person(actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let record = record_of(&mut tx, actor, &row).await?;
    tx.commit().await?;
    Ok(record)
}

/// The full record: identity, the users under this user's charge and their managers, limited
/// to the people the actor may see.
pub(crate) async fn record_of(
    conn: &mut Conn,
    actor: &Actor,
    p: &PersonRow,
) -> ApiResult<PersonRecord> {
    let under = conn.under_charge_of(p.id).await?;
    let managers = conn.managers_of(p.id).await?;
    // Only a level-2 view depends on who is under the actor's charge.
    let own_charge: HashSet<i64> = match actor.visibility() {
        Visibility::LevelTwoAndCharge { person_id } => conn
            .under_charge_of(person_id)
            .await?
            .iter()
            .map(|x| x.id)
            .collect(),
        _ => HashSet::new(),
    };
    let target = |x: &PersonRow| Target {
        id: x.id,
        org_id: x.org_id,
        level: x.level(),
        status: x.status(),
        under_charge: own_charge.contains(&x.id),
        active_level_one: 0,
        two_factor: x.totp_enabled,
    };
    let visible = |x: &PersonRow| actor.sees(&target(x));
    // The person's own facts in full: what may be done to them depends on all of them.
    let reach = actor.reach.map(|r| r.person_id).unwrap_or(0);
    let facts = conn
        .target(actor.org_id, p.id, reach)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(PersonRecord {
        person: p.summary_for(actor, &facts),
        under_charge: under
            .iter()
            .filter(|x| visible(x))
            .map(PersonRow::reference)
            .collect(),
        managers: managers
            .iter()
            .filter(|x| visible(x))
            .map(PersonRow::reference)
            .collect(),
        levels: actor.levels_for(&facts),
        created_at: p.created_at(),
    })
}

/// The roles, sorted and each once; the outer error is the database's, the inner the field's.
pub(crate) async fn check_roles(
    conn: &mut Conn,
    org_id: i64,
    roles: &[String],
) -> ApiResult<Result<Vec<String>, FieldError>> {
    // Counted as sent, as the document's `maxItems` counts.
    if roles.len() > 50 {
        return Ok(Err(FieldError::new("roles", "too_long")));
    }
    let mut roles: Vec<String> = roles.iter().map(|r| r.trim().to_owned()).collect();
    roles.sort();
    roles.dedup();
    if !conn.unknown_roles(org_id, &roles).await?.is_empty() {
        // Naming a role that does not exist is a missing record (see `Checks::done`).
        return Ok(Err(FieldError::new("roles", "unknown_role")));
    }
    Ok(Ok(roles))
}

#[utoipa::path(get, path = "/api/v1/people", tag = "people", security(("bearer" = [])), params(PeopleQuery),
    responses((status = 200, body = PeoplePage), (status = 403, body = ErrorBody)))]
pub async fn list_people(
    State(state): State<AppState>,
    l: SignedList,
    Params(q): Params<PeopleQuery>,
) -> ApiResult<axum::response::Response> {
    let SignedList {
        signed: s,
        unconfirmed,
    } = l;
    let first = listed(&state, &s, &q, unconfirmed).await;
    let page = match first {
        Ok((page, Verdict::NotAsked)) => page,
        Ok((page, Verdict::Held)) => {
            state.sessions.count_confirmed();
            page
        }
        Err(e) if !unconfirmed => return Err(e),
        // Refused, failed, or not confirmed by its statements: the session as last read
        // decides nothing alone. Read now, it stands or is refused, and the page is built
        // again if it changed (an empty page, which said nothing, stands if it did not).
        first => {
            let now = s.again(&state).await?;
            match first {
                Ok((page, Verdict::Unseen)) if now.seen == s.seen => page,
                _ => listed(&state, &now, &q, false).await?.0,
            }
        }
    };
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        page,
    )
        .into_response())
}

/// The page of `s` (a `PeoplePage` written by the database), and what its statements said of
/// the session when asked to confirm it (`ask`).
async fn listed(
    state: &AppState,
    s: &Signed,
    q: &PeopleQuery,
    ask: bool,
) -> ApiResult<(String, Verdict)> {
    if !s.actor.has_user_list() {
        return Err(ApiError::forbidden());
    }
    if q.search_too_long() {
        return Err(ApiError::field("q", "too_long"));
    }
    if q.role_too_long() {
        return Err(ApiError::field("role", "too_long"));
    }
    let mut check = match s.seen.as_deref().filter(|_| ask) {
        Some(seen) => SessionCheck::of(&s.token_hash, seen),
        None => SessionCheck::none(),
    };
    let page = state
        .db
        .people_page_json(&state.search, &s.actor, s.charges.as_ref(), q, &mut check)
        .await?
        .map_err(|_| ApiError::field("cursor", "invalid_value"))?;
    Ok((page, check.verdict()))
}

#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PersonRecord), (status = 404, body = ErrorBody)))]
pub async fn get_person(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<PersonRecord>> {
    let mut conn = state.db.read().await?;
    let (_, row) = target_of(&mut conn, &s.actor, id).await?;
    Ok(Json(record_of(&mut conn, &s.actor, &row).await?))
}

#[utoipa::path(post, path = "/api/v1/people", tag = "people", security(("bearer" = [])), request_body = NewPerson,
    responses((status = 200, body = CreatedPerson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_person(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewPerson>,
) -> ApiResult<Json<CreatedPerson>> {
    s.actor.may_create(req.level)?;
    let mut checks = Checks::default();
    let last_name = checks.take(required_text("last_name", &req.last_name, 100));
    let first_name = checks.take(required_text("first_name", &req.first_name, 100));
    let user_id = req.user_id.trim().to_owned();
    checks.take(validate_user_id(&user_id));
    let email = checks.take(normalize_email("email", &req.email));
    let phone = checks.take(phone(req.phone.as_deref()));
    // Roles are read before the transaction: hashing must not hold the database's writer.
    let mut conn = state.db.read().await?;
    let roles = checks.take(check_roles(&mut conn, s.actor.org_id, &req.roles).await?);
    drop(conn);
    checks.done()?;
    let (password, hash) = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let id = tx
        .insert_person(&NewPersonRow {
            org_id: s.actor.org_id,
            user_id: user_id.clone(),
            last_name,
            first_name,
            email,
            phone,
            level: req.level,
            language: req.language,
            roles: roles.clone(),
            is_contact: req.is_contact,
            status: Status::Active,
            password_hash: Some(hash),
            password_temporary: true,
        })
        .await
        .map_err(duplicate_user_id)?;
    if let Some(manager) = s.actor.places_under_charge(req.level) {
        tx.link_under_charge(manager, id).await?;
    }
    record(
        &mut tx,
        &s,
        AuditAction::PersonCreated,
        Some((id, &user_id)),
        Some(AuditDetail::Person {
            level: req.level,
            roles,
        }),
    )
    .await?;
    let person = commit_record(tx, &s.actor, id).await?;
    Ok(Json(CreatedPerson {
        person,
        temporary_password: password,
    }))
}

#[utoipa::path(patch, path = "/api/v1/people/{id}", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)), request_body = PersonUpdate,
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_person(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<PersonUpdate>,
) -> ApiResult<Json<PersonRecord>> {
    let mut tx = state.db.begin().await?;
    if req.level.is_some() {
        tx.guard_organization(s.actor.org_id).await?;
    }
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    let change = Change {
        identity: req.user_id.as_ref().is_some_and(|u| u.trim() != p.user_id)
            || req.is_contact.is_some_and(|c| c != p.is_contact),
        level: req.level.filter(|l| *l != p.level()),
    };
    s.actor.may_change(&target, &change)?;
    if p.version != req.version {
        return Err(ApiError::stale(Some(p.version)));
    }
    let mut checks = Checks::default();
    let user_id = match &req.user_id {
        Some(u) => {
            let u = u.trim().to_owned();
            checks.take(validate_user_id(&u));
            u
        }
        None => p.user_id.clone(),
    };
    let contact = merge_contact(
        &mut checks,
        &p,
        req.last_name.as_deref(),
        req.first_name.as_deref(),
        req.email.as_deref(),
        req.phone.as_deref(),
    );
    checks.done()?;
    let fields = PersonFields {
        user_id,
        last_name: contact.last_name,
        first_name: contact.first_name,
        email: contact.email,
        phone: contact.phone,
        level: req.level.unwrap_or(p.level()),
        language: req.language.unwrap_or(p.language()),
        is_contact: req.is_contact.unwrap_or(p.is_contact),
    };
    let audit = Some(AuditAction::PersonUpdated);
    store_change(&mut tx, &s, &p, req.version, &fields, audit).await?;
    let rec = commit_record(tx, &s.actor, id).await?;
    Ok(Json(rec))
}

#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_person(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<StatusCode> {
    let mut tx = state.db.begin().await?;
    tx.guard_organization(s.actor.org_id).await?;
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    s.actor.may(Action::Delete, &target)?;
    tx.delete_account(id).await?;
    record(
        &mut tx,
        &s,
        AuditAction::PersonDeleted,
        Some((id, &p.user_id)),
        Some(AuditDetail::PersonRemoved {
            name: p.display_name(),
            level: p.level(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
