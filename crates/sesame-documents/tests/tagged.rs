//! The documents are tagged PDF: a structure tree in reading order (title, paragraphs, the
//! fields as a table, the numbered steps as a list, the QR code as a described figure), each
//! element tied to the marked content it owns on its page, decorations marked as artifacts,
//! one part per letter of a batch in the letter's language. Read back with lopdf, as assistive
//! technology reads it, and with poppler's pdfinfo and pdftotext.

mod pdf;

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};
use pdf::samples::{self, API_ADDRESS, PASSWORD};
use pdf::structure::{self, Node, all, check, outline, text_of};
use pdf::{squash, tool};
use sesame_core::domain::Language;

type Texts = BTreeMap<(ObjectId, i64), String>;

/// A person's letter without handover details, as its part's outline.
const PERSON_LETTER: &str = "Part(P P P H1 P Table(TR(TH TD) TR(TH TD) TR(TH TD)) H2 \
     L(LI(Lbl LBody) LI(Lbl LBody)) P P)";

/// The document's catalog says it is tagged, shows its title and names its language.
fn check_catalog(doc: &Document, lang: &str) {
    let catalog = doc.catalog().unwrap();
    let mark_info = structure::dict(doc, catalog.get(b"MarkInfo").expect("MarkInfo"));
    assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
    let viewer = structure::dict(doc, catalog.get(b"ViewerPreferences").unwrap());
    assert!(viewer.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let found = lopdf::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap();
    assert_eq!(found, lang);
}

fn of_role<'a>(node: &'a Node, role: &str) -> Vec<&'a Node> {
    all(node).into_iter().filter(|n| n.role == role).collect()
}

/// The (label, value) of each row of the part's fields.
fn rows(part: &Node, texts: &Texts) -> Vec<(String, String)> {
    of_role(part, "TR")
        .iter()
        .map(|row| {
            let cell = |role: &str| text_of(of_role(row, role)[0], texts);
            (cell("TH"), cell("TD"))
        })
        .collect()
}

fn texts_of(part: &Node, role: &str, texts: &Texts) -> Vec<String> {
    of_role(part, role)
        .iter()
        .map(|n| text_of(n, texts))
        .collect()
}

#[test]
fn a_letter_reads_title_introduction_fields_steps_then_the_note() {
    for (lang, title, rows_expected, first_step) in [
        (
            Language::En,
            "Your access to Sesame",
            [("Organization code", "DEMO"), ("User ID", "zoe")],
            "Open Sesame and enter the organization code",
        ),
        (
            Language::Fr,
            "Votre accès à Sesame",
            [("Code d’organisation", "DEMO"), ("Identifiant", "zoe")],
            "Ouvrez Sesame et saisissez le code d’organisation",
        ),
    ] {
        let pdf = samples::letter_pdf(lang);
        samples::keep(&format!("tagged-letter-{}.pdf", lang.as_str()), &pdf);
        let doc = Document::load_mem(&pdf).unwrap();
        check_catalog(&doc, lang.as_str());
        let tree = structure::tree(&doc);
        assert_eq!(outline(&tree), format!("Document({PERSON_LETTER})"));
        let texts = check(&doc, &tree);
        let part = &tree.kids[0];
        assert_eq!(part.lang.as_deref(), Some(lang.as_str()));
        assert_eq!(texts_of(part, "H1", &texts), [title]);
        assert_eq!(texts_of(part, "P", &texts)[0], "Boulangerie Lumière & Fils");
        let found = rows(part, &texts);
        assert_eq!(found.len(), 3);
        for (i, (label, value)) in rows_expected.iter().enumerate() {
            assert_eq!(found[i], (label.to_string(), value.to_string()));
        }
        assert_eq!(found[2].1, PASSWORD, "the password is the last row");
        assert_eq!(texts_of(part, "Lbl", &texts), ["1.", "2."]);
        assert!(texts_of(part, "LBody", &texts)[0].starts_with(first_step));
        let footer = texts_of(part, "P", &texts).pop().unwrap();
        assert!(footer.contains("Sesame"), "{footer}");
        // The rule under the letterhead, the password's box and the note's background.
        let page = *doc.get_pages().values().next().unwrap();
        assert!(structure::page_content(&doc, page).artifacts >= 3);
    }
}

#[test]
fn a_batch_has_one_part_per_letter_in_page_order_each_in_its_holders_language() {
    let pdf = samples::batch_pdf();
    samples::keep("tagged-batch.pdf", &pdf);
    let doc = Document::load_mem(&pdf).unwrap();
    // Two letters of three are French: the document is.
    check_catalog(&doc, "fr");
    let tree = structure::tree(&doc);
    let texts = check(&doc, &tree);
    let service = "Part(P P P H1 P Table(TR(TH TD) TR(TH TD) TR(TH TD) TR(TH TD) TR(TH TD) \
         TR(TH TD) TR(TH TD) TR(TH TD)) H2 L(LI(Lbl LBody) LI(Lbl LBody) LI(Lbl LBody)) P P)";
    assert_eq!(
        outline(&tree),
        format!("Document({PERSON_LETTER} {PERSON_LETTER} {service})")
    );
    let languages: Vec<_> = tree.kids.iter().map(|p| p.lang.as_deref()).collect();
    assert_eq!(languages, [Some("fr"), Some("en"), Some("fr")]);
    let titles: Vec<_> = tree
        .kids
        .iter()
        .map(|p| texts_of(p, "H1", &texts).concat())
        .collect();
    assert_eq!(
        titles,
        [
            "Votre accès à Sesame",
            "Your access to Sesame",
            "Identifiants d’un utilisateur de services"
        ]
    );
    let intros: Vec<_> = tree
        .kids
        .iter()
        .map(|p| texts_of(p, "P", &texts)[3].clone())
        .collect();
    assert!(
        intros[0].starts_with("Zoë Łukasiewicz-Ñúñez, voici"),
        "{intros:?}"
    );
    assert!(
        intros[1].starts_with("Ægir Øvergård, here are"),
        "{intros:?}"
    );
    let service_rows = rows(&tree.kids[2], &texts);
    assert_eq!(
        service_rows[7],
        (
            "Émis par".to_owned(),
            "Marie Tremblay <marie@tremblay.example>".to_owned()
        )
    );
}

#[test]
fn the_connection_information_describes_its_qr_code_in_its_language() {
    for (lang, alt) in [
        (
            Language::En,
            format!("QR code of the API address: {API_ADDRESS}"),
        ),
        (
            Language::Fr,
            format!("Code QR de l’adresse de l’API\u{a0}: {API_ADDRESS}"),
        ),
    ] {
        let pdf = samples::connection_pdf(lang);
        samples::keep(&format!("tagged-connection-{}.pdf", lang.as_str()), &pdf);
        let doc = Document::load_mem(&pdf).unwrap();
        check_catalog(&doc, lang.as_str());
        let tree = structure::tree(&doc);
        let fields = "TR(TH TD) ".repeat(7);
        assert_eq!(
            outline(&tree),
            format!(
                "Document(Part(P P P H1 P Figure Table({}) H2 P P(Code) P P P P))",
                fields.trim_end()
            )
        );
        let texts = check(&doc, &tree);
        let part = &tree.kids[0];
        let figure = of_role(part, "Figure")[0];
        assert_eq!(figure.alt.as_deref(), Some(alt.as_str()));
        // The figure owns the QR code's drawing (its white ground and modules), no text.
        assert_eq!(figure.content.len(), 1);
        assert_eq!(text_of(figure, &texts), "");
        let attributes = doc.get_dictionary(figure.id).unwrap().get(b"A").unwrap();
        let bbox = attributes.as_dict().unwrap().get(b"BBox").unwrap();
        assert_eq!(bbox.as_array().unwrap().len(), 4);
        let code = texts_of(part, "Code", &texts).concat();
        assert!(
            code.starts_with(&format!("POST {API_ADDRESS}/token")),
            "{code}"
        );
        let found = rows(part, &texts);
        assert_eq!(found[3].1, PASSWORD);
        assert_eq!(found[4].1, API_ADDRESS);
    }
}

#[test]
fn pdfinfo_says_every_kind_of_document_is_tagged() {
    for (kind, pdf) in [
        ("letter", samples::letter_pdf(Language::Fr)),
        ("batch", samples::batch_pdf()),
        ("connection", samples::connection_pdf(Language::En)),
    ] {
        let (ok, info) = tool("pdfinfo", "poppler-utils", &["PDF"], &pdf);
        assert!(ok, "{kind}: {info}");
        assert!(
            info.lines()
                .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
            "{kind}: {info}"
        );
    }
}

#[test]
fn pdftotext_still_reads_a_letter_in_reading_order() {
    let pdf = samples::letter_pdf(Language::En);
    let (ok, text) = tool(
        "pdftotext",
        "poppler-utils",
        &["-layout", "-enc", "UTF-8", "PDF", "-"],
        &pdf,
    );
    assert!(ok, "{text}");
    let text = squash(&text);
    let mut from = 0;
    for expected in [
        "Boulangerie Lumière & Fils",
        "Organization code: DEMO",
        "November 23, 2026",
        "Your access to Sesame",
        "Zoë Łukasiewicz-Ñúñez, here are the credentials",
        "User ID zoe",
        &format!("Password {PASSWORD}"),
        "How to sign in",
        "1. Open Sesame",
        "2. This password is temporary",
        "Confidential.",
        "Printed with Sesame",
    ] {
        let at = text[from..]
            .find(expected)
            .unwrap_or_else(|| panic!("{expected:?} not after byte {from} of {text}"));
        from += at + expected.len();
    }
}

#[test]
fn headings_and_list_carry_their_standard_attributes() {
    let pdf = samples::letter_pdf(Language::En);
    let doc = Document::load_mem(&pdf).unwrap();
    let tree = structure::tree(&doc);
    let attribute = |node: &Node, key: &[u8]| -> String {
        let d = doc.get_dictionary(node.id).unwrap();
        let a = d.get(b"A").expect("attributes").as_dict().unwrap();
        match a.get(key).unwrap() {
            Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
            other => format!("{other:?}"),
        }
    };
    let list = of_role(&tree, "L")[0];
    assert_eq!(attribute(list, b"ListNumbering"), "Decimal");
    for header in of_role(&tree, "TH") {
        assert_eq!(attribute(header, b"Scope"), "Row");
    }
}
