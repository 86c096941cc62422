//! The record's confirmations and its password dialog: delete, initialize the password (shown
//! once, copied or printed as a letter), reset two-factor authentication.

use super::{Action, Dialog, Message, Outcome, Person};
use crate::screen::{Ctx, credential_letter, request};
use crate::widget::Notice;

impl Person {
    /// The dialogs' messages; their failures are answered by `update`.
    pub(super) fn on_dialog(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::AskDelete => self.dialog = Some(Dialog::ConfirmDelete),
            Message::AskStatus(suspend) => self.dialog = Some(Dialog::ConfirmStatus(suspend)),
            Message::ConfirmStatus => {
                if let (Some(Dialog::ConfirmStatus(suspend)), Some(id)) = (&self.dialog, self.id) {
                    let suspend = *suspend;
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.set_suspended(id, suspend).await },
                        Message::StatusChanged,
                    ));
                }
            }
            Message::StatusChanged(Ok(rec)) => {
                let suspend = matches!(self.dialog.take(), Some(Dialog::ConfirmStatus(true)));
                let name = format!("{} {}", rec.person.first_name, rec.person.last_name);
                self.refill_keeping_form(rec);
                let key = if suspend {
                    "people-suspended"
                } else {
                    "people-reactivated"
                };
                self.notice = Some(Notice::done(l.t_with(key, &[("name", name.trim())])));
            }
            Message::ConfirmDelete => {
                self.dialog = None;
                if let Some(id) = self.id {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.delete_person(id).await },
                        Message::Deleted,
                    ));
                }
            }
            Message::Deleted(Ok(())) => {
                return Action::Own(Outcome::Deleted(self.id.unwrap_or_default()));
            }
            Message::AskInitialize => self.dialog = Some(Dialog::ConfirmInitialize),
            Message::ConfirmInitialize => {
                if let Some(id) = self.id {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.initialize_password(id).await },
                        Message::Initialized,
                    ));
                }
            }
            Message::Initialized(Ok(p)) => self.dialog = Some(Dialog::Password(p.password)),
            Message::CopyPassword => {
                if let Some(Dialog::Password(p)) = &self.dialog {
                    return Action::Copy(p.clone());
                }
            }
            Message::PrintLetter => return self.print_letter(ctx),
            Message::CloseDialog => return self.close_dialog(ctx),
            Message::AskResetTwoFactor => self.dialog = Some(Dialog::ConfirmResetTwoFactor),
            Message::ConfirmResetTwoFactor => {
                self.dialog = None;
                if let Some(id) = self.id {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.reset_two_factor(id).await },
                        Message::TwoFactorReset,
                    ));
                }
            }
            Message::TwoFactorReset(Ok(rec)) => {
                let name = format!("{} {}", rec.person.first_name, rec.person.last_name);
                self.refill_keeping_form(rec);
                self.notice = Some(Notice::done(
                    l.t_with("people-two-factor-reset", &[("name", name.trim())]),
                ));
            }
            _ => {}
        }
        Action::None
    }

    /// The letter of the password on screen.
    fn print_letter(&self, ctx: Ctx<'_>) -> Action {
        if let (Some(Dialog::Password(password)), Some(rec)) = (&self.dialog, &self.record) {
            let letter = credential_letter(ctx, &rec.person, password);
            let name = sesame_documents::file_name(
                "doc-letter-file",
                rec.person.language,
                &rec.person.user_id,
            );
            return Action::print(vec![letter], name);
        }
        Action::None
    }

    /// Closing forgets the password; after a creation, it also goes back to the list, which
    /// shows the new user.
    fn close_dialog(&mut self, ctx: Ctx<'_>) -> Action {
        let was_password = matches!(self.dialog, Some(Dialog::Password(_)));
        self.dialog = None;
        if was_password
            && self
                .notice
                .as_ref()
                .is_some_and(|n| n.text == ctx.locale.t("person-created"))
        {
            return Action::Own(Outcome::Back(
                self.record.as_ref().map(|r| r.person.clone()),
            ));
        }
        Action::None
    }
}
