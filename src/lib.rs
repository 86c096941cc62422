//! Sesame: manage an organization's user accounts and API-only service accounts, and hand
//! credentials over as PDF letters.
//!
//! Layers: [`domain`] (rules, no I/O) → [`api`] (wire types) → [`server`] (HTTP, storage,
//! auth, mail) and [`client`] (typed HTTP client); [`i18n`] holds the Fluent texts for both.

pub mod api;
pub mod client;
pub mod documents;
pub mod domain;
pub mod gui;
pub mod i18n;
pub mod server;
