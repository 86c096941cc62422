//! People and links under charge written many at a time, for the import: one statement per few
//! hundred rows rather than one per row.

use std::collections::HashMap;

use sqlx::AssertSqlSafe;

use super::search::FOLDING;
use super::{DerivedColumns, NewPersonRow};
use crate::store::{Bind, Conn, bind_all, now, on_conn, row_placeholders};

/// Values of one person's row in [`INSERT_COLUMNS`] order.
const PER_PERSON: usize = 19;
const INSERT_COLUMNS: &str = "org_id, kind, user_id, user_id_key, password_hash, \
     password_temporary, status, language, last_name, first_name, email, phone, level, roles, \
     is_contact, sort_name, search_text, created_at, level_rank, search_folding";
/// Rows of one statement: well under either database's limit of values (32,766 for SQLite);
/// on SQLite written `?` (see [`row_placeholders`]).
const PEOPLE_AT_ONCE: usize = 500;
const LINKS_AT_ONCE: usize = 2000;

fn bool_bind(b: bool) -> Bind {
    Bind::Int(i64::from(b))
}

impl Conn {
    /// Inserts `people` (all of one organization, each user ID once); returns their ids in
    /// the same order.
    pub async fn insert_people(
        &mut self,
        people: &[NewPersonRow],
    ) -> Result<Vec<i64>, sqlx::Error> {
        let postgres = matches!(self, Conn::Postgres(_));
        let mut ids = Vec::with_capacity(people.len());
        for chunk in people.chunks(PEOPLE_AT_ONCE) {
            let mut binds = Vec::with_capacity(chunk.len() * PER_PERSON);
            let mut rows = Vec::with_capacity(chunk.len());
            let mut keys = Vec::with_capacity(chunk.len());
            for p in chunk {
                let d =
                    DerivedColumns::of(&p.user_id, &p.last_name, &p.first_name, &p.email, p.level);
                let first = binds.len() + 1;
                keys.push(d.user_id_key.clone());
                binds.extend([
                    Bind::Int(p.org_id),
                    Bind::Text(p.user_id.clone()),
                    Bind::Text(d.user_id_key),
                    match &p.password_hash {
                        Some(h) => Bind::Text(h.clone()),
                        None => Bind::OptInt(None),
                    },
                    bool_bind(p.password_temporary),
                    Bind::Text(p.status.as_str().into()),
                    Bind::Text(p.language.as_str().into()),
                    Bind::Text(p.last_name.clone()),
                    Bind::Text(p.first_name.clone()),
                    Bind::Text(p.email.clone()),
                    Bind::Text(p.phone.clone()),
                    Bind::Int(p.level.code()),
                    Bind::Text(serde_json::to_string(&p.roles).unwrap_or_else(|_| "[]".into())),
                    bool_bind(p.is_contact),
                    Bind::Text(d.sort_name),
                    Bind::Text(d.search_text),
                    Bind::Int(now()),
                    Bind::Int(d.level_rank),
                    Bind::Int(FOLDING),
                ]);
                rows.push(row_values(first, postgres));
            }
            let sql = format!(
                "INSERT INTO accounts ({INSERT_COLUMNS}) VALUES {} RETURNING id, user_id_key",
                rows.join(", ")
            );
            let returned: Vec<(i64, String)> = on_conn!(self, c => {
                bind_all!(sqlx::query_as::<_, (i64, String)>(AssertSqlSafe(sql)), &binds)
                    .fetch_all(&mut *c)
                    .await?
            });
            // Neither database promises RETURNING's order: matched by user ID.
            let by_key: HashMap<String, i64> =
                returned.into_iter().map(|(id, k)| (k, id)).collect();
            for key in keys {
                ids.push(*by_key.get(&key).ok_or(sqlx::Error::RowNotFound)?);
            }
        }
        Ok(ids)
    }

    /// Places each subordinate under their manager's charge (links already there stay).
    pub async fn link_many_under_charge(
        &mut self,
        links: &[(i64, i64)],
    ) -> Result<(), sqlx::Error> {
        let postgres = matches!(self, Conn::Postgres(_));
        for chunk in links.chunks(LINKS_AT_ONCE) {
            let mut binds = Vec::with_capacity(chunk.len() * 2);
            let mut rows = Vec::with_capacity(chunk.len());
            for (manager, subordinate) in chunk {
                let values = row_placeholders(postgres, binds.len() + 1, 2);
                rows.push(format!("({values})"));
                binds.extend([Bind::Int(*manager), Bind::Int(*subordinate)]);
            }
            let sql = format!(
                "INSERT INTO charges (manager_id, subordinate_id) VALUES {} \
                 ON CONFLICT (manager_id, subordinate_id) DO NOTHING",
                rows.join(", ")
            );
            on_conn!(self, c => {
                bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds)
                    .execute(&mut *c)
                    .await?;
            });
        }
        Ok(())
    }
}

/// `($n, 'person', $n+1, …)` for a row whose values start at `$first` (`?` each on SQLite);
/// PostgreSQL is told the booleans' and the password's types (they are bound as integers and a
/// typeless null).
fn row_values(first: usize, postgres: bool) -> String {
    let p = |i: usize| match postgres {
        true => format!("${}", first + i),
        false => "?".to_owned(),
    };
    let boolean = |i: usize| {
        if postgres {
            format!("CAST({} AS INTEGER) <> 0", p(i))
        } else {
            p(i)
        }
    };
    let hash = if postgres {
        format!("CAST({} AS TEXT)", p(3))
    } else {
        p(3)
    };
    format!(
        "({}, 'person', {}, {}, {hash}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
        p(0),
        p(1),
        p(2),
        boolean(4),
        p(5),
        p(6),
        p(7),
        p(8),
        p(9),
        p(10),
        p(11),
        p(12),
        boolean(13),
        p(14),
        p(15),
        p(16),
        p(17),
        p(18),
    )
}
