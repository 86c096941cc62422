//! The import's report in words: each row's outcome and detail, the totals, the reasons a file
//! cannot be read, and the report as a CSV file.

use super::ReadError;
use crate::locale::Locale;
use crate::spreadsheet::{self, Cell, Column, Kind, Sheet};
use sesame_core::api::import::{
    FileFormat, ImportColumn, ImportFileError, ImportOutcome, ImportProblem, ImportReport,
    ImportRowReport, Reading, WorkbookKind, sheet_name,
};

/// A column as the template names it in the UI's language.
pub fn column(l: Locale, c: ImportColumn) -> String {
    c.header(l.language).to_owned()
}

fn columns(l: Locale, list: &[ImportColumn]) -> String {
    list.iter()
        .map(|c| column(l, *c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Will create", "Will update", … for a dry run; "Created", "Updated", … once applied.
pub fn outcome(l: Locale, dry_run: bool, o: ImportOutcome) -> String {
    let key = match (o, dry_run) {
        (ImportOutcome::Create, true) => "import-outcome-will-create",
        (ImportOutcome::Create, false) => "import-outcome-created",
        (ImportOutcome::Update, true) => "import-outcome-will-update",
        (ImportOutcome::Update, false) => "import-outcome-updated",
        (ImportOutcome::Unchanged, _) => "import-outcome-unchanged",
        (ImportOutcome::Refused, _) => "import-outcome-refused",
    };
    l.t(key)
}

/// Why one column of a row is refused, in the UI's language.
fn problem(l: Locale, p: &ImportProblem) -> String {
    let why = p
        .reason
        .as_deref()
        .and_then(|r| l.reason(r))
        .unwrap_or_else(|| l.field_code(&p.code.as_str()));
    l.t_with(
        "field-message",
        &[("field", &column(l, p.column)), ("reason", &why)],
    )
}

/// The columns an update changes, or every reason a row is refused.
pub fn detail(l: Locale, r: &ImportRowReport) -> String {
    match r.outcome {
        ImportOutcome::Update => columns(l, &r.changed),
        ImportOutcome::Refused => r
            .problems
            .iter()
            .map(|p| problem(l, p))
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

/// "3 to create, 1 to update, 0 unchanged, 2 refused" (or created, updated… once applied).
pub fn totals(l: Locale, r: &ImportReport) -> String {
    let t = r.totals;
    let n = |v: u32| l.number(v as usize);
    l.t_with(
        if r.dry_run {
            "import-totals-dry-run"
        } else {
            "import-totals-applied"
        },
        &[
            ("create", &n(t.create)),
            ("update", &n(t.update)),
            ("unchanged", &n(t.unchanged)),
            ("refused", &n(t.refused)),
        ],
    )
}

/// How the file was read: "Read as windows-1252, fields separated by semicolons.", or the
/// workbook's sheet; and how many lines may have lost a letter to an 8-bit encoding.
pub fn reading(l: Locale, r: &Reading) -> String {
    let how = match &r.format {
        FileFormat::Csv {
            encoding,
            separator,
        } => {
            let separator = match separator {
                ';' => l.t("import-separator-semicolon"),
                '\t' => l.t("import-separator-tab"),
                _ => l.t("import-separator-comma"),
            };
            l.t_with(
                "import-read-as",
                &[("encoding", encoding), ("separator", &separator)],
            )
        }
        FileFormat::Workbook { kind, sheet } => {
            let kind = l.t(match kind {
                WorkbookKind::Xlsx => "import-kind-xlsx",
                WorkbookKind::Xls => "import-kind-xls",
                WorkbookKind::Ods => "import-kind-ods",
            });
            l.t_with("import-read-sheet", &[("sheet", sheet), ("kind", &kind)])
        }
    };
    if r.lossy_lines.is_empty() {
        return how;
    }
    let lossy = l.t_count("import-lossy-lines", "count", r.lossy_lines.len());
    format!("{how} {lossy}")
}

/// The warning on a line of an 8-bit file that holds a "?" (a letter the encoding may have
/// lost), if it is one.
pub fn lossy_note(l: Locale, r: &Reading, line: u32) -> Option<String> {
    let FileFormat::Csv { encoding, .. } = &r.format else {
        return None;
    };
    r.lossy_lines
        .binary_search(&line)
        .ok()
        .map(|_| l.t_with("import-lossy-note", &[("encoding", encoding)]))
}

/// A row's detail, with the lost-letter warning first when the line has one.
pub fn detail_read(l: Locale, row: &ImportRowReport, reading: Option<&Reading>) -> String {
    let detail = detail(l, row);
    match reading.and_then(|r| lossy_note(l, r, row.line)) {
        Some(note) if detail.is_empty() => note,
        Some(note) => format!("{note} {detail}"),
        None => detail,
    }
}

/// Why the file gives no rows, naming every column at fault.
pub fn read_error(l: Locale, e: &ReadError) -> String {
    match e {
        ReadError::Io(reason) => l.t_with("import-file-io", &[("reason", reason)]),
        ReadError::NoRows => l.t("import-file-no-rows"),
        ReadError::File(ImportFileError::Empty) => l.t("import-file-empty"),
        ReadError::File(ImportFileError::Unreadable { line }) => {
            l.t_with("import-file-unreadable", &[("line", &line.to_string())])
        }
        ReadError::File(ImportFileError::Workbook { reason }) => {
            l.t_with("import-file-workbook", &[("reason", reason)])
        }
        ReadError::File(ImportFileError::TooManyRows) => l.t_with(
            "import-file-too-many",
            &[("max", &l.number(sesame_core::api::import::IMPORT_ROW_LIMIT))],
        ),
        ReadError::File(ImportFileError::Columns {
            unknown,
            missing,
            repeated,
        }) => {
            let mut parts = vec![];
            if !unknown.is_empty() {
                let quoted = |n: &String| match l.language {
                    sesame_core::domain::Language::En => format!("“{n}”"),
                    sesame_core::domain::Language::Fr => format!("«\u{a0}{n}\u{a0}»"),
                };
                let names: Vec<String> = unknown.iter().map(quoted).collect();
                parts.push(l.t_with(
                    "import-file-unknown-columns",
                    &[("columns", &names.join(", "))],
                ));
            }
            if !missing.is_empty() {
                parts.push(l.t_with(
                    "import-file-missing-columns",
                    &[("columns", &columns(l, missing))],
                ));
            }
            if !repeated.is_empty() {
                parts.push(l.t_with(
                    "import-file-repeated-columns",
                    &[("columns", &columns(l, repeated))],
                ));
            }
            parts.push(l.t_with(
                "import-file-expected-columns",
                &[("columns", &columns(l, &ImportColumn::ALL))],
            ));
            parts.join(" ")
        }
    }
}

/// The report as the reader's spreadsheet opens it: line, user ID, outcome, detail (with the
/// lost-letter warning on the lines that have one).
pub fn sheet(l: Locale, r: &ImportReport, reading: Option<&Reading>) -> Sheet {
    let columns = [
        ("import-column-line", Kind::Number),
        ("column-user-id", Kind::Text),
        ("import-column-outcome", Kind::Text),
        ("import-column-detail", Kind::Text),
    ];
    let rows = r.rows.iter().map(|row| {
        vec![
            Cell::Number(f64::from(row.line)),
            Cell::Text(row.user_id.clone()),
            Cell::Text(outcome(l, r.dry_run, row.outcome)),
            Cell::Text(detail_read(l, row, reading)),
        ]
    });
    spreadsheet::sheet(l, "import-report-sheet", &columns, rows)
}

/// The template to fill in: the columns as the import names them in the reader's language,
/// every one formatted as text (a phone number's leading zero stays), no one yet.
pub fn template(l: Locale) -> Sheet {
    Sheet {
        name: sheet_name(l.language).to_owned(),
        columns: ImportColumn::ALL
            .iter()
            .map(|c| Column {
                title: c.header(l.language).to_owned(),
                kind: Kind::Text,
            })
            .collect(),
        rows: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sesame_core::api::ErrorCode;
    use sesame_core::api::import::{ImportDelivery, ImportTotals};
    use sesame_core::domain::Language;

    fn refused() -> ImportRowReport {
        ImportRowReport {
            line: 3,
            user_id: "zoe".into(),
            outcome: ImportOutcome::Refused,
            changed: vec![],
            problems: vec![
                ImportProblem {
                    column: ImportColumn::Email,
                    code: ErrorCode::InvalidField,
                    reason: Some("invalid_email".into()),
                },
                ImportProblem {
                    column: ImportColumn::UserId,
                    code: ErrorCode::DuplicateUserId,
                    reason: None,
                },
            ],
            person_id: None,
        }
    }

    #[test]
    fn a_refused_row_names_each_column_and_why_in_the_ui_language() {
        let fr = Locale::new(Language::Fr);
        let text = detail(fr, &refused());
        assert!(text.starts_with("Courriel\u{a0}: "), "{text}");
        assert!(text.contains(&fr.t("reason-invalid_email")), "{text}");
        assert!(
            text.contains(&format!(
                "Identifiant\u{a0}: {}",
                fr.t("error-duplicate_user_id")
            )),
            "{text}"
        );
    }

    #[test]
    fn the_report_exports_as_a_french_spreadsheet_reads_it() {
        let fr = Locale::new(Language::Fr);
        let report = ImportReport {
            dry_run: true,
            delivery: ImportDelivery::Invitation,
            totals: ImportTotals {
                refused: 1,
                ..ImportTotals::default()
            },
            rows: vec![refused()],
            created: vec![],
        };
        let text = String::from_utf8(spreadsheet::csv(fr, &sheet(fr, &report, None))).unwrap();
        assert!(text.starts_with("\u{feff}Ligne;Identifiant;"), "{text}");
        assert!(text.contains("3;zoe;Refusée;"), "{text}");
    }

    #[test]
    fn a_bad_header_names_every_column_at_fault() {
        let en = Locale::new(Language::En);
        let e = ReadError::File(ImportFileError::Columns {
            unknown: vec!["Shoe size".into()],
            missing: vec![ImportColumn::UserId],
            repeated: vec![ImportColumn::Email],
        });
        let text = read_error(en, &e);
        assert!(text.contains("“Shoe size”"), "{text}");
        assert!(text.contains("User ID"), "{text}");
        assert!(text.contains("Email"), "{text}");
    }
}
