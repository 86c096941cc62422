//! The sessions last read, by token hash, on PostgreSQL. A list of people is built for the
//! session as it was last read, and the list's own statement reads the session again
//! ([`crate::store::SESSION_SEEN_PG`]): that spares the round trip of reading it first, a
//! fifth of a page's cost. Never trusted alone: a page whose statement does not confirm the
//! session reads it again, and is built again if the session changed.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::store::SessionRow;

/// Sessions held at most; past it the cache starts again empty (a session missing from it
/// costs one read).
const HELD: usize = 4096;

#[derive(Default)]
pub struct SessionCache {
    rows: Mutex<HashMap<String, SessionRow>>,
    /// Sessions read by their own statement.
    read: AtomicU64,
    /// Pages whose statement confirmed the session they were built for.
    confirmed: AtomicU64,
}

impl SessionCache {
    /// The session of `hash` as last read, if it was read on PostgreSQL.
    pub fn get(&self, hash: &str) -> Option<SessionRow> {
        self.rows.lock().ok()?.get(hash).cloned()
    }

    /// Keeps a session just read, when its statement said what it looks like.
    pub fn keep(&self, hash: &str, row: &SessionRow) {
        self.read.fetch_add(1, Ordering::Relaxed);
        if row.seen.is_none() {
            return;
        }
        if let Ok(mut rows) = self.rows.lock() {
            if rows.len() >= HELD && !rows.contains_key(hash) {
                rows.clear();
            }
            rows.insert(hash.to_owned(), row.clone());
        }
    }

    /// A session found gone or refused: nothing of it is kept.
    pub fn forget(&self, hash: &str) {
        self.read.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut rows) = self.rows.lock() {
            rows.remove(hash);
        }
    }

    pub fn count_confirmed(&self) {
        self.confirmed.fetch_add(1, Ordering::Relaxed);
    }

    /// Sessions read by their own statement, and pages that confirmed theirs.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.read.load(Ordering::Relaxed),
            self.confirmed.load(Ordering::Relaxed),
        )
    }
}
