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
