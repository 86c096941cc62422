//! The import file: CSV as Excel and LibreOffice write it (UTF-8 with or without a byte-order
//! mark, UTF-16 as Excel's "Unicode text", or an 8-bit encoding such as Windows-1252, Excel's
//! default for "CSV (semicolon separated)"; `,`, `;` or a tab between fields; quoted fields with
//! doubled quotes and line breaks), and the table reader shared with workbooks.

use super::{ImportColumn, ImportRow};
use crate::domain::Language;

const BOM: &str = "\u{feff}";

/// How a file was read, for the dry run to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub format: FileFormat,
    /// The lines holding a "?" in a file of an 8-bit encoding: where the program that saved it
    /// had no byte for a character (Windows-1252 has none for "ễ" or "Ş"), it wrote "?".
    pub lossy_lines: Vec<u32>,
}

/// What kind of file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFormat {
    Csv {
        /// The encoding's name as the WHATWG Encoding Standard gives it (`UTF-8`, `UTF-16LE`,
        /// `windows-1252` …).
        encoding: &'static str,
        separator: char,
    },
    /// A workbook (.xlsx, .ods, .xls) and the sheet read.
    Workbook { kind: WorkbookKind, sheet: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    Xlsx,
    Ods,
    Xls,
}

/// The file's text, in the encoding its byte-order mark names, else UTF-8 when it is valid
/// UTF-8, else the 8-bit encoding a detector finds (for French and English text:
/// Windows-1252, which also reads ISO-8859-1).
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), encoding_rs::UTF_8.name());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), encoding.name())
}

/// Why a file cannot be read at all (a row's values are the server's to judge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportFileError {
    /// No header line.
    Empty,
    /// The header names columns the import does not know, lacks required ones, or names one
    /// twice; every one is listed.
    Columns {
        unknown: Vec<String>,
        missing: Vec<ImportColumn>,
        repeated: Vec<ImportColumn>,
    },
    /// A line that is not CSV (e.g. a quote never closed).
    Unreadable {
        line: u64,
    },
    TooManyRows,
    /// A workbook that cannot be opened (damaged, protected by a password, no sheet).
    Workbook {
        reason: String,
    },
}

impl std::fmt::Display for ImportFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportFileError::Empty => write!(f, "the file has no header line"),
            ImportFileError::Columns {
                unknown,
                missing,
                repeated,
            } => write!(
                f,
                "unknown columns {unknown:?}, missing {missing:?}, repeated {repeated:?}"
            ),
            ImportFileError::Unreadable { line } => write!(f, "line {line} is not CSV"),
            ImportFileError::TooManyRows => write!(f, "too many rows"),
            ImportFileError::Workbook { reason } => write!(f, "unreadable workbook: {reason}"),
        }
    }
}

impl std::error::Error for ImportFileError {}

/// The character the header has most of among `;` (French spreadsheets), tab (Excel's
/// "Unicode text") and `,` (the default).
fn separator(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    let count = |c| header.chars().filter(|x| *x == c).count();
    [';', '\t']
        .into_iter()
        .filter(|c| count(*c) > count(','))
        .max_by_key(|c| count(*c))
        .unwrap_or(',')
}

/// Reads an import file into rows, naming every unknown, missing or repeated column.
pub fn parse_csv(bytes: &[u8]) -> Result<Vec<ImportRow>, ImportFileError> {
    read_csv(bytes).map(|(rows, _)| rows)
}

/// [`parse_csv`], saying which encoding and separator it read.
pub fn read_csv(bytes: &[u8]) -> Result<(Vec<ImportRow>, Reading), ImportFileError> {
    let (text, encoding) = decode(bytes);
    let text = text.strip_prefix(BOM).unwrap_or(&text);
    let separator = separator(text);
    let rows = rows_of(records(text, separator as u8))?;
    let eight_bit = !encoding.starts_with("UTF-");
    let reading = Reading {
        format: FileFormat::Csv {
            encoding,
            separator,
        },
        lossy_lines: if eight_bit {
            lossy_lines(&rows)
        } else {
            vec![]
        },
    };
    Ok((rows, reading))
}

/// The lines where a cell holds a "?".
fn lossy_lines(rows: &[ImportRow]) -> Vec<u32> {
    rows.iter()
        .filter(|r| {
            ImportColumn::ALL
                .iter()
                .any(|c| r.cell(*c).is_some_and(|v| v.contains('?')))
        })
        .map(|r| r.line)
        .collect()
}

/// One line of a table: its number as the spreadsheet shows it and its cells.
pub type Record = (u32, Vec<String>);

/// The CSV text's records, numbered as the spreadsheet numbers lines (a quoted field may hold
/// line breaks).
fn records(
    text: &str,
    separator: u8,
) -> impl Iterator<Item = Result<Record, ImportFileError>> + '_ {
    let reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let (mut counted_to, mut line) = (0, 1);
    reader.into_records().map(move |record| {
        let record = record.map_err(|e| ImportFileError::Unreadable {
            line: e.position().map_or(0, |p| p.line()),
        })?;
        let mut start = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        // The reader places a record at the end of the previous line's terminator.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text.as_bytes()[counted_to.min(start)..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        let number = u32::try_from(line).unwrap_or(u32::MAX);
        Ok((number, record.iter().map(str::to_owned).collect()))
    })
}

/// Rows from a table whose first record is the header (a CSV file's or a workbook sheet's),
/// naming every unknown, missing or repeated column.
pub fn rows_of(
    records: impl IntoIterator<Item = Result<Record, ImportFileError>>,
) -> Result<Vec<ImportRow>, ImportFileError> {
    let blank = |cells: &[String]| cells.iter().all(|c| c.trim().is_empty());
    let mut records = records.into_iter();
    // The header is the first line with something in it (a sheet may start lower down).
    let header = loop {
        match records.next() {
            Some(Ok((_, h))) if blank(&h) => continue,
            Some(Ok((_, h))) => break h,
            Some(Err(e)) => return Err(e),
            None => return Err(ImportFileError::Empty),
        }
    };
    let columns = columns_of(&header)?;
    let mut rows = vec![];
    for record in records {
        let (line, cells) = record?;
        // Spreadsheets write blank lines as rows of empty cells.
        if blank(&cells) {
            continue;
        }
        if rows.len() == super::IMPORT_ROW_LIMIT {
            return Err(ImportFileError::TooManyRows);
        }
        let mut row = ImportRow {
            line,
            ..ImportRow::default()
        };
        for (i, column) in columns.iter().enumerate() {
            if let Some(c) = column {
                let value = cells.get(i).map_or("", |v| v.trim());
                *row.cell_mut(*c) = Some(value.to_owned());
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// The column each header cell names, or every unknown, missing or repeated one.
fn columns_of(header: &[String]) -> Result<Vec<Option<ImportColumn>>, ImportFileError> {
    let mut columns: Vec<Option<ImportColumn>> = vec![];
    let (mut unknown, mut repeated) = (vec![], vec![]);
    for name in header {
        let column = ImportColumn::from_header(name);
        match column {
            None if !name.trim().is_empty() => unknown.push(name.trim().to_owned()),
            Some(c) if columns.contains(&Some(c)) => repeated.push(c),
            _ => {}
        }
        columns.push(column);
    }
    let missing: Vec<ImportColumn> = ImportColumn::ALL
        .into_iter()
        .filter(|c| c.required() && !columns.contains(&Some(*c)))
        .collect();
    if !unknown.is_empty() || !missing.is_empty() || !repeated.is_empty() {
        return Err(ImportFileError::Columns {
            unknown,
            missing,
            repeated,
        });
    }
    Ok(columns)
}

/// The template workbook's sheet name in `language`; a workbook's sheet of either name is the
/// one read.
pub fn sheet_name(language: Language) -> &'static str {
    match language {
        Language::En => "People",
        Language::Fr => "Personnes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header naming every column as the template does, in `language`.
    fn header(language: Language, separator: &str) -> String {
        let names: Vec<&str> = ImportColumn::ALL
            .iter()
            .map(|c| c.header(language))
            .collect();
        format!("{}\r\n", names.join(separator))
    }

    #[test]
    fn both_languages_column_names_read_back_with_every_column() {
        for language in Language::ALL {
            let separator = if language == Language::Fr { ";" } else { "," };
            let t = header(language, separator);
            // A blank line before the header, as a sheet starting lower down gives.
            let text = format!(
                "{BOM}{0}\r\n{t}Tremblay{0}Zoë{0}zoe{0}zoe@example.org{0}{0}3{0}{0}fr{0}{0}oui\r\n",
                separator
            );
            let rows = parse_csv(text.as_bytes()).unwrap();
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].line, 3);
            assert_eq!(rows[0].first_name.as_deref(), Some("Zoë"));
            assert_eq!(rows[0].phone.as_deref(), Some(""));
            assert_eq!(rows[0].also_contact.as_deref(), Some("oui"));
        }
    }

    #[test]
    fn quoted_fields_as_spreadsheets_write_them() {
        let text = "\u{feff}Nom;Prénom;Identifiant;Courriel;Niveau;Rôles\r\n\
                    \"Côté; fils\";\"Jean \"\"JC\"\"\";jc;jc@example.org;2;\"payroll;billing\"\r\n\
                    ;;;;;\r\n\
                    \"Lê\nAnh\";Thu;thu;thu@example.org;3;\r\n";
        let rows = parse_csv(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].last_name.as_deref(), Some("Côté; fils"));
        assert_eq!(rows[0].first_name.as_deref(), Some("Jean \"JC\""));
        assert_eq!(rows[0].roles.as_deref(), Some("payroll;billing"));
        assert_eq!(rows[0].phone, None, "no such column");
        assert_eq!(rows[1].last_name.as_deref(), Some("Lê\nAnh"));
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn unknown_missing_and_repeated_columns_are_all_named() {
        let e = parse_csv(b"Last name,Prenom,Shoe size,Email,E-mail\n").unwrap_err();
        assert_eq!(
            e,
            ImportFileError::Columns {
                unknown: vec!["Shoe size".into()],
                missing: vec![ImportColumn::UserId, ImportColumn::Level],
                repeated: vec![ImportColumn::Email],
            }
        );
        assert_eq!(parse_csv(b"").unwrap_err(), ImportFileError::Empty);
    }

    /// The same two people as each encoding a spreadsheet may save them in.
    fn staff() -> String {
        "Nom;Prénom;Identifiant;Courriel;Niveau\r\n\
         Côté;Élodie;e.cote;e.cote@example.org;3\r\n\
         Nguyễn;Thị Ánh;t.nguyen;t.nguyen@example.org;3\r\n"
            .into()
    }

    fn csv_format(encoding: &'static str, separator: char) -> FileFormat {
        FileFormat::Csv {
            encoding,
            separator,
        }
    }

    #[test]
    fn utf8_utf16_and_windows_1252_files_are_read_and_said() {
        let text = staff();
        let utf8 = read_csv(text.as_bytes()).unwrap();
        assert_eq!(utf8.1.format, csv_format("UTF-8", ';'));
        assert_eq!(utf8.1.lossy_lines, Vec::<u32>::new());
        assert_eq!(utf8.0[1].last_name.as_deref(), Some("Nguyễn"));
        let with_bom = read_csv(format!("{BOM}{text}").as_bytes()).unwrap();
        assert_eq!(with_bom.0, utf8.0);
        // Excel's "Unicode text": UTF-16 little-endian with its mark, tabs between fields.
        let tabs = text.replace(';', "\t");
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(tabs.encode_utf16().flat_map(u16::to_le_bytes));
        let read = read_csv(&utf16).unwrap();
        assert_eq!(read.1.format, csv_format("UTF-16LE", '\t'));
        assert_eq!(read.0, utf8.0);
        // Excel's "CSV (semicolon separated)": Windows-1252, which has no room for "ễ" or "ị".
        // Spreadsheets write "?" for the characters it cannot hold.
        let folded = text.replace(['ễ', 'ị'], "?");
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&folded);
        assert!(!lossy);
        let read = read_csv(&bytes).unwrap();
        assert_eq!(
            read.1.format,
            csv_format(encoding_rs::WINDOWS_1252.name(), ';')
        );
        assert_eq!(
            read.1.lossy_lines,
            vec![3],
            "only Nguyễn's line lost characters"
        );
        assert_eq!(read.0[0].first_name.as_deref(), Some("Élodie"));
        assert_eq!(read.0[0].last_name.as_deref(), Some("Côté"));
    }
}
