//! Issue 5: facets, alias-aware search and the reader, driven in Chromium and checked against the core.
use counterclaim_core::model::Stance;

use super::{actions, checks, harness::Session, locators};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stance_filter_shows_only_refuting_claims_and_the_count_matches() {
    let corpus = super::harness::seeds();
    let refuting = corpus.claims.iter().filter(|c| c.stance == Stance::Refutes).count();
    assert!(refuting > 0, "the seeds have refuting claims");
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    assert_eq!(actions::result_count(c).await, corpus.claims.len());
    actions::click(c, &locators::facet_box("stance", "refutes")).await;
    actions::until("the list is filtered", || async { actions::result_count(c).await == refuting }).await;
    actions::url_when(c, "the filter reaches the address", |u| u.contains("stance=refutes")).await;
    let cards = actions::all(c, locators::CARD).await;
    assert_eq!(cards.len(), refuting.min(50), "one card per refuting claim");
    for e in &cards {
        assert_eq!(actions::attr(e, "data-stance").await, "refutes");
    }
    // The browser tab follows the view once it settles.
    let title = format!("Claims ({refuting}) · Counterclaim");
    let now = || async { actions::js(c, "return document.title;").await.as_str().unwrap_or_default().to_string() };
    actions::until("the title names the filtered view", || async { now().await == title }).await;
    actions::screenshot(c, "explorer-refutes").await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searching_isis_finds_the_claims_that_say_daesh() {
    let corpus = super::harness::seeds();
    let daesh: Vec<&str> = corpus.claims.iter().filter(|c| c.text.contains("Daesh")).map(|c| c.id.as_str()).collect();
    assert!(!daesh.is_empty(), "some claim says Daesh");
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::search(c, "ISIS").await;
    actions::until("the search narrows the list", || async { actions::result_count(c).await < corpus.claims.len() }).await;
    let shown = actions::card_ids(c).await;
    for id in &daesh {
        assert!(shown.iter().any(|s| s == id), "claim {id} (says Daesh) is found by ISIS");
    }
    // Every shown card has a highlighted match.
    for id in &shown {
        let hits = actions::all(c, &format!("{} mark[data-hit]", locators::card(id))).await;
        assert!(!hits.is_empty(), "card {id} shows what matched");
    }
    actions::screenshot(c, "explorer-search-isis").await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_a_claim_shows_the_reader_with_its_span_highlighted() {
    let corpus = super::harness::seeds();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let ids = actions::card_ids(c).await;
    let id = ids.get(1).or(ids.first()).expect("claims are shown").clone();
    let claim = corpus.claim(&id).expect("the card's claim is in the corpus");
    actions::click(c, &locators::card_action(&id, "read")).await;
    let reader = actions::wait_for(c, locators::READER).await;
    assert_eq!(actions::attr(&reader, "data-doc-id").await, claim.doc);
    let span = actions::wait_for(c, &locators::reader_span(&id)).await;
    assert!(actions::attr(&span, "class").await.contains("active"), "the opened claim is highlighted");
    let doc = corpus.document(&claim.doc).unwrap();
    let want: String = doc.body[claim.start..claim.end].split_whitespace().collect::<Vec<_>>().join(" ");
    let got: String = span.text().await.unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(got, want, "the highlighted span is the claim's span of the body");
    let has = |u: &str| u.contains(&format!("doc={}", claim.doc)) && u.contains(&format!("claim={id}"));
    let url = actions::url_when(c, "the reader reaches the address", has).await;
    assert!(has(&url), "{url}");
    actions::screenshot(c, "explorer-reader").await;
    checks::no_dialog(c).await;
    s.close().await;
}
