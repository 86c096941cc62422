//! The forced change of a temporary password, before anything else.

use iced::widget::{column, container, row, text, text_input};
use iced::{Element, Length, Task};

use crate::locale::Locale;
use crate::widget::{labelled, notice, primary, secondary};
use sesame_client::{Client, ClientError};

pub struct PasswordChange {
    /// The temporary password typed at sign-in, forgotten once the change is done.
    current: String,
    new: String,
    repeat: String,
    error: Option<String>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    New(String),
    Repeat(String),
    Submit,
    Done(Result<(), ClientError>),
    /// The way out: sign out without changing the password.
    SignOut,
}

/// What only the forced password change asks of the app.
pub enum Done {
    Changed,
    SignOut,
}

pub type Action = super::Effect<Message, Done>;

impl PasswordChange {
    pub fn new(current: String) -> PasswordChange {
        PasswordChange {
            current,
            new: String::new(),
            repeat: String::new(),
            error: None,
            busy: false,
        }
    }

    pub fn update(&mut self, message: Message, client: &Client, locale: Locale) -> Action {
        match message {
            // What was refused is being typed again: the refusal no longer applies.
            Message::New(v) => (self.new, self.error) = (v, None),
            Message::Repeat(v) => (self.repeat, self.error) = (v, None),
            Message::Submit => {
                if self.new != self.repeat {
                    self.error = Some(locale.t("password-mismatch"));
                    return Action::Run(crate::widget::reveal::focus("repeat-password"));
                }
                self.busy = true;
                self.error = None;
                let (c, cur, new) = (client.clone(), self.current.clone(), self.new.clone());
                return Action::Run(Task::perform(
                    async move { c.change_password(&cur, &new).await },
                    Message::Done,
                ));
            }
            Message::Done(Ok(())) => {
                self.current.clear();
                self.new.clear();
                self.repeat.clear();
                return Action::Own(Done::Changed);
            }
            Message::Done(Err(e)) => {
                self.busy = false;
                self.error = Some(locale.error(&e));
            }
            Message::SignOut => return Action::Own(Done::SignOut),
        }
        Action::None
    }

    pub fn view(&self, locale: Locale) -> Element<'_, Message> {
        let t = |id: &str| locale.t(id);
        let mut c = column![
            crate::widget::title(t("password-change-title")),
            text(t("password-change-intro"))
        ]
        .spacing(14)
        .max_width(460);
        // Always a slot for the message, so the fields keep their place (and the focus).
        c = c.push(match &self.error {
            Some(e) => notice(e, true),
            None => column![].into(),
        });
        let ready = !self.busy
            && sesame_core::domain::long_enough_password(&self.new)
            && !self.repeat.is_empty();
        c = c
            .push(labelled(
                t("field-new-password"),
                text_input("", &self.new)
                    .style(crate::widget::colors::field)
                    .id("new-password")
                    .secure(true)
                    .on_input(Message::New)
                    .on_submit(Message::Submit)
                    .padding(8),
                None,
            ))
            .push(labelled(
                t("field-repeat-password"),
                text_input("", &self.repeat)
                    .style(crate::widget::colors::field)
                    .id("repeat-password")
                    .secure(true)
                    .on_input(Message::Repeat)
                    .on_submit(Message::Submit)
                    .padding(8),
                None,
            ))
            .push(text(t("password-rule")).size(13))
            .push(
                row![
                    primary(
                        t("password-change-action"),
                        ready.then_some(Message::Submit)
                    ),
                    secondary(t("nav-sign-out"), Some(Message::SignOut)),
                ]
                .spacing(10),
            );
        container(c).center_x(Length::Fill).padding(40).into()
    }
}

impl super::Questions for PasswordChange {
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
