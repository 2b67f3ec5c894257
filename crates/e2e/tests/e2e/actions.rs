//! What a user does: open a link, wait for the app, click, type.
#![allow(dead_code)]
use std::time::{Duration, Instant};

use fantoccini::{elements::Element, Client, Locator};

use super::locators;

/// Navigate and wait until the app has mounted (`ready` is present).
pub async fn open(c: &Client, url: &str, ready: &str) {
    c.goto(url).await.expect("navigate");
    wait_for(c, ready).await;
}

/// Open the explorer at `url` and wait for the result count.
pub async fn open_app(c: &Client, url: &str) {
    open(c, url, locators::APP_COMPLETE).await;
}

/// Wait up to 15 s for an element.
pub async fn wait_for(c: &Client, css: &str) -> Element {
    c.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(css)).await.unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
}

/// Wait until `f` holds (polled every 50 ms, at most 10 s).
pub async fn until<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let t0 = Instant::now();
    while !f().await {
        assert!(t0.elapsed() < Duration::from_secs(10), "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn all(c: &Client, css: &str) -> Vec<Element> {
    c.find_all(Locator::Css(css)).await.unwrap_or_default()
}

pub async fn attr(e: &Element, name: &str) -> String {
    e.attr(name).await.ok().flatten().unwrap_or_default()
}

pub async fn click(c: &Client, css: &str) {
    wait_for(c, css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// The ids of the claim cards shown, in order.
pub async fn card_ids(c: &Client) -> Vec<String> {
    let mut ids = Vec::new();
    for e in all(c, locators::CARD).await {
        ids.push(attr(&e, "data-claim-id").await);
    }
    ids
}

/// The number in `[data-testid=result-count]`.
pub async fn result_count(c: &Client) -> usize {
    let t = wait_for(c, locators::RESULT_COUNT).await.text().await.unwrap();
    t.trim().parse().unwrap_or_else(|_| panic!("result count is not digits: {t:?}"))
}

/// Type into the search box and wait for the debounce to pass.
pub async fn search(c: &Client, q: &str) {
    let el = wait_for(c, locators::SEARCH).await;
    el.clear().await.unwrap();
    el.send_keys(q).await.unwrap();
    let want = q.to_string();
    until("the query reaches the URL", || async { current_url(c).await.contains("q=") || want.is_empty() }).await;
}

/// The address once `ok` holds for it (the app writes the address after the frame that shows the view).
pub async fn url_when(c: &Client, what: &str, ok: impl Fn(&str) -> bool) -> String {
    until(what, || async { ok(&current_url(c).await) }).await;
    current_url(c).await
}

pub async fn current_url(c: &Client) -> String {
    c.current_url().await.map(|u| u.to_string()).unwrap_or_default()
}

/// Run a script in the page and return its JSON result.
pub async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}"))
}

/// Run a script that calls its callback (the last argument) with a result.
pub async fn js_async(c: &Client, script: &str) -> serde_json::Value {
    c.execute_async(script, vec![]).await.unwrap_or_else(|e| panic!("async script failed: {e}"))
}

/// Save a PNG screenshot under target/screenshots/ (for looking at, not for asserting).
pub async fn screenshot(c: &Client, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let dir = super::harness::root().join("target/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}
