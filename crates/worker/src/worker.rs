//! The worker's message loop: jobs in, progress and the packed corpus out (see `main.rs` for the messages).
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use counterclaim_builder::import;
use counterclaim_core::model::{CorpusNote, NoteLevel};

/// Listen for jobs and tell the page the worker is ready (messages sent before would be lost).
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        if Reflect::has(&data, &"single".into()).unwrap_or(false) {
            let reply = reply.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = single(&data, &reply).await.unwrap_or_else(|error| object(&[("error", error.into())]));
                let _ = reply.post_message(&answer);
            });
            return;
        }
        let answer = job(&data, &reply).unwrap_or_else(|error| object(&[("error", error.into())]));
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = scope.post_message(&object(&[("ready", true.into())]));
}

/// Run one job: its answer, `{done, notes}`, or what was wrong with the message.
fn job(data: &JsValue, scope: &DedicatedWorkerGlobalScope) -> Result<JsValue, String> {
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let config_toml = get(data, "config_toml").as_string().ok_or("the job has no config_toml (a string)")?;
    let list: Array = get(data, "files").dyn_into().map_err(|_| "the job has no files (an array)")?;
    let mut files = Vec::with_capacity(list.length() as usize);
    for f in list.iter() {
        let name = get(&f, "name").as_string().ok_or("a file without a name")?;
        let bytes: Uint8Array = get(&f, "bytes").dyn_into().map_err(|_| format!("{name}: no bytes (a Uint8Array)"))?;
        files.push((name, bytes.to_vec()));
    }
    let progress = |n: usize, of: usize, file: &str| {
        let _ = scope.post_message(&object(&[("progress", n.into()), ("of", of.into()), ("file", file.into())]));
    };
    let built = import::build(&config_toml, &files, progress);
    let notes: Array = built.notes.iter().map(note).collect();
    Ok(object(&[("done", Uint8Array::from(built.pack.as_slice()).into()), ("notes", notes.into())]))
}

/// `{single: <pack>, corrections, corpus_id, base}` → `{single: <html>}`: the single-file edition of the page served at
/// `base`, with the pack given (its corrections written in) instead of the page's own.
async fn single(data: &JsValue, scope: &DedicatedWorkerGlobalScope) -> Result<JsValue, String> {
    let get = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let pack = get("single").dyn_into::<Uint8Array>().map_err(|_| "no corpus to write (a Uint8Array)")?.to_vec();
    let (corrections, id, base) = (get("corrections").as_string(), get("corpus_id").as_string(), get("base").as_string());
    let base = base.ok_or("no page address")?;
    let (pack, _) = counterclaim_builder::handoff::with_corrections(&pack, corrections.as_deref().unwrap_or(""))?;
    let html = text(fetch(scope, &base, "index.html").await?, "index.html")?;
    let files = counterclaim_site::single::app_files(&html).map_err(|e| e.to_string())?;
    let glue = text(fetch(scope, &base, &files.glue).await?, &files.glue)?;
    let css = text(fetch(scope, &base, &files.stylesheet).await?, &files.stylesheet)?;
    let wasm = fetch(scope, &base, &files.wasm).await?;
    let icon = match &files.icon_svg {
        Some(i) => Some(fetch(scope, &base, i).await?),
        None => None,
    };
    let page = counterclaim_site::single::without_prerendered_view(&html);
    let parts = counterclaim_site::single::Parts {
        html: &page,
        css: &css,
        glue: &glue,
        wasm: &wasm,
        pack: &pack,
        icon_svg: icon.as_deref(),
        corpus_id: id.as_deref().filter(|i| !i.is_empty()),
    };
    let out = counterclaim_site::single::single_file(&parts).map_err(|e| e.to_string())?;
    Ok(object(&[("single", out.into())]))
}

/// GET `base` + `path` (the page's own files, from its origin or the service worker's cache).
async fn fetch(scope: &DedicatedWorkerGlobalScope, base: &str, path: &str) -> Result<Vec<u8>, String> {
    let url = format!("{base}{}", path.trim_start_matches("./"));
    let failed = |_| format!("could not read {path} from the site");
    let resp: web_sys::Response = JsFuture::from(scope.fetch_with_str(&url)).await.map_err(failed)?.unchecked_into();
    if !resp.ok() {
        return Err(format!("the site answered {} for {path}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(failed)?).await.map_err(failed)?;
    Ok(Uint8Array::new(&buf).to_vec())
}

fn text(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| format!("{what} is not UTF-8 text"))
}

fn note(n: &CorpusNote) -> JsValue {
    let level = match n.level {
        NoteLevel::Error => "error",
        NoteLevel::Warning => "warning",
    };
    object(&[("file", n.file.as_str().into()), ("level", level.into()), ("message", n.message.as_str().into())])
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}
