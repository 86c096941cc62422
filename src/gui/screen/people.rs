//! The user follow-up: every account this user may see, loaded once (page after page, with
//! progress), then searched, filtered and sorted in memory so every keystroke answers at once,
//! and shown through the virtual list so 100,000 rows scroll smoothly.

use std::collections::BTreeSet;

use iced::widget::{checkbox, column, container, pick_list, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::Ctx;
use crate::api::{
    OneTimePassword, PeoplePage, PeopleQuery, PeopleSort, PersonRecord, PersonSummary,
};
use crate::client::{Client, ClientError};
use crate::domain::{Level, Status, fold_for_search};
use crate::gui::locale::Locale;
use crate::gui::widget::virtual_list::{self, Window};
use crate::gui::widget::{self, badge, danger, dialog, notice, primary, secondary, shield};

pub const ROW_HEIGHT: f32 = 34.0;
const PAGE: u32 = 5000;

#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    ConfirmInitialize {
        id: i64,
        name: String,
    },
    Password {
        id: i64,
        name: String,
        password: String,
    },
    Roles {
        id: i64,
        name: String,
        roles: BTreeSet<String>,
    },
    ConfirmBatch {
        count: usize,
    },
    ConfirmRemove {
        id: i64,
        name: String,
    },
}

#[derive(Default)]
pub struct People {
    all: Vec<PersonSummary>,
    /// Folded name, user ID and email of each row, for accent-insensitive search.
    keys: Vec<String>,
    /// Row indices in the current sort order.
    order: Vec<u32>,
    /// `order` after search and filters: what the list shows.
    visible: Vec<u32>,
    pub query: String,
    level: Option<LevelFilter>,
    status: Option<StatusFilter>,
    sort: PeopleSort,
    desc: bool,
    loading: bool,
    window: Window,
    dialog: Option<Dialog>,
    notice: Option<(String, bool)>,
    /// Rows ticked for a batch of credential letters.
    selected: BTreeSet<i64>,
}

/// "All levels" or one level, for the filter's pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelFilter(pub Option<Level>, pub Locale);
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusFilter(pub Option<Status>, pub Locale);

impl std::fmt::Display for LevelFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(l) => f.write_str(&self.1.level(l)),
            None => f.write_str(&self.1.t("filter-all-levels")),
        }
    }
}

impl std::fmt::Display for StatusFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(s) => f.write_str(&self.1.status(s)),
            None => f.write_str(&self.1.t("filter-all-statuses")),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<PeoplePage, ClientError>),
    Search(String),
    LevelFilter(LevelFilter),
    StatusFilter(StatusFilter),
    SortBy(PeopleSort),
    Scrolled(scrollable::Viewport),
    New,
    Cancel,
    Quit,
    Modify(i64),
    AskInitialize(i64),
    ConfirmInitialize,
    Initialized(Result<OneTimePassword, ClientError>),
    CopyPassword,
    PrintLetter,
    AskRoles(i64),
    ToggleRole(String, bool),
    SaveRoles,
    RolesSaved(Result<PersonRecord, ClientError>),
    AskRemove(i64),
    ConfirmRemove,
    Removed(i64, Result<(), ClientError>),
    CloseDialog,
    Tick(i64, bool),
    ExportCsv,
    AskBatch,
    ConfirmBatch,
    BatchDone(Result<Vec<crate::api::InitializedPassword>, ClientError>),
}

pub enum Action {
    None,
    Run(Task<Message>),
    Home,
    NewPerson,
    OpenPerson(i64),
    Copy(String),
    /// Print these credential letters to this file name.
    Print(Vec<crate::documents::CredentialLetter>, String),
    /// Save these bytes under this file name (the CSV export).
    Save(Vec<u8>, String),
    /// The session ended: the app asks for sign-in again and comes back here.
    SessionEnded(ClientError),
}

pub fn session_ended(e: &ClientError) -> bool {
    use crate::api::ErrorCode as C;
    matches!(e.code(), Some(C::SessionExpired | C::Unauthenticated))
}

impl People {
    /// Starts loading every visible account.
    pub fn load(client: &Client) -> (People, Task<Message>) {
        let people = People {
            loading: true,
            ..People::default()
        };
        (people, fetch(client, None))
    }

    /// Builds the list from rows already at hand (benchmarks and tests of the view).
    pub fn with_rows(rows: Vec<PersonSummary>) -> People {
        let mut p = People::default();
        p.append(rows);
        p
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    fn append(&mut self, rows: Vec<PersonSummary>) {
        for p in rows {
            self.keys.push(fold_for_search(&format!(
                "{} {} {} {} {}",
                p.first_name, p.last_name, p.last_name, p.user_id, p.email
            )));
            self.order.push(self.all.len() as u32);
            self.all.push(p);
        }
        // The server sends pages in name order: only another sort needs sorting here.
        if self.sort != PeopleSort::Name || self.desc {
            self.resort();
        } else {
            self.refilter();
        }
    }

    fn resort(&mut self) {
        let all = &self.all;
        let key = |i: &u32| {
            let p = &all[*i as usize];
            match self.sort {
                PeopleSort::Name => (
                    fold_for_search(&p.last_name),
                    fold_for_search(&p.first_name),
                ),
                PeopleSort::UserId => (p.user_id.to_lowercase(), String::new()),
                PeopleSort::Email => (p.email.clone(), String::new()),
                PeopleSort::Phone => (p.phone.clone().unwrap_or_default(), String::new()),
                PeopleSort::Level => (
                    format!("{:03}", p.level.code()),
                    fold_for_search(&p.last_name),
                ),
                PeopleSort::Status => (p.status.as_str().to_owned(), fold_for_search(&p.last_name)),
            }
        };
        let mut keyed: Vec<((String, String), u32)> =
            (0..all.len() as u32).map(|i| (key(&i), i)).collect();
        keyed.sort_unstable();
        if self.desc {
            keyed.reverse();
        }
        self.order = keyed.into_iter().map(|(_, i)| i).collect();
        self.refilter();
    }

    /// Applies search and filters to the sorted order: the work of one keystroke.
    pub fn refilter(&mut self) {
        let q = fold_for_search(self.query.trim());
        let level = self.level.and_then(|l| l.0);
        let status = self.status.and_then(|s| s.0);
        self.visible = self
            .order
            .iter()
            .copied()
            .filter(|&i| {
                let p = &self.all[i as usize];
                (q.is_empty() || self.keys[i as usize].contains(&q))
                    && level.is_none_or(|l| p.level == l)
                    && status.is_none_or(|s| p.status == s)
            })
            .collect();
    }

    fn find(&self, id: i64) -> Option<&PersonSummary> {
        self.all.iter().find(|p| p.id == id)
    }

    fn name_of(&self, id: i64) -> String {
        self.find(id)
            .map(|p| format!("{} {}", p.first_name, p.last_name))
            .unwrap_or_default()
    }

    /// Enter in a dialog.
    pub fn confirm_message(&self) -> Option<Message> {
        match self.dialog.as_ref()? {
            Dialog::ConfirmInitialize { .. } => Some(Message::ConfirmInitialize),
            Dialog::ConfirmRemove { .. } => Some(Message::ConfirmRemove),
            Dialog::Roles { .. } => Some(Message::SaveRoles),
            Dialog::Password { .. } => Some(Message::CloseDialog),
            Dialog::ConfirmBatch { .. } => Some(Message::ConfirmBatch),
        }
    }

    /// Esc in a dialog.
    pub fn has_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// The password the open dialog shows (once), if any.
    pub fn shown_password(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Password { password, .. }) => Some(password),
            _ => None,
        }
    }

    /// The rows shown, in order (after search, filters and sort).
    pub fn shown(&self) -> impl Iterator<Item = &PersonSummary> {
        self.visible.iter().map(|&i| &self.all[i as usize])
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Loaded(Ok(page)) => {
                let next = page.next_cursor.clone();
                self.append(page.items);
                if next.is_some() {
                    return Action::Run(fetch(ctx.client, next));
                }
                self.loading = false;
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                return self.failed(e, l);
            }
            Message::Search(q) => {
                self.query = q;
                self.refilter();
            }
            Message::LevelFilter(f) => {
                self.level = Some(f);
                self.refilter();
            }
            Message::StatusFilter(f) => {
                self.status = Some(f);
                self.refilter();
            }
            Message::SortBy(s) => {
                self.desc = self.sort == s && !self.desc;
                self.sort = s;
                self.resort();
            }
            Message::Scrolled(v) => self.window = Window::from_viewport(v),
            Message::New => return Action::NewPerson,
            Message::Cancel | Message::Quit => return Action::Home,
            Message::Modify(id) => return Action::OpenPerson(id),
            Message::AskInitialize(id) => {
                self.dialog = Some(Dialog::ConfirmInitialize {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::ConfirmInitialize => {
                if let Some(Dialog::ConfirmInitialize { id, .. }) = self.dialog {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.initialize_password(id).await },
                        Message::Initialized,
                    ));
                }
            }
            Message::Initialized(Ok(p)) => {
                if let Some(Dialog::ConfirmInitialize { id, name }) = self.dialog.take() {
                    self.dialog = Some(Dialog::Password {
                        id,
                        name,
                        password: p.password,
                    });
                }
            }
            Message::Initialized(Err(e)) => {
                self.dialog = None;
                return self.failed(e, l);
            }
            Message::CopyPassword => {
                if let Some(Dialog::Password { password, .. }) = &self.dialog {
                    return Action::Copy(password.clone());
                }
            }
            Message::PrintLetter => {
                if let Some(Dialog::Password { id, password, .. }) = &self.dialog
                    && let Some(p) = self.find(*id)
                {
                    let letter = super::credential_letter(ctx, p, password);
                    let name =
                        crate::documents::file_name("doc-letter-file", l.language, &p.user_id);
                    return Action::Print(vec![letter], name);
                }
            }
            Message::AskRoles(id) => {
                let roles = self
                    .find(id)
                    .map(|p| p.roles.iter().cloned().collect())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Roles {
                    id,
                    name: self.name_of(id),
                    roles,
                });
            }
            Message::ToggleRole(code, on) => {
                if let Some(Dialog::Roles { roles, .. }) = &mut self.dialog {
                    if on {
                        roles.insert(code);
                    } else {
                        roles.remove(&code);
                    }
                }
            }
            Message::SaveRoles => {
                if let Some(Dialog::Roles { id, roles, .. }) = &self.dialog {
                    let (c, id, roles) = (
                        ctx.client.clone(),
                        *id,
                        roles.iter().cloned().collect::<Vec<_>>(),
                    );
                    return Action::Run(Task::perform(
                        async move { c.update_roles(id, &roles).await },
                        Message::RolesSaved,
                    ));
                }
            }
            Message::RolesSaved(Ok(rec)) => {
                self.dialog = None;
                if let Some(p) = self.all.iter_mut().find(|p| p.id == rec.person.id) {
                    *p = rec.person;
                }
                self.notice = Some((l.t("people-roles-updated"), false));
            }
            Message::RolesSaved(Err(e)) => {
                self.dialog = None;
                return self.failed(e, l);
            }
            Message::AskRemove(id) => {
                self.dialog = Some(Dialog::ConfirmRemove {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::ConfirmRemove => {
                if let Some(Dialog::ConfirmRemove { id, .. }) = self.dialog {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.delete_person(id).await },
                        move |r| Message::Removed(id, r),
                    ));
                }
            }
            Message::Removed(id, Ok(())) => {
                self.dialog = None;
                let name = self.name_of(id);
                self.remove(id);
                self.notice = Some((l.t_with("people-removed", &[("name", &name)]), false));
            }
            Message::Removed(_, Err(e)) => {
                self.dialog = None;
                return self.failed(e, l);
            }
            Message::CloseDialog => self.dialog = None,
            Message::Tick(id, on) => {
                if on {
                    self.selected.insert(id);
                } else {
                    self.selected.remove(&id);
                }
            }
            Message::ExportCsv => {
                let name = format!("{}.csv", l.t("people-csv-file"));
                return Action::Save(self.csv(ctx), name);
            }
            Message::AskBatch => {
                if !self.selected.is_empty() {
                    self.dialog = Some(Dialog::ConfirmBatch {
                        count: self.selected.len(),
                    });
                }
            }
            Message::ConfirmBatch => {
                let (c, ids) = (
                    ctx.client.clone(),
                    self.selected.iter().copied().collect::<Vec<_>>(),
                );
                return Action::Run(Task::perform(
                    async move { c.initialize_passwords(&ids).await },
                    Message::BatchDone,
                ));
            }
            Message::BatchDone(Ok(list)) => {
                self.dialog = None;
                self.selected.clear();
                // The passwords go into the letters, and only there.
                let letters: Vec<_> = list
                    .iter()
                    .filter_map(|p| {
                        self.find(p.id)
                            .map(|person| super::credential_letter(ctx, person, &p.password))
                    })
                    .collect();
                self.notice = Some((
                    l.t_count("people-batch-done", "count", letters.len()),
                    false,
                ));
                let name = crate::documents::file_name(
                    "doc-letters-file",
                    l.language,
                    &ctx.me.organization.code,
                );
                return Action::Print(letters, name);
            }
            Message::BatchDone(Err(e)) => {
                self.dialog = None;
                return self.failed(e, l);
            }
        }
        Action::None
    }

    /// The list as shown (search, filters and sort applied) as CSV: UTF-8 with a byte-order
    /// mark, so spreadsheet programs read the accents; the columns in the user's language.
    pub fn csv(&self, ctx: Ctx<'_>) -> Vec<u8> {
        let l = ctx.locale;
        let mut out = "\u{feff}".as_bytes().to_vec();
        {
            let mut w = csv::Writer::from_writer(&mut out);
            let header = [
                "column-last-name",
                "column-first-name",
                "column-user-id",
                "column-phone",
                "column-level",
                "column-email",
                "column-roles",
                "column-status",
                "column-two-factor",
            ];
            let _ = w.write_record(header.iter().map(|id| l.t(id)));
            for p in self.shown() {
                let _ = w.write_record([
                    p.last_name.clone(),
                    p.first_name.clone(),
                    p.user_id.clone(),
                    p.phone.clone().unwrap_or_default(),
                    l.level(p.level),
                    p.email.clone(),
                    role_names(l, ctx.roles, &p.roles),
                    l.status(p.status),
                    l.t(if p.two_factor {
                        "value-yes"
                    } else {
                        "value-no"
                    }),
                ]);
            }
            let _ = w.flush();
        }
        out
    }

    /// Takes a person off the list (deleted here or in the record).
    pub fn remove(&mut self, id: i64) {
        if let Some(pos) = self.all.iter().position(|p| p.id == id) {
            self.all.remove(pos);
            self.keys.remove(pos);
            self.order = (0..self.all.len() as u32).collect();
            self.resort();
        }
    }

    /// Puts a created or saved person in the list.
    pub fn upsert(&mut self, person: PersonSummary) {
        match self.all.iter_mut().position(|p| p.id == person.id) {
            Some(pos) => {
                self.keys[pos] = fold_for_search(&format!(
                    "{} {} {} {} {}",
                    person.first_name,
                    person.last_name,
                    person.last_name,
                    person.user_id,
                    person.email
                ));
                self.all[pos] = person;
                self.resort();
            }
            None => self.append(vec![person]),
        }
    }

    fn failed(&mut self, e: ClientError, l: Locale) -> Action {
        if session_ended(&e) {
            return Action::SessionEnded(e);
        }
        self.notice = Some((l.error(&e), true));
        Action::None
    }

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let levels: Vec<LevelFilter> = std::iter::once(LevelFilter(None, l))
            .chain(Level::ALL.into_iter().map(|v| LevelFilter(Some(v), l)))
            .collect();
        let statuses: Vec<StatusFilter> = std::iter::once(StatusFilter(None, l))
            .chain(
                [Status::Active, Status::Invited, Status::Suspended]
                    .into_iter()
                    .map(|v| StatusFilter(Some(v), l)),
            )
            .collect();
        let count = if self.loading {
            l.t_count("people-loading", "count", self.all.len())
        } else if self.visible.len() == self.all.len() {
            l.t_count("people-count", "count", self.all.len())
        } else {
            l.t_with(
                "people-count-filtered",
                &[
                    ("shown", &l.number(self.visible.len())),
                    ("total", &l.number(self.all.len())),
                ],
            )
        };
        let toolbar = row![
            text_input(&t("people-search"), &self.query)
                .id("search")
                .on_input(Message::Search)
                .padding(8)
                .width(Length::FillPortion(3)),
            pick_list(
                levels,
                Some(self.level.unwrap_or(LevelFilter(None, l))).map(|f| LevelFilter(f.0, l)),
                Message::LevelFilter
            ),
            pick_list(
                statuses,
                Some(self.status.unwrap_or(StatusFilter(None, l))).map(|f| StatusFilter(f.0, l)),
                Message::StatusFilter
            ),
            text(count).size(13),
            secondary(
                l.t_count("people-print-selected", "count", self.selected.len()),
                (!self.selected.is_empty()).then_some(Message::AskBatch)
            ),
            secondary(
                t("people-export-csv"),
                (!self.loading).then_some(Message::ExportCsv)
            ),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let header = row![
            container(text("")).width(24),
            self.header(l, "column-name", PeopleSort::Name, 3),
            self.header(l, "column-user-id", PeopleSort::UserId, 2),
            self.header(l, "column-phone", PeopleSort::Phone, 2),
            self.header(l, "column-level", PeopleSort::Level, 2),
            self.header(l, "column-email", PeopleSort::Email, 3),
            container(text(t("column-roles")).size(13)).width(Length::FillPortion(2)),
            self.header(l, "column-status", PeopleSort::Status, 2),
            container(text(t("column-two-factor")).size(13)).width(Length::FillPortion(1)),
            container(text(t("column-options")).size(13)).width(Length::FillPortion(3)),
        ]
        .spacing(8)
        .padding([6, 8]);
        let list = virtual_list::view(
            "people-list",
            self.visible.len(),
            ROW_HEIGHT,
            self.window,
            |i| self.row(l, ctx.roles, self.visible[i]),
            Message::Scrolled,
        );
        let buttons = row![
            primary(
                t("people-new"),
                ctx.me.has_user_list.then_some(Message::New)
            ),
            secondary(t("action-cancel"), Some(Message::Cancel)),
            secondary(t("action-quit"), Some(Message::Quit)),
        ]
        .spacing(10);
        let mut page = column![text(t("people-title")).size(26)]
            .spacing(10)
            .padding(20)
            .height(Length::Fill);
        if let Some((n, is_error)) = &self.notice {
            page = page.push(notice(n, *is_error));
        }
        let page: Element<'_, Message> = page
            .push(toolbar)
            .push(header)
            .push(list)
            .push(buttons)
            .into();
        match &self.dialog {
            None => page,
            Some(d) => self.dialog_view(page, d, ctx),
        }
    }

    fn header<'a>(
        &self,
        l: Locale,
        id: &str,
        sort: PeopleSort,
        portion: u16,
    ) -> Element<'a, Message> {
        let arrow = if self.sort == sort {
            if self.desc { " ▼" } else { " ▲" }
        } else {
            ""
        };
        container(widget::link(
            format!("{}{arrow}", l.t(id)),
            Some(Message::SortBy(sort)),
        ))
        .width(Length::FillPortion(portion))
        .into()
    }

    fn row<'a>(
        &'a self,
        l: Locale,
        catalogue: &[crate::api::Role],
        index: u32,
    ) -> Element<'a, Message> {
        let p = &self.all[index as usize];
        let cell = |s: String, portion: u16| {
            container(text(s).size(14).wrapping(text::Wrapping::None))
                .width(Length::FillPortion(portion))
                .clip(true)
        };
        let id = p.id;
        let options: Vec<RowOptionLabel> = [
            RowOption::InitializePassword,
            RowOption::UpdateRoles,
            RowOption::Remove,
        ]
        .into_iter()
        .map(|o| o.with(l))
        .collect();
        let ticked = self.selected.contains(&id);
        row![
            container(checkbox(ticked).on_toggle(move |on| Message::Tick(id, on))).width(24),
            cell(display_name(p), 3),
            cell(p.user_id.clone(), 2),
            cell(p.phone.clone().unwrap_or_default(), 2),
            cell(l.level(p.level), 2),
            cell(p.email.clone(), 3),
            cell(role_names(l, catalogue, &p.roles), 2),
            container(badge(l, p.status)).width(Length::FillPortion(2)),
            container(shield(l, p.two_factor)).width(Length::FillPortion(1)),
            row![
                widget::link(l.t("action-modify"), Some(Message::Modify(id))),
                pick_list(options, None::<RowOptionLabel>, move |o| o.message(id))
                    .placeholder(l.t("column-options"))
                    .text_size(13)
                    .padding([2, 6]),
            ]
            .spacing(6)
            .align_y(Alignment::Center)
            .width(Length::FillPortion(3)),
        ]
        .spacing(8)
        .padding([0, 8])
        .height(ROW_HEIGHT)
        .align_y(Alignment::Center)
        .into()
    }

    fn dialog_view<'a>(
        &'a self,
        base: Element<'a, Message>,
        d: &'a Dialog,
        ctx: Ctx<'_>,
    ) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        match d {
            Dialog::ConfirmInitialize { name, .. } => dialog(
                base,
                t("dialog-initialize-title"),
                text(l.t_with("dialog-initialize-body", &[("name", name)])).into(),
                vec![
                    secondary(t("action-cancel"), Some(Message::CloseDialog)),
                    primary(t("action-confirm"), Some(Message::ConfirmInitialize)),
                ],
            ),
            Dialog::Password { name, password, .. } => crate::gui::widget::password_dialog(
                base,
                l,
                name,
                password,
                [
                    Message::CopyPassword,
                    Message::PrintLetter,
                    Message::CloseDialog,
                ],
            ),
            Dialog::Roles { name, roles, .. } => {
                let boxes = ctx.roles.iter().fold(column![].spacing(8), |c, r| {
                    let label = match l.language {
                        crate::domain::Language::En => r.name_en.clone(),
                        crate::domain::Language::Fr => r.name_fr.clone(),
                    };
                    let code = r.code.clone();
                    c.push(
                        checkbox(roles.contains(&r.code))
                            .label(label)
                            .on_toggle(move |on| Message::ToggleRole(code.clone(), on)),
                    )
                });
                dialog(
                    base,
                    l.t_with("dialog-roles-title", &[("name", name)]),
                    boxes.into(),
                    vec![
                        secondary(t("action-cancel"), Some(Message::CloseDialog)),
                        primary(t("action-update"), Some(Message::SaveRoles)),
                    ],
                )
            }
            Dialog::ConfirmBatch { count } => dialog(
                base,
                t("dialog-batch-title"),
                text(l.t_count("dialog-batch-body", "count", *count)).into(),
                vec![
                    secondary(t("action-cancel"), Some(Message::CloseDialog)),
                    primary(t("action-confirm"), Some(Message::ConfirmBatch)),
                ],
            ),
            Dialog::ConfirmRemove { name, .. } => dialog(
                base,
                t("dialog-remove-title"),
                text(l.t_with("dialog-remove-body", &[("name", name)])).into(),
                vec![
                    secondary(t("action-cancel"), Some(Message::CloseDialog)),
                    danger(t("action-confirm"), Some(Message::ConfirmRemove)),
                ],
            ),
        }
    }
}

/// Role codes as the catalogue names them in the user's language.
pub fn role_names(l: Locale, catalogue: &[crate::api::Role], codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| match catalogue.iter().find(|r| &r.code == code) {
            Some(r) if l.language == crate::domain::Language::Fr => r.name_fr.clone(),
            Some(r) => r.name_en.clone(),
            None => code.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Last, First", or the email of someone invited who has no name yet.
pub fn display_name(p: &PersonSummary) -> String {
    match (
        p.last_name.trim().is_empty(),
        p.first_name.trim().is_empty(),
    ) {
        (true, true) => p.email.clone(),
        (false, true) => p.last_name.clone(),
        (true, false) => p.first_name.clone(),
        (false, false) => format!("{}, {}", p.last_name, p.first_name),
    }
}

/// A row's options menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOption {
    InitializePassword,
    UpdateRoles,
    Remove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowOptionLabel(RowOption, Locale);

impl RowOption {
    fn with(self, l: Locale) -> RowOptionLabel {
        RowOptionLabel(self, l)
    }
}

impl RowOptionLabel {
    fn message(self, id: i64) -> Message {
        match self.0 {
            RowOption::InitializePassword => Message::AskInitialize(id),
            RowOption::UpdateRoles => Message::AskRoles(id),
            RowOption::Remove => Message::AskRemove(id),
        }
    }
}

impl std::fmt::Display for RowOptionLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(match self.0 {
            RowOption::InitializePassword => "action-initialize-password",
            RowOption::UpdateRoles => "action-update-roles",
            RowOption::Remove => "action-remove",
        }))
    }
}

fn fetch(client: &Client, cursor: Option<String>) -> Task<Message> {
    let c = client.clone();
    let q = PeopleQuery {
        limit: Some(PAGE),
        cursor,
        ..PeopleQuery::default()
    };
    Task::perform(async move { c.people(&q).await }, Message::Loaded)
}
