//! Tab and Shift+Tab over the tree: the controls of the open dialog only when one is open (the
//! page behind it is out of reach), and the focus put on one control by its place in the
//! tree. iced's own `focus_next` walks every focusable widget, those under a dialog's veil too.

use iced::Task;
use iced::advanced::widget::operation::{Focusable, Operation, Outcome};
use iced::advanced::widget::{Id, operate};
use iced::{Rectangle, Size};

use super::collect::Then;
use super::{Collect, Tree};

/// The focus to the next control (or the previous, `back`), within the open dialog if any,
/// brought into view.
pub fn step<T: Send + 'static>(back: bool) -> Task<T> {
    operate(Collect::new(Size::INFINITE).then(Then::Step { back }))
}

/// The control of rank `n` among the window's focusable widgets (in the order operations meet
/// them) takes the focus; every other gives it up.
pub struct FocusAt {
    pub n: usize,
    seen: usize,
}

impl FocusAt {
    pub fn new(n: usize) -> FocusAt {
        FocusAt { n, seen: 0 }
    }
}

impl<T: Send + 'static> Operation<T> for FocusAt {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }

    fn focusable(&mut self, _id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if self.seen == self.n {
            state.focus();
        } else {
            state.unfocus();
        }
        self.seen += 1;
    }

    /// Then the page scrolls to show the control.
    fn finish(&self) -> iced::advanced::widget::operation::Outcome<T> {
        iced::advanced::widget::operation::Outcome::Chain(crate::widget::reveal::reveal_operation())
    }
}

/// The rank among focusable widgets of the node `i` (what [`FocusAt`] counts).
pub fn rank_of(tree: &Tree, i: usize) -> usize {
    tree.nodes[..i].iter().filter(|n| n.focusable).count()
}

/// The control Tab (or Shift+Tab) goes to from the focused one.
pub fn next_of(tree: &Tree, back: bool) -> Option<usize> {
    let order = tree.tab_order();
    if order.is_empty() {
        return None;
    }
    let at = tree
        .focused()
        .and_then(|f| order.iter().position(|&i| i == f));
    let n = order.len();
    let to = match (at, back) {
        (None, false) => 0,
        (None, true) => n - 1,
        (Some(i), false) => (i + 1) % n,
        (Some(i), true) => (i + n - 1) % n,
    };
    Some(order[to])
}

/// What the screen reader asked of the widget that reported the [`Semantic`](super::Semantic)
/// of rank `n` (press it, type into it), set on that report: the widget acts on its next event.
pub struct AtReport {
    n: usize,
    seen: usize,
    ask: Box<dyn FnMut(&mut super::Semantic) + Send>,
}

impl AtReport {
    /// Pressed, as Enter would.
    pub fn press(n: usize) -> AtReport {
        AtReport::new(n, |s| s.pressed = true)
    }

    /// `text` typed into its (focused) field, in place of what it held.
    pub fn fill(n: usize, text: String) -> AtReport {
        let mut text = Some(text);
        AtReport::new(n, move |s| s.fill = text.take())
    }

    fn new(n: usize, ask: impl FnMut(&mut super::Semantic) + Send + 'static) -> AtReport {
        AtReport {
            n,
            seen: 0,
            ask: Box::new(ask),
        }
    }
}

impl<T> Operation<T> for AtReport {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }

    fn custom(&mut self, _id: Option<&Id>, _bounds: Rectangle, state: &mut dyn std::any::Any) {
        if let Some(s) = state.downcast_mut::<super::Semantic>() {
            if self.seen == self.n {
                (self.ask)(s);
            }
            self.seen += 1;
        }
    }
}

/// `first` (with what it chains), then `then`: an operation that must see the window once
/// another is done with it.
pub struct Sequence<T> {
    first: Box<dyn Operation<T>>,
    then: std::sync::Mutex<Option<Box<dyn Operation<T>>>>,
}

impl<T> Sequence<T> {
    pub fn new(first: Box<dyn Operation<T>>, then: Box<dyn Operation<T>>) -> Sequence<T> {
        Sequence {
            first,
            then: std::sync::Mutex::new(Some(then)),
        }
    }
}

impl<T: Send + 'static> Operation<T> for Sequence<T> {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        self.first.traverse(operate);
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        self.first.container(id, bounds);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content: Rectangle,
        translation: iced::Vector,
        state: &mut dyn iced::advanced::widget::operation::Scrollable,
    ) {
        self.first
            .scrollable(id, bounds, content, translation, state);
    }

    fn focusable(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        self.first.focusable(id, bounds, state);
    }

    fn text_input(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        state: &mut dyn iced::advanced::widget::operation::TextInput,
    ) {
        self.first.text_input(id, bounds, state);
    }

    fn text(&mut self, id: Option<&Id>, bounds: Rectangle, text: &str) {
        self.first.text(id, bounds, text);
    }

    fn custom(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn std::any::Any) {
        self.first.custom(id, bounds, state);
    }

    fn finish(&self) -> Outcome<T> {
        let then = self.then.lock().expect("then").take();
        match (self.first.finish(), then) {
            (Outcome::Chain(next), then) => Outcome::Chain(Box::new(Sequence {
                first: next,
                then: std::sync::Mutex::new(then),
            })),
            // A result ends it: what came next is not needed.
            (Outcome::Some(v), _) => Outcome::Some(v),
            (Outcome::None, Some(then)) => Outcome::Chain(then),
            (Outcome::None, None) => Outcome::None,
        }
    }
}
