//! One module per screen: each has its own state, `Message`, an `update` that returns an
//! `Action` for the app, and a `view`.

pub mod acting;
pub mod asking;
pub mod audit;
pub mod contacts;
pub mod credential;
pub mod credential_health;
mod effect;
pub mod home;
pub mod import;
pub mod my_account;
pub mod outbox;
pub mod password_change;
pub mod people;
pub mod person;
pub mod roles;
pub mod service_users;
pub mod sign_in;
pub mod start;
pub mod structures;

pub use effect::Effect;

use crate::locale::Locale;
use iced::Task;
use sesame_client::{Client, ClientError};
use sesame_core::api::{Me, Role};

/// The questions the app asks every screen the same way, so that it never reaches inside one.
pub trait Questions {
    /// What the window's title names: this screen, in the language shown.
    fn title(&self, l: Locale) -> String;
    /// Forgets the messages on screen: written in a language being left, or before the session
    /// ended.
    fn clear_notice(&mut self);
    /// How many messages the screen shows (each above what it is about): when one goes, what
    /// was under it moves up, and the app keeps the focused control in sight.
    fn notices(&self) -> usize;
    /// Whether leaving now would lose something typed (`me`: who is signed in, as stored): the
    /// app then lets the screen ask first.
    fn unsaved(&self, _me: &Me) -> bool {
        false
    }
}

/// The signed-in session, owned by the app: the client carrying the session token, who is
/// signed in (with the rights the server computed) and the roles catalogue.
pub struct Session {
    pub client: Client,
    pub me: Me,
    pub roles: Vec<Role>,
}

impl Session {
    /// What a screen reads of the session, in the language shown.
    pub fn ctx(&self, locale: Locale) -> Ctx<'_> {
        Ctx {
            locale,
            client: &self.client,
            me: &self.me,
            roles: &self.roles,
            compact: false,
        }
    }
}

/// What every signed-in screen is handed, the same way for all of them: the language and a
/// borrowed view of the `Session`.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub locale: Locale,
    pub client: &'a Client,
    pub me: &'a Me,
    pub roles: &'a [Role],
    /// The window is small for the interface's size (a large scale): what stands side by side
    /// is stacked, and the screen scrolls as one page.
    pub compact: bool,
}

/// What a document says about a password's life and its issuer: the expiry dates, the
/// server address when it is a shared one (the embedded server on loopback needs none), and
/// the signed-in administrator, who issues it.
pub fn handover(
    ctx: Ctx<'_>,
    validity: &sesame_core::api::PasswordValidity,
) -> sesame_documents::Handover {
    let base = ctx.client.base().trim_end_matches('/');
    let local = ["://127.0.0.1", "://localhost", "://[::1]"]
        .iter()
        .any(|l| base.contains(l));
    sesame_documents::Handover {
        expires_at: validity.password_expires_at,
        previous_until: validity.previous_password_until,
        server_address: (!local).then(|| base.to_owned()),
        issued_by: Some(sesame_documents::Issuer {
            name: format!("{} {}", ctx.me.first_name, ctx.me.last_name)
                .trim()
                .to_owned(),
            email: ctx.me.email.clone().unwrap_or_default(),
        }),
    }
}

/// The credential letter of a person whose password is on screen, in their language.
pub fn credential_letter(
    ctx: Ctx<'_>,
    p: &sesame_core::api::PersonSummary,
    password: &str,
) -> sesame_documents::CredentialLetter {
    sesame_documents::CredentialLetter {
        organization_name: ctx.me.organization.name.clone(),
        organization_code: ctx.me.organization.code.clone(),
        login: p.user_id.clone(),
        password: password.to_owned(),
        holder: sesame_documents::Holder::Person {
            name: format!("{} {}", p.first_name, p.last_name)
                .trim()
                .to_owned(),
        },
        language: p.language,
        date: time::OffsetDateTime::now_utc(),
        handover: handover(ctx, &sesame_core::api::PasswordValidity::default()),
    }
}

/// A request to the server on the session's client, its answer coming back as `done`.
pub fn request<T, F, M>(
    client: &Client,
    call: impl FnOnce(Client) -> F,
    done: impl FnOnce(Result<T, ClientError>) -> M + Send + 'static,
) -> Task<M>
where
    F: Future<Output = Result<T, ClientError>> + Send + 'static,
    T: Send + 'static,
    M: Send + 'static,
{
    Task::perform(call(client.clone()), done)
}

/// Every field a refusal of the server names, each with why in the person's language, for
/// the form to show them all beside their fields at once.
pub fn refused_fields(e: &ClientError, l: crate::locale::Locale) -> Vec<(String, String)> {
    let ClientError::Api { error, .. } = e else {
        return vec![];
    };
    if error.errors.is_empty() {
        // A server before lists of fields names one field at most.
        return error
            .field
            .iter()
            .map(|f| (f.clone(), l.api_error(error)))
            .collect();
    }
    error
        .errors
        .iter()
        .map(|issue| (issue.field.clone(), l.field_code(&issue.code)))
        .collect()
}

/// A key the app listens for on every screen; each screen says what it means there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Ctrl+F.
    Find,
    /// Ctrl+N.
    New,
    /// Ctrl+S.
    Save,
    /// Enter, when no control took it.
    Confirm,
    /// Esc.
    Cancel,
    FocusNext,
    FocusPrevious,
    /// F1.
    About,
    /// The arrows, when no control took them: the current row of a list.
    Up,
    Down,
    /// The Menu key or Shift+F10: the current row's options.
    Options,
}

/// The screens one opens from the banner or from "Your file".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Home,
    People,
    MyAccount,
    ServiceUsers,
    Structures,
    Outbox,
    Roles,
    Contacts,
    Audit,
}

#[cfg(test)]
mod tests {
    use super::*;
    use sesame_core::api::{ErrorCode, ErrorDetail, FieldIssue};
    use sesame_core::domain::Language;

    #[test]
    fn every_refused_field_is_read_by_its_code() {
        let issue = |field: &str, code: &str| FieldIssue {
            field: field.into(),
            code: code.into(),
            message: "in the server's words".into(),
        };
        let e = ClientError::Api {
            status: 422,
            error: Box::new(ErrorDetail {
                code: ErrorCode::InvalidField,
                field: Some("email".into()),
                reason: Some("invalid_email".into()),
                message: String::new(),
                current_version: None,
                retry_after: None,
                errors: vec![
                    issue("email", "invalid_email"),
                    issue("user_id", "duplicate_user_id"),
                ],
                held_by: None,
                refused: vec![],
            }),
        };
        let fr = crate::locale::Locale::new(Language::Fr);
        assert_eq!(
            refused_fields(&e, fr),
            [
                ("email".to_owned(), fr.t("reason-invalid_email")),
                ("user_id".to_owned(), fr.t("error-duplicate_user_id")),
            ]
        );
    }
}
