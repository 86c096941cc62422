//! The benchmark's people, written as an office would: the organization and its two signed-in
//! users first, then everyone else through `POST /people/import`, 20,000 rows a request (the
//! most one import takes), each with its level and, for level 3, the level-2 user whose charge
//! they are under.

use std::time::Instant;

use sesame_core::api::import::{ImportDelivery, ImportRequest, ImportRow};
use sesame_core::domain::{Language, Level, Status};
use sesame_server::Db;
use sesame_server::setup::default_roles;
use sesame_server::store::NewPersonRow;

/// One person in this many is of level 2.
pub const LEVEL_TWO_SHARE: usize = 50;
pub const PASSWORD: &str = "bench-password-2026";
const PER_IMPORT: usize = 20_000;

const LAST: [&str; 12] = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Łukasiewicz",
];
const FIRST: [&str; 12] = [
    "Marie",
    "Jean",
    "Zoë",
    "Ægir",
    "Élodie",
    "François",
    "Rita",
    "Sarah",
    "Mathéo",
    "Léa",
    "Noah",
    "Chloé",
];

/// The organization, its roles, `bench.l1` (level 1) and `bench.l2` (level 2) who sign in.
pub async fn organization(url: &str) {
    let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
    let db = Db::connect(url).await.unwrap();
    let mut tx = db.begin().await.unwrap();
    let org = tx
        .insert_organization("BENCH", "Bench organization", Language::Fr, true)
        .await
        .unwrap();
    for r in default_roles() {
        tx.insert_role(org, &r).await.unwrap();
    }
    for (user_id, level) in [("bench.l1", Level::One), ("bench.l2", Level::Two)] {
        tx.insert_person(&NewPersonRow {
            org_id: org,
            user_id: user_id.into(),
            last_name: "Bench".into(),
            first_name: "Admin".into(),
            email: format!("{user_id}@bench.example"),
            phone: String::new(),
            level,
            language: Language::Fr,
            roles: vec!["viewer".into()],
            is_contact: false,
            status: Status::Active,
            password_hash: Some(hash.clone()),
            password_temporary: false,
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    db.close().await;
}

/// Row `i` of the people: families in turn, so that each family's people stand side by side in
/// name order ("Tremblay 0", "Tremblay 1", …), as in a staff list sorted by name.
fn row(i: usize, accounts: usize) -> ImportRow {
    let level_two = accounts / LEVEL_TWO_SHARE;
    let user_id = format!("user{i:06}");
    let level = match i {
        i if i < level_two => "2",
        _ => "3",
    };
    ImportRow {
        line: (i % PER_IMPORT) as u32 + 2,
        last_name: Some(format!("{} {}", LAST[i % 12], i / 12)),
        first_name: Some(FIRST[(i / 7) % 12].into()),
        email: Some(format!("{user_id}@bench.example")),
        phone: Some(format!("514 555-{:04}", i % 10_000)),
        level: Some(level.into()),
        roles: Some("viewer".into()),
        language: Some(if i.is_multiple_of(2) { "fr" } else { "en" }.into()),
        // Level-3 users spread under the level-2 users' charge (~49 each).
        under_charge_of: (level == "3").then(|| format!("user{:06}", i % level_two)),
        user_id: Some(user_id),
        also_contact: None,
    }
}

/// Everyone but the two who sign in, through the import of the server at `base`; prints the
/// time it took.
pub async fn import_everyone(base: &str, accounts: usize) {
    let client = sesame_client::Client::new(base);
    let session = client
        .sign_in("BENCH", "bench.l1", PASSWORD, None)
        .await
        .unwrap();
    let client = client.with_token(Some(session.token));
    let started = Instant::now();
    let people = accounts - 2;
    let mut imports = 0;
    for first in (0..people).step_by(PER_IMPORT) {
        let rows = (first..(first + PER_IMPORT).min(people))
            .map(|i| row(i, people))
            .collect();
        let request = ImportRequest {
            dry_run: false,
            delivery: ImportDelivery::Letter,
            rows,
        };
        let report = client.import_people(&request).await.unwrap();
        assert_eq!(
            report.totals.refused,
            0,
            "{:?}",
            report.rows.iter().find(|r| !r.problems.is_empty())
        );
        imports += 1;
    }
    println!(
        "{accounts} people: {people} imported through the API in {imports} imports of up to \
         {PER_IMPORT} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
