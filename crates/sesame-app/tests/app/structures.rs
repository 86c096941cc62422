//! A new organization, without any demo data, builds its tree through the structures screen:
//! companies and a structure level, a move (and the server's refusal of a cycle), a primary
//! manager, the connected users, a stale save, a removal, then its first technical user.

use iced::keyboard::key::Named;

use crate::harness::Ui;
use sesame_app::presets::{FRESH_USER, Preset};
use sesame_core::api::Structure;

async fn tree(ui: &Ui) -> Vec<Structure> {
    ui.app.client().structures().await.unwrap()
}

fn named<'a>(tree: &'a [Structure], name: &str) -> &'a Structure {
    tree.iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no structure {name}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fresh_organization_builds_moves_manages_and_gets_a_technical_user() {
    let mut ui = Ui::preset(Preset::FreshOrganization).await;
    let l = ui.app.locale;
    ui.type_in("new-password", "a long new password").await;
    ui.type_in("repeat-password", "a long new password").await;
    ui.click(&l.t("password-change-action")).await;
    assert!(
        ui.app
            .client()
            .people(&Default::default())
            .await
            .unwrap()
            .items
            .len()
            == 1,
        "no demo data: the first administrator alone"
    );
    ui.click(&l.t("nav-structures")).await;
    for company in ["Acme Inc.", "Beta Corp"] {
        ui.click(&l.t("structures-new-company")).await;
        ui.type_in("structure-name", company).await;
        ui.click(&l.t("action-save")).await;
    }
    ui.click("Acme Inc.").await;
    ui.click(&l.t("structures-new-under")).await;
    ui.type_in("structure-name", "Montréal plant").await;
    ui.click(&l.t("action-save")).await;
    assert_eq!(
        named(&tree(&ui).await, "Montréal plant").parent_id,
        Some(named(&tree(&ui).await, "Acme Inc.").id)
    );

    // Moved under the other company, through the menu.
    ui.click("Montréal plant").await;
    ui.click_id("structure-move").await;
    ui.choose("structure-parent", "Beta Corp").await;
    ui.click(&l.t("action-save")).await;
    ui.expect(&l.t_with("structures-moved", &[("name", "Montréal plant")]));
    let t = tree(&ui).await;
    assert_eq!(
        named(&t, "Montréal plant").parent_id,
        Some(named(&t, "Beta Corp").id)
    );

    // Under its own sub-structure: the server refuses, and the screen says why.
    ui.click("Beta Corp").await;
    ui.click_id("structure-move").await;
    ui.choose("structure-parent", "· Montréal plant").await;
    ui.click(&l.t("action-save")).await;
    ui.expect(&l.t("error-structure_cycle"));
    assert_eq!(named(&tree(&ui).await, "Beta Corp").parent_id, None);
    // Esc leaves the form.
    ui.press(Named::Escape).await;
    ui.expect(&l.t("structures-move"));
    assert!(!ui.sees(&l.t("structures-move-hint")));
    // The company that holds the plant cannot be removed: the server does not offer it, and
    // the page says what keeps it before anyone tries.
    assert!(!ui.sees(&l.t("action-remove")));
    ui.expect(&l.t("structures-held-hint"));
    assert_eq!(tree(&ui).await.len(), 3);

    // The primary manager: the first administrator, chosen among level-1 and level-2 people.
    ui.click("Acme Inc.").await;
    ui.expect(&l.t("structures-no-manager"));
    ui.click_id("structure-set-manager").await;
    let me = format!("First Admin ({FRESH_USER}) — {}", l.t("level-level_1"));
    ui.choose("structure-manager", &me).await;
    ui.click(&l.t("action-save")).await;
    ui.expect(&l.t_with("structures-manager-saved", &[("name", "Acme Inc.")]));
    let acme = named(&tree(&ui).await, "Acme Inc.").clone();
    assert_eq!(
        acme.primary_manager.as_ref().map(|m| m.user_id.as_str()),
        Some(FRESH_USER)
    );
    // Connected users: the primary manager, as the server lists them.
    ui.expect(&l.t("connected-via-manager"));
    ui.expect(&format!("First Admin ({FRESH_USER})"));

    // Someone renames it in between: the save is refused, told, and the tree reloaded.
    ui.app
        .client()
        .rename_structure(acme.id, acme.version, "Acme Canada")
        .await
        .unwrap();
    ui.click_id("structure-set-manager").await;
    ui.choose("structure-manager", &l.t("structures-no-manager"))
        .await;
    ui.click(&l.t("action-save")).await;
    ui.expect(&l.t("error-stale_version"));
    ui.expect("Acme Canada");
    assert!(
        named(&tree(&ui).await, "Acme Canada")
            .primary_manager
            .is_some(),
        "nothing overwritten"
    );

    // The plant goes (Enter confirms); its company stays.
    ui.click("Montréal plant").await;
    ui.click(&l.t("action-remove")).await;
    ui.press(Named::Enter).await;
    ui.expect(&l.t_with("structures-removed", &[("name", "Montréal plant")]));
    assert_eq!(tree(&ui).await.len(), 2);

    // The first technical user of a new organization, made in the app.
    ui.click("Acme Canada").await;
    ui.click(&l.t("action-create-technical-user")).await;
    ui.click(&l.t("action-create-technical-user")).await;
    ui.expect(&l.t("technical-summary-title"));
    assert!(ui.app.structures().unwrap().shown_password().is_some());
    let technical = ui
        .app
        .client()
        .technical_user_of(acme.id)
        .await
        .expect("created");
    assert_eq!(
        technical.primary_manager.map(|m| m.user_id),
        Some(FRESH_USER.to_owned())
    );
    ui.click(&l.t("action-back-to-structure")).await;
    ui.expect(&l.t("connected-via-technical-here"));
}
