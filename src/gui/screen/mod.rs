//! One module per screen: each has its own state, `Message`, an `update` that returns an
//! `Action` for the app, and a `view`.

pub mod home;
pub mod my_account;
pub mod password_change;
pub mod people;
pub mod person;
pub mod sign_in;
pub mod start;

use crate::api::{Me, Role};
use crate::client::Client;
use crate::gui::locale::Locale;

/// What every signed-in screen may read: the language, the client (with the session token),
/// the signed-in person and the roles catalogue.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub locale: Locale,
    pub client: &'a Client,
    pub me: &'a Me,
    pub roles: &'a [Role],
}
