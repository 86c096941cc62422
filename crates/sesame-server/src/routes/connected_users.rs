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
use crate::store::{Conn, PersonRow, StructureRow};
use sesame_core::api::{
    ConnectedAccount, ConnectedPerson, ConnectedUsers, ConnectedVia, ErrorBody, StructureRef,
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
    let place = Place::of(id, &rows)?;
    let managers = primary_managers(&place);
    let mut people = managers_as_people(&mut conn, &s.actor, &place, &managers).await?;
    let counted: HashSet<i64> = managers.iter().map(|(m, _)| *m).collect();
    people.extend(other_level_one_users(&mut conn, &s.actor, &counted).await?);
    let technical_users = acting_technical_users(&mut conn, org, &place, &counted).await?;
    // Service users are level 1's business: other readers do not see them at all.
    let mut service_users = vec![];
    if s.actor.may_manage_service_users().is_ok() {
        service_users = covering_service_users(&mut conn, org, &place).await?;
    }
    Ok(Json(ConnectedUsers {
        structure: place.row.reference(),
        people,
        technical_users,
        service_users,
    }))
}

/// The structure asked about, within the organization's tree.
struct Place<'a> {
    id: i64,
    row: &'a StructureRow,
    /// The structures above it, nearest first.
    above: Vec<i64>,
    by_id: HashMap<i64, &'a StructureRow>,
}

impl<'a> Place<'a> {
    /// Not found when the organization has no structure `id`.
    fn of(id: i64, rows: &'a [StructureRow]) -> ApiResult<Place<'a>> {
        let by_id: HashMap<i64, &StructureRow> = rows.iter().map(|r| (r.id, r)).collect();
        let row = *by_id.get(&id).ok_or_else(ApiError::not_found)?;
        let parents: HashMap<i64, Option<i64>> = rows.iter().map(|r| (r.id, r.parent_id)).collect();
        let above = ancestors(id, &parents);
        Ok(Place {
            id,
            row,
            above,
            by_id,
        })
    }

    /// The structure itself, then those above it, nearest first.
    fn upwards(&self) -> impl Iterator<Item = i64> + '_ {
        std::iter::once(self.id).chain(self.above.iter().copied())
    }

    fn reference(&self, sid: i64) -> Option<StructureRef> {
        self.by_id.get(&sid).map(|r| r.reference())
    }

    fn primary_manager(&self, sid: i64) -> Option<i64> {
        self.by_id.get(&sid).and_then(|r| r.primary_manager_id)
    }
}

/// Each primary manager once, with the structure above that makes them one (`None`: the
/// structure itself). A primary manager reaches the structures they manage with their
/// subtrees: the nearest structure they manage names the way.
fn primary_managers(place: &Place) -> Vec<(i64, Option<i64>)> {
    let mut managers: Vec<(i64, Option<i64>)> = vec![];
    for sid in place.upwards() {
        if let Some(m) = place.primary_manager(sid)
            && !managers.iter().any(|(x, _)| *x == m)
        {
            managers.push((m, (sid != place.id).then_some(sid)));
        }
    }
    managers
}

/// The primary managers the reader may see, in the order found.
async fn managers_as_people(
    conn: &mut Conn,
    actor: &Actor,
    place: &Place<'_>,
    managers: &[(i64, Option<i64>)],
) -> ApiResult<Vec<ConnectedPerson>> {
    let mut people = vec![];
    for (m, through) in managers {
        if let Some(p) = conn.person(actor.org_id, *m).await?
            && visible(actor, &p)
        {
            people.push(ConnectedPerson {
                person: p.reference(),
                status: p.status(),
                via: ConnectedVia::PrimaryManager,
                through: through.and_then(|sid| place.reference(sid)),
            });
        }
    }
    Ok(people)
}

/// Level-1 users reach every structure; those already listed as primary managers are not
/// listed twice.
async fn other_level_one_users(
    conn: &mut Conn,
    actor: &Actor,
    counted: &HashSet<i64>,
) -> ApiResult<Vec<ConnectedPerson>> {
    let mut people = vec![];
    for p in conn.people_of_level(actor.org_id, Level::One).await? {
        if !counted.contains(&p.id) && visible(actor, &p) {
            people.push(ConnectedPerson {
                person: p.reference(),
                status: p.status(),
                via: ConnectedVia::LevelOne,
                through: None,
            });
        }
    }
    Ok(people)
}

/// A technical user acts with its structure's primary manager's reach: those whose primary
/// manager is one of the `counted` managers.
async fn acting_technical_users(
    conn: &mut Conn,
    org: i64,
    place: &Place<'_>,
    counted: &HashSet<i64>,
) -> ApiResult<Vec<ConnectedAccount>> {
    Ok(conn
        .technical_users_of(org)
        .await?
        .into_iter()
        .filter(|(_, _, _, sid)| {
            place
                .primary_manager(*sid)
                .is_some_and(|m| counted.contains(&m))
        })
        .map(|(tid, user_id, status, sid)| ConnectedAccount {
            id: tid,
            user_id,
            application: String::new(),
            status: Status::parse(&status).unwrap_or(Status::Suspended),
            via: ConnectedVia::TechnicalUser,
            through: place.reference(sid),
        })
        .collect())
}

/// The service users whose access covers the structure; `through` names the structure of
/// their access that does, unless they reach every company (or every structure) anyway.
async fn covering_service_users(
    conn: &mut Conn,
    org: i64,
    place: &Place<'_>,
) -> ApiResult<Vec<ConnectedAccount>> {
    let mut service_users = vec![];
    let is_company = place.row.parent_id.is_none();
    for su in conn.service_users(org).await? {
        if !su.scope.covers(place.id, &place.above, is_company) {
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
            place
                .upwards()
                .find(|x| su.scope.structure_ids.contains(x))
                .and_then(|sid| place.reference(sid))
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
    Ok(service_users)
}
