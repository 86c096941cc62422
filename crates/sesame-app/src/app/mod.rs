//! The top-level app: which screen shows, the connection and the signed-in person, the
//! language and theme, keyboard shortcuts. Screens report what they need through `Action`s.

use std::sync::Arc;

use iced::keyboard::{self, Key, key::Named};
use iced::{Subscription, Task, Theme};

mod navigation;
mod printing;
pub use printing::Printing;
mod reading;
mod screens;
mod update;
mod view;

use super::locale::Locale;
pub use super::screen::Shortcut;
use super::screen::{
    Ctx, Session, home, my_account, password_change, people, person, service_users, sign_in, start,
};
use super::screen::{Questions, audit, contacts, import, outbox, roles, structures};
use super::settings::{Connection, Places, Settings, system_language};
use sesame_client::{Client, ClientError};
use sesame_core::api::{Me, Role};
use sesame_core::domain::Language;
use sesame_server::Running;

pub enum Screen {
    Start(start::Start),
    SignIn(sign_in::SignIn),
    PasswordChange(password_change::PasswordChange),
    Home,
    /// The user follow-up, with the record opened from it.
    People(Box<people::People>),
    /// Importing people from a file, opened from the user follow-up.
    Import(Box<import::Import>),
    MyAccount(Box<my_account::MyAccount>),
    ServiceUsers(service_users::ServiceUsers),
    Structures(structures::Structures),
    Outbox(outbox::Outbox),
    Roles(roles::Roles),
    Contacts(contacts::Contacts),
    Audit(audit::Audit),
}

/// `$body` with `$s` the open screen as every screen answers the app's questions
/// ([`Questions`]); `$none` for the start and "Your file", which hold nothing of their own.
macro_rules! questions {
    ($screen:expr, $s:ident => $body:expr, else $none:expr) => {
        match $screen {
            Screen::Start(_) | Screen::Home => $none,
            Screen::SignIn($s) => $body,
            Screen::PasswordChange($s) => $body,
            Screen::People($s) => $body,
            Screen::Import($s) => $body,
            Screen::MyAccount($s) => $body,
            Screen::ServiceUsers($s) => $body,
            Screen::Structures($s) => $body,
            Screen::Outbox($s) => $body,
            Screen::Roles($s) => $body,
            Screen::Contacts($s) => $body,
            Screen::Audit($s) => $body,
        }
    };
}

impl Screen {
    /// What the window's title names (see [`Questions::title`]).
    fn title(&self, l: Locale) -> Option<String> {
        questions!(self, s => Some(s.title(l)), else None)
    }

    /// Forgets the open screen's messages (see [`Questions::clear_notice`]).
    fn clear_notice(&mut self) {
        questions!(self, s => s.clear_notice(), else ())
    }

    /// How many messages the open screen shows ([`Questions::notices`]).
    fn notices(&self) -> usize {
        questions!(self, s => s.notices(), else 0)
    }

    /// Whether leaving the open screen would lose something typed ([`Questions::unsaved`]).
    fn unsaved(&self, me: &Me) -> bool {
        questions!(self, s => s.unsaved(me), else false)
    }
}

pub struct App {
    places: Places,
    settings: Settings,
    pub locale: Locale,
    /// The connection before sign-in (no token).
    client: Client,
    /// The in-process server of "This computer", kept alive as long as the app runs.
    embedded: Option<Arc<Running>>,
    /// Kept while the person signs in again after their session ended.
    session: Option<Session>,
    pub screen: Screen,
    /// A message under the banner (a saved document), with the file to open.
    toast: Option<Toast>,
    /// A screen set aside while the user signs in again after their session ended: what they
    /// typed is still there when they come back.
    paused: Option<Screen>,
    /// The About dialog is open (over any screen).
    about: bool,
    /// The system's light or dark mode, which the "System" theme follows.
    system_theme: iced::theme::Mode,
    /// The window's width as the system reports it (before the app's own scale): a narrow
    /// one lays the banner out on more lines.
    window_width: f32,
    window_height: f32,
    /// What the app sees of itself after each update (the screen reader's tree, the focus).
    pub eyes: crate::a11y::eyes::Eyes,
    /// The screen reader's requests, once its bridge runs.
    reader: Option<crate::a11y::Reader>,
    /// Where the person was going (a banner link, a tile, Sign out) when the screen asked
    /// before losing what was typed; confirming goes there. `None`: the window is closing.
    leaving: Option<Leaving>,
    /// The user follow-up's order as the person last chose it, for its next opening.
    people_sort: (sesame_core::api::PeopleSort, bool),
    /// The print dialog, open over any screen.
    printing: Option<crate::printing::Dialog>,
}

/// Leaving a screen that asked first: to another screen, or signing out.
#[derive(Debug, Clone, Copy)]
pub enum Leaving {
    Go(crate::screen::Destination),
    SignOut,
}

#[derive(Debug, Clone)]
pub enum Message {
    Start(start::Message),
    SignIn(sign_in::Message),
    PasswordChange(password_change::Message),
    Home(home::Message),
    People(people::Message),
    Import(import::Message),
    MyAccount(my_account::Message),
    ServiceUsers(service_users::Message),
    Structures(structures::Message),
    Outbox(outbox::Message),
    Roles(roles::Message),
    Contacts(contacts::Message),
    Audit(audit::Message),
    Language(Language),
    Theme(ThemeOption),
    SignOut,
    SignedOut,
    RolesLoaded(Result<Vec<Role>, ClientError>),
    /// A screen opened from the banner ("Your file" opens them through `Home`).
    Go(crate::screen::Destination),
    Shortcut(Shortcut),
    Printed(Result<super::print::Saved, String>),
    /// The print dialog, and the jobs it sent.
    Printing(printing::Printing),
    OpenDocument(std::path::PathBuf),
    /// The system's viewer could not open this file (why).
    NotOpened(std::path::PathBuf, String),
    CloseToast,
    About(bool),
    /// The window's close button (or the system's close): quits, unless something typed would
    /// be lost, which is asked first.
    CloseRequested(iced::window::Id),
    /// The system's light or dark mode, at start and when it changes.
    SystemTheme(iced::theme::Mode),
    Resized(iced::Size),
    /// A preset prepared its organization and signed in (see `presets`).
    PresetReady(Arc<crate::presets::Ready>),
    /// The screen reader asks for something (focus, press) on a node of the tree.
    Reader(crate::a11y::Request),
}

pub use super::settings::ThemeOption;

impl App {
    /// The first frame needs only the settings file: the embedded server starts when chosen.
    pub fn boot(places: Places) -> (App, Task<Message>) {
        let settings = Settings::load(&places);
        let language = settings.language.unwrap_or_else(system_language);
        let start = start::Start::new(
            places.clone(),
            settings.servers.clone(),
            settings.pinned.clone(),
        );
        let app = App {
            places,
            locale: Locale::new(language),
            client: Client::new("http://127.0.0.1:0"),
            embedded: None,
            session: None,
            screen: Screen::Start(start),
            paused: None,
            toast: None,
            about: false,
            system_theme: iced::theme::Mode::None,
            window_width: 1280.0,
            window_height: 800.0,
            eyes: Default::default(),
            reader: None,
            leaving: None,
            people_sort: Default::default(),
            printing: None,
            settings,
        };
        // Connected before: there again, without asking.
        let reconnect = match app.settings.connection {
            Some(Connection::ThisComputer) => Task::done(start::Message::ThisComputer),
            Some(Connection::SharedServer) if !app.settings.servers.is_empty() => {
                Task::done(start::Message::Connect)
            }
            _ => Task::none(),
        };
        let theme = iced::system::theme().map(Message::SystemTheme);
        (app, Task::batch([theme, reconnect.map(Message::Start)]))
    }

    pub fn title(&self) -> String {
        match self.screen.title(self.locale) {
            Some(title) => format!("Sesame — {title}"),
            None if matches!(self.screen, Screen::Home) => {
                format!("Sesame — {}", self.locale.t("home-title"))
            }
            None => "Sesame".into(),
        }
    }

    pub fn theme(&self) -> Option<Theme> {
        Some(crate::widget::colors::theme(
            self.settings.theme,
            self.system_theme,
        ))
    }

    /// The interface size: the setting, on top of the operating system's own scale.
    /// The width the screens have, in the app's own units (after its scale).
    pub fn layout_width(&self) -> f32 {
        self.window_width / self.scale_factor()
    }

    /// The window's size in the app's own units (after its scale).
    pub fn layout_size(&self) -> iced::Size {
        iced::Size::new(self.window_width, self.window_height) * (1.0 / self.scale_factor())
    }

    pub fn scale_factor(&self) -> f32 {
        self.settings.scale.map_or(1.0, |p| f32::from(p) / 100.0)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let screen = match &self.screen {
            Screen::People(p) => p.subscription().map(Message::People),
            Screen::Import(s) => s.subscription().map(Message::Import),
            _ => Subscription::none(),
        };
        Subscription::batch([
            screen,
            self.reader.as_ref().map_or_else(Subscription::none, |r| {
                r.subscription().map(Message::Reader)
            }),
            iced::event::listen_with(shortcut_of),
            iced::system::theme_changes().map(Message::SystemTheme),
            iced::window::resize_events().map(|(_, size)| Message::Resized(size)),
            iced::window::close_requests().map(Message::CloseRequested),
        ])
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
        self.session.as_ref().map_or(&[], |s| &s.roles)
    }

    /// The structures screen, while open.
    pub fn structures(&self) -> Option<&structures::Structures> {
        match &self.screen {
            Screen::Structures(s) => Some(s),
            _ => None,
        }
    }

    /// The user follow-up, while open.
    pub fn people(&self) -> Option<&people::People> {
        match &self.screen {
            Screen::People(s) => Some(s),
            _ => None,
        }
    }

    /// The import screen, while open.
    pub fn import(&self) -> Option<&import::Import> {
        match &self.screen {
            Screen::Import(s) => Some(s),
            _ => None,
        }
    }

    /// The record open in the user follow-up.
    pub fn record(&self) -> Option<&person::Person> {
        self.people().and_then(|p| p.record())
    }

    /// Who is signed in.
    pub fn me(&self) -> Option<&Me> {
        self.session.as_ref().map(|s| &s.me)
    }

    /// The client of the current connection (with the session token once signed in).
    pub fn client(&self) -> &Client {
        self.session.as_ref().map_or(&self.client, |s| &s.client)
    }

    fn save_settings(&self) {
        if let Err(e) = self.settings.save(&self.places) {
            tracing::warn!("settings not saved: {e}");
        }
    }

    /// The window is small for the interface's size (a large scale, a small screen).
    pub fn compact(&self) -> bool {
        let size = self.layout_size();
        size.width < 720.0 || size.height < 480.0
    }

    fn ctx(&self) -> Option<Ctx<'_>> {
        Some(Ctx {
            compact: self.compact(),
            ..self.session.as_ref()?.ctx(self.locale)
        })
    }
}

/// The app's keys, from the window's keyboard events (the subscription; tests feed it real
/// key events). Enter and Tab count only when no widget took them.
pub fn shortcut_of(
    event: iced::Event,
    status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    let iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
        return None;
    };
    let captured = status == iced::event::Status::Captured;
    let shortcut = match key.as_ref() {
        Key::Character("f") if modifiers.command() => Shortcut::Find,
        Key::Character("n") if modifiers.command() => Shortcut::New,
        Key::Character("s") if modifiers.command() => Shortcut::Save,
        Key::Named(Named::ContextMenu) => Shortcut::Options,
        Key::Named(Named::F10) if modifiers.shift() => Shortcut::Options,
        Key::Named(Named::ArrowUp) if !captured => Shortcut::Up,
        Key::Named(Named::ArrowDown) if !captured => Shortcut::Down,
        Key::Named(Named::Escape) if !crate::widget::dropdown::escape_taken() => Shortcut::Cancel,
        Key::Named(Named::F1) => Shortcut::About,
        Key::Named(Named::Enter) if !captured => Shortcut::Confirm,
        Key::Named(Named::Tab) if !captured && modifiers.shift() => Shortcut::FocusPrevious,
        Key::Named(Named::Tab) if !captured => Shortcut::FocusNext,
        _ => return None,
    };
    Some(Message::Shortcut(shortcut))
}

/// The message under the banner after a document was saved (with the file, to open it) or
/// could not be.
#[derive(Debug, Clone)]
pub struct Toast {
    pub notice: crate::widget::Notice,
    pub file: Option<std::path::PathBuf>,
}

impl Toast {
    fn file(text: String, file: std::path::PathBuf) -> Toast {
        Toast {
            notice: crate::widget::Notice::done(text),
            file: Some(file),
        }
    }

    fn said(text: String) -> Toast {
        Toast {
            notice: crate::widget::Notice::done(text),
            file: None,
        }
    }

    fn failed(text: String) -> Toast {
        Toast {
            notice: crate::widget::Notice::failed(text),
            file: None,
        }
    }
}
