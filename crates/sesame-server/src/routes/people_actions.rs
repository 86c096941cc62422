//! The per-row options of the user follow-up: initialize password, update roles, suspend and
//! reactivate, reset 2FA, and the links of users under charge.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::{delete, post, put};
use sesame_core::domain::AuditAction;

use super::people::{check_roles, commit_record, target_of, targets_of};
use super::{record, record_many};
use crate::AppState;
use crate::auth::{Signed, generated_password, generated_passwords};
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id};
use crate::store::{Conn, PersonRow};
use sesame_core::api::{
    AuditDetail, BatchInitialize, BatchRoles, ErrorBody, ErrorCode, FieldChange,
    InitializedPassword, OneTimePassword, PersonRecord, PersonSummary, RefusedPerson, RolesUpdate,
};
use sesame_core::domain::Status;
use sesame_core::domain::rules::{Action, Refusal, Target};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/people/passwords", post(initialize_passwords))
        .route("/people/roles", put(update_roles_of_many))
        .route("/people/{id}/password", post(initialize_password))
        .route("/people/{id}/roles", put(update_roles))
        .route("/people/{id}/suspend", post(suspend_person))
        .route("/people/{id}/reactivate", post(reactivate_person))
        .route("/people/{id}/two-factor", delete(reset_two_factor))
        .route(
            "/people/{id}/under-charge/{subordinate}",
            put(link_under_charge).delete(unlink_under_charge),
        )
}

#[utoipa::path(post, path = "/api/v1/people/{id}/password", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = OneTimePassword, description = "The temporary password, shown once"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "The person is suspended (`person_suspended`)")))]
pub async fn initialize_password(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<OneTimePassword>> {
    let (password, hash) = generated_password().await?;
    let mut tx = state.db.begin().await?;
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    s.actor.may(Action::InitializePassword, &target)?;
    tx.replace_password(id, &hash, true).await?;
    record(
        &mut tx,
        &s,
        AuditAction::PasswordInitialized,
        Some((id, &p.user_id)),
        Some(AuditDetail::TemporaryPassword { batch: false }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(OneTimePassword { password }))
}

/// The most passwords one batch initializes (each costs one Argon2id hash).
pub const BATCH_LIMIT: usize = 500;

/// The ids of a batch, sorted and without repeats; none or too many is refused.
fn batch_ids(ids: &[i64]) -> ApiResult<Vec<i64>> {
    // Counted as sent, as the document's `maxItems` counts.
    if ids.len() > BATCH_LIMIT {
        return Err(ApiError::field("ids", "too_long"));
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    match ids.len() {
        0 => Err(ApiError::field("ids", "required")),
        n if n > BATCH_LIMIT => Err(ApiError::field("ids", "too_long")),
        _ => Ok(ids),
    }
}

/// Every person of a batch the actor may give a new password, or the refusal naming each one
/// who may not and why (all or none).
async fn checked_batch(
    conn: &mut Conn,
    actor: &sesame_core::domain::rules::Actor,
    ids: &[i64],
) -> ApiResult<Vec<(Target, PersonRow)>> {
    let reach = actor.reach.map(|r| r.person_id).unwrap_or(0);
    let found = conn.targets(actor.org_id, ids, reach).await?;
    let mut refused: Vec<(RefusedPerson, ApiError)> = vec![];
    for id in ids {
        match found.iter().find(|(t, _)| t.id == *id) {
            Some((t, p)) => {
                if let Err(r) = actor.may(Action::InitializePassword, t) {
                    let e = ApiError::from(r);
                    let user_id = (r != Refusal::NotFound).then(|| p.user_id.clone());
                    let code = e.detail.code;
                    refused.push((
                        RefusedPerson {
                            id: *id,
                            user_id,
                            code,
                        },
                        e,
                    ));
                }
            }
            None => refused.push((
                RefusedPerson {
                    id: *id,
                    user_id: None,
                    code: ErrorCode::NotFound,
                },
                ApiError::not_found(),
            )),
        }
    }
    let Some((_, first)) = refused.first() else {
        return Ok(found);
    };
    let mut e = first.clone();
    e.detail.message = format!("{} of {} refused", refused.len(), ids.len());
    e.detail.refused = refused.into_iter().map(|(r, _)| r).collect();
    Err(e)
}

#[utoipa::path(post, path = "/api/v1/people/passwords", tag = "people", security(("bearer" = [])), request_body = BatchInitialize,
    responses((status = 200, body = [InitializedPassword], description = "The temporary passwords, shown once; all or none"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "Someone is suspended (`person_suspended`); `refused` names every person refused and why, and nothing changed"),
        (status = 422, body = ErrorBody)))]
pub async fn initialize_passwords(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<BatchInitialize>,
) -> ApiResult<Json<Vec<InitializedPassword>>> {
    let ids = batch_ids(&req.ids)?;
    // Refused before any hashing, so a refusal costs nothing; checked again in the transaction.
    checked_batch(&mut state.db.read().await?, &s.actor, &ids).await?;
    let generated: Vec<(i64, (String, String))> = ids
        .iter()
        .copied()
        .zip(generated_passwords(ids.len()).await?)
        .collect();
    // One transaction: every password changes, or none does. The checks and the history are
    // one statement each; each person's hash is their own row's update.
    let mut tx = state.db.begin().await?;
    let people = checked_batch(&mut tx, &s.actor, &ids).await?;
    for (id, (_, hash)) in &generated {
        tx.set_password(*id, hash, true).await?;
    }
    tx.delete_sessions_of_many(&ids).await?;
    let lines: Vec<(i64, &str, AuditDetail)> = people
        .iter()
        .map(|(_, p)| {
            (
                p.id,
                p.user_id.as_str(),
                AuditDetail::TemporaryPassword { batch: true },
            )
        })
        .collect();
    record_many(&mut tx, &s, AuditAction::PasswordInitialized, &lines).await?;
    tx.commit().await?;
    Ok(Json(
        generated
            .into_iter()
            .map(|(id, (password, _))| InitializedPassword { id, password })
            .collect(),
    ))
}

#[utoipa::path(put, path = "/api/v1/people/{id}/roles", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)), request_body = RolesUpdate,
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_roles(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<RolesUpdate>,
) -> ApiResult<Json<PersonRecord>> {
    let mut tx = state.db.begin().await?;
    give_roles(&mut tx, &s, &[id], &req.roles).await?;
    let rec = commit_record(tx, &s.actor, id).await?;
    Ok(Json(rec))
}

/// The roles of every ticked row of the follow-up, in one request and one transaction: all
/// change, or none does (one refused person refuses the batch).
#[utoipa::path(put, path = "/api/v1/people/roles", tag = "people", security(("bearer" = [])), request_body = BatchRoles,
    responses((status = 200, body = [PersonSummary]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_roles_of_many(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<BatchRoles>,
) -> ApiResult<Json<Vec<PersonSummary>>> {
    let ids = batch_ids(&req.ids)?;
    let mut tx = state.db.begin().await?;
    let saved = give_roles(&mut tx, &s, &ids, &req.roles).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

/// Gives these people these roles, after checking both: a few statements whatever their
/// number (targets, one update, one audit insert). Returns them as saved.
async fn give_roles(
    tx: &mut Conn,
    s: &Signed,
    ids: &[i64],
    roles: &[String],
) -> ApiResult<Vec<PersonSummary>> {
    let people = targets_of(tx, &s.actor, ids).await?;
    for (target, _) in &people {
        s.actor.may(Action::UpdateRoles, target)?;
    }
    let mut checks = Checks::default();
    let roles = checks.take(check_roles(tx, s.actor.org_id, roles).await?);
    checks.done()?;
    tx.set_roles_of(ids, &roles).await?;
    let lines: Vec<(i64, &str, AuditDetail)> = people
        .iter()
        .map(|(_, p)| {
            (
                p.id,
                p.user_id.as_str(),
                AuditDetail::Roles {
                    from: p.roles(),
                    to: roles.clone(),
                },
            )
        })
        .collect();
    record_many(tx, s, AuditAction::RolesUpdated, &lines).await?;
    Ok(people
        .into_iter()
        .map(|(target, p)| {
            // Roles change nothing of what may be done to them.
            let mut person = p.summary_for(&s.actor, &target);
            person.roles = roles.clone();
            person.version += 1;
            person
        })
        .collect())
}

async fn change_status(
    state: &AppState,
    s: &Signed,
    id: i64,
    action: Action,
) -> ApiResult<Json<PersonRecord>> {
    let mut tx = state.db.begin().await?;
    tx.guard_organization(s.actor.org_id).await?;
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    s.actor.may(action, &target)?;
    let (status, name) = match action {
        Action::Suspend => (Status::Suspended, AuditAction::PersonSuspended),
        _ => (Status::Active, AuditAction::PersonReactivated),
    };
    tx.set_status(id, status).await?;
    record(
        &mut tx,
        s,
        name,
        Some((id, &p.user_id)),
        Some(AuditDetail::Changes {
            changes: vec![FieldChange::Status {
                from: p.status(),
                to: status,
            }],
        }),
    )
    .await?;
    let rec = commit_record(tx, &s.actor, id).await?;
    Ok(Json(rec))
}

#[utoipa::path(post, path = "/api/v1/people/{id}/suspend", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn suspend_person(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<PersonRecord>> {
    change_status(&state, &s, id, Action::Suspend).await
}

#[utoipa::path(post, path = "/api/v1/people/{id}/reactivate", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody)))]
pub async fn reactivate_person(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<PersonRecord>> {
    change_status(&state, &s, id, Action::Reactivate).await
}

#[utoipa::path(delete, path = "/api/v1/people/{id}/two-factor", tag = "people", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody)))]
pub async fn reset_two_factor(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<PersonRecord>> {
    let mut tx = state.db.begin().await?;
    let (target, p) = target_of(&mut tx, &s.actor, id).await?;
    s.actor.may(Action::ResetTwoFactor, &target)?;
    tx.reset_two_factor(id).await?;
    record(
        &mut tx,
        &s,
        AuditAction::TwoFactorReset,
        Some((id, &p.user_id)),
        None,
    )
    .await?;
    let rec = commit_record(tx, &s.actor, id).await?;
    Ok(Json(rec))
}

async fn change_link(
    state: &AppState,
    s: &Signed,
    manager: i64,
    subordinate: i64,
    link: bool,
) -> ApiResult<Json<PersonRecord>> {
    let mut tx = state.db.begin().await?;
    let (m_target, m) = target_of(&mut tx, &s.actor, manager).await?;
    let (sub_target, sub) = target_of(&mut tx, &s.actor, subordinate).await?;
    s.actor.may_link(&m_target, &sub_target)?;
    if link {
        tx.link_under_charge(manager, subordinate).await?;
    } else if !tx.unlink_under_charge(manager, subordinate).await? {
        return Err(ApiError::not_found());
    }
    let action = if link {
        AuditAction::PlacedUnderCharge
    } else {
        AuditAction::RemovedFromCharge
    };
    record(
        &mut tx,
        s,
        action,
        Some((subordinate, &sub.user_id)),
        Some(AuditDetail::Manager {
            user_id: m.user_id.clone(),
        }),
    )
    .await?;
    let rec = commit_record(tx, &s.actor, manager).await?;
    Ok(Json(rec))
}

#[utoipa::path(put, path = "/api/v1/people/{id}/under-charge/{subordinate}", tag = "people", security(("bearer" = [])),
    params(("id" = i64, Path), ("subordinate" = i64, Path)),
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn link_under_charge(
    State(state): State<AppState>,
    s: Signed,
    Id((id, sub)): Id<(i64, i64)>,
) -> ApiResult<Json<PersonRecord>> {
    change_link(&state, &s, id, sub, true).await
}

#[utoipa::path(delete, path = "/api/v1/people/{id}/under-charge/{subordinate}", tag = "people", security(("bearer" = [])),
    params(("id" = i64, Path), ("subordinate" = i64, Path)),
    responses((status = 200, body = PersonRecord), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn unlink_under_charge(
    State(state): State<AppState>,
    s: Signed,
    Id((id, sub)): Id<(i64, i64)>,
) -> ApiResult<Json<PersonRecord>> {
    change_link(&state, &s, id, sub, false).await
}
