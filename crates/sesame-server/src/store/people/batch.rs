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
/// Rows of one PostgreSQL statement, whose values come as arrays.
const PEOPLE_AT_ONCE_POSTGRES: usize = 5000;

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
        if let Conn::Postgres(held) = self {
            return insert_people_postgres(held.conn_mut(), people).await;
        }
        let mut ids = Vec::with_capacity(people.len());
        for chunk in people.chunks(PEOPLE_AT_ONCE) {
            let mut binds = Vec::with_capacity(chunk.len() * PER_PERSON);
            let mut rows = Vec::with_capacity(chunk.len());
            let mut keys = Vec::with_capacity(chunk.len());
            for p in chunk {
                let d =
                    DerivedColumns::of(&p.user_id, &p.last_name, &p.first_name, &p.email, p.level);
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
                rows.push(row_values());
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
            ids.extend(in_order(returned, keys)?);
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

/// `(?, 'person', ?, …)`: one person's row on SQLite.
fn row_values() -> String {
    format!("(?, 'person', {})", ["?"; PER_PERSON - 1].join(", "))
}

/// The ids RETURNING gave, in the order of `keys` (neither database promises RETURNING's
/// order: matched by user ID).
fn in_order(returned: Vec<(i64, String)>, keys: Vec<String>) -> Result<Vec<i64>, sqlx::Error> {
    let by_key: HashMap<String, i64> = returned.into_iter().map(|(id, k)| (k, id)).collect();
    keys.iter()
        .map(|key| by_key.get(key).copied().ok_or(sqlx::Error::RowNotFound))
        .collect()
}

/// People in one statement per column array on PostgreSQL (`UNNEST`): its parser and planner
/// see 19 parameters rather than 9,500 for every 500 rows, which took half the import's time
/// at a million people.
async fn insert_people_postgres(
    c: &mut sqlx::PgConnection,
    people: &[NewPersonRow],
) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(people.len());
    for chunk in people.chunks(PEOPLE_AT_ONCE_POSTGRES) {
        let mut cols = Columns::default();
        let mut keys = Vec::with_capacity(chunk.len());
        for p in chunk {
            let d = DerivedColumns::of(&p.user_id, &p.last_name, &p.first_name, &p.email, p.level);
            keys.push(d.user_id_key.clone());
            cols.push(p, d);
        }
        // One text for every statement (the time is bound), so the connection prepares it once.
        let sql = format!(
            "INSERT INTO accounts ({INSERT_COLUMNS}) SELECT u.org_id, 'person', u.user_id, \
             u.user_id_key, u.password_hash, u.password_temporary, u.status, u.language, \
             u.last_name, u.first_name, u.email, u.phone, u.level, u.roles, u.is_contact, \
             u.sort_name, u.search_text, $18, u.level_rank, {FOLDING} FROM UNNEST(\
             $1::BIGINT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::BOOLEAN[], $6::TEXT[], \
             $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::TEXT[], $11::TEXT[], $12::BIGINT[], \
             $13::TEXT[], $14::BOOLEAN[], $15::TEXT[], $16::TEXT[], $17::BIGINT[]) AS u(org_id, \
             user_id, user_id_key, password_hash, password_temporary, status, language, \
             last_name, first_name, email, phone, level, roles, is_contact, sort_name, \
             search_text, level_rank) RETURNING id, user_id_key"
        );
        let returned: Vec<(i64, String)> = sqlx::query_as(AssertSqlSafe(sql))
            .bind(cols.org_id)
            .bind(cols.user_id)
            .bind(cols.user_id_key)
            .bind(cols.password_hash)
            .bind(cols.password_temporary)
            .bind(cols.status)
            .bind(cols.language)
            .bind(cols.last_name)
            .bind(cols.first_name)
            .bind(cols.email)
            .bind(cols.phone)
            .bind(cols.level)
            .bind(cols.roles)
            .bind(cols.is_contact)
            .bind(cols.sort_name)
            .bind(cols.search_text)
            .bind(cols.level_rank)
            .bind(now())
            .fetch_all(&mut *c)
            .await?;
        ids.extend(in_order(returned, keys)?);
    }
    Ok(ids)
}

/// The people of one PostgreSQL statement, a column at a time.
#[derive(Default)]
struct Columns {
    org_id: Vec<i64>,
    user_id: Vec<String>,
    user_id_key: Vec<String>,
    password_hash: Vec<Option<String>>,
    password_temporary: Vec<bool>,
    status: Vec<&'static str>,
    language: Vec<&'static str>,
    last_name: Vec<String>,
    first_name: Vec<String>,
    email: Vec<String>,
    phone: Vec<String>,
    level: Vec<i64>,
    roles: Vec<String>,
    is_contact: Vec<bool>,
    sort_name: Vec<String>,
    search_text: Vec<String>,
    level_rank: Vec<i64>,
}

impl Columns {
    fn push(&mut self, p: &NewPersonRow, d: DerivedColumns) {
        self.org_id.push(p.org_id);
        self.user_id.push(p.user_id.clone());
        self.user_id_key.push(d.user_id_key);
        self.password_hash.push(p.password_hash.clone());
        self.password_temporary.push(p.password_temporary);
        self.status.push(p.status.as_str());
        self.language.push(p.language.as_str());
        self.last_name.push(p.last_name.clone());
        self.first_name.push(p.first_name.clone());
        self.email.push(p.email.clone());
        self.phone.push(p.phone.clone());
        self.level.push(p.level.code());
        self.roles
            .push(serde_json::to_string(&p.roles).unwrap_or_else(|_| "[]".into()));
        self.is_contact.push(p.is_contact);
        self.sort_name.push(d.sort_name);
        self.search_text.push(d.search_text);
        self.level_rank.push(d.level_rank);
    }
}
