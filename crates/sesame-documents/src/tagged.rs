//! The logical structure of the documents (tagged PDF): what each piece of a page is — title,
//! paragraph, field, step, QR code — in reading order, so that a screen reader, a braille
//! display or a reflowing viewer presents a letter as it reads, not as it is drawn.
//!
//! The page writer records one [`Structure`] per page while it draws; [`attach`] then writes
//! the structure tree into the finished PDF: `Document` > one `Part` per page (a batch prints
//! one letter a page, each in its holder's language) > the page's elements, each tied to its
//! marked content by the page's `/StructParents` and the parent tree.

use lopdf::Object::{Array, Boolean, Dictionary, Integer, Real, Reference};
use lopdf::{Document, Object, ObjectId, dictionary};
use sesame_core::domain::Language;

/// The standard structure types the documents use (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// One page: a letter of a batch, or the connection information.
    Part,
    /// The document's title.
    H1,
    /// A section's title ("How to sign in").
    H2,
    P,
    /// The numbered steps, each an `LI` of a `Lbl` ("1.") and a `LBody`.
    L,
    LI,
    Lbl,
    LBody,
    /// The label/value fields: a row each, the label its header.
    Table,
    TR,
    TH,
    TD,
    /// The QR code.
    Figure,
    /// The token request to copy.
    Code,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Part => "Part",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
            Role::Code => "Code",
        }
    }
}

/// What an element holds, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    /// A marked-content sequence of the page, by its MCID.
    Content(i64),
    /// A child element, by its index in [`Structure::elements`].
    Element(usize),
}

#[derive(Debug, Clone)]
pub struct Element {
    pub role: Role,
    pub kids: Vec<Kid>,
    /// The alternative text of a figure.
    pub alt: Option<String>,
    /// Where a figure is on the page: left, bottom, right, top in points.
    pub bbox: Option<[f32; 4]>,
    pub language: Option<Language>,
}

/// The structure of one page, built while the page is drawn.
#[derive(Debug, Clone)]
pub struct Structure {
    /// The page's elements; the first is its `Part`.
    elements: Vec<Element>,
    /// The elements being filled, innermost last.
    open: Vec<usize>,
    /// The number of marked-content sequences so far (the next MCID).
    marked: i64,
}

impl Default for Structure {
    fn default() -> Self {
        Structure {
            elements: vec![element(Role::Part)],
            open: vec![0],
            marked: 0,
        }
    }
}

fn element(role: Role) -> Element {
    Element {
        role,
        kids: vec![],
        alt: None,
        bbox: None,
        language: None,
    }
}

impl Structure {
    fn current(&mut self) -> &mut Element {
        let at = *self.open.last().expect("the page's part stays open");
        &mut self.elements[at]
    }

    /// Starts an element inside the current one; what follows goes into it until [`close`].
    ///
    /// [`close`]: Structure::close
    pub fn open(&mut self, role: Role) {
        let at = self.elements.len();
        self.elements.push(element(role));
        self.current().kids.push(Kid::Element(at));
        self.open.push(at);
    }

    pub fn close(&mut self) {
        debug_assert!(self.open.len() > 1, "the page's part is never closed");
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// A new marked-content sequence of the current element: its MCID.
    pub fn content(&mut self) -> i64 {
        let mcid = self.marked;
        self.marked += 1;
        self.current().kids.push(Kid::Content(mcid));
        mcid
    }

    pub fn describe(&mut self, alt: String, bbox: [f32; 4]) {
        let current = self.current();
        current.alt = Some(alt);
        current.bbox = Some(bbox);
    }

    pub fn set_language(&mut self, language: Language) {
        self.elements[0].language = Some(language);
    }

    pub fn language(&self) -> Option<Language> {
        self.elements[0].language
    }
}

/// Writes the structure tree of `pages` (one [`Structure`] per page, in page order) into
/// `doc`, and says on the catalog that the document is tagged.
pub fn attach(doc: &mut Document, pages: &[Structure]) -> Result<(), String> {
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.len() != pages.len() {
        return Err(format!(
            "{} pages but {} page structures",
            page_ids.len(),
            pages.len()
        ));
    }
    let tree_root = doc.new_object_id();
    let document = doc.new_object_id();
    let mut parts = vec![];
    let mut parent_tree = vec![];
    for (index, (structure, &page)) in pages.iter().zip(&page_ids).enumerate() {
        let mut owners = vec![Object::Null; structure.marked as usize];
        let mut page_writer = PageWriter {
            doc,
            structure,
            page,
            owners: &mut owners,
        };
        parts.push(Reference(page_writer.write(0, document)));
        let key = index as i64;
        parent_tree.extend([Integer(key), Array(owners)]);
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("StructParents", key);
        }
    }
    doc.set_object(
        document,
        dictionary! {
            "Type" => "StructElem",
            "S" => "Document",
            "P" => Reference(tree_root),
            "K" => parts,
        },
    );
    let parent_tree = doc.add_object(dictionary! { "Nums" => parent_tree });
    doc.set_object(
        tree_root,
        dictionary! {
            "Type" => "StructTreeRoot",
            "K" => Reference(document),
            "ParentTree" => Reference(parent_tree),
            "ParentTreeNextKey" => pages.len() as i64,
        },
    );
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("StructTreeRoot", Reference(tree_root));
    catalog.set("MarkInfo", dictionary! { "Marked" => Boolean(true) });
    // The title bar shows the document's title, not its file name.
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => Boolean(true) },
    );
    Ok(())
}

/// Writes the elements of one page.
struct PageWriter<'a> {
    doc: &'a mut Document,
    structure: &'a Structure,
    page: ObjectId,
    /// The element of each MCID of the page: the page's entry in the parent tree.
    owners: &'a mut Vec<Object>,
}

impl PageWriter<'_> {
    /// Writes element `at` (and what it holds) under `parent`: its object id.
    fn write(&mut self, at: usize, parent: ObjectId) -> ObjectId {
        let id = self.doc.new_object_id();
        let element = &self.structure.elements[at];
        let mut kids = vec![];
        for kid in &element.kids {
            match *kid {
                Kid::Content(mcid) => {
                    self.owners[mcid as usize] = Reference(id);
                    kids.push(Integer(mcid));
                }
                Kid::Element(child) => kids.push(Reference(self.write(child, id))),
            }
        }
        let mut dict = dictionary! {
            "Type" => "StructElem",
            "S" => element.role.name(),
            "P" => Reference(parent),
            "Pg" => Reference(self.page),
            "K" => kids,
        };
        if let Some(alt) = &element.alt {
            dict.set("Alt", lopdf::text_string(alt));
        }
        if let Some(language) = element.language {
            dict.set("Lang", Object::string_literal(language.as_str()));
        }
        if let Some(attributes) = attributes(element) {
            dict.set("A", Dictionary(attributes));
        }
        self.doc.set_object(id, dict);
        id
    }
}

/// The standard attributes an element's role calls for: a field's label heads its row, the
/// steps are numbered, a figure is a block with its place on the page.
fn attributes(element: &Element) -> Option<lopdf::Dictionary> {
    match element.role {
        Role::TH => Some(dictionary! { "O" => "Table", "Scope" => "Row" }),
        Role::L => Some(dictionary! { "O" => "List", "ListNumbering" => "Decimal" }),
        Role::Figure => {
            let mut layout = dictionary! { "O" => "Layout", "Placement" => "Block" };
            if let Some(bbox) = element.bbox {
                layout.set("BBox", bbox.iter().map(|v| Real(*v)).collect::<Vec<_>>());
            }
            Some(layout)
        }
        _ => None,
    }
}

/// The marked content of a structure element: `BDC /Role <</MCID n>>`.
pub fn begin_content(role: Role, mcid: i64) -> printpdf::Op {
    use printpdf::xobject::DictItem;
    printpdf::Op::BeginMarkedContentWithProperties {
        tag: role.name().to_owned(),
        properties: DictItem::Dict {
            map: [("MCID".to_owned(), DictItem::Int(mcid))].into(),
        },
    }
}

/// The start of a decoration's content (rules, boxes, backgrounds): `BDC /Artifact
/// <</Type /Layout>>`, which assistive technology skips.
pub fn begin_artifact() -> printpdf::Op {
    use printpdf::xobject::DictItem;
    printpdf::Op::BeginMarkedContentWithProperties {
        tag: "Artifact".to_owned(),
        properties: DictItem::Dict {
            map: [("Type".to_owned(), DictItem::Name(b"Layout".to_vec()))].into(),
        },
    }
}
