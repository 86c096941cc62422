//! What the user follow-up shows: toolbar and filters, the virtual list of rows with their
//! options, and the dialogs.

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::{Dialog, LevelFilter, Message, People, RoleFilter, StatusFilter, TwoFactorFilter};
use crate::a11y::Role;
use crate::locale::Locale;
use crate::screen::Ctx;
use crate::screen::acting::Act;
use crate::widget::{self, Look, Weight, button_for, confirm, dialog, primary, secondary};
use sesame_core::api::PersonSummary;
use sesame_core::domain::rules::{Action, ActionSet};
use sesame_core::domain::{Level, Status};

/// The table's height in a small window, where the page scrolls: its titles and six rows.
const TABLE_HEIGHT: f32 = 36.0 + 6.0 * super::ROW_HEIGHT;

/// New user, Invite, Cancel and Quit, under the list.
fn buttons<'a>(ctx: Ctx<'_>) -> Vec<Element<'a, Message>> {
    let t = |id: &str| ctx.locale.t(id);
    let may_create = !ctx.me.rights.grantable_levels.is_empty();
    vec![
        widget::with_shortcut(
            primary(t("people-new"), may_create.then_some(Message::New)),
            "Ctrl+N",
        ),
        secondary(t("people-invite"), may_create.then_some(Message::Invite)),
        widget::button_for(
            widget::Look::Secondary,
            t("people-import"),
            may_create.then_some(Message::Import),
        )
        .id("people-import")
        .into(),
        // Both lead home from the list, as in the portal people know (nothing is edited here).
        secondary(t("action-cancel"), Some(Message::Home)),
        secondary(t("action-quit"), Some(Message::Home)),
    ]
}

impl People {
    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        if let Some(record) = &self.record {
            return record.view(ctx).map(Message::Record);
        }
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let table = widget::role(
            Role::Table,
            t("a11y-people-table"),
            self.table(l, ctx.roles.to_vec()),
        );
        let page: Element<'_, Message> = if ctx.compact {
            // A small window: the banner's menu says where the person is, so the title is
            // only read out; the buttons flow onto more lines; the page scrolls whole.
            let actions = self.selection_buttons(l).into_iter().chain(buttons(ctx));
            let page = column![
                widget::title_read(t("people-title")),
                crate::widget::notice_slot(self.notice.as_ref()),
                self.search_line(l),
                self.filters(ctx),
                container(table).height(TABLE_HEIGHT),
                row(actions).spacing(8).wrap().vertical_spacing(8),
            ]
            .spacing(4)
            // Room on the right for the page's scroll bar.
            .padding(iced::Padding {
                top: 4.0,
                right: 18.0,
                bottom: 4.0,
                left: 8.0,
            });
            crate::widget::scroll(page).height(Length::Fill).into()
        } else {
            let toolbar = row![self.search_line(l)]
                .extend(self.selection_buttons(l))
                .spacing(10)
                .align_y(Alignment::Center);
            column![
                crate::widget::title(t("people-title")),
                crate::widget::notice_slot(self.notice.as_ref()),
                toolbar,
                self.filters(ctx),
                table,
                row(buttons(ctx)).spacing(10),
            ]
            .spacing(10)
            .padding(20)
            .height(Length::Fill)
            .into()
        };
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
        let label: Option<Element<'a, Message>> =
            (!ctx.compact).then(|| text(l.t("people-filters")).size(13).into());
        let menus: [Element<'a, Message>; 4] = [
            crate::widget::menu(
                levels,
                Some(self.level.unwrap_or(LevelFilter(None, l))).map(|f| LevelFilter(f.0, l)),
                Message::LevelFilter,
            )
            .name(l.t("column-level"))
            .id("level-filter")
            .into(),
            crate::widget::menu(
                statuses,
                Some(self.status.unwrap_or(StatusFilter(None, l))).map(|f| StatusFilter(f.0, l)),
                Message::StatusFilter,
            )
            .name(l.t("column-status"))
            .id("status-filter")
            .into(),
            crate::widget::menu(role_filters, Some(chosen_role), Message::RoleFilter)
                .name(l.t("column-roles"))
                .id("role-filter")
                .into(),
            crate::widget::menu(
                two_factor,
                Some(TwoFactorFilter(self.two_factor, l)),
                Message::TwoFactorFilter,
            )
            .name(l.t("column-two-factor"))
            .id("two-factor-filter")
            .into(),
        ];
        row(label.into_iter().chain(menus))
            .spacing(10)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(6)
            .into()
    }

    /// Search, how many are shown, and what applies to the ticked rows.
    /// The search, and how many are shown.
    fn search_line<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let count = if let Some(remote) = &self.remote {
            self.asked_count(remote, l)
        } else if self.loading {
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
                    .style(crate::widget::colors::field)
                    .id("search")
                    .on_input(Message::Search)
                    .size(14)
                    .padding(8)
                    .width(Length::FillPortion(3))
            ),
            // Beside the search, never at its expense: a long count wraps.
            text(count).size(13).width(Length::FillPortion(2)),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .width(Length::Fill)
        .into()
    }

    /// What applies to the ticked rows, and the export.
    fn selection_buttons<'a>(&'a self, l: Locale) -> Vec<Element<'a, Message>> {
        let t = |id: &str| l.t(id);
        vec![
            button_for(
                Look::Secondary,
                l.t_count("people-roles-selected", "count", self.selected.len()),
                (!self.selected.is_empty()).then_some(Message::AskRolesOfSelection),
            )
            .id("roles-of-selection")
            .into(),
            button_for(
                Look::Secondary,
                l.t_count("people-print-selected", "count", self.selected.len()),
                (!self.selected.is_empty()).then_some(Message::AskBatch),
            )
            .id("print-selection")
            .into(),
            button_for(
                Look::Secondary,
                t("people-export"),
                (!self.loading && !self.exporting()).then_some(Message::ExportCsv),
            )
            .id("export-csv")
            .into(),
        ]
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
pub(super) fn row_options(actions: ActionSet) -> Vec<RowOption> {
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
