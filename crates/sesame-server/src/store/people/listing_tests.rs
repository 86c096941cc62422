//! The statements of a page as each database gets them.

use super::*;

/// A page after a row named `gagnon`, with a role or level filter.
fn after_gagnon(role: Option<&str>, level: Option<Level>) -> PeopleQuery {
    let cursor = Cursor {
        v: vec![CursorValue::Text("gagnon".into())],
        id: 7,
        g: None,
    };
    PeopleQuery {
        cursor: Some(encode_cursor(&cursor)),
        role: role.map(str::to_owned),
        level,
        ..Default::default()
    }
}

#[test]
fn postgresql_plans_pages_once_unless_a_bound_value_tells_filters_apart() {
    // The level written in, the cursor hidden: one plan serves every page.
    let level = Some(Level::Two);
    let (sql, binds) = page_filter(false, 1, &after_gagnon(None, level), true, true).unwrap();
    assert!(
        sql.contains("(a.sort_name, a.id) > ((SELECT $2), (SELECT $3))"),
        "{sql}"
    );
    assert!(
        sql.contains(&format!("a.level = {}", Level::Two.code())),
        "{sql}"
    );
    assert_eq!(binds.len(), 3);
    // A role's pattern is bound: the planner sees the cursor, as it sees the pattern.
    let role = after_gagnon(Some("people_admin"), None);
    let (sql, _) = page_filter(false, 1, &role, true, true).unwrap();
    assert!(sql.contains("(a.sort_name, a.id) > ($3, $4)"), "{sql}");
    // SQLite binds everything.
    let (sql, binds) = page_filter(true, 1, &after_gagnon(None, level), true, false).unwrap();
    assert!(
        sql.contains("a.level = $2") && sql.contains("> ($3, $4)"),
        "{sql}"
    );
    assert_eq!(binds.len(), 4);
}
