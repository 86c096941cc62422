//! What the user follow-up does with each message: search, filters, sort, selection and export
//! here; each dialog's messages go to its module.

use super::*;

impl People {
    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let action = self.update_list(message, ctx);
        self.then_ask_if_stale(action, ctx)
    }

    fn update_list(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        // The last message answers the last step: the person's next step replaces it.
        if is_new_step(&message) {
            self.notice = None;
        }
        match message {
            Message::Loaded(Ok(page)) => {
                let next = page.next_cursor.clone();
                self.append(page.items);
                if next.is_some() && self.all.len() >= self.held_max() {
                    return Action::Run(self.go_remote(ctx));
                }
                if next.is_some() {
                    return Action::Run(fetch(ctx.client, next, self.page()));
                }
                self.loaded();
                if self.all.iter().any(|p| p.status == Status::Invited) {
                    return self.update(Message::CheckInvitations, ctx);
                }
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                return self.failed(e, l);
            }
            Message::Answer(n, Ok(page)) => return Action::Run(self.answered(n, page, ctx)),
            Message::More(n, Ok(page)) => return Action::Run(self.more_answered(n, page, ctx)),
            Message::Answer(n, Err(e)) | Message::More(n, Err(e)) => {
                return self.unanswered(n, e, l);
            }
            Message::Find => return Action::Run(crate::widget::reveal::focus("search")),
            Message::Step(by) => {
                let step = self.step(by);
                return Action::Run(Task::batch([step, self.more_if_near_end(ctx)]));
            }
            Message::Search(q) => {
                self.query = q;
                return self.requery(ctx);
            }
            Message::LevelFilter(f) => {
                self.level = Some(f);
                return self.requery(ctx);
            }
            Message::StatusFilter(f) => {
                self.status = Some(f);
                return self.requery(ctx);
            }
            Message::RoleFilter(f) => {
                self.role = f.0;
                return self.requery(ctx);
            }
            Message::TwoFactorFilter(f) => {
                self.two_factor = f.0;
                return self.requery(ctx);
            }
            Message::SortBy(s) => {
                self.update_sort(s);
                if self.remote.is_some() {
                    return Action::Run(self.ask_server(ctx));
                }
            }
            Message::Scrolled(v) => {
                self.window = Window::from_viewport(v);
                return Action::Run(self.more_if_near_end(ctx));
            }
            Message::New => return Action::Run(self.new_record(ctx)),
            Message::Home => return Action::Home,
            Message::Modify(id) => return Action::Run(self.open_record(id, ctx)),
            Message::Record(m) => return self.on_record(m, ctx),
            Message::CloseDialog => self.dialog = None,
            Message::Tick(id, on) => {
                if on {
                    if let Some(row) = self.row_of(id).cloned() {
                        self.selected.insert(id, row);
                    }
                } else {
                    self.selected.remove(&id);
                }
            }
            Message::ExportCsv => return Action::Run(self.export_whole(ctx)),
            Message::Import => return Action::Own(OpenImport),
            Message::TableReady(table) => return Action::Save(table),
            // A batch refused for some people: the list names each, and why.
            Message::BatchDone(Err(e)) if password::batch_refusal(&e).is_some() => {
                self.dialog = None;
                self.notice = self.refused_batch(&e, l).map(Notice::failed);
            }
            // A dialog's request failed: the dialog closes and the list says why.
            Message::RolesSaved(Err(e)) | Message::BatchDone(Err(e)) => {
                self.dialog = None;
                return self.failed(e, l);
            }
            m => return self.on_dialog(m, ctx),
        }
        Action::None
    }

    /// Hands a dialog's message to the module of that dialog.
    fn on_dialog(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::AskBatch | Message::ConfirmBatch | Message::BatchDone(_) => {
                self.on_password(message, ctx)
            }
            Message::AskRoles(_)
            | Message::AskRolesOfSelection
            | Message::ToggleRole(..)
            | Message::SaveRoles
            | Message::RolesSaved(_) => self.on_roles(message, ctx),
            Message::Options(_) | Message::Act(..) | Message::Acting(_) => {
                self.on_row_action(message, ctx)
            }
            _ => self.on_invitation(message, ctx),
        }
    }

    /// The rows as shown now, made into a table on a worker thread.
    pub(super) fn export_csv(&self, ctx: Ctx<'_>) -> Task<Message> {
        let l = ctx.locale;
        let file = l.t("people-csv-file");
        // The rows' compact copies, not whole summaries: 100,000 of those would cost more
        // than the list itself.
        let rows: Vec<Row> = self.shown_rows().cloned().collect();
        let sets = self.role_sets.clone();
        let catalogue = ctx.roles.to_vec();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    let values = columns::Values {
                        l,
                        catalogue: &catalogue,
                        sets: &sets,
                    };
                    columns::sheet(values, &rows)
                })
                .await
                .unwrap_or_else(|_| columns::sheet_of_none(l))
            },
            move |sheet| {
                Message::TableReady(Box::new(crate::spreadsheet::Table {
                    sheet,
                    file: file.clone(),
                }))
            },
        )
    }
}

/// A step the person takes (not an answer from the server, nor a scroll).
fn is_new_step(message: &Message) -> bool {
    matches!(
        message,
        Message::Search(_)
            | Message::LevelFilter(_)
            | Message::StatusFilter(_)
            | Message::RoleFilter(_)
            | Message::TwoFactorFilter(_)
            | Message::SortBy(_)
            | Message::New
            | Message::Modify(_)
            | Message::Options(_)
            | Message::Invite
            | Message::AskBatch
            | Message::AskRolesOfSelection
            | Message::Tick(..)
    )
}
