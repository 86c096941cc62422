//! The app looking at itself after every update: it reads the tree, keeps the keyboard focus
//! where the person is (a dialog takes it and gives it back, a new screen or step puts it on
//! its first field, a control that went away hands it to its neighbour), and tells the screen
//! reader what changed.

use std::sync::{Arc, Mutex};

use iced::{Size, Task};

use super::{Collect, Key, Role, Tree, collect::Then, focus::rank_of};

/// Shared between the app and the operations it sends to its window (and the screen reader's
/// thread, which asks for the tree).
#[derive(Clone, Default)]
pub struct Eyes {
    memory: Arc<Mutex<Memory>>,
    /// The last tree read, alone behind its lock: the screen reader's thread takes it.
    tree: Arc<Mutex<Option<Arc<Tree>>>>,
    /// Called with each new tree (the screen reader's bridge).
    listener: Arc<Mutex<Option<Listener>>>,
}

/// Hears every new tree.
type Listener = Box<dyn FnMut(&Tree) + Send>;

/// What the focus was, from one frame to the next.
#[derive(Debug, Default)]
pub struct Memory {
    /// The control that had the focus, and its place in the Tab order.
    last: Option<(Key, usize)>,
    /// Where the person was (see [`Tree::place`]).
    place: Option<String>,
    /// The open dialogs (by title), each with the control that had the focus when it opened.
    openers: Vec<(String, Option<Key>)>,
    /// The place left last, with the control that had the focus there: coming back to it
    /// (from a record to its list, a wizard's step back) finds that control again.
    left: Option<(String, Key)>,
    /// A new screen had no control yet (still loading): its first one takes the focus when
    /// it comes, unless the person went elsewhere.
    awaiting: bool,
    /// The focused control when it was in sight, with what the areas around it showed.
    in_sight: Option<(Key, iced::Rectangle)>,
    /// Where a new screen's focus went while it had no field open yet (still loading): the
    /// first field takes it once it comes, unless the person went elsewhere.
    provisional: Option<Key>,
}

impl Eyes {
    /// Reads the window (of `size`, in the app's units) once the update's own operations
    /// (a focus, a scroll) have run.
    pub fn look<T: Send + 'static>(&self, size: Size) -> Task<T> {
        let eyes = self.clone();
        Task::future(tokio::task::yield_now()).then(move |()| {
            iced::advanced::widget::operate(Collect::new(size).then(Then::Look(eyes.clone())))
        })
    }

    /// The tree as last read.
    pub fn tree(&self) -> Option<Arc<Tree>> {
        self.tree.lock().expect("tree").clone()
    }

    /// `f` hears every new tree.
    pub fn listen(&self, f: impl FnMut(&Tree) + Send + 'static) {
        *self.listener.lock().expect("listener") = Some(Box::new(f));
    }

    /// A tree just read: where the focus must go (its rank among focusable widgets), if it
    /// must move.
    pub(super) fn seen(&self, mut tree: Tree) -> Option<usize> {
        let target = {
            let mut memory = self.memory.lock().expect("memory");
            let target = memory.decide(&tree);
            if let Some(t) = target {
                for (i, n) in tree.nodes.iter_mut().enumerate() {
                    n.focused = i == t;
                }
            }
            memory.remember(&tree);
            if let Some(t) = target {
                // Brought into sight by the move.
                memory.in_sight = Some((tree.key(t), tree.nodes[t].shown));
            }
            target
        };
        if let Some(f) = self.listener.lock().expect("listener").as_mut() {
            f(&tree);
        }
        let rank = target.map(|t| rank_of(&tree, t));
        *self.tree.lock().expect("tree") = Some(Arc::new(tree));
        rank
    }
}

impl Eyes {
    /// The tree read again after the eyes moved the focus: kept and told, the focus left as is.
    pub(super) fn reread(&self, tree: Tree) {
        self.memory.lock().expect("memory").remember(&tree);
        if let Some(f) = self.listener.lock().expect("listener").as_mut() {
            f(&tree);
        }
        *self.tree.lock().expect("tree") = Some(Arc::new(tree));
    }
}

impl Memory {
    /// Where the focus goes while the dialog `d` is the one on top. A dialog that opens takes
    /// the focus and will give it back to its opener; one opened over another (the print
    /// dialog over a password shown once) gives it back to the control of the one below, which
    /// is on top again; one that follows another in its place gives it back to the first one's
    /// opener.
    fn decide_in_dialog(&mut self, tree: &Tree, d: usize, focused: Option<usize>) -> Option<usize> {
        let title = tree.nodes[d].name.clone();
        let keep = |f: Option<usize>| match f {
            Some(f) if tree.nodes[f].in_dialog => None,
            _ => first_field(tree, d).filter(|&t| Some(t) != f),
        };
        if let Some(at) = self.openers.iter().position(|(t, _)| *t == title) {
            if at + 1 == self.openers.len() {
                return keep(focused);
            }
            // The dialogs above this one closed: back to what opened the first of them.
            let opener = self.openers[at + 1].1.clone();
            self.openers.truncate(at + 1);
            return opener
                .and_then(|k| tree.seek(&k))
                .filter(|&t| Some(t) != focused)
                .or_else(|| keep(focused));
        }
        let open = |t: &str| {
            tree.nodes
                .iter()
                .any(|n| n.role == Role::Dialog && n.name == t)
        };
        let over_another = self.openers.last().is_some_and(|(t, _)| open(t));
        if over_another {
            let opener = self.last.as_ref().map(|(k, _)| k.clone());
            self.openers.push((title, opener));
        } else {
            let opener = match self.openers.first() {
                Some((_, k)) => k.clone(),
                None => self.last.as_ref().map(|(k, _)| k.clone()),
            };
            self.openers = vec![(title, opener)];
        }
        first_field(tree, d).filter(|&t| Some(t) != focused)
    }

    /// Where the focus goes in `tree`, when it must move.
    pub fn decide(&mut self, tree: &Tree) -> Option<usize> {
        let focused = tree.focused();
        let place = tree.place();
        if let Some(d) = tree.dialog() {
            return self.decide_in_dialog(tree, d, focused);
        }
        let closed = std::mem::take(&mut self.openers).into_iter().next();
        if let Some((_, opener)) = closed {
            // The dialog closed: back to the control that opened it (or where it was).
            if focused.is_none() {
                return opener
                    .and_then(|k| tree.seek(&k))
                    .or_else(|| self.nearest(tree));
            }
        }
        // A screen that chose where the focus goes (a field to correct) is left to it. Any
        // other control focused in the new place is what iced kept of the last one (a widget
        // of the same kind at the same spot, a button where a button was): not a choice.
        let chosen = focused.is_some_and(|f| {
            tree.within(f, tree.find(Role::Main).unwrap_or(0))
                && is_field(tree, f)
                && !tree.nodes[f].disabled
        });
        if self.place.as_deref() != Some(place.as_str()) && !chosen {
            let back = self
                .left
                .as_ref()
                .filter(|(p, _)| *p == place)
                .and_then(|(_, k)| tree.seek(k));
            self.left = self
                .place
                .clone()
                .zip(self.last.as_ref().map(|(k, _)| k.clone()));
            // Back where the person was, or a new screen or step: its first field, not the
            // banner. A screen still loading gets it when its controls arrive.
            let main = tree.find(Role::Main).unwrap_or(0);
            let target = back.or_else(|| first_field(tree, main));
            self.last = None;
            self.awaiting = target.is_none();
            self.provisional = target
                .filter(|&t| back.is_none() && !is_field(tree, t))
                .map(|t| tree.key(t));
            return target.filter(|&t| Some(t) != focused);
        }
        if let Some(k) = self.provisional.take()
            && focused.is_some_and(|f| tree.key(f) == k)
        {
            let main = tree.find(Role::Main).unwrap_or(0);
            match first_field(tree, main) {
                // A field came before it: the focus goes there.
                Some(t) if is_field(tree, t) && focused.is_some_and(|f| t < f) => return Some(t),
                // None yet: wait on.
                _ => self.provisional = Some(k),
            }
        }
        if focused.is_some() {
            self.awaiting = false;
        }
        if self.awaiting && focused.is_none() {
            let target = first_field(tree, tree.find(Role::Main).unwrap_or(0));
            self.awaiting = target.is_none();
            return target;
        }
        match focused {
            // What came after it pushed it out of sight (a bar that grew a line of buttons
            // once the record loaded): brought back into view. A scroll by the person does not
            // change what the areas show, and is left alone.
            Some(f) if self.pushed_away(tree, f) => Some(f),
            Some(_) => None,
            // The focused control went away: the one in its place takes the focus.
            None => self
                .last
                .as_ref()
                .and_then(|(k, _)| tree.seek(k))
                .or_else(|| self.nearest(tree)),
        }
    }

    /// The control now where the last focused one was in the Tab order.
    fn nearest(&self, tree: &Tree) -> Option<usize> {
        let (_, at) = self.last.as_ref()?;
        let order = tree.tab_order();
        order.get((*at).min(order.len().checked_sub(1)?)).copied()
    }

    /// Whether the focused control `f` was in sight and is no longer, because the areas around
    /// it changed size.
    fn pushed_away(&self, tree: &Tree, f: usize) -> bool {
        let n = &tree.nodes[f];
        self.in_sight
            .as_ref()
            .is_some_and(|(k, shown)| *k == tree.key(f) && *shown != n.shown && !n.visible())
    }

    pub fn remember(&mut self, tree: &Tree) {
        self.place = Some(tree.place());
        if let Some(f) = tree.focused() {
            let at = tree.tab_order().iter().position(|&i| i == f).unwrap_or(0);
            self.last = Some((tree.key(f), at));
        }
        self.in_sight = tree
            .focused()
            .filter(|&f| tree.nodes[f].visible())
            .map(|f| (tree.key(f), tree.nodes[f].shown));
    }
}

/// Whether node `t` is a text field.
fn is_field(tree: &Tree, t: usize) -> bool {
    matches!(tree.nodes[t].role, Role::TextInput | Role::PasswordInput)
}

/// The first field inside `scope`: a text field, else the action Enter would take, else any
/// control.
pub fn first_field(tree: &Tree, scope: usize) -> Option<usize> {
    let inside: Vec<usize> = tree
        .tab_order()
        .into_iter()
        .filter(|&i| tree.within(i, scope) && !tree.nodes[i].disabled)
        .collect();
    inside
        .iter()
        .copied()
        .find(|&i| matches!(tree.nodes[i].role, Role::TextInput | Role::PasswordInput))
        .or_else(|| inside.iter().copied().find(|&i| tree.nodes[i].default))
        .or_else(|| inside.first().copied())
}
