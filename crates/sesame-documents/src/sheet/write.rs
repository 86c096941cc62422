//! Writing a sheet as an .xlsx workbook.

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{Cell, Kind, Sheet};

/// The date-time format of date cells: the one the app shows (ISO 8601 order, 24-hour clock).
const WHEN_FORMAT: &str = "yyyy-mm-dd hh:mm:ss";
/// Column widths in characters: never so narrow a title is cut, never wider than a screen.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// The sheet as an .xlsx workbook: the header row bold on a tint, frozen and filterable; text
/// columns formatted as text, date cells as dates, columns as wide as their longest text.
pub fn xlsx(sheet: &Sheet) -> Result<Vec<u8>, String> {
    write(sheet).map_err(|e| e.to_string())
}

fn write(sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&sheet.name))?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE6F0))
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let text = Format::new().set_num_format("@");
    let when = Format::new().set_num_format(WHEN_FORMAT);
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &column.title, &header)?;
        ws.set_column_width(c, width(sheet, c as usize) as f64)?;
        match column.kind {
            Kind::Text => {
                ws.set_column_format(c, &text)?;
            }
            Kind::When => {
                ws.set_column_format(c, &when)?;
            }
            Kind::Number => {}
        }
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        write_row(ws, r as u32 + 1, row, &text, &when)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed as people expect a table: across the page's width, the header on every page.
    ws.set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_gridlines(true)
        .set_repeat_rows(0, 0)?;
    if !sheet.columns.is_empty() {
        let last = sheet.rows.len() as u32;
        ws.autofilter(0, 0, last, sheet.columns.len() as u16 - 1)?;
    }
    book.save_to_buffer()
}

fn write_row(
    ws: &mut Worksheet,
    r: u32,
    row: &[Cell],
    text: &Format,
    when: &Format,
) -> Result<(), XlsxError> {
    for (c, cell) in row.iter().enumerate() {
        let c = c as u16;
        match cell {
            Cell::Text(t) if !t.is_empty() => {
                ws.write_string_with_format(r, c, t, text)?;
            }
            Cell::Number(n) => {
                ws.write_number(r, c, *n)?;
            }
            Cell::When(w) => {
                let date = ExcelDateTime::from_ymd(w.year() as u16, u8::from(w.month()), w.day())?
                    .and_hms(w.hour() as u16, w.minute(), w.second())?;
                ws.write_datetime_with_format(r, c, &date, when)?;
            }
            Cell::Text(_) | Cell::Empty => {}
        }
    }
    Ok(())
}

/// A column's width: its longest line of text (title or cell), within bounds.
fn width(sheet: &Sheet, c: usize) -> usize {
    let longest = |t: &str| t.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let title = longest(&sheet.columns[c].title);
    let cells = sheet
        .rows
        .iter()
        .filter_map(|r| r.get(c))
        .map(|cell| match cell {
            Cell::When(_) => WHEN_FORMAT.len(),
            other => longest(&other.text()),
        })
        .max()
        .unwrap_or(0);
    (title.max(cells) + 2).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet1".into()
    } else {
        clean
    }
}
