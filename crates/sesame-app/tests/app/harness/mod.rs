//! The app driven headlessly: iced_test's simulator clicks and types in the real views, and
//! every `Task` the app returns runs for real (the embedded server over HTTP) before the next
//! step. Shared by the desktop test files.
#![allow(dead_code)]

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use futures::StreamExt;
use iced::Task;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::Candidate;
use iced_test::{Simulator, selector, simulator};
use sesame_app::app::{App, Message, Screen, shortcut_of};
use sesame_app::settings::Places;

pub struct Ui {
    pub app: App,
    pub home: PathBuf,
    pub clipboard: Vec<String>,
}

impl Ui {
    pub async fn start(language: &str) -> Ui {
        sesame_client::install_crypto();
        let home = std::env::temp_dir().join(format!(
            "sesame_gui_{}_{}",
            std::process::id(),
            rand_suffix()
        ));
        let places = Places::in_folder(&home);
        std::fs::create_dir_all(&places.config).unwrap();
        std::fs::write(
            places.settings_file(),
            format!("{{\"language\": \"{language}\"}}"),
        )
        .unwrap();
        let (app, task) = App::boot(places);
        let mut ui = Ui {
            app,
            home,
            clipboard: vec![],
        };
        ui.run(task).await;
        ui
    }

    /// Boots from a preset (on a fresh folder of its own) and runs its preparation.
    pub async fn preset(preset: sesame_app::presets::Preset) -> Ui {
        sesame_client::install_crypto();
        let home = std::env::temp_dir().join(format!(
            "sesame_preset_{}_{}",
            std::process::id(),
            rand_suffix()
        ));
        let (app, task) = preset.boot_in(home.clone());
        let mut ui = Ui {
            app,
            home,
            clipboard: vec![],
        };
        ui.run(task).await;
        ui
    }

    /// Runs a task to its end, feeding every message it produces back into the app.
    pub fn run(&mut self, task: Task<Message>) -> Pin<Box<dyn Future<Output = ()> + '_>> {
        Box::pin(async move {
            let Some(mut stream) = iced_runtime::task::into_stream(task) else {
                return;
            };
            while let Some(action) = stream.next().await {
                match action {
                    iced_runtime::Action::Output(m) => self.send(m).await,
                    iced_runtime::Action::Clipboard(iced_runtime::clipboard::Action::Write {
                        contents,
                        ..
                    }) => self.clipboard.push(contents),
                    _ => {}
                }
            }
        })
    }

    pub fn send(&mut self, m: Message) -> Pin<Box<dyn Future<Output = ()> + '_>> {
        Box::pin(async move {
            if std::env::var_os("SESAME_TEST_TRACE").is_some() {
                eprintln!(
                    "  message {}",
                    format!("{m:?}").chars().take(300).collect::<String>()
                );
            }
            let task = self.app.update(m);
            self.run(task).await;
        })
    }

    pub async fn deliver(&mut self, messages: Vec<Message>) {
        for m in messages {
            self.send(m).await;
        }
    }

    /// Clicks the widget showing `text` (a button's label, a link).
    pub async fn click(&mut self, text: &str) {
        let messages = {
            let mut ui = simulator(self.app.view());
            if let Err(e) = ui.click(text) {
                panic!("cannot click {text:?}: {e}");
            }
            let m = ui.into_messages().collect::<Vec<_>>();
            if std::env::var_os("SESAME_TEST_TRACE").is_some() {
                eprintln!("click {text:?} -> {m:?}");
            }
            m
        };
        self.deliver(messages).await;
    }

    /// Clicks the control `id`, does `then` there (keys, typing) and delivers what the view
    /// sent; returns how many messages it sent.
    async fn on(&mut self, id: &str, then: impl FnOnce(&mut Simulator<'_, Message>)) -> usize {
        let messages = {
            let mut ui = simulator(self.app.view());
            ui.click(selector::id(id.to_owned()))
                .unwrap_or_else(|e| panic!("no control {id}: {e}"));
            then(&mut ui);
            ui.into_messages().collect::<Vec<_>>()
        };
        let sent = messages.len();
        self.deliver(messages).await;
        sent
    }

    /// Clicks the control `id` (a row's button, a checkbox).
    pub async fn click_id(&mut self, id: &str) {
        self.on(id, |_| {}).await;
    }

    /// Replaces what the text input of `id` holds: select all, then type.
    pub async fn replace_in(&mut self, id: &str, text: &str) {
        self.on(id, |ui| {
            // Text fields read Ctrl from the modifiers' changes, as a keyboard sends them.
            let command = |m| iced::Event::Keyboard(iced::keyboard::Event::ModifiersChanged(m));
            ui.simulate([
                command(iced::keyboard::Modifiers::COMMAND),
                iced_test::simulator::press_key(Key::Character("a".into()), None),
                command(iced::keyboard::Modifiers::default()),
            ]);
            ui.tap_key(Named::Backspace);
            let _ = ui.typewrite(text);
        })
        .await;
    }

    /// Types into the text input of `id` (after what it holds).
    pub async fn type_in(&mut self, id: &str, text: &str) {
        self.on(id, |ui| {
            let _ = ui.typewrite(text);
        })
        .await;
    }

    /// The value the menu `id` shows.
    pub fn menu_value(&self, id: &str) -> Option<String> {
        let wanted = iced::widget::Id::from(id.to_owned());
        let mut ui = simulator(self.app.view());
        ui.find(move |c: Candidate<'_>| match c {
            Candidate::Text {
                id: Some(i),
                content,
                ..
            } if *i == wanted => Some(content.to_owned()),
            _ => None,
        })
        .ok()
    }

    /// Focuses the control `id` (a click) and presses `key` there; true when it did something.
    async fn key_on(&mut self, id: &str, key: Named) -> bool {
        self.on(id, |ui| {
            ui.tap_key(key);
        })
        .await
            > 0
    }

    /// Chooses `label` in the menu `id` as a keyboard user does: up to the first value, then
    /// down until it shows.
    pub async fn choose(&mut self, id: &str, label: &str) {
        while self.menu_value(id).as_deref() != Some(label) && self.key_on(id, Named::ArrowUp).await
        {
        }
        while self.menu_value(id).as_deref() != Some(label) {
            if !self.key_on(id, Named::ArrowDown).await {
                panic!("{label:?} is not in the menu {id}");
            }
        }
    }

    /// Presses Space on the control `id` (ticks a checkbox, presses a button).
    pub async fn space_on(&mut self, id: &str) {
        assert!(
            self.key_on(id, Named::Space).await,
            "Space did nothing on {id}"
        );
    }

    /// Presses a key in the window: the open view takes it first, then the app's shortcuts
    /// see it with the status the view gave it, as the running app's subscription does.
    pub async fn press(&mut self, key: Named) {
        let event = iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
            key: Key::Named(key),
            modified_key: Key::Named(key),
            physical_key: iced::keyboard::key::Physical::Unidentified(
                iced::keyboard::key::NativeCode::Unidentified,
            ),
            location: iced::keyboard::Location::Standard,
            modifiers: iced::keyboard::Modifiers::default(),
            repeat: false,
            text: None,
        });
        self.key_event(event).await;
    }

    /// Ctrl (Cmd) with a letter.
    pub async fn press_command(&mut self, letter: &str) {
        let key = Key::Character(letter.into());
        let event = iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: iced::keyboard::key::Physical::Unidentified(
                iced::keyboard::key::NativeCode::Unidentified,
            ),
            location: iced::keyboard::Location::Standard,
            modifiers: iced::keyboard::Modifiers::COMMAND,
            repeat: false,
            text: None,
        });
        self.key_event(event).await;
    }

    async fn key_event(&mut self, event: iced::Event) {
        let mut messages = {
            let mut ui = simulator(self.app.view());
            let status = ui.simulate([event.clone()]).first().copied();
            let mut m = ui.into_messages().collect::<Vec<_>>();
            m.extend(shortcut_of(
                event,
                status.unwrap_or(iced::event::Status::Ignored),
                iced::window::Id::unique(),
            ));
            m
        };
        for m in messages.drain(..) {
            self.send(m).await;
        }
    }

    pub fn sees(&self, text: &str) -> bool {
        simulator(self.app.view()).find(text).is_ok()
    }

    #[track_caller]
    pub fn expect(&self, text: &str) {
        assert!(
            self.sees(text),
            "{text:?} is not on screen ({})",
            self.app.title()
        );
    }

    pub fn shown_password(&self) -> Option<String> {
        match &self.app.screen {
            Screen::Start(s) => s.shown_password().map(str::to_owned),
            Screen::People(p) => p.shown_password().map(str::to_owned),
            _ => None,
        }
    }

    pub fn shown_names(&self) -> Vec<String> {
        self.app
            .people()
            .map(|p| p.shown().map(|x| x.user_id.clone()).collect())
            .unwrap_or_default()
    }

    /// Opens the demo organization on "This computer" and signs in as `user`.
    pub async fn demo_as(language: &str, user: &str) -> Ui {
        let mut ui = Ui::start(language).await;
        let (this_computer, open_demo, sign_in) = match language {
            "fr" => (
                "Cet ordinateur",
                "Ouvrir l’organisation de démonstration",
                "Se connecter",
            ),
            _ => ("This computer", "Open the demo organization", "Sign in"),
        };
        ui.click(this_computer).await;
        ui.click(open_demo).await;
        if user != "demo" {
            ui.replace_in("user-id", user).await;
        }
        ui.click(sign_in).await;
        ui
    }
}

impl Drop for Ui {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

pub fn rand_suffix() -> String {
    sesame_core::domain::generate_token()[..8].to_owned()
}
