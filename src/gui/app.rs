//! The top-level app: which screen shows, the connection and the signed-in person, the
//! language and theme, keyboard shortcuts. Screens report what they need through `Action`s.

use std::sync::Arc;

use iced::keyboard::{self, Key, key::Named};
use iced::widget::{column, container, operation, pick_list, row, space, text};
use iced::{Alignment, Element, Length, Subscription, Task, Theme};

use super::locale::Locale;
use super::screen::{
    Ctx, home, my_account, password_change, people, person, service_users, sign_in, start,
};
use super::screen::{audit, contacts, outbox, roles, structures};
use super::settings::{Places, Settings, ThemeChoice, system_language};
use super::widget;
use crate::api::{Me, Role, Session};
use crate::client::{Client, ClientError};
use crate::domain::Language;
use crate::server::Running;

pub enum Screen {
    Start(start::Start),
    SignIn(sign_in::SignIn),
    PasswordChange(password_change::PasswordChange),
    Home,
    People,
    Person(person::Person),
    MyAccount(my_account::MyAccount),
    ServiceUsers(service_users::ServiceUsers),
    Structures(structures::Structures),
    Outbox(outbox::Outbox),
    Roles(roles::Roles),
    Contacts(contacts::Contacts),
    Audit(audit::Audit),
}

pub struct App {
    places: Places,
    settings: Settings,
    pub locale: Locale,
    client: Client,
    /// The in-process server of "This computer", kept alive as long as the app runs.
    embedded: Option<Arc<Running>>,
    me: Option<Me>,
    roles: Vec<Role>,
    pub screen: Screen,
    /// The user follow-up, kept while a record is open so search and scroll survive.
    people: Option<people::People>,
    /// A message under the banner (a saved document), with the file to open.
    toast: Option<(String, bool, Option<std::path::PathBuf>)>,
    /// A screen set aside while the user signs in again after their session ended: what they
    /// typed is still there when they come back.
    paused: Option<Screen>,
    /// The About dialog is open (over any screen).
    about: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Start(start::Message),
    SignIn(sign_in::Message),
    PasswordChange(password_change::Message),
    Home(home::Message),
    People(people::Message),
    Person(person::Message),
    MyAccount(my_account::Message),
    ServiceUsers(service_users::Message),
    GoServiceUsers,
    Structures(structures::Message),
    GoStructures,
    Outbox(outbox::Message),
    GoOutbox,
    RolesScreen(roles::Message),
    GoRoles,
    Contacts(contacts::Message),
    GoContacts,
    Audit(audit::Message),
    GoAudit,
    Exported(Result<super::print::Saved, String>),
    GoHome,
    GoPeople,
    GoMyAccount,
    Language(Language),
    Theme(ThemeOption),
    SignOut,
    SignedOut,
    Roles(Result<Vec<Role>, ClientError>),
    Shortcut(Shortcut),
    Printed(Result<super::print::Saved, String>),
    OpenDocument(std::path::PathBuf),
    CloseToast,
    About(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Find,
    New,
    Confirm,
    Cancel,
    FocusNext,
    FocusPrevious,
    About,
}

/// The theme choice as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeOption(pub ThemeChoice, pub Locale);

impl std::fmt::Display for ThemeOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = match self.0 {
            ThemeChoice::System => "theme-system",
            ThemeChoice::Light => "theme-light",
            ThemeChoice::Dark => "theme-dark",
        };
        f.write_str(&self.1.t(id))
    }
}

impl App {
    /// The first frame needs only the settings file: the embedded server starts when chosen.
    pub fn boot(places: Places) -> (App, Task<Message>) {
        let settings = Settings::load(&places);
        let language = settings.language.unwrap_or_else(system_language);
        let start = start::Start::new(places.clone(), settings.servers.clone());
        let app = App {
            places,
            locale: Locale::new(language),
            client: Client::new("http://127.0.0.1:0"),
            embedded: None,
            me: None,
            roles: vec![],
            screen: Screen::Start(start),
            people: None,
            paused: None,
            toast: None,
            about: false,
            settings,
        };
        (app, Task::none())
    }

    pub fn title(&self) -> String {
        let screen = match &self.screen {
            Screen::Start(_) => None,
            Screen::SignIn(_) | Screen::PasswordChange(_) => Some(self.locale.t("sign-in-title")),
            Screen::Home => Some(self.locale.t("home-title")),
            Screen::People => Some(self.locale.t("people-title")),
            Screen::Person(_) => Some(self.locale.t("person-title")),
            Screen::MyAccount(_) => Some(self.locale.t("my-account-title")),
            Screen::ServiceUsers(_) => Some(self.locale.t("service-users-title")),
            Screen::Structures(_) => Some(self.locale.t("structures-title")),
            Screen::Outbox(_) => Some(self.locale.t("outbox-title")),
            Screen::Roles(_) => Some(self.locale.t("roles-title")),
            Screen::Contacts(_) => Some(self.locale.t("contacts-title")),
            Screen::Audit(_) => Some(self.locale.t("audit-title")),
        };
        match screen {
            Some(s) => format!("Sesame — {s}"),
            None => "Sesame".into(),
        }
    }

    pub fn theme(&self) -> Option<Theme> {
        match self.settings.theme {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some(Theme::Light),
            ThemeChoice::Dark => Some(Theme::Dark),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let screen = match (&self.screen, &self.people) {
            (Screen::People, Some(p)) if self.paused.is_none() => {
                p.subscription().map(Message::People)
            }
            _ => Subscription::none(),
        };
        Subscription::batch([screen, Self::shortcuts()])
    }

    fn shortcuts() -> Subscription<Message> {
        iced::event::listen_with(|event, status, _window| {
            let iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event
            else {
                return None;
            };
            let captured = status == iced::event::Status::Captured;
            let shortcut = match key.as_ref() {
                Key::Character("f") if modifiers.command() => Shortcut::Find,
                Key::Character("n") if modifiers.command() => Shortcut::New,
                Key::Named(Named::Escape) => Shortcut::Cancel,
                Key::Named(Named::F1) => Shortcut::About,
                Key::Named(Named::Enter) if !captured => Shortcut::Confirm,
                Key::Named(Named::Tab) if !captured && modifiers.shift() => Shortcut::FocusPrevious,
                Key::Named(Named::Tab) if !captured => Shortcut::FocusNext,
                _ => return None,
            };
            Some(Message::Shortcut(shortcut))
        })
    }

    /// The service users screen, while open.
    pub fn service_users(&self) -> Option<&service_users::ServiceUsers> {
        match &self.screen {
            Screen::ServiceUsers(s) => Some(s),
            _ => None,
        }
    }

    /// The outbox screen, while open.
    pub fn outbox(&self) -> Option<&outbox::Outbox> {
        match &self.screen {
            Screen::Outbox(s) => Some(s),
            _ => None,
        }
    }

    /// The contacts screen, while open.
    pub fn contacts(&self) -> Option<&contacts::Contacts> {
        match &self.screen {
            Screen::Contacts(s) => Some(s),
            _ => None,
        }
    }

    /// The audit log, while open.
    pub fn audit(&self) -> Option<&audit::Audit> {
        match &self.screen {
            Screen::Audit(s) => Some(s),
            _ => None,
        }
    }

    /// My account, while open.
    pub fn my_account(&self) -> Option<&my_account::MyAccount> {
        match &self.screen {
            Screen::MyAccount(s) => Some(s),
            _ => None,
        }
    }

    /// The roles catalogue as loaded at sign-in and kept up to date.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The structures screen, while open.
    pub fn structures(&self) -> Option<&structures::Structures> {
        match &self.screen {
            Screen::Structures(s) => Some(s),
            _ => None,
        }
    }

    /// The user follow-up, once opened.
    pub fn people(&self) -> Option<&people::People> {
        self.people.as_ref()
    }

    /// Who is signed in.
    pub fn me(&self) -> Option<&Me> {
        self.me.as_ref()
    }

    /// The client of the current connection (with the session token once signed in).
    pub fn client(&self) -> &Client {
        &self.client
    }

    fn save_settings(&self) {
        if let Err(e) = self.settings.save(&self.places) {
            tracing::warn!("settings not saved: {e}");
        }
    }

    fn ctx(&self) -> Option<Ctx<'_>> {
        Some(Ctx {
            locale: self.locale,
            client: &self.client,
            me: self.me.as_ref()?,
            roles: &self.roles,
        })
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Start(m) => {
                let Screen::Start(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(m, self.locale) {
                    start::Action::None => Task::none(),
                    start::Action::Run(t) => t.map(Message::Start),
                    start::Action::Copy(p) => iced::clipboard::write(p),
                    start::Action::Connected {
                        client,
                        server,
                        embedded,
                        organization,
                        user_id,
                        password,
                    } => {
                        self.client = client;
                        self.embedded = embedded.or(self.embedded.take());
                        if let Some(url) = server {
                            self.settings.remember_server(&url);
                            self.save_settings();
                        }
                        let (org, user) = if organization.is_empty() {
                            (
                                self.settings.last_organization.clone(),
                                self.settings.last_user_id.clone(),
                            )
                        } else {
                            (organization, user_id)
                        };
                        let s = sign_in::SignIn::new(&org, &user, &password);
                        let focus = s.first_focus();
                        self.screen = Screen::SignIn(s);
                        operation::focus(focus)
                    }
                }
            }
            Message::SignIn(m) => {
                let Screen::SignIn(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(m, &self.client) {
                    sign_in::Action::None => Task::none(),
                    sign_in::Action::Run(t) => t.map(Message::SignIn),
                    sign_in::Action::ChangeServer => {
                        self.me = None;
                        self.paused = None;
                        self.screen = Screen::Start(start::Start::new(
                            self.places.clone(),
                            self.settings.servers.clone(),
                        ));
                        Task::none()
                    }
                    sign_in::Action::SignedIn(session, typed) => self.signed_in(*session, typed),
                }
            }
            Message::PasswordChange(m) => {
                let Screen::PasswordChange(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(m, &self.client, self.locale) {
                    password_change::Action::None | password_change::Action::Failed(_) => {
                        Task::none()
                    }
                    password_change::Action::Run(t) => t.map(Message::PasswordChange),
                    password_change::Action::Changed => {
                        if let Some(me) = &mut self.me {
                            me.must_change_password = false;
                        }
                        self.go_home()
                    }
                }
            }
            Message::Home(home::Message::OpenUserFollowUp) | Message::GoPeople => {
                self.open_people(true)
            }
            Message::Home(home::Message::OpenMyAccount) | Message::GoMyAccount => {
                if let Some(me) = &self.me {
                    let paper = self
                        .settings
                        .paper_for(&sys_locale::get_locale().unwrap_or_default());
                    self.screen = Screen::MyAccount(my_account::MyAccount::new(me, paper));
                }
                Task::none()
            }
            Message::GoHome => self.go_home(),
            Message::GoServiceUsers => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = service_users::ServiceUsers::load(ctx);
                self.screen = Screen::ServiceUsers(s);
                t.map(Message::ServiceUsers)
            }
            Message::Home(home::Message::OpenOutbox) | Message::GoOutbox => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = outbox::Outbox::load(ctx);
                self.screen = Screen::Outbox(s);
                t.map(Message::Outbox)
            }
            Message::Outbox(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::Outbox(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    outbox::Action::None => Task::none(),
                    outbox::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::Home(home::Message::OpenRoles) | Message::GoRoles => {
                if self.me.is_some() {
                    self.screen = Screen::Roles(roles::Roles::new());
                    // The catalogue may have changed on the server since sign-in.
                    let c = self.client.clone();
                    return Task::perform(async move { c.roles().await }, Message::Roles);
                }
                Task::none()
            }
            Message::RolesScreen(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::Roles(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    roles::Action::None => Task::none(),
                    roles::Action::Run(t) => t.map(Message::RolesScreen),
                    roles::Action::Changed(role) => {
                        match self.roles.iter_mut().find(|r| r.code == role.code) {
                            Some(r) => *r = role,
                            None => {
                                self.roles.push(role);
                                self.roles.sort_by(|a, b| a.code.cmp(&b.code));
                            }
                        }
                        Task::none()
                    }
                    roles::Action::Home => self.go_home(),
                    roles::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::Home(home::Message::OpenContacts) | Message::GoContacts => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = contacts::Contacts::load(ctx);
                self.screen = Screen::Contacts(s);
                t.map(Message::Contacts)
            }
            Message::Contacts(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::Contacts(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    contacts::Action::None => Task::none(),
                    contacts::Action::Run(t) => t.map(Message::Contacts),
                    contacts::Action::OpenUser(id) => {
                        let (p, t) = person::Person::open(id, &self.client);
                        self.screen = Screen::Person(p);
                        t.map(Message::Person)
                    }
                    contacts::Action::Home => self.go_home(),
                    contacts::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::Home(home::Message::OpenAudit) | Message::GoAudit => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = audit::Audit::load(ctx);
                self.screen = Screen::Audit(s);
                t.map(Message::Audit)
            }
            Message::Audit(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::Audit(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    audit::Action::None => Task::none(),
                    audit::Action::Run(t) => t.map(Message::Audit),
                    audit::Action::Save(bytes, name) => {
                        let places = self.places.clone();
                        Task::perform(super::print::save(bytes, name, places), Message::Printed)
                    }
                    audit::Action::Home => self.go_home(),
                    audit::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::GoStructures => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = structures::Structures::load(ctx);
                self.screen = Screen::Structures(s);
                t.map(Message::Structures)
            }
            Message::Structures(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::Structures(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    structures::Action::None => Task::none(),
                    structures::Action::Run(t) => t.map(Message::Structures),
                    structures::Action::SessionEnded(e) => self.session_ended(e),
                    structures::Action::Export(info, name) => {
                        let paper = self
                            .settings
                            .paper_for(&sys_locale::get_locale().unwrap_or_default());
                        let places = self.places.clone();
                        Task::perform(
                            async move {
                                let bytes = tokio::task::spawn_blocking(move || {
                                    crate::documents::connection_information(&info, paper)
                                })
                                .await
                                .map_err(|e| e.to_string())??;
                                super::print::save(bytes, name, places).await
                            },
                            Message::Exported,
                        )
                    }
                }
            }
            Message::Exported(r) => self.update(Message::Printed(r)),
            Message::ServiceUsers(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::ServiceUsers(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    service_users::Action::None => Task::none(),
                    service_users::Action::Run(t) => t.map(Message::ServiceUsers),
                    service_users::Action::Print(letters, name) => self.print(letters, name),
                    service_users::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::People(m) => {
                let (Some(me), Some(p)) = (self.me.as_ref(), self.people.as_mut()) else {
                    return Task::none();
                };
                let action = p.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                );
                match action {
                    people::Action::None => Task::none(),
                    people::Action::Run(t) => t.map(Message::People),
                    people::Action::Home => self.go_home(),
                    people::Action::Copy(s) => iced::clipboard::write(s),
                    people::Action::Print(letters, name) => self.print(letters, name),
                    people::Action::Save(bytes, name) => {
                        let places = self.places.clone();
                        Task::perform(super::print::save(bytes, name, places), Message::Printed)
                    }
                    people::Action::NewPerson => self.new_person(),
                    people::Action::OpenPerson(id) => {
                        let (p, t) = person::Person::open(id, &self.client);
                        self.screen = Screen::Person(p);
                        t.map(Message::Person)
                    }
                    people::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::Person(m) => {
                let Some(me) = self.me.as_ref() else {
                    return Task::none();
                };
                let Screen::Person(p) = &mut self.screen else {
                    return Task::none();
                };
                match p.update(
                    m,
                    Ctx {
                        locale: self.locale,
                        client: &self.client,
                        me,
                        roles: &self.roles,
                    },
                ) {
                    person::Action::None => Task::none(),
                    person::Action::Run(t) => t.map(Message::Person),
                    person::Action::Copy(s) => iced::clipboard::write(s),
                    person::Action::Print(letters, name) => self.print(letters, name),
                    person::Action::Home => self.go_home(),
                    person::Action::Back(saved) => {
                        if let (Some(list), Some(s)) = (self.people.as_mut(), saved) {
                            list.upsert(s);
                        }
                        self.open_people(false)
                    }
                    person::Action::Deleted(id) => {
                        if let Some(list) = self.people.as_mut() {
                            list.remove(id);
                        }
                        self.open_people(false)
                    }
                    person::Action::SessionEnded(e) => self.session_ended(e),
                }
            }
            Message::MyAccount(m) => {
                let Screen::MyAccount(s) = &mut self.screen else {
                    return Task::none();
                };
                match s.update(m, &self.client, self.locale) {
                    my_account::Action::None => Task::none(),
                    my_account::Action::Run(t) => t.map(Message::MyAccount),
                    my_account::Action::Home => self.go_home(),
                    my_account::Action::Saved(me) => {
                        self.me = Some(*me);
                        Task::none()
                    }
                    my_account::Action::SessionEnded(e) => self.session_ended(e),
                    my_account::Action::Copy(s) => iced::clipboard::write(s),
                    my_account::Action::TwoFactorOff => {
                        if let Some(me) = &mut self.me {
                            me.two_factor = false;
                        }
                        Task::none()
                    }
                    my_account::Action::Paper(p) => {
                        self.settings.paper = Some(p);
                        self.save_settings();
                        Task::none()
                    }
                }
            }
            Message::Language(l) => {
                self.locale = Locale::new(l);
                self.settings.language = Some(l);
                self.save_settings();
                Task::none()
            }
            Message::Theme(t) => {
                self.settings.theme = t.0;
                self.save_settings();
                Task::none()
            }
            Message::SignOut => {
                let c = self.client.clone();
                self.me = None;
                self.people = None;
                self.paused = None;
                self.client = self.client.with_token(None);
                let s = sign_in::SignIn::new(
                    &self.settings.last_organization,
                    &self.settings.last_user_id,
                    "",
                );
                self.screen = Screen::SignIn(s);
                Task::perform(async move { c.sign_out().await }, |_| Message::SignedOut)
            }
            Message::SignedOut => Task::none(),
            Message::Roles(Ok(roles)) => {
                self.roles = roles;
                Task::none()
            }
            Message::Roles(Err(_)) => Task::none(),
            Message::Shortcut(s) => self.shortcut(s),
            Message::Printed(result) => {
                use super::print::Saved;
                self.toast = match result {
                    Ok(Saved::Chosen(path)) => Some((
                        self.locale
                            .t_with("printed-saved", &[("path", &path.display().to_string())]),
                        false,
                        Some(path),
                    )),
                    Ok(Saved::InDocuments(path)) => Some((
                        self.locale.t_with(
                            "printed-in-documents",
                            &[("path", &path.display().to_string())],
                        ),
                        false,
                        Some(path),
                    )),
                    Ok(Saved::Cancelled) => None,
                    Err(e) => Some((
                        self.locale.t_with("print-failed", &[("reason", &e)]),
                        true,
                        None,
                    )),
                };
                Task::none()
            }
            Message::OpenDocument(path) => {
                if let Err(e) = super::print::open_with_system(&path) {
                    self.toast = Some((
                        self.locale.t_with("print-failed", &[("reason", &e)]),
                        true,
                        None,
                    ));
                }
                Task::none()
            }
            Message::CloseToast => {
                self.toast = None;
                Task::none()
            }
            Message::Home(home::Message::About) => {
                self.about = true;
                Task::none()
            }
            Message::About(open) => {
                self.about = open;
                Task::none()
            }
        }
    }

    /// Prints letters in the background; the dialog that showed the password stays in charge
    /// of it, and the PDF is the only place it is written.
    fn print(
        &mut self,
        letters: Vec<crate::documents::CredentialLetter>,
        file_name: String,
    ) -> Task<Message> {
        let paper = self
            .settings
            .paper_for(&sys_locale::get_locale().unwrap_or_default());
        let places = self.places.clone();
        Task::perform(
            super::print::letters(letters, paper, file_name, places),
            Message::Printed,
        )
    }

    /// The last document printed, as the toast names it (tests, the session-expiry return).
    pub fn toast(&self) -> Option<&str> {
        self.toast.as_ref().map(|t| t.0.as_str())
    }

    fn shortcut(&mut self, s: Shortcut) -> Task<Message> {
        if self.about && matches!(s, Shortcut::Cancel | Shortcut::Confirm) {
            self.about = false;
            return Task::none();
        }
        match (s, &self.screen) {
            (Shortcut::About, _) => {
                self.about = true;
                Task::none()
            }
            (Shortcut::FocusNext, _) => operation::focus_next(),
            (Shortcut::FocusPrevious, _) => operation::focus_previous(),
            (Shortcut::Find, Screen::People) => operation::focus("search"),
            (Shortcut::New, Screen::People) => self.new_person(),
            (Shortcut::Confirm, Screen::People) => {
                match self.people.as_ref().and_then(|p| p.confirm_message()) {
                    Some(m) => self.update(Message::People(m)),
                    None => Task::none(),
                }
            }
            (Shortcut::Cancel, Screen::People)
                if self.people.as_ref().is_some_and(|p| p.has_dialog()) =>
            {
                self.update(Message::People(people::Message::CloseDialog))
            }
            (Shortcut::Confirm, Screen::Person(p)) => match p.confirm_message() {
                Some(m) => self.update(Message::Person(m)),
                None => Task::none(),
            },
            (Shortcut::Cancel, Screen::Person(p)) if p.has_dialog() => {
                self.update(Message::Person(person::Message::CloseDialog))
            }
            (Shortcut::Confirm, Screen::Contacts(s)) => match s.confirm_message() {
                Some(m) => self.update(Message::Contacts(m)),
                None => Task::none(),
            },
            (Shortcut::Cancel, Screen::Contacts(s)) => match s.cancel_message() {
                Some(m) => self.update(Message::Contacts(m)),
                None => Task::none(),
            },
            (Shortcut::Cancel, Screen::Roles(s)) if s.has_form() => {
                self.update(Message::RolesScreen(roles::Message::CloseForm))
            }
            _ => Task::none(),
        }
    }

    fn signed_in(&mut self, session: Session, typed: String) -> Task<Message> {
        self.client = self.client.with_token(Some(session.token));
        self.settings.last_organization = session.me.organization.code.clone();
        self.settings.last_user_id = session.me.user_id.clone();
        self.save_settings();
        let same_person = self.me.as_ref().is_some_and(|m| m.id == session.me.id);
        let must_change = session.me.must_change_password;
        self.me = Some(session.me);
        let roles = {
            let c = self.client.clone();
            Task::perform(async move { c.roles().await }, Message::Roles)
        };
        if must_change {
            self.screen = Screen::PasswordChange(password_change::PasswordChange::new(typed));
            return Task::batch([roles, operation::focus("new-password")]);
        }
        // Back where the session ended, with what was typed there.
        match self.paused.take() {
            Some(screen) if same_person => self.screen = screen,
            _ => {
                self.people = None;
                self.screen = Screen::Home;
            }
        }
        roles
    }

    fn session_ended(&mut self, e: ClientError) -> Task<Message> {
        let (org, user) = match &self.me {
            Some(me) => (me.organization.code.clone(), me.user_id.clone()),
            None => (String::new(), String::new()),
        };
        let mut s = sign_in::SignIn::new(&org, &user, "");
        s.reason = Some(self.locale.error(&e));
        let previous = std::mem::replace(&mut self.screen, Screen::SignIn(s));
        self.paused = Some(previous);
        operation::focus("password")
    }

    fn go_home(&mut self) -> Task<Message> {
        self.screen = Screen::Home;
        Task::none()
    }

    fn open_people(&mut self, reload: bool) -> Task<Message> {
        if !self.me.as_ref().is_some_and(|m| m.has_user_list) {
            return Task::none();
        }
        self.screen = Screen::People;
        if reload || self.people.is_none() {
            let (p, t) = people::People::load(&self.client);
            self.people = Some(p);
            return t.map(Message::People);
        }
        Task::none()
    }

    fn new_person(&mut self) -> Task<Message> {
        if !self.me.as_ref().is_some_and(|m| m.has_user_list) {
            return Task::none();
        }
        self.screen = Screen::Person(person::Person::new_user(self.locale.language));
        operation::focus("last-name")
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.screen {
            Screen::Start(s) => s.view(self.locale).map(Message::Start),
            Screen::SignIn(s) => s.view(self.locale).map(Message::SignIn),
            Screen::PasswordChange(s) => s.view(self.locale).map(Message::PasswordChange),
            Screen::Home => match self.ctx() {
                Some(ctx) => home::view(ctx).map(Message::Home),
                None => space().into(),
            },
            Screen::People => match (self.ctx(), &self.people) {
                (Some(ctx), Some(p)) => p.view(ctx).map(Message::People),
                _ => space().into(),
            },
            Screen::Person(p) => match self.ctx() {
                Some(ctx) => p.view(ctx).map(Message::Person),
                None => space().into(),
            },
            Screen::MyAccount(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::MyAccount),
                None => space().into(),
            },
            Screen::ServiceUsers(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::ServiceUsers),
                None => space().into(),
            },
            Screen::Structures(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::Structures),
                None => space().into(),
            },
            Screen::Outbox(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::Outbox),
                None => space().into(),
            },
            Screen::Roles(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::RolesScreen),
                None => space().into(),
            },
            Screen::Contacts(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::Contacts),
                None => space().into(),
            },
            Screen::Audit(s) => match self.ctx() {
                Some(ctx) => s.view(ctx).map(Message::Audit),
                None => space().into(),
            },
        };
        let mut page = column![self.banner()];
        if let Some((message, is_error, path)) = &self.toast {
            let mut bar = row![container(widget::notice(message, *is_error)).width(Length::Fill)]
                .spacing(8)
                .align_y(Alignment::Center);
            if let Some(p) = path {
                bar = bar.push(widget::secondary(
                    self.locale.t("action-open"),
                    Some(Message::OpenDocument(p.clone())),
                ));
            }
            bar = bar.push(widget::secondary(
                self.locale.t("action-dismiss"),
                Some(Message::CloseToast),
            ));
            page = page.push(container(bar).padding([6, 16]));
        }
        let page: Element<'_, Message> = page
            .push(container(body).width(Length::Fill).height(Length::Fill))
            .into();
        if self.about {
            widget::dialog(
                page,
                self.locale.t("about-title"),
                super::about::view(self.locale),
                vec![widget::primary(
                    self.locale.t("action-close"),
                    Some(Message::About(false)),
                )],
            )
        } else {
            page
        }
    }

    /// The navigation banner: Your file, Identification → User follow-up, My account; the
    /// language and theme on every screen.
    fn banner(&self) -> Element<'_, Message> {
        let l = self.locale;
        let mut nav = row![text("Sesame").size(20)]
            .spacing(14)
            .align_y(Alignment::Center);
        let signed_in = self
            .me
            .as_ref()
            .filter(|m| !m.must_change_password)
            .filter(|_| !matches!(self.screen, Screen::SignIn(_) | Screen::Start(_)));
        if let Some(me) = signed_in {
            nav = nav.push(widget::link(l.t("nav-your-file"), Some(Message::GoHome)));
            if me.has_user_list {
                // "Identification" leads to the user follow-up, as in the portals Sesame replaces.
                nav = nav.push(widget::link(
                    l.t("nav-identification"),
                    Some(Message::GoPeople),
                ));
            }
            if me.has_user_list {
                nav = nav.push(widget::link(
                    l.t("nav-structures"),
                    Some(Message::GoStructures),
                ));
            }
            if me.level == Some(crate::domain::Level::One) {
                nav = nav.push(widget::link(
                    l.t("nav-service-users"),
                    Some(Message::GoServiceUsers),
                ));
            }
            nav = nav.push(widget::link(
                l.t("nav-my-account"),
                Some(Message::GoMyAccount),
            ));
        }
        nav = nav.push(space().width(Length::Fill));
        // One click switches to the other language, from every screen.
        let other = match l.language {
            Language::En => Language::Fr,
            Language::Fr => Language::En,
        };
        let themes: Vec<ThemeOption> = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark]
            .into_iter()
            .map(|t| ThemeOption(t, l))
            .collect();
        nav = nav
            .push(
                pick_list(
                    themes,
                    Some(ThemeOption(self.settings.theme, l)),
                    Message::Theme,
                )
                .text_size(13),
            )
            .push(widget::link(
                other.to_string(),
                Some(Message::Language(other)),
            ));
        if signed_in.is_some() {
            nav = nav.push(widget::link(l.t("nav-sign-out"), Some(Message::SignOut)));
        } else {
            nav = nav.push(widget::link(l.t("nav-about"), Some(Message::About(true))));
        }
        container(nav)
            .padding([8, 16])
            .width(Length::Fill)
            .style(container::rounded_box)
            .into()
    }
}
