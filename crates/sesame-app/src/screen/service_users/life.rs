//! The life of a service user's password: the organization's validity (level 1), a rotation
//! with a grace period, ending the old password now, protecting the letter's PDF, and the
//! health view.

use super::{Action, Message, Mode, ServiceUsers};
use crate::screen::{Ctx, request};
use sesame_core::api::{CredentialKind, DEFAULT_GRACE_DAYS, DEFAULT_VALIDITY_DAYS};

impl ServiceUsers {
    pub(super) fn on_life(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::ValidityLoaded(_)
            | Message::EditValidity
            | Message::ValidityDays(_)
            | Message::ValidityNever(_)
            | Message::CancelValidity
            | Message::SaveValidity => return self.on_validity(message, ctx),
            Message::AskRotate => {
                if let Mode::Record { rotate, .. } = &mut self.mode {
                    *rotate = Some(DEFAULT_GRACE_DAYS.to_string());
                }
            }
            Message::GraceDays(d) => {
                if let Mode::Record {
                    rotate: Some(grace),
                    ..
                } = &mut self.mode
                {
                    *grace = crate::screen::credential::grace_digits(&d);
                }
            }
            Message::ConfirmRotate => {
                if let Mode::Record {
                    id,
                    rotate: Some(grace),
                    ..
                } = &self.mode
                {
                    let (id, days) = (*id, grace.parse::<i64>().unwrap_or(0));
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move {
                            c.rotate_password(CredentialKind::ServiceUser, id, days)
                                .await
                        },
                        Message::Rotated,
                    ));
                }
            }
            Message::Rotated(Ok(p)) => {
                self.show_password(Some(p.password));
                return self.refresh(ctx);
            }
            Message::EndPrevious => {
                if let Mode::Record { id, .. } = self.mode {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move {
                            c.end_previous_password(CredentialKind::ServiceUser, id)
                                .await?;
                            c.service_user(id).await
                        },
                        Message::Refreshed,
                    ));
                }
            }
            Message::Refreshed(Ok(su)) => {
                if let Some(s) = self.list.iter_mut().find(|s| s.id == su.id) {
                    *s = su;
                }
            }
            _ => {}
        }
        Action::None
    }

    /// The organization's validity of API passwords, as level 1 edits it.
    fn on_validity(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::ValidityLoaded(Ok(v)) => {
                self.validity = Some(v.days);
                self.validity_edit = None;
            }
            Message::EditValidity => {
                let days = self.validity.flatten().unwrap_or(DEFAULT_VALIDITY_DAYS);
                let never = self.validity == Some(None);
                self.validity_edit = Some((days.to_string(), never));
            }
            Message::ValidityDays(d) => {
                if let Some(edit) = &mut self.validity_edit {
                    edit.0 = d.chars().filter(char::is_ascii_digit).take(4).collect();
                }
            }
            Message::ValidityNever(never) => {
                if let Some(edit) = &mut self.validity_edit {
                    edit.1 = never;
                }
            }
            Message::CancelValidity => self.validity_edit = None,
            Message::SaveValidity => {
                let Some((days, never)) = &self.validity_edit else {
                    return Action::None;
                };
                // The server checks the range; an empty field is sent as 0 so it says so.
                let days = (!never).then(|| days.parse::<i64>().unwrap_or(0));
                return Action::Run(request(
                    ctx.client,
                    move |c| async move { c.set_credential_validity(days).await },
                    Message::ValidityLoaded,
                ));
            }
            _ => {}
        }
        Action::None
    }

    pub(super) fn on_health(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        use crate::screen::credential_health::{self as health, Health};
        match message {
            Message::OpenHealth => {
                let (h, task) = Health::open(ctx);
                self.health = Some(h);
                // The view replaces the list from the page's top, wherever the list was scrolled.
                let top = iced::widget::operation::snap_to(
                    super::PAGE,
                    iced::widget::scrollable::RelativeOffset::START,
                );
                return Action::Run(top.chain(task.map(Message::Health)));
            }
            Message::Health(m) => {
                let Some(h) = &mut self.health else {
                    return Action::None;
                };
                match h.update(m, ctx) {
                    health::Action::None => {}
                    health::Action::Run(t) => return Action::Run(t.map(Message::Health)),
                    health::Action::Save(table) => return Action::Save(table),
                    // The focus goes back to the button that opened the view.
                    health::Action::Close => {
                        self.health = None;
                        return Action::Run(crate::widget::reveal::focus("health-open"));
                    }
                    health::Action::Failed(e) => {
                        self.notice = Some(crate::widget::Notice::failed(ctx.locale.error(&e)));
                    }
                }
            }
            _ => {}
        }
        Action::None
    }

    /// The validity as a sentence: "Passwords issued from now on work 365 days."
    pub(super) fn validity_text(&self, l: crate::locale::Locale) -> String {
        match self.validity {
            Some(Some(days)) => l.t_count("validity-current-days", "count", days as usize),
            Some(None) => l.t("validity-current-never"),
            None => String::new(),
        }
    }
}
