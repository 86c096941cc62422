//! The tables of a backup: which, in what order, and their rows read from one database and
//! written into another of either kind (each value converted to the type of its column there).

use futures_util::TryStreamExt;
use serde_json::Value;
use sqlx::{AssertSqlSafe, Row};

use super::archive::{Header, Reader, Writer};
use super::{BackupError, Manifest, OrganizationSummary};
use crate::store::{Conn, Db, on_conn};

/// A table, and its nullable references that are filled in after every table is loaded: they
/// go round in circles (a structure's primary manager is an account, a technical user's
/// structure a structure) or point into their own table.
pub struct Table {
    pub name: &'static str,
    pub later: &'static [&'static str],
}

/// Every table of the schema but the search index (SQLite rebuilds it from the accounts as
/// they are inserted) and the migrations' bookkeeping, each after those it must follow.
pub const TABLES: &[Table] = &[
    Table {
        name: "organizations",
        later: &[],
    },
    Table {
        name: "roles",
        later: &[],
    },
    Table {
        name: "structures",
        later: &["parent_id", "primary_manager_id"],
    },
    Table {
        name: "accounts",
        later: &["structure_id", "responsible_id", "provisioning_by"],
    },
    Table {
        name: "account_scopes",
        later: &[],
    },
    Table {
        name: "charges",
        later: &[],
    },
    Table {
        name: "sessions",
        later: &[],
    },
    Table {
        name: "sign_in_failures",
        later: &[],
    },
    Table {
        name: "sign_in_sources",
        later: &[],
    },
    Table {
        name: "invitations",
        later: &[],
    },
    Table {
        name: "contacts",
        later: &["account_id"],
    },
    Table {
        name: "audit",
        later: &[],
    },
    Table {
        name: "outbox",
        later: &[],
    },
    Table {
        name: "credential_reminders",
        later: &[],
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Real,
    Bool,
    Text,
    Blob,
}

/// A column's kind from its declared type, as either database names it.
pub fn kind_of(declared: &str) -> Kind {
    let t = declared.to_ascii_lowercase();
    if t.contains("bool") {
        Kind::Bool
    } else if t.contains("int") {
        Kind::Int
    } else if t.contains("real") || t.contains("floa") || t.contains("doub") || t.contains("num") {
        Kind::Real
    } else if t.contains("blob") || t.contains("bytea") {
        Kind::Blob
    } else {
        Kind::Text
    }
}

async fn columns(conn: &mut Conn, table: &str) -> Result<Vec<(String, Kind)>, sqlx::Error> {
    let sql = match conn {
        Conn::Sqlite(_) => "SELECT name, type FROM pragma_table_info($1) ORDER BY cid",
        Conn::Postgres(_) => {
            "SELECT column_name::text, data_type::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    let found: Vec<(String, String)> = on_conn!(conn, c => {
        sqlx::query_as(sql).bind(table).fetch_all(&mut *c).await?
    });
    Ok(found.into_iter().map(|(n, t)| (n, kind_of(&t))).collect())
}

async fn count(conn: &mut Conn, sql: &str) -> Result<i64, sqlx::Error> {
    on_conn!(conn, c => sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql.to_owned())).fetch_one(&mut *c).await)
}

/// What the snapshot holds.
pub async fn manifest(conn: &mut Conn, db: &Db) -> Result<Manifest, sqlx::Error> {
    let schema = count(
        conn,
        "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success",
    )
    .await?;
    let mut tables = vec![];
    for t in TABLES {
        // A backup before a migration may have fewer tables.
        if columns(conn, t.name).await?.is_empty() {
            continue;
        }
        let rows = count(conn, &format!("SELECT COUNT(*) FROM {}", t.name)).await?;
        tables.push((t.name.to_owned(), rows));
    }
    let rows = |name: &str| tables.iter().find(|t| t.0 == name).map_or(0, |t| t.1);
    let of_kind = |kind: &str| format!("SELECT COUNT(*) FROM accounts WHERE kind = '{kind}'");
    let organizations: Vec<(String, String)> = on_conn!(conn, c => {
        sqlx::query_as("SELECT code, name FROM organizations ORDER BY code").fetch_all(&mut *c).await?
    });
    Ok(Manifest {
        format: super::FORMAT,
        schema,
        created_at: time::OffsetDateTime::now_utc(),
        source: match db {
            Db::Sqlite(..) => "sqlite".into(),
            Db::Postgres(_) => "postgres".into(),
        },
        organizations: organizations
            .into_iter()
            .map(|(code, name)| OrganizationSummary { code, name })
            .collect(),
        people: count(conn, &of_kind("person")).await?,
        service_users: count(conn, &of_kind("service_user")).await?,
        technical_users: count(conn, &of_kind("technical_user")).await?,
        structures: rows("structures"),
        audit_entries: rows("audit"),
        tables,
    })
}

/// How many organizations the database holds.
pub async fn organizations(db: &Db) -> Result<i64, sqlx::Error> {
    count(&mut db.read().await?, "SELECT COUNT(*) FROM organizations").await
}

/// Writes one table, its header then its rows.
pub async fn dump(conn: &mut Conn, table: &Table, out: &mut Writer) -> Result<(), BackupError> {
    let columns = columns(conn, table.name).await?;
    if columns.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = columns.iter().map(|c| c.0.clone()).collect();
    let rows = count(conn, &format!("SELECT COUNT(*) FROM {}", table.name)).await?;
    out.header(&Header {
        table: table.name.into(),
        columns: names.clone(),
        rows,
    })?;
    let sql = format!("SELECT {} FROM {} ORDER BY 1", names.join(", "), table.name);
    on_conn!(conn, c => {
        let mut stream = sqlx::query(AssertSqlSafe(sql)).fetch(&mut *c);
        while let Some(row) = stream.try_next().await? {
            let mut values = Vec::with_capacity(columns.len());
            for (i, (_, kind)) in columns.iter().enumerate() {
                values.push(match kind {
                    Kind::Int => Value::from(row.try_get::<Option<i64>, _>(i)?),
                    Kind::Bool => Value::from(row.try_get::<Option<bool>, _>(i)?),
                    Kind::Real => Value::from(row.try_get::<Option<f64>, _>(i)?),
                    Kind::Text => Value::from(row.try_get::<Option<String>, _>(i)?),
                    Kind::Blob => Value::from(row.try_get::<Option<Vec<u8>>, _>(i)?.map(|b| {
                        use base64::Engine;
                        base64::engine::general_purpose::STANDARD.encode(b)
                    })),
                });
            }
            out.line(&Value::Array(values))?;
        }
    });
    Ok(())
}

pub fn as_int(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_bool().map(i64::from))
}
pub fn as_bool(v: &Value) -> Option<bool> {
    v.as_bool().or_else(|| v.as_i64().map(|i| i != 0))
}
pub fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}
pub fn as_blob(v: &Value) -> Option<Vec<u8>> {
    use base64::Engine;
    v.as_str()
        .and_then(|s| base64::engine::general_purpose::STANDARD.decode(s).ok())
}

/// Binds a JSON value as its column's type.
macro_rules! bind_json {
    ($q:expr, $kind:expr, $v:expr) => {
        match $kind {
            Kind::Int => $q.bind(as_int($v)),
            Kind::Bool => $q.bind(as_bool($v)),
            Kind::Real => $q.bind($v.as_f64()),
            Kind::Text => $q.bind(as_text($v)),
            Kind::Blob => $q.bind(as_blob($v)),
        }
    };
}

/// A table being loaded: its columns in the archive's order, with their kinds here.
struct Loading<'t> {
    table: &'t Table,
    columns: Vec<(String, Kind)>,
    /// Positions of the columns filled in later (those this schema has), and of `id`.
    later: Vec<usize>,
    id: Option<usize>,
}

/// Loads every table of the archive into `db` (at the archive's schema), in one transaction;
/// with `replace`, what the tables held goes first, in the same transaction.
pub async fn load(db: &Db, archive: Reader, replace: bool) -> Result<(), BackupError> {
    let mut conn = db.begin().await?;
    if let Conn::Sqlite(_) = conn {
        // The references that go round are set once every row is in: checked at commit.
        on_conn!(&mut conn, c => {
            sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *c).await?;
        });
    }
    if replace {
        for t in TABLES.iter().rev() {
            let sql = format!("DELETE FROM {}", t.name);
            on_conn!(&mut conn, c => {
                sqlx::query(AssertSqlSafe(sql)).execute(&mut *c).await?;
            });
        }
    }
    let mut lines = archive.sections()?;
    let mut fill_in = vec![];
    while let Some(header) = lines.next_table()? {
        let table = TABLES
            .iter()
            .find(|t| t.name == header.table)
            .ok_or(BackupError::Damaged)?;
        let here = columns(&mut conn, table.name).await?;
        let mut kinds = vec![];
        for name in &header.columns {
            let kind = here.iter().find(|c| &c.0 == name).map(|c| c.1);
            kinds.push((
                name.clone(),
                kind.ok_or_else(|| {
                    BackupError::Database(format!("{}: no column {name} here", table.name))
                })?,
            ));
        }
        let position = |n: &str| header.columns.iter().position(|c| c == n);
        let loading = Loading {
            table,
            later: table.later.iter().filter_map(|n| position(n)).collect(),
            id: position("id"),
            columns: kinds,
        };
        let per_statement = (30_000 / loading.columns.len().max(1)).clamp(1, 500);
        let mut batch = Vec::with_capacity(per_statement);
        for _ in 0..header.rows {
            let row = lines.next_row()?;
            if row.len() != loading.columns.len() {
                return Err(BackupError::Damaged);
            }
            if let Some(id) = loading.id
                && loading.later.iter().any(|&i| !row[i].is_null())
            {
                let values = loading
                    .later
                    .iter()
                    .map(|&i| row[i].clone())
                    .collect::<Vec<_>>();
                fill_in.push((
                    table.name,
                    later_names(table, &header.columns),
                    row[id].clone(),
                    values,
                ));
            }
            batch.push(row);
            if batch.len() == per_statement {
                insert(&mut conn, &loading, &batch).await?;
                batch.clear();
            }
        }
        insert(&mut conn, &loading, &batch).await?;
    }
    for table in TABLES {
        let rows: Vec<_> = fill_in.iter().filter(|f| f.0 == table.name).collect();
        let Some((_, names, ..)) = rows.first() else {
            continue;
        };
        let rows: Vec<(Value, Vec<Value>)> = rows
            .iter()
            .map(|(.., id, values)| (id.clone(), values.clone()))
            .collect();
        set_later(&mut conn, table.name, names, &rows).await?;
    }
    if let Conn::Postgres(_) = conn {
        restart_sequences(&mut conn).await?;
    }
    conn.commit().await?;
    Ok(())
}

async fn insert(conn: &mut Conn, t: &Loading<'_>, rows: &[Vec<Value>]) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let n = t.columns.len();
    let values: Vec<String> = (0..rows.len())
        .map(|r| format!("({})", crate::store::placeholders(r * n + 1, n)))
        .collect();
    let names: Vec<&str> = t.columns.iter().map(|c| c.0.as_str()).collect();
    // Ids as they were: PostgreSQL's identity columns take them only when told.
    let overriding = match conn {
        Conn::Postgres(_) => " OVERRIDING SYSTEM VALUE",
        Conn::Sqlite(_) => "",
    };
    let sql = format!(
        "INSERT INTO {} ({}){overriding} VALUES {}",
        t.table.name,
        names.join(", "),
        values.join(", ")
    );
    on_conn!(conn, c => {
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for row in rows {
            for (i, v) in row.iter().enumerate() {
                let v = if t.later.contains(&i) { &Value::Null } else { v };
                q = bind_json!(q, t.columns[i].1, v);
            }
        }
        q.execute(&mut *c).await?;
    });
    Ok(())
}

/// The columns of `table` filled in later that the archive's rows have, in `later`'s order.
pub fn later_names(table: &Table, columns: &[String]) -> Vec<&'static str> {
    table
        .later
        .iter()
        .copied()
        .filter(|n| columns.iter().any(|c| c == n))
        .collect()
}

/// Sets the references `names` of `rows` (id, values in `names`' order) in `table`, a few
/// hundred rows a statement.
async fn set_later(
    conn: &mut Conn,
    table: &str,
    names: &[&str],
    rows: &[(Value, Vec<Value>)],
) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(300) {
        let mut binds: Vec<Option<i64>> = vec![];
        let mut mark = |v: Option<i64>| {
            binds.push(v);
            format!("${}", binds.len())
        };
        let sets: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(c, name)| {
                let cases: String = chunk
                    .iter()
                    .map(|(id, values)| {
                        let id = mark(as_int(id));
                        format!(" WHEN {id} THEN {}", mark(as_int(&values[c])))
                    })
                    .collect();
                format!("{name} = CASE id{cases} ELSE {name} END")
            })
            .collect();
        let ids: Vec<String> = chunk.iter().map(|(id, _)| mark(as_int(id))).collect();
        let sql = format!(
            "UPDATE {} SET {} WHERE id IN ({})",
            table,
            sets.join(", "),
            ids.join(", ")
        );
        on_conn!(conn, c => {
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for v in &binds {
                q = q.bind(*v);
            }
            q.execute(&mut *c).await?;
        });
    }
    Ok(())
}

/// PostgreSQL's identity columns go on after the highest id restored.
async fn restart_sequences(conn: &mut Conn) -> Result<(), sqlx::Error> {
    for t in TABLES {
        if !columns(conn, t.name).await?.iter().any(|c| c.0 == "id") {
            continue;
        }
        on_conn!(conn, c => {
            let sequence: Option<String> = sqlx::query_scalar("SELECT pg_get_serial_sequence($1, 'id')")
                .bind(t.name)
                .fetch_one(&mut *c)
                .await?;
            if let Some(sequence) = sequence {
                let sql = format!(
                    "SELECT setval($1, COALESCE((SELECT MAX(id) FROM {}), 0) + 1, false)",
                    t.name
                );
                sqlx::query(AssertSqlSafe(sql)).bind(sequence).execute(&mut *c).await?;
            }
        });
    }
    Ok(())
}
