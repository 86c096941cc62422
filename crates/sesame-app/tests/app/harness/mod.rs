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
use iced_runtime::user_interface::{Cache, UserInterface};
use iced_test::selector::Candidate;
use iced_test::{Simulator, selector, simulator};
use sesame_app::app::{App, Message, Screen, shortcut_of};
use sesame_app::settings::Places;

mod frame;
mod in_view;
mod printing;
pub use printing::{decrypted, protected_pdf};
pub mod sheets;

use in_view::InView;

pub struct Ui {
    pub app: App,
    pub home: PathBuf,
    pub clipboard: Vec<String>,
    /// The app asked to quit.
    pub exited: bool,
    window: Window,
}

/// The app's window as the running program keeps it from frame to frame: the widgets' state
/// (which control has the focus, what a field holds selected) survives each update, and the
/// focus operations the app returns reach it. Keyboard steps go through it.
struct Window {
    cache: Option<Cache>,
    renderer: iced::Renderer,
    /// The window's size in the app's units (after its scale).
    size: iced::Size,
    /// The interface's scale (pixels per unit).
    scale: f32,
}

impl Window {
    fn new() -> Window {
        use iced::advanced::renderer::Headless;
        let renderer = futures::executor::block_on(iced::Renderer::new(
            // The app's own font: what the tests measure is what people see.
            iced::Font::DEFAULT,
            iced::Pixels(16.0),
            std::env::var("ICED_TEST_BACKEND").ok().as_deref(),
        ))
        .expect("a headless renderer");
        Window {
            cache: None,
            renderer,
            size: WINDOW,
            scale: 1.0,
        }
    }
}

/// The smallest window the app is made for.
const WINDOW: iced::Size = iced::Size::new(1024.0, 700.0);

impl Ui {
    pub async fn start(language: &str) -> Ui {
        Ui::start_at(language, 100).await
    }

    /// Starts with the interface at `scale` percent.
    pub async fn start_at(language: &str, scale: u16) -> Ui {
        sesame_client::install_crypto();
        let home = std::env::temp_dir().join(format!(
            "sesame_gui_{}_{}",
            std::process::id(),
            rand_suffix()
        ));
        let (app, task) = App::boot(settings_in(&home, language, scale));
        let mut ui = Ui {
            app,
            home,
            clipboard: vec![],
            exited: false,
            window: Window::new(),
        };
        ui.run(task).await;
        ui
    }

    /// Quits and starts the app again on the same folder (settings and database kept).
    pub async fn restart(&mut self) {
        let (app, task) = App::boot(Places::in_folder(&self.home));
        self.app = app;
        self.window = Window::new();
        self.run(task).await;
    }

    /// Boots from a preset (on a fresh folder of its own) and runs its preparation.
    pub async fn preset(preset: sesame_app::presets::Preset) -> Ui {
        Ui::preset_with(preset, None).await
    }

    /// [`Ui::preset`] in `language`, the interface at `scale` percent.
    pub async fn preset_at(preset: sesame_app::presets::Preset, language: &str, scale: u16) -> Ui {
        Ui::preset_with(preset, Some((language, scale))).await
    }

    async fn preset_with(preset: sesame_app::presets::Preset, with: Option<(&str, u16)>) -> Ui {
        sesame_client::install_crypto();
        let home = std::env::temp_dir().join(format!(
            "sesame_preset_{}_{}",
            std::process::id(),
            rand_suffix()
        ));
        if let Some((language, scale)) = with {
            settings_in(&home, language, scale);
        }
        let (app, task) = preset.boot_in(home.clone());
        let mut ui = Ui {
            app,
            home,
            clipboard: vec![],
            exited: false,
            window: Window::new(),
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
                    iced_runtime::Action::Widget(operation) => self.operate(operation),
                    iced_runtime::Action::Window(iced_runtime::window::Action::RedrawAll) => {
                        self.keys(vec![frame::redraw()]).await;
                    }
                    iced_runtime::Action::Exit => self.exited = true,
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

    /// Runs a widget operation (focus, focus next) on the window, as the runtime does.
    fn operate(&mut self, operation: Box<dyn iced::advanced::widget::Operation>) {
        let mut next = Some(operation);
        while let Some(mut operation) = next.take() {
            self.in_window(|ui, renderer| ui.operate(renderer, operation.as_mut()));
            if let iced::advanced::widget::operation::Outcome::Chain(chained) = operation.finish() {
                next = Some(chained);
            }
        }
    }

    /// Builds the window's interface from the current view and its kept state, runs `f` on
    /// it, and keeps the state for the next step.
    fn in_window<T>(
        &mut self,
        f: impl FnOnce(
            &mut UserInterface<'_, Message, iced::Theme, iced::Renderer>,
            &mut iced::Renderer,
        ) -> T,
    ) -> T {
        let cache = self.window.cache.take().unwrap_or_default();
        let renderer = &mut self.window.renderer;
        let mut ui = UserInterface::build(self.app.view(), self.window.size, cache, renderer);
        let out = f(&mut ui, renderer);
        self.window.cache = Some(ui.into_cache());
        out
    }

    /// Sends keyboard events to the window; the app's shortcuts see each with the status the
    /// view gave it, as the running app's subscription does.
    async fn keys(&mut self, events: Vec<iced::Event>) {
        for event in events {
            let (mut messages, status) = self.in_window(|ui, renderer| {
                let mut messages = vec![];
                let (_, statuses) = ui.update(
                    std::slice::from_ref(&event),
                    iced::mouse::Cursor::Unavailable,
                    renderer,
                    &mut iced::advanced::clipboard::Null,
                    &mut messages,
                );
                (messages, statuses.first().copied())
            });
            messages.extend(shortcut_of(
                event,
                status.unwrap_or(iced::event::Status::Ignored),
                iced::window::Id::unique(),
            ));
            self.deliver(messages).await;
        }
    }

    /// Types `text` where the keyboard focus is.
    pub async fn type_keys(&mut self, text: &str) {
        self.keys(iced_test::simulator::typewrite(text).collect())
            .await;
    }

    /// Tab (or Shift+Tab when `back`).
    pub async fn tab(&mut self, back: bool) {
        let modifiers = if back {
            iced::keyboard::Modifiers::SHIFT
        } else {
            iced::keyboard::Modifiers::default()
        };
        self.keys(vec![key_pressed(Key::Named(Named::Tab), modifiers)])
            .await;
    }

    /// Ctrl+A where the keyboard is (a text field selects all it holds).
    pub async fn select_all(&mut self) {
        use iced::keyboard::{Event, Modifiers};
        self.keys(vec![
            iced::Event::Keyboard(Event::ModifiersChanged(Modifiers::COMMAND)),
            key_pressed(Key::Character("a".into()), Modifiers::COMMAND),
            iced::Event::Keyboard(Event::ModifiersChanged(Modifiers::default())),
        ])
        .await;
    }

    /// Presses Tab until the control `id` has the focus (at most 60 times).
    pub async fn tab_to(&mut self, id: &str) {
        let wanted = format!("{:?}", iced::widget::Id::from(id.to_owned()));
        for _ in 0..60 {
            if self.focused().as_deref() == Some(wanted.as_str()) {
                return;
            }
            self.tab(false).await;
        }
        panic!("Tab never reaches {id} (at {:?})", self.focused());
    }

    /// Whether the control `id` shows in the window as it is now scrolled: inside the window
    /// and inside every scrolled area around it.
    pub fn in_view(&mut self, id: &str) -> bool {
        let mut seek = InView {
            id: iced::widget::Id::from(id.to_owned()),
            around: vec![],
            entering: None,
            seen: None,
        };
        self.in_window(|ui, renderer| ui.operate(renderer, &mut seek));
        seek.seen.unwrap_or_else(|| panic!("no control {id}"))
    }

    /// What is on screen, as a screen reader reads it.
    pub fn tree(&mut self) -> sesame_app::a11y::Tree {
        let mut collect = sesame_app::a11y::Collect::new(self.window.size);
        self.in_window(|ui, renderer| ui.operate(renderer, &mut collect));
        collect.tree()
    }

    /// The id of the control that has the keyboard focus, if it has one.
    pub fn focused(&mut self) -> Option<String> {
        let found = std::sync::Arc::new(std::sync::Mutex::new(None));
        let sink = found.clone();
        let mut operation = iced::advanced::widget::operation::map(
            iced_test::Selector::find(selector::is_focused()),
            move |target| *sink.lock().unwrap() = target,
        );
        self.in_window(|ui, renderer| ui.operate(renderer, &mut operation));
        let _ = iced::advanced::widget::Operation::finish(&operation);
        let target = found.lock().unwrap().take()?;
        let id = match target {
            iced_test::selector::Target::Focusable { id, .. }
            | iced_test::selector::Target::TextInput { id, .. } => id?,
            _ => return None,
        };
        Some(format!("{id:?}"))
    }

    pub async fn deliver(&mut self, messages: Vec<Message>) {
        for m in messages {
            self.send(m).await;
        }
    }

    /// Opens a screen from the banner: its link, or in a small window its menu.
    pub async fn navigate(&mut self, label: &str) {
        if self.sees(label) {
            self.click(label).await;
        } else {
            self.choose("navigation", label).await;
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

    /// Presses Enter in the text input of `id`.
    pub async fn enter_in(&mut self, id: &str) {
        self.on(id, |ui| {
            ui.tap_key(Named::Enter);
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

    /// Chooses `label` in the menu `id` as a keyboard user does in its open list: up to the
    /// first value, then down until it shows.
    pub async fn choose(&mut self, id: &str, label: &str) {
        for key in [Named::ArrowUp, Named::ArrowDown] {
            while self.menu_value(id).as_deref() != Some(label) {
                let before = self.menu_value(id);
                // The click opens the list on the current value; the arrow moves; Enter takes.
                self.on(id, |ui| {
                    ui.tap_key(key);
                    ui.tap_key(Named::Enter);
                })
                .await;
                if self.menu_value(id) == before {
                    break;
                }
            }
        }
        assert_eq!(
            self.menu_value(id).as_deref(),
            Some(label),
            "{label:?} is not in the menu {id}"
        );
    }

    /// Presses Space on the control `id` (ticks a checkbox, presses a button).
    pub async fn space_on(&mut self, id: &str) {
        assert!(
            self.key_on(id, Named::Space).await,
            "Space did nothing on {id}"
        );
    }

    /// Presses a key in the window.
    pub async fn press(&mut self, key: Named) {
        self.keys(vec![key_pressed(
            Key::Named(key),
            iced::keyboard::Modifiers::default(),
        )])
        .await;
    }

    /// Ctrl (Cmd) with a letter.
    pub async fn press_command(&mut self, letter: &str) {
        self.keys(vec![key_pressed(
            Key::Character(letter.into()),
            iced::keyboard::Modifiers::COMMAND,
        )])
        .await;
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

    /// The window resized to `width` × `height` pixels, the interface at `scale` percent.
    pub async fn resize(&mut self, width: f32, height: f32, scale: u16) {
        let factor = f32::from(scale) / 100.0;
        self.window.size = iced::Size::new(width / factor, height / factor);
        self.window.scale = factor;
        // As iced tells it: in the app's units.
        self.send(Message::Resized(self.window.size)).await;
    }

    /// Opens the demo organization on "This computer" and signs in as `user`.
    pub async fn demo_as(language: &str, user: &str) -> Ui {
        Ui::demo_at(language, user, 100).await
    }

    /// [`Ui::demo_as`], the interface at `scale` percent.
    pub async fn demo_at(language: &str, user: &str, scale: u16) -> Ui {
        let mut ui = Ui::start_at(language, scale).await;
        ui.open_demo(language, user).await;
        ui
    }

    /// [`Ui::demo_as`], the user follow-up holding at most `most` accounts (the settings
    /// file's `held_people`): past that, it asks the server.
    pub async fn demo_holding(language: &str, user: &str, scale: u16, most: usize) -> Ui {
        let mut ui = Ui::start_at(language, scale).await;
        let settings = format!(
            "{{\"language\": \"{language}\", \"scale\": {scale}, \"held_people\": {most}}}"
        );
        std::fs::write(Places::in_folder(&ui.home).settings_file(), settings).unwrap();
        ui.restart().await;
        ui.open_demo(language, user).await;
        ui
    }

    async fn open_demo(&mut self, language: &str, user: &str) {
        let ui = self;
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
    }
}

impl Drop for Ui {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// A key press as a keyboard sends it.
fn key_pressed(key: Key, modifiers: iced::keyboard::Modifiers) -> iced::Event {
    iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: iced::keyboard::key::Physical::Unidentified(
            iced::keyboard::key::NativeCode::Unidentified,
        ),
        location: iced::keyboard::Location::Standard,
        modifiers,
        repeat: false,
        text: None,
    })
}

/// The app's folder at `home`, its settings saying `language` and `scale` percent.
fn settings_in(home: &std::path::Path, language: &str, scale: u16) -> Places {
    let places = Places::in_folder(home);
    std::fs::create_dir_all(&places.config).unwrap();
    let settings = format!("{{\"language\": \"{language}\", \"scale\": {scale}}}");
    std::fs::write(places.settings_file(), settings).unwrap();
    places
}

pub fn rand_suffix() -> String {
    sesame_core::domain::generate_token()[..8].to_owned()
}
