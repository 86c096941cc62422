//! Two-factor authentication in My account: enroll an authenticator app (QR code on screen and
//! the key as text, confirmed with a first code), or turn it off with a current code.

use iced::widget::{column, container, qr_code, row, text, text_input};
use iced::{Alignment, Color, Element, Font, Task};

use crate::locale::Locale;
use crate::widget::{Notice, danger, heading, labelled, primary, secondary, shield};
use sesame_client::{Client, ClientError};
use sesame_core::api::{Me, TwoFactorEnrollment};

pub struct TwoFactor {
    enrolled: bool,
    /// Under way: the key and its QR code, until a code confirms them.
    pending: Option<(TwoFactorEnrollment, qr_code::Data)>,
    code: String,
    notice: Option<Notice>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Start,
    Started(Result<TwoFactorEnrollment, ClientError>),
    Code(String),
    Confirm,
    Confirmed(Result<Box<Me>, ClientError>),
    Disable,
    Disabled(Result<(), ClientError>),
    CancelEnrollment,
    CopyKey,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Enrolled: the app keeps the fresh copy of who is signed in.
    Enrolled(Box<Me>),
    Disabled,
    Copy(String),
    Failed(ClientError),
}

/// The QR code's container, brought into view when it appears.
const QR: &str = crate::widget::widget_id("two-factor-qr");

impl TwoFactor {
    /// Forgets the message of the two-factor part.
    pub fn clear_notice(&mut self) {
        self.notice = None;
    }

    pub fn has_notice(&self) -> bool {
        self.notice.is_some()
    }

    pub fn new(enrolled: bool) -> TwoFactor {
        TwoFactor {
            enrolled,
            pending: None,
            code: String::new(),
            notice: None,
            busy: false,
        }
    }

    /// The key being enrolled (tests compute codes from it, as an authenticator app would).
    pub fn pending_secret(&self) -> Option<&str> {
        self.pending.as_ref().map(|(e, _)| e.secret.as_str())
    }

    pub fn is_enrolled(&self) -> bool {
        self.enrolled
    }

    pub fn update(&mut self, message: Message, client: &Client, l: Locale) -> Action {
        match message {
            Message::Start => {
                self.busy = true;
                let c = client.clone();
                return Action::Run(Task::perform(
                    async move { c.start_two_factor().await },
                    Message::Started,
                ));
            }
            Message::Started(Ok(e)) => {
                self.busy = false;
                match qr_code::Data::new(&e.otpauth_uri) {
                    Ok(data) => {
                        self.pending = Some((e, data));
                        self.notice = None;
                        self.code.clear();
                        // The code to scan in view whole, the keyboard in the field beside it.
                        return Action::Run(
                            crate::widget::reveal::focus("totp-code")
                                .chain(crate::widget::reveal::show(QR)),
                        );
                    }
                    Err(_) => self.notice = Some(Notice::failed(l.t("two-factor-qr-failed"))),
                }
            }
            Message::Code(v) => {
                self.code = v.chars().filter(char::is_ascii_digit).take(6).collect();
            }
            Message::Confirm => {
                if self.code.len() == 6 && !self.busy {
                    self.busy = true;
                    let (c, code) = (client.clone(), self.code.clone());
                    return Action::Run(Task::perform(
                        async move { c.confirm_two_factor(&code).await.map(Box::new) },
                        Message::Confirmed,
                    ));
                }
            }
            Message::Confirmed(Ok(me)) => {
                self.busy = false;
                self.enrolled = true;
                self.pending = None;
                self.code.clear();
                self.notice = Some(Notice::done(l.t("two-factor-enrolled")));
                return Action::Enrolled(me);
            }
            Message::Disable => {
                if self.code.len() == 6 && !self.busy {
                    self.busy = true;
                    let (c, code) = (client.clone(), self.code.clone());
                    return Action::Run(Task::perform(
                        async move { c.disable_two_factor(&code).await },
                        Message::Disabled,
                    ));
                }
            }
            Message::Disabled(Ok(())) => {
                self.busy = false;
                self.enrolled = false;
                self.code.clear();
                self.notice = Some(Notice::done(l.t("two-factor-disabled")));
                return Action::Disabled;
            }
            Message::Started(Err(e)) | Message::Confirmed(Err(e)) | Message::Disabled(Err(e)) => {
                self.busy = false;
                self.code.clear();
                self.notice = Some(Notice::failed(l.error(&e)));
                return Action::Failed(e);
            }
            Message::CancelEnrollment => {
                self.pending = None;
                self.code.clear();
            }
            Message::CopyKey => {
                if let Some((e, _)) = &self.pending {
                    return Action::Copy(e.secret.clone());
                }
            }
        }
        Action::None
    }

    pub fn view(&self, l: Locale) -> Element<'_, Message> {
        let t = |id: &str| l.t(id);
        let mut c = column![
            row![heading(t("two-factor-title")), shield(l, self.enrolled)]
                .spacing(12)
                .align_y(Alignment::Center)
        ]
        .spacing(10);
        c = c.push(crate::widget::notice_slot(self.notice.as_ref()));
        let code_input = |on_submit: Message| {
            text_input("123456", &self.code)
                .style(crate::widget::colors::field)
                .id("totp-code")
                .on_input(Message::Code)
                .on_submit(on_submit)
                .padding(8)
                .width(160)
        };
        match (&self.pending, self.enrolled) {
            (Some((e, data)), _) => {
                // Black on white whatever the theme: authenticator apps read that best.
                let qr = qr_code(data).cell_size(5).style(|_| qr_code::Style {
                    cell: Color::BLACK,
                    background: Color::WHITE,
                });
                c = c.push(text(t("two-factor-scan")).size(14)).push(
                    row![
                        crate::widget::role(
                            crate::a11y::Role::Image,
                            t("a11y-qr-code"),
                            container(qr).padding(4).id(QR)
                        ),
                        column![
                            text(t("two-factor-key")).size(13),
                            text(spaced(&e.secret)).font(Font::MONOSPACE).size(15),
                            secondary(t("action-copy-key"), Some(Message::CopyKey)),
                            labelled(t("two-factor-code"), code_input(Message::Confirm), None),
                            row![
                                primary(
                                    t("action-confirm-two-factor"),
                                    (self.code.len() == 6 && !self.busy)
                                        .then_some(Message::Confirm)
                                ),
                                secondary(t("action-cancel"), Some(Message::CancelEnrollment)),
                            ]
                            .spacing(10),
                        ]
                        .spacing(8),
                    ]
                    .spacing(20),
                );
            }
            (None, false) => {
                c = c
                    .push(text(t("two-factor-off-explained")).size(14))
                    .push(primary(
                        t("action-set-up-two-factor"),
                        (!self.busy).then_some(Message::Start),
                    ));
            }
            (None, true) => {
                c = c.push(text(t("two-factor-on-explained")).size(14)).push(
                    row![
                        labelled(t("two-factor-code"), code_input(Message::Disable), None),
                        danger(
                            t("action-turn-off-two-factor"),
                            (self.code.len() == 6 && !self.busy).then_some(Message::Disable)
                        ),
                    ]
                    .spacing(12)
                    .align_y(Alignment::End),
                );
            }
        }
        c.into()
    }
}

/// The key in groups of four, as authenticator apps show it and people type it.
fn spaced(key: &str) -> String {
    key.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_show_in_groups_of_four() {
        assert_eq!(super::spaced("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }
}
