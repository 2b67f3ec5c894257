//! Issue 18: what the reader sees must be right — the phone reader, search history, keys, the comparison's
//! limit and count, literal and alias-aware search, and timeline marks at their dates.
use counterclaim_core::view::ViewState;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};

use super::{actions, harness::Session, locators};

/// The claim whose span starts furthest into the longest document (to be reached, the reader must scroll).
fn deep_claim(corpus: &counterclaim_core::corpus::Corpus) -> (String, String) {
    let c =
        corpus.claims.iter().max_by_key(|c| (corpus.document(&c.doc).map_or(0, |d| d.body.len()), c.start)).expect("the seeds have claims");
    (c.doc.clone(), c.id.clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_on_a_phone_fills_the_screen_and_scrolls_itself_to_the_claim() {
    let corpus = super::harness::seeds();
    let (doc, id) = deep_claim(&corpus);
    let s = Session::with(super::harness::dist(), "/", (390, 844)).await;
    let c = &s.client;
    actions::open_app(c, &s.server.url(&format!("?doc={doc}&claim={id}"))).await;
    actions::wait_for(c, &locators::reader_span(&id)).await;
    let script = format!(
        "const r = document.querySelector('[data-testid=reader]'); const m = document.querySelector(\"{}\");
         const a = r.getBoundingClientRect(), b = m.getBoundingClientRect();
         return [a.top, a.bottom, innerHeight, r.scrollTop, r.scrollHeight, r.clientHeight, b.top, b.bottom];",
        locators::reader_span(&id)
    );
    let geometry = || async { actions::js(c, &script).await.as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect::<Vec<f64>>() };
    actions::until("the reader scrolled to the claim", || async {
        let g = geometry().await;
        g[6] >= 0.0 && g[7] <= g[2]
    })
    .await;
    let g = geometry().await;
    let (top, bottom, vh, scroll_top, scroll_h, client_h) = (g[0], g[1], g[2], g[3], g[4], g[5]);
    assert!(top.abs() < 1.0 && (bottom - vh).abs() < 1.0, "the reader covers the screen exactly: {top}..{bottom} of {vh}");
    assert!(scroll_h > client_h + 100.0, "the article is longer than the screen and scrolls inside the reader");
    assert!(scroll_top > 0.0, "the reader scrolled itself to the claim");
    actions::screenshot(c, "reader-390").await;
    // Scrolling reaches the end of the article.
    actions::js(c, "const r = document.querySelector('[data-testid=reader]'); r.scrollTop = r.scrollHeight;").await;
    let end = actions::js(
        c,
        "const r = document.querySelector('[data-testid=reader]'); return r.scrollTop + r.clientHeight >= r.scrollHeight - 2;",
    )
    .await;
    assert_eq!(end, serde_json::json!(true), "the end of the article can be reached");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_search_gets_its_own_history_entry_so_back_keeps_the_filters() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, &locators::facet_box("stance", "refutes")).await;
    actions::until("refutes applied", || async { actions::current_url(c).await.contains("stance=refutes") }).await;
    let refutes = actions::result_count(c).await;
    actions::search(c, "dae").await;
    actions::search(c, "daesh").await;
    actions::until("the search applied", || async { actions::current_url(c).await.contains("q=daesh") }).await;
    c.back().await.unwrap();
    actions::until("back to the filter before the search", || async {
        let u = actions::current_url(c).await;
        u.contains("stance=refutes") && !u.contains("q=")
    })
    .await;
    actions::until("the count of the filter alone", || async { actions::result_count(c).await == refutes }).await;
    let q = actions::wait_for(c, locators::SEARCH).await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(q, "", "the search box follows Back");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_focuses_the_search_without_typing_a_slash() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::js(c, "document.activeElement && document.activeElement.blur(); document.getElementById('main').focus();").await;
    let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: '/' }).then(KeyAction::Up { value: '/' });
    c.perform_actions(keys).await.unwrap();
    actions::until("the search box has the focus", || async {
        actions::js(c, "return document.activeElement && document.activeElement.dataset.testid === 'search';").await
            == serde_json::json!(true)
    })
    .await;
    let q = actions::wait_for(c, locators::SEARCH).await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(q, "", "no '/' typed into the box");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fifth_claim_is_refused_with_a_message_and_the_count_stays_in_view() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let ids = actions::card_ids(c).await;
    assert!(ids.len() >= 5, "five cards on the first screen");
    actions::open_app(c, &s.server.url(&format!("?cmp={}", ids[..4].join(",")))).await;
    actions::wait_for(c, locators::COMPARE).await;
    let fifth = locators::card_action(&ids[4], "compare");
    let button = actions::wait_for(c, &fifth).await;
    assert!(button.text().await.unwrap().contains("full"), "the fifth card says the comparison is full");
    actions::click(c, &fifth).await;
    let url = actions::current_url(c).await;
    assert!(url.contains(&ids[0]) && !url.contains(&ids[4]), "nothing dropped, nothing added: {url}");
    actions::wait_for(c, "[data-testid=compare-full]").await;
    // Scrolled far below the comparison, the count is still on screen and leads back to it.
    actions::js(c, "window.scrollTo(0, document.body.scrollHeight);").await;
    let seen = "const e = document.querySelector('[data-testid=compare-count]'); const r = e.getBoundingClientRect();
                return [e.textContent, r.top >= 0 && r.bottom <= innerHeight];";
    assert_eq!(actions::js(c, seen).await, serde_json::json!(["4", true]), "the count is visible wherever the page is");
    actions::click(c, "[data-action=show-compare]").await;
    actions::until("the comparison is brought into view", || async {
        let js =
            "const r = document.querySelector('[data-testid=compare]').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;";
        actions::js(c, js).await == serde_json::json!(true)
    })
    .await;
    actions::screenshot(c, "compare-full").await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quoted_name_is_literal_and_the_result_bar_says_what_an_unquoted_one_matches() {
    let corpus = super::harness::seeds();
    let index = counterclaim_builder::index::build(&corpus);
    let count = |q: &str| index.query(&corpus, &ViewState { q: q.into(), ..ViewState::default() }).claims.len();
    let (literal, expanded) = (count("\"ISIS-K\""), count("ISIS-K"));
    assert!(0 < literal && literal < expanded, "the seeds tell the two apart: {literal} vs {expanded}");
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::search(c, "ISIS-K").await;
    actions::until("the alias-aware count", || async { actions::result_count(c).await == expanded }).await;
    let note = actions::wait_for(c, "[data-testid=search-expansion][data-typed='ISIS-K']").await;
    let text = note.text().await.unwrap();
    assert!(text.contains("Daesh"), "the result bar names the other aliases: {text}");
    actions::click(c, "[data-testid=search-expansion] [data-action=search-literal]").await;
    actions::until("only the literal name", || async { actions::result_count(c).await == literal }).await;
    // The address follows a replaced state after the typing pause (`TYPING_PAUSE_MS`), not in the same task.
    actions::until("the query in the address is now quoted", || async { actions::current_url(c).await.contains("q=%22ISIS-K%22") }).await;
    for id in actions::card_ids(c).await {
        let text = corpus.claim(&id).unwrap().text.to_lowercase();
        assert!(text.contains("isis-k") || text.contains("isis k"), "{id} says ISIS-K: {text}");
    }
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_marks_sit_at_their_date_and_never_on_top_of_each_other() {
    let corpus = super::harness::seeds();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("?view=timeline")).await;
    actions::wait_for(c, "[data-testid=timeline] [data-claim-id]").await;
    let js = "return [...document.querySelectorAll('[data-testid=timeline] [data-claim-id]')].map(g => {
                const r = g.getBoundingClientRect(); return [g.dataset.claimId, r.left, r.right, r.top, r.bottom]; });";
    let marks: Vec<(String, f64, f64, f64, f64)> = actions::js(c, js)
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| {
            let f = |i: usize| m[i].as_f64().unwrap();
            let date = corpus.claim(m[0].as_str().unwrap()).and_then(|c| c.date)?.iso();
            Some((date, f(1), f(2), f(3), f(4)))
        })
        .collect();
    assert!(marks.len() > 5);
    let mut same_day = 0;
    for (i, a) in marks.iter().enumerate() {
        for b in &marks[i + 1..] {
            if a.0 == b.0 {
                same_day += 1;
                let (xa, xb) = ((a.1 + a.2) / 2.0, (b.1 + b.2) / 2.0);
                assert!((xa - xb).abs() < 1.0, "two marks of {} are {:.1} px apart along the time axis", a.0, (xa - xb).abs());
            }
            let overlap = (a.2.min(b.2) - a.1.max(b.1)).max(0.0) * (a.4.min(b.4) - a.3.max(b.3)).max(0.0);
            assert!(overlap < 4.0, "marks of {} and {} overlap", a.0, b.0);
        }
    }
    assert!(same_day > 0, "the seeds have several claims on one day");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_text_elsewhere_keeps_its_own_quote_marks_and_gets_none_added() {
    // The claim text carries the article's quote marks; a `<q>` (or a CSS quote) around it would double them.
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("?view=disagreements")).await;
    actions::wait_for(c, "[data-testid=disagreements] .pair").await;
    let js = "return [...document.querySelectorAll('.pair-side > :last-child, .opposing li > :nth-last-child(2), .claim-text')]
                .filter(e => ['::before', '::after'].some(p => !['none', 'normal', '\"\"'].includes(getComputedStyle(e, p).content)))
                .map(e => e.outerHTML.slice(0, 80));";
    let added = actions::js(c, js).await;
    assert_eq!(added, serde_json::json!([]), "quote marks added around claim text");
    let n = actions::js(c, "return document.querySelectorAll('.pair-side > :last-child').length;").await;
    assert!(n.as_u64().unwrap() > 1, "the disagreements show claim text");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_tags_a_claim_in_pieces_once_where_its_quotation_closes() {
    let corpus = super::harness::seeds();
    let claim = corpus
        .claims
        .iter()
        .find(|c| c.pieces.len() > 1 && corpus.document(&c.doc).is_some_and(|d| d.body[c.pieces[0].start..c.pieces[0].end].contains('“')))
        .expect("the seeds have a claim in pieces that quotes");
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url(&format!("?doc={}&claim={}", claim.doc, claim.id))).await;
    actions::wait_for(c, &locators::reader_span(&claim.id)).await;
    let js = format!(
        "const tags = [...document.querySelectorAll('[data-testid=reader] [data-testid=span-tag]')];
         const first = document.querySelector(\"{}\");
         if (tags.length !== 1) return ['tags', tags.length];
         const p = tags[0].parentElement; const r = document.createRange();
         r.setStart(p, 0); r.setEndBefore(tags[0]);
         const before = r.toString();
         const mine = p.querySelector('mark[data-claim-id=\"' + first.dataset.claimId + '\"]');
         const afterFirst = !!(first.compareDocumentPosition(tags[0]) & Node.DOCUMENT_POSITION_FOLLOWING);
         return [!!mine && afterFirst, (before.match(/“/g) || []).length - (before.match(/”/g) || []).length];",
        locators::reader_span(&claim.id)
    );
    assert_eq!(
        actions::js(c, &js).await,
        serde_json::json!([true, 0]),
        "one tag, after the first piece, in a paragraph with a piece, where every quotation is closed"
    );
    s.close().await;
}
