//! Articles' texts that the page's pack left in shard files (`counterclaim_core::shelf`): fetched the first time a
//! component needs one, kept for the session (and by the service worker, which caches every hashed file it serves).
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::use_ctx;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::Document;
use counterclaim_core::shelf::{with_text, Body, ShardRef};

/// A document as a component can show it.
#[derive(Clone, Debug, PartialEq)]
pub enum DocText {
    /// With its text.
    Ready(Rc<Document>),
    /// Its text is being fetched.
    Loading,
    /// Its text could not be fetched (offline and never read, say): why.
    Failed(String),
    /// No document has this id.
    Unknown,
}

thread_local! {
    /// The shards fetched so far, by file name (content-hashed, so a name always holds the same texts).
    static SHARDS: RefCell<HashMap<String, Rc<Vec<Body>>>> = RefCell::default();
}

fn cached(shard: &ShardRef) -> Option<Rc<Vec<Body>>> {
    SHARDS.with(|m| m.borrow().get(&shard.file).cloned())
}

/// Document `id` of `corpus` with its text, if it is at hand: in the pack, or in a shard fetched already.
pub fn document(corpus: &Corpus, id: &str) -> DocText {
    let Some(i) = corpus.document_index(id) else { return DocText::Unknown };
    let d = &corpus.documents[i];
    let Some(shard) = corpus.shelf.shard_of(i) else { return DocText::Ready(Rc::new(d.clone())) };
    match cached(shard).as_ref().and_then(|t| t.get(i - shard.first as usize)) {
        Some(text) => DocText::Ready(Rc::new(with_text(d, text))),
        None => DocText::Loading,
    }
}

/// Fetch the texts of `shard` (once: later calls answer from memory, and a call while it is on its way waits for
/// the same request, so an early [`prefetch`] and the reader that opens after it share one download).
#[cfg(target_arch = "wasm32")]
pub async fn fetch(shard: &ShardRef) -> Result<Rc<Vec<Body>>, String> {
    if let Some(t) = cached(shard) {
        return Ok(t);
    }
    let on_its_way = IN_FLIGHT.with(|m| m.borrow().get(&shard.file).cloned());
    let request = on_its_way.unwrap_or_else(|| start(shard.clone()));
    let done = wasm_bindgen_futures::JsFuture::from(request).await;
    match (done, cached(shard)) {
        (Ok(_), Some(t)) => Ok(t),
        (Err(why), _) => Err(why.as_string().unwrap_or_else(|| shard.file.clone())),
        (Ok(_), None) => Err(format!("{}: not kept", shard.file)),
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The shards on their way, by file name: the one request each, as a promise any caller can wait for.
    static IN_FLIGHT: RefCell<HashMap<String, js_sys::Promise>> = RefCell::default();
}

/// Start the one download of `shard`: its texts go to [`SHARDS`]; the promise fails with a message naming the file.
#[cfg(target_arch = "wasm32")]
fn start(shard: ShardRef) -> js_sys::Promise {
    let file = shard.file.clone();
    let request = wasm_bindgen_futures::future_to_promise(async move {
        let got = download(&shard).await;
        IN_FLIGHT.with(|m| m.borrow_mut().remove(&shard.file));
        let texts = got.map_err(|e| wasm_bindgen::JsValue::from_str(&e))?;
        SHARDS.with(|m| m.borrow_mut().insert(shard.file.clone(), texts));
        Ok(wasm_bindgen::JsValue::UNDEFINED)
    });
    IN_FLIGHT.with(|m| m.borrow_mut().insert(file, request.clone()));
    request
}

#[cfg(target_arch = "wasm32")]
async fn download(shard: &ShardRef) -> Result<Rc<Vec<Body>>, String> {
    let bytes = crate::data::fetch(&shard.file).await.map_err(|e| format!("{}: {e}", shard.file))?;
    Ok(Rc::new(counterclaim_core::pack::unshard(&bytes, shard).map_err(|e| e.to_string())?))
}

/// Start fetching the text of document `id` when a reader is about to want it (a pointer over or the focus on
/// "Read in article"), so that the click finds it on its way or at hand. Nothing when it is at hand already.
pub fn prefetch(corpus: &Corpus, id: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(shard) = corpus.shelved(id).filter(|s| cached(s).is_none()).cloned() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = fetch(&shard).await;
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (corpus, id);
}

/// Document `id` of the corpus shown, with its text: fetched (and the component rendered again) when needed.
/// Made once per document and fetch, not on every render (it is a copy of the document).
#[hook]
pub fn use_document(id: &str) -> DocText {
    let ctx = use_ctx();
    let failed = use_state_eq(|| None::<(String, String)>);
    // How many fetches have come back: a new one makes the document again.
    let fetched = use_state(|| 0u32);
    let now = {
        let corpus = ctx.corpus.clone();
        use_memo((id.to_string(), *fetched), move |(id, _)| document(&corpus, id))
    };
    let wanted = matches!(*now, DocText::Loading).then(|| ctx.corpus.shelved(id).cloned()).flatten();
    {
        let failed = failed.clone();
        use_effect_with((id.to_string(), wanted), move |(id, wanted)| {
            if let Some(shard) = wanted.clone() {
                load(id.clone(), shard, failed, fetched);
            }
        });
    }
    match (&*now, &*failed) {
        (DocText::Loading, Some((of, why))) if of == id => DocText::Failed(why.clone()),
        (now, _) => now.clone(),
    }
}

#[cfg(target_arch = "wasm32")]
fn load(id: String, shard: ShardRef, failed: UseStateHandle<Option<(String, String)>>, fetched: UseStateHandle<u32>) {
    wasm_bindgen_futures::spawn_local(async move {
        match fetch(&shard).await {
            Ok(_) => fetched.set(*fetched + 1),
            Err(why) => failed.set(Some((id, why))),
        }
    });
}

/// Natively (the build's prerenderer) nothing is fetched: the first view shows no article's text.
#[cfg(not(target_arch = "wasm32"))]
fn load(_: String, _: ShardRef, _: UseStateHandle<Option<(String, String)>>, _: UseStateHandle<u32>) {}

/// `corpus` with the texts of documents `docs` (ids) in it, their shards fetched: for what reads the texts of
/// many documents at once (an export). `Err` names the first shard that could not be had.
#[cfg(target_arch = "wasm32")]
pub async fn with_texts_of(corpus: &Corpus, docs: &[&str]) -> Result<Corpus, String> {
    let all = &corpus.shelf.shards;
    let mut wanted = vec![false; all.len()];
    for k in docs.iter().filter_map(|d| corpus.shelf.position_of(corpus.document_index(d)?)) {
        wanted[k] = true;
    }
    let mut out = corpus.clone();
    for shard in all.iter().zip(wanted).filter_map(|(s, w)| w.then_some(s)) {
        let texts = fetch(shard).await?;
        for (d, text) in out.documents[shard.docs()].iter_mut().zip(texts.iter()) {
            *d = with_text(d, text);
        }
    }
    Ok(out)
}
