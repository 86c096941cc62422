//! Structures: the tree, a structure's page (name, primary manager, "Connected users" with its
//! technical user), creating the technical user (input screen → summary with the credentials
//! once → export of the connection information) and resetting its password.

mod connected;
mod edit;
mod placement;
mod technical;
mod view;

use iced::Task;

use super::Ctx;
pub use super::service_users::tree_rows;
use crate::widget::Notice;
use sesame_client::ClientError;
use sesame_core::api::{
    ConnectedUsers, CreatedTechnicalUser, ErrorCode, IssuedPassword, Structure, TechnicalUser,
};
use sesame_core::domain::rules::StructureAction;
use sesame_documents::ConnectionInformation;

enum Mode {
    Page,
    /// The input screen before creation.
    Input,
    /// The credentials, once. Closing the summary forgets the password.
    Summary {
        technical: Box<TechnicalUser>,
        password: String,
    },
    ConfirmReset,
    /// A rotation being asked: the grace period typed, in days.
    Rotate {
        grace: String,
    },
}

pub struct Structures {
    structures: Vec<Structure>,
    selected: Option<i64>,
    technical: Option<TechnicalUser>,
    mode: Mode,
    notice: Option<Notice>,
    busy: bool,
    /// The form of a new structure or a new name, in place of the page.
    edit: Option<edit::Form>,
    /// "Remove this structure?" is asked.
    removing: bool,
    /// Choosing the primary manager or the parent, in place of the page.
    placement: Option<placement::Form>,
    /// Who reaches the structure shown.
    connected: Option<ConnectedUsers>,
    /// The health view of the technical users one manages, in place of the page.
    health: Option<crate::screen::credential_health::Health>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<Structure>, ClientError>),
    Select(i64),
    Technical(Result<TechnicalUser, ClientError>),
    CreateTechnical,
    ConfirmCreate,
    Created(Result<CreatedTechnicalUser, ClientError>),
    Export,
    BackToStructure,
    AskReset,
    ConfirmReset,
    /// A new password (reset or rotation) and the technical user as it now is.
    Renewed(Result<(IssuedPassword, TechnicalUser), ClientError>),
    AskRotate,
    GraceDays(String),
    ConfirmRotate,
    EndPrevious,
    OpenHealth,
    Health(crate::screen::credential_health::Message),
    Cancel,
    /// Building the tree (level 1).
    Edit(edit::Message),
    /// Its primary manager and parent (level 1).
    Place(placement::Message),
    Connected(Result<ConnectedUsers, ClientError>),
}

pub type Action = crate::screen::Effect<Message>;

impl Structures {
    pub fn load(ctx: Ctx<'_>) -> (Structures, Task<Message>) {
        let c = ctx.client.clone();
        let s = Structures {
            structures: vec![],
            selected: None,
            technical: None,
            mode: Mode::Page,
            notice: None,
            busy: true,
            edit: None,
            removing: false,
            placement: None,
            connected: None,
            health: None,
        };
        (
            s,
            Task::perform(async move { c.structures().await }, Message::Loaded),
        )
    }

    pub fn shown_password(&self) -> Option<&str> {
        match &self.mode {
            Mode::Summary { password, .. } => Some(password),
            _ => None,
        }
    }

    /// Esc leaves the form or step open (the credentials' summary forgets its password),
    /// Enter saves the manager or parent chosen; in the removal's confirmation, Enter removes
    /// and Esc keeps.
    pub fn on_shortcut(&self, s: super::Shortcut) -> Option<Message> {
        use super::Shortcut;
        if self.removing {
            return match s {
                Shortcut::Confirm => Some(Message::Edit(edit::Message::ConfirmRemove)),
                Shortcut::Cancel => Some(Message::Edit(edit::Message::KeepIt)),
                _ => None,
            };
        }
        match s {
            Shortcut::Cancel if self.edit.is_some() => Some(Message::Edit(edit::Message::Cancel)),
            Shortcut::Cancel if self.placement.is_some() => {
                Some(Message::Place(placement::Message::Cancel))
            }
            Shortcut::Cancel if !matches!(self.mode, Mode::Page) => Some(Message::Cancel),
            Shortcut::Confirm if self.placement.is_some() && !self.busy => {
                Some(Message::Place(placement::Message::Save))
            }
            _ => None,
        }
    }

    /// The selected structure's technical user, as last read.
    pub fn technical(&self) -> Option<&TechnicalUser> {
        self.technical.as_ref()
    }

    /// The health view's accounts as shown, while it is open.
    pub fn health_rows(&self) -> Option<Vec<String>> {
        self.health.as_ref().map(|h| h.shown())
    }

    fn selected(&self) -> Option<&Structure> {
        self.structures.iter().find(|s| Some(s.id) == self.selected)
    }

    /// Whether the server offers `action` on the selected structure.
    fn may(&self, action: StructureAction) -> bool {
        self.selected().is_some_and(|s| s.may(action))
    }

    pub fn update(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        match message {
            Message::Loaded(Ok(list)) => {
                self.busy = false;
                self.structures = list;
            }
            Message::Select(id) => return self.select(id, ctx),
            Message::Edit(m) => return self.on_edit(m, ctx),
            Message::Place(m) => return self.on_place(m, ctx),
            Message::Connected(Ok(c)) => {
                if Some(c.structure.id) == self.selected {
                    self.connected = Some(c);
                }
            }
            Message::Technical(Ok(t)) => self.technical = Some(t),
            Message::Technical(Err(e)) if e.code() == Some(ErrorCode::Forbidden) => {
                self.technical = None
            }
            Message::CreateTechnical => self.mode = Mode::Input,
            Message::ConfirmCreate => {
                if let Some(id) = self.selected {
                    let c = ctx.client.clone();
                    self.busy = true;
                    return Action::Run(Task::perform(
                        async move { c.create_technical_user(id).await },
                        Message::Created,
                    ));
                }
            }
            Message::Created(Ok(created)) => return self.on_created(created, ctx),
            Message::Export => return self.export(ctx),
            // Back on the structure page: the summary and its password are gone.
            Message::BackToStructure | Message::Cancel => self.mode = Mode::Page,
            Message::AskReset => self.mode = Mode::ConfirmReset,
            Message::ConfirmReset
            | Message::Renewed(Ok(_))
            | Message::AskRotate
            | Message::GraceDays(_)
            | Message::ConfirmRotate
            | Message::EndPrevious => return self.on_technical(message, ctx),
            Message::OpenHealth | Message::Health(_) => return self.on_health(message, ctx),
            // Who reaches it could not be read: said, and the page (a password on screen
            // included) stays as it is.
            Message::Connected(Err(e)) => {
                self.notice = Some(Notice::failed(l.error(&e)));
            }
            Message::Loaded(Err(e))
            | Message::Technical(Err(e))
            | Message::Created(Err(e))
            | Message::Renewed(Err(e)) => {
                self.busy = false;
                self.mode = Mode::Page;
                self.notice = Some(Notice::failed(l.error(&e)));
            }
        }
        Action::None
    }

    /// What the page of the structure shown reads: its technical user and who reaches it.
    /// A structure chosen in the tree: its page, read afresh; any form or view in its place
    /// closes.
    fn select(&mut self, id: i64, ctx: Ctx<'_>) -> Action {
        self.selected = Some(id);
        self.edit = None;
        self.placement = None;
        self.health = None;
        self.technical = None;
        self.connected = None;
        self.mode = Mode::Page;
        self.notice = None;
        Action::Run(self.page_tasks(ctx))
    }

    /// The technical user created: its credentials shown once, and who reaches the structure
    /// read again (the new technical user does now).
    fn on_created(&mut self, created: CreatedTechnicalUser, ctx: Ctx<'_>) -> Action {
        self.created(created);
        // The new technical user now reaches the structure too.
        if let Some(id) = self.selected {
            let c = ctx.client.clone();
            return Action::Run(Task::perform(
                async move { c.connected_users(id).await },
                Message::Connected,
            ));
        }
        Action::None
    }

    fn page_tasks(&self, ctx: Ctx<'_>) -> Task<Message> {
        let Some(s) = self.selected() else {
            return Task::none();
        };
        let id = s.id;
        let c = ctx.client.clone();
        let connected = Task::perform(
            async move { c.connected_users(id).await },
            Message::Connected,
        );
        if s.technical_user_id.is_none() {
            return connected;
        }
        let c = ctx.client.clone();
        let technical = Task::perform(
            async move { c.technical_user_of(id).await },
            Message::Technical,
        );
        Task::batch([technical, connected])
    }

    /// After a change: the tree again, and the page of the structure shown.
    fn reload_selected(&self, ctx: Ctx<'_>) -> Action {
        Action::Run(Task::batch([
            placement::reload_task(ctx),
            self.page_tasks(ctx),
        ]))
    }

    /// The structure now has its technical user, whose credentials the summary shows once.
    fn created(&mut self, created: CreatedTechnicalUser) {
        self.busy = false;
        if let Some(s) = self
            .structures
            .iter_mut()
            .find(|s| s.id == created.technical_user.structure_id)
        {
            s.technical_user_id = Some(created.technical_user.id);
        }
        self.technical = Some(created.technical_user.clone());
        self.mode = Mode::Summary {
            technical: Box::new(created.technical_user),
            password: created.password,
        };
    }

    /// The connection information of the summary on screen, in the manager's language.
    fn export(&self, ctx: Ctx<'_>) -> Action {
        let l = ctx.locale;
        let (
            Mode::Summary {
                technical,
                password,
            },
            Some(s),
        ) = (&self.mode, self.selected())
        else {
            return Action::None;
        };
        let manager = technical.primary_manager.clone();
        let info = ConnectionInformation {
            organization_name: ctx.me.organization.name.clone(),
            structure: s.name.clone(),
            organization_code: ctx.me.organization.code.clone(),
            login: technical.user_id.clone(),
            password: password.clone(),
            // The address the organization gives vendors, never this computer's own.
            api_address: ctx.me.organization.api_address.clone(),
            manager_name: manager
                .as_ref()
                .map(|m| format!("{} {}", m.first_name, m.last_name))
                .unwrap_or_default(),
            manager_email: technical.contact_email.clone().unwrap_or_default(),
            created: technical.created_at,
            language: technical.manager_language.unwrap_or(l.language),
            handover: super::handover(ctx, &technical.password),
        };
        let language = info.language;
        let name = sesame_documents::file_name("doc-connection-file", language, &s.name);
        Action::Export {
            info: Box::new(info),
            file: name,
        }
    }
}

impl super::Questions for Structures {
    fn title(&self, l: crate::locale::Locale) -> String {
        l.t("structures-title")
    }

    fn clear_notice(&mut self) {
        self.notice = None;
    }

    fn notices(&self) -> usize {
        usize::from(self.notice.is_some())
    }
}
