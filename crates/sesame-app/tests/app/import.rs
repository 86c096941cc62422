//! Importing people from a spreadsheet through the import screen: the template, a French file
//! with a byte-order mark, the dry run that changes nothing, the apply that creates exactly
//! the valid rows (seen in the follow-up), the letters in one PDF and the report's export.

use iced::keyboard::key::Named;

use crate::harness::{Ui, sheets};
use sesame_core::api::import::{ImportColumn, ImportOutcome};

/// A French file as a spreadsheet saves it: BOM, `;`, accents, a quoted field. Line 2 and 3 are
/// new people, 4 updates Rita Okafor's phone, 5 and 6 share a user ID, 7 has a bad email, 8 a
/// manager no one is.
const FRENCH_FILE: &str = "\u{feff}Nom;Prénom;Identifiant;Courriel;Téléphone;Niveau;Rôles;Langue;Sous la responsabilité de;Aussi un contact\r\n\
    Côté;Amélie;a.cote;amelie.cote@example.org;;3;;fr;r.okafor;non\r\n\
    \"Lê; fils\";Thu;t.le;thu.le@example.org;514 555-0199;2;;en;;\r\n\
    Okafor;Rita;r.okafor;r-okafor@lumiere.example;418 555-0123;2;;;;\r\n\
    Martin;Paul;p.martin;paul.martin@example.org;;3;;;;\r\n\
    Martin;Pauline;p.martin;pauline.martin@example.org;;3;;;;\r\n\
    Roy;Éloi;e.roy;pas-un-courriel;;3;;;;\r\n\
    Gauthier;Inès;i.gauthier;ines.gauthier@example.org;;3;;;personne.inconnue;\r\n";

async fn people_count(ui: &Ui) -> usize {
    ui.app.client().all_people(5000).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dry_run_changes_nothing_then_apply_creates_exactly_the_valid_rows() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    let l = ui.app.locale;
    ui.click(&l.t("nav-user-follow-up")).await;
    ui.click_id("people-import").await;
    ui.expect(&l.t("import-title"));

    // The template: French column names, `;`, a byte-order mark, in the documents folder.
    ui.click_id("import-template").await;
    let (sheet, template) = sheets::workbook_rows(
        &ui.home
            .join("documents")
            .join("modele-import-personnes.xlsx"),
    );
    let header: Vec<&str> = ImportColumn::ALL
        .iter()
        .map(|c| c.header(sesame_core::domain::Language::Fr))
        .collect();
    assert_eq!(sheet, "Personnes", "the sheet the import looks for first");
    assert_eq!(template, [header], "the columns, no one yet");

    let file = ui.home.join("personnel.csv");
    std::fs::write(&file, FRENCH_FILE).unwrap();
    let before = people_count(&ui).await;
    // By keyboard: the path, then Enter reads and checks it.
    ui.tab_to("import-path").await;
    ui.type_keys(&file.display().to_string()).await;
    ui.press(Named::Enter).await;
    let report = ui.app.import().unwrap().report().expect("checked").clone();
    ui.expect("Lu en UTF-8, champs séparés par des points-virgules.");
    assert!(report.dry_run);
    assert_eq!(people_count(&ui).await, before, "a dry run changes nothing");
    assert_eq!(report.rows.len(), 7, "every row is reported");
    let outcome = |line: u32| {
        report
            .rows
            .iter()
            .find(|r| r.line == line)
            .unwrap_or_else(|| panic!("line {line}"))
    };
    assert_eq!(outcome(2).outcome, ImportOutcome::Create);
    assert_eq!(outcome(3).outcome, ImportOutcome::Create);
    assert_eq!(outcome(4).outcome, ImportOutcome::Update);
    assert_eq!(outcome(4).changed, [ImportColumn::Phone]);
    assert_eq!(outcome(6).outcome, ImportOutcome::Refused);
    assert_eq!(outcome(7).outcome, ImportOutcome::Refused);
    assert_eq!(outcome(7).problems[0].column, ImportColumn::Email);
    assert_eq!(outcome(8).outcome, ImportOutcome::Refused);
    assert_eq!(outcome(8).problems[0].column, ImportColumn::UnderChargeOf);
    let totals = report.totals;
    assert_eq!(
        (totals.create, totals.update),
        (
            2 + u32::from(outcome(5).outcome == ImportOutcome::Create),
            1
        )
    );
    // The totals read in French.
    ui.expect(&format!(
        "À créer\u{a0}: {} · à mettre à jour\u{a0}: 1 · inchangées\u{a0}: {} · refusées\u{a0}: {}",
        totals.create, totals.unchanged, totals.refused
    ));

    // The refused rows alone, to find them among many.
    ui.click_id("import-only-refused").await;
    assert!(!ui.sees("Sera créée"));
    ui.expect("Refusée");
    ui.click_id("import-only-refused").await;
    ui.expect("Sera créée");

    // The report as a French spreadsheet reads it.
    ui.click_id("import-export").await;
    let (_, saved) = sheets::workbook_rows(&ui.home.join("documents").join("rapport-import.xlsx"));
    assert_eq!(saved[0][..3], ["Ligne", "Identifiant", "Résultat"]);
    assert!(
        saved
            .iter()
            .any(|r| r[..3] == ["7", "e.roy", "Refusée"] && r[3].starts_with("Courriel\u{a0}: ")),
        "{saved:?}"
    );

    // Letters for the new people: every letter in one PDF.
    ui.choose("import-delivery", &l.t("import-delivery-letter"))
        .await;
    ui.click_id("import-apply").await;
    ui.expect(&l.t("dialog-import-title"));
    ui.press(Named::Enter).await;
    // The import's letters are protected by the organization's default: the passphrase the
    // print dialog proposed (in French words, the letters' language) opens them.
    let passphrase = ui.save_printed(true).await.expect("protected");
    let applied = ui.app.import().unwrap().report().unwrap().clone();
    assert!(!applied.dry_run);
    let created = applied.created.len();
    assert_eq!(created, totals.create as usize);
    assert_eq!(
        people_count(&ui).await,
        before + created,
        "exactly the valid rows"
    );
    let everyone = ui.app.client().all_people(5000).await.unwrap();
    let cote = everyone.iter().find(|p| p.user_id == "a.cote").unwrap();
    assert_eq!(
        (cote.first_name.as_str(), cote.last_name.as_str()),
        ("Amélie", "Côté")
    );
    let le = everyone.iter().find(|p| p.user_id == "t.le").unwrap();
    assert_eq!(le.last_name, "Lê; fils");
    let okafor = everyone.iter().find(|p| p.user_id == "r.okafor").unwrap();
    assert_eq!(okafor.phone.as_deref(), Some("418 555-0123"));
    assert!(
        everyone
            .iter()
            .all(|p| p.user_id != "e.roy" && p.user_id != "i.gauthier")
    );

    let pdf = ui
        .home
        .join("documents")
        .join("lettres-identifiants-demo.pdf");
    let (pages, text) = crate::harness::protected_pdf(&pdf, &passphrase);
    assert_eq!(pages, created, "one page a letter");
    // Each in its holder's language: Amélie Côté in French, Thu Lê in English.
    assert!(
        text.contains("Votre accès à Sesame") && text.contains("Your access to Sesame"),
        "{text}"
    );
    assert!(text.contains("a.cote") && text.contains("t.le"), "{text}");

    // Back to the follow-up: the new people are there.
    ui.click_id("import-back").await;
    assert!(ui.app.people().is_some());
    let shown = ui.shown_names();
    assert!(shown.contains(&"a.cote".to_owned()) && shown.contains(&"t.le".to_owned()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_read_is_not_thrown_away_without_asking_and_bad_columns_are_named() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.click_id("people-import").await;
    let bad = ui.home.join("bad.csv");
    std::fs::write(
        &bad,
        "Last name,First name,Shoe size,Email\nA,B,42,a@example.org\n",
    )
    .unwrap();
    ui.type_in("import-path", &bad.display().to_string()).await;
    ui.click_id("import-read").await;
    ui.expect("Unknown columns: “Shoe size”. Missing columns: User ID, Level. The columns are: Last name, First name, User ID, Email, Phone, Level, Roles, Language, Under the charge of, Also a contact (the first five are required).");

    let good = ui.home.join("good.csv");
    std::fs::write(
        &good,
        "Last name,First name,User ID,Email,Level\nNguyen,An,a.nguyen,an@example.org,3\n",
    )
    .unwrap();
    ui.replace_in("import-path", &good.display().to_string())
        .await;
    ui.click_id("import-read").await;
    ui.expect("To create: 1 · to update: 0 · unchanged: 0 · refused: 0");
    ui.expect("Read as UTF-8, fields separated by commas.");
    // Esc asks first; Esc again stays; then Enter leaves.
    ui.press(Named::Escape).await;
    ui.expect("Leave without importing?");
    ui.press(Named::Escape).await;
    assert!(ui.app.import().is_some(), "still there, with the file");
    assert_eq!(ui.app.import().unwrap().rows_read(), 1);
    // Closing the window asks too, and keeps the file when the person stays.
    ui.send(sesame_app::app::Message::CloseRequested(
        iced::window::Id::unique(),
    ))
    .await;
    ui.expect("Leave without importing?");
    assert!(!ui.exited, "a file read is not thrown away without asking");
    ui.press(Named::Escape).await;
    assert_eq!(ui.app.import().unwrap().rows_read(), 1);
    ui.press(Named::Escape).await;
    ui.press(Named::Enter).await;
    assert!(ui.app.people().is_some(), "back to the follow-up");
    assert!(
        !ui.shown_names().contains(&"a.nguyen".to_owned()),
        "nothing imported"
    );

    // The keyboard alone: Tab in reading order to Apply, Enter, Enter again confirms.
    ui.click_id("people-import").await;
    ui.tab_to("import-path").await;
    ui.type_keys(&good.display().to_string()).await;
    ui.press(Named::Enter).await;
    for next in [
        "import-read",
        "import-template",
        "import-only-refused",
        "import-delivery",
        "import-apply",
    ] {
        ui.tab(false).await;
        let wanted = format!("{:?}", iced::widget::Id::from(next.to_owned()));
        assert_eq!(
            ui.focused().as_deref(),
            Some(wanted.as_str()),
            "Tab to {next}"
        );
    }
    ui.press(Named::Enter).await;
    ui.expect("Apply the import?");
    ui.press(Named::Enter).await;
    ui.expect("Import applied. Created: 1; updated: 0.");
    ui.press(Named::Escape).await;
    assert!(ui.shown_names().contains(&"a.nguyen".to_owned()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_level_two_importer_creates_only_what_it_may_and_invites_them() {
    let mut ui = Ui::preset(sesame_app::presets::Preset::DemoLevelTwo).await;
    let l = ui.app.locale;
    ui.click(&l.t("nav-user-follow-up")).await;
    ui.click_id("people-import").await;
    let file = ui.home.join("team.csv");
    std::fs::write(
        &file,
        "Last name,First name,User ID,Email,Level\n\
         Boss,Big,big.boss,boss@example.org,1\n\
         Nguyen,An,a.nguyen,an@example.org,3\n",
    )
    .unwrap();
    ui.type_in("import-path", &file.display().to_string()).await;
    ui.click_id("import-read").await;
    let report = ui.app.import().unwrap().report().unwrap().clone();
    assert_eq!(report.rows[0].outcome, ImportOutcome::Refused);
    assert_eq!(report.rows[0].problems[0].column, ImportColumn::Level);
    assert_eq!(report.rows[1].outcome, ImportOutcome::Create);
    // Invitations are the default delivery.
    ui.click_id("import-apply").await;
    ui.click(&l.t("action-confirm")).await;
    ui.expect(&l.t_with("import-applied", &[("created", "1"), ("updated", "0")]));
    ui.click_id("import-back").await;
    let mine = ui.app.people().unwrap();
    let an = mine
        .shown()
        .find(|p| p.user_id == "a.nguyen")
        .expect("under her charge, so in her list");
    assert_eq!(an.status, sesame_core::domain::Status::Invited);
    assert!(!ui.shown_names().contains(&"big.boss".to_owned()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_saved_by_excel_in_windows_1252_is_read_without_asking() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    let l = ui.app.locale;
    ui.click(&l.t("nav-user-follow-up")).await;
    ui.click_id("people-import").await;
    // Excel's "CSV (séparateur : point-virgule)": Windows-1252, no byte-order mark. Every
    // character of the file is in Latin-1, whose bytes Windows-1252 shares.
    let text = FRENCH_FILE.trim_start_matches('\u{feff}');
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let file = ui.home.join("personnel-1252.csv");
    std::fs::write(&file, bytes).unwrap();
    ui.tab_to("import-path").await;
    ui.type_keys(&file.display().to_string()).await;
    ui.press(Named::Enter).await;
    let report = ui.app.import().unwrap().report().expect("checked").clone();
    assert_eq!(report.rows.len(), 7);
    ui.expect("Lu en windows-1252, champs séparés par des points-virgules.");
    // The accents came through.
    let rows = ui.app.import().unwrap().rows();
    assert_eq!(rows[0].first_name.as_deref(), Some("Amélie"));
    assert_eq!(rows[1].last_name.as_deref(), Some("Lê; fils"));
    assert_eq!(rows[5].first_name.as_deref(), Some("Éloi"));
}

/// An office's list with letters no 8-bit encoding holds (ễ, ị, Ş) and phone numbers as
/// people type them.
const STAFF: &str = "Nom;Prénom;Identifiant;Courriel;Téléphone;Niveau\r\n\
    Nguyễn;Thị Ánh;t.nguyen;t.nguyen@example.org;+33 6 12 34 56 78;3\r\n\
    Öztürk;Şükrü;s.ozturk;s.ozturk@example.org;06 12 34 56 78;3\r\n\
    Côté;Élodie;elodie.cote;elodie.cote@example.org;;3\r\n";

/// Reads `file` on the import screen (its path typed, then Enter) and returns the rows read.
async fn import_file(
    ui: &mut Ui,
    file: &std::path::Path,
) -> Vec<sesame_core::api::import::ImportRow> {
    ui.replace_in("import-path", &file.display().to_string())
        .await;
    ui.enter_in("import-path").await;
    assert!(
        ui.app.import().unwrap().report().is_some(),
        "{} checked",
        file.display()
    );
    ui.app.import().unwrap().rows().to_vec()
}

#[tokio::test(flavor = "multi_thread")]
async fn files_saved_by_libreoffice_in_every_kind_read_as_the_same_people() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    let l = ui.app.locale;
    ui.click(&l.t("nav-user-follow-up")).await;
    ui.click_id("people-import").await;
    let dir = ui.home.join("converted");
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("personnel.csv");
    std::fs::write(&source, STAFF).unwrap();
    // LibreOffice reads the UTF-8 list (`;`, `"`, UTF-8) and saves it as each kind.
    let read_utf8 = Some("CSV:59,34,76,1");
    let kinds = [
        (
            "xlsx",
            "Lu dans la feuille «~personnel~» de ce classeur Excel.",
        ),
        (
            "ods",
            "Lu dans la feuille «~personnel~» de ce classeur OpenDocument.",
        ),
        // Tab-separated UTF-16, as Excel's "Unicode text".
        (
            "csv:Text - txt - csv (StarCalc):9,34,65535",
            "Lu en UTF-16LE, champs séparés par des tabulations.",
        ),
        // Windows-1252, as Excel's "CSV (séparateur : point-virgule)".
        (
            "csv:Text - txt - csv (StarCalc):59,34,1",
            "Lu en windows-1252, champs séparés par des points-virgules. 2 lignes contiennent \
             un «~?~» à la place d’une lettre peut-être perdue~: elles sont signalées plus bas.",
        ),
    ];
    for (i, (to, said)) in kinds.iter().enumerate() {
        let out = dir.join(i.to_string());
        std::fs::create_dir_all(&out).unwrap();
        let file = sheets::soffice_convert(&source, to, read_utf8, &out);
        let rows = import_file(&mut ui, &file).await;
        ui.expect(&said.replace('~', "\u{a0}"));
        let ids: Vec<&str> = rows.iter().filter_map(|r| r.user_id.as_deref()).collect();
        assert_eq!(ids, ["t.nguyen", "s.ozturk", "elodie.cote"], "{to}");
        let names: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r.last_name.as_deref().unwrap(),
                    r.first_name.as_deref().unwrap(),
                )
            })
            .collect();
        let phones: Vec<&str> = rows.iter().filter_map(|r| r.phone.as_deref()).collect();
        assert_eq!(phones, ["+33 6 12 34 56 78", "06 12 34 56 78", ""], "{to}");
        let report = ui.app.import().unwrap().report().unwrap().clone();
        assert!(
            report
                .rows
                .iter()
                .all(|r| r.outcome == ImportOutcome::Create),
            "{to}: {report:?}"
        );
        if to.ends_with(",34,1") {
            // Only the letters Windows-1252 has no byte for became "?", and each such row says so.
            assert_eq!(
                names,
                [
                    ("Nguy?n", "Th? Ánh"),
                    ("Öztürk", "?ükrü"),
                    ("Côté", "Élodie")
                ]
            );
            let note = l.t_with("import-lossy-note", &[("encoding", "windows-1252")]);
            let noted = ui.tree().nodes.iter().filter(|n| n.name == note).count();
            assert_eq!(noted, 2, "one note on each of the two lines");
        } else {
            assert_eq!(
                names,
                [
                    ("Nguyễn", "Thị Ánh"),
                    ("Öztürk", "Şükrü"),
                    ("Côté", "Élodie")
                ],
                "{to}"
            );
        }
    }
}
