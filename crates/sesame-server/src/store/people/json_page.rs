//! The people page as the API's JSON, through the search index when it can answer: on a
//! SQLite file each row is written by the database and read by the hot reads' own connections;
//! elsewhere through sqlx.

use std::sync::Arc;

use sqlx::AssertSqlSafe;

use super::indexed::{Answer, Ready, Request, SearchIndexes, Source, search_page, serves};
use super::listing::{
    BadCursor, Cursor, CursorValue, FactRow, PageFacts, PageStatement, RowFacts, fact_rows,
    facts_columns, page_statement, paged, person_page, sort_columns, summaries,
};
use super::session_check::{SessionCheck, session_seen, with_reader};
use crate::store::sqlite_reads::{self, read_error};
use crate::store::{Bind, Conn, Db, bind_all, on_conn};
use sesame_core::api::{PeoplePage, PeopleQuery, PeopleSort};
use sesame_core::domain::Level;
use sesame_core::domain::rules::{Action, Actor, Visibility};

/// A person's JSON written by SQLite, with what the reader may do to them added at its end.
fn with_actions(mut summary: String, actions: &[Action]) -> String {
    if summary.ends_with('}') {
        summary.pop();
        summary.push_str(",\"actions\":");
        summary.push_str(&serde_json::to_string(actions).unwrap_or_else(|_| "[]".into()));
        summary.push('}');
    }
    summary
}

impl Db {
    /// One page of the people `actor` sees as the API's JSON (`PeoplePage`), each person with
    /// what `actor` may do to them; a search through the organization's index when it is built.
    /// `charges`: the people under the charge of the person `actor` acts as, when read already.
    /// `check`: the session the statements confirm (PostgreSQL), and what they said.
    /// On a SQLite file each row is written by the database, read by the hot reads' own
    /// connections: six values a row instead of seventeen. PostgreSQL's driver decodes plain
    /// columns cheaply, while json_build_object costs it ~5 µs a row (30 times the plain
    /// columns); an in-memory SQLite database (tests, trials) takes that path too.
    pub async fn people_page_json(
        &self,
        indexes: &SearchIndexes,
        actor: &Actor,
        charges: Option<&(i64, Vec<i64>)>,
        query: &PeopleQuery,
        check: &mut SessionCheck<'_>,
    ) -> Result<Result<String, BadCursor>, sqlx::Error> {
        let org_id = actor.org_id;
        let ready = serves(actor.visibility(), query)
            .then(|| indexes.ready(self, org_id))
            .flatten();
        let Db::Sqlite(_, Some(reads)) = self else {
            let mut conn = self.read().await?;
            let page = match &ready {
                Some(ready) => {
                    let reader = (actor, charges);
                    self.indexed_rows(indexes, (&mut conn, check), ready, reader, query)
                        .await?
                }
                None => None,
            };
            let page = match (page, ready) {
                (Some(rows), Some(ready)) => Ok(summaries(
                    actor,
                    person_page(rows, query, ready.index.generation),
                )),
                _ => conn.checked_people_page(actor, query, check).await?,
            };
            return Ok(page.map(|(items, next_cursor)| {
                serde_json::to_string(&PeoplePage { items, next_cursor }).unwrap_or_default()
            }));
        };
        let visibility = actor.visibility();
        let reach = actor.reach.map(|r| r.person_id).unwrap_or(0);
        let st = match json_statement(org_id, visibility, query) {
            Ok(st) => st,
            Err(e) => return Ok(Err(e)),
        };
        let limit = st.limit;
        let query = query.clone();
        let handle = tokio::runtime::Handle::current();
        let (rows, facts, answered, stale) = reads
            .run(move |c| {
                let (rows, stale) = match ready {
                    Some(ready) => {
                        handle.block_on(indexed_json(c, &ready, &st, &query, visibility, org_id))?
                    }
                    None => (None, false),
                };
                let answered = rows.is_some();
                let rows = match rows {
                    Some(rows) => rows,
                    None => json_rows(c, &st)?,
                };
                Ok((rows, PageFacts::read(c, org_id, reach)?, answered, stale))
            })
            .await?;
        self.after_search(indexes, org_id, answered, stale);
        let rows = rows
            .into_iter()
            .map(|(json, cursor, row_facts)| {
                let t = facts.target(org_id, cursor.id, row_facts);
                (with_actions(json, &actor.actions_on(&t)), cursor)
            })
            .collect();
        Ok(Ok(page_body(rows, limit)))
    }

    /// A search page's rows through the index, on `conn`; `None` when the plain statements
    /// must answer.
    async fn indexed_rows(
        &self,
        indexes: &SearchIndexes,
        (conn, check): (&mut Conn, &mut SessionCheck<'_>),
        ready: &Arc<Ready>,
        (actor, charges): (&Actor, Option<&(i64, Vec<i64>)>),
        query: &PeopleQuery,
    ) -> Result<Option<Vec<(FactRow, bool)>>, sqlx::Error> {
        let columns = facts_columns();
        let request = Request {
            ready,
            org_id: actor.org_id,
            visibility: actor.visibility(),
            query,
            columns: &columns,
            sqlite: matches!(conn, Conn::Sqlite(_)),
            charges,
        };
        let reader = actor.reach.map(|r| r.person_id).unwrap_or(0);
        let (answer, stale) = search_page(&mut Sqlx(conn, reader, check), &request).await?;
        let answered = matches!(answer, Answer::Rows(_));
        self.after_search(indexes, actor.org_id, answered, stale);
        Ok(match answer {
            Answer::Rows(rows) => Some(rows),
            Answer::Plain => None,
        })
    }
}

/// A JSON page's rows through the index (the rows and whether the index fell behind).
async fn indexed_json(
    c: &rusqlite::Connection,
    ready: &Ready,
    st: &PageStatement,
    query: &PeopleQuery,
    visibility: Visibility,
    org_id: i64,
) -> rusqlite::Result<(Option<Vec<JsonRow>>, bool)> {
    let columns = json_columns(st.sort);
    let request = Request {
        ready,
        org_id,
        visibility,
        query,
        columns: &columns,
        sqlite: true,
        charges: None,
    };
    let (answer, stale) = search_page(&mut Rusqlite(c, st.sort), &request)
        .await
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let generation = ready.index.generation;
    let rows = match answer {
        Answer::Rows(rows) => Some(
            rows.into_iter()
                .map(|((json, mut cursor, facts), placed)| {
                    cursor.g = placed.then_some(generation);
                    (json, cursor, facts)
                })
                .collect(),
        ),
        Answer::Plain => None,
    };
    Ok((rows, stale))
}

/// A person's JSON, its cursor and its facts.
type JsonRow = (String, Cursor, RowFacts);

/// A row of a JSON page's statement ([`json_columns`]), and the column after its facts.
fn json_row(r: &rusqlite::Row, sort: PeopleSort) -> rusqlite::Result<(JsonRow, usize)> {
    let keys = sort_columns(sort);
    let facts_at = keys.len() + 2;
    let mut v = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        v.push(if *key == "a.level" {
            CursorValue::Int(r.get::<_, Option<i64>>(i + 2)?.unwrap_or(0))
        } else {
            CursorValue::Text(r.get(i + 2)?)
        });
    }
    let row_facts = (r.get(facts_at)?, r.get(facts_at + 1)?, r.get(facts_at + 2)?);
    let cursor = Cursor {
        v,
        id: r.get(1)?,
        g: None,
    };
    let row = (r.get(0)?, cursor, row_facts);
    Ok((row, facts_at + 3))
}

/// The rows of [`json_statement`], trying the statement's attempts in turn until one fills the
/// page.
fn json_rows(c: &rusqlite::Connection, st: &PageStatement) -> rusqlite::Result<Vec<JsonRow>> {
    let mut out = vec![];
    for (sql, binds) in st.attempts() {
        out.clear();
        let mut statement = c.prepare_cached(&sql)?;
        sqlite_reads::bind(&mut statement, &binds)?;
        let mut rows = statement.raw_query();
        while let Some(r) = rows.next()? {
            out.push(json_row(r, st.sort)?.0);
        }
        if out.len() as i64 > st.limit {
            break;
        }
    }
    Ok(out)
}

/// The statements of a search through the index on one of the hot reads' connections.
struct Rusqlite<'a>(&'a rusqlite::Connection, PeopleSort);

impl Source for Rusqlite<'_> {
    type Row = JsonRow;

    async fn integer(&mut self, sql: &str, binds: &[Bind]) -> Result<Option<i64>, sqlx::Error> {
        Ok(self.integers(sql, binds).await?.into_iter().next())
    }

    async fn integers(&mut self, sql: &str, binds: &[Bind]) -> Result<Vec<i64>, sqlx::Error> {
        let mut statement = self.0.prepare_cached(sql).map_err(read_error)?;
        sqlite_reads::bind(&mut statement, binds).map_err(read_error)?;
        let mut rows = statement.raw_query();
        let mut out = vec![];
        while let Some(r) = rows.next().map_err(read_error)? {
            out.push(r.get(0).map_err(read_error)?);
        }
        Ok(out)
    }

    async fn rows(
        &mut self,
        sql: &str,
        binds: &[Bind],
    ) -> Result<Vec<(JsonRow, bool)>, sqlx::Error> {
        let mut statement = self.0.prepare_cached(sql).map_err(read_error)?;
        sqlite_reads::bind(&mut statement, binds).map_err(read_error)?;
        let mut rows = statement.raw_query();
        let mut out = vec![];
        while let Some(r) = rows.next().map_err(read_error)? {
            let (row, delta_at) = json_row(r, self.1).map_err(read_error)?;
            out.push((row, r.get::<_, i64>(delta_at).map_err(read_error)? != 0));
        }
        Ok(out)
    }

    fn id(row: &JsonRow) -> i64 {
        row.1.id
    }
}

/// The statements of a search through the index on a sqlx connection, read by the reader
/// whose id is the second field (for the facts of its rows, [`facts_columns`]), confirming the
/// session of the third.
struct Sqlx<'a, 'c>(&'a mut Conn, i64, &'a mut SessionCheck<'c>);

impl Source for Sqlx<'_, '_> {
    type Row = FactRow;

    async fn integer(&mut self, sql: &str, binds: &[Bind]) -> Result<Option<i64>, sqlx::Error> {
        Ok(on_conn!(self.0, c => {
            bind_all!(sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql.to_owned())), binds)
                .fetch_optional(&mut *c)
                .await?
        }))
    }

    async fn integers(&mut self, sql: &str, binds: &[Bind]) -> Result<Vec<i64>, sqlx::Error> {
        Ok(on_conn!(self.0, c => {
            bind_all!(sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql.to_owned())), binds)
                .fetch_all(&mut *c)
                .await?
        }))
    }

    async fn rows(
        &mut self,
        sql: &str,
        binds: &[Bind],
    ) -> Result<Vec<(FactRow, bool)>, sqlx::Error> {
        let (sql, binds) = with_reader(sql, binds, self.1, self.2);
        let check = &mut *self.2;
        Ok(on_conn!(self.0, c => {
            let rows = bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds)
                .fetch_all(&mut *c)
                .await?;
            check.observe(session_seen!(rows));
            // After the facts and what the row saw of the session: whether it changed since the build.
            fact_rows!(rows, |r| r.try_get::<i64, _>(super::PERSON_COLUMNS + 3)? != 0)
        }))
    }

    fn id(row: &FactRow) -> i64 {
        row.0.id
    }
}

/// The statement of a page whose rows SQLite writes as JSON: the summary, the id, the sort's
/// columns (for the next page's cursor), then the facts the rules need ([`RowFacts`]).
fn json_statement(
    org_id: i64,
    visibility: Visibility,
    query: &PeopleQuery,
) -> Result<PageStatement, BadCursor> {
    let columns = json_columns(query.sort.unwrap_or_default());
    page_statement(true, org_id, visibility, query, &columns)
}

/// The columns of a JSON page: the summary, the id, the sort's columns, then [`RowFacts`].
fn json_columns(sort: PeopleSort) -> String {
    format!(
        "{} AS summary, a.id, {}, a.level, a.status, a.totp_enabled",
        summary_json(),
        sort_columns(sort).join(", ")
    )
}

/// A `PeoplePage` in JSON from rows SQLite wrote, one past the page's size when more follow.
fn page_body(rows: Vec<(String, Cursor)>, limit: i64) -> String {
    let (rows, next) = paged(rows, limit, |(_, cursor)| cursor.clone());
    let mut body = String::with_capacity(rows.iter().map(|(j, _)| j.len() + 1).sum::<usize>() + 64);
    body.push_str("{\"items\":[");
    for (i, (summary, _)) in rows.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(summary);
    }
    body.push_str("],\"next_cursor\":");
    body.push_str(&serde_json::to_string(&next).unwrap_or_else(|_| "null".into()));
    body.push('}');
    body
}

/// A row of the people `a` as a `PersonSummary` in JSON, written by SQLite.
fn summary_json() -> String {
    let level: String = Level::ALL
        .iter()
        .map(|l| format!(" WHEN {} THEN '{}'", l.code(), l.as_str()))
        .collect();
    format!(
        "json_object('id', a.id, 'user_id', a.user_id, 'last_name', a.last_name, \
         'first_name', a.first_name, 'email', a.email, 'phone', NULLIF(a.phone, ''), \
         'level', CASE a.level{level} END, 'roles', json(a.roles), 'status', a.status, \
         'two_factor', json(CASE WHEN a.totp_enabled THEN 'true' ELSE 'false' END), \
         'is_contact', json(CASE WHEN a.is_contact THEN 'true' ELSE 'false' END), \
         'language', a.language, 'version', a.version)"
    )
}
