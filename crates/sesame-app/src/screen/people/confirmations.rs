//! The one-step confirmations of the user follow-up (initialize, cancel an invitation, reset
//! 2FA, suspend or reactivate, remove): which question each dialog asks and what confirms it.

use super::{Dialog, Message};
use crate::screen::asking::Ask;

/// The question `d` asks, about whom, and its confirming message, `me` being the signed-in
/// account; `None` for the dialogs that are not a plain confirmation.
pub(super) fn confirmation(d: &Dialog, me: i64) -> Option<(Ask, &str, Message)> {
    Some(match d {
        Dialog::ConfirmInitialize { name, .. } => {
            (Ask::Initialize, name, Message::ConfirmInitialize)
        }
        Dialog::ConfirmCancelInvitation { name, .. } => (
            Ask::CancelInvitation,
            name,
            Message::ConfirmCancelInvitation,
        ),
        Dialog::ConfirmResetTwoFactor { name, .. } => {
            (Ask::ResetTwoFactor, name, Message::ConfirmResetTwoFactor)
        }
        Dialog::ConfirmStatus { name, suspend, .. } => {
            (Ask::status(*suspend), name, Message::ConfirmStatus)
        }
        Dialog::ConfirmRemove { id, name } => {
            (Ask::Remove { own: *id == me }, name, Message::ConfirmRemove)
        }
        _ => return None,
    })
}
