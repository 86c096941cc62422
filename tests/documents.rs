//! The PDF documents, read back with poppler's tools (pdftotext, pdffonts, pdfinfo) and lopdf:
//! exact fields in both languages, names with every Latin accent, page sizes, one page per
//! letter, fonts embedded, metadata.

use std::process::Command;

use sesame::documents::{self, ConnectionInformation, CredentialLetter, Holder, Paper};
use sesame::domain::Language;

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
    }
}

struct Read {
    text: String,
    fonts: String,
    info: String,
    lang: String,
}

fn read(bytes: &[u8], name: &str) -> Read {
    let dir = std::env::temp_dir().join(format!("sesame_docs_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let run = |cmd: &str, args: &[&str]| {
        let out = Command::new(cmd)
            .args(args)
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{cmd} (apt-get install poppler-utils): {e}"));
        assert!(
            out.status.success(),
            "{cmd} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = {
        let out = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .ok()
        .and_then(|l| l.as_str().ok())
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    Read {
        text,
        fonts: run("pdffonts", &[]),
        info: run("pdfinfo", &[]),
        lang,
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
        let pdf = documents::credential_letters(
            &[letter("Zoë Łukasiewicz-Ñúñez", "zoe", lang)],
            Paper::A4,
        )
        .unwrap();
        let r = read(&pdf, &format!("letter-{}.pdf", lang.as_str()));
        let text = squash(&r.text).replace(" :", ":").replace("\u{a0}:", ":");
        for e in expect {
            let e = squash(e).replace(" :", ":").replace("\u{a0}:", ":");
            assert!(text.contains(&e), "[{lang:?}] {e:?} not in:\n{text}");
        }
        assert!(r.info.contains("Pages:           1"), "{}", r.info);
        assert!(
            r.info.contains("pts (A4)") && r.info.contains("595.28 x 841.89"),
            "{}",
            r.info
        );
        assert!(r.info.contains("Creator:         Sesame"));
        assert_eq!(r.lang, lang.as_str());
        // Three faces, each embedded as a subset.
        let embedded = r
            .fonts
            .lines()
            .skip(2)
            .filter(|l| l.contains(" yes yes "))
            .count();
        assert_eq!(embedded, 3, "{}", r.fonts);
        assert!(r.fonts.contains("DejaVuSansMono"));
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
    let r = read(
        &documents::credential_letters(&[l], Paper::Letter).unwrap(),
        "service.pdf",
    );
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
        r.info.contains("612 x 792") && r.info.contains("pts (letter)"),
        "{}",
        r.info
    );
}

#[test]
fn a_batch_prints_one_page_per_letter_each_in_its_holders_language() {
    let letters = vec![
        letter("Zoë Łukasiewicz-Ñúñez", "zoe", Language::Fr),
        letter("Ægir Øvergård", "aegir", Language::En),
        letter("Jürgen Straße", "jurgen", Language::En),
    ];
    let pdf = documents::credential_letters(&letters, Paper::A4).unwrap();
    let r = read(&pdf, "batch.pdf");
    assert!(r.info.contains("Pages:           3"), "{}", r.info);
    let pages: Vec<&str> = r.text.split('\u{c}').collect();
    assert!(squash(pages[0]).contains("Zoë Łukasiewicz-Ñúñez, voici"));
    assert!(squash(pages[1]).contains("Ægir Øvergård, here are"));
    assert!(squash(pages[2]).contains("Jürgen Straße, here are"));
}

#[test]
fn connection_information_is_in_the_primary_managers_language() {
    let info = ConnectionInformation {
        structure: "Atelier de Montréal".into(),
        organization_code: "DEMO".into(),
        login: "TECH000003".into(),
        password: "Kq7m-Xp3r-Tz9w-Hd4n".into(),
        api_address: "https://sesame.example.org/api/v1".into(),
        manager_name: "Céline Gagnon".into(),
        manager_email: "c-gagnon@lumiere.example".into(),
        created: date(),
        language: Language::Fr,
    };
    let r = read(
        &documents::connection_information(&info, Paper::A4).unwrap(),
        "connection.pdf",
    );
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
    assert!(r.info.contains("Title:           Informations de connexion d’un utilisateur technique — Atelier de Montréal"), "{}", r.info);
}

#[test]
fn file_names_are_plain() {
    assert_eq!(
        documents::file_name("doc-letter-file", Language::En, "Zoë Ł"),
        "credential-letter-zoe-l.pdf"
    );
    assert_eq!(
        documents::file_name("doc-connection-file", Language::Fr, "Atelier de Montréal"),
        "informations-connexion-atelier-de-montreal.pdf"
    );
}
