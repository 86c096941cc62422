//! The life of a technical user's password on its structure's page: its expiry, a rotation
//! with a grace period, ending the old password now, and the protected export.

use iced::widget::{column, row, text, text_input};
use iced::{Alignment, Element};

use super::{Action, Message, Mode, Structures};
use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::widget::{labelled, primary, secondary};
use sesame_core::api::{CredentialKind, DEFAULT_GRACE_DAYS, TechnicalUser};

impl Structures {
    pub(super) fn on_health(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        use crate::screen::credential_health::{self as health, Health};
        match message {
            Message::OpenHealth => {
                let (h, task) = Health::open(ctx);
                self.health = Some(h);
                Action::Run(task.map(Message::Health))
            }
            Message::Health(m) => match self.health.as_mut().map(|h| h.update(m, ctx)) {
                Some(health::Action::Run(t)) => Action::Run(t.map(Message::Health)),
                Some(health::Action::Save(table)) => Action::Save(table),
                // The focus goes back to the button that opened the view.
                Some(health::Action::Close) => {
                    self.health = None;
                    Action::Run(crate::widget::reveal::focus("health-open"))
                }
                Some(health::Action::Failed(e)) => {
                    self.notice = Some(crate::widget::Notice::failed(ctx.locale.error(&e)));
                    Action::None
                }
                _ => Action::None,
            },
            _ => Action::None,
        }
    }

    pub(super) fn on_technical(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let Some(id) = self.technical.as_ref().map(|t| t.id) else {
            return Action::None;
        };
        match message {
            Message::ConfirmReset => {
                return Action::Run(request(
                    ctx.client,
                    move |c| async move {
                        let p = c.reset_technical_user_password(id).await?;
                        Ok((p, c.technical_user(id).await?))
                    },
                    Message::Renewed,
                ));
            }
            Message::AskRotate => {
                self.mode = Mode::Rotate {
                    grace: DEFAULT_GRACE_DAYS.to_string(),
                }
            }
            Message::GraceDays(d) => {
                if let Mode::Rotate { grace } = &mut self.mode {
                    *grace = crate::screen::credential::grace_digits(&d);
                }
            }
            Message::ConfirmRotate => {
                if let Mode::Rotate { grace } = &self.mode {
                    let days = grace.parse::<i64>().unwrap_or(0);
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move {
                            let kind = CredentialKind::TechnicalUser;
                            let p = c.rotate_password(kind, id, days).await?;
                            Ok((p, c.technical_user(id).await?))
                        },
                        Message::Renewed,
                    ));
                }
            }
            Message::Renewed(Ok((p, t))) => {
                self.technical = Some(t.clone());
                self.mode = Mode::Summary {
                    technical: Box::new(t),
                    password: p.password,
                };
            }
            Message::EndPrevious => {
                return Action::Run(request(
                    ctx.client,
                    move |c| async move {
                        c.end_previous_password(CredentialKind::TechnicalUser, id)
                            .await?;
                        c.technical_user(id).await
                    },
                    Message::Technical,
                ));
            }
            _ => {}
        }
        Action::None
    }
}

/// The password's dates, Rotate and End the old password now (for whoever manages it).
pub(super) fn password_life<'a>(
    tu: &'a TechnicalUser,
    may: bool,
    l: Locale,
) -> Element<'a, Message> {
    let c = crate::screen::credential::dates(l, &tu.password, may.then_some(Message::EndPrevious));
    c.push(secondary(
        l.t("action-rotate"),
        may.then_some(Message::AskRotate),
    ))
    .into()
}

/// Choosing the grace period of a rotation.
pub(super) fn rotate_part<'a>(grace: &'a str, l: Locale) -> Element<'a, Message> {
    let valid = grace.parse::<i64>().is_ok_and(|d| (1..=30).contains(&d));
    let error = (!valid).then(|| l.t("reason-grace_days_range"));
    column![
        text(l.t("rotate-intro")),
        row![
            labelled(
                l.t("field-grace-days"),
                text_input("7", grace)
                    .style(crate::widget::colors::field)
                    .id("grace-days")
                    .on_input(Message::GraceDays)
                    .on_submit(Message::ConfirmRotate)
                    .padding(8)
                    .width(120),
                error.as_deref()
            ),
            secondary(l.t("action-cancel"), Some(Message::Cancel)),
            primary(
                l.t("action-rotate-confirm"),
                valid.then_some(Message::ConfirmRotate)
            ),
        ]
        .spacing(10)
        .align_y(Alignment::End),
    ]
    .spacing(10)
    .into()
}
