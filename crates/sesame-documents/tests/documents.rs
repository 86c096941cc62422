//! The PDF documents, read back with poppler's tools (or lopdf where they are missing):
//! exact fields in both languages, names with every Latin accent, page sizes, one page per
//! letter, fonts embedded, metadata.

mod pdf;

use sesame_core::domain::Language;
use sesame_documents::{ConnectionInformation, CredentialLetter, Holder, Paper};

fn date() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-23 10:00 UTC)
}

fn letter(name: &str, login: &str, language: Language) -> CredentialLetter {
    CredentialLetter {
        organization_name: "Boulangerie Lumière & Fils — « Œuvre » 5 €".into(),
        organization_code: "DEMO".into(),
        login: login.into(),
        password: "Kq7m-Xp3r-Tz9w-Hd4n".into(),
        holder: Holder::Person { name: name.into() },
        language,
        date: date(),
        handover: sesame_documents::Handover::default(),
    }
}

use pdf::{read, squash};

#[test]
fn a_credential_letter_carries_every_field_in_english_and_french() {
    for (lang, expect) in [
        (
            Language::En,
            [
                "Your access to Sesame",
                "Zoë Łukasiewicz-Ñúñez, here are the credentials of your Sesame account for Boulangerie Lumière & Fils — « Œuvre » 5 €.",
                "Organization code DEMO",
                "User ID zoe",
                "Password Kq7m-Xp3r-Tz9w-Hd4n",
                "November 23, 2026",
                "Confidential. This document contains a password",
            ],
        ),
        (
            Language::Fr,
            [
                "Votre accès à Sesame",
                "Zoë Łukasiewicz-Ñúñez, voici les identifiants de votre compte Sesame pour Boulangerie Lumière & Fils — « Œuvre » 5 €.",
                "Code d’organisation DEMO",
                "Identifiant zoe",
                "Mot de passe Kq7m-Xp3r-Tz9w-Hd4n",
                "Le 23 novembre 2026",
                "Confidentiel. Ce document contient un mot de passe",
            ],
        ),
    ] {
        let pdf = sesame_documents::credential_letters(
            &[letter("Zoë Łukasiewicz-Ñúñez", "zoe", lang)],
            Paper::A4,
        )
        .unwrap();
        let r = read(&pdf);
        let text = squash(&r.text).replace(" :", ":").replace("\u{a0}:", ":");
        for e in expect {
            let e = squash(e).replace(" :", ":").replace("\u{a0}:", ":");
            assert!(text.contains(&e), "[{lang:?}] {e:?} not in:\n{text}");
        }
        assert_eq!(r.pages, 1);
        assert!(
            (r.size.0 - 595.28).abs() < 0.5 && (r.size.1 - 841.89).abs() < 0.5,
            "A4: {:?}",
            r.size
        );
        assert_eq!(r.creator, "Sesame");
        assert_eq!(r.lang, lang.as_str());
        // Three faces, each embedded as a subset (ABCDEF+Name).
        assert_eq!(r.embedded_fonts.len(), 3, "{:?}", r.embedded_fonts);
        assert!(
            r.embedded_fonts
                .iter()
                .all(|f| f.len() > 7 && f.as_bytes()[6] == b'+'),
            "{:?}",
            r.embedded_fonts
        );
        assert!(
            r.embedded_fonts
                .iter()
                .any(|f| f.ends_with("DejaVuSansMono"))
        );
        assert!(
            pdf.len() < 120_000,
            "subset fonts keep a letter small: {} bytes",
            pdf.len()
        );
    }
}

#[test]
fn a_service_user_letter_names_the_application_and_a_permanent_password() {
    let l = CredentialLetter {
        login: "PAIE2026".into(),
        holder: Holder::ServiceUser {
            application: "Paie Nethris".into(),
        },
        ..letter("", "PAIE2026", Language::Fr)
    };
    let r = read(&sesame_documents::credential_letters(&[l], Paper::Letter).unwrap());
    let text = squash(&r.text);
    for e in [
        "Identifiants d’un utilisateur de services",
        "Code d’utilisateur PAIE2026",
        "Application Paie Nethris",
        "Ce mot de passe n’expire pas.",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    assert!(
        (r.size.0 - 612.0).abs() < 0.5 && (r.size.1 - 792.0).abs() < 0.5,
        "Letter: {:?}",
        r.size
    );
}

#[test]
fn a_batch_prints_one_page_per_letter_each_in_its_holders_language() {
    let letters = vec![
        letter("Zoë Łukasiewicz-Ñúñez", "zoe", Language::Fr),
        letter("Ægir Øvergård", "aegir", Language::En),
        letter("Jürgen Straße", "jurgen", Language::En),
    ];
    let pdf = sesame_documents::credential_letters(&letters, Paper::A4).unwrap();
    let r = read(&pdf);
    assert_eq!(r.pages, 3);
    let pages: Vec<&str> = r.text.split('\u{c}').collect();
    assert!(squash(pages[0]).contains("Zoë Łukasiewicz-Ñúñez, voici"));
    assert!(squash(pages[1]).contains("Ægir Øvergård, here are"));
    assert!(squash(pages[2]).contains("Jürgen Straße, here are"));
}

/// A French connection sheet, giving `api_address` to the vendor.
fn sheet(api_address: Option<&str>) -> ConnectionInformation {
    ConnectionInformation {
        organization_name: "Boulangerie Tremblay & Fils".into(),
        structure: "Atelier de Montréal".into(),
        organization_code: "DEMO".into(),
        login: "TECH000003".into(),
        password: "Kq7m-Xp3r-Tz9w-Hd4n".into(),
        api_address: api_address.map(str::to_owned),
        manager_name: "Céline Gagnon".into(),
        manager_email: "c-gagnon@lumiere.example".into(),
        created: date(),
        language: Language::Fr,
        handover: sesame_documents::Handover::default(),
    }
}

#[test]
fn connection_information_is_in_the_primary_managers_language() {
    let info = sheet(Some("https://sesame.example.org/api/v1"));
    let r = read(&sesame_documents::connection_information(&info, Paper::A4).unwrap());
    let text = squash(&r.text);
    for e in [
        "Informations de connexion d’un utilisateur technique",
        "Structure Atelier de Montréal",
        "Identifiant de connexion TECH000003",
        "Mot de passe Kq7m-Xp3r-Tz9w-Hd4n",
        "Adresse de l’API https://sesame.example.org/api/v1",
        "Gestionnaire principal Céline Gagnon <c-gagnon@lumiere.example>",
        "Créé le 23 novembre 2026",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    assert_eq!(
        r.title,
        "Informations de connexion d’un utilisateur technique — Atelier de Montréal"
    );
}

#[test]
fn a_sheet_without_a_reachable_address_says_who_gives_it_and_has_no_qr_code() {
    let info = sheet(None);
    let pdf = sesame_documents::connection_information(&info, Paper::A4).unwrap();
    let text = squash(&read(&pdf).text);
    for e in [
        "Communiquée par l’administrateur ou l’administratrice de Sesame",
        "POST <adresse de l’API>/token",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    // The QR code is the document's only figure: none here, one with an address.
    let figures = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        doc.objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure".as_slice()))
            .count()
    };
    assert_eq!(figures(&pdf), 0, "a QR code without an address");
    let reachable = ConnectionInformation {
        api_address: Some("https://sesame.example.org/api/v1".into()),
        ..info
    };
    let pdf = sesame_documents::connection_information(&reachable, Paper::A4).unwrap();
    assert_eq!(figures(&pdf), 1);
}

#[test]
fn file_names_are_plain() {
    assert_eq!(
        sesame_documents::file_name("doc-letter-file", Language::En, "Zoë Ł"),
        "credential-letter-zoe-l.pdf"
    );
    assert_eq!(
        sesame_documents::file_name("doc-connection-file", Language::Fr, "Atelier de Montréal"),
        "informations-connexion-atelier-de-montreal.pdf"
    );
}
