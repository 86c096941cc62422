//! The screens' `Action`s, one function per screen: what the app does for them (open another
//! screen, print, copy, ask for sign-in again).

use iced::Task;

use super::{App, Message, Screen};
use crate::screen::{
    audit, contacts, import, my_account, outbox, password_change, people, roles, service_users,
    sign_in, start, structures,
};
use crate::settings::Connection;

/// Runs the open screen's `update` with the session it reads; the screen and the session are
/// disjoint fields of the app, so both can be borrowed at once. Another screen, or nobody
/// signed in: nothing to do.
macro_rules! on_screen {
    ($app:ident, $variant:ident, $message:expr) => {{
        let (Some(session), Screen::$variant(s)) = ($app.session.as_ref(), &mut $app.screen) else {
            return Task::none();
        };
        s.update($message, session.ctx($app.locale))
    }};
}

impl App {
    pub(super) fn on_start(&mut self, m: start::Message) -> Task<Message> {
        let Screen::Start(s) = &mut self.screen else {
            return Task::none();
        };
        match s.update(m, self.locale) {
            start::Action::None => Task::none(),
            start::Action::Run(t) => t.map(Message::Start),
            start::Action::Copy(p) => self.copy(p),
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
                self.settings.connection = Some(match &server {
                    Some(_) => Connection::SharedServer,
                    None => Connection::ThisComputer,
                });
                if let Some(url) = server {
                    self.settings.remember_server(&url);
                }
                self.save_settings();
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
                crate::widget::reveal::focus(focus)
            }
        }
    }

    pub(super) fn on_sign_in(&mut self, m: sign_in::Message) -> Task<Message> {
        let Screen::SignIn(s) = &mut self.screen else {
            return Task::none();
        };
        match s.update(m, &self.client) {
            sign_in::Action::None => Task::none(),
            sign_in::Action::Run(t) => t.map(Message::SignIn),
            sign_in::Action::ChangeServer => {
                self.session = None;
                self.paused = None;
                // Asked for the choice again: the next start asks too, until one is made.
                self.settings.connection = None;
                self.save_settings();
                self.screen = Screen::Start(start::Start::new(
                    self.places.clone(),
                    self.settings.servers.clone(),
                ));
                Task::none()
            }
            sign_in::Action::SignedIn(session, typed) => self.signed_in(*session, typed),
        }
    }

    pub(super) fn on_password_change(&mut self, m: password_change::Message) -> Task<Message> {
        let Screen::PasswordChange(s) = &mut self.screen else {
            return Task::none();
        };
        let client = self.session.as_ref().map_or(&self.client, |s| &s.client);
        match s.update(m, client, self.locale) {
            password_change::Action::None | password_change::Action::Failed(_) => Task::none(),
            password_change::Action::SignOut => self.sign_out(),
            password_change::Action::Run(t) => t.map(Message::PasswordChange),
            password_change::Action::Changed => {
                if let Some(s) = &mut self.session {
                    s.me.must_change_password = false;
                }
                self.go_home()
            }
        }
    }

    pub(super) fn on_outbox(&mut self, m: outbox::Message) -> Task<Message> {
        match on_screen!(self, Outbox, m) {
            outbox::Action::None => Task::none(),
            outbox::Action::Copy(s) => self.copy(s),
            outbox::Action::SessionEnded(e) => self.session_ended(e),
        }
    }

    pub(super) fn on_roles(&mut self, m: roles::Message) -> Task<Message> {
        match on_screen!(self, Roles, m) {
            roles::Action::None => Task::none(),
            roles::Action::Run(t) => t.map(Message::Roles),
            roles::Action::Changed(role) => {
                if let Some(s) = &mut self.session {
                    match s.roles.iter_mut().find(|r| r.code == role.code) {
                        Some(r) => *r = role,
                        None => {
                            s.roles.push(role);
                            s.roles.sort_by(|a, b| a.code.cmp(&b.code));
                        }
                    }
                }
                Task::none()
            }
            roles::Action::Home => self.go_home(),
            roles::Action::SessionEnded(e) => self.session_ended(e),
        }
    }

    pub(super) fn on_contacts(&mut self, m: contacts::Message) -> Task<Message> {
        match on_screen!(self, Contacts, m) {
            contacts::Action::None => Task::none(),
            contacts::Action::Run(t) => t.map(Message::Contacts),
            contacts::Action::OpenUser(id) => self.open_record(id),
            contacts::Action::Home => self.go_home(),
            contacts::Action::SessionEnded(e) => self.session_ended(e),
        }
    }

    pub(super) fn on_audit(&mut self, m: audit::Message) -> Task<Message> {
        match on_screen!(self, Audit, m) {
            audit::Action::None => Task::none(),
            audit::Action::Run(t) => t.map(Message::Audit),
            audit::Action::Save(bytes, name) => self.save(bytes, name),
            audit::Action::Home => self.go_home(),
            audit::Action::SessionEnded(e) => self.session_ended(e),
        }
    }

    pub(super) fn on_structures(&mut self, m: structures::Message) -> Task<Message> {
        match on_screen!(self, Structures, m) {
            structures::Action::None => Task::none(),
            structures::Action::Run(t) => t.map(Message::Structures),
            structures::Action::SessionEnded(e) => self.session_ended(e),
            structures::Action::Save(bytes, name) => self.save(bytes, name),
            structures::Action::Export(info, name, passphrase) => {
                let (paper, places) = (self.paper(), self.places.clone());
                Task::perform(
                    async move {
                        let bytes = tokio::task::spawn_blocking(move || {
                            let pdf = sesame_documents::connection_information(&info, paper)?;
                            match passphrase {
                                Some(p) => sesame_documents::protect(&pdf, &p),
                                None => Ok(pdf),
                            }
                        })
                        .await
                        .map_err(|e| e.to_string())??;
                        crate::print::save(bytes, name, places).await
                    },
                    Message::Printed,
                )
            }
        }
    }

    pub(super) fn on_service_users(&mut self, m: service_users::Message) -> Task<Message> {
        match on_screen!(self, ServiceUsers, m) {
            service_users::Action::None => Task::none(),
            service_users::Action::Run(t) => t.map(Message::ServiceUsers),
            service_users::Action::Print(letters, name, passphrase) => {
                self.print_protected(letters, name, passphrase)
            }
            service_users::Action::Save(bytes, name) => self.save(bytes, name),
            service_users::Action::Copy(s) => self.copy(s),
            service_users::Action::SessionEnded(e) => self.session_ended(e),
        }
    }

    pub(super) fn on_people(&mut self, m: people::Message) -> Task<Message> {
        match on_screen!(self, People, m) {
            people::Action::None => Task::none(),
            people::Action::Run(t) => t.map(Message::People),
            people::Action::Home => self.go_home(),
            people::Action::Exit => self.left(),
            people::Action::Copy(s) => self.copy(s),
            people::Action::Print(letters, name) => self.print(letters, name),
            people::Action::Save(bytes, name) => self.save(bytes, name),
            people::Action::SessionEnded(e) => self.session_ended(e),
            people::Action::Import => {
                let import =
                    import::Import::new(self.places.native_dialogs, self.places.documents.clone());
                self.screen = Screen::Import(Box::new(import));
                crate::widget::reveal::focus("import-path")
            }
        }
    }

    pub(super) fn on_import(&mut self, m: import::Message) -> Task<Message> {
        match on_screen!(self, Import, m) {
            import::Action::None => Task::none(),
            import::Action::Run(t) => t.map(Message::Import),
            import::Action::Save(bytes, name) => self.save(bytes, name),
            import::Action::Print(letters, name) => self.print(letters, name),
            import::Action::Back => self.go(crate::screen::Destination::People),
            import::Action::Exit => self.left(),
            import::Action::SessionEnded(e) => self.session_ended(e),
        }
    }

    pub(super) fn on_my_account(&mut self, m: my_account::Message) -> Task<Message> {
        match on_screen!(self, MyAccount, m) {
            my_account::Action::None => Task::none(),
            my_account::Action::Run(t) => t.map(Message::MyAccount),
            my_account::Action::Home => {
                self.leave_for(super::Leaving::Go(crate::screen::Destination::Home))
            }
            my_account::Action::Left => self.left(),
            my_account::Action::Saved(me) => {
                if let Some(s) = &mut self.session {
                    s.me = *me;
                }
                Task::none()
            }
            my_account::Action::SessionEnded(e) => self.session_ended(e),
            my_account::Action::Copy(s) => self.copy(s),
            my_account::Action::TwoFactorOff => {
                if let Some(s) = &mut self.session {
                    s.me.two_factor = false;
                }
                Task::none()
            }
            my_account::Action::Theme(t) => {
                self.settings.theme = t;
                self.save_settings();
                Task::none()
            }
            my_account::Action::Scale(s) => {
                self.settings.scale = s;
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
}
