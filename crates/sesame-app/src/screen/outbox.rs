//! The outbox: every mail the server wrote (invitations with their link, notices to primary
//! managers), in the recipient's language, with its delivery status. On "This computer", where
//! no SMTP server is configured, this is where an administrator reads an invitation link.

use iced::widget::{column, container, row, text};
use iced::{Element, Length, Task};
use sesame_core::i18n::keys::{OutboxStatus, TextKey};

use super::Ctx;
use crate::widget::notice;
use sesame_client::ClientError;
use sesame_core::api::OutboxMessage;

pub struct Outbox {
    messages: Vec<OutboxMessage>,
    error: Option<String>,
    loading: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<OutboxMessage>, ClientError>),
    /// An invitation's link, to the clipboard.
    CopyLink(String),
}

pub type Action = super::Effect<Message>;

impl Outbox {
    pub fn load(ctx: Ctx<'_>) -> (Outbox, Task<Message>) {
        let c = ctx.client.clone();
        (
            Outbox {
                messages: vec![],
                error: None,
                loading: true,
            },
            Task::perform(async move { c.outbox().await }, Message::Loaded),
        )
    }

    pub fn messages(&self) -> &[OutboxMessage] {
        &self.messages
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Loaded(Ok(list)) => {
                self.loading = false;
                self.messages = list;
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                self.error = Some(ctx.locale.error(&e));
            }
            Message::CopyLink(link) => return Action::Copy(link),
        }
        Action::None
    }

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let mut c = column![
            crate::widget::title(l.t("outbox-title")),
            text(l.t("outbox-intro")).size(14)
        ]
        .spacing(12)
        .padding(20);
        if let Some(e) = &self.error {
            c = c.push(notice(e, true));
        }
        if !self.loading && self.messages.is_empty() {
            c = c.push(text(l.t("outbox-empty")));
        }
        for m in &self.messages {
            // A status this version does not know shows as it is.
            let status = OutboxStatus::parse(&m.status)
                .map(|s| l.t(&s.text_key()))
                .unwrap_or_else(|| m.status.clone());
            c = c.push(
                container(
                    column![
                        row![
                            text(m.subject.clone()).size(16).width(Length::Fill),
                            text(status).size(13)
                        ]
                        .spacing(10),
                        text(l.t_with(
                            "outbox-to",
                            &[("recipient", &m.recipient), ("date", &l.date(m.created_at))]
                        ))
                        .size(13),
                        text(m.body.clone()).size(13),
                        match invitation_link(&m.body) {
                            Some(link) => crate::widget::secondary(
                                l.t("outbox-copy-link"),
                                Some(Message::CopyLink(link.to_owned())),
                            ),
                            None => column![].into(),
                        },
                    ]
                    .spacing(6),
                )
                .padding(12)
                .style(container::rounded_box),
            );
        }
        crate::widget::scroll(c.max_width(1000))
            .height(Length::Fill)
            .into()
    }
}

/// The invitation link a mail holds, if it holds one.
fn invitation_link(body: &str) -> Option<&str> {
    body.split_whitespace().find(|w| w.contains("/invitation/"))
}

impl super::Questions for Outbox {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("outbox-title")
    }

    fn clear_notice(&mut self) {
        self.error = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.error.is_some())
    }
}
