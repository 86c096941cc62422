//! The tree as AccessKit's model, which every platform's screen reader bridge reads: layout-only
//! groups are left out (their children go to the nearest node that is kept), and a control's
//! own texts are its name, not nodes of their own.

use accesskit::{
    Action, Live, Node as KitNode, NodeId, Rect, SortDirection, Toggled, TreeId, TreeInfo,
    TreeUpdate,
};

use super::{Node, Role, Tree};

/// The node id of the tree node `i` (the window is 0).
pub fn node_id(i: usize) -> NodeId {
    NodeId(i as u64)
}

/// The tree node of an AccessKit id.
pub fn index(id: NodeId) -> usize {
    id.0 as usize
}

/// The whole tree, as one update, in physical pixels (`scale`: the app's scale times the
/// system's), titled `title` (the window's title).
pub fn update(tree: &Tree, scale: f64, title: &str) -> TreeUpdate {
    let mut nodes = Vec::new();
    let mut root = KitNode::new(accesskit::Role::Window);
    root.set_label(title);
    root.set_children(kept_children(tree, 0));
    nodes.push((node_id(0), root));
    for (i, n) in tree.nodes.iter().enumerate().skip(1) {
        if kept(tree, i) {
            nodes.push((node_id(i), node(tree, i, n, scale)));
        }
    }
    TreeUpdate {
        nodes,
        tree: Some(TreeInfo {
            root: node_id(0),
            toolkit_name: Some("iced".into()),
            toolkit_version: Some("0.14".into()),
        }),
        tree_id: TreeId::ROOT,
        focus: node_id(focus(tree)),
    }
}

/// The node the reader is told has the focus: the focused control, or the nearest node it
/// gets around it (the window when none).
fn focus(tree: &Tree) -> usize {
    let mut at = tree.focused();
    while let Some(i) = at {
        if kept(tree, i) {
            return i;
        }
        at = tree.nodes[i].parent;
    }
    0
}

/// Whether the screen reader gets node `i`: not a layout group, not a text that names the
/// control holding it, not something under a dialog's veil.
fn kept(tree: &Tree, i: usize) -> bool {
    let n = &tree.nodes[i];
    let empty = n.name.trim().is_empty();
    if (n.role == Role::Group || n.role == Role::Label) && empty && !n.focusable {
        return false;
    }
    if tree.dialog().is_some() && !n.in_dialog {
        return false;
    }
    let mut at = n.parent;
    while let Some(p) = at {
        let parent = &tree.nodes[p];
        if parent.role.named_by_content() || parent.focusable {
            return false;
        }
        at = parent.parent;
    }
    true
}

/// The kept nodes directly under node `i` (through the groups that are left out).
fn kept_children(tree: &Tree, i: usize) -> Vec<NodeId> {
    let mut out = vec![];
    for &c in &tree.nodes[i].children {
        if kept(tree, c) {
            out.push(node_id(c));
        } else if tree.nodes[c].role == Role::Group || tree.dialog().is_some() {
            out.extend(kept_children(tree, c));
        }
    }
    out
}

fn node(tree: &Tree, i: usize, n: &Node, scale: f64) -> KitNode {
    let mut k = KitNode::new(role(n.role));
    // The arrow that shows the sort order is said as the order, not as a shape.
    let sorted = [
        (" ▲", SortDirection::Ascending),
        (" ▼", SortDirection::Descending),
    ]
    .into_iter()
    .find_map(|(arrow, order)| Some((n.name.strip_suffix(arrow)?, order)))
    .filter(|_| n.role == Role::ColumnHeader);
    if let Some((name, order)) = sorted {
        k.set_label(name);
        k.set_sort_direction(order);
    } else if !n.name.is_empty() {
        k.set_label(n.name.as_str());
    }
    if let Some(v) = &n.value {
        k.set_value(v.as_str());
    } else if n.role == Role::Label {
        // A text's words are its value too: AT-SPI readers read a label's text from there.
        k.set_value(n.name.as_str());
    }
    let b = n.bounds;
    k.set_bounds(Rect {
        x0: f64::from(b.x) * scale,
        y0: f64::from(b.y) * scale,
        x1: f64::from(b.x + b.width) * scale,
        y1: f64::from(b.y + b.height) * scale,
    });
    if n.focusable {
        k.add_action(Action::Focus);
        if !n.disabled {
            k.add_action(Action::Click);
        }
    }
    if matches!(n.role, Role::TextInput) {
        k.add_action(Action::SetValue);
    }
    k.add_action(Action::ScrollIntoView);
    if n.disabled {
        k.set_disabled();
    }
    if let Some(c) = n.checked {
        k.set_toggled(Toggled::from(c));
    }
    if let Some(e) = n.expanded {
        k.set_expanded(e);
    }
    if n.selected {
        k.set_selected(true);
    }
    if let Some(error) = &n.invalid {
        k.set_invalid(accesskit::Invalid::True);
        k.set_description(error.as_str());
    }
    if n.level > 0 {
        k.set_level(usize::from(n.level));
    }
    match n.role {
        Role::Status => k.set_live(Live::Polite),
        Role::Alert => k.set_live(Live::Assertive),
        Role::Dialog => k.set_modal(),
        _ => {}
    }
    k.set_children(kept_children(tree, i));
    k
}

fn role(role: Role) -> accesskit::Role {
    use accesskit::Role as K;
    match role {
        Role::Window => K::Window,
        Role::Banner => K::Banner,
        Role::Main => K::Main,
        Role::Dialog => K::Dialog,
        Role::Heading => K::Heading,
        Role::Label => K::Label,
        Role::Button => K::Button,
        Role::Link => K::Link,
        Role::CheckBox => K::CheckBox,
        Role::ComboBox => K::ComboBox,
        Role::TextInput => K::TextInput,
        Role::PasswordInput => K::PasswordInput,
        Role::Table => K::Table,
        Role::Row => K::Row,
        Role::ColumnHeader => K::ColumnHeader,
        Role::Cell => K::Cell,
        Role::Status => K::Status,
        Role::Alert => K::Alert,
        Role::ScrollView => K::ScrollView,
        Role::Image => K::Image,
        Role::Group => K::GenericContainer,
    }
}
