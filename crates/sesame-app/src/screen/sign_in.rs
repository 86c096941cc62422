//! Sign in: organization code, user ID, password (and the authentication code for people who
//! enrolled 2FA). Service and technical users get the server's refusal, translated.

use iced::widget::{column, container, row, text_input};
use iced::{Element, Length, Task};

use crate::locale::Locale;
use crate::widget::{labelled, notice, primary, secondary};
use sesame_client::{Client, ClientError};
use sesame_core::api::{ErrorCode, Session};

pub struct SignIn {
    pub organization: String,
    pub user_id: String,
    password: String,
    totp: String,
    needs_totp: bool,
    error: Option<ClientError>,
    /// Why the user is here again (e.g. the session expired).
    pub reason: Option<String>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Organization(String),
    UserId(String),
    Password(String),
    Totp(String),
    Submit,
    Done(Result<Box<Session>, ClientError>),
    ChangeServer,
}

/// What only sign-in asks of the app.
pub enum Done {
    /// Signed in; the password typed is handed over only for a forced change.
    SignedIn(Box<Session>, String),
    ChangeServer,
}

pub type Action = super::Effect<Message, Done>;

impl SignIn {
    pub fn new(organization: &str, user_id: &str, password: &str) -> SignIn {
        SignIn {
            organization: organization.into(),
            user_id: user_id.into(),
            password: password.into(),
            totp: String::new(),
            needs_totp: false,
            error: None,
            reason: None,
            busy: false,
        }
    }

    pub fn first_focus(&self) -> &'static str {
        if self.organization.is_empty() {
            "organization"
        } else if self.user_id.is_empty() {
            crate::widget::widget_id("user-id")
        } else {
            "password"
        }
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Organization(v) => self.organization = v.to_uppercase(),
            Message::UserId(v) => self.user_id = v,
            Message::Password(v) => self.password = v,
            Message::Totp(v) => {
                self.totp = v.chars().filter(char::is_ascii_digit).take(6).collect()
            }
            Message::Submit => {
                if self.busy
                    || self.organization.trim().is_empty()
                    || self.user_id.trim().is_empty()
                    || self.password.is_empty()
                {
                    return Action::None;
                }
                self.busy = true;
                self.error = None;
                let c = client.clone();
                let (o, u, p) = (
                    self.organization.clone(),
                    self.user_id.clone(),
                    self.password.clone(),
                );
                let totp = Some(self.totp.clone()).filter(|t| !t.is_empty());
                return Action::Run(Task::perform(
                    async move { c.sign_in(&o, &u, &p, totp.as_deref()).await.map(Box::new) },
                    Message::Done,
                ));
            }
            Message::Done(Ok(session)) => {
                self.busy = false;
                self.reason = None;
                let typed = std::mem::take(&mut self.password);
                self.totp.clear();
                return Action::Own(Done::SignedIn(session, typed));
            }
            Message::Done(Err(e)) => {
                self.busy = false;
                let code_asked = matches!(
                    e.code(),
                    Some(ErrorCode::TwoFactorRequired | ErrorCode::InvalidTwoFactorCode)
                );
                self.needs_totp |= code_asked;
                // A refused password is typed again from the start, not appended to; a code
                // asked for keeps the password that was right.
                if !code_asked {
                    self.password.clear();
                }
                self.error = Some(e);
                // The keyboard stays where the person must type again: never a visible field
                // that would show a password typed blind.
                let field = if code_asked { "totp" } else { "password" };
                return Action::Run(crate::widget::reveal::focus(field));
            }
            Message::ChangeServer => return Action::Own(Done::ChangeServer),
        }
        Action::None
    }

    pub fn view(&self, locale: Locale) -> Element<'_, Message> {
        let t = |id: &str| locale.t(id);
        // The notices live in one column of their own, so the fields keep their place in the
        // widget tree (and their focus) when a message appears.
        let mut notices = column![].spacing(8);
        if let Some(r) = &self.reason {
            notices = notices.push(notice(r, false));
        }
        if let Some(e) = &self.error {
            notices = notices.push(notice(&locale.error(e), true));
        }
        let mut form = column![crate::widget::title(t("sign-in-title")), notices]
            .spacing(14)
            .max_width(420);
        form = form
            .push(labelled(
                t("field-organization-code"),
                text_input("", &self.organization)
                    .style(crate::widget::colors::field)
                    .id("organization")
                    .on_input(Message::Organization)
                    .on_submit(Message::Submit)
                    .padding(8),
                None,
            ))
            .push(labelled(
                t("field-user-id"),
                text_input("", &self.user_id)
                    .style(crate::widget::colors::field)
                    .id("user-id")
                    .on_input(Message::UserId)
                    .on_submit(Message::Submit)
                    .padding(8),
                None,
            ))
            .push(labelled(
                t("field-password"),
                text_input("", &self.password)
                    .style(crate::widget::colors::field)
                    .id("password")
                    .secure(true)
                    .on_input(Message::Password)
                    .on_submit(Message::Submit)
                    .padding(8),
                None,
            ));
        if self.needs_totp {
            form = form.push(labelled(
                t("field-totp"),
                text_input("123456", &self.totp)
                    .style(crate::widget::colors::field)
                    .id("totp")
                    .on_input(Message::Totp)
                    .on_submit(Message::Submit)
                    .padding(8),
                None,
            ));
        }
        let ready = !self.busy
            && !self.organization.trim().is_empty()
            && !self.user_id.trim().is_empty()
            && !self.password.is_empty();
        form = form.push(
            row![
                primary(
                    if self.busy {
                        t("sign-in-busy")
                    } else {
                        t("sign-in-action")
                    },
                    ready.then_some(Message::Submit)
                ),
                secondary(t("sign-in-change-server"), Some(Message::ChangeServer)),
            ]
            .spacing(10),
        );
        container(form).center_x(Length::Fill).padding(40).into()
    }
}

impl super::Questions for SignIn {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("sign-in-title")
    }

    fn clear_notice(&mut self) {
        self.error = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.error.is_some())
    }
}
