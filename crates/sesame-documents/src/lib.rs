//! PDF documents (printpdf): the credential letter and the technical user's connection
//! information. Self-contained for offline review: the DejaVu fonts shipped in
//! `resources/fonts` are embedded as subsets, the text is real text (selectable, extractable),
//! and the metadata says title, language and creator. A4 or US Letter. Tagged (a structure
//! tree in reading order, see `tagged`) and PDF/A-2u (see `pdfa`) unless protected.

mod layout;
mod pdfa;
pub mod sheet;
mod tagged;

use std::sync::OnceLock;

use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use layout::{Face, Role, Writer};
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
    pub handover: Handover,
}

/// What a document says about the password's life and about who handed it over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Handover {
    /// When the password expires (API credentials; `None`: never, or a person's).
    pub expires_at: Option<OffsetDateTime>,
    /// After a rotation: until when the previous password still works.
    pub previous_until: Option<OffsetDateTime>,
    /// The server address to use, for a shared server (`None`: the embedded local one).
    pub server_address: Option<String>,
    /// The administrator who issued the document and how to reach them.
    pub issued_by: Option<Issuer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    pub name: String,
    pub email: String,
}

/// The connection information of a technical user, in its primary manager's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionInformation {
    pub organization_name: String,
    pub structure: String,
    pub organization_code: String,
    pub login: String,
    pub password: String,
    /// The API address the vendor reaches; `None` when the server knows only this computer's
    /// own (loopback) address: the sheet then says the administrator will give it, and shows
    /// no QR code.
    pub api_address: Option<String>,
    pub manager_name: String,
    pub manager_email: String,
    pub created: OffsetDateTime,
    pub language: Language,
    pub handover: Handover,
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

/// One PDF with a page per letter (a batch prints several at once). Its title and language
/// are those of its letters: one letter's title and login, or the plural title; letters in
/// both languages get a title in both and the language most of them are in.
pub fn credential_letters(letters: &[CredentialLetter], paper: Paper) -> Result<Vec<u8>, String> {
    let (title, language) = letters_title(letters)?;
    build(
        &title,
        language,
        paper,
        letters
            .iter()
            .map(|l| move |w: &mut Writer| letter_page(w, l)),
    )
}

/// The title and language of a PDF of `letters`.
pub fn letters_title(letters: &[CredentialLetter]) -> Result<(String, Language), String> {
    let Some(first) = letters.first() else {
        return Err("no letter to print".into());
    };
    if letters.len() == 1 {
        return Ok((
            format!("{} — {}", title_of(first), first.login),
            first.language,
        ));
    }
    let french = letters
        .iter()
        .filter(|l| l.language == Language::Fr)
        .count();
    let language = match (french * 2).cmp(&letters.len()) {
        std::cmp::Ordering::Greater => Language::Fr,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal => first.language,
    };
    let count = letters.len().to_string();
    let plural = |lang| t(lang, "doc-letters-title", &[("count", &count)]);
    let title = if letters.iter().all(|l| l.language == first.language) {
        plural(first.language)
    } else {
        let other = match language {
            Language::Fr => Language::En,
            Language::En => Language::Fr,
        };
        format!("{} / {}", plural(language), plural(other))
    };
    Ok((title, language))
}

/// Protects a PDF with a passphrase: AES-256 (PDF 2.0's standard security handler, revision
/// 6), the passphrase needed to open it; the owner password is random and never shown.
pub fn protect(pdf: &[u8], passphrase: &str) -> Result<Vec<u8>, String> {
    use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = lopdf::Document::load_mem(pdf).map_err(|e| e.to_string())?;
    // PDF/A forbids encryption: the file stays tagged but no longer claims PDF/A.
    pdfa::renounce(&mut doc);
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| e.to_string())?;
    let owner = sesame_core::domain::generate_token();
    let filter: std::sync::Arc<dyn CryptFilter> = std::sync::Arc::new(Aes256CryptFilter);
    let version = EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: std::collections::BTreeMap::from([(b"StdCF".to_vec(), filter)]),
        file_encryption_key: &key,
        stream_filter: b"StdCF".to_vec(),
        string_filter: b"StdCF".to_vec(),
        owner_password: &owner,
        user_password: passphrase,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).map_err(|e| e.to_string())?;
    doc.encrypt(&state).map_err(|e| e.to_string())?;
    // lopdf leaves out the key lengths; poppler then reads a 40-bit key and shows garbage.
    if let Ok(id) = doc
        .trailer
        .get(b"Encrypt")
        .and_then(lopdf::Object::as_reference)
        && let Ok(lopdf::Object::Dictionary(d)) = doc.get_object_mut(id)
    {
        d.set("Length", 256);
        if let Ok(lopdf::Object::Dictionary(cf)) = d.get_mut(b"CF")
            && let Ok(lopdf::Object::Dictionary(std_cf)) = cf.get_mut(b"StdCF")
        {
            std_cf.set("Length", 32);
            std_cf.set("AuthEvent", lopdf::Object::Name(b"DocOpen".to_vec()));
        }
    }
    // AES-256 (revision 6) belongs to PDF 2.0.
    doc.version = "2.0".into();
    let mut bytes = vec![];
    doc.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
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

/// A sensible file name in the document's language: "credential-letter-zoe.pdf",
/// "lettres-identifiants-DEMO.pdf"; never a doubled dot or dash (a subject ending in "Fils."
/// ends the name in fils.pdf).
pub fn file_name(kind: &str, language: Language, subject: &str) -> String {
    let base = t(language, kind, &[]);
    let separator = |c: char| c == '-' || c == '.';
    let mut plain = String::new();
    for c in sesame_core::domain::fold_for_search(subject.trim()).chars() {
        let c = if c.is_ascii_alphanumeric() || separator(c) {
            c
        } else {
            '-'
        };
        // A run of dots and dashes is one separator: "l.bouchard" stays, "& Fils." goes.
        if !(separator(c) && (plain.is_empty() || plain.ends_with(separator))) {
            plain.push(c);
        }
    }
    let subject = plain.trim_end_matches(separator);
    if subject.is_empty() {
        format!("{base}.pdf")
    } else {
        format!("{base}-{subject}.pdf")
    }
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
    let mut structures = vec![];
    for page in pages {
        let mut w = Writer::new(&ids, [&f.regular, &f.bold, &f.mono], width, height);
        page(&mut w);
        let (ops, structure) = w.finish();
        out_pages.push(PdfPage::new(
            printpdf::Mm::from(printpdf::Pt(width)),
            printpdf::Mm::from(printpdf::Pt(height)),
            ops,
        ));
        structures.push(structure);
    }
    doc.with_pages(out_pages);
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = vec![];
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    // printpdf has no setting for the document language.
    lo.catalog_mut()
        .map_err(|e| e.to_string())?
        .set("Lang", lopdf::Object::string_literal(language.as_str()));
    tagged::attach(&mut lo, &structures)?;
    let mut languages = vec![language];
    for l in structures.iter().filter_map(tagged::Structure::language) {
        if !languages.contains(&l) {
            languages.push(l);
        }
    }
    let description = pdfa::Description {
        title,
        languages: &languages,
        date: OffsetDateTime::now_utc(),
    };
    pdfa::conform(&mut lo, &description)?;
    let mut bytes = vec![];
    lo.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// The letterhead, which starts every page: the page is in `lang`.
fn header(w: &mut Writer, lang: Language, organization: &str, code: &str, date: OffsetDateTime) {
    w.set_language(lang);
    w.line(Role::P, Face::Bold, 17.0, organization);
    w.line(
        Role::P,
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
    w.line(Role::H1, Face::Bold, 15.0, &title_of(l));
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
    w.group(Role::Table, |w| {
        w.field(&t(lang, "doc-organization-code", &[]), &l.organization_code);
        w.field(&t(lang, login_label, &[]), &l.login);
        if let Holder::ServiceUser { application } = &l.holder {
            w.field(&t(lang, "doc-field-application", &[]), application);
        }
        w.password(&t(lang, "doc-field-password", &[]), &l.password);
        validity_fields(w, lang, &l.handover);
    });
    w.gap(12.0);
    w.line(Role::H2, Face::Bold, 12.0, &t(lang, steps, &[]));
    w.gap(2.0);
    let step2 = match (&l.holder, l.handover.expires_at) {
        (Holder::ServiceUser { .. }, Some(expires)) => t(
            lang,
            "doc-letter-service-step-2-expires",
            &[("date", &long_date(lang, expires))],
        ),
        _ => t(lang, step2, &[]),
    };
    let mut steps = vec![t(lang, step1, &[]), step2];
    if let Some(until) = l.handover.previous_until {
        steps.push(t(
            lang,
            "doc-rotation-step",
            &[("date", &long_date(lang, until))],
        ));
    }
    w.steps(&steps);
    footer(w, lang);
}

/// The password's expiry, the previous one's end after a rotation, the server to use and
/// who issued the document: rows of the fields' table.
fn validity_fields(w: &mut Writer, lang: Language, h: &Handover) {
    if let Some(expires) = h.expires_at {
        w.field(
            &t(lang, "doc-field-expires", &[]),
            &long_date(lang, expires),
        );
    }
    if let Some(until) = h.previous_until {
        w.field(
            &t(lang, "doc-field-previous-until", &[]),
            &long_date(lang, until),
        );
    }
    if let Some(address) = &h.server_address {
        w.field(&t(lang, "doc-field-server", &[]), address);
    }
    if let Some(issuer) = &h.issued_by {
        w.field(
            &t(lang, "doc-field-issued-by", &[]),
            &format!("{} <{}>", issuer.name, issuer.email),
        );
    }
}

fn connection_page(w: &mut Writer, c: &ConnectionInformation) {
    let lang = c.language;
    header(
        w,
        lang,
        &c.organization_name,
        &c.organization_code,
        c.created,
    );
    w.line(
        Role::H1,
        Face::Bold,
        15.0,
        &t(lang, "doc-connection-title", &[]),
    );
    w.gap(6.0);
    // The API address as a QR code at the right, the introduction beside it (the QR code
    // is drawn after it, as it reads), then the fields (never the password in the code).
    let qr_size = 112.0;
    let top = w.y();
    w.narrow(qr_size + 12.0);
    w.paragraph(
        Face::Regular,
        11.0,
        &t(lang, "doc-connection-intro", &[("structure", &c.structure)]),
    );
    w.widen(qr_size + 12.0);
    let address = c.api_address.clone().unwrap_or_default();
    if let Some(code) = c
        .api_address
        .as_ref()
        .and_then(|a| qrcode::QrCode::new(a.as_bytes()).ok())
    {
        let modules: Vec<bool> = code
            .to_colors()
            .iter()
            .map(|m| *m == qrcode::Color::Dark)
            .collect();
        let alt = t(lang, "doc-qr-alt", &[("address", &address)]);
        w.qr(&modules, code.width(), qr_size, top, alt);
    }
    w.set_y(w.y().min(top - qr_size - 4.0));
    w.group(Role::Table, |w| connection_fields(w, c));
    w.gap(12.0);
    w.line(Role::H2, Face::Bold, 12.0, &t(lang, "doc-token-title", &[]));
    w.gap(2.0);
    w.paragraph(Face::Regular, 10.5, &t(lang, "doc-token-intro", &[]));
    w.gap(4.0);
    let placeholder = t(lang, "doc-token-password-placeholder", &[]);
    w.code(&[
        match &c.api_address {
            Some(a) => format!("POST {}/token", a.trim_end_matches('/')),
            None => format!("POST {}/token", t(lang, "doc-api-address-placeholder", &[])),
        },
        "Content-Type: application/json".to_owned(),
        String::new(),
        format!(
            "{{\"organization\": \"{}\", \"user_id\": \"{}\",",
            c.organization_code, c.login
        ),
        format!(" \"password\": \"{placeholder}\"}}"),
    ]);
    w.gap(4.0);
    w.paragraph(Face::Regular, 10.5, &t(lang, "doc-token-answer", &[]));
    w.gap(6.0);
    w.paragraph(Face::Regular, 10.5, &t(lang, "doc-connection-note", &[]));
    footer(w, lang);
}

/// The rows of the connection information's fields.
fn connection_fields(w: &mut Writer, c: &ConnectionInformation) {
    let lang = c.language;
    w.field(&t(lang, "doc-field-structure", &[]), &c.structure);
    w.field(&t(lang, "doc-organization-code", &[]), &c.organization_code);
    w.field(&t(lang, "doc-field-login", &[]), &c.login);
    w.password(&t(lang, "doc-field-password", &[]), &c.password);
    let address = match &c.api_address {
        Some(a) => a.clone(),
        None => t(lang, "doc-api-address-unknown", &[]),
    };
    w.field(&t(lang, "doc-field-api-address", &[]), &address);
    w.field(
        &t(lang, "doc-field-primary-manager", &[]),
        &format!("{} <{}>", c.manager_name, c.manager_email),
    );
    w.field(
        &t(lang, "doc-field-created", &[]),
        &long_date(lang, c.created),
    );
    validity_fields(w, lang, &c.handover);
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
