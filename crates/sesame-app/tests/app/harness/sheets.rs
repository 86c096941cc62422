//! Exported and imported files as other programs read them: .xlsx workbooks read back with
//! calamine, and LibreOffice's headless Calc converting between CSV and workbooks as an office
//! would (`soffice --headless --convert-to`).

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, open_workbook_auto};

/// A workbook's first sheet: its name and its rows as text (numbers without ".0", dates as
/// the app writes them).
pub fn workbook_rows(path: &Path) -> (String, Vec<Vec<String>>) {
    let mut book = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    (name, rows)
}

/// Whether the first sheet's cell at `row`, `col` is a date (not text that looks like one).
pub fn is_date_cell(path: &Path, row: u32, col: u32) -> bool {
    let mut book = open_workbook_auto(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    matches!(range.get_value((row, col)), Some(Data::DateTime(_)))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::DateTime(t) => {
            let (y, mo, d, h, mi, s, _) = t.to_ymd_hms_milli();
            format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
        }
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// `input` converted by LibreOffice to `to` (`xlsx`, `ods`, or `csv:…` with its filter
/// options) in `dir`; `input_filter` reads a CSV with given options. Each call has its own
/// profile, so tests may convert at the same time.
pub fn soffice_convert(input: &Path, to: &str, input_filter: Option<&str>, dir: &Path) -> PathBuf {
    let profile = dir.join(format!("lo-profile-{}", super::rand_suffix()));
    let mut cmd = Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
    .arg(dir);
    if let Some(filter) = input_filter {
        cmd.arg(format!("--infilter={filter}"));
    }
    let out = cmd
        .arg(input)
        .output()
        .expect("LibreOffice (Debian's libreoffice-calc-nogui) converts files here");
    let extension = to.split(':').next().unwrap();
    let converted = dir
        .join(input.file_stem().unwrap())
        .with_extension(extension);
    assert!(
        converted.exists(),
        "LibreOffice made no {}: {}{}",
        converted.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(profile);
    converted
}

/// A workbook as LibreOffice's CSV export writes what its cells show (UTF-8, `;`).
pub fn libreoffice_rows(workbook: &Path) -> Vec<Vec<String>> {
    let dir = workbook
        .parent()
        .unwrap()
        .join(format!("lo-{}", super::rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    // Filter options: separator 59 (;), text delimiter 34 ("), character set 76 (UTF-8).
    let csv = soffice_convert(
        workbook,
        "csv:Text - txt - csv (StarCalc):59,34,76",
        None,
        &dir,
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}
