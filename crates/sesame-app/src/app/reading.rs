//! The screen reader's side of the app: its bridge started with the window, and what it asks
//! (focus a control, press it) done as a keyboard would.

use accesskit::{Action, ActionData};
use iced::Task;
use iced::advanced::widget::operate;

use super::{App, Message};
use crate::a11y::focus::{AtReport, FocusAt, rank_of};
use crate::a11y::{Reader, Request, Role, kit};
use crate::widget::reveal::show_text;

impl App {
    /// Registers the app with the system's screen reader (once, when the window opens); the
    /// task puts the bridge on the window where the system needs it there.
    pub fn start_reader(&mut self) -> Task<Message> {
        if self.reader.is_some() {
            return Task::none();
        }
        let (reader, task) =
            Reader::start(&self.eyes, self.title(), f64::from(self.scale_factor()));
        self.reader = Some(reader);
        task.discard()
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
                Some(n) => operate(AtReport::press(n)).chain(redraw()),
                None => Task::none(),
            },
            // A voice-control program or a braille display's editing: the text replaces the
            // field's, as if typed there, so the screen hears of it as of any typing.
            Action::SetValue
                if matches!(node.role, Role::TextInput | Role::PasswordInput) && !node.disabled =>
            {
                let text = match request.data {
                    Some(ActionData::Value(text)) => text.into_string(),
                    _ => return Task::none(),
                };
                match tree.report_around(i) {
                    Some(n) => operate(FocusAt::new(rank_of(&tree, i)))
                        .chain(operate(AtReport::fill(n, text)))
                        .chain(redraw()),
                    None => Task::none(),
                }
            }
            // What the reader reads without moving the focus is scrolled into sight.
            Action::ScrollIntoView if node.focusable => operate(FocusAt::new(rank_of(&tree, i))),
            Action::ScrollIntoView => tree.first_text(i).map_or_else(Task::none, show_text),
            _ => Task::none(),
        }
    }
}

/// A redraw: the event that a widget told to act by an operation acts on.
fn redraw<T: Send + 'static>() -> Task<T> {
    iced_runtime::task::effect(iced_runtime::Action::Window(
        iced_runtime::window::Action::RedrawAll,
    ))
}
