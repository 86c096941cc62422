//! The presets start where they say, on the real embedded server, through the real views.

use crate::harness::Ui;
use sesame_app::app::Screen;
use sesame_app::presets::{FRESH_USER, Preset};
use sesame_core::domain::Level;

#[tokio::test]
async fn each_preset_opens_its_organization_signed_in_as_it_says() {
    let ui = Ui::preset(Preset::DemoLevelOne).await;
    let me = ui.app.me().expect("signed in");
    assert_eq!((me.user_id.as_str(), me.level), ("demo", Some(Level::One)));
    assert!(matches!(ui.app.screen, Screen::Home));
    ui.expect(&ui.app.locale.t("nav-user-follow-up"));

    let mut ui = Ui::preset(Preset::DemoLevelTwo).await;
    let me = ui.app.me().expect("signed in");
    assert_eq!(me.user_id, "r.okafor");
    assert!(!me.rights.manage_service_users);
    let follow_up = ui.app.locale.t("nav-user-follow-up");
    ui.click(&follow_up).await;
    assert!(!ui.shown_names().is_empty(), "level 2 sees people");
    assert!(
        !ui.shown_names().contains(&"demo".to_owned()),
        "but not level 1"
    );

    let ui = Ui::preset(Preset::FreshOrganization).await;
    let me = ui.app.me().expect("signed in");
    assert_eq!(me.user_id, FRESH_USER);
    assert!(
        matches!(ui.app.screen, Screen::PasswordChange(_)),
        "a temporary password asks for a new one first"
    );
}
