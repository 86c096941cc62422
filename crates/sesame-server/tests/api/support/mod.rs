//! What the API tests share: a real server on a loopback port, over a real database (a SQLite
//! file, and PostgreSQL too when SESAME_TEST_POSTGRES_URL is set), fixtures written through the
//! store, and a real SMTP server.

#![allow(dead_code)]

pub mod smtp;

use std::sync::atomic::{AtomicU32, Ordering};

use sesame_client::Client;
use sesame_core::api::{NewPerson, PersonUpdate};
use sesame_core::domain::{Language, Level, Status};
use sesame_server::setup::default_roles;
use sesame_server::store::NewPersonRow;
use sesame_server::{self, Config, Db, Running};

pub const PASSWORD: &str = "actor-password-2026";

#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

impl Backend {
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }
}

/// SQLite always; PostgreSQL as well when SESAME_TEST_POSTGRES_URL names a server.
pub fn backends() -> Vec<Backend> {
    let mut b = vec![Backend::Sqlite];
    if let Ok(url) = std::env::var("SESAME_TEST_POSTGRES_URL")
        && !url.is_empty()
    {
        b.push(Backend::Postgres(url));
    }
    b
}

pub struct TestServer {
    pub running: Running,
    /// The database this server runs on (another process may open it too).
    pub database_url: String,
    pub db: Db,
    pub backend: Backend,
    dir: Option<std::path::PathBuf>,
    /// The PostgreSQL database made for this server, dropped at the end.
    pg_database: Option<String>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

/// A fresh database of its own for each server: (URL, SQLite folder, PostgreSQL name).
pub async fn database_url(
    backend: &Backend,
) -> (String, Option<std::path::PathBuf>, Option<String>) {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique("sesame_test"));
            std::fs::create_dir_all(&dir).unwrap();
            (
                format!("sqlite:{}", dir.join("sesame.db").display()),
                Some(dir),
                None,
            )
        }
        Backend::Postgres(admin_url) => {
            use sqlx::Connection;
            let name = unique("sesame_t");
            let mut admin = sqlx::PgConnection::connect(admin_url)
                .await
                .expect("PostgreSQL for the tests");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .unwrap();
            let mut url = url::Url::parse(admin_url).unwrap();
            url.set_path(&format!("/{name}"));
            (url.to_string(), None, Some(name))
        }
    }
}

pub async fn start_with(backend: &Backend, config: Config) -> TestServer {
    start_on(backend, database_url(backend).await, config).await
}

/// A server on a database made by [`database_url`] (and perhaps filled beforehand).
pub async fn start_on(
    backend: &Backend,
    (url, dir, pg_database): (String, Option<std::path::PathBuf>, Option<String>),
    config: Config,
) -> TestServer {
    // `raw` builds plain reqwest clients: the TLS provider must be there even when no
    // typed client was made first (a test run alone).
    sesame_client::install_crypto();
    let running = sesame_server::start(&url, "127.0.0.1:0", config)
        .await
        .expect("server starts");
    TestServer {
        database_url: url,
        db: running.db.clone(),
        running,
        backend: backend.clone(),
        dir,
        pg_database,
    }
}

pub async fn start(backend: &Backend) -> TestServer {
    start_with(backend, Config::default()).await
}

impl TestServer {
    pub fn client(&self) -> Client {
        Client::new(&self.running.url())
    }

    pub fn url(&self) -> String {
        self.running.url()
    }

    /// An organization with the default roles catalogue.
    pub async fn org(&self, code: &str, public_service: bool) -> i64 {
        let mut tx = self.db.begin().await.unwrap();
        let id = tx
            .insert_organization(
                code,
                &format!("Organization {code}"),
                Language::Fr,
                public_service,
            )
            .await
            .unwrap();
        for r in default_roles() {
            tx.insert_role(id, &r).await.unwrap();
        }
        tx.commit().await.unwrap();
        id
    }

    /// A person; with a password when they are to sign in (never temporary here).
    pub async fn person(
        &self,
        org: i64,
        user_id: &str,
        level: Level,
        password: Option<&str>,
    ) -> i64 {
        self.person_with(org, user_id, level, Status::Active, Language::En, password)
            .await
    }

    pub async fn person_with(
        &self,
        org: i64,
        user_id: &str,
        level: Level,
        status: Status,
        language: Language,
        password: Option<&str>,
    ) -> i64 {
        let hash = match password {
            Some(p) => Some(sesame_server::auth::hash_password(p).await.unwrap()),
            None => None,
        };
        let mut tx = self.db.begin().await.unwrap();
        let id = tx
            .insert_person(&NewPersonRow {
                org_id: org,
                user_id: user_id.into(),
                last_name: format!("Last {user_id}"),
                first_name: format!("First {user_id}"),
                email: format!("{user_id}@example.org"),
                phone: String::new(),
                level,
                language,
                roles: vec![],
                is_contact: false,
                status,
                password_hash: hash,
                password_temporary: false,
            })
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id
    }

    pub async fn link(&self, manager: i64, subordinate: i64) {
        let mut tx = self.db.begin().await.unwrap();
        tx.link_under_charge(manager, subordinate).await.unwrap();
        tx.commit().await.unwrap();
    }

    /// A signed-in client.
    pub async fn sign_in(&self, org_code: &str, user_id: &str, password: &str) -> Client {
        let c = self.client();
        let s = c
            .sign_in(org_code, user_id, password, None)
            .await
            .unwrap_or_else(|e| panic!("{user_id} signs in: {e}"));
        c.with_token(Some(s.token))
    }

    /// A raw request: (status, JSON body).
    pub async fn raw(
        &self,
        token: Option<&str>,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let http = reqwest::Client::new();
        let mut req = http.request(method.parse().unwrap(), format!("{}{path}", self.url()));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }

    pub async fn stop(self) {
        self.db.close().await;
        self.running.stop().await;
        if let Some(d) = self.dir {
            let _ = std::fs::remove_dir_all(d);
        }
        if let (Some(name), Backend::Postgres(admin_url)) = (self.pg_database, &self.backend) {
            use sqlx::Connection;
            if let Ok(mut admin) = sqlx::PgConnection::connect(admin_url).await {
                let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                let _ = sqlx::query(sqlx::AssertSqlSafe(drop))
                    .execute(&mut admin)
                    .await;
            }
        }
    }
}

/// A level-3 person to create through the API.
pub fn new_person(last_name: &str, first_name: &str, user_id: &str, email: &str) -> NewPerson {
    NewPerson {
        last_name: last_name.into(),
        first_name: first_name.into(),
        user_id: user_id.into(),
        email: email.into(),
        phone: None,
        level: Level::Three,
        language: Language::Fr,
        roles: vec![],
        is_contact: false,
    }
}

/// An update of a record read at `version` that changes nothing yet.
pub fn unchanged(version: i64) -> PersonUpdate {
    PersonUpdate {
        version,
        last_name: None,
        first_name: None,
        user_id: None,
        email: None,
        phone: None,
        level: None,
        language: None,
        is_contact: None,
    }
}
