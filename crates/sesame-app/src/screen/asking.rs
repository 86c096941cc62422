//! What is asked before acting on a person, from the user follow-up or from the record: one
//! table of titles, sentences, buttons and weights, so both say the same.

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
    /// `own`: one's own account (removing it ends one's own access, and says so).
    Remove {
        own: bool,
    },
}

impl Ask {
    pub fn status(suspend: bool) -> Ask {
        if suspend {
            Ask::Suspend
        } else {
            Ask::Reactivate
        }
    }

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
            Ask::Remove { own: true } => (
                "dialog-remove-title",
                "dialog-remove-own-body",
                "action-cancel",
                Dangerous,
            ),
            Ask::Remove { own: false } => (
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
