//! The list's rows, held compactly: 100,000 of them must fit in the app's memory target. The
//! rows of a page share one allocation holding their texts (shown texts and sort keys, a sort
//! key written only when it differs from the text it is made from); each row keeps the place
//! of each of its parts, and its roles as an index into the list's table of role sets; the search keys are side by side in one text of their own,
//! so that a keystroke reads nothing else. A whole [`PersonSummary`] is made again only where
//! one is needed (a letter, a dialog, the tests).

use std::collections::HashMap;
use std::sync::Arc;

use sesame_core::api::PersonSummary;
use sesame_core::domain::rules::ActionSet;
use sesame_core::domain::{Language, Level, Status, fold_for_search};

/// The parts of a row's text.
#[derive(Clone, Copy)]
enum Part {
    UserId,
    LastName,
    FirstName,
    Email,
    Phone,
    /// The name order's first key: the folded last name, or the folded email of someone
    /// invited without a name.
    NameLast,
    /// The name order's second key: the folded first name (empty without a name).
    NameFirst,
    /// The user ID's order: lowercased.
    UserIdKey,
}

const PARTS: usize = 8;

#[derive(Debug, Clone)]
pub(super) struct Row {
    pub id: i64,
    pub version: i64,
    /// The texts of the row's page (or of the row alone, when saved later): one allocation
    /// for thousands of rows, no allocator's header and rounding for each, and none of the
    /// page's other memory kept between them.
    text: Arc<str>,
    /// Where the row's texts start in `text`.
    base: u32,
    /// Where each [`Part`] starts and ends, from `base`. Names, user IDs and emails are
    /// checked by the server to lengths far below 64 KiB together.
    at: [[u16; 2]; PARTS],
    /// The index of the row's roles in [`RoleSets`].
    pub roles: u32,
    pub level: Level,
    pub status: Status,
    pub language: Language,
    pub two_factor: bool,
    pub is_contact: bool,
    /// What the reader may do to them now, as the server said.
    pub actions: ActionSet,
    has_phone: bool,
    /// Whether the name order compares the names (else the email alone).
    named: bool,
}

/// A row's texts as they are written, after the rows before it in the page: a sort key
/// reuses the shown text it is made from when they are the same (a user ID already lowercase
/// is its own sort key).
struct Text<'a> {
    text: &'a mut String,
    base: usize,
    at: [[u16; 2]; PARTS],
}

impl Text<'_> {
    fn put(&mut self, part: Part, s: &str) {
        self.text.push_str(s);
        self.place(part, self.text.len() - s.len(), s.len());
    }

    /// `s`, or the place of `like` when it holds the same text.
    fn put_like(&mut self, part: Part, s: &str, like: Part) {
        let [start, end] = self.at[like as usize].map(|x| self.base + x as usize);
        if self.text.get(start..end) == Some(s) {
            self.at[part as usize] = self.at[like as usize];
        } else {
            self.put(part, s);
        }
    }

    fn place(&mut self, part: Part, start: usize, len: usize) {
        let start = start - self.base;
        let end = start + len;
        // Beyond what the server accepts: the part is left empty rather than misplaced.
        self.at[part as usize] = match (u16::try_from(start), u16::try_from(end)) {
            (Ok(start), Ok(end)) => [start, end],
            _ => [0, 0],
        };
    }
}

impl Row {
    /// A row of the list; `roles` is its index in the list's [`RoleSets`].
    pub fn new(p: &PersonSummary, roles: u32) -> Row {
        let mut rows = Row::page(std::slice::from_ref(p), |_| roles);
        rows.pop()
            .unwrap_or_else(|| unreachable!("one row from one person"))
    }

    /// The rows of a page, their texts in one allocation; `roles` gives the index of a set of
    /// roles in the list's [`RoleSets`].
    pub fn page(people: &[PersonSummary], mut roles: impl FnMut(&[String]) -> u32) -> Vec<Row> {
        let mut text = String::with_capacity(people.len() * 80);
        let placed: Vec<([[u16; 2]; PARTS], u32, bool)> =
            people.iter().map(|p| write(p, &mut text)).collect();
        let text: Arc<str> = text.into();
        people
            .iter()
            .zip(placed)
            .map(|(p, (at, base, named))| Row {
                id: p.id,
                version: p.version,
                text: Arc::clone(&text),
                base,
                at,
                roles: roles(&p.roles),
                level: p.level,
                status: p.status,
                language: p.language,
                two_factor: p.two_factor,
                is_contact: p.is_contact,
                actions: p.actions.iter().collect(),
                has_phone: p.phone.is_some(),
                named,
            })
            .collect()
    }
    #[inline]
    fn part(&self, part: Part) -> &str {
        let [start, end] = self.at[part as usize].map(|x| self.base as usize + x as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    /// The name order's keys: folded last and first names, or the folded email alone for
    /// someone invited without a name; compared as the server's `sort_key` strings are.
    pub fn name_key(&self) -> (&str, Option<&str>) {
        let first = self.named.then(|| self.part(Part::NameFirst));
        (self.part(Part::NameLast), first)
    }

    /// The user ID, lowercased: its order.
    pub fn user_id_key(&self) -> &str {
        self.part(Part::UserIdKey)
    }

    pub fn user_id(&self) -> &str {
        self.part(Part::UserId)
    }

    pub fn last_name(&self) -> &str {
        self.part(Part::LastName)
    }

    pub fn first_name(&self) -> &str {
        self.part(Part::FirstName)
    }

    pub fn email(&self) -> &str {
        self.part(Part::Email)
    }

    /// The phone, empty when there is none.
    pub fn phone(&self) -> &str {
        self.part(Part::Phone)
    }

    /// The whole summary again, its roles from the list's table.
    pub fn summary(&self, roles: &RoleSets) -> PersonSummary {
        PersonSummary {
            id: self.id,
            user_id: self.user_id().to_owned(),
            last_name: self.last_name().to_owned(),
            first_name: self.first_name().to_owned(),
            email: self.email().to_owned(),
            phone: self.has_phone.then(|| self.phone().to_owned()),
            level: self.level,
            roles: roles.get(self.roles).to_vec(),
            status: self.status,
            two_factor: self.two_factor,
            is_contact: self.is_contact,
            language: self.language,
            version: self.version,
            actions: self.actions.to_vec(),
        }
    }
}

/// Writes a person's texts after `text`: their places, where they start, and whether the name
/// order compares names.
fn write(p: &PersonSummary, text: &mut String) -> ([[u16; 2]; PARTS], u32, bool) {
    let base = text.len();
    let phone = p.phone.as_deref().unwrap_or_default();
    let mut text = Text {
        text,
        base,
        at: [[0; 2]; PARTS],
    };
    text.put(Part::UserId, &p.user_id);
    text.put(Part::LastName, &p.last_name);
    text.put(Part::FirstName, &p.first_name);
    text.put(Part::Email, &p.email);
    text.put(Part::Phone, phone);
    let named = !(p.last_name.trim().is_empty() && p.first_name.trim().is_empty());
    if named {
        text.put_like(
            Part::NameLast,
            &fold_for_search(&p.last_name),
            Part::LastName,
        );
        text.put_like(
            Part::NameFirst,
            &fold_for_search(&p.first_name),
            Part::FirstName,
        );
    } else {
        text.put_like(Part::NameLast, &fold_for_search(&p.email), Part::Email);
    }
    text.put_like(Part::UserIdKey, &p.user_id.to_lowercase(), Part::UserId);
    // Pages of more than 4 GiB are far beyond any organization: the texts are then empty.
    (text.at, u32::try_from(base).unwrap_or(u32::MAX), named)
}

/// What the search box matches: names (both orders), user ID and email, folded.
pub(super) fn search_key(p: &PersonSummary) -> String {
    fold_for_search(&format!(
        "{} {} {} {} {}",
        p.first_name, p.last_name, p.last_name, p.user_id, p.email
    ))
}

/// Every row's search key, side by side in one text: a keystroke reads them one after the
/// other. A changed row's new key goes at the end; the text is written again without the old
/// keys once they are half of it.
#[derive(Default)]
pub(super) struct SearchKeys {
    text: String,
    /// Where each row's key starts and ends in `text`.
    at: Vec<[u32; 2]>,
    /// Bytes of `text` no row uses any more.
    unused: usize,
}

impl SearchKeys {
    pub fn push(&mut self, key: &str) {
        let at = self.append(key);
        self.at.push(at);
    }

    pub fn set(&mut self, i: usize, key: &str) {
        let [start, end] = self.at[i];
        self.unused += (end - start) as usize;
        self.at[i] = self.append(key);
        self.tidy();
    }

    pub fn remove(&mut self, i: usize) {
        let [start, end] = self.at.remove(i);
        self.unused += (end - start) as usize;
        self.tidy();
    }

    pub fn get(&self, i: usize) -> &str {
        let [start, end] = self.at[i];
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// No spare room once the list is loaded.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.at.shrink_to_fit();
    }

    fn append(&mut self, key: &str) -> [u32; 2] {
        let start = self.text.len();
        self.text.push_str(key);
        // Four gigabytes of keys are far beyond any organization: the key is then not found.
        match (u32::try_from(start), u32::try_from(self.text.len())) {
            (Ok(start), Ok(end)) => [start, end],
            _ => [0, 0],
        }
    }

    fn tidy(&mut self) {
        if self.unused * 2 <= self.text.len() {
            return;
        }
        let old = std::mem::take(self);
        for i in 0..old.at.len() {
            self.push(old.get(i));
        }
    }
}

/// Each distinct set of roles once: an organization's people hold few combinations.
#[derive(Debug, Default, Clone)]
pub(super) struct RoleSets {
    sets: Vec<Box<[String]>>,
    index: HashMap<Box<[String]>, u32>,
}

impl RoleSets {
    /// The index of this set of roles, added if new.
    pub fn intern(&mut self, roles: &[String]) -> u32 {
        if let Some(&i) = self.index.get(roles) {
            return i;
        }
        let set: Box<[String]> = roles.into();
        let i = self.sets.len() as u32;
        self.sets.push(set.clone());
        self.index.insert(set, i);
        i
    }

    pub fn get(&self, i: u32) -> &[String] {
        self.sets.get(i as usize).map_or(&[], |s| s)
    }

    /// For each set, whether it holds this role: the role filter's answer for every row.
    pub fn holding(&self, role: &str) -> Vec<bool> {
        self.sets
            .iter()
            .map(|s| s.iter().any(|r| r == role))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sesame_core::domain::rules::Action;

    fn person(last: &str, first: &str, user_id: &str, email: &str) -> PersonSummary {
        PersonSummary {
            id: 7,
            user_id: user_id.into(),
            last_name: last.into(),
            first_name: first.into(),
            email: email.into(),
            phone: None,
            level: Level::Two,
            roles: vec!["viewer".into(), "editor".into()],
            status: Status::Invited,
            two_factor: true,
            is_contact: true,
            language: Language::Fr,
            version: 12,
            actions: vec![Action::Modify, Action::Delete],
        }
    }

    #[test]
    fn a_row_gives_back_its_summary_and_its_keys() {
        let mut sets = RoleSets::default();
        let mut people = vec![];
        for (last, first, user_id, email, phone) in [
            (
                "Côté",
                "Élodie",
                "E.Cote",
                "élodie@x.example",
                Some("514 555-0101"),
            ),
            ("roy", "marie", "m.roy", "m.roy@x.example", Some("")),
            ("", "", "", "lea@x.example", None),
            ("Łukasiewicz", "", "lukas", "LUKAS@X.EXAMPLE", None),
        ] {
            let mut p = person(last, first, user_id, email);
            p.phone = phone.map(Into::into);
            let row = Row::new(&p, sets.intern(&p.roles));
            assert_eq!(row.summary(&sets), p);
            let sort = sesame_core::domain::sort_key(last, first, email);
            let (a, b) = row.name_key();
            let joined = b.map_or(a.to_owned(), |b| format!("{a}\u{1}{b}"));
            assert_eq!(joined, sort);
            assert_eq!(row.user_id_key(), user_id.to_lowercase());
            people.push(p);
        }
        // A page's rows share their texts, each row its own.
        let page = Row::page(&people, |roles| sets.intern(roles));
        let back: Vec<PersonSummary> = page.iter().map(|r| r.summary(&sets)).collect();
        assert_eq!(back, people);
        assert_eq!(sets.sets.len(), 1, "one set of roles, kept once");
    }

    #[test]
    fn the_search_keys_stay_each_rows_after_changes() {
        let mut keys = SearchKeys::default();
        let mut kept: Vec<String> = vec![];
        for i in 0..40 {
            let key = format!("key {i}");
            keys.push(&key);
            kept.push(key);
        }
        for round in 0..5 {
            for i in (0..kept.len()).step_by(3) {
                let key = format!("changed {round} {i}");
                keys.set(i, &key);
                kept[i] = key;
            }
            keys.remove(round * 2);
            kept.remove(round * 2);
        }
        assert!(
            keys.unused * 2 <= keys.text.len(),
            "old keys are written away"
        );
        for (i, key) in kept.iter().enumerate() {
            assert_eq!(keys.get(i), key);
        }
    }
}
