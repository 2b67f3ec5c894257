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
    gloo::timers::future::TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
async fn doc_list_renders_every_embedded_document() {
    let corpus = Rc::new(Corpus::embedded());
    assert!(corpus.documents.len() >= 5, "the seeds are compiled in");
    let root = mount_point();
    yew::Renderer::<DocList>::with_root_and_props(root.clone(), DocListProps { corpus: CorpusRef(corpus.clone()) }).render();
    settle().await;
    let items = root.query_selector_all("[data-testid=doc-list] li[data-doc-id]").unwrap();
    assert_eq!(items.length() as usize, corpus.documents.len());
    for (i, d) in corpus.documents.iter().enumerate() {
        let li: web_sys::Element = wasm_bindgen::JsCast::dyn_into(items.item(i as u32).unwrap()).unwrap();
        assert_eq!(li.get_attribute("data-doc-id").as_deref(), Some(d.id.as_str()));
        let text = li.text_content().unwrap_or_default();
        assert!(text.contains(d.display_title()), "title of {} shown: {text}", d.id);
    }
}
