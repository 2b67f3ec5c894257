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

/// A wasm module of one exported function, `f`, that traps (`unreachable`): what a panic is in the shipped wasm.
const TRAP: &str = "new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, \
    3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]))).exports.f";

/// A panic aborts the wasm (a trap, scripts/trunk.sh); the page then says the app hit an internal error, once,
/// while an ordinary script error elsewhere says nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trap_in_the_wasm_is_said_in_the_page() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    checks::app_alive(c).await;
    actions::js(c, "setTimeout(() => { throw new Error('not the app'); }, 0);").await;
    actions::js_async(c, "const done = arguments[0]; setTimeout(done, 100);").await;
    checks::count(c, ".crash", 0).await;
    actions::js(c, &format!("const f = {TRAP}; setTimeout(f, 0); setTimeout(f, 10); Promise.resolve().then(f);")).await;
    let banner = actions::wait_for(c, ".crash[role=alert]").await;
    assert!(banner.text().await.unwrap().contains("internal error"), "the crash banner says what happened");
    actions::js_async(c, "const done = arguments[0]; setTimeout(done, 100);").await;
    checks::count(c, ".crash", 1).await;
    s.close().await;
}
