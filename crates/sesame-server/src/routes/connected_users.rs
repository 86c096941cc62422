//! A structure's connected users: every person and API account that reaches it, and how.

use std::collections::{HashMap, HashSet};

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::structures::ancestors;
use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult};
use crate::extract::Id;
use crate::store::{PersonRow, StructureRow};
use sesame_core::api::{
    ConnectedAccount, ConnectedPerson, ConnectedUsers, ConnectedVia, ErrorBody,
};
use sesame_core::domain::rules::{Actor, Target};
use sesame_core::domain::{Level, Status};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/structures/{id}/connected-users", get(connected_users))
}

/// Whether the reader sees this person anywhere else (their list, their records).
fn visible(actor: &Actor, p: &PersonRow) -> bool {
    actor.sees(&Target {
        id: p.id,
        org_id: p.org_id,
        level: p.level(),
        status: p.status(),
        under_charge: false,
        active_level_one: 0,
        two_factor: false,
    })
}

#[utoipa::path(get, path = "/api/v1/structures/{id}/connected-users", tag = "structures", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ConnectedUsers, description = "Primary managers of the structure and of those above it, level-1 users, \
        the technical users acting for those managers, and (for level-1 readers) the service users whose access covers it"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn connected_users(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<ConnectedUsers>> {
    s.actor.may_see_connected_users()?;
    let org = s.actor.org_id;
    let mut conn = state.db.read().await?;
    let rows = conn.structures(org).await?;
    let by_id: HashMap<i64, &StructureRow> = rows.iter().map(|r| (r.id, r)).collect();
    let row = *by_id.get(&id).ok_or_else(ApiError::not_found)?;
    let parents: HashMap<i64, Option<i64>> = rows.iter().map(|r| (r.id, r.parent_id)).collect();
    let above = ancestors(id, &parents);

    // A primary manager reaches the structures they manage with their subtrees: the nearest
    // structure they manage names the way.
    let mut managers: Vec<(i64, Option<i64>)> = vec![];
    for sid in std::iter::once(id).chain(above.iter().copied()) {
        if let Some(m) = by_id.get(&sid).and_then(|r| r.primary_manager_id)
            && !managers.iter().any(|(x, _)| *x == m)
        {
            managers.push((m, (sid != id).then_some(sid)));
        }
    }
    let reference = |sid: i64| by_id.get(&sid).map(|r| r.reference());
    let mut people = vec![];
    for (m, through) in &managers {
        if let Some(p) = conn.person(org, *m).await?
            && visible(&s.actor, &p)
        {
            people.push(ConnectedPerson {
                person: p.reference(),
                status: p.status(),
                via: ConnectedVia::PrimaryManager,
                through: through.and_then(reference),
            });
        }
    }
    let counted: HashSet<i64> = managers.iter().map(|(m, _)| *m).collect();
    for p in conn.people_of_level(org, Level::One).await? {
        if !counted.contains(&p.id) && visible(&s.actor, &p) {
            people.push(ConnectedPerson {
                person: p.reference(),
                status: p.status(),
                via: ConnectedVia::LevelOne,
                through: None,
            });
        }
    }

    // A technical user acts with its structure's primary manager's reach.
    let technical_users = conn
        .technical_users_of(org)
        .await?
        .into_iter()
        .filter(|(_, _, _, sid)| {
            by_id
                .get(sid)
                .and_then(|r| r.primary_manager_id)
                .is_some_and(|m| counted.contains(&m))
        })
        .map(|(tid, user_id, status, sid)| ConnectedAccount {
            id: tid,
            user_id,
            application: String::new(),
            status: Status::parse(&status).unwrap_or(Status::Suspended),
            via: ConnectedVia::TechnicalUser,
            through: reference(sid),
        })
        .collect();

    let mut service_users = vec![];
    if s.actor.may_manage_service_users().is_ok() {
        let is_company = row.parent_id.is_none();
        for su in conn.service_users(org).await? {
            if !su.scope.covers(id, &above, is_company) {
                continue;
            }
            let broad = if is_company {
                su.scope.all_companies
            } else {
                su.scope.whole_structure
            };
            let through = if broad {
                None
            } else {
                std::iter::once(id)
                    .chain(above.iter().copied())
                    .find(|x| su.scope.structure_ids.contains(x))
                    .and_then(reference)
            };
            service_users.push(ConnectedAccount {
                id: su.id,
                user_id: su.user_code,
                application: su.application,
                status: su.status,
                via: ConnectedVia::ServiceAccess,
                through,
            });
        }
    }
    Ok(Json(ConnectedUsers {
        structure: row.reference(),
        people,
        technical_users,
        service_users,
    }))
}
