//! A service user's record: status, access, and a password reset with a new letter.

use iced::Task;

use super::{Action, Draft, Message, Mode, ServiceUsers};
use crate::screen::{Ctx, request};
use crate::widget::Notice;
use sesame_core::api::ServiceUserUpdate;

impl ServiceUsers {
    /// The record's messages; their failures are answered by `update`.
    pub(super) fn on_record(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::Open(id) => {
                self.mode = Mode::Record {
                    id,
                    password: None,
                    confirm_reset: false,
                    access: None,
                    rotate: None,
                    token: Default::default(),
                };
                // The record opens on its first control, not where the list's link was.
                let first = crate::widget::reveal::focus("service-user-provisioning");
                if self.people.is_empty() {
                    return Action::Run(Task::batch([
                        first,
                        request(
                            ctx.client,
                            |c| async move { responsible_candidates(&c).await },
                            Message::PeopleLoaded,
                        ),
                    ]));
                }
                return Action::Run(first);
            }
            Message::PeopleLoaded(Ok(people)) => {
                self.people = people
                    .into_iter()
                    .map(|p| {
                        let name = format!("{} {} ({})", p.first_name, p.last_name, p.user_id);
                        (p.id, name)
                    })
                    .collect();
            }
            Message::Responsible(_)
            | Message::SetStatus(_)
            | Message::SetProvisioning(_)
            | Message::SaveAccess => {
                if let Some(change) = self.change_of(message) {
                    return self.save_record(ctx, change);
                }
            }
            Message::EditAccess => self.edit_access(),
            Message::Updated(Ok(su)) => {
                if let Mode::Record { access, .. } = &mut self.mode {
                    *access = None;
                }
                if let Some(s) = self.list.iter_mut().find(|s| s.id == su.id) {
                    *s = su;
                }
                self.notice = Some(Notice::done(ctx.locale.t("person-saved")));
            }
            Message::AskReset => {
                if let Mode::Record { confirm_reset, .. } = &mut self.mode {
                    *confirm_reset = true;
                    // The question takes the focus from the button it disables.
                    return Action::Run(crate::widget::reveal::focus("reset-cancel"));
                }
            }
            Message::ConfirmReset => {
                if let Mode::Record { id, .. } = self.mode {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.reset_service_user_password(id).await },
                        Message::Reset,
                    ));
                }
            }
            Message::Reset(Ok(p)) => {
                self.show_password(Some(p.password));
                return self.refresh(ctx);
            }
            Message::ClosePassword => {
                self.show_password(None);
            }
            _ => {}
        }
        Action::None
    }

    /// The change of the open record a message asks for (the status, the responsible person,
    /// provisioning, or the access being edited).
    fn change_of(&self, message: Message) -> Option<ServiceUserUpdate> {
        let change = ServiceUserUpdate::default();
        Some(match message {
            Message::Responsible(choice) => ServiceUserUpdate {
                responsible_id: Some(choice.0.map(|(id, _)| id)),
                ..change
            },
            Message::SetStatus(status) => ServiceUserUpdate {
                status: Some(status),
                ..change
            },
            Message::SetProvisioning(on) => ServiceUserUpdate {
                provisioning: Some(on),
                ..change
            },
            Message::SaveAccess => match &self.mode {
                Mode::Record {
                    access: Some(draft),
                    ..
                } => ServiceUserUpdate {
                    scope: Some(draft.scope()),
                    ..change
                },
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The access of the open record, to edit: as it is stored.
    fn edit_access(&mut self) {
        if let Mode::Record { id, access, .. } = &mut self.mode
            && let Some(su) = self.list.iter().find(|s| s.id == *id)
        {
            *access = Some(Box::new(Draft {
                all_companies: su.scope.all_companies,
                whole_structure: su.scope.whole_structure,
                chosen: su.scope.structure_ids.iter().copied().collect(),
                ..Draft::default()
            }));
        }
    }

    /// Saves a change of the open record, carrying the version that was read.
    fn save_record(&self, ctx: Ctx<'_>, change: ServiceUserUpdate) -> Action {
        let Mode::Record { id, .. } = self.mode else {
            return Action::None;
        };
        let Some(su) = self.list.iter().find(|s| s.id == id) else {
            return Action::None;
        };
        let update = ServiceUserUpdate {
            version: su.version,
            ..change
        };
        Action::Run(request(
            ctx.client,
            move |c| async move { c.update_service_user(id, &update).await },
            Message::Updated,
        ))
    }

    /// Shows the new password, or forgets it; the confirmations close either way.
    pub(super) fn show_password(&mut self, shown: Option<String>) {
        if let Mode::Record {
            password,
            confirm_reset,
            rotate,
            ..
        } = &mut self.mode
        {
            *password = shown;
            *confirm_reset = false;
            *rotate = None;
        }
    }

    /// Reads the open record again (its password's dates after a reset or a rotation).
    pub(super) fn refresh(&self, ctx: Ctx<'_>) -> Action {
        let Mode::Record { id, .. } = self.mode else {
            return Action::None;
        };
        Action::Run(request(
            ctx.client,
            move |c| async move { c.service_user(id).await },
            Message::Refreshed,
        ))
    }
}

/// The people who may answer for a service user, as the server's rule says of a primary
/// manager (levels 1 and 2, not suspended), asked of the levels that can hold them (a few
/// hundred of each at most are offered).
async fn responsible_candidates(
    c: &sesame_client::Client,
) -> Result<Vec<sesame_core::api::PersonSummary>, sesame_client::ClientError> {
    use sesame_core::domain::rules::Actor;
    use sesame_core::domain::{Level, Status};
    let mut out = vec![];
    for level in Level::ALL {
        let q = sesame_core::api::PeopleQuery {
            level: Some(level),
            status: Some(Status::Active),
            limit: Some(500),
            ..Default::default()
        };
        if Actor::can_be_primary_manager(level, Status::Active) {
            out.extend(c.people(&q).await?.items);
        }
    }
    Ok(out)
}
