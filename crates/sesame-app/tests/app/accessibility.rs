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
