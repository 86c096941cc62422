//! AT-SPI (Linux, the BSDs): the adapter talks to the accessibility bus on its own thread and
//! needs nothing of the window.

use std::sync::{Arc, Mutex};

use accesskit::DeactivationHandler;

use super::{Actions, Activation, Frame};
use crate::a11y::eyes::Eyes;

pub(super) fn start(
    eyes: &Eyes,
    activation: Activation,
    actions: Actions,
    frame: Arc<Mutex<Frame>>,
) -> iced::Task<()> {
    let mut adapter = accesskit_unix::Adapter::new(activation, actions, Deactivation);
    // Told once at start: the adapter's window is the one the app shows.
    adapter.update_window_focus_state(true);
    let adapter = Mutex::new(adapter);
    eyes.listen(move |tree| {
        adapter
            .lock()
            .expect("adapter")
            .update_if_active(|| super::update(tree, &frame));
    });
    iced::Task::none()
}

struct Deactivation;

impl DeactivationHandler for Deactivation {
    fn deactivate_accessibility(&mut self) {}
}
