//! Search of the user follow-up through an index on both databases: SQLite's FTS5 trigram
//! table `people_search`, PostgreSQL's pg_trgm GIN index on `search_text`. The text is folded
//! once, when a person is written; the query is folded the same way, so both sides agree.
//!
//! A query of three characters or more is a substring of the name (either order), user ID or
//! email. A trigram index cannot find anything shorter, so one or two letters find the people
//! with a word (letters and digits) starting with them: each word is also written after a
//! two-character marker, which with one letter makes a trigram.

use crate::store::{Bind, Conn, on_conn};
use sesame_core::domain::{fold_for_search, sort_key};

/// The folding that wrote a row's search and sort keys. Raise it when [`search_text`] or
/// `fold_for_search` changes: the server refolds older rows as it starts.
pub(super) const FOLDING: i64 = 1;

/// Separates the fields, so that no substring spans two of them.
const FIELD: char = '\u{1}';
/// Marks the start of a word, for the one- and two-letter path.
const WORD_START: &str = "\u{2}\u{2}";

/// What the index holds for a person: the folded fields, then each word after its marker.
pub(super) fn search_text(user_id: &str, last_name: &str, first_name: &str, email: &str) -> String {
    let [user_id, last, first, email] =
        [user_id, last_name, first_name, email].map(fold_for_search);
    let mut text = [
        format!("{first} {last}"),
        format!("{last} {first}"),
        user_id.clone(),
        email.clone(),
    ]
    .join(&FIELD.to_string());
    text.push(FIELD);
    let mut words: Vec<&str> = vec![];
    for field in [&first, &last, &user_id, &email] {
        for word in field.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() && !words.contains(&word) {
                words.push(word);
            }
        }
    }
    for word in words {
        text.push_str(WORD_START);
        text.push_str(word);
    }
    text
}

/// `s` with LIKE's wildcards and escape character taken literally (`ESCAPE '\'`).
pub(super) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The condition a search `q` adds on the people `a`, its pattern pushed onto `binds`; `None`
/// when `q` holds nothing to look for.
pub(super) fn search_condition(sqlite: bool, q: &str, binds: &mut Vec<Bind>) -> Option<String> {
    let needle = needle(q)?;
    if sqlite {
        // An FTS5 phrase of trigrams in a row is exactly a substring.
        binds.push(Bind::Text(format!("\"{}\"", needle.replace('"', "\"\""))));
        Some(format!(
            " AND a.id IN (SELECT rowid FROM people_search WHERE people_search MATCH ${})",
            binds.len()
        ))
    } else {
        binds.push(Bind::Text(format!("%{}%", escape_like(&needle))));
        Some(format!(
            " AND a.search_text LIKE ${} ESCAPE '\\'",
            binds.len()
        ))
    }
}

/// What a search `q` looks for in the search text: the folded query, or a word's start marker
/// and its one or two letters; `None` when `q` holds nothing to look for. Three characters or
/// more either way, so that a trigram index can find it.
pub(super) fn needle(q: &str) -> Option<String> {
    let folded: String = fold_for_search(q.trim())
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if folded.chars().count() >= 3 {
        return Some(folded);
    }
    let word: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    (!word.is_empty()).then(|| format!("{WORD_START}{word}"))
}

/// id, user ID, last name, first name, email of a row to refold.
type Identity = (i64, String, String, String, String);

impl Conn {
    /// Rewrites up to `batch` people's search and sort keys written by an older folding;
    /// returns how many it rewrote (0 when every row is current).
    pub async fn refold_people(&mut self, batch: i64) -> Result<usize, sqlx::Error> {
        let rows: Vec<Identity> = on_conn!(self, c => {
            sqlx::query_as(
                "SELECT id, user_id, last_name, first_name, email FROM accounts \
                 WHERE kind = 'person' AND search_folding < $1 ORDER BY id LIMIT $2",
            )
            .bind(FOLDING)
            .bind(batch)
            .fetch_all(&mut *c)
            .await?
        });
        for (id, user_id, last, first, email) in &rows {
            on_conn!(self, c => {
                sqlx::query(
                    "UPDATE accounts SET sort_name = $1, search_text = $2, search_folding = $3 \
                     WHERE id = $4",
                )
                .bind(sort_key(last, first, email))
                .bind(search_text(user_id, last, first, email))
                .bind(FOLDING)
                .bind(id)
                .execute(&mut *c)
                .await?;
            });
        }
        Ok(rows.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn condition(q: &str) -> (Option<String>, Vec<Bind>) {
        let mut binds = vec![];
        (search_condition(false, q, &mut binds), binds)
    }

    #[test]
    fn every_word_is_marked_once() {
        let text = search_text("m.gagnon", "Gagnon", "Marie-Ève", "m.gagnon@acme.example");
        assert!(text.starts_with("marie-eve gagnon\u{1}gagnon marie-eve\u{1}m.gagnon\u{1}"));
        assert!(text.ends_with(
            "\u{2}\u{2}marie\u{2}\u{2}eve\u{2}\u{2}gagnon\u{2}\u{2}m\u{2}\u{2}acme\u{2}\u{2}example"
        ));
    }

    #[test]
    fn short_queries_look_for_a_word_start() {
        assert_eq!(condition("É").1, [Bind::Text("%\u{2}\u{2}e%".into())]);
        assert_eq!(condition("Gà").1, [Bind::Text("%\u{2}\u{2}ga%".into())]);
        assert_eq!(condition("gag").1, [Bind::Text("%gag%".into())]);
        assert!(condition("  ").0.is_none());
        assert!(condition("@").0.is_none());
    }

    #[test]
    fn wildcards_and_quotes_are_literal() {
        assert_eq!(condition("50%_").1, [Bind::Text("%50\\%\\_%".into())]);
        let mut binds = vec![];
        search_condition(true, "o\"neil", &mut binds);
        assert_eq!(binds, [Bind::Text("\"o\"\"neil\"".into())]);
    }
}
