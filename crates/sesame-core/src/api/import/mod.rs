//! Importing people from a spreadsheet: the columns (named in English or French), the wire
//! types of `POST /api/v1/people/import`, and the CSV reader in [`csv_file`],
//! shared so the app reads the file exactly as the server documents it.

mod csv_file;
mod values;

pub use csv_file::{
    FileFormat, ImportFileError, Reading, Record, WorkbookKind, parse_csv, read_csv, rows_of,
    sheet_name,
};
pub use values::{parse_language, parse_level, parse_roles, parse_yes_no};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ErrorCode;
use crate::domain::Language;

/// The columns of an import file, in the template's order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ImportColumn {
    LastName,
    FirstName,
    UserId,
    Email,
    Phone,
    Level,
    Roles,
    Language,
    /// The user ID of the person this one is under the charge of.
    UnderChargeOf,
    AlsoContact,
}

impl ImportColumn {
    pub const ALL: [ImportColumn; 10] = [
        ImportColumn::LastName,
        ImportColumn::FirstName,
        ImportColumn::UserId,
        ImportColumn::Email,
        ImportColumn::Phone,
        ImportColumn::Level,
        ImportColumn::Roles,
        ImportColumn::Language,
        ImportColumn::UnderChargeOf,
        ImportColumn::AlsoContact,
    ];

    /// The template's column name in `language`.
    pub fn header(self, language: Language) -> &'static str {
        use ImportColumn as C;
        match (self, language) {
            (C::LastName, Language::En) => "Last name",
            (C::LastName, Language::Fr) => "Nom",
            (C::FirstName, Language::En) => "First name",
            (C::FirstName, Language::Fr) => "Prénom",
            (C::UserId, Language::En) => "User ID",
            (C::UserId, Language::Fr) => "Identifiant",
            (C::Email, Language::En) => "Email",
            (C::Email, Language::Fr) => "Courriel",
            (C::Phone, Language::En) => "Phone",
            (C::Phone, Language::Fr) => "Téléphone",
            (C::Level, Language::En) => "Level",
            (C::Level, Language::Fr) => "Niveau",
            (C::Roles, Language::En) => "Roles",
            (C::Roles, Language::Fr) => "Rôles",
            (C::Language, Language::En) => "Language",
            (C::Language, Language::Fr) => "Langue",
            (C::UnderChargeOf, Language::En) => "Under the charge of",
            (C::UnderChargeOf, Language::Fr) => "Sous la responsabilité de",
            (C::AlsoContact, Language::En) => "Also a contact",
            (C::AlsoContact, Language::Fr) => "Aussi un contact",
        }
    }

    /// Other names people give the column (compared without case, accents or spacing).
    fn aliases(self) -> &'static [&'static str] {
        use ImportColumn as C;
        match self {
            C::LastName => &[
                "last_name",
                "lastname",
                "surname",
                "family name",
                "nom de famille",
            ],
            C::FirstName => &["first_name", "firstname", "given name"],
            C::UserId => &[
                "user_id",
                "userid",
                "login",
                "identifiant utilisateur",
                "code utilisateur",
            ],
            // Hyphens read as spaces: this is also "E-mail".
            C::Email => &[
                "e mail",
                "mail",
                "email address",
                "adresse courriel",
                "adresse e-mail",
            ],
            C::Phone => &["telephone", "tel", "phone number"],
            C::Level => &[],
            C::Roles => &["role"],
            C::Language => &["lang"],
            C::UnderChargeOf => &["under_charge_of", "manager", "responsable"],
            C::AlsoContact => &["also_contact", "contact", "egalement un contact"],
        }
    }

    /// The column a header names, if any.
    pub fn from_header(header: &str) -> Option<ImportColumn> {
        let wanted = fold_header(header);
        ImportColumn::ALL.into_iter().find(|c| {
            Language::ALL
                .iter()
                .map(|l| c.header(*l))
                .chain(c.aliases().iter().copied())
                .any(|name| fold_header(name) == wanted)
        })
    }

    /// Columns every file must have; the others may be left out.
    pub fn required(self) -> bool {
        matches!(
            self,
            ImportColumn::LastName
                | ImportColumn::FirstName
                | ImportColumn::UserId
                | ImportColumn::Email
                | ImportColumn::Level
        )
    }
}

/// Lower case, no accents, single spaces for `_`, `-` and runs of blanks.
fn fold_header(text: &str) -> String {
    crate::domain::fold_for_search(text)
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row of the file, as written: the server reads every value by the same rules as a
/// single creation. A field is absent when the file has no such column (an update then keeps
/// the person's value), and empty when the cell is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportRow {
    /// The row's line in the file (the header is line 1), for the report.
    #[schema(value_type = i64, minimum = 0, maximum = 4294967295_i64)]
    #[serde(deserialize_with = "crate::api::whole::unsigned")]
    pub line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `1`, `2`, `2A` (level 2 with approval) or `3`; also "level 2", "niveau 2 avec approbation".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Role codes separated by `|`, `,` or `;`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<String>,
    /// `fr` or `en` (or the language's name); empty: the organization's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub under_charge_of: Option<String>,
    /// yes/no, oui/non, 1/0, x or empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also_contact: Option<String>,
}

impl ImportRow {
    /// The cell of `column` (absent when the file has no such column).
    pub fn cell(&self, column: ImportColumn) -> Option<&str> {
        use ImportColumn as C;
        match column {
            C::LastName => self.last_name.as_deref(),
            C::FirstName => self.first_name.as_deref(),
            C::UserId => self.user_id.as_deref(),
            C::Email => self.email.as_deref(),
            C::Phone => self.phone.as_deref(),
            C::Level => self.level.as_deref(),
            C::Roles => self.roles.as_deref(),
            C::Language => self.language.as_deref(),
            C::UnderChargeOf => self.under_charge_of.as_deref(),
            C::AlsoContact => self.also_contact.as_deref(),
        }
    }

    pub fn cell_mut(&mut self, column: ImportColumn) -> &mut Option<String> {
        use ImportColumn as C;
        match column {
            C::LastName => &mut self.last_name,
            C::FirstName => &mut self.first_name,
            C::UserId => &mut self.user_id,
            C::Email => &mut self.email,
            C::Phone => &mut self.phone,
            C::Level => &mut self.level,
            C::Roles => &mut self.roles,
            C::Language => &mut self.language,
            C::UnderChargeOf => &mut self.under_charge_of,
            C::AlsoContact => &mut self.also_contact,
        }
    }
}

/// How the people an import creates get their first password.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportDelivery {
    /// Each is invited by email (status `invited`) and chooses a password on the link.
    #[default]
    Invitation,
    /// Each is created active without a password; their letters come from
    /// `POST /people/passwords` with the `created` ids, a batch at a time.
    Letter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportRequest {
    /// Decide every row and report, changing nothing.
    pub dry_run: bool,
    #[serde(default)]
    pub delivery: ImportDelivery,
    /// At least one row (an empty import is refused), at most 20,000.
    #[schema(min_items = 1, max_items = 20000)]
    pub rows: Vec<ImportRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Create,
    /// An existing person (same user ID) whose `changed` columns differ.
    Update,
    /// An existing person the row describes as they are.
    Unchanged,
    Refused,
}

/// Why a row is refused: the column to blame, with the error code (and finer reason) a single
/// creation would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ImportProblem {
    pub column: ImportColumn,
    pub code: ErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ImportRowReport {
    pub line: u32,
    pub user_id: String,
    pub outcome: ImportOutcome,
    /// For an update: the columns that change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<ImportColumn>,
    /// For a refusal: every problem of the row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<ImportProblem>,
    /// After an applied import: the person created or updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ImportTotals {
    pub create: u32,
    pub update: u32,
    pub unchanged: u32,
    pub refused: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    pub delivery: ImportDelivery,
    pub totals: ImportTotals,
    pub rows: Vec<ImportRowReport>,
    /// After an applied import with letters: the people created, for `POST /people/passwords`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub created: Vec<i64>,
}

/// The most rows one import takes.
pub const IMPORT_ROW_LIMIT: usize = 20_000;
