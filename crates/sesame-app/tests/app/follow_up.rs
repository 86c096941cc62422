//! The desktop app, headless: iced_test's simulator clicks and types in the real views, and
//! every `Task` the app returns runs for real — the embedded server on a fresh SQLite database,
//! over HTTP — before the next step.

use crate::harness::Ui;
use crate::harness::sheets;
use iced::keyboard::key::Named;

#[tokio::test(flavor = "multi_thread")]
async fn first_use_creates_the_organization_forces_a_password_change_and_keeps_the_last_level_1_user()
 {
    let mut ui = Ui::start("en").await;
    ui.expect("Welcome to Sesame");
    ui.click("This computer").await;
    ui.expect("First use");
    ui.click("Create my organization").await;
    ui.type_in("org-code", "acme").await;
    ui.type_in("org-name", "Acmé & Cie").await;
    ui.type_in("first-last-name", "Tremblay").await;
    ui.type_in("first-first-name", "Marie").await;
    ui.type_in("first-user-id", "marie").await;
    ui.type_in("first-email", "marie@acme.example").await;
    // Enter in the last field creates it, as the button does.
    ui.enter_in("first-email").await;
    ui.expect("Your organization is ready");
    let temporary = ui
        .shown_password()
        .expect("the temporary password is shown");
    ui.click("Continue to sign in").await;
    assert_eq!(
        ui.shown_password(),
        None,
        "forgotten once the screen closes"
    );
    // Organization code and user ID are filled in; the password is typed.
    ui.type_in("password", &temporary).await;
    ui.click("Sign in").await;
    ui.expect("Choose your password");
    // Two passwords that differ are refused; typing again takes the refusal away.
    ui.type_in("new-password", "my own long password").await;
    ui.type_in("repeat-password", "my own long pasword").await;
    ui.click("Change password").await;
    ui.expect("The two new passwords differ.");
    ui.replace_in("new-password", "my own long password").await;
    assert!(
        !ui.sees("The two new passwords differ."),
        "the refusal of the old input is gone"
    );
    ui.replace_in("repeat-password", "my own long password")
        .await;
    ui.click("Change password").await;
    ui.expect("Your file");
    ui.expect("Marie Tremblay — Acmé & Cie (organization code ACME)");
    // The only level-1 user's own record: deleting, suspending or initializing the password
    // of oneself is not offered (the server would refuse each), saving is.
    ui.click("User follow-up").await;
    ui.expect("1 account");
    ui.click("Modify").await;
    ui.expect("User identification record");
    for refused in ["Delete", "Suspend", "Initialize password"] {
        assert!(
            !ui.sees(refused),
            "{refused} is not offered on one's own record"
        );
    }
    ui.expect("Save");
}

#[tokio::test(flavor = "multi_thread")]
async fn level_1_sees_everyone_level_2_sees_their_level_and_charge_and_api_accounts_are_refused() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.expect("Your file");
    ui.click("User follow-up").await;
    ui.expect("12 accounts");
    assert!(ui.shown_names().contains(&"admin.en".to_owned()));
    // Instant search, accent-insensitive.
    ui.type_in("search", "lukasiewicz").await;
    assert_eq!(ui.shown_names(), ["zoe"]);
    ui.expect("1 of 12 accounts");

    let mut ui = Ui::demo_as("en", "r.okafor").await;
    ui.click("User follow-up").await;
    let mut names = ui.shown_names();
    names.sort();
    assert_eq!(
        names,
        ["c.gagnon", "f.lavoie", "m.roy", "r.okafor", "s.chen"],
        "level 2: level-2 users and their own level 3"
    );
    ui.expect("5 accounts");

    let ui = Ui::demo_as("en", "PAIE2026").await;
    ui.expect("This is a service or technical account: it works only with the API and cannot sign in here.");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_then_modify_with_a_conflict_then_initialize_the_password_once() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.click("New user").await;
    ui.expect("New user account");
    ui.type_in("last-name", "Bouchard").await;
    ui.type_in("first-name", "Louis").await;
    ui.type_in("user-id", "l.bouchard").await;
    ui.type_in("email", "not-an-email").await;
    ui.click("Save").await;
    ui.expect("Not a valid email address.");
    ui.type_in("email", "@lumiere.example").await;
    ui.click("Save").await;
    ui.expect("Temporary password created");
    let first = ui.shown_password().expect("shown once");
    ui.click("Close").await;
    assert_eq!(ui.shown_password(), None);
    ui.expect("User follow-up");
    assert!(ui.shown_names().contains(&"l.bouchard".to_owned()));
    assert!(
        !format!("{:?}", ui.app.people().unwrap().shown().collect::<Vec<_>>()).contains(&first)
    );

    // Modify; meanwhile another administrator saves the same record.
    ui.type_in("search", "bouchard").await;
    ui.click("Modify").await;
    let today = sesame_app::locale::Locale::new(sesame_core::domain::Language::En)
        .date(time::OffsetDateTime::now_utc());
    ui.expect(&format!("Created on {today}"));
    ui.type_in("phone", "514 555-0199").await;
    let id = ui.app.people().unwrap().shown().next().unwrap().id;
    {
        let version = ui.app.client().person(id).await.unwrap().person.version;
        let admin = sesame_client::Client::new(ui.app.client().base());
        let s = admin
            .sign_in("DEMO", "admin.en", sesame_server::demo::DEMO_PASSWORD, None)
            .await
            .unwrap();
        let admin = admin.with_token(Some(s.token));
        let update = sesame_core::api::PersonUpdate {
            version,
            phone: Some("418 555-0000".into()),
            ..Default::default()
        };
        admin.update_person(id, &update).await.unwrap();
    }
    ui.click("Save").await;
    ui.expect(
        "Someone else saved this record in the meantime. It was reloaded; nothing was overwritten.",
    );
    match ui.app.record() {
        Some(p) => assert_eq!(
            p.field(sesame_app::screen::person::Field::Phone),
            "418 555-0000"
        ),
        _ => panic!("still on the record"),
    }
    ui.click("Initialize password").await;
    ui.expect("New temporary password");
    ui.click("Confirm").await;
    ui.expect("Temporary password created");
    let password = ui.shown_password().expect("shown once");
    ui.click("Copy").await;
    assert_eq!(ui.clipboard.last(), Some(&password));
    // No printer and no save dialog here: saved in the documents folder, here unprotected.
    ui.click("Print letter").await;
    ui.save_printed(false).await;
    let toast = ui.app.toast().expect("told where the PDF went").to_owned();
    assert!(
        toast.starts_with("No save dialog is available on this system: the file was saved as "),
        "{toast}"
    );
    let path = ui
        .home
        .join("documents")
        .join("credential-letter-l.bouchard.pdf");
    assert!(toast.ends_with(&path.display().to_string()), "{toast}");
    let text = crate::pdf::read_file(&path).text;
    assert!(
        text.contains(&password) && text.contains("l.bouchard") && text.contains("Louis Bouchard"),
        "{text}"
    );
    ui.click("Print letter").await;
    ui.save_printed(false).await;
    assert!(
        ui.home
            .join("documents")
            .join("credential-letter-l.bouchard (2).pdf")
            .exists(),
        "a second print never overwrites the first"
    );
    ui.click("Close").await;
    assert_eq!(ui.shown_password(), None, "closing forgets it");
    let fresh = sesame_client::Client::new(ui.app.client().base());
    let s = fresh
        .sign_in("DEMO", "l.bouchard", &password, None)
        .await
        .unwrap();
    assert!(s.me.must_change_password);
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_the_language_changes_the_visible_texts_on_every_screen() {
    let mut ui = Ui::start("en").await;
    ui.expect("Welcome to Sesame");
    ui.click("Français").await;
    ui.expect("Bienvenue dans Sesame");
    ui.expect("Cet ordinateur");
    ui.click("Cet ordinateur").await;
    ui.click("Ouvrir l’organisation de démonstration").await;
    ui.click("Se connecter").await;
    ui.expect("Votre dossier");
    ui.click("Suivi des utilisateurs").await;
    ui.expect("12 comptes");
    ui.click("English").await;
    ui.expect("12 accounts");
    ui.expect("User follow-up");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_session_asks_to_sign_in_again_and_keeps_what_was_typed() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.type_in("search", "okafor").await;
    ui.click("Modify").await;
    ui.type_in("phone", " x12").await;
    // The session ends behind the app's back (expiry, or revoked by an administrator).
    ui.app.client().sign_out().await.unwrap();
    ui.click("Save").await;
    ui.expect("Please sign in.");
    ui.expect("Sign in to Sesame");
    ui.type_in("password", sesame_server::demo::DEMO_PASSWORD)
        .await;
    ui.click("Sign in").await;
    match ui.app.record() {
        Some(p) => assert_eq!(
            p.field(sesame_app::screen::person::Field::Phone),
            "+44 20 7946 0018 x12"
        ),
        _ => panic!("back on the record, not {}", ui.app.title()),
    }
    // The failure that sent the person to sign in is not left on the record.
    assert!(!ui.sees("Please sign in."));
    ui.click("Save").await;
    ui.expect("User follow-up");
}

#[tokio::test(flavor = "multi_thread")]
async fn dialogs_confirm_with_enter_and_cancel_with_escape() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press_command("n").await;
    ui.expect("New user account");
    ui.click("Cancel").await;
    ui.type_in("search", "aegir").await;
    ui.click("Modify").await;
    ui.click("Delete").await;
    ui.expect("Remove this user");
    ui.press(Named::Escape).await;
    assert!(!ui.sees("Remove this user"), "Esc closes the dialog");
    ui.click("Initialize password").await;
    ui.press(Named::Enter).await;
    ui.expect("Temporary password created");
    ui.press(Named::Enter).await;
    assert_eq!(
        ui.shown_password(),
        None,
        "Enter closes it, and the password is forgotten"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_service_user_wizard_checks_the_code_chooses_access_and_shows_the_password_once() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Service users").await;
    ui.expect("PAIE2026");
    ui.click("New service user").await;
    ui.expect("Service user (API only)");
    ui.type_in("application", "Paie Nethris").await;
    // Checked as typed: 5 characters, 11 characters, and a non-ASCII letter are refused.
    for (code, reason) in [
        ("ABCDE", "Between 6 and 10 characters."),
        ("ABCDEFGHIJK", "Between 6 and 10 characters."),
        (
            "PAIÉ2026",
            "Letters A–Z and digits only, without accents or spaces.",
        ),
    ] {
        ui.replace_in("user-code", code).await;
        ui.expect(reason);
        ui.click("Next").await;
        ui.expect("Service user (API only)");
    }
    ui.replace_in("user-code", "NETHRIS1").await;
    ui.click("Next").await;
    ui.expect("Tick the companies and levels of the administrative structure this user may reach; each includes what lies under it.");
    ui.click("Boutique de Québec").await;
    ui.click("Next").await;
    ui.expect("The service user NETHRIS1 was created for Paie Nethris. Its password is below.");
    let password = ui
        .app
        .service_users()
        .unwrap()
        .shown_password()
        .expect("shown")
        .to_owned();
    ui.click("Copy").await;
    assert_eq!(
        ui.clipboard.last(),
        Some(&password),
        "the password can be copied"
    );
    ui.click("Print letter").await;
    ui.save_printed(false).await;
    let path = ui
        .home
        .join("documents")
        .join("credential-letter-nethris1.pdf");
    let text = crate::pdf::read_file(&path).text;
    assert!(
        text.contains("NETHRIS1") && text.contains(&password) && text.contains("Paie Nethris"),
        "{text}"
    );
    ui.click("Finish").await;
    assert_eq!(
        ui.app.service_users().unwrap().shown_password(),
        None,
        "gone once finished"
    );
    // Its token works and reaches the chosen structure only.
    let api = sesame_client::Client::new(ui.app.client().base());
    let token = api.api_token("DEMO", "NETHRIS1", &password).await.unwrap();
    let seen = api
        .with_token(Some(token.token))
        .structures()
        .await
        .unwrap();
    assert_eq!(
        seen.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Boutique de Québec"]
    );
    // A reset shows a new password once and offers the letter again.
    ui.click_id("modify-NETHRIS1").await;
    ui.click("Reset password").await;
    ui.click("Confirm").await;
    let again = ui
        .app
        .service_users()
        .unwrap()
        .shown_password()
        .expect("new password shown")
        .to_owned();
    assert_ne!(again, password);
    ui.expect("Print letter");
    ui.click("Close").await;
    assert_eq!(ui.app.service_users().unwrap().shown_password(), None);
    // Change its access: the whole structure instead of one shop.
    ui.click("Change the access").await;
    ui.click("Whole structure").await;
    ui.click("Save").await;
    let su = ui
        .app
        .service_users()
        .unwrap()
        .list()
        .iter()
        .find(|s| s.user_code == "NETHRIS1")
        .unwrap()
        .clone();
    assert!(su.scope.whole_structure);
    let token = api.api_token("DEMO", "NETHRIS1", &again).await.unwrap();
    assert!(
        api.with_token(Some(token.token))
            .structures()
            .await
            .unwrap()
            .len()
            > 1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_primary_manager_creates_the_technical_user_exports_its_connection_information_and_resets_it()
 {
    let mut ui = Ui::demo_as("en", "r.okafor").await;
    ui.click("Structures").await;
    ui.click("Boutique de Québec").await;
    ui.expect("This structure has no technical user.");
    ui.click("Create a technical user").await;
    ui.expect("Technical user input");
    // The server of these tests runs on this computer only: said before the user exists.
    ui.expect("This server runs on this computer only: the vendor’s software cannot reach it from elsewhere. The connection information will say that you give them the address; set the organization’s public API address in My account once Sesame is reachable.");
    ui.click("Create a technical user").await;
    ui.expect("Technical user summary");
    let password = ui
        .app
        .structures()
        .unwrap()
        .shown_password()
        .expect("shown once")
        .to_owned();
    ui.click("Export the connection information").await;
    ui.save_printed(false).await;
    let path = ui
        .home
        .join("documents")
        .join("connection-information-boutique-de-quebec.pdf");
    let text = crate::pdf::squash(&crate::pdf::read_file(&path).text);
    for e in [
        "Connection information of a technical user",
        "Boutique de Québec",
        &password,
        "Rita Okafor <r-okafor@lumiere.example>",
        // Never this computer's own address, which no vendor reaches.
        "Given to you by the administrator of Sesame",
        "POST <API address>/token",
    ] {
        assert!(text.contains(e), "{e:?} not in {text}");
    }
    assert!(!text.contains("127.0.0.1"), "{text}");
    // Below the summary: Tab brings it into view.
    ui.tab_to("back-to-structure").await;
    ui.press(Named::Enter).await;
    assert_eq!(
        ui.app.structures().unwrap().shown_password(),
        None,
        "the summary is closed for good"
    );
    ui.expect("Reset password (technical user)");
    ui.click("Reset password (technical user)").await;
    ui.click("Confirm").await;
    let again = ui
        .app
        .structures()
        .unwrap()
        .shown_password()
        .expect("new password shown")
        .to_owned();
    assert_ne!(again, password);
    ui.tab_to("back-to-structure").await;
    ui.press(Named::Enter).await;
    assert_eq!(ui.app.structures().unwrap().shown_password(), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_multi_selection_prints_one_letter_per_page_after_a_confirmation_naming_the_count() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    for user in ["zoe", "aegir"] {
        ui.space_on(&format!("tick-{user}")).await;
    }
    ui.click("Print 2 letters").await;
    ui.expect("Create temporary passwords for the 2 selected accounts and print one letter per account? Their current passwords stop working.");
    ui.click("Confirm").await;
    ui.expect("2 temporary passwords created; their letters are being saved, one per page.");
    // A batch is protected as a single letter is: the organization's default.
    let passphrase = ui.save_printed(true).await.expect("protected");
    let path = ui
        .home
        .join("documents")
        // Named in the language of its first letter (one French, one English).
        .join("lettres-identifiants-demo.pdf");
    let (pages, text) = crate::harness::protected_pdf(&path, &passphrase);
    assert_eq!(pages, 2);
    // Each letter in its holder's language: Zoë reads French, Ægir English.
    assert!(
        text.contains("Zoë Łukasiewicz-Ñúñez, voici") && text.contains("Ægir Øvergård, here are"),
        "{text}"
    );
    assert!(ui.app.people().unwrap().shown_password().is_none());
    // The message answers that step only: the next step, or another language, clears it.
    ui.click("Français").await;
    assert!(
        !ui.sees("2 temporary passwords created; their letters are being saved, one per page.")
    );
    assert!(
        !ui.sees("2 mots de passe temporaires"),
        "not left behind in English either"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_user_follow_up_exports_what_it_shows_as_a_workbook_in_the_users_language() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Suivi des utilisateurs").await;
    ui.type_in("search", "lumiere.example").await;
    ui.choose("status-filter", "Actif").await;
    let shown = ui.app.people().unwrap().visible_count();
    ui.click("Exporter").await;
    let path = ui
        .home
        .join("documents")
        .join("suivi-des-utilisateurs.xlsx");
    let (sheet, rows) = sheets::workbook_rows(&path);
    assert_eq!(sheet, "Suivi des utilisateurs", "the sheet named in French");
    assert_eq!(
        rows[0].join(";"),
        "Nom;Prénom;Identifiant;Téléphone;Niveau;Courriel;Rôles;Statut;2FA"
    );
    let people = &rows[1..];
    assert_eq!(people.len(), shown, "exactly the rows shown");
    assert!(
        people
            .iter()
            .any(|r| r[..3] == ["Łukasiewicz-Ñúñez", "Zoë", "zoe"]),
        "{people:?}"
    );
    assert!(
        people.iter().all(|r| r[7] == "Actif"),
        "the status filter applies"
    );
    assert!(
        people.iter().any(|r| r[6].contains("Facturation")),
        "role names in French"
    );
    // LibreOffice shows the same cells.
    assert_eq!(sheets::libreoffice_rows(&path), rows);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_outbox_shows_an_invitation_with_its_link_in_the_invited_persons_language() {
    let mut ui = Ui::demo_as("en", "demo").await;
    let invitation = sesame_core::api::NewInvitation {
        email: "lea.roy@lumiere.example".into(),
        roles: vec![],
        level: None,
        language: sesame_core::domain::Language::Fr,
        last_name: None,
        first_name: None,
        also_contact: false,
        contact_purpose: None,
        phone: None,
    };
    ui.app
        .client()
        .call::<_, serde_json::Value>(reqwest::Method::POST, "/invitations", Some(&invitation))
        .await
        .unwrap();
    ui.click("Mail outbox").await;
    ui.expect("Boulangerie Lumière & Fils\u{a0}: confirmez votre accès à Sesame");
    let first = ui.app.outbox().unwrap().messages().first().unwrap().clone();
    assert_eq!(first.recipient, "lea.roy@lumiere.example");
    assert!(first.body.contains("/invitation/"));
    ui.expect("Waiting");
    // The link can be handed over without retyping it.
    ui.click("Copy the link").await;
    let copied = ui.clipboard.last().expect("the link was copied");
    assert!(copied.contains("/invitation/") && first.body.contains(copied.as_str()));
    ui.expect("Copied to the clipboard.");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_paper_size_and_the_theme_are_settings_of_this_computer() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("My account").await;
    ui.expect("Paper for printed documents");
    ui.choose("paper", "US Letter").await;
    // The theme is chosen there too once signed in (the banner keeps its width for the screens).
    ui.expect("Theme");
    ui.choose("account-theme", "Dark").await;
    assert_eq!(ui.app.theme().unwrap().to_string(), "Sesame dark");
    ui.choose("scale", "150%").await;
    assert_eq!(ui.app.scale_factor(), 1.5);
    let settings = std::fs::read_to_string(ui.home.join("config").join("settings.json")).unwrap();
    assert!(settings.contains("\"paper\": \"letter\""), "{settings}");
    assert!(settings.contains("\"theme\": \"dark\""), "{settings}");
    assert!(settings.contains("\"scale\": 150"), "{settings}");
    assert!(
        !settings.contains(sesame_server::demo::DEMO_PASSWORD),
        "nothing secret in the settings"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_next_start_connects_where_the_last_one_did_until_the_server_is_changed() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Sign out").await;
    ui.restart().await;
    // Straight to sign-in on this computer, the organization and user ID remembered.
    ui.expect("Sign in to Sesame");
    ui.expect("DEMO");
    ui.click("Change server").await;
    ui.expect("This computer");
    ui.restart().await;
    ui.expect("This computer");
    assert!(!ui.sees("Sign in to Sesame"), "the choice is asked again");
}

/// The order chosen in the user follow-up is the order it opens in next time.
#[tokio::test(flavor = "multi_thread")]
async fn the_follow_up_opens_again_in_the_order_last_chosen() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.click("User ID").await;
    ui.click("User ID ▲").await;
    let chosen = ui.app.people().unwrap().sort_state();
    assert_eq!(chosen, (sesame_core::api::PeopleSort::UserId, true));
    let shown = ui.shown_names();
    ui.click("Your file").await;
    ui.click("User follow-up").await;
    assert_eq!(ui.app.people().unwrap().sort_state(), chosen);
    assert_eq!(ui.shown_names(), shown, "the same rows in the same order");
    ui.expect("User ID ▼");
}
