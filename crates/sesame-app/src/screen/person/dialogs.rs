//! The record's dialogs: one action on the person (see `acting`, shared with the user
//! follow-up), and the temporary password of a user just created (copied, or printed).

use super::{Action, Dialog, Message, Outcome, Person};
use crate::screen::acting::{self, Acting};
use crate::screen::{Ctx, credential_letter};
use crate::widget::Notice;

impl Person {
    /// The dialogs' messages: one action on this person (see `acting`), and the created
    /// user's password.
    pub(super) fn on_dialog(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Act(act) => {
                self.dialog = self
                    .record
                    .as_ref()
                    .and_then(|r| Acting::open(r.person.clone(), act))
                    .map(Dialog::Acting);
            }
            Message::Acting(m) => {
                return match acting::step(&mut self.dialog, Dialog::acting, m, ctx, Message::Acting)
                {
                    Ok(outcome) => self.acted(outcome, ctx),
                    Err(effect) => effect,
                };
            }
            Message::CopyPassword => {
                if let Some(Dialog::Password(p)) = &self.dialog {
                    return Action::Copy(p.clone());
                }
            }
            Message::PrintLetter => return self.print_letter(ctx),
            Message::CloseDialog => return self.close_dialog(ctx),
            _ => {}
        }
        Action::None
    }

    /// The record after an action: as stored now, or gone.
    fn acted(&mut self, outcome: acting::Outcome, ctx: Ctx<'_>) -> Action {
        match outcome {
            acting::Outcome::Closed => {}
            acting::Outcome::Failed(e) => return self.failed(e, ctx),
            // The rest of what is being typed stays as it is.
            acting::Outcome::Changed(rec, said) => {
                self.refill_keeping_form(*rec);
                self.notice = Some(Notice::done(said));
            }
            acting::Outcome::Removed { id, .. } => return Action::Own(Outcome::Deleted(id)),
            acting::Outcome::InvitationCancelled(..) => {}
        }
        Action::None
    }

    /// The letter of the created user's password.
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
