//! The screen reader, as the app sees it: started with the window, told the window's title and
//! scale, and heard through a subscription.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use iced::Subscription;

use super::bridge::{Frame, Requests};
use super::eyes::Eyes;

/// What the screen reader asks of a node (AccessKit's request).
pub type Request = accesskit::ActionRequest;

pub struct Reader {
    frame: Arc<Mutex<Frame>>,
    requests: Requests,
}

impl Reader {
    /// Registers the app with the system's screen reader bridge; the task puts the bridge on the
    /// window where the system needs that.
    pub fn start(eyes: &Eyes, title: String, scale: f64) -> (Reader, iced::Task<()>) {
        let frame = Arc::new(Mutex::new(Frame { title, scale }));
        let (requests, task) = super::bridge::start(eyes, frame.clone());
        (Reader { frame, requests }, task)
    }

    /// The window's title and scale changed (or not).
    pub fn retitle(&self, title: String, scale: f64) {
        *self.frame.lock().expect("frame") = Frame { title, scale };
    }

    /// The reader's requests, as they come.
    pub fn subscription(&self) -> Subscription<Request> {
        Subscription::run_with(Channel(self.requests.clone()), |c| {
            let receiver = c.0.lock().expect("requests").take();
            futures_stream(receiver)
        })
    }
}

/// The channel, as the subscription's identity (there is one for the app's life).
struct Channel(Requests);

impl Hash for Channel {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::any::TypeId::of::<Channel>().hash(state);
    }
}

fn futures_stream(
    receiver: Option<tokio::sync::mpsc::UnboundedReceiver<Request>>,
) -> impl iced::futures::Stream<Item = Request> {
    iced::futures::stream::unfold(receiver, |receiver| async move {
        let mut receiver = receiver?;
        let request = receiver.recv().await?;
        Some((request, Some(receiver)))
    })
}
