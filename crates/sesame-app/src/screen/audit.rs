//! The audit log: who did what, when, on whom. Filters on who acted, on whom, on the action
//! and on a period; newest first, a page at a time; CSV export of everything the filters keep.

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};
use time::{Date, OffsetDateTime, Time};

use super::Ctx;
use crate::locale::{Locale, local_offset};
use crate::spreadsheet::{self, Cell, Kind, Sheet, Table};
use crate::widget::{Notice, labelled, primary, secondary};
use sesame_client::{Client, ClientError};
use sesame_core::api::{AuditEntry, AuditPage, AuditQuery, Role};
use sesame_core::domain::AuditAction;

const PAGE: u32 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Who,
    Whom,
    From,
    To,
}

/// "All actions" or one, for the filter's pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionFilter(pub Option<AuditAction>, pub Locale);

impl std::fmt::Display for ActionFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(a) => f.write_str(&self.1.audit_action(a.as_str())),
            None => f.write_str(&self.1.t("audit-all-actions")),
        }
    }
}

#[derive(Default)]
pub struct Audit {
    who: String,
    whom: String,
    from: String,
    to: String,
    action: Option<AuditAction>,
    entries: Vec<AuditEntry>,
    next: Option<String>,
    loading: bool,
    exporting: bool,
    /// A date that could not be read: (field, message).
    date_error: Option<(Field, String)>,
    notice: Option<Notice>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Field(Field, String),
    Action(ActionFilter),
    Search,
    Loaded(bool, Result<AuditPage, ClientError>),
    More,
    Export,
    /// The CSV of every entry the filters keep.
    Exported(Result<Sheet, ClientError>),
    Back,
}

pub type Action = crate::screen::Effect<Message>;

impl Audit {
    pub fn load(ctx: Ctx<'_>) -> (Audit, Task<Message>) {
        let mut audit = Audit::default();
        let task = match audit.search(ctx.client, ctx.locale, None) {
            Action::Run(t) => t,
            _ => Task::none(),
        };
        (audit, task)
    }

    pub fn entries(&self) -> &[AuditEntry] {
        &self.entries
    }

    /// The query the filters make, or the date that cannot be read.
    fn query(&self, l: Locale) -> Result<AuditQuery, (Field, String)> {
        let text = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        Ok(AuditQuery {
            who: text(&self.who),
            whom: text(&self.whom),
            action: self.action.map(|a| a.as_str().to_owned()),
            from: day_bound(&self.from, Time::MIDNIGHT)
                .map_err(|_| (Field::From, l.t("audit-date-format")))?,
            to: day_bound(&self.to, Time::from_hms(23, 59, 59).expect("valid time"))
                .map_err(|_| (Field::To, l.t("audit-date-format")))?,
            ..AuditQuery::default()
        })
    }

    fn search(&mut self, client: &Client, l: Locale, cursor: Option<String>) -> Action {
        let mut q = match self.query(l) {
            Ok(q) => q,
            Err(e) => {
                self.date_error = Some(e);
                return Action::None;
            }
        };
        self.date_error = None;
        self.loading = true;
        let more = cursor.is_some();
        q.cursor = cursor;
        q.limit = Some(PAGE);
        let c = client.clone();
        Action::Run(Task::perform(async move { c.audit(&q).await }, move |r| {
            Message::Loaded(more, r)
        }))
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Field(f, v) => match f {
                Field::Who => self.who = v,
                Field::Whom => self.whom = v,
                Field::From => self.from = v,
                Field::To => self.to = v,
            },
            Message::Action(a) => {
                self.action = a.0;
                return self.search(ctx.client, l, None);
            }
            Message::Search => return self.search(ctx.client, l, None),
            Message::More => {
                if let Some(c) = self.next.clone() {
                    return self.search(ctx.client, l, Some(c));
                }
            }
            Message::Loaded(more, Ok(page)) => {
                self.loading = false;
                if !more {
                    self.entries.clear();
                }
                self.entries.extend(page.items);
                self.next = page.next_cursor;
            }
            Message::Export => {
                let Ok(q) = self.query(l) else {
                    return self.search(ctx.client, l, None);
                };
                self.exporting = true;
                let c = ctx.client.clone();
                let roles = ctx.roles.to_vec();
                // Fetched page after page and written off the update loop: the log can be long.
                return Action::Run(Task::perform(
                    async move {
                        let mut q = AuditQuery {
                            limit: Some(1000),
                            ..q
                        };
                        let mut all = vec![];
                        loop {
                            let page = c.audit(&q).await?;
                            all.extend(page.items);
                            match page.next_cursor {
                                Some(next) => q.cursor = Some(next),
                                None => break,
                            }
                        }
                        tokio::task::spawn_blocking(move || sheet(l, &roles, &all))
                            .await
                            .map_err(|e| ClientError::Unreachable(e.to_string()))
                    },
                    Message::Exported,
                ));
            }
            Message::Exported(Ok(sheet)) => {
                self.exporting = false;
                return Action::Save(Box::new(Table {
                    sheet,
                    file: l.t("audit-csv-file"),
                }));
            }
            Message::Loaded(_, Err(e)) | Message::Exported(Err(e)) => {
                self.loading = false;
                self.exporting = false;
                self.notice = Some(Notice::failed(l.error(&e)));
            }
            Message::Back => return Action::Home,
        }
        Action::None
    }

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let page = column![
            crate::widget::title(t("audit-title")),
            text(t("audit-intro")).size(14),
            crate::widget::notice_slot(self.notice.as_ref()),
            self.filters(l, ctx.compact),
            self.entries_view(l, ctx.roles, ctx.compact),
            self.buttons(l),
        ]
        .spacing(10)
        .padding(20);
        // A small window: the filters one under the other, the page scrolling whole.
        if ctx.compact {
            crate::widget::scroll(page).height(Length::Fill).into()
        } else {
            page.height(Length::Fill).into()
        }
    }

    /// Who, on whom, which action, between which days.
    fn filters<'a>(&'a self, l: Locale, compact: bool) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        // Each filter says what it is above its field, where the words stay while typing; the
        // dates show their format inside.
        let input = |placeholder: &str, value: &'a str, field: Field, id: &'static str| {
            text_input(placeholder, value)
                .style(crate::widget::colors::field)
                .id(id)
                .on_input(move |v| Message::Field(field, v))
                .on_submit(Message::Search)
                .padding(8)
        };
        let format = t("audit-date-placeholder");
        let actions: Vec<ActionFilter> = std::iter::once(ActionFilter(None, l))
            .chain(AuditAction::ALL.iter().map(|a| ActionFilter(Some(*a), l)))
            .collect();
        let date_error = |f: Field| {
            self.date_error
                .as_ref()
                .filter(|(x, _)| *x == f)
                .map(|(_, m)| m.as_str())
        };
        let who = input("", &self.who, Field::Who, "audit-who");
        let whom = input("", &self.whom, Field::Whom, "audit-whom");
        // Wide enough for the format it shows, in either language.
        let from = input(&format, &self.from, Field::From, "audit-from").width(140);
        let to = input(&format, &self.to, Field::To, "audit-to").width(140);
        let action =
            crate::widget::menu(actions, Some(ActionFilter(self.action, l)), Message::Action)
                .id("audit-action");
        let fields: Vec<Element<'a, Message>> = vec![
            container(labelled(t("audit-who"), who, None))
                .width(Length::FillPortion(2))
                .into(),
            container(labelled(t("audit-whom"), whom, None))
                .width(Length::FillPortion(2))
                .into(),
            container(labelled(t("audit-filter-action"), action, None))
                .width(Length::FillPortion(3))
                .into(),
            labelled(t("audit-from"), from, date_error(Field::From)),
            labelled(t("audit-to"), to, date_error(Field::To)),
            column![
                text(" ").size(13),
                primary(t("audit-search"), Some(Message::Search))
            ]
            .spacing(4)
            .into(),
        ];
        if compact {
            column(fields).spacing(8).into()
        } else {
            row(fields).spacing(8).align_y(Alignment::Start).into()
        }
    }

    /// The entries found, under their column headers.
    fn entries_view<'a>(
        &'a self,
        l: Locale,
        roles: &[Role],
        compact: bool,
    ) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let mut list = column![].spacing(2);
        let header = row![
            text(t("audit-column-when"))
                .size(13)
                .width(Length::FillPortion(2)),
            text(t("audit-column-who"))
                .size(13)
                .width(Length::FillPortion(2)),
            text(t("audit-column-what"))
                .size(13)
                .width(Length::FillPortion(3)),
            text(t("audit-column-whom"))
                .size(13)
                .width(Length::FillPortion(2)),
            text(t("audit-column-detail"))
                .size(13)
                .width(Length::FillPortion(3)),
        ]
        .spacing(8)
        .padding([4, 8]);
        for e in &self.entries {
            let cell = |s: String, portion: u16| {
                container(text(s).size(13))
                    .width(Length::FillPortion(portion))
                    .clip(true)
            };
            list = list.push(
                row![
                    cell(moment(l, e.at), 2),
                    cell(e.actor.clone(), 2),
                    cell(l.audit_action(&e.action), 3),
                    cell(e.target.clone(), 2),
                    cell(l.audit_detail(e.detail.as_ref(), roles), 3),
                ]
                .spacing(8)
                .padding([4, 8]),
            );
        }
        // In a page that scrolls (a small window), the list keeps a height of its own.
        let height = if compact {
            Length::Fixed(320.0)
        } else {
            Length::Fill
        };
        column![header, crate::widget::scroll(list).height(height)]
            .height(if compact {
                Length::Shrink
            } else {
                Length::Fill
            })
            .into()
    }

    /// How many were found, More, Export and Quit.
    fn buttons<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let count = if self.loading {
            t("audit-loading")
        } else if self.entries.is_empty() {
            t("audit-empty")
        } else {
            l.t_count("audit-count", "count", self.entries.len())
        };
        row![
            text(count).size(13).width(Length::Fill),
            secondary(
                t("audit-more"),
                (self.next.is_some() && !self.loading).then_some(Message::More)
            ),
            secondary(
                t(if self.exporting {
                    "audit-exporting"
                } else {
                    "audit-export"
                }),
                (!self.exporting).then_some(Message::Export)
            ),
            secondary(t("action-quit"), Some(Message::Back)),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
    }
}

/// A day typed as YYYY-MM-DD, at `time` on this computer's clock, as RFC 3339; empty is none.
fn day_bound(typed: &str, time: Time) -> Result<Option<String>, ()> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = Date::parse(typed, &format).map_err(|_| ())?;
    let at = day.with_time(time).assume_offset(local_offset());
    at.format(&time::format_description::well_known::Rfc3339)
        .map(Some)
        .map_err(|_| ())
}

/// When, on this computer's clock: the date as the language writes it, and the time.
fn moment(l: Locale, at: OffsetDateTime) -> String {
    let local = at.to_offset(local_offset());
    format!(
        "{} {:02}:{:02}",
        l.short_date(local),
        local.hour(),
        local.minute()
    )
}

/// The entries for the reader's spreadsheet (see `spreadsheet`), times as date cells on this
/// computer's clock.
pub fn sheet(l: Locale, roles: &[Role], entries: &[AuditEntry]) -> Sheet {
    let columns = [
        ("audit-column-when", Kind::When),
        ("audit-column-who", Kind::Text),
        ("audit-column-what", Kind::Text),
        ("audit-column-whom", Kind::Text),
        ("audit-column-detail", Kind::Text),
    ];
    let rows = entries.iter().map(|e| {
        vec![
            spreadsheet::when(e.at),
            Cell::Text(e.actor.clone()),
            Cell::Text(l.audit_action(&e.action)),
            Cell::Text(e.target.clone()),
            Cell::Text(l.audit_detail(e.detail.as_ref(), roles)),
        ]
    });
    spreadsheet::sheet(l, "audit-sheet", &columns, rows)
}

impl super::Questions for Audit {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("audit-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_day_becomes_a_bound_and_nonsense_is_refused() {
        let from = day_bound("2026-11-23", Time::MIDNIGHT).unwrap().unwrap();
        assert!(from.starts_with("2026-11-23T00:00:00"), "{from}");
        assert_eq!(day_bound("  ", Time::MIDNIGHT), Ok(None));
        assert!(day_bound("23/11/2026", Time::MIDNIGHT).is_err());
        assert!(day_bound("2026-02-30", Time::MIDNIGHT).is_err());
    }

    #[test]
    fn a_detail_reads_in_french_in_the_list_and_the_csv() {
        use sesame_core::api::AuditDetail;
        use sesame_core::domain::{Language, Level};
        let viewer = Role {
            code: "viewer".into(),
            name_en: "Viewer".into(),
            name_fr: "Lecture seule".into(),
            description_en: String::new(),
            description_fr: String::new(),
        };
        let entry = AuditEntry {
            id: 1,
            at: OffsetDateTime::UNIX_EPOCH,
            actor_id: None,
            actor: "demo".into(),
            action: "person_created".into(),
            target_id: None,
            target: "zoe".into(),
            detail: Some(AuditDetail::Person {
                level: Level::Three,
                roles: vec!["viewer".into(), "gone".into()],
            }),
        };
        let fr = Locale::new(Language::Fr);
        let said = "Niveau 3\u{a0}; rôles\u{a0}: Lecture seule, gone";
        assert_eq!(
            fr.audit_detail(entry.detail.as_ref(), std::slice::from_ref(&viewer)),
            said
        );
        let sheet = sheet(fr, std::slice::from_ref(&viewer), &[entry]);
        let text = String::from_utf8(spreadsheet::csv(fr, &sheet)).unwrap();
        assert!(text.contains(said), "{text}");
    }
}
