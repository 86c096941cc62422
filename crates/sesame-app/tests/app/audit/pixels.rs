//! The audit's checks on the frame's pixels: the focus seen, in the light and the dark theme.

use super::Report;
use crate::harness::Ui;
use sesame_app::a11y::{Role, Tree};

/// The two themes the pixels are checked in.
pub(super) fn themes() -> [(&'static str, iced::Theme); 2] {
    use sesame_app::settings::ThemeChoice;
    use sesame_app::widget::colors::theme;
    [
        ("light", theme(ThemeChoice::Light, iced::theme::Mode::None)),
        ("dark", theme(ThemeChoice::Dark, iced::theme::Mode::None)),
    ]
}

/// The focused control's ring (or a field's focused border) stands out from what is around it:
/// at least 3:1, measured on the frame's pixels, where the ring is drawn and just outside it.
pub(super) fn ring_contrast(
    ui: &mut Ui,
    tree: &Tree,
    theme: (&str, &iced::Theme),
    report: &mut Report,
    at: &str,
) {
    let Some(f) = tree.focused() else {
        return;
    };
    let n = &tree.nodes[f];
    let frame = ui.frame(theme.1);
    let b = n.bounds;
    let y = b.y + b.height / 2.0;
    // A field shows its focus on its border; the other controls on a ring 2 units outside.
    let (ring, outside) = match n.role {
        Role::TextInput | Role::PasswordInput => (0.5, -2.5),
        _ => (-1.0, -4.0),
    };
    // The left edge, or the right one for a control at the window's left edge.
    let (ring_at, out_at) = if b.x + outside >= 0.0 {
        (b.x + ring, b.x + outside)
    } else {
        (b.x + b.width - ring, b.x + b.width - outside)
    };
    let (Some(ring), Some(out)) = (frame.at(ring_at, y), frame.at(out_at, y)) else {
        return;
    };
    report.checks += 1;
    let ratio = contrast(ring, out);
    if ratio < 3.0 {
        report.finding(
            at,
            format!(
                "{} theme: the focus on {:?} contrasts {ratio:.2}:1 with what is around it ({ring:?} on {out:?})",
                theme.0, n.name
            ),
        );
    }
}

/// WCAG's contrast ratio of two colours.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f32 {
    let luminance = |c: [u8; 3]| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
