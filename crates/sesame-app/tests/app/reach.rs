//! The reach preview on a record: what a level-2 user can see and do, equal to what that user's
//! own listing returns; and the plain sentence of what each level allows.

use crate::harness::Ui;
use sesame_app::presets::Preset;
use sesame_core::api::PeopleQuery;
use sesame_server::demo::DEMO_PASSWORD;

#[tokio::test(flavor = "multi_thread")]
async fn the_preview_of_a_level_two_user_equals_their_own_listing() {
    let mut ui = Ui::demo_as("en", "demo").await;
    let l = ui.app.locale;
    ui.click("User follow-up").await;
    ui.type_in("search", "okafor").await;
    ui.click("Modify").await;
    ui.expect("What this user can see and do");
    ui.expect(&l.t("level-allows-level_2"));
    let reach = ui
        .app
        .record()
        .unwrap()
        .reach()
        .expect("level 2: previewed");
    let preview = reach.preview().expect("loaded").clone();
    let first_page: Vec<String> = reach.people().iter().map(|p| p.user_id.clone()).collect();

    // Rita Okafor's own listing, signed in as her.
    let api = sesame_client::Client::new(ui.app.client().base());
    let session = api
        .sign_in("DEMO", "r.okafor", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let rita = api.with_token(Some(session.token));
    let own = rita.all_people(5000).await.unwrap();
    assert_eq!(preview.sees as usize, own.len());
    ui.expect(&l.t_count("reach-sees", "count", own.len()));
    let own_page = rita
        .people(&PeopleQuery {
            limit: Some(10),
            ..PeopleQuery::default()
        })
        .await
        .unwrap();
    let own_first: Vec<String> = own_page.items.iter().map(|p| p.user_id.clone()).collect();
    assert_eq!(first_page, own_first, "the same people, in the same order");
    assert!(!first_page.contains(&"demo".to_owned()), "no level-1 user");
    // The next page, as her own listing pages.
    if own.len() > 10 {
        ui.click_id("reach-more").await;
        let shown = ui.app.record().unwrap().reach().unwrap().people().len();
        assert_eq!(shown, own.len().min(20));
    }
    // What she may do by level, and that she manages no structure unless the demo says so.
    ui.expect(&l.t("reach-by-level"));
    ui.expect(&format!(
        "{}: {}.",
        l.level(sesame_core::domain::Level::One),
        "nothing"
    ));

    // And the app signed in as her shows the same count in her follow-up.
    let mut hers = Ui::preset(Preset::DemoLevelTwo).await;
    let follow_up = hers.app.locale.t("nav-user-follow-up");
    hers.click(&follow_up).await;
    assert_eq!(hers.shown_names().len(), preview.sees as usize);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_level_three_record_says_what_the_level_allows_without_a_preview() {
    let mut ui = Ui::demo_as("fr", "demo").await;
    let l = ui.app.locale;
    ui.click(&l.t("nav-user-follow-up")).await;
    ui.type_in("search", "zoe").await;
    ui.click(&l.t("action-modify")).await;
    ui.expect(&l.t("level-allows-level_3"));
    assert!(ui.app.record().unwrap().reach().is_none());
    assert!(!ui.sees(&l.t("reach-title")));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_level_two_user_previews_their_own_reach_not_another_administrators() {
    let mut ui = Ui::preset(Preset::DemoLevelTwo).await;
    let l = ui.app.locale;
    ui.click(&l.t("nav-user-follow-up")).await;
    let own_list = ui.shown_names().len();
    ui.type_in("search", "gagnon").await;
    ui.click(&l.t("action-modify")).await;
    ui.expect(&l.t("level-allows-level_2_approval"));
    assert!(
        !ui.sees(&l.t("reach-title")),
        "only oneself, or a level-1 reader, may look"
    );
    ui.click(&l.t("action-cancel")).await;
    ui.replace_in("search", "okafor").await;
    ui.click(&l.t("action-modify")).await;
    ui.expect(&l.t("reach-title"));
    let sees = ui
        .app
        .record()
        .unwrap()
        .reach()
        .unwrap()
        .preview()
        .unwrap()
        .sees;
    assert_eq!(sees as usize, own_list, "what her own list shows");
}
