//! My account: one's own contact details, language, password and second factor.

pub mod backups;
mod documents;
mod two_factor;

pub use two_factor::TwoFactor;

use iced::widget::{column, container, row, text};
use iced::{Element, Length, Task};

use super::Ctx;
use crate::locale::Locale;
use crate::settings::{ScaleOption, ThemeChoice, ThemeOption};
use crate::spreadsheet::SheetFormat;
use crate::widget::{Notice, field, heading, labelled, primary, secondary, secret_field};
use sesame_client::{Client, ClientError};
use sesame_core::api::{Me, MyDetailsUpdate};
use sesame_core::domain::Language;

pub struct MyAccount {
    last_name: String,
    first_name: String,
    email: String,
    phone: String,
    language: Language,
    version: i64,
    current: String,
    new: String,
    repeat: String,
    notice: Option<Notice>,
    /// The paper of printed documents (a setting of this computer, not of the account).
    paper: sesame_documents::Paper,
    /// The kind of file exports are saved as, also a setting of this computer.
    sheet_format: SheetFormat,
    /// The theme of this computer's app, also a setting of this computer.
    theme: ThemeChoice,
    /// The interface size, another setting of this computer.
    scale: Option<u16>,
    pub two_factor: TwoFactor,
    /// On "This computer": its backups.
    backups: Option<backups::Backups>,
    /// Level 1: how the organization hands documents over.
    documents: Option<Box<documents::Documents>>,
    /// "Discard your changes?" is asked before leaving.
    asking: bool,
    /// The question came from this screen's own Back (home after it), not from the app.
    home_after: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    LastName(String),
    FirstName(String),
    Email(String),
    Phone(String),
    Language(Language),
    Save,
    Saved(Result<Me, ClientError>),
    Current(String),
    New(String),
    Repeat(String),
    ChangePassword,
    PasswordChanged(Result<(), ClientError>),
    Back,
    Paper(PaperOption),
    SheetFormat(FormatOption),
    Theme(ThemeOption),
    Scale(ScaleOption),
    TwoFactor(two_factor::Message),
    Backups(backups::Message),
    Documents(documents::Message),
    /// Leaving with changes not saved: asks first.
    AskLeave,
    KeepEditing,
    /// The changes are given up: leave as the person asked.
    Leave,
}

/// A paper size as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaperOption(pub sesame_documents::Paper, pub Locale);

impl std::fmt::Display for PaperOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(match self.0 {
            sesame_documents::Paper::A4 => "paper-a4",
            sesame_documents::Paper::Letter => "paper-letter",
        }))
    }
}

/// A kind of export file as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatOption(pub SheetFormat, pub Locale);

impl std::fmt::Display for FormatOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(match self.0 {
            SheetFormat::Xlsx => "sheet-format-xlsx",
            SheetFormat::Csv => "sheet-format-csv",
        }))
    }
}

/// What only My account asks of the app.
pub enum Changed {
    /// Saved: the app refreshes who is signed in (and switches to their language).
    Me(Box<Me>),
    /// The organization's document settings saved: who is signed in holds them.
    Organization(Box<sesame_core::api::Organization>),
    /// The paper size chosen for documents.
    Paper(sesame_documents::Paper),
    SheetFormat(SheetFormat),
    Theme(ThemeChoice),
    Scale(Option<u16>),
    /// Second factor turned off: the app's copy of who is signed in follows.
    TwoFactorOff,
    /// This computer's data replaced by a backup: sign in again, with this said.
    DataReplaced(String),
}

pub type Action = super::Effect<Message, Changed>;

impl MyAccount {
    pub fn new(
        me: &Me,
        paper: sesame_documents::Paper,
        settings: &crate::settings::Settings,
        local: Option<backups::Local>,
    ) -> MyAccount {
        MyAccount {
            backups: local.map(backups::Backups::new),
            documents: me
                .rights
                .set_document_settings
                .then(|| Box::new(documents::Documents::new(&me.organization))),
            paper,
            sheet_format: settings.sheet_format,
            theme: settings.theme,
            scale: settings.scale,
            last_name: me.last_name.clone(),
            first_name: me.first_name.clone(),
            email: me.email.clone().unwrap_or_default(),
            phone: me.phone.clone().unwrap_or_default(),
            language: me.language,
            version: me.version,
            current: String::new(),
            new: String::new(),
            repeat: String::new(),
            notice: None,
            two_factor: TwoFactor::new(me.two_factor),
            asking: false,
            home_after: false,
        }
    }

    /// Whether leaving now would lose something typed: contact details other than `me`'s, or
    /// a password being changed.
    pub fn has_changes(&self, me: &Me) -> bool {
        self.last_name != me.last_name
            || self.first_name != me.first_name
            || self.email != me.email.clone().unwrap_or_default()
            || self.phone != me.phone.clone().unwrap_or_default()
            || self.language != me.language
            || !(self.current.is_empty() && self.new.is_empty() && self.repeat.is_empty())
            || self.documents.as_ref().is_some_and(|d| d.unsaved())
    }

    /// What the screen reads once open (the backups folder, on "This computer").
    pub fn load(&self) -> Task<Message> {
        match &self.backups {
            Some(b) => b.load().map(Message::Backups),
            None => Task::none(),
        }
    }

    /// In the question before leaving, Enter gives the changes up and Esc keeps editing.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        match s {
            super::Shortcut::Confirm if self.asking => Some(Message::Leave),
            super::Shortcut::Cancel if self.asking => Some(Message::KeepEditing),
            super::Shortcut::Cancel if self.backups.as_ref().is_some_and(|b| b.asking()) => {
                Some(Message::Backups(backups::Message::Cancel))
            }
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let (client, locale) = (ctx.client, ctx.locale);
        match message {
            Message::LastName(v) => self.last_name = v,
            Message::FirstName(v) => self.first_name = v,
            Message::Email(v) => self.email = v,
            Message::Phone(v) => self.phone = v,
            Message::Language(v) => self.language = v,
            Message::Save => return self.save_details(client),
            Message::Saved(Ok(me)) => {
                self.version = me.version;
                self.notice = Some(Notice::done(locale.t("person-saved")));
                return Action::Own(Changed::Me(Box::new(me)));
            }
            Message::Current(v) => self.current = v,
            Message::New(v) => self.new = v,
            Message::Repeat(v) => self.repeat = v,
            Message::ChangePassword => return self.change_password(client, locale),
            Message::PasswordChanged(Ok(())) => {
                self.current.clear();
                self.new.clear();
                self.repeat.clear();
                self.notice = Some(Notice::done(locale.t("password-changed")));
            }
            Message::Saved(Err(e)) | Message::PasswordChanged(Err(e)) => {
                self.notice = Some(Notice::failed(locale.error(&e)));
            }
            // Back home, after asking when something typed would be lost.
            Message::Back if self.has_changes(ctx.me) => {
                (self.asking, self.home_after) = (true, true)
            }
            Message::Back => return Action::Home,
            // The app asks before going elsewhere: after the answer, it goes there.
            Message::AskLeave => (self.asking, self.home_after) = (true, false),
            Message::KeepEditing => self.asking = false,
            Message::Leave => {
                self.asking = false;
                return if self.home_after {
                    Action::Home
                } else {
                    Action::Left
                };
            }
            // Settings of this computer, not of the account: the app keeps them.
            Message::Scale(s) => {
                self.scale = s.0;
                return Action::Own(Changed::Scale(s.0));
            }
            Message::Theme(t) => {
                self.theme = t.0;
                return Action::Own(Changed::Theme(t.0));
            }
            Message::Paper(p) => {
                self.paper = p.0;
                return Action::Own(Changed::Paper(p.0));
            }
            Message::SheetFormat(f) => {
                self.sheet_format = f.0;
                return Action::Own(Changed::SheetFormat(f.0));
            }
            Message::TwoFactor(m) => return self.update_two_factor(m, client, locale),
            Message::Documents(m) => {
                let Some(d) = &mut self.documents else {
                    return Action::None;
                };
                return match d.update(m, client, locale) {
                    documents::Action::None => Action::None,
                    documents::Action::Run(t) => Action::Run(t.map(Message::Documents)),
                    documents::Action::Saved(org) => Action::Own(Changed::Organization(org)),
                };
            }
            Message::Backups(m) => {
                let Some(b) = &mut self.backups else {
                    return Action::None;
                };
                return match b.update(m, locale) {
                    backups::Action::None => Action::None,
                    backups::Action::Run(t) => Action::Run(t.map(Message::Backups)),
                    backups::Action::Replaced(said) => Action::Own(Changed::DataReplaced(said)),
                };
            }
        }
        Action::None
    }

    /// Sends the contact details and language, with the version they were read at.
    fn save_details(&self, client: &Client) -> Action {
        let update = MyDetailsUpdate {
            version: self.version,
            last_name: Some(self.last_name.clone()),
            first_name: Some(self.first_name.clone()),
            email: Some(self.email.clone()),
            phone: Some(self.phone.clone()),
            language: Some(self.language),
        };
        let c = client.clone();
        Action::Run(Task::perform(
            async move { c.update_me(&update).await },
            Message::Saved,
        ))
    }

    /// Changes the password, once the new one was typed the same way twice.
    fn change_password(&mut self, client: &Client, locale: Locale) -> Action {
        if self.new != self.repeat {
            self.notice = Some(Notice::failed(locale.t("password-mismatch")));
            return Action::None;
        }
        let (c, cur, new) = (client.clone(), self.current.clone(), self.new.clone());
        Action::Run(Task::perform(
            async move { c.change_password(&cur, &new).await },
            Message::PasswordChanged,
        ))
    }

    /// The second factor's own steps; what they change about the account goes to the app.
    fn update_two_factor(
        &mut self,
        m: two_factor::Message,
        client: &Client,
        locale: Locale,
    ) -> Action {
        match self.two_factor.update(m, client, locale) {
            two_factor::Action::None => Action::None,
            two_factor::Action::Disabled => Action::Own(Changed::TwoFactorOff),
            two_factor::Action::Run(t) => Action::Run(t.map(Message::TwoFactor)),
            two_factor::Action::Enrolled(me) => {
                self.version = me.version;
                Action::Own(Changed::Me(me))
            }
            two_factor::Action::Copy(s) => Action::Copy(s),
            two_factor::Action::Failed(_) => Action::None,
        }
    }

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let t = |id: &str| ctx.locale.t(id);
        let mut c = column![crate::widget::title(t("my-account-title"))]
            .spacing(14)
            .max_width(720);
        c = c.push(crate::widget::notice_slot(self.notice.as_ref()));
        c = c
            .push(self.details(ctx))
            .push(self.settings(ctx))
            .push(self.two_factor.view(ctx.locale).map(Message::TwoFactor))
            .push(self.password(ctx));
        if let Some(d) = &self.documents {
            let address = ctx.me.organization.api_address.as_deref();
            c = c.push(d.view(ctx.locale, address).map(Message::Documents));
        }
        if let Some(b) = &self.backups {
            c = c.push(b.view(ctx.locale).map(Message::Backups));
        }
        let page: Element<'a, Message> = crate::widget::scroll(container(c).padding(20))
            .height(Length::Fill)
            .into();
        if let Some(b) = self.backups.as_ref().filter(|b| b.asking()) {
            return b.over(page, ctx.locale, Message::Backups);
        }
        if !self.asking {
            return page;
        }
        crate::widget::confirm(
            page,
            ctx.locale,
            t("dialog-discard-title"),
            t("dialog-my-account-discard-body"),
            ("action-keep-editing", Message::KeepEditing),
            Message::Leave,
            crate::widget::Weight::Dangerous,
        )
    }

    /// Name, email, phone and language, with their Save.
    fn details<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let t = |id: &str| ctx.locale.t(id);
        column![
            heading(t("my-account-details")),
            row![
                field(t("field-last-name"), &self.last_name, Message::LastName),
                field(t("field-first-name"), &self.first_name, Message::FirstName),
            ]
            .spacing(12),
            row![
                field(t("field-email"), &self.email, Message::Email),
                field(t("field-phone"), &self.phone, Message::Phone),
            ]
            .spacing(12),
            labelled(
                t("field-language"),
                crate::widget::menu(
                    Language::ALL.to_vec(),
                    Some(self.language),
                    Message::Language,
                )
                .id("account-language"),
                None,
            ),
            primary(t("action-save"), Some(Message::Save)),
        ]
        .spacing(14)
        .into()
    }

    /// Settings of this computer: paper, export files, theme and interface size.
    fn settings<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let choices = row![
            labelled(
                l.t("field-paper"),
                crate::widget::menu(
                    [sesame_documents::Paper::A4, sesame_documents::Paper::Letter]
                        .map(|p| PaperOption(p, l))
                        .to_vec(),
                    Some(PaperOption(self.paper, l)),
                    Message::Paper,
                )
                .id("paper"),
                None,
            ),
            labelled(
                l.t("field-sheet-format"),
                crate::widget::menu(
                    SheetFormat::ALL.map(|f| FormatOption(f, l)).to_vec(),
                    Some(FormatOption(self.sheet_format, l)),
                    Message::SheetFormat,
                )
                .id("sheet-format"),
                None,
            ),
            labelled(
                l.t("field-theme"),
                crate::widget::menu(
                    ThemeOption::all(l),
                    Some(ThemeOption(self.theme, l)),
                    Message::Theme,
                )
                .id("account-theme"),
                None,
            ),
            labelled(
                l.t("field-scale"),
                crate::widget::menu(
                    ScaleOption::all(l),
                    Some(ScaleOption(self.scale, l)),
                    Message::Scale,
                )
                .id("scale"),
                None,
            ),
        ]
        .spacing(24)
        .wrap()
        .vertical_spacing(12);
        column![
            heading(l.t("my-account-this-computer")),
            text(l.t("my-account-this-computer-intro")).size(13),
            choices
        ]
        .spacing(10)
        .into()
    }

    /// Changing one's password: the current one, the new one twice.
    fn password<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let t = |id: &str| ctx.locale.t(id);
        let may_change =
            !self.current.is_empty() && sesame_core::domain::long_enough_password(&self.new);
        column![
            heading(t("my-account-password")),
            secret_field(t("field-current-password"), &self.current, Message::Current),
            row![
                secret_field(t("field-new-password"), &self.new, Message::New),
                secret_field(t("field-repeat-password"), &self.repeat, Message::Repeat),
            ]
            .spacing(12),
            text(t("password-rule")).size(13),
            row![
                primary(
                    t("password-change-action"),
                    may_change.then_some(Message::ChangePassword)
                ),
                secondary(t("action-quit"), Some(Message::Back)),
            ]
            .spacing(10),
        ]
        .spacing(14)
        .into()
    }
}

impl super::Questions for MyAccount {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("my-account-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
        self.two_factor.clear_notice();
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some()) + usize::from(self.two_factor.has_notice())
    }

    fn unsaved(&self, me: &Me) -> bool {
        self.has_changes(me)
    }
}
