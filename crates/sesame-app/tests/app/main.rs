//! The app end to end: the real views driven by iced_test, every Task run against the
//! embedded server over HTTP.

mod harness;
mod https;
// PDFs are read back by the same helper as the documents' own tests.
#[path = "../../../sesame-documents/tests/pdf/mod.rs"]
mod pdf;

mod accessibility;
mod audit;
mod backups;
mod collaboration;
mod credentials;
mod follow_up;
mod import;
mod keyboard;
mod large_list;
mod leavers;
mod presets;
mod printing;
mod provisioning;
mod reach;
mod record;
mod structures;
