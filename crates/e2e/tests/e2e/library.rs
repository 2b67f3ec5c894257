//! Issue 19, done when: articles imported in the page are kept (a reload, then offline), a stance correction on them
//! persists and changes the stance facet, "Download as a single file" opened from file:// in a fresh browser profile
//! shows the imported corpus with the correction, and no request left 127.0.0.1; a link into a corpus this browser
//! does not have says so and offers the built-in one.
use counterclaim_core::model::Stance;
use fantoccini::Client;

use super::corrections::{open_menu, stance_count};
use super::harness::{Session, TempDir};
use super::offline::{no_csp_violation, postbuilt, wait_controlled};
use super::pictures::downloaded;
use super::{actions, locators};

/// The documents the page lists.
async fn doc_ids(c: &Client) -> Vec<String> {
    let mut v = Vec::new();
    for e in actions::all(c, locators::DOC_ITEM).await {
        v.push(actions::attr(&e, "data-doc-id").await);
    }
    v.sort();
    v
}

/// Wait until the page lists exactly the two imported documents.
async fn shows_the_import(c: &Client) {
    actions::wait_for(c, locators::APP_COMPLETE).await;
    actions::until("the imported documents are listed", || async { doc_ids(c).await == ["dam", "reservoir"] }).await;
}

/// Every resource the page fetched, outside `origin`.
async fn foreign_requests(c: &Client, origin: &str) -> Vec<String> {
    let all = actions::js(c, "return performance.getEntriesByType('resource').map(e => e.name);").await;
    all.as_array().unwrap().iter().filter_map(|v| v.as_str()).filter(|n| !n.starts_with(origin)).map(String::from).collect()
}

/// Change the stance of the first card; returns (claim id, new stance).
async fn correct_first(c: &Client) -> (String, Stance) {
    let id = actions::card_ids(c).await.into_iter().next().expect("an imported claim");
    let was = actions::attr(&actions::wait_for(c, &locators::card(&id)).await, "data-stance").await;
    let now = Stance::ALL.into_iter().find(|s| s.as_str() != was).unwrap();
    let before = stance_count(c, now.as_str()).await;
    open_menu(c, &id).await;
    let select = actions::wait_for(c, &format!("{} [data-testid=correct-stance]", locators::card(&id))).await;
    select.select_by_value(now.as_str()).await.unwrap();
    actions::until("the facet counts the correction", || async { stance_count(c, now.as_str()).await == before + 1 }).await;
    (id, now)
}

/// The card `id` says it was corrected to `now`.
async fn shows_correction(c: &Client, id: &str, now: Stance) {
    actions::wait_for(c, &format!("{} [data-testid=corrected]", locators::card(id))).await;
    assert_eq!(actions::attr(&actions::wait_for(c, &locators::card(id)).await, "data-stance").await, now.as_str());
}

/// The import worker's files in the service worker's caches.
const CACHED_WORKER_FILES: &str = "const done = arguments[arguments.length - 1];
    caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys()))))
      .then((lists) => done(lists.flat().map((r) => r.url).filter((u) => u.includes('counterclaim-worker'))));";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_is_kept_offline_corrected_and_handed_on_as_one_file() {
    let dist = postbuilt();
    let (_dir, paths) = super::import::fixtures();
    let s = Session::with(dist.clone(), "/", (1280, 900)).await;
    let c = &s.client;
    let origin = s.server.url("").trim_end_matches('/').to_string();
    actions::open_app(c, &s.server.url("")).await;
    wait_controlled(c).await;
    super::import::import(c, &paths).await;
    actions::click(c, "[data-testid=import-close]").await;
    shows_the_import(c).await;
    actions::until("the address names the corpus", || async { actions::current_url(c).await.contains("corpus=") }).await;
    let link = actions::current_url(c).await;
    // Back and forward move between the built-in corpus and the import.
    let builtin = super::harness::seeds().documents.len();
    actions::js(c, "history.back(); return true;").await;
    actions::until("back shows the built-in corpus", || async { doc_ids(c).await.len() == builtin }).await;
    actions::js(c, "history.forward(); return true;").await;
    shows_the_import(c).await;

    // Kept: a reload of the link, and of the bare page through the corpus menu.
    actions::open_app(c, &link).await;
    shows_the_import(c).await;
    let (claim, now) = correct_first(c).await;
    actions::open_app(c, &link).await;
    shows_the_import(c).await;
    shows_correction(c, &claim, now).await;

    // Handed on: the single file, with the correction written in.
    actions::click(c, "[data-testid=corpus-switcher] summary").await;
    let listed = actions::all(c, "[data-testid=corpus-switcher] li[data-corpus-id]").await.len();
    assert_eq!(listed, 2, "the built-in corpus and the import");
    actions::screenshot(c, "corpus-menu-1280").await;
    actions::click(c, "[data-testid=download-single]").await;
    let html = downloaded(&s.downloads.0, ".html").await;
    assert!(html.contains("data-corpus-id="), "the single file names its corpus for links");
    let file = TempDir::new("handed-on");
    let path = file.0.join("corpus.html");
    std::fs::write(&path, &html).unwrap();

    // Offline: the server goes away, the corpus is still there.
    s.server.stop();
    actions::until("the server is gone", || async { std::net::TcpStream::connect(("127.0.0.1", s.server.port)).is_err() }).await;
    actions::open_app(c, &link).await;
    shows_the_import(c).await;
    shows_correction(c, &claim, now).await;
    assert_eq!(foreign_requests(c, &origin).await, Vec::<String>::new(), "no request left {origin}");
    no_csp_violation(c).await;
    // Not precached, but kept once used: the next import works offline too.
    let cached = actions::js_async(c, CACHED_WORKER_FILES).await;
    assert_eq!(cached.as_array().map(Vec::len), Some(3), "the worker's loader, glue and wasm are cached: {cached}");
    s.close().await;

    // A colleague opens the file from file://, in a fresh profile, offline.
    let s = Session::new().await;
    let c = &s.client;
    let url = format!("file://{}", path.display());
    actions::open_app(c, &url).await;
    shows_the_import(c).await;
    shows_correction(c, &claim, now).await;
    let fragment = link.split_once('?').map(|(_, q)| q).unwrap();
    actions::open_app(c, &format!("{url}#{fragment}")).await;
    shows_the_import(c).await;
    assert_eq!(actions::all(c, "[data-testid=missing-corpus]").await.len(), 0, "the link's corpus is the file's own");
    assert_eq!(foreign_requests(c, "file://").await, Vec::<String>::new(), "the file fetches nothing");
    actions::screenshot(c, "handed-on-single-file").await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_into_a_corpus_this_browser_does_not_have_says_so_and_offers_the_built_in_one() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open(c, &s.server.url("?v=1&corpus=0123456789ab"), "[data-testid=missing-corpus]").await;
    let text = actions::wait_for(c, "[data-testid=missing-corpus]").await.text().await.unwrap();
    assert!(text.contains("does not have") && text.contains("0123456789ab"), "{text}");
    actions::click(c, "[data-testid=open-builtin]").await;
    actions::wait_for(c, locators::APP_COMPLETE).await;
    assert_eq!(doc_ids(c).await.len(), super::harness::seeds().documents.len(), "the built-in corpus");
    assert!(!actions::current_url(c).await.contains("corpus="));
    actions::screenshot(c, "missing-corpus").await;
    s.close().await;
    for dark in [false, true] {
        let extra: &[&str] = if dark { &["--force-dark-mode"] } else { &[] };
        let s = Session::with_args(super::harness::dist(), "/", (390, 844), extra).await;
        let c = &s.client;
        actions::open_app(c, &s.server.url("")).await;
        actions::click(c, "[data-testid=corpus-switcher] summary").await;
        let fits =
            "const d = document.querySelector('.corpus-items').getBoundingClientRect(); return d.left >= 0 && d.right <= innerWidth;";
        assert_eq!(actions::js(c, fits).await, serde_json::json!(true), "the corpus menu fits a phone");
        actions::screenshot(c, &format!("corpus-menu-390-{}", if dark { "dark" } else { "light" })).await;
        actions::click(c, "[data-testid=settings-open]").await;
        actions::wait_for(c, "[data-testid=settings-editor]").await;
        actions::screenshot(c, &format!("settings-390-{}", if dark { "dark" } else { "light" })).await;
        let people = "const p = document.querySelectorAll('[data-testid=settings-people] [data-testid=settings-person]'); \
            if (p.length) p[0].scrollIntoView(); return p.length;";
        let n = actions::js(c, people).await.as_u64().unwrap_or(0) as usize;
        assert_eq!(n, super::harness::seeds().config.actors.len(), "the editor starts from the corpus's known people");
        actions::screenshot(c, &format!("settings-people-390-{}", if dark { "dark" } else { "light" })).await;
        s.close().await;
    }
}
