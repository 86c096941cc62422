//! Contacts: the people the organization is reached through (invoices, technical and
//! contractual matters). A contact may also be a user: the row says so and opens their record.

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::people::PurposeChoice;
use super::{Ctx, refused_fields, request};
use crate::widget::{
    Look, Notice, Weight, button_for, chip, confirm, error_for, heading, labelled, primary,
    secondary,
};
use sesame_client::ClientError;
use sesame_core::api::{Contact, NewContact};
use sesame_core::domain::ContactPurpose;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    LastName,
    FirstName,
    Email,
    Phone,
}

/// The contact being added (`id` is `None`) or changed.
#[derive(Debug, Clone, Default, PartialEq)]
struct Form {
    id: Option<i64>,
    /// A user's entry: the names and email are those of the account.
    person_id: Option<i64>,
    last_name: String,
    first_name: String,
    email: String,
    phone: String,
    purpose: Option<ContactPurpose>,
    error: Vec<(String, String)>,
}

impl Form {
    /// The form of an existing contact.
    fn of(c: &Contact) -> Form {
        Form {
            id: Some(c.id),
            person_id: c.person_id,
            last_name: c.last_name.clone(),
            first_name: c.first_name.clone(),
            email: c.email.clone(),
            phone: c.phone.clone().unwrap_or_default(),
            purpose: c.purpose,
            error: vec![],
        }
    }
}

#[derive(Default)]
pub struct Contacts {
    list: Vec<Contact>,
    loading: bool,
    form: Option<Form>,
    /// The contact whose removal waits for a confirmation.
    removing: Option<Contact>,
    notice: Option<Notice>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<Contact>, ClientError>),
    Add,
    Edit(i64),
    Field(Field, String),
    Purpose(PurposeChoice),
    Save,
    Saved(Result<Contact, ClientError>),
    CloseForm,
    AskRemove(i64),
    ConfirmRemove,
    Removed(Result<(), ClientError>),
    CloseDialog,
    OpenUser(i64),
    Back,
}

/// What the contacts screen asks of the app; its own: open the record of the user a contact
/// is (the id).
pub type Action = super::Effect<Message, i64>;

impl Contacts {
    pub fn load(ctx: Ctx<'_>) -> (Contacts, Task<Message>) {
        (
            Contacts {
                loading: true,
                ..Contacts::default()
            },
            Self::reload(ctx),
        )
    }

    pub fn contacts(&self) -> &[Contact] {
        &self.list
    }

    fn reload(ctx: Ctx<'_>) -> Task<Message> {
        let c = ctx.client.clone();
        Task::perform(async move { c.contacts().await }, Message::Loaded)
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Loaded(Ok(list)) => {
                self.loading = false;
                self.list = list;
            }
            Message::Add => {
                self.form = Some(Form::default());
                return Action::Run(crate::widget::reveal::focus("contact-last-name"));
            }
            Message::Edit(id) => {
                if let Some(c) = self.list.iter().find(|c| c.id == id) {
                    self.form = Some(Form::of(c));
                }
            }
            Message::Field(f, v) => {
                if let Some(form) = &mut self.form {
                    match f {
                        Field::LastName => form.last_name = v,
                        Field::FirstName => form.first_name = v,
                        Field::Email => form.email = v,
                        Field::Phone => form.phone = v,
                    }
                }
            }
            Message::Purpose(p) => {
                if let Some(form) = &mut self.form {
                    form.purpose = Some(p.0);
                }
            }
            Message::Save => return self.save(ctx),
            Message::Saved(Ok(contact)) => {
                self.busy = false;
                self.form = None;
                let name = format!("{} {}", contact.first_name, contact.last_name);
                self.notice = Some(Notice::done(l.t_with("contacts-saved", &[("name", &name)])));
                return Action::Run(Self::reload(ctx));
            }
            Message::Saved(Err(e)) => return self.save_refused(e, ctx),
            Message::CloseForm => self.form = None,
            Message::AskRemove(id) => {
                self.removing = self.list.iter().find(|c| c.id == id).cloned();
            }
            Message::ConfirmRemove => {
                if let Some(id) = self.removing.as_ref().map(|r| r.id) {
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.delete_contact(id).await },
                        Message::Removed,
                    ));
                }
            }
            Message::Removed(Ok(())) => {
                if let Some(r) = self.removing.take() {
                    self.list.retain(|c| c.id != r.id);
                    self.notice = Some(Notice::done(l.t_with(
                        "contacts-removed",
                        &[("name", &format!("{} {}", r.first_name, r.last_name))],
                    )));
                }
            }
            Message::Loaded(Err(e)) | Message::Removed(Err(e)) => {
                self.loading = false;
                self.removing = None;
                self.notice = Some(Notice::failed(l.error(&e)));
            }
            Message::CloseDialog => self.removing = None,
            Message::OpenUser(id) => return Action::Own(id),
            Message::Back => return Action::Home,
        }
        Action::None
    }

    /// Creates or changes the contact once; a purpose must be chosen first.
    fn save(&mut self, ctx: Ctx<'_>) -> Action {
        let Some(form) = &mut self.form else {
            return Action::None;
        };
        let Some(purpose) = form.purpose else {
            form.error = vec![("purpose".into(), ctx.locale.t("reason-required"))];
            return Action::None;
        };
        if self.busy {
            return Action::None;
        }
        self.busy = true;
        let body = NewContact {
            last_name: form.last_name.clone(),
            first_name: form.first_name.clone(),
            email: form.email.clone(),
            phone: Some(form.phone.clone()),
            purpose,
        };
        let id = form.id;
        Action::Run(request(
            ctx.client,
            move |c| async move {
                match id {
                    Some(id) => c.update_contact(id, &body).await,
                    None => c.create_contact(&body).await,
                }
            },
            Message::Saved,
        ))
    }

    /// The server refused the contact: beside the field it names, or above the list.
    fn save_refused(&mut self, e: ClientError, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        self.busy = false;
        let fields = refused_fields(&e, l);
        match &mut self.form {
            Some(form) if !fields.is_empty() => form.error = fields,
            _ => self.notice = Some(Notice::failed(l.error(&e))),
        }
        Action::None
    }

    /// Enter saves the form or confirms the removal; Esc closes the dialog, then the form.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        match (s, self.removing.is_some()) {
            (Shortcut::Confirm, true) => Some(Message::ConfirmRemove),
            (Shortcut::Cancel, true) => Some(Message::CloseDialog),
            (Shortcut::Confirm, false) => self.form.as_ref().map(|_| Message::Save),
            (Shortcut::Cancel, false) => self.form.as_ref().map(|_| Message::CloseForm),
            _ => None,
        }
    }

    pub fn view<'a>(&'a self, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let mut c = column![
            crate::widget::title(t("contacts-title")),
            text(t("contacts-intro")).size(14)
        ]
        .spacing(12)
        .max_width(1000);
        c = c.push(crate::widget::notice_slot(self.notice.as_ref()));
        match &self.form {
            Some(form) => c = c.push(self.form_view(form, ctx)),
            None => c = c.push(primary(t("contacts-add"), Some(Message::Add))),
        }
        if !self.loading && self.list.is_empty() {
            c = c.push(text(t("contacts-empty")));
        }
        for contact in &self.list {
            c = c.push(contact_line(contact, l));
        }
        c = c.push(secondary(t("action-quit"), Some(Message::Back)));
        let page: Element<'a, Message> = crate::widget::scroll(container(c).padding(20))
            .height(Length::Fill)
            .into();
        match &self.removing {
            None => page,
            Some(r) => confirm(
                page,
                l,
                t("dialog-remove-contact-title"),
                l.t_with(
                    if r.person_id.is_some() {
                        "dialog-remove-contact-user-body"
                    } else {
                        "dialog-remove-contact-body"
                    },
                    &[("name", &format!("{} {}", r.first_name, r.last_name))],
                ),
                ("action-cancel", Message::CloseDialog),
                Message::ConfirmRemove,
                Weight::Dangerous,
            ),
        }
    }

    fn form_view<'a>(&'a self, form: &'a Form, ctx: Ctx<'_>) -> Element<'a, Message> {
        let l = ctx.locale;
        let t = |id: &str| l.t(id);
        let err = |field: &str| error_for(&form.error, field);
        let input = |field: Field| {
            let (label, id, key, value) = match field {
                Field::LastName => (
                    "field-last-name",
                    crate::widget::widget_id("contact-last-name"),
                    "last_name",
                    &form.last_name,
                ),
                Field::FirstName => (
                    "field-first-name",
                    crate::widget::widget_id("contact-first-name"),
                    "first_name",
                    &form.first_name,
                ),
                Field::Email => (
                    "field-email",
                    crate::widget::widget_id("contact-email"),
                    "email",
                    &form.email,
                ),
                Field::Phone => (
                    "field-phone",
                    crate::widget::widget_id("contact-phone"),
                    "phone",
                    &form.phone,
                ),
            };
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
        let purposes: Vec<PurposeChoice> = ContactPurpose::ALL
            .into_iter()
            .map(|p| PurposeChoice(p, l))
            .collect();
        let mut body = column![heading(t(if form.id.is_some() {
            "contacts-edit-title"
        } else {
            "contacts-add-title"
        }))]
        .spacing(10);
        if form.person_id.is_some() {
            body = body.push(text(t("contacts-user-note")).size(13));
        }
        body = body
            .push(row![input(Field::LastName), input(Field::FirstName),].spacing(12))
            .push(row![input(Field::Email), input(Field::Phone),].spacing(12))
            .push(labelled(
                t("field-purpose"),
                crate::widget::menu_with(
                    purposes,
                    form.purpose.map(|p| PurposeChoice(p, l)),
                    t("field-purpose-choose"),
                    Message::Purpose,
                )
                .id("contact-purpose"),
                err("purpose"),
            ))
            .push(
                row![
                    primary(t("action-save"), (!self.busy).then_some(Message::Save)),
                    secondary(t("action-cancel"), Some(Message::CloseForm)),
                ]
                .spacing(10),
            );
        container(body)
            .padding(16)
            .style(container::rounded_box)
            .into()
    }
}

/// One contact: name, purpose, whether they are a user, how to reach them, Modify and Remove.
fn contact_line(contact: &Contact, l: crate::locale::Locale) -> Element<'_, Message> {
    let t = |id: &str| l.t(id);
    let purpose = match contact.purpose {
        Some(p) => l.purpose(p),
        None => t("contacts-no-purpose"),
    };
    let mut who = row![
        text(format!("{} {}", contact.first_name, contact.last_name)).size(16),
        chip(purpose),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if let Some(person) = contact.person_id {
        who = who.push(crate::widget::text_link(
            t("contacts-is-user"),
            Some(Message::OpenUser(person)),
        ));
    }
    // A narrow window puts the link under the name.
    let who = who.wrap().vertical_spacing(4);
    let reach = match &contact.phone {
        Some(p) => format!("{} · {p}", contact.email),
        None => contact.email.clone(),
    };
    let line = row![
        column![who, text(reach).size(13)]
            .spacing(4)
            .width(Length::Fill),
        button_for(
            Look::Secondary,
            t("action-modify"),
            Some(Message::Edit(contact.id))
        )
        .id(format!("modify-contact-{}", contact.email)),
        button_for(
            Look::Danger,
            t("action-remove"),
            Some(Message::AskRemove(contact.id))
        )
        .id(format!("remove-contact-{}", contact.email)),
    ]
    .spacing(10)
    .align_y(Alignment::Center);
    container(line)
        .padding(12)
        .style(container::rounded_box)
        .into()
}

impl super::Questions for Contacts {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("contacts-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
    }
}
