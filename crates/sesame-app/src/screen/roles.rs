//! The roles catalogue: each role's name in both languages and what it is for. Level-1 users
//! add roles and rename them; the code, which accounts hold, never changes.

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::{Ctx, refused_fields};
use crate::widget::{
    Look, Notice, button_for, chip, error_for, heading, labelled, primary, secondary,
};
use sesame_client::ClientError;
use sesame_core::api::{NewRole, Role, RoleUpdate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Code,
    NameEn,
    NameFr,
    DescriptionEn,
    DescriptionFr,
}

/// The role being added (`editing` is `None`) or changed.
#[derive(Debug, Clone, Default, PartialEq)]
struct Form {
    editing: Option<String>,
    code: String,
    name_en: String,
    name_fr: String,
    description_en: String,
    description_fr: String,
    error: Vec<(String, String)>,
}

impl Form {
    /// The form of an existing role.
    fn of(r: &Role) -> Form {
        Form {
            editing: Some(r.code.clone()),
            code: r.code.clone(),
            name_en: r.name_en.clone(),
            name_fr: r.name_fr.clone(),
            description_en: r.description_en.clone(),
            description_fr: r.description_fr.clone(),
            error: vec![],
        }
    }
}

#[derive(Default)]
pub struct Roles {
    form: Option<Form>,
    notice: Option<Notice>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Add,
    Edit(String),
    Field(Field, String),
    Save,
    Saved(Result<Role, ClientError>),
    CloseForm,
    Back,
}

/// What the roles screen asks of the app; its own: a role was added or changed, and the
/// app's catalogue follows.
pub type Action = super::Effect<Message, Role>;

impl Roles {
    pub fn new() -> Roles {
        Roles::default()
    }

    fn may_change(ctx: &Ctx<'_>) -> bool {
        ctx.me.rights.manage_roles
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Add => {
                self.form = Some(Form::default());
                return Action::Run(crate::widget::reveal::focus("role-code"));
            }
            Message::Edit(code) => {
                if let Some(r) = ctx.roles.iter().find(|r| r.code == code) {
                    self.form = Some(Form::of(r));
                    return Action::Run(crate::widget::reveal::focus("role-name-en"));
                }
            }
            Message::Field(f, v) => {
                if let Some(form) = &mut self.form {
                    match f {
                        Field::Code => form.code = v,
                        Field::NameEn => form.name_en = v,
                        Field::NameFr => form.name_fr = v,
                        Field::DescriptionEn => form.description_en = v,
                        Field::DescriptionFr => form.description_fr = v,
                    }
                }
            }
            Message::Save => return self.save(ctx),
            Message::Saved(Ok(role)) => {
                self.busy = false;
                self.form = None;
                self.notice = Some(Notice::done(
                    l.t_with("roles-saved", &[("name", &l.role_name(&role))]),
                ));
                return Action::Own(role);
            }
            Message::Saved(Err(e)) => return self.save_refused(e, ctx),
            Message::CloseForm => self.form = None,
            Message::Back => return Action::Home,
        }
        Action::None
    }

    /// Adds the role, or renames it (its code never changes); once.
    fn save(&mut self, ctx: Ctx<'_>) -> Action {
        let Some(form) = &self.form else {
            return Action::None;
        };
        if self.busy {
            return Action::None;
        }
        self.busy = true;
        let c = ctx.client.clone();
        let update = RoleUpdate {
            name_en: form.name_en.clone(),
            name_fr: form.name_fr.clone(),
            description_en: form.description_en.clone(),
            description_fr: form.description_fr.clone(),
        };
        let task = match form.editing.clone() {
            Some(code) => Task::perform(
                async move { c.update_role(&code, &update).await },
                Message::Saved,
            ),
            None => {
                let new = NewRole {
                    code: form.code.trim().to_owned(),
                    name_en: update.name_en,
                    name_fr: update.name_fr,
                    description_en: update.description_en,
                    description_fr: update.description_fr,
                };
                Task::perform(async move { c.create_role(&new).await }, Message::Saved)
            }
        };
        Action::Run(task)
    }

    /// The server refused the role: beside the field it names (a code already taken beside
    /// the code), or above the catalogue.
    fn save_refused(&mut self, e: ClientError, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        self.busy = false;
        let message = match e.status() {
            Some(409) => l.t("roles-code-taken"),
            _ => l.error(&e),
        };
        let fields = refused_fields(&e, l);
        match &mut self.form {
            Some(form) if e.status() == Some(409) => form.error = vec![("code".into(), message)],
            Some(form) if !fields.is_empty() => form.error = fields,
            _ => self.notice = Some(Notice::failed(message)),
        }
        Action::None
    }

    /// Enter saves the open form; Esc closes it.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        self.form.as_ref()?;
        match s {
            Shortcut::Confirm => Some(Message::Save),
            Shortcut::Cancel => Some(Message::CloseForm),
            _ => None,
        }
    }

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let may_change = Self::may_change(&ctx);
        let mut c = column![
            crate::widget::title(t("roles-title")),
            text(t("roles-intro")).size(14)
        ]
        .spacing(12)
        .max_width(900);
        c = c.push(crate::widget::notice_slot(self.notice.as_ref()));
        if let Some(form) = &self.form {
            c = c.push(self.form_view(form, ctx));
        } else if may_change {
            c = c.push(primary(t("roles-add"), Some(Message::Add)));
        }
        for r in ctx.roles {
            let mut names = column![
                row![
                    text(l.role_name(r)).size(17),
                    chip(r.code.clone()),
                    text(match l.language {
                        sesame_core::domain::Language::En => format!("· {}", r.name_fr),
                        sesame_core::domain::Language::Fr => format!("· {}", r.name_en),
                    })
                    .size(13),
                ]
                .spacing(8)
                .align_y(Alignment::Center)
            ]
            .spacing(4)
            .width(Length::Fill);
            let description = l.role_description(r);
            names = names.push(
                text(if description.is_empty() {
                    t("roles-no-description")
                } else {
                    description
                })
                .size(13),
            );
            let mut line = row![names].spacing(12).align_y(Alignment::Center);
            if may_change {
                line = line.push(
                    button_for(
                        Look::Secondary,
                        t("action-modify"),
                        Some(Message::Edit(r.code.clone())),
                    )
                    .id(format!("modify-role-{}", r.code)),
                );
            }
            c = c.push(container(line).padding(12).style(container::rounded_box));
        }
        c = c.push(secondary(t("action-quit"), Some(Message::Back)));
        crate::widget::scroll(container(c).padding(20))
            .height(Length::Fill)
            .into()
    }

    fn form_view<'a>(&'a self, form: &'a Form, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let err = |field: &str| error_for(&form.error, field);
        let input = |label: &str, value: &'a str, field: Field, id: &'static str, key: &str| {
            labelled(
                t(label),
                text_input("", value)
                    .style(crate::widget::colors::field)
                    .id(id)
                    .on_input(move |v| Message::Field(field, v))
                    .on_submit(Message::Save)
                    .padding(8),
                err(key),
            )
        };
        let code: Element<'a, Message> = if form.editing.is_some() {
            labelled(t("field-role-code"), text(form.code.clone()), None)
        } else {
            input(
                "field-role-code",
                &form.code,
                Field::Code,
                "role-code",
                "code",
            )
        };
        container(
            column![
                heading(t(if form.editing.is_some() {
                    "roles-edit-title"
                } else {
                    "roles-add-title"
                })),
                code,
                row![
                    input(
                        "field-name-en",
                        &form.name_en,
                        Field::NameEn,
                        crate::widget::widget_id("role-name-en"),
                        "name_en"
                    ),
                    input(
                        "field-name-fr",
                        &form.name_fr,
                        Field::NameFr,
                        crate::widget::widget_id("role-name-fr"),
                        "name_fr"
                    ),
                ]
                .spacing(12),
                row![
                    input(
                        "field-description-en",
                        &form.description_en,
                        Field::DescriptionEn,
                        crate::widget::widget_id("role-description-en"),
                        "description_en"
                    ),
                    input(
                        "field-description-fr",
                        &form.description_fr,
                        Field::DescriptionFr,
                        crate::widget::widget_id("role-description-fr"),
                        "description_fr"
                    ),
                ]
                .spacing(12),
                row![
                    primary(t("action-save"), (!self.busy).then_some(Message::Save)),
                    secondary(t("action-cancel"), Some(Message::CloseForm)),
                ]
                .spacing(10),
            ]
            .spacing(10),
        )
        .padding(16)
        .style(container::rounded_box)
        .into()
    }
}

impl super::Questions for Roles {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("roles-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
    }
}
