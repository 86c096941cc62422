//! `sesame-server demo`: a realistic bilingual demo organization to try the product.

use super::setup::{SetupError, default_roles, hash};
use super::store::{AuditRecord, Db, NewPersonRow};
use sesame_core::domain::AuditAction;
use sesame_core::domain::{Language, Level, Scope, Status, StructureKind};

/// The code of the demo organization and the password of all its people.
pub const DEMO_CODE: &str = "DEMO";
const DEMO_NAME: &str = "Boulangerie Lumière & Fils";
pub const DEMO_PASSWORD: &str = "sesame-demo-2026";

/// Fills the database with the demo organization (once; a second run changes nothing).
/// Returns false when it already existed.
pub async fn demo(db: &Db) -> Result<bool, SetupError> {
    let mut tx = db.begin().await?;
    if tx.organization_by_code(DEMO_CODE).await?.is_some() {
        return Ok(false);
    }
    let hash = hash(DEMO_PASSWORD).await?;
    let org = tx
        .insert_organization(DEMO_CODE, DEMO_NAME, Language::Fr, true)
        .await?;
    for role in default_roles() {
        tx.insert_role(org, &role).await?;
    }
    // (user ID, last name, first name, level, language, roles, phone)
    type DemoPerson<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Level,
        Language,
        &'a [&'a str],
        &'a str,
    );
    let people: &[DemoPerson] = &[
        (
            "demo",
            "Tremblay",
            "Marie",
            Level::One,
            Language::Fr,
            &["billing", "payroll"],
            "514 555-0101",
        ),
        (
            "admin.en",
            "Whitfield",
            "Jonathan",
            Level::One,
            Language::En,
            &["technical"],
            "+1 416 555 0199",
        ),
        (
            "c.gagnon",
            "Gagnon",
            "Céline",
            Level::TwoWithApproval,
            Language::Fr,
            &["publication"],
            "418 555-0134",
        ),
        (
            "r.okafor",
            "Okafor",
            "Rita",
            Level::Two,
            Language::En,
            &["payroll"],
            "+44 20 7946 0018",
        ),
        (
            "f.lavoie",
            "Lavoie",
            "François",
            Level::Two,
            Language::Fr,
            &["viewer"],
            "",
        ),
        (
            "zoe",
            "Łukasiewicz-Ñúñez",
            "Zoë",
            Level::Three,
            Language::Fr,
            &["viewer"],
            "+48 22 555 01 23",
        ),
        (
            "aegir",
            "Øvergård",
            "Ægir",
            Level::Three,
            Language::En,
            &[],
            "",
        ),
        (
            "m.roy",
            "Roy",
            "Mathéo",
            Level::Three,
            Language::Fr,
            &["billing"],
            "450 555-0177",
        ),
        (
            "s.chen",
            "Chen",
            "Sarah",
            Level::Three,
            Language::En,
            &["technical"],
            "",
        ),
        (
            "e.cote",
            "Côté",
            "Élodie",
            Level::Three,
            Language::Fr,
            &[],
            "819 555-0150",
        ),
    ];
    let mut ids = vec![];
    for (user_id, last, first, level, lang, roles, phone) in people {
        let id = tx
            .insert_person(&NewPersonRow {
                org_id: org,
                user_id: (*user_id).into(),
                last_name: (*last).into(),
                first_name: (*first).into(),
                email: format!("{}@lumiere.example", user_id.replace('.', "-")),
                phone: (*phone).into(),
                level: *level,
                language: *lang,
                roles: roles.iter().map(|r| r.to_string()).collect(),
                is_contact: *user_id == "demo",
                status: if *user_id == "e.cote" {
                    Status::Suspended
                } else {
                    Status::Active
                },
                password_hash: Some(hash.clone()),
                password_temporary: false,
            })
            .await?;
        ids.push(id);
    }
    // Under charge: Céline has Zoë and Ægir; Rita has Mathéo and Sarah; François has Élodie.
    for (m, s) in [(2, 5), (2, 6), (3, 7), (3, 8), (4, 9)] {
        tx.link_under_charge(ids[m], ids[s]).await?;
    }
    let company = tx
        .insert_structure(
            org,
            None,
            StructureKind::Company,
            "Boulangerie Lumière inc.",
        )
        .await?;
    let second = tx
        .insert_structure(
            org,
            None,
            StructureKind::Company,
            "Lumière Distribution ltée",
        )
        .await?;
    let montreal = tx
        .insert_structure(
            org,
            Some(company),
            StructureKind::Establishment,
            "Atelier de Montréal",
        )
        .await?;
    let quebec = tx
        .insert_structure(
            org,
            Some(company),
            StructureKind::Establishment,
            "Boutique de Québec",
        )
        .await?;
    let pastry = tx
        .insert_structure(org, Some(montreal), StructureKind::Division, "Pâtisserie")
        .await?;
    tx.insert_structure(
        org,
        Some(pastry),
        StructureKind::Department,
        "Viennoiseries",
    )
    .await?;
    tx.insert_structure(
        org,
        Some(second),
        StructureKind::Establishment,
        "Entrepôt de Laval",
    )
    .await?;
    tx.set_primary_manager(montreal, 1, Some(ids[2])).await?;
    tx.set_primary_manager(quebec, 1, Some(ids[3])).await?;
    tx.set_primary_manager(company, 1, Some(ids[0])).await?;
    tx.insert_technical_user(
        org,
        montreal,
        &format!("TECH{montreal:06}"),
        Language::Fr,
        &hash,
    )
    .await?;
    tx.insert_service_user(
        org,
        "PAIE2026",
        "Paie Nethris",
        Status::Active,
        Language::Fr,
        &hash,
        &Scope::everything(),
    )
    .await?;
    tx.insert_service_user(
        org,
        "HRSYNC01",
        "HR Sync",
        Status::Active,
        Language::En,
        &hash,
        &Scope {
            structure_ids: vec![quebec],
            ..Scope::default()
        },
    )
    .await?;
    for (email, lang) in [
        ("nadia.benali@lumiere.example", Language::Fr),
        ("tom.baker@lumiere.example", Language::En),
    ] {
        let id = tx
            .insert_person(&NewPersonRow {
                org_id: org,
                user_id: email.into(),
                last_name: String::new(),
                first_name: String::new(),
                email: email.into(),
                phone: String::new(),
                level: Level::Three,
                language: lang,
                roles: vec!["viewer".into()],
                is_contact: false,
                status: Status::Invited,
                password_hash: None,
                password_temporary: false,
            })
            .await?;
        // Demo links are not shown anywhere: a new one is sent with "resend".
        tx.insert_invitation(
            id,
            &super::auth::token_hash(&sesame_core::domain::generate_token()),
            super::store::now() + 7 * 86400,
        )
        .await?;
    }
    tx.insert_contact(
        org,
        &sesame_core::api::Contact {
            id: 0,
            last_name: "Bouchard".into(),
            first_name: "Louise".into(),
            email: "comptabilite@lumiere.example".into(),
            phone: Some("514 555-0111".into()),
            purpose: Some(sesame_core::domain::ContactPurpose::Invoices),
            person_id: None,
        },
    )
    .await?;
    tx.audit(AuditRecord {
        org_id: org,
        actor_id: None,
        actor_label: "sesame-server demo",
        action: AuditAction::OrganizationCreated,
        target_id: None,
        target_label: "",
        detail: Some(sesame_core::api::AuditDetail::Organization {
            code: DEMO_CODE.into(),
            name: DEMO_NAME.into(),
        }),
    })
    .await?;
    tx.commit().await?;
    Ok(true)
}
