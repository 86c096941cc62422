//! Importing people from a spreadsheet (levels 1 and 2, within what each may create): the
//! template in the UI's language, a file read with the same reader the server documents, a
//! dry run that reports every row and changes nothing, then one all-or-nothing apply with
//! invitations by email or every letter in one PDF, and the report exportable as CSV.

mod report;
mod view;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use iced::widget::scrollable;
use iced::{Subscription, Task};

use super::{Ctx, credential_letter, request};
use crate::locale::Locale;
use crate::widget::Notice;
use crate::widget::virtual_list::Window;
use sesame_client::ClientError;
use sesame_core::api::import::{
    ImportDelivery, ImportFileError, ImportReport, ImportRequest, ImportRow, Reading,
};
use sesame_core::api::{InitializedPassword, PersonSummary};

/// The most passwords one request initializes (the server's batch limit).
const LETTER_BATCH: usize = 500;

/// Why a chosen file gives no rows.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// It cannot be opened (the system's reason).
    Io(String),
    File(ImportFileError),
    /// A header and nothing under it.
    NoRows,
}

/// What is running now; the progress bar says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Reading,
    Checking,
    Applying,
    /// The new people's passwords, a batch at a time, for their letters.
    Letters {
        done: usize,
        total: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialog {
    Apply,
    /// Esc or Back with a file read and not applied: its rows would be thrown away.
    Discard,
    /// The same, when the window is being closed.
    Exit,
}

/// The file read: its name, rows, and the encoding and separator it was read with.
struct Loaded {
    name: String,
    rows: Vec<ImportRow>,
    reading: Reading,
}

pub struct Import {
    path: String,
    native_dialogs: bool,
    documents: PathBuf,
    file: Option<Loaded>,
    read_error: Option<ReadError>,
    delivery: ImportDelivery,
    report: Option<ImportReport>,
    busy: Option<Busy>,
    /// Moves the bar of a request whose progress the server does not report.
    pulse: u32,
    dialog: Option<Dialog>,
    notice: Option<Notice>,
    window: Window,
    /// The report shows the refused rows alone.
    only_refused: bool,
    /// Letters made so far (each with its password, written nowhere else).
    letters: Vec<sesame_documents::CredentialLetter>,
    /// The new people whose letters are still to make, with their names and languages.
    pending: Vec<PersonSummary>,
}

/// How the new people get in, as the menu shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryChoice(pub ImportDelivery, pub Locale);

impl std::fmt::Display for DeliveryChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(match self.0 {
            ImportDelivery::Invitation => "import-delivery-invitation",
            ImportDelivery::Letter => "import-delivery-letter",
        }))
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Path(String),
    /// The system's open dialog.
    Browse,
    Browsed(Option<PathBuf>),
    /// Reads the file at the path typed, then checks it (dry run).
    Read,
    FileRead(Result<(Vec<ImportRow>, Reading), ReadError>),
    Checked(Result<ImportReport, ClientError>),
    Delivery(DeliveryChoice),
    AskApply,
    ConfirmApply,
    Applied(Result<ImportReport, ClientError>),
    /// The people just created, for their letters' names and languages.
    NewPeople(Result<Vec<PersonSummary>, ClientError>),
    Passwords(Result<Vec<InitializedPassword>, ClientError>),
    Template,
    ExportReport,
    ReportReady(Box<crate::spreadsheet::Table>),
    Back,
    Discard,
    /// The window is being closed: asks first when a file read would be lost.
    AskLeave,
    CloseDialog,
    Tick,
    Scrolled(scrollable::Viewport),
    OnlyRefused(bool),
}

/// What only the import asks of the app: back to the user follow-up, loaded afresh.
pub struct BackToList;

pub type Action = super::Effect<Message, BackToList>;

impl Import {
    /// `native_dialogs`: the system can show its open dialog (otherwise the path is typed).
    pub fn new(native_dialogs: bool, documents: PathBuf) -> Import {
        Import {
            path: String::new(),
            native_dialogs,
            documents,
            file: None,
            read_error: None,
            delivery: ImportDelivery::Invitation,
            report: None,
            busy: None,
            pulse: 0,
            dialog: None,
            notice: None,
            window: Window::default(),
            only_refused: false,
            letters: vec![],
            pending: vec![],
        }
    }

    /// The last report (dry run or applied).
    pub fn report(&self) -> Option<&ImportReport> {
        self.report.as_ref()
    }

    /// How many rows the file read holds.
    /// The rows read from the file.
    pub fn rows(&self) -> &[ImportRow] {
        self.file.as_ref().map_or(&[], |f| &f.rows)
    }

    pub fn rows_read(&self) -> usize {
        self.file.as_ref().map_or(0, |f| f.rows.len())
    }

    /// While a request runs the bar moves.
    pub fn subscription(&self) -> Subscription<Message> {
        if self.busy.is_some() {
            iced::time::every(Duration::from_millis(50)).map(|_| Message::Tick)
        } else {
            Subscription::none()
        }
    }

    /// Enter reads the file typed or confirms a dialog; Esc closes a dialog or goes back
    /// (asking first when a file read would be thrown away).
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        match (s, self.dialog) {
            (Shortcut::Confirm, Some(Dialog::Apply)) => Some(Message::ConfirmApply),
            (Shortcut::Confirm, Some(Dialog::Discard | Dialog::Exit)) => Some(Message::Discard),
            (Shortcut::Cancel, Some(_)) => Some(Message::CloseDialog),
            (Shortcut::Cancel, None) => Some(Message::Back),
            _ => None,
        }
    }

    /// A file read whose rows were not applied.
    /// A file was read and not applied: leaving would throw its rows away.
    /// A file read and not applied: leaving would lose it.
    fn read_not_applied(&self) -> bool {
        self.file.is_some() && self.report.as_ref().is_none_or(|r| r.dry_run)
    }

    fn may_apply(&self) -> bool {
        self.busy.is_none()
            && self
                .report
                .as_ref()
                .is_some_and(|r| r.dry_run && r.totals.create + r.totals.update > 0)
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Path(p) => self.path = p,
            Message::Browse => return self.browse(),
            Message::Browsed(Some(path)) => {
                self.path = path.display().to_string();
                return self.read();
            }
            Message::Browsed(None) => {}
            Message::Tick => self.pulse = self.pulse.wrapping_add(1),
            Message::Read => return self.read(),
            Message::FileRead(Ok((rows, reading))) => return self.check(rows, reading, ctx),
            Message::FileRead(Err(e)) => {
                self.busy = None;
                self.read_error = Some(e);
            }
            Message::Checked(Ok(report)) | Message::Applied(Ok(report)) if !report.dry_run => {
                return self.applied(report, ctx);
            }
            Message::Checked(Ok(report)) | Message::Applied(Ok(report)) => {
                self.busy = None;
                self.report = Some(report);
            }
            Message::Delivery(d) => self.delivery = d.0,
            Message::AskApply if self.may_apply() => self.dialog = Some(Dialog::Apply),
            Message::AskApply => {}
            Message::ConfirmApply => return self.apply(ctx),
            Message::NewPeople(Ok(people)) => return self.letters_for(people, ctx),
            Message::Passwords(Ok(list)) => return self.next_letters(&list, ctx),
            Message::Template => {
                return Action::Save(Box::new(crate::spreadsheet::Table {
                    sheet: report::template(l),
                    file: l.t("import-template-file"),
                }));
            }
            // Written off the interface thread: a report may hold 20,000 rows.
            Message::ExportReport => {
                if let Some(r) = self.report.clone() {
                    let file = l.t("import-report-file");
                    let reading = self.file.as_ref().map(|f| f.reading.clone());
                    return Action::Run(Task::perform(
                        async move {
                            tokio::task::spawn_blocking(move || {
                                report::sheet(l, &r, reading.as_ref())
                            })
                            .await
                            .unwrap_or_else(|_| {
                                crate::spreadsheet::sheet(l, "import-report-sheet", &[], [])
                            })
                        },
                        move |sheet| {
                            Message::ReportReady(Box::new(crate::spreadsheet::Table {
                                sheet,
                                file: file.clone(),
                            }))
                        },
                    ));
                }
            }
            Message::ReportReady(table) => return Action::Save(table),
            Message::Back if self.read_not_applied() && self.busy.is_none() => {
                self.dialog = Some(Dialog::Discard);
            }
            Message::AskLeave if self.read_not_applied() => self.dialog = Some(Dialog::Exit),
            Message::AskLeave => return Action::Left,
            Message::Discard if self.dialog == Some(Dialog::Exit) => return Action::Left,
            Message::Back | Message::Discard => {
                if self.busy.is_none() {
                    return Action::Own(BackToList);
                }
                self.dialog = None;
            }
            Message::CloseDialog => self.dialog = None,
            Message::Scrolled(v) => self.window = Window::from_viewport(v),
            Message::OnlyRefused(on) => {
                self.only_refused = on;
                self.window = Window::default();
            }
            Message::Checked(Err(e))
            | Message::Applied(Err(e))
            | Message::NewPeople(Err(e))
            | Message::Passwords(Err(e)) => return self.failed(e, ctx),
        }
        Action::None
    }

    fn browse(&self) -> Action {
        if !self.native_dialogs {
            return Action::Run(crate::widget::reveal::focus("import-path"));
        }
        let documents = self.documents.clone();
        Action::Run(Task::perform(
            crate::print::pick_file(
                "CSV, Excel, OpenDocument",
                &["csv", "txt", "xlsx", "xlsm", "xls", "ods"],
                documents,
            ),
            Message::Browsed,
        ))
    }

    /// Reads the file off the interface thread, with the reader the server documents.
    fn read(&mut self) -> Action {
        let path = PathBuf::from(self.path.trim());
        if self.path.trim().is_empty() || self.busy.is_some() {
            return Action::None;
        }
        self.busy = Some(Busy::Reading);
        self.read_error = None;
        self.notice = None;
        Action::Run(Task::perform(
            async move {
                let bytes = tokio::fs::read(&path)
                    .await
                    .map_err(|e| ReadError::Io(e.to_string()))?;
                let (rows, reading) = tokio::task::spawn_blocking(move || {
                    sesame_documents::sheet::read_import(&bytes)
                })
                .await
                .map_err(|e| ReadError::Io(e.to_string()))?
                .map_err(ReadError::File)?;
                if rows.is_empty() {
                    return Err(ReadError::NoRows);
                }
                Ok((rows, reading))
            },
            Message::FileRead,
        ))
    }

    /// The rows read: the server decides each (dry run), changing nothing.
    fn check(&mut self, rows: Vec<ImportRow>, reading: Reading, ctx: Ctx<'_>) -> Action {
        let name = PathBuf::from(self.path.trim())
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let request_rows = rows.clone();
        self.file = Some(Loaded {
            name,
            rows,
            reading,
        });
        self.report = None;
        self.window = Window::default();
        self.busy = Some(Busy::Checking);
        let body = ImportRequest {
            dry_run: true,
            delivery: self.delivery,
            rows: request_rows,
        };
        Action::Run(request(
            ctx.client,
            move |c| async move { c.import_people(&body).await },
            Message::Checked,
        ))
    }

    /// Every valid row in one transaction, as the dry run reported them.
    fn apply(&mut self, ctx: Ctx<'_>) -> Action {
        self.dialog = None;
        let Some(file) = &self.file else {
            return Action::None;
        };
        if !self.may_apply() {
            return Action::None;
        }
        self.busy = Some(Busy::Applying);
        self.notice = None;
        let body = ImportRequest {
            dry_run: false,
            delivery: self.delivery,
            rows: file.rows.clone(),
        };
        Action::Run(request(
            ctx.client,
            move |c| async move { c.import_people(&body).await },
            Message::Applied,
        ))
    }

    /// The import is written: with letters, the new people's passwords come next.
    fn applied(&mut self, report: ImportReport, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        let created = report.created.len();
        let wants_letters = report.delivery == ImportDelivery::Letter && created > 0;
        self.notice = Some(Notice::done(l.t_with(
            "import-applied",
            &[
                ("created", &l.number(report.totals.create as usize)),
                ("updated", &l.number(report.totals.update as usize)),
            ],
        )));
        self.report = Some(report);
        if !wants_letters {
            self.busy = None;
            return Action::None;
        }
        self.busy = Some(Busy::Letters {
            done: 0,
            total: created,
        });
        Action::Run(request(
            ctx.client,
            |c| async move { c.all_people(5000).await },
            Message::NewPeople,
        ))
    }

    /// The people created, found in the listing, in the order the report gave them.
    fn letters_for(&mut self, people: Vec<PersonSummary>, ctx: Ctx<'_>) -> Action {
        let created = self.report.as_ref().map_or(&[][..], |r| &r.created[..]);
        let mut by_id: HashMap<i64, PersonSummary> =
            people.into_iter().map(|p| (p.id, p)).collect();
        self.pending = created.iter().filter_map(|id| by_id.remove(id)).collect();
        self.letters.clear();
        self.next_letters(&[], ctx)
    }

    /// The letters of a batch of passwords just made; then the next batch, or the PDF.
    fn next_letters(&mut self, made: &[InitializedPassword], ctx: Ctx<'_>) -> Action {
        for p in made {
            if let Some(person) = self.pending.iter().find(|x| x.id == p.id) {
                self.letters
                    .push(credential_letter(ctx, person, &p.password));
            }
        }
        self.pending.drain(..made.len().min(self.pending.len()));
        let total = self.letters.len() + self.pending.len();
        if self.pending.is_empty() {
            return self.print_letters(ctx);
        }
        self.busy = Some(Busy::Letters {
            done: self.letters.len(),
            total,
        });
        let ids: Vec<i64> = self
            .pending
            .iter()
            .take(LETTER_BATCH)
            .map(|p| p.id)
            .collect();
        Action::Run(request(
            ctx.client,
            move |c| async move { c.initialize_passwords(&ids).await },
            Message::Passwords,
        ))
    }

    /// Every letter made, in one PDF saved as the follow-up's batch letters are.
    fn print_letters(&mut self, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        self.busy = None;
        let letters = std::mem::take(&mut self.letters);
        if letters.is_empty() {
            return Action::None;
        }
        let missing = self.pending.len();
        self.pending.clear();
        self.notice = Some(if missing == 0 {
            Notice::done(l.t_count("import-letters-done", "count", letters.len()))
        } else {
            Notice::failed(l.t_with(
                "import-letters-partial",
                &[
                    ("made", &l.number(letters.len())),
                    ("missing", &l.number(missing)),
                ],
            ))
        });
        let name =
            sesame_documents::file_name("doc-letters-file", l.language, &ctx.me.organization.code);
        Action::print(letters, name)
    }

    fn failed(&mut self, e: ClientError, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        let letters_under_way = matches!(self.busy, Some(Busy::Letters { .. }));
        self.busy = None;
        self.dialog = None;
        // Passwords already made exist only in their letters: those are printed all the same.
        if letters_under_way && !self.letters.is_empty() {
            return self.print_letters(ctx);
        }
        self.notice = Some(Notice::failed(l.error(&e)));
        Action::None
    }
}

impl super::Questions for Import {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("import-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
    }

    fn unsaved(&self, _me: &sesame_core::api::Me) -> bool {
        self.read_not_applied()
    }
}
