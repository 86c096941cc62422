//! The screen reader, as the app sees it: started once the window shows (on the systems that
//! have a bridge), told the window's title and scale, and heard through a subscription.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use iced::Subscription;

use super::eyes::Eyes;

/// What the screen reader asks of a node (AccessKit's request).
pub type Request = accesskit::ActionRequest;

#[cfg(all(unix, not(target_os = "macos")))]
use super::bridge::{Frame, Requests};

pub struct Reader {
    #[cfg(all(unix, not(target_os = "macos")))]
    frame: Arc<Mutex<Frame>>,
    #[cfg(all(unix, not(target_os = "macos")))]
    requests: Requests,
}

impl Reader {
    /// Registers the app with the system's screen reader bridge; `None` where Sesame has none.
    #[cfg(all(unix, not(target_os = "macos")))]
    pub fn start(eyes: &Eyes, title: String, scale: f64) -> Option<Reader> {
        let frame = Arc::new(Mutex::new(Frame { title, scale }));
        let requests = super::bridge::start(eyes, frame.clone());
        Some(Reader { frame, requests })
    }

    #[cfg(not(all(unix, not(target_os = "macos"))))]
    pub fn start(_eyes: &Eyes, _title: String, _scale: f64) -> Option<Reader> {
        None
    }

    /// The window's title and scale changed (or not).
    pub fn retitle(&self, title: String, scale: f64) {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            *self.frame.lock().expect("frame") = Frame { title, scale };
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let _ = (title, scale);
    }

    /// The reader's requests, as they come.
    pub fn subscription(&self) -> Subscription<Request> {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            Subscription::run_with(Channel(self.requests.clone()), |c| {
                let receiver = c.0.lock().expect("requests").take();
                futures_stream(receiver)
            })
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        Subscription::none()
    }
}

/// The channel, as the subscription's identity (there is one for the app's life).
#[cfg(all(unix, not(target_os = "macos")))]
struct Channel(Requests);

#[cfg(all(unix, not(target_os = "macos")))]
impl Hash for Channel {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::any::TypeId::of::<Channel>().hash(state);
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn futures_stream(
    receiver: Option<tokio::sync::mpsc::UnboundedReceiver<Request>>,
) -> impl iced::futures::Stream<Item = Request> {
    iced::futures::stream::unfold(receiver, |receiver| async move {
        let mut receiver = receiver?;
        let request = receiver.recv().await?;
        Some((request, Some(receiver)))
    })
}
