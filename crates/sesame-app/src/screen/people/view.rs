//! What the user follow-up shows: toolbar and filters, the virtual list of rows with their
//! options, and the dialogs.

use iced::widget::{checkbox, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::columns::{COLUMNS, Content, Values, shares};
use super::rows::Row;
use super::{
    Dialog, LevelFilter, Message, People, ROW_HEIGHT, RoleFilter, StatusFilter, TwoFactorFilter,
};
use crate::a11y::{Role, Semantic};
use crate::locale::Locale;
use crate::screen::Ctx;
use crate::screen::acting::Act;
use crate::widget::virtual_list;
use crate::widget::{
    self, Look, Weight, badge, button_for, confirm, dialog, primary, secondary, shield,
};
use sesame_core::api::{PeopleSort, PersonSummary};
use sesame_core::domain::rules::{Action, ActionSet};
use sesame_core::domain::{Level, Status};

/// The per-row actions keep their width whatever the window's: the other columns give way.
const OPTIONS_WIDTH: f32 = 196.0;

/// New user, Invite, Cancel and Quit, under the list.
fn buttons<'a>(ctx: Ctx<'_>) -> Element<'a, Message> {
    let t = |id: &str| ctx.locale.t(id);
    let may_create = !ctx.me.rights.grantable_levels.is_empty();
    row![
        widget::with_shortcut(
            primary(t("people-new"), may_create.then_some(Message::New)),
            "Ctrl+N"
        ),
        secondary(t("people-invite"), may_create.then_some(Message::Invite)),
        widget::button_for(
            widget::Look::Secondary,
            t("people-import"),
            may_create.then_some(Message::Import)
        )
        .id("people-import"),
        // Both lead home from the list, as in the portal people know (nothing is edited here).
        secondary(t("action-cancel"), Some(Message::Home)),
        secondary(t("action-quit"), Some(Message::Home)),
    ]
    .spacing(10)
    .into()
}

impl People {
    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        if let Some(record) = &self.record {
            return record.view(ctx).map(Message::Record);
        }
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let shares = self.shares(l, ctx.roles);
        let list: Element<'a, Message> = if self.visible.is_empty() && !self.loading {
            // Say why the list is empty rather than show a blank area.
            container(text(t("people-no-match")).size(14))
                .padding(20)
                .height(Length::Fill)
                .into()
        } else {
            virtual_list::view(
                crate::widget::widget_id("people-list"),
                self.visible.len(),
                ROW_HEIGHT,
                self.window,
                |i| {
                    let current = self.current == Some(i);
                    self.row(l, ctx.roles, self.visible[i], current, &shares)
                },
                Message::Scrolled,
            )
        };
        let mut page = column![crate::widget::title(t("people-title"))]
            .spacing(10)
            .padding(20)
            .height(Length::Fill);
        page = page.push(crate::widget::notice_slot(self.notice.as_ref()));
        let table = column![self.column_headers(l, &shares), list].height(Length::Fill);
        let page: Element<'_, Message> = page
            .push(self.toolbar(l))
            .push(self.filters(ctx))
            .push(widget::role(Role::Table, t("a11y-people-table"), table))
            .push(buttons(ctx))
            .into();
        match &self.dialog {
            None => page,
            Some(d) => self.dialog_view(page, d, ctx),
        }
    }

    /// The filters: level, status, role, second factor.
    fn filters<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let levels: Vec<LevelFilter> = std::iter::once(LevelFilter(None, l))
            .chain(Level::ALL.into_iter().map(|v| LevelFilter(Some(v), l)))
            .collect();
        let statuses: Vec<StatusFilter> = std::iter::once(StatusFilter(None, l))
            .chain(
                [Status::Active, Status::Invited, Status::Suspended]
                    .into_iter()
                    .map(|v| StatusFilter(Some(v), l)),
            )
            .collect();
        let mut role_filters = vec![RoleFilter(None, l.t("filter-all-roles"))];
        role_filters.extend(
            ctx.roles
                .iter()
                .map(|r| RoleFilter(Some(r.code.clone()), l.role_name(r))),
        );
        let chosen_role = role_filters
            .iter()
            .find(|f| f.0 == self.role)
            .cloned()
            .unwrap_or_else(|| role_filters[0].clone());
        let two_factor: Vec<TwoFactorFilter> = [None, Some(true), Some(false)]
            .into_iter()
            .map(|v| TwoFactorFilter(v, l))
            .collect();
        row![
            text(l.t("people-filters")).size(13),
            crate::widget::menu(
                levels,
                Some(self.level.unwrap_or(LevelFilter(None, l))).map(|f| LevelFilter(f.0, l)),
                Message::LevelFilter
            )
            .name(l.t("column-level"))
            .id("level-filter"),
            crate::widget::menu(
                statuses,
                Some(self.status.unwrap_or(StatusFilter(None, l))).map(|f| StatusFilter(f.0, l)),
                Message::StatusFilter
            )
            .name(l.t("column-status"))
            .id("status-filter"),
            crate::widget::menu(role_filters, Some(chosen_role), Message::RoleFilter)
                .name(l.t("column-roles"))
                .id("role-filter"),
            crate::widget::menu(
                two_factor,
                Some(TwoFactorFilter(self.two_factor, l)),
                Message::TwoFactorFilter
            )
            .name(l.t("column-two-factor"))
            .id("two-factor-filter"),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
    }

    /// Search, how many are shown, and what applies to the ticked rows.
    fn toolbar<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let count = if self.loading {
            l.t_count("people-loading", "count", self.all.len())
        } else if self.visible.len() == self.all.len() {
            l.t_count("people-count", "count", self.all.len())
        } else {
            l.t_with(
                "people-count-filtered",
                &[
                    ("shown", &l.number(self.visible.len())),
                    ("total", &l.number(self.all.len())),
                ],
            )
        };
        row![
            widget::input(
                t("people-search"),
                &self.query,
                text_input(&t("people-search"), &self.query)
                    .id("search")
                    .on_input(Message::Search)
                    .size(14)
                    .padding(8)
                    .width(Length::Fill)
            ),
            text(count).size(13),
            button_for(
                Look::Secondary,
                l.t_count("people-roles-selected", "count", self.selected.len()),
                (!self.selected.is_empty()).then_some(Message::AskRolesOfSelection)
            )
            .id("roles-of-selection"),
            button_for(
                Look::Secondary,
                l.t_count("people-print-selected", "count", self.selected.len()),
                (!self.selected.is_empty()).then_some(Message::AskBatch)
            )
            .id("print-selection"),
            button_for(
                Look::Secondary,
                t("people-export-csv"),
                (!self.loading).then_some(Message::ExportCsv)
            )
            .id("export-csv"),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
    }

    /// Each column's share of the row, from the values in view (see [`shares`]).
    fn shares(&self, l: Locale, catalogue: &[sesame_core::api::Role]) -> Vec<u16> {
        let values = Values {
            l,
            catalogue,
            sets: &self.role_sets,
        };
        let rows = self.window.slice(self.visible.len(), ROW_HEIGHT);
        let in_view = self.visible[rows].iter().map(|&i| &self.all[i as usize]);
        shares(values, in_view)
    }

    fn column_headers<'a>(&'a self, l: Locale, shares: &[u16]) -> Element<'a, Message> {
        let headers = COLUMNS.iter().zip(shares).fold(
            row![container(text("")).width(24)],
            |r, (c, &share)| {
                r.push(match c.sort {
                    Some(sort) => self.header(l, c.title, sort, share),
                    None => widget::part(
                        Role::ColumnHeader,
                        container(text(l.t(c.title)).size(13)).width(Length::FillPortion(share)),
                    ),
                })
            },
        );
        headers
            .push(widget::part(
                Role::ColumnHeader,
                container(text(l.t("column-options")).size(13)).width(OPTIONS_WIDTH),
            ))
            .spacing(8)
            .align_y(Alignment::Center)
            .padding([6, 8])
            .into()
    }

    fn header<'a>(
        &self,
        l: Locale,
        id: &str,
        sort: PeopleSort,
        portion: u16,
    ) -> Element<'a, Message> {
        let arrow = if self.sort == sort {
            if self.desc { " ▼" } else { " ▲" }
        } else {
            ""
        };
        let link = widget::button_for(
            widget::Look::Link,
            format!("{}{arrow}", l.t(id)),
            Some(Message::SortBy(sort)),
        )
        .role(Role::ColumnHeader);
        container(link).width(Length::FillPortion(portion)).into()
    }

    fn row<'a>(
        &'a self,
        l: Locale,
        catalogue: &[sesame_core::api::Role],
        index: u32,
        current: bool,
        shares: &[u16],
    ) -> Element<'a, Message> {
        let p = &self.all[index as usize];
        let id = p.id;
        let values = Values {
            l,
            catalogue,
            sets: &self.role_sets,
        };
        let cells = COLUMNS.iter().zip(shares).map(|(c, &share)| {
            widget::part(
                Role::Cell,
                container(self.cell(p, c.content, values))
                    .width(Length::FillPortion(share))
                    .clip(true),
            )
        });
        let name = name_shown(p.last_name(), p.first_name(), p.email());
        let ticked = self.selected.contains(&id);
        let line = row![
            container(
                widget::Focus::new(checkbox(ticked).on_toggle(move |on| Message::Tick(id, on)))
                    .on_activate(Some(Message::Tick(id, !ticked)))
                    .checked(ticked)
                    .name(l.t_with("a11y-select-row", &[("name", &name)]))
                    .id(format!("tick-{}", p.user_id()))
            )
            .width(24),
        ]
        .extend(cells)
        .push(
            row![
                widget::link(l.t("action-modify"), Some(Message::Modify(id))),
                widget::button_for(
                    widget::Look::Link,
                    l.t("column-options"),
                    (!row_options(p.actions).is_empty()).then_some(Message::Options(id))
                )
                .name(l.t_with("a11y-row-options", &[("name", &name)]))
                .id(format!("options-{}", p.user_id())),
            ]
            .spacing(6)
            .align_y(Alignment::Center)
            .width(OPTIONS_WIDTH),
        )
        .spacing(8)
        .padding([0, 8])
        .height(ROW_HEIGHT)
        .align_y(Alignment::Center);
        // The row the arrows are on stands out, with the focus ring's colour at its edge.
        let mut info = Semantic::new(Role::Row).name(name);
        info.selected = current;
        let line = widget::semantic(info, line);
        container(line)
            .style(move |theme: &iced::Theme| {
                if !current {
                    return container::Style::default();
                }
                let p = theme.extended_palette();
                container::Style {
                    background: Some(p.primary.weak.color.scale_alpha(0.35).into()),
                    border: iced::Border {
                        color: widget::focus::focus_color(theme),
                        width: 2.0,
                        radius: 4.0.into(),
                    },
                    ..container::Style::default()
                }
            })
            .into()
    }

    /// A row's cell in one column: text cut with an ellipsis, or the status badge, or the
    /// shield.
    fn cell<'a>(&self, p: &Row, content: Content, v: Values<'_>) -> Element<'a, Message> {
        let l = v.l;
        match content {
            // An invitation whose link was withdrawn or ran out says so next to its badge.
            Content::Status
                if p.status == Status::Invited
                    && self.invitation(p.id).is_some_and(|i| i.expired) =>
            {
                row![badge(l, p.status), text(l.t("people-link-closed")).size(11)]
                    .spacing(4)
                    .align_y(Alignment::Center)
                    .into()
            }
            Content::Status => badge(l, p.status),
            Content::TwoFactor => shield(l, p.two_factor),
            Content::Roles => widget::ellipsis::ellipsis(content.text(p, v), 12.0).into(),
            _ => widget::ellipsis::ellipsis(content.text(p, v), 14.0).into(),
        }
    }

    fn dialog_view<'a>(
        &'a self,
        base: Element<'a, Message>,
        d: &'a Dialog,
        ctx: Ctx<'_>,
    ) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        match d {
            Dialog::Options { id, name } => self.options_dialog(base, *id, name, l),
            Dialog::Roles { ids, name, roles } => roles_dialog(base, ids.len(), name, roles, ctx),
            Dialog::Invite(form) => invite_dialog(base, form, ctx),
            Dialog::Acting(acting) => acting.view(base, l, Message::Acting),
            Dialog::ConfirmBatch { count } => confirm(
                base,
                l,
                t("dialog-batch-title"),
                l.t_count("dialog-batch-body", "count", *count),
                ("action-cancel", Message::CloseDialog),
                Message::ConfirmBatch,
                Weight::Normal,
            ),
        }
    }

    /// A row's actions, one focusable button each.
    fn options_dialog<'a>(
        &'a self,
        base: Element<'a, Message>,
        id: i64,
        name: &str,
        l: Locale,
    ) -> Element<'a, Message> {
        let buttons = self
            .row_of(id)
            .map(|p| row_options(p.actions))
            .unwrap_or_default()
            .into_iter()
            .fold(column![].spacing(8), |c, o| {
                c.push(
                    widget::button_for(
                        widget::Look::Secondary,
                        o.with(l).to_string(),
                        Some(o.message(id)),
                    )
                    .id(format!("option-{o:?}")),
                )
            });
        dialog(
            base,
            l.t_with("people-options-title", &[("name", name)]),
            buttons.into(),
            vec![secondary(l.t("action-close"), Some(Message::CloseDialog))],
        )
    }
}

/// The roles of one person, or of every ticked row.
fn roles_dialog<'a>(
    base: Element<'a, Message>,
    count: usize,
    name: &str,
    roles: &std::collections::BTreeSet<String>,
    ctx: Ctx<'_>,
) -> Element<'a, Message> {
    let l = ctx.locale;
    let mut boxes = column![].spacing(8);
    if count > 1 {
        boxes = boxes.push(text(l.t("dialog-roles-many")).size(13));
    }
    let boxes = ctx.roles.iter().fold(boxes, |c, r| {
        let code = r.code.clone();
        c.push(
            crate::widget::check(l.role_name(r), roles.contains(&r.code), move |on| {
                Message::ToggleRole(code.clone(), on)
            })
            .id(format!("role-{}", r.code)),
        )
    });
    dialog(
        base,
        l.t_with("dialog-roles-title", &[("name", name)]),
        boxes.into(),
        vec![
            secondary(l.t("action-cancel"), Some(Message::CloseDialog)),
            primary(l.t("action-update"), Some(Message::SaveRoles)),
        ],
    )
}

/// Invite by email: the form, Cancel and Send.
fn invite_dialog<'a>(
    base: Element<'a, Message>,
    form: &'a super::InviteForm,
    ctx: Ctx<'_>,
) -> Element<'a, Message> {
    let l = ctx.locale;
    let levels = crate::screen::person::grantable_levels(&ctx);
    dialog(
        base,
        l.t("dialog-invite-title"),
        column![
            text(l.t("dialog-invite-body")).size(13),
            form.view(l, levels, ctx.roles).map(Message::InviteEdit),
        ]
        .spacing(10)
        .into(),
        vec![
            secondary(l.t("action-cancel"), Some(Message::CloseDialog)),
            primary(
                l.t("action-send-invitation"),
                (!form.sending).then_some(Message::SendInvitation),
            ),
        ],
    )
}

/// Role codes as the catalogue names them in the user's language.
pub fn role_names(l: Locale, catalogue: &[sesame_core::api::Role], codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| match catalogue.iter().find(|r| &r.code == code) {
            Some(r) if l.language == sesame_core::domain::Language::Fr => r.name_fr.clone(),
            Some(r) => r.name_en.clone(),
            None => code.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Last, First", or the email of someone invited who has no name yet.
pub fn display_name(p: &PersonSummary) -> String {
    name_shown(&p.last_name, &p.first_name, &p.email)
}

pub(super) fn name_shown(last: &str, first: &str, email: &str) -> String {
    match (last.trim().is_empty(), first.trim().is_empty()) {
        (true, true) => email.to_owned(),
        (false, true) => last.to_owned(),
        (true, false) => first.to_owned(),
        (false, false) => format!("{last}, {first}"),
    }
}

/// A row's options menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOption {
    InitializePassword,
    UpdateRoles,
    ResendInvitation,
    CancelInvitation,
    ResetTwoFactor,
    Suspend,
    Reactivate,
    Remove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowOptionLabel(RowOption, Locale);

impl RowOption {
    fn with(self, l: Locale) -> RowOptionLabel {
        RowOptionLabel(self, l)
    }
}

/// What a row offers: what the server said the reader may do to this person now, and
/// nothing else (one's own password is changed in My account, never initialized here).
fn row_options(actions: ActionSet) -> Vec<RowOption> {
    use RowOption as O;
    let offered: [(Action, &[RowOption]); 6] = [
        (
            Action::ManageInvitation,
            &[O::ResendInvitation, O::CancelInvitation],
        ),
        (Action::InitializePassword, &[O::InitializePassword]),
        (Action::UpdateRoles, &[O::UpdateRoles]),
        (Action::ResetTwoFactor, &[O::ResetTwoFactor]),
        (Action::Suspend, &[O::Suspend]),
        (Action::Reactivate, &[O::Reactivate]),
    ];
    let mut options: Vec<RowOption> = offered
        .iter()
        .filter(|(a, _)| actions.contains(*a))
        .flat_map(|(_, o)| o.iter().copied())
        .collect();
    if actions.contains(Action::Delete) {
        options.push(O::Remove);
    }
    options
}

impl RowOption {
    fn message(self, id: i64) -> Message {
        match self {
            RowOption::InitializePassword => Message::Act(id, Act::Initialize),
            RowOption::UpdateRoles => Message::AskRoles(id),
            RowOption::ResendInvitation => Message::Resend(id),
            RowOption::CancelInvitation => Message::Act(id, Act::CancelInvitation),
            RowOption::ResetTwoFactor => Message::Act(id, Act::ResetTwoFactor),
            RowOption::Suspend => Message::Act(id, Act::Suspend),
            RowOption::Reactivate => Message::Act(id, Act::Reactivate),
            RowOption::Remove => Message::Act(id, Act::Remove),
        }
    }
}

impl std::fmt::Display for RowOptionLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(match self.0 {
            RowOption::InitializePassword => "action-initialize-password",
            RowOption::UpdateRoles => "action-update-roles",
            RowOption::ResendInvitation => "action-resend-invitation",
            RowOption::CancelInvitation => "action-cancel-invitation",
            RowOption::ResetTwoFactor => "action-reset-two-factor",
            RowOption::Suspend => "action-suspend",
            RowOption::Reactivate => "action-reactivate",
            RowOption::Remove => "action-remove",
        }))
    }
}
