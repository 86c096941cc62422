//! The user identification record: 1. identity, 2. link and unlink users under this user's
//! charge, 3. the users currently under their charge. Save carries the version that was read:
//! a stale record is reloaded and the user told, never silently overwritten.

mod view;

use std::collections::{BTreeSet, HashMap};

use iced::widget::{container, scrollable, space, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::Ctx;
use crate::locale::Locale;
use crate::widget::{
    self, Notice, Weight, badge, confirm, danger, heading, labelled, primary, secondary, shield,
};
use sesame_client::ClientError;
use sesame_core::api::{
    CreatedPerson, ErrorCode, NewPerson, OneTimePassword, PeoplePage, PeopleQuery, PersonRecord,
    PersonSummary, PersonUpdate,
};
use sesame_core::domain::{Language, Level};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    LastName,
    FirstName,
    UserId,
    Email,
    Phone,
}

#[derive(Debug, Clone, Default)]
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
}

#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    ConfirmDelete,
    ConfirmInitialize,
    ConfirmResetTwoFactor,
    Password(String),
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
    AskDelete,
    ConfirmDelete,
    Deleted(Result<(), ClientError>),
    AskInitialize,
    ConfirmInitialize,
    AskResetTwoFactor,
    ConfirmResetTwoFactor,
    TwoFactorReset(Result<PersonRecord, ClientError>),
    Initialized(Result<OneTimePassword, ClientError>),
    CopyPassword,
    PrintLetter,
    CloseDialog,
    LinkSearch(String),
    LinkResults(Result<PeoplePage, ClientError>),
    Link(i64),
    Unlink(i64),
    Linked(Result<PersonRecord, ClientError>),
    Cancel,
    Quit,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Back to the user follow-up; with the person saved or created, to show there.
    Back(Option<PersonSummary>),
    Deleted(i64),
    Home,
    Copy(String),
    /// Print these credential letters to this file name.
    Print(Vec<sesame_documents::CredentialLetter>, String),
    SessionEnded(ClientError),
}

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
    pub fn open(id: i64, ctx: Ctx<'_>) -> (Person, Task<Message>) {
        let c = ctx.client.clone();
        (
            Person::blank(Some(id)),
            Task::perform(async move { c.person(id).await }, Message::Loaded),
        )
    }

    pub fn new_user(language: Language) -> Person {
        let mut p = Person::blank(None);
        p.form.level = Some(Level::Three);
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
        }
    }

    pub fn is_new(&self) -> bool {
        self.id.is_none()
    }

    /// Enter confirms the open dialog; Esc closes it.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        match (s, self.dialog.as_ref()?) {
            (Shortcut::Confirm, Dialog::ConfirmDelete) => Some(Message::ConfirmDelete),
            (Shortcut::Confirm, Dialog::ConfirmInitialize) => Some(Message::ConfirmInitialize),
            (Shortcut::Confirm, Dialog::ConfirmResetTwoFactor) => {
                Some(Message::ConfirmResetTwoFactor)
            }
            (Shortcut::Confirm | Shortcut::Cancel, _) => Some(Message::CloseDialog),
            _ => None,
        }
    }

    /// The password the open dialog shows (once), if any.
    pub fn shown_password(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Password(p)) => Some(p),
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

    fn fill(&mut self, rec: PersonRecord) {
        let p = &rec.person;
        self.form = Form {
            last_name: p.last_name.clone(),
            first_name: p.first_name.clone(),
            user_id: p.user_id.clone(),
            email: p.email.clone(),
            phone: p.phone.clone().unwrap_or_default(),
            level: Some(p.level),
            language: Some(p.language),
            roles: p.roles.iter().cloned().collect(),
            is_contact: p.is_contact,
        };
        self.id = Some(p.id);
        self.record = Some(rec);
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Loaded(Ok(rec)) => {
                self.busy = false;
                self.fill(rec);
            }
            Message::Field(f, v) => {
                let form = &mut self.form;
                let key = match f {
                    Field::LastName => {
                        form.last_name = v;
                        "last_name"
                    }
                    Field::FirstName => {
                        form.first_name = v;
                        "first_name"
                    }
                    Field::UserId => {
                        form.user_id = v;
                        "user_id"
                    }
                    Field::Email => {
                        form.email = v;
                        "email"
                    }
                    Field::Phone => {
                        form.phone = v;
                        "phone"
                    }
                };
                self.errors.remove(key);
            }
            Message::Level(c) => self.form.level = Some(c.0),
            Message::Language(lang) => self.form.language = Some(lang),
            Message::ToggleRole(code, on) => {
                if on {
                    self.form.roles.insert(code);
                } else {
                    self.form.roles.remove(&code);
                }
            }
            Message::Contact(b) => self.form.is_contact = b,
            Message::Save => return self.save(ctx),
            Message::Saved(Ok(rec)) => {
                self.busy = false;
                let summary = rec.person.clone();
                self.fill(rec);
                self.notice = Some(Notice::done(l.t("person-saved")));
                return Action::Back(Some(summary));
            }
            Message::Created(Ok(created)) => {
                self.busy = false;
                self.fill(created.person);
                // The temporary password of the new user, shown once.
                self.dialog = Some(Dialog::Password(created.temporary_password));
                self.notice = Some(Notice::done(l.t("person-created")));
            }
            Message::AskDelete => self.dialog = Some(Dialog::ConfirmDelete),
            Message::ConfirmDelete => {
                self.dialog = None;
                if let Some(id) = self.id {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.delete_person(id).await },
                        Message::Deleted,
                    ));
                }
            }
            Message::Deleted(Ok(())) => return Action::Deleted(self.id.unwrap_or_default()),
            Message::AskInitialize => self.dialog = Some(Dialog::ConfirmInitialize),
            Message::ConfirmInitialize => {
                if let Some(id) = self.id {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.initialize_password(id).await },
                        Message::Initialized,
                    ));
                }
            }
            Message::Initialized(Ok(p)) => self.dialog = Some(Dialog::Password(p.password)),
            Message::CopyPassword => {
                if let Some(Dialog::Password(p)) = &self.dialog {
                    return Action::Copy(p.clone());
                }
            }
            Message::PrintLetter => {
                if let (Some(Dialog::Password(password)), Some(rec)) = (&self.dialog, &self.record)
                {
                    let letter = super::credential_letter(ctx, &rec.person, password);
                    let name = sesame_documents::file_name(
                        "doc-letter-file",
                        l.language,
                        &rec.person.user_id,
                    );
                    return Action::Print(vec![letter], name);
                }
            }
            Message::CloseDialog => {
                // Closing forgets the password.
                let was_password = matches!(self.dialog, Some(Dialog::Password(_)));
                self.dialog = None;
                if was_password
                    && self
                        .notice
                        .as_ref()
                        .is_some_and(|n| n.text == l.t("person-created"))
                {
                    return Action::Back(self.record.as_ref().map(|r| r.person.clone()));
                }
            }
            Message::LinkSearch(q) => {
                self.link_query = q.clone();
                if q.trim().chars().count() < 2 {
                    self.link_results.clear();
                    return Action::None;
                }
                let c = ctx.client.clone();
                let query = PeopleQuery {
                    q: Some(q),
                    level: Some(Level::Three),
                    limit: Some(8),
                    ..PeopleQuery::default()
                };
                return Action::Run(Task::perform(
                    async move { c.people(&query).await },
                    Message::LinkResults,
                ));
            }
            Message::LinkResults(Ok(page)) => {
                let already: Vec<i64> = self
                    .record
                    .iter()
                    .flat_map(|r| r.under_charge.iter().map(|p| p.id))
                    .collect();
                self.link_results = page
                    .items
                    .into_iter()
                    .filter(|p| !already.contains(&p.id) && Some(p.id) != self.id)
                    .collect();
            }
            // Links need a saved record.
            Message::Link(_) | Message::Unlink(_) if self.id.is_none() => {}
            Message::Link(sub) => {
                let (c, id) = (ctx.client.clone(), self.id.unwrap_or_default());
                self.link_results.retain(|p| p.id != sub);
                return Action::Run(Task::perform(
                    async move {
                        c.call::<(), _>(
                            reqwest::Method::PUT,
                            &format!("/people/{id}/under-charge/{sub}"),
                            None,
                        )
                        .await
                    },
                    Message::Linked,
                ));
            }
            Message::Unlink(sub) => {
                let (c, id) = (ctx.client.clone(), self.id.unwrap_or_default());
                return Action::Run(Task::perform(
                    async move {
                        c.call::<(), _>(
                            reqwest::Method::DELETE,
                            &format!("/people/{id}/under-charge/{sub}"),
                            None,
                        )
                        .await
                    },
                    Message::Linked,
                ));
            }
            Message::AskResetTwoFactor => self.dialog = Some(Dialog::ConfirmResetTwoFactor),
            Message::ConfirmResetTwoFactor => {
                self.dialog = None;
                if let Some(id) = self.id {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.reset_two_factor(id).await },
                        Message::TwoFactorReset,
                    ));
                }
            }
            Message::TwoFactorReset(Ok(rec)) => {
                // Only the second factor changed: keep the identity being edited.
                let form = self.form.clone();
                let name = format!("{} {}", rec.person.first_name, rec.person.last_name);
                self.fill(rec);
                self.form = form;
                self.notice = Some(Notice::done(
                    l.t_with("people-two-factor-reset", &[("name", name.trim())]),
                ));
            }
            Message::Linked(Ok(rec)) => {
                // Only the links changed: keep the identity being edited.
                let form = self.form.clone();
                self.fill(rec);
                self.form = form;
            }
            Message::Cancel => return Action::Back(None),
            Message::Quit => return Action::Home,
            Message::Loaded(Err(e))
            | Message::Saved(Err(e))
            | Message::Created(Err(e))
            | Message::Deleted(Err(e))
            | Message::Initialized(Err(e))
            | Message::LinkResults(Err(e))
            | Message::Linked(Err(e))
            | Message::TwoFactorReset(Err(e)) => return self.failed(e, ctx),
        }
        Action::None
    }

    fn save(&mut self, ctx: Ctx<'_>) -> Action {
        let f = self.form.clone();
        let c = ctx.client.clone();
        self.busy = true;
        self.notice = None;
        self.errors.clear();
        match &self.record {
            None => {
                let new = NewPerson {
                    last_name: f.last_name,
                    first_name: f.first_name,
                    user_id: f.user_id,
                    email: f.email,
                    phone: Some(f.phone).filter(|p| !p.trim().is_empty()),
                    level: f.level.unwrap_or(Level::Three),
                    language: f.language.unwrap_or_default(),
                    roles: f.roles.into_iter().collect(),
                    is_contact: f.is_contact,
                };
                Action::Run(Task::perform(
                    async move { c.create_person(&new).await },
                    Message::Created,
                ))
            }
            Some(rec) => {
                let p = &rec.person;
                let changed = |a: &str, b: &str| (a != b).then(|| b.to_owned());
                let update = PersonUpdate {
                    version: p.version,
                    last_name: changed(&p.last_name, &f.last_name),
                    first_name: changed(&p.first_name, &f.first_name),
                    user_id: changed(&p.user_id, &f.user_id),
                    email: changed(&p.email, &f.email),
                    phone: changed(p.phone.as_deref().unwrap_or(""), &f.phone),
                    level: f.level.filter(|lv| *lv != p.level),
                    language: f.language.filter(|lang| *lang != p.language),
                    is_contact: (f.is_contact != p.is_contact).then_some(f.is_contact),
                };
                let roles: Vec<String> = f.roles.iter().cloned().collect();
                let (id, roles_changed) = (p.id, roles != p.roles);
                Action::Run(Task::perform(
                    async move {
                        let rec = c.update_person(id, &update).await?;
                        if roles_changed {
                            c.update_roles(id, &roles).await
                        } else {
                            Ok(rec)
                        }
                    },
                    Message::Saved,
                ))
            }
        }
    }

    fn failed(&mut self, e: ClientError, ctx: Ctx<'_>) -> Action {
        self.busy = false;
        self.dialog = None;
        if e.session_ended() {
            return Action::SessionEnded(e);
        }
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
        if let ClientError::Api { error, .. } = &e
            && let Some(field) = &error.field
        {
            self.errors.insert(field.clone(), l.api_error(error));
        }
        self.notice = Some(Notice::failed(l.error(&e)));
        Action::None
    }
}
