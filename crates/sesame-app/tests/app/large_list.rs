//! A user follow-up too long to hold (here: past 5 accounts, through the settings file; in use,
//! past 100,000): it stops loading and asks the server for each search, filter and sort,
//! shows the first page of each answer and the next ones as the person moves down, exports the
//! whole answer, and finds a person created meanwhile in their place.

use iced::keyboard::key::Named;
use sesame_core::api::import::{ImportDelivery, ImportRequest, ImportRow};
use sesame_core::api::{PeopleQuery, PeopleSort};

use crate::harness::{Ui, sheets};

const IMPORTED: usize = 300;

/// 300 more people, `remote000` to `remote299`, a third of them with the billing role.
async fn import_many(ui: &Ui) {
    let rows = (0..IMPORTED)
        .map(|i| ImportRow {
            line: i as u32 + 2,
            last_name: Some(format!("Remote {i:03}")),
            first_name: Some("Ana".into()),
            email: Some(format!("remote{i:03}@lumiere.example")),
            phone: None,
            level: Some("3".into()),
            roles: (i % 3 == 0).then(|| "billing".into()),
            language: Some("en".into()),
            under_charge_of: None,
            user_id: Some(format!("remote{i:03}")),
            also_contact: None,
        })
        .collect();
    let request = ImportRequest {
        dry_run: false,
        delivery: ImportDelivery::Letter,
        rows,
    };
    let report = ui.app.client().import_people(&request).await.unwrap();
    assert_eq!(report.totals.refused, 0, "{:?}", report.rows.first());
}

/// The user IDs of every page the server gives for `query`.
async fn server_answer(ui: &Ui, mut query: PeopleQuery) -> Vec<String> {
    let mut out = vec![];
    loop {
        let page = ui.app.client().people(&query).await.unwrap();
        out.extend(page.items.into_iter().map(|p| p.user_id));
        match page.next_cursor {
            Some(next) => query.cursor = Some(next),
            None => return out,
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_too_long_to_hold_asks_the_server_for_each_search_filter_and_sort() {
    let mut ui = Ui::demo_holding("en", "demo", 100, 5).await;
    import_many(&ui).await;
    let everyone = server_answer(&ui, PeopleQuery::default()).await;
    assert!(everyone.len() > IMPORTED);

    ui.click("User follow-up").await;
    let people = ui.app.people().unwrap();
    assert!(people.asks_server(), "past 5 accounts the server answers");
    assert_eq!(
        ui.shown_names(),
        everyone[..200],
        "the first page, in name order"
    );
    ui.expect("First 200 accounts");
    ui.expect(
        "Over 5 accounts: the server searches and sorts this list, and shows it as you scroll.",
    );

    // Down to the last row in: the next page follows it.
    for _ in 0..120 {
        ui.press(Named::ArrowDown).await;
    }
    assert_eq!(
        ui.shown_names(),
        everyone,
        "the rest as the person moves down"
    );
    ui.expect(&format!("{} accounts found", everyone.len()));

    // A search, a sort and a filter: each the server's answer.
    ui.type_in("search", "remote01").await;
    let searched = PeopleQuery {
        q: Some("remote01".into()),
        ..Default::default()
    };
    let found = server_answer(&ui, searched.clone()).await;
    assert_eq!(found.len(), 10);
    assert_eq!(ui.shown_names(), found);
    ui.expect("10 accounts found");
    ui.click("User ID").await;
    ui.click("User ID ▲").await;
    let by_user_id = PeopleQuery {
        sort: Some(PeopleSort::UserId),
        desc: Some(true),
        ..searched
    };
    let found = server_answer(&ui, by_user_id.clone()).await;
    assert_eq!(ui.shown_names(), found, "sorted by the server");
    assert_eq!(found.first().map(String::as_str), Some("remote019"));
    ui.choose("role-filter", "Billing").await;
    let billing = server_answer(
        &ui,
        PeopleQuery {
            role: Some("billing".into()),
            ..by_user_id
        },
    )
    .await;
    assert_eq!(billing, ["remote018", "remote015", "remote012"]);
    assert_eq!(ui.shown_names(), billing);

    // A person created from the list: the list asks again and shows them in their place.
    ui.choose("role-filter", "All roles").await;
    ui.click("New user").await;
    ui.type_in("last-name", "Remote").await;
    ui.type_in("first-name", "Neo").await;
    ui.type_in("user-id", "remote01x").await;
    ui.type_in("email", "neo@lumiere.example").await;
    ui.click("Save").await;
    ui.expect("Temporary password created");
    ui.click("Close").await;
    let found = ui.shown_names();
    assert_eq!(
        found.first().map(String::as_str),
        Some("remote01x"),
        "{found:?}"
    );
    assert_eq!(found.len(), 11);

    // The export holds the whole answer, not only the rows in.
    ui.replace_in("search", "remote").await;
    assert_eq!(ui.shown_names().len(), 200, "the first page of the answer");
    ui.click("Export").await;
    let path = ui.home.join("documents").join("user-follow-up.xlsx");
    let (_, rows) = sheets::workbook_rows(&path);
    let all_remote = server_answer(
        &ui,
        PeopleQuery {
            q: Some("remote".into()),
            sort: Some(PeopleSort::UserId),
            desc: Some(true),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        rows.len() - 1,
        all_remote.len(),
        "every account of the answer"
    );
    let exported: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(exported, all_remote);
}
