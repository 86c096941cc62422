//! Exported tables as the reader's spreadsheet program opens them: an .xlsx workbook (typed
//! cells, a frozen header; see `sesame_documents::sheet`) or CSV in UTF-8 with a byte-order
//! mark (so accents survive) and the separator of the reader's language — `;` in French, where
//! the comma is the decimal mark, `,` in English. Titles and sheet name in the user's language.

use serde::{Deserialize, Serialize};

use crate::locale::Locale;
use sesame_core::domain::Language;
pub use sesame_documents::sheet::{Cell, Column, Kind, Sheet};

/// The kind of file exports are saved as (a setting of this computer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    #[default]
    Xlsx,
    Csv,
}

impl SheetFormat {
    pub const ALL: [SheetFormat; 2] = [SheetFormat::Xlsx, SheetFormat::Csv];

    pub fn extension(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "csv",
        }
    }

    /// The format a file name's extension asks for (`None`: neither).
    pub fn of_name(name: &str) -> Option<SheetFormat> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        SheetFormat::ALL
            .into_iter()
            .find(|f| f.extension() == extension)
    }
}

/// A table to save: the sheet, and the file's name without its extension.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub sheet: Sheet,
    pub file: String,
}

/// A sheet whose name and column titles are text keys.
pub fn sheet(
    l: Locale,
    name: &str,
    columns: &[(&str, Kind)],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> Sheet {
    Sheet {
        name: l.t(name),
        columns: columns
            .iter()
            .map(|(title, kind)| Column {
                title: l.t(title),
                kind: *kind,
            })
            .collect(),
        rows: rows.into_iter().collect(),
    }
}

/// A moment as a date cell on this computer's clock.
pub fn when(at: time::OffsetDateTime) -> Cell {
    let local = at.to_offset(crate::locale::local_offset());
    Cell::When(time::PrimitiveDateTime::new(local.date(), local.time()))
}

/// Text as a cell (an empty text is an empty cell).
pub fn text(t: impl Into<String>) -> Cell {
    Cell::Text(t.into())
}

/// The table's file in `format`.
pub fn bytes(l: Locale, sheet: &Sheet, format: SheetFormat) -> Result<Vec<u8>, String> {
    match format {
        SheetFormat::Xlsx => sesame_documents::sheet::xlsx(sheet),
        SheetFormat::Csv => Ok(csv(l, sheet)),
    }
}

/// The sheet as CSV.
pub fn csv(l: Locale, sheet: &Sheet) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(separator(l.language))
            .from_writer(&mut out);
        let _ = w.write_record(sheet.columns.iter().map(|c| &c.title));
        for row in &sheet.rows {
            let _ = w.write_record(row.iter().map(|c| match c {
                // A decimal in the reader's notation ("2,5" in French).
                Cell::Number(n) => l.decimal(*n),
                other => other.text(),
            }));
        }
        let _ = w.flush();
    }
    out
}

fn separator(language: Language) -> u8 {
    match language {
        Language::Fr => b';',
        Language::En => b',',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(l: Locale, rows: Vec<Vec<Cell>>) -> Sheet {
        sheet(
            l,
            "people-csv-file",
            &[
                ("column-last-name", Kind::Text),
                ("column-phone", Kind::Text),
            ],
            rows,
        )
    }

    #[test]
    fn french_files_separate_with_semicolons_and_quote_what_needs_it() {
        let fr = Locale::new(Language::Fr);
        let row = vec![
            Cell::Text("Tremblay; fils".into()),
            Cell::Text("418 555-0100".into()),
        ];
        let text = String::from_utf8(csv(fr, &people(fr, vec![row]))).unwrap();
        assert_eq!(
            text,
            "\u{feff}Nom;Téléphone\n\"Tremblay; fils\";418 555-0100\n"
        );
        let en = Locale::new(Language::En);
        let row = vec![Cell::Text("A, B".into()), Cell::Empty];
        assert_eq!(
            String::from_utf8(csv(en, &people(en, vec![row]))).unwrap(),
            "\u{feff}Last name,Phone\n\"A, B\",\n"
        );
    }

    #[test]
    fn a_name_says_its_format() {
        assert_eq!(SheetFormat::of_name("a.XLSX"), Some(SheetFormat::Xlsx));
        assert_eq!(SheetFormat::of_name("a.csv"), Some(SheetFormat::Csv));
        assert_eq!(SheetFormat::of_name("a.txt"), None);
    }
}
