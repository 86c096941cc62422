//! The list's orders, quick enough for 100,000 rows. Each row's sort keys are made once, when
//! the row arrives or changes (never at each comparison); each column's ascending order, once
//! sorted, is kept: a header clicked again costs a copy, arriving pages and saved rows are
//! merged into it, and a first click sorts numbers made from the keys' first bytes.
//!
//! The order is the one the list always had: by the column's value, ties by name for level and
//! status, then by position in the list (the server's order); descending is the exact reverse.

use std::cmp::Ordering;

use super::columns::SORTABLE;
use super::rows::Row;
use sesame_core::api::PeopleSort;

/// Every sortable column (see `columns`).
pub(super) const COLUMNS: [PeopleSort; SORTABLE] = super::columns::SORTS;

fn slot(column: PeopleSort) -> usize {
    COLUMNS.iter().position(|&c| c == column).unwrap_or(0)
}

/// Each column's rows in ascending order, once sorted. The rows' keys live in the rows
/// themselves (see [`Row`]).
#[derive(Default)]
pub(super) struct Orders {
    ascending: [Option<Vec<u32>>; SORTABLE],
}

impl Orders {
    /// Row `i` taken off the list: the rows after it move up one place, their order stays.
    pub fn remove(&mut self, i: usize) {
        let i = i as u32;
        for order in self.ascending.iter_mut().flatten() {
            order.retain(|&r| r != i);
            for r in order.iter_mut().filter(|r| **r > i) {
                *r -= 1;
            }
        }
    }

    /// Rows just added or changed: each kept order takes them out of their old places and
    /// merges them in, sorted, in one pass.
    pub fn place(&mut self, all: &[Row], mut rows: Vec<u32>) {
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
            new.sort_unstable_by(|&a, &b| cmp(all, column, a, b));
            self.ascending[slot(column)] = Some(merge(order, new, |a, b| cmp(all, column, a, b)));
        }
    }

    /// The rows in `column`'s order, sorted now if not yet known.
    pub fn order(&mut self, all: &[Row], column: PeopleSort, desc: bool) -> Vec<u32> {
        let ascending = self.ascending(all, column);
        if desc {
            ascending.iter().rev().copied().collect()
        } else {
            ascending.to_vec()
        }
    }

    /// The kept orders hold no spare room once the list is loaded.
    pub fn shrink(&mut self) {
        for order in self.ascending.iter_mut().flatten() {
            order.shrink_to_fit();
        }
    }

    fn ascending(&mut self, all: &[Row], column: PeopleSort) -> &[u32] {
        if self.ascending[slot(column)].is_none() {
            let sorted = self.sort(all, column);
            self.ascending[slot(column)] = Some(sorted);
        }
        self.ascending[slot(column)].as_deref().unwrap_or_default()
    }

    fn sort(&mut self, all: &[Row], column: PeopleSort) -> Vec<u32> {
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
                    .map(|r| (prefix(&key(&all[r as usize], column)), r))
                    .collect();
                keyed.sort_unstable_by(|x, y| {
                    if x.0 == y.0 && x.0 & 0xff > 15 {
                        cmp(all, column, x.1, y.1)
                    } else {
                        x.cmp(y)
                    }
                });
                keyed.into_iter().map(|(_, r)| r).collect()
            }
        }
    }
}

/// What a text column compares, in pieces: their bytes one after the other are the key (the
/// name order's is the server's `sort_key`: last name, U+0001, first name).
#[inline]
fn key(p: &Row, column: PeopleSort) -> [&[u8]; 3] {
    let text = match column {
        PeopleSort::Name => {
            let (last, first) = p.name_key();
            return match first {
                Some(first) => [last.as_bytes(), b"\x01", first.as_bytes()],
                None => [last.as_bytes(), b"", b""],
            };
        }
        PeopleSort::UserId => p.user_id_key(),
        PeopleSort::Email => p.email(),
        PeopleSort::Phone => p.phone(),
        PeopleSort::Level | PeopleSort::Status => "",
    };
    [text.as_bytes(), b"", b""]
}

/// Two keys in pieces, compared as their whole bytes.
fn cmp_keys(a: [&[u8]; 3], b: [&[u8]; 3]) -> Ordering {
    if a[1].is_empty() && b[1].is_empty() {
        return a[0].cmp(b[0]);
    }
    // Piece by piece, as many bytes at a time as both have left in their current pieces.
    let mut a = a.into_iter().filter(|p| !p.is_empty());
    let mut b = b.into_iter().filter(|p| !p.is_empty());
    let (mut x, mut y) = (a.next(), b.next());
    loop {
        let (Some(p), Some(q)) = (x, y) else {
            return x.is_some().cmp(&y.is_some());
        };
        let n = p.len().min(q.len());
        match p[..n].cmp(&q[..n]) {
            Ordering::Equal => {}
            unequal => return unequal,
        }
        x = Some(&p[n..]).filter(|r| !r.is_empty()).or_else(|| a.next());
        y = Some(&q[n..]).filter(|r| !r.is_empty()).or_else(|| b.next());
    }
}

/// The list's order of two rows by `column`: never equal for two rows.
fn cmp(all: &[Row], column: PeopleSort, a: u32, b: u32) -> Ordering {
    let (pa, pb) = (&all[a as usize], &all[b as usize]);
    let by_name = || cmp_keys(key(pa, PeopleSort::Name), key(pb, PeopleSort::Name));
    match column {
        PeopleSort::Level => pa.level.code().cmp(&pb.level.code()).then_with(by_name),
        PeopleSort::Status => pa
            .status
            .as_str()
            .cmp(pb.status.as_str())
            .then_with(by_name),
        _ => cmp_keys(key(pa, column), key(pb, column)),
    }
    .then(a.cmp(&b))
}

/// A key's first 15 bytes and its length (16 for any longer) as one number, ordered as the
/// keys are: only two keys of more than 15 bytes that begin alike need their strings compared;
/// two equal numbers of shorter keys are equal keys.
fn prefix(key: &[&[u8]; 3]) -> u128 {
    let mut bytes = [0; 16];
    let mut n = 0;
    for piece in key {
        let take = piece.len().min(15 - n);
        bytes[n..n + take].copy_from_slice(&piece[..take]);
        n += take;
    }
    let len: usize = key.iter().map(|piece| piece.len()).sum();
    bytes[15] = len.min(16) as u8;
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
                let (x, y) = (
                    prefix(&[a.as_bytes(), b"", b""]),
                    prefix(&[b.as_bytes(), b"", b""]),
                );
                if x != y {
                    assert_eq!(x.cmp(&y), a.cmp(b), "{a:?} {b:?}");
                } else {
                    assert!(a == b || x & 0xff > 15, "{a:?} {b:?}");
                }
            }
        }
    }
}
