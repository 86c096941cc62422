//! A small page writer: lines, wrapped paragraphs, label/value fields and the password box,
//! measured with the fonts' own glyph widths (printpdf does no line wrapping by itself).
//! Everything it draws is either the content of a structure element (tagged PDF, see
//! [`crate::tagged`]) or a decoration marked as an artifact.

use printpdf::ops::PdfFontHandle;
use printpdf::{Color, FontId, Op, PaintMode, ParsedFont, Point, Pt, Rect, Rgb, TextItem};
use sesame_core::domain::Language;

pub use crate::tagged::Role;
use crate::tagged::{self, Structure};

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
    structure: Structure,
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
            structure: Structure::default(),
        }
    }

    /// The page's drawing and its structure.
    pub fn finish(self) -> (Vec<Op>, Structure) {
        (self.ops, self.structure)
    }

    /// The language of the page (a letter of a batch is in its holder's).
    pub fn set_language(&mut self, language: Language) {
        self.structure.set_language(language);
    }

    /// An element holding the elements `fill` writes (a table, a row, a list…).
    pub fn group(&mut self, role: Role, fill: impl FnOnce(&mut Self)) {
        self.structure.open(role);
        fill(self);
        self.structure.close();
    }

    /// An element whose content is what `draw` draws.
    fn tagged(&mut self, role: Role, draw: impl FnOnce(&mut Self)) {
        self.structure.open(role);
        let mcid = self.structure.content();
        self.ops.push(tagged::begin_content(role, mcid));
        draw(self);
        self.ops.push(Op::EndMarkedContent);
        self.structure.close();
    }

    /// A decoration: no element, skipped by assistive technology.
    fn artifact(&mut self, draw: impl FnOnce(&mut Self)) {
        self.ops.push(tagged::begin_artifact());
        draw(self);
        self.ops.push(Op::EndMarkedContent);
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

    /// One line at the left margin: a `role` element (a title, a paragraph).
    pub fn line(&mut self, role: Role, face: Face, size: f32, text: &str) {
        self.tagged(role, |w| w.next_line(face, size, text));
    }

    fn next_line(&mut self, face: Face, size: f32, text: &str) {
        self.y -= size * 1.25;
        self.show(face, size, self.margin, self.y, text);
    }

    /// A paragraph right-aligned on the current line.
    pub fn right(&mut self, face: Face, size: f32, text: &str) {
        let x = self.width - self.margin - self.measure(face, size, text);
        self.tagged(Role::P, |w| w.show(face, size, x, w.y, text));
    }

    /// A thin line across the page.
    pub fn rule(&mut self) {
        self.y -= 10.0;
        self.artifact(|w| w.rect(w.margin, w.y, w.usable(), 0.8, 0.55, false));
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

    /// A QR code of `modules` (true: dark), `size` points wide, its top-right corner at the
    /// right margin and height `top`: a figure described by `alt`.
    pub fn qr(&mut self, modules: &[bool], width: usize, size: f32, top: f32, alt: String) {
        // Four modules of white all round, as the QR code standard asks for.
        let quiet = 4.0;
        let cell = size / (width as f32 + 2.0 * quiet);
        let x0 = self.width - self.margin - size;
        self.tagged(Role::Figure, |w| {
            w.structure.describe(alt, [x0, top - size, x0 + size, top]);
            w.rect(x0, top - size, size, size, 1.0, false);
            for (i, dark) in modules.iter().enumerate() {
                if *dark {
                    let (col, row) = ((i % width) as f32, (i / width) as f32);
                    let x = x0 + (col + quiet) * cell;
                    let y = top - (row + quiet + 1.0) * cell;
                    // A hair wider than the cell, so that viewers draw no seams between modules.
                    w.rect(x, y, cell + 0.05, cell + 0.05, 0.0, false);
                }
            }
        });
    }

    /// The width left of a figure drawn at the right margin.
    pub fn narrow(&mut self, by: f32) {
        self.width -= by;
    }

    pub fn widen(&mut self, by: f32) {
        self.width += by;
    }

    /// A block of monospace lines on a light background (a request to copy): a paragraph of
    /// code.
    pub fn code(&mut self, lines: &[String]) {
        let size = 9.0;
        let pad = 7.0;
        let height = lines.len() as f32 * size * 1.35 + 2.0 * pad;
        self.artifact(|w| {
            w.rect(w.margin, w.y - height, w.usable(), height, 0.95, false);
        });
        self.y -= pad;
        self.group(Role::P, |w| {
            w.tagged(Role::Code, |w| {
                for l in lines {
                    w.y -= size * 1.35;
                    w.show(Face::Mono, size, w.margin + pad, w.y + 2.0, l);
                }
            });
        });
        self.y -= pad;
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn paragraph(&mut self, face: Face, size: f32, text: &str) {
        let lines = self.wrap(face, size, text, self.usable());
        self.tagged(Role::P, |w| {
            for l in &lines {
                w.next_line(face, size, l);
            }
        });
    }

    /// Numbered steps: "1." then the wrapped text, indented.
    pub fn steps(&mut self, steps: &[String]) {
        self.group(Role::L, |w| {
            for (n, step) in steps.iter().enumerate() {
                w.group(Role::LI, |w| w.step(n + 1, step));
            }
        });
    }

    fn step(&mut self, n: usize, text: &str) {
        let indent = 18.0;
        let lines = self.wrap(Face::Regular, 11.0, text, self.usable() - indent);
        self.y -= 11.0 * 1.35;
        let label = format!("{n}.");
        self.tagged(Role::Lbl, |w| {
            w.show(Face::Regular, 11.0, w.margin, w.y, &label);
        });
        self.tagged(Role::LBody, |w| {
            for (i, l) in lines.iter().enumerate() {
                if i > 0 {
                    w.y -= 11.0 * 1.35;
                }
                w.show(Face::Regular, 11.0, w.margin + indent, w.y, l);
            }
        });
        self.gap(3.0);
    }

    /// A label and its value on one line (the value wraps under itself): a row of the
    /// fields' table, opened with [`Writer::group`].
    pub fn field(&mut self, label: &str, value: &str) {
        let lines = self.wrap(Face::Regular, 11.0, value, self.usable() - LABEL_WIDTH);
        self.y -= 11.0 * 1.5;
        self.group(Role::TR, |w| {
            w.tagged(Role::TH, |w| {
                w.show(Face::Bold, 11.0, w.margin, w.y, label);
            });
            // A label longer than its column puts its value on the next line.
            if w.measure(Face::Bold, 11.0, label) > LABEL_WIDTH - 8.0 {
                w.y -= 11.0 * 1.3;
            }
            w.tagged(Role::TD, |w| {
                for (i, l) in lines.iter().enumerate() {
                    if i > 0 {
                        w.y -= 11.0 * 1.3;
                    }
                    w.show(Face::Regular, 11.0, w.margin + LABEL_WIDTH, w.y, l);
                }
            });
        });
    }

    /// The password, large, in a monospace box: easy to read and to type. A row of the
    /// fields' table.
    pub fn password(&mut self, label: &str, password: &str) {
        let size = 17.0;
        let pad = 9.0;
        let text_width = self.measure(Face::Mono, size, password);
        self.y -= size + 2.0 * pad + 4.0;
        let box_y = self.y;
        self.artifact(|w| {
            w.rect(
                w.margin + LABEL_WIDTH - pad,
                box_y,
                text_width + 2.0 * pad,
                size + 2.0 * pad,
                0.95,
                true,
            );
        });
        let baseline = box_y + pad + 4.0;
        self.group(Role::TR, |w| {
            w.tagged(Role::TH, |w| {
                w.show(Face::Bold, 11.0, w.margin, baseline, label);
            });
            w.tagged(Role::TD, |w| {
                w.show(Face::Mono, size, w.margin + LABEL_WIDTH, baseline, password);
            });
        });
    }

    /// A paragraph on a light background.
    pub fn boxed_paragraph(&mut self, face: Face, size: f32, text: &str) {
        let pad = 8.0;
        let lines = self.wrap(face, size, text, self.usable() - 2.0 * pad);
        let height = lines.len() as f32 * size * 1.3 + 2.0 * pad;
        self.artifact(|w| {
            w.rect(w.margin, w.y - height, w.usable(), height, 0.93, false);
        });
        self.y -= pad;
        self.tagged(Role::P, |w| {
            for l in &lines {
                w.y -= size * 1.3;
                w.show(face, size, w.margin + pad, w.y + 2.0, l);
            }
        });
        self.y -= pad;
    }

    /// A paragraph at the foot of the page.
    pub fn at_bottom(&mut self, face: Face, size: f32, text: &str) {
        let y = self.margin * 0.6;
        self.tagged(Role::P, |w| w.show(face, size, w.margin, y, text));
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
