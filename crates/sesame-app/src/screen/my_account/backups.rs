//! My account on "This computer": the backups the app takes by itself, a backup now, a restore
//! (which says what the file holds and asks first), and the move to a shared server.

use std::path::PathBuf;

use iced::widget::{column, row, text};
use iced::{Element, Task};

use crate::locale::Locale;
use crate::widget::{Look, Notice, heading, primary, secondary};
use sesame_server::Db;
use sesame_server::backup::{self, BackupError, Manifest, schedule};

/// The embedded server's database and where its backups go.
#[derive(Debug, Clone)]
pub struct Local {
    pub db: Db,
    pub backups: PathBuf,
    /// Where a backup made by hand goes when no save dialog can be shown.
    pub documents: PathBuf,
    pub native_dialogs: bool,
}

pub struct Backups {
    local: Local,
    /// When the latest automatic backup was written (`None` until the folder was looked at).
    last: Option<Option<time::OffsetDateTime>>,
    /// The backup file to restore from.
    path: String,
    busy: bool,
    notice: Option<Notice>,
    /// A restore read and waiting for the person's answer.
    asking: Option<(PathBuf, Manifest)>,
    /// The archive written for a shared server, whose next steps are shown.
    moved: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Last(Option<time::OffsetDateTime>),
    BackUpNow,
    Move,
    Written(Result<Option<(PathBuf, bool)>, String>),
    Path(String),
    Browse,
    Browsed(Option<PathBuf>),
    Restore,
    Read(Result<(PathBuf, Manifest), BackupError>),
    Cancel,
    Replace,
    Replaced(Result<Manifest, String>),
    CloseMove,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Everything was replaced: the session is gone with the old data.
    Replaced(String),
}

impl Backups {
    pub fn new(local: Local) -> Backups {
        Backups {
            local,
            last: None,
            path: String::new(),
            busy: false,
            notice: None,
            asking: None,
            moved: None,
        }
    }

    /// Looks at the backups folder off the interface thread.
    pub fn load(&self) -> Task<Message> {
        let dir = self.local.backups.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    schedule::scheduled(&dir)
                        .first()
                        .map(|(_, at)| time::OffsetDateTime::from(*at))
                })
                .await
                .ok()
                .flatten()
            },
            Message::Last,
        )
    }

    pub fn asking(&self) -> bool {
        self.asking.is_some() || self.moved.is_some()
    }

    pub fn update(&mut self, message: Message, locale: Locale) -> Action {
        match message {
            Message::Last(at) => self.last = Some(at),
            Message::BackUpNow | Message::Move if self.busy => {}
            Message::BackUpNow => return self.write(false),
            Message::Move => return self.write(true),
            Message::Written(Ok(None)) => self.busy = false,
            Message::Written(Ok(Some((file, moving)))) => {
                self.busy = false;
                if moving {
                    self.moved = Some(file);
                } else {
                    let file = file.display().to_string();
                    self.notice = Some(Notice::done(
                        locale.t_with("backup-written", &[("file", &file)]),
                    ));
                }
            }
            Message::Written(Err(e)) | Message::Replaced(Err(e)) => {
                self.busy = false;
                self.notice = Some(Notice::failed(
                    locale.t_with("backup-failed", &[("reason", &e)]),
                ));
            }
            Message::Path(p) => self.path = p,
            Message::Browse => return self.browse(),
            Message::Browsed(Some(p)) => {
                self.path = p.display().to_string();
                return self.read();
            }
            Message::Browsed(None) => {}
            Message::Restore => return self.read(),
            Message::Read(Ok(read)) => {
                self.busy = false;
                self.asking = Some(read);
            }
            Message::Read(Err(e)) => {
                self.busy = false;
                self.notice = Some(Notice::failed(refusal(locale, &e)));
            }
            Message::Cancel => self.asking = None,
            Message::CloseMove => self.moved = None,
            Message::Replace => return self.replace(),
            Message::Replaced(Ok(m)) => {
                self.busy = false;
                let date = locale.date(m.created_at);
                return Action::Replaced(locale.t_with("backup-restored", &[("date", &date)]));
            }
        }
        Action::None
    }

    /// A backup by hand, where the person chooses (or in the documents folder); `moving`: the
    /// archive for a shared server, whose next steps are shown after.
    fn write(&mut self, moving: bool) -> Action {
        self.busy = true;
        self.notice = None;
        let local = self.local.clone();
        let name = format!("sesame-{}.{}", crate::print::today(), schedule::EXTENSION);
        Action::Run(Task::perform(
            async move {
                let Some(path) =
                    crate::print::choose_path(&name, &local.documents, local.native_dialogs)
                        .await?
                else {
                    return Ok(None);
                };
                backup::backup(&local.db, &path)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(Some((path, moving)))
            },
            Message::Written,
        ))
    }

    fn browse(&self) -> Action {
        if !self.local.native_dialogs {
            return Action::Run(crate::widget::reveal::focus("backup-path"));
        }
        let dir = self.local.backups.clone();
        Action::Run(Task::perform(
            crate::print::pick_file("Sesame", &[schedule::EXTENSION], dir),
            Message::Browsed,
        ))
    }

    /// Reads the file whole off the interface thread: what it holds, or why it cannot serve.
    fn read(&mut self) -> Action {
        let path = PathBuf::from(self.path.trim());
        if self.path.trim().is_empty() || self.busy {
            return Action::None;
        }
        self.busy = true;
        self.notice = None;
        Action::Run(Task::perform(
            async move {
                let read = path.clone();
                tokio::task::spawn_blocking(move || backup::verify(&read))
                    .await
                    .map_err(|e| BackupError::File(e.to_string()))?
                    .map(|m| (path, m))
            },
            Message::Read,
        ))
    }

    /// The current data goes into a backup first, then the file's replaces it.
    fn replace(&mut self) -> Action {
        let Some((file, _)) = self.asking.take() else {
            return Action::None;
        };
        self.busy = true;
        let local = self.local.clone();
        Action::Run(Task::perform(
            async move {
                std::fs::create_dir_all(&local.backups).map_err(|e| e.to_string())?;
                let kept = local.backups.join(format!(
                    "before-restore-{}.{}",
                    crate::print::today(),
                    schedule::EXTENSION
                ));
                backup::backup(&local.db, &kept)
                    .await
                    .map_err(|e| e.to_string())?;
                backup::replace(&local.db, &file)
                    .await
                    .map_err(|e| e.to_string())
            },
            Message::Replaced,
        ))
    }

    pub fn view<'a>(&'a self, locale: Locale) -> Element<'a, Message> {
        let t = |id: &str| locale.t(id);
        let last = match self.last.flatten() {
            Some(at) => {
                let at = at.to_offset(crate::locale::local_offset());
                locale.t_with("backup-last", &[("date", &locale.date(at))])
            }
            None if self.last.is_some() => t("backup-none-yet"),
            None => String::new(),
        };
        let folder = self.local.backups.display().to_string();
        let idle = |m: Message| (!self.busy).then_some(m);
        column![
            heading(t("backup-heading")),
            text(last),
            text(locale.t_with("backup-automatic", &[("folder", &folder)])),
            crate::widget::notice_slot(self.notice.as_ref()),
            row![
                button(
                    Look::Secondary,
                    t("backup-now"),
                    idle(Message::BackUpNow),
                    "backup-now"
                ),
                button(
                    Look::Secondary,
                    t("backup-move"),
                    idle(Message::Move),
                    "backup-move"
                ),
            ]
            .spacing(10),
            self.file_row(locale),
        ]
        .spacing(10)
        .into()
    }

    /// The backup file to restore (typed, or chosen with the system's dialog), and Restore.
    fn file_row<'a>(&'a self, locale: Locale) -> Element<'a, Message> {
        let label = locale.t("backup-file");
        let input = iced::widget::text_input(&label, &self.path)
            .style(crate::widget::colors::field)
            .id("backup-path")
            .on_input(Message::Path)
            .on_submit(Message::Restore)
            .padding(8)
            .size(14)
            .width(iced::Length::Fill);
        let mut r = row![crate::widget::input(label.clone(), &self.path, input)]
            .spacing(10)
            .align_y(iced::Alignment::Center);
        let idle = !self.busy;
        if self.local.native_dialogs {
            let browse = idle.then_some(Message::Browse);
            r = r.push(button(
                Look::Secondary,
                locale.t("import-browse"),
                browse,
                sesame_core::i18n::keys::not_text("backup-browse"),
            ));
        }
        let ready = idle && !self.path.trim().is_empty();
        let restore = ready.then_some(Message::Restore);
        r.push(button(
            Look::Primary,
            locale.t("backup-restore"),
            restore,
            "backup-restore",
        ))
        .into()
    }

    /// The question before a restore, or the steps after the archive for a shared server.
    pub fn over<'a, M: Clone + 'a>(
        &'a self,
        page: Element<'a, M>,
        locale: Locale,
        wrap: fn(Message) -> M,
    ) -> Element<'a, M> {
        let t = |id: &str| locale.t(id);
        if let Some((file, m)) = &self.asking {
            let organizations: Vec<String> = m
                .organizations
                .iter()
                .map(|o| format!("{} ({})", o.name, o.code))
                .collect();
            let holds = locale.t_with(
                "backup-holds",
                &[
                    (
                        "date",
                        &locale.date(m.created_at.to_offset(crate::locale::local_offset())),
                    ),
                    ("organizations", &organizations.join(", ")),
                    ("people", &locale.number(m.people as usize)),
                    ("service", &locale.number(m.service_users as usize)),
                    ("structures", &locale.number(m.structures as usize)),
                ],
            );
            let body = column![
                text(file.display().to_string()).size(13),
                text(holds),
                text(locale.t_with(
                    "backup-replace-warning",
                    &[("folder", &self.local.backups.display().to_string())]
                )),
            ]
            .spacing(10);
            return crate::widget::dialog(
                page,
                t("backup-restore-title"),
                body.into(),
                vec![
                    secondary(t("action-cancel"), Some(wrap(Message::Cancel))),
                    crate::widget::danger(t("backup-replace"), Some(wrap(Message::Replace))),
                ],
            );
        }
        if let Some(file) = &self.moved {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let steps = column![
                text(locale.t_with("backup-move-written", &[("file", &file.display().to_string())])),
                text(t("backup-move-steps")),
                text(format!("sesame-server restore --from {name} --database postgres://sesame:…@db.example.org/sesame")).font(iced::Font::MONOSPACE),
                text(t("backup-move-serve")),
                text("sesame-server serve --database postgres://sesame:…@db.example.org/sesame").font(iced::Font::MONOSPACE),
                text(t("backup-move-then")),
            ]
            .spacing(10);
            return crate::widget::dialog(
                page,
                t("backup-move-title"),
                steps.into(),
                vec![primary(t("action-close"), Some(wrap(Message::CloseMove)))],
            );
        }
        page
    }
}

/// A button the keyboard and the tests find by `id`.
fn button<'a>(
    look: Look,
    label: String,
    on: Option<Message>,
    id: &'static str,
) -> Element<'a, Message> {
    crate::widget::button_for(look, label, on).id(id).into()
}

/// Why a file cannot be restored, in the person's language.
fn refusal(locale: Locale, e: &BackupError) -> String {
    match e {
        BackupError::NotABackup => locale.t("backup-not-a-backup"),
        BackupError::Truncated => locale.t("backup-truncated"),
        BackupError::Damaged => locale.t("backup-damaged"),
        BackupError::NewerSchema { .. } | BackupError::NewerFormat(_) => locale.t("backup-newer"),
        other => locale.t_with("backup-failed", &[("reason", &other.to_string())]),
    }
}
