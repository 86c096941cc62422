//! What the user follow-up does with each message: search, filters, sort, selection, and the
//! dialogs of its rows.

use super::*;

impl People {
    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Loaded(Ok(page)) => {
                let next = page.next_cursor.clone();
                self.append(page.items);
                if next.is_some() {
                    return Action::Run(fetch(ctx.client, next));
                }
                self.loading = false;
                if self.all.iter().any(|p| p.status == Status::Invited) {
                    return self.update(Message::CheckInvitations, ctx);
                }
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                return self.failed(e, l);
            }
            Message::Find => return Action::Run(iced::widget::operation::focus("search")),
            Message::Search(q) => {
                self.query = q;
                self.refilter();
            }
            Message::LevelFilter(f) => {
                self.level = Some(f);
                self.refilter();
            }
            Message::StatusFilter(f) => {
                self.status = Some(f);
                self.refilter();
            }
            Message::SortBy(s) => {
                self.desc = self.sort == s && !self.desc;
                self.sort = s;
                self.resort();
            }
            Message::Scrolled(v) => self.window = Window::from_viewport(v),
            Message::New => return Action::Run(self.new_record(ctx)),
            Message::Cancel | Message::Quit => return Action::Home,
            Message::Modify(id) => return Action::Run(self.open_record(id, ctx)),
            Message::Record(m) => return self.on_record(m, ctx),
            Message::Options(id) => {
                self.dialog = Some(Dialog::Options {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::AskInitialize(id) => {
                self.dialog = Some(Dialog::ConfirmInitialize {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::ConfirmInitialize => {
                if let Some(Dialog::ConfirmInitialize { id, .. }) = self.dialog {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.initialize_password(id).await },
                        Message::Initialized,
                    ));
                }
            }
            Message::Initialized(Ok(p)) => {
                if let Some(Dialog::ConfirmInitialize { id, name }) = self.dialog.take() {
                    self.dialog = Some(Dialog::Password {
                        id,
                        name,
                        password: p.password,
                    });
                }
            }
            // A dialog's request failed: the dialog closes and the list says why.
            Message::Initialized(Err(e))
            | Message::InvitationCancelled(Err(e))
            | Message::TwoFactorReset(Err(e))
            | Message::RolesSaved(Err(e))
            | Message::Removed(_, Err(e))
            | Message::BatchDone(Err(e)) => {
                self.dialog = None;
                return self.failed(e, l);
            }
            Message::CopyPassword => {
                if let Some(Dialog::Password { password, .. }) = &self.dialog {
                    return Action::Copy(password.clone());
                }
            }
            Message::PrintLetter => {
                if let Some(Dialog::Password { id, password, .. }) = &self.dialog
                    && let Some(p) = self.find(*id)
                {
                    let letter = crate::screen::credential_letter(ctx, p, password);
                    let name =
                        sesame_documents::file_name("doc-letter-file", l.language, &p.user_id);
                    return Action::Print(vec![letter], name);
                }
            }
            Message::AskRoles(id) => {
                let roles = self
                    .find(id)
                    .map(|p| p.roles.iter().cloned().collect())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Roles {
                    ids: vec![id],
                    name: self.name_of(id),
                    roles,
                });
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
                    let (c, ids, roles) = (
                        ctx.client.clone(),
                        ids.clone(),
                        roles.iter().cloned().collect::<Vec<_>>(),
                    );
                    return Action::Run(Task::perform(
                        async move { c.update_roles_of(&ids, &roles).await },
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
            Message::AskRolesOfSelection => {
                let ids: Vec<i64> = self.selected.iter().copied().collect();
                // Ticked in the dialog: the roles every selected person already holds.
                let common = ids
                    .iter()
                    .filter_map(|id| self.find(*id))
                    .map(|p| p.roles.iter().cloned().collect::<BTreeSet<_>>())
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
            Message::RoleFilter(f) => {
                self.role = f.0;
                self.refilter();
            }
            Message::TwoFactorFilter(f) => {
                self.two_factor = f.0;
                self.refilter();
            }
            Message::Invite => {
                self.dialog = Some(Dialog::Invite(InviteForm::new(l.language)));
                return Action::Run(iced::widget::operation::focus("invite-email"));
            }
            Message::InviteEdit(e) => {
                if let Some(Dialog::Invite(form)) = &mut self.dialog {
                    form.apply(e);
                }
            }
            Message::SendInvitation => {
                if let Some(Dialog::Invite(form)) = &mut self.dialog {
                    match form.request(l) {
                        Err(e) => form.error = Some(e),
                        Ok(req) if !form.sending => {
                            form.error = None;
                            form.sending = true;
                            let c = ctx.client.clone();
                            return Action::Run(Task::perform(
                                async move { c.invite(&req).await },
                                Message::InvitationSent,
                            ));
                        }
                        Ok(_) => {}
                    }
                }
            }
            Message::InvitationSent(Ok(inv)) => {
                self.dialog = None;
                self.notice = Some(Notice::done(
                    l.t_with("people-invitation-sent", &[("email", &inv.email)]),
                ));
                let (c, id) = (ctx.client.clone(), inv.person_id);
                self.invitations.insert(inv.person_id, inv);
                return Action::Run(Task::perform(
                    async move { c.person(id).await },
                    Message::Refreshed,
                ));
            }
            Message::InvitationSent(Err(e)) => {
                if e.session_ended() {
                    return Action::SessionEnded(e);
                }
                if let Some(Dialog::Invite(form)) = &mut self.dialog {
                    form.sending = false;
                    let field = match &e {
                        ClientError::Api { error, .. } => error.field.clone(),
                        _ => None,
                    };
                    form.error = Some((field.unwrap_or_else(|| "email".into()), l.error(&e)));
                }
            }
            Message::Refreshed(Ok(rec)) => self.upsert(rec.person),
            Message::Refreshed(Err(e)) => {
                // Gone in the meantime (removed elsewhere): off the list.
                if e.status() == Some(404) {
                    return Action::None;
                }
                return self.failed(e, l);
            }
            Message::CheckInvitations => {
                let c = ctx.client.clone();
                return Action::Run(Task::perform(
                    async move { c.invitations().await },
                    Message::InvitationsChecked,
                ));
            }
            Message::InvitationsChecked(Ok(list)) => {
                let waiting: HashMap<i64, Invitation> =
                    list.into_iter().map(|i| (i.person_id, i)).collect();
                // Invited here, no longer waiting there: they confirmed (or were removed).
                let changed: Vec<i64> = self
                    .all
                    .iter()
                    .filter(|p| p.status == Status::Invited && !waiting.contains_key(&p.id))
                    .map(|p| p.id)
                    .collect();
                self.invitations = waiting;
                let c = ctx.client.clone();
                return Action::Run(Task::batch(changed.into_iter().map(|id| {
                    let c = c.clone();
                    Task::perform(async move { c.person(id).await }, Message::Refreshed)
                })));
            }
            Message::InvitationsChecked(Err(e)) => {
                if e.session_ended() {
                    return Action::SessionEnded(e);
                }
            }
            Message::Resend(id) => {
                self.dialog = None;
                let c = ctx.client.clone();
                return Action::Run(Task::perform(
                    async move { c.resend_invitation(id).await },
                    Message::Resent,
                ));
            }
            Message::Resent(Ok(inv)) => {
                self.notice = Some(Notice::done(
                    l.t_with("people-invitation-resent", &[("email", &inv.email)]),
                ));
                self.invitations.insert(inv.person_id, inv);
            }
            Message::Resent(Err(e)) => return self.failed(e, l),
            Message::AskCancelInvitation(id) => {
                self.dialog = Some(Dialog::ConfirmCancelInvitation {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::ConfirmCancelInvitation => {
                if let Some(Dialog::ConfirmCancelInvitation { id, .. }) = self.dialog {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.cancel_invitation(id).await },
                        Message::InvitationCancelled,
                    ));
                }
            }
            Message::InvitationCancelled(Ok(inv)) => {
                self.dialog = None;
                self.notice = Some(Notice::done(
                    l.t_with("people-invitation-cancelled", &[("email", &inv.email)]),
                ));
                self.invitations.insert(inv.person_id, inv);
            }
            Message::AskResetTwoFactor(id) => {
                self.dialog = Some(Dialog::ConfirmResetTwoFactor {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::ConfirmResetTwoFactor => {
                if let Some(Dialog::ConfirmResetTwoFactor { id, .. }) = self.dialog {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.reset_two_factor(id).await },
                        Message::TwoFactorReset,
                    ));
                }
            }
            Message::TwoFactorReset(Ok(rec)) => {
                self.dialog = None;
                let name = format!("{} {}", rec.person.first_name, rec.person.last_name);
                self.upsert(rec.person);
                self.notice = Some(Notice::done(
                    l.t_with("people-two-factor-reset", &[("name", name.trim())]),
                ));
            }
            Message::AskRemove(id) => {
                self.dialog = Some(Dialog::ConfirmRemove {
                    id,
                    name: self.name_of(id),
                })
            }
            Message::ConfirmRemove => {
                if let Some(Dialog::ConfirmRemove { id, .. }) = self.dialog {
                    let c = ctx.client.clone();
                    return Action::Run(Task::perform(
                        async move { c.delete_person(id).await },
                        move |r| Message::Removed(id, r),
                    ));
                }
            }
            Message::Removed(id, Ok(())) => {
                self.dialog = None;
                let name = self.name_of(id);
                self.remove(id);
                self.notice = Some(Notice::done(l.t_with("people-removed", &[("name", &name)])));
            }
            Message::CloseDialog => self.dialog = None,
            Message::Tick(id, on) => {
                if on {
                    self.selected.insert(id);
                } else {
                    self.selected.remove(&id);
                }
            }
            Message::ExportCsv => {
                let name = format!("{}.csv", l.t("people-csv-file"));
                // The rows as shown now, written to CSV on a worker thread.
                let rows: Vec<PersonSummary> = self.shown().cloned().collect();
                let catalogue = ctx.roles.to_vec();
                return Action::Run(Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || export::csv(l, &catalogue, &rows))
                            .await
                            .unwrap_or_default()
                    },
                    move |bytes| Message::CsvReady(bytes, name.clone()),
                ));
            }
            Message::CsvReady(bytes, name) => return Action::Save(bytes, name),
            Message::AskBatch => {
                if !self.selected.is_empty() {
                    self.dialog = Some(Dialog::ConfirmBatch {
                        count: self.selected.len(),
                    });
                }
            }
            Message::ConfirmBatch => {
                let (c, ids) = (
                    ctx.client.clone(),
                    self.selected.iter().copied().collect::<Vec<_>>(),
                );
                return Action::Run(Task::perform(
                    async move { c.initialize_passwords(&ids).await },
                    Message::BatchDone,
                ));
            }
            Message::BatchDone(Ok(list)) => {
                self.dialog = None;
                self.selected.clear();
                // The passwords go into the letters, and only there.
                let letters: Vec<_> = list
                    .iter()
                    .filter_map(|p| {
                        self.find(p.id).map(|person| {
                            crate::screen::credential_letter(ctx, person, &p.password)
                        })
                    })
                    .collect();
                self.notice = Some(Notice::done(l.t_count(
                    "people-batch-done",
                    "count",
                    letters.len(),
                )));
                let name = sesame_documents::file_name(
                    "doc-letters-file",
                    l.language,
                    &ctx.me.organization.code,
                );
                return Action::Print(letters, name);
            }
        }
        Action::None
    }
}
