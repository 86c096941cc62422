//! The creation wizard: identification (user code, application, status, language), then access
//! (the scope), then the letter with the password shown once.

use super::{Action, Draft, Message, Mode, ServiceUsers, Step};
use crate::screen::{Ctx, request};
use sesame_core::api::{ErrorCode, NewServiceUser};
use sesame_core::domain::Status;

impl ServiceUsers {
    /// The wizard's messages; its failure is answered by `update`.
    pub(super) fn on_wizard(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::New => {
                let draft = Draft {
                    language: Some(ctx.locale.language),
                    ..Draft::default()
                };
                self.mode = Mode::Wizard {
                    step: Step::Identification,
                    draft: Box::new(draft),
                    created: None,
                };
                self.notice = None;
            }
            Message::Next => return self.next(ctx),
            Message::Back => match &mut self.mode {
                Mode::Wizard {
                    step: step @ Step::Access,
                    ..
                } => *step = Step::Identification,
                _ => self.mode = Mode::List,
            },
            Message::Created(Ok(created)) => {
                self.busy = false;
                self.list.push(created.service_user.clone());
                self.list.sort_by(|a, b| a.user_code.cmp(&b.user_code));
                if let Mode::Wizard {
                    step,
                    created: slot,
                    ..
                } = &mut self.mode
                {
                    *step = Step::Letter;
                    *slot = Some(Box::new((created.service_user, created.password)));
                }
            }
            _ => {}
        }
        Action::None
    }

    /// On to access once the identification is valid; from access, the creation.
    fn next(&mut self, ctx: Ctx<'_>) -> Action {
        let Mode::Wizard { step, draft, .. } = &mut self.mode else {
            return Action::None;
        };
        match step {
            Step::Identification => {
                // A code this list already shows is refused here, before the access is chosen
                // (the server refuses it anyway when the list is not current).
                let known = self
                    .list
                    .iter()
                    .any(|s| s.user_code.eq_ignore_ascii_case(&draft.user_code));
                if known {
                    draft.refused.insert(
                        "user_code".into(),
                        ctx.locale.field_code(&ErrorCode::DuplicateUserId.as_str()),
                    );
                } else if Self::identification_ready(draft) {
                    *step = Step::Access;
                }
            }
            Step::Access => {
                let new = NewServiceUser {
                    user_code: draft.user_code.clone(),
                    application: draft.application.trim().to_owned(),
                    status: if draft.suspended {
                        Status::Suspended
                    } else {
                        Status::Active
                    },
                    language: draft.language.unwrap_or_default(),
                    scope: draft.scope(),
                };
                self.busy = true;
                return Action::Run(request(
                    ctx.client,
                    |c| async move { c.create_service_user(&new).await },
                    Message::Created,
                ));
            }
            Step::Letter => {}
        }
        Action::None
    }

    /// The server refused the creation: its reasons go next to their fields, on the step
    /// that has them (the identification for the code and the application); the rest is said
    /// above the wizard.
    pub(super) fn not_created(&mut self, e: sesame_client::ClientError, l: crate::locale::Locale) {
        self.busy = false;
        let refused = crate::screen::refused_fields(&e, l);
        let Mode::Wizard { step, draft, .. } = &mut self.mode else {
            return;
        };
        let identification = refused
            .iter()
            .any(|(field, _)| field == "user_code" || field == "application");
        if identification {
            *step = Step::Identification;
        }
        let unplaced = refused
            .iter()
            .any(|(field, _)| field != "user_code" && field != "application");
        draft.refused.extend(refused);
        // A notice only for what no field of the wizard shows.
        self.notice =
            (unplaced || !identification).then(|| crate::widget::Notice::failed(l.error(&e)));
    }

    /// An edit of the draft: the identification fields are the wizard's only, the access ones
    /// also those of a record's access being edited.
    pub(super) fn edit_draft(&mut self, message: Message) {
        let identification = matches!(
            message,
            Message::Code(_)
                | Message::Application(_)
                | Message::Suspended(_)
                | Message::Language(_)
        );
        let draft = match &mut self.mode {
            Mode::Wizard { draft, .. } => draft,
            Mode::Record {
                access: Some(draft),
                ..
            } if !identification => draft,
            _ => return,
        };
        match message {
            Message::Code(v) => {
                draft.user_code = v.trim().to_owned();
                draft.refused.remove("user_code");
            }
            Message::Application(v) => {
                draft.application = v;
                draft.refused.remove("application");
            }
            Message::Suspended(b) => draft.suspended = b,
            Message::Language(lang) => draft.language = Some(lang),
            Message::AllCompanies(b) => draft.all_companies = b,
            Message::WholeStructure(b) => draft.whole_structure = b,
            Message::Toggle(id, true) => {
                draft.chosen.insert(id);
            }
            Message::Toggle(id, false) => {
                draft.chosen.remove(&id);
            }
            _ => {}
        }
    }
}
