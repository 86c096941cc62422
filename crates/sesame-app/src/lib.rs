//! The desktop app (iced): a small top-level [`app::App`] composing one module per screen.

pub mod about;
pub mod app;
pub mod locale;
pub mod presets;
pub mod print;
pub mod screen;
pub mod settings;
pub mod spreadsheet;
pub mod widget;

use settings::Places;

/// The application, ready to run (or to test with iced_test), with the presets of [`presets`].
pub fn application(
    places: Places,
) -> iced::Application<
    impl iced::Program<State = app::App, Message = app::Message, Theme = iced::Theme>,
> {
    booting(move || app::App::boot(places.clone()))
}

fn booting(
    boot: impl Fn() -> (app::App, iced::Task<app::Message>) + 'static,
) -> iced::Application<
    impl iced::Program<State = app::App, Message = app::Message, Theme = iced::Theme>,
> {
    iced::application(boot, app::App::update, app::App::view)
        .title(app::App::title)
        .theme(app::App::theme)
        .subscription(app::App::subscription)
        .window(window_settings())
        .presets(presets::Preset::ALL.map(presets::Preset::iced))
}

/// The application id: the Wayland app id and X11 WM_CLASS of the window, and the basename of
/// the Linux `.desktop` file (`StartupWMClass`), so the desktop groups the window with its launcher.
pub const APPLICATION_ID: &str = "app.sesame.Sesame";

fn window_settings() -> iced::window::Settings {
    iced::window::Settings {
        size: iced::Size::new(1280.0, 800.0),
        position: iced::window::Position::Centered,
        min_size: Some(iced::Size::new(1024.0, 640.0)),
        icon: about::window_icon(),
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: APPLICATION_ID.to_owned(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Runs the desktop app with the platform's directories.
pub fn run() -> iced::Result {
    locale::init_local_offset();
    sesame_client::install_crypto();
    application(Places::of_this_system()).run()
}

/// Runs the desktop app from a preset, on a folder of its own (never the user's data).
pub fn run_preset(preset: presets::Preset) -> iced::Result {
    locale::init_local_offset();
    sesame_client::install_crypto();
    booting(move || preset.boot()).run()
}
