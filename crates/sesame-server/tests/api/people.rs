//! The user follow-up and the user identification record over real HTTP: visibility,
//! search, sort and cursor paging, stale saves, the last level-1 user, bad input.

use std::collections::BTreeSet;

use crate::support::{PASSWORD, TestServer, backends};
use serde_json::json;
use sesame_core::api::{ErrorCode, PeopleQuery, PeopleSort, PersonUpdate};
use sesame_core::domain::{Language, Level, Status};

async fn ids(s: &TestServer, token: Option<&str>, query: &str) -> Vec<i64> {
    let (st, body) = s
        .raw(token, "GET", &format!("/api/v1/people{query}"), None)
        .await;
    assert_eq!(st, 200, "{body}");
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn level_1_sees_everyone_level_2_sees_level_2_and_their_own_level_3() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", true).await;
        let other = s.org("BETA", true).await;
        let l1 = s.person(org, "l1", Level::One, Some(PASSWORD)).await;
        let l2a = s.person(org, "l2a", Level::TwoWithApproval, None).await;
        let l2 = s.person(org, "l2", Level::Two, Some(PASSWORD)).await;
        let mine = s.person(org, "mine", Level::Three, None).await;
        let theirs = s.person(org, "theirs", Level::Three, None).await;
        s.link(l2, mine).await;
        s.link(l2a, theirs).await;
        s.person(other, "stranger", Level::Three, None).await;
        let all: BTreeSet<i64> = [l1, l2a, l2, mine, theirs].into();
        let c1 = s.sign_in("ALPHA", "l1", PASSWORD).await;
        let c2 = s.sign_in("ALPHA", "l2", PASSWORD).await;
        assert_eq!(
            ids(&s, c1.token(), "")
                .await
                .into_iter()
                .collect::<BTreeSet<_>>(),
            all
        );
        assert_eq!(
            ids(&s, c2.token(), "")
                .await
                .into_iter()
                .collect::<BTreeSet<_>>(),
            [l2a, l2, mine].into()
        );
        // Every page of the client's full pull agrees.
        assert_eq!(c2.all_people(1).await.unwrap().len(), 3);
        s.stop().await;
    }
}

#[tokio::test]
async fn search_sort_filter_and_cursor_paging_cover_every_row_once() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let names = [
            ("zoe", "Łukasiewicz-Ñúñez", "Zoë"),
            ("aegir", "Øvergård", "Ægir"),
            ("eloise", "Côté", "Éloïse"),
            ("marc", "Cote", "Marc"),
            ("ana", "Abadie", "Ana"),
        ];
        for (i, (user_id, last, first)) in names.iter().enumerate() {
            let level = [Level::Two, Level::Three][i % 2];
            let id = s.person(org, user_id, level, None).await;
            let mut tx = s.db.begin().await.unwrap();
            let p = tx.person(org, id).await.unwrap().unwrap();
            let fields = sesame_server::store::PersonFields {
                user_id: p.user_id.clone(),
                last_name: last.to_string(),
                first_name: first.to_string(),
                email: p.email.clone(),
                phone: format!("555-010{i}"),
                level,
                language: Language::Fr,
                is_contact: false,
            };
            assert!(tx.update_person(id, p.version, &fields).await.unwrap());
            tx.commit().await.unwrap();
        }
        for i in 0..23 {
            s.person(org, &format!("filler{i:02}"), Level::Three, None)
                .await;
        }
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        // Accent- and case-insensitive search over name, user ID and email.
        let found = c
            .people(&PeopleQuery {
                q: Some("lukasiewicz".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            found
                .items
                .iter()
                .map(|p| p.user_id.as_str())
                .collect::<Vec<_>>(),
            ["zoe"]
        );
        let found = c
            .people(&PeopleQuery {
                q: Some("COTE".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(found.items.len(), 2, "Côté and Cote");
        let found = c
            .people(&PeopleQuery {
                q: Some("50%_".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(found.items.is_empty(), "LIKE wildcards are taken literally");
        // Name order: Abadie, Côté/Cote, …, Łukasiewicz, Øvergård.
        let first = c
            .people(&PeopleQuery {
                limit: Some(3),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(first.items[0].last_name, "Abadie");
        let total = 29;
        for sort in PeopleSort::ALL {
            for desc in [false, true] {
                let mut q = PeopleQuery {
                    sort: Some(sort),
                    desc: Some(desc),
                    limit: Some(4),
                    ..Default::default()
                };
                let mut seen = vec![];
                loop {
                    let page = c.people(&q).await.unwrap();
                    seen.extend(page.items);
                    match page.next_cursor {
                        Some(cur) => q.cursor = Some(cur),
                        None => break,
                    }
                }
                let unique: BTreeSet<i64> = seen.iter().map(|p| p.id).collect();
                assert_eq!(
                    (seen.len(), unique.len()),
                    (total, total),
                    "{sort:?} desc={desc}: every row exactly once"
                );
                if sort == PeopleSort::UserId {
                    let keys: Vec<String> = seen.iter().map(|p| p.user_id.to_lowercase()).collect();
                    let mut sorted = keys.clone();
                    sorted.sort();
                    if desc {
                        sorted.reverse();
                    }
                    assert_eq!(keys, sorted);
                }
                if sort == PeopleSort::Level {
                    let levels: Vec<i64> = seen.iter().map(|p| p.level.code()).collect();
                    assert!(levels.windows(2).all(|w| if desc {
                        w[0] >= w[1]
                    } else {
                        w[0] <= w[1]
                    }));
                }
            }
        }
        let l2 = c
            .people(&PeopleQuery {
                level: Some(Level::Two),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(l2.items.len(), 3);
        let active = c
            .people(&PeopleQuery {
                status: Some(Status::Suspended),
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(active.items.is_empty());
        let (st, body) = s
            .raw(c.token(), "GET", "/api/v1/people?cursor=not-a-cursor", None)
            .await;
        assert_eq!((st, body["error"]["field"].as_str()), (422, Some("cursor")));
        let (st, body) = s
            .raw(c.token(), "GET", "/api/v1/people?colour=blue", None)
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (422, Some("unknown_field"))
        );
        s.stop().await;
    }
}

/// A change of level keeps only the links under charge the new level allows, the same
/// through the record as through the import: demoted to level 3, a manager's level-3 people
/// leave their charge; promoted to level 2, a level-3 person leaves their level-2 manager's.
#[tokio::test]
async fn a_change_of_level_takes_off_the_links_it_no_longer_allows() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::Two, None).await;
        let (sub, other) = (
            s.person(org, "sub", Level::Three, None).await,
            s.person(org, "other", Level::Three, None).await,
        );
        s.link(boss, sub).await;
        s.link(boss, other).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let set_level = |version, level| PersonUpdate {
            version,
            level: Some(level),
            ..Default::default()
        };
        let version = admin.person(other).await.unwrap().person.version;
        admin
            .update_person(other, &set_level(version, Level::Two))
            .await
            .unwrap();
        let kept: Vec<i64> = admin
            .person(boss)
            .await
            .unwrap()
            .under_charge
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(
            kept,
            [sub],
            "promoted to their manager's rank, they leave the charge"
        );
        let version = admin.person(boss).await.unwrap().person.version;
        let rec = admin
            .update_person(boss, &set_level(version, Level::Three))
            .await
            .unwrap();
        assert!(
            rec.under_charge.is_empty(),
            "a level-3 user has nobody under charge"
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn a_stale_save_gets_409_and_overwrites_nothing() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "a1", Level::One, Some(PASSWORD)).await;
        s.person(org, "a2", Level::One, Some(PASSWORD)).await;
        let target = s.person(org, "zoe", Level::Three, None).await;
        let first = s.sign_in("ALPHA", "a1", PASSWORD).await;
        let second = s.sign_in("ALPHA", "a2", PASSWORD).await;
        let read_by_both = first.person(target).await.unwrap().person.version;
        let update = |phone: &str| PersonUpdate {
            version: read_by_both,
            phone: Some(phone.into()),
            ..Default::default()
        };
        let saved = first
            .update_person(target, &update("514 555-0001"))
            .await
            .unwrap();
        assert_eq!(saved.person.version, read_by_both + 1);
        let e = second
            .update_person(target, &update("514 555-0002"))
            .await
            .unwrap_err();
        assert_eq!(
            (e.status(), e.code()),
            (Some(409), Some(ErrorCode::StaleVersion))
        );
        match e {
            sesame_client::ClientError::Api { error, .. } => {
                assert_eq!(error.current_version, Some(read_by_both + 1))
            }
            _ => unreachable!(),
        }
        assert_eq!(
            second.person(target).await.unwrap().person.phone.as_deref(),
            Some("514 555-0001")
        );
        s.stop().await;
    }
}

/// Two level-1 administrators remove each other at the same moment: each request passes
/// sign-in while the other administrator still exists, so only the server's guard keeps one.
#[tokio::test]
async fn the_last_active_level_1_user_survives_two_administrators_removing_each_other() {
    for b in backends() {
        for (first, second) in [
            ("DELETE", "DELETE"),
            ("suspend", "PATCH"),
            ("suspend", "suspend"),
        ] {
            let s = crate::support::start(&b).await;
            let org = s.org("ALPHA", false).await;
            let a = s.person(org, "a", Level::One, Some(PASSWORD)).await;
            let bee = s.person(org, "b", Level::One, Some(PASSWORD)).await;
            let ca = s.sign_in("ALPHA", "a", PASSWORD).await;
            let cb = s.sign_in("ALPHA", "b", PASSWORD).await;
            // Hold the organization's guard so both requests queue behind it.
            let mut hold = s.db.begin().await.unwrap();
            hold.guard_organization(org).await.unwrap();
            let request = |token: String, verb: &'static str, target: i64| {
                let url = s.url();
                tokio::spawn(async move {
                    let http = reqwest::Client::new();
                    let req = match verb {
                        "DELETE" => http.delete(format!("{url}/api/v1/people/{target}")),
                        "suspend" => http.post(format!("{url}/api/v1/people/{target}/suspend")),
                        _ => http
                            .patch(format!("{url}/api/v1/people/{target}"))
                            .json(&json!({"version": 1, "level": "level_2"})),
                    };
                    let r = req.bearer_auth(token).send().await.unwrap();
                    let st = r.status().as_u16();
                    (st, r.json::<serde_json::Value>().await.unwrap_or_default())
                })
            };
            let ra = request(ca.token().unwrap().to_owned(), first, bee);
            let rb = request(cb.token().unwrap().to_owned(), second, a);
            tokio::time::sleep(std::time::Duration::from_millis(700)).await;
            hold.commit().await.unwrap();
            let (ra, rb) = (ra.await.unwrap(), rb.await.unwrap());
            let outcomes = [&ra, &rb];
            let refused: Vec<_> = outcomes.iter().filter(|(st, _)| *st == 409).collect();
            assert_eq!(
                refused.len(),
                1,
                "{first}/{second}: one wins, one is refused: {ra:?} {rb:?}"
            );
            assert_eq!(
                refused[0].1["error"]["code"].as_str(),
                Some("last_level_one")
            );
            let admin = s.person(org, "audit", Level::Three, None).await;
            let mut conn = s.db.read().await.unwrap();
            let left = conn
                .target(org, admin, 0)
                .await
                .unwrap()
                .unwrap()
                .active_level_one;
            assert_eq!(
                left, 1,
                "{first}/{second}: exactly one active level-1 user remains"
            );
            drop(conn);
            s.stop().await;
        }
    }
}

#[tokio::test]
async fn the_sole_level_1_user_cannot_delete_or_suspend_themselves() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        let me = s.person(org, "only", Level::One, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "only", PASSWORD).await;
        for (method, path) in [
            ("DELETE", format!("/api/v1/people/{me}")),
            ("POST", format!("/api/v1/people/{me}/suspend")),
        ] {
            let (st, body) = s.raw(c.token(), method, &path, None).await;
            assert_eq!(
                (st, body["error"]["code"].as_str()),
                (409, Some("last_level_one")),
                "{method} {path}"
            );
        }
        assert!(c.me().await.is_ok(), "still there, still signed in");
        s.stop().await;
    }
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_and_changes_nothing() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", true).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let zoe = s.person(org, "zoe", Level::Three, None).await;
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let t = c.token();
        let base = json!({"last_name": "Roy", "first_name": "Léa", "user_id": "lea", "email": "lea@example.org", "level": "level_3"});
        let with = |k: &str, v: serde_json::Value| {
            let mut b = base.clone();
            b[k] = v;
            b
        };
        let cases = [
            (
                with("admin", json!(true)),
                422,
                "unknown_field",
                Some("admin"),
            ),
            (
                with("email", json!("not an email")),
                422,
                "invalid_field",
                Some("email"),
            ),
            (
                with("last_name", json!("x".repeat(101))),
                422,
                "invalid_field",
                Some("last_name"),
            ),
            (
                with("last_name", json!("   ")),
                422,
                "invalid_field",
                Some("last_name"),
            ),
            (
                with("user_id", json!("two words")),
                422,
                "invalid_field",
                Some("user_id"),
            ),
            (
                with("level", json!("level_9")),
                422,
                "invalid_field",
                Some("level"),
            ),
            (
                with("roles", json!(["astronaut"])),
                422,
                "invalid_field",
                Some("roles"),
            ),
            (
                with("phone", json!("call me")),
                422,
                "invalid_field",
                Some("phone"),
            ),
            (
                with("user_id", json!("zoe")),
                409,
                "duplicate_user_id",
                Some("user_id"),
            ),
        ];
        for (body, status, code, field) in cases {
            let (st, resp) = s.raw(t, "POST", "/api/v1/people", Some(body.clone())).await;
            assert_eq!(
                (
                    st,
                    resp["error"]["code"].as_str(),
                    resp["error"]["field"].as_str()
                ),
                (status, Some(code), field),
                "{body}"
            );
        }
        // Malformed JSON, and a body over the limit.
        let http = reqwest::Client::new();
        let r = http
            .post(format!("{}/api/v1/people", s.url()))
            .bearer_auth(t.unwrap())
            .header("content-type", "application/json")
            .body("{\"last_name\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400);
        assert_eq!(
            r.json::<serde_json::Value>().await.unwrap()["error"]["code"],
            "invalid_json"
        );
        let huge = with("last_name", json!("x".repeat(100_000)));
        let (st, resp) = s.raw(t, "POST", "/api/v1/people", Some(huge)).await;
        assert_eq!(
            (st, resp["error"]["code"].as_str()),
            (413, Some("body_too_large"))
        );
        // A bad update leaves the record as it was.
        let before = c.person(zoe).await.unwrap();
        let (st, _) = s.raw(t, "PATCH", &format!("/api/v1/people/{zoe}"), Some(json!({"version": before.person.version, "email": "broken", "phone": "514 555-0000"}))).await;
        assert_eq!(st, 422);
        assert_eq!(c.person(zoe).await.unwrap(), before);
        // Unknown record, unknown route, non-numeric id.
        for path in [
            "/api/v1/people/999999",
            "/api/v1/people/abc",
            "/api/v1/nothing-here",
        ] {
            let (st, resp) = s.raw(t, "GET", path, None).await;
            assert_eq!(
                (st, resp["error"]["code"].as_str()),
                (404, Some("not_found")),
                "{path}"
            );
        }
        s.stop().await;
    }
}

#[tokio::test]
async fn approval_exists_only_for_public_service_employers_and_nobody_raises_above_themselves() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("PRIVATE", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "deputy", Level::Two, Some(PASSWORD)).await;
        let target = s.person(org, "t", Level::Three, None).await;
        let c = s.sign_in("PRIVATE", "admin", PASSWORD).await;
        let rec = c.person(target).await.unwrap();
        let (st, resp) = s
            .raw(
                c.token(),
                "PATCH",
                &format!("/api/v1/people/{target}"),
                Some(json!({"version": rec.person.version, "level": "level_2_approval"})),
            )
            .await;
        assert_eq!(
            (st, resp["error"]["code"].as_str()),
            (422, Some("approval_unavailable"))
        );
        let d = s.sign_in("PRIVATE", "deputy", PASSWORD).await;
        let me = d.me().await.unwrap();
        let (st, resp) = s
            .raw(
                d.token(),
                "PATCH",
                &format!("/api/v1/people/{}", me.id),
                Some(json!({"version": me.version, "level": "level_1"})),
            )
            .await;
        assert_eq!(
            (st, resp["error"]["code"].as_str()),
            (403, Some("own_level"))
        );
        s.stop().await;
    }
}
