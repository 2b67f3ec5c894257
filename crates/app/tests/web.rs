//! Component tests in headless Chromium (wasm-bindgen-test): render components and check their DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use counterclaim_app::components::{doc_list::DocList, doc_list::DocListProps, CorpusRef};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The seed corpus, built here with the builder (the app itself loads the data file `counterclaim page` wrote).
fn seeds() -> counterclaim_core::corpus::Corpus {
    use counterclaim_builder::{config, load::Folder};
    let folder = Folder {
        dir: "seeds".into(),
        config: config::parse(SEED_CONFIG),
        stance_labels: config::parse_stance_labels(SEED_CONFIG).unwrap_or_default(),
        background: config::parse_background(SEED_CONFIG).unwrap_or_default(),
        files: SEED_FILES.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect(),
        corrections: vec![],
        notes: vec![],
    };
    folder.build()
}

/// The seed corpus and its index, as the app unpacks them.
fn seeds_and_index() -> (counterclaim_core::corpus::Corpus, counterclaim_core::search::Index) {
    let corpus = seeds();
    let index = counterclaim_builder::index::build(&corpus);
    counterclaim_core::pack::unpack(&counterclaim_builder::pack::pack(&corpus, &index)).expect("a pack reads back")
}

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

/// Wait until the app under `root` has rendered its whole first view (`main[data-complete]`; the first
/// render shows the claims only), for at most 3 s.
async fn complete(root: &web_sys::Element) {
    for _ in 0..100 {
        if root.query_selector("main[data-complete]").unwrap().is_some() {
            return settle().await;
        }
        settle().await;
    }
    panic!("the app never completed its first view");
}

#[wasm_bindgen_test]
async fn doc_list_renders_every_seed_document() {
    let corpus = Rc::new(seeds());
    assert!(corpus.documents.len() >= 5, "the seeds are built");
    let root = mount_point();
    yew::Renderer::<DocList>::with_root_and_props(
        root.clone(),
        DocListProps { corpus: CorpusRef(corpus.clone()), on_open: None, on_compare: None },
    )
    .render();
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

/// At the page's start the app builds its first screen out of sight, a part a task, and takes the prerendered view's
/// place in one go: between any two tasks exactly one of them is there, and the app's view is never seen partly built.
#[wasm_bindgen_test]
async fn the_start_builds_out_of_sight_and_takes_the_prerendered_view_s_place_at_once() {
    use counterclaim_app::components::app::{App, AppProps};
    use counterclaim_app::takeover;
    use counterclaim_core::window::FIRST_CARDS;
    let doc = gloo::utils::document();
    let pre = doc.create_element("div").unwrap();
    pre.set_id(counterclaim_app::page::PRERENDER_ID);
    pre.set_inner_html("<p>the prerendered view</p>");
    doc.body().unwrap().append_child(&pre).unwrap();
    let noscript = doc.create_element("noscript").unwrap();
    doc.body().unwrap().append_child(&noscript).unwrap();
    let root = takeover::mount_point();
    assert!(takeover::pending(), "a new mount point is out of sight");
    let (corpus, index) = seeds_and_index();
    assert!(corpus.claims.len() > FIRST_CARDS);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(corpus, index)).render();
    // (out of sight, prerendered view there, cards, filters) between tasks, until the view is complete.
    let mut seen = Vec::new();
    for _ in 0..300 {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let cards = root.query_selector_all("[data-testid=claim-list] [data-claim-id]").unwrap().length() as usize;
        let facets = root.query_selector("[data-facet]").unwrap().is_some();
        seen.push((root.has_attribute("hidden"), doc.get_element_by_id("pre").is_some(), cards, facets));
        if root.query_selector("main[data-complete]").unwrap().is_some() {
            break;
        }
    }
    assert!(seen.iter().all(|&(hidden, pre, ..)| hidden == pre), "the app's view or the prerendered one, never both or neither: {seen:?}");
    let hidden: Vec<_> = seen.iter().filter(|s| s.0).collect();
    assert!(hidden.iter().any(|&&(_, _, cards, _)| cards < FIRST_CARDS), "the first screen is built over several tasks: {seen:?}");
    let first = seen.iter().find(|s| !s.0).expect("the app's view was shown");
    assert_eq!((first.2, first.3), (FIRST_CARDS, true), "shown with the first screenful of cards and the filters: {seen:?}");
    assert!(!takeover::pending());
    assert!(!noscript.is_connected(), "what the page had for a browser without JavaScript went with the prerendered view");
}

#[wasm_bindgen_test]
async fn app_renders_cards_with_their_test_hooks_and_marks() {
    use counterclaim_app::components::app::{App, AppProps};
    let (corpus, index) = seeds_and_index();
    let props = AppProps::new(corpus, index);
    let corpus = props.corpus.0.clone();
    let root = mount_point();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // The first render (microtasks only, before any timer) already shows cards, at most a screenful of them.
    let cards = |r: &web_sys::Element| r.query_selector_all("[data-testid=claim-list] [data-claim-id]").unwrap().length();
    for _ in 0..50 {
        if cards(&root) > 0 {
            break;
        }
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.unwrap();
    }
    assert!(root.query_selector("main[data-complete]").unwrap().is_none(), "the first render is the prerendered one");
    let first = cards(&root);
    assert!(first > 0 && first < 20, "claims first: {first} cards before the rest of the view");
    assert!(root.query_selector("[data-testid=doc-list]").unwrap().is_none(), "the document list comes after the claims");
    let first_cards = root.query_selector_all("[data-testid=claim-list] [data-claim-id]").unwrap();
    complete(&root).await;
    // The later stages add to the first cards: they keep the very same elements, not new copies of them.
    let now = root.query_selector_all("[data-testid=claim-list] [data-claim-id]").unwrap();
    for i in 0..first_cards.length() {
        let (was, is) = (first_cards.item(i).unwrap(), now.item(i).unwrap());
        assert!(was.is_connected() && was.is_same_node(Some(&is)), "card {i} of the first render is kept");
    }
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

/// The ids of the cards in the DOM, in order.
fn rendered_ids(root: &web_sys::Element) -> Vec<String> {
    let cards = root.query_selector_all("[data-testid=claim-list] [data-claim-id]").unwrap();
    (0..cards.length())
        .map(|i| {
            let el: web_sys::Element = wasm_bindgen::JsCast::dyn_into(cards.item(i).unwrap()).unwrap();
            el.get_attribute("data-claim-id").unwrap()
        })
        .collect()
}

/// The seed corpus with every claim repeated 12 times under new ids (~500 claims), and its index.
fn long_seeds() -> (counterclaim_core::corpus::Corpus, counterclaim_core::search::Index) {
    let (mut corpus, _) = seeds_and_index();
    let base = corpus.claims.clone();
    for k in 1..12 {
        corpus.claims.extend(base.iter().map(|c| {
            let mut c = c.clone();
            c.id = format!("{}-copy{k}", c.id);
            c
        }));
    }
    let index = counterclaim_builder::index::build(&corpus);
    (corpus, index)
}

/// The claim list's bottom padding (px), the claims it holds (`data-total`) and the cards it renders.
fn list_state(root: &web_sys::Element) -> (f64, usize, usize) {
    let list: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector("[data-testid=claim-list]").unwrap().unwrap()).unwrap();
    let pad = list.style().get_property_value("padding-bottom").unwrap();
    let pad = pad.trim_end_matches("px").parse().unwrap_or_else(|_| panic!("padding-bottom {pad:?}"));
    (pad, list.get_attribute("data-total").unwrap().parse().unwrap(), rendered_ids(root).len())
}

/// A filter's new list gets its padding in the render that shows its cards, even when Yew's scheduler yields to
/// the browser before running the effects (as it does after 16 ms of work): a padding left to an effect was
/// written a frame later, at the cost of a second style and layout (the slowest facet toggles at 10,000 claims).
#[wasm_bindgen_test]
async fn a_filtered_long_list_is_padded_in_the_same_render_as_its_cards() {
    use counterclaim_app::components::app::{App, AppProps};
    let (corpus, index) = long_seeds();
    let root = mount_point();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(corpus, index)).render();
    complete(&root).await;
    let (pad, n, shown) = list_state(&root);
    assert!(n > shown && pad > 0.0, "a virtualised list: {shown} of {n} cards, {pad} px below");
    let per_card = pad / (n - shown) as f64;
    // Each batch of the list's own mutations: did it change its count (the render), its padding?
    root.set_id("padded-list");
    js_sys::eval(
        "window.__batches = []; const list = document.querySelector('#padded-list [data-testid=claim-list]');
         window.__mo = new MutationObserver((rs) => window.__batches.push([rs.some((r) => r.attributeName === 'data-total'),
           rs.some((r) => r.attributeName === 'style')]));
         window.__mo.observe(list, { childList: true, attributes: true });",
    )
    .unwrap();
    // A clock that races ahead makes every deadline the scheduler sets pass at once, so it yields to the browser
    // at every point it may: after the renders, before the effects.
    js_sys::eval("window.__now = Date.now; { let t = Date.now(); Date.now = () => (t += 50); }").unwrap();
    click(&root, "input[data-facet=stance]");
    settle().await;
    js_sys::eval("Date.now = window.__now; window.__mo.disconnect();").unwrap();
    let batches = js_sys::eval("JSON.stringify(window.__batches)").unwrap().as_string().unwrap();
    let (pad2, n2, shown2) = list_state(&root);
    assert!(n2 < n, "the facet filtered the list ({n} → {n2})");
    assert!(batches.starts_with("[[true,true]"), "the new count and the new padding come in one batch: {batches}");
    let want = if n2 > shown2 { (n2 - shown2) as f64 * per_card } else { 0.0 };
    assert!((pad2 - want).abs() < 1.0, "{pad2} px below {shown2} of {n2} cards, want {want} ({per_card} px a card)");
}

#[wasm_bindgen_test]
async fn a_long_claim_list_is_virtualised_and_follows_the_scroll() {
    use counterclaim_app::components::app::{App, AppProps};
    let (corpus, index) = long_seeds();
    let n = corpus.claims.len();
    let order: Vec<String> =
        index.query(&corpus, &counterclaim_core::view::ViewState::default()).claims.iter().map(|&i| corpus.claims[i].id.clone()).collect();
    assert_eq!(order.len(), n);
    let root = mount_point();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(corpus, index)).render();
    complete(&root).await;
    let count = root.query_selector("[data-testid=result-count]").unwrap().unwrap();
    assert_eq!(count.text_content().unwrap(), n.to_string());
    let top = rendered_ids(&root);
    assert!(!top.is_empty() && top.len() < 60, "{} of {n} cards in the DOM", top.len());
    assert_eq!(top, order[..top.len()], "the first cards, in order");

    // Scroll to the middle of the list: the cards there, and only about a screenful, are rendered.
    let list: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector("[data-testid=claim-list]").unwrap().unwrap()).unwrap();
    let win = gloo::utils::window();
    let rect = list.get_bounding_client_rect();
    let y = win.scroll_y().unwrap() + rect.top() + rect.height() / 2.0;
    win.scroll_to_with_x_and_y(0.0, y);
    settle().await;
    let mid = rendered_ids(&root);
    assert!(!mid.is_empty() && mid.len() < 60, "{} cards after scrolling", mid.len());
    let at = order.iter().position(|id| *id == mid[0]).expect("a rendered card is in the list");
    assert!(at > n / 4 && at < 3 * n / 4, "the middle of the list is rendered (card {at} of {n} first)");
    assert_eq!(mid, order[at..at + mid.len()], "a contiguous slice, in order");
    // The padding stands in for the cards above: the rendered ones are on screen.
    let first: web_sys::Element = root.query_selector(&format!("[data-claim-id='{}']", mid[0])).unwrap().unwrap();
    let last: web_sys::Element = root.query_selector(&format!("[data-claim-id='{}']", mid[mid.len() - 1])).unwrap().unwrap();
    let vh = win.inner_height().unwrap().as_f64().unwrap();
    let (t, b) = (first.get_bounding_client_rect().top(), last.get_bounding_client_rect().bottom());
    assert!(t <= 0.0 && b >= vh, "the viewport (0..{vh}) is covered by the rendered cards ({t}..{b}, {} cards)", mid.len());
    win.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The browser's library keeps a corpus through put, lists it, renames it, gives its bytes back, and deletes it.
#[wasm_bindgen_test]
async fn the_library_keeps_renames_and_deletes_a_corpus_in_indexeddb() {
    use counterclaim_app::library::{self, Entry, Stored};
    let data = Stored {
        config_toml: "question = \"Is it so?\"\n".into(),
        files: vec![("a.txt".into(), b"Alice said it is.".to_vec()), ("b.html".into(), vec![0, 159, 255])],
        pack: vec![1, 2, 3, 250],
    };
    let id = counterclaim_core::library::corpus_id(&data.pack);
    let entry = Entry { id: id.clone(), name: "Port calls".into(), created: 1_764_000_000_000, docs: 2, claims: 5 };
    library::put(&entry, &data).await.expect("put");
    assert!(library::list().await.unwrap().contains(&entry), "listed after put");
    assert_eq!(library::get(&id).await.unwrap().as_ref(), Some(&data), "the bytes come back as written");
    library::rename(&id, "Ream port").await.expect("rename");
    let listed = library::list().await.unwrap();
    assert_eq!(listed.iter().find(|e| e.id == id).map(|e| e.name.as_str()), Some("Ream port"));
    library::delete(&id).await.expect("delete");
    assert!(library::list().await.unwrap().iter().all(|e| e.id != id), "gone from the list");
    assert_eq!(library::get(&id).await.unwrap(), None, "and its bytes are gone");
    assert!(library::rename(&id, "x").await.is_err(), "renaming a corpus that is not there is an error");
}

/// Type `value` into the control `id` as a user would (an `input` event that bubbles to Yew's listener).
fn type_into(root: &web_sys::Element, id: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let el = root.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}"));
    match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(t) => t.set_value(value),
        None => el.dyn_ref::<web_sys::HtmlInputElement>().expect("an input").set_value(value),
    }
    let ev = gloo::utils::document().create_event("Event").unwrap();
    ev.init_event_with_bubbles_and_cancelable("input", true, true);
    el.dispatch_event(&ev).unwrap();
}

fn click(root: &web_sys::Element, selector: &str) {
    use wasm_bindgen::JsCast;
    let el = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    el.dyn_into::<web_sys::HtmlElement>().unwrap().click();
}

/// Choose `value` in the select `#id`, as a user does (a change event).
fn choose(root: &web_sys::Element, id: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let el = root.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}"));
    el.dyn_ref::<web_sys::HtmlSelectElement>().expect("a select").set_value(value);
    let ev = gloo::utils::document().create_event("Event").unwrap();
    ev.init_event_with_bubbles_and_cancelable("change", true, true);
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn settings_editor_edits_people_outlets_and_stance_words() {
    use counterclaim_app::components::settings_editor::{SettingsEditor, SettingsEditorProps};
    use counterclaim_builder::config;
    use std::cell::RefCell;
    let saved: Rc<RefCell<Vec<String>>> = Rc::default();
    let props = SettingsEditorProps {
        config: Default::default(),
        labels: Default::default(),
        background: vec![],
        on_save: {
            let saved = saved.clone();
            yew::Callback::from(move |t: String| saved.borrow_mut().push(t))
        },
        on_close: yew::Callback::noop(),
    };
    let root = mount_point();
    yew::Renderer::<SettingsEditor>::with_root_and_props(root.clone(), props).render();
    settle().await;
    click(&root, "[data-testid=settings-add-side]");
    click(&root, "[data-testid=settings-add-person]");
    click(&root, "[data-testid=settings-add-outlet]");
    click(&root, "[data-testid=settings-add-outlet]");
    settle().await;
    type_into(&root, "settings-outlet-1-name", "The Harbour Courier");
    type_into(&root, "settings-outlet-1-other-names", "Harbour Courier, Courier");
    type_into(&root, "settings-outlet-2-name", "harbour courier");
    type_into(&root, "settings-side-1-id", "city");
    type_into(&root, "settings-side-1-label", "City council");
    type_into(&root, "settings-person-1-name", "Ann Lee");
    type_into(&root, "settings-person-1-other-names", "Lee, Dr Lee");
    type_into(&root, "settings-supporting-words", "safe, sound");
    type_into(&root, "settings-refuting-words", "unsafe, Sound");
    settle().await;
    let options: Vec<String> = (0..root.query_selector_all("#settings-person-1-side option").unwrap().length())
        .map(|k| root.query_selector_all("#settings-person-1-side option").unwrap().item(k).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(options, ["No side", "City council"], "a person's side is chosen among the sides");
    choose(&root, "settings-person-1-side", "city");
    click(&root, "[data-testid=settings-save]");
    settle().await;
    assert!(saved.borrow().is_empty(), "a name on two outlets and a word on both stances are not saved");
    let error = |field: &str| {
        let e = root.query_selector(&format!("[data-testid=settings-error][data-field='{field}']")).unwrap();
        e.unwrap_or_else(|| panic!("an error on {field}")).text_content().unwrap()
    };
    let outlet = error("outlet 2 · name");
    assert!(outlet.starts_with("outlet 2 · name: \"harbour courier\" is also a name of outlet 1"), "{outlet}");
    let input = root.query_selector("#settings-outlet-2-name").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let refuting = error("refuting words");
    assert!(refuting.starts_with("refuting words: \"Sound\""), "{refuting}");
    click(&root, "[data-testid=settings-outlet]:nth-child(2) [data-testid=settings-remove-outlet]");
    type_into(&root, "settings-refuting-words", "unsafe");
    settle().await;
    assert_eq!(root.query_selector_all("[data-testid=settings-outlet]").unwrap().length(), 1, "the second outlet is removed");
    click(&root, "[data-testid=settings-save]");
    settle().await;
    let back = config::parse(&saved.borrow()[0]).expect("a corpus.toml");
    assert_eq!(back.actors.len(), 1);
    let a = &back.actors[0];
    assert_eq!(
        (a.name.as_str(), a.aliases.clone(), a.side.as_deref(), a.role.as_deref()),
        ("Ann Lee", vec!["Lee".into(), "Dr Lee".into()], Some("city"), None)
    );
    assert_eq!((back.stance.supports, back.stance.refutes), (vec!["safe".to_string(), "sound".into()], vec!["unsafe".to_string()]));
    let courier = counterclaim_core::config::OutletDef {
        name: "The Harbour Courier".into(),
        aliases: vec!["Harbour Courier".into(), "Courier".into()],
    };
    assert_eq!(back.outlets, [courier]);

    click(&root, "[data-testid=settings-remove-side]");
    settle().await;
    let select = root.query_selector("#settings-person-1-side").unwrap().unwrap();
    let shown = select.query_selector("option:checked").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, "city (no longer a side)", "a side that went is shown as it is");
    let warning =
        root.query_selector("[data-testid=settings-warning][data-field='person 1 · side']").unwrap().expect("a warning on the person");
    assert!(warning.text_content().unwrap().contains("no longer a side"));
    root.remove();
}

#[wasm_bindgen_test]
async fn settings_editor_names_the_field_to_fix_and_saves_valid_settings_as_toml() {
    use counterclaim_app::components::settings_editor::{SettingsEditor, SettingsEditorProps};
    use counterclaim_builder::config;
    use std::cell::RefCell;
    let saved: Rc<RefCell<Vec<String>>> = Rc::default();
    let closed: Rc<std::cell::Cell<u32>> = Rc::default();
    let props = SettingsEditorProps {
        config: config::parse(SEED_CONFIG).unwrap(),
        labels: config::parse_stance_labels(SEED_CONFIG).unwrap(),
        background: config::parse_background(SEED_CONFIG).unwrap(),
        on_save: {
            let saved = saved.clone();
            yew::Callback::from(move |t: String| saved.borrow_mut().push(t))
        },
        on_close: {
            let closed = closed.clone();
            yew::Callback::from(move |_| closed.set(closed.get() + 1))
        },
    };
    let (seed_sides, seed_outlets) = (props.config.sides.len(), props.config.outlets.clone());
    let root = mount_point();
    yew::Renderer::<SettingsEditor>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let editor = root.query_selector("[data-testid=settings-editor]").unwrap().expect("the editor");
    assert_eq!(editor.query_selector_all("[data-testid=settings-side]").unwrap().length() as usize, seed_sides, "starts from the corpus");
    let outlets = editor.query_selector_all("[data-testid=settings-outlets] [data-testid=settings-outlet]").unwrap().length() as usize;
    assert_eq!(outlets, seed_outlets.len(), "with its outlets");
    let name = root.query_selector("#settings-outlet-1-name").unwrap().expect("the first outlet's name");
    assert_eq!(wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&name).unwrap().value(), seed_outlets[0].name);
    let errors = |r: &web_sys::Element| r.query_selector_all("[data-testid=settings-error]").unwrap().length();
    assert_eq!(errors(&root), 0, "no error before Save");

    type_into(&root, "settings-side-2-id", "");
    settle().await;
    click(&root, "[data-testid=settings-save]");
    settle().await;
    assert!(saved.borrow().is_empty(), "an invalid draft is not saved");
    assert_eq!(errors(&root), 1);
    let error = root.query_selector("[data-testid=settings-error]").unwrap().unwrap();
    let text = error.text_content().unwrap();
    assert!(text.starts_with("side 2 · id: "), "the error names its field: {text}");
    let input = root.query_selector("#settings-side-2-id").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.split(' ').any(|id| Some(id.to_string()) == error.get_attribute("id")), "{described}");
    let focused = gloo::utils::document().active_element().and_then(|e| e.get_attribute("id"));
    assert_eq!(focused.as_deref(), Some("settings-side-2-id"), "the focus moves to it");

    type_into(&root, "settings-side-2-id", "republic");
    type_into(&root, "settings-question", "Is the \"new\" question answered?");
    settle().await;
    assert_eq!(errors(&root), 0, "the error goes as the field is fixed");
    assert!(root.query_selector("#settings-side-2-id").unwrap().unwrap().get_attribute("aria-invalid").is_none());
    click(&root, "[data-testid=settings-save]");
    settle().await;
    let saved = saved.borrow().clone();
    assert_eq!(saved.len(), 1, "a valid draft is saved once");
    assert!(saved[0].contains(r#"question = "Is the \"new\" question answered?""#), "{}", saved[0]);
    let back = config::parse(&saved[0]).expect("the saved text is a corpus.toml");
    assert_eq!(back.sides[1].id, "republic");
    let seeds = config::parse(SEED_CONFIG).unwrap();
    assert_eq!(
        (back.actors, back.stance, back.outlets),
        (seeds.actors, seeds.stance, seeds.outlets),
        "people, stance words and outlets come back as they were when only a side was edited"
    );

    let sides = |r: &web_sys::Element| r.query_selector_all("[data-testid=settings-side]").unwrap().length() as usize;
    click(&root, "[data-testid=settings-empty]");
    settle().await;
    assert_eq!(sides(&root), 0, "start empty");
    click(&root, "[data-testid=settings-from-corpus]");
    settle().await;
    assert_eq!(sides(&root), seed_sides, "start from this corpus again");
    click(&root, "[data-testid=settings-cancel]");
    assert_eq!(closed.get(), 1, "Cancel closes");
    root.remove();
}

#[wasm_bindgen_test]
fn an_import_crosses_from_the_studio_to_the_page_whole() {
    use counterclaim_app::studio::Imported;
    let i = Imported {
        name: "Harbour notes".into(),
        config_toml: "question = \"Is the harbour safe?\"\n".into(),
        files: vec![("a.txt".into(), b"Title: A\n\nText.".to_vec()), ("b.html".into(), vec![0, 159, 255])],
        pack: vec![4, 0, 1, 2, 3],
    };
    let v = i.to_js();
    assert_eq!(Imported::from_js(&v), Some(i), "the same import, bytes and all");
    js_sys::Reflect::set(&v, &"pack".into(), &"not bytes".into()).unwrap();
    assert_eq!(Imported::from_js(&v), None, "a damaged value is refused, not misread");
}

/// Wait until `selector` matches under `root`, for at most 3 s.
async fn appears(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(e) = root.query_selector(selector).unwrap() {
            return e;
        }
        settle().await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn the_reader_of_an_article_whose_text_cannot_be_fetched_says_so_and_names_the_file() {
    use counterclaim_app::components::app::{App, AppProps};
    let corpus = seeds();
    let index = counterclaim_builder::index::build(&corpus);
    // A served page's pack: the texts in shard files, which this test's server does not have.
    let sharded = counterclaim_builder::pack::sharded(&corpus, &index, 1);
    let (eager, index) = counterclaim_core::pack::unpack(&sharded.eager).unwrap();
    assert!(!eager.shelf.is_empty());
    let root = mount_point();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::new(eager, index)).render();
    complete(&root).await;
    let card = root.query_selector("[data-testid=claim-list] [data-claim-id]").unwrap().expect("a card");
    let claim = card.get_attribute("data-claim-id").unwrap();
    click(&card, "[data-action=read]");
    let reader = appears(&root, "[data-testid=reader]").await;
    assert_eq!(reader.get_attribute("aria-busy").as_deref(), Some("true"), "the reader waits for the text");
    let failed = appears(&root, "[data-testid=reader-failed]").await.text_content().unwrap();
    let doc = corpus.claim(&claim).unwrap().doc.clone();
    let file = &corpus_shard(&sharded.eager, &doc);
    assert!(failed.contains(file.as_str()) && failed.contains("could not be fetched"), "{failed}");
    assert!(root.query_selector("[data-testid=reader] mark").unwrap().is_none(), "no text was made up");
}

/// The shard file that holds the text of document `doc` of an eager pack.
fn corpus_shard(eager: &[u8], doc: &str) -> String {
    let (c, _) = counterclaim_core::pack::unpack(eager).unwrap();
    c.shelved(doc).expect("on the shelf").file.clone()
}
