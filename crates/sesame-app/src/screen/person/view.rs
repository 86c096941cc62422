//! The record drawn: identity, the users under charge, and the dialogs over it.

use super::*;
use crate::screen::acting::Act;
use iced::widget::{column, row};
use sesame_core::domain::rules::Action;

impl Person {
    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let t = |id: &str| ctx.locale.t(id);
        let mut page = column![crate::widget::title(if self.is_new() {
            t("person-new-title")
        } else {
            t("person-title")
        })]
        .spacing(14);
        page = page.push(crate::widget::notice_slot(self.notice.as_ref()));
        page = page.push(self.identity(ctx));
        if let Some(rec) = &self.record {
            page = page.push(reach::level_sentence(ctx.locale, rec.person.level));
            page = page.push(self.under_charge(rec, ctx));
        }
        if let Some(section) = self.reach.as_ref().and_then(|r| r.view(ctx.locale)) {
            page = page.push(section.map(Message::Reach));
        }
        let page: Element<'_, Message> = column![
            crate::widget::scroll(container(page.max_width(980)).padding(20)).height(Length::Fill),
            container(self.buttons(ctx)).padding(20)
        ]
        .into();
        match &self.dialog {
            None => page,
            Some(d) => self.dialog_view(page, d, ctx),
        }
    }

    /// Section 1: who the person is, their level, language, roles and status.
    fn identity<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let err = |k: &str| self.errors.get(k).map(String::as_str);
        let input = |field: Field| self.identity_input(field, l);
        let status = self.status(ctx);
        // Side by side, or one under the other in a small window.
        let line = |items: Vec<Element<'a, Message>>| -> Element<'a, Message> {
            if ctx.compact {
                column(items).spacing(12).into()
            } else {
                row(items).spacing(12).align_y(Alignment::Start).into()
            }
        };
        let contact = || {
            crate::widget::check_when(
                t("field-also-contact"),
                self.form.is_contact,
                self.may(Action::ModifyIdentity),
                Message::Contact,
            )
        };
        column![
            heading(t("person-section-identity")),
            line(vec![input(Field::LastName), input(Field::FirstName)]),
            line(vec![input(Field::UserId), input(Field::Email)]),
            line(vec![
                input(Field::Phone),
                labelled(t("field-level"), self.level_picker(&ctx), err("level")),
                labelled(t("field-language"), self.language_picker(l), None),
            ]),
            labelled(t("field-roles"), self.role_checks(ctx), err("roles")),
            if ctx.compact {
                column![contact(), labelled(t("field-status"), status, None)]
                    .spacing(12)
                    .into()
            } else {
                Element::from(
                    row![contact(), labelled(t("field-status"), status, None)]
                        .spacing(24)
                        .align_y(Alignment::Center),
                )
            },
        ]
        .spacing(12)
        .into()
    }

    /// One text field of the identity, with the server's reason under it when refused. The
    /// user ID is identity proper: changing it takes more than changing the other fields.
    fn identity_input<'a>(&'a self, field: Field, l: Locale) -> Element<'a, Message> {
        let (label, key, id) = describe(field);
        let may = self.may(match field {
            Field::UserId => Action::ModifyIdentity,
            _ => Action::Modify,
        });
        // What the reader may not change is read as text, in full contrast, not as a greyed
        // field.
        let value: Element<'a, Message> = if may {
            text_input("", self.field(field))
                .style(crate::widget::colors::field)
                .id(id)
                .on_input(move |v| Message::Field(field, v))
                .padding(8)
                .into()
        } else {
            container(text(self.field(field).to_owned()))
                .padding([8, 0])
                .into()
        };
        labelled(l.t(label), value, self.errors.get(key).map(String::as_str))
    }

    /// The person's communication language: a menu for whoever may change it, else the text.
    fn language_picker<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        if !self.may(Action::Modify) {
            let language = self.form.language.map(|lang| l.language_name(lang));
            return container(text(language.unwrap_or_default()))
                .padding([8, 0])
                .into();
        }
        crate::widget::menu(
            Language::ALL.to_vec(),
            self.form.language,
            Message::Language,
        )
        .id("person-language")
        .into()
    }

    /// The levels the reader may give: a menu, or just the level when there is no choice.
    fn level_picker<'a>(&'a self, ctx: &Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let levels = self.level_choices(ctx);
        if levels.len() < 2 {
            let level = self.form.level.map(|lv| l.level(lv)).unwrap_or_default();
            container(text(level)).padding([8, 0]).into()
        } else {
            crate::widget::menu(
                levels,
                self.form.level.map(|lv| LevelChoice(lv, l)),
                Message::Level,
            )
            .id("person-level")
            .into()
        }
    }

    /// A check box for each role of the catalogue, named in the reader's language.
    fn role_checks<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        ctx.roles
            .iter()
            .fold(row![].spacing(12), |r, role| {
                let label = match l.language {
                    Language::En => role.name_en.clone(),
                    Language::Fr => role.name_fr.clone(),
                };
                let code = role.code.clone();
                let checked = self.form.roles.contains(&role.code);
                r.push(
                    crate::widget::check_when(
                        label,
                        checked,
                        self.may(Action::UpdateRoles),
                        move |on| Message::ToggleRole(code.clone(), on),
                    )
                    .id(format!("role-{}", role.code)),
                )
            })
            .into()
    }

    /// The account's status, second factor (with its reset) and creation date.
    fn status<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        match &self.record {
            Some(r) => row![
                badge(l, r.person.status),
                shield(l, r.person.two_factor),
                if r.person.may(Action::ResetTwoFactor) {
                    crate::widget::link(
                        t("action-reset-two-factor"),
                        (!self.busy).then_some(Message::Act(Act::ResetTwoFactor)),
                    )
                } else {
                    space().width(0).into()
                },
                text(l.t_with("person-created-on", &[("date", &l.date(r.created_at))])).size(13)
            ]
            .spacing(10)
            .into(),
            None => text(l.status(sesame_core::domain::Status::Active)).into(),
        }
    }

    /// Section 2: link and unlink users. Section 3: who is under this user's charge.
    fn under_charge<'a>(&'a self, rec: &'a PersonRecord, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let mut page = column![].spacing(14);
        {
            let may_have_charge = rec.person.may(Action::LinkUnderCharge);
            if may_have_charge {
                let results = self.link_results.iter().fold(column![].spacing(4), |c, p| {
                    c.push(
                        row![
                            text(format!("{} {} ({})", p.first_name, p.last_name, p.user_id))
                                .width(Length::Fill),
                            widget::button_for(
                                widget::Look::Link,
                                t("action-link"),
                                Some(Message::Link(p.id))
                            )
                            .id(format!("link-{}", p.user_id))
                        ]
                        .align_y(Alignment::Center),
                    )
                });
                page = page.push(
                    column![
                        heading(t("person-section-link")),
                        crate::widget::input(
                            t("person-link-search"),
                            &self.link_query,
                            text_input(&t("person-link-search"), &self.link_query)
                                .style(crate::widget::colors::field)
                                .id("link-search")
                                .on_input(Message::LinkSearch)
                                .padding(8)
                        ),
                        container(results).id("link-results"),
                    ]
                    .spacing(8),
                );
            }
            let under = if self.form.under_charge.is_empty() {
                column![text(t("person-none-under-charge")).size(14)]
            } else {
                self.form
                    .under_charge
                    .iter()
                    .fold(column![].spacing(4), |c, p| {
                        let unlink: Element<'_, Message> = if may_have_charge {
                            widget::button_for(
                                widget::Look::Link,
                                t("action-unlink"),
                                Some(Message::Unlink(p.id)),
                            )
                            .id(format!("unlink-{}", p.user_id))
                            .into()
                        } else {
                            text("").into()
                        };
                        c.push(
                            row![
                                text(format!("{} {} ({})", p.first_name, p.last_name, p.user_id))
                                    .width(Length::Fill),
                                text(p.level.map(|lv| l.level(lv)).unwrap_or_default()).size(13),
                                unlink
                            ]
                            .spacing(12)
                            .align_y(Alignment::Center),
                        )
                    })
            };
            page = page.push(
                container(column![heading(t("person-section-under-charge")), under].spacing(8))
                    .id("under-charge-list"),
            );
        }
        page.into()
    }

    /// The record's actions: those the server says the reader may take on this person now.
    fn buttons<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let t = |id: &str| ctx.locale.t(id);
        let may = |action| self.may(action) && !self.busy;
        let mut buttons = row![].spacing(10);
        if self.may(Action::InitializePassword) {
            buttons = buttons.push(secondary(
                t("action-initialize-password"),
                may(Action::InitializePassword).then_some(Message::Act(Act::Initialize)),
            ));
        }
        let toggles = [
            (
                Action::Suspend,
                "action-suspend",
                Message::Act(Act::Suspend),
            ),
            (
                Action::Reactivate,
                "action-reactivate",
                Message::Act(Act::Reactivate),
            ),
        ];
        for (action, label, message) in toggles {
            if self.may(action) {
                buttons = buttons.push(secondary(t(label), may(action).then_some(message)));
            }
        }
        let editable = self.is_new()
            || [Action::Modify, Action::UpdateRoles, Action::LinkUnderCharge]
                .into_iter()
                .any(|a| self.may(a));
        if editable {
            buttons = buttons.push(crate::widget::with_shortcut(
                primary(t("action-save"), (!self.busy).then_some(Message::Save)),
                "Ctrl+S",
            ));
        }
        if self.may(Action::Delete) {
            buttons = buttons.push(danger(
                t("action-delete"),
                may(Action::Delete).then_some(Message::Act(Act::Remove)),
            ));
        }
        buttons
            .push(crate::widget::with_shortcut(
                secondary(t("action-cancel"), Some(Message::Cancel)),
                "Esc",
            ))
            .push(secondary(t("action-quit"), Some(Message::Quit)))
            // A narrow window (a large scale) puts the buttons on more lines.
            .wrap()
            .vertical_spacing(10)
            .into()
    }

    /// The dialog over the record.
    fn dialog_view<'a>(
        &'a self,
        page: Element<'a, Message>,
        dialog: &'a Dialog,
        ctx: Ctx<'_>,
    ) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let name = format!("{} {}", self.form.first_name, self.form.last_name);
        // Invited without names: the email says who.
        let name = match name.trim() {
            "" => self.form.email.as_str(),
            name => name,
        };
        match dialog {
            Dialog::ConfirmDiscard(_) => confirm(
                page,
                l,
                t("dialog-discard-title"),
                t("dialog-discard-body"),
                ("action-keep-editing", Message::CloseDialog),
                Message::Discard,
                Weight::Dangerous,
            ),
            Dialog::Acting(acting) => acting.view(page, l, Message::Acting),
            Dialog::Password(password) => crate::widget::password_dialog(
                page,
                l,
                name,
                password,
                [
                    Message::CopyPassword,
                    Message::PrintLetter,
                    Message::CloseDialog,
                ],
            ),
        }
    }
}

/// An identity field's label, the field name the server's errors use, and its widget id.
fn describe(field: Field) -> (&'static str, &'static str, &'static str) {
    match field {
        Field::LastName => (
            "field-last-name",
            "last_name",
            crate::widget::widget_id("last-name"),
        ),
        Field::FirstName => (
            "field-first-name",
            "first_name",
            crate::widget::widget_id("first-name"),
        ),
        Field::UserId => (
            "field-user-id",
            "user_id",
            crate::widget::widget_id("user-id"),
        ),
        Field::Email => ("field-email", "email", "email"),
        Field::Phone => ("field-phone", "phone", "phone"),
    }
}
