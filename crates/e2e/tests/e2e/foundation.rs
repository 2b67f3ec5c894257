//! Issue 2: the release build serves the app and the embedded corpus shows up.

use super::{actions, checks, harness::Session, locators};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_seed_documents_are_listed() {
    let s = Session::new().await;
    actions::open(&s.client, &s.server.url(""), locators::DOC_LIST).await;
    let corpus = super::harness::seeds();
    assert_eq!(corpus.documents.len(), 5, "five seed articles");
    checks::count(&s.client, locators::DOC_ITEM, 5).await;
    for d in &corpus.documents {
        let sel = format!("[data-doc-id='{}']", d.id);
        let el = actions::wait_for(&s.client, &sel).await;
        let text = el.text().await.unwrap();
        assert!(text.contains(&d.display_title()), "{}: {text}", d.id);
    }
    actions::screenshot(&s.client, "foundation").await;
    checks::no_dialog(&s.client).await;
    s.close().await;
}

/// A panic aborts the wasm (a trap, scripts/trunk.sh); the page then says the app hit an internal error, once,
/// while an ordinary script error elsewhere says nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trap_in_the_wasm_is_said_in_the_page() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    checks::app_alive(c).await;
    checks::a_trap_is_said(c).await;
    actions::screenshot(c, "crash-notice").await;
    s.close().await;
}
