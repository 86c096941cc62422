//! A person who leaves: suspended from the follow-up's options, refused at sign-in, then
//! reactivated from their record.

use crate::harness::Ui;
use sesame_core::domain::Status;
use sesame_server::demo::DEMO_PASSWORD;

#[tokio::test(flavor = "multi_thread")]
async fn a_suspended_person_cannot_sign_in_until_reactivated_from_the_record() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    let api = sesame_client::Client::new(ui.app.client().base());
    assert!(
        api.sign_in("DEMO", "r.okafor", DEMO_PASSWORD, None)
            .await
            .is_ok()
    );

    ui.click_id("options-r.okafor").await;
    ui.click_id("option-Suspend").await;
    ui.expect("Suspend this user?");
    ui.expect("Suspend Rita Okafor? Their sessions end at once and they can no longer sign in until they are reactivated. Their account, roles and history are kept.");
    ui.click("Confirm").await;
    ui.expect("Rita Okafor is suspended: their sessions ended and they can no longer sign in.");
    let row = |ui: &Ui| {
        ui.app
            .people()
            .unwrap()
            .shown()
            .find(|p| p.user_id == "r.okafor")
            .unwrap()
            .clone()
    };
    assert_eq!(row(&ui).status, Status::Suspended);
    assert!(
        api.sign_in("DEMO", "r.okafor", DEMO_PASSWORD, None)
            .await
            .is_err(),
        "a suspended person is refused"
    );
    // A batch of letters with her in it: all or none, so none, and the list says whom.
    ui.click_id("tick-r.okafor").await;
    ui.click_id("tick-zoe").await;
    ui.click("Print 2 letters").await;
    ui.click("Confirm").await;
    ui.expect("No password was changed and no letter printed. Untick or reactivate: Rita Okafor (r.okafor): This person is suspended: no password or letter can be issued for them until they are reactivated.");
    assert!(
        !ui.home.join("documents").exists(),
        "no letter printed for anyone"
    );
    ui.click_id("tick-r.okafor").await;
    ui.click_id("tick-zoe").await;
    // No action offered that the server would refuse: one's own row cannot be suspended.
    ui.click_id("options-demo").await;
    assert!(!ui.sees("Suspend"));
    ui.click("Close").await;

    ui.click_id("options-r.okafor").await;
    assert!(
        ui.sees("Reactivate"),
        "a suspended row offers to reactivate"
    );
    ui.click("Close").await;
    ui.type_in("search", "okafor").await;
    ui.click("Modify").await;
    ui.click("Reactivate").await;
    ui.expect("Reactivate this user?");
    ui.click("Confirm").await;
    ui.expect("Rita Okafor is reactivated and can sign in again.");
    assert!(
        api.sign_in("DEMO", "r.okafor", DEMO_PASSWORD, None)
            .await
            .is_ok()
    );
}
