//! The screen reader's bridge on Linux and the BSDs: AccessKit's AT-SPI adapter (what Orca
//! reads) registers the app on the accessibility bus, gets every new tree, and hands what the
//! reader asks (focus this, press that) to the app as messages.

use std::sync::{Arc, Mutex};

use accesskit::{ActionHandler, ActionRequest, ActivationHandler, DeactivationHandler, TreeUpdate};
use tokio::sync::mpsc;

use super::eyes::Eyes;

/// What the reader asked, waiting for the app.
pub type Requests = Arc<Mutex<Option<mpsc::UnboundedReceiver<ActionRequest>>>>;

/// The window's title and scale, which the tree's root carries.
#[derive(Debug, Clone)]
pub struct Frame {
    pub title: String,
    pub scale: f64,
}

/// Starts the adapter: from now on every tree the app reads goes to the reader. `frame` is kept
/// up to date by the app.
pub fn start(eyes: &Eyes, frame: Arc<Mutex<Frame>>) -> Requests {
    let (send, receive) = mpsc::unbounded_channel();
    let adapter = accesskit_unix::Adapter::new(
        Activation {
            eyes: eyes.clone(),
            frame: frame.clone(),
        },
        Actions(send),
        Deactivation,
    );
    let adapter = Mutex::new(adapter);
    // Told once at start: the adapter's window is the one the app shows.
    adapter
        .lock()
        .expect("adapter")
        .update_window_focus_state(true);
    eyes.listen(move |tree| {
        let frame = frame.lock().expect("frame").clone();
        adapter
            .lock()
            .expect("adapter")
            .update_if_active(|| super::kit::update(tree, frame.scale, &frame.title));
    });
    Arc::new(Mutex::new(Some(receive)))
}

struct Activation {
    eyes: Eyes,
    frame: Arc<Mutex<Frame>>,
}

impl ActivationHandler for Activation {
    fn request_initial_tree(&mut self) -> Option<TreeUpdate> {
        let tree = self.eyes.tree()?;
        let frame = self.frame.lock().expect("frame").clone();
        Some(super::kit::update(&tree, frame.scale, &frame.title))
    }
}

struct Actions(mpsc::UnboundedSender<ActionRequest>);

impl ActionHandler for Actions {
    fn do_action(&mut self, request: ActionRequest) {
        // The app is gone when this fails: nothing to do then.
        let _ = self.0.send(request);
    }
}

struct Deactivation;

impl DeactivationHandler for Deactivation {
    fn deactivate_accessibility(&mut self) {}
}
