//! Searches of the people answered through each organization's in-memory [`OrgIndex`]: the
//! index names the candidates of a page in order, the database checks them against the search's
//! own condition and the reader's sight, and adds the rows written since the index was built.
//! When the index cannot answer (not built yet, too far behind, a cursor it cannot place), the
//! plain statements do, as they did before it existed.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use sqlx::AssertSqlSafe;

use super::index::{Ask, Entry, OrgIndex, Position, Space};
use super::listing::{CHARGE_SQL, decode_cursor, sort_columns};
use super::search::needle;
use crate::store::sqlite_reads::read_error;
use crate::store::{Bind, Conn, Db, on_conn};
use sesame_core::api::{PeopleQuery, PeopleSort};
use sesame_core::domain::Level;
use sesame_core::domain::rules::Visibility;

mod statement;
use statement::statement;

/// Rows changed since the build after which the index is built again, in the background...
const REBUILD_AFTER: usize = 200;
/// ... or as soon as anything changed, once the index is this old.
const REBUILD_AGE: Duration = Duration::from_secs(30);
/// Rows changed since the build past which the plain statements answer until the new index is
/// ready: each search would otherwise look through them all in the database.
const TOO_FAR_BEHIND: usize = 5000;
/// Rounds of candidates asked of the index for one page (the database may refuse some: texts
/// holding every trigram of the term but not the term, people deleted since the build).
const ROUNDS: usize = 4;
/// How often a search looks at what changed since the build.
const LOOK_AGAIN: Duration = Duration::from_secs(1);
/// The key of the advisory lock PostgreSQL's writers of people hold shared (migration 0009).
const CHANGES_LOCK: i64 = 7318201;

/// Every organization's index, built on its first search.
#[derive(Clone, Default)]
pub struct SearchIndexes(Arc<Mutex<HashMap<i64, Slot>>>, Arc<AtomicU64>, bool);

impl std::fmt::Debug for SearchIndexes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SearchIndexes")
    }
}

#[derive(Default)]
struct Slot {
    ready: Option<Arc<Ready>>,
    building: bool,
}

/// A built index, and what the database said changed since.
pub struct Ready {
    pub(super) index: OrgIndex,
    built: Instant,
    changed: Mutex<Changed>,
    /// When a search last looked at what changed.
    looked: Mutex<Instant>,
}

#[derive(Default)]
struct Changed {
    /// The highest change number looked at.
    seen: i64,
    ids: HashSet<i64>,
}

impl SearchIndexes {
    /// No index at all: every search through the plain statements (to measure what the index
    /// brings).
    pub fn off() -> SearchIndexes {
        SearchIndexes(Default::default(), Default::default(), true)
    }

    /// The index of `org_id` if it is built; starts building it otherwise.
    pub fn ready(&self, db: &Db, org_id: i64) -> Option<Arc<Ready>> {
        if self.2 {
            return None;
        }
        let mut orgs = self.0.lock().ok()?;
        let slot = orgs.entry(org_id).or_default();
        if slot.ready.is_none() && !slot.building {
            slot.building = true;
            self.spawn_build(db.clone(), org_id);
        }
        slot.ready.clone()
    }

    /// Starts building every organization's index, so that the first search after the server
    /// starts finds it ready.
    pub fn warm(&self, db: &Db) {
        if self.2 {
            return;
        }
        let (me, db) = (self.clone(), db.clone());
        tokio::spawn(async move {
            let orgs: Result<Vec<i64>, sqlx::Error> = async {
                let mut conn = db.read().await?;
                let sql = "SELECT id FROM organizations ORDER BY id";
                Ok(on_conn!(&mut conn, c => {
                    sqlx::query_scalar(sql).fetch_all(&mut *c).await?
                }))
            }
            .await;
            for org_id in orgs.unwrap_or_default() {
                me.ready(&db, org_id);
            }
        });
    }

    /// Builds the index of `org_id` again, unless a build is under way.
    fn rebuild(&self, db: &Db, org_id: i64) {
        let Ok(mut orgs) = self.0.lock() else { return };
        let slot = orgs.entry(org_id).or_default();
        if !slot.building {
            slot.building = true;
            self.spawn_build(db.clone(), org_id);
        }
    }

    fn spawn_build(&self, db: Db, org_id: i64) {
        let me = self.clone();
        let handle = tokio::runtime::Handle::current();
        // Reading every person and numbering them is seconds of work at a million: on a
        // thread of its own, not on one serving requests.
        tokio::task::spawn_blocking(move || {
            let started = Instant::now();
            let built = handle.block_on(build(&db, org_id));
            let Ok(mut orgs) = me.0.lock() else { return };
            let slot = orgs.entry(org_id).or_default();
            slot.building = false;
            match built {
                Ok(index) => {
                    tracing::info!(
                        "search index of organization {org_id}: {} people, {:.1} MB, {:.2} s",
                        index.len(),
                        index.memory() as f64 / 1e6,
                        started.elapsed().as_secs_f64()
                    );
                    let changed = Changed {
                        seen: index.seq,
                        ids: HashSet::new(),
                    };
                    let past = Instant::now() - LOOK_AGAIN;
                    slot.ready = Some(Arc::new(Ready {
                        index,
                        built: Instant::now(),
                        changed: Mutex::new(changed),
                        looked: Mutex::new(past),
                    }));
                }
                Err(e) => tracing::warn!("search index of organization {org_id}: {e}"),
            }
        });
    }

    /// Pages the indexes answered (the others were the plain statements').
    pub fn answered(&self) -> u64 {
        self.1.load(Ordering::Relaxed)
    }

    /// People indexed and the bytes their indexes hold, over every organization.
    pub fn totals(&self) -> (usize, usize) {
        let Ok(orgs) = self.0.lock() else {
            return (0, 0);
        };
        orgs.values()
            .filter_map(|s| s.ready.as_ref())
            .fold((0, 0), |(n, b), r| {
                (n + r.index.len(), b + r.index.memory())
            })
    }

    /// Whether the index of `org_id` is built and knows every change the database holds now:
    /// for benchmarks and tests, which measure the index rather than the plain statements.
    pub async fn settled(&self, db: &Db, org_id: i64) -> Result<bool, sqlx::Error> {
        let Some(ready) = self.ready(db, org_id) else {
            return Ok(false);
        };
        let max = latest_change(&mut db.read().await?, org_id).await?;
        Ok(max <= ready.index.seq)
    }
}

/// The highest change number of the organization's people.
async fn latest_change(conn: &mut Conn, org_id: i64) -> Result<i64, sqlx::Error> {
    Ok(on_conn!(conn, c => {
        sqlx::query_scalar::<_, i64>(LATEST_SQL).bind(org_id).fetch_one(&mut *c).await?
    }))
}

const LATEST_SQL: &str = "SELECT COALESCE(MAX(change_seq), 0) FROM accounts WHERE org_id = $1";

/// Reads the organization's people once per space, in the order of each, from one snapshot.
async fn build(db: &Db, org_id: i64) -> Result<OrgIndex, sqlx::Error> {
    if let Db::Postgres(pool) = db {
        // Every writer holding a change number has committed once this lock is ours.
        let mut tx = pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(CHANGES_LOCK)
            .execute(&mut *tx)
            .await?;
        let seq: i64 = sqlx::query_scalar(LATEST_SQL)
            .bind(org_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut tx = pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await?;
        let mut index = OrgIndex::new(seq);
        fill(
            &mut Conn::Postgres(crate::store::Held::Tx(tx)),
            org_id,
            &mut index,
        )
        .await?;
        return Ok(index);
    }
    let Db::Sqlite(pool, reads) = db else {
        unreachable!()
    };
    if let Some(reads) = reads {
        // On a connection of its own (a build holds it for seconds): rows read in place rather
        // than each handed over from sqlx's thread, which took most of a build at a million.
        let c = reads.connection().map_err(read_error)?;
        return fill_file(&c, org_id).map_err(read_error);
    }
    // A deferred transaction: a snapshot of the file, no write lock.
    let mut conn = Conn::Sqlite(crate::store::Held::Tx(pool.begin_with("BEGIN").await?));
    let seq = latest_change(&mut conn, org_id).await?;
    let mut index = OrgIndex::new(seq);
    fill(&mut conn, org_id, &mut index).await?;
    Ok(index)
}

/// The people in name order with what the index keeps of them.
const NAME_SQL: &str = "SELECT id, level, level_rank, status, search_text FROM accounts \
     WHERE org_id = $1 AND kind = 'person' ORDER BY sort_name, id";

/// The ids of the people in the order of `space`.
fn ids_sql(space: Space) -> String {
    format!(
        "SELECT id FROM accounts WHERE org_id = $1 AND kind = 'person' ORDER BY {}",
        space.order()
    )
}

/// id, level, level rank, status, search text.
type Indexed = (i64, Option<i64>, Option<i64>, String, String);

fn entry((id, level, level_rank, status, search_text): &Indexed) -> Entry<'_> {
    Entry {
        id: *id,
        level: level.unwrap_or(0),
        level_rank: level_rank.unwrap_or(0),
        status,
        search_text,
    }
}

async fn fill(conn: &mut Conn, org_id: i64, index: &mut OrgIndex) -> Result<(), sqlx::Error> {
    on_conn!(conn, c => {
        let mut rows = sqlx::query_as::<_, Indexed>(NAME_SQL).bind(org_id).fetch(&mut *c);
        while let Some(row) = rows.try_next().await? {
            index.push(&entry(&row));
        }
    });
    for space in &Space::ALL[1..] {
        let ids: Vec<i64> = on_conn!(conn, c => {
            sqlx::query_scalar(AssertSqlSafe(ids_sql(*space)))
                .bind(org_id)
                .fetch_all(&mut *c)
                .await?
        });
        index.derive(*space, &ids);
    }
    index.finish();
    Ok(())
}

/// [`fill`] on a read connection of the database file, in one read transaction (a snapshot).
fn fill_file(c: &rusqlite::Connection, org_id: i64) -> rusqlite::Result<OrgIndex> {
    c.execute_batch("BEGIN")?;
    let seq: i64 = c.query_row(LATEST_SQL, [org_id], |r| r.get(0))?;
    let mut index = OrgIndex::new(seq);
    let mut statement = c.prepare(NAME_SQL)?;
    let mut rows = statement.query([org_id])?;
    while let Some(r) = rows.next()? {
        let row: Indexed = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        index.push(&entry(&row));
    }
    for space in &Space::ALL[1..] {
        let mut statement = c.prepare(&ids_sql(*space))?;
        let ids = statement
            .query_map([org_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        index.derive(*space, &ids);
    }
    c.execute_batch("COMMIT")?;
    index.finish();
    Ok(index)
}

/// The database statements a page through the index needs, on whichever connection.
pub(super) trait Source {
    type Row;
    /// The first column of the first row, if there is one.
    async fn integer(&mut self, sql: &str, binds: &[Bind]) -> Result<Option<i64>, sqlx::Error>;
    async fn integers(&mut self, sql: &str, binds: &[Bind]) -> Result<Vec<i64>, sqlx::Error>;
    /// The rows of a page's statement, each with whether it came from the rows changed since
    /// the build (the statement's last column).
    async fn rows(
        &mut self,
        sql: &str,
        binds: &[Bind],
    ) -> Result<Vec<(Self::Row, bool)>, sqlx::Error>;
    /// The person a row is of.
    fn id(row: &Self::Row) -> i64;
}

/// What became of a page asked of the index.
pub(super) enum Answer<R> {
    /// The page's rows, one past its size when more follow, each with whether the index placed
    /// it (rather than the rows changed since the build).
    Rows(Vec<(R, bool)>),
    /// The plain statements must answer.
    Plain,
}

/// What a search page needs besides its connection.
pub(super) struct Request<'a> {
    pub ready: &'a Ready,
    pub org_id: i64,
    pub visibility: Visibility,
    pub query: &'a PeopleQuery,
    /// The page's columns (with `a.id` and the sort's columns).
    pub columns: &'a str,
    pub sqlite: bool,
    /// The people under a reader's charge and that reader, when already read (with the
    /// session): a level-2 search then spares a round trip.
    pub charges: Option<&'a (i64, Vec<i64>)>,
}

/// A page of a search through the index; also says whether the index should be built again.
pub(super) async fn search_page<S: Source>(
    src: &mut S,
    r: &Request<'_>,
) -> Result<(Answer<S::Row>, bool), sqlx::Error> {
    let query = r.query;
    let (true, Some(sight)) = (serves(r.visibility, query), sight(r.visibility)) else {
        return Ok((Answer::Plain, false));
    };
    // A blank term is no term: the list, which [`serves`] let through for a level-2 reader.
    let term = query.q.as_deref().filter(|q| !q.trim().is_empty());
    let Some(needle) = term.map_or(Some(String::new()), needle) else {
        return Ok((Answer::Plain, false));
    };
    let index = &r.ready.index;
    let changed = changed_since_build(src, r).await?;
    let stale = changed >= REBUILD_AFTER || (changed > 0 && r.ready.built.elapsed() >= REBUILD_AGE);
    if changed > TOO_FAR_BEHIND {
        return Ok((Answer::Plain, true));
    }
    let sort = query.sort.unwrap_or_default();
    let start = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(text) => match place_cursor(src, r, text).await? {
            Some(position) => Some(position),
            None => return Ok((Answer::Plain, stale)),
        },
    };
    let charge = match sight {
        Some(person_id) => match r.charges {
            Some((of, charges)) if *of == person_id => charges.clone(),
            _ => src.integers(CHARGE_SQL, &[Bind::Int(person_id)]).await?,
        },
        None => vec![],
    };
    let ask = Ask {
        needle: &needle,
        sort,
        desc: query.desc.unwrap_or(false),
        level: query.level.map(|l| l.code()),
        status: query.status.map(|s| s.as_str()),
        visible: sight.map(|_| {
            (
                Level::Two.rank() as i64,
                Level::Three.rank() as i64,
                &charge[..],
            )
        }),
    };
    let limit = query.limit.unwrap_or(100).clamp(1, super::MAX_PAGE) as usize;
    let mut after = start;
    let mut candidates = vec![];
    let mut want = limit + 1;
    for _ in 0..ROUNDS {
        let (more, exhausted) = {
            let changed = r
                .ready
                .changed
                .lock()
                .map_err(|_| sqlx::Error::PoolClosed)?;
            index.candidates(&ask, after.as_ref(), want, &changed.ids)
        };
        after = more
            .last()
            .map(|(_, p): &(i64, Position)| p.clone())
            .or(after);
        candidates.extend(more.into_iter().map(|(id, _)| id));
        let rows = rows_in_order(src, r, &candidates, limit).await?;
        let from_index = rows.iter().filter(|(_, delta)| !delta).count();
        if exhausted || from_index > limit {
            let mut rows: Vec<(S::Row, bool)> =
                rows.into_iter().map(|(row, d)| (row, !d)).collect();
            rows.truncate(limit + 1);
            return Ok((Answer::Rows(rows), stale));
        }
        want = (2 * (limit + 1 - from_index)).max(64);
    }
    Ok((Answer::Plain, stale))
}

/// The rows of a page's statement in the page's order. The candidates come in the index's
/// order, which is the order of the rows unchanged since its build: put back in it here, they
/// spare the database a sort of wide rows, a sixth of a search's time in PostgreSQL. Where rows
/// changed since the build came too, the database places them, in a statement that orders all.
async fn rows_in_order<S: Source>(
    src: &mut S,
    r: &Request<'_>,
    candidates: &[i64],
    limit: usize,
) -> Result<Vec<(S::Row, bool)>, sqlx::Error> {
    // The cursor was read before: the statement cannot refuse it.
    let refused = |_| sqlx::Error::Protocol("cursor".into());
    let (sql, binds) = statement(r, candidates, limit, false).map_err(refused)?;
    let rows = src.rows(&sql, &binds).await?;
    if rows.iter().any(|(_, changed)| *changed) {
        let (sql, binds) = statement(r, candidates, limit, true).map_err(refused)?;
        return src.rows(&sql, &binds).await;
    }
    let rank: HashMap<i64, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    // Each row moved once, into its candidate's place: a row is wide, and a sort moved it often.
    let mut placed: Vec<Option<(S::Row, bool)>> = candidates.iter().map(|_| None).collect();
    for row in rows {
        if let Some(&at) = rank.get(&S::id(&row.0)) {
            placed[at] = Some(row);
        }
    }
    Ok(placed.into_iter().flatten().collect())
}

/// Whether the index serves `query` as seen with `visibility`: any search, and a level-2
/// reader's list in any order but by name. Without a term the database walks an order's index
/// through everyone, where the level-2 users (one in fifty) may all lie at its far end: 2 s a
/// page by level descending at 1,000,000 people. By name it has an index of exactly their
/// range, and answers for less than the index would.
pub(super) fn serves(visibility: Visibility, query: &PeopleQuery) -> bool {
    query.q.as_deref().is_some_and(|q| !q.trim().is_empty())
        || (matches!(visibility, Visibility::LevelTwoAndCharge { .. })
            && query.sort.unwrap_or_default() != PeopleSort::Name)
}

/// The level-2 reader whose charge widens their sight (`Some(Some(id))`), everyone
/// (`Some(None)`), or a sight the index does not serve (`None`).
fn sight(visibility: Visibility) -> Option<Option<i64>> {
    match visibility {
        Visibility::Everyone => Some(None),
        Visibility::LevelTwoAndCharge { person_id } => Some(Some(person_id)),
        _ => None,
    }
}

/// How many people changed since the build, as last looked at; looks again (and reads the ids
/// changed since it looked last) once a second at most. Only the decision to build again and
/// the candidates spared to the database hang on it: every page's statement reads the rows
/// changed since the build itself.
async fn changed_since_build<S: Source>(
    src: &mut S,
    r: &Request<'_>,
) -> Result<usize, sqlx::Error> {
    let due = r.ready.looked.lock().is_ok_and(|mut at| {
        let due = at.elapsed() >= LOOK_AGAIN;
        if due {
            *at = Instant::now();
        }
        due
    });
    if !due {
        return Ok(r
            .ready
            .changed
            .lock()
            .map(|c| c.ids.len())
            .unwrap_or(usize::MAX));
    }
    let org = Bind::Int(r.org_id);
    let latest = src
        .integer(LATEST_SQL, std::slice::from_ref(&org))
        .await?
        .unwrap_or(0);
    let seen = r.ready.changed.lock().map(|c| c.seen).unwrap_or(i64::MAX);
    if latest > seen {
        // With PostgreSQL a number below `seen` may still commit: it is missed here (this list
        // only spares the database some candidates), never in the page's statement.
        let ids = src
            .integers(
                "SELECT id FROM accounts WHERE org_id = $1 AND change_seq > $2",
                &[org, Bind::Int(seen)],
            )
            .await?;
        if let Ok(mut changed) = r.ready.changed.lock() {
            changed.ids.extend(ids);
            changed.seen = changed.seen.max(latest);
        }
    }
    Ok(r.ready
        .changed
        .lock()
        .map(|c| c.ids.len())
        .unwrap_or(usize::MAX))
}

/// Where the cursor's row stands in the index, when the index knows it as the cursor saw it.
async fn place_cursor<S: Source>(
    src: &mut S,
    r: &Request<'_>,
    text: &str,
) -> Result<Option<Position>, sqlx::Error> {
    let sort = r.query.sort.unwrap_or_default();
    let Ok(cursor) = decode_cursor(text, sort) else {
        return Ok(None); // the plain statements refuse it
    };
    let index = &r.ready.index;
    if cursor.g == Some(index.generation) {
        // This index placed the row: where it stands in it is where the cursor stands.
        return Ok(index.position(sort, cursor.id));
    }
    let mut binds = vec![Bind::Int(r.org_id), Bind::Int(cursor.id)];
    let mut values = vec![];
    for v in &cursor.v {
        binds.push(v.bind());
        values.push(format!("${}", binds.len()));
    }
    let sql = format!(
        "SELECT a.change_seq FROM accounts a WHERE a.org_id = $1 AND a.id = $2 AND ({}) = ({})",
        sort_columns(sort).join(", "),
        values.join(", ")
    );
    let seq = src.integer(&sql, &binds).await?;
    Ok(match seq {
        Some(seq) if seq <= r.ready.index.seq => r.ready.index.position(sort, cursor.id),
        _ => None,
    })
}

impl Db {
    /// After a search: counts a page the index answered, and builds the index again when it
    /// fell behind.
    pub(super) fn after_search(
        &self,
        indexes: &SearchIndexes,
        org_id: i64,
        answered: bool,
        stale: bool,
    ) {
        if answered {
            indexes.1.fetch_add(1, Ordering::Relaxed);
        }
        if stale {
            indexes.rebuild(self, org_id);
        }
    }
}
