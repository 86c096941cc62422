//! SCIM provisioning from the app's side: a level-1 user ticks "Provisioning (SCIM)" in a
//! service user's record; a person an HR system then creates over SCIM is in the user
//! follow-up.

use crate::harness::Ui;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_person_created_over_scim_by_a_marked_service_user_is_in_the_follow_up() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Service users").await;
    ui.click_id("modify-PAIE2026").await;
    ui.expect("Its API tokens may then create, change, suspend and delete people through SCIM (/scim/v2), with the rights of the level-1 user who ticked this box.");
    ui.click("Provisioning (SCIM)").await;
    let marked = |ui: &Ui| {
        ui.app
            .service_users()
            .unwrap()
            .list()
            .iter()
            .find(|s| s.user_code == "PAIE2026")
            .unwrap()
            .provisioning
    };
    assert!(marked(&ui), "saved by the server");
    ui.click("Reset password").await;
    ui.click("Confirm").await;
    let password = ui
        .app
        .service_users()
        .unwrap()
        .shown_password()
        .expect("shown once")
        .to_owned();
    ui.click("Close").await;

    let base = ui.app.client().base().to_owned();
    let api = sesame_client::Client::new(&base);
    let token = api
        .api_token("DEMO", "PAIE2026", &password)
        .await
        .unwrap()
        .token;
    let created = reqwest::Client::new()
        .post(format!("{base}/scim/v2/Users"))
        .bearer_auth(&token)
        .json(&json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "j.bouchard",
            "name": {"familyName": "Bouchard", "givenName": "Julie"},
            "emails": [{"value": "julie.bouchard@example.org"}],
            "active": true,
            "preferredLanguage": "fr"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());

    ui.click("Your file").await;
    ui.click("User follow-up").await;
    ui.expect("13 accounts");
    assert!(ui.shown_names().contains(&"j.bouchard".to_owned()));
    ui.type_in("search", "bouchard").await;
    assert_eq!(ui.shown_names(), ["j.bouchard"]);
    ui.expect("j.bouchard");

    // Unticked: the same token is refused.
    ui.click("Service users").await;
    ui.click_id("modify-PAIE2026").await;
    ui.click("Provisioning (SCIM)").await;
    assert!(!marked(&ui));
    let refused = reqwest::Client::new()
        .get(format!("{base}/scim/v2/Users"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provisioning_token_is_offered_once_marked_shown_once_and_works_on_scim() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.click("Utilisateurs de services").await;
    ui.click_id("modify-PAIE2026").await;
    let focused = |ui: &mut Ui| ui.focused().unwrap_or_default();
    assert!(
        focused(&mut ui).contains("\"service-user-provisioning\""),
        "the record opens on its first control: {}",
        focused(&mut ui)
    );
    assert!(
        !ui.sees("Nouveau jeton de provisionnement"),
        "not offered before the box is ticked"
    );
    ui.click("Provisionnement (SCIM)").await;
    // By keyboard: the button, the question, then the answer shown once.
    ui.tab_to("new-provisioning-token").await;
    ui.press(iced::keyboard::key::Named::Enter).await;
    ui.expect(&ui.app.locale.t("provisioning-token-confirm"));
    // The question holds the focus, on the safe answer; Tab, then Enter confirms.
    assert!(
        focused(&mut ui).contains("\"token-cancel\""),
        "{}",
        focused(&mut ui)
    );
    ui.tab(false).await;
    ui.press(iced::keyboard::key::Named::Enter).await;
    let token = ui
        .app
        .service_users()
        .unwrap()
        .shown_token()
        .expect("shown once")
        .to_owned();
    assert!(
        focused(&mut ui).contains("\"token-copy\""),
        "{}",
        focused(&mut ui)
    );
    ui.press(iced::keyboard::key::Named::Enter).await;
    assert_eq!(ui.clipboard.last(), Some(&token), "copied for the provider");
    ui.click("Fermer").await;
    assert!(
        ui.app.service_users().unwrap().shown_token().is_none(),
        "forgotten"
    );
    assert!(
        focused(&mut ui).contains("\"new-provisioning-token\""),
        "the focus comes back: {}",
        focused(&mut ui)
    );

    let base = ui.app.client().base().to_owned();
    let users = reqwest::Client::new()
        .get(format!("{base}/scim/v2/Users"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(users.status(), 200, "the provider's token works on SCIM");
}
