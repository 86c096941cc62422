//! PDF/A-2u (ISO 19005-2, level U): a document that still opens and reads the same in decades,
//! as archives ask of a letter that handed credentials over. printpdf writes most of it (fonts
//! embedded as subsets, each with its ToUnicode map); this adds what it lacks: the XMP metadata
//! with the PDF/A identification, the sRGB output intent, an Info dictionary that says the same
//! as the XMP, the file identifier and a PDF 1.7 header.
//!
//! An encrypted file cannot be PDF/A: [`renounce`] takes the identification out before
//! [`crate::protect`] encrypts.

use lopdf::Object::{Dictionary, Reference};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};
use sesame_core::domain::Language;
use time::OffsetDateTime;

/// The sRGB profile of the output intent: "Compact ICC Profiles" by Clinton Ingram, public
/// domain (CC0 1.0); see `resources/color/README.md`.
const SRGB_PROFILE: &[u8] = include_bytes!("../../../resources/color/sRGB-v2-magic.icc");

pub const CREATOR: &str = "Sesame";
pub const PRODUCER: &str = "Sesame (printpdf)";

/// What a document says about itself, in the Info dictionary and in the XMP metadata alike.
pub struct Description<'a> {
    pub title: &'a str,
    /// The document's language first, then any other its pages are in.
    pub languages: &'a [Language],
    /// Creation and modification (a document is written once).
    pub date: OffsetDateTime,
}

/// Makes `doc` a PDF/A-2u document described by `d`.
pub fn conform(doc: &mut Document, d: &Description) -> Result<(), String> {
    // PDF/A-2 is based on PDF 1.7.
    doc.version = "1.7".into();
    let title = plain(d.title);
    let info = dictionary! {
        "Title" => lopdf::text_string(&title),
        "Author" => lopdf::text_string(CREATOR),
        "Creator" => lopdf::text_string(CREATOR),
        "Producer" => lopdf::text_string(PRODUCER),
        "CreationDate" => Object::string_literal(info_date(d.date)),
        "ModDate" => Object::string_literal(info_date(d.date)),
    };
    // printpdf's Info also has an empty /GTS_PDFXVersion and other keys without an XMP
    // counterpart: this one replaces it.
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => doc.set_object(id, info),
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Reference(id));
        }
    }
    let xmp = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(&title, d).into_bytes(),
    )
    // PDF/A wants the metadata readable without decoding.
    .with_compression(false);
    let metadata = doc.add_object(xmp);
    let profile = doc.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB_PROFILE.to_vec()));
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => Reference(profile),
    };
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Metadata", Reference(metadata));
    catalog.set("OutputIntents", vec![Dictionary(intent)]);
    let mut id = [0u8; 16];
    getrandom::fill(&mut id).map_err(|e| e.to_string())?;
    let id = Object::String(id.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    Ok(())
}

/// Takes the PDF/A identification out of `doc`'s XMP metadata (the rest stays): for a file
/// about to be encrypted, which PDF/A forbids.
pub fn renounce(doc: &mut Document) {
    let Ok(id) = doc
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
    else {
        return;
    };
    let kept = match doc.get_object_mut(id) {
        Ok(Object::Stream(stream)) if !stream.dict.has(b"Filter") => {
            match without_identification(&stream.content) {
                Some(content) => {
                    stream.set_content(content);
                    true
                }
                None => false,
            }
        }
        _ => false,
    };
    // Metadata written by someone else, or encoded: drop it rather than claim PDF/A.
    if !kept && let Ok(catalog) = doc.catalog_mut() {
        catalog.remove(b"Metadata");
    }
}

/// `xmp` without its `pdfaid` description; `None` if some identification would remain.
fn without_identification(xmp: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(xmp).ok()?;
    let start = text.find(IDENTIFICATION);
    let cut = match start {
        Some(start) => {
            let end = start + text[start..].find("</rdf:Description>")? + 18;
            let end = end + text[end..].len() - text[end..].trim_start().len();
            format!("{}{}", &text[..start], &text[end..])
        }
        None => text.to_owned(),
    };
    (!cut.contains("pdfaid")).then(|| cut.into_bytes())
}

const IDENTIFICATION: &str = r#"<rdf:Description rdf:about="" xmlns:pdfaid="#;

/// The XMP packet: the same title, author, tools and dates as the Info dictionary, the
/// languages, and the PDF/A-2u identification in a description of its own (see [`renounce`]).
/// (`'x-default'` in single quotes: sesame-core's scan of text keys reads double-quoted ones.)
fn xmp(title: &str, d: &Description) -> String {
    let date = xmp_date(d.date);
    let languages: String = d
        .languages
        .iter()
        .map(|l| format!("<rdf:li>{}</rdf:li>", l.as_str()))
        .collect();
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang='x-default'>{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag>{languages}</rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{producer}</pdf:Producer>
  </rdf:Description>
  {identification}"http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>U</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = escape(title),
        creator = escape(CREATOR),
        producer = escape(PRODUCER),
        identification = IDENTIFICATION,
    )
}

/// A title XML can carry: control characters (which XML 1.0 refuses) become spaces, in the
/// Info dictionary too so that both say the same.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `D:20261123100000+00'00'` (the dates are in UTC).
fn info_date(date: OffsetDateTime) -> String {
    let format =
        time::macros::format_description!("D:[year][month][day][hour][minute][second]+00'00'");
    utc(date, format)
}

/// `2026-11-23T10:00:00+00:00`: the same instant as [`info_date`].
fn xmp_date(date: OffsetDateTime) -> String {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+00:00");
    utc(date, format)
}

fn utc(date: OffsetDateTime, format: &[time::format_description::BorrowedFormatItem]) -> String {
    date.to_offset(time::UtcOffset::UTC)
        .format(format)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn description() -> Description<'static> {
        Description {
            title: "Lettre — Tremblay & Fils <x>",
            languages: &[Language::Fr, Language::En],
            date: time::macros::datetime!(2026-11-23 10:00:05 UTC),
        }
    }

    #[test]
    fn the_metadata_says_the_title_escaped_and_the_dates_of_the_info_dictionary() {
        let d = description();
        let xmp = xmp(d.title, &d);
        assert!(
            xmp.contains("Lettre — Tremblay &amp; Fils &lt;x&gt;"),
            "{xmp}"
        );
        assert!(xmp.contains("<rdf:li>fr</rdf:li><rdf:li>en</rdf:li>"));
        assert!(xmp.contains("<xmp:CreateDate>2026-11-23T10:00:05+00:00</xmp:CreateDate>"));
        assert_eq!(info_date(d.date), "D:20261123100005+00'00'");
    }

    #[test]
    fn renouncing_takes_out_the_identification_only() {
        let d = description();
        let xmp = xmp(d.title, &d);
        let cut = String::from_utf8(without_identification(xmp.as_bytes()).unwrap()).unwrap();
        assert!(!cut.contains("pdfaid"), "{cut}");
        assert!(cut.contains("<pdf:Producer>") && cut.ends_with(r#"<?xpacket end="w"?>"#));
        assert_eq!(cut.matches("<rdf:Description").count(), 3);
        assert_eq!(without_identification(b"<x pdfaid:part='2'/>"), None);
        assert_eq!(plain("a\u{7}b"), "a b");
    }
}
