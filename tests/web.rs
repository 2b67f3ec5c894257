//! Component tests in headless Chromium (wasm-bindgen-test): render components and check their DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use counterclaim::app::components::{doc_list::DocList, doc_list::DocListProps, CorpusRef};
use counterclaim::core::corpus::Corpus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element attached to `<body>` to render into.
fn mount_point() -> web_sys::Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Let Yew's scheduler run the pending render.
async fn settle() {
    yew::platform::time::sleep(std::time::Duration::from_millis(30)).await;
}

#[wasm_bindgen_test]
async fn doc_list_renders_every_embedded_document() {
    let corpus = Rc::new(Corpus::embedded());
    assert!(corpus.documents.len() >= 5, "the seeds are compiled in");
    let root = mount_point();
    yew::Renderer::<DocList>::with_root_and_props(root.clone(), DocListProps { corpus: CorpusRef(corpus.clone()), on_open: None, on_compare: None }).render();
    settle().await;
    let items = root.query_selector_all("[data-testid=doc-list] li[data-doc-id]").unwrap();
    assert_eq!(items.length() as usize, corpus.documents.len());
    for (i, d) in corpus.documents.iter().enumerate() {
        let li: web_sys::Element = wasm_bindgen::JsCast::dyn_into(items.item(i as u32).unwrap()).unwrap();
        assert_eq!(li.get_attribute("data-doc-id").as_deref(), Some(d.id.as_str()));
        let text = li.text_content().unwrap_or_default();
        assert!(text.contains(&d.display_title()), "title of {} shown: {text}", d.id);
    }
}

#[wasm_bindgen_test]
async fn app_renders_cards_with_their_test_hooks_and_marks() {
    use counterclaim::app::components::app::{App, AppProps};
    let (corpus, index) = counterclaim::embedded::corpus_and_index();
    let props = AppProps::new(corpus, index);
    let corpus = props.corpus.0.clone();
    let root = mount_point();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let count = root.query_selector("[data-testid=result-count]").unwrap().expect("result count");
    assert_eq!(count.text_content().unwrap(), corpus.claims.len().to_string());
    let cards = root.query_selector_all("[data-testid=claim-list] [data-claim-id]").unwrap();
    assert_eq!(cards.length() as usize, corpus.claims.len().min(50));
    for i in 0..cards.length() {
        let el: web_sys::Element = wasm_bindgen::JsCast::dyn_into(cards.item(i).unwrap()).unwrap();
        let id = el.get_attribute("data-claim-id").unwrap();
        let claim = corpus.claim(&id).expect("card id is a claim id");
        assert_eq!(el.get_attribute("data-stance").as_deref(), Some(claim.stance.as_str()));
        assert_eq!(el.get_attribute("data-speaker-id").as_deref(), Some(claim.speaker_id.as_str()));
        // Every entity the claim names is marked with its canonical id.
        for e in &claim.entities {
            let sel = format!("mark[data-entity='{e}']");
            assert!(el.query_selector(&sel).unwrap().is_some(), "card {id} marks entity {e}");
        }
    }
    // Nothing from the corpus became markup: no script or img elements inside the app.
    assert!(root.query_selector("script, img, iframe").unwrap().is_none());
}
