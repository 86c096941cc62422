//! Where the adapter lives on the window (Windows, macOS): it is made on the window's own thread
//! from its native handle, and kept there, since it may not leave that thread.

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use iced::window;
use iced_runtime::window::raw_window_handle::RawWindowHandle;

use super::Frame;
use crate::a11y::Tree;
use crate::a11y::eyes::Eyes;

/// What a system's adapter does once made.
pub(super) trait Adapter: 'static {
    /// Gives the adapter a new tree, if the reader has asked for one.
    fn update(&mut self, tree: &Tree, frame: &Mutex<Frame>);
}

thread_local! {
    /// The adapter, on the window's thread (the only one that ever sets or reads it).
    static ADAPTER: RefCell<Option<Box<dyn Adapter>>> = const { RefCell::new(None) };
}

/// Makes the adapter on the window's thread with `make` (given the window's native handle), then
/// sends it every new tree; and shows the window afterwards when `show` (whether or not an
/// adapter could be made: the window must never stay hidden).
pub(super) fn start<A: Adapter>(
    eyes: &Eyes,
    frame: Arc<Mutex<Frame>>,
    make: impl FnOnce(RawWindowHandle) -> Option<A> + Send + 'static,
    show: bool,
) -> iced::Task<()> {
    eyes.listen(move |tree| {
        // Trees read on another thread (none today) would find no adapter here and wait.
        ADAPTER.with_borrow_mut(|adapter| {
            if let Some(adapter) = adapter {
                adapter.update(tree, &frame);
            }
        });
    });
    // Made once, by the first window's task (the task's steps may be called again).
    let make = Mutex::new(Some(make));
    window::latest().and_then(move |id| {
        let make = make.lock().expect("make").take();
        let made = window::run(id, move |w| {
            let handle = w.window_handle().ok()?.as_raw();
            let adapter = make?(handle)?;
            ADAPTER.set(Some(Box::new(adapter)));
            Some(())
        });
        made.then(move |made| {
            if made.is_none() {
                tracing::warn!("no screen reader bridge on this window");
            }
            if show {
                window::set_mode(id, window::Mode::Windowed)
            } else {
                iced::Task::none()
            }
        })
    })
}
