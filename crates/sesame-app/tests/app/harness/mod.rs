//! The app driven headlessly: iced_test's simulator clicks and types in the real views, and
//! every `Task` the app returns runs for real (the embedded server over HTTP) before the next
//! step. Shared by the desktop test files.
#![allow(dead_code)]

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use futures::StreamExt;
use iced::Task;
use iced_test::{selector, simulator};
use sesame_app::app::{App, Message, Screen};
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

    /// Types into the text input of `id` (after what it holds).
    pub async fn type_in(&mut self, id: &'static str, text: &str) {
        let messages = {
            let mut ui = simulator(self.app.view());
            ui.click(selector::id(id))
                .unwrap_or_else(|e| panic!("no field {id}: {e}"));
            let _ = ui.typewrite(text);
            ui.into_messages().collect::<Vec<_>>()
        };
        self.deliver(messages).await;
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
            ui.type_in("user-id", &"\u{8}".repeat(4)).await;
            ui.send(Message::SignIn(
                sesame_app::screen::sign_in::Message::UserId(user.into()),
            ))
            .await;
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
