//! A row's options dialog, and one action on one person taken from it (see `acting`, shared
//! with the record): the list then shows the person as stored, or without them.

use super::{Action, Dialog, Message, People};
use crate::screen::Ctx;
use crate::screen::acting::{self, Acting, Outcome};
use crate::widget::Notice;

impl People {
    /// The messages of the options dialog and of the action chosen there.
    pub(super) fn on_row_action(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Options(id) => self.ask(id, |id, name| Dialog::Options { id, name }),
            Message::Act(id, act) => {
                self.dialog = self
                    .find(id)
                    .and_then(|p| Acting::open(p, act))
                    .map(Dialog::Acting);
            }
            Message::Acting(m) => return self.on_acting(m, ctx),
            _ => {}
        }
        Action::None
    }

    fn on_acting(&mut self, message: acting::Message, ctx: Ctx<'_>) -> Action {
        let outcome = match acting::step(
            &mut self.dialog,
            Dialog::acting,
            message,
            ctx,
            Message::Acting,
        ) {
            Ok(outcome) => outcome,
            Err(effect) => return effect,
        };
        let said = match outcome {
            Outcome::Closed => return Action::None,
            // The dialog closes and the list says why.
            Outcome::Failed(e) => return self.failed(e, ctx.locale),
            Outcome::Changed(rec, said) => {
                self.upsert(rec.person);
                said
            }
            Outcome::Removed { id, said } => {
                self.remove(id);
                said
            }
            Outcome::InvitationCancelled(inv, said) => {
                self.invitations.insert(inv.person_id, inv);
                said
            }
        };
        self.notice = Some(Notice::done(said));
        Action::None
    }
}
