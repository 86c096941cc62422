//! The API suite: the real server over real HTTP, on SQLite (and PostgreSQL when
//! SESAME_TEST_POSTGRES_URL is set), one module per resource.

mod support;

mod auth;
mod backup;
mod catalogue_and_contacts;
mod contract;
mod credential_reminders;
mod credential_rotation;
mod credentials;
mod document_settings;
mod errors;
mod headers;
mod https;
mod import;
mod import_crash;
mod list_sessions;
mod listing;
mod lockout;
mod mail_and_invitations;
mod observability;
mod offered_actions;
mod organization_and_audit;
mod people;
mod people_passwords;
mod provisioning_token;
mod reach;
mod rule_matrix;
mod scim;
mod scim_providers;
mod search;
mod search_index;
mod secrets;
mod service_accounts;
mod structures;
mod suspension;
