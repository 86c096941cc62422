//! The list's orders, quick enough for 100,000 rows. Each row's sort keys are made once, when
//! the row arrives or changes (never at each comparison); each column's ascending order, once
//! sorted, is kept: a header clicked again costs a copy, arriving pages and saved rows are
//! merged into it, and a first click sorts numbers made from the keys' first bytes.
//!
//! The order is the one the list always had: by the column's value, ties by name for level and
//! status, then by position in the list (the server's order); descending is the exact reverse.

use std::cmp::Ordering;

use sesame_core::api::{PeopleSort, PersonSummary};
use sesame_core::domain::sort_key;

/// Every sortable column.
pub(super) const COLUMNS: [PeopleSort; 6] = [
    PeopleSort::Name,
    PeopleSort::UserId,
    PeopleSort::Email,
    PeopleSort::Phone,
    PeopleSort::Level,
    PeopleSort::Status,
];

fn slot(column: PeopleSort) -> usize {
    COLUMNS.iter().position(|&c| c == column).unwrap_or(0)
}

#[derive(Default)]
pub(super) struct Orders {
    /// Per row: the server's name order (folded last and first names; the email for someone
    /// invited without a name).
    name: Vec<Box<str>>,
    /// Per row: the lowercased user ID, when it differs from the user ID.
    user_id: Vec<Option<Box<str>>>,
    /// Each column's rows in ascending order, once sorted.
    ascending: [Option<Vec<u32>>; 6],
}

impl Orders {
    /// The keys of a row added at the end of the list.
    pub fn push(&mut self, p: &PersonSummary) {
        self.name.push(name_key(p));
        self.user_id.push(lowered(&p.user_id));
    }

    /// The keys of row `i`, changed; [`Orders::place`] then moves it.
    pub fn set(&mut self, i: usize, p: &PersonSummary) {
        self.name[i] = name_key(p);
        self.user_id[i] = lowered(&p.user_id);
    }

    /// Row `i` taken off the list: the rows after it move up one place, their order stays.
    pub fn remove(&mut self, i: usize) {
        self.name.remove(i);
        self.user_id.remove(i);
        let i = i as u32;
        for order in self.ascending.iter_mut().flatten() {
            order.retain(|&r| r != i);
            for r in order.iter_mut().filter(|r| **r > i) {
                *r -= 1;
            }
        }
    }

    /// Rows just added or changed (keys already set): each kept order takes them out of their
    /// old places and merges them in, sorted, in one pass.
    pub fn place(&mut self, all: &[PersonSummary], mut rows: Vec<u32>) {
        rows.sort_unstable();
        rows.dedup();
        let mut moved = vec![false; all.len()];
        for &r in &rows {
            moved[r as usize] = true;
        }
        for column in COLUMNS {
            let Some(mut order) = self.ascending[slot(column)].take() else {
                continue;
            };
            order.retain(|&r| !moved[r as usize]);
            let mut new = rows.clone();
            new.sort_unstable_by(|&a, &b| self.cmp(all, column, a, b));
            self.ascending[slot(column)] =
                Some(merge(order, new, |a, b| self.cmp(all, column, a, b)));
        }
    }

    /// The rows in `column`'s order, sorted now if not yet known.
    pub fn order(&mut self, all: &[PersonSummary], column: PeopleSort, desc: bool) -> Vec<u32> {
        let ascending = self.ascending(all, column);
        if desc {
            ascending.iter().rev().copied().collect()
        } else {
            ascending.to_vec()
        }
    }

    fn ascending(&mut self, all: &[PersonSummary], column: PeopleSort) -> &[u32] {
        if self.ascending[slot(column)].is_none() {
            let sorted = self.sort(all, column);
            self.ascending[slot(column)] = Some(sorted);
        }
        self.ascending[slot(column)].as_deref().unwrap_or_default()
    }

    fn sort(&mut self, all: &[PersonSummary], column: PeopleSort) -> Vec<u32> {
        match column {
            // Ties by name: the name order, stably sorted by level or status.
            PeopleSort::Level => {
                let mut order = self.ascending(all, PeopleSort::Name).to_vec();
                order.sort_by_key(|&r| all[r as usize].level.code());
                order
            }
            PeopleSort::Status => {
                let mut order = self.ascending(all, PeopleSort::Name).to_vec();
                order.sort_by_key(|&r| all[r as usize].status.as_str());
                order
            }
            _ => {
                let mut keyed: Vec<(u128, u32)> = (0..all.len() as u32)
                    .map(|r| (prefix(self.text(all, column, r)), r))
                    .collect();
                keyed.sort_unstable_by(|x, y| {
                    if x.0 == y.0 && x.0 & 0xff > 15 {
                        self.cmp(all, column, x.1, y.1)
                    } else {
                        x.cmp(y)
                    }
                });
                keyed.into_iter().map(|(_, r)| r).collect()
            }
        }
    }

    /// What a text column compares.
    fn text<'a>(&'a self, all: &'a [PersonSummary], column: PeopleSort, r: u32) -> &'a str {
        let (r, p) = (r as usize, &all[r as usize]);
        match column {
            PeopleSort::Name => &self.name[r],
            PeopleSort::UserId => self.user_id[r].as_deref().unwrap_or(&p.user_id),
            PeopleSort::Email => &p.email,
            PeopleSort::Phone => p.phone.as_deref().unwrap_or_default(),
            PeopleSort::Level | PeopleSort::Status => "",
        }
    }

    /// The list's order of two rows by `column`: never equal for two rows.
    fn cmp(&self, all: &[PersonSummary], column: PeopleSort, a: u32, b: u32) -> Ordering {
        let (pa, pb) = (&all[a as usize], &all[b as usize]);
        let by_name = || self.name[a as usize].cmp(&self.name[b as usize]);
        match column {
            PeopleSort::Level => pa.level.code().cmp(&pb.level.code()).then_with(by_name),
            PeopleSort::Status => pa
                .status
                .as_str()
                .cmp(pb.status.as_str())
                .then_with(by_name),
            _ => self.text(all, column, a).cmp(self.text(all, column, b)),
        }
        .then(a.cmp(&b))
    }
}

fn name_key(p: &PersonSummary) -> Box<str> {
    sort_key(&p.last_name, &p.first_name, &p.email).into_boxed_str()
}

fn lowered(user_id: &str) -> Option<Box<str>> {
    let lower = user_id.to_lowercase();
    (lower != user_id).then(|| lower.into_boxed_str())
}

/// A key's first 15 bytes and its length (16 for any longer) as one number, ordered as the
/// keys are: only two keys of more than 15 bytes that begin alike need their strings compared;
/// two equal numbers of shorter keys are equal keys.
fn prefix(key: &str) -> u128 {
    let mut bytes = [0; 16];
    let n = key.len().min(15);
    bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
    bytes[15] = key.len().min(16) as u8;
    u128::from_be_bytes(bytes)
}

/// Two sorted runs into one. Pages arrive in the server's name order, so most merges are an
/// append.
fn merge(mut old: Vec<u32>, new: Vec<u32>, cmp: impl Fn(u32, u32) -> Ordering) -> Vec<u32> {
    match (old.last(), new.first()) {
        (_, None) => return old,
        (None, _) => return new,
        (Some(&last), Some(&first)) if cmp(last, first) == Ordering::Less => {
            old.extend(new);
            return old;
        }
        _ => {}
    }
    // Each new row finds its place by bisection: few comparisons (each reads strings far
    // apart in memory), the old rows between are copied in runs.
    let mut merged = Vec::with_capacity(old.len() + new.len());
    let mut rest = &old[..];
    for r in new {
        let at = rest.partition_point(|&o| cmp(o, r) == Ordering::Less);
        merged.extend_from_slice(&rest[..at]);
        merged.push(r);
        rest = &rest[at..];
    }
    merged.extend_from_slice(rest);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numbers_of_keys_are_ordered_as_the_keys() {
        let keys = [
            "",
            "\0",
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "abcdefghijklmn",
            "abcdefghijklmno",
            "abcdefghijklmno\0",
            "abcdefghijklmnop",
            "abcdefghijklmnoz",
            "abd",
            "é",
            "ê",
            "z",
        ];
        for a in keys {
            for b in keys {
                let (x, y) = (prefix(a), prefix(b));
                if x != y {
                    assert_eq!(x.cmp(&y), a.cmp(b), "{a:?} {b:?}");
                } else {
                    assert!(a == b || x & 0xff > 15, "{a:?} {b:?}");
                }
            }
        }
    }
}
