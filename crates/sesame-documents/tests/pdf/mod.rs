//! Reading a PDF back as a reviewer's tools would: poppler's pdftotext, pdfinfo and pdffonts
//! when installed (CI installs them), else the same facts through lopdf, so `cargo test` also
//! runs on a fresh machine.

#![allow(dead_code)]

pub mod samples;
pub mod structure;

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Read {
    /// The text, pages separated by form feeds.
    pub text: String,
    pub pages: usize,
    /// Width and height of the first page, in points.
    pub size: (f32, f32),
    /// Embedded font programs (subsets keep a "ABCDEF+" prefix in their names).
    pub embedded_fonts: Vec<String>,
    pub title: String,
    pub creator: String,
    pub lang: String,
}

fn poppler() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

fn info_string(doc: &lopdf::Document, key: &[u8]) -> String {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return String::new();
    };
    let Ok(dict) = doc.get_dictionary(info) else {
        return String::new();
    };
    match dict.get(key).and_then(lopdf::Object::as_str) {
        Ok(bytes) if bytes.starts_with(&[0xfe, 0xff]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Ok(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => String::new(),
    }
}

pub fn read(bytes: &[u8]) -> Read {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf can open");
    let pages = doc.get_pages();
    let first = *pages.values().next().expect("a page");
    let media = doc
        .get_dictionary(first)
        .ok()
        .and_then(|p| p.get(b"MediaBox").ok())
        .and_then(|m| m.as_array().ok())
        .map(|a| {
            a.iter()
                .map(|v| v.as_float().unwrap_or(0.0))
                .collect::<Vec<f32>>()
        })
        .unwrap_or_default();
    let size = (
        media.get(2).copied().unwrap_or(0.0),
        media.get(3).copied().unwrap_or(0.0),
    );
    let mut embedded_fonts = vec![];
    for object in doc.objects.values() {
        if let Ok(d) = object.as_dict()
            && d.get(b"Type")
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|n| n == b"FontDescriptor")
            && (d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile"))
        {
            let name = d
                .get(b"FontName")
                .and_then(lopdf::Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            embedded_fonts.push(name);
        }
    }
    let lang = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|l| l.as_str().ok())
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let text = if poppler() {
        let path = std::env::temp_dir().join(format!(
            "sesame_pdf_{}_{}.pdf",
            std::process::id(),
            bytes.len()
        ));
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&path);
        String::from_utf8(out.stdout).unwrap()
    } else {
        pages
            .keys()
            .map(|n| doc.extract_text(&[*n]).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\u{c}")
    };
    Read {
        text,
        pages: pages.len(),
        size,
        embedded_fonts,
        title: info_string(&doc, b"Title"),
        creator: info_string(&doc, b"Creator"),
        lang,
    }
}

pub fn read_file(path: &std::path::Path) -> Read {
    read(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Words separated by single spaces, so layout differences between readers do not matter.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `program` (of the Debian package `package`) with `args`, where `PDF` stands for the
/// path of `pdf`: its success and what it printed. Fails, naming the package, when the program
/// is missing: these checks are part of the suite, not optional.
pub fn tool(program: &str, package: &str, args: &[&str], pdf: &[u8]) -> (bool, String) {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "sesame_tool_{}_{}.pdf",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).unwrap();
    let args = args.iter().map(|a| {
        if *a == "PDF" {
            path.as_os_str()
        } else {
            a.as_ref()
        }
    });
    let out = Command::new(program).args(args).output();
    let _ = std::fs::remove_file(&path);
    let out = out.unwrap_or_else(|e| {
        panic!("{program} cannot run ({e}): install it with `apt-get install {package}`")
    });
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), printed)
}
