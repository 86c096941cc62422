//! The hottest reads of a SQLite database (the session of every request, the people listing)
//! on rusqlite, run on tokio's blocking pool. sqlx's SQLite driver gives each connection a
//! thread of its own and hands every statement and every row across channels: on the listing
//! benchmark about 40 % of the server's time went to those thread switches. Here a statement
//! runs on the blocking thread that asked for it, from a statement cache, and only its result
//! crosses back. Writes and every other read stay on sqlx: one schema, one set of migrations.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags};

use super::Bind;

/// Reads running at once, each on a connection of its own kept open for the next: one a core
/// (at least two). More only queue on the cores, and opening a connection and preparing its
/// statements anew costs more than waiting for one: with four on two cores the level-2 page,
/// SQLite's heaviest, took 1.3–1.7× the level-1 page's time; with two, 1.1–1.2×.
fn readers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

#[derive(Clone, Debug)]
pub struct SqliteReads(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: tokio::sync::Semaphore,
}

impl SqliteReads {
    /// For the database file of `url` (`sqlite:path` or `sqlite://path`, options after `?`);
    /// `None` for an in-memory database, which lives in the one connection sqlx holds.
    pub fn for_url(url: &str) -> Option<SqliteReads> {
        if url.contains(":memory:") || url.contains("mode=memory") {
            return None;
        }
        let rest = url.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().filter(|p| !p.is_empty())?;
        Some(SqliteReads(Arc::new(Inner {
            path: PathBuf::from(path),
            idle: Mutex::new(vec![]),
            permits: tokio::sync::Semaphore::new(readers()),
        })))
    }

    /// The database file.
    pub fn path(&self) -> &std::path::Path {
        &self.0.path
    }

    /// A read connection of its own, outside the pool: for a long read (building the search
    /// index) that must not hold one of the pool's few connections meanwhile.
    pub fn connection(&self) -> rusqlite::Result<Connection> {
        self.open()
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.0.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // A writer holding the database briefly (WAL checkpoints) is waited for, as sqlx does.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.set_prepared_statement_cache_capacity(64);
        // A cached statement is kept as planned whatever is bound: without this, SQLite plans
        // a statement with `LIKE $n` again on every new binding (the search's pattern, the
        // role filter), which was a tenth of a search page's time.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        // Pages read through a memory map rather than a system call and a copy each, and
        // kept in a larger cache: a listing reads the same index and rows again and again.
        // The map covers the whole file up to 2 GiB (a million people take 1.1 GB): with
        // 256 MB, a search sorted by phone or email, whose rows lie all over the file, read
        // most of them by system call, 5–15 % of its rate. The mapped pages are the system's
        // file cache, shared and given back under pressure, not the process's own memory.
        conn.pragma_update(None, "mmap_size", 2_i64 << 30)?;
        conn.pragma_update(None, "cache_size", -32 * 1024)?;
        Ok(conn)
    }

    /// Runs `read` on a blocking thread with a connection of the pool.
    pub async fn run<T, F>(&self, read: F) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let permit = self
            .0
            .permits
            .acquire()
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let me = self.clone();
        let done = tokio::task::spawn_blocking(move || {
            let kept = me.0.idle.lock().map(|mut idle| idle.pop()).ok().flatten();
            let conn = match kept {
                Some(c) => c,
                None => me.open()?,
            };
            let result = read(&conn);
            if let Ok(mut idle) = me.0.idle.lock() {
                idle.push(conn);
            }
            result
        })
        .await;
        drop(permit);
        done.map_err(|e| {
            tracing::error!("SQLite read: {e}");
            sqlx::Error::WorkerCrashed
        })?
        .map_err(read_error)
    }
}

/// A failed read, as the store's other errors are.
pub fn read_error(e: rusqlite::Error) -> sqlx::Error {
    sqlx::Error::Protocol(format!("SQLite read: {e}"))
}

/// Binds `binds` to the `$1`, `$2`, … of `statement` (by name: a compound statement repeats
/// them).
pub fn bind(statement: &mut rusqlite::Statement<'_>, binds: &[Bind]) -> rusqlite::Result<()> {
    for (i, b) in binds.iter().enumerate() {
        let Some(index) = statement.parameter_index(&format!("${}", i + 1))? else {
            continue;
        };
        match b {
            Bind::Int(v) => statement.raw_bind_parameter(index, v)?,
            Bind::OptInt(v) => statement.raw_bind_parameter(index, v)?,
            Bind::Text(v) => statement.raw_bind_parameter(index, v)?,
        }
    }
    Ok(())
}

/// `Struct { a, b }` from a rusqlite row, each field read from the column of its name (the
/// sqlx `FromRow` derive's convention).
macro_rules! by_name {
    ($row:expr, $ty:ident { $($field:ident),* $(,)? } $(; $($other:ident : $value:expr),*)?) => {
        $ty { $($field: $row.get(stringify!($field))?,)* $($($other: $value),*)? }
    };
}
pub(crate) use by_name;

#[cfg(test)]
mod tests {
    use super::*;

    /// A database in WAL mode whose writers have all closed (no -wal nor -shm file left) is
    /// still read: the server's sqlx pool closes its idle connections after ten minutes.
    #[tokio::test]
    async fn a_wal_database_with_no_writer_open_is_read() {
        let dir = std::env::temp_dir().join(format!("sesame_reads_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("reads.db");
        {
            let w = Connection::open(&path).unwrap();
            w.pragma_update(None, "journal_mode", "WAL").unwrap();
            w.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);")
                .unwrap();
        }
        assert!(
            !dir.join("reads.db-wal").exists(),
            "the last writer took its WAL away"
        );
        let reads = SqliteReads::for_url(&format!("sqlite:{}?mode=rwc", path.display())).unwrap();
        let n: i64 = reads
            .run(|c| c.query_row("SELECT count(*) FROM t", [], |r| r.get(0)))
            .await
            .unwrap();
        assert_eq!(n, 2);
        // A binding by name, as the listing's statements are.
        let x: i64 = reads
            .run(|c| {
                let mut st = c.prepare_cached("SELECT x FROM t WHERE x > $1 AND $2 = 'a'")?;
                bind(&mut st, &[Bind::Int(1), Bind::Text("a".into())])?;
                let mut rows = st.raw_query();
                rows.next()?
                    .map(|r| r.get(0))
                    .transpose()
                    .map(Option::unwrap_or_default)
            })
            .await
            .unwrap();
        assert_eq!(x, 2);
        // A pattern bound anew does not make SQLite prepare the statement again.
        let prepared: Vec<i64> = reads
            .run(|c| {
                let mut counts = vec![];
                for pattern in ["%1%", "%2%", "%1%"] {
                    let mut st = c.prepare_cached("SELECT x FROM t WHERE x LIKE $1")?;
                    bind(&mut st, &[Bind::Text(pattern.into())])?;
                    let mut rows = st.raw_query();
                    assert!(rows.next()?.is_some());
                    drop(rows);
                    counts.push(i64::from(
                        st.get_status(rusqlite::StatementStatus::RePrepare),
                    ));
                }
                Ok(counts)
            })
            .await
            .unwrap();
        assert_eq!(prepared, [0, 0, 0]);
        assert!(SqliteReads::for_url("sqlite::memory:").is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
