//! What a person's level allows, in plain words on every record; and, for a level-1 or
//! level-2 person, "What this user can see and do": how many people they see and a page of
//! them, what they may do to each level, the levels they may give and the structures they are
//! primary manager of — all from the server's reach preview, computed by the rules it enforces.

use iced::widget::{column, row, text};
use iced::{Element, Length};
use sesame_core::i18n::keys::{LevelAllows, TextKey};

use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::widget::{self, heading};
use sesame_client::ClientError;
use sesame_core::api::{ErrorCode, PeopleQuery, PersonSummary, ReachPreview};
use sesame_core::domain::Level;
use sesame_core::domain::rules::Action as Right;

/// People shown a page at a time.
const PAGE: u32 = 10;

#[derive(Default)]
pub struct Reach {
    preview: Option<ReachPreview>,
    /// The pages shown so far.
    people: Vec<PersonSummary>,
    next: Option<String>,
    loading: bool,
    failed: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Box<ReachPreview>, ClientError>),
    More,
}

impl Reach {
    /// Starts loading the preview of person `id`.
    pub fn load(id: i64, ctx: Ctx<'_>) -> (Reach, iced::Task<Message>) {
        let reach = Reach {
            loading: true,
            ..Reach::default()
        };
        (reach, fetch(id, None, ctx))
    }

    pub fn preview(&self) -> Option<&ReachPreview> {
        self.preview.as_ref()
    }

    /// The people shown so far.
    pub fn people(&self) -> &[PersonSummary] {
        &self.people
    }

    /// `Err` when the session ended (the record hands it on).
    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> iced::Task<Message> {
        match message {
            Message::Loaded(Ok(p)) => {
                let p = *p;
                self.loading = false;
                self.next = p.people.next_cursor.clone();
                self.people.extend(p.people.items.iter().cloned());
                self.preview = Some(p);
            }
            // Not for this reader (only oneself or a level-1 user may look): nothing to show.
            Message::Loaded(Err(e))
                if matches!(e.code(), Some(ErrorCode::Forbidden | ErrorCode::NotFound)) =>
            {
                self.loading = false;
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                self.failed = Some(ctx.locale.error(&e));
            }
            Message::More => {
                if let (Some(p), Some(cursor)) = (&self.preview, self.next.clone()) {
                    self.loading = true;
                    return fetch(p.person.id, Some(cursor), ctx);
                }
            }
        }
        iced::Task::none()
    }

    /// The section, when there is something to show.
    pub fn view<'a>(&'a self, l: Locale) -> Option<Element<'a, Message>> {
        if let Some(e) = &self.failed {
            return Some(widget::notice(e, true));
        }
        let p = self.preview.as_ref()?;
        let t = |id: &str| l.t(id);
        let people = self.people.iter().fold(column![].spacing(2), |c, x| {
            c.push(
                row![
                    text(crate::screen::people::display_name(x))
                        .size(14)
                        .width(Length::FillPortion(3)),
                    text(x.user_id.clone())
                        .size(14)
                        .width(Length::FillPortion(2)),
                    text(l.level(x.level))
                        .size(14)
                        .width(Length::FillPortion(2)),
                ]
                .spacing(8),
            )
        });
        let more = self.next.is_some() && !self.loading;
        let mut c = column![
            heading(t("reach-title")),
            text(l.t_count("reach-sees", "count", p.sees as usize)).size(14),
            people,
        ]
        .spacing(8);
        if self.next.is_some() {
            c = c.push(
                widget::button_for(
                    widget::Look::Secondary,
                    l.t_with(
                        "reach-more",
                        &[
                            ("shown", &l.number(self.people.len())),
                            ("total", &l.number(p.sees as usize)),
                        ],
                    ),
                    more.then_some(Message::More),
                )
                .id("reach-more"),
            );
        }
        c = c.push(text(t("reach-by-level")).size(14));
        for r in &p.by_level {
            c = c.push(text(level_line(l, r)).size(14));
        }
        let grants = if p.grantable_levels.is_empty() {
            t("reach-grants-none")
        } else {
            l.t_with(
                "reach-grants",
                &[("levels", &levels(l, &p.grantable_levels))],
            )
        };
        let managed = if p.primary_manager_of.is_empty() {
            t("reach-manager-of-none")
        } else {
            let names: Vec<String> = p
                .primary_manager_of
                .iter()
                .map(|s| s.name.clone())
                .collect();
            l.t_with("reach-manager-of", &[("structures", &names.join(", "))])
        };
        Some(
            c.push(text(grants).size(14))
                .push(text(managed).size(14))
                .into(),
        )
    }
}

/// What a level allows, in one plain sentence (every record shows it).
pub fn level_sentence<'a, M: 'a>(l: Locale, level: Level) -> Element<'a, M> {
    text(l.t(&LevelAllows(level).text_key())).size(14).into()
}

fn fetch(id: i64, cursor: Option<String>, ctx: Ctx<'_>) -> iced::Task<Message> {
    let q = PeopleQuery {
        limit: Some(PAGE),
        cursor,
        ..PeopleQuery::default()
    };
    request(
        ctx.client,
        move |c| async move { c.reach(id, &q).await.map(Box::new) },
        Message::Loaded,
    )
}

fn levels(l: Locale, list: &[Level]) -> String {
    list.iter()
        .map(|x| l.level(*x))
        .collect::<Vec<_>>()
        .join(", ")
}

fn rights(l: Locale, list: &[Right]) -> String {
    list.iter()
        .map(|a| l.t(right_key(*a)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn right_key(a: Right) -> &'static str {
    match a {
        Right::See => "reach-right-see",
        Right::Modify => "reach-right-modify",
        Right::Delete => "reach-right-delete",
        Right::InitializePassword => "reach-right-initialize-password",
        Right::UpdateRoles => "reach-right-update-roles",
        Right::Suspend => "reach-right-suspend",
        Right::Reactivate => "reach-right-reactivate",
        Right::ResetTwoFactor => "reach-right-reset-two-factor",
        Right::ModifyIdentity => "reach-right-modify-identity",
        Right::LinkUnderCharge => "reach-right-link-under-charge",
        Right::ManageInvitation => "reach-right-manage-invitation",
        Right::PreviewReach => "reach-right-preview-reach",
    }
}

/// "Level 3: see, modify; and to those under their charge: delete…", or "nothing".
fn level_line(l: Locale, r: &sesame_core::domain::rules::LevelReach) -> String {
    let level = l.level(r.level);
    match (r.anyone.is_empty(), r.under_charge.is_empty()) {
        (true, true) => l.t_with("reach-level-nothing", &[("level", &level)]),
        (false, true) => l.t_with(
            "reach-level-anyone",
            &[("level", &level), ("rights", &rights(l, &r.anyone))],
        ),
        (true, false) => l.t_with(
            "reach-level-under-charge",
            &[("level", &level), ("rights", &rights(l, &r.under_charge))],
        ),
        (false, false) => l.t_with(
            "reach-level-both",
            &[
                ("level", &level),
                ("rights", &rights(l, &r.anyone)),
                ("more", &rights(l, &r.under_charge)),
            ],
        ),
    }
}
