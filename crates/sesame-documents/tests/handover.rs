//! Documents made for handing API credentials over: the password's expiry, the previous
//! password's end after a rotation, the shared server and the issuer, the token request and
//! the QR code of the API address on the connection information, and a passphrase that alone
//! opens a protected PDF (read back with poppler, as the recipient's viewer would).

mod pdf;

use std::process::Command;

use pdf::{read, squash};
use sesame_core::domain::{Language, generate_passphrase};
use sesame_documents::{ConnectionInformation, CredentialLetter, Handover, Holder, Issuer, Paper};
use time::macros::datetime;

fn handover() -> Handover {
    Handover {
        expires_at: Some(datetime!(2027-11-23 10:00 UTC)),
        previous_until: Some(datetime!(2026-11-30 10:00 UTC)),
        server_address: Some("https://sesame.tremblay.example".into()),
        issued_by: Some(Issuer {
            name: "Marie Tremblay".into(),
            email: "marie@tremblay.example".into(),
        }),
    }
}

fn service_letter(language: Language) -> CredentialLetter {
    CredentialLetter {
        organization_name: "Boulangerie Tremblay & Fils".into(),
        organization_code: "TREMB".into(),
        login: "PAIE2026".into(),
        password: "Kq7m-Xp3r-Tz9w-Hd4n".into(),
        holder: Holder::ServiceUser {
            application: "Paie Nethris".into(),
        },
        language,
        date: datetime!(2026-11-23 10:00 UTC),
        handover: handover(),
    }
}

fn connection(language: Language) -> ConnectionInformation {
    ConnectionInformation {
        organization_name: "Boulangerie Tremblay & Fils".into(),
        structure: "Atelier de Montréal".into(),
        organization_code: "TREMB".into(),
        login: "TECH000003".into(),
        password: "Kq7m-Xp3r-Tz9w-Hd4n".into(),
        api_address: Some("https://sesame.tremblay.example/api/v1".into()),
        manager_name: "Céline Gagnon".into(),
        manager_email: "c-gagnon@tremblay.example".into(),
        created: datetime!(2026-11-23 10:00 UTC),
        language,
        handover: handover(),
    }
}

/// pdftotext's text of a protected PDF with this password; `None` when it refuses.
fn text_with_password(bytes: &[u8], password: Option<&str>) -> Option<String> {
    let path = std::env::temp_dir().join(format!(
        "sesame_protected_{}_{}.pdf",
        std::process::id(),
        password.map_or(0, str::len)
    ));
    std::fs::write(&path, bytes).unwrap();
    // qpdf opens it with the passphrase (poppler's tools take 32 bytes at most, and a
    // passphrase of eight words is longer); poppler reads the text.
    let opened = match password {
        Some(p) => Command::new("qpdf")
            .arg(format!("--password={p}"))
            .args(["--decrypt", "--replace-input"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success()),
        None => true,
    };
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    let out = out.ok()?;
    (opened && out.status.success()).then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn poppler() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

#[test]
fn a_protected_letter_opens_only_with_its_passphrase_and_speaks_its_holders_language() {
    let passphrase = generate_passphrase(Language::Fr);
    assert_eq!(passphrase.split('-').count(), 8);
    let plain =
        sesame_documents::credential_letters(&[service_letter(Language::Fr)], Paper::A4).unwrap();
    let protected = sesame_documents::protect(&plain, &passphrase).unwrap();
    if let Ok(dir) = std::env::var("SESAME_KEEP_PDFS") {
        std::fs::write(format!("{dir}/plain.pdf"), &plain).unwrap();
        std::fs::write(format!("{dir}/protected.pdf"), &protected).unwrap();
        std::fs::write(format!("{dir}/passphrase.txt"), &passphrase).unwrap();
    }
    // The encryption dictionary is AES-256 (V5, revision 6).
    let doc = lopdf::Document::load_mem(&protected).unwrap();
    let encrypt = doc.get_encrypted().expect("an encryption dictionary");
    assert_eq!(encrypt.get(b"V").unwrap().as_i64().unwrap(), 5);
    assert_eq!(encrypt.get(b"R").unwrap().as_i64().unwrap(), 6);
    assert!(doc.authenticate_user_password("wrong-passphrase").is_err());
    assert!(doc.authenticate_user_password(&passphrase).is_ok());
    // Nothing of the password is readable in the bytes.
    let raw = String::from_utf8_lossy(&protected);
    assert!(!raw.contains("PAIE2026") && !raw.contains("Kq7m"));
    let mut opened = lopdf::Document::load_mem(&protected).unwrap();
    assert!(opened.clone().decrypt("not-it").is_err());
    opened.decrypt(&passphrase).unwrap();
    if poppler() {
        assert_eq!(text_with_password(&protected, None), None);
        assert_eq!(text_with_password(&protected, Some("not-it")), None);
        let text = squash(&text_with_password(&protected, Some(&passphrase)).unwrap());
        for e in [
            "Identifiants d’un utilisateur de services",
            "Kq7m-Xp3r-Tz9w-Hd4n",
            "Expire le 23 novembre 2027",
            "Fin de l’ancien 30 novembre 2026",
            "Adresse du serveur https://sesame.tremblay.example",
            "Émis par Marie Tremblay <marie@tremblay.example>",
            "Ce mot de passe expire le 23 novembre 2027",
            "L’ancien mot de passe fonctionne jusqu’au 30 novembre 2026",
        ] {
            assert!(text.contains(e), "{e:?} not in {text}");
        }
    }
}

#[test]
fn the_connection_information_names_the_organization_shows_the_token_request_and_a_qr_code() {
    let pdf =
        sesame_documents::connection_information(&connection(Language::En), Paper::Letter).unwrap();
    let r = read(&pdf);
    let text = squash(&r.text);
    for e in [
        "Boulangerie Tremblay & Fils",
        "How to obtain an API token",
        "POST https://sesame.tremblay.example/api/v1/token",
        "Content-Type: application/json",
        r#"{"organization": "TREMB", "user_id": "TECH000003","#,
        r#""password": "the password above"}"#,
        "Expires on November 23, 2027",
        "Authorization: Bearer",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    // The header names the organization, not the structure.
    assert!(text.starts_with("Boulangerie Tremblay & Fils"), "{text}");
    // The QR code: many small black squares drawn on the page, and the password nowhere but
    // in its box (the QR code holds the address only).
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
    // One square per dark module of the API address's QR code, besides the page's five
    // boxes (rule, password, token request, confidentiality note, the code's white ground).
    let address = qrcode::QrCode::new(b"https://sesame.tremblay.example/api/v1").unwrap();
    let dark = address
        .to_colors()
        .iter()
        .filter(|c| **c == qrcode::Color::Dark)
        .count();
    assert_eq!(content.matches(" re").count(), dark + 5, "QR modules drawn");
    assert_eq!(text.matches("Kq7m-Xp3r-Tz9w-Hd4n").count(), 1);
}

#[test]
fn no_paragraph_leaves_a_lone_fragment_on_its_last_line() {
    let pdf =
        sesame_documents::connection_information(&connection(Language::Fr), Paper::A4).unwrap();
    if let Ok(dir) = std::env::var("SESAME_KEEP_PDFS") {
        std::fs::write(format!("{dir}/connection-fr.pdf"), &pdf).unwrap();
    }
    let text = read(&pdf).text;
    for line in text.lines().map(str::trim) {
        assert_ne!(line, "& Fils.");
        assert_ne!(line, "Fils.");
    }
}

#[test]
fn letters_in_both_languages_have_a_title_in_both_and_the_language_of_most() {
    let letters = [
        service_letter(Language::Fr),
        service_letter(Language::En),
        service_letter(Language::Fr),
    ];
    let r = read(&sesame_documents::credential_letters(&letters, Paper::A4).unwrap());
    assert_eq!(r.title, "3 lettres d’identifiants / 3 credential letters");
    assert_eq!(r.lang, "fr");
    let english = [service_letter(Language::En), service_letter(Language::En)];
    let r = read(&sesame_documents::credential_letters(&english, Paper::A4).unwrap());
    assert_eq!(
        (r.title.as_str(), r.lang.as_str()),
        ("2 credential letters", "en")
    );
}

#[test]
fn file_names_have_no_doubled_dots_and_follow_the_documents_language() {
    assert_eq!(
        sesame_documents::file_name("doc-letters-file", Language::Fr, "Tremblay & Fils."),
        "lettres-identifiants-tremblay-fils.pdf"
    );
    assert_eq!(
        sesame_documents::file_name("doc-connection-file", Language::En, "  ...  "),
        "connection-information.pdf"
    );
    assert_eq!(
        sesame_documents::file_name("doc-letter-file", Language::En, "l.bouchard"),
        "credential-letter-l.bouchard.pdf"
    );
}
