//! Issue 7: two opposing claims side by side, the same entity marked alike in both, and the link reloads it.
use counterclaim_core::model::Stance;

use super::{actions, checks, harness::Session, locators};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refuting_and_a_supporting_claim_compare_with_shared_entity_marks() {
    let corpus = super::harness::seeds();
    // A refuting Islamic Emirate claim and a supporting Russian one that both name the ISIS entity.
    let pick = |side: &str, stance: Stance| {
        corpus
            .claims
            .iter()
            .find(|c| {
                c.side.as_deref() == Some(side) && c.stance == stance && c.entities.iter().any(|e| e == "isis") && !c.stance_cues.is_empty()
            })
            .unwrap_or_else(|| panic!("a {stance:?} claim of side {side} about isis"))
    };
    let (a, b) = (pick("islamic-emirate", Stance::Refutes), pick("russia", Stance::Supports));
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("?side=islamic-emirate&stance=refutes&entity=isis")).await;
    actions::click(c, &locators::card_action(&a.id, "compare")).await;
    // From the tray, the opposing suggestions lead to the other claim.
    actions::click(c, "[data-testid=facets] [data-testid=clear-all]").await;
    actions::until("filters cleared", || async { actions::result_count(c).await == corpus.claims.len() }).await;
    actions::click(c, &locators::card_action(&b.id, "compare")).await;
    actions::wait_for(c, locators::COMPARE).await;
    for id in [&a.id, &b.id] {
        let col = format!("[data-testid=compare] [data-claim-id='{id}']");
        actions::wait_for(c, &col).await;
        let ents = actions::all(c, &format!("{col} mark[data-entity=isis]")).await;
        assert!(!ents.is_empty(), "column {id} marks the ISIS entity");
        let cues = actions::all(c, &format!("{col} mark[data-cue]")).await;
        assert!(!cues.is_empty(), "column {id} marks its stance cues");
    }
    let url = actions::url_when(c, "the comparison reaches the address", |u| u.contains(&a.id) && u.contains(&b.id)).await;
    assert!(url.contains(&a.id) && url.contains(&b.id), "the URL carries both ids: {url}");
    actions::screenshot(c, "compare").await;
    c.refresh().await.unwrap();
    actions::wait_for(c, locators::COMPARE).await;
    checks::count(c, locators::COMPARE_COL, 2).await;
    let cols = actions::all(c, locators::COMPARE_COL).await;
    assert_eq!(actions::attr(&cols[0], "data-claim-id").await, a.id);
    assert_eq!(actions::attr(&cols[1], "data-claim-id").await, b.id);
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_picked_claim_offers_opposing_claims_one_click_away() {
    let corpus = super::harness::seeds();
    let a = corpus.claims.iter().find(|c| c.stance == Stance::Refutes && !c.entities.is_empty()).expect("a refuting claim");
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url(&format!("?cmp={}", a.id))).await;
    actions::wait_for(c, locators::OPPOSING).await;
    actions::click(c, "[data-testid=opposing] [data-action=compare-pair]").await;
    actions::wait_for(c, locators::COMPARE).await;
    let cols = actions::all(c, locators::COMPARE_COL).await;
    assert_eq!(cols.len(), 2);
    assert_eq!(actions::attr(&cols[0], "data-claim-id").await, a.id);
    assert_eq!(actions::attr(&cols[1], "data-stance").await, "supports", "the suggestion disagrees");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_articles_compare_side_by_side_with_every_claim_in_its_own_column() {
    let corpus = super::harness::seeds();
    // The two articles with the most claims.
    let mut docs: Vec<(String, usize)> =
        corpus.documents.iter().map(|d| (d.id.clone(), corpus.claims.iter().filter(|c| c.doc == d.id).count())).collect();
    docs.sort_by_key(|x| std::cmp::Reverse(x.1));
    let (a, b) = (docs[0].0.clone(), docs[1].0.clone());
    assert!(docs[1].1 > 0, "two articles with claims");
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let pick = |d: &str| format!("[data-testid=doc-list] li[data-doc-id='{d}'] [data-action=compare-doc]");
    actions::click(c, &pick(&a)).await;
    actions::click(c, &pick(&b)).await;
    actions::wait_for(c, "[data-testid=doc-compare]").await;
    let rows = actions::js(
        c,
        "return Array.from(document.querySelectorAll('[data-testid=doc-compare] tbody tr')).map(tr =>
           [1, 2].map(k => Array.from(tr.children[k].querySelectorAll('[data-claim-id]')).map(e => e.getAttribute('data-claim-id'))));",
    )
    .await;
    let rows: Vec<Vec<Vec<String>>> = serde_json::from_value(rows).unwrap();
    assert!(!rows.is_empty(), "aligned rows are shown");
    // Left column: the first article's claims, right: the second's; each claim exactly once.
    let shown = |k: usize| {
        let mut v: Vec<String> = rows.iter().flat_map(|r| r[k].clone()).collect();
        v.sort();
        v
    };
    let of = |d: &str| {
        let mut v: Vec<String> = corpus.claims.iter().filter(|c| c.doc == d).map(|c| c.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(shown(0), of(&a), "left column: every claim of {a}, once");
    assert_eq!(shown(1), of(&b), "right column: every claim of {b}, once");
    actions::screenshot(c, "doc-compare").await;
    // The comparison is part of the link.
    let has = |u: &str| u.contains(&format!("cmpdocs={a}%2C{b}")) || u.contains(&format!("cmpdocs={a},{b}"));
    let url = actions::url_when(c, "the comparison reaches the address", has).await;
    assert!(has(&url), "{url}");
    c.refresh().await.unwrap();
    actions::wait_for(c, "[data-testid=doc-compare]").await;
    checks::count(c, "[data-testid=doc-compare] tbody tr", rows.len()).await;
    s.close().await;
}
