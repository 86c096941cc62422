//! The walks of the audit: from the presets to every screen, dialog, step and form, each
//! state audited on the way.

use iced::keyboard::key::Named;

use super::{Report, Variant, audit};
use crate::harness::Ui;

/// The words of `key` in the variant's language.
fn t(variant: Variant, key: &str) -> String {
    let language = match variant.language {
        "fr" => sesame_core::domain::Language::Fr,
        _ => sesame_core::domain::Language::En,
    };
    sesame_app::locale::Locale::new(language).t(key)
}

/// The signed-in screens of the demo, each in its states.
pub(super) async fn walk_signed_in(variant: Variant, report: &mut Report) {
    let mut ui = Ui::demo_at(variant.language, "demo", variant.scale).await;
    ui.resize(variant.width, variant.height, variant.scale)
        .await;
    audit(&mut ui, report, variant, "your file").await;
    ui.navigate(&t(variant, "nav-identification")).await;
    audit(&mut ui, report, variant, "user follow-up").await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::ContextMenu).await;
    audit(&mut ui, report, variant, "user follow-up, a row's options").await;
    ui.press(Named::Escape).await;
    ui.click(&t(variant, "action-modify")).await;
    audit(&mut ui, report, variant, "a record").await;
    ui.press(Named::Escape).await;
    ui.press_command("n").await;
    ui.press_command("s").await;
    audit(
        &mut ui,
        report,
        variant,
        "a new user, saved empty (errors shown)",
    )
    .await;
    ui.press(Named::Escape).await;
    for (link, state) in [
        ("nav-structures", "structures"),
        ("nav-service-users", "service users"),
        ("nav-my-account", "my account"),
    ] {
        ui.navigate(&t(variant, link)).await;
        audit(&mut ui, report, variant, state).await;
    }
    ui.press(Named::F1).await;
    audit(&mut ui, report, variant, "about").await;
    ui.press(Named::Escape).await;
    // The screens opened from Your file's tiles.
    for (tile, state) in [
        ("contacts-title", "contacts"),
        ("roles-title", "roles"),
        ("audit-title", "audit log"),
        ("outbox-title", "mail outbox"),
    ] {
        ui.navigate(&t(variant, "nav-your-file")).await;
        ui.click(&t(variant, tile)).await;
        audit(&mut ui, report, variant, state).await;
    }
    // Forms and steps opened from a screen.
    ui.navigate(&t(variant, "nav-identification")).await;
    ui.click(&t(variant, "people-import")).await;
    audit(&mut ui, report, variant, "import").await;
    ui.press(Named::Escape).await;
    ui.navigate(&t(variant, "nav-structures")).await;
    ui.click(&t(variant, "structures-new-company")).await;
    audit(&mut ui, report, variant, "structures, a new company").await;
    ui.press(Named::Escape).await;
    ui.navigate(&t(variant, "nav-service-users")).await;
    ui.press_command("n").await;
    audit(
        &mut ui,
        report,
        variant,
        "service users, the wizard's first step",
    )
    .await;
}

/// A new organization's first sign-in (a new password asked first, refused when empty), and
/// the follow-up as a level-2 administrator sees it.
pub(super) async fn walk_presets(variant: Variant, report: &mut Report) {
    use sesame_app::presets::Preset;
    let mut ui = Ui::preset_at(Preset::FreshOrganization, variant.language, variant.scale).await;
    ui.resize(variant.width, variant.height, variant.scale)
        .await;
    audit(&mut ui, report, variant, "a new password, first sign-in").await;
    ui.press(Named::Enter).await;
    audit(&mut ui, report, variant, "a new password, refused empty").await;
    let mut ui = Ui::preset_at(Preset::DemoLevelTwo, variant.language, variant.scale).await;
    ui.resize(variant.width, variant.height, variant.scale)
        .await;
    ui.navigate(&t(variant, "nav-identification")).await;
    audit(&mut ui, report, variant, "user follow-up, level 2").await;
}

/// The screens before sign-in.
pub(super) async fn walk_signed_out(variant: Variant, report: &mut Report) {
    let mut ui = Ui::start_at(variant.language, variant.scale).await;
    ui.resize(variant.width, variant.height, variant.scale)
        .await;
    audit(&mut ui, report, variant, "start").await;
    ui.click(&t(variant, "start-shared-server")).await;
    audit(&mut ui, report, variant, "a server's address").await;
    ui.type_in("server-url", "http://192.0.2.10:8750").await;
    ui.enter_in("server-url").await;
    audit(&mut ui, report, variant, "a server in plain HTTP, asked").await;
    ui.click(&t(variant, "action-cancel")).await;
    // A server whose certificate no authority vouches for: its fingerprint to compare.
    let dir = crate::https::folder(&format!("audit-{}-{}", variant.language, variant.scale));
    let server = crate::https::https_server(&dir, 0).await;
    ui.replace_in("server-url", &server.url()).await;
    ui.enter_in("server-url").await;
    audit(
        &mut ui,
        report,
        variant,
        "a server's certificate to compare",
    )
    .await;
    ui.click(&t(variant, "action-cancel")).await;
    server.stop().await;
    ui.click(&t(variant, "action-back")).await;
    ui.click(&t(variant, "start-this-computer")).await;
    audit(&mut ui, report, variant, "first use").await;
    ui.click(&t(variant, "start-open-demo")).await;
    audit(&mut ui, report, variant, "sign in").await;
}

/// What lies behind a screen's first state: the steps of the service-user wizard (with the
/// first step's error), a person's dialogs (a question, a password shown once), the
/// structures' forms, and two-factor set-up (with a code refused).
pub(super) async fn walk_deeper(variant: Variant, report: &mut Report) {
    let mut ui = Ui::demo_at(variant.language, "demo", variant.scale).await;
    ui.resize(variant.width, variant.height, variant.scale)
        .await;
    walk_wizard(&mut ui, variant, report).await;
    walk_service_user_record(&mut ui, variant, report).await;
    walk_person_dialogs(&mut ui, variant, report).await;
    walk_import_report(&mut ui, variant, report).await;
    ui.navigate(&t(variant, "nav-structures")).await;
    ui.click("Atelier de Montréal").await;
    audit(&mut ui, report, variant, "structures, a structure chosen").await;
    ui.click_id("structure-move").await;
    audit(&mut ui, report, variant, "structures, moving a structure").await;
    ui.press(Named::Escape).await;
    ui.click_id("structure-set-manager").await;
    audit(&mut ui, report, variant, "structures, the primary manager").await;
    ui.press(Named::Escape).await;
    ui.navigate(&t(variant, "nav-my-account")).await;
    ui.click(&t(variant, "action-set-up-two-factor")).await;
    audit(&mut ui, report, variant, "my account, two-factor set-up").await;
    ui.tab_to("totp-code").await;
    ui.type_keys("000000").await;
    ui.press(Named::Enter).await;
    audit(&mut ui, report, variant, "my account, a wrong code refused").await;
}

/// The service-user wizard, step by step, from a code already taken to the password shown.
async fn walk_wizard(ui: &mut Ui, variant: Variant, report: &mut Report) {
    ui.navigate(&t(variant, "nav-service-users")).await;
    ui.press_command("n").await;
    ui.tab_to("user-code").await;
    ui.type_keys("PAIE2026").await;
    ui.tab_to("application").await;
    ui.type_keys("Paie").await;
    ui.press(Named::Enter).await;
    audit(ui, report, variant, "the wizard, a code already taken").await;
    ui.tab_to("user-code").await;
    ui.select_all().await;
    ui.type_keys("AUDIT01").await;
    ui.press(Named::Enter).await;
    audit(ui, report, variant, "the wizard, the access step").await;
    ui.tab_to("scope-all-companies").await;
    ui.press(Named::Space).await;
    ui.press(Named::Enter).await;
    audit(ui, report, variant, "the wizard, the password shown once").await;
    ui.tab_to("wizard-finish").await;
    ui.press(Named::Space).await;
}

/// A service user's record: marked for provisioning, the question before a new provisioning
/// token and the token shown once, the question before a new password and the password shown
/// once; then the health of API credentials.
async fn walk_service_user_record(ui: &mut Ui, variant: Variant, report: &mut Report) {
    ui.navigate(&t(variant, "nav-service-users")).await;
    ui.click_id("modify-PAIE2026").await;
    audit(ui, report, variant, "a service user's record").await;
    ui.click(&t(variant, "field-provisioning")).await;
    audit(
        ui,
        report,
        variant,
        "a service user marked for provisioning",
    )
    .await;
    ui.tab_to("new-provisioning-token").await;
    ui.press(Named::Enter).await;
    audit(
        ui,
        report,
        variant,
        "the question before a provisioning token",
    )
    .await;
    ui.click(&t(variant, "action-confirm")).await;
    audit(ui, report, variant, "a provisioning token shown once").await;
    ui.click(&t(variant, "action-close")).await;
    ui.click(&t(variant, "action-reset-password")).await;
    audit(
        ui,
        report,
        variant,
        "a service user, the question before a password",
    )
    .await;
    ui.click(&t(variant, "action-confirm")).await;
    audit(ui, report, variant, "a service user's password shown once").await;
    ui.click(&t(variant, "action-close")).await;
    ui.click(&t(variant, "action-back")).await;
    ui.click(&t(variant, "health-open")).await;
    audit(ui, report, variant, "the health of API credentials").await;
}

/// The import's report on a Windows-1252 file: its reading, a line whose letters became "?",
/// a refused line.
async fn walk_import_report(ui: &mut Ui, variant: Variant, report: &mut Report) {
    let text = "Nom;Prénom;Identifiant;Courriel;Niveau\r\n\
                Nguy?n;Th? Ánh;t.nguyen;t.nguyen@example.org;3\r\n\
                Côté;Élodie;elodie.cote;pas-un-courriel;3\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let file = ui.home.join("audit-1252.csv");
    std::fs::write(&file, bytes).unwrap();
    ui.navigate(&t(variant, "nav-identification")).await;
    ui.click(&t(variant, "people-import")).await;
    ui.replace_in("import-path", &file.display().to_string())
        .await;
    ui.enter_in("import-path").await;
    assert!(ui.app.import().unwrap().report().is_some());
    audit(ui, report, variant, "import, a dry run with a line marked").await;
    ui.press(Named::Escape).await;
    audit(
        ui,
        report,
        variant,
        "import, the question before discarding",
    )
    .await;
    ui.click(&t(variant, "action-confirm")).await;
}

/// The print dialog over a password shown once: to a file with the passphrase proposed, with
/// one's own (refused empty), unprotected; then with printers as a print service lists them
/// (the default, one that prints both sides, one stopped). Esc closes it.
async fn walk_print_dialog(ui: &mut Ui, variant: Variant, report: &mut Report) {
    use sesame_app::app::{Message, Printing};
    use sesame_app::printing::{Printer, dialog};
    ui.tab_to("print-letter").await;
    ui.press(Named::Enter).await;
    audit(ui, report, variant, "print, to a file, passphrase proposed").await;
    ui.click_id("print-own-passphrase").await;
    ui.click_id("print-confirm").await;
    audit(ui, report, variant, "print, one's own passphrase refused").await;
    ui.click_id("protect-pdf").await;
    audit(ui, report, variant, "print, to a file, unprotected").await;
    let printer = |name: &str, default, two_sided, stopped: Option<&str>| Printer {
        name: name.into(),
        info: format!("{name} — 2e étage, bureau des ressources humaines"),
        default,
        two_sided,
        stopped: stopped.map(str::to_owned),
    };
    let printers = vec![
        printer("Accueil", true, true, None),
        printer(
            "Atelier",
            false,
            false,
            Some("Plus de papier dans le bac 2"),
        ),
    ];
    let listed = Printing::Dialog(dialog::Message::Printers(Ok(printers)));
    ui.deliver(vec![Message::Printing(listed)]).await;
    audit(ui, report, variant, "print, to the default printer").await;
    ui.tab_to("print-destination").await;
    ui.press(Named::ArrowDown).await;
    audit(ui, report, variant, "print, to a stopped printer").await;
    ui.press(Named::Escape).await;
    assert!(ui.app.print_dialog_open().is_none(), "Esc closes it");
    // The focus is back on the button that opened it, in the dialog under it.
    let opener = format!("{:?}", iced::widget::Id::from("print-letter".to_owned()));
    assert_eq!(ui.focused(), Some(opener), "the focus given back");
}

/// A person's dialogs from the follow-up and the record: the question before a new password,
/// the password shown once, the question before a deletion.
async fn walk_person_dialogs(ui: &mut Ui, variant: Variant, report: &mut Report) {
    ui.navigate(&t(variant, "nav-identification")).await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::ContextMenu).await;
    ui.click(&t(variant, "action-initialize-password")).await;
    audit(ui, report, variant, "a new password, the question").await;
    ui.click(&t(variant, "action-confirm")).await;
    audit(ui, report, variant, "a new password, shown once").await;
    walk_print_dialog(ui, variant, report).await;
    ui.click(&t(variant, "action-close")).await;
    ui.click(&t(variant, "action-modify")).await;
    ui.click(&t(variant, "action-delete")).await;
    audit(
        ui,
        report,
        variant,
        "a record, the question before deleting",
    )
    .await;
    ui.press(Named::Escape).await;
    ui.press(Named::Escape).await;
    // A suspended person: most fields locked, more buttons than the window's width holds.
    ui.navigate(&t(variant, "nav-your-file")).await;
    ui.navigate(&t(variant, "nav-identification")).await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::Enter).await;
    audit(ui, report, variant, "a suspended person's record").await;
    ui.press(Named::Escape).await;
}

/// The user follow-up of a list too long to hold (past 5 accounts here): asking the server.
pub(super) async fn walk_large_list(variant: Variant, report: &mut Report) {
    let mut ui = Ui::demo_holding(variant.language, "demo", variant.scale, 5).await;
    ui.resize(variant.width, variant.height, variant.scale)
        .await;
    ui.navigate(&t(variant, "nav-identification")).await;
    audit(&mut ui, report, variant, "user follow-up asking the server").await;
    ui.type_in("search", "ro").await;
    audit(
        &mut ui,
        report,
        variant,
        "user follow-up asking the server, searched",
    )
    .await;
}
