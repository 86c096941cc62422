//! The roles dialog: the roles of one person, or of every ticked row at once.

use std::collections::BTreeSet;

use super::{Action, Dialog, Message, People};
use crate::screen::{Ctx, request};
use crate::widget::Notice;

impl People {
    /// The messages of the roles dialog; a failed save is answered by `update`.
    pub(super) fn on_roles(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::AskRoles(id) => {
                let roles = self
                    .row_of(id)
                    .map(|p| self.role_sets.get(p.roles).iter().cloned().collect())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Roles {
                    ids: vec![id],
                    name: self.name_of(id),
                    roles,
                });
            }
            Message::AskRolesOfSelection => {
                let ids: Vec<i64> = self.selected.keys().copied().collect();
                // Ticked in the dialog: the roles every selected person already holds.
                let common = ids
                    .iter()
                    .filter_map(|id| self.row_of(*id))
                    .map(|p| {
                        let roles = self.role_sets.get(p.roles);
                        roles.iter().cloned().collect::<BTreeSet<_>>()
                    })
                    .reduce(|a, b| a.intersection(&b).cloned().collect())
                    .unwrap_or_default();
                if !ids.is_empty() {
                    self.dialog = Some(Dialog::Roles {
                        name: l.t_count("people-selected-count", "count", ids.len()),
                        ids,
                        roles: common,
                    });
                }
            }
            Message::ToggleRole(code, on) => {
                if let Some(Dialog::Roles { roles, .. }) = &mut self.dialog {
                    if on {
                        roles.insert(code);
                    } else {
                        roles.remove(&code);
                    }
                }
            }
            Message::SaveRoles => {
                if let Some(Dialog::Roles { ids, roles, .. }) = &self.dialog {
                    let (ids, roles) = (ids.clone(), roles.iter().cloned().collect::<Vec<_>>());
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.update_roles_of(&ids, &roles).await },
                        Message::RolesSaved,
                    ));
                }
            }
            Message::RolesSaved(Ok(people)) => {
                self.dialog = None;
                let count = people.len();
                self.upsert_many(people);
                self.notice = Some(Notice::done(l.t_count(
                    "people-roles-updated",
                    "count",
                    count,
                )));
            }
            _ => {}
        }
        Action::None
    }
}
