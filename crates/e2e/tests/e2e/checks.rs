//! What must hold: assertions over the page, with messages that say what was seen.
#![allow(dead_code)]
use fantoccini::Client;

use super::{actions, locators};

/// Exactly `n` elements match `css`.
pub async fn count(c: &Client, css: &str, n: usize) {
    let got = actions::all(c, css).await.len();
    assert_eq!(got, n, "expected {n} × {css}, found {got}");
}

/// No JavaScript dialog (alert/confirm/prompt) is open.
pub async fn no_dialog(c: &Client) {
    assert!(c.get_alert_text().await.is_err(), "a dialog was opened: script ran");
}

/// The page is alive: the app rendered its whole first view (result count included) and has no crash banner.
pub async fn app_alive(c: &Client) {
    actions::wait_for(c, locators::APP_COMPLETE).await;
    actions::wait_for(c, locators::RESULT_COUNT).await;
    count(c, ".crash", 0).await;
}

/// The cards shown are exactly `ids`, in this order.
pub async fn cards_are(c: &Client, ids: &[String]) {
    let got = actions::card_ids(c).await;
    assert_eq!(got, ids, "claim cards shown");
}

/// A wasm module of one exported function, `f`, that traps (`unreachable`): what a panic is in the shipped wasm.
const TRAP: &str = "new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, \
    3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]))).exports.f";

/// An ordinary script error shows nothing; a real trap, from a timer and from a promise, shows the crash notice,
/// once. (It ends the page's usefulness: check it last.)
pub async fn a_trap_is_said(c: &Client) {
    actions::js(c, "setTimeout(() => { throw new Error('not the app'); }, 0);").await;
    actions::js_async(c, "const done = arguments[0]; setTimeout(done, 100);").await;
    count(c, ".crash", 0).await;
    actions::js(c, &format!("const f = {TRAP}; setTimeout(f, 0); setTimeout(f, 10); Promise.resolve().then(f);")).await;
    let banner = actions::wait_for(c, ".crash[role=alert]").await;
    assert!(banner.text().await.unwrap().contains("internal error"), "the crash notice says what happened");
    actions::js_async(c, "const done = arguments[0]; setTimeout(done, 100);").await;
    count(c, ".crash", 1).await;
}
