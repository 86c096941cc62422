//! Backups: one portable file that holds every organization's data, taken while the server
//! serves and writes (one read-only snapshot transaction), and restored into an empty database
//! of either kind. Restoring a SQLite backup into PostgreSQL is the move to a shared server.
//!
//! The file: the line `SESAME-BACKUP 1`, then a gzip stream of JSON lines (the manifest, then
//! each table: a header with its columns and row count, then its rows as arrays), then a line
//! with the SHA-256 of everything before it. It is written under a temporary name and renamed
//! when complete, so a file under the final name is always whole.

mod archive;
pub mod schedule;
mod sqlite;
mod tables;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::store::Db;
pub use archive::FORMAT;

/// What a backup holds, as `verify` and the app's restore question say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The schema the data was taken at (the number of the last migration).
    pub schema: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    /// `sqlite` or `postgres`.
    pub source: String,
    pub organizations: Vec<OrganizationSummary>,
    pub people: i64,
    pub service_users: i64,
    pub technical_users: i64,
    pub structures: i64,
    pub audit_entries: i64,
    /// Rows of each table, in the order they are stored.
    pub tables: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSummary {
    pub code: String,
    pub name: String,
}

/// Why a backup could not be taken, read or restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Not a Sesame backup at all.
    NotABackup,
    /// Cut short (a copy that stopped, a full disk).
    Truncated,
    /// Its checksum does not match: a byte changed since it was written.
    Damaged,
    /// Taken by a newer Sesame, with a schema this one does not know.
    NewerSchema { archive: i64, known: i64 },
    /// A newer archive format.
    NewerFormat(u32),
    /// The database to restore into already holds data.
    NotEmpty { organizations: i64 },
    /// Reading or writing a file.
    File(String),
    /// The database refused.
    Database(String),
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupError::NotABackup => write!(f, "this file is not a Sesame backup"),
            BackupError::Truncated => write!(
                f,
                "this backup is incomplete (cut short while it was written or copied)"
            ),
            BackupError::Damaged => write!(
                f,
                "this backup is damaged: its checksum does not match its content"
            ),
            BackupError::NewerSchema { archive, known } => write!(
                f,
                "this backup was taken by a newer Sesame (schema {archive}; this one knows up to \
                 {known}): restore it with that version or a later one"
            ),
            BackupError::NewerFormat(v) => write!(
                f,
                "this backup is in format {v}, newer than this Sesame reads ({FORMAT})"
            ),
            BackupError::NotEmpty { organizations } => write!(
                f,
                "the database already holds data ({organizations} organizations): restore into \
                 an empty database"
            ),
            BackupError::File(e) => write!(f, "{e}"),
            BackupError::Database(e) => write!(f, "database: {e}"),
        }
    }
}

impl std::error::Error for BackupError {}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Database(e.to_string())
    }
}

/// Takes a backup of `db` into `to`; returns what it holds.
pub async fn backup(db: &Db, to: &Path) -> Result<Manifest, BackupError> {
    if let Some(file) = db.sqlite_file() {
        let to = to.to_owned();
        return tokio::task::spawn_blocking(move || sqlite::backup(&file, &to))
            .await
            .map_err(|e| BackupError::File(e.to_string()))?;
    }
    let mut snapshot = db.snapshot().await?;
    let manifest = tables::manifest(&mut snapshot, db).await?;
    let mut writer = archive::Writer::create(to, &manifest)?;
    for table in tables::TABLES {
        tables::dump(&mut snapshot, table, &mut writer).await?;
    }
    drop(snapshot);
    writer.finish()?;
    Ok(manifest)
}

/// Reads a backup whole and checks it: what it holds, or why it cannot be used.
pub fn verify(from: &Path) -> Result<Manifest, BackupError> {
    checked(from).map(|(_, manifest)| manifest)
}

/// The backup read once, checked whole, with what it holds.
fn checked(from: &Path) -> Result<(archive::Reader, Manifest), BackupError> {
    let archive = archive::Reader::open(from)?;
    let manifest = archive.manifest().clone();
    archive.check_rows()?;
    let known = Db::latest_schema();
    if manifest.schema > known {
        return Err(BackupError::NewerSchema {
            archive: manifest.schema,
            known,
        });
    }
    Ok((archive, manifest))
}

/// One table of a backup: its name, columns and rows (values as JSON).
pub type TableRows = (String, Vec<String>, Vec<Vec<serde_json::Value>>);

/// Every row of a backup, table by table: for comparing two databases.
pub fn contents(from: &Path) -> Result<Vec<TableRows>, BackupError> {
    let archive = archive::Reader::open(from)?;
    let mut lines = archive.sections()?;
    let mut tables = vec![];
    while let Some(header) = lines.next_table()? {
        let rows = (0..header.rows)
            .map(|_| lines.next_row())
            .collect::<Result<Vec<_>, _>>()?;
        tables.push((header.table, header.columns, rows));
    }
    Ok(tables)
}

/// The tables a backup holds, in order.
pub fn table_names() -> Vec<&'static str> {
    tables::TABLES.iter().map(|t| t.name).collect()
}

/// Restores the backup in `from` into the empty database at `url` (made if need be), then
/// brings it to this server's schema.
pub async fn restore(from: &Path, url: &str) -> Result<Manifest, BackupError> {
    let (archive, manifest) = checked(from)?;
    let db = Db::open(url).await?;
    let result = async {
        if db.schema().await? > manifest.schema {
            let organizations = tables::organizations(&db).await?;
            return Err(BackupError::NotEmpty {
                organizations: organizations.max(1),
            });
        }
        db.migrate(Some(manifest.schema)).await?;
        let organizations = tables::organizations(&db).await?;
        if organizations > 0 {
            return Err(BackupError::NotEmpty { organizations });
        }
        load(&db, archive, false).await?;
        db.migrate(None).await?;
        Ok(manifest)
    }
    .await;
    db.close().await;
    result
}

/// Replaces everything `db` holds with the backup in `from`, in one transaction, while the
/// server runs (the app's "Restore…" on This computer). A backup from an older schema is
/// first restored into a database of its own, which brings it to this schema.
pub async fn replace(db: &Db, from: &Path) -> Result<Manifest, BackupError> {
    let (archive, manifest) = checked(from)?;
    if manifest.schema == db.schema().await? {
        load(db, archive, true).await?;
        return Ok(manifest);
    }
    let dir = std::env::temp_dir().join(format!(
        "sesame-restore-{}-{}",
        std::process::id(),
        time::OffsetDateTime::now_utc().unix_timestamp_nanos()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| BackupError::File(e.to_string()))?;
    let result = async {
        let url = format!("sqlite:{}", dir.join("upgrade.db").display());
        restore(from, &url).await?;
        let upgraded = dir.join("upgraded.sesame-backup");
        let staged = Db::open(&url).await?;
        let taken = backup(&staged, &upgraded).await;
        staged.close().await;
        taken?;
        load(db, archive::Reader::open(&upgraded)?, true).await
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result.map(|()| manifest)
}

/// Loads a backup read whole into `db`, by the fastest way its kind allows.
async fn load(db: &Db, archive: archive::Reader, replace: bool) -> Result<(), BackupError> {
    match db.sqlite_file() {
        Some(file) => tokio::task::spawn_blocking(move || sqlite::load(&file, archive, replace))
            .await
            .map_err(|e| BackupError::File(e.to_string()))?,
        None => tables::load(db, archive, replace).await,
    }
}
