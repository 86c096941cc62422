//! PDF documents (printpdf): the credential letter and the technical user's connection
//! information. Self-contained for offline review: the DejaVu fonts shipped in
//! `resources/fonts` are embedded as subsets, the text is real text (selectable, extractable),
//! and the metadata says title, language and creator. A4 or US Letter.

mod layout;

use std::sync::OnceLock;

use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use layout::{Face, Writer};
use sesame_core::domain::Language;
use sesame_core::i18n::{long_date, texts};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Whose credentials a letter hands over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A person: their name; the password is temporary.
    Person { name: String },
    /// A service user: its application; the password is permanent.
    ServiceUser { application: String },
}

/// One credential letter, in the account's communication language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialLetter {
    pub organization_name: String,
    pub organization_code: String,
    /// The user ID, or a service user's user code.
    pub login: String,
    pub password: String,
    pub holder: Holder,
    pub language: Language,
    pub date: OffsetDateTime,
}

/// The connection information of a technical user, in its primary manager's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionInformation {
    pub structure: String,
    pub organization_code: String,
    pub login: String,
    pub password: String,
    pub api_address: String,
    pub manager_name: String,
    pub manager_email: String,
    pub created: OffsetDateTime,
    pub language: Language,
}

struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    mono: ParsedFont,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the shipped font parses")
        };
        Fonts {
            regular: parse(include_bytes!("../../../resources/fonts/DejaVuSans.ttf")),
            bold: parse(include_bytes!(
                "../../../resources/fonts/DejaVuSans-Bold.ttf"
            )),
            mono: parse(include_bytes!(
                "../../../resources/fonts/DejaVuSansMono.ttf"
            )),
        }
    })
}

fn t(lang: Language, id: &str, args: &[(&str, &str)]) -> String {
    texts().get(lang, id, args)
}

/// One PDF with a page per letter (a batch prints several at once).
pub fn credential_letters(letters: &[CredentialLetter], paper: Paper) -> Result<Vec<u8>, String> {
    if letters.is_empty() {
        return Err("no letter to print".into());
    }
    let first = &letters[0];
    let title = if letters.len() == 1 {
        format!("{} — {}", title_of(first), first.login)
    } else {
        title_of(first)
    };
    build(
        &title,
        first.language,
        paper,
        letters
            .iter()
            .map(|l| move |w: &mut Writer| letter_page(w, l)),
    )
}

/// The connection information of a technical user, on one page.
pub fn connection_information(
    info: &ConnectionInformation,
    paper: Paper,
) -> Result<Vec<u8>, String> {
    let title = format!(
        "{} — {}",
        t(info.language, "doc-connection-title", &[]),
        info.structure
    );
    build(
        &title,
        info.language,
        paper,
        std::iter::once(|w: &mut Writer| connection_page(w, info)),
    )
}

/// A sensible file name: "credential-letter-zoe.pdf", "lettres-identifiants-DEMO.pdf".
pub fn file_name(kind: &str, language: Language, subject: &str) -> String {
    let base = t(language, kind, &[]);
    let subject: String = sesame_core::domain::fold_for_search(subject)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{base}-{}.pdf", subject.trim_matches('-'))
}

fn title_of(l: &CredentialLetter) -> String {
    match l.holder {
        Holder::Person { .. } => t(l.language, "doc-letter-title", &[]),
        Holder::ServiceUser { .. } => t(l.language, "doc-letter-service-title", &[]),
    }
}

fn build<F: FnOnce(&mut Writer)>(
    title: &str,
    language: Language,
    paper: Paper,
    pages: impl Iterator<Item = F>,
) -> Result<Vec<u8>, String> {
    let f = fonts();
    let mut doc = PdfDocument::new(title);
    let ids = layout::FontIds {
        regular: doc.add_font(&f.regular),
        bold: doc.add_font(&f.bold),
        mono: doc.add_font(&f.mono),
    };
    let (width, height) = paper.size();
    let mut out_pages = vec![];
    for page in pages {
        let mut w = Writer::new(&ids, [&f.regular, &f.bold, &f.mono], width, height);
        page(&mut w);
        out_pages.push(PdfPage::new(
            printpdf::Mm::from(printpdf::Pt(width)),
            printpdf::Mm::from(printpdf::Pt(height)),
            w.into_ops(),
        ));
    }
    let now =
        printpdf::OffsetDateTime::from_unix_timestamp(OffsetDateTime::now_utc().unix_timestamp())
            .map_err(str::to_owned)?;
    let info = &mut doc.metadata.info;
    info.document_title = title.to_owned();
    info.creator = "Sesame".into();
    info.producer = "Sesame (printpdf)".into();
    info.author = "Sesame".into();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
    doc.with_pages(out_pages);
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = vec![];
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    // printpdf has no setting for the document language, and writes an empty PDF/X marker.
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("Lang", lopdf::Object::string_literal(language.as_str()));
    }
    if let Ok(info_ref) = lo
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        && let Ok(lopdf::Object::Dictionary(d)) = lo.get_object_mut(info_ref)
    {
        d.remove(b"GTS_PDFXVersion");
    }
    let mut bytes = vec![];
    lo.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn header(w: &mut Writer, lang: Language, organization: &str, code: &str, date: OffsetDateTime) {
    w.line(Face::Bold, 17.0, organization);
    w.line(
        Face::Regular,
        10.5,
        &format!("{} : {code}", t(lang, "doc-organization-code", &[]))
            .replace(" :", if lang == Language::Fr { "\u{a0}:" } else { ":" }),
    );
    w.right(
        Face::Regular,
        10.5,
        &t(lang, "doc-date", &[("date", &long_date(lang, date))]),
    );
    w.rule();
    w.gap(18.0);
}

fn footer(w: &mut Writer, lang: Language) {
    w.gap(16.0);
    w.boxed_paragraph(Face::Regular, 9.0, &t(lang, "doc-confidential", &[]));
    let printed = t(
        lang,
        "doc-footer",
        &[("date", &long_date(lang, OffsetDateTime::now_utc()))],
    );
    w.at_bottom(Face::Regular, 8.0, &printed);
}

fn letter_page(w: &mut Writer, l: &CredentialLetter) {
    let lang = l.language;
    header(w, lang, &l.organization_name, &l.organization_code, l.date);
    w.line(Face::Bold, 15.0, &title_of(l));
    w.gap(6.0);
    let (intro, login_label, steps, step1, step2) = match &l.holder {
        Holder::Person { name } => (
            t(
                lang,
                "doc-letter-intro",
                &[("name", name), ("organization", &l.organization_name)],
            ),
            "doc-field-user-id",
            "doc-letter-steps",
            "doc-letter-step-1",
            "doc-letter-step-2",
        ),
        Holder::ServiceUser { application } => (
            t(
                lang,
                "doc-letter-service-intro",
                &[
                    ("code", &l.login),
                    ("organization", &l.organization_name),
                    ("application", application),
                ],
            ),
            "doc-field-user-code",
            "doc-letter-service-steps",
            "doc-letter-service-step-1",
            "doc-letter-service-step-2",
        ),
    };
    w.paragraph(Face::Regular, 11.0, &intro);
    w.gap(10.0);
    w.field(&t(lang, "doc-organization-code", &[]), &l.organization_code);
    w.field(&t(lang, login_label, &[]), &l.login);
    if let Holder::ServiceUser { application } = &l.holder {
        w.field(&t(lang, "doc-field-application", &[]), application);
    }
    w.password(&t(lang, "doc-field-password", &[]), &l.password);
    w.gap(12.0);
    w.line(Face::Bold, 12.0, &t(lang, steps, &[]));
    w.gap(2.0);
    w.numbered(1, &t(lang, step1, &[]));
    w.numbered(2, &t(lang, step2, &[]));
    footer(w, lang);
}

fn connection_page(w: &mut Writer, c: &ConnectionInformation) {
    let lang = c.language;
    header(w, lang, &c.structure, &c.organization_code, c.created);
    w.line(Face::Bold, 15.0, &t(lang, "doc-connection-title", &[]));
    w.gap(6.0);
    w.paragraph(
        Face::Regular,
        11.0,
        &t(lang, "doc-connection-intro", &[("structure", &c.structure)]),
    );
    w.gap(10.0);
    w.field(&t(lang, "doc-field-structure", &[]), &c.structure);
    w.field(&t(lang, "doc-organization-code", &[]), &c.organization_code);
    w.field(&t(lang, "doc-field-login", &[]), &c.login);
    w.password(&t(lang, "doc-field-password", &[]), &c.password);
    w.field(&t(lang, "doc-field-api-address", &[]), &c.api_address);
    w.field(
        &t(lang, "doc-field-primary-manager", &[]),
        &format!("{} <{}>", c.manager_name, c.manager_email),
    );
    w.field(
        &t(lang, "doc-field-created", &[]),
        &long_date(lang, c.created),
    );
    w.gap(10.0);
    w.paragraph(Face::Regular, 10.5, &t(lang, "doc-connection-note", &[]));
    footer(w, lang);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_break_space_keeps_a_french_colon_on_the_line_of_its_word() {
        let f = fonts();
        let mut doc = PdfDocument::new("test");
        let ids = layout::FontIds {
            regular: doc.add_font(&f.regular),
            bold: doc.add_font(&f.bold),
            mono: doc.add_font(&f.mono),
        };
        let w = Writer::new(&ids, [&f.regular, &f.bold, &f.mono], 595.0, 842.0);
        let step = t(Language::Fr, "doc-letter-step-2", &[]);
        // Just wide enough for the words before the colon: the colon must not start a line.
        let width = w.measure(Face::Regular, 11.0, "Ce mot de passe est temporaire") + 1.0;
        let lines = w.wrap(Face::Regular, 11.0, &step, width);
        assert!(lines.iter().all(|l| !l.starts_with(':')), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("temporaire\u{a0}:")),
            "{lines:?}"
        );
    }
}
