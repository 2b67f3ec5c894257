//! Issue 19, outside the browser: `counterclaim site` turns a folder of invented articles on an invented
//! question into a static site from the prebuilt `dist/` (no Trunk, no wasm build). Served on 127.0.0.1 it
//! shows those claims, none of the seeds', and works offline after one visit; its single file opens from
//! `file://`.
use std::path::PathBuf;
use std::sync::OnceLock;

use counterclaim_core::corpus::Corpus;
use fantoccini::Client;

use super::harness::{counterclaim, root, Session};
use super::offline::{no_csp_violation, postbuilt, wait_controlled};
use super::{actions, checks, locators};

/// The invented articles (shared with the CLI's test).
fn invented() -> PathBuf {
    root().join("crates/cli/tests/invented")
}

/// The site `counterclaim site` writes from them into `target/dist-invented/`, and its single file (the
/// default: beside it, `target/dist-invented-single/counterclaim.html`); made once per test run.
fn invented_site() -> (PathBuf, PathBuf) {
    static BUILT: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let app = postbuilt();
            let out = root().join("target/dist-invented");
            let (src, to, from) = (invented().display().to_string(), out.display().to_string(), app.display().to_string());
            let st = counterclaim(&["site", &src, "--out", &to, "--app", &from]).status().expect("run counterclaim site");
            assert!(st.success(), "counterclaim site failed");
            (out, root().join("target/dist-invented-single/counterclaim.html"))
        })
        .clone()
}

fn corpus() -> Corpus {
    counterclaim_builder::load::load(&invented()).expect("the invented articles")
}

/// The page shows the invented corpus: its question, every claim, its speakers, and no seed article.
async fn shows_the_invented_corpus(c: &Client, corpus: &Corpus) {
    assert!(corpus.claims.len() >= 4, "the invented articles give claims: {}", corpus.claims.len());
    assert_eq!(actions::result_count(c).await, corpus.claims.len(), "every invented claim");
    checks::count(c, locators::CARD, corpus.claims.len()).await;
    checks::count(c, locators::DOC_ITEM, corpus.documents.len()).await;
    let question = actions::js(c, "return document.querySelector('.question').textContent;").await;
    assert_eq!(question, serde_json::json!(corpus.config.question));
    let cards = actions::js(
        c,
        "return [...document.querySelectorAll('[data-testid=claim-list] [data-claim-id]')].map(e => e.innerText).join('\\n');",
    )
    .await;
    let cards = cards.as_str().unwrap();
    for speaker in ["Ilse Marrowby", "Dario Wendt"] {
        assert!(cards.contains(speaker), "{speaker} on a card: {cards}");
    }
    let seeds = super::harness::seeds();
    let page = actions::js(c, "return document.body.innerText;").await;
    let seed_titles: Vec<&String> = seeds.documents.iter().filter_map(|d| d.title.as_ref()).collect();
    let shown: Vec<&&String> = seed_titles.iter().filter(|t| page.as_str().unwrap().contains(t.as_str())).collect();
    assert!(!seed_titles.is_empty() && shown.is_empty(), "no seed article: {shown:?}");
    checks::app_alive(c).await;
    no_csp_violation(c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_made_by_counterclaim_site_serves_the_invented_claims_and_works_offline() {
    let (out, _) = invented_site();
    let corpus = corpus();
    let s = Session::with(out.clone(), "/", (1280, 900)).await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    shows_the_invented_corpus(c, &corpus).await;
    let served: Vec<String> = s.server.served().iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
    assert!(served.iter().any(|p| p.starts_with("corpus-") && p.ends_with(".pack")), "the data file was fetched: {served:?}");
    actions::screenshot(c, "site-invented").await;

    wait_controlled(c).await;
    s.server.stop();
    actions::until("the server is gone", || async { std::net::TcpStream::connect(("127.0.0.1", s.server.port)).is_err() }).await;
    actions::open_app(c, &s.server.url("?stance=refutes")).await;
    let refutes = corpus.claims.iter().filter(|c| c.stance == counterclaim_core::model::Stance::Refutes).count();
    actions::until("the offline link shows the refuting claims", || async { actions::result_count(c).await == refutes }).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_file_of_a_counterclaim_site_opens_from_a_file_url() {
    let (_, single) = invented_site();
    let corpus = corpus();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &format!("file://{}", single.display())).await;
    shows_the_invented_corpus(c, &corpus).await;
    checks::count(c, "script[src], link[rel=stylesheet], link[rel=manifest], link[rel=modulepreload], link#corpus", 0).await;
    let policy = actions::js(c, "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content;").await;
    assert!(policy.as_str().unwrap().starts_with("default-src 'none'"), "the single file's own CSP: {policy}");
    actions::screenshot(c, "site-invented-single").await;
    s.close().await;
}
