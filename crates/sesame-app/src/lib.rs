//! The desktop app (iced): a small top-level [`app::App`] composing one module per screen.

pub mod a11y;
pub mod about;
pub mod app;
pub mod locale;
pub mod memory;
pub mod presets;
pub mod print;
pub mod printing;
pub mod renderer;
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
    let boot = move || {
        let (mut app, task) = boot();
        let reader = app.start_reader();
        (app, iced::Task::batch([task, reader, fit_window()]))
    };
    iced::application(boot, app::App::update, app::App::view)
        .title(app::App::title)
        .theme(app::App::theme)
        .scale_factor(app::App::scale_factor)
        .subscription(app::App::subscription)
        .window(window_settings())
        .presets(presets::Preset::ALL.map(presets::Preset::iced))
}

/// The application id: the Wayland app id and X11 WM_CLASS of the window, and the basename of
/// the Linux `.desktop` file (`StartupWMClass`), so the desktop groups the window with its launcher.
pub const APPLICATION_ID: &str = "app.sesame.Sesame";

/// The window's size on a screen that has room for it.
const WINDOW: iced::Size = iced::Size::new(1280.0, 800.0);

/// A window larger than the screen would open partly off it (its banner out of reach): on a
/// small screen it takes the whole screen instead.
fn fit_window() -> iced::Task<app::Message> {
    use iced::window;
    window::latest().and_then(|id| {
        window::monitor_size(id).then(move |screen| match screen {
            Some(s) if s.width < WINDOW.width || s.height < WINDOW.height => iced::Task::batch([
                window::move_to(id, iced::Point::ORIGIN),
                window::resize(id, s),
                window::maximize(id, true),
            ]),
            _ => iced::Task::none(),
        })
    })
}

fn window_settings() -> iced::window::Settings {
    iced::window::Settings {
        size: WINDOW,
        position: iced::window::Position::Centered,
        min_size: Some(iced::Size::new(1024.0, 640.0)),
        // Closing asks first when a record has changes not saved (see `Message::CloseRequested`).
        exit_on_close_request: false,
        // Shown once the screen reader's bridge is on it, where the system requires that.
        visible: !a11y::bridge::OPENS_HIDDEN,
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
