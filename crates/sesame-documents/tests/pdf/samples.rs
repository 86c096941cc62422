//! Documents to read back: a person's letter, a service user's letter after a rotation, a
//! batch in both languages and a connection information sheet.

use sesame_core::domain::Language;
use sesame_documents::{ConnectionInformation, CredentialLetter, Handover, Holder, Issuer, Paper};
use time::macros::datetime;

pub const PASSWORD: &str = "Kq7m-Xp3r-Tz9w-Hd4n";

pub fn person(name: &str, login: &str, language: Language) -> CredentialLetter {
    CredentialLetter {
        organization_name: "Boulangerie Lumière & Fils".into(),
        organization_code: "DEMO".into(),
        login: login.into(),
        password: PASSWORD.into(),
        holder: Holder::Person { name: name.into() },
        language,
        date: datetime!(2026-11-23 10:00 UTC),
        handover: Handover::default(),
    }
}

/// A service user's letter with everything a handover can say.
pub fn service_user(language: Language) -> CredentialLetter {
    CredentialLetter {
        login: "PAIE2026".into(),
        holder: Holder::ServiceUser {
            application: "Paie Nethris".into(),
        },
        handover: Handover {
            expires_at: Some(datetime!(2027-11-23 10:00 UTC)),
            previous_until: Some(datetime!(2026-11-30 10:00 UTC)),
            server_address: Some("https://sesame.tremblay.example".into()),
            issued_by: Some(Issuer {
                name: "Marie Tremblay".into(),
                email: "marie@tremblay.example".into(),
            }),
        },
        ..person("", "PAIE2026", language)
    }
}

pub fn letter_pdf(language: Language) -> Vec<u8> {
    let letter = person("Zoë Łukasiewicz-Ñúñez", "zoe", language);
    sesame_documents::credential_letters(&[letter], Paper::A4).unwrap()
}

/// French, English, French: a French document whose second letter is English.
pub fn batch_pdf() -> Vec<u8> {
    let letters = [
        person("Zoë Łukasiewicz-Ñúñez", "zoe", Language::Fr),
        person("Ægir Øvergård", "aegir", Language::En),
        service_user(Language::Fr),
    ];
    sesame_documents::credential_letters(&letters, Paper::A4).unwrap()
}

pub const API_ADDRESS: &str = "https://sesame.example.org/api/v1";

pub fn connection_pdf(language: Language) -> Vec<u8> {
    let info = ConnectionInformation {
        organization_name: "Boulangerie Tremblay & Fils".into(),
        structure: "Atelier de Montréal".into(),
        organization_code: "DEMO".into(),
        login: "TECH000003".into(),
        password: PASSWORD.into(),
        api_address: Some(API_ADDRESS.into()),
        manager_name: "Céline Gagnon".into(),
        manager_email: "c-gagnon@lumiere.example".into(),
        created: datetime!(2026-11-23 10:00 UTC),
        language,
        handover: Handover::default(),
    };
    sesame_documents::connection_information(&info, Paper::Letter).unwrap()
}

/// Writes `pdf` as `name` into the folder `SESAME_KEEP_PDFS` names, if any (to look at it).
pub fn keep(name: &str, pdf: &[u8]) {
    if let Ok(dir) = std::env::var("SESAME_KEEP_PDFS") {
        std::fs::write(format!("{dir}/{name}"), pdf).unwrap();
    }
}
