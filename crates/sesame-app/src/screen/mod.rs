//! One module per screen: each has its own state, `Message`, an `update` that returns an
//! `Action` for the app, and a `view`.

pub mod audit;
pub mod contacts;
pub mod home;
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

use crate::locale::Locale;
use sesame_client::Client;
use sesame_core::api::{Me, Role};

/// What every signed-in screen may read: the language, the client (with the session token),
/// the signed-in person and the roles catalogue.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub locale: Locale,
    pub client: &'a Client,
    pub me: &'a Me,
    pub roles: &'a [Role],
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
    }
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
