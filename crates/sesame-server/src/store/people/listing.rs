//! The people listing: one page of the follow-up, filtered by what the actor may see,
//! sorted, and continued by an opaque cursor.

use base64::Engine;
use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;

use super::visibility::visible_people;
use super::{PersonRow, like_pattern};
use crate::store::{Bind, Conn, bind_all, on_conn};
use sesame_core::api::{PeopleQuery, PeopleSort};
use sesame_core::domain::rules::Visibility;

/// Where the next page starts: the sort values and id of the last row sent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Cursor {
    v: Vec<CursorValue>,
    id: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
enum CursorValue {
    Int(i64),
    Text(String),
}

pub const MAX_PAGE: u32 = 5000;

/// The sort columns of each order; `id` always ends the order, so it is total.
fn sort_columns(sort: PeopleSort) -> &'static [&'static str] {
    match sort {
        PeopleSort::Name => &["a.sort_name"],
        PeopleSort::UserId => &["a.user_id_key"],
        PeopleSort::Email => &["a.email"],
        PeopleSort::Phone => &["a.phone"],
        PeopleSort::Level => &["a.level", "a.sort_name"],
        PeopleSort::Status => &["a.status", "a.sort_name"],
    }
}

fn cursor_values(row: &PersonRow, sort: PeopleSort) -> Vec<CursorValue> {
    sort_columns(sort)
        .iter()
        .map(|c| match *c {
            "a.sort_name" => CursorValue::Text(row.sort_name.clone()),
            "a.user_id_key" => CursorValue::Text(row.user_id_key.clone()),
            "a.email" => CursorValue::Text(row.email.clone()),
            "a.phone" => CursorValue::Text(row.phone.clone()),
            "a.level" => CursorValue::Int(row.level.unwrap_or(0)),
            _ => CursorValue::Text(row.status.clone()),
        })
        .collect()
}

/// A malformed cursor (the client sent something the server never produced).
#[derive(Debug)]
pub struct BadCursor;

fn decode_cursor(text: &str, sort: PeopleSort) -> Result<Cursor, BadCursor> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| BadCursor)?;
    let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| BadCursor)?;
    if cursor.v.len() != sort_columns(sort).len() {
        return Err(BadCursor);
    }
    Ok(cursor)
}

fn encode_cursor(cursor: &Cursor) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(serde_json::to_vec(cursor).unwrap_or_default())
}

impl Conn {
    /// One page of the people `visibility` lets the actor see: one query, whatever the page.
    pub async fn people_page(
        &mut self,
        org_id: i64,
        visibility: Visibility,
        query: &PeopleQuery,
    ) -> Result<Result<(Vec<PersonRow>, Option<String>), BadCursor>, sqlx::Error> {
        let sort = query.sort.unwrap_or_default();
        let desc = query.desc.unwrap_or(false);
        let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE) as i64;
        let mut binds = vec![Bind::Int(org_id)];
        let mut filter = String::from(" WHERE a.org_id = $1 AND a.kind = 'person'");
        if let Some(q) = query.q.as_deref().filter(|q| !q.trim().is_empty()) {
            binds.push(Bind::Text(like_pattern(q)));
            filter.push_str(&format!(
                " AND a.search_text LIKE ${} ESCAPE '\\'",
                binds.len()
            ));
        }
        if let Some(level) = query.level {
            binds.push(Bind::Int(level.code()));
            filter.push_str(&format!(" AND a.level = ${}", binds.len()));
        }
        if let Some(status) = query.status {
            binds.push(Bind::Text(status.as_str().into()));
            filter.push_str(&format!(" AND a.status = ${}", binds.len()));
        }
        let columns = sort_columns(sort);
        let cmp = if desc { "<" } else { ">" };
        // An empty cursor is the first page.
        if let Some(text) = query.cursor.as_ref().filter(|c| !c.is_empty()) {
            let cursor = match decode_cursor(text, sort) {
                Ok(c) => c,
                Err(e) => return Ok(Err(e)),
            };
            // A row-value comparison, (c1, c2, id) > (v1, v2, vid): both databases turn it
            // into an index range, so page 1,000 costs what page 1 costs.
            let mut placeholders = vec![];
            for v in &cursor.v {
                binds.push(match v {
                    CursorValue::Int(i) => Bind::Int(*i),
                    CursorValue::Text(s) => Bind::Text(s.clone()),
                });
                placeholders.push(format!("${}", binds.len()));
            }
            binds.push(Bind::Int(cursor.id));
            placeholders.push(format!("${}", binds.len()));
            let keys: Vec<&str> = columns.iter().copied().chain(["a.id"]).collect();
            filter.push_str(&format!(
                " AND ({}) {cmp} ({})",
                keys.join(", "),
                placeholders.join(", ")
            ));
        }
        let dir = if desc { "DESC" } else { "ASC" };
        // By result column names: the level-2 statement is a compound one.
        let order = columns
            .iter()
            .chain(["a.id"].iter())
            .map(|c| format!("{} {dir}", &c[2..]))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "{} ORDER BY {order} LIMIT {}",
            visible_people(visibility, person_columns!(), &filter, &mut binds),
            limit + 1
        );

        let mut rows: Vec<PersonRow> = on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, PersonRow>(AssertSqlSafe(sql)), &binds)
                .fetch_all(&mut *c)
                .await?
        });
        let next = if rows.len() as i64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|r| {
                encode_cursor(&Cursor {
                    v: cursor_values(r, sort),
                    id: r.id,
                })
            })
        } else {
            None
        };
        Ok(Ok((rows, next)))
    }
}
