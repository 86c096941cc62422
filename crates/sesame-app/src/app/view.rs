//! What the app shows: the banner, a toast for saved documents, the current screen, and the
//! About dialog over it.

use iced::widget::{column, container, row, space, text};
use iced::{Alignment, Element, Length};

use super::{App, Message, Screen, ThemeOption};
use crate::a11y::Role;
use crate::screen::Destination;
use crate::screen::home;
use crate::widget;
use sesame_core::domain::Language;

/// Below this width (in the app's units), the banner takes more lines.
const NARROW: f32 = 820.0;

impl App {
    fn toast_bar(&self) -> Element<'_, Message> {
        let Some(toast) = &self.toast else {
            return container(iced::widget::space()).into();
        };
        let mut bar = row![container(toast.notice.view()).width(Length::Fill)]
            .spacing(8)
            .align_y(Alignment::Center);
        if let Some(p) = &toast.file {
            bar = bar.push(widget::secondary(
                self.locale.t("action-open"),
                Some(Message::OpenDocument(p.clone())),
            ));
        }
        bar = bar.push(widget::secondary(
            self.locale.t("action-dismiss"),
            Some(Message::CloseToast),
        ));
        container(bar).padding([6, 16]).into()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body = self.body();
        // The toast's place is kept when it is empty, so that the screen below it keeps its
        // widgets' state (focus, scroll) when a toast comes or goes.
        let page = column![
            widget::role(Role::Banner, self.locale.t("a11y-banner"), self.banner()),
            self.toast_bar()
        ];
        let main = container(body).width(Length::Fill).height(Length::Fill);
        let page: Element<'_, Message> = page
            .push(widget::role(Role::Main, self.title(), main))
            .into();
        if let Some(d) = &self.printing {
            let (title, body, buttons) = d.parts(self.locale);
            let wrap = |m| Message::Printing(super::Printing::Dialog(m));
            let buttons = buttons.into_iter().map(|b| b.map(wrap)).collect();
            return widget::dialog(page, title, body.map(wrap), buttons);
        }
        if self.about {
            widget::dialog(
                page,
                self.locale.t("about-title"),
                crate::about::view(self.locale),
                vec![widget::primary(
                    self.locale.t("action-close"),
                    Some(Message::About(false)),
                )],
            )
        } else {
            page
        }
    }

    /// The open screen; a signed-in screen reads the session.
    fn body(&self) -> Element<'_, Message> {
        let l = self.locale;
        match (&self.screen, self.ctx()) {
            // Short forms that scroll when the window is short (a large scale).
            (Screen::Start(s), _) if s.asking() => s.view(l).map(Message::Start),
            (Screen::Start(s), _) => crate::widget::scroll(s.view(l).map(Message::Start)).into(),
            (Screen::SignIn(s), _) => crate::widget::scroll(s.view(l).map(Message::SignIn)).into(),
            (Screen::PasswordChange(s), _) => {
                crate::widget::scroll(s.view(l).map(Message::PasswordChange)).into()
            }
            (_, None) => space().into(),
            (Screen::Home, Some(ctx)) => home::view(ctx).map(Message::Home),
            (Screen::People(s), Some(ctx)) => s.view(ctx).map(Message::People),
            (Screen::Import(s), Some(ctx)) => s.view(ctx).map(Message::Import),
            (Screen::MyAccount(s), Some(ctx)) => s.view(ctx).map(Message::MyAccount),
            (Screen::ServiceUsers(s), Some(ctx)) => s.view(ctx).map(Message::ServiceUsers),
            (Screen::Structures(s), Some(ctx)) => s.view(ctx).map(Message::Structures),
            (Screen::Outbox(s), Some(ctx)) => s.view(ctx).map(Message::Outbox),
            (Screen::Roles(s), Some(ctx)) => s.view(ctx).map(Message::Roles),
            (Screen::Contacts(s), Some(ctx)) => s.view(ctx).map(Message::Contacts),
            (Screen::Audit(s), Some(ctx)) => s.view(ctx).map(Message::Audit),
        }
    }

    /// The navigation banner: Your file, Identification → User follow-up, My account; the
    /// language and theme on every screen.
    fn banner(&self) -> Element<'_, Message> {
        let signed_in = self
            .me()
            .filter(|m| !m.must_change_password)
            .filter(|_| !matches!(self.screen, Screen::SignIn(_) | Screen::Start(_)));
        let settings = self.banner_settings(signed_in.is_some());
        // Small (a large scale): one line, the screens in a menu. Narrow: the links on their
        // lines, the settings under them, each flowing onto more lines as needed. Wide: one
        // line, the settings on the right.
        let nav: Element<'_, Message> = if self.compact() {
            self.nav_menu(signed_in)
                .push(space().width(Length::Fill))
                .push(settings)
                .into()
        } else if self.layout_width() < NARROW {
            let nav = self.nav_links(signed_in);
            column![
                nav.wrap().vertical_spacing(6),
                settings.wrap().vertical_spacing(6)
            ]
            .spacing(6)
            .into()
        } else {
            let nav = self.nav_links(signed_in);
            nav.push(space().width(Length::Fill)).push(settings).into()
        };
        container(nav)
            .padding(if self.compact() { [4, 8] } else { [8, 16] })
            .width(Length::Fill)
            .style(container::rounded_box)
            .into()
    }

    /// "Sesame", then the screens this person may open.
    fn nav_links(
        &self,
        signed_in: Option<&sesame_core::api::Me>,
    ) -> iced::widget::Row<'_, Message> {
        let l = self.locale;
        let mut nav = row![text("Sesame").size(20)]
            .spacing(14)
            .align_y(Alignment::Center);
        let Some(me) = signed_in else {
            return nav;
        };
        for (key, to) in destinations(me) {
            nav = nav.push(widget::link(l.t(key), Some(Message::Go(to))));
        }
        nav
    }

    /// The screens this person may open, in a menu (a small window: the window's title says
    /// "Sesame", the banner keeps its room for the settings).
    fn nav_menu(&self, signed_in: Option<&sesame_core::api::Me>) -> iced::widget::Row<'_, Message> {
        let l = self.locale;
        let nav = row![].spacing(10).align_y(Alignment::Center);
        let Some(me) = signed_in else {
            return nav;
        };
        let places: Vec<Place> = destinations(me)
            .into_iter()
            .map(|(key, to)| Place(to, l.t(key)))
            .collect();
        let here = self.destination();
        let current = places.iter().find(|p| Some(p.0) == here).cloned();
        nav.push(
            widget::menu_with(places, current, l.t("nav-go-to"), |p| Message::Go(p.0))
                .name(l.t("a11y-banner"))
                .id("navigation"),
        )
    }

    /// The banner's destination of the open screen, if it has one.
    fn destination(&self) -> Option<Destination> {
        Some(match self.screen {
            Screen::Home => Destination::Home,
            Screen::People(_) | Screen::Import(_) => Destination::People,
            Screen::Structures(_) => Destination::Structures,
            Screen::ServiceUsers(_) => Destination::ServiceUsers,
            Screen::MyAccount(_) => Destination::MyAccount,
            _ => return None,
        })
    }
}

/// A screen in the banner's menu.
#[derive(Debug, Clone, PartialEq)]
struct Place(Destination, String);

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1)
    }
}

/// The screens the banner leads to for `me`, with their titles' keys.
fn destinations(me: &sesame_core::api::Me) -> Vec<(&'static str, Destination)> {
    // "Identification" leads to the user follow-up, as in the portals Sesame replaces.
    let links = [
        ("nav-your-file", Destination::Home, true),
        (
            "nav-identification",
            Destination::People,
            me.rights.list_people,
        ),
        (
            "nav-structures",
            Destination::Structures,
            me.rights.see_structures,
        ),
        (
            "nav-service-users",
            Destination::ServiceUsers,
            me.rights.manage_service_users,
        ),
        ("nav-my-account", Destination::MyAccount, true),
    ];
    links
        .into_iter()
        .filter(|(_, _, shown)| *shown)
        .map(|(key, to, _)| (key, to))
        .collect()
}

impl App {
    /// The theme (before sign-in: signed in, it is chosen in My account with this computer's
    /// other settings), the other language, and Sign out or About.
    fn banner_settings(&self, signed_in: bool) -> iced::widget::Row<'_, Message> {
        let l = self.locale;
        let mut settings = row![].spacing(14).align_y(Alignment::Center);
        if !signed_in {
            settings = settings.push(
                crate::widget::menu(
                    ThemeOption::all(l),
                    Some(ThemeOption(self.settings.theme, l)),
                    Message::Theme,
                )
                .name(l.t("a11y-theme"))
                .id("theme"),
            );
        }
        // One click switches to the other language, from every screen.
        let other = match l.language {
            Language::En => Language::Fr,
            Language::Fr => Language::En,
        };
        settings = settings.push(widget::link(
            other.to_string(),
            Some(Message::Language(other)),
        ));
        if signed_in {
            settings.push(widget::link(l.t("nav-sign-out"), Some(Message::SignOut)))
        } else {
            settings.push(widget::link(l.t("nav-about"), Some(Message::About(true))))
        }
    }
}
