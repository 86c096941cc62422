//! The user follow-up as CSV: the rows as shown, columns in the user's language.

use super::role_names;
use crate::locale::Locale;
use sesame_core::api::{PersonSummary, Role};

/// Rows as CSV for the reader's spreadsheet (see `spreadsheet`). Runs off the update loop
/// (100,000 rows take a while).
pub fn csv(l: Locale, catalogue: &[Role], rows: &[PersonSummary]) -> Vec<u8> {
    let header = [
        "column-last-name",
        "column-first-name",
        "column-user-id",
        "column-phone",
        "column-level",
        "column-email",
        "column-roles",
        "column-status",
        "column-two-factor",
    ];
    let rows = rows.iter().map(|p| {
        vec![
            p.last_name.clone(),
            p.first_name.clone(),
            p.user_id.clone(),
            p.phone.clone().unwrap_or_default(),
            l.level(p.level),
            p.email.clone(),
            role_names(l, catalogue, &p.roles),
            l.status(p.status),
            l.t(if p.two_factor {
                "value-yes"
            } else {
                "value-no"
            }),
        ]
    });
    crate::spreadsheet::csv(l, &header, rows)
}
