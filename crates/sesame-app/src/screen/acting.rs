//! Acting on one person, the same from the user follow-up (a row's options) and from their
//! record: the question asked first, the request that acts, the temporary password shown once
//! (copied, or printed as a letter), and what the screen learns afterwards. Only what the
//! server offered with the person is opened here.

use iced::Element;
use sesame_client::ClientError;
use sesame_core::api::{Invitation, PersonRecord, PersonSummary};
use sesame_core::domain::rules::Action as Right;

use super::asking::Ask;
use super::{Ctx, Effect, credential_letter, request};
use crate::locale::Locale;

/// An action on one person that is confirmed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Initialize,
    Suspend,
    Reactivate,
    ResetTwoFactor,
    Remove,
    CancelInvitation,
}

impl Act {
    /// The right the server must have sent with the person for this to be offered.
    pub fn right(self) -> Right {
        match self {
            Act::Initialize => Right::InitializePassword,
            Act::Suspend => Right::Suspend,
            Act::Reactivate => Right::Reactivate,
            Act::ResetTwoFactor => Right::ResetTwoFactor,
            Act::Remove => Right::Delete,
            Act::CancelInvitation => Right::ManageInvitation,
        }
    }

    fn ask(self) -> Ask {
        match self {
            Act::Initialize => Ask::Initialize,
            Act::Suspend => Ask::Suspend,
            Act::Reactivate => Ask::Reactivate,
            Act::ResetTwoFactor => Ask::ResetTwoFactor,
            Act::Remove => Ask::Remove,
            Act::CancelInvitation => Ask::CancelInvitation,
        }
    }
}

/// The dialog of one action on one person: first its question, then, for a password, the
/// password shown once.
#[derive(Debug, Clone, PartialEq)]
pub struct Acting {
    person: PersonSummary,
    act: Act,
    password: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Confirm,
    Done(Result<Answer, ClientError>),
    CopyPassword,
    PrintLetter,
    Close,
}

/// The server's answer to an action.
#[derive(Debug, Clone)]
pub enum Answer {
    Password(String),
    /// The person as stored now.
    Changed(Box<PersonRecord>),
    Removed,
    InvitationCancelled(Invitation),
}

/// What the screen that opened the dialog does next; the dialog is over in every case.
pub enum Outcome {
    /// Closed: kept as it was, or the password seen and forgotten.
    Closed,
    /// The person as stored now, and the sentence that says what was done.
    Changed(Box<PersonRecord>, String),
    Removed {
        id: i64,
        said: String,
    },
    InvitationCancelled(Invitation, String),
    /// The server refused: the screen says why.
    Failed(ClientError),
}

pub type Action = Effect<Message, Outcome>;

/// Hands `message` to the action's dialog in `slot` (`acting` finds it among the screen's
/// dialogs): the effect it asks of the screen (its messages wrapped by `wrap`), or, once it is
/// over and `slot` emptied, its outcome.
pub fn step<D, M: Send + 'static, O>(
    slot: &mut Option<D>,
    acting: impl Fn(&mut D) -> Option<&mut Acting>,
    message: Message,
    ctx: Ctx<'_>,
    wrap: impl Fn(Message) -> M + Send + 'static,
) -> Result<Outcome, Effect<M, O>> {
    let Some(dialog) = slot.as_mut().and_then(acting) else {
        return Err(Effect::None);
    };
    let outcome = dialog
        .update(message, ctx)
        .own()
        .map_err(|effect| effect.map(wrap, |never| match never {}))?;
    *slot = None;
    Ok(outcome)
}

impl Acting {
    /// `None` when the server did not offer `act` on this person.
    pub fn open(person: PersonSummary, act: Act) -> Option<Acting> {
        person.may(act.right()).then_some(Acting {
            person,
            act,
            password: None,
        })
    }

    pub fn id(&self) -> i64 {
        self.person.id
    }

    /// The temporary password on screen (once), if any.
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The person's name as the dialogs say it: an invited person without names by email.
    pub fn name(&self) -> String {
        let p = &self.person;
        match format!("{} {}", p.first_name, p.last_name).trim() {
            "" => p.email.clone(),
            name => name.to_owned(),
        }
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Confirm if self.password.is_none() => Action::Run(self.request(ctx)),
            Message::Confirm | Message::Close => Action::Own(Outcome::Closed),
            Message::Done(Ok(Answer::Password(p))) => {
                self.password = Some(p);
                Action::None
            }
            Message::Done(Ok(answer)) => Action::Own(self.done(answer, ctx.locale)),
            Message::Done(Err(e)) => Action::Own(Outcome::Failed(e)),
            Message::CopyPassword => match &self.password {
                Some(p) => Action::Copy(p.clone()),
                None => Action::None,
            },
            Message::PrintLetter => match &self.password {
                Some(password) => {
                    let p = &self.person;
                    let letter = credential_letter(ctx, p, password);
                    // The file is named in the letter's language.
                    let file =
                        sesame_documents::file_name("doc-letter-file", p.language, &p.user_id);
                    Action::print(vec![letter], file)
                }
                None => Action::None,
            },
        }
    }

    fn request(&self, ctx: Ctx<'_>) -> iced::Task<Message> {
        let (id, act) = (self.person.id, self.act);
        request(
            ctx.client,
            move |c| async move {
                Ok(match act {
                    Act::Initialize => Answer::Password(c.initialize_password(id).await?.password),
                    Act::Suspend => Answer::Changed(Box::new(c.set_suspended(id, true).await?)),
                    Act::Reactivate => Answer::Changed(Box::new(c.set_suspended(id, false).await?)),
                    Act::ResetTwoFactor => Answer::Changed(Box::new(c.reset_two_factor(id).await?)),
                    Act::Remove => c.delete_person(id).await.map(|()| Answer::Removed)?,
                    Act::CancelInvitation => {
                        Answer::InvitationCancelled(c.cancel_invitation(id).await?)
                    }
                })
            },
            Message::Done,
        )
    }

    /// What is said once the server acted.
    fn done(&self, answer: Answer, l: Locale) -> Outcome {
        let name = self.name();
        let said = |key: &str| l.t_with(key, &[("name", &name)]);
        match answer {
            Answer::Changed(rec) => {
                let key = match self.act {
                    Act::Suspend => "people-suspended",
                    Act::Reactivate => "people-reactivated",
                    _ => "people-two-factor-reset",
                };
                Outcome::Changed(rec, said(key))
            }
            Answer::Removed => Outcome::Removed {
                id: self.person.id,
                said: said("people-removed"),
            },
            Answer::InvitationCancelled(inv) => {
                let said = l.t_with("people-invitation-cancelled", &[("email", &inv.email)]);
                Outcome::InvitationCancelled(inv, said)
            }
            Answer::Password(_) => Outcome::Closed,
        }
    }

    /// The dialog over `base` (a screen whose messages `wrap` makes of this dialog's): the
    /// question, or the password shown once.
    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        base: Element<'a, M>,
        l: Locale,
        wrap: impl Fn(Message) -> M,
    ) -> Element<'a, M> {
        let name = self.name();
        match &self.password {
            Some(password) => crate::widget::password_dialog(
                base,
                l,
                &name,
                password,
                [
                    wrap(Message::CopyPassword),
                    wrap(Message::PrintLetter),
                    wrap(Message::Close),
                ],
            ),
            None => {
                self.act
                    .ask()
                    .dialog(base, l, &name, wrap(Message::Close), wrap(Message::Confirm))
            }
        }
    }
}
