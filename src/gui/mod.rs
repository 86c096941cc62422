//! The desktop app (iced): a small top-level [`app::App`] composing one module per screen.

pub mod app;
pub mod locale;
pub mod print;
pub mod screen;
pub mod settings;
pub mod widget;

use settings::Places;

/// The application, ready to run (or to test with iced_test).
pub fn application(
    places: Places,
) -> iced::Application<
    impl iced::Program<State = app::App, Message = app::Message, Theme = iced::Theme>,
> {
    iced::application(
        move || app::App::boot(places.clone()),
        app::App::update,
        app::App::view,
    )
    .title(app::App::title)
    .theme(app::App::theme)
    .subscription(app::App::subscription)
    .window_size((1280.0, 800.0))
    .centered()
}

/// Runs the desktop app with the platform's directories.
pub fn run() -> iced::Result {
    crate::client::install_crypto();
    application(Places::of_this_system()).run()
}
