//! A SQLite database file backed up and loaded through rusqlite on a blocking thread: sqlx's
//! driver hands every row across a channel to its own thread, which made a backup of 100,000
//! people take 8 s and its restore, with the search index kept up to date row by row, 115 s.
//! Here rows go straight from a statement to the file, and the search index is rebuilt once.

use std::path::Path;

use rusqlite::types::{Value as Sql, ValueRef};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

use super::archive::{Header, Reader, Writer};
use super::tables::{Kind, TABLES, as_bool, as_int, as_text, kind_of};
use super::{BackupError, Manifest, OrganizationSummary};

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Database(e.to_string())
    }
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<(String, Kind)>> {
    let mut s = conn.prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows = s.query_map([table], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    rows.map(|r| r.map(|(n, t)| (n, kind_of(&t)))).collect()
}

fn count(conn: &Connection, sql: &str) -> rusqlite::Result<i64> {
    conn.query_row(sql, [], |r| r.get(0))
}

/// Backs the database file up into `to`, from one read transaction.
pub fn backup(path: &Path, to: &Path) -> Result<Manifest, BackupError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.execute_batch("BEGIN DEFERRED")?;
    let schema = count(
        &conn,
        "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success",
    )?;
    let mut tables = vec![];
    let mut present = vec![];
    for t in TABLES {
        let columns = columns(&conn, t.name)?;
        if columns.is_empty() {
            continue;
        }
        tables.push((
            t.name.to_owned(),
            count(&conn, &format!("SELECT COUNT(*) FROM {}", t.name))?,
        ));
        present.push((t, columns));
    }
    let mut s = conn.prepare("SELECT code, name FROM organizations ORDER BY code")?;
    let organizations = s
        .query_map([], |r| {
            Ok(OrganizationSummary {
                code: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let of_kind = |k: &str| {
        count(
            &conn,
            &format!("SELECT COUNT(*) FROM accounts WHERE kind = '{k}'"),
        )
    };
    let rows = |name: &str| tables.iter().find(|t| t.0 == name).map_or(0, |t| t.1);
    let manifest = Manifest {
        format: super::FORMAT,
        schema,
        created_at: time::OffsetDateTime::now_utc(),
        source: "sqlite".into(),
        organizations,
        people: of_kind("person")?,
        service_users: of_kind("service_user")?,
        technical_users: of_kind("technical_user")?,
        structures: rows("structures"),
        audit_entries: rows("audit"),
        tables: tables.clone(),
    };
    let mut out = Writer::create(to, &manifest)?;
    for ((t, columns), (_, n)) in present.iter().zip(&tables) {
        let names: Vec<String> = columns.iter().map(|c| c.0.clone()).collect();
        out.header(&Header {
            table: t.name.into(),
            columns: names.clone(),
            rows: *n,
        })?;
        let mut s = conn.prepare(&format!(
            "SELECT {} FROM {} ORDER BY 1",
            names.join(", "),
            t.name
        ))?;
        let mut rows = s.query([])?;
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(columns.len());
            for (i, (_, kind)) in columns.iter().enumerate() {
                values.push(json(row.get_ref(i)?, *kind));
            }
            out.line(&Value::Array(values))?;
        }
    }
    // The read transaction ends with the connection.
    out.finish()?;
    Ok(manifest)
}

/// A stored value as a backup writes it (booleans as booleans, whichever way SQLite keeps them).
fn json(v: ValueRef<'_>, kind: Kind) -> Value {
    match (v, kind) {
        (ValueRef::Null, _) => Value::Null,
        (ValueRef::Integer(i), Kind::Bool) => Value::Bool(i != 0),
        (ValueRef::Integer(i), _) => Value::from(i),
        (ValueRef::Real(f), _) => Value::from(f),
        (ValueRef::Text(t), _) => Value::from(String::from_utf8_lossy(t).into_owned()),
        (ValueRef::Blob(b), _) => {
            use base64::Engine;
            Value::from(base64::engine::general_purpose::STANDARD.encode(b))
        }
    }
}

/// A backup's value as the column's type here.
fn sql(v: &Value, kind: Kind) -> Sql {
    let or_null = |o: Option<Sql>| o.unwrap_or(Sql::Null);
    match kind {
        Kind::Int => or_null(as_int(v).map(Sql::Integer)),
        Kind::Bool => or_null(as_bool(v).map(|b| Sql::Integer(i64::from(b)))),
        Kind::Real => or_null(v.as_f64().map(Sql::Real)),
        Kind::Text => or_null(as_text(v).map(Sql::Text)),
        Kind::Blob => or_null(super::tables::as_blob(v).map(Sql::Blob)),
    }
}

/// Loads the backup into the database file in one transaction (after emptying it with
/// `replace`); the search index is rebuilt once at the end instead of row by row.
pub fn load(path: &Path, archive: Reader, replace: bool) -> Result<(), BackupError> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let triggers: Vec<(String, String)> = {
        let mut s = tx.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'accounts'",
        )?;
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER {name}"))?;
    }
    if replace {
        for t in TABLES.iter().rev() {
            if !columns(&tx, t.name)?.is_empty() {
                tx.execute_batch(&format!("DELETE FROM {}", t.name))?;
            }
        }
    }
    let mut lines = archive.sections()?;
    let mut fill_in = vec![];
    while let Some(header) = lines.next_table()? {
        let table = TABLES
            .iter()
            .find(|t| t.name == header.table)
            .ok_or(BackupError::Damaged)?;
        let here = columns(&tx, table.name)?;
        let kinds = header
            .columns
            .iter()
            .map(|n| {
                here.iter().find(|c| &c.0 == n).map(|c| c.1).ok_or_else(|| {
                    BackupError::Database(format!("{}: no column {n} here", table.name))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let later: Vec<usize> = table
            .later
            .iter()
            .filter_map(|n| header.columns.iter().position(|c| c == n))
            .collect();
        let id = header.columns.iter().position(|c| c == "id");
        let marks = vec!["?"; kinds.len()].join(", ");
        let sql_text = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            table.name,
            header.columns.join(", ")
        );
        let mut insert = tx.prepare_cached(&sql_text)?;
        for _ in 0..header.rows {
            let row = lines.next_row()?;
            if row.len() != kinds.len() {
                return Err(BackupError::Damaged);
            }
            let values: Vec<Sql> = row
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    if later.contains(&i) {
                        Sql::Null
                    } else {
                        sql(v, kinds[i])
                    }
                })
                .collect();
            insert.execute(rusqlite::params_from_iter(values))?;
            if let Some(id) = id
                && later.iter().any(|&i| !row[i].is_null())
            {
                fill_in.push((
                    table,
                    super::tables::later_names(table, &header.columns),
                    row[id].clone(),
                    later.iter().map(|&i| row[i].clone()).collect::<Vec<_>>(),
                ));
            }
        }
    }
    // One prepared statement run in process per row: no round trip to pay, unlike PostgreSQL.
    for (table, names, id, values) in fill_in {
        let sets: Vec<String> = names.iter().map(|c| format!("{c} = ?")).collect();
        let mut s = tx.prepare_cached(&format!(
            "UPDATE {} SET {} WHERE id = ?",
            table.name,
            sets.join(", ")
        ))?;
        let mut params: Vec<Sql> = values.iter().map(|v| sql(v, Kind::Int)).collect();
        params.push(sql(&id, Kind::Int));
        s.execute(rusqlite::params_from_iter(params))?;
    }
    for (_, create) in &triggers {
        tx.execute_batch(create)?;
    }
    if !columns(&tx, "people_search")?.is_empty() {
        tx.execute_batch("INSERT INTO people_search (people_search) VALUES ('rebuild')")?;
    }
    tx.commit()?;
    Ok(())
}
