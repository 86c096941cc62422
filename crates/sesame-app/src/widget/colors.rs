//! Every colour the app draws text or focus with, per theme, in one place, so that a test can
//! check each pair reads well: text at least 4.5:1 against its background, the focus ring at
//! least 3:1 (WCAG 2.1 AA, as EN 301 549 asks of software).

use iced::theme::palette::{Extended, Pair};
use iced::theme::{Mode, Palette, Theme};
use iced::{Color, color};

/// The name of the high-contrast themes; the widgets recognize them by it.
const HIGH_CONTRAST: &str = "Sesame high contrast";

/// The theme of a setting, where `System` takes the system's light or dark mode. Sesame's
/// own palettes: iced's primary blue leaves white text below 4.5:1.
pub fn theme(choice: crate::settings::ThemeChoice, system: Mode) -> Theme {
    use crate::settings::ThemeChoice;
    let blue = color!(0x4752c4);
    match choice {
        ThemeChoice::System if system == Mode::Dark => theme(ThemeChoice::Dark, system),
        ThemeChoice::System | ThemeChoice::Light => sesame(
            "Sesame light",
            Palette {
                primary: blue,
                ..Palette::LIGHT
            },
        ),
        ThemeChoice::Dark => sesame(
            "Sesame dark",
            Palette {
                primary: blue,
                ..Palette::DARK
            },
        ),
        ThemeChoice::HighContrastLight => Theme::custom(
            format!("{HIGH_CONTRAST}, light"),
            Palette {
                background: Color::WHITE,
                text: Color::BLACK,
                primary: color!(0x0033a0),
                success: color!(0x005a1e),
                warning: color!(0x6b4200),
                danger: color!(0xa00000),
            },
        ),
        ThemeChoice::HighContrastDark => Theme::custom_with_fn(
            format!("{HIGH_CONTRAST}, dark"),
            Palette {
                background: Color::BLACK,
                text: Color::WHITE,
                primary: color!(0xffd400),
                success: color!(0x5cff7a),
                warning: color!(0xffb84d),
                danger: color!(0xff7070),
            },
            |palette| {
                // The generated grey of secondary buttons is too light for white text.
                let mut extended = Extended::generate(palette);
                extended.secondary.base = Pair {
                    color: color!(0x3a3a3a),
                    text: Color::WHITE,
                };
                extended
            },
        ),
    }
}

/// A Sesame theme: the generated strong blue (a hovered primary button, a menu's highlighted
/// value, a focused field's border) is lighter than the base and leaves white text below 4.5:1;
/// a darker one keeps it.
/// On a dark page, the strong blue is a light one with dark text, so that a focused field's
/// border stands out from the page too.
fn sesame(name: &str, palette: Palette) -> Theme {
    Theme::custom_with_fn(name.to_owned(), palette, |palette| {
        let mut extended = Extended::generate(palette);
        extended.primary.strong = if extended.is_dark {
            Pair {
                color: color!(0x9aa5ff),
                text: Color::BLACK,
            }
        } else {
            Pair {
                color: color!(0x343d99),
                text: Color::WHITE,
            }
        };
        extended
    })
}

fn is_dark(theme: &Theme) -> bool {
    theme.extended_palette().is_dark
}

fn is_high_contrast(theme: &Theme) -> bool {
    theme.to_string().starts_with(HIGH_CONTRAST)
}

/// A text colour on its background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    pub text: Color,
    pub background: Color,
}

/// An account status badge.
pub fn badge(theme: &Theme, status: sesame_core::domain::Status) -> Ink {
    use sesame_core::domain::Status;
    if is_high_contrast(theme) {
        let p = theme.palette();
        return Ink {
            text: p.background,
            background: p.text,
        };
    }
    let (text, background) = match (status, is_dark(theme)) {
        (Status::Active, false) => (color!(0x0d5b1f), color!(0xd7f5dd)),
        (Status::Invited, false) => (color!(0x1d3f8c), color!(0xdde8ff)),
        (Status::Suspended, false) => (color!(0x8a2410), color!(0xf3e0dc)),
        (Status::Active, true) => (color!(0xc8f7d2), color!(0x1e4a2a)),
        (Status::Invited, true) => (color!(0xd6e2ff), color!(0x25335a)),
        (Status::Suspended, true) => (color!(0xffd9d0), color!(0x5a2a20)),
    };
    Ink { text, background }
}

/// A message band: an error or a confirmation.
pub fn notice(theme: &Theme, is_error: bool) -> Ink {
    if is_high_contrast(theme) {
        let p = theme.palette();
        return Ink {
            text: if is_error { p.danger } else { p.text },
            background: p.background,
        };
    }
    let (text, background) = match (is_error, is_dark(theme)) {
        (true, false) => (color!(0x8a1020), color!(0xfde7e9)),
        (false, false) => (color!(0x0d5b1f), color!(0xe3f6e6)),
        (true, true) => (color!(0xffd6da), color!(0x5a1d24)),
        (false, true) => (color!(0xcff5d6), color!(0x1d4a28)),
    };
    Ink { text, background }
}

/// A field's error, under the field on the page's background.
pub fn error_text(theme: &Theme) -> Color {
    match (is_high_contrast(theme), is_dark(theme)) {
        (true, _) => theme.palette().danger,
        (false, false) => color!(0xb00020),
        (false, true) => color!(0xff8a8a),
    }
}

/// Something done or protected (the 2FA shield), on the page's background.
pub fn success_text(theme: &Theme) -> Color {
    match (is_high_contrast(theme), is_dark(theme)) {
        (true, _) => theme.palette().success,
        (false, false) => color!(0x147a2e),
        (false, true) => color!(0x7ee08f),
    }
}

/// Secondary text (what is absent, hints), still readable.
pub fn muted_text(theme: &Theme) -> Color {
    match (is_high_contrast(theme), is_dark(theme)) {
        (true, _) => theme.palette().text,
        (false, false) => color!(0x5f6368),
        (false, true) => color!(0xb0b3b8),
    }
}

/// The focus ring.
pub fn focus(theme: &Theme) -> Color {
    match (is_high_contrast(theme), is_dark(theme)) {
        (true, _) => theme.palette().primary,
        (false, false) => color!(0x1a3fbf),
        (false, true) => color!(0x9db4ff),
    }
}

/// The large choice cards of the start screen and "Your file": background and border.
pub fn card(theme: &Theme, hovered: bool) -> (Color, Color) {
    let p = theme.extended_palette();
    if is_high_contrast(theme) {
        let border = if hovered {
            focus(theme)
        } else {
            p.background.base.text
        };
        return (p.background.base.color, border);
    }
    match (is_dark(theme), hovered) {
        (false, false) => (color!(0xf5f6f8), color!(0xd5d8de)),
        (false, true) => (color!(0xe8efff), p.primary.base.color),
        (true, false) => (color!(0x2b2d31), color!(0x45484f)),
        (true, true) => (color!(0x2f3a52), p.primary.base.color),
    }
}

#[cfg(test)]
mod tests;

/// A text field: its border seen at 3:1 or more against the page (a field people can find), and
/// when it has the keyboard, the focus ring's colour, twice as thick.
pub fn field(
    theme: &Theme,
    status: iced::widget::text_input::Status,
) -> iced::widget::text_input::Style {
    use iced::widget::text_input::{Status, default};
    let mut style = default(theme, status);
    style.border.color = match status {
        Status::Focused { .. } => focus(theme),
        Status::Disabled => style.border.color,
        _ => field_border(theme),
    };
    if let Status::Focused { .. } = status {
        style.border.width = 2.0;
    }
    style
}

/// A field's border at rest: 3:1 or more against the page.
fn field_border(theme: &Theme) -> Color {
    match (is_high_contrast(theme), is_dark(theme)) {
        (true, _) => theme.palette().text,
        (false, false) => color!(0x8a8d91),
        (false, true) => color!(0x8b8f96),
    }
}
