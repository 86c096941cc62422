//! Backups on "This computer", from My account: one taken by hand, a damaged file refused, a
//! restore that says what the file holds and asks first, and the move to a shared server.

use crate::harness::Ui;
use iced::keyboard::key::Named::Enter;
use sesame_app::settings::Places;

/// The backups written by hand into the documents folder (no save dialog in tests).
fn written(ui: &Ui) -> Vec<std::path::PathBuf> {
    let documents = Places::in_folder(&ui.home).documents;
    let mut found: Vec<_> = std::fs::read_dir(documents)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "sesame-backup"));
    found.sort();
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_by_hand_restores_after_saying_what_it_holds() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("My account").await;
    ui.expect("Backups of this computer");
    ui.tab_to("backup-now").await;
    assert!(ui.in_view("backup-now"), "the focus brings it into view");
    ui.press(Enter).await;
    let files = written(&ui);
    assert_eq!(files.len(), 1, "{files:?}");
    let file = files[0].display().to_string();
    ui.expect(&format!("Backup written to {file}."));

    // A damaged copy is refused, saying so.
    let mut bytes = std::fs::read(&files[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let damaged = ui.home.join("damaged.sesame-backup");
    std::fs::write(&damaged, bytes).unwrap();
    ui.tab_to("backup-path").await;
    ui.type_keys(&damaged.display().to_string()).await;
    ui.press(Enter).await;
    ui.expect(
        "This backup is damaged: its content no longer matches its checksum. Choose another one.",
    );

    // A change made after the backup, then the backup restored: the change is gone.
    let admin = crate::collaboration::signed_in(&ui, "demo").await;
    admin
        .call::<_, serde_json::Value>(
            reqwest::Method::POST,
            "/people",
            Some(
                &serde_json::json!({"user_id": "after.backup", "last_name": "After",
                "first_name": "Backup", "email": "after@example.org", "level": "level_3"}),
            ),
        )
        .await
        .unwrap();
    ui.tab_to("backup-path").await;
    ui.select_all().await;
    ui.type_keys(&file).await;
    ui.tab_to("backup-restore").await;
    ui.press(Enter).await;
    ui.expect("Replace this computer’s data?");
    let m = sesame_server::backup::verify(&files[0]).unwrap();
    let day = sesame_core::i18n::long_date(
        sesame_core::domain::Language::En,
        m.created_at.to_offset(sesame_app::locale::local_offset()),
    );
    ui.expect(&format!(
        "This backup was taken on {day}. It holds Boulangerie Lumière & Fils (DEMO): {} people, \
         2 service users and 7 structures.",
        m.people
    ));
    // Esc keeps the data; asked again, Replace my data replaces it.
    ui.press(iced::keyboard::key::Named::Escape).await;
    assert!(!ui.sees("Replace this computer’s data?"));
    assert_eq!(
        ui.focused(),
        Some(format!("{:?}", iced::widget::Id::from("backup-restore"))),
        "the focus comes back"
    );
    ui.press(Enter).await;
    ui.expect("Replace this computer’s data?");
    ui.click("Replace my data").await;
    ui.expect("Sign in");
    ui.expect(&format!(
        "The data of the backup of {day} was restored. Sign in again."
    ));
    ui.type_in("password", sesame_server::demo::DEMO_PASSWORD)
        .await;
    ui.click("Sign in").await;
    ui.expect("Your file");
    let people = crate::collaboration::signed_in(&ui, "demo")
        .await
        .all_people(500)
        .await
        .unwrap();
    assert!(
        !people.iter().any(|p| p.user_id == "after.backup"),
        "the later change is gone"
    );
    // The data it replaced was kept as a backup first.
    let kept = std::fs::read_dir(Places::in_folder(&ui.home).backups())
        .unwrap()
        .flatten()
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        });
    assert!(kept);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_move_to_a_shared_server_writes_the_archive_and_says_the_two_commands() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Mon compte").await;
    ui.tab_to("backup-move").await;
    ui.press(Enter).await;
    ui.expect("Passer à un serveur partagé");
    let files = written(&ui);
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    ui.expect(&format!(
        "sesame-server restore --from {name} --database postgres://sesame:…@db.example.org/sesame"
    ));
    ui.expect("sesame-server serve --database postgres://sesame:…@db.example.org/sesame");
    let restored = sesame_server::backup::verify(&files[0]).unwrap();
    assert_eq!(restored.organizations[0].code, "DEMO");
    ui.click("Fermer").await;
    assert!(
        !ui.sees("Passer à un serveur partagé"),
        "the dialog is closed"
    );
    ui.expect("Sauvegardes de cet ordinateur");
}
