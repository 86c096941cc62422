//! The identity part of the record: its fields as typed, and saving them (creating the user, or
//! sending only what changed with the version that was read).

use iced::Task;

use super::{Action, Dialog, Field, Message, Outcome, Person};
use crate::screen::{Ctx, request};
use crate::widget::Notice;
use sesame_core::api::{NewPerson, PersonUpdate};
use sesame_core::domain::Level;

impl Person {
    /// The identity messages: edits, save and its answer.
    pub(super) fn on_identity(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Field(f, v) => self.edit(f, v),
            Message::Level(c) => self.form.level = Some(c.0),
            Message::Language(lang) => self.form.language = Some(lang),
            Message::ToggleRole(code, on) => {
                if on {
                    self.form.roles.insert(code);
                } else {
                    self.form.roles.remove(&code);
                }
            }
            Message::Contact(b) => self.form.is_contact = b,
            Message::Save => return self.save(ctx),
            Message::Saved(Ok(rec)) => {
                self.busy = false;
                let summary = rec.person.clone();
                self.fill(rec);
                self.notice = Some(Notice::done(l.t("person-saved")));
                return Action::Own(Outcome::Back(Some(summary)));
            }
            Message::Created(Ok(created)) => {
                self.busy = false;
                self.fill(created.person);
                // The temporary password of the new user, shown once.
                self.dialog = Some(Dialog::Password(created.temporary_password));
                self.notice = Some(Notice::done(l.t("person-created")));
            }
            _ => {}
        }
        Action::None
    }

    /// A field typed in: its error, if the server named it, goes.
    fn edit(&mut self, f: Field, v: String) {
        let form = &mut self.form;
        let (value, key) = match f {
            Field::LastName => (&mut form.last_name, "last_name"),
            Field::FirstName => (&mut form.first_name, "first_name"),
            Field::UserId => (&mut form.user_id, "user_id"),
            Field::Email => (&mut form.email, "email"),
            Field::Phone => (&mut form.phone, "phone"),
        };
        *value = v;
        self.errors.remove(key);
    }

    fn save(&mut self, ctx: Ctx<'_>) -> Action {
        let f = self.form.clone();
        self.busy = true;
        self.notice = None;
        self.errors.clear();
        match &self.record {
            None => {
                let new = NewPerson {
                    last_name: f.last_name,
                    first_name: f.first_name,
                    user_id: f.user_id,
                    email: f.email,
                    phone: Some(f.phone).filter(|p| !p.trim().is_empty()),
                    level: f.level.unwrap_or(Level::NEW_PERSON),
                    language: f.language.unwrap_or_default(),
                    roles: f.roles.into_iter().collect(),
                    is_contact: f.is_contact,
                };
                Action::Run(request(
                    ctx.client,
                    |c| async move { c.create_person(&new).await },
                    Message::Created,
                ))
            }
            Some(rec) => {
                let p = &rec.person;
                let changed = |a: &str, b: &str| (a != b).then(|| b.to_owned());
                let update = PersonUpdate {
                    version: p.version,
                    last_name: changed(&p.last_name, &f.last_name),
                    first_name: changed(&p.first_name, &f.first_name),
                    user_id: changed(&p.user_id, &f.user_id),
                    email: changed(&p.email, &f.email),
                    phone: changed(p.phone.as_deref().unwrap_or(""), &f.phone),
                    level: f.level.filter(|lv| *lv != p.level),
                    language: f.language.filter(|lang| *lang != p.language),
                    is_contact: (f.is_contact != p.is_contact).then_some(f.is_contact),
                };
                let roles: Vec<String> = f.roles.iter().cloned().collect();
                let (id, roles_changed) = (p.id, roles != p.roles);
                let links = self.link_changes();
                let c = ctx.client.clone();
                Action::Run(Task::perform(
                    async move {
                        let mut rec = c.update_person(id, &update).await?;
                        if roles_changed {
                            rec = c.update_roles(id, &roles).await?;
                        }
                        super::under_charge::save_links(&c, id, links, rec).await
                    },
                    Message::Saved,
                ))
            }
        }
    }
}
