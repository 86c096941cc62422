//! The user identification record: what is changed in it, the users under charge included,
//! is stored by Save and forgotten by Cancel.

use crate::harness::Ui;
use iced::keyboard::key::Named;

/// Opens the record of `user_id` from the follow-up with the keyboard.
async fn open_record(ui: &mut Ui, user_id: &str) {
    ui.press_command("f").await;
    ui.select_all().await;
    ui.type_keys(user_id).await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::Enter).await;
    ui.expect("User identification record");
}

async fn under_charge_of(ui: &Ui, user_id: &str) -> Vec<String> {
    let admin = crate::collaboration::signed_in(ui, "admin.en").await;
    let id = ui
        .app
        .people()
        .unwrap()
        .shown()
        .find(|p| p.user_id == user_id)
        .unwrap()
        .id;
    let rec = admin.person(id).await.unwrap();
    rec.under_charge.into_iter().map(|p| p.user_id).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_placed_under_charge_is_stored_by_save_and_forgotten_by_cancel() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    open_record(&mut ui, "r.okafor").await;
    let before = under_charge_of(&ui, "r.okafor").await;
    assert!(!before.contains(&"aegir".to_owned()), "{before:?}");

    ui.type_in("link-search", "aegir").await;
    ui.click_id("link-aegir").await;
    assert!(ui.app.record().unwrap().has_changes());
    assert_eq!(
        under_charge_of(&ui, "r.okafor").await,
        before,
        "nothing is stored before Save"
    );
    ui.click("Cancel").await;
    ui.expect("Discard your changes?");
    ui.press(Named::Enter).await;
    assert_eq!(under_charge_of(&ui, "r.okafor").await, before);

    // Again, then Ctrl+S: now it is stored. (The search after it also checks that the
    // "Saved." going away at the first key keeps the keyboard in the search field.)
    open_record(&mut ui, "r.okafor").await;
    ui.type_in("link-search", "aegir").await;
    ui.click_id("link-aegir").await;
    ui.press_command("s").await;
    let after = under_charge_of(&ui, "r.okafor").await;
    assert!(after.contains(&"aegir".to_owned()), "{after:?}");

    // And taken off the same way.
    open_record(&mut ui, "r.okafor").await;
    ui.tab_to("unlink-aegir").await;
    ui.press(Named::Space).await;
    assert!(ui.app.record().unwrap().has_changes());
    ui.press_command("s").await;
    assert_eq!(under_charge_of(&ui, "r.okafor").await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_file_that_no_application_opens_says_where_it_is() {
    // The tests run without a display, where no viewer can open a PDF (on a desktop, one
    // would open: nothing to check there).
    if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
        return;
    }
    let mut ui = Ui::demo_as("en", "demo").await;
    let file =
        std::env::temp_dir().join(format!("sesame-open-{}.pdf", crate::harness::rand_suffix()));
    std::fs::write(&file, b"%PDF-1.7\n").unwrap();
    ui.send(sesame_app::app::Message::OpenDocument(file.clone()))
        .await;
    ui.expect(&format!(
        "No application could open {}. The file is saved there: open it from your files.",
        file.display()
    ));
    let _ = std::fs::remove_file(file);
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_scrolls_the_record_to_the_focused_control() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    open_record(&mut ui, "r.okafor").await;
    // The last users under charge lie below the window's edge until Tab reaches them.
    let last = format!(
        "unlink-{}",
        under_charge_of(&ui, "r.okafor").await.last().unwrap()
    );
    assert!(
        !ui.in_view(&last),
        "{last} already in view: nothing to check"
    );
    ui.tab_to(&last).await;
    assert!(ui.in_view(&last), "{last} focused but out of view");
    // And back up: Shift+Tab to the first field brings the top back.
    for _ in 0..60 {
        if ui.focused().is_some_and(|f| f.contains("\"last-name\"")) {
            break;
        }
        ui.tab(true).await;
    }
    assert!(ui.in_view("last-name"));
}

/// Only what the server says the reader may do is offered: as r.okafor (level 2), the record of
/// c.gagnon (level 2 with approval) can be read, not changed; a suspended person's record
/// offers reactivation, never a password.
#[tokio::test(flavor = "multi_thread")]
async fn a_record_offers_only_what_the_server_would_accept() {
    let mut ui = Ui::demo_as("en", "r.okafor").await;
    ui.click("User follow-up").await;
    open_record(&mut ui, "c.gagnon").await;
    for refused in ["Save", "Delete", "Suspend", "Initialize password"] {
        assert!(
            !ui.sees(refused),
            "{refused} is not offered to level 2 here"
        );
    }
    ui.expect("Quit");
    // A level-2 peer without approval: hers to change.
    ui.click("Quit").await;
    ui.click("User follow-up").await;
    open_record(&mut ui, "f.lavoie").await;
    for offered in ["Save", "Delete", "Suspend", "Initialize password"] {
        ui.expect(offered);
    }

    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    let suspended = ui
        .app
        .people()
        .unwrap()
        .shown()
        .find(|p| p.status == sesame_core::domain::Status::Suspended)
        .expect("the demo has a suspended person")
        .user_id
        .clone();
    open_record(&mut ui, &suspended).await;
    ui.expect("Reactivate");
    assert!(!ui.sees("Initialize password") && !ui.sees("Suspend"));
}
