//! The user follow-up as CSV: the rows as shown, columns in the user's language.

use super::role_names;
use super::rows::{RoleSets, Row};
use crate::locale::Locale;
use sesame_core::api::Role;

/// Rows as CSV for the reader's spreadsheet (see `spreadsheet`). Runs off the update loop
/// (100,000 rows take a while).
pub(super) fn csv(l: Locale, catalogue: &[Role], sets: &RoleSets, rows: &[Row]) -> Vec<u8> {
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
            p.last_name().to_owned(),
            p.first_name().to_owned(),
            p.user_id().to_owned(),
            p.phone().to_owned(),
            l.level(p.level),
            p.email().to_owned(),
            role_names(l, catalogue, sets.get(p.roles)),
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
