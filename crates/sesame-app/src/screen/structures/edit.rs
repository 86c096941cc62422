//! Building the structure tree (level 1): a new company, a structure level under the one shown,
//! renaming it, removing it after a confirmation. The server decides every step; a refusal
//! (what still holds a structure, a stale version) is shown as it says.

use iced::widget::{column, row, text_input};
use iced::{Element, Task};
use sesame_core::i18n::keys::TextKey;

use super::{Action, Structures};
use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::widget::{self, Notice, heading, labelled, primary, secondary};
use sesame_client::ClientError;
use sesame_core::api::{NewStructure, Structure};
use sesame_core::domain::StructureKind;
use sesame_core::domain::rules::StructureAction;

/// What the form makes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Company,
    Under(i64),
    Rename { id: i64, version: i64 },
}

pub struct Form {
    target: Target,
    name: String,
    kind: StructureKind,
}

/// A structure level as the menu shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChoice(pub StructureKind, pub Locale);

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(&self.0.text_key()))
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    NewCompany,
    NewUnder,
    Rename,
    Name(String),
    Kind(KindChoice),
    Save,
    Saved(Result<Structure, ClientError>),
    Cancel,
    AskRemove,
    KeepIt,
    ConfirmRemove,
    Removed(Result<(), ClientError>),
}

impl Structures {
    pub(super) fn on_edit(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::NewCompany => {
                self.open_form(Target::Company, String::new());
                return Action::Run(crate::widget::reveal::focus("structure-name"));
            }
            Message::NewUnder => {
                if let Some(id) = self.selected {
                    self.open_form(Target::Under(id), String::new());
                    return Action::Run(crate::widget::reveal::focus("structure-name"));
                }
            }
            Message::Rename => {
                if let Some(s) = self.selected().cloned() {
                    let target = Target::Rename {
                        id: s.id,
                        version: s.version,
                    };
                    self.open_form(target, s.name);
                    return Action::Run(crate::widget::reveal::focus("structure-name"));
                }
            }
            Message::Name(v) => self.with_form(|f| f.name = v),
            Message::Kind(k) => self.with_form(|f| f.kind = k.0),
            Message::Save => return self.save(ctx),
            Message::Saved(Ok(s)) => {
                self.edit = None;
                self.busy = false;
                self.notice = Some(Notice::done(
                    l.t_with("structures-saved", &[("name", &s.name)]),
                ));
                self.selected = Some(s.id);
                return self.reload(ctx);
            }
            Message::Cancel => self.edit = None,
            Message::AskRemove => self.removing = true,
            Message::KeepIt => self.removing = false,
            Message::ConfirmRemove => {
                if let Some(id) = self.selected {
                    return Action::Run(
                        request(
                            ctx.client,
                            move |c| async move { c.remove_structure(id).await },
                            Message::Removed,
                        )
                        .map(super::Message::Edit),
                    );
                }
            }
            Message::Removed(Ok(())) => {
                self.removing = false;
                let name = self.selected().map(|s| s.name.clone()).unwrap_or_default();
                self.selected = None;
                self.notice = Some(Notice::done(
                    l.t_with("structures-removed", &[("name", &name)]),
                ));
                return self.reload(ctx);
            }
            Message::Saved(Err(e)) | Message::Removed(Err(e)) => {
                self.busy = false;
                self.removing = false;
                self.notice = Some(Notice::failed(refusal(&e, l)));
                // Renamed by someone else in between: the name stored now shows.
                if e.code() == Some(sesame_core::api::ErrorCode::StaleVersion) {
                    self.edit = None;
                    return self.reload(ctx);
                }
            }
        }
        Action::None
    }

    fn open_form(&mut self, target: Target, name: String) {
        let kind = match target {
            Target::Company | Target::Rename { .. } => StructureKind::Company,
            Target::Under(_) => StructureKind::Establishment,
        };
        self.edit = Some(Form { target, name, kind });
        self.placement = None;
        self.notice = None;
    }

    fn with_form(&mut self, change: impl FnOnce(&mut Form)) {
        if let Some(f) = &mut self.edit {
            change(f);
        }
    }

    fn save(&mut self, ctx: Ctx<'_>) -> Action {
        let Some(form) = &self.edit else {
            return Action::None;
        };
        let name = form.name.trim().to_owned();
        let task = match form.target {
            Target::Rename { id, version } => request(
                ctx.client,
                move |c| async move { c.rename_structure(id, version, &name).await },
                Message::Saved,
            ),
            target => {
                let new = NewStructure {
                    parent_id: match target {
                        Target::Under(parent) => Some(parent),
                        _ => None,
                    },
                    kind: form.kind,
                    name,
                };
                request(
                    ctx.client,
                    move |c| async move { c.create_structure(&new).await },
                    Message::Saved,
                )
            }
        };
        self.busy = true;
        Action::Run(task.map(super::Message::Edit))
    }

    fn reload(&self, ctx: Ctx<'_>) -> Action {
        let c = ctx.client.clone();
        Action::Run(Task::perform(
            async move { c.structures().await },
            super::Message::Loaded,
        ))
    }

    /// The form in place of the structure's page.
    pub(super) fn form_view<'a>(&'a self, form: &'a Form, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let title = match form.target {
            Target::Company => t("structures-new-company"),
            Target::Under(_) => t("structures-new-under"),
            Target::Rename { .. } => t("structures-rename"),
        };
        let mut c = column![
            heading(title),
            labelled(
                t("field-structure-name"),
                text_input("", &form.name)
                    .style(crate::widget::colors::field)
                    .id("structure-name")
                    .on_input(Message::Name)
                    .on_submit(Message::Save)
                    .padding(8),
                None,
            )
        ]
        .spacing(12);
        if let Target::Under(_) = form.target {
            let kinds = [
                StructureKind::Establishment,
                StructureKind::Division,
                StructureKind::Department,
            ]
            .map(|k| KindChoice(k, l))
            .to_vec();
            c = c.push(labelled(
                t("field-structure-kind"),
                widget::menu(kinds, Some(KindChoice(form.kind, l)), Message::Kind)
                    .id("structure-kind"),
                None,
            ));
        }
        let ready = !form.name.trim().is_empty() && !self.busy;
        c.push(
            row![
                primary(t("action-save"), ready.then_some(Message::Save)),
                secondary(t("action-cancel"), Some(Message::Cancel)),
            ]
            .spacing(10),
        )
        .into()
    }

    /// A sub-structure, and what the server offers on this one: rename, remove (or why not).
    pub(super) fn edit_buttons<'a>(&'a self, s: &Structure, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let mut buttons = row![secondary(
            t("structures-new-under"),
            Some(Message::NewUnder)
        )];
        if s.may(StructureAction::Rename) {
            buttons = buttons.push(secondary(t("structures-rename"), Some(Message::Rename)));
        }
        if s.may(StructureAction::Remove) {
            buttons = buttons.push(widget::danger(t("action-remove"), Some(Message::AskRemove)));
            return buttons.spacing(10).wrap().into();
        }
        // Said before anyone tries: what keeps it.
        column![
            buttons.spacing(10).wrap(),
            iced::widget::text(t("structures-held-hint")).size(13)
        ]
        .spacing(8)
        .into()
    }
}

/// "Remove this structure?" over the screen.
pub fn confirm_remove<'a>(
    base: Element<'a, super::Message>,
    name: &str,
    l: Locale,
) -> Element<'a, super::Message> {
    widget::confirm(
        base,
        l,
        l.t("dialog-remove-structure-title"),
        l.t_with("dialog-remove-structure-body", &[("name", name)]),
        ("action-keep", super::Message::Edit(Message::KeepIt)),
        super::Message::Edit(Message::ConfirmRemove),
        widget::Weight::Dangerous,
    )
}

/// The server's refusal; for a removal, everything that still holds the structure, named.
fn refusal(e: &ClientError, l: Locale) -> String {
    let holders = match e {
        ClientError::Api { error, .. } => error.held_by.as_ref(),
        ClientError::Unreachable(_) => None,
    };
    let Some(h) = holders.filter(|h| !h.is_empty()) else {
        return l.error(e);
    };
    let mut parts = vec![l.t("structures-held-by")];
    if !h.sub_structures.is_empty() {
        let names: Vec<&str> = h.sub_structures.iter().map(|s| s.name.as_str()).collect();
        parts.push(l.t_with("structures-held-sub", &[("names", &names.join(", "))]));
    }
    if let Some(t) = &h.technical_user {
        parts.push(l.t_with("structures-held-technical", &[("name", t)]));
    }
    if !h.service_users.is_empty() {
        parts.push(l.t_with(
            "structures-held-service",
            &[("names", &h.service_users.join(", "))],
        ));
    }
    parts.join(" ")
}
