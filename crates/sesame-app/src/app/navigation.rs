//! Moving between screens: signing in and out, the session's end and return, and the screens
//! opened from the banner or from "Your file".

use iced::Task;

use super::{App, Message, Screen};
use crate::screen::{
    Destination, Session, audit, contacts, my_account, outbox, password_change, people, roles,
    service_users, sign_in, structures,
};
use sesame_client::ClientError;

/// Opens a screen that loads its data, with the signed-in session.
macro_rules! load_screen {
    ($app:ident, $variant:ident, $module:ident) => {{
        let Some(session) = $app.session.as_ref() else {
            return Task::none();
        };
        let (s, t) = $module::$variant::load(session.ctx($app.locale));
        $app.screen = Screen::$variant(s);
        t.map(Message::$variant)
    }};
}

impl App {
    pub(super) fn signed_in(
        &mut self,
        session: sesame_core::api::Session,
        typed: String,
    ) -> Task<Message> {
        let client = self.client.with_token(Some(session.token));
        self.settings.last_organization = session.me.organization.code.clone();
        self.settings.last_user_id = session.me.user_id.clone();
        self.save_settings();
        let same_person = self.me().is_some_and(|m| m.id == session.me.id);
        let must_change = session.me.must_change_password;
        let roles = {
            let c = client.clone();
            Task::perform(async move { c.roles().await }, Message::RolesLoaded)
        };
        self.session = Some(Session {
            client,
            me: session.me,
            roles: vec![],
        });
        if must_change {
            self.screen = Screen::PasswordChange(password_change::PasswordChange::new(typed));
            return Task::batch([roles, crate::widget::reveal::focus("new-password")]);
        }
        // Back where the session ended, with what was typed there.
        match self.paused.take() {
            Some(screen) if same_person => self.screen = screen,
            _ => self.screen = Screen::Home,
        }
        roles
    }

    /// "This computer" when the session is on it: its database and backups folder.
    fn local(&self) -> Option<my_account::backups::Local> {
        let running = self.embedded.as_ref()?;
        let session = self.session.as_ref()?;
        (session.client.base().trim_end_matches('/') == running.url()).then(|| {
            my_account::backups::Local {
                db: running.db.clone(),
                backups: self.places.backups(),
                documents: self.places.documents.clone(),
                native_dialogs: self.places.native_dialogs,
            }
        })
    }

    pub(super) fn sign_out(&mut self) -> Task<Message> {
        let ended = self.session.take().map(|s| s.client);
        self.paused = None;
        let s = sign_in::SignIn::new(
            &self.settings.last_organization,
            &self.settings.last_user_id,
            "",
        );
        self.screen = Screen::SignIn(s);
        match ended {
            Some(c) => Task::perform(async move { c.sign_out().await }, |_| Message::SignedOut),
            None => Task::none(),
        }
    }

    /// The server no longer knows the session: sign in again, then come back to the screen
    /// set aside with what was typed there.
    pub(super) fn session_ended(&mut self, e: ClientError) -> Task<Message> {
        let (org, user) = match self.me() {
            Some(me) => (me.organization.code.clone(), me.user_id.clone()),
            None => (String::new(), String::new()),
        };
        let mut s = sign_in::SignIn::new(&org, &user, "");
        s.reason = Some(self.locale.error(&e));
        let previous = std::mem::replace(&mut self.screen, Screen::SignIn(s));
        self.paused = Some(previous);
        crate::widget::reveal::focus("password")
    }

    /// Opens a screen from the banner or from "Your file".
    pub(super) fn go(&mut self, to: Destination) -> Task<Message> {
        match to {
            Destination::Home => self.go_home(),
            Destination::People => self.open_people(),
            Destination::MyAccount => {
                if let Some(me) = self.me() {
                    let local = self.local();
                    let account =
                        my_account::MyAccount::new(me, self.paper(), &self.settings, local);
                    let load = account.load().map(Message::MyAccount);
                    self.screen = Screen::MyAccount(Box::new(account));
                    return load;
                }
                Task::none()
            }
            Destination::ServiceUsers => load_screen!(self, ServiceUsers, service_users),
            Destination::Outbox => load_screen!(self, Outbox, outbox),
            Destination::Contacts => load_screen!(self, Contacts, contacts),
            Destination::Audit => load_screen!(self, Audit, audit),
            Destination::Structures => load_screen!(self, Structures, structures),
            Destination::Roles => {
                let Some(session) = &self.session else {
                    return Task::none();
                };
                self.screen = Screen::Roles(roles::Roles::new());
                // The catalogue may have changed on the server since sign-in.
                let c = session.client.clone();
                Task::perform(async move { c.roles().await }, Message::RolesLoaded)
            }
        }
    }

    pub(super) fn go_home(&mut self) -> Task<Message> {
        self.screen = Screen::Home;
        Task::none()
    }

    /// The user follow-up, loaded afresh, for those the server lets list people.
    fn open_people(&mut self) -> Task<Message> {
        if !self.me().is_some_and(|m| m.rights.list_people) {
            return Task::none();
        }
        let Some(session) = self.session.as_ref() else {
            return Task::none();
        };
        let held = self.settings.held_people;
        let (s, t) = people::People::load(session.ctx(self.locale), self.people_sort, held);
        self.screen = Screen::People(Box::new(s));
        t.map(Message::People)
    }

    /// A person's record (from the contacts), over a fresh follow-up to return to.
    pub(super) fn open_record(&mut self, id: i64) -> Task<Message> {
        let list = self.open_people();
        let (Some(session), Screen::People(p)) = (&self.session, &mut self.screen) else {
            return list;
        };
        let record = p.open_record(id, session.ctx(self.locale));
        Task::batch([list, record.map(Message::People)])
    }
}
