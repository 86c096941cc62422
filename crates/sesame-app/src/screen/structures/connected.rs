//! "Connected users": the people and accounts that reach a structure and how — its primary
//! manager and those of the structures above it, the level-1 users, the technical users acting
//! for them, and the service users whose access covers it — as the server lists them.

use iced::widget::{column, row, text};
use iced::{Alignment, Element, Length};

use crate::locale::Locale;
use crate::widget::badge;
use sesame_core::api::{ConnectedUsers, ConnectedVia, StructureRef};
use sesame_core::domain::Status;

/// Why an account reaches the structure, in words.
fn via(l: Locale, here: i64, via: ConnectedVia, through: Option<&StructureRef>) -> String {
    match (via, through) {
        (ConnectedVia::PrimaryManager, None) => l.t("connected-via-manager"),
        (ConnectedVia::PrimaryManager, Some(s)) => {
            l.t_with("connected-via-manager-above", &[("structure", &s.name)])
        }
        (ConnectedVia::LevelOne, _) => l.t("connected-via-level-one"),
        (ConnectedVia::TechnicalUser, Some(s)) if s.id != here => {
            l.t_with("connected-via-technical", &[("structure", &s.name)])
        }
        (ConnectedVia::TechnicalUser, _) => l.t("connected-via-technical-here"),
        (ConnectedVia::ServiceAccess, Some(s)) => {
            l.t_with("connected-via-service", &[("structure", &s.name)])
        }
        (ConnectedVia::ServiceAccess, None) => l.t("connected-via-service-all"),
    }
}

fn line<'a, M: 'a>(l: Locale, who: String, how: String, status: Status) -> Element<'a, M> {
    let mut r = row![
        text(who).size(14).width(Length::FillPortion(3)),
        text(how).size(13).width(Length::FillPortion(3)),
    ]
    .spacing(10)
    .align_y(Alignment::Center);
    if status != Status::Active {
        r = r.push(badge(l, status));
    }
    r.into()
}

/// The list, people first, then technical and service users.
pub fn view<'a, M: 'a>(l: Locale, c: &ConnectedUsers) -> Element<'a, M> {
    let here = c.structure.id;
    let mut list = column![text(l.t("connected-intro")).size(14)].spacing(6);
    for p in &c.people {
        let who = format!(
            "{} {} ({})",
            p.person.first_name, p.person.last_name, p.person.user_id
        );
        list = list.push(line(
            l,
            who,
            via(l, here, p.via, p.through.as_ref()),
            p.status,
        ));
    }
    for a in c.technical_users.iter().chain(&c.service_users) {
        let who = if a.application.is_empty() {
            a.user_id.clone()
        } else {
            format!("{} ({})", a.user_id, a.application)
        };
        list = list.push(line(
            l,
            who,
            via(l, here, a.via, a.through.as_ref()),
            a.status,
        ));
    }
    if c.people.is_empty() && c.technical_users.is_empty() && c.service_users.is_empty() {
        list = list.push(text(l.t("connected-none")).size(14));
    }
    list.into()
}
