//! The follow-up's table: its column titles and the rows in view, each column as wide as its
//! words need, and when the row is too narrow for all of them, the room shared so that short
//! columns (level, status) show whole and the long ones (name, email) are cut evenly.

use iced::widget::{checkbox, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use super::columns::{COLUMNS, Content, Values, share};
use super::rows::Row;
use super::view::{name_shown, row_options};
use super::{Message, People, ROW_HEIGHT};
use crate::a11y::{Role, Semantic};
use crate::locale::Locale;
use crate::widget::measure::text_width as measure;
use crate::widget::{self, badge, shield, virtual_list};
use sesame_core::api::PeopleSort;
use sesame_core::domain::Status;

/// The check box's column.
const TICK_WIDTH: f32 = 24.0;
/// Between two columns.
const SPACING: f32 = 8.0;
/// The row's padding on each side.
const PADDING: f32 = 8.0;
/// Kept for the list's scroll bar, so that titles and rows line up.
const SCROLL_BAR: f32 = 14.0;
/// A link's padding on each side (`Look::Link`).
const LINK_PADDING: f32 = 6.0;

/// How wide each part of a row is, for the width the table has.
struct Widths {
    /// Each column's width; `None`: left out, the window being too narrow for it.
    columns: Vec<Option<f32>>,
    options: f32,
}

/// The narrowest a column is worth showing: below, fewer columns show (the record has them all).
const NARROWEST: f32 = 72.0;

/// Which columns stay when not all fit, first to last: the name says who, the status and level
/// what matters most; the record has the rest.
const KEPT_FIRST: [Content; 8] = [
    Content::Name,
    Content::Status,
    Content::Level,
    Content::UserId,
    Content::Email,
    Content::Roles,
    Content::Phone,
    Content::TwoFactor,
];

impl People {
    /// The table: titles, then the rows in view, laid out for the width it gets.
    pub(super) fn table<'a>(
        &'a self,
        l: Locale,
        catalogue: Vec<sesame_core::api::Role>,
    ) -> Element<'a, Message> {
        responsive(move |size| {
            let widths = self.widths(l, &catalogue, size.width);
            let list: Element<'a, Message> =
                if self.visible.is_empty() && !self.loading && !self.waiting() {
                    // Say why the list is empty rather than show a blank area.
                    container(text(l.t("people-no-match")).size(14))
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
                            self.row(l, &catalogue, self.visible[i], current, &widths)
                        },
                        Message::Scrolled,
                    )
                };
            column![self.column_headers(l, &widths), list]
                .height(Length::Fill)
                .into()
        })
        .into()
    }

    /// What each column needs (its title, and its widest value in view), shared out of
    /// `width`.
    fn widths(&self, l: Locale, catalogue: &[sesame_core::api::Role], width: f32) -> Widths {
        let values = Values {
            l,
            catalogue,
            sets: &self.role_sets,
        };
        let rows = self.window.slice(self.visible.len(), ROW_HEIGHT);
        let in_view: Vec<&Row> = self.visible[rows]
            .iter()
            .map(|&i| &self.all[i as usize])
            .collect();
        let needs: Vec<f32> = COLUMNS
            .iter()
            .map(|c| {
                let title = self.title_need(l, c.title, c.sort);
                in_view
                    .iter()
                    .map(|p| self.need(p, c.content, values))
                    .fold(title, f32::max)
                    + 1.0
            })
            .collect();
        let options = measure(&l.t("action-modify"), 14.0)
            + measure(&l.t("column-options"), 14.0)
            + 4.0 * LINK_PADDING
            + 6.0
            + 1.0;
        // As many columns as have a useful width, the most telling first.
        let fixed = TICK_WIDTH + options + 2.0 * PADDING + SCROLL_BAR + SPACING;
        let shown = (1..=COLUMNS.len())
            .rev()
            .find(|&k| (width - fixed - SPACING * k as f32) / k as f32 >= NARROWEST)
            .unwrap_or(1);
        let kept: Vec<bool> = COLUMNS
            .iter()
            .map(|c| KEPT_FIRST[..shown].contains(&c.content))
            .collect();
        // A badge or a shield cannot be shortened: it has what it needs, the text columns
        // share the rest.
        let whole = |k: usize| matches!(COLUMNS[k].content, Content::Status | Content::TwoFactor);
        let kept_whole: f32 = (0..COLUMNS.len())
            .filter(|&k| kept[k] && whole(k))
            .map(|k| needs[k])
            .sum();
        let room = width - fixed - SPACING * shown as f32 - kept_whole;
        let shared: Vec<f32> = (0..COLUMNS.len())
            .filter(|&k| kept[k] && !whole(k))
            .map(|k| needs[k])
            .collect();
        let mut shares = share(&shared, room.max(0.0)).into_iter();
        let columns = (0..COLUMNS.len())
            .map(|k| match (kept[k], whole(k)) {
                (false, _) => None,
                (true, true) => Some(needs[k]),
                (true, false) => shares.next(),
            })
            .collect();
        Widths { columns, options }
    }

    /// How wide a column's title is drawn whole (with its sort arrow when it sorts the list).
    fn title_need(&self, l: Locale, title: &str, sort: Option<PeopleSort>) -> f32 {
        match sort {
            Some(sort) => measure(&self.title(l, title, sort), 14.0) + 2.0 * LINK_PADDING,
            None => measure(&l.t(title), 13.0),
        }
    }

    /// A sorting column's title, with an arrow when the list is sorted by it.
    fn title(&self, l: Locale, title: &str, sort: PeopleSort) -> String {
        match (self.sort == sort, self.desc) {
            (true, true) => format!("{} ▼", l.t(title)),
            (true, false) => format!("{} ▲", l.t(title)),
            (false, _) => l.t(title),
        }
    }

    /// How wide the cell of `content` is drawn whole for `p`.
    fn need(&self, p: &Row, content: Content, v: Values<'_>) -> f32 {
        let l = v.l;
        match content {
            Content::Status => {
                let badge = measure(&l.status(p.status), 12.0) + 16.0;
                if self.link_closed(p) {
                    badge + 4.0 + measure(&l.t("people-link-closed"), 11.0)
                } else {
                    badge
                }
            }
            Content::TwoFactor if p.two_factor => {
                13.0 * 0.85 + 4.0 + measure(&l.t("two-factor-on"), 12.0)
            }
            Content::TwoFactor => measure(&l.t("two-factor-off"), 12.0),
            Content::Roles => measure(&content.text(p, v), 12.0),
            _ => measure(&content.text(p, v), 14.0),
        }
    }

    /// An invitation whose link was withdrawn or ran out.
    fn link_closed(&self, p: &Row) -> bool {
        p.status == Status::Invited && self.invitation(p.id).is_some_and(|i| i.expired)
    }

    fn column_headers<'a>(&'a self, l: Locale, widths: &Widths) -> Element<'a, Message> {
        let shown = COLUMNS
            .iter()
            .zip(&widths.columns)
            .filter_map(|(c, w)| Some((c, (*w)?)));
        let headers = shown.fold(
            row![container(text("")).width(TICK_WIDTH)],
            |r, (c, width)| {
                // The audit weighs a title's room as a value's.
                let mut info = Semantic::new(Role::ColumnHeader);
                info.cut_by = Some(self.title_need(l, c.title, c.sort) - width);
                r.push(widget::semantic(
                    info,
                    match c.sort {
                        Some(sort) => self.header(l, c.title, sort, width),
                        None => container(text(l.t(c.title)).size(13)).width(width).into(),
                    },
                ))
            },
        );
        let titles = headers
            .push(widget::part(
                Role::ColumnHeader,
                container(text(l.t("column-options")).size(13)).width(widths.options),
            ))
            .spacing(SPACING)
            .align_y(Alignment::Center)
            .padding([4.0, PADDING]);
        widget::part(Role::Row, titles)
    }

    fn header<'a>(
        &self,
        l: Locale,
        id: &str,
        sort: PeopleSort,
        width: f32,
    ) -> Element<'a, Message> {
        let link = widget::button_for(
            widget::Look::Link,
            self.title(l, id, sort),
            Some(Message::SortBy(sort)),
        )
        .role(Role::ColumnHeader);
        container(link).width(width).clip(true).into()
    }

    fn row<'a>(
        &'a self,
        l: Locale,
        catalogue: &[sesame_core::api::Role],
        index: u32,
        current: bool,
        widths: &Widths,
    ) -> Element<'a, Message> {
        let p = &self.all[index as usize];
        let id = p.id;
        let values = Values {
            l,
            catalogue,
            sets: &self.role_sets,
        };
        let shown = COLUMNS
            .iter()
            .zip(&widths.columns)
            .filter_map(|(c, w)| Some((c, (*w)?)));
        let cells = shown.map(|(c, width)| {
            widget::part(
                Role::Cell,
                container(self.cell(p, c.content, values))
                    .width(width)
                    .clip(true),
            )
        });
        let name = name_shown(p.last_name(), p.first_name(), p.email());
        let ticked = self.selected.contains_key(&id);
        let line = row![
            container(
                widget::Focus::new(checkbox(ticked).on_toggle(move |on| Message::Tick(id, on)))
                    .on_activate(Some(Message::Tick(id, !ticked)))
                    .checked(ticked)
                    .name(l.t_with("a11y-select-row", &[("name", &name)]))
                    .id(format!("tick-{}", p.user_id()))
            )
            .width(TICK_WIDTH),
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
            .width(widths.options),
        )
        .spacing(SPACING)
        .padding([0.0, PADDING])
        .height(ROW_HEIGHT)
        .align_y(Alignment::Center);
        let mut info = Semantic::new(Role::Row).name(name);
        info.selected = current;
        let line = widget::semantic(info, line);
        // The row the arrows are on stands out, with the focus ring's colour at its edge.
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
            Content::Status if self.link_closed(p) => {
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
}
