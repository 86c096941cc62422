//! The user identification record: 1. identity, 2. link and unlink users under this user's
//! charge, 3. the users currently under their charge. Save carries the version that was read:
//! a stale record is reloaded and the user told, never silently overwritten.

mod dialogs;
mod identity;
pub mod reach;
mod under_charge;
mod view;

use std::collections::{BTreeSet, HashMap};

use iced::widget::{container, space, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::Ctx;
use super::acting::{self, Act, Acting};
use crate::locale::Locale;
use crate::widget::{
    self, Notice, Weight, badge, confirm, danger, heading, labelled, primary, secondary, shield,
};
use sesame_client::ClientError;
use sesame_core::api::{
    CreatedPerson, ErrorCode, PeoplePage, PersonRecord, PersonRef, PersonSummary,
};
use sesame_core::domain::rules::Action as PersonAction;
use sesame_core::domain::{Language, Level};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    LastName,
    FirstName,
    UserId,
    Email,
    Phone,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Form {
    last_name: String,
    first_name: String,
    user_id: String,
    email: String,
    phone: String,
    level: Option<Level>,
    language: Option<Language>,
    roles: BTreeSet<String>,
    is_contact: bool,
    /// The users under this user's charge as they will be once saved (Save sends the links
    /// added and removed; Cancel forgets them).
    under_charge: Vec<PersonRef>,
}

#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    /// Cancel or Quit with changes not saved: asks before losing them.
    ConfirmDiscard(Leave),
    /// One action on this person (see `acting`).
    Acting(Acting),
    /// The temporary password of the user just created, shown once.
    Password(String),
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

/// Where Cancel (back to the list) or Quit (home) leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leave {
    Back,
    Home,
    /// The window is being closed.
    Exit,
}

pub struct Person {
    /// `None` for a new user.
    id: Option<i64>,
    record: Option<PersonRecord>,
    form: Form,
    errors: HashMap<String, String>,
    notice: Option<Notice>,
    dialog: Option<Dialog>,
    busy: bool,
    link_query: String,
    link_results: Vec<PersonSummary>,
    /// What a level-1 or level-2 person can see and do.
    reach: Option<reach::Reach>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<PersonRecord, ClientError>),
    Field(Field, String),
    Level(LevelChoice),
    Language(Language),
    ToggleRole(String, bool),
    Contact(bool),
    Save,
    Saved(Result<PersonRecord, ClientError>),
    Created(Result<CreatedPerson, ClientError>),
    /// Ask about one action on this person (offered by the server), then take it.
    Act(Act),
    Acting(acting::Message),
    /// The created user's password: copied, or printed as a letter.
    CopyPassword,
    PrintLetter,
    CloseDialog,
    LinkSearch(String),
    LinkResults(Result<PeoplePage, ClientError>),
    Link(i64),
    Unlink(i64),
    Cancel,
    Quit,
    /// The changes are given up: leave as asked.
    Discard,
    /// The window is being closed while changes are not saved: ask first.
    AskLeave,
    Reach(reach::Message),
}

/// What only the record asks of the user follow-up it was opened from.
pub enum Outcome {
    /// Back to the list; with the person saved or created, to show there.
    Back(Option<PersonSummary>),
    Deleted(i64),
}

pub type Action = super::Effect<Message, Outcome>;

/// A level as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChoice(pub Level, pub Locale);

impl std::fmt::Display for LevelChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.level(self.0))
    }
}

/// Levels this administrator may grant (as the server computed them), as the level pick lists
/// offer them.
pub fn grantable_levels(ctx: &Ctx<'_>) -> Vec<LevelChoice> {
    ctx.me
        .rights
        .grantable_levels
        .iter()
        .map(|lv| LevelChoice(*lv, ctx.locale))
        .collect()
}

impl Person {
    /// Forgets the message on the record (written in another language, or before a pause).
    pub fn clear_notice(&mut self) {
        self.notice = None;
    }

    pub fn has_notice(&self) -> bool {
        self.notice.is_some()
    }

    /// Whether the reader may take `action` on this person now, as the server said; on a new
    /// record, everything its form holds is theirs to fill.
    pub(super) fn may(&self, action: PersonAction) -> bool {
        match &self.record {
            Some(r) => r.person.may(action),
            None => self.is_new(),
        }
    }

    /// The levels the level menu offers: the person's own and those the server says the
    /// reader may give them; for a new user, those the reader may give at all.
    pub(super) fn level_choices(&self, ctx: &Ctx<'_>) -> Vec<LevelChoice> {
        match &self.record {
            None => grantable_levels(ctx),
            Some(r) => std::iter::once(r.person.level)
                .chain(r.levels.iter().copied())
                .map(|lv| LevelChoice(lv, ctx.locale))
                .collect(),
        }
    }

    pub fn open(id: i64, ctx: Ctx<'_>) -> (Person, Task<Message>) {
        let c = ctx.client.clone();
        (
            Person::blank(Some(id)),
            Task::perform(async move { c.person(id).await }, Message::Loaded),
        )
    }

    pub fn new_user(language: Language) -> Person {
        let mut p = Person::blank(None);
        p.form.level = Some(Level::NEW_PERSON);
        p.form.language = Some(language);
        p
    }

    fn blank(id: Option<i64>) -> Person {
        Person {
            id,
            record: None,
            form: Form::default(),
            errors: HashMap::new(),
            notice: None,
            dialog: None,
            busy: id.is_some(),
            link_query: String::new(),
            link_results: vec![],
            reach: None,
        }
    }

    /// The reach preview, for a level-1 or level-2 person.
    pub fn reach(&self) -> Option<&reach::Reach> {
        self.reach.as_ref()
    }

    pub fn is_new(&self) -> bool {
        self.id.is_none()
    }

    /// Ctrl+S saves and Esc cancels (asking first when changes would be lost); in a dialog,
    /// Enter confirms and Esc closes it.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        let Some(dialog) = self.dialog.as_ref() else {
            return match s {
                Shortcut::Save => (!self.busy).then_some(Message::Save),
                Shortcut::Cancel => Some(Message::Cancel),
                _ => None,
            };
        };
        match (s, dialog) {
            (Shortcut::Confirm, Dialog::ConfirmDiscard(_)) => Some(Message::Discard),
            (Shortcut::Confirm, Dialog::Acting(_)) => {
                Some(Message::Acting(acting::Message::Confirm))
            }
            (Shortcut::Confirm | Shortcut::Cancel, _) => Some(Message::CloseDialog),
            _ => None,
        }
    }

    /// The password the open dialog shows (once), if any.
    pub fn shown_password(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Password(p)) => Some(p),
            Some(Dialog::Acting(acting)) => acting.password(),
            _ => None,
        }
    }

    /// The value of a field as typed (for tests and the session-expiry round trip).
    pub fn field(&self, f: Field) -> &str {
        match f {
            Field::LastName => &self.form.last_name,
            Field::FirstName => &self.form.first_name,
            Field::UserId => &self.form.user_id,
            Field::Email => &self.form.email,
            Field::Phone => &self.form.phone,
        }
    }

    /// Whether leaving now would lose something typed.
    pub fn has_changes(&self) -> bool {
        match &self.record {
            Some(rec) => self.form != form_of(rec),
            None => {
                let f = &self.form;
                [&f.last_name, &f.first_name, &f.user_id, &f.email, &f.phone]
                    .iter()
                    .any(|v| !v.trim().is_empty())
                    || !f.roles.is_empty()
            }
        }
    }

    /// Cancel or Quit: at once, or after asking when changes would be lost.
    fn leave(&mut self, to: Leave) -> Action {
        if self.has_changes() && !self.busy {
            self.dialog = Some(Dialog::ConfirmDiscard(to));
            return Action::None;
        }
        match to {
            Leave::Back => Action::Own(Outcome::Back(None)),
            Leave::Home => Action::Home,
            Leave::Exit => Action::Left,
        }
    }

    fn fill(&mut self, rec: PersonRecord) {
        self.form = form_of(&rec);
        self.id = Some(rec.person.id);
        self.record = Some(rec);
    }

    /// Only the second factor or the links changed: the stored record is refreshed and the
    /// identity being edited kept.
    fn refill_keeping_form(&mut self, rec: PersonRecord) {
        let form = self.form.clone();
        self.fill(rec);
        self.form = form;
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Loaded(Ok(rec)) => {
                self.busy = false;
                let id = rec.person.id;
                self.fill(rec);
                // What a level-1 or level-2 person can see and do, for those the server lets
                // look at it.
                if !self.may(PersonAction::PreviewReach) {
                    self.reach = None;
                    return Action::None;
                }
                let (r, task) = reach::Reach::load(id, ctx);
                self.reach = Some(r);
                Action::Run(task.map(Message::Reach))
            }
            Message::Reach(m) => match self.reach.as_mut().map(|r| r.update(m, ctx)) {
                Some(task) => Action::Run(task.map(Message::Reach)),
                None => Action::None,
            },
            Message::Cancel => self.leave(Leave::Back),
            Message::Quit => self.leave(Leave::Home),
            Message::AskLeave => {
                self.dialog = Some(Dialog::ConfirmDiscard(Leave::Exit));
                Action::None
            }
            Message::Discard => match self.dialog.take() {
                Some(Dialog::ConfirmDiscard(Leave::Home)) => Action::Home,
                Some(Dialog::ConfirmDiscard(Leave::Exit)) => Action::Left,
                _ => Action::Own(Outcome::Back(None)),
            },
            Message::Loaded(Err(e))
            | Message::Saved(Err(e))
            | Message::Created(Err(e))
            | Message::LinkResults(Err(e)) => self.failed(e, ctx),
            Message::Field(..)
            | Message::Level(_)
            | Message::Language(_)
            | Message::ToggleRole(..)
            | Message::Contact(_)
            | Message::Save
            | Message::Saved(_)
            | Message::Created(_) => self.on_identity(message, ctx),
            Message::LinkSearch(_)
            | Message::LinkResults(_)
            | Message::Link(_)
            | Message::Unlink(_) => self.on_under_charge(message, ctx),
            _ => self.on_dialog(message, ctx),
        }
    }

    fn failed(&mut self, e: ClientError, ctx: Ctx<'_>) -> Action {
        self.busy = false;
        self.dialog = None;
        let l = ctx.locale;
        if e.code() == Some(ErrorCode::StaleVersion) {
            // Someone saved in between: say so and show what is stored now.
            self.notice = Some(Notice::failed(l.error(&e)));
            if let Some(id) = self.id {
                let c = ctx.client.clone();
                self.busy = true;
                return Action::Run(Task::perform(
                    async move { c.person(id).await },
                    Message::Loaded,
                ));
            }
            return Action::None;
        }
        self.errors.extend(super::refused_fields(&e, l));
        self.notice = Some(Notice::failed(l.error(&e)));
        Action::None
    }
}

/// The form as the stored record fills it.
fn form_of(rec: &PersonRecord) -> Form {
    let p = &rec.person;
    Form {
        last_name: p.last_name.clone(),
        first_name: p.first_name.clone(),
        user_id: p.user_id.clone(),
        email: p.email.clone(),
        phone: p.phone.clone().unwrap_or_default(),
        level: Some(p.level),
        language: Some(p.language),
        roles: p.roles.iter().cloned().collect(),
        is_contact: p.is_contact,
        under_charge: under_charge::in_order(rec.under_charge.clone()),
    }
}
