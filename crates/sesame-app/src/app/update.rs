//! What the app does with each message: it hands screen messages to the screens (see
//! `screens`), and keeps for itself the language, the theme, printing, the toast and the keys.

use iced::Task;

use super::{App, Message, Screen, Shortcut, Toast};
use crate::locale::Locale;
use crate::screen::{home, people, person};

impl App {
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = self.update_screen(message);
        // Then the app looks at what it shows: the focus kept, the screen reader told.
        if let Some(r) = &self.reader {
            r.retitle(self.title(), f64::from(self.scale_factor()));
        }
        Task::batch([task, self.eyes.look(self.layout_size())])
    }

    fn update_screen(&mut self, message: Message) -> Task<Message> {
        // The follow-up's order outlives the screen: it opens again as the person left it.
        if let Screen::People(p) = &self.screen {
            self.people_sort = p.sort_state();
        }
        let (screen, notices) = (std::mem::discriminant(&self.screen), self.screen.notices());
        let mut task = self.handle(message);
        // A message went: what was under it moved up, and the control the person is on must
        // stay in sight (a page scrolled at 200 %).
        if std::mem::discriminant(&self.screen) == screen && self.screen.notices() < notices {
            task = Task::batch([task, crate::widget::reveal::reveal_focused()]);
        }
        // A message under the banner belongs to the screen it was written on.
        if std::mem::discriminant(&self.screen) != screen {
            self.toast = None;
        }
        // A request met the session's end (the client noticed it, whichever screen sent it):
        // sign in again, then back to the screen, which forgets the failure it was told of.
        let ended = self
            .session
            .as_ref()
            .and_then(|s| s.client.take_session_end());
        match ended {
            Some(e) if !matches!(self.screen, Screen::SignIn(_)) => {
                self.screen.clear_notice();
                Task::batch([task, self.session_ended(e)])
            }
            _ => task,
        }
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Start(m) => self.on_start(m),
            Message::SignIn(m) => self.on_sign_in(m),
            Message::PasswordChange(m) => self.on_password_change(m),
            Message::Go(to) | Message::Home(home::Message::Open(to)) => {
                self.leave_for(super::Leaving::Go(to))
            }
            Message::Outbox(m) => self.on_outbox(m),
            Message::Roles(m) => self.on_roles(m),
            Message::Contacts(m) => self.on_contacts(m),
            Message::Audit(m) => self.on_audit(m),
            Message::Structures(m) => self.on_structures(m),
            Message::ServiceUsers(m) => self.on_service_users(m),
            Message::People(m) => self.on_people(m),
            Message::Import(m) => self.on_import(m),
            Message::MyAccount(m) => self.on_my_account(m),
            Message::Language(l) => self.language(l),
            Message::Theme(t) => {
                self.settings.theme = t.0;
                self.save_settings();
                Task::none()
            }
            Message::SignOut => self.leave_for(super::Leaving::SignOut),
            Message::CloseRequested(_) => self.close_requested(),
            // iced tells the size in the app's units, at the scale of the moment: kept before
            // the app's scale, so that a change of scale (which iced does not tell as a resize)
            // gives the new size in units.
            Message::Resized(size) => {
                let scale = self.scale_factor();
                self.window_width = size.width * scale;
                self.window_height = size.height * scale;
                Task::none()
            }
            Message::Reader(request) => self.reader_asks(request),
            Message::SystemTheme(mode) => {
                self.system_theme = mode;
                Task::none()
            }
            Message::SignedOut => Task::none(),
            Message::RolesLoaded(Ok(roles)) => {
                if let Some(s) = &mut self.session {
                    s.roles = roles;
                }
                Task::none()
            }
            Message::RolesLoaded(Err(_)) => Task::none(),
            Message::Shortcut(s) => self.shortcut(s),
            Message::Printing(m) => self.on_printing(m),
            Message::Printed(result) => {
                self.printed(result);
                Task::none()
            }
            Message::OpenDocument(path) => open_document(path),
            Message::NotOpened(path, why) => {
                self.not_opened(path, why);
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

    /// The other language: messages already written stay in the language they were written
    /// in, so they go.
    fn language(&mut self, l: sesame_core::domain::Language) -> Task<Message> {
        self.locale = Locale::new(l);
        self.toast = None;
        self.screen.clear_notice();
        self.settings.language = Some(l);
        self.save_settings();
        Task::none()
    }

    /// The window's close button: at once, or after asking when something typed would be lost.
    fn close_requested(&mut self) -> Task<Message> {
        self.leaving = None;
        self.ask_before_leaving().unwrap_or_else(iced::exit)
    }

    /// A banner link, a tile or Sign out: at once, or after the screen asks when something
    /// typed would be lost (its confirmation then comes back as `left`).
    pub(super) fn leave_for(&mut self, to: super::Leaving) -> Task<Message> {
        self.leaving = Some(to);
        match self.ask_before_leaving() {
            Some(asked) => asked,
            None => self.left(),
        }
    }

    /// The screen's question before losing what was typed, if it has something to lose.
    fn ask_before_leaving(&mut self) -> Option<Task<Message>> {
        if !self.me().is_some_and(|me| self.screen.unsaved(me)) {
            return None;
        }
        // Each screen that can hold something typed asks in its own words.
        let ask = match &self.screen {
            Screen::People(_) => {
                Message::People(people::Message::Record(person::Message::AskLeave))
            }
            Screen::Import(_) => Message::Import(crate::screen::import::Message::AskLeave),
            Screen::MyAccount(_) => {
                Message::MyAccount(crate::screen::my_account::Message::AskLeave)
            }
            _ => return None,
        };
        Some(self.update_screen(ask))
    }

    /// The screen is left (confirmed when it asked): where the person was going, or out of the
    /// app when the window was being closed.
    pub(super) fn left(&mut self) -> Task<Message> {
        match self.leaving.take() {
            Some(super::Leaving::Go(to)) => self.go(to),
            Some(super::Leaving::SignOut) => self.sign_out(),
            None => iced::exit(),
        }
    }

    /// The system's viewer could not open a saved file: say where it is, and keep the toast's
    /// file (Open again).
    fn not_opened(&mut self, path: std::path::PathBuf, why: String) {
        tracing::warn!("{} could not be opened: {why}", path.display());
        let text = self
            .locale
            .t_with("open-failed", &[("file", &path.display().to_string())]);
        self.toast = Some(Toast {
            notice: crate::widget::Notice::failed(text),
            file: Some(path),
        });
    }

    /// Says where a document was saved, or why it was not.
    fn printed(&mut self, result: Result<crate::print::Saved, String>) {
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
    }

    /// Copies to the clipboard and says so under the banner.
    pub(super) fn copy(&mut self, text: String) -> Task<Message> {
        self.toast = Some(Toast {
            notice: crate::widget::Notice::done(self.locale.t("clipboard-copied")),
            file: None,
        });
        iced::clipboard::write(text)
    }

    /// Writes a table the screen made where documents go, in the kind of file chosen.
    pub(super) fn save(&self, table: crate::spreadsheet::Table) -> Task<Message> {
        let places = self.places.clone();
        let (format, locale) = (self.settings.sheet_format, self.locale);
        Task::perform(
            crate::print::table(table, format, locale, places),
            Message::Printed,
        )
    }

    /// The paper size of documents: the setting, else the system's locale.
    pub(super) fn paper(&self) -> sesame_documents::Paper {
        self.settings
            .paper_for(&sys_locale::get_locale().unwrap_or_default())
    }

    /// The last document printed, as the toast names it (tests, the session-expiry return).
    pub fn toast(&self) -> Option<&str> {
        self.toast.as_ref().map(|t| t.notice.text.as_str())
    }

    /// A key: the About dialog takes Enter and Esc first, Tab moves the focus, and the open
    /// screen says what the others mean there.
    fn shortcut(&mut self, s: Shortcut) -> Task<Message> {
        if self.about && matches!(s, Shortcut::Cancel | Shortcut::Confirm) {
            self.about = false;
            return Task::none();
        }
        if self.printing.is_some() {
            let m = match s {
                Shortcut::Cancel => Some(crate::printing::dialog::Message::Cancel),
                Shortcut::Confirm => Some(crate::printing::dialog::Message::Confirm),
                _ => None,
            };
            if let Some(m) = m {
                return self.on_printing(super::printing::Printing::Dialog(m));
            }
        }
        let message = match (s, &self.screen) {
            (Shortcut::About, _) => Some(Message::About(true)),
            (Shortcut::FocusNext, _) => return crate::widget::reveal::focus_next(),
            (Shortcut::FocusPrevious, _) => return crate::widget::reveal::focus_previous(),
            (_, Screen::People(p)) => p.on_shortcut(s).map(Message::People),
            (_, Screen::Import(i)) => i.on_shortcut(s).map(Message::Import),
            (_, Screen::Structures(st)) => st.on_shortcut(s).map(Message::Structures),
            (_, Screen::Contacts(c)) => c.on_shortcut(s).map(Message::Contacts),
            (_, Screen::Roles(r)) => r.on_shortcut(s).map(Message::Roles),
            (_, Screen::MyAccount(a)) => a.on_shortcut(s).map(Message::MyAccount),
            (_, Screen::ServiceUsers(u)) => u.on_shortcut(s).map(Message::ServiceUsers),
            _ => None,
        };
        match (message, s) {
            (Some(m), _) => self.update_screen(m),
            // In the other lists (and the home's tiles), the arrows go from row to row as
            // Tab does; the user follow-up moves its current row itself.
            (None, Shortcut::Down) if self.rows_by_arrows() => crate::widget::reveal::focus_next(),
            (None, Shortcut::Up) if self.rows_by_arrows() => {
                crate::widget::reveal::focus_previous()
            }
            (None, _) => Task::none(),
        }
    }

    /// The screens made of lists, where ↑ and ↓ move the focus.
    fn rows_by_arrows(&self) -> bool {
        matches!(
            self.screen,
            Screen::Home
                | Screen::ServiceUsers(_)
                | Screen::Structures(_)
                | Screen::Audit(_)
                | Screen::Outbox(_)
                | Screen::Contacts(_)
                | Screen::Roles(_)
        )
    }
}

/// Opens a saved file with the system's viewer, off the UI thread (it may wait a moment).
fn open_document(path: std::path::PathBuf) -> Task<Message> {
    Task::future(async move {
        let file = path.clone();
        let opened = tokio::task::spawn_blocking(move || crate::print::open_with_system(&file))
            .await
            .unwrap_or_else(|e| Err(e.to_string()));
        match opened {
            Ok(()) => Message::CloseToast,
            Err(why) => Message::NotOpened(path, why),
        }
    })
}
