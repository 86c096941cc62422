//! A list too long to hold: over [`HELD_MAX`] accounts, loading everyone would keep the person
//! waiting (11 s at 1,000,000) and take more memory than the machine should give a list
//! (400 MB), while the server's search index answers any search or sort of a million people
//! in a few milliseconds. So past that size the list stops loading and asks the server: each
//! keystroke, filter and sort is a question, whose first page shows at once and whose next
//! pages come as the person scrolls or moves down. Answers to older questions are dropped. At
//! or under the limit the list holds everyone, so a keystroke never waits for the network.

use super::*;

/// The most accounts the list holds in memory (searched and sorted there, 30–50 ms a
/// keystroke and 170 MB at this size).
pub const HELD_MAX: usize = 100_000;
/// The first page of an answer: a few screens, quick to write, send and show.
const FIRST: u32 = 200;
/// Each further page of an answer, as the person scrolls.
const MORE: u32 = 2_000;
/// The pages of an export, which needs the whole answer.
const WHOLE: u32 = 5_000;
/// Another page is asked for once the window comes within this many rows of the end.
const AHEAD: usize = 150;

/// Where the list stands with the server, once it asks it.
#[derive(Debug, Default)]
pub(super) struct Remote {
    /// The number of the latest question; answers to others are dropped.
    asked: u64,
    /// The first page of the latest question is awaited.
    pub(super) pending: bool,
    /// The cursor of the rest of the answer shown; `None` once all of it is in.
    next: Option<String>,
    /// A further page is on its way.
    more: bool,
    /// The whole answer is being loaded for an export.
    pub(super) exporting: bool,
    /// A saved person is not among the rows shown: the question is asked again.
    stale: bool,
    /// The request on its way; replacing it stops it (a question a keystroke old would only
    /// be dropped when its answer came, and waiting for it holds a connection).
    in_flight: Option<iced::task::Handle>,
}

impl Remote {
    /// Sends `question` as part of the latest question; its answer comes back as `answer`.
    fn send(
        &mut self,
        question: PeopleQuery,
        ctx: Ctx<'_>,
        answer: fn(u64, Result<PeoplePage, ClientError>) -> Message,
    ) -> Task<Message> {
        let (c, n) = (ctx.client.clone(), self.asked);
        let (task, handle) = Task::perform(async move { c.people(&question).await }, move |r| {
            answer(n, r)
        })
        .abortable();
        self.in_flight = Some(handle.abort_on_drop());
        task
    }

    /// Whether the answer shown is only its first pages.
    pub(super) fn partial(&self) -> bool {
        self.next.is_some()
    }
}

impl People {
    /// The list stops loading and asks the server the person's current question.
    pub(super) fn go_remote(&mut self, ctx: Ctx<'_>) -> Task<Message> {
        self.remote = Some(Remote::default());
        self.loading = false;
        self.keys = SearchKeys::default();
        self.orders = sorting::Orders::default();
        let l = ctx.locale;
        let most = self.held_max();
        self.notice = Some(Notice::done(l.t_count("people-large-list", "count", most)));
        self.ask_server(ctx)
    }

    /// Whether the first page of the latest question is awaited.
    pub(super) fn waiting(&self) -> bool {
        self.remote.as_ref().is_some_and(|r| r.pending)
    }

    /// Whether an export waits for the rest of the answer.
    pub(super) fn exporting(&self) -> bool {
        self.remote.as_ref().is_some_and(|r| r.exporting)
    }

    /// How many are shown, on a list that asks the server (which does not count them all).
    pub(super) fn asked_count(&self, remote: &Remote, l: Locale) -> String {
        let n = self.all.len();
        if remote.pending {
            l.t("people-asking")
        } else if remote.exporting {
            l.t_count("people-loading", "count", n)
        } else if remote.partial() {
            l.t_count("people-first-shown", "count", n)
        } else {
            l.t_count("people-found", "count", n)
        }
    }

    /// The most accounts the list holds.
    pub(super) fn held_max(&self) -> usize {
        self.held.unwrap_or(HELD_MAX)
    }

    /// The rows of each page while loading: no more than the list holds.
    pub(super) fn page(&self) -> u32 {
        PAGE.min(self.held_max().max(1) as u32)
    }

    /// Whether the server answers search, filters and sort.
    pub fn asks_server(&self) -> bool {
        self.remote.is_some()
    }

    /// The question as the server takes it: search, filters, sort, from `cursor`.
    pub fn question(&self, cursor: Option<String>, limit: u32) -> PeopleQuery {
        let q = self.query.trim();
        PeopleQuery {
            q: (!q.is_empty()).then(|| q.to_owned()),
            sort: Some(self.sort),
            desc: Some(self.desc),
            level: self.level.and_then(|l| l.0),
            status: self.status.and_then(|s| s.0),
            role: self.role.clone(),
            two_factor: self.two_factor,
            limit: Some(limit),
            cursor,
        }
    }

    /// Asks the current question anew; the rows shown stay until its answer comes.
    pub(super) fn ask_server(&mut self, ctx: Ctx<'_>) -> Task<Message> {
        let question = self.question(None, FIRST);
        let Some(remote) = self.remote.as_mut() else {
            return Task::none();
        };
        remote.asked += 1;
        remote.pending = true;
        remote.more = false;
        remote.exporting = false;
        remote.send(question, ctx, Message::Answer)
    }

    /// Asks for the next page of the answer shown, when one is missing and none on its way.
    fn ask_more(&mut self, ctx: Ctx<'_>, limit: u32) -> Task<Message> {
        let Some(remote) = self.remote.as_ref() else {
            return Task::none();
        };
        if remote.more || remote.pending || remote.next.is_none() {
            return Task::none();
        }
        let question = self.question(remote.next.clone(), limit);
        let remote = self.remote.as_mut().expect("asked above");
        remote.more = true;
        remote.send(question, ctx, Message::More)
    }

    /// After a scroll or a step: the next page when the window nears the end of the rows in.
    pub(super) fn more_if_near_end(&mut self, ctx: Ctx<'_>) -> Task<Message> {
        let rows = self.window.slice(self.visible.len(), ROW_HEIGHT);
        let last_seen = rows.end.max(self.current.unwrap_or(0));
        if self.remote.is_some() && last_seen + AHEAD >= self.visible.len() {
            self.ask_more(ctx, MORE)
        } else {
            Task::none()
        }
    }

    /// A search, filter or sort changed: held lists filter at once, others ask the server.
    pub(super) fn requery(&mut self, ctx: Ctx<'_>) -> Action {
        if self.remote.is_some() {
            Action::Run(self.ask_server(ctx))
        } else {
            self.refilter();
            Action::None
        }
    }

    /// The first page of an answer: it replaces the rows shown, from the top.
    pub(super) fn answered(&mut self, n: u64, page: PeoplePage, ctx: Ctx<'_>) -> Task<Message> {
        let Some(remote) = self.remote.as_mut().filter(|r| r.asked == n) else {
            return Task::none();
        };
        remote.pending = false;
        remote.next = page.next_cursor;
        self.all.clear();
        self.all.shrink_to(page.items.len());
        self.take_answer(page.items);
        self.current = self.current.map(|_| 0).filter(|_| !self.all.is_empty());
        self.window.offset = 0.0;
        let top = iced::widget::operation::scroll_to(
            crate::widget::widget_id("people-list"),
            scrollable::AbsoluteOffset { x: 0.0, y: 0.0 },
        );
        Task::batch([top, self.more_if_near_end(ctx)])
    }

    /// A further page of the answer shown: its rows follow; an export waits for the last.
    pub(super) fn more_answered(
        &mut self,
        n: u64,
        page: PeoplePage,
        ctx: Ctx<'_>,
    ) -> Task<Message> {
        let Some(remote) = self.remote.as_mut().filter(|r| r.asked == n) else {
            return Task::none();
        };
        remote.more = false;
        remote.next = page.next_cursor;
        let (exporting, partial) = (remote.exporting, remote.partial());
        self.take_answer(page.items);
        match (exporting, partial) {
            (true, true) => self.ask_more(ctx, WHOLE),
            (true, false) => {
                self.remote.as_mut().expect("checked above").exporting = false;
                self.export_csv(ctx)
            }
            _ => self.more_if_near_end(ctx),
        }
    }

    /// A question the server did not answer: the list says why, unless a newer one was asked.
    pub(super) fn unanswered(&mut self, n: u64, e: ClientError, l: Locale) -> Action {
        match self.remote.as_mut().filter(|r| r.asked == n) {
            Some(remote) => {
                remote.pending = false;
                remote.more = false;
                remote.exporting = false;
                self.failed(e, l)
            }
            None => Action::None,
        }
    }

    /// An export of a partly loaded answer: the rest comes first.
    pub(super) fn export_whole(&mut self, ctx: Ctx<'_>) -> Task<Message> {
        match self.remote.as_mut() {
            Some(remote) if remote.partial() => {
                remote.exporting = true;
                if remote.more {
                    Task::none()
                } else {
                    self.ask_more(ctx, WHOLE)
                }
            }
            _ => self.export_csv(ctx),
        }
    }

    /// Rows from the server, in its order, after those shown.
    fn take_answer(&mut self, items: Vec<PersonSummary>) {
        let sets = &mut self.role_sets;
        self.all
            .extend(Row::page(&items, |roles| sets.intern(roles)));
        self.in_server_order();
    }

    /// The rows as the server ordered them, all shown.
    pub(super) fn in_server_order(&mut self) {
        self.order.clear();
        self.order.extend(0..self.all.len() as u32);
        self.visible.clone_from(&self.order);
        self.current = self.current.filter(|&i| i < self.visible.len());
    }

    /// Saved people on a list that asks the server: rows replaced where they are; a person not
    /// shown (new) makes the list ask again (see `update`), to find their place.
    pub(super) fn upsert_asked(&mut self, people: Vec<PersonSummary>) {
        for person in people {
            let row = self.keep(&person);
            if let Some(copy) = self.selected.get_mut(&row.id) {
                *copy = row.clone();
            }
            match self.all.iter().position(|p| p.id == row.id) {
                Some(pos) => self.all[pos] = row,
                None => self.remote.as_mut().expect("asks the server").stale = true,
            }
        }
    }

    /// Ends an update: a list that saw a person it does not show asks again.
    pub(super) fn then_ask_if_stale(&mut self, action: Action, ctx: Ctx<'_>) -> Action {
        let stale = self
            .remote
            .as_mut()
            .is_some_and(|r| std::mem::take(&mut r.stale));
        match action {
            Action::None if stale => Action::Run(self.ask_server(ctx)),
            Action::Run(task) if stale => Action::Run(Task::batch([task, self.ask_server(ctx)])),
            action => action,
        }
    }
}
