//! A row's options dialog, and what its options do after a confirmation: reset two-factor
//! authentication, suspend or reactivate, remove.

use super::{Action, Dialog, Message, People};
use crate::screen::{Ctx, request};
use crate::widget::Notice;

impl People {
    /// The messages of the options dialog and of the reset and remove confirmations; their
    /// failures are answered by `update`.
    pub(super) fn on_row_action(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Options(id) => self.ask(id, |id, name| Dialog::Options { id, name }),
            Message::AskResetTwoFactor(id) => {
                self.ask(id, |id, name| Dialog::ConfirmResetTwoFactor { id, name })
            }
            Message::ConfirmResetTwoFactor => {
                if let Some(Dialog::ConfirmResetTwoFactor { id, .. }) = self.dialog {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.reset_two_factor(id).await },
                        Message::TwoFactorReset,
                    ));
                }
            }
            Message::TwoFactorReset(Ok(rec)) => {
                self.dialog = None;
                let name = format!("{} {}", rec.person.first_name, rec.person.last_name);
                self.upsert(rec.person);
                self.notice = Some(Notice::done(
                    l.t_with("people-two-factor-reset", &[("name", name.trim())]),
                ));
            }
            Message::AskRemove(id) => self.ask(id, |id, name| Dialog::ConfirmRemove { id, name }),
            Message::ConfirmRemove => {
                if let Some(Dialog::ConfirmRemove { id, .. }) = self.dialog {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.delete_person(id).await },
                        move |r| Message::Removed(id, r),
                    ));
                }
            }
            Message::Removed(id, Ok(())) => {
                self.dialog = None;
                self.removed(id, l);
            }
            Message::AskStatus(id, suspend) => {
                self.dialog = Some(Dialog::ConfirmStatus {
                    id,
                    name: self.name_of(id),
                    suspend,
                })
            }
            Message::ConfirmStatus => {
                if let Some(Dialog::ConfirmStatus { id, suspend, .. }) = self.dialog {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.set_suspended(id, suspend).await },
                        Message::StatusChanged,
                    ));
                }
            }
            Message::StatusChanged(Ok(rec)) => {
                let Some(Dialog::ConfirmStatus { name, suspend, .. }) = self.dialog.take() else {
                    return Action::None;
                };
                self.upsert(rec.person);
                let key = if suspend {
                    "people-suspended"
                } else {
                    "people-reactivated"
                };
                self.notice = Some(Notice::done(l.t_with(key, &[("name", &name)])));
            }
            _ => {}
        }
        Action::None
    }
}
