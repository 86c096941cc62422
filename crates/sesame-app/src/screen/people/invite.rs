//! The "Invite by email" dialog: email, level, role(s), language, and optionally "also add as a
//! contact" with what a contact needs (names, purpose, phone). The server sends the link. Also
//! what the list does with invitations: resend or cancel a link, and notice who confirmed.

use std::collections::{BTreeSet, HashMap};

use iced::widget::{column, row, text_input};
use iced::{Element, Length, Task};

use super::{Action, Dialog, Message, People};
use crate::locale::Locale;
use crate::screen::person::LevelChoice;
use crate::screen::{Ctx, refused_fields, request};
use crate::widget::widget_id;
use crate::widget::{Notice, error_for, labelled};
use sesame_client::{Client, ClientError};
use sesame_core::api::{Invitation, NewInvitation, Role};
use sesame_core::domain::{ContactPurpose, Language, Level, Status};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Email(String),
    LastName(String),
    FirstName(String),
    Phone(String),
    Level(LevelChoice),
    Language(LanguageChoice),
    Role(String, bool),
    AlsoContact(bool),
    Purpose(PurposeChoice),
}

#[derive(Debug, Clone, PartialEq)]
pub struct InviteForm {
    pub email: String,
    pub last_name: String,
    pub first_name: String,
    pub phone: String,
    pub level: Level,
    pub language: Language,
    pub roles: BTreeSet<String>,
    pub also_contact: bool,
    pub purpose: Option<ContactPurpose>,
    /// A field left empty or refused by the server: (field, message).
    /// Each refused field with why, all at once.
    pub error: Vec<(String, String)>,
    pub sending: bool,
}

/// A language as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageChoice(pub Language, pub Locale);

impl std::fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.language_name(self.0))
    }
}

/// A contact purpose as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurposeChoice(pub ContactPurpose, pub Locale);

impl std::fmt::Display for PurposeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.purpose(self.0))
    }
}

impl InviteForm {
    /// An empty form: a new person's usual level and the administrator's own language.
    pub fn new(language: Language) -> InviteForm {
        InviteForm {
            email: String::new(),
            last_name: String::new(),
            first_name: String::new(),
            phone: String::new(),
            level: Level::NEW_PERSON,
            language,
            roles: BTreeSet::new(),
            also_contact: false,
            purpose: None,
            error: vec![],
            sending: false,
        }
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Email(v) => self.email = v,
            Edit::LastName(v) => self.last_name = v,
            Edit::FirstName(v) => self.first_name = v,
            Edit::Phone(v) => self.phone = v,
            Edit::Level(c) => self.level = c.0,
            Edit::Language(c) => self.language = c.0,
            Edit::Role(code, on) => {
                if on {
                    self.roles.insert(code);
                } else {
                    self.roles.remove(&code);
                }
            }
            Edit::AlsoContact(on) => self.also_contact = on,
            Edit::Purpose(c) => self.purpose = Some(c.0),
        }
    }

    /// The request, or the first field to fill in (checked here so the person sees it at once;
    /// the server checks the same again).
    pub fn request(&self, l: Locale) -> Result<NewInvitation, (String, String)> {
        let missing = |field: &str| Err((field.to_owned(), l.t("reason-required")));
        if self.email.trim().is_empty() {
            return missing("email");
        }
        if self.also_contact {
            if self.last_name.trim().is_empty() {
                return missing("last_name");
            }
            if self.first_name.trim().is_empty() {
                return missing("first_name");
            }
            if self.purpose.is_none() {
                return missing("contact_purpose");
            }
        }
        let optional = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        Ok(NewInvitation {
            email: self.email.trim().to_owned(),
            roles: self.roles.iter().cloned().collect(),
            level: Some(self.level),
            language: self.language,
            last_name: optional(&self.last_name),
            first_name: optional(&self.first_name),
            also_contact: self.also_contact,
            contact_purpose: self.purpose.filter(|_| self.also_contact),
            phone: optional(&self.phone),
        })
    }

    /// The form's fields; `levels` are those this administrator may grant.
    pub fn view<'a>(
        &'a self,
        l: Locale,
        levels: Vec<LevelChoice>,
        catalogue: &[Role],
    ) -> Element<'a, Edit> {
        let input = |label: &str, value: &'a str, id, on: fn(String) -> Edit| {
            self.input(l, label, value, id, on)
        };
        let languages: Vec<LanguageChoice> = Language::ALL
            .into_iter()
            .map(|v| LanguageChoice(v, l))
            .collect();
        let roles = self.roles_view(l, catalogue);
        let mut form = column![
            input(
                "field-email",
                &self.email,
                (widget_id("invite-email"), "email"),
                Edit::Email
            ),
            row![
                labelled(
                    l.t("field-level"),
                    crate::widget::menu(levels, Some(LevelChoice(self.level, l)), Edit::Level)
                        .id("invite-level"),
                    None
                ),
                labelled(
                    l.t("field-language"),
                    crate::widget::menu(
                        languages,
                        Some(LanguageChoice(self.language, l)),
                        Edit::Language
                    )
                    .id("invite-language"),
                    None
                ),
            ]
            .spacing(16),
            labelled(l.t("column-roles"), roles, None),
            row![
                input(
                    "field-last-name",
                    &self.last_name,
                    (widget_id("invite-last-name"), "last_name"),
                    Edit::LastName
                ),
                input(
                    "field-first-name",
                    &self.first_name,
                    (widget_id("invite-first-name"), "first_name"),
                    Edit::FirstName
                ),
            ]
            .spacing(12),
            crate::widget::check(
                l.t("invite-also-contact"),
                self.also_contact,
                Edit::AlsoContact
            ),
        ]
        .spacing(10)
        .width(Length::Fixed(470.0));
        if self.also_contact {
            form = form.push(self.contact_part(l));
        }
        form.into()
    }

    /// A labelled field of the form, with the error the server gave for it.
    fn input<'a>(
        &'a self,
        l: Locale,
        label: &str,
        value: &'a str,
        (id, field): (&'static str, &'static str),
        on: fn(String) -> Edit,
    ) -> Element<'a, Edit> {
        labelled(
            l.t(label),
            text_input("", value)
                .style(crate::widget::colors::field)
                .id(id)
                .on_input(on)
                .padding(6),
            error_for(&self.error, field),
        )
    }

    /// A checkbox per role of the catalogue.
    fn roles_view<'a>(&'a self, l: Locale, catalogue: &[Role]) -> Element<'a, Edit> {
        catalogue
            .iter()
            .fold(row![].spacing(12), |r, role| {
                let code = role.code.clone();
                r.push(
                    crate::widget::check(
                        l.role_name(role),
                        self.roles.contains(&role.code),
                        move |on| Edit::Role(code.clone(), on),
                    )
                    .id(format!("role-{}", role.code)),
                )
            })
            .wrap()
            .into()
    }

    /// Also a contact: the purpose and the phone.
    fn contact_part<'a>(&'a self, l: Locale) -> Element<'a, Edit> {
        let purposes: Vec<PurposeChoice> = ContactPurpose::ALL
            .into_iter()
            .map(|p| PurposeChoice(p, l))
            .collect();
        row![
            labelled(
                l.t("field-purpose"),
                crate::widget::menu_with(
                    purposes,
                    self.purpose.map(|p| PurposeChoice(p, l)),
                    l.t("field-purpose-choose"),
                    Edit::Purpose
                )
                .id("invite-purpose"),
                error_for(&self.error, "contact_purpose"),
            ),
            self.input(
                l,
                "field-phone",
                &self.phone,
                (widget_id("invite-phone"), "phone"),
                Edit::Phone
            ),
        ]
        .spacing(12)
        .into()
    }
}

impl People {
    /// The invitation messages: the dialog and its sending, resending and cancelling a link,
    /// and the check of who has confirmed. A failed cancel is answered by `update`.
    pub(super) fn on_invitation(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Invite => {
                self.dialog = Some(Dialog::Invite(InviteForm::new(l.language)));
                return Action::Run(crate::widget::reveal::focus("invite-email"));
            }
            Message::InviteEdit(e) => {
                if let Some(Dialog::Invite(form)) = &mut self.dialog {
                    form.apply(e);
                }
            }
            Message::SendInvitation => return self.send_invitation(ctx),
            Message::InvitationSent(Ok(inv)) => {
                self.dialog = None;
                self.notice = Some(Notice::done(
                    l.t_with("people-invitation-sent", &[("email", &inv.email)]),
                ));
                let id = inv.person_id;
                self.invitations.insert(inv.person_id, inv);
                return Action::Run(refresh(ctx.client, id));
            }
            Message::InvitationSent(Err(e)) => return self.invitation_refused(e, l),
            Message::Refreshed(Ok(rec)) => self.upsert(rec.person),
            // Gone in the meantime (removed elsewhere): off the list.
            Message::Refreshed(Err(e)) if e.status() == Some(404) => {}
            Message::Refreshed(Err(e)) | Message::Resent(Err(e)) => return self.failed(e, l),
            Message::CheckInvitations => {
                return Action::Run(request(
                    ctx.client,
                    |c| async move { c.invitations().await },
                    Message::InvitationsChecked,
                ));
            }
            Message::InvitationsChecked(Ok(list)) => {
                return Action::Run(self.invitations_checked(list, ctx.client));
            }
            Message::Resend(id) => {
                self.dialog = None;
                return Action::Run(request(
                    ctx.client,
                    move |c| async move { c.resend_invitation(id).await },
                    Message::Resent,
                ));
            }
            Message::Resent(Ok(inv)) => {
                self.notice = Some(Notice::done(
                    l.t_with("people-invitation-resent", &[("email", &inv.email)]),
                ));
                self.invitations.insert(inv.person_id, inv);
            }
            _ => {}
        }
        Action::None
    }

    /// Sends the form once: a missing field is shown at once, a second click while sending
    /// does nothing.
    fn send_invitation(&mut self, ctx: Ctx<'_>) -> Action {
        if let Some(Dialog::Invite(form)) = &mut self.dialog {
            match form.request(ctx.locale) {
                Err(e) => form.error = vec![e],
                Ok(req) if !form.sending => {
                    form.error.clear();
                    form.sending = true;
                    return Action::Run(request(
                        ctx.client,
                        move |c| async move { c.invite(&req).await },
                        Message::InvitationSent,
                    ));
                }
                Ok(_) => {}
            }
        }
        Action::None
    }

    /// The server refused the invitation: the dialog stays open and shows why, beside the
    /// field it names (the email when it names none).
    fn invitation_refused(&mut self, e: ClientError, l: Locale) -> Action {
        if let Some(Dialog::Invite(form)) = &mut self.dialog {
            form.sending = false;
            form.error = refused_fields(&e, l);
            if form.error.is_empty() {
                form.error = vec![("email".into(), l.error(&e))];
            }
        }
        Action::None
    }

    /// Keeps the links still waiting, and refreshes the rows invited here that no longer wait
    /// there: they confirmed (or were removed).
    fn invitations_checked(&mut self, list: Vec<Invitation>, client: &Client) -> Task<Message> {
        let waiting: HashMap<i64, Invitation> =
            list.into_iter().map(|i| (i.person_id, i)).collect();
        let changed: Vec<i64> = self
            .all
            .iter()
            .filter(|p| p.status == Status::Invited && !waiting.contains_key(&p.id))
            .map(|p| p.id)
            .collect();
        self.invitations = waiting;
        Task::batch(changed.into_iter().map(|id| refresh(client, id)))
    }
}

/// A fresh copy of one person.
fn refresh(client: &Client, id: i64) -> Task<Message> {
    let c = client.clone();
    Task::perform(async move { c.person(id).await }, Message::Refreshed)
}
