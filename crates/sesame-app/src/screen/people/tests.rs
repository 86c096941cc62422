use super::*;
use sesame_core::domain::{Language, Level};

fn person(id: i64, last: &str, first: &str, email: &str, status: Status) -> PersonSummary {
    PersonSummary {
        id,
        user_id: format!("u{id}"),
        last_name: last.into(),
        first_name: first.into(),
        email: email.into(),
        phone: None,
        level: Level::Three,
        roles: vec![],
        status,
        two_factor: false,
        is_contact: false,
        language: Language::En,
        version: 1,
        actions: vec![],
    }
}

/// Every row of the list, whole again, in the list's own order.
fn summaries(list: &People) -> Vec<PersonSummary> {
    list.all
        .iter()
        .map(|r| r.summary(&list.role_sets))
        .collect()
}

fn order(p: &People) -> Vec<i64> {
    p.shown().map(|x| x.id).collect()
}

#[test]
fn a_refreshed_row_keeps_the_sort_shown_in_the_header() {
    let mut list = People::with_rows(vec![
        person(1, "Adams", "Ann", "ann@x.example", Status::Active),
        person(2, "", "", "lea@x.example", Status::Invited),
        person(3, "Zorn", "Zoe", "zoe@x.example", Status::Active),
    ]);
    // Loaded in the server's name order (Name ▲, the default).
    assert_eq!(order(&list), [1, 2, 3]);
    // An invitation sent or confirmed refreshes the row: it stays where the server put it
    // (by email, having no name) instead of jumping to the top.
    list.upsert(person(2, "", "", "lea@x.example", Status::Active));
    assert_eq!(order(&list), [1, 2, 3]);
    list.update_sort(PeopleSort::Name);
    assert_eq!(order(&list), [3, 2, 1], "Name again: descending");
    list.upsert(person(
        1,
        "Adams",
        "Ann",
        "ann@x.example",
        Status::Suspended,
    ));
    assert_eq!(order(&list), [3, 2, 1], "still descending after a refresh");
}

/// The list's order as it was first written: string keys built for each row, one sort.
fn straightforward(all: &[PersonSummary], sort: PeopleSort, desc: bool) -> Vec<u32> {
    let name_key =
        |p: &PersonSummary| sesame_core::domain::sort_key(&p.last_name, &p.first_name, &p.email);
    let key = |p: &PersonSummary| match sort {
        PeopleSort::Name => (name_key(p), String::new()),
        PeopleSort::UserId => (p.user_id.to_lowercase(), String::new()),
        PeopleSort::Email => (p.email.clone(), String::new()),
        PeopleSort::Phone => (p.phone.clone().unwrap_or_default(), String::new()),
        PeopleSort::Level => (format!("{:03}", p.level.code()), name_key(p)),
        PeopleSort::Status => (p.status.as_str().to_owned(), name_key(p)),
    };
    let mut keyed: Vec<((String, String), u32)> = all
        .iter()
        .enumerate()
        .map(|(i, p)| (key(p), i as u32))
        .collect();
    keyed.sort_unstable();
    if desc {
        keyed.reverse();
    }
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A varied sample: accents and other scripts, the same names twice, user IDs in capitals,
/// people without a phone, invited people known only by their email, every level and status.
fn sample(n: usize, seed: u64) -> Vec<PersonSummary> {
    const LAST: [&str; 10] = [
        "Côté",
        "Cote",
        "côte",
        "Łukasiewicz",
        "Øvergård",
        "Ngô",
        "Şahin",
        "",
        "Zorn",
        "Ābele",
    ];
    const FIRST: [&str; 7] = ["Élodie", "Elodie", "Ægir", "", "zoë", "Đức", "Ann"];
    let mut state = seed;
    let mut next = move |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % m
    };
    (0..n)
        .map(|i| {
            let invited = next(6) == 0;
            let mut p = person(
                i as i64 + 1,
                if invited { "" } else { LAST[next(LAST.len())] },
                if invited {
                    ""
                } else {
                    FIRST[next(FIRST.len())]
                },
                &format!(
                    "{}{}@x.example",
                    ["zoe", "Ann", "élo", "bo"][next(4)],
                    next(40)
                ),
                [Status::Active, Status::Invited, Status::Suspended][next(3)],
            );
            p.user_id = [
                format!("u{}", next(50)),
                format!("U{}", next(50)),
                String::new(),
            ][next(3)]
            .clone();
            p.phone = [
                None,
                Some(String::new()),
                Some(format!("514 555-{:04}", next(30))),
            ][next(3)]
            .clone();
            p.level = Level::ALL[next(Level::ALL.len())];
            p
        })
        .collect()
}

/// Every column in both directions gives the straightforward sort's order.
fn check_every_order(list: &mut People, when: &str) {
    for column in sorting::COLUMNS {
        for desc in [false, true] {
            list.sort = column;
            list.desc = desc;
            list.resort();
            assert_eq!(
                list.order,
                straightforward(&summaries(list), column, desc),
                "{when}: {column:?}, descending {desc}"
            );
        }
    }
}

#[test]
fn the_kept_orders_are_the_straightforward_sort_for_every_column_and_direction() {
    // Pages out of order, with a different sort shown while they arrive, so each page merges
    // into orders already kept.
    for (seed, shown) in [
        (1, PeopleSort::Name),
        (2, PeopleSort::Status),
        (3, PeopleSort::UserId),
    ] {
        let rows = sample(400, seed);
        let mut list = People {
            sort: shown,
            desc: seed == 2,
            ..People::default()
        };
        for page in rows.chunks(57) {
            list.append(page.to_vec());
            assert_eq!(
                list.order,
                straightforward(&summaries(&list), shown, list.desc),
                "page"
            );
        }
        check_every_order(&mut list, "loaded");

        // Saved people: new names, levels and statuses, and new people, in one batch.
        let mut saved = sample(30, seed + 10);
        for (k, p) in saved.iter_mut().enumerate() {
            p.id = if k % 3 == 0 {
                1000 + k as i64
            } else {
                (k * 13) as i64 + 1
            };
        }
        list.upsert_many(saved);
        check_every_order(&mut list, "after saving");
        list.upsert(sample(1, seed + 20).remove(0));
        check_every_order(&mut list, "after one save");
        for id in [1, 77, 400, 1003] {
            list.remove(id);
        }
        check_every_order(&mut list, "after removing");
    }
}
