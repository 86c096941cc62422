//! The one-step confirmations of the user follow-up (initialize, cancel an invitation, reset
//! 2FA, suspend or reactivate, remove): what each dialog says and does.

use super::{Dialog, Message};
use crate::widget::Weight;

/// Title and body keys, the person's name, the key of the button that keeps things as they
/// are, the confirming message and how heavy it is.
pub(super) type Confirmation<'a> = (
    &'static str,
    &'static str,
    &'a String,
    &'static str,
    Message,
    Weight,
);

/// The confirmation `d` asks for, `me` being the signed-in account; `None` for the dialogs
/// that are not a plain confirmation.
pub(super) fn confirmation(d: &Dialog, me: i64) -> Option<Confirmation<'_>> {
    Some(match d {
        Dialog::ConfirmInitialize { name, .. } => (
            "dialog-initialize-title",
            "dialog-initialize-body",
            name,
            "action-cancel",
            Message::ConfirmInitialize,
            Weight::Normal,
        ),
        Dialog::ConfirmCancelInvitation { name, .. } => (
            "dialog-cancel-invitation-title",
            "dialog-cancel-invitation-body",
            name,
            "action-keep",
            Message::ConfirmCancelInvitation,
            Weight::Dangerous,
        ),
        Dialog::ConfirmResetTwoFactor { name, .. } => (
            "dialog-reset-two-factor-title",
            "dialog-reset-two-factor-body",
            name,
            "action-cancel",
            Message::ConfirmResetTwoFactor,
            Weight::Dangerous,
        ),
        Dialog::ConfirmStatus { name, suspend, .. } => (
            if *suspend {
                "dialog-suspend-title"
            } else {
                "dialog-reactivate-title"
            },
            if *suspend {
                "dialog-suspend-body"
            } else {
                "dialog-reactivate-body"
            },
            name,
            "action-cancel",
            Message::ConfirmStatus,
            if *suspend {
                Weight::Dangerous
            } else {
                Weight::Normal
            },
        ),
        Dialog::ConfirmRemove { id, name } => (
            "dialog-remove-title",
            // Removing oneself says so: it ends one's own access.
            if *id == me {
                "dialog-remove-own-body"
            } else {
                "dialog-remove-body"
            },
            name,
            "action-cancel",
            Message::ConfirmRemove,
            Weight::Dangerous,
        ),
        _ => return None,
    })
}
