//! What a screen reader gets: the tree read off the real views.

use crate::harness::Ui;
use sesame_app::a11y::{Role, Tree};

/// The tree as text, one node a line (as the AT-SPI dump in the README shows it).
pub fn dump(tree: &Tree) -> String {
    let mut out = String::new();
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, depth)) = stack.pop() {
        let n = &tree.nodes[i];
        if n.role != Role::Group || !n.name.is_empty() {
            out.push_str(&format!(
                "{}{:?} {:?}{}{}\n",
                "  ".repeat(depth),
                n.role,
                n.name,
                n.value
                    .as_ref()
                    .map(|v| format!(" = {v:?}"))
                    .unwrap_or_default(),
                if n.focused { " [focused]" } else { "" }
            ));
        }
        let d = if n.role == Role::Group {
            depth
        } else {
            depth + 1
        };
        for &c in n.children.iter().rev() {
            stack.push((c, d));
        }
    }
    out
}

#[tokio::test]
async fn the_follow_up_reads_as_a_table() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Identification").await;
    let tree = ui.tree();
    eprintln!("{}", dump(&tree));
    let table = tree.find(Role::Table).expect("a table");
    assert_eq!(tree.nodes[table].name, "People");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_menu_says_when_its_list_is_open() {
    use iced::keyboard::key::Named;
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Identification").await;
    ui.click("Invite by email").await;
    ui.tab_to("invite-language").await;
    let expanded = |ui: &mut Ui| {
        let tree = ui.tree();
        let menu = tree.focused().expect("the menu has the focus");
        assert_eq!(tree.nodes[menu].role, Role::ComboBox);
        tree.nodes[menu].expanded
    };
    assert_eq!(expanded(&mut ui), Some(false));
    ui.press(Named::Space).await;
    assert_eq!(expanded(&mut ui), Some(true), "Space opens the list");
    ui.press(Named::Escape).await;
    assert_eq!(expanded(&mut ui), Some(false), "Esc closes it");
}

/// What a screen reader asks of node `i` of the tree the app last read.
async fn ask(
    ui: &mut Ui,
    action: accesskit::Action,
    i: usize,
    data: Option<accesskit::ActionData>,
) {
    let request = accesskit::ActionRequest {
        action,
        target_tree: accesskit::TreeId::ROOT,
        target_node: sesame_app::a11y::kit::node_id(i),
        data,
    };
    ui.send(sesame_app::app::Message::Reader(request)).await;
}

/// The node of `role` named `name`.
fn node(tree: &Tree, role: Role, name: &str) -> usize {
    (0..tree.nodes.len())
        .find(|&i| tree.nodes[i].role == role && tree.nodes[i].name == name)
        .unwrap_or_else(|| panic!("no {role:?} named {name:?} in\n{}", dump(tree)))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_presses_and_types_as_a_person_would() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Identification").await;
    // Pressed through its accessibility action, the button opens its form.
    let tree = ui.tree();
    let invite = node(&tree, Role::Button, "Invite by email");
    ask(&mut ui, accesskit::Action::Click, invite, None).await;
    let tree = ui.tree();
    assert!(
        tree.find(Role::Dialog).is_some(),
        "the press opened the form:\n{}",
        dump(&tree)
    );
    ui.press(iced::keyboard::key::Named::Escape).await;
    // A text set by the reader (voice control, a braille display) is typed into the field:
    // the list filters as it would for the keyboard.
    let tree = ui.tree();
    let search = (0..tree.nodes.len())
        .find(|&i| tree.nodes[i].role == Role::TextInput)
        .expect("the search field");
    let text = accesskit::ActionData::Value("zzz-nobody".into());
    ask(&mut ui, accesskit::Action::SetValue, search, Some(text)).await;
    let tree = ui.tree();
    let search = &tree.nodes[tree.focused().expect("the field has the focus")];
    assert_eq!(
        search.value.as_deref(),
        Some("zzz-nobody"),
        "{}",
        dump(&tree)
    );
    let rows = tree.nodes.iter().filter(|n| n.role == Role::Row).count();
    assert_eq!(rows, 1, "only the header row:\n{}", dump(&tree));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_scrolls_a_text_into_sight() {
    // At 200 % the follow-up's page scrolls: its last texts lie below the window.
    let mut ui = Ui::demo_at("fr", "demo", 200).await;
    ui.resize(1024.0, 700.0, 200).await;
    ui.navigate("Identification").await;
    let tree = ui.tree();
    let hidden = (0..tree.nodes.len())
        .rev()
        .find(|&i| tree.nodes[i].text.is_some() && !tree.nodes[i].visible())
        .unwrap_or_else(|| panic!("a text out of sight in\n{}", dump(&tree)));
    let name = tree.nodes[hidden].name.clone();
    ask(&mut ui, accesskit::Action::ScrollIntoView, hidden, None).await;
    let tree = ui.tree();
    let shown = (0..tree.nodes.len())
        .find(|&i| tree.nodes[i].name == name && tree.nodes[i].text.is_some())
        .expect("the text is still there");
    assert!(
        tree.nodes[shown].visible(),
        "{name:?} in sight:\n{}",
        dump(&tree)
    );
}

/// The record of the list's `row`-th person (from 1), opened by the keyboard at 200 % on
/// 1024×700, in French: its tree, and the node that has the focus.
async fn record_at_200(row: usize) -> (Tree, usize) {
    use iced::keyboard::key::Named;
    let mut ui = Ui::demo_at("fr", "demo", 200).await;
    ui.resize(1024.0, 700.0, 200).await;
    ui.navigate("Identification").await;
    for _ in 0..row {
        ui.press(Named::ArrowDown).await;
    }
    ui.press(Named::Enter).await;
    let tree = ui.tree();
    let focused = tree
        .focused()
        .unwrap_or_else(|| panic!("a focus in\n{}", dump(&tree)));
    (tree, focused)
}

/// A record's first field in sight, though the record's buttons (a line more of them) arrive
/// after the focus was put there: the focus is never left below the window's edge.
#[tokio::test(flavor = "multi_thread")]
async fn a_record_keeps_its_focused_field_in_sight_when_its_buttons_arrive() {
    // A suspended person: the first field that may be changed is far down the record.
    let (tree, focused) = record_at_200(2).await;
    let n = &tree.nodes[focused];
    assert!(n.visible(), "{:?} in sight:\n{}", n.name, dump(&tree));
}

/// A record opened from the list starts on its first field, whatever had the focus in the list
/// (iced keeps a widget's state where the next screen has one of the same kind).
#[tokio::test(flavor = "multi_thread")]
async fn a_record_opens_on_its_first_field() {
    let (tree, focused) = record_at_200(1).await;
    assert_eq!(tree.nodes[focused].name, "Nom", "{}", dump(&tree));
}
