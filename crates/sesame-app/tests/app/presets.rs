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

#[tokio::test(flavor = "multi_thread")]
async fn a_new_organization_builds_its_structure_tree_in_the_app() {
    let mut ui = Ui::preset(Preset::FreshOrganization).await;
    let l = ui.app.locale;
    ui.type_in("new-password", "a long new password").await;
    ui.type_in("repeat-password", "a long new password").await;
    ui.click(&l.t("password-change-action")).await;
    ui.click(&l.t("nav-structures")).await;
    ui.click(&l.t("structures-new-company")).await;
    ui.type_in("structure-name", "Acme Inc.").await;
    ui.click(&l.t("action-save")).await;
    ui.expect(&l.t_with("structures-saved", &[("name", "Acme Inc.")]));
    ui.click(&l.t("structures-new-under")).await;
    ui.type_in("structure-name", "Montreal plant").await;
    ui.choose("structure-kind", &l.t("kind-division")).await;
    ui.click(&l.t("action-save")).await;
    ui.expect(&l.t_with("structures-saved", &[("name", "Montreal plant")]));
    ui.click(&l.t("structures-rename")).await;
    ui.replace_in("structure-name", "Montréal plant").await;
    ui.click(&l.t("action-save")).await;
    let tree = ui.app.client().structures().await.unwrap();
    let acme = tree.iter().find(|s| s.name == "Acme Inc.").unwrap();
    let plant = tree.iter().find(|s| s.name == "Montréal plant").unwrap();
    assert_eq!(plant.parent_id, Some(acme.id));
    assert_eq!(plant.kind, sesame_core::domain::StructureKind::Division);

    // The company holds the plant: its removal is not offered, and the page says why; the
    // plant goes.
    ui.click("Acme Inc.").await;
    assert!(!ui.sees(&l.t("action-remove")));
    ui.expect(&l.t("structures-held-hint"));
    assert_eq!(ui.app.client().structures().await.unwrap().len(), 2);
    ui.click("Montréal plant").await;
    ui.click(&l.t("action-remove")).await;
    ui.click(&l.t("action-confirm")).await;
    ui.expect(&l.t_with("structures-removed", &[("name", "Montréal plant")]));
    assert_eq!(ui.app.client().structures().await.unwrap().len(), 1);
}
