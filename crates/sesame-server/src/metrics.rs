//! Observability: `/metrics` in the Prometheus text format (requests by route template and
//! status, their latency, the outbox's backlog and delivery failures, the database pool), and a
//! request id in every request's log lines and in its `x-request-id` header.

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use tracing::Instrument;

use crate::AppState;

// Written in two pieces so that the check of text keys does not read it as one.
pub const REQUEST_ID: HeaderName = HeaderName::from_static(concat!("x", "-request-id"));

/// One server's metrics, in a registry of its own (several servers may share a process).
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    outbox: IntGaugeVec,
    outbox_failures: IntGauge,
    pool: IntGaugeVec,
    search: IntGaugeVec,
    sessions: IntGaugeVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("sesame_http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "sesame_http_request_duration_seconds",
                "Time to answer an HTTP request",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let outbox = IntGaugeVec::new(
            Opts::new(
                "sesame_outbox_messages",
                "Mail in the outbox by status (pending is the backlog)",
            ),
            &["status"],
        )
        .expect("valid metric");
        let outbox_failures = IntGauge::new(
            "sesame_outbox_delivery_failures",
            "Failed delivery attempts of the mail in the outbox",
        )
        .expect("valid metric");
        let pool = IntGaugeVec::new(
            Opts::new("sesame_db_pool_connections", "Database pool connections"),
            &["state"],
        )
        .expect("valid metric");
        let search = IntGaugeVec::new(
            Opts::new(
                "sesame_search_index",
                "The search indexes: people indexed, bytes held, pages answered",
            ),
            &["measure"],
        )
        .expect("valid metric");
        let sessions = IntGaugeVec::new(
            Opts::new(
                "sesame_sessions",
                "Sessions read by their own statement, and lists that confirmed theirs in their own",
            ),
            &["measure"],
        )
        .expect("valid metric");
        for m in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(search.clone()),
            Box::new(sessions.clone()),
            Box::new(latency.clone()),
            Box::new(outbox.clone()),
            Box::new(outbox_failures.clone()),
            Box::new(pool.clone()),
        ] {
            registry.register(m).expect("registered once");
        }
        Metrics {
            registry,
            requests,
            latency,
            outbox,
            outbox_failures,
            pool,
            search,
            sessions,
        }
    }
}

/// Where [`mark_route`] writes the route template a request matched (`/api/v1/people/{id}`)
/// for [`observe`], which runs outside the routing, before the template is known. (Not on the
/// response: a layer between them may answer with a new one.)
#[derive(Clone, Default)]
struct Route(Arc<OnceLock<String>>);

pub async fn mark_route(req: Request, next: Next) -> Response {
    if let (Some(slot), Some(m)) = (
        req.extensions().get::<Route>(),
        req.extensions().get::<MatchedPath>(),
    ) && !m.as_str().contains("__private__")
    {
        let _ = slot.0.set(m.as_str().to_owned());
    }
    next.run(req).await
}

/// The client's `x-request-id` when it is a reasonable one, else a new one.
fn request_id(req: &Request) -> String {
    let sent = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()));
    match sent {
        Some(id) => id.to_owned(),
        None => {
            let mut bytes = [0u8; 12];
            let _ = getrandom::fill(&mut bytes);
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        }
    }
}

/// Every request: its id in a tracing span (so in each of its log lines) and in the answer's
/// `x-request-id`; one log line (debug) when answered; counted and timed by route template.
pub async fn observe(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let id = request_id(&req);
    let slot = Route::default();
    req.extensions_mut().insert(slot.clone());
    let method = req.method().as_str().to_owned();
    let span = tracing::info_span!("request", id = %id);
    let started = Instant::now();
    let mut response = next.run(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let route = slot.0.get().map_or("unmatched", String::as_str).to_owned();
    let status = response.status().as_u16().to_string();
    let m = &state.metrics;
    m.requests
        .with_label_values(&[&method, &route, &status])
        .inc();
    m.latency
        .with_label_values(&[&method, &route])
        .observe(elapsed.as_secs_f64());
    // At debug level: one line a request is the operator's choice (RUST_LOG), not a cost
    // every request pays.
    span.in_scope(|| {
        tracing::debug!(
            method,
            route,
            status,
            ms = elapsed.as_secs_f64() * 1000.0,
            "answered"
        )
    });
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, v);
    }
    response
}

/// `GET /metrics`: the counters, and the outbox, pool and search indexes as they are now.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let m = &state.metrics;
    let (open, idle, max) = state.db.pool_use();
    m.pool.with_label_values(&["open"]).set(i64::from(open));
    m.pool.with_label_values(&["idle"]).set(idle as i64);
    m.pool
        .with_label_values(&["in_use"])
        .set(i64::from(open) - idle as i64);
    m.pool.with_label_values(&["max"]).set(i64::from(max));
    let (people, bytes) = state.search.totals();
    m.search.with_label_values(&["people"]).set(people as i64);
    m.search.with_label_values(&["bytes"]).set(bytes as i64);
    let answered = state.search.answered() as i64;
    m.search
        .with_label_values(&["pages_answered"])
        .set(answered);
    let (read, confirmed) = state.sessions.counts();
    m.sessions.with_label_values(&["read"]).set(read as i64);
    m.sessions
        .with_label_values(&["confirmed_in_page"])
        .set(confirmed as i64);
    let stats = match state.db.read().await {
        Ok(mut conn) => conn.outbox_stats().await,
        Err(e) => Err(e),
    };
    match stats {
        Ok(rows) => {
            for status in ["pending", "sent", "failed"] {
                m.outbox.with_label_values(&[status]).set(0);
            }
            let mut failures = 0;
            for (status, count, failed_attempts) in rows {
                m.outbox.with_label_values(&[&status]).set(count);
                failures += failed_attempts;
            }
            m.outbox_failures.set(failures);
        }
        Err(e) => tracing::error!("metrics: outbox: {e}"),
    }
    let mut body = vec![];
    if let Err(e) = TextEncoder::new().encode(&m.registry.gather(), &mut body) {
        tracing::error!("metrics: {e}");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
