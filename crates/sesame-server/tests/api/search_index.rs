//! Search through the server's in-memory index, on both databases: every kind of term (frequent,
//! gathered at the end of the order, rare, matching nobody, a word's start), every sort in both
//! directions, as level 1 and level 2, with filters, returns exactly the people of the
//! unsearched list that match, in its order, page after page; rows written after the index was
//! built are found by the next search; two servers on one PostgreSQL see each other's writes.

use std::time::{Duration, Instant};

use crate::support::{Backend, PASSWORD, TestServer, backends, new_person, unchanged};
use sesame_core::api::{PeopleQuery, PeopleSort, PersonSummary, PersonUpdate};
use sesame_core::domain::{Language, Level, Status};
use sesame_server::store::NewPersonRow;

const PEOPLE: usize = 240;
/// Gathered at the end of the name order, frequent, rare, nobody, half of everyone, across the
/// first and last names, a word's start, a word's start of one letter.
const TERMS: [&str; 8] = ["gagn", "mar", "u017", "zzqx", "north", "ie b", "ma", "n"];

/// The organization, its people spread over levels, statuses and orders; a level-2 user
/// (`chef`) with a third of the level-3 users under their charge. Returns the organization.
async fn fill(s: &TestServer) -> i64 {
    let org = s.org("INDEX", false).await;
    s.person(org, "admin", Level::One, Some(PASSWORD)).await;
    let chef = s.person(org, "chef", Level::Two, Some(PASSWORD)).await;
    let mut tx = s.db.begin().await.unwrap();
    for i in 0..PEOPLE {
        let last = match i {
            i if i >= 200 => format!("Zgagnon {i:03}"),
            i if i % 4 == 0 => format!("Martin {i:03}"),
            _ => format!("Bouchard {i:03}"),
        };
        let user_id = format!("u{:03}", (i * 7) % PEOPLE);
        let level = match i % 10 {
            0 => Level::Two,
            1 => Level::TwoWithApproval,
            _ => Level::Three,
        };
        let id = tx
            .insert_person(&NewPersonRow {
                org_id: org,
                email: format!("{user_id}@{}.example", ["north", "south"][i % 2]),
                user_id,
                last_name: last,
                first_name: ["Marie", "Jean", "Lea", "Noah"][i % 4].into(),
                phone: if i % 5 == 0 {
                    String::new()
                } else {
                    format!("514 555-{:04}", (i * 37) % 1000)
                },
                level,
                language: Language::Fr,
                // `a_b` and `axb`: a role asked for is not a pattern.
                roles: match i % 6 {
                    0 => vec!["a_b".into()],
                    1 => vec!["axb".into(), "paie".into()],
                    _ => vec![],
                },
                is_contact: false,
                status: if i % 7 == 0 {
                    Status::Suspended
                } else {
                    Status::Active
                },
                password_hash: None,
                password_temporary: false,
            })
            .await
            .unwrap();
        if level == Level::Three && i % 3 == 0 {
            tx.link_under_charge(chef, id).await.unwrap();
        }
        if i % 8 == 3 {
            tx.set_totp_secret(id, Some("JBSWY3DPEHPK3PXP"), true)
                .await
                .unwrap();
        }
    }
    tx.commit().await.unwrap();
    org
}

/// Whether `p` matches `q` as the search means it: a substring of the name (either order), user
/// ID or email from three characters on, the start of a word below that.
fn matches(p: &PersonSummary, q: &str) -> bool {
    let fields = [
        format!("{} {}", p.first_name, p.last_name),
        format!("{} {}", p.last_name, p.first_name),
        p.user_id.clone(),
        p.email.clone(),
    ]
    .map(|f| f.to_lowercase());
    if q.chars().count() >= 3 {
        return fields.iter().any(|f| f.contains(q));
    }
    fields
        .iter()
        .flat_map(|f| f.split(|c: char| !c.is_alphanumeric()))
        .any(|word| word.starts_with(q))
}

/// Every page of `query` (seven people a page), in the order received.
async fn pages(c: &sesame_client::Client, mut query: PeopleQuery) -> Vec<PersonSummary> {
    let mut out = vec![];
    loop {
        let page = c.people(&query).await.unwrap();
        out.extend(page.items);
        match page.next_cursor {
            Some(next) => query.cursor = Some(next),
            None => return out,
        }
    }
}

fn ids(people: &[PersonSummary]) -> Vec<i64> {
    people.iter().map(|p| p.id).collect()
}

/// Waits until the server's index of `org` is built and knows every change.
async fn settled(s: &sesame_server::Running, c: &sesame_client::Client, org: i64) {
    let started = Instant::now();
    loop {
        let query = PeopleQuery {
            q: Some("zzzz".into()),
            ..Default::default()
        };
        c.people(&query).await.unwrap();
        if s.search.settled(&s.db, org).await.unwrap() {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the index is built"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Every term, sort and direction as `c` sees them, with and without a filter: the search's
/// pages are the unsearched pages filtered.
async fn every_kind_matches(c: &sesame_client::Client, terms: &[&str], what: &str) {
    for query in every_order() {
        let everyone = pages(c, query.clone()).await;
        for q in terms {
            let expected: Vec<i64> = ids(&everyone)
                .into_iter()
                .zip(&everyone)
                .filter(|(_, p)| matches(p, q))
                .map(|(id, _)| id)
                .collect();
            let found = pages(
                c,
                PeopleQuery {
                    q: Some(q.to_string()),
                    ..query.clone()
                },
            )
            .await;
            assert_eq!(ids(&found), expected, "{what}: {q:?} in {query:?}");
        }
    }
}

/// Every sort in both directions, without a filter and with a level and a status, seven
/// people a page.
fn every_order() -> Vec<PeopleQuery> {
    let mut all = vec![];
    for sort in PeopleSort::ALL {
        for desc in [false, true] {
            for (level, status) in [(None, None), (Some(Level::Three), Some(Status::Suspended))] {
                all.push(PeopleQuery {
                    sort: Some(sort),
                    desc: Some(desc),
                    level,
                    status,
                    limit: Some(7),
                    ..Default::default()
                });
            }
        }
    }
    all
}

/// The role and two-step filters, alone and with a search, in two orders: the unfiltered
/// pages with the people who hold the role (or not) kept; a role no code can be holds nobody.
async fn role_and_two_factor_filters(c: &sesame_client::Client, what: &str) {
    for role in ["a\u{0}b", "\u{7}"] {
        let query = PeopleQuery {
            role: Some(role.into()),
            ..Default::default()
        };
        let page = c.people(&query).await.unwrap();
        assert!(page.items.is_empty(), "{what}: {role:?} holds nobody");
    }
    type Kept = fn(&PersonSummary) -> bool;
    let filters: [(Option<&str>, Option<bool>, Kept); 4] = [
        (Some("a_b"), None, |p| p.roles.iter().any(|r| r == "a_b")),
        (Some("paie"), None, |p| p.roles.iter().any(|r| r == "paie")),
        (None, Some(true), |p| p.two_factor),
        (Some("axb"), Some(false), |p| {
            !p.two_factor && p.roles.iter().any(|r| r == "axb")
        }),
    ];
    for (sort, desc) in [(PeopleSort::Name, false), (PeopleSort::UserId, true)] {
        for q in [None, Some("gagn"), Some("mar")] {
            let query = PeopleQuery {
                q: q.map(str::to_owned),
                sort: Some(sort),
                desc: Some(desc),
                limit: Some(9),
                ..Default::default()
            };
            let everyone = pages(c, query.clone()).await;
            for (role, two_factor, kept) in filters {
                let expected: Vec<PersonSummary> =
                    everyone.iter().filter(|p| kept(p)).cloned().collect();
                assert!(
                    !expected.is_empty() || q.is_some(),
                    "{what}: {role:?} holds people"
                );
                let found = pages(
                    c,
                    PeopleQuery {
                        role: role.map(str::to_owned),
                        two_factor,
                        ..query.clone()
                    },
                )
                .await;
                assert_eq!(
                    ids(&found),
                    ids(&expected),
                    "{what}: {q:?} by {sort:?}, role {role:?}, two-step {two_factor:?}"
                );
            }
        }
    }
}

#[tokio::test]
async fn every_search_kind_returns_exactly_the_matching_people_in_order() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = fill(&s).await;
        let admin = s.sign_in("INDEX", "admin", PASSWORD).await;
        let chef = s.sign_in("INDEX", "chef", PASSWORD).await;
        settled(&s.running, &admin, org).await;
        let before = s.running.search.answered();
        let name = b.name();
        every_kind_matches(&admin, &TERMS, &format!("level 1 on {name}")).await;
        every_kind_matches(&chef, &TERMS, &format!("level 2 on {name}")).await;
        role_and_two_factor_filters(&admin, &format!("level 1 on {name}")).await;
        role_and_two_factor_filters(&chef, &format!("level 2 on {name}")).await;
        let answered = s.running.search.answered() - before;
        assert!(
            answered > 1000,
            "the index answered {answered} pages on {name}"
        );

        // Written after the build: found (or no longer found) by the very next search.
        let new = new_person(
            "Agagnon",
            "Nouvelle",
            "new.gagnon",
            "new.gagnon@north.example",
        );
        let created = admin.create_person(&new).await.unwrap();
        let everyone = admin.all_people(500).await.unwrap();
        let renamed = everyone
            .iter()
            .find(|p| p.last_name == "Zgagnon 201")
            .unwrap();
        let record = admin.person(renamed.id).await.unwrap();
        let update = PersonUpdate {
            last_name: Some("Abbott".into()),
            ..unchanged(record.person.version)
        };
        admin.update_person(renamed.id, &update).await.unwrap();
        let gone = everyone
            .iter()
            .find(|p| p.last_name == "Zgagnon 202")
            .unwrap();
        admin.delete_person(gone.id).await.unwrap();
        let before = s.running.search.answered();
        every_kind_matches(
            &admin,
            &["gagn", "abbo", "new"],
            &format!("after writes on {name}"),
        )
        .await;
        every_kind_matches(&chef, &["gagn"], &format!("level 2 after writes on {name}")).await;
        assert!(
            s.running.search.answered() > before,
            "the index still answers"
        );
        let found = pages(
            &admin,
            PeopleQuery {
                q: Some("gagn".into()),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(
            found[0].id, created.person.person.id,
            "Agagnon first by name"
        );
        assert!(found.iter().all(|p| p.id != renamed.id && p.id != gone.id));
        s.stop().await;
    }
}

/// A client of `server` signed in as `user` of the organization [`fill`] makes.
async fn signed_in(server: &sesame_server::Running, user: &str) -> sesame_client::Client {
    let client = sesame_client::Client::new(&server.url());
    let session = client.sign_in("INDEX", user, PASSWORD, None).await.unwrap();
    client.with_token(Some(session.token))
}

/// Two servers on one PostgreSQL database, each with its index: what one writes, the other's
/// next search finds.
#[tokio::test]
async fn a_write_through_one_server_is_found_by_the_next_search_on_another() {
    let Some(b) = backends().into_iter().find(|b| b.name() == "postgres") else {
        return;
    };
    let s = crate::support::start(&b).await;
    let org = fill(&s).await;
    let other = sesame_server::start(&s.database_url, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let here = s.sign_in("INDEX", "admin", PASSWORD).await;
    let there = signed_in(&other, "admin").await;
    settled(&s.running, &here, org).await;
    settled(&other, &there, org).await;
    let search = |q: &str| PeopleQuery {
        q: Some(q.into()),
        ..Default::default()
    };
    assert!(pages(&there, search("replica")).await.is_empty());
    let new = new_person("Replica", "Rita", "rita.replica", "rita@north.example");
    let created = here.create_person(&new).await.unwrap();
    assert_eq!(
        ids(&pages(&there, search("replica")).await),
        [created.person.person.id]
    );
    let update = PersonUpdate {
        last_name: Some("Elsewhere".into()),
        user_id: Some("rita.elsewhere".into()),
        ..unchanged(created.person.person.version)
    };
    here.update_person(created.person.person.id, &update)
        .await
        .unwrap();
    assert!(pages(&there, search("replica")).await.is_empty());
    assert_eq!(
        ids(&pages(&there, search("elsewh")).await),
        [created.person.person.id]
    );
    assert!(
        other.search.answered() > 0,
        "the other server's index answered"
    );
    other.stop().await;
    s.stop().await;
}

/// A database in memory (trials, the app's tests) reads through sqlx rather than the hot
/// reads' own connections: the same searches, the same people.
#[tokio::test]
async fn a_database_in_memory_searches_through_the_index_too() {
    let memory = ("sqlite::memory:".to_owned(), None, None);
    let s = crate::support::start_on(&Backend::Sqlite, memory, Default::default()).await;
    let org = fill(&s).await;
    let admin = s.sign_in("INDEX", "admin", PASSWORD).await;
    let chef = s.sign_in("INDEX", "chef", PASSWORD).await;
    settled(&s.running, &admin, org).await;
    let before = s.running.search.answered();
    every_kind_matches(&admin, &["gagn", "u017", "ma"], "level 1 in memory").await;
    every_kind_matches(&chef, &["gagn"], "level 2 in memory").await;
    assert!(s.running.search.answered() > before, "the index answered");
    s.stop().await;
}

/// A level-2 reader's list without a term comes through the index too (their sight alone
/// narrows it): the same people, in the same order and with the same actions, as a server
/// without the index gives from the same database, in every order, with and without filters.
#[tokio::test]
async fn a_level_two_list_through_the_index_is_the_plain_list() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = fill(&s).await;
        let config = sesame_server::Config {
            search_index: false,
            ..Default::default()
        };
        let plain = sesame_server::start(&s.database_url, "127.0.0.1:0", config)
            .await
            .unwrap();
        let chef = s.sign_in("INDEX", "chef", PASSWORD).await;
        let there = signed_in(&plain, "chef").await;
        settled(&s.running, &chef, org).await;
        let before = s.running.search.answered();
        let name = b.name();
        // A blank term is the list (a cleared search box sends one).
        let blank = PeopleQuery {
            q: Some(" ".into()),
            sort: Some(PeopleSort::UserId),
            limit: Some(7),
            ..Default::default()
        };
        for query in every_order().into_iter().chain([blank]) {
            let (indexed, expected) = (
                pages(&chef, query.clone()).await,
                pages(&there, query.clone()).await,
            );
            assert!(!expected.is_empty());
            assert_eq!(indexed, expected, "{name}: {query:?}");
        }
        assert!(
            s.running.search.answered() > before + 100,
            "the index answered the lists on {name}"
        );
        plain.stop().await;
        s.stop().await;
    }
}
