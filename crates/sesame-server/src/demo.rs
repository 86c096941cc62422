//! `sesame-server demo`: a realistic bilingual demo organization to try the product.
//!
//! The organization is data: the tables below say who is in it, and [`demo`] walks them in
//! order. The API and app tests rely on this exact content (people and the order of their
//! ids, under charge links, structures, service users, audit line): change it only with them.

use super::setup::{SetupError, default_roles, hash};
use super::store::{AuditRecord, Conn, Db, NewPersonRow};
use sesame_core::domain::AuditAction;
use sesame_core::domain::{Language, Level, Scope, Status, StructureKind};

/// The code of the demo organization and the password of all its people.
pub const DEMO_CODE: &str = "DEMO";
const DEMO_NAME: &str = "Boulangerie Lumière & Fils";
pub const DEMO_PASSWORD: &str = sesame_core::i18n::keys::not_text("sesame-demo-2026");

/// A demo user: their email is built from the user ID (`m.roy` → `m-roy@lumiere.example`).
struct DemoPerson {
    user_id: &'static str,
    last_name: &'static str,
    first_name: &'static str,
    level: Level,
    language: Language,
    roles: &'static [&'static str],
    phone: &'static str,
}

const fn person(
    user_id: &'static str,
    last_name: &'static str,
    first_name: &'static str,
    level: Level,
    language: Language,
    roles: &'static [&'static str],
    phone: &'static str,
) -> DemoPerson {
    DemoPerson {
        user_id,
        last_name,
        first_name,
        level,
        language,
        roles,
        phone,
    }
}

/// The people, in the order their ids are given (tests count on it); names with accents and
/// characters from other alphabets show off sorting and search.
#[rustfmt::skip]
const PEOPLE: [DemoPerson; 10] = [
    person("demo", "Tremblay", "Marie", Level::One, Language::Fr, &["billing", "payroll"], "514 555-0101"),
    person("admin.en", "Whitfield", "Jonathan", Level::One, Language::En, &["technical"], "+1 416 555 0199"),
    person("c.gagnon", "Gagnon", "Céline", Level::TwoWithApproval, Language::Fr, &["publication"], "418 555-0134"),
    person("r.okafor", "Okafor", "Rita", Level::Two, Language::En, &["payroll"], "+44 20 7946 0018"),
    person("f.lavoie", "Lavoie", "François", Level::Two, Language::Fr, &["viewer"], ""),
    person("zoe", "Łukasiewicz-Ñúñez", "Zoë", Level::Three, Language::Fr, &["viewer"], "+48 22 555 01 23"),
    person("aegir", "Øvergård", "Ægir", Level::Three, Language::En, &[], ""),
    person("m.roy", "Roy", "Mathéo", Level::Three, Language::Fr, &["billing"], "450 555-0177"),
    person("s.chen", "Chen", "Sarah", Level::Three, Language::En, &["technical"], ""),
    person("e.cote", "Côté", "Élodie", Level::Three, Language::Fr, &[], "819 555-0150"),
];

/// The one person who is also a contact of the organization.
const CONTACT_PERSON: &str = "demo";
/// The one suspended person, so the status shows in the listing.
const SUSPENDED_PERSON: &str = "e.cote";

// Positions in PEOPLE that the links below point at.
const MARIE: usize = 0;
const CELINE: usize = 2;
const RITA: usize = 3;
const FRANCOIS: usize = 4;

/// Under charge, as (manager, subordinate) positions in [`PEOPLE`]: Céline has Zoë and Ægir;
/// Rita has Mathéo and Sarah; François has Élodie.
const UNDER_CHARGE: [(usize, usize); 5] = [
    (CELINE, 5),
    (CELINE, 6),
    (RITA, 7),
    (RITA, 8),
    (FRANCOIS, 9),
];

/// A demo structure; its parent is a position in [`STRUCTURES`], always an earlier one.
struct DemoStructure {
    parent: Option<usize>,
    kind: StructureKind,
    name: &'static str,
}

const fn structure(
    parent: Option<usize>,
    kind: StructureKind,
    name: &'static str,
) -> DemoStructure {
    DemoStructure { parent, kind, name }
}

// Positions in STRUCTURES that other tables point at.
const COMPANY: usize = 0;
const SECOND_COMPANY: usize = 1;
const MONTREAL: usize = 2;
const QUEBEC: usize = 3;
const PASTRY: usize = 4;

/// The structure tree: two companies, their establishments, a division and a department.
#[rustfmt::skip]
const STRUCTURES: [DemoStructure; 7] = [
    structure(None, StructureKind::Company, "Boulangerie Lumière inc."),
    structure(None, StructureKind::Company, "Lumière Distribution ltée"),
    structure(Some(COMPANY), StructureKind::Establishment, "Atelier de Montréal"),
    structure(Some(COMPANY), StructureKind::Establishment, "Boutique de Québec"),
    structure(Some(MONTREAL), StructureKind::Division, "Pâtisserie"),
    structure(Some(PASTRY), StructureKind::Department, "Viennoiseries"),
    structure(Some(SECOND_COMPANY), StructureKind::Establishment, "Entrepôt de Laval"),
];

/// Primary managers, as (structure, person) positions: Céline runs Montréal, Rita Québec,
/// Marie the first company.
const PRIMARY_MANAGERS: [(usize, usize); 3] =
    [(MONTREAL, CELINE), (QUEBEC, RITA), (COMPANY, MARIE)];

/// The structure that gets a technical user (its login is made from the structure's id).
const TECHNICAL_USER_STRUCTURE: usize = MONTREAL;

/// What a demo service user may reach.
enum DemoReach {
    Everything,
    /// One structure, as a position in [`STRUCTURES`].
    Structure(usize),
}

/// Service users: (code, application, language, reach); all active.
#[rustfmt::skip]
const SERVICE_USERS: [(&str, &str, Language, DemoReach); 2] = [
    ("PAIE2026", "Paie Nethris", Language::Fr, DemoReach::Everything),
    ("HRSYNC01", "HR Sync", Language::En, DemoReach::Structure(QUEBEC)),
];

/// People invited but not yet confirmed: (email, language).
const INVITED: [(&str, Language); 2] = [
    ("nadia.benali@lumiere.example", Language::Fr),
    ("tom.baker@lumiere.example", Language::En),
];

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
    let people = insert_people(&mut tx, org, &hash).await?;
    for (manager, subordinate) in UNDER_CHARGE {
        tx.link_under_charge(people[manager], people[subordinate])
            .await?;
    }
    let structures = insert_structures(&mut tx, org).await?;
    for (structure, manager) in PRIMARY_MANAGERS {
        tx.set_primary_manager(structures[structure], 1, Some(people[manager]))
            .await?;
    }
    let workshop = structures[TECHNICAL_USER_STRUCTURE];
    let login = format!("TECH{workshop:06}");
    tx.insert_technical_user(org, workshop, &login, Language::Fr, &hash)
        .await?;
    insert_service_users(&mut tx, org, &hash, &structures).await?;
    invite_people(&mut tx, org).await?;
    tx.insert_contact(org, &accounting_contact()).await?;
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

/// Inserts [`PEOPLE`], all with the demo password; their ids in the same order.
async fn insert_people(tx: &mut Conn, org: i64, hash: &str) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = vec![];
    for p in &PEOPLE {
        let id = tx
            .insert_person(&NewPersonRow {
                org_id: org,
                user_id: p.user_id.into(),
                last_name: p.last_name.into(),
                first_name: p.first_name.into(),
                email: format!("{}@lumiere.example", p.user_id.replace('.', "-")),
                phone: p.phone.into(),
                level: p.level,
                language: p.language,
                roles: p.roles.iter().map(|r| r.to_string()).collect(),
                is_contact: p.user_id == CONTACT_PERSON,
                status: if p.user_id == SUSPENDED_PERSON {
                    Status::Suspended
                } else {
                    Status::Active
                },
                password_hash: Some(hash.to_owned()),
                password_temporary: false,
            })
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Inserts [`STRUCTURES`] parents first (the table's order); their ids in the same order.
async fn insert_structures(tx: &mut Conn, org: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids: Vec<i64> = vec![];
    for s in &STRUCTURES {
        let parent = s.parent.map(|p| ids[p]);
        ids.push(tx.insert_structure(org, parent, s.kind, s.name).await?);
    }
    Ok(ids)
}

/// Inserts [`SERVICE_USERS`], active, with the demo password.
async fn insert_service_users(
    tx: &mut Conn,
    org: i64,
    hash: &str,
    structures: &[i64],
) -> Result<(), sqlx::Error> {
    for (code, application, language, reach) in &SERVICE_USERS {
        let scope = match reach {
            DemoReach::Everything => Scope::everything(),
            DemoReach::Structure(s) => Scope {
                structure_ids: vec![structures[*s]],
                ..Scope::default()
            },
        };
        tx.insert_service_user(
            org,
            code,
            application,
            Status::Active,
            *language,
            hash,
            &scope,
        )
        .await?;
    }
    Ok(())
}

/// Inserts the [`INVITED`] people (level 3, viewers, no password yet) with an open invitation.
async fn invite_people(tx: &mut Conn, org: i64) -> Result<(), sqlx::Error> {
    for (email, lang) in INVITED {
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
    Ok(())
}

/// The organization's contact for invoices, who has no account.
fn accounting_contact() -> sesame_core::api::Contact {
    sesame_core::api::Contact {
        id: 0,
        last_name: "Bouchard".into(),
        first_name: "Louise".into(),
        email: "comptabilite@lumiere.example".into(),
        phone: Some("514 555-0111".into()),
        purpose: Some(sesame_core::domain::ContactPurpose::Invoices),
        person_id: None,
    }
}
