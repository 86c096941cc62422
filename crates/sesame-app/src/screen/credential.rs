//! What the service users' record and a structure's page share about an API password: its
//! dates with "End the old password now", and the grace period typed.

use iced::Alignment;
use iced::widget::{column, row, text};

use crate::locale::Locale;
use sesame_core::api::PasswordValidity;

/// "The password expires on …", and after a rotation "The old password works until …" with
/// its End button (`end`: its message, `None` when the reader may not end it).
pub fn dates<'a, M: Clone + 'a>(
    l: Locale,
    v: &PasswordValidity,
    end: Option<M>,
) -> iced::widget::Column<'a, M> {
    let expires = match v.password_expires_at {
        Some(d) => l.t_with("record-expires", &[("date", &l.date(d))]),
        None => l.t("record-never-expires"),
    };
    let mut c = column![text(expires)].spacing(8);
    if let Some(until) = v.previous_password_until {
        c = c.push(
            row![
                text(l.t_with("record-previous-until", &[("date", &l.date(until))])),
                crate::widget::danger(l.t("action-end-previous"), end),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        );
    }
    c
}

/// The grace period typed: digits only, two at most.
pub fn grace_digits(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).take(2).collect()
}
