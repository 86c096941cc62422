//! The structure tree: companies, then the levels of the administrative structure.

use sesame_core::domain::AuditAction;
use std::collections::{HashMap, HashSet};

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, put};

use super::record;
use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id};
use crate::store::{Conn, StructureRow};
use sesame_core::api::{
    AuditDetail, ErrorBody, ErrorCode, MoveStructure, NewStructure, RenameStructure,
    SetPrimaryManager, Structure, StructureHolders, StructureRef,
};
use sesame_core::domain::rules::Actor;
use sesame_core::domain::{
    AccountKind, FieldError, Scope, StructureKind, creates_cycle, required_text,
};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/structures", get(list_structures).post(create_structure))
        .route("/structures/{id}", delete(remove_structure))
        .route("/structures/{id}/name", put(rename_structure))
        .route("/structures/{id}/parent", put(move_structure))
        .route("/structures/{id}/primary-manager", put(set_primary_manager))
}

/// The part of the tree an account may read: people read it all; a service user its scope;
/// a technical user the structures its primary manager manages, with their subtrees.
async fn readable_scope(conn: &mut Conn, actor: &Actor) -> ApiResult<Scope> {
    Ok(match actor.kind {
        AccountKind::Person => Scope::everything(),
        AccountKind::ServiceUser => {
            let row = conn.service_user(actor.org_id, actor.account_id).await?;
            row.map(|r| r.scope).unwrap_or_default()
        }
        AccountKind::TechnicalUser => match actor.reach {
            Some(r) => Scope {
                structure_ids: conn.structures_managed_by(r.person_id).await?,
                ..Scope::default()
            },
            None => Scope::default(),
        },
    })
}

pub(crate) fn ancestors(id: i64, parents: &HashMap<i64, Option<i64>>) -> Vec<i64> {
    let mut out = vec![];
    let mut cursor = parents.get(&id).copied().flatten();
    while let Some(p) = cursor {
        if out.contains(&p) {
            break;
        }
        out.push(p);
        cursor = parents.get(&p).copied().flatten();
    }
    out
}

#[utoipa::path(get, path = "/api/v1/structures", tag = "structures", security(("bearer" = [])),
    responses((status = 200, body = [Structure])))]
pub async fn list_structures(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<Vec<Structure>>> {
    let mut conn = state.db.read().await?;
    let scope = readable_scope(&mut conn, &s.actor).await?;
    let rows = conn.structures(s.actor.org_id).await?;
    let parents: HashMap<i64, Option<i64>> = rows.iter().map(|r| (r.id, r.parent_id)).collect();
    // What holds each structure, as `holders` says of one: sub-structures, its technical
    // user, service users' access.
    let mut held: HashSet<i64> = conn
        .structures_in_access(s.actor.org_id)
        .await?
        .into_iter()
        .collect();
    held.extend(rows.iter().filter_map(|r| r.parent_id));
    held.extend(
        rows.iter()
            .filter(|r| r.technical_user_id.is_some())
            .map(|r| r.id),
    );
    Ok(Json(
        rows.iter()
            .filter(|r| scope.covers(r.id, &ancestors(r.id, &parents), r.parent_id.is_none()))
            .map(|r| r.api(&s.actor, held.contains(&r.id)))
            .collect(),
    ))
}

/// The structure `id` as stored now, with what `actor` may do to it.
async fn answer(conn: &mut Conn, actor: &Actor, id: i64) -> ApiResult<Structure> {
    let row = load(conn, actor, id).await?;
    let held = !holders(conn, actor, &row).await?.is_empty();
    Ok(row.api(actor, held))
}

pub(crate) async fn load(conn: &mut Conn, actor: &Actor, id: i64) -> ApiResult<StructureRow> {
    conn.structure(actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)
}

fn check_kind_and_parent(
    kind: StructureKind,
    parent: Option<&StructureRow>,
) -> Result<(), FieldError> {
    match (kind.needs_parent(), parent) {
        (true, None) => Err(FieldError::new("parent_id", "required")),
        (false, Some(_)) => Err(FieldError::new("kind", "invalid_value")),
        _ => Ok(()),
    }
}

#[utoipa::path(post, path = "/api/v1/structures", tag = "structures", security(("bearer" = [])), request_body = NewStructure,
    responses((status = 200, body = Structure), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_structure(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewStructure>,
) -> ApiResult<Json<Structure>> {
    s.actor.may_manage_structures()?;
    let mut checks = Checks::default();
    let name = checks.take(required_text("name", &req.name, 120));
    let mut tx = state.db.begin().await?;
    let parent = match req.parent_id {
        Some(p) => match tx.structure(s.actor.org_id, p).await? {
            Some(parent) => Some(parent),
            None => {
                // Named in the body, not the path: a wrong field (422), not a missing page.
                checks.refuse("parent_id", "not_found");
                None
            }
        },
        None => None,
    };
    // A parent that does not exist is refused above; the kind is checked against a real one.
    if req.parent_id.is_none() || parent.is_some() {
        checks.take(check_kind_and_parent(req.kind, parent.as_ref()));
    }
    checks.done()?;
    let id = tx
        .insert_structure(s.actor.org_id, req.parent_id, req.kind, &name)
        .await?;
    record(
        &mut tx,
        &s,
        AuditAction::StructureCreated,
        None,
        Some(AuditDetail::Structure {
            structure: StructureRef { id, name },
            structure_kind: req.kind,
        }),
    )
    .await?;
    let row = answer(&mut tx, &s.actor, id).await?;
    tx.commit().await?;
    Ok(Json(row))
}

#[utoipa::path(put, path = "/api/v1/structures/{id}/name", tag = "structures", security(("bearer" = [])), request_body = RenameStructure,
    params(("id" = i64, Path)), responses((status = 200, body = Structure), (status = 409, body = ErrorBody)))]
pub async fn rename_structure(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<RenameStructure>,
) -> ApiResult<Json<Structure>> {
    s.actor.may_manage_structures()?;
    let name = required_text("name", &req.name, 120)?;
    let mut tx = state.db.begin().await?;
    let before = load(&mut tx, &s.actor, id).await?;
    if !tx.rename_structure(id, req.version, &name).await? {
        return Err(ApiError::stale(Some(before.version)));
    }
    record(
        &mut tx,
        &s,
        AuditAction::StructureRenamed,
        None,
        Some(AuditDetail::StructureRenamed {
            id,
            from: before.name,
            to: name,
        }),
    )
    .await?;
    let row = answer(&mut tx, &s.actor, id).await?;
    tx.commit().await?;
    Ok(Json(row))
}

#[utoipa::path(put, path = "/api/v1/structures/{id}/parent", tag = "structures", security(("bearer" = [])), request_body = MoveStructure,
    params(("id" = i64, Path)), responses((status = 200, body = Structure), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_structure(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<MoveStructure>,
) -> ApiResult<Json<Structure>> {
    s.actor.may_manage_structures()?;
    let mut tx = state.db.begin().await?;
    let before = load(&mut tx, &s.actor, id).await?;
    let mut kind = before.kind();
    let mut parent = None;
    if let Some(p) = req.parent_id {
        let row = load(&mut tx, &s.actor, p)
            .await
            .map_err(|e| e.naming_in_body("parent_id"))?;
        parent = Some(row.reference());
        let parents: HashMap<i64, Option<i64>> = tx
            .structure_parents(s.actor.org_id)
            .await?
            .into_iter()
            .collect();
        if creates_cycle(id, p, |x| parents.get(&x).copied().flatten()) {
            // The tree as it stands forbids it: a conflict, not a malformed request.
            return Err(
                ApiError::new(StatusCode::CONFLICT, ErrorCode::StructureCycle, "cycle")
                    .with_field("parent_id"),
            );
        }
        if kind == StructureKind::Company {
            kind = StructureKind::Establishment; // a company moved under another is no longer a company
        }
    } else {
        kind = StructureKind::Company;
    }
    if !tx
        .move_structure(id, req.version, req.parent_id, kind)
        .await?
    {
        return Err(ApiError::stale(Some(before.version)));
    }
    record(
        &mut tx,
        &s,
        AuditAction::StructureMoved,
        None,
        Some(AuditDetail::StructureMoved {
            structure: before.reference(),
            parent,
        }),
    )
    .await?;
    let row = answer(&mut tx, &s.actor, id).await?;
    tx.commit().await?;
    Ok(Json(row))
}

#[utoipa::path(put, path = "/api/v1/structures/{id}/primary-manager", tag = "structures", security(("bearer" = [])), request_body = SetPrimaryManager,
    params(("id" = i64, Path)), responses((status = 200, body = Structure), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_primary_manager(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<SetPrimaryManager>,
) -> ApiResult<Json<Structure>> {
    s.actor.may_manage_structures()?;
    let mut tx = state.db.begin().await?;
    let before = load(&mut tx, &s.actor, id).await?;
    let manager_label = match req.person_id {
        Some(pid) => {
            let p = tx
                .person(s.actor.org_id, pid)
                .await?
                .ok_or_else(|| ApiError::unknown_in_body("person_id"))?;
            if !Actor::can_be_primary_manager(p.level(), p.status()) {
                // The person exists; their level or status rules them out for now.
                return Err(
                    ApiError::field("person_id", "invalid_value").with_status(StatusCode::CONFLICT)
                );
            }
            p.user_id
        }
        None => "-".into(),
    };
    if !tx
        .set_primary_manager(id, req.version, req.person_id)
        .await?
    {
        return Err(ApiError::stale(Some(before.version)));
    }
    // The technical user's contact and rights follow on their own: both are read through
    // the structure at every request.
    record(
        &mut tx,
        &s,
        AuditAction::PrimaryManagerSet,
        req.person_id.map(|p| (p, manager_label.as_str())),
        Some(AuditDetail::OfStructure {
            structure: before.reference(),
        }),
    )
    .await?;
    let row = answer(&mut tx, &s.actor, id).await?;
    tx.commit().await?;
    Ok(Json(row))
}

/// Everything that keeps structure `row` from being removed.
async fn holders(
    conn: &mut Conn,
    actor: &Actor,
    row: &StructureRow,
) -> ApiResult<StructureHolders> {
    let sub_structures = conn
        .structures(actor.org_id)
        .await?
        .iter()
        .filter(|r| r.parent_id == Some(row.id))
        .map(StructureRow::reference)
        .collect();
    let technical_user = match row.technical_user_id {
        Some(id) => conn
            .technical_user(actor.org_id, id)
            .await?
            .map(|t| t.user_id),
        None => None,
    };
    Ok(StructureHolders {
        sub_structures,
        technical_user,
        service_users: conn.service_users_naming(row.id).await?,
    })
}

/// The refusal naming what holds a structure; its code is the first holder's kind.
fn held(holders: StructureHolders) -> ApiError {
    let (code, what) = if !holders.sub_structures.is_empty() {
        (ErrorCode::StructureHasSubStructures, "sub_structures")
    } else if holders.technical_user.is_some() {
        (ErrorCode::StructureHasTechnicalUser, "technical_user")
    } else {
        (
            ErrorCode::StructureInServiceUserAccess,
            "service users' access",
        )
    };
    let mut e = ApiError::new(
        StatusCode::CONFLICT,
        code,
        format!("the structure is held: see held_by.{what}"),
    );
    e.detail.held_by = Some(holders);
    e
}

/// Removes a structure that nothing depends on; otherwise the refusal says everything that
/// holds it (`held_by`), so it can all be dealt with at once.
#[utoipa::path(delete, path = "/api/v1/structures/{id}", tag = "structures", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "Held by sub-structures (`structure_has_sub_structures`), a technical user \
        (`structure_has_technical_user`) or service users' access (`structure_in_service_user_access`); `held_by` lists them all")))]
pub async fn remove_structure(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<StatusCode> {
    s.actor.may_manage_structures()?;
    let mut tx = state.db.begin().await?;
    let row = load(&mut tx, &s.actor, id).await?;
    let holders = holders(&mut tx, &s.actor, &row).await?;
    if !holders.is_empty() {
        return Err(held(holders));
    }
    tx.delete_structure(id).await?;
    record(
        &mut tx,
        &s,
        AuditAction::StructureRemoved,
        None,
        Some(AuditDetail::Structure {
            structure: row.reference(),
            structure_kind: row.kind(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// For the technical users module: the structure, if the actor may manage its technical user.
pub(crate) async fn structure_for_technical_user(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> ApiResult<StructureRow> {
    let row = load(conn, actor, id).await?;
    actor.may_manage_technical_user(row.primary_manager_id)?;
    Ok(row)
}
