//! `POST /people/import`: people from a spreadsheet, every row decided by the rules of a
//! single creation or update. A dry run reports and changes nothing; applying writes every
//! valid row in one transaction, with its audit entries and, as chosen, invitations.
//!
//! No password is hashed here: invited people choose theirs, and letters come afterwards from
//! the batch `POST /people/passwords` (500 a request, hashed on every core), so one request
//! never runs Argon2id thousands of times.

mod decide;

use axum::Json;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::routing::post;

use super::person_change::store_change;
use super::record_many;
use crate::AppState;
use crate::auth::{Signed, token_hash};
use crate::error::{ApiError, ApiResult};
use crate::extract::Body;
use crate::mail;
use crate::store::{Conn, PersonRow, now};
use decide::{Context, Decided, Kind};
use sesame_core::api::import::{
    IMPORT_ROW_LIMIT, ImportDelivery, ImportOutcome, ImportReport, ImportRequest, ImportRowReport,
    ImportTotals,
};
use sesame_core::api::{AuditDetail, ErrorBody};
use sesame_core::domain::{AuditAction, generate_token, sort_key};

/// 20,000 rows as JSON, with room to spare.
const IMPORT_BODY_LIMIT: usize = 32 * 1024 * 1024;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route(
        "/people/import",
        post(import_people).layer(DefaultBodyLimit::max(IMPORT_BODY_LIMIT)),
    )
}

/// Rows written by one import past which the database's statistics are refreshed.
const STATISTICS_AFTER: usize = 1_000;

#[utoipa::path(post, path = "/api/v1/people/import", tag = "people", security(("bearer" = [])), request_body = ImportRequest,
    responses((status = 200, body = ImportReport, description = "Every row: create, update (which columns), unchanged or refused \
        (each column and reason); with `dry_run` nothing changed, otherwise every valid row was written in one transaction"),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn import_people(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<ImportRequest>,
) -> ApiResult<Json<ImportReport>> {
    if !s.actor.has_user_list() {
        return Err(ApiError::forbidden());
    }
    match req.rows.len() {
        0 => return Err(ApiError::field("rows", "required")),
        n if n > IMPORT_ROW_LIMIT => return Err(ApiError::field("rows", "too_long")),
        _ => {}
    }
    if req.dry_run {
        let mut conn = state.db.read().await?;
        let decided = decide(&mut conn, &s, req.delivery, &req.rows).await?;
        return Ok(Json(report(&req, &decided, &[], vec![])));
    }
    let mut tx = state.db.begin().await?;
    // Levels may change: serialized with every change that could remove the last level-1 user.
    tx.guard_organization(s.actor.org_id).await?;
    let decided = decide(&mut tx, &s, req.delivery, &req.rows).await?;
    let ids = apply(&state, &mut tx, &s, req.delivery, &decided).await?;
    tx.commit().await?;
    if ids.iter().flatten().count() >= STATISTICS_AFTER {
        // In the background: the report need not wait for the planner's statistics.
        let db = state.db.clone();
        tokio::spawn(async move {
            if let Err(e) = db.refresh_statistics().await {
                tracing::warn!("statistics after an import: {e}");
            }
        });
    }
    let created = match req.delivery {
        ImportDelivery::Letter => decided
            .iter()
            .zip(&ids)
            .filter(|(d, _)| matches!(d.kind, Kind::Create(_)))
            .filter_map(|(_, id)| *id)
            .collect(),
        ImportDelivery::Invitation => vec![],
    };
    Ok(Json(report(&req, &decided, &ids, created)))
}

async fn decide(
    conn: &mut Conn,
    s: &Signed,
    delivery: ImportDelivery,
    rows: &[sesame_core::api::import::ImportRow],
) -> ApiResult<Vec<Decided>> {
    let ctx = Context::load(conn, &s.actor, delivery, rows).await?;
    ctx.decide_all(conn, rows).await
}

fn report(
    req: &ImportRequest,
    decided: &[Decided],
    ids: &[Option<i64>],
    created: Vec<i64>,
) -> ImportReport {
    let mut totals = ImportTotals::default();
    let rows = decided
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (outcome, problems) = match &d.kind {
                Kind::Create(_) => (ImportOutcome::Create, vec![]),
                Kind::Update(_) => (ImportOutcome::Update, vec![]),
                Kind::Unchanged(_) => (ImportOutcome::Unchanged, vec![]),
                Kind::Refused(p) => (ImportOutcome::Refused, p.clone()),
            };
            match outcome {
                ImportOutcome::Create => totals.create += 1,
                ImportOutcome::Update => totals.update += 1,
                ImportOutcome::Unchanged => totals.unchanged += 1,
                ImportOutcome::Refused => totals.refused += 1,
            }
            ImportRowReport {
                line: d.line,
                user_id: d.user_id.clone(),
                outcome,
                changed: d.changed.clone(),
                problems,
                person_id: ids.get(i).copied().flatten(),
            }
        })
        .collect();
    ImportReport {
        dry_run: req.dry_run,
        delivery: req.delivery,
        totals,
        rows,
        created,
    }
}

/// Writes every valid row; returns each row's person (none for a refused row).
async fn apply(
    state: &AppState,
    tx: &mut Conn,
    s: &Signed,
    delivery: ImportDelivery,
    decided: &[Decided],
) -> ApiResult<Vec<Option<i64>>> {
    let mut ids: Vec<Option<i64>> = vec![None; decided.len()];
    let mut updated = vec![];
    let mut roles_changed = vec![];
    // Changes first, so that a user ID an update gives up is free for a new person; then the
    // new people, a few hundred to a statement.
    for (i, d) in decided.iter().enumerate() {
        match &d.kind {
            Kind::Update(u) => {
                let id = u.before.id;
                // Recorded below with the import's other changes.
                store_change(tx, s, &u.before, u.before.version, &u.fields, None).await?;
                if let Some(roles) = &u.roles {
                    tx.set_roles(id, roles).await?;
                    roles_changed.push((id, d, u.before.roles(), roles.clone()));
                }
                if !u.changes.is_empty() {
                    updated.push((id, d, u.changes.clone()));
                }
                ids[i] = Some(id);
            }
            Kind::Unchanged(id) => ids[i] = Some(*id),
            Kind::Create(_) | Kind::Refused(_) => {}
        }
    }
    let new: Vec<(usize, &Decided, &crate::store::NewPersonRow)> = decided
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.kind {
            Kind::Create(p) => Some((i, d, &**p)),
            _ => None,
        })
        .collect();
    let rows: Vec<crate::store::NewPersonRow> = new.iter().map(|(_, _, p)| (*p).clone()).collect();
    let new_ids = tx.insert_people(&rows).await?;
    let mut created = Vec::with_capacity(new.len());
    let mut placed = vec![];
    for ((i, d, p), id) in new.into_iter().zip(new_ids) {
        ids[i] = Some(id);
        if let Some(manager) = s.actor.places_under_charge(p.level) {
            placed.push((manager, id));
        }
        created.push((id, d, p));
    }
    tx.link_many_under_charge(&placed).await?;
    let by_key: std::collections::HashMap<String, i64> = decided
        .iter()
        .zip(&ids)
        .filter_map(|(d, id)| Some((d.key.clone(), (*id)?)))
        .collect();
    // Links last: a manager may be a row further down the file.
    link_managers(tx, s, decided, &ids, &by_key).await?;
    if delivery == ImportDelivery::Invitation {
        invite(state, tx, s, &created).await?;
    }
    let created: Vec<(i64, &str, AuditDetail)> = created
        .iter()
        .map(|(id, d, p)| {
            let detail = AuditDetail::Person {
                level: p.level,
                roles: p.roles.clone(),
            };
            (*id, d.user_id.as_str(), detail)
        })
        .collect();
    record_import(tx, s, delivery, created, updated, roles_changed).await?;
    Ok(ids)
}

/// Places each row's person under the charge its file names (a user ID of the file or of the
/// organization).
async fn link_managers(
    tx: &mut Conn,
    s: &Signed,
    decided: &[Decided],
    ids: &[Option<i64>],
    by_key: &std::collections::HashMap<String, i64>,
) -> ApiResult<()> {
    // Managers the file names but does not hold, looked up together.
    let mut elsewhere: Vec<String> = decided
        .iter()
        .filter_map(|d| d.manager.clone())
        .filter(|k| !by_key.contains_key(k))
        .collect();
    elsewhere.sort_unstable();
    elsewhere.dedup();
    let found = tx.people_by_user_ids(s.actor.org_id, &elsewhere, 0).await?;
    let mut links = vec![];
    for (d, id) in decided.iter().zip(ids) {
        if let (Some(key), Some(id)) = (&d.manager, id) {
            let manager = match by_key.get(key) {
                Some(m) => *m,
                None => found
                    .get(key)
                    .map(|(t, _)| t.id)
                    .ok_or_else(ApiError::not_found)?,
            };
            links.push((manager, *id));
        }
    }
    tx.link_many_under_charge(&links).await?;
    Ok(())
}

/// The import's audit lines: one per person created (invited or given a letter), changed, or
/// given other roles.
async fn record_import(
    tx: &mut Conn,
    s: &Signed,
    delivery: ImportDelivery,
    created: Vec<(i64, &str, AuditDetail)>,
    updated: Vec<(i64, &Decided, Vec<sesame_core::api::FieldChange>)>,
    roles_changed: Vec<(i64, &Decided, Vec<String>, Vec<String>)>,
) -> ApiResult<()> {
    let action = match delivery {
        ImportDelivery::Invitation => AuditAction::InvitationSent,
        ImportDelivery::Letter => AuditAction::PersonCreated,
    };
    record_many(tx, s, action, &created).await?;
    let lines: Vec<(i64, &str, AuditDetail)> = updated
        .into_iter()
        .map(|(id, d, changes)| (id, d.user_id.as_str(), AuditDetail::Changes { changes }))
        .collect();
    record_many(tx, s, AuditAction::PersonUpdated, &lines).await?;
    let lines: Vec<(i64, &str, AuditDetail)> = roles_changed
        .into_iter()
        .map(|(id, d, from, to)| (id, d.user_id.as_str(), AuditDetail::Roles { from, to }))
        .collect();
    record_many(tx, s, AuditAction::RolesUpdated, &lines).await
}

/// One link per person created, mailed in their language, in the import's transaction.
async fn invite(
    state: &AppState,
    tx: &mut Conn,
    s: &Signed,
    created: &[(i64, &Decided, &crate::store::NewPersonRow)],
) -> ApiResult<()> {
    let org = tx.organization(s.actor.org_id).await?;
    let expires_at = now() + state.config.invitation_days * 86400;
    let base = state.config.public_url.trim_end_matches('/').to_owned();
    for (id, _, p) in created {
        let token = generate_token();
        tx.insert_invitation(*id, &token_hash(&token), expires_at)
            .await?;
        let person = PersonRow {
            id: *id,
            org_id: p.org_id,
            user_id: p.user_id.clone(),
            user_id_key: p.user_id.to_lowercase(),
            last_name: p.last_name.clone(),
            first_name: p.first_name.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            level: Some(p.level.code()),
            roles: String::new(),
            status: p.status.as_str().to_owned(),
            totp_enabled: false,
            is_contact: p.is_contact,
            language: p.language.as_str().to_owned(),
            version: 1,
            created_at: now(),
            sort_name: sort_key(&p.last_name, &p.first_name, &p.email),
        };
        let link = format!("{base}/invitation/{token}");
        mail::queue_invitation(tx, &org, &person, &s.user_id, &link, expires_at).await?;
    }
    Ok(())
}
