//! The people listing: one page of the follow-up, filtered by what the actor may see,
//! sorted, and continued by an opaque cursor.

use base64::Engine;
use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;

use super::PersonRow;
use super::search::{escape_like, search_condition};
use super::session_check::{SessionCheck, session_seen, with_reader};
use super::visibility::visible_people;
use crate::store::{Bind, Conn, bind_all, on_conn};
use sesame_core::api::{PeopleQuery, PeopleSort, PersonSummary};
use sesame_core::domain::Level;
use sesame_core::domain::rules::{Actor, Target, Visibility};
use std::collections::HashSet;

/// Where the next page starts: the sort values and id of the last row sent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(super) struct Cursor {
    pub v: Vec<CursorValue>,
    pub id: i64,
    /// The search index that placed the row, when it did: the next page starts from the row's
    /// place in that index without asking the database where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub g: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub(super) enum CursorValue {
    Int(i64),
    Text(String),
}

pub const MAX_PAGE: u32 = 5000;

/// The sort columns of each order; `id` always ends the order, so it is total.
pub(super) fn sort_columns(sort: PeopleSort) -> &'static [&'static str] {
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

impl CursorValue {
    pub(super) fn bind(&self) -> Bind {
        match self {
            CursorValue::Int(i) => Bind::Int(*i),
            CursorValue::Text(s) => Bind::Text(s.clone()),
        }
    }
}

/// A malformed cursor (the client sent something the server never produced).
#[derive(Debug)]
pub struct BadCursor;

pub(super) fn decode_cursor(text: &str, sort: PeopleSort) -> Result<Cursor, BadCursor> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| BadCursor)?;
    let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| BadCursor)?;
    if cursor.v.len() != sort_columns(sort).len() {
        return Err(BadCursor);
    }
    Ok(cursor)
}

pub(super) fn encode_cursor(cursor: &Cursor) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(serde_json::to_vec(cursor).unwrap_or_default())
}

/// The statement of one page: its SQL, its values, and the page's size and order.
pub(super) struct PageStatement {
    sql: String,
    binds: Vec<Bind>,
    pub limit: i64,
    pub sort: PeopleSort,
    /// A cheaper statement to try first (SQL, values): its answer is the page when it holds
    /// more than `limit` rows.
    first: Option<(String, Vec<Bind>)>,
}

/// A search matching at least one row in this many, in sort order, is answered by walking the
/// sort order (see [`window_statement`]).
const WINDOW: i64 = 10;

impl PageStatement {
    /// The statements to run in turn until one fills the page: the cheaper one first, then the
    /// one that is always right.
    pub(super) fn attempts(&self) -> Vec<(String, Vec<Bind>)> {
        let mut all: Vec<_> = self.first.iter().cloned().collect();
        all.push((self.sql.clone(), self.binds.clone()));
        all
    }
}

/// The `WHERE` clause of a page (organization, search unless `search` is false, level, status,
/// the cursor's position) and its values; `sqlite` asks for SQLite's form of the search, `pg`
/// says the statement goes to PostgreSQL.
pub(super) fn page_filter(
    sqlite: bool,
    org_id: i64,
    query: &PeopleQuery,
    search: bool,
    pg: bool,
) -> Result<(String, Vec<Bind>), BadCursor> {
    let sort = query.sort.unwrap_or_default();
    let mut binds = vec![Bind::Int(org_id)];
    let mut filter = String::from(" WHERE a.org_id = $1 AND a.kind = 'person'");
    if let Some(q) = query.q.as_deref().filter(|_| search)
        && let Some(condition) = search_condition(sqlite, q, &mut binds)
    {
        filter.push_str(&condition);
    }
    // PostgreSQL gets the level and status written in (a few known codes): a plan it keeps for
    // the statement is then made for them, not for whichever value it saw first.
    if let Some(level) = query.level {
        if pg {
            filter.push_str(&format!(" AND a.level = {}", level.code()));
        } else {
            binds.push(Bind::Int(level.code()));
            filter.push_str(&format!(" AND a.level = ${}", binds.len()));
        }
    }
    if let Some(status) = query.status {
        if pg {
            filter.push_str(&format!(" AND a.status = '{}'", status.as_str()));
        } else {
            binds.push(Bind::Text(status.as_str().into()));
            filter.push_str(&format!(" AND a.status = ${}", binds.len()));
        }
    }
    match query.role.as_deref() {
        // No role code holds a control character (and PostgreSQL refuses a NUL in a text).
        Some(role) if role.chars().any(char::is_control) => filter.push_str(" AND 1 = 0"),
        Some(role) => {
            // The roles are a JSON array of codes: the code, quoted as the array holds it.
            let quoted = serde_json::json!(role).to_string();
            binds.push(Bind::Text(format!("%{}%", escape_like(&quoted))));
            filter.push_str(&format!(" AND a.roles LIKE ${} ESCAPE '\\'", binds.len()));
        }
        None => {}
    }
    if let Some(on) = query.two_factor {
        filter.push_str(if on {
            " AND a.totp_enabled = TRUE"
        } else {
            " AND a.totp_enabled = FALSE"
        });
    }
    // Where nothing else is bound, PostgreSQL is kept from seeing the cursor (each value behind
    // `(SELECT …)`, still an index range): seeing it, its planner judged a plan made for each
    // value cheaper than the one it would keep, and planned every page after the first again,
    // 0.48 ms of its time a page against 0.30. The values bound otherwise (a search's pattern,
    // a role's) tell a rare filter from a frequent one, for which one kept plan can be wrong.
    let hidden = pg && binds.len() == 1;
    // An empty cursor is the first page.
    if let Some(text) = query.cursor.as_ref().filter(|c| !c.is_empty()) {
        let cursor = decode_cursor(text, sort)?;
        // A row-value comparison, (c1, c2, id) > (v1, v2, vid): both databases turn it
        // into an index range, so page 1,000 costs what page 1 costs.
        let mut placeholders = vec![];
        for v in &cursor.v {
            binds.push(v.bind());
            placeholders.push(placeholder(binds.len(), hidden));
        }
        binds.push(Bind::Int(cursor.id));
        placeholders.push(placeholder(binds.len(), hidden));
        let keys: Vec<&str> = sort_columns(sort).iter().copied().chain(["a.id"]).collect();
        let cmp = if query.desc.unwrap_or(false) {
            "<"
        } else {
            ">"
        };
        filter.push_str(&format!(
            " AND ({}) {cmp} ({})",
            keys.join(", "),
            placeholders.join(", ")
        ));
    }
    Ok((filter, binds))
}

/// The `n`th bound value, `hidden` from PostgreSQL's planner or not (see [`page_filter`]).
fn placeholder(n: usize, hidden: bool) -> String {
    if hidden {
        format!("(SELECT ${n})")
    } else {
        format!("${n}")
    }
}

/// The order of a page by result column names (`sort_name ASC, id ASC`: the level-2
/// statement and the search through the index are compound ones), or by the columns of the
/// people `a` when `qualified`.
pub(super) fn order_by(query: &PeopleQuery, qualified: bool) -> String {
    let dir = if query.desc.unwrap_or(false) {
        "DESC"
    } else {
        "ASC"
    };
    sort_columns(query.sort.unwrap_or_default())
        .iter()
        .chain(["a.id"].iter())
        .map(|c| format!("{} {dir}", if qualified { c } else { &c[2..] }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The page of `query` among the people `visibility` lets the actor see, selecting `columns`
/// (which must include `a.id` and the sort's columns). One query, whatever the page.
pub(super) fn page_statement(
    sqlite: bool,
    org_id: i64,
    visibility: Visibility,
    query: &PeopleQuery,
    columns: &str,
) -> Result<PageStatement, BadCursor> {
    let sort = query.sort.unwrap_or_default();
    let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE) as i64;
    let (filter, mut binds) = page_filter(sqlite, org_id, query, true, !sqlite)?;
    let sort_keys = sort_columns(sort);
    let order = order_by(query, false);
    let bound = format!(" ORDER BY {order} LIMIT {}", limit + 1);
    let first = match visibility {
        Visibility::Everyone => window_statement(org_id, query, columns, &order, limit, !sqlite)?,
        _ => None,
    };
    let sql = match visibility {
        // Two parts merged: on SQLite each part keeps its first rows by id and sort keys only,
        // and the page's JSON is made for the rows kept, not for the rows of both parts (a
        // hundred and fifty for a page of a hundred). SQLite merges the parts of one compound
        // statement as each comes, in order, the level-2 users straight from their index and
        // no further than the page: bounded each in a subquery, it sorted each part again to
        // merge them, which made the level-2 page cost 1.1–1.26 times the level-1 page.
        // PostgreSQL merges the two ordered parts and reads no row past the page, where
        // reading the kept rows again by id took a third of its time.
        Visibility::LevelTwoAndCharge { .. } if sqlite => {
            let keys: Vec<&str> = ["a.id"].iter().chain(sort_keys).copied().collect();
            let parts = visible_people(visibility, &keys.join(", "), &filter, "", &mut binds);
            let order = order.replace(", ", ", page.");
            format!(
                "SELECT {columns} FROM ({parts}{bound}) AS page \
                 JOIN accounts a ON a.id = page.id ORDER BY page.{order}"
            )
        }
        _ => format!(
            "{}{bound}",
            visible_people(visibility, columns, &filter, &bound, &mut binds)
        ),
    };
    Ok(PageStatement {
        sql,
        binds,
        limit,
        sort,
        first,
    })
}

/// For a search seen by level 1, the next [`WINDOW`] × page rows in sort order, searched one by
/// one: a frequent word (a common family name) fills the page there without sorting all its
/// matches, which the index would have to. A rarer one leaves the page short, and the index
/// answers. Same rows either way: the window is the start of the same order.
fn window_statement(
    org_id: i64,
    query: &PeopleQuery,
    columns: &str,
    order: &str,
    limit: i64,
    pg: bool,
) -> Result<Option<(String, Vec<Bind>)>, BadCursor> {
    let Some(q) = query.q.as_deref() else {
        return Ok(None);
    };
    if limit > 1000 {
        return Ok(None);
    }
    // The same condition as the index's, on the same folded text: PostgreSQL's is already a
    // LIKE on it; SQLite's is asked of its FTS table, so the LIKE form is built here.
    let mut pattern = vec![];
    if search_condition(false, q, &mut pattern).is_none() {
        return Ok(None);
    }
    // The pattern is bound after the filter, whose cursor PostgreSQL then does not see: the
    // pattern only sifts the window, whose plan does not hang on it.
    let (filter, mut binds) = page_filter(false, org_id, query, false, pg)?;
    binds.extend(pattern);
    let sql = format!(
        "SELECT {columns} FROM (SELECT * FROM accounts a{filter} ORDER BY {order} LIMIT {}) AS a \
         WHERE a.search_text LIKE ${} ESCAPE '\\' ORDER BY {order} LIMIT {}",
        (limit + 1) * WINDOW,
        binds.len(),
        limit + 1
    );
    Ok(Some((sql, binds)))
}

/// The rows of a page past its size (one was fetched to know whether more follow) dropped,
/// and the cursor of the next page made from the last row kept.
pub(super) fn paged<T>(
    mut rows: Vec<T>,
    limit: i64,
    next: impl Fn(&T) -> Cursor,
) -> (Vec<T>, Option<String>) {
    if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        let cursor = rows.last().map(|r| encode_cursor(&next(r)));
        (rows, cursor)
    } else {
        (rows, None)
    }
}

/// A person's row and the facts the rules need of them read with it ([`facts_columns`]):
/// the organization's active level-1 users and whether the reader has them under charge.
pub(super) type FactRow = (PersonRow, (i64, bool));

/// The columns of a page read through sqlx with the facts of [`PageFacts`] on each row, so
/// they come in the page's own round trip: the count is read once (it depends on no row), and
/// so is the reader's charge, into a hash table (`IN`, where PostgreSQL planned `EXISTS` as a
/// probe of an index per row when it expected few rows). The reader's id stands as `$READER`,
/// bound last by [`with_reader`]; the organization is always `$1`.
pub(super) fn facts_columns() -> String {
    format!(
        "{}, (SELECT COALESCE(SUM(CASE WHEN l.status = 'active' THEN 1 ELSE 0 END), 0) \
         FROM accounts l WHERE l.org_id = $1 AND l.kind = 'person' AND l.level = {}) \
         AS active_level_one, a.id IN (SELECT ch.subordinate_id FROM charges ch \
         WHERE ch.manager_id = $READER) AS under_charge, $SESSION_SEEN AS session_seen",
        person_columns!(),
        Level::One.code()
    )
}

/// Decodes rows of [`facts_columns`], with whatever `more` reads of each after them.
macro_rules! fact_rows {
    ($rows:expr, |$r:ident| $more:expr) => {{
        use sqlx::Row;
        let at = super::PERSON_COLUMNS;
        let mut out = Vec::with_capacity($rows.len());
        for $r in &$rows {
            let facts = ($r.try_get::<i64, _>(at)?, $r.try_get::<bool, _>(at + 1)?);
            out.push(((person_at_start!($r), facts), $more));
        }
        out
    }};
}
pub(super) use fact_rows;

impl Conn {
    /// One page of the people `visibility` lets the actor see.
    pub async fn people_page(
        &mut self,
        org_id: i64,
        visibility: Visibility,
        query: &PeopleQuery,
    ) -> Result<Result<(Vec<PersonRow>, Option<String>), BadCursor>, sqlx::Error> {
        let sqlite = matches!(self, Conn::Sqlite(_));
        let st = match page_statement(sqlite, org_id, visibility, query, person_columns!()) {
            Ok(st) => st,
            Err(e) => return Ok(Err(e)),
        };
        let mut rows: Vec<PersonRow> = vec![];
        for (sql, binds) in st.attempts() {
            rows = on_conn!(self, c => {
                bind_all!(sqlx::query_as::<_, PersonRow>(AssertSqlSafe(sql)), &binds)
                    .fetch_all(&mut *c)
                    .await?
            });
            if rows.len() as i64 > st.limit {
                break;
            }
        }
        Ok(Ok(paged(rows, st.limit, |r| Cursor {
            v: cursor_values(r, st.sort),
            id: r.id,
            g: None,
        })))
    }

    /// One page of the people `actor` sees, with the facts the rules need of each.
    async fn fact_page(
        &mut self,
        actor: &Actor,
        query: &PeopleQuery,
        check: &mut SessionCheck<'_>,
    ) -> Result<Result<(Vec<FactRow>, Option<String>), BadCursor>, sqlx::Error> {
        let sqlite = matches!(self, Conn::Sqlite(_));
        let columns = facts_columns();
        let visibility = actor.visibility();
        let st = match page_statement(sqlite, actor.org_id, visibility, query, &columns) {
            Ok(st) => st,
            Err(e) => return Ok(Err(e)),
        };
        let reader = actor.reach.map(|r| r.person_id).unwrap_or(0);
        let mut rows: Vec<FactRow> = vec![];
        for (sql, binds) in st.attempts() {
            let (sql, binds) = with_reader(&sql, &binds, reader, check);
            rows = on_conn!(self, c => {
                let fetched = bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds)
                    .fetch_all(&mut *c)
                    .await?;
                check.observe(session_seen!(fetched));
                fact_rows!(fetched, |r| ()).into_iter().map(|(row, ())| row).collect()
            });
            if rows.len() as i64 > st.limit {
                break;
            }
        }
        Ok(Ok(paged(rows, st.limit, |(r, _)| Cursor {
            v: cursor_values(r, st.sort),
            id: r.id,
            g: None,
        })))
    }
}

/// What the rules need to know of a page's people beyond their own row: who is under the
/// reader's charge, and how many active level-1 users the organization has.
#[derive(Debug, Default)]
pub(super) struct PageFacts {
    charge: HashSet<i64>,
    active_level_one: i64,
}

/// The statements of [`PageFacts`].
pub(super) const CHARGE_SQL: &str = "SELECT subordinate_id FROM charges WHERE manager_id = $1";
/// Counted along the level's index (a handful of rows): with `status = 'active'` in its
/// `WHERE`, SQLite's planner took the status index and read every active person of the
/// organization, a millisecond per 2,000 people on every page.
const LEVEL_ONE_SQL: &str = "SELECT COALESCE(SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END), 0) \
     FROM accounts WHERE org_id = $1 AND kind = 'person' AND level = $2";

/// A row's level code, status and two-factor enrolment, as the database read them.
pub(super) type RowFacts = (Option<i64>, String, bool);

impl PageFacts {
    pub(super) fn target(
        &self,
        org_id: i64,
        id: i64,
        (level, status, two_factor): RowFacts,
    ) -> Target {
        let under_charge = self.charge.contains(&id);
        super::targets::target_of((
            id,
            org_id,
            level,
            status,
            under_charge,
            self.active_level_one,
            two_factor,
        ))
    }

    /// Read through one of SQLite's hot-read connections.
    pub(super) fn read(
        c: &rusqlite::Connection,
        org_id: i64,
        reach: i64,
    ) -> rusqlite::Result<PageFacts> {
        let mut charge = c.prepare_cached(CHARGE_SQL)?;
        let charge = charge
            .query_map([reach], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<i64>>>()?;
        let active_level_one = c
            .prepare_cached(LEVEL_ONE_SQL)?
            .query_row([org_id, Level::One.code()], |r| r.get(0))?;
        Ok(PageFacts {
            charge,
            active_level_one,
        })
    }
}

impl PageFacts {
    /// The facts read with a page's rows ([`facts_columns`]).
    pub(super) fn of(rows: &[FactRow]) -> PageFacts {
        PageFacts {
            charge: rows
                .iter()
                .filter(|(_, (_, under))| *under)
                .map(|(r, _)| r.id)
                .collect(),
            active_level_one: rows.first().map_or(0, |(_, (n, _))| *n),
        }
    }
}

impl Conn {
    /// One page of the people `actor` sees ([`Conn::people_page`]), each with what `actor` may
    /// do to them.
    pub async fn people_page_for(
        &mut self,
        actor: &Actor,
        query: &PeopleQuery,
    ) -> Result<Result<(Vec<PersonSummary>, Option<String>), BadCursor>, sqlx::Error> {
        self.checked_people_page(actor, query, &mut SessionCheck::none())
            .await
    }

    /// [`Conn::people_page_for`], its statements confirming the session `check` asks about.
    pub(super) async fn checked_people_page(
        &mut self,
        actor: &Actor,
        query: &PeopleQuery,
        check: &mut SessionCheck<'_>,
    ) -> Result<Result<(Vec<PersonSummary>, Option<String>), BadCursor>, sqlx::Error> {
        Ok(self
            .fact_page(actor, query, check)
            .await?
            .map(|page| summaries(actor, page)))
    }
}

/// A page's rows as `actor` sees them, each with what `actor` may do to them.
pub(super) fn summaries(
    actor: &Actor,
    (rows, next_cursor): (Vec<FactRow>, Option<String>),
) -> (Vec<PersonSummary>, Option<String>) {
    let org_id = actor.org_id;
    let facts = PageFacts::of(&rows);
    let items = rows
        .into_iter()
        .map(|(r, _)| {
            let row_facts = (r.level, r.status.clone(), r.totp_enabled);
            let actions = actor.actions_on(&facts.target(org_id, r.id, row_facts));
            r.into_summary(actions)
        })
        .collect();
    (items, next_cursor)
}

/// The rows of a search page through the index (one past its size when more follow, each with
/// whether the index placed it), paged; `generation` is the index's.
pub(super) fn person_page(
    rows: Vec<(FactRow, bool)>,
    query: &PeopleQuery,
    generation: u64,
) -> (Vec<FactRow>, Option<String>) {
    let sort = query.sort.unwrap_or_default();
    let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE) as i64;
    let (rows, next) = paged(rows, limit, |((r, _), placed)| Cursor {
        v: cursor_values(r, sort),
        id: r.id,
        g: placed.then_some(generation),
    });
    (rows.into_iter().map(|(r, _)| r).collect(), next)
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;
