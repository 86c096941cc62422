//! The operation that reads the tree off the window's widgets. Widgets report themselves
//! before they `traverse` their children, so a node's children are what it traverses.

use std::any::Any;

use iced::advanced::widget::Id;
use iced::advanced::widget::operation::{Focusable, Operation, Outcome, Scrollable, TextInput};
use iced::{Rectangle, Size, Vector};

use super::focus::{FocusAt, Sequence, rank_of};
use super::{Node, Role, Semantic, Tree};

/// Where the widgets being visited lie: under which node, how far their areas are scrolled,
/// and what of the window those areas show.
#[derive(Debug, Clone, Copy)]
struct Frame {
    parent: usize,
    offset: Vector,
    shown: Rectangle,
}

pub struct Collect {
    nodes: Vec<Node>,
    frames: Vec<Frame>,
    /// The node just reported: the next `traverse` enters it.
    pending: Option<usize>,
    /// A scrolled area just reported (its bounds and how far it is scrolled).
    entering: Option<(Rectangle, Vector)>,
    size: Size,
    then: Then,
    /// How many widgets reported a [`Semantic`] so far.
    reports: usize,
    /// How many texts were visited so far.
    texts: usize,
}

/// What the tree is read for.
pub enum Then {
    /// Nothing more: the caller reads it ([`Collect::tree`]).
    Nothing,
    /// Tab (or Shift+Tab, `back`).
    Step { back: bool },
    /// Handed to the app's eyes, which keep the focus where the person is and tell the screen
    /// reader.
    Look(super::eyes::Eyes),
    /// Read again after the eyes moved the focus (and scrolled to it): the screen reader gets
    /// where things now are.
    Reread(super::eyes::Eyes),
}

impl Collect {
    /// A window of `size` (the app's units).
    pub fn new(size: Size) -> Collect {
        let window = Rectangle::with_size(size);
        Collect {
            nodes: vec![Node::new(Role::Window, window, window)],
            frames: vec![Frame {
                parent: 0,
                offset: Vector::ZERO,
                shown: window,
            }],
            pending: None,
            entering: None,
            size,
            then: Then::Nothing,
            reports: 0,
            texts: 0,
        }
    }

    pub fn then(mut self, then: Then) -> Collect {
        self.then = then;
        self
    }

    fn frame(&self) -> Frame {
        *self.frames.last().expect("the window's frame")
    }

    fn add(&mut self, role: Role, id: Option<&Id>, bounds: Rectangle) -> usize {
        let frame = self.frame();
        let mut node = Node::new(role, bounds - frame.offset, frame.shown);
        node.id = id.cloned();
        node.parent = Some(frame.parent);
        let i = self.nodes.len();
        self.nodes.push(node);
        self.nodes[frame.parent].children.push(i);
        self.pending = Some(i);
        i
    }

    /// The node just reported, when it is the same widget reporting more of itself (same
    /// bounds, not yet focusable).
    fn same(&self, bounds: Rectangle) -> Option<usize> {
        let frame = self.frame();
        // The widget just reported, or the one whose content this is (a role given around
        // a field).
        [self.pending, Some(frame.parent)]
            .into_iter()
            .flatten()
            .find(|&i| {
                let n = &self.nodes[i];
                i != 0
                    && n.bounds == bounds - frame.offset
                    && !n.focusable
                    && !matches!(n.role, Role::Label | Role::Group | Role::ScrollView)
            })
    }

    /// The tree, with names given from labels and content, and the open dialog marked.
    pub fn tree(&self) -> Tree {
        let mut nodes = self.nodes.clone();
        merge_nested(&mut nodes);
        name_from_labels(&mut nodes);
        name_from_content(&mut nodes);
        name_header_rows(&mut nodes);
        let mut tree = Tree {
            nodes,
            size: self.size,
        };
        if let Some(dialog) = tree.dialog() {
            for i in 0..tree.nodes.len() {
                tree.nodes[i].in_dialog = tree.within(i, dialog);
            }
        }
        tree
    }
}

/// A node that holds only a node of its own role (a column header around the button that
/// sorts by it) is that node: the outer one becomes layout, and gives the inner what it knew.
fn merge_nested(nodes: &mut [Node]) {
    for i in 0..nodes.len() {
        // Through the layout between them (a container that clips).
        let mut only = nodes[i].children.clone();
        while let [c] = only[..]
            && nodes[c].role == Role::Group
            && nodes[c].report.is_none()
        {
            only = nodes[c].children.clone();
        }
        let [c] = only[..] else {
            continue;
        };
        if nodes[i].role == Role::Group || nodes[c].role != nodes[i].role {
            continue;
        }
        nodes[i].role = Role::Group;
        nodes[c].cut_by = nodes[c].cut_by.or(nodes[i].cut_by.take());
        if !nodes[c].named && nodes[i].named {
            nodes[c].name = std::mem::take(&mut nodes[i].name);
            nodes[c].named = true;
        }
    }
}

/// A table's header row is named by its column headers (as a browser names a row).
fn name_header_rows(nodes: &mut [Node]) {
    for i in 0..nodes.len() {
        if nodes[i].role != Role::Row || !nodes[i].name.is_empty() {
            continue;
        }
        let titles: Vec<String> = descendants(nodes, i)
            .into_iter()
            .filter(|&c| nodes[c].role == Role::ColumnHeader && !nodes[c].name.is_empty())
            // Without the arrow that shows the sort order (a shape, not a word).
            .map(|c| nodes[c].name.trim_end_matches([' ', '▲', '▼']).to_owned())
            .collect();
        nodes[i].name = titles.join(", ");
    }
}

/// A label names the first control inside it that has no name of its own.
fn name_from_labels(nodes: &mut [Node]) {
    for i in 0..nodes.len() {
        let Some(label) = nodes[i].labels.clone() else {
            continue;
        };
        if let Some(c) = descendants(nodes, i)
            .into_iter()
            .find(|&c| (nodes[c].focusable || nodes[c].role.is_control()) && !nodes[c].named)
        {
            nodes[c].name = label;
            nodes[c].named = true;
            if nodes[c].invalid.is_none() {
                nodes[c].invalid = nodes[i].invalid.clone();
            }
        }
    }
}

/// Buttons, headings, cells and notices are named by the texts they hold.
fn name_from_content(nodes: &mut [Node]) {
    for i in 0..nodes.len() {
        if nodes[i].named || !nodes[i].role.named_by_content() {
            continue;
        }
        let words: Vec<String> = descendants(nodes, i)
            .into_iter()
            .filter(|&c| nodes[c].role == Role::Label && !nodes[c].name.trim().is_empty())
            .map(|c| nodes[c].name.trim().to_owned())
            .collect();
        nodes[i].name = words.join(" ");
    }
}

/// Every node below `i`, in reading order.
pub(super) fn descendants(nodes: &[Node], i: usize) -> Vec<usize> {
    let mut out = vec![];
    let mut stack: Vec<usize> = nodes[i].children.iter().rev().copied().collect();
    while let Some(c) = stack.pop() {
        out.push(c);
        stack.extend(nodes[c].children.iter().rev().copied());
    }
    out
}

impl<T: Send + 'static> Operation<T> for Collect {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        let frame = self.frame();
        let parent = self
            .pending
            .take()
            .filter(|&p| self.nodes[p].role != Role::Label)
            .unwrap_or(frame.parent);
        let (offset, shown) = match self.entering.take() {
            Some((bounds, translation)) => (
                frame.offset + translation,
                frame
                    .shown
                    .intersection(&(bounds - frame.offset))
                    .unwrap_or(Rectangle::new(bounds.position(), Size::ZERO)),
            ),
            None => (frame.offset, frame.shown),
        };
        self.frames.push(Frame {
            parent,
            offset,
            shown,
        });
        operate(self);
        self.frames.pop();
        self.pending = None;
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        self.add(Role::Group, id, bounds);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        _content: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        self.add(Role::ScrollView, id, bounds);
        self.entering = Some((bounds, translation));
    }

    fn focusable(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        let i = match self.same(bounds) {
            Some(i) => i,
            // A control that says nothing else of itself.
            None => self.add(Role::Button, id, bounds),
        };
        let node = &mut self.nodes[i];
        node.focusable = true;
        node.focused = state.is_focused();
        if node.id.is_none() {
            node.id = id.cloned();
        }
    }

    fn text_input(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn TextInput) {
        let i = match self.same(bounds) {
            Some(i) => i,
            None => self.add(Role::TextInput, id, bounds),
        };
        let node = &mut self.nodes[i];
        if !matches!(node.role, Role::TextInput | Role::PasswordInput) {
            node.role = Role::TextInput;
        }
        // The value as the field's owner told it; else the field's own, which is its
        // placeholder while empty.
        let value = node.value.take().unwrap_or_else(|| state.text().to_owned());
        node.value = Some(match node.role {
            // A password is never read out: how long it is, at most.
            Role::PasswordInput => "•".repeat(value.chars().count()),
            _ => value,
        });
        if node.id.is_none() {
            node.id = id.cloned();
        }
    }

    fn text(&mut self, id: Option<&Id>, bounds: Rectangle, text: &str) {
        let rank = self.texts;
        self.texts += 1;
        // Told already, with more (a shortened value).
        if let Some(p) = self.pending
            && self.nodes[p].role == Role::Label
            && self.nodes[p].name == text
            && self.nodes[p].bounds == bounds - self.frame().offset
        {
            self.nodes[p].text = Some(rank);
            return;
        }
        let i = self.add(Role::Label, id, bounds);
        self.nodes[i].name = text.to_owned();
        self.nodes[i].text = Some(rank);
    }

    fn custom(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn Any) {
        let Some(s) = state.downcast_ref::<Semantic>() else {
            return;
        };
        let report = self.reports;
        self.reports += 1;
        let Some(role) = s.role else {
            let i = self.add(Role::Group, id, bounds);
            self.nodes[i].report = Some(report);
            self.nodes[i].labels = s.name.clone();
            self.nodes[i].invalid = s.invalid.clone();
            return;
        };
        let i = self.add(role, id, bounds);
        let node = &mut self.nodes[i];
        node.report = Some(report);
        if let Some(name) = &s.name {
            node.name = name.clone();
            node.named = true;
        }
        node.value = s.value.clone();
        node.checked = s.checked;
        node.expanded = s.expanded;
        node.selected = s.selected;
        node.disabled = s.disabled;
        node.invalid = s.invalid.clone();
        node.level = s.level;
        node.cut_by = s.cut_by;
        node.default = s.default;
    }

    fn finish(&self) -> Outcome<T> {
        let then: Option<Box<dyn Operation<T>>> = match &self.then {
            Then::Nothing => None,
            Then::Step { back } => {
                let tree = self.tree();
                super::focus::next_of(&tree, *back)
                    .map(|i| Box::new(FocusAt::new(rank_of(&tree, i))) as _)
            }
            Then::Look(eyes) => eyes.seen(self.tree()).map(|n| {
                let reread = Collect::new(self.size).then(Then::Reread(eyes.clone()));
                Box::new(Sequence::new(Box::new(FocusAt::new(n)), Box::new(reread))) as _
            }),
            Then::Reread(eyes) => {
                eyes.reread(self.tree());
                None
            }
        };
        match then {
            Some(op) => Outcome::Chain(op),
            None => Outcome::None,
        }
    }
}
