//! A batch of credential letters for the ticked rows (one person's password: see `acting`).

use super::{Action, Dialog, Message, People};
use crate::screen::{Ctx, credential_letter, request};
use crate::widget::Notice;

impl People {
    /// The messages of the batch of letters; the failures are answered by `update`.
    pub(super) fn on_password(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::AskBatch if !self.selected.is_empty() => {
                self.dialog = Some(Dialog::ConfirmBatch {
                    count: self.selected.len(),
                });
            }
            Message::ConfirmBatch => {
                let ids: Vec<i64> = self.selected.keys().copied().collect();
                return Action::Run(request(
                    ctx.client,
                    move |c| async move { c.initialize_passwords(&ids).await },
                    Message::BatchDone,
                ));
            }
            Message::BatchDone(Ok(list)) => return self.print_batch(&list, ctx),
            _ => {}
        }
        Action::None
    }

    /// The batch's passwords, each in its person's letter, all in one document.
    fn print_batch(
        &mut self,
        list: &[sesame_core::api::InitializedPassword],
        ctx: Ctx<'_>,
    ) -> Action {
        let l = ctx.locale;
        self.dialog = None;
        self.selected.clear();
        // The passwords go into the letters, and only there.
        let letters: Vec<_> = list
            .iter()
            .filter_map(|p| {
                self.find(p.id)
                    .map(|person| credential_letter(ctx, &person, &p.password))
            })
            .collect();
        self.notice = Some(Notice::done(l.t_count(
            "people-batch-done",
            "count",
            letters.len(),
        )));
        // Named in the language of most of its letters, as its title and metadata are.
        let language = sesame_documents::letters_title(&letters)
            .map(|(_, language)| language)
            .unwrap_or(l.language);
        let name =
            sesame_documents::file_name("doc-letters-file", language, &ctx.me.organization.code);
        Action::print(letters, name)
    }
}

/// The people a batch refused, as the server listed them.
pub(super) fn batch_refusal(
    e: &sesame_client::ClientError,
) -> Option<&[sesame_core::api::RefusedPerson]> {
    match e {
        sesame_client::ClientError::Api { error, .. } if !error.refused.is_empty() => {
            Some(&error.refused)
        }
        _ => None,
    }
}

impl People {
    /// "No letter was printed: Rita Okafor (r.okafor): this person is suspended…; …"
    pub(super) fn refused_batch(
        &self,
        e: &sesame_client::ClientError,
        l: crate::locale::Locale,
    ) -> Option<String> {
        let who: Vec<String> = batch_refusal(e)?
            .iter()
            .map(|r| {
                let name = self.name_of(r.id);
                let user_id = r.user_id.clone().unwrap_or_default();
                let person = match (name.is_empty(), user_id.is_empty()) {
                    (false, false) => format!("{name} ({user_id})"),
                    (true, false) => user_id,
                    _ => name,
                };
                l.t_with(
                    "field-message",
                    &[
                        ("field", &person),
                        ("reason", &l.field_code(&r.code.as_str())),
                    ],
                )
            })
            .collect();
        Some(l.t_with("people-batch-refused", &[("people", &who.join(" "))]))
    }
}
