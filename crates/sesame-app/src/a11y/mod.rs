//! What is on screen, as a screen reader and the app's own audit see it: one tree of roles,
//! names, values, states and bounds, collected from the widgets that draw the frame (an
//! operation over the window's widget tree, run after every update). iced has no
//! accessibility of its own: iced's widgets report their texts, fields, scrolled areas and
//! focusable controls to operations, and Sesame's widgets add their role and state through
//! [`Semantic`] (a button, a check box, a menu, a dialog, a table and its rows).

mod collect;
pub mod eyes;
pub mod focus;
pub mod kit;
mod reader;

pub mod bridge;

pub use collect::Collect;
pub use reader::{Reader, Request};

use iced::Rectangle;
use iced::advanced::widget::Id;

/// What a node is to the person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Window,
    /// The banner: the app's navigation.
    Banner,
    /// The open screen's own content.
    Main,
    Dialog,
    /// A page's or a dialog's title (`level` 1) or a section's (2).
    Heading,
    /// A text that is read, not acted on.
    Label,
    Button,
    Link,
    CheckBox,
    /// A menu: a value chosen from a list (opened by Enter).
    ComboBox,
    TextInput,
    PasswordInput,
    Table,
    Row,
    ColumnHeader,
    Cell,
    /// A notice that says what was done: read out when it appears.
    Status,
    /// A notice that says what failed: read out at once.
    Alert,
    /// An area that scrolls.
    ScrollView,
    /// An image that says something (the QR code, a shield).
    Image,
    /// Layout only: left out of the tree the screen reader gets.
    Group,
}

impl Role {
    /// Controls a person acts on: they take the keyboard focus.
    pub fn is_control(self) -> bool {
        matches!(
            self,
            Role::Button
                | Role::Link
                | Role::CheckBox
                | Role::ComboBox
                | Role::TextInput
                | Role::PasswordInput
                | Role::ColumnHeader
        )
    }

    /// Nodes whose name is the text they hold (their texts are not read again below them).
    fn named_by_content(self) -> bool {
        matches!(
            self,
            Role::Button
                | Role::Link
                | Role::CheckBox
                | Role::ColumnHeader
                | Role::Heading
                | Role::Cell
                | Role::Status
                | Role::Alert
        )
    }
}

/// What one of Sesame's widgets says of itself to operations (through `Operation::custom`).
/// A `role` of `None` names the first unnamed control inside (a form line's label).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Semantic {
    pub role: Option<Role>,
    pub name: Option<String>,
    pub value: Option<String>,
    pub checked: Option<bool>,
    pub expanded: Option<bool>,
    pub selected: bool,
    pub disabled: bool,
    /// The field's error, shown under it.
    pub invalid: Option<String>,
    pub level: u8,
    /// A text shown shortened ("…"): how much wider it is than the room it has.
    pub cut_by: Option<f32>,
    /// The screen reader asked to press it: the control acts on its next event.
    pub pressed: bool,
    /// The action Enter would take in its dialog or form (a filled button).
    pub default: bool,
    /// The screen reader set the text of the field inside: typed in on its next event.
    pub fill: Option<String>,
}

impl Semantic {
    pub fn new(role: Role) -> Semantic {
        Semantic {
            role: Some(role),
            ..Semantic::default()
        }
    }

    /// A label for the control inside.
    pub fn label(name: impl Into<String>) -> Semantic {
        Semantic {
            name: Some(name.into()),
            ..Semantic::default()
        }
    }

    pub fn name(mut self, name: impl Into<String>) -> Semantic {
        self.name = Some(name.into());
        self
    }
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    pub role: Role,
    pub name: String,
    pub value: Option<String>,
    /// Where it is drawn in the window (logical units, scrolling applied).
    pub bounds: Rectangle,
    /// What of the window the scrolled areas around it show (the window when none).
    pub shown: Rectangle,
    pub id: Option<Id>,
    pub focusable: bool,
    pub focused: bool,
    pub disabled: bool,
    pub checked: Option<bool>,
    pub expanded: Option<bool>,
    pub selected: bool,
    pub invalid: Option<String>,
    pub level: u8,
    pub cut_by: Option<f32>,
    pub default: bool,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Inside the dialog that is open (the topmost): the only part that takes the focus.
    pub in_dialog: bool,
    /// Its rank among the widgets that reported a [`Semantic`] (what [`focus::AtReport`] counts).
    pub report: Option<usize>,
    /// Its rank among the texts that operations visit (what scrolling a text into view counts).
    pub text: Option<usize>,
    /// Names a control below it that has no name of its own (a form line's label).
    labels: Option<String>,
    /// Its name was given, not read from its content.
    named: bool,
}

impl Node {
    fn new(role: Role, bounds: Rectangle, shown: Rectangle) -> Node {
        Node {
            role,
            name: String::new(),
            value: None,
            bounds,
            shown,
            id: None,
            focusable: false,
            focused: false,
            disabled: false,
            checked: None,
            expanded: None,
            selected: false,
            invalid: None,
            level: 0,
            cut_by: None,
            default: false,
            parent: None,
            children: vec![],
            in_dialog: false,
            report: None,
            text: None,
            labels: None,
            named: false,
        }
    }

    /// Whether any of it shows in the window, as it is now scrolled.
    pub fn visible(&self) -> bool {
        self.bounds.intersection(&self.shown).is_some()
    }
}

/// The whole window: `nodes[0]` is the window itself.
#[derive(Debug, Clone)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// The window's size, in the app's units (after its scale).
    pub size: iced::Size,
}

impl Tree {
    /// The controls Tab walks through, in reading order: those of the open dialog only, when
    /// one is open.
    pub fn tab_order(&self) -> Vec<usize> {
        let dialog = self.nodes.iter().any(|n| n.in_dialog);
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].focusable && (!dialog || self.nodes[i].in_dialog))
            .collect()
    }

    pub fn focused(&self) -> Option<usize> {
        self.nodes.iter().position(|n| n.focused)
    }

    /// The open dialog (the topmost), if any.
    pub fn dialog(&self) -> Option<usize> {
        self.nodes.iter().rposition(|n| n.role == Role::Dialog)
    }

    /// Whether `node` is `ancestor` or lies inside it.
    pub fn within(&self, node: usize, ancestor: usize) -> bool {
        let mut at = Some(node);
        while let Some(i) = at {
            if i == ancestor {
                return true;
            }
            at = self.nodes[i].parent;
        }
        false
    }

    /// The rank of the first text at `node` or below it (what to scroll into view for it).
    pub fn first_text(&self, node: usize) -> Option<usize> {
        let n = &self.nodes[node];
        n.text
            .or_else(|| n.children.iter().find_map(|&c| self.first_text(c)))
    }

    /// The nearest widget at `node` or around it that reported a [`Semantic`] (its rank).
    pub fn report_around(&self, node: usize) -> Option<usize> {
        let mut at = Some(node);
        while let Some(i) = at {
            if let Some(r) = self.nodes[i].report {
                return Some(r);
            }
            at = self.nodes[i].parent;
        }
        None
    }

    /// The first node of `role`.
    pub fn find(&self, role: Role) -> Option<usize> {
        self.nodes.iter().position(|n| n.role == role)
    }

    /// The titles that say where the person is: the screen's (or step's) and the open
    /// dialog's. When they change, the person is somewhere new.
    pub fn place(&self) -> String {
        self.nodes
            .iter()
            .filter(|n| (n.role == Role::Heading && n.level == 1) || n.role == Role::Dialog)
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// A control's key, to find it again in the next frame: its id, or its role, name and
    /// rank among the controls of that role and name.
    pub fn key(&self, i: usize) -> Key {
        let n = &self.nodes[i];
        let rank = self.nodes[..i]
            .iter()
            .filter(|m| m.focusable && m.role == n.role && m.name == n.name && m.id == n.id)
            .count();
        Key {
            id: n.id.clone(),
            role: n.role,
            name: n.name.clone(),
            rank,
        }
    }

    /// The control with this key, if it is still there.
    pub fn seek(&self, key: &Key) -> Option<usize> {
        if key.id.is_some()
            && let Some(i) = self
                .nodes
                .iter()
                .position(|n| n.focusable && n.id == key.id)
        {
            return Some(i);
        }
        (0..self.nodes.len())
            .filter(|&i| {
                let n = &self.nodes[i];
                n.focusable && n.role == key.role && n.name == key.name && n.id == key.id
            })
            .nth(key.rank)
    }
}

/// A control as found again from frame to frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub id: Option<Id>,
    pub role: Role,
    pub name: String,
    pub rank: usize,
}
