//! "Your file": the home page after sign-in.

use super::Destination;
use iced::widget::{column, container, row, scrollable, text};
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
    let mut tiles = row![].spacing(16);
    if me.rights.list_people {
        tiles = tiles.push(tile(
            l.t("nav-user-follow-up"),
            l.t("home-user-follow-up-detail"),
            Message::Open(Destination::People),
        ));
    }
    tiles = tiles.push(tile(
        l.t("nav-my-account"),
        l.t("home-my-account-detail"),
        Message::Open(Destination::MyAccount),
    ));
    if me.rights.manage_contacts {
        tiles = tiles.push(tile(
            l.t("contacts-title"),
            l.t("home-contacts-detail"),
            Message::Open(Destination::Contacts),
        ));
    }
    if me.rights.list_people {
        tiles = tiles.push(tile(
            l.t("roles-title"),
            l.t("home-roles-detail"),
            Message::Open(Destination::Roles),
        ));
    }
    if me.rights.read_audit {
        tiles = tiles.push(tile(
            l.t("audit-title"),
            l.t("home-audit-detail"),
            Message::Open(Destination::Audit),
        ));
    }
    if me.rights.read_outbox {
        tiles = tiles.push(tile(
            l.t("outbox-title"),
            l.t("home-outbox-detail"),
            Message::Open(Destination::Outbox),
        ));
    }
    let page = container(
        column![
            text(l.t("home-title")).size(28),
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
    scrollable(page).height(Length::Fill).into()
}
