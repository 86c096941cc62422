//! A person's reach preview: what they see and may do, computed by the rules and the listing
//! query that enforce it, so the preview cannot drift from what they get.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::people::target_of;
use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Id, Params};
use crate::store::StructureRow;
use sesame_core::api::{ErrorBody, PeoplePage, PeopleQuery, ReachPreview};
use sesame_core::domain::rules::Actor;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/people/{id}/reach", get(reach_preview))
}

#[utoipa::path(get, path = "/api/v1/people/{id}/reach", tag = "people", security(("bearer" = [])), params(("id" = i64, Path), PeopleQuery),
    responses((status = 200, body = ReachPreview, description = "How many people they see and a page of them (as their own listing \
        returns it for the same query), what they may do to each level, the levels they may grant, the structures they are primary manager of"),
        (status = 403, body = ErrorBody, description = "Only oneself, or a level-1 user"), (status = 404, body = ErrorBody)))]
pub async fn reach_preview(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Params(q): Params<PeopleQuery>,
) -> ApiResult<Json<ReachPreview>> {
    if q.search_too_long() {
        return Err(ApiError::field("q", "too_long"));
    }
    if q.role_too_long() {
        return Err(ApiError::field("role", "too_long"));
    }
    let mut conn = state.db.read().await?;
    let (target, row) = target_of(&mut conn, &s.actor, id).await?;
    s.actor.may_preview_reach(&target)?;
    // The person as they would be signed in: the same actor every request of theirs gets.
    let subject = Actor::person(row.id, row.org_id, row.level(), s.actor.public_service);
    let visibility = subject.visibility();
    // What they see, with what they may do to each.
    let (items, next_cursor) = conn
        .people_page_for(&subject, &q)
        .await?
        .map_err(|_| ApiError::field("cursor", "invalid_value"))?;
    let primary_manager_of = conn
        .structures(row.org_id)
        .await?
        .iter()
        .filter(|x| x.primary_manager_id == Some(row.id))
        .map(StructureRow::reference)
        .collect();
    Ok(Json(ReachPreview {
        person: row.reference(),
        level: row.level(),
        sees: conn.count_visible(row.org_id, visibility).await?,
        people: PeoplePage { items, next_cursor },
        by_level: subject.reach_by_level(),
        grantable_levels: subject.rights().grantable_levels,
        primary_manager_of,
    }))
}
