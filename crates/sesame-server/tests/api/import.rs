//! Importing people over real HTTP: the dry run changes nothing, applying writes exactly the
//! valid rows, each rule refuses its row with the column to blame, and a French file with a
//! byte-order mark and accented names comes back as written.

use crate::support::{PASSWORD, TestServer, backends};
use sesame_client::Client;
use sesame_core::api::import::{
    ImportColumn as Col, ImportDelivery, ImportOutcome, ImportReport, ImportRequest, ImportRow,
    parse_csv,
};
use sesame_core::api::{ErrorCode, PeopleQuery};
use sesame_core::domain::{Language, Level, Status};

pub fn row(line: u32, user_id: &str, level: &str, email: &str) -> ImportRow {
    ImportRow {
        line,
        last_name: Some(format!("Nom {user_id}")),
        first_name: Some(format!("Prénom {user_id}")),
        user_id: Some(user_id.into()),
        email: Some(email.into()),
        level: Some(level.into()),
        ..ImportRow::default()
    }
}

pub async fn import(
    c: &Client,
    dry_run: bool,
    delivery: ImportDelivery,
    rows: Vec<ImportRow>,
) -> ImportReport {
    c.import_people(&ImportRequest {
        dry_run,
        delivery,
        rows,
    })
    .await
    .unwrap()
}

async fn count(c: &Client) -> usize {
    c.all_people(5000).await.unwrap().len()
}

/// A row's problem: column, code, reason.
type Problem = (Col, ErrorCode, Option<String>);

/// (line, outcome, problems) of every row.
fn outcomes(r: &ImportReport) -> Vec<(u32, ImportOutcome, Vec<Problem>)> {
    r.rows
        .iter()
        .map(|x| {
            let p = x
                .problems
                .iter()
                .map(|p| (p.column, p.code, p.reason.clone()))
                .collect();
            (x.line, x.outcome, p)
        })
        .collect()
}

async fn setup(s: &TestServer) -> (Client, i64) {
    let org = s.org("ALPHA", false).await;
    s.person(org, "admin", Level::One, Some(PASSWORD)).await;
    let boss = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
    (s.sign_in("ALPHA", "admin", PASSWORD).await, boss)
}

#[tokio::test]
async fn a_dry_run_changes_nothing_and_applying_writes_exactly_the_valid_rows() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let (admin, boss) = setup(&s).await;
        let rows = vec![
            ImportRow {
                under_charge_of: Some("BOSS".into()),
                roles: Some("payroll|billing".into()),
                ..row(2, "zoe", "3", "zoe@example.org")
            },
            ImportRow {
                language: Some("fr".into()),
                also_contact: Some("oui".into()),
                ..row(3, "lea", "2", "lea@example.org")
            },
            row(4, "Zoe", "3", "zoe2@example.org"),
            row(5, "bad", "3", "not-an-email"),
            ImportRow {
                under_charge_of: Some("nobody".into()),
                ..row(6, "orphan", "3", "orphan@example.org")
            },
            ImportRow {
                phone: Some("+1 514 555 0199".into()),
                ..row(7, "boss", "2", "boss@example.org")
            },
            ImportRow {
                roles: Some("astronaut".into()),
                ..row(8, "x.y", "9", "xy@example.org")
            },
        ];
        let before = count(&admin).await;
        let audit_before = admin.audit(&Default::default()).await.unwrap().items.len();
        let dry = import(&admin, true, ImportDelivery::Invitation, rows.clone()).await;
        let expected = vec![
            (2, ImportOutcome::Create, vec![]),
            (3, ImportOutcome::Create, vec![]),
            (
                4,
                ImportOutcome::Refused,
                vec![(Col::UserId, ErrorCode::DuplicateUserId, None)],
            ),
            (
                5,
                ImportOutcome::Refused,
                vec![(
                    Col::Email,
                    ErrorCode::InvalidField,
                    Some("invalid_email".into()),
                )],
            ),
            (
                6,
                ImportOutcome::Refused,
                vec![(
                    Col::UnderChargeOf,
                    ErrorCode::InvalidField,
                    Some("unknown_user".into()),
                )],
            ),
            (7, ImportOutcome::Update, vec![]),
            (
                8,
                ImportOutcome::Refused,
                vec![
                    (
                        Col::Level,
                        ErrorCode::InvalidField,
                        Some("invalid_value".into()),
                    ),
                    (
                        Col::Roles,
                        ErrorCode::InvalidField,
                        Some("unknown_role".into()),
                    ),
                ],
            ),
        ];
        assert_eq!(outcomes(&dry), expected);
        assert_eq!(
            dry.rows[5].changed,
            vec![Col::LastName, Col::FirstName, Col::Phone]
        );
        assert_eq!(
            (dry.totals.create, dry.totals.update, dry.totals.refused),
            (2, 1, 4)
        );
        assert_eq!(count(&admin).await, before, "a dry run creates nobody");
        assert_eq!(
            admin.audit(&Default::default()).await.unwrap().items.len(),
            audit_before
        );
        assert_eq!(admin.person(boss).await.unwrap().person.phone, None);

        let applied = import(&admin, false, ImportDelivery::Invitation, rows).await;
        assert_eq!(
            outcomes(&applied),
            expected,
            "applying decides as the dry run did"
        );
        assert_eq!(count(&admin).await, before + 2);
        let zoe = admin
            .person(applied.rows[0].person_id.unwrap())
            .await
            .unwrap();
        assert_eq!(
            (zoe.person.user_id.as_str(), zoe.person.status),
            ("zoe", Status::Invited)
        );
        assert_eq!(
            zoe.person.roles,
            vec!["billing".to_owned(), "payroll".to_owned()]
        );
        assert_eq!(
            zoe.managers.iter().map(|m| m.id).collect::<Vec<_>>(),
            vec![boss]
        );
        let lea = admin
            .person(applied.rows[1].person_id.unwrap())
            .await
            .unwrap();
        assert_eq!(
            (lea.person.language, lea.person.is_contact, lea.person.level),
            (Language::Fr, true, Level::Two)
        );
        assert_eq!(
            admin.person(boss).await.unwrap().person.phone.as_deref(),
            Some("+1 514 555 0199")
        );
        let mails = admin.outbox().await.unwrap();
        assert_eq!(
            mails
                .iter()
                .filter(|m| m.recipient == "zoe@example.org" || m.recipient == "lea@example.org")
                .count(),
            2
        );
        let audit = admin.audit(&Default::default()).await.unwrap().items;
        assert_eq!(
            audit.len(),
            audit_before + 3,
            "two invitations and one update"
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn a_level_2_importer_creates_only_what_it_may_and_keeps_its_level_3_users() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let (_, _) = setup(&s).await;
        let boss = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let rows = vec![
            row(2, "chief", "1", "chief@example.org"),
            row(3, "kid", "3", "kid@example.org"),
            row(4, "admin", "3", "a@example.org"),
        ];
        let r = import(&boss, false, ImportDelivery::Letter, rows).await;
        assert_eq!(
            outcomes(&r),
            vec![
                (
                    2,
                    ImportOutcome::Refused,
                    vec![(Col::Level, ErrorCode::LevelNotGrantable, None)]
                ),
                (3, ImportOutcome::Create, vec![]),
                (
                    4,
                    ImportOutcome::Refused,
                    vec![(Col::UserId, ErrorCode::DuplicateUserId, None)]
                ),
            ]
        );
        let kid = r.created[0];
        let seen = boss.all_people(100).await.unwrap();
        assert!(
            seen.iter()
                .any(|p| p.id == kid && p.status == Status::Active),
            "placed under the importer's charge"
        );
        s.stop().await;
    }
}

/// The French column names as the template names them, after a byte-order mark.
fn french_header() -> String {
    let names: Vec<&str> = Col::ALL.iter().map(|c| c.header(Language::Fr)).collect();
    format!("\u{feff}{}\r\n", names.join(";"))
}

#[tokio::test]
async fn a_french_semicolon_file_with_a_byte_order_mark_round_trips() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let (admin, _) = setup(&s).await;
        let file = format!(
            "{}\"Côté; Lévesque\";Émilie;e.cote;EMILIE@exemple.fr;+33 1 23 45 67 89;3;payroll;Français;boss;Non\r\n\
             Nguyễn;Thị Ánh \"Ánh\";anh;anh@exemple.fr;;2;;fr;;oui\r\n",
            french_header()
        );
        assert!(file.starts_with('\u{feff}'));
        let rows = parse_csv(file.as_bytes()).unwrap();
        let r = import(&admin, false, ImportDelivery::Letter, rows).await;
        assert_eq!(r.totals.create, 2, "{:?}", r.rows);
        let people = admin
            .people(&PeopleQuery {
                q: Some("exemple.fr".into()),
                ..Default::default()
            })
            .await
            .unwrap()
            .items;
        let mut names: Vec<(String, String, String)> = people
            .iter()
            .map(|p| (p.last_name.clone(), p.first_name.clone(), p.email.clone()))
            .collect();
        names.sort();
        assert_eq!(
            names,
            vec![
                (
                    "Côté; Lévesque".into(),
                    "Émilie".into(),
                    "emilie@exemple.fr".into()
                ),
                (
                    "Nguyễn".into(),
                    "Thị Ánh \"Ánh\"".into(),
                    "anh@exemple.fr".into()
                ),
            ]
        );
        // Letters afterwards, a batch at a time: a password for each person created.
        let letters = admin.initialize_passwords(&r.created).await.unwrap();
        assert_eq!(letters.len(), 2);
        let signed = s
            .client()
            .sign_in("ALPHA", "e.cote", &letters[0].password, None)
            .await;
        let signed = signed.or(s
            .client()
            .sign_in("ALPHA", "anh", &letters[0].password, None)
            .await);
        assert!(signed.unwrap().me.must_change_password);
        s.stop().await;
    }
}

/// PostgreSQL plans the level-2 listing from its statistics: right after a large import,
/// before autovacuum gets to it, a page walked every account. The import refreshes them.
#[tokio::test]
async fn a_large_import_refreshes_the_statistics_postgresql_plans_with() {
    for b in backends() {
        if !matches!(b, crate::support::Backend::Postgres(_)) {
            continue;
        }
        let s = crate::support::start(&b).await;
        let (admin, _) = setup(&s).await;
        let sesame_server::store::Db::Postgres(pool) = &s.db else {
            unreachable!("a PostgreSQL backend");
        };
        let analyzed = || async {
            sqlx::query_scalar::<_, bool>(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables \
                 WHERE relname = 'accounts'",
            )
            .fetch_one(pool)
            .await
            .unwrap()
        };
        // A small import leaves them to autovacuum.
        let few = (0..10)
            .map(|i| {
                row(
                    i + 2,
                    &format!("few{i:02}"),
                    "3",
                    &format!("few{i}@example.org"),
                )
            })
            .collect();
        import(&admin, false, ImportDelivery::Invitation, few).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(!analyzed().await, "not after 10 rows");
        let rows = (0..1000)
            .map(|i| {
                row(
                    i + 2,
                    &format!("bulk{i:04}"),
                    "3",
                    &format!("bulk{i}@example.org"),
                )
            })
            .collect();
        let r = import(&admin, false, ImportDelivery::Invitation, rows).await;
        assert_eq!(r.totals.create, 1000);
        let mut waited = 0;
        while !analyzed().await {
            assert!(waited < 100, "no ANALYZE within 10 s of the import");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            waited += 1;
        }
        s.stop().await;
    }
}
