//! "Your file": the home page after sign-in.

use super::Destination;
use iced::widget::{column, container, row, text};
use iced::{Element, Length};

use super::Ctx;

#[derive(Debug, Clone)]
pub enum Message {
    Open(Destination),
    About,
}

/// One choice of "Your file", three to a line.
fn tile<'a>(title: String, detail: String, on_press: Message) -> Element<'a, Message> {
    container(crate::widget::choice(title, detail, on_press))
        .width(284)
        .height(Length::Shrink)
        .into()
}

pub fn view<'a>(ctx: Ctx<'_>) -> Element<'a, Message> {
    let l = ctx.locale;
    let me = ctx.me;
    let name = format!("{} {}", me.first_name, me.last_name);
    let level = me.level.map(|lv| l.level(lv)).unwrap_or_default();
    let r = &me.rights;
    // Each choice, the right that offers it, its title and its line of detail.
    let choices = [
        (
            r.list_people,
            Destination::People,
            "nav-user-follow-up",
            "home-user-follow-up-detail",
        ),
        (
            true,
            Destination::MyAccount,
            "nav-my-account",
            "home-my-account-detail",
        ),
        (
            r.manage_contacts,
            Destination::Contacts,
            "contacts-title",
            "home-contacts-detail",
        ),
        (
            r.list_people,
            Destination::Roles,
            "roles-title",
            "home-roles-detail",
        ),
        (
            r.read_audit,
            Destination::Audit,
            "audit-title",
            "home-audit-detail",
        ),
        (
            r.read_outbox,
            Destination::Outbox,
            "outbox-title",
            "home-outbox-detail",
        ),
    ];
    let tiles = choices.into_iter().filter(|(offered, ..)| *offered).fold(
        row![].spacing(16),
        |tiles, (_, to, title, detail)| {
            tiles.push(tile(l.t(title), l.t(detail), Message::Open(to)))
        },
    );
    let page = container(
        column![
            crate::widget::title(l.t("home-title")),
            text(l.t_with(
                "home-welcome",
                &[
                    ("name", &name),
                    ("organization", &me.organization.name),
                    ("code", &me.organization.code)
                ]
            )),
            text(l.t_with("home-level", &[("level", &level)])).size(14),
            tiles.wrap().vertical_spacing(16),
            crate::widget::link(l.t("nav-about"), Some(Message::About)),
        ]
        .spacing(16)
        .max_width(900),
    )
    .padding(30)
    .width(Length::Fill);
    crate::widget::scroll(page).height(Length::Fill).into()
}
