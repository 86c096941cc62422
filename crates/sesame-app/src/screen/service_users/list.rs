//! The list of service users: a table with its column titles, or in a small window one card a
//! service user (the columns would not fit).

use super::*;
use crate::a11y::{Role, Semantic};
use iced::widget::{column, row};

/// The row's action keeps its width: the other columns share the rest.
const ACTIONS_WIDTH: f32 = 110.0;
/// Dates (2026-11-23) are never cut: their columns keep the width of one.
const DATE_WIDTH: f32 = 92.0;
const LAST_USED_WIDTH: f32 = 150.0;

impl ServiceUsers {
    pub(super) fn list_view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let q = sesame_core::domain::fold_for_search(&self.search);
        let shown = self.list.iter().filter(|s| {
            q.is_empty()
                || sesame_core::domain::fold_for_search(&format!(
                    "{} {}",
                    s.user_code, s.application
                ))
                .contains(&q)
        });
        let list: Element<'a, Message> = if ctx.compact {
            shown
                .fold(column![].spacing(12), |c, s| c.push(card(l, s)))
                .into()
        } else {
            let rows = shown.fold(column![titles(l)].spacing(6), |c, s| c.push(list_row(l, s)));
            widget::role(Role::Table, t("service-users-title"), rows)
        };
        let tools = row![
            widget::input(
                t("service-users-search"),
                &self.search,
                text_input(&t("service-users-search"), &self.search)
                    .style(crate::widget::colors::field)
                    .id("search")
                    .on_input(Message::Search)
                    .padding(8)
            ),
            widget::button_for(
                widget::Look::Secondary,
                t("health-open"),
                Some(Message::OpenHealth)
            )
            .id("health-open"),
            widget::with_shortcut(
                widget::button_for(
                    widget::Look::Primary,
                    t("service-users-new"),
                    Some(Message::New)
                )
                .id("new-service-user"),
                "Ctrl+N"
            )
        ]
        .spacing(10)
        .wrap()
        .vertical_spacing(10);
        column![tools, self.validity_view(l), list]
            .spacing(10)
            .into()
    }
}

/// The column titles, as wide as the rows' cells, so each stands over its column; a title too
/// long for its column takes two lines rather than lose its end.
fn titles<'a>(l: Locale) -> Element<'a, Message> {
    let head = |id: &str, width: Length| -> Element<'a, Message> {
        widget::part(
            Role::ColumnHeader,
            container(text(l.t(id)).size(13)).width(width),
        )
    };
    let header = row![
        head("column-user-code", Length::FillPortion(3)),
        head("column-application", Length::FillPortion(3)),
        head("column-status", Length::FillPortion(2)),
        head("column-language", Length::FillPortion(2)),
        head("column-scope", Length::FillPortion(3)),
        head("column-created", Length::Fixed(DATE_WIDTH)),
        head("column-last-used", Length::Fixed(LAST_USED_WIDTH)),
        head("column-expires", Length::Fixed(DATE_WIDTH)),
        iced::widget::space().width(ACTIONS_WIDTH),
    ]
    .spacing(8)
    .align_y(Alignment::End);
    widget::part(Role::Row, header)
}

/// A cell of a fixed width.
fn fixed<'a>(value: String, width: f32) -> Element<'a, Message> {
    widget::part(
        Role::Cell,
        container(widget::ellipsis::ellipsis(value, 14.0)).width(width),
    )
}

/// A service user's expiry in the list: its date, or "never".
pub(super) fn expiry(l: Locale, su: &ServiceUser) -> String {
    su.password
        .password_expires_at
        .map(|d| l.short_date(d))
        .unwrap_or_else(|| l.t("health-never-expires"))
}

/// The link to a service user's record.
fn modify<'a>(l: Locale, s: &ServiceUser) -> Element<'a, Message> {
    widget::button_for(
        widget::Look::Link,
        l.t("action-modify"),
        Some(Message::Open(s.id)),
    )
    .id(format!("modify-{}", s.user_code))
    .into()
}

/// One service user's row of the list, its columns as wide as the titles'.
fn list_row<'a>(l: Locale, s: &'a ServiceUser) -> Element<'a, Message> {
    let cell = |value: String, portion: u16| -> Element<'a, Message> {
        widget::part(
            Role::Cell,
            container(widget::ellipsis::ellipsis(value, 14.0)).width(Length::FillPortion(portion)),
        )
    };
    let last_used = s.last_used_at.map(|d| l.short_date(d));
    let line = row![
        cell(s.user_code.clone(), 3),
        cell(s.application.clone(), 3),
        widget::part(
            Role::Cell,
            container(badge(l, s.status)).width(Length::FillPortion(2))
        ),
        cell(l.language_name(s.language), 2),
        cell(scope_label(l, &s.scope), 3),
        fixed(l.short_date(s.created_at), DATE_WIDTH),
        fixed(last_used.unwrap_or_else(|| "—".into()), LAST_USED_WIDTH),
        fixed(expiry(l, s), DATE_WIDTH),
        container(modify(l, s)).width(ACTIONS_WIDTH),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    widget::semantic(Semantic::new(Role::Row).name(s.user_code.clone()), line).into()
}

/// One service user in a small window: who, then its state, then its dates, each on its line.
fn card<'a>(l: Locale, s: &'a ServiceUser) -> Element<'a, Message> {
    let t = |id: &str| l.t(id);
    let last_used = s
        .last_used_at
        .map_or_else(|| "—".into(), |d| l.short_date(d));
    let dates = [
        ("column-created", l.short_date(s.created_at)),
        ("column-last-used", last_used),
        ("column-expires", expiry(l, s)),
    ]
    .into_iter()
    .map(|(title, value)| l.t_with("label-value", &[("label", &t(title)), ("value", &value)]));
    let card = column![
        row![
            text(s.user_code.clone()).size(16),
            text(s.application.clone()).size(14)
        ]
        .spacing(10)
        .wrap(),
        row![
            badge(l, s.status),
            text(l.language_name(s.language)).size(13),
            text(scope_label(l, &s.scope)).size(13)
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .wrap(),
        column(dates.map(|d| text(d).size(13).into())).spacing(2),
        modify(l, s),
    ]
    .spacing(4);
    widget::semantic(Semantic::new(Role::Row).name(s.user_code.clone()), card).into()
}
