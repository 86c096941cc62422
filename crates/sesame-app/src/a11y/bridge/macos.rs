//! NSAccessibility (macOS): the adapter answers for the window's content view, which it
//! subclasses; VoiceOver asks it for the tree.

use std::sync::{Arc, Mutex};

use accesskit_macos::SubclassingAdapter;
use iced_runtime::window::raw_window_handle::RawWindowHandle;

use super::window::{self, Adapter};
use super::{Actions, Activation, Frame};
use crate::a11y::Tree;
use crate::a11y::eyes::Eyes;

pub(super) fn start(
    eyes: &Eyes,
    activation: Activation,
    actions: Actions,
    frame: Arc<Mutex<Frame>>,
) -> iced::Task<()> {
    let make = move |handle: RawWindowHandle| match handle {
        RawWindowHandle::AppKit(h) => {
            // SAFETY: the handle is the live window's view, and this runs on the main thread,
            // where AppKit's views live and where the adapter stays.
            let mut adapter =
                unsafe { SubclassingAdapter::new(h.ns_view.as_ptr(), activation, actions) };
            if let Some(events) = adapter.update_view_focus_state(true) {
                events.raise();
            }
            Some(Ax(adapter))
        }
        _ => None,
    };
    window::start(eyes, frame, make, false)
}

struct Ax(SubclassingAdapter);

impl Adapter for Ax {
    fn update(&mut self, tree: &Tree, frame: &Mutex<Frame>) {
        if let Some(events) = self.0.update_if_active(|| super::update(tree, frame)) {
            events.raise();
        }
    }
}
