//! The structure tree of a tagged PDF read back with lopdf, as assistive technology reads it:
//! the elements in reading order, the marked content each one owns and its text (decoded with
//! the fonts' ToUnicode maps), and the checks that tie the tree to the pages.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A structure element.
#[derive(Debug)]
pub struct Node {
    pub id: ObjectId,
    pub role: String,
    pub kids: Vec<Node>,
    /// The marked content it owns directly: (page, MCID).
    pub content: Vec<(ObjectId, i64)>,
    pub alt: Option<String>,
    pub lang: Option<String>,
}

fn name(d: &Dictionary, key: &[u8]) -> Option<String> {
    let n = d.get(key).and_then(Object::as_name).ok()?;
    Some(String::from_utf8_lossy(n).into_owned())
}

fn text(d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()
        .and_then(|o| lopdf::decode_text_string(o).ok())
}

pub fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).expect("a dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The `Document` element under the catalog's structure tree root.
pub fn tree(doc: &Document) -> Node {
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .expect("a structure tree");
    let root = dict(doc, root);
    assert_eq!(name(root, b"Type").as_deref(), Some("StructTreeRoot"));
    let document = root.get(b"K").unwrap().as_reference().expect("one element");
    let node = element(doc, document, None);
    assert_eq!(node.role, "Document");
    node
}

fn element(doc: &Document, id: ObjectId, page: Option<ObjectId>) -> Node {
    let d = doc.get_dictionary(id).unwrap();
    assert_eq!(name(d, b"Type").as_deref(), Some("StructElem"), "{d:?}");
    let page = d.get(b"Pg").and_then(Object::as_reference).ok().or(page);
    let mut node = Node {
        id,
        role: name(d, b"S").expect("a structure type"),
        kids: vec![],
        content: vec![],
        alt: text(d, b"Alt"),
        lang: text(d, b"Lang"),
    };
    let kids = match d.get(b"K") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => vec![],
    };
    for kid in kids {
        match kid {
            Object::Integer(mcid) => node.content.push((page.expect("a /Pg"), mcid)),
            Object::Reference(child) => node.kids.push(element(doc, child, page)),
            Object::Dictionary(mcr) => {
                let on = mcr.get(b"Pg").and_then(Object::as_reference).ok();
                let mcid = mcr.get(b"MCID").unwrap().as_i64().unwrap();
                node.content.push((on.or(page).expect("a /Pg"), mcid));
            }
            other => panic!("unexpected kid {other:?}"),
        }
    }
    node
}

/// The element kinds in reading order: `Part(H1 P Table(TR(TH TD)))`.
pub fn outline(node: &Node) -> String {
    if node.kids.is_empty() {
        return node.role.clone();
    }
    let kids: Vec<String> = node.kids.iter().map(outline).collect();
    format!("{}({})", node.role, kids.join(" "))
}

/// Every element, depth first (reading order).
pub fn all(node: &Node) -> Vec<&Node> {
    let mut out = vec![node];
    for k in &node.kids {
        out.extend(all(k));
    }
    out
}

/// The text of an element: the text of its marked content and of its kids, in order.
pub fn text_of(node: &Node, texts: &BTreeMap<(ObjectId, i64), String>) -> String {
    let mut parts: Vec<String> = node
        .content
        .iter()
        .map(|c| texts.get(c).cloned().unwrap_or_default())
        .collect();
    parts.extend(node.kids.iter().map(|k| text_of(k, texts)));
    parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a font's codes stand for, from its ToUnicode map.
fn to_unicode(doc: &Document, font: &Dictionary) -> BTreeMap<u32, String> {
    let stream = doc
        .get_object(font.get(b"ToUnicode").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    let cmap = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let cmap = String::from_utf8_lossy(&cmap);
    let hex = |s: &str| u32::from_str_radix(s.trim_matches(['<', '>']), 16).unwrap();
    let utf16 = |s: &str| {
        let s = s.trim_matches(['<', '>']);
        let units: Vec<u16> = (0..s.len())
            .step_by(4)
            .map(|i| u16::from_str_radix(&s[i..i + 4], 16).unwrap())
            .collect();
        String::from_utf16(&units).unwrap()
    };
    let mut map = BTreeMap::new();
    for section in cmap.split("beginbfchar").skip(1) {
        let body = section.split("endbfchar").next().unwrap();
        let tokens: Vec<&str> = body.split_whitespace().collect();
        for pair in tokens.chunks(2) {
            map.insert(hex(pair[0]), utf16(pair[1]));
        }
    }
    for section in cmap.split("beginbfrange").skip(1) {
        let body = section.split("endbfrange").next().unwrap();
        let tokens: Vec<&str> = body.split_whitespace().collect();
        for triple in tokens.chunks(3) {
            let (lo, hi, start) = (hex(triple[0]), hex(triple[1]), hex(triple[2]));
            for code in lo..=hi {
                let c = char::from_u32(start + code - lo).unwrap();
                map.insert(code, c.to_string());
            }
        }
    }
    map
}

/// One page's marked content, read in content order.
#[derive(Debug, Default)]
pub struct PageContent {
    /// The text of each MCID (text shown in several runs is joined by spaces).
    pub texts: BTreeMap<i64, String>,
    /// MCIDs in the order the page draws them; an MCID present twice shows here twice.
    pub order: Vec<i64>,
    /// How many painting operators (text, paths, images) were marked as artifacts.
    pub artifacts: usize,
}

const PAINTING: &[&str] = &[
    "TJ", "Tj", "'", "\"", "re", "f", "f*", "F", "S", "s", "B", "B*", "b", "b*", "Do", "sh",
];

/// The marked content of `page`; panics on anything drawn outside an element's marked
/// content or an artifact, on an artifact inside tagged content (or the reverse), and on a
/// code the font's ToUnicode map does not map.
pub fn page_content(doc: &Document, page: ObjectId) -> PageContent {
    let fonts = doc.get_page_fonts(page).unwrap();
    let maps: BTreeMap<Vec<u8>, BTreeMap<u32, String>> = fonts
        .iter()
        .map(|(name, font)| (name.clone(), to_unicode(doc, font)))
        .collect();
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let mut out = PageContent::default();
    // The open marked-content sequences: Some(MCID) for an element's, None for an artifact.
    let mut open: Vec<Option<i64>> = vec![];
    let mut font: Option<&BTreeMap<u32, String>> = None;
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = op.operands[0].as_name().unwrap();
                let mcid = op
                    .operands
                    .get(1)
                    .and_then(|p| p.as_dict().ok())
                    .and_then(|p| p.get(b"MCID").ok())
                    .map(|m| m.as_i64().unwrap());
                if tag == b"Artifact" {
                    assert!(
                        open.iter().all(Option::is_none),
                        "artifact in tagged content"
                    );
                    open.push(None);
                } else {
                    let mcid = mcid.expect("tagged content has an MCID");
                    assert!(open.is_empty(), "marked content nested in marked content");
                    out.order.push(mcid);
                    open.push(Some(mcid));
                }
            }
            "EMC" => {
                open.pop().expect("EMC without BDC");
            }
            "Tf" => {
                let name = op.operands[0].as_name().unwrap();
                font = Some(maps.get(name).expect("the font has a ToUnicode map"));
            }
            _ => {}
        }
        if PAINTING.contains(&op.operator.as_str()) {
            match open.last() {
                Some(Some(mcid)) => {
                    let text = shown(op, font);
                    let entry = out.texts.entry(*mcid).or_default();
                    if !entry.is_empty() && !text.is_empty() {
                        entry.push(' ');
                    }
                    entry.push_str(&text);
                }
                Some(None) => out.artifacts += 1,
                None => panic!("{} drawn outside marked content", op.operator),
            }
        }
    }
    assert!(open.is_empty(), "marked content left open");
    out
}

/// The text a text-showing operator shows (two-byte codes, Identity-H).
fn shown(op: &lopdf::content::Operation, font: Option<&BTreeMap<u32, String>>) -> String {
    let strings: Vec<&[u8]> = match op.operator.as_str() {
        "TJ" => op.operands[0]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o.as_str().ok())
            .collect(),
        "Tj" | "'" => vec![op.operands[0].as_str().unwrap()],
        "\"" => vec![op.operands[2].as_str().unwrap()],
        _ => return String::new(),
    };
    let map = font.expect("a font is set before text");
    let mut text = String::new();
    for bytes in strings {
        for code in bytes.chunks(2) {
            let code = (u32::from(code[0]) << 8) | u32::from(code[1]);
            let unicode = map
                .get(&code)
                .unwrap_or_else(|| panic!("code {code:04X} has no Unicode value"));
            assert!(
                !unicode.is_empty() && !unicode.contains(['\0', '\u{feff}', '\u{fffe}']),
                "code {code:04X} maps to {unicode:?}"
            );
            text.push_str(unicode);
        }
    }
    text
}

/// Checks the tree against the pages: each MCID of each page belongs to exactly one element
/// and is drawn exactly once, the parent tree names that element, and each `Part` holds the
/// content of one page, in page order. Returns the text of every (page, MCID).
pub fn check(doc: &Document, document: &Node) -> BTreeMap<(ObjectId, i64), String> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut owners: BTreeMap<(ObjectId, i64), ObjectId> = BTreeMap::new();
    for node in all(document) {
        for c in &node.content {
            assert!(owners.insert(*c, node.id).is_none(), "{c:?} owned twice");
        }
    }
    let mut texts = BTreeMap::new();
    for &page in &pages {
        let drawn = page_content(doc, page);
        let unique: BTreeSet<i64> = drawn.order.iter().copied().collect();
        assert_eq!(unique.len(), drawn.order.len(), "an MCID drawn twice");
        let owned: BTreeSet<i64> = owners
            .keys()
            .filter(|(p, _)| *p == page)
            .map(|(_, m)| *m)
            .collect();
        assert_eq!(owned, unique, "the tree and the page name the same MCIDs");
        check_parent_tree(doc, page, &owners);
        texts.extend(drawn.texts.into_iter().map(|(m, t)| ((page, m), t)));
    }
    assert_eq!(document.kids.len(), pages.len(), "one part per page");
    for (part, page) in document.kids.iter().zip(&pages) {
        assert_eq!(part.role, "Part");
        let on: BTreeSet<ObjectId> = all(part)
            .iter()
            .flat_map(|n| n.content.iter().map(|(p, _)| *p))
            .collect();
        assert_eq!(on, BTreeSet::from([*page]), "a part holds its own page");
    }
    texts
}

/// The page's `/StructParents` entry of the parent tree lists the owner of each MCID.
fn check_parent_tree(doc: &Document, page: ObjectId, owners: &BTreeMap<(ObjectId, i64), ObjectId>) {
    let key = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"StructParents")
        .expect("the page has /StructParents")
        .as_i64()
        .unwrap();
    let root = dict(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let tree = dict(doc, root.get(b"ParentTree").unwrap());
    let nums = tree.get(b"Nums").unwrap().as_array().unwrap();
    let entry = nums
        .chunks(2)
        .find(|pair| pair[0].as_i64().unwrap() == key)
        .expect("the page's entry in the parent tree");
    let list = match &entry[1] {
        Object::Reference(id) => doc.get_object(*id).unwrap().as_array().unwrap(),
        other => other.as_array().unwrap(),
    };
    let expected: Vec<ObjectId> = owners
        .iter()
        .filter(|((p, _), _)| *p == page)
        .map(|(_, owner)| *owner)
        .collect();
    let listed: Vec<ObjectId> = list.iter().map(|o| o.as_reference().unwrap()).collect();
    assert_eq!(
        listed, expected,
        "the parent tree names each MCID's element"
    );
}
