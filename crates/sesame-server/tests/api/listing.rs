//! The people page as the API sends it (written as JSON by SQLite itself) is the page serde
//! writes from the same rows: every field, escaping, levels, booleans, absent phones, the next
//! cursor, on every sort.

use crate::support::{PASSWORD, backends};
use sesame_core::api::{PeoplePage, PeopleQuery, PeopleSort};
use sesame_core::domain::rules::Actor;
use sesame_core::domain::{Language, Level, Status};
use sesame_server::store::NewPersonRow;

/// User ID, last name, first name, phone, level, status, contact.
type Person = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Level,
    Status,
    bool,
);

const PEOPLE: [Person; 6] = [
    (
        "admin",
        "Admin",
        "Ada",
        "",
        Level::One,
        Status::Active,
        false,
    ),
    (
        "quote",
        "O\"Brien \\ Ŀ",
        "Zoë \u{1F600}\t",
        "514 555-0100",
        Level::Two,
        Status::Active,
        true,
    ),
    (
        "approval",
        "Tremblay",
        "Marie",
        "",
        Level::TwoWithApproval,
        Status::Invited,
        false,
    ),
    (
        "three",
        "Łukasiewicz",
        "",
        "+33 1",
        Level::Three,
        Status::Suspended,
        false,
    ),
    ("empty", "", "", "", Level::Three, Status::Invited, true),
    (
        "same",
        "Tremblay",
        "Marie",
        "1",
        Level::Three,
        Status::Active,
        false,
    ),
];

#[tokio::test]
async fn the_page_written_by_the_database_is_the_page_serde_writes() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("JSON", false).await;
        let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
        let mut tx = s.db.begin().await.unwrap();
        for (i, (user_id, last, first, phone, level, status, contact)) in PEOPLE.iter().enumerate()
        {
            let id = tx
                .insert_person(&NewPersonRow {
                    org_id: org,
                    user_id: user_id.to_string(),
                    last_name: last.to_string(),
                    first_name: first.to_string(),
                    email: format!("{user_id}@example.org"),
                    phone: phone.to_string(),
                    level: *level,
                    language: [Language::Fr, Language::En][i % 2],
                    roles: vec![format!("r\"{i}"), "é".into()][..i % 3].to_vec(),
                    is_contact: *contact,
                    status: *status,
                    password_hash: (*user_id == "admin").then(|| hash.clone()),
                    password_temporary: false,
                })
                .await
                .unwrap();
            if i % 2 == 1 {
                tx.set_totp_secret(id, Some("SECRET"), true).await.unwrap();
            }
        }
        tx.commit().await.unwrap();
        let token = s
            .sign_in("JSON", "admin", PASSWORD)
            .await
            .token()
            .map(str::to_owned);
        let (_, me) = s.raw(token.as_deref(), "GET", "/api/v1/me", None).await;
        let admin = Actor::person(me["id"].as_i64().unwrap(), org, Level::One, false);
        for sort in [PeopleSort::Name, PeopleSort::Level, PeopleSort::Phone] {
            for desc in [false, true] {
                let mut query = PeopleQuery {
                    limit: Some(2),
                    sort: Some(sort),
                    desc: Some(desc),
                    ..Default::default()
                };
                let mut pages = 0;
                loop {
                    let mut conn = s.db.read().await.unwrap();
                    let (items, next_cursor) =
                        conn.people_page_for(&admin, &query).await.unwrap().unwrap();
                    drop(conn);
                    let expected = serde_json::to_value(PeoplePage {
                        items,
                        next_cursor: next_cursor.clone(),
                    })
                    .unwrap();
                    let path = format!(
                        "/api/v1/people?limit=2&sort={}&desc={desc}{}",
                        serde_json::to_value(sort).unwrap().as_str().unwrap(),
                        query
                            .cursor
                            .as_ref()
                            .map(|c| format!("&cursor={c}"))
                            .unwrap_or_default()
                    );
                    let (status, body) = s.raw(token.as_deref(), "GET", &path, None).await;
                    assert_eq!(status, 200, "{body}");
                    assert_eq!(body, expected, "{path} on {}", b.name());
                    pages += 1;
                    match next_cursor {
                        Some(c) => query.cursor = Some(c),
                        None => break,
                    }
                }
                assert_eq!(pages, PEOPLE.len().div_ceil(2));
            }
        }
        s.stop().await;
    }
}
