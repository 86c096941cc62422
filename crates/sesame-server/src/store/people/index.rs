//! The search index of one organization's people, held in memory beside the database, so that a
//! search costs what a page costs whatever the term, wherever its matches lie in the order and
//! however many there are.
//!
//! Each sort order numbers the people by their rank in it (as the database ordered them when the
//! index was built), and keeps, for every trigram of the search text, the ranks of the people
//! whose text holds it as a compressed bitmap. A page is then the first set bits after the
//! cursor's rank of an intersection of a few bitmaps, made one window of 65,536 ranks at a time
//! from the cursor on: the cost follows the page, not the organization. The level and status
//! orders walk the name order a group at a time.
//!
//! The index is a candidate list, never the truth: the database checks each candidate against
//! the search's own condition, and rows written since the index was built (their `change_seq`
//! is past [`OrgIndex::seq`]) are searched in the database and merged (see `indexed`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

use roaring::RoaringBitmap;
use sesame_core::api::PeopleSort;

mod window;
use window::{Filter, windows, within};

/// An order with ranks of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    Name,
    UserId,
    Email,
    Phone,
}

impl Space {
    pub const ALL: [Space; 4] = [Space::Name, Space::UserId, Space::Email, Space::Phone];

    /// The columns the database orders this space by, `id` last.
    pub fn order(self) -> &'static str {
        match self {
            Space::Name => "sort_name, id",
            Space::UserId => "user_id_key, id",
            Space::Email => "email, id",
            Space::Phone => "phone, id",
        }
    }

    /// The space a sort walks, and the groups it walks it by.
    pub fn of(sort: PeopleSort) -> (Space, Groups) {
        match sort {
            PeopleSort::Name => (Space::Name, Groups::None),
            PeopleSort::UserId => (Space::UserId, Groups::None),
            PeopleSort::Email => (Space::Email, Groups::None),
            PeopleSort::Phone => (Space::Phone, Groups::None),
            PeopleSort::Level => (Space::Name, Groups::Level),
            PeopleSort::Status => (Space::Name, Groups::Status),
        }
    }
}

/// How a sort cuts its space: by level code or by status first, each group in name order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Groups {
    None,
    Level,
    Status,
}

/// Where in a sort a person stands: their group's key, and their rank in the space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    group: Option<GroupKey>,
    rank: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum GroupKey {
    Level(i64),
    Status(String),
}

/// One person as the index reads them, in the order of the space being built.
pub struct Entry<'a> {
    pub id: i64,
    pub level: i64,
    pub level_rank: i64,
    pub status: &'a str,
    pub search_text: &'a str,
}

/// One order's ranks and bitmaps.
#[derive(Default)]
struct Ranked {
    /// rank → slot.
    slots: Vec<u32>,
    /// slot → rank.
    ranks: Vec<u32>,
    /// Trigram number → ranks of the people whose text holds it.
    postings: Vec<RoaringBitmap>,
    levels: BTreeMap<i64, RoaringBitmap>,
    level_ranks: BTreeMap<i64, RoaringBitmap>,
    statuses: BTreeMap<String, RoaringBitmap>,
}

/// What a search asks of the index.
pub struct Ask<'a> {
    /// The folded text looked for, three characters or more; empty for a level-2 reader's
    /// plain list (their sight alone narrows it).
    pub needle: &'a str,
    pub sort: PeopleSort,
    pub desc: bool,
    pub level: Option<i64>,
    pub status: Option<&'a str>,
    /// For a level-2 reader: the level rank they see whole, and the people under their charge
    /// (of the level rank below) they see besides.
    pub visible: Option<(i64, i64, &'a [i64])>,
}

/// The people of one organization, indexed.
#[derive(Default)]
pub struct OrgIndex {
    /// Rows written after this change number are not in the index.
    pub seq: i64,
    /// This build among all the server's builds: a cursor says which one placed its row.
    pub generation: u64,
    /// slot → id; a person's slot is their rank by name.
    ids: Vec<i64>,
    slot_of: HashMap<i64, u32>,
    trigrams: HashMap<u64, u32>,
    spaces: Vec<Ranked>,
}

/// The trigrams of `text`, each three characters packed in a number.
fn trigrams(text: &str) -> impl Iterator<Item = u64> + '_ {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(2))
        .map(move |i| (chars[i] as u64) << 42 | (chars[i + 1] as u64) << 21 | chars[i + 2] as u64)
}

impl OrgIndex {
    /// An empty index of the rows up to change number `seq`: [`OrgIndex::push`] everyone in
    /// name order, then [`OrgIndex::derive`] the other spaces, then [`OrgIndex::finish`].
    pub fn new(seq: i64) -> OrgIndex {
        static BUILDS: AtomicU64 = AtomicU64::new(1);
        OrgIndex {
            seq,
            generation: BUILDS.fetch_add(1, Ordering::Relaxed),
            spaces: Space::ALL.iter().map(|_| Ranked::default()).collect(),
            ..OrgIndex::default()
        }
    }

    /// The next person in name order: the name space gives the slots, and its bitmaps are the
    /// only ones made from the texts (see [`OrgIndex::derive`]).
    pub fn push(&mut self, entry: &Entry) {
        let slot = self.ids.len() as u32;
        self.ids.push(entry.id);
        self.slot_of.insert(entry.id, slot);
        let ranked = &mut self.spaces[Space::Name as usize];
        let rank = ranked.slots.len() as u32;
        ranked.slots.push(slot);
        ranked.ranks.push(rank);
        for trigram in trigrams(entry.search_text) {
            let next = self.trigrams.len() as u32;
            let number = *self.trigrams.entry(trigram).or_insert(next) as usize;
            if ranked.postings.len() <= number {
                ranked.postings.resize_with(number + 1, RoaringBitmap::new);
            }
            // Inserted, not pushed: roaring's push looks for the bitmap's largest value first,
            // through a dense container's every word (a third of a build at a million).
            ranked.postings[number].insert(rank);
        }
        ranked.levels.entry(entry.level).or_default().insert(rank);
        ranked
            .level_ranks
            .entry(entry.level_rank)
            .or_default()
            .insert(rank);
        ranked
            .statuses
            .entry(entry.status.to_owned())
            .or_default()
            .insert(rank);
    }

    /// Another space from the name space, given its people's ids in its order: each bitmap of
    /// the name space renumbered, rather than every text cut into trigrams again (which took
    /// a quarter of a minute a space at a million people). Ids the name space does not hold
    /// (written between the two reads) are left to the database.
    pub fn derive(&mut self, space: Space, ids: &[i64]) {
        let mut ranked = Ranked {
            ranks: vec![u32::MAX; self.ids.len()],
            ..Ranked::default()
        };
        for id in ids {
            if let Some(slot) = self.slot_of.get(id) {
                ranked.ranks[*slot as usize] = ranked.slots.len() as u32;
                ranked.slots.push(*slot);
            }
        }
        let name = &self.spaces[Space::Name as usize];
        let remap = |bitmap: &RoaringBitmap| {
            let mut ranks: Vec<u32> = bitmap
                .iter()
                .map(|r| ranked.ranks[name.slots[r as usize] as usize])
                .filter(|r| *r != u32::MAX)
                .collect();
            ranks.sort_unstable();
            RoaringBitmap::from_sorted_iter(ranks).unwrap_or_default()
        };
        let postings = name.postings.iter().map(remap).collect();
        let levels = name.levels.iter().map(|(k, b)| (*k, remap(b))).collect();
        let level_ranks = name
            .level_ranks
            .iter()
            .map(|(k, b)| (*k, remap(b)))
            .collect();
        let statuses = name
            .statuses
            .iter()
            .map(|(k, b)| (k.clone(), remap(b)))
            .collect();
        ranked.postings = postings;
        ranked.levels = levels;
        ranked.level_ranks = level_ranks;
        ranked.statuses = statuses;
        self.spaces[space as usize] = ranked;
    }

    /// Compresses the bitmaps once every space is filled (runs of neighbours, frequent in an
    /// order by name).
    pub fn finish(&mut self) {
        for ranked in &mut self.spaces {
            let bitmaps = ranked.postings.iter_mut().chain(
                ranked
                    .levels
                    .values_mut()
                    .chain(ranked.level_ranks.values_mut())
                    .chain(ranked.statuses.values_mut()),
            );
            for bitmap in bitmaps {
                bitmap.optimize();
            }
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The bytes the index holds, near enough (its bitmaps as serialized, its arrays, its maps).
    pub fn memory(&self) -> usize {
        let map = |n: usize| n * 24; // key, value and control bytes of a hash map entry
        let bitmaps: usize = self
            .spaces
            .iter()
            .map(|r| {
                let all = r.postings.iter().chain(
                    r.levels
                        .values()
                        .chain(r.level_ranks.values())
                        .chain(r.statuses.values()),
                );
                all.map(|b| b.serialized_size() + 32).sum::<usize>() + 8 * r.slots.len()
            })
            .sum();
        bitmaps + 8 * self.ids.len() + map(self.slot_of.len()) + map(self.trigrams.len())
    }

    /// Where the person `id` stands in `sort`, if the index has them.
    pub fn position(&self, sort: PeopleSort, id: i64) -> Option<Position> {
        let (space, groups) = Space::of(sort);
        let slot = *self.slot_of.get(&id)?;
        let ranked = &self.spaces[space as usize];
        let rank = *ranked
            .ranks
            .get(slot as usize)
            .filter(|r| **r != u32::MAX)?;
        let group = match groups {
            Groups::None => None,
            Groups::Level => ranked
                .levels
                .iter()
                .find(|(_, b)| b.contains(rank))
                .map(|(k, _)| GroupKey::Level(*k)),
            Groups::Status => ranked
                .statuses
                .iter()
                .find(|(_, b)| b.contains(rank))
                .map(|(k, _)| GroupKey::Status(k.clone())),
        };
        if groups != Groups::None && group.is_none() {
            return None;
        }
        Some(Position { group, rank })
    }

    /// The people matching `ask` after `after` (from the start when `None`), in the sort's
    /// order, at most `want` of them, skipping the ids of `skip`; with their positions, and
    /// whether the index has no more.
    pub fn candidates(
        &self,
        ask: &Ask,
        after: Option<&Position>,
        want: usize,
        skip: &HashSet<i64>,
    ) -> (Vec<(i64, Position)>, bool) {
        let (space, groups) = Space::of(ask.sort);
        let ranked = &self.spaces[space as usize];
        let Some(filter) = self.filter(ranked, ask) else {
            return (vec![], true);
        };
        let mut found = vec![];
        for (group, members) in self.groups(ranked, groups, ask.desc) {
            if let Some(after) = after
                && group.is_some()
                && (if ask.desc {
                    group > after.group
                } else {
                    group < after.group
                })
            {
                continue;
            }
            let from = after.filter(|a| a.group == group).map(|a| a.rank);
            let chain = filter.among(members);
            for window in windows(ranked.slots.len() as u32, from, ask.desc) {
                let inside = within(window, &chain);
                let ranks: Box<dyn Iterator<Item = u32>> = if ask.desc {
                    Box::new(inside.iter().rev())
                } else {
                    Box::new(inside.iter())
                };
                for rank in ranks {
                    let id = self.ids[ranked.slots[rank as usize] as usize];
                    if skip.contains(&id) {
                        continue;
                    }
                    found.push((
                        id,
                        Position {
                            group: group.clone(),
                            rank,
                        },
                    ));
                    if found.len() == want {
                        return (found, false);
                    }
                }
            }
        }
        (found, true)
    }

    /// What the ranks of a page must hold: every trigram of the needle, the filters, and the
    /// reader's sight; `None` when nobody can match.
    fn filter<'a>(&self, ranked: &'a Ranked, ask: &Ask) -> Option<Filter<'a>> {
        let mut all: Vec<Cow<RoaringBitmap>> = vec![];
        let mut seen = HashSet::new();
        for trigram in trigrams(ask.needle) {
            if seen.insert(trigram) {
                let number = *self.trigrams.get(&trigram)? as usize;
                all.push(Cow::Borrowed(ranked.postings.get(number)?));
            }
        }
        if all.is_empty() && ask.visible.is_none() {
            return None;
        }
        if let Some(level) = ask.level {
            all.push(Cow::Borrowed(ranked.levels.get(&level)?));
        }
        if let Some(status) = ask.status {
            all.push(Cow::Borrowed(ranked.statuses.get(status)?));
        }
        if let Some((level_rank, below, charge)) = ask.visible {
            // The level seen whole, and the charge of the level below: a copy only when the
            // reader has people under charge.
            let below = ranked.level_ranks.get(&below);
            let charge: RoaringBitmap = charge
                .iter()
                .filter_map(|id| ranked.ranks.get(*self.slot_of.get(id)? as usize))
                .filter(|rank| below.is_some_and(|b| b.contains(**rank)))
                .copied()
                .collect();
            all.push(match ranked.level_ranks.get(&level_rank) {
                Some(whole) if charge.is_empty() => Cow::Borrowed(whole),
                Some(whole) => Cow::Owned(whole | &charge),
                None => Cow::Owned(charge),
            });
        }
        // The smallest first: each step then works on less.
        all.sort_by_key(|b| b.len());
        Some(Filter { all })
    }

    /// The groups of a sort in its order, each with its members (all of the space when the sort
    /// has no groups).
    fn groups<'a>(
        &self,
        ranked: &'a Ranked,
        groups: Groups,
        desc: bool,
    ) -> Vec<(Option<GroupKey>, Option<&'a RoaringBitmap>)> {
        let mut all: Vec<(Option<GroupKey>, Option<&RoaringBitmap>)> = match groups {
            Groups::None => vec![(None, None)],
            Groups::Level => ranked
                .levels
                .iter()
                .map(|(k, b)| (Some(GroupKey::Level(*k)), Some(b)))
                .collect(),
            Groups::Status => ranked
                .statuses
                .iter()
                .map(|(k, b)| (Some(GroupKey::Status(k.clone())), Some(b)))
                .collect(),
        };
        if desc {
            all.reverse();
        }
        all
    }
}

#[cfg(test)]
mod tests;
