//! Service users: the list, the creation wizard (identification → access → letter) and a
//! service user's record (status, reset password with a new letter). Level-1 users only.

mod life;
mod list;
mod provisioning;
mod record;
mod view;
mod wizard;

use std::collections::BTreeSet;

use iced::widget::{checkbox, container, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::Ctx;
use crate::locale::Locale;
use crate::widget::{self, Notice, badge, heading, labelled, notice, primary, secondary};
use sesame_client::ClientError;
use sesame_core::api::{
    CreatedServiceUser, CredentialValidity, IssuedPassword, ServiceUser, Structure,
};
use sesame_core::domain::{Language, Scope, Status, StructureKind, validate_user_code};
use sesame_documents::{CredentialLetter, Holder};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Identification,
    Access,
    Letter,
}

#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub user_code: String,
    pub application: String,
    pub suspended: bool,
    pub language: Option<Language>,
    pub all_companies: bool,
    pub whole_structure: bool,
    pub chosen: BTreeSet<i64>,
    /// What the server (or the list already loaded) refused, by field, until that field is
    /// typed in again.
    pub refused: std::collections::HashMap<String, String>,
}

enum Mode {
    List,
    Wizard {
        step: Step,
        draft: Box<Draft>,
        created: Option<Box<(ServiceUser, String)>>,
    },
    Record {
        id: i64,
        password: Option<String>,
        confirm_reset: bool,
        /// The access being edited.
        access: Option<Box<Draft>>,
        /// A rotation being asked: the grace period typed, in days.
        rotate: Option<String>,
        /// A provisioning token asked for or shown.
        token: provisioning::TokenStep,
    },
}

/// The page's scrolled area: a view that replaces the list starts at its top.
const PAGE: &str = "service_users_page";

pub struct ServiceUsers {
    list: Vec<ServiceUser>,
    structures: Vec<Structure>,
    search: String,
    mode: Mode,
    notice: Option<Notice>,
    busy: bool,
    /// The organization's validity of API passwords (`Some(None)`: never expire).
    validity: Option<Option<i64>>,
    /// The validity being changed: days typed, "never" ticked.
    validity_edit: Option<(String, bool)>,
    health: Option<crate::screen::credential_health::Health>,
    /// Who may be a service user's responsible person: (id, name and user ID), loaded with
    /// the first record opened.
    people: Vec<(i64, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<(Vec<ServiceUser>, Vec<Structure>), ClientError>),
    Search(String),
    New,
    Code(String),
    Application(String),
    Suspended(bool),
    Language(Language),
    AllCompanies(bool),
    WholeStructure(bool),
    Toggle(i64, bool),
    Next,
    Back,
    Created(Result<CreatedServiceUser, ClientError>),
    PrintLetter,
    /// The password on screen, to the clipboard.
    CopyPassword,
    Finish,
    Open(i64),
    SetStatus(Status),
    /// Marks the service user for SCIM provisioning, or unmarks it.
    SetProvisioning(bool),
    Updated(Result<ServiceUser, ClientError>),
    EditAccess,
    SaveAccess,
    AskReset,
    ConfirmReset,
    Reset(Result<IssuedPassword, ClientError>),
    ClosePassword,
    /// A new provisioning token: asked, confirmed, answered, copied, closed.
    AskToken,
    ConfirmToken,
    Token(Result<sesame_core::api::ProvisioningToken, ClientError>),
    CopyToken,
    CloseToken,
    Close,
    ValidityLoaded(Result<CredentialValidity, ClientError>),
    EditValidity,
    ValidityDays(String),
    ValidityNever(bool),
    SaveValidity,
    CancelValidity,
    AskRotate,
    GraceDays(String),
    ConfirmRotate,
    Rotated(Result<IssuedPassword, ClientError>),
    EndPrevious,
    Refreshed(Result<ServiceUser, ClientError>),
    OpenHealth,
    Health(crate::screen::credential_health::Message),
    PeopleLoaded(Result<Vec<sesame_core::api::PersonSummary>, ClientError>),
    Responsible(Responsible),
}

/// A service user's responsible person as the menu shows it: a person, or every level-1 user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsible(pub Option<(i64, String)>, pub Locale);

impl std::fmt::Display for Responsible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some((_, name)) => f.write_str(name),
            None => f.write_str(&self.1.t("credential-responsible-default-choice")),
        }
    }
}

pub type Action = crate::screen::Effect<Message>;

impl ServiceUsers {
    pub fn load(ctx: Ctx<'_>) -> (ServiceUsers, Task<Message>) {
        let c = ctx.client.clone();
        let s = ServiceUsers {
            list: vec![],
            structures: vec![],
            search: String::new(),
            mode: Mode::List,
            notice: None,
            busy: true,
            validity: None,
            validity_edit: None,
            health: None,
            people: vec![],
        };
        let v = ctx.client.clone();
        (
            s,
            Task::batch([
                Task::perform(
                    async move { Ok((c.service_users().await?, c.structures().await?)) },
                    Message::Loaded,
                ),
                Task::perform(
                    async move { v.credential_validity().await },
                    Message::ValidityLoaded,
                ),
            ]),
        )
    }

    /// The password on screen (the wizard's letter step or a reset), if any.
    pub fn shown_password(&self) -> Option<&str> {
        match &self.mode {
            Mode::Wizard {
                created: Some(c),
                step: Step::Letter,
                ..
            } => Some(&c.1),
            Mode::Record {
                password: Some(p), ..
            } => Some(p),
            _ => None,
        }
    }

    pub fn list(&self) -> &[ServiceUser] {
        &self.list
    }

    /// The health view's accounts as shown (filter and order applied), while it is open.
    pub fn health_rows(&self) -> Option<Vec<String>> {
        self.health.as_ref().map(|h| h.shown())
    }

    /// The reason the typed user code is refused, if it is.
    /// Ctrl+N starts the wizard; in it, Enter goes on (when the step is complete) and Esc goes
    /// back a step, or out of the wizard from its first.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        match (&self.mode, s) {
            (Mode::List, Shortcut::New) => Some(Message::New),
            (Mode::Wizard { step, draft, .. }, Shortcut::Confirm) => match step {
                Step::Identification if Self::identification_ready(draft) => Some(Message::Next),
                Step::Access if draft.has_access() && !self.busy => Some(Message::Next),
                Step::Letter => Some(Message::Finish),
                _ => None,
            },
            (Mode::Wizard { step, .. }, Shortcut::Cancel) => Some(match step {
                Step::Access => Message::Back,
                // The password is shown once: Esc does not throw it away.
                Step::Letter => return None,
                Step::Identification => Message::Close,
            }),
            _ => None,
        }
    }

    /// The identification step can go on: a valid code and an application.
    pub fn identification_ready(draft: &Draft) -> bool {
        validate_user_code(&draft.user_code).is_ok() && !draft.application.trim().is_empty()
    }

    pub fn code_error(draft: &Draft, l: Locale) -> Option<String> {
        if draft.user_code.is_empty() {
            return None;
        }
        validate_user_code(&draft.user_code)
            .err()
            .map(|e| l.field_error(&e))
            .or_else(|| draft.refused.get("user_code").cloned())
    }

    fn letter(&self, ctx: Ctx<'_>, su: &ServiceUser, password: &str) -> (CredentialLetter, String) {
        let letter = CredentialLetter {
            organization_name: ctx.me.organization.name.clone(),
            organization_code: ctx.me.organization.code.clone(),
            login: su.user_code.clone(),
            password: password.to_owned(),
            holder: Holder::ServiceUser {
                application: su.application.clone(),
            },
            language: su.language,
            date: time::OffsetDateTime::now_utc(),
            handover: super::handover(ctx, &su.password),
        };
        (
            letter,
            sesame_documents::file_name("doc-letter-file", su.language, &su.user_code),
        )
    }

    /// The letter of the password on screen: the wizard's, or a reset's.
    fn print_letter(&self, ctx: Ctx<'_>) -> Action {
        match self.shown() {
            Some((su, p)) => {
                let (letter, name) = self.letter(ctx, su, p);
                Action::Print {
                    letters: vec![letter],
                    file: name,
                }
            }
            None => Action::None,
        }
    }

    /// The account whose password is on screen, with it.
    fn shown(&self) -> Option<(&ServiceUser, &String)> {
        match &self.mode {
            Mode::Wizard {
                created: Some(c), ..
            } => Some((&c.0, &c.1)),
            Mode::Record {
                id,
                password: Some(p),
                ..
            } => self.list.iter().find(|s| s.id == *id).map(|s| (s, p)),
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Loaded(Ok((list, structures))) => {
                self.busy = false;
                self.list = list;
                self.structures = structures;
            }
            Message::Search(s) => self.search = s,
            Message::Code(_)
            | Message::Application(_)
            | Message::Suspended(_)
            | Message::Language(_)
            | Message::AllCompanies(_)
            | Message::WholeStructure(_)
            | Message::Toggle(..) => self.edit_draft(message),
            Message::New | Message::Next | Message::Back | Message::Created(Ok(_)) => {
                return self.on_wizard(message, ctx);
            }
            Message::PrintLetter => {
                return self.print_letter(ctx);
            }
            Message::CopyPassword => {
                if let Some((_, p)) = self.shown() {
                    return Action::Copy(p.clone());
                }
            }
            // Finishing forgets the password.
            Message::Finish | Message::Close => self.mode = Mode::List,
            Message::Created(Err(e)) => self.not_created(e, ctx.locale),
            Message::Loaded(Err(e))
            | Message::Updated(Err(e))
            | Message::Reset(Err(e))
            | Message::Token(Err(e))
            | Message::ValidityLoaded(Err(e))
            | Message::Rotated(Err(e))
            | Message::Refreshed(Err(e))
            | Message::PeopleLoaded(Err(e)) => {
                self.busy = false;
                self.notice = Some(Notice::failed(ctx.locale.error(&e)));
            }
            Message::ValidityLoaded(Ok(_))
            | Message::EditValidity
            | Message::ValidityDays(_)
            | Message::ValidityNever(_)
            | Message::SaveValidity
            | Message::CancelValidity
            | Message::AskRotate
            | Message::GraceDays(_)
            | Message::ConfirmRotate
            | Message::Rotated(Ok(_))
            | Message::EndPrevious
            | Message::Refreshed(Ok(_)) => return self.on_life(message, ctx),
            Message::OpenHealth | Message::Health(_) => return self.on_health(message, ctx),
            Message::AskToken
            | Message::ConfirmToken
            | Message::Token(Ok(_))
            | Message::CopyToken
            | Message::CloseToken => return self.on_token(message, ctx),
            _ => return self.on_record(message, ctx),
        }
        Action::None
    }
}

impl Draft {
    /// Some access is chosen (the access step can go on).
    pub fn has_access(&self) -> bool {
        self.all_companies || self.whole_structure || !self.chosen.is_empty()
    }

    /// The access chosen in the draft.
    fn scope(&self) -> Scope {
        Scope {
            all_companies: self.all_companies,
            whole_structure: self.whole_structure,
            structure_ids: self.chosen.iter().copied().collect(),
        }
    }
}

fn step_label<'a>(label: String, current: bool) -> Element<'a, Message> {
    text(label).size(if current { 18 } else { 14 }).into()
}

/// "All companies, whole structure", or how many structures: one phrase, so only its first
/// word takes a capital.
pub fn scope_label(l: Locale, s: &Scope) -> String {
    let mut parts = vec![];
    if s.all_companies {
        parts.push(l.t("scope-part-all-companies"));
    }
    if s.whole_structure {
        parts.push(l.t("scope-part-whole-structure"));
    }
    if !s.structure_ids.is_empty() {
        parts.push(l.t_count("scope-structures", "count", s.structure_ids.len()));
    }
    let phrase = parts.join(", ");
    let mut chars = phrase.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => phrase,
    }
}

/// The structures in tree order, each with its depth.
pub fn tree_rows(structures: &[Structure]) -> Vec<(&Structure, usize)> {
    fn walk<'a>(
        all: &'a [Structure],
        parent: Option<i64>,
        depth: usize,
        out: &mut Vec<(&'a Structure, usize)>,
    ) {
        for s in all.iter().filter(|s| s.parent_id == parent) {
            out.push((s, depth));
            if depth < 32 {
                walk(all, Some(s.id), depth + 1, out);
            }
        }
    }
    let mut out = vec![];
    walk(structures, None, 0, &mut out);
    out
}

impl super::Questions for ServiceUsers {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("service-users-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sesame_core::domain::Language;

    #[test]
    fn an_access_reads_as_one_phrase_with_a_single_capital() {
        let s = Scope {
            all_companies: true,
            whole_structure: true,
            structure_ids: vec![3],
        };
        assert_eq!(
            scope_label(Locale::new(Language::Fr), &s),
            "Toutes les compagnies, toute la structure, 1 structure"
        );
        let whole = Scope {
            whole_structure: true,
            ..Scope::default()
        };
        assert_eq!(
            scope_label(Locale::new(Language::En), &whole),
            "Whole structure"
        );
    }
}
