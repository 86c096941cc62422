//! The screen reader's side of the app: its bridge started with the window, and what it asks
//! (focus a control, press it) done as a keyboard would.

use accesskit::Action;
use iced::Task;
use iced::advanced::widget::operate;

use super::{App, Message};
use crate::a11y::focus::{FocusAt, Press, rank_of};
use crate::a11y::{Reader, Request, kit};

impl App {
    /// Registers the app with the system's screen reader (once, when the window opens).
    pub fn start_reader(&mut self) {
        if self.reader.is_none() {
            self.reader = Reader::start(&self.eyes, self.title(), f64::from(self.scale_factor()));
        }
    }

    pub(super) fn reader_asks(&mut self, request: Request) -> Task<Message> {
        let Some(tree) = self.eyes.tree() else {
            return Task::none();
        };
        let i = kit::index(request.target_node);
        let Some(node) = tree.nodes.get(i) else {
            return Task::none();
        };
        match request.action {
            Action::Focus if node.focusable => operate(FocusAt::new(rank_of(&tree, i))),
            Action::Click if !node.disabled => match node.report {
                // The press lands on the control's next event: a redraw brings one.
                Some(n) => operate(Press::new(n)).chain(iced_runtime::task::effect(
                    iced_runtime::Action::Window(iced_runtime::window::Action::RedrawAll),
                )),
                None => Task::none(),
            },
            _ => Task::none(),
        }
    }
}
