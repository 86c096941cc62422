//! What is asked before acting on a person (see `acting`): one table of titles, sentences,
//! buttons and weights.

use crate::locale::Locale;
use crate::widget::{Weight, confirm};
use iced::Element;

/// An action on a person that is confirmed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Initialize,
    CancelInvitation,
    ResetTwoFactor,
    Suspend,
    Reactivate,
    Remove,
}

impl Ask {
    /// The title's and the sentence's keys, the key of the button that keeps things as they
    /// are, and how heavy confirming is.
    fn texts(self) -> (&'static str, &'static str, &'static str, Weight) {
        use Weight::{Dangerous, Normal};
        match self {
            Ask::Initialize => (
                "dialog-initialize-title",
                "dialog-initialize-body",
                "action-cancel",
                Normal,
            ),
            Ask::CancelInvitation => (
                "dialog-cancel-invitation-title",
                "dialog-cancel-invitation-body",
                "action-keep",
                Dangerous,
            ),
            Ask::ResetTwoFactor => (
                "dialog-reset-two-factor-title",
                "dialog-reset-two-factor-body",
                "action-cancel",
                Dangerous,
            ),
            Ask::Suspend => (
                "dialog-suspend-title",
                "dialog-suspend-body",
                "action-cancel",
                Dangerous,
            ),
            Ask::Reactivate => (
                "dialog-reactivate-title",
                "dialog-reactivate-body",
                "action-cancel",
                Normal,
            ),
            Ask::Remove => (
                "dialog-remove-title",
                "dialog-remove-body",
                "action-cancel",
                Dangerous,
            ),
        }
    }

    /// The dialog over `base` asking this about `name`: `close` keeps, `go` confirms.
    pub fn dialog<'a, M: Clone + 'a>(
        self,
        base: Element<'a, M>,
        l: Locale,
        name: &str,
        close: M,
        go: M,
    ) -> Element<'a, M> {
        let (title, body, keep, weight) = self.texts();
        confirm(
            base,
            l,
            l.t(title),
            l.t_with(body, &[("name", name)]),
            (keep, close),
            go,
            weight,
        )
    }
}
