//! The life of API credentials in the app: the organization's validity (level 1), Rotate and
//! End the old password now in a service user's record and on a structure's page, a letter
//! and a connection-information sheet protected by a passphrase shown once, and the health
//! view's filters, order and CSV export.

use crate::harness::Ui;
use crate::harness::sheets;
use iced::keyboard::key::Named;
use std::process::Command;

/// pdftotext's text of a file opened with `password`; `None` when it will not open.
/// The text of the PDF at `path`, opened with `password` (by qpdf: poppler's tools take 32
/// bytes at most), `None` when it does not open.
fn text_of(path: &std::path::Path, password: Option<&str>) -> Option<String> {
    let bytes = match password {
        Some(p) => crate::harness::decrypted(path, p)?,
        None => std::fs::read(path).ok()?,
    };
    let mut reader = Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    use std::io::Write;
    reader.stdin.take()?.write_all(&bytes).ok()?;
    let out = reader.wait_with_output().ok()?;
    out.status
        .success()
        .then(|| crate::pdf::squash(&String::from_utf8_lossy(&out.stdout)))
}

async fn token(ui: &Ui, user: &str, password: &str) -> bool {
    let api = sesame_client::Client::new(ui.app.client().base());
    api.api_token("DEMO", user, password).await.is_ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn validity_rotation_and_a_protected_letter_in_a_service_users_record() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Service users").await;
    ui.expect("API passwords issued from now on work for 365 days.");
    ui.expect("Expires");
    // Level 1 changes the validity; the server refuses 0 days and says why.
    ui.click("Change the validity").await;
    ui.replace_in("validity-days", "0").await;
    ui.click("Save").await;
    ui.expect("Between 1 and 3,650 days.");
    ui.replace_in("validity-days", "90").await;
    ui.click("Save").await;
    ui.expect("API passwords issued from now on work for 90 days.");

    // A reset first, to know the current password; then a rotation with 3 days of grace.
    ui.click_id("modify-HRSYNC01").await;
    // Its responsible person, reminded before expiry: every level-1 user until one is chosen.
    assert_eq!(
        ui.menu_value("responsible").as_deref(),
        Some("Every level-1 user")
    );
    ui.choose("responsible", "Céline Gagnon (c.gagnon)").await;
    let su = |ui: &Ui| {
        ui.app
            .service_users()
            .unwrap()
            .list()
            .iter()
            .find(|s| s.user_code == "HRSYNC01")
            .unwrap()
            .clone()
    };
    ui.expect(&expires_text(su(&ui).password.password_expires_at));
    assert_eq!(su(&ui).responsible.unwrap().user_id, "c.gagnon");
    ui.click("Reset password").await;
    ui.click("Confirm").await;
    let old = ui
        .app
        .service_users()
        .unwrap()
        .shown_password()
        .expect("shown")
        .to_owned();
    ui.click("Close").await;
    ui.click("Rotate").await;
    ui.expect("A new password is issued; the current one keeps working during the grace period, so the software can switch without interruption.");
    ui.replace_in("grace-days", "31").await;
    ui.expect("Between 1 and 30 days.");
    ui.replace_in("grace-days", "3").await;
    ui.click("Rotate the password").await;
    let new = ui
        .app
        .service_users()
        .unwrap()
        .shown_password()
        .expect("the new password, shown once")
        .to_owned();
    assert_ne!(new, old);
    // The new password follows the new validity; the old one works 3 days more.
    let validity = su(&ui).password;
    let expires = validity.password_expires_at.unwrap();
    let left = expires - time::OffsetDateTime::now_utc();
    assert!((89..=90).contains(&left.whole_days()), "{left}");
    ui.expect(&until_text(validity.previous_password_until));
    assert!(
        token(&ui, "HRSYNC01", &old).await,
        "old works during the grace"
    );
    assert!(token(&ui, "HRSYNC01", &new).await);

    // Protected: the print dialog proposes a passphrase of eight English words (the letter's
    // language), shown once with Copy, and only it opens the file.
    ui.click("Print letter").await;
    ui.expect("Passphrase proposed for this file (shown only now):");
    let proposed = ui.app.print_dialog_open().unwrap().proposed().to_owned();
    assert_eq!(proposed.split('-').count(), 8, "{proposed}");
    ui.click_id("print-copy-passphrase").await;
    assert_eq!(ui.clipboard.last(), Some(&proposed));
    let passphrase = ui.save_printed(true).await.expect("protected");
    assert!(!ui.sees(&passphrase), "shown only in the dialog");
    // HR Sync writes English: the file is named in English.
    let path = ui
        .home
        .join("documents")
        .join("credential-letter-hrsync01.pdf");
    assert!(path.exists());
    assert_eq!(text_of(&path, None), None, "no passphrase, no text");
    assert_eq!(text_of(&path, Some("wrong")), None);
    let text = text_of(&path, Some(&passphrase)).expect("opens with it");
    for e in [
        new.as_str(),
        "HRSYNC01",
        "Old password ends on",
        "The previous password keeps working until",
        "Issued by",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    ui.click("Close").await;
    // End the old password now: it stops at once.
    ui.click("End the old password now").await;
    assert!(!token(&ui, "HRSYNC01", &old).await);
    assert!(token(&ui, "HRSYNC01", &new).await);
    assert!(su(&ui).password.previous_password_until.is_none());
    assert!(!ui.sees(&until_text(validity.previous_password_until)));
}

fn expires_text(at: Option<time::OffsetDateTime>) -> String {
    let date = sesame_core::i18n::long_date(sesame_core::domain::Language::En, at.unwrap());
    format!("The password expires on {date}.")
}

fn until_text(at: Option<time::OffsetDateTime>) -> String {
    let date = sesame_core::i18n::long_date(sesame_core::domain::Language::En, at.unwrap());
    format!("The old password works until {date}.")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_health_view_filters_sorts_and_exports_in_the_languages_spreadsheet() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Utilisateurs de services").await;
    ui.click("État des identifiants d’API").await;
    ui.expect("3 comptes");
    let shown = |ui: &Ui| ui.app.service_users().unwrap().health_rows().unwrap();
    assert_eq!(shown(&ui).len(), 3);
    // One token for PAIE2026: it is no longer "never used".
    assert!(token(&ui, "PAIE2026", "sesame-demo-2026").await);
    ui.choose("health-filter", "Jamais utilisés").await;
    let never = shown(&ui);
    assert_eq!(never.len(), 2, "{never:?}");
    assert!(!never.contains(&"PAIE2026".to_owned()));
    ui.choose("health-filter", "Expirés").await;
    assert!(shown(&ui).is_empty());
    ui.choose("health-filter", "Tous").await;
    // Sorted by account, then the other way.
    ui.click("Compte").await;
    let up = shown(&ui);
    let mut sorted = up.clone();
    sorted.sort();
    assert_eq!(up, sorted);
    ui.click("Compte ▲").await;
    let down = shown(&ui);
    sorted.reverse();
    assert_eq!(down, sorted);
    ui.click("Exporter").await;
    let path = ui.home.join("documents").join("identifiants-api.xlsx");
    let (sheet, rows) = sheets::workbook_rows(&path);
    assert_eq!(sheet, "Identifiants d’API");
    assert_eq!(
        rows[0].join(";"),
        "Compte;Pour;Type;Dernière utilisation;Âge;Expiration;Jours restants;Personnes averties"
    );
    assert!(
        rows.iter()
            .any(|r| r[..3] == ["PAIE2026", "Paie Nethris", "Services"]),
        "{rows:?}"
    );
    assert_eq!(rows.len(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_primary_manager_rotates_the_technical_user_and_exports_a_protected_sheet() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Structures").await;
    ui.click("Atelier de Montréal").await;
    let technical = |ui: &Ui| ui.app.structures().unwrap().technical().cloned().unwrap();
    ui.expect(&expires_text(technical(&ui).password.password_expires_at));
    ui.click("Rotate").await;
    ui.click("Rotate the password").await;
    let password = ui
        .app
        .structures()
        .unwrap()
        .shown_password()
        .expect("shown once")
        .to_owned();
    // The person's own passphrase: too short is refused, naming the field; then it is used.
    ui.click("Export the connection information").await;
    ui.click_id("print-own-passphrase").await;
    ui.type_in("print-passphrase", "court").await;
    ui.click_id("print-confirm").await;
    ui.expect("A passphrase needs at least 12 characters.");
    assert!(ui.app.print_dialog_open().is_some(), "nothing saved yet");
    let passphrase = "our own long passphrase".to_owned();
    ui.replace_in("print-passphrase", &passphrase).await;
    ui.press(Named::Enter).await;
    assert!(ui.app.print_dialog_open().is_none());
    // The primary manager reads French: the sheet and its file name are in French.
    let path = ui
        .home
        .join("documents")
        .join("informations-connexion-atelier-de-montreal.pdf");
    assert_eq!(text_of(&path, None), None);
    let text = text_of(&path, Some(&passphrase)).expect("opens with it");
    for e in [
        password.as_str(),
        "Boulangerie",
        "Obtenir un jeton d’API",
        "Fin de l’ancien",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    // Below the passphrase now: reached by Tab, which brings it into view.
    ui.tab_to("back-to-structure").await;
    ui.press(Named::Enter).await;
    let until = technical(&ui).password.previous_password_until;
    ui.expect(&until_text(until));
    ui.click("End the old password now").await;
    assert!(technical(&ui).password.previous_password_until.is_none());
    assert!(!ui.sees(&until_text(until)));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rotation_and_the_health_filter_work_from_the_keyboard() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Utilisateurs de services").await;
    ui.click_id("modify-PAIE2026").await;
    ui.click("Rotation").await;
    // Tab reaches the grace period; typing and Enter rotate.
    ui.tab_to("grace-days").await;
    ui.select_all().await;
    ui.type_keys("5").await;
    ui.press(iced::keyboard::key::Named::Enter).await;
    assert!(
        ui.app.service_users().unwrap().shown_password().is_some(),
        "Enter in the grace period rotates"
    );
    let until = ui
        .app
        .service_users()
        .unwrap()
        .list()
        .iter()
        .find(|s| s.user_code == "PAIE2026")
        .unwrap()
        .password
        .previous_password_until
        .expect("the old password's end");
    let left = until - time::OffsetDateTime::now_utc();
    assert!((4..=5).contains(&left.whole_days()), "{left}");
    ui.click("Fermer").await;
    ui.click("Retour").await;
    ui.click("État des identifiants d’API").await;
    // The view opens with the focus on its filter, whose menu steps with the arrow keys.
    let focused = |ui: &mut Ui| ui.focused().unwrap_or_default();
    assert!(
        focused(&mut ui).contains("\"health-filter\""),
        "{}",
        focused(&mut ui)
    );
    ui.choose("health-filter", "Jamais utilisés").await;
    assert_eq!(
        ui.app.service_users().unwrap().health_rows().unwrap().len(),
        3
    );
    // Back gives the focus to the button that opened it.
    ui.click("Retour").await;
    assert!(
        focused(&mut ui).contains("\"health-open\""),
        "{}",
        focused(&mut ui)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_primary_manager_sees_the_health_of_their_technical_users_only() {
    // Céline Gagnon (level 2) is primary manager of the workshop, which has the technical user.
    let mut ui = Ui::demo_as("en", "c.gagnon").await;
    ui.click("Structures").await;
    ui.click("Health of API credentials").await;
    let rows = ui.app.structures().unwrap().health_rows().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("TECH"), "{rows:?}");
    ui.expect("one account");
    // CSV, as this computer's setting asks (kept while the screen stays open).
    ui.click("Back").await;
    ui.click("My account").await;
    ui.choose("sheet-format", "CSV (.csv)").await;
    ui.click("Structures").await;
    ui.click("Health of API credentials").await;
    ui.click("Export").await;
    let csv = std::fs::read_to_string(ui.home.join("documents").join("api-credentials.csv"))
        .expect("the CSV");
    assert!(
        csv.starts_with("\u{feff}Account,Serves,Kind,"),
        "English separates with commas: {csv}"
    );
    ui.click("Back").await;
    assert!(ui.app.structures().unwrap().health_rows().is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn level_1_sets_the_public_api_address_and_unprotected_files_for_the_organization() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("My account").await;
    ui.expect("Documents of the organization");
    // This computer's own address is refused, naming the field; nothing is saved.
    // By keyboard: the section is below the window's edge, Tab brings it into view.
    ui.tab_to("public-api-url").await;
    ui.type_keys("http://127.0.0.1:8750/api/v1").await;
    ui.press(Named::Enter).await;
    ui.expect("This address is this computer’s own: nobody else can reach it.");
    let org = ui.app.client().organization().await.unwrap();
    assert_eq!(org.documents.public_api_url, None);
    ui.select_all().await;
    ui.type_keys("https://sesame.lumiere.example/api/v1/").await;
    ui.tab_to("protect-documents").await;
    ui.press(Named::Space).await;
    ui.tab_to("save-documents").await;
    ui.press(Named::Enter).await;
    ui.expect("The document settings are saved.");
    let org = ui.app.client().organization().await.unwrap();
    assert_eq!(
        org.api_address.as_deref(),
        Some("https://sesame.lumiere.example/api/v1")
    );
    assert!(!org.documents.protect_documents);

    // The connection sheet names that address; the print dialog no longer protects by default.
    ui.click("Structures").await;
    ui.click("Atelier de Montréal").await;
    ui.click("Rotate").await;
    ui.click("Rotate the password").await;
    ui.click("Export the connection information").await;
    assert!(!ui.app.print_dialog_open().unwrap().protecting());
    ui.save_printed(false).await;
    let path = ui
        .home
        .join("documents")
        .join("informations-connexion-atelier-de-montreal.pdf");
    let text = text_of(&path, None).expect("unprotected");
    assert!(
        text.contains("POST https://sesame.lumiere.example/api/v1/token"),
        "{text}"
    );
}
