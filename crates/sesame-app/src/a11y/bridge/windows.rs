//! UI Automation (Windows): the adapter answers the window's WM_GETOBJECT, so it is put on the
//! window (by subclassing) before the window first shows.

use std::sync::{Arc, Mutex};

use accesskit_windows::{HWND, SubclassingAdapter};
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
        RawWindowHandle::Win32(h) => {
            let hwnd = HWND(h.hwnd.get() as *mut std::ffi::c_void);
            Some(Uia(SubclassingAdapter::new(hwnd, activation, actions)))
        }
        _ => None,
    };
    window::start(eyes, frame, make, true)
}

struct Uia(SubclassingAdapter);

impl Adapter for Uia {
    fn update(&mut self, tree: &Tree, frame: &Mutex<Frame>) {
        if let Some(events) = self.0.update_if_active(|| super::update(tree, frame)) {
            events.raise();
        }
    }
}
