//! Issue 10: a long claim list in the real app. A site is built over the seeds repeated twelve times
//! (~490 claims); the list is virtualised (a screenful of cards in the DOM), follows the scroll to the last
//! claim, and keyboard users can Tab through more cards than are rendered at once.
use std::path::PathBuf;
use std::sync::OnceLock;

use counterclaim_core::view::ViewState;

use super::harness::{root, site_corpus, site_from, Session};
use super::{actions, locators};

const COPIES: usize = 12;

/// `corpus.toml` and every seed article `COPIES` times under new names (a trailer keeps the copies distinct).
fn files() -> Vec<(String, Vec<u8>)> {
    let r = root();
    let mut out = vec![("corpus.toml".to_string(), std::fs::read(r.join("seeds/corpus.toml")).unwrap())];
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(r.join("seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for k in 0..COPIES {
        for p in &seeds {
            let mut bytes = std::fs::read(p).unwrap();
            bytes.extend_from_slice(format!("\n\nCopy {k}\n").as_bytes());
            out.push((format!("c{k:02}_{}", p.file_name().unwrap().to_string_lossy()), bytes));
        }
    }
    out
}

fn long_site() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| site_from("long", &files())).clone()
}

/// The claim ids of the default view, in order, computed natively from the same files.
fn expected_order() -> Vec<String> {
    long_site();
    let corpus = site_corpus("long");
    let index = counterclaim_builder::index::build(&corpus);
    index.query(&corpus, &ViewState::default()).claims.iter().map(|&i| corpus.claims[i].id.clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_list_is_virtualised_scrolls_to_the_end_and_tabs_through() {
    let order = expected_order();
    assert!(order.len() > 300, "a long list: {} claims", order.len());
    let s = Session::with(long_site(), "/", (1280, 900)).await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    assert_eq!(actions::result_count(c).await, order.len());
    let top = actions::card_ids(c).await;
    assert!(!top.is_empty() && top.len() < 40, "{} cards in the DOM for {} claims", top.len(), order.len());
    assert_eq!(top, order[..top.len()], "the first claims, in order");

    // Keyboard: Tab from the first card's first button through far more cards than are rendered at once.
    actions::js(c, &format!("document.querySelector(\"{} button\").focus(); return true;", locators::CARD)).await;
    for _ in 0..(top.len() * 5) {
        c.active_element().await.unwrap().send_keys("\u{E004}").await.unwrap();
    }
    let focused = actions::js(c, "const a = document.activeElement; const card = a && a.closest('[data-claim-id]'); return card ? card.getAttribute('data-claim-id') : null;").await;
    let focused = focused.as_str().unwrap_or_else(|| panic!("focus left the claim list after Tab: {focused}")).to_string();
    let at = order.iter().position(|id| *id == focused).expect("the focused card is a claim of the list");
    assert!(at >= top.len(), "Tab reached claim {at}, beyond the {} first rendered", top.len());
    assert!(actions::card_ids(c).await.len() < 40, "still only a screenful of cards in the DOM");

    // Scrolled to the bottom, the last claims are rendered, ending with the last one.
    actions::js(c, "window.scrollTo(0, document.body.scrollHeight); return true;").await;
    actions::until("the last claim is rendered", || async { actions::card_ids(c).await.last() == order.last() }).await;
    let bottom = actions::card_ids(c).await;
    assert!(bottom.len() < 40, "{} cards in the DOM at the bottom", bottom.len());
    let from = order.len() - bottom.len();
    assert_eq!(bottom, order[from..], "the last claims, in order");
    actions::screenshot(c, "long-list-bottom").await;
    s.close().await;
}
