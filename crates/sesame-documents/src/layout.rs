//! A small page writer: lines, wrapped paragraphs, label/value fields and the password box,
//! measured with the fonts' own glyph widths (printpdf does no line wrapping by itself).

use printpdf::ops::PdfFontHandle;
use printpdf::{Color, FontId, Op, PaintMode, ParsedFont, Point, Pt, Rect, Rgb, TextItem};

pub struct FontIds {
    pub regular: FontId,
    pub bold: FontId,
    pub mono: FontId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Mono,
}

pub struct Writer<'a> {
    ids: &'a FontIds,
    fonts: [&'a ParsedFont; 3],
    ops: Vec<Op>,
    width: f32,
    margin: f32,
    /// The baseline of the next line, from the bottom of the page.
    y: f32,
}

const LABEL_WIDTH: f32 = 180.0;

fn gray(v: f32) -> Color {
    Color::Rgb(Rgb::new(v, v, v, None))
}

impl<'a> Writer<'a> {
    pub fn new(
        ids: &'a FontIds,
        fonts: [&'a ParsedFont; 3],
        width: f32,
        height: f32,
    ) -> Writer<'a> {
        let margin = 64.0;
        Writer {
            ids,
            fonts,
            ops: vec![],
            width,
            margin,
            y: height - margin,
        }
    }

    pub fn into_ops(self) -> Vec<Op> {
        self.ops
    }

    fn font(&self, face: Face) -> (&ParsedFont, &FontId) {
        match face {
            Face::Regular => (self.fonts[0], &self.ids.regular),
            Face::Bold => (self.fonts[1], &self.ids.bold),
            Face::Mono => (self.fonts[2], &self.ids.mono),
        }
    }

    /// The width of `text` in points.
    pub fn measure(&self, face: Face, size: f32, text: &str) -> f32 {
        let (font, _) = self.font(face);
        let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        text.chars()
            .map(|c| {
                font.lookup_glyph_index(c as u32)
                    .map(|g| f32::from(font.get_horizontal_advance(g)))
                    .unwrap_or(upem / 2.0)
            })
            .sum::<f32>()
            * size
            / upem
    }

    fn show(&mut self, face: Face, size: f32, x: f32, y: f32, text: &str) {
        let (_, id) = self.font(face);
        let id = id.clone();
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: gray(0.1) },
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    fn usable(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    pub fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// One line at the left margin.
    pub fn line(&mut self, face: Face, size: f32, text: &str) {
        self.y -= size * 1.25;
        self.show(face, size, self.margin, self.y, text);
    }

    /// Right-aligned on the current line.
    pub fn right(&mut self, face: Face, size: f32, text: &str) {
        let x = self.width - self.margin - self.measure(face, size, text);
        self.show(face, size, x, self.y, text);
    }

    /// A thin line across the page.
    pub fn rule(&mut self) {
        self.y -= 10.0;
        self.rect(self.margin, self.y, self.usable(), 0.8, 0.55, false);
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, shade: f32, outline: bool) {
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetFillColor { col: gray(shade) },
            Op::SetOutlineColor { col: gray(0.45) },
            Op::SetOutlineThickness { pt: Pt(0.8) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(y),
                    width: Pt(w),
                    height: Pt(h),
                    mode: Some(if outline {
                        PaintMode::FillStroke
                    } else {
                        PaintMode::Fill
                    }),
                    winding_order: None,
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// Splits `text` into lines no wider than `width`.
    pub fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let mut lines = vec![];
        let mut current = String::new();
        // A no-break space (French before ":" and inside « ») binds its neighbours.
        let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
        // "&" and a dash belong with the word after them: "Tremblay & Fils." never leaves
        // "& Fils." alone on a line.
        let text = text.replace(" & ", " &\u{a0}").replace(" – ", "\u{a0}– ");
        for word in text.split(breaks).filter(|w| !w.is_empty()) {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if self.measure(face, size, &candidate) > width && !current.is_empty() {
                lines.push(std::mem::take(&mut current));
                current = word.to_owned();
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        avoid_widow(&mut lines);
        lines
    }

    /// A QR code of `modules` (true: dark), `size` points wide, its top-left corner at the
    /// current line; the text that follows goes beside it (see [`Writer::beside`]).
    pub fn qr(&mut self, modules: &[bool], width: usize, size: f32) {
        // Four modules of white all round, as the QR code standard asks for.
        let quiet = 4.0;
        let cell = size / (width as f32 + 2.0 * quiet);
        let x0 = self.width - self.margin - size;
        let top = self.y;
        self.rect(x0, top - size, size, size, 1.0, false);
        for (i, dark) in modules.iter().enumerate() {
            if *dark {
                let (col, row) = ((i % width) as f32, (i / width) as f32);
                let x = x0 + (col + quiet) * cell;
                let y = top - (row + quiet + 1.0) * cell;
                // A hair wider than the cell, so that viewers draw no seams between modules.
                self.rect(x, y, cell + 0.05, cell + 0.05, 0.0, false);
            }
        }
    }

    /// The width left of a figure drawn at the right margin.
    pub fn narrow(&mut self, by: f32) {
        self.width -= by;
    }

    pub fn widen(&mut self, by: f32) {
        self.width += by;
    }

    /// A block of monospace lines on a light background (a request to copy).
    pub fn code(&mut self, lines: &[String]) {
        let size = 9.0;
        let pad = 7.0;
        let height = lines.len() as f32 * size * 1.35 + 2.0 * pad;
        self.rect(
            self.margin,
            self.y - height,
            self.usable(),
            height,
            0.95,
            false,
        );
        self.y -= pad;
        for l in lines {
            self.y -= size * 1.35;
            self.show(Face::Mono, size, self.margin + pad, self.y + 2.0, l);
        }
        self.y -= pad;
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn paragraph(&mut self, face: Face, size: f32, text: &str) {
        for l in self.wrap(face, size, text, self.usable()) {
            self.line(face, size, &l);
        }
    }

    /// "1." then the wrapped text, indented.
    pub fn numbered(&mut self, n: usize, text: &str) {
        let indent = 18.0;
        let lines = self.wrap(Face::Regular, 11.0, text, self.usable() - indent);
        for (i, l) in lines.iter().enumerate() {
            self.y -= 11.0 * 1.35;
            if i == 0 {
                self.show(Face::Regular, 11.0, self.margin, self.y, &format!("{n}."));
            }
            self.show(Face::Regular, 11.0, self.margin + indent, self.y, l);
        }
        self.gap(3.0);
    }

    /// A label and its value on one line (the value wraps under itself).
    pub fn field(&mut self, label: &str, value: &str) {
        let lines = self.wrap(Face::Regular, 11.0, value, self.usable() - LABEL_WIDTH);
        self.y -= 11.0 * 1.5;
        self.show(Face::Bold, 11.0, self.margin, self.y, label);
        // A label longer than its column puts its value on the next line.
        if self.measure(Face::Bold, 11.0, label) > LABEL_WIDTH - 8.0 {
            self.y -= 11.0 * 1.3;
        }
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                self.y -= 11.0 * 1.3;
            }
            self.show(Face::Regular, 11.0, self.margin + LABEL_WIDTH, self.y, l);
        }
    }

    /// The password, large, in a monospace box: easy to read and to type.
    pub fn password(&mut self, label: &str, password: &str) {
        let size = 17.0;
        let pad = 9.0;
        let text_width = self.measure(Face::Mono, size, password);
        self.y -= size + 2.0 * pad + 4.0;
        let box_y = self.y;
        self.rect(
            self.margin + LABEL_WIDTH - pad,
            box_y,
            text_width + 2.0 * pad,
            size + 2.0 * pad,
            0.95,
            true,
        );
        self.show(Face::Bold, 11.0, self.margin, box_y + pad + 4.0, label);
        self.show(
            Face::Mono,
            size,
            self.margin + LABEL_WIDTH,
            box_y + pad + 4.0,
            password,
        );
    }

    /// A paragraph on a light background.
    pub fn boxed_paragraph(&mut self, face: Face, size: f32, text: &str) {
        let pad = 8.0;
        let lines = self.wrap(face, size, text, self.usable() - 2.0 * pad);
        let height = lines.len() as f32 * size * 1.3 + 2.0 * pad;
        self.rect(
            self.margin,
            self.y - height,
            self.usable(),
            height,
            0.93,
            false,
        );
        self.y -= pad;
        for l in lines {
            self.y -= size * 1.3;
            self.show(face, size, self.margin + pad, self.y + 2.0, &l);
        }
        self.y -= pad;
    }

    /// A line at the foot of the page.
    pub fn at_bottom(&mut self, face: Face, size: f32, text: &str) {
        let y = self.margin * 0.6;
        self.show(face, size, self.margin, y, text);
    }
}

/// No paragraph ends on a lone word when the line before can give one: the last word of that
/// line moves down.
fn avoid_widow(lines: &mut [String]) {
    let n = lines.len();
    if n < 2 || lines[n - 1].contains(' ') {
        return;
    }
    let before = &lines[n - 2];
    if let Some((rest, last)) = before.rsplit_once(' ')
        && rest.contains(' ')
    {
        let moved = format!("{last} {}", lines[n - 1]);
        lines[n - 2] = rest.to_owned();
        lines[n - 1] = moved;
    }
}

#[cfg(test)]
mod widow_tests {
    #[test]
    fn a_last_line_of_one_word_takes_one_from_the_line_before() {
        let mut lines = vec!["a b c".to_owned(), "d".to_owned()];
        super::avoid_widow(&mut lines);
        assert_eq!(lines, ["a b", "c d"]);
        let mut short = vec!["a b".to_owned(), "c".to_owned()];
        super::avoid_widow(&mut short);
        assert_eq!(short, ["a b", "c"]);
    }
}
