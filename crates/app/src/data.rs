//! The corpus data file: fetched from the `<link id="corpus">` the page names (preloaded in parallel with the
//! wasm), or read from the base64 block the single-file edition inlines; decoded by `counterclaim_core::pack`.
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::page::{CORPUS_INLINE_ID, CORPUS_LINK_ID};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::{CorpusNote, NoteLevel};
use counterclaim_core::pack;
use counterclaim_core::search::Index;
use counterclaim_core::shelf::Shelf;

/// The id the inlined corpus of a single file handed on carries (`data-corpus-id`), so links into it keep working;
/// read before [`load`] removes the block. `None` for a served site's own corpus.
pub fn embedded_id() -> Option<String> {
    let el = gloo::utils::document().get_element_by_id(CORPUS_INLINE_ID)?;
    el.get_attribute("data-corpus-id").filter(|i| !i.is_empty())
}

/// The page's corpus and its index, ready to query. Whatever goes wrong (no data file, a failed fetch, a
/// pack of another format) is shown as a corpus note on an empty corpus, never as a blank page.
pub async fn load() -> (Corpus, Index) {
    let (source, result) = match bytes().await {
        Ok((source, b)) => (source, pack::unpack(&b).map_err(|e| e.to_string())),
        Err((source, e)) => (source, Err(e)),
    };
    result.unwrap_or_else(|message| {
        let mut c = Corpus::default();
        c.notes.push(CorpusNote { file: source, level: NoteLevel::Error, message });
        (c, Index::default())
    })
}

type Source = String;

/// The packed bytes and where they came from.
async fn bytes() -> Result<(Source, Vec<u8>), (Source, String)> {
    let doc = gloo::utils::document();
    if let Some(el) = doc.get_element_by_id(CORPUS_INLINE_ID) {
        let text = el.text_content().unwrap_or_default();
        el.remove();
        let source = "the inlined corpus".to_string();
        return pack::from_base64(&text).map(|b| (source.clone(), b)).ok_or((source, "not base64".into()));
    }
    let Some(href) = doc.get_element_by_id(CORPUS_LINK_ID).and_then(|l| l.get_attribute("href")) else {
        return Err(("index.html".into(), "the page names no corpus data file (<link id=\"corpus\">)".into()));
    };
    fetch(&href).await.map(|b| (href.clone(), b)).map_err(|e| (href, e))
}

/// The page's own packed corpus, whole: fetched again from its data file, with the texts of `shelf` (its
/// shards) merged in (a served site; the service worker has them offline once fetched).
pub async fn packed(shelf: &Shelf) -> Result<Vec<u8>, String> {
    let link = gloo::utils::document().get_element_by_id(CORPUS_LINK_ID);
    let href = link.and_then(|l| l.get_attribute("href")).ok_or("the page names no corpus data file")?;
    let eager = fetch(&href).await?;
    if shelf.is_empty() {
        return Ok(eager);
    }
    let mut shards = Vec::with_capacity(shelf.shards.len());
    for s in &shelf.shards {
        shards.push(fetch(&s.file).await.map_err(|e| format!("{}: {e}", s.file))?);
    }
    pack::merge(&eager, &shards).map_err(|e| e.to_string())
}

/// GET `href` (relative to the page) and read the body.
pub async fn fetch(href: &str) -> Result<Vec<u8>, String> {
    let failed = |what: &str| format!("could not {what} {href}; reload the page");
    let resp = JsFuture::from(gloo::utils::window().fetch_with_str(href)).await.map_err(|_| failed("fetch"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| failed("fetch"))?;
    if !resp.ok() {
        return Err(format!("the server answered {} for {href}", resp.status()));
    }
    let buf = resp.array_buffer().map_err(|_| failed("read"))?;
    let buf = JsFuture::from(buf).await.map_err(|_| failed("read"))?;
    Ok(Uint8Array::new(&buf).to_vec())
}
