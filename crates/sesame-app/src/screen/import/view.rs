//! The import screen drawn: the file, the progress, the report row by row with its totals, the
//! delivery and the steps, and the dialogs over it.

use iced::widget::{column, container, progress_bar, row, space, text, text_input};
use iced::{Alignment, Element, Length, Theme};

use super::{Busy, DeliveryChoice, Dialog, Import, Message, report};
use crate::locale::Locale;
use crate::screen::Ctx;
use crate::widget::{self, Weight, confirm, virtual_list};
use sesame_core::api::import::{ImportDelivery, ImportOutcome, ImportReport, Reading};

const ROW_HEIGHT: f32 = 30.0;
const LINE_WIDTH: f32 = 64.0;
/// Up to this many rows, the report shows every reason whole.
const WRAPPED_ROWS: usize = 500;

impl Import {
    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let levels = ctx
            .me
            .rights
            .grantable_levels
            .iter()
            .map(|lv| l.level(*lv))
            .collect::<Vec<_>>()
            .join(", ");
        let mut page = column![
            crate::widget::title(t("import-title")),
            text(t("import-intro")).size(14),
            text(l.t_with("import-may-create", &[("levels", &levels)])).size(13),
        ]
        .spacing(10)
        .padding(20);
        if let Some(n) = &self.notice {
            page = page.push(n.view());
        }
        page = page.push(self.file_row(l));
        if let Some(e) = &self.read_error {
            page = page.push(widget::notice(&report::read_error(l, e), true));
        }
        if let Some(busy) = self.busy {
            page = page.push(self.progress(busy, l));
        }
        if let Some(r) = &self.report {
            page = page.push(self.report_view(r, l));
        } else if !ctx.compact {
            page = page.push(space().height(Length::Fill));
        }
        let page = page.push(self.steps(l));
        // A small window: the page scrolls whole, its steps below what came before.
        let page: Element<'a, Message> = if ctx.compact {
            crate::widget::scroll(page).height(Length::Fill).into()
        } else {
            page.height(Length::Fill).into()
        };
        match self.dialog {
            None => page,
            Some(d) => self.dialog_view(page, d, l),
        }
    }

    /// The file's path (typed, or filled by the system's dialog), Read, and the template.
    fn file_row<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let idle = self.busy.is_none();
        let mut r = row![widget::input(
            t("import-path-placeholder"),
            &self.path,
            text_input(&t("import-path-placeholder"), &self.path)
                .style(crate::widget::colors::field)
                .id("import-path")
                .on_input(Message::Path)
                .on_submit(Message::Read)
                .padding(8)
                .size(14)
                .width(Length::Fill)
        )]
        .spacing(10)
        .align_y(Alignment::Center);
        if self.native_dialogs {
            r = r.push(
                widget::button_for(
                    widget::Look::Secondary,
                    t("import-browse"),
                    idle.then_some(Message::Browse),
                )
                .id("import-browse"),
            );
        }
        let ready = idle && !self.path.trim().is_empty();
        r.push(
            widget::button_for(
                widget::Look::Primary,
                t("import-read"),
                ready.then_some(Message::Read),
            )
            .id("import-read"),
        )
        .push(
            widget::button_for(
                widget::Look::Secondary,
                t("import-template"),
                Some(Message::Template),
            )
            .id("import-template"),
        )
        .wrap()
        .vertical_spacing(10)
        .into()
    }

    /// What runs now: a bar that fills for the letters' batches; for a single request, whose
    /// progress the server does not report, a bar that moves without claiming a share.
    fn progress<'a>(&'a self, busy: Busy, l: Locale) -> Element<'a, Message> {
        let rows = l.number(self.rows_read());
        let (label, bar): (String, Element<'a, Message>) = match busy {
            Busy::Letters { done, total } => (
                l.t_with(
                    "import-progress-letters",
                    &[("done", &l.number(done)), ("total", &l.number(total))],
                ),
                progress_bar(0.0..=total.max(1) as f32, done as f32)
                    .girth(8)
                    .into(),
            ),
            Busy::Reading => (l.t("import-progress-reading"), self.moving_bar()),
            Busy::Checking => (
                l.t_with("import-progress-checking", &[("rows", &rows)]),
                self.moving_bar(),
            ),
            Busy::Applying => (
                l.t_with("import-progress-applying", &[("rows", &rows)]),
                self.moving_bar(),
            ),
        };
        column![text(label).size(13), bar].spacing(4).into()
    }

    /// A segment going to and fro: work under way, of unknown length.
    fn moving_bar<'a>(&self) -> Element<'a, Message> {
        let step = (self.pulse % 150) as u16;
        let at = if step < 75 { step } else { 150 - step };
        let segment = container(space().height(8))
            .width(Length::FillPortion(25))
            .style(|theme: &Theme| container::Style {
                background: Some(theme.extended_palette().primary.base.color.into()),
                border: iced::Border {
                    radius: 4.0.into(),
                    ..iced::Border::default()
                },
                ..container::Style::default()
            });
        container(
            row![
                space().width(Length::FillPortion(at + 1)),
                segment,
                space().width(Length::FillPortion(76 - at)),
            ]
            .height(8),
        )
        .width(Length::Fill)
        .style(|theme: &Theme| container::Style {
            background: Some(theme.extended_palette().background.strong.color.into()),
            border: iced::Border {
                radius: 4.0.into(),
                ..iced::Border::default()
            },
            ..container::Style::default()
        })
        .into()
    }

    /// The totals, then every row: line, user ID, outcome, and what changes or why refused.
    fn report_view<'a>(&'a self, r: &'a ImportReport, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let file = self.file.as_ref().map_or("", |f| f.name.as_str());
        let title = if r.dry_run {
            l.t_with("import-report-dry-run", &[("file", file)])
        } else {
            l.t_with("import-report-applied", &[("file", file)])
        };
        let header = row![
            container(text(t("import-column-line")).size(13)).width(LINE_WIDTH),
            container(text(t("column-user-id")).size(13)).width(Length::FillPortion(2)),
            container(text(t("import-column-outcome")).size(13)).width(Length::FillPortion(2)),
            container(text(t("import-column-detail")).size(13)).width(Length::FillPortion(6)),
        ]
        .spacing(8)
        // As the rows, which leave room for the scrollbar.
        .padding(iced::Padding::from([4, 8]).right(20));
        let reading = self.file.as_ref().map(|f| &f.reading);
        // The rows shown: all, or the refused ones alone (to find them among thousands).
        let shown: Vec<usize> = (0..r.rows.len())
            .filter(|i| !self.only_refused || r.rows[*i].outcome == ImportOutcome::Refused)
            .collect();
        // A report of usual size shows every reason whole, wrapped; a very long one is drawn
        // a screenful at a time.
        let list: Element<'a, Message> = if shown.len() <= WRAPPED_ROWS {
            let rows = shown.iter().fold(column![].spacing(2), |c, i| {
                c.push(report_row(l, r, reading, *i, true))
            });
            crate::widget::scroll(rows.padding(iced::Padding::ZERO.right(12)))
                .height(Length::Fill)
                .into()
        } else {
            virtual_list::view(
                "import_rows",
                shown.len(),
                ROW_HEIGHT,
                self.window,
                move |i| report_row(l, r, reading, shown[i], false),
                Message::Scrolled,
            )
        };
        let totals = row![
            text(report::totals(l, r)).size(14).width(Length::Fill),
            widget::check(
                t("import-only-refused"),
                self.only_refused,
                Message::OnlyRefused
            )
            .id("import-only-refused"),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let read_as = self.file.as_ref().map(|f| report::reading(l, &f.reading));
        column![
            text(title).size(16),
            text(read_as.unwrap_or_default()).size(13),
            totals,
            header,
            list
        ]
        .spacing(6)
        .height(Length::Fill)
        .into()
    }

    /// How the new people get in, Apply, the report's export, and the way back.
    fn steps<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let deliveries = [ImportDelivery::Invitation, ImportDelivery::Letter]
            .map(|d| DeliveryChoice(d, l))
            .to_vec();
        let applied = self.report.as_ref().is_some_and(|r| !r.dry_run);
        let delivery: Element<'a, Message> = if applied {
            space().width(0).into()
        } else {
            row![
                text(t("import-delivery")).size(14),
                widget::menu(
                    deliveries,
                    Some(DeliveryChoice(self.delivery, l)),
                    Message::Delivery
                )
                .name(t("import-delivery"))
                .id("import-delivery"),
            ]
            .spacing(10)
            .align_y(Alignment::Center)
            .into()
        };
        let idle = self.busy.is_none();
        column![
            delivery,
            row![
                widget::button_for(
                    widget::Look::Primary,
                    t("import-apply"),
                    self.may_apply().then_some(Message::AskApply),
                )
                .id("import-apply"),
                widget::button_for(
                    widget::Look::Secondary,
                    t("import-export-report"),
                    (self.report.is_some() && idle).then_some(Message::ExportReport),
                )
                .id("import-export"),
                widget::with_shortcut(
                    widget::button_for(
                        widget::Look::Secondary,
                        t("import-back"),
                        idle.then_some(Message::Back),
                    )
                    .id("import-back"),
                    "Esc"
                ),
            ]
            .spacing(10)
            .wrap(),
        ]
        .spacing(10)
        .into()
    }

    fn dialog_view<'a>(
        &'a self,
        page: Element<'a, Message>,
        d: Dialog,
        l: Locale,
    ) -> Element<'a, Message> {
        match d {
            Dialog::Apply => {
                let totals = self.report.as_ref().map(|r| r.totals).unwrap_or_default();
                let n = |v: u32| l.number(v as usize);
                let body = l.t_with(
                    match self.delivery {
                        ImportDelivery::Invitation => "dialog-import-body-invitation",
                        ImportDelivery::Letter => "dialog-import-body-letter",
                    },
                    &[
                        ("create", &n(totals.create)),
                        ("update", &n(totals.update)),
                        ("refused", &n(totals.refused)),
                    ],
                );
                confirm(
                    page,
                    l,
                    l.t("dialog-import-title"),
                    body,
                    ("action-cancel", Message::CloseDialog),
                    Message::ConfirmApply,
                    Weight::Normal,
                )
            }
            Dialog::Discard | Dialog::Exit => {
                let file = self.file.as_ref().map_or("", |f| f.name.as_str());
                confirm(
                    page,
                    l,
                    l.t("dialog-import-discard-title"),
                    l.t_with("dialog-import-discard-body", &[("file", file)]),
                    ("action-keep-editing", Message::CloseDialog),
                    Message::Discard,
                    Weight::Dangerous,
                )
            }
        }
    }
}

/// One row of the report; a refused row's outcome in the error colour. `wrapped`: the
/// detail takes the lines it needs, else it ends with "…" and shows whole under the pointer.
fn report_row<'a>(
    l: Locale,
    r: &'a ImportReport,
    reading: Option<&Reading>,
    i: usize,
    wrapped: bool,
) -> Element<'a, Message> {
    let row_report = &r.rows[i];
    let refused = row_report.outcome == ImportOutcome::Refused;
    // On one line in the long list, whose rows are all one height; else wrapped like the detail.
    let outcome = text(report::outcome(l, r.dry_run, row_report.outcome))
        .size(14)
        .wrapping(if wrapped {
            text::Wrapping::Word
        } else {
            text::Wrapping::None
        })
        .style(move |theme: &Theme| text::Style {
            color: refused.then(|| widget::colors::error_text(theme)),
        });
    let detail = report::detail_read(l, row_report, reading);
    let detail: Element<'a, Message> = if wrapped {
        text(detail).size(13).into()
    } else {
        widget::ellipsis::ellipsis(detail, 13.0).into()
    };
    let line = row![
        container(text(row_report.line.to_string()).size(14)).width(LINE_WIDTH),
        container(widget::ellipsis::ellipsis(row_report.user_id.clone(), 14.0))
            .width(Length::FillPortion(2)),
        container(outcome).width(Length::FillPortion(2)),
        container(detail).width(Length::FillPortion(6)),
    ]
    .spacing(8);
    if wrapped {
        line.padding([6, 8]).into()
    } else {
        // Room for the scrollbar, as the header leaves.
        line.padding(iced::Padding::from([0, 8]).right(20))
            .height(ROW_HEIGHT)
            .align_y(Alignment::Center)
            .into()
    }
}
