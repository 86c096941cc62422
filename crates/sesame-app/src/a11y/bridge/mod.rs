//! The screen reader's bridge: AccessKit's adapter for the system (AT-SPI on Linux and the BSDs,
//! what Orca reads; UI Automation on Windows, what NVDA, JAWS and Narrator read; the NSAccessibility
//! protocol on macOS, what VoiceOver reads) gets every new tree and hands what the reader asks
//! (focus this, press that) to the app as messages.

use std::sync::{Arc, Mutex};

use accesskit::{ActionHandler, ActionRequest, ActivationHandler, TreeUpdate};
use tokio::sync::mpsc;

use super::eyes::Eyes;

#[cfg(target_os = "macos")]
mod macos;
#[cfg(all(unix, not(target_os = "macos")))]
mod unix;
#[cfg(any(windows, target_os = "macos"))]
mod window;
#[cfg(windows)]
mod windows;

#[cfg(target_os = "macos")]
use macos as system;
#[cfg(all(unix, not(target_os = "macos")))]
use unix as system;
#[cfg(windows)]
use windows as system;

/// Whether the window must open hidden: Windows' adapter must be on the window before it shows.
pub const OPENS_HIDDEN: bool = cfg!(windows);

/// What the reader asked, waiting for the app.
pub type Requests = Arc<Mutex<Option<mpsc::UnboundedReceiver<ActionRequest>>>>;

/// The window's title and scale, which the tree's root carries.
#[derive(Debug, Clone)]
pub struct Frame {
    pub title: String,
    pub scale: f64,
}

/// Starts the adapter: from now on every tree the app reads goes to the reader. `frame` is kept
/// up to date by the app. Where the adapter lives on the window, the task puts it there (and
/// shows the window if it opened hidden).
pub fn start(eyes: &Eyes, frame: Arc<Mutex<Frame>>) -> (Requests, iced::Task<()>) {
    let (send, receive) = mpsc::unbounded_channel();
    let activation = Activation {
        eyes: eyes.clone(),
        frame: frame.clone(),
    };
    let task = system::start(eyes, activation, Actions(send), frame);
    (Arc::new(Mutex::new(Some(receive))), task)
}

/// The tree as the adapter takes it.
fn update(tree: &super::Tree, frame: &Mutex<Frame>) -> TreeUpdate {
    let frame = frame.lock().expect("frame").clone();
    super::kit::update(tree, frame.scale, &frame.title)
}

/// Gives the reader the tree when it first asks.
struct Activation {
    eyes: Eyes,
    frame: Arc<Mutex<Frame>>,
}

impl ActivationHandler for Activation {
    fn request_initial_tree(&mut self) -> Option<TreeUpdate> {
        let tree = self.eyes.tree()?;
        Some(update(&tree, &self.frame))
    }
}

/// Passes the reader's requests to the app.
struct Actions(mpsc::UnboundedSender<ActionRequest>);

impl ActionHandler for Actions {
    fn do_action(&mut self, request: ActionRequest) {
        // The app is gone when this fails: nothing to do then.
        let _ = self.0.send(request);
    }
}
