//! An unprotected document is PDF/A-2u: XMP metadata with the PDF/A identification, saying what
//! the Info dictionary says; an sRGB output intent; a file identifier; every font embedded with
//! a ToUnicode map; none of what PDF/A forbids. qpdf finds no error in any kind of document. A
//! protected one stays tagged but no longer claims PDF/A, which forbids encryption.

mod pdf;

use lopdf::{Dictionary, Document, Object};
use pdf::samples;
use pdf::structure::{self, check, dict, outline};
use pdf::tool;
use sesame_core::domain::Language;

const PDFAID: &str = "http://www.aiim.org/pdfa/ns/id/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const XMP: &str = "http://ns.adobe.com/xap/1.0/";
const PDF: &str = "http://ns.adobe.com/pdf/1.3/";

fn documents() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("letter", samples::letter_pdf(Language::En)),
        ("batch", samples::batch_pdf()),
        ("connection", samples::connection_pdf(Language::Fr)),
    ]
}

fn info(doc: &Document, key: &[u8]) -> String {
    let info = doc.trailer.get(b"Info").unwrap();
    lopdf::decode_text_string(dict(doc, info).get(key).unwrap()).unwrap()
}

/// The catalog's XMP metadata: uncompressed, of Type Metadata and Subtype XML.
fn xmp(doc: &Document) -> Option<String> {
    let reference = doc.catalog().unwrap().get(b"Metadata").ok()?;
    let stream = doc
        .get_object(reference.as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert!(!stream.dict.has(b"Filter"), "PDF/A metadata is not encoded");
    assert_eq!(
        stream.dict.get(b"Type").unwrap().as_name().unwrap(),
        b"Metadata"
    );
    assert_eq!(
        stream.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"XML"
    );
    Some(String::from_utf8(stream.content.clone()).expect("UTF-8 XMP"))
}

/// The text of the first element `name` of namespace `ns` (its first `rdf:li` if a list).
fn xmp_value(xml: &roxmltree::Document, ns: &str, name: &str) -> Option<String> {
    let node = xml
        .descendants()
        .find(|n| n.tag_name().namespace() == Some(ns) && n.tag_name().name() == name)?;
    let li = node.descendants().find(|n| n.tag_name().name() == "li");
    li.unwrap_or(node).text().map(str::to_owned)
}

/// `D:20261206191801+00'00'` as XMP writes it, `2026-12-06T19:18:01+00:00`.
fn as_xmp_date(info_date: &str) -> String {
    let d = info_date.trim_start_matches("D:");
    let (t, zone) = d.split_at(14);
    format!(
        "{}-{}-{}T{}:{}:{}{}",
        &t[0..4],
        &t[4..6],
        &t[6..8],
        &t[8..10],
        &t[10..12],
        &t[12..14],
        zone.replace('\'', ":").trim_end_matches(':')
    )
}

/// The XMP parses, identifies PDF/A-2u and says what the Info dictionary says.
fn check_metadata(kind: &str, doc: &Document) {
    let text = xmp(doc).unwrap_or_else(|| panic!("{kind}: no XMP metadata"));
    let xml = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{kind}: {e}"));
    let value = |ns, name| {
        xmp_value(&xml, ns, name).unwrap_or_else(|| panic!("{kind}: no {name} in {text}"))
    };
    assert_eq!(value(PDFAID, "part"), "2", "{kind}");
    assert_eq!(value(PDFAID, "conformance"), "U", "{kind}");
    assert_eq!(value(DC, "title"), info(doc, b"Title"), "{kind}");
    assert_eq!(value(DC, "creator"), info(doc, b"Author"), "{kind}");
    assert_eq!(value(XMP, "CreatorTool"), info(doc, b"Creator"), "{kind}");
    assert_eq!(value(PDF, "Producer"), info(doc, b"Producer"), "{kind}");
    let created = as_xmp_date(&info(doc, b"CreationDate"));
    assert_eq!(value(XMP, "CreateDate"), created, "{kind}");
    let modified = as_xmp_date(&info(doc, b"ModDate"));
    assert_eq!(value(XMP, "ModifyDate"), modified, "{kind}");
    let lang = lopdf::decode_text_string(doc.catalog().unwrap().get(b"Lang").unwrap()).unwrap();
    assert_eq!(
        value(DC, "language"),
        lang,
        "{kind}: the document's language first"
    );
}

/// One output intent, GTS_PDFA1, with an RGB ICC profile.
fn check_output_intent(kind: &str, doc: &Document) {
    let intents = doc.catalog().unwrap().get(b"OutputIntents").unwrap();
    let intents = intents.as_array().unwrap();
    assert_eq!(intents.len(), 1, "{kind}");
    let intent = dict(doc, &intents[0]);
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    assert!(
        intent
            .get(b"OutputConditionIdentifier")
            .unwrap()
            .as_str()
            .is_ok()
    );
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(
        profile.dict.get(b"N").unwrap().as_i64().unwrap(),
        3,
        "{kind}"
    );
    let icc = profile
        .decompressed_content()
        .unwrap_or_else(|_| profile.content.clone());
    assert_eq!(&icc[36..40], b"acsp", "{kind}: an ICC profile");
    assert_eq!(&icc[16..20], b"RGB ", "{kind}: an RGB profile");
    assert_eq!(
        u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize,
        icc.len()
    );
}

/// Every font embedded, each with a ToUnicode map (the "u" of PDF/A-2u; that the maps cover
/// every code shown is checked with the structure, in `structure::page_content`).
fn check_fonts(kind: &str, doc: &Document) {
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        let kind_of = |key: &[u8]| d.get(key).and_then(Object::as_name).ok();
        if kind_of(b"Type") == Some(b"FontDescriptor") {
            assert!(d.has(b"FontFile2") || d.has(b"FontFile3"), "{kind}: {d:?}");
        }
        if kind_of(b"Type") == Some(b"Font") && kind_of(b"Subtype") != Some(b"CIDFontType2") {
            fonts += 1;
            assert_eq!(kind_of(b"Subtype"), Some(&b"Type0"[..]), "{kind}: {d:?}");
            assert!(
                d.get(b"ToUnicode").unwrap().as_reference().is_ok(),
                "{kind}"
            );
            let descendant = d.get(b"DescendantFonts").unwrap().as_array().unwrap();
            let descriptor = dict(
                doc,
                dict(doc, &descendant[0]).get(b"FontDescriptor").unwrap(),
            );
            assert!(descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"));
        }
    }
    assert_eq!(fonts, 3, "{kind}: regular, bold and monospace");
}

/// Nothing PDF/A forbids or that belongs to another standard: encryption, JavaScript and
/// actions, LZW, transparency groups and soft masks, the PDF/X marker printpdf writes.
fn check_nothing_forbidden(kind: &str, doc: &Document) {
    assert!(!doc.trailer.has(b"Encrypt"), "{kind}");
    let dicts = doc.objects.values().filter_map(|o| match o {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    });
    let forbidden: [&[u8]; 6] = [
        b"JS",
        b"JavaScript",
        b"AA",
        b"SMask",
        b"GTS_PDFXVersion",
        b"EmbeddedFiles",
    ];
    let mut seen = vec![];
    for d in dicts.chain(std::iter::once(&doc.trailer)) {
        walk(d, &mut |key, value| {
            if forbidden.contains(&key) {
                seen.push(String::from_utf8_lossy(key).into_owned());
            }
            if let Ok(name) = value.as_name()
                && [&b"LZWDecode"[..], b"Transparency", b"JavaScript"].contains(&name)
            {
                seen.push(String::from_utf8_lossy(name).into_owned());
            }
        });
    }
    assert!(seen.is_empty(), "{kind}: {seen:?}");
}

/// Calls `visit` on every entry of `d` and of the dictionaries inside it.
fn walk(d: &Dictionary, visit: &mut dyn FnMut(&[u8], &Object)) {
    for (key, value) in d.iter() {
        visit(key, value);
        match value {
            Object::Dictionary(inner) => walk(inner, visit),
            Object::Array(items) => {
                for item in items {
                    if let Object::Dictionary(inner) = item {
                        walk(inner, visit);
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_kind_of_document_is_pdf_a_2u() {
    for (kind, pdf) in documents() {
        samples::keep(&format!("pdfa-{kind}.pdf"), &pdf);
        assert!(pdf.starts_with(b"%PDF-1.7\n%"), "{kind}: a PDF 1.7 header");
        // A comment of four bytes above 127 says the file is binary.
        assert!(pdf[10..14].iter().all(|b| *b > 127), "{kind}");
        let doc = Document::load_mem(&pdf).unwrap();
        check_metadata(kind, &doc);
        check_output_intent(kind, &doc);
        check_fonts(kind, &doc);
        check_nothing_forbidden(kind, &doc);
        let id = doc
            .trailer
            .get(b"ID")
            .expect("a file identifier")
            .as_array()
            .unwrap();
        assert_eq!(id.len(), 2, "{kind}");
        assert!(id.iter().all(|i| i.as_str().unwrap().len() == 16), "{kind}");
    }
}

#[test]
fn qpdf_finds_no_error_in_any_kind_of_document() {
    for (kind, pdf) in documents() {
        let (ok, printed) = tool("qpdf", "qpdf", &["--check", "PDF"], &pdf);
        assert!(ok, "{kind}: {printed}");
        assert!(
            printed.contains("No syntax or stream encoding errors found"),
            "{kind}: {printed}"
        );
        assert!(!printed.contains("WARNING"), "{kind}: {printed}");
    }
}

#[test]
fn a_protected_letter_stays_tagged_but_no_longer_claims_pdf_a() {
    // A fixed one: poppler reads no AES-256 password longer than 32 bytes (qpdf issue 195).
    let passphrase = "orange-piscine-valeur-jardin";
    let plain = sesame_documents::credential_letters(
        &[samples::service_user(Language::Fr)],
        sesame_documents::Paper::A4,
    )
    .unwrap();
    let protected = sesame_documents::protect(&plain, passphrase).unwrap();
    samples::keep("pdfa-protected.pdf", &protected);
    let password = format!("--password={passphrase}");
    let (ok, printed) = tool("qpdf", "qpdf", &[&password, "--check", "PDF"], &protected);
    assert!(ok, "{printed}");
    assert!(
        printed.contains("No syntax or stream encoding errors found"),
        "{printed}"
    );
    let (ok, info) = tool(
        "pdfinfo",
        "poppler-utils",
        &["-upw", passphrase, "PDF"],
        &protected,
    );
    assert!(ok, "{info}");
    assert!(info.contains("Encrypted:       yes"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{info}"
    );
    // (A protected file loaded without its password holds no object to decrypt.)
    let options = lopdf::LoadOptions::with_password(passphrase);
    let doc = Document::load_mem_with_options(&protected, options).unwrap();
    let tree = structure::tree(&doc);
    check(&doc, &tree);
    assert!(outline(&tree).starts_with("Document(Part(P P P H1 P Table(TR(TH TD)"));
    assert_eq!(tree.kids[0].lang.as_deref(), Some("fr"));
    // The metadata stays, without the identification.
    let metadata = xmp(&doc).expect("the metadata stays");
    let xml = roxmltree::Document::parse(&metadata).unwrap();
    assert_eq!(xmp_value(&xml, PDFAID, "part"), None, "{metadata}");
    assert!(!metadata.contains("pdfaid"), "{metadata}");
    assert_eq!(
        xmp_value(&xml, DC, "title").as_deref(),
        Some("Identifiants d’un utilisateur de services — PAIE2026")
    );
}
