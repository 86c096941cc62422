//! SCIM provisioning: who a provisioning service user acts for, SCIM filters turned into SQL
//! over the people's columns, and the page of people a SCIM listing returns.

use sqlx::AssertSqlSafe;

use super::people::visible_people;
use super::{Bind, Conn, PersonRow, bind_all, on_conn};
use crate::routes::scim::filter::{AttrPath, Filter, Op, Reason, Value};
use sesame_core::domain::rules::Visibility;

/// A person as SCIM shows them: the record, the HR system's identifier and the time of the
/// last change the audit log holds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScimPersonRow {
    #[sqlx(flatten)]
    pub person: PersonRow,
    pub external_id: Option<String>,
    pub last_modified: Option<i64>,
}

const SCIM_COLUMNS: &str = "a.id, a.org_id, a.user_id, a.user_id_key, a.last_name, a.first_name, \
     a.email, a.phone, a.level, a.roles, a.status, a.totp_enabled, a.is_contact, a.language, \
     a.version, a.created_at, a.sort_name, a.external_id, \
     (SELECT MAX(au.at) FROM audit au WHERE au.org_id = a.org_id AND au.target_id = a.id) AS last_modified";

/// The level-1 person a provisioning service user acts for: (id, level code, status).
type Provisioner = (i64, Option<i64>, String);

/// A column a SCIM attribute maps to, and how it compares.
enum Column {
    /// Compared without regard to case (RFC 7643's `caseExact: false`).
    Text(&'static str),
    /// Compared exactly (`externalId`).
    Exact(&'static str),
    /// `active`: not suspended.
    Active,
}

fn column(path: &AttrPath, parent: Option<&str>) -> Result<Column, Reason> {
    let name = path.name.to_ascii_lowercase();
    let sub = path.sub.as_deref().map(str::to_ascii_lowercase);
    let full = match parent {
        Some(p) => format!("{p}.{name}"),
        None => match sub {
            Some(s) => format!("{name}.{s}"),
            None => name,
        },
    };
    Ok(match full.as_str() {
        "username" => Column::Text("a.user_id"),
        "emails" | "emails.value" => Column::Text("a.email"),
        "phonenumbers" | "phonenumbers.value" => Column::Text("a.phone"),
        "name.familyname" => Column::Text("a.last_name"),
        "name.givenname" => Column::Text("a.first_name"),
        "preferredlanguage" => Column::Text("a.language"),
        "externalid" => Column::Exact("a.external_id"),
        "id" => Column::Exact("CAST(a.id AS TEXT)"),
        "active" => Column::Active,
        _ => return Err(Reason::new("scim-reason-unsupported").with("word", full)),
    })
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn compare(col: Column, op: Op, value: &Value, binds: &mut Vec<Bind>) -> Result<String, Reason> {
    let (expr, text) = match (col, value) {
        (Column::Active, Value::Bool(b)) => {
            let not_suspended = "a.status <> 'suspended'";
            return match op {
                Op::Eq if *b => Ok(format!("({not_suspended})")),
                Op::Ne if !*b => Ok(format!("({not_suspended})")),
                Op::Eq | Op::Ne => Ok("(a.status = 'suspended')".into()),
                _ => Err(Reason::new("scim-reason-eq-ne").with("word", "active")),
            };
        }
        (Column::Active, _) => return Err(Reason::new("scim-reason-true-false")),
        (Column::Text(c), Value::Str(s)) => (format!("LOWER({c})"), s.to_lowercase()),
        (Column::Exact(c), Value::Str(s)) => (c.to_owned(), s.clone()),
        (Column::Text(c) | Column::Exact(c), Value::Null) => {
            return match op {
                Op::Eq => Ok(format!("({c} IS NULL OR {c} = '')")),
                Op::Ne => Ok(format!("({c} IS NOT NULL AND {c} <> '')")),
                _ => Err(Reason::new("scim-reason-eq-ne").with("word", "null")),
            };
        }
        (_, v) => {
            let shown = match v {
                Value::Num(n) => n.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Null => "null".into(),
                Value::Str(s) => format!("{s:?}"),
            };
            return Err(Reason::new("scim-reason-not-text").with("word", shown));
        }
    };
    let (sql_op, bound) = match op {
        Op::Eq => ("=", text),
        Op::Ne => ("<>", text),
        Op::Co => ("LIKE", format!("%{}%", escape_like(&text))),
        Op::Sw => ("LIKE", format!("{}%", escape_like(&text))),
        Op::Ew => ("LIKE", format!("%{}", escape_like(&text))),
        Op::Gt => (">", text),
        Op::Ge => (">=", text),
        Op::Lt => ("<", text),
        Op::Le => ("<=", text),
    };
    binds.push(Bind::Text(bound));
    let p = binds.len();
    let escape = if sql_op == "LIKE" { " ESCAPE '\\'" } else { "" };
    Ok(match op {
        // A missing value differs from every value.
        Op::Ne => format!("({expr} IS NULL OR {expr} <> ${p})"),
        _ => format!("({expr} {sql_op} ${p}{escape})"),
    })
}

/// The `WHERE` clause over `accounts a` of the people of `org_id` that a SCIM filter keeps,
/// and its values; an error names what the filter asks that cannot be answered.
pub fn people_filter(org_id: i64, f: Option<&Filter>) -> Result<(String, Vec<Bind>), Reason> {
    let mut binds = vec![Bind::Int(org_id)];
    let mut sql = " WHERE a.org_id = $1 AND a.kind = 'person'".to_owned();
    if let Some(f) = f {
        let condition = clause(f, None, &mut binds)?;
        sql.push_str(" AND ");
        sql.push_str(&condition);
    }
    Ok((sql, binds))
}

fn clause(f: &Filter, parent: Option<&str>, binds: &mut Vec<Bind>) -> Result<String, Reason> {
    Ok(match f {
        Filter::And(a, b) => format!(
            "({} AND {})",
            clause(a, parent, binds)?,
            clause(b, parent, binds)?
        ),
        Filter::Or(a, b) => format!(
            "({} OR {})",
            clause(a, parent, binds)?,
            clause(b, parent, binds)?
        ),
        Filter::Not(a) => format!("(NOT {})", clause(a, parent, binds)?),
        Filter::Present(p) => match column(p, parent)? {
            Column::Active => "(1 = 1)".into(),
            Column::Text(c) | Column::Exact(c) => format!("({c} IS NOT NULL AND {c} <> '')"),
        },
        Filter::Compare(p, op, v) => compare(column(p, parent)?, *op, v, binds)?,
        Filter::ValuePath(p, inner) => {
            if parent.is_some() || p.sub.is_some() {
                return Err(Reason::new("scim-reason-nested"));
            }
            let name = p.name.to_ascii_lowercase();
            clause(inner, Some(&name), binds)?
        }
    })
}

impl Conn {
    /// The person a provisioning service user acts for, when it is marked.
    pub async fn provisioner(
        &mut self,
        service_user_id: i64,
    ) -> Result<Option<Provisioner>, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_as::<_, Provisioner>(
                "SELECT m.id, m.level, m.status FROM accounts s JOIN accounts m ON m.id = s.provisioning_by \
                 WHERE s.id = $1 AND s.kind = 'service_user' AND m.kind = 'person'",
            )
            .bind(service_user_id)
            .fetch_optional(&mut *c)
            .await
        })
    }

    /// Marks a service user for provisioning on behalf of `by`, or unmarks it (`None`).
    pub async fn set_provisioning(&mut self, id: i64, by: Option<i64>) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET provisioning_by = $1 WHERE id = $2 AND kind = 'service_user'")
                .bind(by)
                .bind(id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    pub async fn set_external_id(
        &mut self,
        id: i64,
        external_id: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query("UPDATE accounts SET external_id = $1 WHERE id = $2")
                .bind(external_id)
                .bind(id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// One person as SCIM shows them, if `visibility` lets the actor see them.
    pub async fn scim_person(
        &mut self,
        org_id: i64,
        visibility: Visibility,
        id: i64,
    ) -> Result<Option<ScimPersonRow>, sqlx::Error> {
        let mut binds = vec![Bind::Int(org_id), Bind::Int(id)];
        let filter = " WHERE a.org_id = $1 AND a.kind = 'person' AND a.id = $2";
        let sql = visible_people(visibility, SCIM_COLUMNS, filter, "", &mut binds);
        on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, ScimPersonRow>(AssertSqlSafe(sql)), &binds)
                .fetch_optional(&mut *c)
                .await
        })
    }

    /// A page of the people the actor sees that `filter` keeps (see [`people_filter`]), by id,
    /// from the `start`-th (0-based), and how many there are in all.
    pub async fn scim_people(
        &mut self,
        visibility: Visibility,
        (filter, mut binds): (String, Vec<Bind>),
        start: i64,
        count: i64,
    ) -> Result<(i64, Vec<ScimPersonRow>), sqlx::Error> {
        let people = visible_people(visibility, SCIM_COLUMNS, &filter, "", &mut binds);
        let total_sql = format!("SELECT COUNT(*) FROM ({people}) AS v");
        binds.push(Bind::Int(count));
        binds.push(Bind::Int(start));
        let n = binds.len();
        let page_sql = format!(
            "SELECT * FROM ({people}) AS v ORDER BY id LIMIT ${} OFFSET ${n}",
            n - 1
        );
        on_conn!(self, c => {
            let total = bind_all!(sqlx::query_scalar::<_, i64>(AssertSqlSafe(total_sql)), &binds[..n - 2])
                .fetch_one(&mut *c)
                .await?;
            let rows = bind_all!(sqlx::query_as::<_, ScimPersonRow>(AssertSqlSafe(page_sql)), &binds)
                .fetch_all(&mut *c)
                .await?;
            Ok((total, rows))
        })
    }
}

impl Conn {
    /// The managers of each of `ids`: (subordinate, manager id, manager's user ID, level code).
    pub async fn managers_of_many(
        &mut self,
        ids: &[i64],
    ) -> Result<Vec<(i64, i64, String, Option<i64>)>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let binds: Vec<Bind> = ids.iter().map(|i| Bind::Int(*i)).collect();
        let sql = format!(
            "SELECT c.subordinate_id, m.id, m.user_id, m.level FROM charges c \
             JOIN accounts m ON m.id = c.manager_id WHERE c.subordinate_id IN ({}) ORDER BY m.id",
            super::placeholders(1, ids.len())
        );
        on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, (i64, i64, String, Option<i64>)>(AssertSqlSafe(sql)), &binds)
                .fetch_all(&mut *c)
                .await
        })
    }
}
