//! Sesame's core, with no I/O: [`domain`] (types and rules: `rules` decides who may do what),
//! [`api`] (the request and response types shared by server and client) and [`i18n`] (the
//! Fluent texts of `i18n/{en,fr}`, for the app, the server's mails and pages, and the documents).

pub mod api;
pub mod certificate;
pub mod domain;
pub mod i18n;
