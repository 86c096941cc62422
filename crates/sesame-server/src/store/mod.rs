//! Storage: SQLite (a file in WAL mode, or in memory for tests) or PostgreSQL, chosen by the
//! database URL. Every query is written once: the same SQL text (with `$1` placeholders, which
//! both accept) runs on either database through the [`on_conn!`] dispatch; only the migrations
//! differ, one folder per database.

mod audit;
mod contacts;
mod credentials;
mod guard;
mod invitations;
mod organizations;
mod outbox;
mod people;
mod roles;
pub mod scim;
mod service_users;
mod sessions;
pub(crate) mod sqlite_reads;
mod structures;
mod technical_users;

use std::str::FromStr;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Database, Postgres, Sqlite, Transaction};

pub use audit::{AuditFilter, AuditRecord};
pub use credentials::{
    CredentialOwner, CredentialRow as ApiCredentialRow, DueReminder, REMINDER_DAYS,
    password_validity,
};
pub use guard::{Counter, Failures, Limit};
pub use invitations::InvitationRow;
pub use organizations::OrganizationRow;
pub use people::{
    MAX_PAGE, NewPersonRow, PersonFields, PersonRow, SearchIndexes, SessionCheck, Verdict,
};
pub use sessions::{CredentialRow, SESSION_SEEN_PG, SessionRow};
pub use structures::StructureRow;
pub use technical_users::TechnicalUserRow;

#[derive(Clone, Debug)]
pub enum Db {
    /// With the hot reads' own connections when the database is a file.
    Sqlite(SqlitePool, Option<sqlite_reads::SqliteReads>),
    Postgres(PgPool),
}

/// A connection from the pool, or an open transaction: store functions take either.
pub enum Conn {
    Sqlite(Held<Sqlite>),
    Postgres(Held<Postgres>),
}

pub enum Held<DB: Database> {
    Pooled(PoolConnection<DB>),
    Tx(Transaction<'static, DB>),
}

impl<DB: Database> Held<DB> {
    fn conn(&mut self) -> &mut DB::Connection {
        match self {
            Held::Pooled(c) => c,
            Held::Tx(t) => t,
        }
    }
    async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Held::Pooled(_) => Ok(()),
            Held::Tx(t) => t.commit().await,
        }
    }
}

/// Runs `$body` with `$c` bound to the database connection, whichever database it is.
/// The body is compiled once per database; its SQL text is the same.
macro_rules! on_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::store::Conn::Sqlite(h) => {
                let $c = h.conn_mut();
                $body
            }
            $crate::store::Conn::Postgres(h) => {
                let $c = h.conn_mut();
                $body
            }
        }
    };
}
pub(crate) use on_conn;

impl<DB: Database> Held<DB> {
    pub(crate) fn conn_mut(&mut self) -> &mut DB::Connection {
        self.conn()
    }
}

/// A value bound to a query whose SQL is assembled at run time (filters, sort orders).
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    Int(i64),
    OptInt(Option<i64>),
    Text(String),
}

impl Bind {
    /// The value in a JSON array of values bound as one.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Bind::Int(i) => (*i).into(),
            Bind::OptInt(i) => (*i).into(),
            Bind::Text(s) => s.as_str().into(),
        }
    }
}

/// Binds `$binds` in order to the query `$q`.
macro_rules! bind_all {
    ($q:expr, $binds:expr) => {{
        let mut q = $q;
        for b in $binds {
            q = match b {
                $crate::store::Bind::Int(i) => q.bind(*i),
                $crate::store::Bind::OptInt(i) => q.bind(*i),
                $crate::store::Bind::Text(s) => q.bind(s.clone()),
            };
        }
        q
    }};
}
pub(crate) use bind_all;

/// `$first, $first+1, …` for `n` values: the placeholders of an `IN (…)` list or a row.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The placeholders of a row of values in a statement whose every value is in such rows, in
/// the order bound: `$first, …` on PostgreSQL, `?, …` on SQLite. sqlx looks each `$n` up by
/// name, which SQLite finds by reading the statement's list of names: binding thousands of
/// `$n` took seconds (an import's audit lines, its people), `?` are bound in turn.
pub(crate) fn row_placeholders(postgres: bool, first: usize, n: usize) -> String {
    if postgres {
        placeholders(first, n)
    } else {
        vec!["?"; n].join(", ")
    }
}

impl Db {
    /// `sqlite:path.db`, `sqlite::memory:` or `postgres://...`. Runs the migrations.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        let db = Db::open(url).await?;
        db.migrate(None).await?;
        db.refold().await?;
        Ok(db)
    }

    /// The latest schema this server knows (the number of its last migration).
    pub fn latest_schema() -> i64 {
        let versions = sqlx::migrate!("src/store/migrations/sqlite")
            .iter()
            .map(|m| m.version);
        versions.max().unwrap_or(0)
    }

    /// The schema the database is at (0: none yet).
    pub async fn schema(&self) -> Result<i64, sqlx::Error> {
        let sql = "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success";
        let found = match self {
            Db::Sqlite(p, _) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
            Db::Postgres(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await,
        };
        match found {
            Ok(v) => Ok(v),
            // No bookkeeping table: nothing was ever migrated.
            Err(sqlx::Error::Database(_)) => Ok(0),
            Err(e) => Err(e),
        }
    }

    /// Runs the migrations, all of them or up to schema `to`.
    pub async fn migrate(&self, to: Option<i64>) -> Result<(), sqlx::Error> {
        let to = to.unwrap_or_else(Db::latest_schema);
        match self {
            Db::Sqlite(p, _) => {
                sqlx::migrate!("src/store/migrations/sqlite")
                    .run_to(to, p)
                    .await?
            }
            Db::Postgres(p) => {
                sqlx::migrate!("src/store/migrations/postgres")
                    .run_to(to, p)
                    .await?
            }
        }
        Ok(())
    }

    /// The pools, without migrating: for a backup, which must leave the database as it is.
    pub async fn open(url: &str) -> Result<Db, sqlx::Error> {
        Ok(
            if url.starts_with("postgres:") || url.starts_with("postgresql:") {
                // Twice the cores, as PostgreSQL's own advice goes: its backends share this
                // machine's cores with the server, and sixteen of them on two cores made the
                // level-1 page's p99 twice as long (55 ms against 26–38 ms with four).
                let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
                let pool = PgPoolOptions::new()
                    .max_connections((2 * cores).max(4))
                    // A ping before every use was a third of a page's round trips: a
                    // connection is tested only after a minute's rest, when a restart of the
                    // database may have cut it; one in use shows a cut by its own error.
                    .test_before_acquire(false)
                    .before_acquire(|conn, meta| {
                        Box::pin(async move {
                            if meta.idle_for >= Duration::from_secs(60) {
                                sqlx::Connection::ping(conn).await?;
                            }
                            Ok(true)
                        })
                    })
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await?;
                Db::Postgres(pool)
            } else {
                let memory = url.contains(":memory:") || url.contains("mode=memory");
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    .journal_mode(if memory {
                        SqliteJournalMode::Memory
                    } else {
                        SqliteJournalMode::Wal
                    })
                    .synchronous(SqliteSynchronous::Normal)
                    // Each SQLite connection runs on its own thread and hands rows over a channel;
                    // room for a whole page spares a thread switch per row.
                    .row_buffer_size(1024);
                // An in-memory database lives in one connection: a pool of one keeps it whole.
                let pool = SqlitePoolOptions::new()
                    .max_connections(if memory { 1 } else { 4 })
                    .min_connections(if memory { 1 } else { 0 })
                    .idle_timeout(if memory {
                        None
                    } else {
                        Some(Duration::from_secs(600))
                    })
                    .max_lifetime(if memory {
                        None
                    } else {
                        Some(Duration::from_secs(3600))
                    })
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(options)
                    .await?;
                Db::Sqlite(pool, sqlite_reads::SqliteReads::for_url(url))
            },
        )
    }

    /// Brings the search and sort keys of rows written by an older folding up to date, in
    /// batches (after an upgrade; nothing to do otherwise).
    pub async fn refold(&self) -> Result<(), sqlx::Error> {
        let mut total = 0;
        loop {
            let mut tx = self.begin().await?;
            let done = tx.refold_people(1000).await?;
            tx.commit().await?;
            if done == 0 {
                break;
            }
            total += done;
        }
        if total > 0 {
            tracing::info!("search keys of {total} people refolded");
        }
        Ok(())
    }

    /// Brings the planner's statistics up to date after many rows were written at once (an
    /// import), as PostgreSQL advises after a bulk load rather than waiting for autovacuum:
    /// plans made without them are guesses (one benchmark run right after a fill saw the
    /// level-2 page fall to 32 req/s). SQLite's plans for these statements follow their shape,
    /// not statistics: nothing to do there.
    pub async fn refresh_statistics(&self) -> Result<(), sqlx::Error> {
        if let Db::Postgres(p) = self {
            sqlx::query("ANALYZE accounts, charges").execute(p).await?;
        }
        Ok(())
    }

    /// A pooled connection, for reads that need no transaction.
    pub async fn read(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(p, _) => Conn::Sqlite(Held::Pooled(p.acquire().await?)),
            Db::Postgres(p) => Conn::Postgres(Held::Pooled(p.acquire().await?)),
        })
    }

    /// A transaction: every multi-row change runs in one, with its audit and outbox rows.
    pub async fn begin(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            // IMMEDIATE takes SQLite's write lock up front, so two writers queue instead of
            // failing with "database is locked" when the second tries to upgrade.
            Db::Sqlite(p, _) => Conn::Sqlite(Held::Tx(p.begin_with("BEGIN IMMEDIATE").await?)),
            Db::Postgres(p) => Conn::Postgres(Held::Tx(p.begin().await?)),
        })
    }

    /// The file of a SQLite database (none in memory, nor for PostgreSQL).
    pub fn sqlite_file(&self) -> Option<std::path::PathBuf> {
        match self {
            Db::Sqlite(_, Some(reads)) => Some(reads.path().to_owned()),
            _ => None,
        }
    }

    /// A read-only transaction that sees the database as it is now, whatever is written
    /// meanwhile (SQLite: a read transaction on its write-ahead log; PostgreSQL: one snapshot).
    pub async fn snapshot(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(p, _) => Conn::Sqlite(Held::Tx(p.begin_with("BEGIN DEFERRED").await?)),
            Db::Postgres(p) => Conn::Postgres(Held::Tx(
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?,
            )),
        })
    }

    /// Connections of the pool: (open, idle, most allowed).
    pub fn pool_use(&self) -> (u32, usize, u32) {
        match self {
            Db::Sqlite(p, _) => (p.size(), p.num_idle(), p.options().get_max_connections()),
            Db::Postgres(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p, _) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }
}

impl Conn {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Conn::Sqlite(h) => h.commit().await,
            Conn::Postgres(h) => h.commit().await,
        }
    }
}

/// Now, in Unix seconds: every time column holds this. It follows the server's clock
/// ([`crate::clock`]), which tests move forward.
pub fn now() -> i64 {
    crate::clock::now()
}

pub fn to_time(secs: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(secs).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Is this error a broken UNIQUE constraint?
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}
