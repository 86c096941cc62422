//! A page's statement confirming, in its own snapshot, the session the page was built for
//! (PostgreSQL; see `crate::session_cache`), and the statement's reader and session bound.

use crate::store::{Bind, SESSION_SEEN_PG};

/// What a page's statements said of the session asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing was asked: the session was read before the page.
    NotAsked,
    /// No statement returned a row to say.
    Unseen,
    /// Every statement that returned rows saw the session as expected.
    Held,
    /// A statement saw it otherwise (changed, ended, or gone).
    Broken,
}

/// The session a page's statements are asked to confirm: its token's hash, and what it looked
/// like when read ([`crate::store::SessionRow::seen`]).
pub struct SessionCheck<'a> {
    asked: Option<(&'a str, &'a str)>,
    verdict: Verdict,
}

impl<'a> SessionCheck<'a> {
    /// Asks nothing.
    pub fn none() -> SessionCheck<'static> {
        SessionCheck {
            asked: None,
            verdict: Verdict::NotAsked,
        }
    }

    /// Asks each statement whether the session of `token_hash` still looks as `seen`.
    pub fn of(token_hash: &'a str, seen: &'a str) -> SessionCheck<'a> {
        SessionCheck {
            asked: Some((token_hash, seen)),
            verdict: Verdict::Unseen,
        }
    }

    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// What a statement said: `None` when it returned no row, else what its first row saw.
    pub(super) fn observe(&mut self, seen: Option<Option<String>>) {
        let (Some((_, expected)), Some(seen)) = (self.asked, seen) else {
            return;
        };
        self.verdict = match (self.verdict, seen.as_deref() == Some(expected)) {
            (Verdict::Broken, _) | (_, false) => Verdict::Broken,
            _ => Verdict::Held,
        };
    }

    /// `sql` with its `$SESSION_SEEN` column written: the session's row as one text when asked,
    /// else `NULL`.
    pub(super) fn write(&self, sql: String, binds: &mut Vec<Bind>) -> String {
        if !sql.contains("$SESSION_SEEN") {
            return sql;
        }
        let Some((token_hash, _)) = self.asked else {
            return sql.replace("$SESSION_SEEN", "NULL");
        };
        binds.push(Bind::Text(token_hash.to_owned()));
        let seen = SESSION_SEEN_PG.replace("$SESSION", &format!("${}", binds.len()));
        sql.replace("$SESSION_SEEN", &seen)
    }
}

/// `sql` with the reader's id bound where `$READER` stands, if it does, and the session
/// `check` asks about where `$SESSION_SEEN` does ([`super::listing::facts_columns`]).
pub(super) fn with_reader(
    sql: &str,
    binds: &[Bind],
    reader: i64,
    check: &SessionCheck,
) -> (String, Vec<Bind>) {
    let mut binds = binds.to_vec();
    let mut sql = sql.to_owned();
    if sql.contains("$READER") {
        binds.push(Bind::Int(reader));
        sql = sql.replace("$READER", &format!("${}", binds.len()));
    }
    let sql = check.write(sql, &mut binds);
    (sql, binds)
}

/// What the first of `rows` ([`super::listing::facts_columns`]) saw of the session, `None`
/// when there is none.
macro_rules! session_seen {
    ($rows:expr) => {{
        use sqlx::Row;
        match $rows.first() {
            Some(r) => Some(r.try_get::<Option<String>, _>(super::PERSON_COLUMNS + 2)?),
            None => None,
        }
    }};
}
pub(super) use session_seen;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_statement_seeing_otherwise_breaks_the_check_for_good() {
        let mut check = SessionCheck::of("h", "(1,a)");
        check.observe(None);
        assert_eq!(check.verdict(), Verdict::Unseen, "no row says nothing");
        check.observe(Some(Some("(1,a)".into())));
        assert_eq!(check.verdict(), Verdict::Held);
        check.observe(Some(None));
        assert_eq!(check.verdict(), Verdict::Broken, "a session gone");
        check.observe(Some(Some("(1,a)".into())));
        assert_eq!(check.verdict(), Verdict::Broken);
        let mut none = SessionCheck::none();
        none.observe(Some(Some("x".into())));
        assert_eq!(none.verdict(), Verdict::NotAsked);
    }

    #[test]
    fn the_session_is_bound_after_the_statement_s_own_values() {
        let mut binds = vec![Bind::Int(7)];
        let sql =
            SessionCheck::of("hash", "x").write("SELECT $SESSION_SEEN AS s".into(), &mut binds);
        assert!(sql.contains("s.token_hash = $2)"), "{sql}");
        assert!(!sql.contains("$SESSION"), "{sql}");
        assert_eq!(binds.len(), 2);
        let mut binds = vec![];
        let sql = SessionCheck::none().write("SELECT $SESSION_SEEN AS s".into(), &mut binds);
        assert_eq!(sql, "SELECT NULL AS s");
        assert!(binds.is_empty());
    }
}
