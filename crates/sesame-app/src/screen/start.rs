//! The first screen: work on "This computer" (the embedded server, with a first-use choice
//! between creating one's organization and opening the demo) or on "A server" (a URL).

use std::sync::Arc;

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::locale::Locale;
use crate::settings::Places;
use crate::widget::{labelled, notice, primary, secondary};
use sesame_client::{Client, ClientError};
use sesame_core::domain::Language;
use sesame_server::Running;
use sesame_server::setup::SetupError;

mod trust;
mod update;

#[derive(Debug, Clone, Default)]
pub struct NewOrganization {
    pub code: String,
    pub name: String,
    pub language: Option<Language>,
    pub public_service: bool,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Choose,
    Remote,
    /// The embedded server is starting.
    Starting,
    /// The embedded database has no organization yet.
    FirstUse,
    CreateOrganization,
    /// The first level-1 user was created: the temporary password, shown once.
    Created {
        code: String,
        user_id: String,
        password: String,
    },
}

pub struct Start {
    mode: Mode,
    places: Places,
    url: String,
    servers: Vec<String>,
    /// The certificates accepted before, by server origin.
    pinned: std::collections::BTreeMap<String, String>,
    /// What must be asked before connecting (a certificate to compare, plain HTTP).
    question: Option<trust::Question>,
    /// The address whose plain HTTP the person accepted.
    plain_accepted: Option<String>,
    /// The client of the connection being tried (it keeps the certificate it was shown).
    trying: Option<Client>,
    error: Option<String>,
    /// The creation form's refused fields: (field, message in the user's language).
    field_errors: Vec<(String, String)>,
    busy: bool,
    embedded: Option<Arc<Running>>,
    form: NewOrganization,
}

#[derive(Debug, Clone)]
pub enum Message {
    ThisComputer,
    SharedServer,
    Back,
    UrlChanged(String),
    ServerPicked(String),
    Connect,
    Reached(Result<(), ClientError>),
    /// The fingerprints match: the certificate is accepted for this server.
    TrustCertificate,
    /// Plain HTTP to another machine, accepted knowingly.
    AcceptPlainHttp,
    /// The question is answered no.
    Decline,
    /// A changed certificate is to be compared afresh.
    CompareNew,
    Started(Result<Arc<Running>, String>),
    Counted(Result<i64, String>),
    OpenDemo,
    DemoReady(Result<(), SetupError>),
    ShowCreate,
    Form(FormField, String),
    FormLanguage(Language),
    FormPublicService(bool),
    Create,
    Created(Result<String, SetupError>),
    CopyPassword,
    ContinueToSignIn,
}

#[derive(Debug, Clone, Copy)]
pub enum FormField {
    Code,
    Name,
    UserId,
    LastName,
    FirstName,
    Email,
}

impl FormField {
    /// The widget id, and the field's name in `SetupError::InvalidFields`.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            FormField::Code => (crate::widget::widget_id("org-code"), "code"),
            FormField::Name => (crate::widget::widget_id("org-name"), "name"),
            FormField::UserId => (crate::widget::widget_id("first-user-id"), "user_id"),
            FormField::LastName => (crate::widget::widget_id("first-last-name"), "last_name"),
            FormField::FirstName => (crate::widget::widget_id("first-first-name"), "first_name"),
            FormField::Email => (crate::widget::widget_id("first-email"), "email"),
        }
    }
}

/// What only the start screen asks of the app: connected, go to sign-in, prefilled.
pub struct Connected {
    pub client: Client,
    pub server: Option<String>,
    /// The certificate accepted on the way (server origin, fingerprint), to keep.
    pub pinned: Option<(String, String)>,
    pub embedded: Option<Arc<Running>>,
    pub organization: String,
    pub user_id: String,
    pub password: String,
}

pub type Action = super::Effect<Message, Connected>;

impl Start {
    pub fn new(
        places: Places,
        servers: Vec<String>,
        pinned: std::collections::BTreeMap<String, String>,
    ) -> Start {
        Start {
            mode: Mode::Choose,
            places,
            url: servers.first().cloned().unwrap_or_default(),
            servers,
            pinned,
            question: None,
            plain_accepted: None,
            trying: None,
            error: None,
            field_errors: vec![],
            busy: false,
            embedded: None,
            form: NewOrganization::default(),
        }
    }

    /// The first user's temporary password while the screen shows it (once).
    pub fn shown_password(&self) -> Option<&str> {
        match &self.mode {
            Mode::Created { password, .. } => Some(password),
            _ => None,
        }
    }

    pub fn view(&self, locale: Locale) -> Element<'_, Message> {
        let t = |id: &str| locale.t(id);
        let error = self.error.as_deref().map(|e| notice(e, true));
        let body: Element<'_, Message> = match &self.mode {
            Mode::Choose => column![
                text(t("start-title")).size(28),
                text(t("start-intro")),
                row![
                    crate::widget::choice(
                        t("start-this-computer"),
                        t("start-this-computer-detail"),
                        Message::ThisComputer
                    ),
                    crate::widget::choice(
                        t("start-shared-server"),
                        t("start-shared-server-detail"),
                        Message::SharedServer
                    ),
                ]
                .spacing(16),
            ]
            .spacing(16)
            .into(),
            Mode::Starting => text(t("start-starting")).into(),
            Mode::Remote => self.remote_form(locale),
            Mode::FirstUse => column![
                crate::widget::title(t("start-first-use")),
                text(t("start-first-use-intro")),
                row![
                    crate::widget::choice(
                        t("start-create-organization"),
                        t("start-create-organization-detail"),
                        Message::ShowCreate
                    ),
                    crate::widget::choice(
                        t("start-open-demo"),
                        t("start-open-demo-detail"),
                        Message::OpenDemo
                    ),
                ]
                .spacing(16),
            ]
            .spacing(16)
            .into(),
            Mode::CreateOrganization => self.create_form(locale),
            Mode::Created {
                code,
                user_id,
                password,
            } => created_view(locale, code, user_id, password),
        };
        let mut page = column![].spacing(16).max_width(760);
        if let Some(e) = error {
            page = page.push(e);
        }
        let screen = container(page.push(body))
            .center_x(Length::Fill)
            .padding(40);
        // What must be asked before connecting, over the whole screen (which then does not
        // scroll: the question does, if it must).
        match (&self.mode, &self.question) {
            (Mode::Remote, Some(q)) => self.ask(q, screen.height(Length::Fill).into(), locale),
            _ => screen.into(),
        }
    }

    /// Whether a question covers the screen.
    pub fn asking(&self) -> bool {
        matches!(self.mode, Mode::Remote) && self.question.is_some()
    }

    /// A shared server: its address, the recent ones, Connect.
    fn remote_form(&self, locale: Locale) -> Element<'_, Message> {
        let t = |id: &str| locale.t(id);
        let mut c = column![
            crate::widget::title(t("start-shared-server")),
            labelled(
                t("start-url"),
                text_input("https://sesame.example.org", &self.url)
                    .style(crate::widget::colors::field)
                    .id("server-url")
                    .on_input(Message::UrlChanged)
                    .on_submit(Message::Connect)
                    .padding(8),
                None,
            ),
        ]
        .spacing(12);
        if !self.servers.is_empty() {
            c = c.push(labelled(
                t("start-recent-servers"),
                crate::widget::menu(
                    self.servers.clone(),
                    Some(self.url.clone()).filter(|u| self.servers.contains(u)),
                    Message::ServerPicked,
                )
                .id("server-list"),
                None,
            ));
        }
        c.push(
            row![
                secondary(t("action-back"), Some(Message::Back)),
                primary(
                    if self.busy {
                        t("start-connecting")
                    } else {
                        t("start-connect")
                    },
                    (!self.busy && !self.url.trim().is_empty()).then_some(Message::Connect)
                ),
            ]
            .spacing(10),
        )
        .into()
    }

    fn create_form(&self, locale: Locale) -> Element<'_, Message> {
        let t = |id: &str| locale.t(id);
        let f = &self.form;
        column![
            crate::widget::title(t("start-create-organization")),
            row![
                self.form_input(t("field-organization-code"), &f.code, FormField::Code),
                self.form_input(t("field-organization-name"), &f.name, FormField::Name)
            ]
            .spacing(12),
            row![
                labelled(
                    t("field-language"),
                    crate::widget::menu(Language::ALL.to_vec(), f.language, Message::FormLanguage)
                        .id("organization-language"),
                    None
                ),
                crate::widget::check(
                    t("field-public-service"),
                    f.public_service,
                    Message::FormPublicService
                ),
            ]
            .spacing(12)
            .align_y(Alignment::End),
            text(t("start-first-user")).size(18),
            row![
                self.form_input(t("field-last-name"), &f.last_name, FormField::LastName),
                self.form_input(t("field-first-name"), &f.first_name, FormField::FirstName)
            ]
            .spacing(12),
            row![
                self.form_input(t("field-user-id"), &f.user_id, FormField::UserId),
                self.form_input(t("field-email"), &f.email, FormField::Email)
            ]
            .spacing(12),
            row![
                secondary(t("action-back"), Some(Message::Back)),
                primary(
                    t("start-create"),
                    (self.form_ready() && !self.busy).then_some(Message::Create)
                ),
            ]
            .spacing(10),
        ]
        .spacing(12)
        .into()
    }

    /// One text field of the creation form, with the reason it was refused under it.
    fn form_input<'a>(
        &'a self,
        label: String,
        value: &'a str,
        field: FormField,
    ) -> Element<'a, Message> {
        let (id, name) = field.names();
        let error = self
            .field_errors
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m.as_str());
        // Enter in any field creates the organization once every field is filled in, as the
        // button does.
        let ready = self.form_ready() && !self.busy;
        labelled(
            label,
            text_input("", value)
                .style(crate::widget::colors::field)
                .id(id)
                .on_input(move |v| Message::Form(field, v))
                .on_submit_maybe(ready.then_some(Message::Create))
                .padding(8),
            error,
        )
    }

    /// Every text field is filled in: only then may the organization be created.
    fn form_ready(&self) -> bool {
        let f = &self.form;
        [
            &f.code,
            &f.name,
            &f.user_id,
            &f.last_name,
            &f.first_name,
            &f.email,
        ]
        .iter()
        .all(|v| !v.trim().is_empty())
    }
}

/// Adds https:// when no scheme was typed; trims spaces and the trailing slash.
pub fn normalize_url(url: &str) -> String {
    let u = url.trim().trim_end_matches('/');
    if u.starts_with("http://") || u.starts_with("https://") {
        u.to_owned()
    } else {
        format!("https://{u}")
    }
}

/// Why the organization could not be created, in the user's language (each refused field's
/// reason shows under that field).
fn setup_error(locale: Locale, e: &SetupError) -> String {
    match e {
        SetupError::InvalidFields(_) => locale.t("setup-error-invalid-fields"),
        SetupError::CodeTaken(code) => locale.t_with("setup-error-code-taken", &[("code", code)]),
        SetupError::PasswordHash(reason) => {
            locale.t_with("setup-error-password-hash", &[("reason", reason)])
        }
        SetupError::Database(reason) => {
            locale.t_with("setup-error-database", &[("reason", reason)])
        }
    }
}

/// The organization just created: its code, the first user, the password shown once.
fn created_view<'a>(
    locale: Locale,
    code: &str,
    user_id: &str,
    password: &str,
) -> Element<'a, Message> {
    let t = |id: &str| locale.t(id);
    column![
        crate::widget::title(t("start-created")),
        text(locale.t_with(
            "start-created-detail",
            &[("code", code), ("user_id", user_id)]
        )),
        container(
            text(password.to_owned())
                .size(26)
                .font(iced::Font::MONOSPACE)
        )
        .padding(12),
        text(t("password-shown-once")),
        row![
            secondary(t("action-copy"), Some(Message::CopyPassword)),
            primary(t("start-continue-sign-in"), Some(Message::ContinueToSignIn)),
        ]
        .spacing(10),
    ]
    .spacing(14)
    .into()
}
