//! A list of people built for the session as last read: on PostgreSQL its own statement
//! confirms that session, sparing a round trip. Whatever changes the session between two
//! lists (the reader demoted, their list taken away, suspended, signed out) is seen by the second, on a page with
//! rows and on an empty one; on PostgreSQL the session is read once for many lists.

use crate::observability::parse_prometheus;
use crate::support::{Backend, PASSWORD, TestServer, backends, unchanged};
use sesame_core::api::{ErrorCode, PeopleQuery, PersonUpdate};
use sesame_core::domain::Level;

fn ids(page: &sesame_core::api::PeoplePage) -> Vec<i64> {
    page.items.iter().map(|p| p.id).collect()
}

/// `sesame_sessions{measure}` of the server's `/metrics`, read by the strict reader of the
/// format.
async fn sessions_measure(s: &TestServer, measure: &str) -> i64 {
    let text = reqwest::get(format!("{}/metrics", s.url()))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    parse_prometheus(&text)
        .iter()
        .find(|x| {
            x.name == "sesame_sessions"
                && x.labels.get("measure").map(String::as_str) == Some(measure)
        })
        .map(|x| x.value as i64)
        .unwrap_or_else(|| panic!("sesame_sessions{{measure={measure}}} in:\n{text}"))
}

#[tokio::test]
async fn a_list_sees_every_change_of_its_session_since_the_last() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let boss = s.person(org, "boss", Level::One, Some(PASSWORD)).await;
        let peer = s.person(org, "peer", Level::One, Some(PASSWORD)).await;
        s.person(org, "zoe", Level::Three, None).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let c = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let all = PeopleQuery::default();
        let nobody = PeopleQuery {
            q: Some("zzqx".into()),
            ..Default::default()
        };

        let read_before = sessions_measure(&s, "read").await;
        let confirmed_before = sessions_measure(&s, "confirmed_in_page").await;
        for _ in 0..5 {
            assert!(ids(&c.people(&all).await.unwrap()).contains(&peer));
        }
        let read = sessions_measure(&s, "read").await - read_before;
        let confirmed = sessions_measure(&s, "confirmed_in_page").await - confirmed_before;
        match b {
            // Read once, then confirmed by each page's statement.
            Backend::Postgres(_) => assert_eq!((read, confirmed), (1, 4), "{}", b.name()),
            Backend::Sqlite => assert_eq!((read, confirmed), (5, 0), "{}", b.name()),
        }

        // Demoted to level 2: a level-1 peer is out of sight at once.
        let version = admin.person(boss).await.unwrap().person.version;
        let demotion = PersonUpdate {
            level: Some(Level::Two),
            ..unchanged(version)
        };
        admin.update_person(boss, &demotion).await.unwrap();
        let seen = ids(&c.people(&all).await.unwrap());
        assert!(!seen.contains(&peer), "{}: {seen:?}", b.name());
        assert!(c.people(&nobody).await.unwrap().items.is_empty());

        // Demoted to level 3, who has no list: refused.
        let version = admin.person(boss).await.unwrap().person.version;
        let demotion = PersonUpdate {
            level: Some(Level::Three),
            ..unchanged(version)
        };
        admin.update_person(boss, &demotion).await.unwrap();
        let e = c.people(&all).await.unwrap_err();
        assert_eq!(e.code(), Some(ErrorCode::Forbidden), "{}", b.name());
        let version = admin.person(boss).await.unwrap().person.version;
        let promotion = PersonUpdate {
            level: Some(Level::One),
            ..unchanged(version)
        };
        admin.update_person(boss, &promotion).await.unwrap();
        assert!(ids(&c.people(&all).await.unwrap()).contains(&peer));

        // Suspended, which ends their sessions: refused, by an empty page too.
        admin.suspend_person(boss).await.unwrap();
        for q in [&nobody, &all] {
            let e = c.people(q).await.unwrap_err();
            assert_eq!(e.code(), Some(ErrorCode::Unauthenticated), "{}", b.name());
        }

        // Signed out: refused.
        admin.reactivate_person(boss).await.unwrap();
        let c = s.sign_in("ALPHA", "boss", PASSWORD).await;
        c.people(&all).await.unwrap();
        c.people(&all).await.unwrap();
        c.sign_out().await.unwrap();
        // Whatever else is wrong with the request.
        let bad_cursor = PeopleQuery {
            cursor: Some("not-a-cursor".into()),
            ..Default::default()
        };
        for q in [&bad_cursor, &all] {
            let e = c.people(q).await.unwrap_err();
            assert_eq!(e.code(), Some(ErrorCode::Unauthenticated), "{}", b.name());
        }
        s.stop().await;
    }
}
