//! What the first screen does with each message: the embedded server started and counted, the
//! demo or a first organization made there, or a remote server reached.

use std::sync::Arc;

use iced::Task;

use super::{Action, Connected, FormField, Message, Mode, Start, setup_error};
use crate::locale::Locale;
use sesame_client::Client;
use sesame_server::setup::{self, FirstOrganization, SetupError};
use sesame_server::{Db, demo};

impl Start {
    pub fn update(&mut self, message: Message, locale: Locale) -> Action {
        match message {
            Message::SharedServer => {
                self.mode = Mode::Remote;
                self.error = None;
                Action::None
            }
            Message::Back => {
                self.mode = Mode::Choose;
                self.question = None;
                self.error = None;
                self.field_errors.clear();
                Action::None
            }
            Message::UrlChanged(u) | Message::ServerPicked(u) => {
                self.url = u;
                Action::None
            }
            Message::Connect
            | Message::Reached(_)
            | Message::TrustCertificate
            | Message::AcceptPlainHttp
            | Message::Decline
            | Message::CompareNew => self.on_remote(message, locale),
            Message::ThisComputer
            | Message::Started(_)
            | Message::Counted(_)
            | Message::OpenDemo
            | Message::DemoReady(_) => self.on_this_computer(message, locale),
            _ => self.on_create_organization(message, locale),
        }
    }

    /// "This computer": the embedded server starts, then an organization is there already (on
    /// to sign-in) or it is the first use (the demo, or one's own organization).
    fn on_this_computer(&mut self, message: Message, locale: Locale) -> Action {
        match message {
            Message::ThisComputer => {
                self.mode = Mode::Starting;
                self.error = None;
                if self.embedded.is_some() {
                    return self.count();
                }
                let url = self.places.database_url();
                let data = self.places.data.clone();
                let config = self.places.embedded_config();
                Action::Run(Task::perform(
                    async move {
                        std::fs::create_dir_all(&data)
                            .map_err(|e| format!("{}: {e}", data.display()))?;
                        sesame_server::start(&url, "127.0.0.1:0", config)
                            .await
                            .map(Arc::new)
                    },
                    Message::Started,
                ))
            }
            Message::Started(Ok(running)) => {
                self.embedded = Some(running);
                self.count()
            }
            Message::Started(Err(e)) | Message::Counted(Err(e)) => self.embedded_failed(&e, locale),
            Message::DemoReady(Err(e)) => self.embedded_failed(&setup_error(locale, &e), locale),
            Message::Counted(Ok(0)) => {
                self.mode = Mode::FirstUse;
                Action::None
            }
            Message::Counted(Ok(_)) => {
                self.mode = Mode::Choose;
                self.connected("", "", "")
            }
            Message::OpenDemo => {
                let Some(db) = self.db() else {
                    return Action::None;
                };
                self.busy = true;
                Action::Run(Task::perform(
                    async move { demo::demo(&db).await.map(|_| ()) },
                    Message::DemoReady,
                ))
            }
            Message::DemoReady(Ok(())) => {
                self.busy = false;
                self.connected(demo::DEMO_CODE, "demo", demo::DEMO_PASSWORD)
            }
            _ => Action::None,
        }
    }

    /// The embedded server could not start or answer: back to the choice, saying why.
    fn embedded_failed(&mut self, reason: &str, locale: Locale) -> Action {
        self.mode = Mode::Choose;
        self.busy = false;
        self.error = Some(locale.t_with("start-embedded-failed", &[("reason", reason)]));
        Action::None
    }

    /// The first organization and its first level-1 user, whose temporary password is shown
    /// once before sign-in.
    fn on_create_organization(&mut self, message: Message, locale: Locale) -> Action {
        match message {
            Message::ShowCreate => {
                self.form.language.get_or_insert(locale.language);
                self.mode = Mode::CreateOrganization;
            }
            Message::Form(field, value) => {
                let f = &mut self.form;
                match field {
                    FormField::Code => f.code = value.to_uppercase(),
                    FormField::Name => f.name = value,
                    FormField::UserId => f.user_id = value,
                    FormField::LastName => f.last_name = value,
                    FormField::FirstName => f.first_name = value,
                    FormField::Email => f.email = value,
                }
            }
            Message::FormLanguage(l) => self.form.language = Some(l),
            Message::FormPublicService(b) => self.form.public_service = b,
            Message::Create => return self.create(locale),
            Message::Created(Ok(password)) => {
                self.busy = false;
                self.mode = Mode::Created {
                    code: self.form.code.trim().to_uppercase(),
                    user_id: self.form.user_id.trim().to_owned(),
                    password,
                };
            }
            Message::Created(Err(e)) => {
                self.busy = false;
                self.error = Some(setup_error(locale, &e));
                self.field_errors = match &e {
                    SetupError::InvalidFields(fields) => fields
                        .iter()
                        .map(|f| (f.field.clone(), locale.field_error(f)))
                        .collect(),
                    _ => vec![],
                };
            }
            Message::CopyPassword => {
                if let Mode::Created { password, .. } = &self.mode {
                    return Action::Copy(password.clone());
                }
            }
            Message::ContinueToSignIn => {
                let Mode::Created { code, user_id, .. } =
                    std::mem::replace(&mut self.mode, Mode::Choose)
                else {
                    return Action::None;
                };
                // The temporary password is forgotten here: it was shown once.
                return self.connected(&code, &user_id, "");
            }
            _ => {}
        }
        Action::None
    }

    fn create(&mut self, locale: Locale) -> Action {
        let Some(db) = self.db() else {
            return Action::None;
        };
        let f = self.form.clone();
        let first = FirstOrganization {
            code: f.code,
            name: f.name,
            language: f.language.unwrap_or(locale.language),
            public_service: f.public_service,
            user_id: f.user_id,
            last_name: f.last_name,
            first_name: f.first_name,
            email: f.email,
        };
        self.busy = true;
        self.error = None;
        self.field_errors.clear();
        Action::Run(Task::perform(
            async move { setup::create_organization(&db, &first).await },
            Message::Created,
        ))
    }

    fn count(&mut self) -> Action {
        let Some(db) = self.db() else {
            return Action::None;
        };
        Action::Run(Task::perform(
            async move {
                let mut c = db.read().await.map_err(|e| e.to_string())?;
                c.organization_count().await.map_err(|e| e.to_string())
            },
            Message::Counted,
        ))
    }

    fn client(&self) -> Option<Client> {
        self.embedded.as_ref().map(|r| Client::new(&r.url()))
    }

    fn connected(&self, organization: &str, user_id: &str, password: &str) -> Action {
        match self.client() {
            Some(client) => Action::Own(Connected {
                client,
                server: None,
                pinned: None,
                embedded: self.embedded.clone(),
                organization: organization.into(),
                user_id: user_id.into(),
                password: password.into(),
            }),
            None => Action::None,
        }
    }

    /// The embedded server's database, once started.
    fn db(&self) -> Option<Db> {
        self.embedded.as_ref().map(|r| r.db.clone())
    }
}
