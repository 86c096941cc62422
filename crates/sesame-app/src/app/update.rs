//! What the app does with each message: the screens' actions, sign-in and its end, printing,
//! keyboard shortcuts.

use iced::Task;
use iced::widget::operation;

use super::{App, Message, Screen, Shortcut, Toast};
use crate::locale::Locale;
use crate::screen::Destination;
use crate::screen::{
    Ctx, audit, contacts, home, my_account, outbox, password_change, people, person, roles,
    service_users, sign_in, start, structures,
};
use sesame_client::ClientError;
use sesame_core::api::Session;

/// Runs the open screen's `update` with the context it reads; the screen and the context are
/// disjoint fields of the app, so both can be borrowed at once. Another screen: nothing to do.
macro_rules! on_screen {
    ($app:ident, $variant:ident, $message:expr) => {{
        let Some(me) = $app.me.as_ref() else {
            return Task::none();
        };
        let Screen::$variant(s) = &mut $app.screen else {
            return Task::none();
        };
        s.update(
            $message,
            Ctx {
                locale: $app.locale,
                client: &$app.client,
                me,
                roles: &$app.roles,
            },
        )
    }};
}

impl App {
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
            Message::Go(to) | Message::Home(home::Message::Open(to)) => self.go(to),
            Message::Outbox(m) => match on_screen!(self, Outbox, m) {
                outbox::Action::None => Task::none(),
                outbox::Action::SessionEnded(e) => self.session_ended(e),
            },
            Message::Roles(m) => match on_screen!(self, Roles, m) {
                roles::Action::None => Task::none(),
                roles::Action::Run(t) => t.map(Message::Roles),
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
            },
            Message::Contacts(m) => match on_screen!(self, Contacts, m) {
                contacts::Action::None => Task::none(),
                contacts::Action::Run(t) => t.map(Message::Contacts),
                contacts::Action::OpenUser(id) => {
                    let (p, t) = person::Person::open(id, &self.client);
                    self.screen = Screen::Person(p);
                    t.map(Message::Person)
                }
                contacts::Action::Home => self.go_home(),
                contacts::Action::SessionEnded(e) => self.session_ended(e),
            },
            Message::Audit(m) => match on_screen!(self, Audit, m) {
                audit::Action::None => Task::none(),
                audit::Action::Run(t) => t.map(Message::Audit),
                audit::Action::Save(bytes, name) => {
                    let places = self.places.clone();
                    Task::perform(crate::print::save(bytes, name, places), Message::Printed)
                }
                audit::Action::Home => self.go_home(),
                audit::Action::SessionEnded(e) => self.session_ended(e),
            },
            Message::Structures(m) => match on_screen!(self, Structures, m) {
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
                                sesame_documents::connection_information(&info, paper)
                            })
                            .await
                            .map_err(|e| e.to_string())??;
                            crate::print::save(bytes, name, places).await
                        },
                        Message::Printed,
                    )
                }
            },
            Message::ServiceUsers(m) => match on_screen!(self, ServiceUsers, m) {
                service_users::Action::None => Task::none(),
                service_users::Action::Run(t) => t.map(Message::ServiceUsers),
                service_users::Action::Print(letters, name) => self.print(letters, name),
                service_users::Action::SessionEnded(e) => self.session_ended(e),
            },
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
                        Task::perform(crate::print::save(bytes, name, places), Message::Printed)
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
            Message::Person(m) => match on_screen!(self, Person, m) {
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
            },
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
                    my_account::Action::Theme(t) => {
                        self.settings.theme = t;
                        self.save_settings();
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
            Message::RolesLoaded(Ok(roles)) => {
                self.roles = roles;
                Task::none()
            }
            Message::RolesLoaded(Err(_)) => Task::none(),
            Message::Shortcut(s) => self.shortcut(s),
            Message::Printed(result) => {
                use crate::print::Saved;
                let l = &self.locale;
                self.toast = match result {
                    Ok(Saved::Chosen(path)) => Some(Toast::file(
                        l.t_with("printed-saved", &[("path", &path.display().to_string())]),
                        path,
                    )),
                    Ok(Saved::InDocuments(path)) => Some(Toast::file(
                        l.t_with(
                            "printed-in-documents",
                            &[("path", &path.display().to_string())],
                        ),
                        path,
                    )),
                    Ok(Saved::Cancelled) => None,
                    Err(e) => Some(Toast::failed(l.t_with("print-failed", &[("reason", &e)]))),
                };
                Task::none()
            }
            Message::OpenDocument(path) => {
                if let Err(e) = crate::print::open_with_system(&path) {
                    let text = self.locale.t_with("print-failed", &[("reason", &e)]);
                    self.toast = Some(Toast::failed(text));
                }
                Task::none()
            }
            Message::PresetReady(ready) => match &ready.result {
                Ok((running, client, session, password)) => {
                    self.embedded = Some(running.clone());
                    self.client = client.clone();
                    self.signed_in(session.clone(), password.clone())
                }
                Err(e) => {
                    tracing::error!("the preset could not start: {e}");
                    Task::none()
                }
            },
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
        letters: Vec<sesame_documents::CredentialLetter>,
        file_name: String,
    ) -> Task<Message> {
        let paper = self
            .settings
            .paper_for(&sys_locale::get_locale().unwrap_or_default());
        let places = self.places.clone();
        Task::perform(
            crate::print::letters(letters, paper, file_name, places),
            Message::Printed,
        )
    }

    /// The last document printed, as the toast names it (tests, the session-expiry return).
    pub fn toast(&self) -> Option<&str> {
        self.toast.as_ref().map(|t| t.notice.text.as_str())
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
                self.update(Message::Roles(roles::Message::CloseForm))
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
            Task::perform(async move { c.roles().await }, Message::RolesLoaded)
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

    /// Opens a screen from the banner or from "Your file".
    fn go(&mut self, to: Destination) -> Task<Message> {
        match to {
            Destination::Home => self.go_home(),
            Destination::People => self.open_people(true),
            Destination::MyAccount => {
                if let Some(me) = &self.me {
                    let paper = self
                        .settings
                        .paper_for(&sys_locale::get_locale().unwrap_or_default());
                    self.screen = Screen::MyAccount(my_account::MyAccount::new(
                        me,
                        paper,
                        self.settings.theme,
                    ));
                }
                Task::none()
            }
            Destination::ServiceUsers => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = service_users::ServiceUsers::load(ctx);
                self.screen = Screen::ServiceUsers(s);
                t.map(Message::ServiceUsers)
            }
            Destination::Outbox => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = outbox::Outbox::load(ctx);
                self.screen = Screen::Outbox(s);
                t.map(Message::Outbox)
            }
            Destination::Roles => {
                if self.me.is_some() {
                    self.screen = Screen::Roles(roles::Roles::new());
                    // The catalogue may have changed on the server since sign-in.
                    let c = self.client.clone();
                    return Task::perform(async move { c.roles().await }, Message::RolesLoaded);
                }
                Task::none()
            }
            Destination::Contacts => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = contacts::Contacts::load(ctx);
                self.screen = Screen::Contacts(s);
                t.map(Message::Contacts)
            }
            Destination::Audit => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = audit::Audit::load(ctx);
                self.screen = Screen::Audit(s);
                t.map(Message::Audit)
            }
            Destination::Structures => {
                let Some(ctx) = self.ctx() else {
                    return Task::none();
                };
                let (s, t) = structures::Structures::load(ctx);
                self.screen = Screen::Structures(s);
                t.map(Message::Structures)
            }
        }
    }

    fn go_home(&mut self) -> Task<Message> {
        self.screen = Screen::Home;
        Task::none()
    }

    fn open_people(&mut self, reload: bool) -> Task<Message> {
        if !self.me.as_ref().is_some_and(|m| m.rights.list_people) {
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
        if !self.me.as_ref().is_some_and(|m| m.rights.list_people) {
            return Task::none();
        }
        self.screen = Screen::Person(person::Person::new_user(self.locale.language));
        operation::focus("last-name")
    }
}
