//! Search through the index on both databases: every Latin script folded, substrings of three
//! letters or more, word starts below that, the same people on SQLite and PostgreSQL page after
//! page, and a database of the previous schema brought up to date.

use std::collections::BTreeMap;

use crate::support::{Backend, PASSWORD, TestServer, backends};
use sesame_core::api::PeopleQuery;
use sesame_core::domain::rules::Visibility;
use sesame_core::domain::{Language, Level, Status};
use sesame_server::store::NewPersonRow;

/// User ID, last name, first name.
const PEOPLE: [(&str, &str, &str); 15] = [
    ("nguyen", "Nguyễn", "Thị Ánh Đào"),
    ("truong", "Trương", "Văn Hải"),
    ("isil", "Öztürk", "Işıl"),
    ("ince", "İnce", "Ayşe"),
    ("walesa", "Wałęsa", "Łukasz"),
    ("soren", "Ærø", "Søren"),
    ("strauss", "Straße", "Jürgen"),
    ("durdevic", "Đurđević", "Ivana"),
    ("coeur", "Cœur", "Lætitia"),
    ("stefan", "Țiriac", "Ștefan"),
    ("serban", "Ţepeş", "Şerban"),
    ("gagnon", "Gagnon", "Marie-Ève"),
    ("gagne", "Gagné", "Élodie"),
    ("obrien", "O’Brien", "Seán"),
    ("admin", "Admin", "Ada"),
];

/// A query and the user IDs it finds, in name order.
const FOUND: [(&str, &[&str]); 20] = [
    ("nguyen", &["nguyen"]),
    ("DAO", &["nguyen"]),
    ("truong van", &["truong"]),
    ("isil", &["isil"]),
    ("ince", &["ince"]),
    ("lukasz wal", &["walesa"]),
    ("søren ærø", &["soren"]),
    ("strasse", &["strauss"]),
    ("Đurđ", &["durdevic"]),
    ("coeur", &["coeur"]),
    ("laetitia", &["coeur"]),
    ("tiriac", &["stefan"]),
    ("tepes serban", &["serban"]),
    ("gagn", &["gagne", "gagnon"]),
    ("o'brien", &["obrien"]),
    ("50%_", &[]),
    // One or two letters: the start of a word, not any substring ("ev" is in Đurđević too).
    ("g", &["gagne", "gagnon"]),
    ("ÉL", &["gagne"]),
    ("ev", &["gagnon"]),
    ("ı", &["durdevic", "ince", "isil"]),
];

/// Queries whose results are compared between the databases, beyond [`FOUND`].
const COMPARED: [&str; 8] = ["a", "e", "ie", "n g", "exa", "example.org", "rie-e", "@"];

async fn fill(s: &TestServer) -> i64 {
    let org = s.org("SEARCH", false).await;
    let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
    let mut tx = s.db.begin().await.unwrap();
    for (user_id, last, first) in PEOPLE {
        tx.insert_person(&NewPersonRow {
            org_id: org,
            user_id: user_id.into(),
            last_name: last.into(),
            first_name: first.into(),
            email: format!("{user_id}@example.org"),
            phone: String::new(),
            level: if user_id == "admin" {
                Level::One
            } else {
                Level::Three
            },
            language: Language::Fr,
            roles: vec![],
            is_contact: false,
            status: Status::Active,
            password_hash: (user_id == "admin").then(|| hash.clone()),
            password_temporary: false,
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    org
}

/// Every page of a search, two people a page: the user IDs in the order received.
async fn search(c: &sesame_client::Client, q: &str) -> Vec<String> {
    let mut query = PeopleQuery {
        q: Some(q.into()),
        limit: Some(2),
        ..Default::default()
    };
    let mut out = vec![];
    loop {
        let page = c.people(&query).await.unwrap();
        out.extend(page.items.into_iter().map(|p| p.user_id));
        match page.next_cursor {
            Some(next) => query.cursor = Some(next),
            None => return out,
        }
    }
}

#[tokio::test]
async fn every_script_folds_and_both_databases_find_the_same_people() {
    let mut by_backend: BTreeMap<&str, Vec<Vec<String>>> = BTreeMap::new();
    for b in backends() {
        let s = crate::support::start(&b).await;
        fill(&s).await;
        let c = s.sign_in("SEARCH", "admin", PASSWORD).await;
        let mut results = vec![];
        for (q, expected) in FOUND {
            let mut found = search(&c, q).await;
            // Name order puts "Ivana Đurđević" before "Jürgen Straße": compare as sets.
            found.sort();
            let mut expected: Vec<String> = expected.iter().map(|u| u.to_string()).collect();
            expected.sort();
            assert_eq!(found, expected, "{q:?} on {}", b.name());
            results.push(found);
        }
        for q in COMPARED {
            let found = search(&c, q).await;
            let mut unique = found.clone();
            unique.dedup();
            assert_eq!(unique.len(), found.len(), "{q:?}: each person once");
            results.push(found);
        }
        assert_eq!(
            search(&c, "@").await.len(),
            PEOPLE.len(),
            "nothing to look for"
        );
        by_backend.insert(b.name(), results);
        s.stop().await;
    }
    if let (Some(sqlite), Some(postgres)) = (by_backend.get("sqlite"), by_backend.get("postgres")) {
        assert_eq!(sqlite, postgres);
    }
}

fn entry_path(dir: &str, file: &std::ffi::OsStr) -> std::path::PathBuf {
    std::path::Path::new(dir).join(file)
}

/// The migrations the previous release shipped, applied alone.
async fn previous_schema(backend: &Backend, url: &str, rows: &[String]) {
    let engine = backend.name();
    let dir = std::env::temp_dir().join(format!("sesame_previous_{}_{engine}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = format!(
        "{}/src/store/migrations/{engine}",
        env!("CARGO_MANIFEST_DIR")
    );
    // Every migration before the search index's.
    for entry in std::fs::read_dir(&source).unwrap() {
        let file = entry.unwrap().file_name();
        if file.to_str().unwrap() < "0004_search_index.sql" {
            std::fs::copy(entry_path(&source, &file), dir.join(&file)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(dir.as_path()).await.unwrap();
    macro_rules! run {
        ($pool:expr) => {{
            let pool = $pool;
            migrator.run(&pool).await.unwrap();
            for sql in rows {
                sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                    .execute(&pool)
                    .await
                    .unwrap();
            }
            pool.close().await;
        }};
    }
    match backend {
        Backend::Sqlite => {
            use std::str::FromStr;
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)
                .unwrap()
                .create_if_missing(true);
            run!(sqlx::SqlitePool::connect_with(options).await.unwrap())
        }
        Backend::Postgres(_) => run!(sqlx::PgPool::connect(url).await.unwrap()),
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn an_upgraded_database_gets_the_index_and_the_new_folding() {
    for b in backends() {
        let database = crate::support::database_url(&b).await;
        // Rows as the previous server wrote them: its folding left "ễ" and "Đ" as they were.
        let rows = [
            "INSERT INTO organizations (code, name, default_language, created_at) \
             VALUES ('OLD', 'Old', 'fr', 0)"
                .to_owned(),
            format!(
                "INSERT INTO accounts (org_id, kind, user_id, user_id_key, status, language, \
                 last_name, first_name, email, level, level_rank, sort_name, search_text, created_at) \
                 VALUES (1, 'person', 'nguyen', 'nguyen', 'active', 'fr', 'Nguyễn', 'Đào', \
                 'dao@example.org', {}, {}, 'nguyễn\u{1}đao', \
                 'đao nguyễn\u{1}nguyễn đao\u{1}nguyen\u{1}dao@example.org', 0)",
                Level::Three.code(),
                Level::Three.rank()
            ),
        ];
        previous_schema(&b, &database.0, &rows).await;
        let s = crate::support::start_on(&b, database, Default::default()).await;
        let mut conn = s.db.read().await.unwrap();
        for q in ["nguyen dao", "dao ngu", "ng", "d"] {
            let query = PeopleQuery {
                q: Some(q.into()),
                ..Default::default()
            };
            let (rows, _) = conn
                .people_page(1, Visibility::Everyone, &query)
                .await
                .unwrap()
                .unwrap();
            let ids: Vec<&str> = rows.iter().map(|r| r.user_id.as_str()).collect();
            assert_eq!(ids, ["nguyen"], "{q:?} on {}", b.name());
            assert_eq!(rows[0].sort_name, "nguyen\u{1}dao", "sort key refolded");
        }
        drop(conn);
        s.stop().await;
    }
}

/// A frequent word fills a page from the first rows in name order, a rare one from the index:
/// either way the pages are exactly the matching people of the unsearched order, in that order.
#[tokio::test]
async fn a_search_pages_through_the_same_order_as_the_list() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("MANY", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let mut tx = s.db.begin().await.unwrap();
        for i in 0..150 {
            // One in three a Gagnon; one Zgagnon, last in name order, far past the first rows.
            let last = match i {
                149 => "Zgagnon".to_owned(),
                i if i % 3 == 0 => format!("Gagnon {i:03}"),
                _ => format!("Bouchard {i:03}"),
            };
            let user_id = format!("p{i:03}");
            tx.insert_person(&NewPersonRow {
                org_id: org,
                email: format!("{user_id}@example.org"),
                user_id,
                last_name: last,
                first_name: "Marie".into(),
                phone: String::new(),
                level: Level::Three,
                language: Language::Fr,
                roles: vec![],
                is_contact: false,
                status: Status::Active,
                password_hash: None,
                password_temporary: false,
            })
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let c = s.sign_in("MANY", "admin", PASSWORD).await;
        let everyone = c.all_people(5000).await.unwrap();
        // Three letters or more: substrings (one or two letters find word starts).
        for q in ["gagn", "zgag", "bouch", "agno"] {
            let expected: Vec<String> = everyone
                .iter()
                .filter(|p| p.last_name.to_lowercase().contains(q))
                .map(|p| p.user_id.clone())
                .collect();
            assert!(!expected.is_empty());
            assert_eq!(search(&c, q).await, expected, "{q:?} on {}", b.name());
        }
        s.stop().await;
    }
}
