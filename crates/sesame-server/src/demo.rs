//! `sesame-server init` and `sesame-server demo`: a first organization with its first level-1
//! user, or a realistic bilingual demo organization to try the product.

use super::auth::hash_password;
use super::store::{AuditRecord, Db, NewPersonRow};
use sesame_core::api::Role;
use sesame_core::domain::AuditAction;
use sesame_core::domain::{
    Language, Level, Scope, Status, StructureKind, generate_password, normalize_email,
    required_text, validate_user_id,
};

/// What `init` creates.
#[derive(Debug, Clone)]
pub struct FirstOrganization {
    pub code: String,
    pub name: String,
    pub language: Language,
    pub public_service: bool,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
}

/// The default roles catalogue of a new organization.
pub fn default_roles() -> Vec<Role> {
    [
        (
            "billing",
            "Billing",
            "Facturation",
            "Receives and pays the invoices.",
            "Reçoit et règle les factures.",
        ),
        (
            "payroll",
            "Payroll",
            "Paie",
            "Sends the pay files and reads the pay reports.",
            "Transmet les fichiers de paie et consulte les rapports de paie.",
        ),
        (
            "publication",
            "Publication",
            "Publication",
            "Publishes the organization's notices.",
            "Publie les avis de l’organisation.",
        ),
        (
            "technical",
            "Technical matters",
            "Questions techniques",
            "First contact for connections and integrations.",
            "Premier interlocuteur pour les connexions et les intégrations.",
        ),
        (
            "viewer",
            "Read only",
            "Lecture seule",
            "Reads everything, changes nothing.",
            "Consulte tout, ne modifie rien.",
        ),
    ]
    .into_iter()
    .map(|(c, en, fr, den, dfr)| Role {
        code: c.into(),
        name_en: en.into(),
        name_fr: fr.into(),
        description_en: den.into(),
        description_fr: dfr.into(),
    })
    .collect()
}

/// Creates the organization and its first level-1 user; returns that user's temporary
/// password, to be shown once.
pub async fn init(db: &Db, o: &FirstOrganization) -> Result<String, String> {
    let code = o.code.trim().to_uppercase();
    if code.len() < 2 || code.len() > 20 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err("the organization code must be 2 to 20 letters or digits".into());
    }
    let name = required_text("name", &o.name, 120)
        .map_err(|e| format!("organization name: {}", e.code))?;
    validate_user_id(&o.user_id).map_err(|e| format!("user ID: {}", e.code))?;
    let email = normalize_email("email", &o.email).map_err(|e| format!("email: {}", e.code))?;
    let password = generate_password();
    let hash = hash_password(&password)
        .await
        .map_err(|e| e.detail.message)?;
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    let exists = tx
        .organization_by_code(&code)
        .await
        .map_err(|e| e.to_string())?;
    if exists.is_some() {
        return Err(format!(
            "an organization with the code {code} already exists"
        ));
    }
    let org_id = tx
        .insert_organization(&code, &name, o.language, o.public_service)
        .await
        .map_err(|e| e.to_string())?;
    for role in default_roles() {
        tx.insert_role(org_id, &role)
            .await
            .map_err(|e| e.to_string())?;
    }
    let id = tx
        .insert_person(&NewPersonRow {
            org_id,
            user_id: o.user_id.trim().into(),
            last_name: o.last_name.trim().into(),
            first_name: o.first_name.trim().into(),
            email,
            phone: String::new(),
            level: Level::One,
            language: o.language,
            roles: vec![],
            is_contact: false,
            status: Status::Active,
            password_hash: Some(hash),
            password_temporary: true,
        })
        .await
        .map_err(|e| e.to_string())?;
    tx.audit(AuditRecord {
        org_id,
        actor_id: None,
        actor_label: "sesame-server init",
        action: AuditAction::OrganizationCreated,
        target_id: Some(id),
        target_label: o.user_id.trim(),
        detail: format!("{code} {name}"),
    })
    .await
    .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(password)
}

/// The code of the demo organization and the password of all its people.
pub const DEMO_CODE: &str = "DEMO";
pub const DEMO_PASSWORD: &str = "sesame-demo-2026";

/// Fills the database with the demo organization (once; a second run changes nothing).
/// Returns false when it already existed.
pub async fn demo(db: &Db) -> Result<bool, String> {
    let e = |e: sqlx::Error| e.to_string();
    let mut tx = db.begin().await.map_err(e)?;
    if tx
        .organization_by_code(DEMO_CODE)
        .await
        .map_err(e)?
        .is_some()
    {
        return Ok(false);
    }
    let hash = hash_password(DEMO_PASSWORD)
        .await
        .map_err(|e| e.detail.message)?;
    let org = tx
        .insert_organization(DEMO_CODE, "Boulangerie Lumière & Fils", Language::Fr, true)
        .await
        .map_err(e)?;
    for role in default_roles() {
        tx.insert_role(org, &role).await.map_err(e)?;
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
            .await
            .map_err(e)?;
        ids.push(id);
    }
    // Under charge: Céline has Zoë and Ægir; Rita has Mathéo and Sarah; François has Élodie.
    for (m, s) in [(2, 5), (2, 6), (3, 7), (3, 8), (4, 9)] {
        tx.link_under_charge(ids[m], ids[s]).await.map_err(e)?;
    }
    let company = tx
        .insert_structure(
            org,
            None,
            StructureKind::Company,
            "Boulangerie Lumière inc.",
        )
        .await
        .map_err(e)?;
    let second = tx
        .insert_structure(
            org,
            None,
            StructureKind::Company,
            "Lumière Distribution ltée",
        )
        .await
        .map_err(e)?;
    let montreal = tx
        .insert_structure(
            org,
            Some(company),
            StructureKind::Establishment,
            "Atelier de Montréal",
        )
        .await
        .map_err(e)?;
    let quebec = tx
        .insert_structure(
            org,
            Some(company),
            StructureKind::Establishment,
            "Boutique de Québec",
        )
        .await
        .map_err(e)?;
    let pastry = tx
        .insert_structure(org, Some(montreal), StructureKind::Division, "Pâtisserie")
        .await
        .map_err(e)?;
    tx.insert_structure(
        org,
        Some(pastry),
        StructureKind::Department,
        "Viennoiseries",
    )
    .await
    .map_err(e)?;
    tx.insert_structure(
        org,
        Some(second),
        StructureKind::Establishment,
        "Entrepôt de Laval",
    )
    .await
    .map_err(e)?;
    tx.set_primary_manager(montreal, 1, Some(ids[2]))
        .await
        .map_err(e)?;
    tx.set_primary_manager(quebec, 1, Some(ids[3]))
        .await
        .map_err(e)?;
    tx.set_primary_manager(company, 1, Some(ids[0]))
        .await
        .map_err(e)?;
    tx.insert_technical_user(
        org,
        montreal,
        &format!("TECH{montreal:06}"),
        Language::Fr,
        &hash,
    )
    .await
    .map_err(e)?;
    tx.insert_service_user(
        org,
        "PAIE2026",
        "Paie Nethris",
        Status::Active,
        Language::Fr,
        &hash,
        &Scope::everything(),
    )
    .await
    .map_err(e)?;
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
    .await
    .map_err(e)?;
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
            .await
            .map_err(e)?;
        // Demo links are not shown anywhere: a new one is sent with "resend".
        tx.insert_invitation(
            id,
            &super::auth::token_hash(&sesame_core::domain::generate_token()),
            super::store::now() + 7 * 86400,
        )
        .await
        .map_err(e)?;
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
    .await
    .map_err(e)?;
    tx.audit(AuditRecord {
        org_id: org,
        actor_id: None,
        actor_label: "sesame-server demo",
        action: AuditAction::OrganizationCreated,
        target_id: None,
        target_label: "",
        detail: "demo organization".into(),
    })
    .await
    .map_err(e)?;
    tx.commit().await.map_err(e)?;
    Ok(true)
}
