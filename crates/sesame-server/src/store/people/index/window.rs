//! A search's walk through one order a window of ranks at a time.

use std::borrow::Cow;
use std::ops::Range;

use roaring::RoaringBitmap;

/// What the ranks of a search must hold, as [`super::OrgIndex::filter`] gathers it: every
/// bitmap of `all` (the needle's trigrams, the filters, the reader's sight), the smallest first.
pub(super) struct Filter<'a> {
    pub all: Vec<Cow<'a, RoaringBitmap>>,
}

impl Filter<'_> {
    /// The bitmaps a rank of a group with `members` (every rank when `None`) must be in, the
    /// smallest first: each step of an intersection then works on less, and a window with none
    /// of the smallest is left after one step.
    pub fn among<'b>(&'b self, members: Option<&'b RoaringBitmap>) -> Vec<&'b RoaringBitmap> {
        let mut chain: Vec<&RoaringBitmap> = self.all.iter().map(|b| b.as_ref()).collect();
        if let Some(members) = members {
            let at = chain.partition_point(|b| b.len() <= members.len());
            chain.insert(at, members);
        }
        chain
    }
}

/// The ranks of `window` in every bitmap of `chain`. Only the window's containers are
/// intersected, never the whole organization's bitmaps: a page's cost follows the page, at
/// 10,000 people as at 1,000,000.
pub(super) fn within(window: Range<u32>, chain: &[&RoaringBitmap]) -> RoaringBitmap {
    let mut inside = RoaringBitmap::new();
    inside.insert_range(window);
    for bitmap in chain {
        inside &= *bitmap;
        if inside.is_empty() {
            break;
        }
    }
    inside
}

/// The windows of ranks a page walks, one bitmap container (65,536 ranks) each, from the rank
/// after `from` (before it when descending) to the end of the `len` ranks, in the walk's order.
pub(super) fn windows(len: u32, from: Option<u32>, desc: bool) -> impl Iterator<Item = Range<u32>> {
    const SPAN: u64 = 1 << 16;
    let (len, from) = (u64::from(len), from.map(u64::from));
    let mut next = if desc {
        from.unwrap_or(len).min(len)
    } else {
        from.map_or(0, |r| r + 1)
    };
    std::iter::from_fn(move || {
        let (start, end) = if desc {
            if next == 0 {
                return None;
            }
            let start = (next - 1) / SPAN * SPAN;
            (start, std::mem::replace(&mut next, start))
        } else {
            if next >= len {
                return None;
            }
            let end = ((next / SPAN + 1) * SPAN).min(len);
            (std::mem::replace(&mut next, end), end)
        };
        Some(start as u32..end as u32)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(len: u32, from: Option<u32>, desc: bool) -> Vec<Range<u32>> {
        windows(len, from, desc).collect()
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one window is what some walks are
    fn windows_cover_the_ranks_after_the_cursor_one_container_at_a_time() {
        assert_eq!(
            walk(150_000, None, false),
            [0..65_536, 65_536..131_072, 131_072..150_000]
        );
        assert_eq!(
            walk(150_000, Some(65_535), false),
            [65_536..131_072, 131_072..150_000]
        );
        assert_eq!(
            walk(150_000, Some(70_000), false),
            [70_001..131_072, 131_072..150_000]
        );
        assert_eq!(walk(150_000, Some(149_999), false), []);
        assert_eq!(
            walk(150_000, None, true),
            [131_072..150_000, 65_536..131_072, 0..65_536]
        );
        assert_eq!(walk(150_000, Some(65_536), true), [0..65_536]);
        assert_eq!(walk(150_000, Some(0), true), []);
        assert_eq!(walk(0, None, false), []);
        assert_eq!(walk(0, None, true), []);
        assert_eq!(walk(10, None, true), [0..10]);
    }

    #[test]
    fn a_window_holds_what_every_bitmap_and_the_members_hold() {
        let a: RoaringBitmap = (0..200_000).step_by(3).collect();
        let b: RoaringBitmap = (0..200_000).step_by(2).collect();
        let members: RoaringBitmap = (0..200_000).step_by(5).collect();
        let filter = Filter {
            all: vec![Cow::Borrowed(&a), Cow::Owned(b)],
        };
        for window in [
            0..65_536,
            65_536..131_072,
            70_001..131_072,
            131_072..200_000,
        ] {
            let found: Vec<u32> = within(window.clone(), &filter.among(None)).iter().collect();
            let expected: Vec<u32> = window.clone().filter(|r| r % 6 == 0).collect();
            assert_eq!(found, expected);
            let chain = filter.among(Some(&members));
            assert_eq!(chain.len(), 3);
            assert!(chain.windows(2).all(|w| w[0].len() <= w[1].len()));
            let found: Vec<u32> = within(window.clone(), &chain).iter().collect();
            let expected: Vec<u32> = window.filter(|r| r % 30 == 0).collect();
            assert_eq!(found, expected);
        }
    }
}
