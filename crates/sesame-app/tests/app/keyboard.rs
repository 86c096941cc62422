//! Whole workflows with the keyboard alone: every key goes through the window as the running
//! app receives it (the widgets first, then the app's shortcuts), and the focus moves the app
//! asks for reach the window's kept state.

use crate::harness::Ui;
use iced::keyboard::key::Named;
use sesame_server::demo::DEMO_PASSWORD;

#[tokio::test(flavor = "multi_thread")]
async fn after_a_wrong_password_the_next_keys_go_to_the_password_field() {
    let mut ui = Ui::start("en").await;
    ui.click("This computer").await;
    ui.click("Open the demo organization").await;
    // Organization and user ID are filled in: the keyboard starts in the password.
    assert!(ui.focused().unwrap().contains("\"password\""));
    ui.select_all().await;
    ui.type_keys("not the password").await;
    ui.press(Named::Enter).await;
    ui.expect("The organization code, user ID or password is incorrect.");
    assert!(
        ui.focused().unwrap().contains("\"password\""),
        "still in the password field, never in a visible one: {:?}",
        ui.focused()
    );
    // The refused password is gone: what is typed now is the whole password, not appended.
    ui.type_keys(DEMO_PASSWORD).await;
    ui.press(Named::Enter).await;
    ui.expect("Your file");
    assert_eq!(
        ui.app.me().unwrap().user_id,
        "demo",
        "the user ID was not typed over"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_record_is_found_opened_changed_and_saved_without_the_mouse() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press_command("f").await;
    assert!(ui.focused().unwrap().contains("\"search\""));
    ui.type_keys("roy").await;
    ui.press(Named::ArrowDown).await;
    let current = ui
        .app
        .people()
        .unwrap()
        .current_row()
        .unwrap()
        .user_id
        .clone();
    assert_eq!(current, "m.roy");
    ui.press(Named::Enter).await;
    ui.expect("User identification record");
    ui.tab_to("phone").await;
    ui.select_all().await;
    ui.type_keys("418 555-0199").await;
    ui.press_command("s").await;
    ui.expect("Saved.");
    let admin = crate::collaboration::signed_in(&ui, "admin.en").await;
    let id = ui
        .app
        .people()
        .unwrap()
        .shown()
        .find(|p| p.user_id == "m.roy")
        .unwrap()
        .id;
    assert_eq!(
        admin.person(id).await.unwrap().person.phone.as_deref(),
        Some("418 555-0199")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rows_options_open_with_the_menu_key_and_enter_confirms_the_initialization() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press_command("f").await;
    ui.type_keys("aegir").await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::ContextMenu).await;
    ui.expect("What to do for Ægir Øvergård?");
    ui.tab_to("option-InitializePassword").await;
    ui.press(Named::Enter).await;
    ui.expect("New temporary password");
    ui.press(Named::Enter).await;
    ui.expect("Temporary password created");
    assert!(ui.shown_password().is_some());
    ui.press(Named::Escape).await;
    assert!(
        ui.shown_password().is_none(),
        "Esc closes it and forgets it"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_with_unsaved_changes_asks_before_losing_them() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press_command("n").await;
    ui.expect("New user account");
    ui.type_keys("Gagnon").await;
    ui.press(Named::Escape).await;
    ui.expect("Discard your changes?");
    ui.press(Named::Escape).await;
    assert!(
        ui.app.record().is_some_and(|r| r.has_changes()),
        "Esc in the question keeps editing"
    );
    ui.click("Cancel").await;
    ui.expect("Discard your changes?");
    ui.press(Named::Enter).await;
    assert!(ui.app.record().is_none(), "back on the list");
    ui.expect("User follow-up");
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_the_window_with_unsaved_changes_asks_first() {
    use sesame_app::app::Message;
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press_command("n").await;
    ui.type_keys("Gagnon").await;
    // The window's close button, as the window system reports it.
    ui.send(Message::CloseRequested(iced::window::Id::unique()))
        .await;
    ui.expect("Discard your changes?");
    assert!(!ui.exited, "nothing typed is thrown away without asking");
    ui.press(Named::Enter).await;
    assert!(ui.exited, "confirmed: the app quits");
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_the_window_with_nothing_to_lose_quits_at_once() {
    use sesame_app::app::Message;
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.send(Message::CloseRequested(iced::window::Id::unique()))
        .await;
    assert!(ui.exited);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_open_menu_moves_by_arrows_and_letters_and_esc_closes_only_the_menu() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.click("Invite by email").await;
    ui.tab_to("invite-language").await;
    assert_eq!(ui.menu_value("invite-language").as_deref(), Some("English"));
    // Open, move to the last value, and Esc: the menu closes, the value and the dialog stay.
    ui.press(Named::Space).await;
    ui.press(Named::End).await;
    ui.press(Named::Escape).await;
    assert_eq!(ui.menu_value("invite-language").as_deref(), Some("English"));
    ui.expect("Send invitation");
    // Open, a first letter, Enter: that value is taken.
    ui.press(Named::Space).await;
    ui.type_keys("f").await;
    ui.press(Named::Enter).await;
    assert_eq!(ui.menu_value("invite-language").as_deref(), Some("French"));
    // Open with F4, up from the chosen value, Enter.
    ui.press(Named::F4).await;
    ui.press(Named::ArrowUp).await;
    ui.press(Named::Enter).await;
    assert_eq!(ui.menu_value("invite-language").as_deref(), Some("English"));
    ui.expect("Send invitation");
    // Enter on the closed menu goes to the dialog's default (which finds the email missing)
    // instead of opening the list again: the next Esc cancels the dialog, no list to close.
    ui.press(Named::Enter).await;
    assert_eq!(ui.menu_value("invite-language").as_deref(), Some("English"));
    // With the menu closed, Esc cancels the dialog as before.
    ui.press(Named::Escape).await;
    assert!(!ui.sees("Send invitation"));
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_passes_by_disabled_buttons_and_stops_on_them_once_enabled() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    // Nothing ticked: "Update roles" and "Print letters" do nothing, so Tab goes past them.
    ui.press_command("f").await;
    ui.tab(false).await;
    assert!(
        ui.focused().unwrap().contains("\"export-csv\""),
        "{:?}",
        ui.focused()
    );
    ui.space_on("tick-m.roy").await;
    ui.press_command("f").await;
    ui.tab(false).await;
    assert!(
        ui.focused().unwrap().contains("\"roles-of-selection\""),
        "{:?}",
        ui.focused()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_service_user_wizard_goes_from_start_to_finish_with_the_keyboard_alone() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Service users").await;
    ui.expect("PAIE2026");
    ui.press_command("n").await;
    ui.expect("Service user (API only)");
    ui.tab_to("user-code").await;
    // A code the list already has is refused at once, beside the code, before any access.
    ui.type_keys("PAIE2026").await;
    ui.tab_to("application").await;
    ui.type_keys("Paie Nethris").await;
    ui.press(Named::Enter).await;
    ui.expect("This user ID is already taken in your organization.");
    ui.expect("Service user (API only)");
    ui.tab_to("user-code").await;
    ui.select_all().await;
    ui.type_keys("NETHRIS7").await;
    assert!(!ui.sees("This user ID is already taken in your organization."));
    ui.press(Named::Enter).await;
    ui.expect("Tick the companies and levels of the administrative structure this user may reach; each includes what lies under it.");
    // Esc goes back a step, and Enter on again: the choices made are kept.
    ui.press(Named::Escape).await;
    assert!(ui.sees("Service user (API only)") && !ui.sees("Tick the companies and levels of the administrative structure this user may reach; each includes what lies under it."));
    ui.press(Named::Enter).await;
    ui.tab_to("scope-all-companies").await;
    ui.press(Named::Space).await;
    // Space ticks a box; Enter on it goes on, as the form's default, and leaves it ticked.
    ui.press(Named::Enter).await;
    ui.expect("The service user NETHRIS7 was created for Paie Nethris. Its password is below.");
    assert!(ui.app.service_users().unwrap().shown_password().is_some());
    ui.tab_to("wizard-finish").await;
    ui.press(Named::Space).await;
    assert_eq!(ui.app.service_users().unwrap().shown_password(), None);
    ui.expect("NETHRIS7");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_arrows_go_from_row_to_row_in_the_other_lists() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("Service users").await;
    ui.tab_to("modify-HRSYNC01").await;
    ui.press(Named::ArrowDown).await;
    assert!(
        ui.focused().unwrap().contains("\"modify-PAIE2026\""),
        "{:?}",
        ui.focused()
    );
    ui.press(Named::ArrowUp).await;
    assert!(
        ui.focused().unwrap().contains("\"modify-HRSYNC01\""),
        "{:?}",
        ui.focused()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_banner_link_or_sign_out_with_unsaved_changes_asks_first() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press_command("n").await;
    ui.type_keys("Gagnon").await;
    ui.click("Structures").await;
    ui.expect("Discard your changes?");
    ui.press(Named::Escape).await;
    assert!(
        ui.app.record().is_some_and(|r| r.has_changes()),
        "kept editing: nothing lost"
    );
    ui.click("Sign out").await;
    ui.expect("Discard your changes?");
    ui.press(Named::Escape).await;
    assert!(ui.app.me().is_some(), "still signed in");
    ui.click("Structures").await;
    ui.press(Named::Enter).await;
    assert!(!ui.exited, "confirming a link goes there, it does not quit");
    assert!(ui.app.record().is_none());
    ui.expect("Companies and administrative structure");
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_my_account_with_details_typed_and_not_saved_asks_first() {
    use sesame_app::app::Message;
    use sesame_app::screen::my_account::Message as Account;
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("My account").await;
    // Nothing typed: the banner leaves at once.
    ui.click("Your file").await;
    ui.expect("User follow-up");
    ui.click("My account").await;
    // The phone field's own message, as typing sends it.
    ui.send(Message::MyAccount(Account::Phone("514 555-9999".into())))
        .await;
    ui.click("Your file").await;
    ui.expect("Discard your changes?");
    ui.expect("What you typed on this page (contact details or a new password) is not saved yet. If you leave now, it is lost.");
    ui.press(Named::Escape).await;
    assert!(!ui.sees("Discard your changes?"));
    ui.expect("514 555-9999");
    ui.click("Structures").await;
    ui.expect("Discard your changes?");
    ui.press(Named::Enter).await;
    ui.expect("Companies and administrative structure");
}

/// A message under the banner belongs to the screen it was written on: "Copied to the
/// clipboard." does not follow the person to the next screen.
#[tokio::test(flavor = "multi_thread")]
async fn a_notice_under_the_banner_leaves_with_its_screen() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("My account").await;
    ui.click(&ui.app.locale.t("action-set-up-two-factor")).await;
    ui.click("Copy the key").await;
    ui.expect("Copied to the clipboard.");
    ui.click("Your file").await;
    assert!(!ui.sees("Copied to the clipboard."));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_print_dialog_over_a_password_takes_the_focus_and_gives_it_back() {
    let mut ui = Ui::demo_as("en", "demo").await;
    ui.click("User follow-up").await;
    ui.press(Named::ArrowDown).await;
    ui.press(Named::ContextMenu).await;
    ui.click("Initialize password").await;
    ui.click("Confirm").await;
    ui.tab_to("print-letter").await;
    ui.press(Named::Enter).await;
    assert!(ui.app.print_dialog_open().is_some());
    // In the print dialog, on its main step; Tab stays inside it.
    let tree = ui.tree();
    let focused = tree.focused().expect("a control has the focus");
    assert!(
        tree.nodes[focused].in_dialog,
        "{:?}",
        tree.nodes[focused].name
    );
    assert_eq!(tree.nodes[tree.dialog().unwrap()].name, "Print");
    for _ in 0..8 {
        ui.tab(false).await;
        let tree = ui.tree();
        let f = tree.focused().expect("focus kept");
        assert!(
            tree.nodes[f].in_dialog,
            "Tab left the dialog for {:?}",
            tree.nodes[f].name
        );
    }
    // Esc: the password is still shown, and the focus back on Print letter.
    ui.press(Named::Escape).await;
    assert!(ui.app.print_dialog_open().is_none());
    assert!(ui.shown_password().is_some());
    let opener = format!("{:?}", iced::widget::Id::from("print-letter".to_owned()));
    assert_eq!(ui.focused(), Some(opener));
}
