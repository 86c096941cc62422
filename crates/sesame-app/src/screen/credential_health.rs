//! The health view of API credentials: every service and technical user the reader manages,
//! with its last use, age, days to expiry and owner, filtered by the server ("never used",
//! "unused for 90 days", "expires within 30 days", "expired"), sorted here by any column,
//! exported as CSV. Shown on the service users screen (level 1) and the structures screen
//! (a primary manager, for their technical users).

use iced::widget::{column, container, row, text};
use iced::{Alignment, Element, Length, Task};
use sesame_core::i18n::keys::TextKey;

use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::spreadsheet::{self, Cell, Kind, Sheet, Table};
use crate::widget::{self, secondary};
use sesame_client::ClientError;
use sesame_core::api::{CredentialHealth, CredentialKind, HealthFilter};

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<CredentialHealth>, ClientError>),
    Filter(Option<HealthFilter>),
    Sort(Column),
    Export,
    Close,
}

/// What the screen that shows the view does next.
pub enum Action {
    None,
    Run(Task<Message>),
    /// Save the table (a workbook or CSV).
    Save(Box<Table>),
    Close,
    Failed(ClientError),
}

/// The columns one can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    UserId,
    Kind,
    LastUsed,
    Age,
    Expiry,
    Owner,
}

/// A filter as the menu shows it: "All" or one of the server's filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterChoice(pub Option<HealthFilter>, pub Locale);

impl std::fmt::Display for FilterChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(h) => f.write_str(&self.1.t(&h.text_key())),
            None => f.write_str(&self.1.t("health-filter-all")),
        }
    }
}

pub struct Health {
    pub rows: Vec<CredentialHealth>,
    pub filter: Option<HealthFilter>,
    pub sort: Column,
    pub desc: bool,
    pub loading: bool,
}

impl Health {
    pub fn open(ctx: Ctx<'_>) -> (Health, Task<Message>) {
        let h = Health {
            rows: vec![],
            filter: None,
            sort: Column::Expiry,
            desc: false,
            loading: true,
        };
        // The focus goes to the view's first control, not to whatever now stands where the
        // button that opened it was.
        let task = Task::batch([h.load(ctx), crate::widget::reveal::focus("health-filter")]);
        (h, task)
    }

    /// Asks the server for the lines the filter keeps.
    pub fn load(&self, ctx: Ctx<'_>) -> Task<Message> {
        let filter = self.filter;
        request(
            ctx.client,
            move |c| async move { c.credential_health(filter).await },
            Message::Loaded,
        )
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Loaded(Ok(rows)) => {
                self.rows = rows;
                self.loading = false;
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                return Action::Failed(e);
            }
            Message::Filter(f) => {
                self.filter = f;
                self.loading = true;
                return Action::Run(self.load(ctx));
            }
            Message::Sort(column) => self.sort_by(column),
            Message::Export => {
                let l = ctx.locale;
                return Action::Save(Box::new(Table {
                    sheet: sheet(l, &self.sorted()),
                    file: l.t("health-csv-file"),
                }));
            }
            Message::Close => return Action::Close,
        }
        Action::None
    }

    /// The accounts as shown (filter and order applied).
    pub fn shown(&self) -> Vec<String> {
        self.sorted().iter().map(|r| r.user_id.clone()).collect()
    }

    pub fn sort_by(&mut self, column: Column) {
        if self.sort == column {
            self.desc = !self.desc;
        } else {
            self.sort = column;
            self.desc = false;
        }
    }

    /// The rows in the chosen order (ties by user ID).
    pub fn sorted(&self) -> Vec<&CredentialHealth> {
        let mut rows: Vec<&CredentialHealth> = self.rows.iter().collect();
        rows.sort_by(|a, b| {
            let by = match self.sort {
                Column::UserId => a.user_id.cmp(&b.user_id),
                Column::Kind => kind_order(a.kind).cmp(&kind_order(b.kind)),
                // Never used counts as the longest time unused.
                Column::LastUsed => b
                    .last_used_at
                    .is_none()
                    .cmp(&a.last_used_at.is_none())
                    .then(a.last_used_at.cmp(&b.last_used_at)),
                Column::Age => a.age_days.cmp(&b.age_days),
                // "Never expires" comes after every date.
                Column::Expiry => a
                    .days_to_expiry
                    .unwrap_or(i64::MAX)
                    .cmp(&b.days_to_expiry.unwrap_or(i64::MAX)),
                Column::Owner => owners(a).cmp(&owners(b)),
            };
            let by = if self.desc { by.reverse() } else { by };
            by.then(a.user_id.cmp(&b.user_id))
        });
        rows
    }

    /// The health view: a table, or on a small window (a large interface size) one card per
    /// account with each value under its title, the titles above sorting as the columns do.
    pub fn view<'a>(&'a self, l: Locale, compact: bool) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let choices: Vec<FilterChoice> = std::iter::once(FilterChoice(None, l))
            .chain(
                HealthFilter::ALL
                    .into_iter()
                    .map(|f| FilterChoice(Some(f), l)),
            )
            .collect();
        let count = if self.loading {
            t("audit-loading")
        } else {
            l.t_count("health-count", "count", self.rows.len())
        };
        let tools = row![
            widget::labelled(
                t("health-filter"),
                widget::menu(choices, Some(FilterChoice(self.filter, l)), |f| {
                    Message::Filter(f.0)
                })
                .id("health-filter"),
                None
            ),
            secondary(
                t("health-export"),
                (!self.loading).then_some(Message::Export)
            ),
            secondary(t("action-back"), Some(Message::Close)),
        ]
        .spacing(10)
        .align_y(Alignment::End)
        .wrap()
        .vertical_spacing(10);
        let table = if compact {
            self.cards(l)
        } else {
            self.table(l)
        };
        column![text(t("health-intro")), tools, text(count).size(13), table]
            .spacing(10)
            .into()
    }

    /// The columns side by side, each row a line.
    fn table<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let header = row![
            self.header(l, "health-column-user-id", Column::UserId, 3),
            self.header(l, "health-column-kind", Column::Kind, 2),
            self.header(l, "column-last-used", Column::LastUsed, 3),
            self.header(l, "health-column-age", Column::Age, 2),
            self.header(l, "health-column-expiry", Column::Expiry, 2),
            // Days left sort as the expiry does: one arrow, on the expiry.
            container(text(l.t("health-column-left")).size(14)).width(Length::FillPortion(2)),
            self.header(l, "health-column-owner", Column::Owner, 3),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        let rows = self
            .sorted()
            .into_iter()
            .fold(column![].spacing(6), |c, h| {
                let cells = line(l, h);
                let cell = |value: String, portion: u16| -> Element<'a, Message> {
                    container(widget::ellipsis::ellipsis(value, 14.0))
                        .width(Length::FillPortion(portion))
                        .into()
                };
                c.push(
                    row![
                        cell(cells[0].clone(), 3),
                        cell(cells[2].clone(), 2),
                        cell(cells[3].clone(), 3),
                        cell(cells[4].clone(), 2),
                        cell(cells[5].clone(), 2),
                        cell(cells[6].clone(), 2),
                        cell(cells[7].clone(), 3),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                )
            });
        column![header, rows].spacing(10).into()
    }

    /// One card per account: its values under their titles, wrapped as the room allows.
    fn cards<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let sorts = [
            ("health-column-user-id", Column::UserId),
            ("health-column-kind", Column::Kind),
            ("column-last-used", Column::LastUsed),
            ("health-column-age", Column::Age),
            ("health-column-expiry", Column::Expiry),
            ("health-column-owner", Column::Owner),
        ]
        .into_iter()
        .fold(
            row![text(l.t("health-sort-by")).size(14)].spacing(6),
            |r, (id, c)| r.push(self.sort_link(l, id, c)),
        )
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(4);
        let titles = [
            "health-column-kind",
            "column-last-used",
            "health-column-age",
            "health-column-expiry",
            "health-column-left",
            "health-column-owner",
        ];
        let cards = self
            .sorted()
            .into_iter()
            .fold(column![].spacing(12), |c, h| {
                let cells = line(l, h);
                let heading = format!("{} — {}", cells[0], cells[1]);
                let values = titles.iter().zip(&cells[2..]).fold(
                    column![text(heading).size(15)].spacing(2),
                    |card, (title, value)| {
                        card.push(
                            text(l.t_with(
                                "label-value",
                                &[("label", &l.t(title)), ("value", value)],
                            ))
                            .size(14),
                        )
                    },
                );
                c.push(values)
            });
        column![sorts, cards].spacing(12).into()
    }

    fn header<'a>(
        &self,
        l: Locale,
        id: &str,
        column: Column,
        portion: u16,
    ) -> Element<'a, Message> {
        container(self.sort_link(l, id, column))
            .width(Length::FillPortion(portion))
            .into()
    }

    /// A column's title that sorts by it, with the order's arrow when it does.
    fn sort_link<'a>(&self, l: Locale, id: &str, column: Column) -> Element<'a, Message> {
        let arrow = if self.sort == column {
            if self.desc { " ▼" } else { " ▲" }
        } else {
            ""
        };
        widget::link(format!("{}{arrow}", l.t(id)), Some(Message::Sort(column)))
    }
}

fn kind_order(k: CredentialKind) -> u8 {
    match k {
        CredentialKind::ServiceUser => 0,
        CredentialKind::TechnicalUser => 1,
    }
}

fn owners(h: &CredentialHealth) -> String {
    h.owners
        .iter()
        .map(|o| o.user_id.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line's cells as shown (and exported): account, what it serves (application or
/// structure), kind, last use, age, expiry date, days left, who is reminded.
pub fn line(l: Locale, h: &CredentialHealth) -> [String; 8] {
    let last_used = match h.last_used_at {
        Some(at) => l.short_date(at),
        None => l.t("health-never-used"),
    };
    let expiry = match h.password.password_expires_at {
        Some(at) => l.short_date(at),
        None => l.t("health-never-expires"),
    };
    let left = match h.days_to_expiry {
        _ if h.expired => l.t("health-expired"),
        Some(days) => l.t_count("health-days", "count", days.max(0) as usize),
        None => "—".to_owned(),
    };
    [
        h.user_id.clone(),
        h.label.clone(),
        l.t(match h.kind {
            CredentialKind::ServiceUser => "health-kind-service",
            CredentialKind::TechnicalUser => "health-kind-technical",
        }),
        last_used,
        l.t_count("health-days", "count", h.age_days.max(0) as usize),
        expiry,
        left,
        owners(h),
    ]
}

/// The lines as shown (filter and order), for the reader's spreadsheet: dates as date cells,
/// ages and days left as numbers.
pub fn sheet(l: Locale, rows: &[&CredentialHealth]) -> Sheet {
    let columns = [
        ("health-column-user-id", Kind::Text),
        ("health-column-label", Kind::Text),
        ("health-column-kind", Kind::Text),
        ("column-last-used", Kind::When),
        ("health-column-age", Kind::Number),
        ("health-column-expiry", Kind::When),
        ("health-column-left", Kind::Number),
        ("health-column-owner", Kind::Text),
    ];
    let cells = rows.iter().map(|h| {
        let shown = line(l, h);
        let date = |at: Option<time::OffsetDateTime>, i: usize| {
            at.map_or_else(|| spreadsheet::text(shown[i].clone()), spreadsheet::when)
        };
        let left = match h.days_to_expiry {
            Some(days) if !h.expired => Cell::Number(days.max(0) as f64),
            _ => spreadsheet::text(shown[6].clone()),
        };
        vec![
            spreadsheet::text(h.user_id.clone()),
            spreadsheet::text(h.label.clone()),
            spreadsheet::text(shown[2].clone()),
            date(h.last_used_at, 3),
            Cell::Number(h.age_days.max(0) as f64),
            date(h.password.password_expires_at, 5),
            left,
            spreadsheet::text(owners(h)),
        ]
    });
    spreadsheet::sheet(l, "health-sheet", &columns, cells)
}
