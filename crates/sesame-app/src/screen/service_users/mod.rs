//! Service users: the list, the creation wizard (identification → access → letter) and a
//! service user's record (status, reset password with a new letter). Level-1 users only.

mod view;

use std::collections::BTreeSet;

use iced::widget::{checkbox, container, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::Ctx;
use crate::locale::Locale;
use crate::widget::{self, Notice, badge, heading, labelled, notice, primary, secondary};
use sesame_client::ClientError;
use sesame_core::api::{
    CreatedServiceUser, NewServiceUser, OneTimePassword, ServiceUser, ServiceUserUpdate, Structure,
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
    },
}

pub struct ServiceUsers {
    list: Vec<ServiceUser>,
    structures: Vec<Structure>,
    search: String,
    mode: Mode,
    notice: Option<Notice>,
    busy: bool,
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
    Finish,
    Open(i64),
    SetStatus(Status),
    Updated(Result<ServiceUser, ClientError>),
    EditAccess,
    SaveAccess,
    AskReset,
    ConfirmReset,
    Reset(Result<OneTimePassword, ClientError>),
    ClosePassword,
    Close,
}

pub enum Action {
    None,
    Run(Task<Message>),
    Print(Vec<CredentialLetter>, String),
    SessionEnded(ClientError),
}

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
        };
        (
            s,
            Task::perform(
                async move { Ok((c.service_users().await?, c.structures().await?)) },
                Message::Loaded,
            ),
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

    /// The reason the typed user code is refused, if it is.
    pub fn code_error(draft: &Draft, l: Locale) -> Option<String> {
        if draft.user_code.is_empty() {
            return None;
        }
        validate_user_code(&draft.user_code)
            .err()
            .map(|e| l.t(&format!("reason-{}", e.code)))
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
        };
        (
            letter,
            sesame_documents::file_name("doc-letter-file", ctx.locale.language, &su.user_code),
        )
    }

    /// The draft being edited: the wizard's, or the access of an open record.
    fn draft_mut(&mut self) -> Option<&mut Draft> {
        match &mut self.mode {
            Mode::Wizard { draft, .. } => Some(draft),
            Mode::Record {
                access: Some(draft),
                ..
            } => Some(draft),
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Loaded(Ok((list, structures))) => {
                self.busy = false;
                self.list = list;
                self.structures = structures;
            }
            Message::Search(s) => self.search = s,
            Message::New => {
                let draft = Draft {
                    language: Some(l.language),
                    ..Draft::default()
                };
                self.mode = Mode::Wizard {
                    step: Step::Identification,
                    draft: Box::new(draft),
                    created: None,
                };
                self.notice = None;
            }
            Message::Code(v) => {
                if let Mode::Wizard { draft, .. } = &mut self.mode {
                    draft.user_code = v.trim().to_owned();
                }
            }
            Message::Application(v) => {
                if let Mode::Wizard { draft, .. } = &mut self.mode {
                    draft.application = v;
                }
            }
            Message::Suspended(b) => {
                if let Mode::Wizard { draft, .. } = &mut self.mode {
                    draft.suspended = b;
                }
            }
            Message::Language(lang) => {
                if let Mode::Wizard { draft, .. } = &mut self.mode {
                    draft.language = Some(lang);
                }
            }
            Message::AllCompanies(b) => {
                if let Some(draft) = self.draft_mut() {
                    draft.all_companies = b;
                }
            }
            Message::WholeStructure(b) => {
                if let Some(draft) = self.draft_mut() {
                    draft.whole_structure = b;
                }
            }
            Message::Toggle(id, on) => {
                if let Some(draft) = self.draft_mut() {
                    if on {
                        draft.chosen.insert(id);
                    } else {
                        draft.chosen.remove(&id);
                    }
                }
            }
            Message::Next => {
                let Mode::Wizard { step, draft, .. } = &mut self.mode else {
                    return Action::None;
                };
                match step {
                    Step::Identification => {
                        if validate_user_code(&draft.user_code).is_ok()
                            && !draft.application.trim().is_empty()
                        {
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
                            scope: Scope {
                                all_companies: draft.all_companies,
                                whole_structure: draft.whole_structure,
                                structure_ids: draft.chosen.iter().copied().collect(),
                            },
                        };
                        let c = ctx.client.clone();
                        self.busy = true;
                        return Action::Run(Task::perform(
                            async move { c.create_service_user(&new).await },
                            Message::Created,
                        ));
                    }
                    Step::Letter => {}
                }
            }
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
            Message::PrintLetter => {
                let found = match &self.mode {
                    Mode::Wizard {
                        created: Some(c), ..
                    } => Some((c.0.clone(), c.1.clone())),
                    Mode::Record {
                        id,
                        password: Some(p),
                        ..
                    } => self
                        .list
                        .iter()
                        .find(|s| s.id == *id)
                        .map(|s| (s.clone(), p.clone())),
                    _ => None,
                };
                if let Some((su, p)) = found {
                    let (letter, name) = self.letter(ctx, &su, &p);
                    return Action::Print(vec![letter], name);
                }
            }
            // Finishing forgets the password.
            Message::Finish | Message::Close => self.mode = Mode::List,
            Message::Open(id) => {
                self.mode = Mode::Record {
                    id,
                    password: None,
                    confirm_reset: false,
                    access: None,
                }
            }
            Message::SetStatus(status) => {
                if let Mode::Record { id, .. } = self.mode
                    && let Some(su) = self.list.iter().find(|s| s.id == id)
                {
                    let (c, update) = (
                        ctx.client.clone(),
                        ServiceUserUpdate {
                            version: su.version,
                            status: Some(status),
                            ..Default::default()
                        },
                    );
                    return Action::Run(Task::perform(
                        async move { c.update_service_user(id, &update).await },
                        Message::Updated,
                    ));
                }
            }
            Message::Updated(Ok(su)) => {
                if let Mode::Record { access, .. } = &mut self.mode {
                    *access = None;
                }
                if let Some(s) = self.list.iter_mut().find(|s| s.id == su.id) {
                    *s = su;
                }
                self.notice = Some(Notice::done(l.t("person-saved")));
            }
            Message::EditAccess => {
                if let Mode::Record { id, access, .. } = &mut self.mode
                    && let Some(su) = self.list.iter().find(|s| s.id == *id)
                {
                    *access = Some(Box::new(Draft {
                        all_companies: su.scope.all_companies,
                        whole_structure: su.scope.whole_structure,
                        chosen: su.scope.structure_ids.iter().copied().collect(),
                        ..Draft::default()
                    }));
                }
            }
            Message::SaveAccess => {
                if let Mode::Record {
                    id,
                    access: Some(draft),
                    ..
                } = &self.mode
                    && let Some(su) = self.list.iter().find(|s| s.id == *id)
                {
                    let scope = Scope {
                        all_companies: draft.all_companies,
                        whole_structure: draft.whole_structure,
                        structure_ids: draft.chosen.iter().copied().collect(),
                    };
                    let (c, id) = (ctx.client.clone(), *id);
                    let update = ServiceUserUpdate {
                        version: su.version,
                        scope: Some(scope),
                        ..Default::default()
                    };
                    return Action::Run(Task::perform(
                        async move { c.update_service_user(id, &update).await },
                        Message::Updated,
                    ));
                }
            }
            Message::AskReset => {
                if let Mode::Record { confirm_reset, .. } = &mut self.mode {
                    *confirm_reset = true;
                }
            }
            Message::ConfirmReset => {
                if let Mode::Record { id, .. } = self.mode {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.reset_service_user_password(id).await },
                        Message::Reset,
                    ));
                }
            }
            Message::Reset(Ok(p)) => {
                if let Mode::Record {
                    password,
                    confirm_reset,
                    ..
                } = &mut self.mode
                {
                    *password = Some(p.password);
                    *confirm_reset = false;
                }
            }
            Message::ClosePassword => {
                if let Mode::Record {
                    password,
                    confirm_reset,
                    ..
                } = &mut self.mode
                {
                    *password = None;
                    *confirm_reset = false;
                }
            }
            Message::Loaded(Err(e))
            | Message::Created(Err(e))
            | Message::Updated(Err(e))
            | Message::Reset(Err(e)) => {
                self.busy = false;
                if e.session_ended() {
                    return Action::SessionEnded(e);
                }
                self.notice = Some(Notice::failed(l.error(&e)));
            }
        }
        Action::None
    }
}

fn step_label<'a>(label: String, current: bool) -> Element<'a, Message> {
    text(label).size(if current { 18 } else { 14 }).into()
}

/// "All companies", "Whole structure", or how many structures.
pub fn scope_label(l: Locale, s: &Scope) -> String {
    let mut parts = vec![];
    if s.all_companies {
        parts.push(l.t("scope-all-companies"));
    }
    if s.whole_structure {
        parts.push(l.t("scope-whole-structure"));
    }
    if !s.structure_ids.is_empty() {
        parts.push(l.t_count("scope-structures", "count", s.structure_ids.len()));
    }
    parts.join(", ")
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
