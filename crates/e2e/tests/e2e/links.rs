//! Issue 6: every view is a link — round trip in a fresh browser, back/forward, hostile links.
use super::{actions, checks, harness::Session, locators};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copied_link_restores_the_same_view_in_a_fresh_browser() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, &locators::facet_box("stance", "supports")).await;
    actions::until("filter in URL", || async { actions::current_url(c).await.contains("stance=supports") }).await;
    actions::search(c, "afghan").await;
    actions::until("search applied", || async { actions::current_url(c).await.contains("q=afghan") }).await;
    let ids = actions::card_ids(c).await;
    assert!(ids.len() >= 2, "at least two supporting claims mention Afghanistan: {ids:?}");
    actions::click(c, &locators::card_action(&ids[0], "compare")).await;
    actions::click(c, &locators::card_action(&ids[1], "compare")).await;
    actions::wait_for(c, locators::COMPARE).await;
    let url = actions::url_when(c, "the comparison reaches the address", |u| u.contains("cmp=")).await;
    assert!(url.contains("cmp="), "{url}");
    let shown = actions::card_ids(c).await;
    s.close().await;

    let fresh = Session::new().await;
    let c = &fresh.client;
    // Same path and query, new server port, new profile.
    let query = url.split_once('?').map(|(_, q)| format!("?{q}")).unwrap_or_default();
    actions::open_app(c, &fresh.server.url(&query)).await;
    actions::wait_for(c, locators::COMPARE).await;
    checks::cards_are(c, &shown).await;
    let cols = actions::all(c, locators::COMPARE_COL).await;
    let mut col_ids = Vec::new();
    for e in &cols {
        col_ids.push(actions::attr(e, "data-claim-id").await);
    }
    assert_eq!(col_ids, ids[..2].to_vec(), "the same claims are compared, in order");
    fresh.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_restores_the_previous_filter() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let all = actions::result_count(c).await;
    actions::click(c, &locators::facet_box("stance", "refutes")).await;
    actions::until("refutes applied", || async { actions::current_url(c).await.contains("stance=refutes") }).await;
    let refutes = actions::result_count(c).await;
    actions::click(c, &locators::facet_box("stance", "supports")).await;
    actions::until("both applied", || async {
        actions::current_url(c).await.contains("refutes%2Csupports") || actions::current_url(c).await.contains("refutes,supports")
    })
    .await;
    c.back().await.unwrap();
    actions::until("back to refutes only", || async { actions::result_count(c).await == refutes }).await;
    let cb = actions::wait_for(c, &locators::facet_box("stance", "supports")).await;
    assert!(!cb.is_selected().await.unwrap(), "the supports box is unticked again");
    c.back().await.unwrap();
    actions::until("back to everything", || async { actions::result_count(c).await == all }).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_link_shows_the_notice_and_a_working_page() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("?stance=<script>alert(1)</script>&cmp=zzz&bogus=1")).await;
    let notice = actions::wait_for(c, locators::URL_NOTICE).await;
    let text = notice.text().await.unwrap();
    assert!(text.contains("bogus"), "names the unknown parameter: {text}");
    checks::no_dialog(c).await;
    checks::count(c, "body script, body img, body iframe", 0).await;
    checks::app_alive(c).await;
    // The page still works: a filter applies.
    let before = actions::result_count(c).await;
    actions::click(c, &locators::facet_box("stance", "refutes")).await;
    actions::until("filter works", || async { actions::result_count(c).await < before }).await;
    s.close().await;
}
