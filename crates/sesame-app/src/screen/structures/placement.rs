//! Where a structure stands (level 1): its primary manager (a level-1 or level-2 person) and
//! its parent. Both carry the version read; the server refuses a move into the structure's own
//! subtree and says so, and a stale version is told and the tree reloaded, nothing overwritten.

use iced::widget::{column, row, text};
use iced::{Element, Task};

use super::{Action, Structures};
use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::widget::{self, Notice, heading, labelled, primary, secondary};
use sesame_client::{Client, ClientError};
use sesame_core::api::{ErrorCode, PeopleQuery, PersonSummary, Structure};
use sesame_core::domain::Level;
use sesame_core::domain::rules::Actor;

/// A choice of the menus: an id (none: no manager, or the top of the tree) and its label.
#[derive(Debug, Clone)]
pub struct Choice(pub Option<i64>, pub String);

/// The same choice whatever its label says.
impl PartialEq for Choice {
    fn eq(&self, other: &Choice) -> bool {
        self.0 == other.0
    }
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Manager,
    Parent,
}

pub struct Form {
    kind: Kind,
    id: i64,
    version: i64,
    chosen: Option<Choice>,
    /// The people who may be primary manager, once loaded.
    candidates: Option<Vec<PersonSummary>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    AskManager,
    Candidates(Result<Vec<PersonSummary>, ClientError>),
    AskMove,
    Choose(Choice),
    Save,
    Saved(Result<Structure, ClientError>),
    Cancel,
}

impl Structures {
    pub(super) fn on_place(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::AskManager => {
                let Some(s) = self.selected().cloned() else {
                    return Action::None;
                };
                let chosen = s.primary_manager.as_ref().map(|m| {
                    Choice(
                        Some(m.id),
                        person_label(&m.first_name, &m.last_name, &m.user_id),
                    )
                });
                self.open_place(Kind::Manager, &s, chosen);
                return Action::Run(
                    request(ctx.client, candidates, Message::Candidates).map(super::Message::Place),
                );
            }
            Message::Candidates(Ok(list)) => {
                if let Some(f) = &mut self.placement {
                    f.candidates = Some(list);
                }
                self.label_choice(l);
                return Action::Run(crate::widget::reveal::focus("structure-manager"));
            }
            Message::AskMove => {
                if let Some(s) = self.selected().cloned() {
                    let chosen = Some(match s.parent_id {
                        Some(p) => Choice(Some(p), self.name_of(p)),
                        None => Choice(None, l.t("structures-top")),
                    });
                    self.open_place(Kind::Parent, &s, chosen);
                    self.label_choice(l);
                    return Action::Run(crate::widget::reveal::focus("structure-parent"));
                }
            }
            Message::Choose(c) => {
                if let Some(f) = &mut self.placement {
                    f.chosen = Some(c);
                }
            }
            Message::Save => return self.save_place(ctx),
            Message::Cancel => self.placement = None,
            Message::Saved(Ok(s)) => {
                let key = match self.placement.take().map(|f| f.kind) {
                    Some(Kind::Parent) => "structures-moved",
                    _ => "structures-manager-saved",
                };
                self.busy = false;
                self.notice = Some(Notice::done(l.t_with(key, &[("name", &s.name)])));
                return self.reload_selected(ctx);
            }
            Message::Saved(Err(e)) | Message::Candidates(Err(e)) => {
                self.busy = false;
                self.notice = Some(Notice::failed(l.error(&e)));
                // Someone changed it in between: what is stored now shows, to choose again.
                if e.code() == Some(ErrorCode::StaleVersion) {
                    self.placement = None;
                    return self.reload_selected(ctx);
                }
            }
        }
        Action::None
    }

    /// The current choice as the menu writes it (the same id, the menu's label).
    fn label_choice(&mut self, l: Locale) {
        let Some(f) = &self.placement else {
            return;
        };
        let options = match f.kind {
            Kind::Manager => self.manager_choices(f, l),
            Kind::Parent => self.parent_choices(f, l),
        };
        let shown = options.into_iter().find(|c| Some(c) == f.chosen.as_ref());
        if let (Some(f), Some(c)) = (&mut self.placement, shown) {
            f.chosen = Some(c);
        }
    }

    fn open_place(&mut self, kind: Kind, s: &Structure, chosen: Option<Choice>) {
        self.edit = None;
        self.notice = None;
        self.placement = Some(Form {
            kind,
            id: s.id,
            version: s.version,
            chosen,
            candidates: None,
        });
    }

    fn name_of(&self, id: i64) -> String {
        self.structures
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    }

    fn save_place(&mut self, ctx: Ctx<'_>) -> Action {
        let Some(f) = &self.placement else {
            return Action::None;
        };
        let (id, version) = (f.id, f.version);
        let target = f.chosen.as_ref().and_then(|c| c.0);
        self.busy = true;
        let task = match f.kind {
            Kind::Manager => request(
                ctx.client,
                move |c| async move { c.set_primary_manager(id, version, target).await },
                Message::Saved,
            ),
            Kind::Parent => request(
                ctx.client,
                move |c| async move { c.move_structure(id, version, target).await },
                Message::Saved,
            ),
        };
        Action::Run(task.map(super::Message::Place))
    }

    /// The form in place of the structure's page.
    pub(super) fn place_view<'a>(&'a self, f: &'a Form, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let (title, label, options) = match f.kind {
            Kind::Manager => (
                t(
                    if self.selected().is_some_and(|s| s.primary_manager.is_some()) {
                        "structures-change-manager"
                    } else {
                        "structures-set-manager"
                    },
                ),
                t("doc-field-primary-manager"),
                self.manager_choices(f, l),
            ),
            Kind::Parent => (
                t("structures-move"),
                t("structures-parent"),
                self.parent_choices(f, l),
            ),
        };
        let hint = match f.kind {
            Kind::Manager => t("structures-manager-hint"),
            Kind::Parent => t("structures-move-hint"),
        };
        let loading = f.kind == Kind::Manager && f.candidates.is_none();
        let field: Element<'a, Message> = if loading {
            text(t("structures-loading-people")).into()
        } else {
            let menu = widget::menu(options, f.chosen.clone(), Message::Choose);
            match f.kind {
                Kind::Manager => menu.id("structure-manager").into(),
                Kind::Parent => menu.id("structure-parent").into(),
            }
        };
        let ready = !self.busy && !loading;
        column![
            heading(format!("{title} — {}", self.name_of(f.id))),
            text(hint).size(14),
            labelled(label, field, None),
            row![
                primary(t("action-save"), ready.then_some(Message::Save)),
                secondary(t("action-cancel"), Some(Message::Cancel)),
            ]
            .spacing(10),
        ]
        .spacing(12)
        .into()
    }

    /// "No primary manager", then each level-1 or level-2 person who is not suspended.
    fn manager_choices(&self, f: &Form, l: Locale) -> Vec<Choice> {
        let people = f.candidates.iter().flatten().map(|p| {
            let name = person_label(&p.first_name, &p.last_name, &p.user_id);
            Choice(Some(p.id), format!("{name} — {}", l.level(p.level)))
        });
        std::iter::once(Choice(None, l.t("structures-no-manager")))
            .chain(people)
            .collect()
    }

    /// "Top of the tree", then every other structure in tree order. Its own sub-structures
    /// stay offered: the server's refusal says why they cannot be chosen.
    fn parent_choices(&self, f: &Form, l: Locale) -> Vec<Choice> {
        let others = super::tree_rows(&self.structures)
            .into_iter()
            .filter(|(s, _)| s.id != f.id)
            .map(|(s, depth)| Choice(Some(s.id), format!("{}{}", "· ".repeat(depth), s.name)));
        std::iter::once(Choice(None, l.t("structures-top")))
            .chain(others)
            .collect()
    }
}

fn person_label(first: &str, last: &str, user_id: &str) -> String {
    format!("{first} {last} ({user_id})").trim().to_owned()
}

/// Everyone of level 1 or 2 who may be a primary manager, by name.
async fn candidates(c: Client) -> Result<Vec<PersonSummary>, ClientError> {
    let mut out = vec![];
    for level in [Level::One, Level::TwoWithApproval, Level::Two] {
        let mut cursor = None;
        loop {
            let q = PeopleQuery {
                level: Some(level),
                limit: Some(5000),
                cursor,
                ..PeopleQuery::default()
            };
            let page = c.people(&q).await?;
            out.extend(
                page.items
                    .into_iter()
                    .filter(|p| Actor::can_be_primary_manager(p.level, p.status)),
            );
            cursor = page.next_cursor;
            if cursor.is_none() {
                break;
            }
        }
    }
    out.sort_by_key(|p| sesame_core::domain::sort_key(&p.last_name, &p.first_name, &p.email));
    Ok(out)
}

/// Reloads the tree, and the page of the structure shown.
pub(super) fn reload_task(ctx: Ctx<'_>) -> Task<super::Message> {
    let c = ctx.client.clone();
    Task::perform(async move { c.structures().await }, super::Message::Loaded)
}
