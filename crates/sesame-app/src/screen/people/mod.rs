//! The user follow-up: every account this user may see, loaded once (page after page, with
//! progress), then searched, filtered and sorted in memory so every keystroke answers at once,
//! and shown through the virtual list so 100,000 rows scroll smoothly.

mod update;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use iced::widget::scrollable;
use iced::{Subscription, Task};

mod columns;
mod filters;
mod invite;
mod password;
mod remote;
mod roles_dialog;
mod row_actions;
mod rows;
mod sorting;
mod table;
mod view;

pub use filters::{LevelFilter, RoleFilter, StatusFilter, TwoFactorFilter};
pub use invite::{Edit as InviteEdit, InviteForm, LanguageChoice, PurposeChoice};
pub use view::{RowOption, display_name, role_names};

use super::Ctx;
use super::acting::{self, Act, Acting};
use super::person::{self, Person};
use crate::locale::Locale;
use crate::widget::Notice;
use crate::widget::virtual_list::Window;
use rows::{RoleSets, Row, SearchKeys};
use sesame_client::{Client, ClientError};
use sesame_core::api::{
    Invitation, PeoplePage, PeopleQuery, PeopleSort, PersonRecord, PersonSummary,
};
use sesame_core::domain::{Status, fold_for_search};

/// How often the list asks whether invited people have confirmed, while some are waiting.
const INVITATION_CHECK: Duration = Duration::from_secs(4);

pub const ROW_HEIGHT: f32 = 32.0;
const PAGE: u32 = 5000;

#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    /// What can be done for one person: a list of buttons, reached by keyboard too.
    Options {
        id: i64,
        name: String,
    },
    /// One action on one person: its question, then (a password) what it shows once.
    Acting(Acting),
    /// Roles of one person, or of every ticked row (`ids`); `name` says whose.
    Roles {
        ids: Vec<i64>,
        name: String,
        roles: BTreeSet<String>,
    },
    Invite(InviteForm),
    ConfirmBatch {
        count: usize,
    },
}

impl Dialog {
    /// The action's dialog, if this is one (see `acting::step`).
    fn acting(&mut self) -> Option<&mut Acting> {
        match self {
            Dialog::Acting(acting) => Some(acting),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct People {
    /// The rows, compact, each with its sort keys (see `rows`).
    all: Vec<Row>,
    /// Each row's folded names, user ID and email, for accent-insensitive search.
    keys: SearchKeys,
    /// Each distinct set of roles of the rows, once.
    role_sets: RoleSets,
    /// Each column's order, kept as rows arrive and change.
    orders: sorting::Orders,
    /// Row indices in the current sort order.
    order: Vec<u32>,
    /// `order` after search and filters: what the list shows.
    visible: Vec<u32>,
    pub query: String,
    level: Option<LevelFilter>,
    status: Option<StatusFilter>,
    /// A role code: only the people who hold it.
    role: Option<String>,
    two_factor: Option<bool>,
    /// The latest link of each invited person, refreshed while some are waiting.
    invitations: HashMap<i64, Invitation>,
    sort: PeopleSort,
    desc: bool,
    loading: bool,
    window: Window,
    dialog: Option<Dialog>,
    notice: Option<Notice>,
    /// Rows ticked for a batch of credential letters, kept whole: a list that asks the server
    /// may no longer show them.
    selected: BTreeMap<i64, Row>,
    /// Set once the list is too long to hold: the server answers each search (see `remote`).
    remote: Option<remote::Remote>,
    /// The most accounts held before asking the server (`None`: `remote::HELD_MAX`).
    held: Option<usize>,
    /// The row the arrows are on (a position in `visible`): Enter opens it, the Menu key
    /// shows its options.
    current: Option<usize>,
    /// The record opened from the list, shown in its place; the list keeps its search,
    /// filters and scroll underneath.
    record: Option<Person>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<PeoplePage, ClientError>),
    /// The first page of the server's answer to question `n` (a list too long to hold).
    Answer(u64, Result<PeoplePage, ClientError>),
    /// A further page of the answer to question `n`.
    More(u64, Result<PeoplePage, ClientError>),
    Search(String),
    /// Ctrl+F: to the search box.
    Find,
    /// The arrows: the current row moves by this many rows.
    Step(i32),
    LevelFilter(LevelFilter),
    StatusFilter(StatusFilter),
    RoleFilter(RoleFilter),
    TwoFactorFilter(TwoFactorFilter),
    SortBy(PeopleSort),
    Invite,
    InviteEdit(InviteEdit),
    SendInvitation,
    InvitationSent(Result<Invitation, ClientError>),
    /// A fresh copy of one person (an invitation sent or confirmed).
    Refreshed(Result<PersonRecord, ClientError>),
    CheckInvitations,
    InvitationsChecked(Result<Vec<Invitation>, ClientError>),
    Resend(i64),
    Resent(Result<Invitation, ClientError>),
    AskRolesOfSelection,
    Scrolled(scrollable::Viewport),
    New,
    /// Cancel or Quit: back to "Your file".
    Home,
    Modify(i64),
    /// A row's "Options": the actions for that person, in a dialog.
    Options(i64),
    /// Ask about one action on this person (offered by the server), then take it.
    Act(i64, Act),
    Acting(acting::Message),
    AskRoles(i64),
    ToggleRole(String, bool),
    SaveRoles,
    RolesSaved(Result<Vec<PersonSummary>, ClientError>),
    CloseDialog,
    Tick(i64, bool),
    ExportCsv,
    /// Import people from a spreadsheet (its own screen).
    Import,
    TableReady(Box<crate::spreadsheet::Table>),
    AskBatch,
    ConfirmBatch,
    BatchDone(Result<Vec<sesame_core::api::InitializedPassword>, ClientError>),
    /// A message of the open record.
    Record(person::Message),
}

/// What only the user follow-up asks of the app: open the import screen.
pub struct OpenImport;

pub type Action = super::Effect<Message, OpenImport>;

impl People {
    /// Starts loading every visible account, in the order the person last chose (`sort`,
    /// descending or not); past `held` accounts (`None`: `remote::HELD_MAX`) the list asks the
    /// server instead.
    pub fn load(
        ctx: Ctx<'_>,
        (sort, desc): (PeopleSort, bool),
        held: Option<usize>,
    ) -> (People, Task<Message>) {
        let people = People {
            loading: true,
            sort,
            desc,
            held,
            ..People::default()
        };
        let task = fetch(ctx.client, None, people.page());
        (people, task)
    }

    /// Opens a person's record in place of the list.
    pub fn open_record(&mut self, id: i64, ctx: Ctx<'_>) -> Task<Message> {
        let (record, task) = Person::open(id, ctx);
        self.record = Some(record);
        task.map(Message::Record)
    }

    /// Opens an empty record for a new user.
    pub fn new_record(&mut self, ctx: Ctx<'_>) -> Task<Message> {
        self.record = Some(Person::new_user(ctx.locale.language));
        crate::widget::reveal::focus("last-name")
    }

    /// The open record, if any.
    pub fn record(&self) -> Option<&Person> {
        self.record.as_ref()
    }

    /// The record's outcome: saved or removed people take their place in the list, which
    /// shows again.
    fn on_record(&mut self, message: person::Message, ctx: Ctx<'_>) -> Action {
        let Some(record) = self.record.as_mut() else {
            return Action::None;
        };
        let outcome = match record.update(message, ctx).own() {
            Ok(outcome) => outcome,
            Err(effect) => return effect.map(Message::Record, |never| match never {}),
        };
        match outcome {
            person::Outcome::Back(saved) => {
                self.record = None;
                if let Some(person) = saved {
                    self.notice = Some(Notice::done(ctx.locale.t("person-saved")));
                    self.upsert(person);
                }
                Action::None
            }
            person::Outcome::Deleted(id) => {
                self.record = None;
                self.removed(id, ctx.locale);
                Action::None
            }
        }
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

    /// A page from the server: its rows merge into the order shown (the list shows them at
    /// once; the rows already there are not sorted again).
    fn append(&mut self, rows: Vec<PersonSummary>) {
        let from = self.all.len() as u32;
        let sets = &mut self.role_sets;
        let page = Row::page(&rows, |roles| sets.intern(roles));
        self.all.extend(page);
        for p in &rows {
            self.keys.push(&rows::search_key(p));
        }
        self.orders
            .place(&self.all, (from..self.all.len() as u32).collect());
        self.resort();
    }

    /// A summary as the list keeps it.
    fn keep(&mut self, p: &PersonSummary) -> Row {
        Row::new(p, self.role_sets.intern(&p.roles))
    }

    /// Once every page is in: the list gives back the room it kept for more rows, and the
    /// allocator the pages' memory.
    fn loaded(&mut self) {
        self.loading = false;
        self.all.shrink_to_fit();
        self.keys.shrink();
        self.orders.shrink();
        self.order.shrink_to_fit();
        self.visible.shrink_to_fit();
        crate::memory::give_back();
    }

    /// The column the list is sorted by, and whether descending: kept by the app for the next
    /// time the list opens.
    pub fn sort_state(&self) -> (PeopleSort, bool) {
        (self.sort, self.desc)
    }

    /// The order shown, from the column's kept order (sorted once, reversed for descending).
    fn resort(&mut self) {
        if self.remote.is_some() {
            return self.in_server_order();
        }
        self.order = self.orders.order(&self.all, self.sort, self.desc);
        self.refilter();
    }

    /// Applies search and filters to the sorted order: the work of one keystroke.
    pub fn refilter(&mut self) {
        let q = fold_for_search(self.query.trim());
        let level = self.level.and_then(|l| l.0);
        let status = self.status.and_then(|s| s.0);
        let holds = self.role.as_deref().map(|r| self.role_sets.holding(r));
        let two_factor = self.two_factor;
        // Into the same room each keystroke: no allocation of 100,000 places per key.
        let mut visible = std::mem::take(&mut self.visible);
        visible.clear();
        visible.extend(self.order.iter().copied().filter(|&i| {
            let p = &self.all[i as usize];
            (q.is_empty() || self.keys.get(i as usize).contains(&q))
                && level.is_none_or(|l| p.level == l)
                && status.is_none_or(|s| p.status == s)
                && holds
                    .as_ref()
                    .is_none_or(|h| h.get(p.roles as usize) == Some(&true))
                && two_factor.is_none_or(|t| p.two_factor == t)
        }));
        self.visible = visible;
        self.current = self.current.filter(|&i| i < self.visible.len());
    }

    fn row_of(&self, id: i64) -> Option<&Row> {
        self.all
            .iter()
            .find(|p| p.id == id)
            .or_else(|| self.selected.get(&id))
    }

    /// A person's whole summary (for a letter or a dialog).
    fn find(&self, id: i64) -> Option<PersonSummary> {
        self.row_of(id).map(|p| p.summary(&self.role_sets))
    }

    /// How dialogs name a person: first and last name, else (invited without names) the
    /// email.
    fn name_of(&self, id: i64) -> String {
        self.row_of(id)
            .map(|p| {
                let name = format!("{} {}", p.first_name(), p.last_name());
                match name.trim() {
                    "" => p.email().to_owned(),
                    name => name.to_owned(),
                }
            })
            .unwrap_or_default()
    }

    /// What a key means here: in the open record, in a dialog, or on the list (Ctrl+F finds,
    /// Ctrl+N makes a new user).
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        if let Some(record) = &self.record {
            return record.on_shortcut(s).map(Message::Record);
        }
        let Some(dialog) = &self.dialog else {
            let current = self.current_row().map(|p| p.id);
            return match s {
                Shortcut::Find => Some(Message::Find),
                Shortcut::New => Some(Message::New),
                Shortcut::Up => Some(Message::Step(-1)),
                Shortcut::Down => Some(Message::Step(1)),
                Shortcut::Confirm => current.map(Message::Modify),
                Shortcut::Options => current.map(Message::Options),
                _ => None,
            };
        };
        match s {
            Shortcut::Cancel => Some(Message::CloseDialog),
            // Among the options, Enter presses the focused one.
            Shortcut::Confirm if matches!(dialog, Dialog::Options { .. }) => None,
            Shortcut::Confirm => Some(match dialog {
                Dialog::Options { .. } => Message::CloseDialog,
                Dialog::Acting(_) => Message::Acting(acting::Message::Confirm),
                Dialog::Roles { .. } => Message::SaveRoles,
                Dialog::ConfirmBatch { .. } => Message::ConfirmBatch,
                Dialog::Invite(_) => Message::SendInvitation,
            }),
            _ => None,
        }
    }

    /// The password the open dialog (of the list or the record) shows (once), if any.
    pub fn shown_password(&self) -> Option<&str> {
        if let Some(record) = &self.record {
            return record.shown_password();
        }
        match &self.dialog {
            Some(Dialog::Acting(acting)) => acting.password(),
            _ => None,
        }
    }

    /// Sorts by `column`, or reverses when it is already the sort (a click on the header).
    pub fn update_sort(&mut self, column: PeopleSort) {
        self.desc = self.sort == column && !self.desc;
        self.sort = column;
        self.resort();
    }

    /// The row the arrows are on.
    pub fn current_row(&self) -> Option<PersonSummary> {
        let i = *self.visible.get(self.current?)?;
        self.all.get(i as usize).map(|p| p.summary(&self.role_sets))
    }

    /// Moves the current row and scrolls so that it shows.
    fn step(&mut self, by: i32) -> Task<Message> {
        let last = self.visible.len().checked_sub(1);
        let Some(last) = last else {
            self.current = None;
            return Task::none();
        };
        let at = match self.current {
            None => 0,
            Some(i) => (i as i64 + by as i64).clamp(0, last as i64) as usize,
        };
        self.current = Some(at);
        let top = at as f32 * ROW_HEIGHT;
        let offset = if top < self.window.offset {
            top
        } else if top + ROW_HEIGHT > self.window.offset + self.window.height {
            top + ROW_HEIGHT - self.window.height
        } else {
            return Task::none();
        };
        iced::widget::operation::scroll_to(
            crate::widget::widget_id("people-list"),
            scrollable::AbsoluteOffset { x: 0.0, y: offset },
        )
    }

    /// The rows shown, in order (after search, filters and sort).
    pub fn shown(&self) -> impl Iterator<Item = PersonSummary> + '_ {
        self.shown_rows().map(|p| p.summary(&self.role_sets))
    }

    fn shown_rows(&self) -> impl Iterator<Item = &Row> {
        self.visible.iter().map(|&i| &self.all[i as usize])
    }

    /// Takes a person off the list (deleted here or in the record).
    pub fn remove(&mut self, id: i64) {
        self.selected.remove(&id);
        let pos = self.all.iter().position(|p| p.id == id);
        if let (Some(pos), Some(_)) = (pos, &self.remote) {
            self.all.remove(pos);
            self.in_server_order();
        } else if let Some(pos) = pos {
            self.all.remove(pos);
            self.keys.remove(pos);
            self.orders.remove(pos);
            self.resort();
        }
    }

    /// A person deleted (from the list or the record): off the list, and the list says who.
    fn removed(&mut self, id: i64, l: Locale) {
        let name = self.name_of(id);
        self.remove(id);
        self.notice = Some(Notice::done(l.t_with("people-removed", &[("name", &name)])));
    }

    /// Puts a created or saved person in the list.
    pub fn upsert(&mut self, person: PersonSummary) {
        self.upsert_many(vec![person]);
    }

    /// Puts saved people in the list: rows replaced in place, new ones added, one sort.
    pub fn upsert_many(&mut self, people: Vec<PersonSummary>) {
        if self.remote.is_some() {
            return self.upsert_asked(people);
        }
        let index: HashMap<i64, usize> = self
            .all
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        let mut placed = Vec::with_capacity(people.len());
        for person in people {
            let (row, key) = (self.keep(&person), rows::search_key(&person));
            if let Some(copy) = self.selected.get_mut(&row.id) {
                *copy = row.clone();
            }
            match index.get(&row.id) {
                Some(&pos) => {
                    self.all[pos] = row;
                    self.keys.set(pos, &key);
                    placed.push(pos as u32);
                }
                None => {
                    placed.push(self.all.len() as u32);
                    self.all.push(row);
                    self.keys.push(&key);
                }
            }
        }
        // A changed name or a new row takes its place in the order shown.
        self.orders.place(&self.all, placed);
        self.resort();
    }

    /// While invited people are on the list, it checks now and then whether they confirmed,
    /// so their badge turns active without a restart.
    pub fn subscription(&self) -> Subscription<Message> {
        if self.record.is_none() && self.all.iter().any(|p| p.status == Status::Invited) {
            iced::time::every(INVITATION_CHECK).map(|_| Message::CheckInvitations)
        } else {
            Subscription::none()
        }
    }

    /// The latest invitation link of an invited person, as last checked.
    pub fn invitation(&self, id: i64) -> Option<&Invitation> {
        self.invitations.get(&id)
    }

    /// Opens a dialog about one person, named in it.
    fn ask(&mut self, id: i64, dialog: fn(i64, String) -> Dialog) {
        self.dialog = Some(dialog(id, self.name_of(id)));
    }

    fn failed(&mut self, e: ClientError, l: Locale) -> Action {
        self.notice = Some(Notice::failed(l.error(&e)));
        Action::None
    }
}

fn fetch(client: &Client, cursor: Option<String>, limit: u32) -> Task<Message> {
    let c = client.clone();
    let q = PeopleQuery {
        limit: Some(limit),
        cursor,
        ..PeopleQuery::default()
    };
    Task::perform(async move { c.people(&q).await }, Message::Loaded)
}

#[cfg(test)]
mod tests;

impl super::Questions for People {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t(match self.record {
            Some(_) => "person-title",
            None => "people-title",
        })
    }

    fn clear_notice(&mut self) {
        self.notice = None;
        if let Some(record) = &mut self.record {
            record.clear_notice();
        }
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
            + usize::from(self.record.as_ref().is_some_and(|r| r.has_notice()))
    }

    fn unsaved(&self, _me: &sesame_core::api::Me) -> bool {
        self.record.as_ref().is_some_and(|r| r.has_changes())
    }
}
