//! Spreadsheet workbooks: the .xlsx files exports and the import template are written as
//! (typed cells, a frozen and styled header, columns as wide as their text), and the .xlsx,
//! .ods and .xls workbooks the import reads.

mod read;
mod write;

pub use read::{is_workbook, read_import};
pub use write::xlsx;

/// One cell of an exported sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A date and time on the reader's clock (a real date cell, not text).
    When(time::PrimitiveDateTime),
    Empty,
}

/// What a column holds: text columns are formatted as text, so that what a person types
/// there later (a phone number's leading zero, a user ID of digits) stays as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    When,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub kind: Kind,
}

/// A sheet to write: its name and column titles in the reader's language, and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Cell {
    /// The cell as a CSV file or a screen shows it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::When(w) => format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                w.year(),
                u8::from(w.month()),
                w.day(),
                w.hour(),
                w.minute(),
                w.second()
            ),
            Cell::Empty => String::new(),
        }
    }
}
