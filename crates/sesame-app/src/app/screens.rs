//! What the app does for the screens: every screen's common effects carried out in one place
//! ([`App::effect`]), and each screen's own outcome (signed in, a role changed …) beside it.

use iced::Task;

use super::{App, Message, Screen};
use crate::screen::{Effect, import, my_account, password_change, people, roles, sign_in, start};
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

/// A screen whose `Action` is effects only: the message to its `update`, the effect to the app.
macro_rules! effects_only {
    ($name:ident, $module:ident, $variant:ident) => {
        pub(super) fn $name(&mut self, m: crate::screen::$module::Message) -> Task<Message> {
            let effect = on_screen!(self, $variant, m);
            self.effect(effect, Message::$variant)
        }
    };
}

impl App {
    /// A screen's common effect, its messages wrapped by `wrap`.
    pub(super) fn effect<M: Send + 'static>(
        &mut self,
        effect: Effect<M>,
        wrap: impl Fn(M) -> Message + Send + 'static,
    ) -> Task<Message> {
        match effect {
            Effect::None => Task::none(),
            Effect::Run(t) => t.map(wrap),
            Effect::Copy(text) => self.copy(text),
            Effect::Print { letters, file } => {
                self.print_dialog(crate::printing::Document::Letters(letters), file)
            }
            Effect::Export { info, file } => {
                self.print_dialog(crate::printing::Document::Connection(info), file)
            }
            Effect::Save(table) => self.save(*table),
            Effect::Home => self.go_home(),
            Effect::Left => self.left(),
            Effect::Own(never) => match never {},
        }
    }

    effects_only!(on_outbox, outbox, Outbox);
    effects_only!(on_audit, audit, Audit);
    effects_only!(on_structures, structures, Structures);
    effects_only!(on_service_users, service_users, ServiceUsers);

    pub(super) fn on_start(&mut self, m: start::Message) -> Task<Message> {
        let Screen::Start(s) = &mut self.screen else {
            return Task::none();
        };
        match s.update(m, self.locale).own() {
            Err(effect) => self.effect(effect, Message::Start),
            Ok(connected) => self.connected(connected),
        }
    }

    /// Connected to a server: sign in there, prefilled with the last organization and user.
    fn connected(&mut self, c: start::Connected) -> Task<Message> {
        self.client = c.client;
        self.embedded = c.embedded.or(self.embedded.take());
        self.settings.connection = Some(match &c.server {
            Some(_) => Connection::SharedServer,
            None => Connection::ThisComputer,
        });
        if let Some(url) = c.server {
            self.settings.remember_server(&url);
        }
        if let Some((origin, fingerprint)) = c.pinned {
            self.settings.pinned.insert(origin, fingerprint);
        }
        self.save_settings();
        let (org, user) = if c.organization.is_empty() {
            (
                self.settings.last_organization.clone(),
                self.settings.last_user_id.clone(),
            )
        } else {
            (c.organization, c.user_id)
        };
        let s = sign_in::SignIn::new(&org, &user, &c.password);
        let focus = s.first_focus();
        self.screen = Screen::SignIn(s);
        crate::widget::reveal::focus(focus)
    }

    pub(super) fn on_sign_in(&mut self, m: sign_in::Message) -> Task<Message> {
        let Screen::SignIn(s) = &mut self.screen else {
            return Task::none();
        };
        match s.update(m, &self.client).own() {
            Err(effect) => self.effect(effect, Message::SignIn),
            Ok(sign_in::Done::ChangeServer) => {
                self.session = None;
                self.paused = None;
                // Asked for the choice again: the next start asks too, until one is made.
                self.settings.connection = None;
                self.save_settings();
                self.screen = Screen::Start(start::Start::new(
                    self.places.clone(),
                    self.settings.servers.clone(),
                    self.settings.pinned.clone(),
                ));
                Task::none()
            }
            Ok(sign_in::Done::SignedIn(session, typed)) => self.signed_in(*session, typed),
        }
    }

    pub(super) fn on_password_change(&mut self, m: password_change::Message) -> Task<Message> {
        let Screen::PasswordChange(s) = &mut self.screen else {
            return Task::none();
        };
        let client = self.session.as_ref().map_or(&self.client, |s| &s.client);
        match s.update(m, client, self.locale).own() {
            Err(effect) => self.effect(effect, Message::PasswordChange),
            Ok(password_change::Done::SignOut) => self.sign_out(),
            Ok(password_change::Done::Changed) => {
                if let Some(s) = &mut self.session {
                    s.me.must_change_password = false;
                }
                self.go_home()
            }
        }
    }

    pub(super) fn on_roles(&mut self, m: roles::Message) -> Task<Message> {
        let role = match on_screen!(self, Roles, m).own() {
            Err(effect) => return self.effect(effect, Message::Roles),
            Ok(role) => role,
        };
        // A role added or changed: the app's catalogue follows.
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

    pub(super) fn on_contacts(&mut self, m: crate::screen::contacts::Message) -> Task<Message> {
        match on_screen!(self, Contacts, m).own() {
            Err(effect) => self.effect(effect, Message::Contacts),
            Ok(user) => self.open_record(user),
        }
    }

    pub(super) fn on_people(&mut self, m: people::Message) -> Task<Message> {
        match on_screen!(self, People, m).own() {
            Err(effect) => self.effect(effect, Message::People),
            Ok(people::OpenImport) => {
                let import =
                    import::Import::new(self.places.native_dialogs, self.places.documents.clone());
                self.screen = Screen::Import(Box::new(import));
                crate::widget::reveal::focus("import-path")
            }
        }
    }

    pub(super) fn on_import(&mut self, m: import::Message) -> Task<Message> {
        match on_screen!(self, Import, m).own() {
            Err(effect) => self.effect(effect, Message::Import),
            Ok(import::BackToList) => self.go(crate::screen::Destination::People),
        }
    }

    pub(super) fn on_my_account(&mut self, m: my_account::Message) -> Task<Message> {
        use my_account::Changed;
        let changed = match on_screen!(self, MyAccount, m).own() {
            Err(effect) => return self.effect(effect, Message::MyAccount),
            Ok(changed) => changed,
        };
        let settings = !matches!(
            changed,
            Changed::Me(_)
                | Changed::Organization(_)
                | Changed::TwoFactorOff
                | Changed::DataReplaced(_)
        );
        match changed {
            Changed::Me(me) => {
                if let Some(s) = &mut self.session {
                    s.me = *me;
                }
            }
            Changed::Organization(org) => {
                if let Some(s) = &mut self.session {
                    s.me.organization = *org;
                }
            }
            Changed::TwoFactorOff => {
                if let Some(s) = &mut self.session {
                    s.me.two_factor = false;
                }
            }
            Changed::Theme(t) => self.settings.theme = t,
            Changed::Scale(s) => self.settings.scale = s,
            Changed::Paper(p) => self.settings.paper = Some(p),
            Changed::SheetFormat(f) => self.settings.sheet_format = f,
            // The session went with the data it was in: sign in again, as the backup knows.
            Changed::DataReplaced(said) => {
                let task = self.sign_out();
                if let super::Screen::SignIn(s) = &mut self.screen {
                    s.reason = Some(said);
                }
                return task;
            }
        }
        if settings {
            self.save_settings();
        }
        Task::none()
    }
}
