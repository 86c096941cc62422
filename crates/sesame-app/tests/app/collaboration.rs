//! The desktop app's invitations, roles, contacts, two-factor authentication and audit log,
//! driven headlessly against the embedded server (real HTTP, real SQLite), as in
//! `desktop_app.rs`.

use crate::harness::Ui;
use crate::harness::sheets;
use sesame_app::app::Message;
use sesame_app::screen::people::Message as People;
use sesame_core::api::PersonSummary;
use sesame_core::domain::Status;
use sesame_server::demo::DEMO_PASSWORD;

fn row(ui: &Ui, user_id: &str) -> PersonSummary {
    ui.app
        .people()
        .unwrap()
        .shown()
        .find(|p| p.user_id == user_id)
        .unwrap_or_else(|| panic!("{user_id} is on the list"))
        .clone()
}

/// The current code of an authenticator app holding `secret`.
fn totp(secret: &str) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.into()).to_bytes().unwrap();
    totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into())
        .unwrap()
        .generate_current()
        .unwrap()
}

/// Another administrator's client, signed in on the same embedded server.
pub async fn signed_in(ui: &Ui, user_id: &str) -> sesame_client::Client {
    let c = sesame_client::Client::new(ui.app.client().base());
    let s = c
        .sign_in("DEMO", user_id, DEMO_PASSWORD, None)
        .await
        .unwrap();
    c.with_token(Some(s.token))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invited_person_shows_as_invited_and_turns_active_after_confirming_on_the_server_page() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.click("Invite by email").await;
    ui.expect("Also add as a contact");
    ui.type_in("invite-email", "nadia.haddad@lumiere.example")
        .await;
    ui.space_on("role-billing").await;
    // Also a contact: the names and the purpose become required, and say so.
    ui.click("Also add as a contact").await;
    ui.click("Send invitation").await;
    ui.expect("Required.");
    ui.type_in("invite-last-name", "Haddad").await;
    ui.type_in("invite-first-name", "Nadia").await;
    ui.click("Send invitation").await;
    ui.expect("Required.");
    ui.choose("invite-purpose", "Technical matters").await;
    ui.click("Send invitation").await;
    ui.expect("Invitation sent to nadia.haddad@lumiere.example. The person appears as invited until they confirm.");
    let nadia = row(&ui, "nadia.haddad@lumiere.example");
    assert_eq!(nadia.status, Status::Invited);
    assert_eq!(nadia.roles, ["billing"]);
    assert!(nadia.is_contact);
    ui.expect("Haddad, Nadia");

    // Resend: a new link; the first stops working.
    let outbox = ui.app.client().outbox().await.unwrap();
    let first_link = link_to(&outbox, "nadia.haddad@lumiere.example");
    ui.click_id(&format!("options-{}", nadia.user_id)).await;
    ui.expect("What to do for Nadia Haddad?");
    ui.click("Resend invitation").await;
    ui.expect("A new invitation link was sent to nadia.haddad@lumiere.example; the previous one no longer works.");
    let outbox = ui.app.client().outbox().await.unwrap();
    let link = link_to(&outbox, "nadia.haddad@lumiere.example");
    assert_ne!(link, first_link);

    // Nadia confirms on the server's own page, over HTTP.
    let http = reqwest::Client::new();
    let old = http
        .post(&first_link)
        .form(&[
            ("password", "nadia's long password"),
            ("password_repeat", "nadia's long password"),
        ])
        .send()
        .await
        .unwrap();
    assert_ne!(old.status(), 200, "the first link was closed by the resend");
    let page = http.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let done = http
        .post(&link)
        .form(&[
            ("password", "nadia's long password"),
            ("password_repeat", "nadia's long password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200, "{}", done.text().await.unwrap());
    assert_eq!(
        row(&ui, "nadia.haddad@lumiere.example").status,
        Status::Invited
    );
    // The list's periodic check (every few seconds while someone is invited) turns the badge.
    ui.send(Message::People(People::CheckInvitations)).await;
    assert_eq!(
        row(&ui, "nadia.haddad@lumiere.example").status,
        Status::Active
    );

    // She is a contact too, linked to her account, with the purpose chosen.
    ui.click("Your file").await;
    ui.click("Contacts").await;
    ui.expect("Nadia Haddad");
    ui.expect("Technical matters");
    let contact = ui
        .app
        .contacts()
        .unwrap()
        .contacts()
        .iter()
        .find(|c| c.email == "nadia.haddad@lumiere.example")
        .unwrap()
        .clone();
    assert_eq!(contact.person_id, Some(nadia.id));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invitation_is_cancelled_from_its_row_after_a_confirmation() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Suivi des utilisateurs").await;
    ui.click("Inviter par courriel").await;
    ui.type_in("invite-email", "paul.girard@lumiere.example")
        .await;
    ui.click("Envoyer l’invitation").await;
    let paul = row(&ui, "paul.girard@lumiere.example");
    ui.click_id(&format!("options-{}", paul.user_id)).await;
    ui.click("Annuler l’invitation").await;
    ui.expect("Annuler l’invitation\u{a0}?");
    ui.click("Confirmer").await;
    ui.expect("L’invitation de paul.girard@lumiere.example a été retirée\u{a0}: son lien ne fonctionne plus.");
    ui.expect("lien fermé");
    let outbox = ui.app.client().outbox().await.unwrap();
    let link = link_to(&outbox, "paul.girard@lumiere.example");
    let page = reqwest::get(&link).await.unwrap();
    assert_ne!(page.status(), 200, "a withdrawn link no longer opens");
}

fn link_to(outbox: &[sesame_core::api::OutboxMessage], recipient: &str) -> String {
    let m = outbox
        .iter()
        .filter(|m| m.recipient == recipient)
        .max_by_key(|m| m.id)
        .unwrap_or_else(|| panic!("a mail to {recipient}"));
    m.body
        .split_whitespace()
        .find(|w| w.contains("/invitation/"))
        .expect("the link is in the mail")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn roles_are_updated_on_two_ticked_accounts_shown_as_chips_and_filtered_on() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    let (zoe, roy) = (row(&ui, "zoe"), row(&ui, "m.roy"));
    ui.space_on("tick-zoe").await;
    ui.click_id("tick-m.roy").await;
    ui.click("Update roles of 2 users").await;
    ui.expect("The roles ticked here replace the roles of each selected user.");
    for code in ["payroll", "publication"] {
        ui.space_on(&format!("role-{code}")).await;
    }
    ui.click("Update").await;
    ui.expect("Roles of 2 users updated.");
    let admin = signed_in(&ui, "admin.en").await;
    for id in [zoe.id, roy.id] {
        let mut roles = admin.person(id).await.unwrap().person.roles;
        roles.sort();
        assert!(
            roles.contains(&"payroll".to_owned()) && roles.contains(&"publication".to_owned()),
            "{roles:?}"
        );
    }
    // The list shows the saved rows at once, without a reload.
    for user in ["zoe", "m.roy"] {
        let roles = row(&ui, user).roles;
        assert!(roles.contains(&"payroll".to_owned()), "{user}: {roles:?}");
    }
    // Filter on a role: only its holders.
    ui.choose("role-filter", "Publication").await;
    let shown: Vec<PersonSummary> = ui.app.people().unwrap().shown().collect();
    assert!(!shown.is_empty());
    assert!(
        shown
            .iter()
            .all(|p| p.roles.contains(&"publication".into()))
    );
    assert!(shown.iter().any(|p| p.id == zoe.id) && shown.iter().any(|p| p.id == roy.id));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_enrolls_totp_with_a_code_and_sign_in_then_asks_for_it() {
    let mut ui = Ui::demo_as("en", "f.lavoie").await;
    ui.click("My account").await;
    ui.click("Set up two-factor authentication").await;
    ui.expect("Scan this code with your authenticator app, or type the key by hand; then type the six-digit code the app shows.");
    let secret = ui
        .app
        .my_account()
        .unwrap()
        .two_factor
        .pending_secret()
        .expect("the key is on screen")
        .to_owned();
    // A wrong code is refused and nothing changes.
    // The keyboard is in the code field (scrolled into view); Enter there turns it on.
    ui.type_keys("000000").await;
    ui.press(iced::keyboard::key::Named::Enter).await;
    assert!(!ui.app.my_account().unwrap().two_factor.is_enrolled());
    ui.select_all().await;
    ui.type_keys(&totp(&secret)).await;
    ui.press(iced::keyboard::key::Named::Enter).await;
    ui.expect("Two-factor authentication is on: the next sign-in will ask for a code.");
    assert!(ui.app.me().unwrap().two_factor);

    ui.click("Sign out").await;
    ui.type_in("password", DEMO_PASSWORD).await;
    ui.click("Sign in").await;
    ui.expect("Authentication code");
    ui.type_in("totp", &totp(&secret)).await;
    ui.click("Sign in").await;
    ui.expect("Your file");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_resets_someones_2fa_from_their_record_after_a_confirmation() {
    let mut ui = Ui::demo_as("en", "demo").await;
    // admin.en enrolls through the API, as they would from their own app.
    let admin = signed_in(&ui, "admin.en").await;
    let enrollment = admin.start_two_factor().await.unwrap();
    admin
        .confirm_two_factor(&totp(&enrollment.secret))
        .await
        .unwrap();
    ui.click("User follow-up").await;
    ui.choose("two-factor-filter", "With 2FA").await;
    let with: Vec<String> = ui
        .app
        .people()
        .unwrap()
        .shown()
        .map(|p| p.user_id.clone())
        .collect();
    assert_eq!(with, ["admin.en"]);
    ui.click("Modify").await;
    ui.expect("2FA");
    ui.click("Reset 2FA").await;
    ui.expect("Reset two-factor authentication?");
    ui.click("Confirm").await;
    ui.expect("Two-factor authentication of Jonathan Whitfield was reset: they will sign in with their password only, and may enroll again.");
    let id = admin.me().await.unwrap().id;
    assert!(!admin.person(id).await.unwrap().person.two_factor);
    assert!(
        admin
            .sign_in("DEMO", "admin.en", DEMO_PASSWORD, None)
            .await
            .is_ok(),
        "signs in with the password alone"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_audit_log_finds_the_action_just_done_and_exports_it_as_a_workbook() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Suivi des utilisateurs").await;
    let zoe = row(&ui, "zoe");
    ui.click_id(&format!("options-{}", zoe.user_id)).await;
    ui.click_id("option-UpdateRoles").await;
    ui.space_on("role-viewer").await;
    ui.click("Mettre à jour").await;
    ui.click("Votre dossier").await;
    ui.click("Journal d’audit").await;
    ui.type_in("audit-whom", "zoe").await;
    ui.type_in("audit-from", "23/11/2026").await;
    ui.click("Rechercher").await;
    ui.expect("Saisissez une date comme 2026-11-23.");
    ui.replace_in("audit-from", "").await;
    ui.choose("audit-action", "Rôles mis à jour").await;
    let entries = ui.app.audit().unwrap().entries().to_vec();
    assert!(!entries.is_empty());
    assert!(
        entries
            .iter()
            .all(|e| e.action == "roles_updated" && e.target == "zoe")
    );
    assert_eq!(entries[0].actor, "demo");
    // The detail is data, read in French: the catalogue's role names, French typography.
    let detail = "Rôles\u{a0}: Lecture seule → aucun";
    assert_eq!(
        sesame_app::locale::Locale::new(sesame_core::domain::Language::Fr)
            .audit_detail(entries[0].detail.as_ref(), &[]),
        "Rôles\u{a0}: viewer → aucun",
        "without a catalogue, the role's code"
    );
    ui.expect("Rôles mis à jour");
    ui.expect(detail);
    // Someone else's action is not in this filter.
    ui.type_in("audit-who", "admin.en").await;
    ui.click("Rechercher").await;
    assert!(ui.app.audit().unwrap().entries().is_empty());
    ui.expect("Rien ne correspond à ces filtres.");
    ui.replace_in("audit-who", "").await;
    ui.click("Rechercher").await;

    ui.click("Exporter").await;
    let path = ui.home.join("documents").join("journal-audit.xlsx");
    let (sheet, rows) = sheets::workbook_rows(&path);
    assert_eq!(sheet, "Journal d’audit");
    assert_eq!(rows[0].join(";"), "Quand;Qui;Action;Sur qui;Détail");
    assert_eq!(rows.len() - 1, entries.len());
    assert_eq!(rows[1][1..5], ["demo", "Rôles mis à jour", "zoe", detail]);
    // A real date cell, on this computer's clock, that a spreadsheet sorts and filters.
    assert!(sheets::is_date_cell(&path, 1, 0), "{:?}", rows[1]);
    let when = time::PrimitiveDateTime::parse(
        &rows[1][0],
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
    );
    assert!(when.is_ok(), "{}", rows[1][0]);
}

#[tokio::test(flavor = "multi_thread")]
async fn contacts_are_added_changed_and_removed_and_roles_are_added_to_the_catalogue() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Contacts").await;
    ui.expect("Louise Bouchard");
    ui.click("Add a contact").await;
    ui.type_in("contact-last-name", "Ouellet").await;
    ui.type_in("contact-first-name", "Marc").await;
    ui.type_in("contact-email", "marc.ouellet@example.org")
        .await;
    ui.click("Save").await;
    ui.expect("Required.");
    ui.choose("contact-purpose", "Contractual matters").await;
    ui.type_in("contact-phone", "not a phone!").await;
    ui.click("Save").await;
    assert!(
        ui.app
            .contacts()
            .unwrap()
            .contacts()
            .iter()
            .all(|c| c.last_name != "Ouellet"),
        "refused, nothing stored"
    );
    ui.expect("Not a valid phone number.");
    ui.replace_in("contact-phone", "418 555-0123").await;
    ui.click("Save").await;
    ui.expect("Contact Marc Ouellet saved.");
    ui.expect("Contractual matters");
    let marc = ui
        .app
        .contacts()
        .unwrap()
        .contacts()
        .iter()
        .find(|c| c.last_name == "Ouellet")
        .unwrap()
        .clone();
    ui.click_id("modify-contact-marc.ouellet@example.org").await;
    ui.type_in("contact-last-name", "-Roy").await;
    ui.click("Save").await;
    ui.expect("Contact Marc Ouellet-Roy saved.");
    ui.click_id("remove-contact-marc.ouellet@example.org").await;
    ui.click("Confirm").await;
    ui.expect("Contact Marc Ouellet-Roy removed.");
    let admin = signed_in(&ui, "admin.en").await;
    assert!(
        admin
            .contacts()
            .await
            .unwrap()
            .iter()
            .all(|c| c.id != marc.id)
    );

    // The roles catalogue: a new role, then renamed; the follow-up names it in chips.
    ui.click("Your file").await;
    ui.click("Roles").await;
    ui.expect("Reads everything, changes nothing.");
    ui.click("Add a role").await;
    ui.type_in("role-code", "auditor").await;
    ui.type_in("role-name-en", "Auditor").await;
    ui.type_in("role-name-fr", "Vérificateur").await;
    ui.type_in("role-description-en", "Reads the books once a year.")
        .await;
    ui.click("Save").await;
    ui.expect("Role “Auditor” saved.");
    ui.click_id("modify-role-auditor").await;
    ui.type_in("role-name-en", " (external)").await;
    ui.click("Save").await;
    ui.expect("Role “Auditor (external)” saved.");
    ui.expect("Reads the books once a year.");
    assert!(
        ui.app
            .roles()
            .iter()
            .any(|r| r.code == "auditor" && r.name_fr == "Vérificateur")
    );
    let boss = admin
        .roles()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.code == "auditor")
        .unwrap();
    assert_eq!(boss.name_en, "Auditor (external)");
}

#[tokio::test(flavor = "multi_thread")]
async fn level_2_reads_the_roles_catalogue_without_changing_it() {
    let mut ui = Ui::demo_as("en", "r.okafor").await;
    ui.click("Roles").await;
    ui.expect("Read only");
    assert!(!ui.sees("Add a role"));
    assert!(!ui.sees("Modify"));
}
