//! Reading an import workbook (.xlsx, .ods, .xls): the sheet named like the template, else the
//! first, with each cell as the text a person sees in it.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};
use sesame_core::api::import::{
    FileFormat, ImportFileError, ImportRow, Reading, Record, WorkbookKind, read_csv, rows_of,
    sheet_name,
};
use sesame_core::domain::Language;

const MAX_COLUMNS: u32 = 255;

/// Whether the bytes are a workbook rather than text: a ZIP archive (.xlsx, .ods) or an OLE
/// compound file (.xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// An import file of any kind the import takes: a workbook, else CSV text.
pub fn read_import(bytes: &[u8]) -> Result<(Vec<ImportRow>, Reading), ImportFileError> {
    if is_workbook(bytes) {
        read_workbook(bytes)
    } else {
        read_csv(bytes)
    }
}

fn read_workbook(bytes: &[u8]) -> Result<(Vec<ImportRow>, Reading), ImportFileError> {
    let unreadable = |e: &dyn std::fmt::Display| ImportFileError::Workbook {
        reason: e.to_string(),
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let kind = match &book {
        Sheets::Xls(_) => WorkbookKind::Xls,
        Sheets::Xlsx(_) | Sheets::Xlsb(_) => WorkbookKind::Xlsx,
        Sheets::Ods(_) => WorkbookKind::Ods,
    };
    let names = book.sheet_names();
    let templates = Language::ALL.map(sheet_name);
    let sheet = names
        .iter()
        .find(|n| templates.iter().any(|t| n.trim().eq_ignore_ascii_case(t)))
        .or(names.first())
        .cloned()
        .ok_or_else(|| unreadable(&"no sheet"))?;
    let range = book.worksheet_range(&sheet).map_err(|e| unreadable(&e))?;
    // Only .xlsx says how numbers are shown; elsewhere a number reads as its value.
    let styles = match &mut book {
        Sheets::Xlsx(x) => x.worksheet_style(&sheet).ok(),
        _ => None,
    };
    let format_of = |row: u32, col: u32| -> Option<String> {
        let style = styles.as_ref()?.get((row, col))?;
        Some(style.number_format.as_ref()?.format_code.clone())
    };
    let (range, format_of) = (&range, &format_of);
    let records = range.end().into_iter().flat_map(|(last_row, last_col)| {
        // A stray cell far to the right would make every line that wide: no import file has
        // more columns than this.
        let last_col = last_col.min(MAX_COLUMNS);
        (0..=last_row).map(move |r| {
            let cells = (0..=last_col)
                .map(|c| match range.get_value((r, c)) {
                    Some(value) => shown(value, format_of(r, c).as_deref()),
                    None => String::new(),
                })
                .collect();
            Ok::<Record, ImportFileError>((r + 1, cells))
        })
    });
    let rows = rows_of(records)?;
    let reading = Reading {
        format: FileFormat::Workbook { kind, sheet },
        lossy_lines: vec![],
    };
    Ok((rows, reading))
}

/// A cell as the spreadsheet shows it: numbers without a trailing ".0" and with the leading
/// zeros or fixed text their format adds (a phone number kept as a number), dates in ISO 8601.
fn shown(value: &Data, format: Option<&str>) -> String {
    match value {
        Data::String(s) => s.clone(),
        Data::Int(i) => integer(*i, format),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => integer(*f as i64, format),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.into(),
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

/// An integer through a number format made of digit placeholders (`0` shows a digit even when
/// it is a leading zero, `#` only a significant one) and literal text (quoted, escaped with
/// `\`, or among ` +-()./`): "0000000000" shows 612345678 as "0612345678", `"+33 "0 00 00 00 00`
/// as "+33 6 12 34 56 78". Any other format shows the plain integer.
fn integer(value: i64, format: Option<&str>) -> String {
    let plain = value.to_string();
    let Some(format) = format.and_then(|f| f.split(';').next()) else {
        return plain;
    };
    let Some(parts) = parse_format(format) else {
        return plain;
    };
    let slots = parts.iter().filter(|p| matches!(p, Part::Digit(_))).count();
    if slots == 0 || value < 0 {
        return plain;
    }
    // Digits fill the placeholders from the right; extra digits go to the first placeholder.
    let digits: Vec<char> = plain.chars().collect();
    let spare = digits.len().saturating_sub(slots);
    let mut out = String::new();
    let mut slot = 0;
    for part in &parts {
        match part {
            Part::Literal(t) => out.push_str(t),
            Part::Digit(zero) => {
                let from_right = slots - slot;
                slot += 1;
                if slot == 1 && spare > 0 {
                    out.extend(&digits[..=spare]);
                } else if from_right <= digits.len() {
                    out.push(digits[digits.len() - from_right]);
                } else if *zero {
                    out.push('0');
                }
            }
        }
    }
    out.trim().to_owned()
}

enum Part {
    Literal(String),
    /// `true` for `0` (always shown), `false` for `#`.
    Digit(bool),
}

/// The parts of a format made only of placeholders and literal text (`None` otherwise: a
/// date, a fraction, a percentage…).
fn parse_format(format: &str) -> Option<Vec<Part>> {
    let mut parts = vec![];
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        match c {
            '0' => parts.push(Part::Digit(true)),
            '#' => parts.push(Part::Digit(false)),
            '"' => {
                let literal: String = chars.by_ref().take_while(|c| *c != '"').collect();
                parts.push(Part::Literal(literal));
            }
            '\\' => parts.push(Part::Literal(chars.next()?.to_string())),
            ' ' | '+' | '-' | '(' | ')' | '.' | '/' => parts.push(Part::Literal(c.to_string())),
            _ => return None,
        }
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sheet::{Cell, Column, Kind, Sheet, xlsx};
    use sesame_core::api::import::ImportColumn;

    /// A workbook as an office keeps its staff list: a first sheet of notes, then the people,
    /// with phone numbers typed as numbers under a format that keeps their leading zero.
    fn staff_workbook() -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().set_name("Notes").unwrap();
        let ws = book.add_worksheet();
        ws.set_name("Personnes").unwrap();
        let header = [
            "Nom",
            "Prénom",
            "Identifiant",
            "Courriel",
            "Téléphone",
            "Niveau",
        ];
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        let zeros = rust_xlsxwriter::Format::new().set_num_format("0000000000");
        let rows = [
            ("Öztürk", "Şükrü", "s.ozturk"),
            ("Nguyễn", "Thị Ánh", "t.nguyen"),
        ];
        for (r, (last, first, id)) in rows.iter().enumerate() {
            let r = r as u32 + 2; // a blank line between header and people
            ws.write_string(r, 0, *last).unwrap();
            ws.write_string(r, 1, *first).unwrap();
            ws.write_string(r, 2, *id).unwrap();
            ws.write_string(r, 3, format!("{id}@example.org")).unwrap();
            ws.write_number_with_format(r, 4, 612345678.0, &zeros)
                .unwrap();
            ws.write_number(r, 5, 3.0).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn the_people_sheet_is_read_with_numbers_as_shown() {
        let (rows, reading) = read_import(&staff_workbook()).unwrap();
        assert_eq!(
            reading.format,
            FileFormat::Workbook {
                kind: WorkbookKind::Xlsx,
                sheet: "Personnes".into()
            }
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3, "the sheet's own row numbers");
        assert_eq!(rows[0].first_name.as_deref(), Some("Şükrü"));
        assert_eq!(rows[1].last_name.as_deref(), Some("Nguyễn"));
        assert_eq!(rows[1].phone.as_deref(), Some("0612345678"));
        assert_eq!(rows[1].level.as_deref(), Some("3"));
    }

    #[test]
    fn an_exported_template_reads_back_and_a_damaged_one_is_named() {
        let columns = ImportColumn::ALL
            .iter()
            .map(|c| Column {
                title: c.header(Language::En).into(),
                kind: Kind::Text,
            })
            .collect();
        let mut row = vec![Cell::Empty; 10];
        row[0] = Cell::Text("Tremblay".into());
        row[2] = Cell::Text("007".into());
        row[3] = Cell::Text("t@example.org".into());
        row[5] = Cell::Number(2.0);
        let sheet = Sheet {
            name: "People".into(),
            columns,
            rows: vec![row],
        };
        let bytes = xlsx(&sheet).unwrap();
        let (rows, _) = read_import(&bytes).unwrap();
        assert_eq!(rows[0].user_id.as_deref(), Some("007"));
        assert_eq!(rows[0].level.as_deref(), Some("2"));
        assert_eq!(rows[0].phone.as_deref(), Some(""));
        let damaged = &bytes[..bytes.len() / 2];
        assert!(matches!(
            read_import(damaged),
            Err(ImportFileError::Workbook { .. })
        ));
    }

    #[test]
    fn integers_show_through_their_format() {
        assert_eq!(integer(612345678, Some("0000000000")), "0612345678");
        assert_eq!(
            integer(612345678, Some("\"+33 \"0 00 00 00 00")),
            "+33 6 12 34 56 78"
        );
        assert_eq!(
            integer(4185550100, Some("(###) ###-####")),
            "(418) 555-0100"
        );
        assert_eq!(integer(42, Some("General")), "42");
        assert_eq!(integer(42, Some("0.00%")), "42");
        assert_eq!(integer(123456, Some("000")), "123456");
        assert_eq!(integer(7, None), "7");
    }
}
