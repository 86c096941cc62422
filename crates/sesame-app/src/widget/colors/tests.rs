use super::*;
use crate::settings::ThemeChoice;
use sesame_core::domain::Status;

/// WCAG 2.1 contrast ratio of two colours.
fn contrast(a: Color, b: Color) -> f32 {
    fn channel(c: f32) -> f32 {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let luminance =
        |c: Color| 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn background_of(background: iced::Background) -> Color {
    match background {
        iced::Background::Color(c) => c,
        iced::Background::Gradient(_) => panic!("a gradient behind text"),
    }
}

fn themes() -> Vec<Theme> {
    [
        (ThemeChoice::System, Mode::Light),
        (ThemeChoice::System, Mode::Dark),
        (ThemeChoice::HighContrastLight, Mode::None),
        (ThemeChoice::HighContrastDark, Mode::None),
    ]
    .into_iter()
    .map(|(choice, system)| theme(choice, system))
    .collect()
}

/// Every text the app draws, with its background, in `theme`.
fn text_pairs(theme: &Theme) -> Vec<(String, Color, Color)> {
    let p = theme.extended_palette();
    let page = p.background.base.color;
    let mut pairs = vec![
        ("page".into(), p.background.base.text, page),
        (
            "banner".into(),
            p.background.weak.text,
            p.background.weak.color,
        ),
        (
            "primary button".into(),
            p.primary.base.text,
            p.primary.base.color,
        ),
        (
            "secondary button".into(),
            p.secondary.base.text,
            p.secondary.base.color,
        ),
        (
            "danger button".into(),
            p.danger.base.text,
            p.danger.base.color,
        ),
        ("field error".into(), error_text(theme), page),
        {
            let menu = iced::widget::overlay::menu::default(theme);
            (
                "menu value".into(),
                menu.text_color,
                background_of(menu.background),
            )
        },
        {
            let menu = iced::widget::overlay::menu::default(theme);
            (
                "menu highlighted value".into(),
                menu.selected_text_color,
                background_of(menu.selected_background),
            )
        },
        {
            let closed = crate::widget::dropdown::look(theme, false);
            ("closed menu".into(), closed.text, closed.background)
        },
        {
            let closed = crate::widget::dropdown::look(theme, false);
            (
                "closed menu placeholder".into(),
                closed.placeholder,
                closed.background,
            )
        },
        ("2FA shield".into(), success_text(theme), page),
        ("muted".into(), muted_text(theme), page),
    ];
    for status in [Status::Active, Status::Invited, Status::Suspended] {
        let ink = badge(theme, status);
        pairs.push((format!("badge {status:?}"), ink.text, ink.background));
    }
    for is_error in [true, false] {
        let ink = notice(theme, is_error);
        pairs.push((format!("notice error={is_error}"), ink.text, ink.background));
    }
    for hovered in [false, true] {
        let (background, _) = card(theme, hovered);
        pairs.push((
            format!("card hovered={hovered}"),
            p.background.base.text,
            background,
        ));
    }
    pairs
}

#[test]
fn every_text_reads_on_its_background_in_every_theme() {
    let mut weak = vec![];
    for theme in themes() {
        for (what, text, background) in text_pairs(&theme) {
            let ratio = contrast(text, background);
            if ratio < 4.5 {
                weak.push(format!("{theme}: {what} {ratio:.2}:1"));
            }
        }
    }
    assert!(weak.is_empty(), "below 4.5:1: {weak:#?}");
}

#[test]
fn the_focus_ring_stands_out_from_what_surrounds_it() {
    let mut weak = vec![];
    for theme in themes() {
        let p = theme.extended_palette();
        for (around, background) in [
            ("page", p.background.base.color),
            ("banner", p.background.weak.color),
        ] {
            let ratio = contrast(focus(&theme), background);
            if ratio < 3.0 {
                weak.push(format!("{theme}: ring on {around} {ratio:.2}:1"));
            }
            // A text field shows its focus by its border, in iced's own style.
            let field = iced::widget::text_input::default(
                &theme,
                iced::widget::text_input::Status::Focused { is_hovered: false },
            );
            let ratio = contrast(field.border.color, background);
            if ratio < 3.0 {
                weak.push(format!("{theme}: focused field on {around} {ratio:.2}:1"));
            }
        }
    }
    assert!(weak.is_empty(), "below 3:1: {weak:#?}");
}

#[test]
fn the_contrast_formula_is_the_standard_one() {
    assert!((contrast(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
    assert!((contrast(color!(0x777777), Color::WHITE) - 4.48).abs() < 0.02);
}
