//! Issue 20: the articles' texts are shard files beside the corpus's data file. The page fetches one when it reads
//! an article, not with the page; "Make available offline" fetches every one with a progress bar; the single file
//! downloaded from the page has every text inside.
use fantoccini::Client;

use super::harness::{seeds, Session, TempDir};
use super::pictures::downloaded;
use super::{actions, checks, locators};

/// The names of the files the page itself fetched (its resource timings: the service worker's precaching is not
/// among them).
async fn page_fetches(c: &Client) -> Vec<String> {
    let v = actions::js(c, "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname.split('/').pop());").await;
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap_or_default().to_string()).collect()
}

fn is_text(name: &str) -> bool {
    counterclaim_core::shelf::is_shard_file(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_s_text_is_fetched_when_it_is_read_not_with_the_page() {
    let corpus = seeds();
    let claim = &corpus.claims[0];
    let doc = corpus.document(&claim.doc).unwrap();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let at_load = page_fetches(c).await;
    assert!(at_load.iter().any(|n| n.starts_with("corpus-") && !is_text(n)), "the data file: {at_load:?}");
    assert!(!at_load.iter().any(|n| is_text(n)), "no article's text with the page: {at_load:?}");

    actions::open_app(c, &s.server.url(&format!("?doc={}&claim={}", doc.id, claim.id))).await;
    actions::wait_for(c, &locators::reader_span(&claim.id)).await;
    let read = page_fetches(c).await;
    assert_eq!(read.iter().filter(|n| is_text(n)).count(), 1, "one shard for one article: {read:?}");
    let body = actions::js(c, "return document.querySelector('[data-testid=reader] .reader-body').innerText;").await;
    let last = doc.paragraphs.last().map(|p| doc.paragraph_text(p)).unwrap();
    let tail: String = last.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    assert!(body.as_str().unwrap().contains(tail.trim()), "the whole article, to its last paragraph: {tail:?}");
    checks::app_alive(c).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn focus_on_read_in_article_starts_the_fetch_and_the_click_shares_it() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let shards = || async { page_fetches(c).await.into_iter().filter(|n| is_text(n)).count() };
    assert_eq!(shards().await, 0, "no article's text with the page");
    let card = "[data-testid=claim-list] [data-claim-id]";
    let id = actions::js(c, &format!("return document.querySelector('{card}').dataset.claimId;")).await;
    let id = id.as_str().unwrap().to_string();
    // The focus (or a pointer) on the button, before any click: the article's shard is on its way.
    actions::js(c, &format!("document.querySelector('{card} [data-action=read]').focus(); return 0;")).await;
    actions::until("the focus fetched the article's text", || async { shards().await == 1 }).await;
    checks::count(c, "[data-testid=reader]", 0).await;
    actions::click(c, &format!("{card} [data-action=read]")).await;
    actions::wait_for(c, &locators::reader_span(&id)).await;
    assert_eq!(shards().await, 1, "the click used the text the focus fetched: {:?}", page_fetches(c).await);
    checks::app_alive(c).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn make_available_offline_fetches_every_text_and_the_single_file_holds_them() {
    let corpus = seeds();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, "[data-testid=corpus-switcher] summary").await;
    actions::click(c, "[data-testid=make-offline]").await;
    let done = format!("the texts of all {} articles", corpus.documents.len());
    actions::until("the texts are on this device", || async {
        let status =
            actions::js(c, "const s = document.querySelector('[data-testid=corpus-status]'); return s ? s.textContent : '';").await;
        status.as_str().unwrap_or_default().contains(&done)
    })
    .await;
    checks::count(c, "[data-testid=corpus-progress]", 0).await;
    assert!(page_fetches(c).await.iter().any(|n| is_text(n)), "the shards were fetched by the page");

    // The single file from the page's own corpus: every text merged into its pack, so its reader works from file://.
    actions::click(c, "[data-testid=download-single]").await;
    let html = downloaded(&s.downloads.0, ".html").await;
    let dir = TempDir::new("texts-single");
    let path = dir.0.join("seeds.html");
    std::fs::write(&path, &html).unwrap();
    let claim = corpus.claims.last().unwrap();
    let link = format!("file://{}?doc={}&claim={}", path.display(), claim.doc, claim.id);
    let f = Session::new().await;
    actions::open_app(&f.client, &link).await;
    actions::wait_for(&f.client, &locators::reader_span(&claim.id)).await;
    assert!(!page_fetches(&f.client).await.iter().any(|n| is_text(n)), "nothing fetched from file://");
    f.close().await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offline_menu_and_a_read_article_light_dark_wide_narrow() {
    let corpus = seeds();
    let claim = &corpus.claims[0];
    for (w, h, dark) in [(1280, 900, false), (1280, 900, true), (390, 844, false), (390, 844, true)] {
        let extra: &[&str] = if dark { &["--force-dark-mode"] } else { &[] };
        let s = Session::with_args(super::harness::dist(), "/", (w, h), extra).await;
        let c = &s.client;
        let name = |what: &str| format!("texts-{what}-{w}-{}", if dark { "dark" } else { "light" });
        actions::open_app(c, &s.server.url("")).await;
        actions::click(c, "[data-testid=corpus-switcher] summary").await;
        actions::click(c, "[data-testid=make-offline]").await;
        let status = actions::wait_for(c, "[data-testid=corpus-status]").await;
        let fits = "const d = document.querySelector('[data-testid=corpus-status]').getBoundingClientRect(); return d.left >= 0 && d.right <= innerWidth;";
        assert_eq!(actions::js(c, fits).await, serde_json::json!(true), "the status fits a {w} px screen: {:?}", status.text().await);
        actions::screenshot(c, &name("menu")).await;
        actions::open_app(c, &s.server.url(&format!("?doc={}&claim={}", claim.doc, claim.id))).await;
        actions::wait_for(c, &locators::reader_span(&claim.id)).await;
        actions::screenshot(c, &name("reader")).await;
        s.close().await;
    }
}
