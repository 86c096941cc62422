//! What the Structures screen shows: the tree beside the selected structure's page, its
//! technical user, the input and summary of a technical user's creation.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length};
use sesame_core::i18n::keys::TextKey;

use super::{Message, Mode, Structures, connected, edit, placement, technical, tree_rows};
use crate::locale::Locale;
use crate::screen::Ctx;
use crate::widget::{heading, labelled, notice, primary, secondary};
use sesame_core::api::{Structure, TechnicalUser};
use sesame_core::domain::rules::StructureAction;

impl Structures {
    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let tree =
            tree_rows(&self.structures)
                .into_iter()
                .fold(column![].spacing(2), |c, (s, depth)| {
                    let label = text(s.name.clone()).size(if Some(s.id) == self.selected {
                        16
                    } else {
                        14
                    });
                    c.push(
                        container(
                            crate::widget::Focus::new(
                                button(label)
                                    .style(button::text)
                                    .padding([3, 6])
                                    .on_press(Message::Select(s.id)),
                            )
                            .on_activate(Some(Message::Select(s.id))),
                        )
                        .padding(iced::Padding {
                            left: depth as f32 * 20.0,
                            ..iced::Padding::ZERO
                        }),
                    )
                });
        let mut side = column![heading(t("structures-tree"))].spacing(10);
        if ctx.me.rights.manage_structures {
            side = side.push(secondary(
                t("structures-new-company"),
                Some(Message::Edit(edit::Message::NewCompany)),
            ));
        }
        side = side.push(
            crate::widget::button_for(
                crate::widget::Look::Secondary,
                t("health-open"),
                Some(Message::OpenHealth),
            )
            .id("health-open"),
        );
        // Small window: the tree and the page one under the other, the screen scrolling whole.
        let side = if ctx.compact {
            side.push(tree)
        } else {
            side.push(crate::widget::scroll(tree).height(Length::Fill))
                .width(Length::FillPortion(2))
        };
        let main: Element<'a, Message> = match (&self.edit, &self.placement, self.selected()) {
            (Some(form), _, _) => self.form_view(form, l).map(Message::Edit),
            (None, Some(form), _) => self.place_view(form, l).map(Message::Place),
            (None, None, None) => text(t("structures-pick")).into(),
            (None, None, Some(s)) => self.page(ctx, s, l),
        };
        let mut c = column![crate::widget::title(t("structures-title"))].spacing(12);
        c = c.push(crate::widget::notice_slot(self.notice.as_ref()));
        // The health view takes the whole width: its columns need it.
        let body: Element<'a, Message> = match &self.health {
            Some(h) => crate::widget::scroll(h.view(l, ctx.compact).map(Message::Health))
                .height(Length::Fill)
                .into(),
            // Room inside the scrolled area for the focus ring of the controls at its edge.
            None if ctx.compact => {
                crate::widget::scroll(column![side, main].spacing(24).padding(4))
                    .height(Length::Fill)
                    .into()
            }
            None => row![side, container(main).width(Length::FillPortion(3))]
                .spacing(24)
                .height(Length::Fill)
                .into(),
        };
        let screen: Element<'a, Message> = c.push(body).padding(20).into();
        match self.selected().filter(|_| self.removing) {
            Some(s) => edit::confirm_remove(screen, &s.name, l),
            None => screen,
        }
    }

    fn page<'a>(&'a self, ctx: Ctx<'_>, s: &'a Structure, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let manager = s
            .primary_manager
            .as_ref()
            .map(|m| {
                format!(
                    "{} {} ({})",
                    m.first_name,
                    m.last_name,
                    m.email.clone().unwrap_or_default()
                )
            })
            .unwrap_or_else(|| t("structures-no-manager"));
        let c = column![
            heading(s.name.clone()),
            labelled(t("field-structure-kind"), text(t(&s.kind.text_key())), None),
            labelled(t("doc-field-primary-manager"), text(manager), None),
        ]
        .spacing(12);
        let c = if ctx.me.rights.manage_structures && matches!(self.mode, Mode::Page) {
            c.push(self.edit_buttons(s, l).map(Message::Edit))
                .push(place_buttons(s, l).map(Message::Place))
        } else {
            c
        };
        let c = c.push(heading(t("structures-connected-users")));
        let part = match &self.mode {
            Mode::Page => self.technical_part(s, l),
            Mode::Input => input_part(s, l, self.busy, ctx.me.organization.api_address.is_some()),
            Mode::Summary {
                technical,
                password,
            } => column![
                summary_part(ctx, s, technical, password),
                summary_buttons(l),
            ]
            .spacing(12)
            .into(),
            Mode::Rotate { grace } => technical::rotate_part(grace, l),
            Mode::ConfirmReset => column![
                notice(&t("reset-confirm-body"), false),
                row![
                    secondary(t("action-cancel"), Some(Message::Cancel)),
                    primary(t("action-confirm"), Some(Message::ConfirmReset))
                ]
                .spacing(10)
            ]
            .spacing(12)
            .into(),
        };
        let c = c.push(part);
        let c = match (&self.mode, &self.connected) {
            (Mode::Page, Some(connected)) => c.push(connected::view(l, connected)),
            _ => c,
        };
        // Room inside the scrolled area for the focus ring of the controls at its edge.
        crate::widget::scroll(c.padding(4)).into()
    }

    /// The structure's technical user, with its reset, or the way to create one.
    fn technical_part<'a>(&'a self, s: &'a Structure, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let may = self.may(StructureAction::ManageTechnicalUser)
            || self.may(StructureAction::CreateTechnicalUser);
        match &self.technical {
            // The button under the user's line: an address is one long word, which a line
            // shared with a long button label (in French) would push past its room.
            Some(tu) => column![
                text(format!(
                    "{} — {}",
                    tu.user_id,
                    tu.contact_email.clone().unwrap_or_default()
                )),
                secondary(
                    t("action-reset-technical-password"),
                    may.then_some(Message::AskReset)
                ),
                technical::password_life(tu, may, l),
            ]
            .spacing(10)
            .into(),
            None if s.technical_user_id.is_some() => text(t("structures-technical-hidden")).into(),
            None => column![
                text(t("structures-no-technical")),
                primary(
                    t("action-create-technical-user"),
                    (may && s.primary_manager.is_some()).then_some(Message::CreateTechnical),
                )
            ]
            .spacing(12)
            .into(),
        }
    }
}

/// Set or change the primary manager, move under another parent.
/// Naming the primary manager and moving the structure, as far as the server offers them.
fn place_buttons<'a>(s: &Structure, l: Locale) -> Element<'a, placement::Message> {
    let manager = if s.primary_manager.is_some() {
        "structures-change-manager"
    } else {
        "structures-set-manager"
    };
    let button = |label: &str, message, id: &'static str| {
        crate::widget::button_for(crate::widget::Look::Secondary, l.t(label), Some(message)).id(id)
    };
    let mut buttons = row![].spacing(10);
    if s.may(StructureAction::NamePrimaryManager) {
        buttons = buttons.push(button(
            manager,
            placement::Message::AskManager,
            crate::widget::widget_id("structure-set-manager"),
        ));
    }
    if s.may(StructureAction::Move) {
        buttons = buttons.push(button(
            "structures-move",
            placement::Message::AskMove,
            crate::widget::widget_id("structure-move"),
        ));
    }
    buttons.wrap().into()
}

/// Creating the technical user: what it will be, Cancel and Create.
fn input_part<'a>(
    s: &'a Structure,
    l: Locale,
    busy: bool,
    reachable: bool,
) -> Element<'a, Message> {
    let t = |id: &str| l.t(id);
    let manager_email = s
        .primary_manager
        .as_ref()
        .and_then(|m| m.email.clone())
        .unwrap_or_default();
    column![
        heading(t("technical-input-title")),
        labelled(t("doc-field-login"), text(format!("TECH{:06}", s.id)), None),
        labelled(t("field-contact-email"), text(manager_email), None),
        text(t("technical-input-rights")),
        // Said before the user exists: its vendor could not reach this computer's server.
        if reachable {
            Element::from(iced::widget::space())
        } else {
            crate::widget::notice(&t("technical-unreachable"), true)
        },
        row![
            secondary(t("action-cancel"), Some(Message::Cancel)),
            primary(
                t("action-create-technical-user"),
                (!busy).then_some(Message::ConfirmCreate)
            )
        ]
        .spacing(10),
    ]
    .spacing(12)
    .into()
}

/// The technical user just created or reset: its password, shown once, and the export.
fn summary_part<'a>(
    ctx: Ctx<'_>,
    s: &'a Structure,
    technical: &'a TechnicalUser,
    password: &'a str,
) -> Element<'a, Message> {
    let t = |id: &str| ctx.locale.t(id);
    column![
        heading(t("technical-summary-title")),
        labelled(t("doc-field-structure"), text(s.name.clone()), None),
        labelled(
            t("doc-organization-code"),
            text(ctx.me.organization.code.clone()),
            None
        ),
        labelled(t("doc-field-login"), text(technical.user_id.clone()), None),
        labelled(
            t("doc-field-password"),
            container(
                text(password.to_owned())
                    .size(22)
                    .font(iced::Font::MONOSPACE)
            )
            .padding(8),
            None,
        ),
        notice(&t("technical-summary-once"), false),
    ]
    .spacing(12)
    .into()
}

/// Export the connection information, then back to the structure's page.
fn summary_buttons<'a>(l: Locale) -> Element<'a, Message> {
    row![
        crate::widget::button_for(
            crate::widget::Look::Secondary,
            l.t("action-export-connection"),
            Some(Message::Export)
        )
        .id("export-connection"),
        crate::widget::button_for(
            crate::widget::Look::Primary,
            l.t("action-back-to-structure"),
            Some(Message::BackToStructure)
        )
        .id("back-to-structure"),
    ]
    .spacing(10)
    .into()
}
