use super::*;
use sesame_core::domain::Language;

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
    }
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
