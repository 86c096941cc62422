//! The index's own tests: pages, windows and filters against expected lists.

use super::*;

/// Ten people: names in order, user IDs in the reverse order; the text is the name.
fn index() -> OrgIndex {
    let names = [
        "anna", "bruno", "gagnon a", "gagnon b", "gagne", "hugo", "ines", "gagnon c", "zoe", "zola",
    ];
    let mut index = OrgIndex::new(7);
    for (i, name) in names.iter().enumerate() {
        let entry = Entry {
            id: 100 + i as i64,
            level: 1 + (i as i64 % 3),
            level_rank: 1 + (i as i64 % 3),
            status: if i % 4 == 0 { "suspended" } else { "active" },
            search_text: name,
        };
        index.push(&entry);
    }
    let reversed: Vec<i64> = (0..names.len() as i64).rev().map(|i| 100 + i).collect();
    index.derive(Space::UserId, &reversed);
    index.finish();
    index
}

fn ask(needle: &str, sort: PeopleSort, desc: bool) -> Ask<'_> {
    Ask {
        needle,
        sort,
        desc,
        level: None,
        status: None,
        visible: None,
    }
}

fn ids(found: &[(i64, Position)]) -> Vec<i64> {
    found.iter().map(|(id, _)| *id).collect()
}

#[test]
fn pages_follow_each_order_from_a_position() {
    let index = index();
    let none = HashSet::new();
    let (first, done) = index.candidates(&ask("gagn", PeopleSort::Name, false), None, 2, &none);
    assert_eq!((ids(&first), done), (vec![102, 103], false));
    let after = &first[1].1;
    let (next, done) =
        index.candidates(&ask("gagn", PeopleSort::Name, false), Some(after), 5, &none);
    assert_eq!((ids(&next), done), (vec![104, 107], true));
    let (back, _) = index.candidates(&ask("gagn", PeopleSort::UserId, false), None, 9, &none);
    assert_eq!(ids(&back), [107, 104, 103, 102]);
    let (desc, _) = index.candidates(&ask("gagn", PeopleSort::Name, true), None, 9, &none);
    assert_eq!(ids(&desc), [107, 104, 103, 102]);
    let skip: HashSet<i64> = [103].into();
    let (skipped, _) = index.candidates(&ask("gagn", PeopleSort::Name, false), None, 9, &skip);
    assert_eq!(ids(&skipped), [102, 104, 107]);
    assert!(
        index
            .candidates(&ask("zzz", PeopleSort::Name, false), None, 9, &none)
            .0
            .is_empty()
    );
}

#[test]
fn a_derived_space_keeps_its_own_order_and_leaves_out_whom_it_did_not_read() {
    let mut index = index();
    // Email order: 109 first, then 102, 104, 107 (103 was written between the reads and
    // is not in it), then the rest; 999 is nobody the name space knows.
    index.derive(
        Space::Email,
        &[109, 102, 104, 999, 107, 100, 101, 105, 106, 108],
    );
    let none = HashSet::new();
    let (found, done) = index.candidates(&ask("gagn", PeopleSort::Email, false), None, 9, &none);
    assert_eq!((ids(&found), done), (vec![102, 104, 107], true));
    let (found, _) = index.candidates(&ask("zo", PeopleSort::Email, false), None, 9, &none);
    assert!(found.is_empty(), "two letters are no trigram");
    let (found, _) = index.candidates(&ask("zol", PeopleSort::Email, true), None, 9, &none);
    assert_eq!(ids(&found), [109]);
    let mut levels = ask("gagn", PeopleSort::Email, false);
    levels.level = Some(2);
    let (found, _) = index.candidates(&levels, None, 9, &none);
    assert_eq!(ids(&found), [104, 107]);
}

#[test]
fn level_and_status_orders_go_group_by_group() {
    let index = index();
    let none = HashSet::new();
    // Levels: 102 → 3, 103 → 1, 104 → 2, 107 → 2.
    let ask_level = ask("gagn", PeopleSort::Level, false);
    let (all, _) = index.candidates(&ask_level, None, 9, &none);
    assert_eq!(ids(&all), [103, 104, 107, 102]);
    let (rest, _) = index.candidates(&ask_level, Some(&all[1].1), 9, &none);
    assert_eq!(ids(&rest), [107, 102]);
    let position = index.position(PeopleSort::Level, 104).unwrap();
    assert_eq!(position, all[1].1);
    let (desc, _) = index.candidates(&ask("gagn", PeopleSort::Level, true), None, 9, &none);
    assert_eq!(ids(&desc), [102, 107, 104, 103]);
    // Statuses: 104 is suspended.
    let (status, _) = index.candidates(&ask("gagn", PeopleSort::Status, false), None, 9, &none);
    assert_eq!(ids(&status), [102, 103, 107, 104]);
}

#[test]
fn filters_and_a_level_two_readers_sight_narrow_the_matches() {
    let index = index();
    let none = HashSet::new();
    let mut filtered = ask("gagn", PeopleSort::Name, false);
    filtered.level = Some(2);
    assert_eq!(
        ids(&index.candidates(&filtered, None, 9, &none).0),
        [104, 107]
    );
    filtered.level = None;
    filtered.status = Some("suspended");
    assert_eq!(ids(&index.candidates(&filtered, None, 9, &none).0), [104]);
    // Sees level rank 2 whole, and 102 (rank 3) under charge; 103 (rank 1) is no charge of
    // theirs whatever the link says.
    let charge = [102, 103];
    let mut sight = ask("gagn", PeopleSort::Name, false);
    sight.visible = Some((2, 3, &charge));
    assert_eq!(
        ids(&index.candidates(&sight, None, 9, &none).0),
        [102, 104, 107]
    );
    // With nobody under charge, the level seen whole alone (borrowed, not copied).
    sight.visible = Some((2, 3, &[]));
    assert_eq!(ids(&index.candidates(&sight, None, 9, &none).0), [104, 107]);
    // A level nobody holds, and nobody under charge: no one.
    sight.visible = Some((9, 3, &[]));
    assert!(index.candidates(&sight, None, 9, &none).0.is_empty());
    assert!(index.memory() > 0);
    assert_eq!(index.len(), 10);
}

#[test]
fn pages_cross_the_windows_of_a_large_organization_in_both_directions() {
    let mut index = OrgIndex::new(1);
    let texts: Vec<String> = (0..150_000)
        .map(|i| {
            if i % 7 == 3 {
                format!("gagn{i}")
            } else {
                format!("p{i}")
            }
        })
        .collect();
    for (i, text) in texts.iter().enumerate() {
        index.push(&Entry {
            id: i as i64,
            level: 1,
            level_rank: 1,
            status: "active",
            search_text: text,
        });
    }
    index.finish();
    let everyone: Vec<i64> = (0..150_000).filter(|i| i % 7 == 3).collect();
    let none = HashSet::new();
    for desc in [false, true] {
        let (mut pulled, mut after) = (vec![], None);
        loop {
            let q = ask("gagn", PeopleSort::Name, desc);
            let (page, done) = index.candidates(&q, after.as_ref(), 4_000, &none);
            pulled.extend(ids(&page));
            after = page.last().map(|(_, p)| p.clone());
            if done {
                break;
            }
        }
        let mut expected = everyone.clone();
        if desc {
            expected.reverse();
        }
        assert_eq!(pulled, expected);
    }
}
