//! The Sesame server: HTTP JSON API under `/api/v1`, the invitation page, storage, auth and
//! mail delivery. Every rule of the product is checked here; the desktop app only mirrors it.

pub mod auth;
pub mod backup;
pub mod clock;
pub mod demo;
pub mod error;
pub mod extract;
pub mod guard;
pub mod headers;
pub mod invitation_page;
pub mod locale;
pub mod mail;
pub mod metrics;
pub mod openapi;
pub mod reminders;
pub mod routes;
pub mod session_cache;
pub mod setup;
pub mod store;
pub mod tls;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tokio::net::TcpListener;

pub use store::Db;

/// Settings of one server process.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address people reach the server at: invitation links start with it.
    pub public_url: String,
    /// `smtp://host:port`, `smtps://user:pass@host` …; without it mail stays in the outbox.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub session_hours: i64,
    pub api_token_minutes: i64,
    /// Failures of one address on one account after which each further attempt is slowed down.
    pub slow_after: i64,
    /// Failures after which that address is refused on that account for `lock_secs`, and
    /// (counted from every address) the account refused from every address it did not last
    /// sign in from. Failures older than `lock_secs` are forgotten.
    pub lock_after: i64,
    pub lock_secs: i64,
    /// Failures of one address on any accounts after which it is slowed down, and refused.
    pub source_slow_after: i64,
    pub source_lock_after: i64,
    /// Reverse proxies whose `X-Forwarded-For` names the real source of a request.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub invitation_days: i64,
    pub mail_poll: Duration,
    pub mail_max_attempts: i64,
    /// How often expiry reminders are looked for (each replica looks; each reminder is
    /// written once).
    pub reminder_poll: Duration,
    /// The server's clock; tests move it forward.
    pub clock: clock::Clock,
    /// HTTPS with this certificate and key; plain HTTP without.
    pub tls: Option<tls::Tls>,
    /// How often the certificate's files are looked at for a change.
    pub tls_poll: Duration,
    /// Certificates from an ACME authority, kept in `tls`'s files.
    pub acme: Option<tls::acme::Acme>,
    /// Backups on a schedule; their folder also takes the backup before a migration.
    pub backup: Option<backup::schedule::Schedule>,
    /// Searches of the people through an in-memory index of each organization (see
    /// `store/people/index.rs`); without it, through the database's own indexes alone.
    pub search_index: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            public_url: "http://127.0.0.1:8750".into(),
            smtp_url: None,
            mail_from: "Sesame <no-reply@sesame.invalid>".into(),
            session_hours: 8,
            api_token_minutes: 60,
            slow_after: 3,
            lock_after: 10,
            lock_secs: 15 * 60,
            source_slow_after: 10,
            source_lock_after: 30,
            trusted_proxies: vec![],
            invitation_days: 7,
            mail_poll: Duration::from_secs(5),
            mail_max_attempts: 8,
            reminder_poll: Duration::from_secs(3600),
            clock: clock::Clock::default(),
            tls: None,
            tls_poll: Duration::from_secs(10),
            acme: None,
            backup: None,
            search_index: true,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// Each organization's search index, beside the database.
    pub search: store::SearchIndexes,
    pub config: Arc<Config>,
    pub metrics: Arc<metrics::Metrics>,
    /// The sessions last read, for the lists that confirm theirs in their own statement.
    pub sessions: Arc<session_cache::SessionCache>,
}

/// Request bodies above this size are refused with `body_too_large`.
pub const BODY_LIMIT: usize = 64 * 1024;

pub fn app(state: AppState) -> Router {
    let https = state.config.tls.is_some();
    let app = Router::new()
        .nest(sesame_core::api::API_PREFIX, routes::router())
        .nest("/scim/v2", routes::scim::router())
        .merge(invitation_page::router())
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/metrics", axum::routing::get(metrics::metrics))
        .route_layer(axum::middleware::from_fn(metrics::mark_route))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            locale::localize_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            on_server_clock,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::observe,
        ))
        .with_state(state);
    // Around everything, the fallbacks of the nested routers too (a layer on the router
    // above would pass them by).
    let outer = Router::new().fallback_service(app);
    if https {
        outer.layer(axum::middleware::from_fn(headers::secure_https))
    } else {
        outer.layer(axum::middleware::from_fn(headers::secure))
    }
}

/// Serves each request on the server's clock.
async fn on_server_clock(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    state.config.clock.clone().scope(next.run(req)).await
}

/// A running server: its address, and a handle that stops it.
pub struct Running {
    pub addr: SocketAddr,
    pub db: Db,
    /// The organizations' search indexes this server keeps.
    pub search: store::SearchIndexes,
    /// `https` or `http`.
    pub scheme: &'static str,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
    mailer: Option<tokio::task::JoinHandle<()>>,
    reminders: tokio::task::JoinHandle<()>,
    backups: Option<tokio::task::JoinHandle<()>>,
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Running {
    pub fn url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
        if let Some(m) = self.mailer.take() {
            m.abort();
        }
        self.reminders.abort();
        if let Some(b) = self.backups.take() {
            b.abort();
        }
    }
}

/// Opens the database, runs the migrations, binds `listen` (port 0 picks a free one) and
/// serves until stopped. Used by `sesame-server serve`, the desktop app's embedded server
/// and the tests alike.
pub async fn start(
    database_url: &str,
    listen: &str,
    mut config: Config,
) -> anyhow_free::Result<Running> {
    let backups = config.backup.as_ref().map(|s| s.dir.as_path());
    let db = backup::schedule::connect(database_url, backups)
        .await
        .map_err(|e| format!("database {database_url}: {e}"))?;
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| format!("listen on {listen}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    if config.public_url.is_empty() || config.public_url == Config::default().public_url {
        config.public_url = format!("{scheme}://{addr}");
    }
    let config = Arc::new(config);
    let mailer = config.smtp_url.clone().map(|url| {
        mail::spawn_delivery(
            db.clone(),
            url,
            config.mail_from.clone(),
            config.mail_poll,
            config.mail_max_attempts,
        )
    });
    let reminders = reminders::spawn(db.clone(), config.clock.clone(), config.reminder_poll);
    let backups = config
        .backup
        .clone()
        .map(|s| backup::schedule::spawn(db.clone(), s));
    let search = if config.search_index {
        store::SearchIndexes::default()
    } else {
        store::SearchIndexes::off()
    };
    search.warm(&db);
    let state = AppState {
        db: db.clone(),
        search: search.clone(),
        config,
        metrics: Arc::new(metrics::Metrics::new()),
        sessions: Arc::default(),
    };
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let tls = state.config.tls.clone();
    let poll = state.config.tls_poll;
    let acme = state.config.acme.clone();
    let router = app(state);
    let task = match tls {
        Some(tls) => {
            tls::install_provider();
            tls::serve(listener, tls, poll, acme, router, rx).await?
        }
        None => tokio::spawn(async move {
            let router = router.into_make_service_with_connect_info::<SocketAddr>();
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        }),
    };
    Ok(Running {
        addr,
        db,
        search,
        scheme,
        shutdown: Some(tx),
        task,
        mailer,
        reminders,
        backups,
    })
}

/// Errors of start-up are plain sentences for the command line and the app.
pub mod anyhow_free {
    pub type Result<T> = std::result::Result<T, String>;
}
