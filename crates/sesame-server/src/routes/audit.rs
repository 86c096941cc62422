//! The audit log (filters, paging, CSV export) and the mail outbox.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult};
use crate::extract::Params;
use crate::store::AuditFilter;
use sesame_core::api::{AuditDetail, AuditEntry, AuditPage, AuditQuery, ErrorBody, OutboxMessage};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/audit", get(audit_log))
        .route("/audit.csv", get(audit_csv))
        .route("/outbox", get(outbox))
}

fn parse_time(field: &str, v: Option<&str>) -> ApiResult<Option<i64>> {
    v.filter(|s| !s.is_empty())
        .map(|s| {
            time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                .map(|t| t.unix_timestamp())
                .map_err(|_| ApiError::field(field, "invalid_value"))
        })
        .transpose()
}

fn filter(q: &AuditQuery, max: u32) -> ApiResult<AuditFilter> {
    Ok(AuditFilter {
        actor: q.actor,
        target: q.target,
        action: q.action.clone().filter(|a| !a.is_empty()),
        who: q.who.clone().filter(|w| !w.trim().is_empty()),
        whom: q.whom.clone().filter(|w| !w.trim().is_empty()),
        from: parse_time("from", q.from.as_deref())?,
        to: parse_time("to", q.to.as_deref())?,
        before: q
            .cursor
            .as_deref()
            // An empty cursor is the first page.
            .filter(|c| !c.is_empty())
            .map(|c| {
                c.parse::<i64>()
                    .map_err(|_| ApiError::field("cursor", "invalid_value"))
            })
            .transpose()?,
        limit: q.limit.unwrap_or(100).clamp(1, max) as i64,
    })
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, body = AuditPage), (status = 403, body = ErrorBody)))]
pub async fn audit_log(
    State(state): State<AppState>,
    s: Signed,
    Params(q): Params<AuditQuery>,
) -> ApiResult<Json<AuditPage>> {
    s.actor.may_read_audit()?;
    let f = filter(&q, 1000)?;
    let mut conn = state.db.read().await?;
    let items = conn
        .audit_entries(s.actor.org_id, s.actor.visibility(), &f)
        .await?;
    let next_cursor = (items.len() as i64 == f.limit)
        .then(|| items.last().map(|e| e.id.to_string()))
        .flatten();
    Ok(Json(AuditPage { items, next_cursor }))
}

/// CSV of the filtered log (UTF-8 with a byte-order mark, so spreadsheets read accents).
#[utoipa::path(get, path = "/api/v1/audit.csv", tag = "audit", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = ErrorBody)))]
pub async fn audit_csv(
    State(state): State<AppState>,
    s: Signed,
    Params(q): Params<AuditQuery>,
) -> ApiResult<impl IntoResponse> {
    s.actor.may_read_audit()?;
    let mut f = filter(&q, 100_000)?;
    f.limit = q.limit.unwrap_or(100_000).clamp(1, 100_000) as i64;
    let mut conn = state.db.read().await?;
    let items = conn
        .audit_entries(s.actor.org_id, s.actor.visibility(), &f)
        .await?;
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        to_csv(&items)?,
    ))
}

pub fn to_csv(items: &[AuditEntry]) -> ApiResult<Vec<u8>> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let header = ["id", "at", "actor", "action", "target", "detail"];
        w.write_record(header)
            .map_err(|e| ApiError::internal("csv", e))?;
        for e in items {
            let at =
                e.at.format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
            w.write_record([
                e.id.to_string(),
                at,
                e.actor.clone(),
                e.action.clone(),
                e.target.clone(),
                // The structured detail as JSON: this export is for programs; the app writes
                // the one people read, in their language.
                AuditDetail::to_stored(e.detail.as_ref()),
            ])
            .map_err(|e| ApiError::internal("csv", e))?;
        }
        w.flush().map_err(|e| ApiError::internal("csv", e))?;
    }
    Ok(out)
}

#[utoipa::path(get, path = "/api/v1/outbox", tag = "mail", security(("bearer" = [])),
    responses((status = 200, body = [OutboxMessage]), (status = 403, body = ErrorBody)))]
pub async fn outbox(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<Vec<OutboxMessage>>> {
    s.actor.may_read_outbox()?;
    let mut conn = state.db.read().await?;
    Ok(Json(
        conn.outbox(s.actor.org_id, 500)
            .await?
            .iter()
            .map(|m| m.api())
            .collect(),
    ))
}
