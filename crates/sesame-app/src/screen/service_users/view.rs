//! The service users drawn: the list, the creation wizard and a service user's record.

use super::*;
use iced::widget::{column, row};
use sesame_core::domain::rules::ServiceUserAction as Act;

impl ServiceUsers {
    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let mut page = column![crate::widget::title(t("service-users-title"))]
            .spacing(14)
            .padding(20);
        page = page.push(crate::widget::notice_slot(self.notice.as_ref()));
        let body: Element<'a, Message> = match (&self.mode, &self.health) {
            (Mode::List, Some(h)) => h.view(l, ctx.compact).map(Message::Health),
            _ => self.body(ctx),
        };
        crate::widget::scroll(page.push(body).max_width(1000))
            .id(PAGE)
            .height(Length::Fill)
            .into()
    }

    fn body<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        match &self.mode {
            Mode::List => self.list_view(ctx),
            Mode::Wizard {
                step,
                draft,
                created,
            } => self.wizard_view(l, *step, draft, created.as_deref()),
            Mode::Record {
                id,
                password,
                confirm_reset,
                access,
                rotate,
                token,
            } => match self.list.iter().find(|s| s.id == *id) {
                Some(su) => {
                    let view = self.record_view(l, su, password.as_deref(), *confirm_reset);
                    // The access first: its editor's Save stays near what it changes.
                    let access_part: Element<'a, Message> = match access {
                        None => secondary(
                            l.t("action-edit-access"),
                            su.may(Act::Modify).then_some(Message::EditAccess),
                        ),
                        Some(draft) => column![
                            heading(l.t("wizard-access")),
                            self.access_editor(l, draft),
                            primary(l.t("action-save"), Some(Message::SaveAccess)),
                        ]
                        .spacing(12)
                        .into(),
                    };
                    column![
                        view,
                        self.token_view(l, su, token),
                        access_part,
                        self.password_life(l, su, rotate.as_deref())
                    ]
                    .spacing(12)
                    .into()
                }
                None => text("").into(),
            },
        }
    }

    fn wizard_view<'a>(
        &'a self,
        l: Locale,
        step: Step,
        draft: &'a Draft,
        created: Option<&'a (ServiceUser, String)>,
    ) -> Element<'a, Message> {
        let steps = row![
            step_label(l.t("wizard-identification"), step == Step::Identification),
            text("›"),
            step_label(l.t("wizard-access"), step == Step::Access),
            text("›"),
            step_label(l.t("wizard-letter"), step == Step::Letter),
        ]
        .spacing(10);
        let body: Element<'a, Message> = match step {
            Step::Identification => Self::identification_step(l, draft),
            Step::Access => self.access_step(l, draft),
            Step::Letter => match created {
                Some((su, password)) => letter_step(l, su, password),
                None => text("").into(),
            },
        };
        column![steps, body].spacing(16).into()
    }

    /// Step 1: the user code, the application, suspended or not, the language.
    fn identification_step<'a>(l: Locale, draft: &'a Draft) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let code_error = Self::code_error(draft, l);
        let ready = Self::identification_ready(draft);
        column![
            heading(t("wizard-identification")),
            labelled(t("field-type"), text(t("type-service-user")), None),
            labelled(
                t("field-user-code"),
                text_input("PAIE2026", &draft.user_code)
                    .style(crate::widget::colors::field)
                    .id("user-code")
                    .on_input(Message::Code)
                    .padding(8),
                code_error.as_deref()
            ),
            text(t("reason-user_code_length")).size(12),
            labelled(
                t("field-application"),
                text_input("", &draft.application)
                    .style(crate::widget::colors::field)
                    .id("application")
                    .on_input(Message::Application)
                    .padding(8),
                None
            ),
            crate::widget::check(
                t("field-create-suspended"),
                draft.suspended,
                Message::Suspended
            ),
            labelled(
                t("field-language"),
                crate::widget::menu(Language::ALL.to_vec(), draft.language, Message::Language)
                    .id("service-user-language"),
                None
            ),
            row![
                secondary(t("action-cancel"), Some(Message::Close)),
                primary(t("action-next"), ready.then_some(Message::Next))
            ]
            .spacing(10),
        ]
        .spacing(10)
        .into()
    }

    /// Step 2: which structures the account reaches.
    fn access_step<'a>(&'a self, l: Locale, draft: &'a Draft) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let tree = self.access_editor(l, draft);
        let ready = draft.has_access();
        column![
            heading(t("wizard-access")),
            text(t("wizard-access-intro")),
            tree,
            row![
                secondary(t("action-back"), Some(Message::Back)),
                widget::button_for(
                    widget::Look::Primary,
                    t("action-next"),
                    (ready && !self.busy).then_some(Message::Next)
                )
                .id("wizard-next")
            ]
            .spacing(10),
        ]
        .spacing(10)
        .into()
    }
}

/// Step 3: the password, shown once, and its letter.
fn letter_step<'a>(l: Locale, su: &'a ServiceUser, password: &'a str) -> Element<'a, Message> {
    let t = |id: &str| l.t(id);
    column![
        heading(t("wizard-letter")),
        text(l.t_with(
            "wizard-letter-intro",
            &[("code", &su.user_code), ("application", &su.application)]
        )),
        container(
            text(password.to_owned())
                .size(24)
                .font(iced::Font::MONOSPACE)
        )
        .padding(10),
        notice(&t("wizard-letter-notice"), false),
        row![
            secondary(t("action-copy"), Some(Message::CopyPassword)),
            secondary(t("action-print-letter"), Some(Message::PrintLetter)),
            widget::button_for(
                widget::Look::Primary,
                t("action-finish"),
                Some(Message::Finish)
            )
            .id("wizard-finish")
        ]
        .spacing(10),
    ]
    .spacing(12)
    .into()
}

impl ServiceUsers {
    /// "All companies", "Whole structure", and the tree with a checkbox per structure; what the
    /// two global boxes cover is greyed out.
    fn access_editor<'a>(&'a self, l: Locale, draft: &'a Draft) -> Element<'a, Message> {
        let tree =
            tree_rows(&self.structures)
                .into_iter()
                .fold(column![].spacing(6), |c, (s, depth)| {
                    let is_company = s.kind == StructureKind::Company;
                    let covered = if is_company {
                        draft.all_companies
                    } else {
                        draft.whole_structure
                    };
                    let id = s.id;
                    let indent = depth as f32 * 24.0;
                    // Covered by a ticked parent: shown ticked, not to be changed here.
                    let boxed: Element<'_, Message> = if covered {
                        checkbox(true).label(s.name.clone()).into()
                    } else {
                        crate::widget::check(
                            s.name.clone(),
                            draft.chosen.contains(&s.id),
                            move |on| Message::Toggle(id, on),
                        )
                        .id(format!("structure-{id}"))
                        .into()
                    };
                    c.push(container(boxed).padding(iced::Padding {
                        left: indent,
                        ..iced::Padding::ZERO
                    }))
                });
        column![
            crate::widget::check(
                l.t("scope-all-companies"),
                draft.all_companies,
                Message::AllCompanies
            )
            .id("scope-all-companies"),
            crate::widget::check(
                l.t("scope-whole-structure"),
                draft.whole_structure,
                Message::WholeStructure
            ),
            container(tree).padding(10),
        ]
        .spacing(10)
        .into()
    }

    fn record_view<'a>(
        &'a self,
        l: Locale,
        su: &'a ServiceUser,
        password: Option<&'a str>,
        confirm_reset: bool,
    ) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let mut c = column![
            heading(format!("{} — {}", su.user_code, su.application)),
            row![
                badge(l, su.status),
                text(l.language_name(su.language)),
                text(scope_label(l, &su.scope))
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            crate::widget::check_when(
                t("field-provisioning"),
                su.provisioning,
                su.may(Act::Modify),
                Message::SetProvisioning
            )
            .id("service-user-provisioning"),
            text(t("provisioning-help")).size(13),
            row![
                secondary(
                    t("action-activate"),
                    (su.may(Act::Modify) && su.status != Status::Active)
                        .then_some(Message::SetStatus(Status::Active))
                ),
                secondary(
                    t("action-suspend"),
                    (su.may(Act::Modify) && su.status == Status::Active)
                        .then_some(Message::SetStatus(Status::Suspended))
                ),
                primary(
                    t("action-reset-password"),
                    (su.may(Act::ResetPassword) && password.is_none() && !confirm_reset)
                        .then_some(Message::AskReset)
                ),
                secondary(t("action-back"), Some(Message::Close)),
            ]
            .spacing(10)
            .wrap()
            .vertical_spacing(10),
        ]
        .spacing(12);
        if confirm_reset {
            c = c.push(notice(&t("reset-confirm-body"), false)).push(
                row![
                    widget::button_for(
                        widget::Look::Secondary,
                        t("action-cancel"),
                        Some(Message::ClosePassword)
                    )
                    .id("reset-cancel"),
                    primary(t("action-confirm"), Some(Message::ConfirmReset))
                ]
                .spacing(10)
                .wrap()
                .vertical_spacing(10),
            );
        }
        if let Some(p) = password {
            c = c
                .push(text(t("password-reset-done")))
                .push(
                    container(text(p.to_owned()).size(24).font(iced::Font::MONOSPACE)).padding(10),
                )
                .push(text(t("password-shown-once")).size(13))
                .push(
                    row![
                        secondary(t("action-copy"), Some(Message::CopyPassword)),
                        secondary(t("action-print-letter"), Some(Message::PrintLetter)),
                        primary(t("action-close"), Some(Message::ClosePassword))
                    ]
                    .spacing(10)
                    .wrap()
                    .vertical_spacing(10),
                );
        }
        c.into()
    }
}

impl ServiceUsers {
    /// The organization's validity of API passwords, and its editor (level 1).
    pub(super) fn validity_view<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        match &self.validity_edit {
            None => row![
                text(self.validity_text(l)),
                widget::link(t("validity-change"), Some(Message::EditValidity)),
            ]
            .spacing(10)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(6)
            .into(),
            Some((days, never)) => column![
                text(t("validity-intro")),
                row![
                    labelled(
                        t("field-days"),
                        text_input("365", days)
                            .style(crate::widget::colors::field)
                            .id("validity-days")
                            .on_input_maybe((!never).then_some(Message::ValidityDays))
                            .on_submit(Message::SaveValidity)
                            .padding(8)
                            .width(120),
                        None
                    ),
                    crate::widget::check(t("validity-never"), *never, Message::ValidityNever),
                ]
                .spacing(16)
                .align_y(Alignment::End),
                row![
                    secondary(t("action-cancel"), Some(Message::CancelValidity)),
                    primary(t("action-save"), Some(Message::SaveValidity)),
                ]
                .spacing(10),
            ]
            .spacing(8)
            .into(),
        }
    }

    /// The password's dates in the record, Rotate and End the old password now.
    fn password_life<'a>(
        &'a self,
        l: Locale,
        su: &'a ServiceUser,
        rotate: Option<&'a str>,
    ) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        let end_previous = su
            .may(Act::EndPreviousPassword)
            .then_some(Message::EndPrevious);
        let c = crate::screen::credential::dates(l, &su.password, end_previous);
        let choices: Vec<Responsible> = std::iter::once(Responsible(None, l))
            .chain(self.people.iter().map(|p| Responsible(Some(p.clone()), l)))
            .collect();
        let current = Responsible(
            su.responsible.as_ref().map(|p| {
                let name = format!("{} {} ({})", p.first_name, p.last_name, p.user_id);
                (p.id, name)
            }),
            l,
        );
        let c = c.push(labelled(
            t("field-responsible-id"),
            crate::widget::menu(choices, Some(current), Message::Responsible).id("responsible"),
            None,
        ));
        let c = c.push(text(t("responsible-help")).size(13));
        match rotate {
            None => c.push(secondary(
                t("action-rotate"),
                su.may(Act::RotatePassword).then_some(Message::AskRotate),
            )),
            Some(days) => {
                let valid = days.parse::<i64>().is_ok_and(|d| (1..=30).contains(&d));
                c.push(text(t("rotate-intro"))).push(
                    row![
                        labelled(
                            t("field-grace-days"),
                            text_input("7", days)
                                .style(crate::widget::colors::field)
                                .id("grace-days")
                                .on_input(Message::GraceDays)
                                .on_submit(Message::ConfirmRotate)
                                .padding(8)
                                .width(120),
                            (!valid).then(|| t("reason-grace_days_range")).as_deref()
                        ),
                        secondary(t("action-cancel"), Some(Message::ClosePassword)),
                        primary(
                            t("action-rotate-confirm"),
                            valid.then_some(Message::ConfirmRotate)
                        ),
                    ]
                    .spacing(10)
                    .align_y(Alignment::End),
                )
            }
        }
        .into()
    }
}
