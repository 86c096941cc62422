//! The user follow-up's columns, defined once: each column's title, share of the width, sort,
//! how a row shows in it and what the CSV export writes for it. The header, the rows, the
//! export and the sortable columns are all read from [`COLUMNS`]; adding a column is a line
//! here (with its text in `i18n`, and its field in the wire type).

use super::role_names;
use super::rows::{RoleSets, Row};
use crate::locale::Locale;
use crate::spreadsheet::{Cell, Kind, Sheet};
use sesame_core::api::{PeopleSort, Role};

/// What a column shows of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    /// Last and first name, or the email of someone invited without a name.
    Name,
    UserId,
    Phone,
    Level,
    Email,
    Roles,
    /// The status badge (with "link closed" for a withdrawn invitation).
    Status,
    /// The 2FA shield.
    TwoFactor,
}

pub(super) struct Column {
    /// The title's text key.
    pub title: &'static str,
    /// A click on its title sorts by it.
    pub sort: Option<PeopleSort>,
    pub content: Content,
    /// The CSV's columns for it (title keys), when not one under its own title: the name in
    /// two, as a spreadsheet sorts and merges it.
    pub csv: Option<&'static [&'static str]>,
}

pub(super) const COLUMNS: [Column; 8] = [
    Column {
        title: "column-name",
        sort: Some(PeopleSort::Name),
        content: Content::Name,
        csv: Some(&["column-last-name", "column-first-name"]),
    },
    column("column-user-id", Some(PeopleSort::UserId), Content::UserId),
    column("column-phone", Some(PeopleSort::Phone), Content::Phone),
    column("column-level", Some(PeopleSort::Level), Content::Level),
    column("column-email", Some(PeopleSort::Email), Content::Email),
    column("column-roles", None, Content::Roles),
    column("column-status", Some(PeopleSort::Status), Content::Status),
    column("column-two-factor", None, Content::TwoFactor),
];

/// A column written as one CSV column under its own title.
const fn column(title: &'static str, sort: Option<PeopleSort>, content: Content) -> Column {
    Column {
        title,
        sort,
        content,
        csv: None,
    }
}

/// What the reader's language needs to write a row's values.
#[derive(Clone, Copy)]
pub(super) struct Values<'a> {
    pub l: Locale,
    pub catalogue: &'a [Role],
    pub sets: &'a RoleSets,
}

impl Content {
    /// The row's value as text: what the list shows, or (for the name) what it shows when the
    /// names are empty.
    pub fn text(self, p: &Row, v: Values<'_>) -> String {
        let l = v.l;
        match self {
            Content::Name => super::view::name_shown(p.last_name(), p.first_name(), p.email()),
            Content::UserId => p.user_id().to_owned(),
            Content::Phone => p.phone().to_owned(),
            Content::Level => l.level(p.level),
            Content::Email => p.email().to_owned(),
            Content::Roles => role_names(l, v.catalogue, v.sets.get(p.roles)),
            Content::Status => l.status(p.status),
            Content::TwoFactor => l.t(if p.two_factor {
                "value-yes"
            } else {
                "value-no"
            }),
        }
    }

    /// Its values in the CSV, one for each of the column's CSV titles.
    fn csv(self, p: &Row, v: Values<'_>) -> Vec<String> {
        match self {
            Content::Name => vec![p.last_name().to_owned(), p.first_name().to_owned()],
            _ => vec![self.text(p, v)],
        }
    }
}

/// How many columns sort the list.
pub(super) const SORTABLE: usize = {
    let (mut i, mut n) = (0, 0);
    while i < COLUMNS.len() {
        if COLUMNS[i].sort.is_some() {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The columns that sort the list, in the table's order.
pub(super) const SORTS: [PeopleSort; SORTABLE] = {
    let mut out = [PeopleSort::Name; SORTABLE];
    let (mut i, mut n) = (0, 0);
    while i < COLUMNS.len() {
        if let Some(sort) = COLUMNS[i].sort {
            out[n] = sort;
            n += 1;
        }
        i += 1;
    }
    out
};

/// Rows for the reader's spreadsheet (see `spreadsheet`), one or two columns for each column
/// of the list, all text (a phone number or user ID keeps its leading zeros). Runs off the
/// update loop (100,000 rows take a while).
pub(super) fn sheet(v: Values<'_>, rows: &[Row]) -> Sheet {
    let header: Vec<&str> = COLUMNS
        .iter()
        .flat_map(|c| {
            c.csv
                .unwrap_or(std::slice::from_ref(&c.title))
                .iter()
                .copied()
        })
        .collect();
    let columns: Vec<(&str, Kind)> = header.into_iter().map(|h| (h, Kind::Text)).collect();
    let rows = rows.iter().map(|p| {
        COLUMNS
            .iter()
            .flat_map(|c| c.content.csv(p, v))
            .map(Cell::Text)
            .collect::<Vec<Cell>>()
    });
    crate::spreadsheet::sheet(v.l, "people-sheet", &columns, rows)
}

/// The sheet with no one in it (the worker making it stopped).
pub(super) fn sheet_of_none(l: Locale) -> Sheet {
    let values = Values {
        l,
        catalogue: &[],
        sets: &RoleSets::default(),
    };
    sheet(values, &[])
}

/// The room shared among columns that need `needs`: each gets what it needs when all fit (and
/// the rest evenly); otherwise the columns needing little get it whole, and the others one
/// same width, so that no column is cut while another has room to spare.
pub(super) fn share(needs: &[f32], room: f32) -> Vec<f32> {
    let total: f32 = needs.iter().sum();
    if total <= room {
        let extra = (room - total) / needs.len().max(1) as f32;
        return needs.iter().map(|n| n + extra).collect();
    }
    let mut sorted = needs.to_vec();
    sorted.sort_by(f32::total_cmp);
    let (mut left, mut count) = (room, sorted.len());
    let mut level = 0.0;
    for need in sorted {
        if need * count as f32 <= left {
            left -= need;
            count -= 1;
        } else {
            level = left / count as f32;
            break;
        }
    }
    needs.iter().map(|n| n.min(level)).collect()
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn short_columns_show_whole_and_long_ones_share_the_rest() {
        assert_eq!(share(&[10.0, 50.0, 100.0], 190.0), vec![20.0, 60.0, 110.0]);
        assert_eq!(share(&[10.0, 50.0, 100.0], 100.0), vec![10.0, 45.0, 45.0]);
        assert_eq!(share(&[10.0, 50.0, 100.0], 0.0), vec![0.0, 0.0, 0.0]);
    }
}
