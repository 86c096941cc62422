//! Service users: the list, the creation wizard (identification → access → letter) and a
//! service user's record (status, reset password with a new letter). Level-1 users only.

use std::collections::BTreeSet;

use iced::widget::{checkbox, column, container, pick_list, row, scrollable, text, text_input};
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

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let mut page = column![text(t("service-users-title")).size(26)]
            .spacing(14)
            .padding(20);
        if let Some(n) = &self.notice {
            page = page.push(n.view());
        }
        let body: Element<'a, Message> = match &self.mode {
            Mode::List => self.list_view(l),
            Mode::Wizard {
                step,
                draft,
                created,
            } => self.wizard_view(l, *step, draft, created.as_deref()),
            Mode::Record {
                id,
                password,
                confirm_reset,
                access,
            } => match self.list.iter().find(|s| s.id == *id) {
                Some(su) => {
                    let view = self.record_view(l, su, password.as_deref(), *confirm_reset);
                    match access {
                        None => column![
                            view,
                            secondary(l.t("action-edit-access"), Some(Message::EditAccess))
                        ]
                        .spacing(12)
                        .into(),
                        Some(draft) => column![
                            view,
                            heading(l.t("wizard-access")),
                            self.access_editor(l, draft),
                            primary(l.t("action-save"), Some(Message::SaveAccess)),
                        ]
                        .spacing(12)
                        .into(),
                    }
                }
                None => text("").into(),
            },
        };
        scrollable(page.push(body).max_width(1000))
            .height(Length::Fill)
            .into()
    }

    fn list_view<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let q = sesame_core::domain::fold_for_search(&self.search);
        let rows = self
            .list
            .iter()
            .filter(|s| {
                q.is_empty()
                    || sesame_core::domain::fold_for_search(&format!(
                        "{} {}",
                        s.user_code, s.application
                    ))
                    .contains(&q)
            })
            .fold(column![].spacing(6), |c, s| {
                c.push(
                    row![
                        text(s.user_code.clone()).width(Length::FillPortion(2)),
                        text(s.application.clone()).width(Length::FillPortion(3)),
                        container(badge(l, s.status)).width(Length::FillPortion(1)),
                        text(l.language_name(s.language)).width(Length::FillPortion(1)),
                        text(scope_label(l, &s.scope)).width(Length::FillPortion(2)),
                        text(l.date(s.created_at)).width(Length::FillPortion(2)),
                        text(
                            s.last_used_at
                                .map(|d| l.date(d))
                                .unwrap_or_else(|| "—".into())
                        )
                        .width(Length::FillPortion(2)),
                        widget::link(t("action-modify"), Some(Message::Open(s.id))),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                )
            });
        let header = row![
            text(t("column-user-code"))
                .size(13)
                .width(Length::FillPortion(2)),
            text(t("column-application"))
                .size(13)
                .width(Length::FillPortion(3)),
            text(t("column-status"))
                .size(13)
                .width(Length::FillPortion(1)),
            text(t("column-language"))
                .size(13)
                .width(Length::FillPortion(1)),
            text(t("column-scope"))
                .size(13)
                .width(Length::FillPortion(2)),
            text(t("column-created"))
                .size(13)
                .width(Length::FillPortion(2)),
            text(t("column-last-used"))
                .size(13)
                .width(Length::FillPortion(2)),
            text("").width(Length::Shrink),
        ]
        .spacing(8);
        column![
            row![
                text_input(&t("service-users-search"), &self.search)
                    .id("search")
                    .on_input(Message::Search)
                    .padding(8),
                primary(t("service-users-new"), Some(Message::New))
            ]
            .spacing(10),
            header,
            rows,
        ]
        .spacing(10)
        .into()
    }

    fn wizard_view<'a>(
        &'a self,
        l: Locale,
        step: Step,
        draft: &'a Draft,
        created: Option<&'a (ServiceUser, String)>,
    ) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let steps = row![
            step_label(l.t("wizard-identification"), step == Step::Identification),
            text("›"),
            step_label(l.t("wizard-access"), step == Step::Access),
            text("›"),
            step_label(l.t("wizard-letter"), step == Step::Letter),
        ]
        .spacing(10);
        let body: Element<'a, Message> = match step {
            Step::Identification => {
                let code_error = Self::code_error(draft, l);
                let ready = validate_user_code(&draft.user_code).is_ok()
                    && !draft.application.trim().is_empty();
                column![
                    heading(t("wizard-identification")),
                    labelled(t("field-type"), text(t("type-service-user")), None),
                    labelled(
                        t("field-user-code"),
                        text_input("PAIE2026", &draft.user_code)
                            .id("user-code")
                            .on_input(Message::Code)
                            .padding(8),
                        code_error.as_deref()
                    ),
                    text(t("reason-user_code_length")).size(12),
                    labelled(
                        t("field-application"),
                        text_input("", &draft.application)
                            .id("application")
                            .on_input(Message::Application)
                            .padding(8),
                        None
                    ),
                    checkbox(draft.suspended)
                        .label(t("field-create-suspended"))
                        .on_toggle(Message::Suspended),
                    labelled(
                        t("field-language"),
                        pick_list(Language::ALL.to_vec(), draft.language, Message::Language),
                        None
                    ),
                    row![
                        secondary(t("action-cancel"), Some(Message::Close)),
                        primary(t("action-next"), ready.then_some(Message::Next))
                    ]
                    .spacing(10),
                ]
                .spacing(10)
                .into()
            }
            Step::Access => {
                let tree = self.access_editor(l, draft);
                let ready =
                    draft.all_companies || draft.whole_structure || !draft.chosen.is_empty();
                column![
                    heading(t("wizard-access")),
                    text(t("wizard-access-intro")),
                    tree,
                    row![
                        secondary(t("action-back"), Some(Message::Back)),
                        primary(
                            t("action-next"),
                            (ready && !self.busy).then_some(Message::Next)
                        )
                    ]
                    .spacing(10),
                ]
                .spacing(10)
                .into()
            }
            Step::Letter => match created {
                Some((su, password)) => column![
                    heading(t("wizard-letter")),
                    text(l.t_with(
                        "wizard-letter-intro",
                        &[("code", &su.user_code), ("application", &su.application)]
                    )),
                    container(text(password.clone()).size(24).font(iced::Font::MONOSPACE))
                        .padding(10),
                    notice(&t("wizard-letter-notice"), false),
                    row![
                        secondary(t("action-print-letter"), Some(Message::PrintLetter)),
                        primary(t("action-finish"), Some(Message::Finish))
                    ]
                    .spacing(10),
                ]
                .spacing(12)
                .into(),
                None => text("").into(),
            },
        };
        column![steps, body].spacing(16).into()
    }

    /// "All companies", "Whole structure", and the tree with a checkbox per structure; what the
    /// two global boxes cover is greyed out.
    fn access_editor<'a>(&'a self, l: Locale, draft: &'a Draft) -> Element<'a, Message> {
        let tree =
            tree_rows(&self.structures)
                .into_iter()
                .fold(column![].spacing(6), |c, (s, depth)| {
                    let is_company = s.kind == StructureKind::Company;
                    let covered = if is_company {
                        draft.all_companies
                    } else {
                        draft.whole_structure
                    };
                    let id = s.id;
                    let indent = depth as f32 * 24.0;
                    let boxed = checkbox(covered || draft.chosen.contains(&s.id))
                        .label(s.name.clone())
                        .on_toggle_maybe((!covered).then_some(move |on| Message::Toggle(id, on)));
                    c.push(container(boxed).padding(iced::Padding {
                        left: indent,
                        ..iced::Padding::ZERO
                    }))
                });
        column![
            checkbox(draft.all_companies)
                .label(l.t("scope-all-companies"))
                .on_toggle(Message::AllCompanies),
            checkbox(draft.whole_structure)
                .label(l.t("scope-whole-structure"))
                .on_toggle(Message::WholeStructure),
            container(tree).padding(10),
        ]
        .spacing(10)
        .into()
    }

    fn record_view<'a>(
        &'a self,
        l: Locale,
        su: &'a ServiceUser,
        password: Option<&'a str>,
        confirm_reset: bool,
    ) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let mut c = column![
            heading(format!("{} — {}", su.user_code, su.application)),
            row![
                badge(l, su.status),
                text(l.language_name(su.language)),
                text(scope_label(l, &su.scope))
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            row![
                secondary(
                    t("action-activate"),
                    (su.status != Status::Active).then_some(Message::SetStatus(Status::Active))
                ),
                secondary(
                    t("action-suspend"),
                    (su.status == Status::Active).then_some(Message::SetStatus(Status::Suspended))
                ),
                primary(
                    t("action-reset-password"),
                    (password.is_none() && !confirm_reset).then_some(Message::AskReset)
                ),
                secondary(t("action-back"), Some(Message::Close)),
            ]
            .spacing(10),
        ]
        .spacing(12);
        if confirm_reset {
            c = c.push(notice(&t("reset-confirm-body"), false)).push(
                row![
                    secondary(t("action-cancel"), Some(Message::ClosePassword)),
                    primary(t("action-confirm"), Some(Message::ConfirmReset))
                ]
                .spacing(10),
            );
        }
        if let Some(p) = password {
            c = c
                .push(text(t("password-reset-done")))
                .push(
                    container(text(p.to_owned()).size(24).font(iced::Font::MONOSPACE)).padding(10),
                )
                .push(text(t("password-shown-once")).size(13))
                .push(
                    row![
                        secondary(t("action-print-letter"), Some(Message::PrintLetter)),
                        primary(t("action-close"), Some(Message::ClosePassword))
                    ]
                    .spacing(10),
                );
        }
        c.into()
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
