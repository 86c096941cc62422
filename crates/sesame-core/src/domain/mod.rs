//! Types and rules of the product, with no I/O: the one place where "who may do what" is decided.

mod account;
pub mod address;
mod audit;
mod folding;
pub mod rules;
mod scope;
mod secret;
mod structure;
mod text;

pub use account::{AccountKind, Language, Level, Status, validate_user_code, validate_user_id};
pub use audit::{AuditAction, ContactPurpose};
pub use folding::fold_for_search;
pub use scope::Scope;
pub use secret::{
    PASSWORD_LENGTH, acceptable_password, generate_passphrase, generate_password, generate_token,
    long_enough_password,
};
pub use structure::{StructureKind, creates_cycle};
pub use text::{FieldError, normalize_email, required_text, sort_key};
