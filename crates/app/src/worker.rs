//! The import worker's client: spawns the worker (`crates/worker`, named by `<meta name="counterclaim-worker">`) on first
//! use and runs builds in it, one at a time, with progress; the page itself never ingests or extracts.
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::page::WORKER_META;
use counterclaim_core::model::{CorpusNote, NoteLevel};

/// What a build made: the packed corpus (for `counterclaim_core::pack::unpack`) and its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub pack: Vec<u8>,
    pub notes: Vec<CorpusNote>,
}

/// Why import cannot run here, if it cannot: the single-file edition (opened from `file://`) has no worker.
pub fn unavailable() -> Option<String> {
    let served = gloo::utils::window().location().protocol().is_ok_and(|p| p != "file:");
    let named = worker_url().is_some();
    (!(served && named)).then(|| {
        "Adding articles needs the served site (this single-file edition cannot start the import worker): open the app from its web address, or build your corpus with `counterclaim site`.".to_string()
    })
}

fn worker_url() -> Option<String> {
    let meta = gloo::utils::document().query_selector(&format!("meta[name=\"{WORKER_META}\"]")).ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

/// Why the worker did not load. It is fetched the first time someone imports (and kept for offline use from then on),
/// so offline before that it cannot load.
fn load_failure() -> String {
    if gloo::utils::window().navigator().on_line() {
        "the import worker failed to load: reload the page and try again".into()
    } else {
        "the import worker is fetched the first time you add articles, and this browser is offline: connect once and try again (from then on it works offline)".into()
    }
}

/// A handler of the worker's messages.
type OnMessage = Closure<dyn FnMut(MessageEvent)>;

thread_local! {
    /// The worker and the promise of its `{ready}` message, once spawned.
    static WORKER: RefCell<Option<(Worker, Promise)>> = const { RefCell::new(None) };
    /// The message handler of the running build (replaced by the next one).
    static HANDLER: RefCell<Option<OnMessage>> = const { RefCell::new(None) };
}

/// The worker, spawned on first use, and the promise that it is ready for a job.
fn worker() -> Result<(Worker, Promise), String> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let url = worker_url().ok_or("this page names no import worker")?;
    let worker = Worker::new(&url).map_err(|e| format!("the import worker could not start: {e:?}"))?;
    let w = worker.clone();
    let ready = Promise::new(&mut |resolve, reject| {
        let on_ready = OnMessage::new(move |_: MessageEvent| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        w.set_onmessage(Some(on_ready.as_ref().unchecked_ref()));
        HANDLER.with(|h| *h.borrow_mut() = Some(on_ready));
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            // Spawned again next time: the failure may be the network's.
            WORKER.with(|s| s.borrow_mut().take());
            let _ = reject.call1(&JsValue::NULL, &load_failure().into());
        });
        w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
    });
    WORKER.with(|s| *s.borrow_mut() = Some((worker.clone(), ready.clone())));
    Ok((worker, ready))
}

/// Build `files` with `config_toml` in the worker; `on_progress(n, of, file)` after each file.
pub async fn build(
    config_toml: &str,
    files: &[(String, Vec<u8>)],
    on_progress: impl Fn(usize, usize, String) + 'static,
) -> Result<Built, String> {
    let d = run(&job(config_toml, files), on_progress).await?;
    let get = |k: &str| Reflect::get(&d, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let pack = get("done").dyn_into::<Uint8Array>().map_err(|_| "the import worker sent no corpus")?.to_vec();
    let notes = get("notes").dyn_into::<Array>().map(|a| a.iter().map(|n| note(&n)).collect()).unwrap_or_default();
    Ok(Built { pack, notes })
}

/// The single-file edition of this page with `pack` (the corpus shown), the reader's `corrections`
/// (`Corrections::to_text`) written into it, and `corpus_id` for its links; made in the worker from the served files.
pub async fn single_file(pack: &[u8], corrections: &str, corpus_id: Option<&str>) -> Result<String, String> {
    let base = gloo::utils::window().location().href().map_err(|_| "this page has no address")?;
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let base = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let o = Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&o, &k.into(), v);
    };
    set("single", &Uint8Array::from(pack).into());
    set("corrections", &corrections.into());
    set("corpus_id", &corpus_id.unwrap_or_default().into());
    set("base", &base.into());
    let d = run(&o.into(), |_, _, _| {}).await?;
    Reflect::get(&d, &"single".into()).ok().and_then(|v| v.as_string()).ok_or_else(|| "the worker made no single file".into())
}

/// Send `job` to the worker and wait for its answer (`done` or `single`), passing on its progress.
async fn run(job: &JsValue, on_progress: impl Fn(usize, usize, String) + 'static) -> Result<JsValue, String> {
    let (worker, ready) = worker()?;
    JsFuture::from(ready).await.map_err(|e| e.as_string().unwrap_or_else(|| "the import worker could not start".into()))?;
    let on_progress = Rc::new(on_progress);
    let done = Promise::new(&mut |resolve, reject| {
        let p = on_progress.clone();
        let handler = OnMessage::new(move |e: MessageEvent| {
            let d = e.data();
            let get = |k: &str| Reflect::get(&d, &k.into()).unwrap_or(JsValue::UNDEFINED);
            if let Some(n) = get("progress").as_f64() {
                p(n as usize, get("of").as_f64().unwrap_or(0.0) as usize, get("file").as_string().unwrap_or_default());
            } else if let Some(err) = get("error").as_string() {
                let _ = reject.call1(&JsValue::NULL, &err.into());
            } else if !get("done").is_undefined() || !get("single").is_undefined() {
                let _ = resolve.call1(&JsValue::NULL, &d);
            }
        });
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        HANDLER.with(|h| *h.borrow_mut() = Some(handler));
    });
    worker.post_message(job).map_err(|e| format!("could not send the job to the import worker: {e:?}"))?;
    JsFuture::from(done).await.map_err(|e| e.as_string().unwrap_or_else(|| "the worker failed".into()))
}

/// `{config_toml, files: [{name, bytes}]}`.
fn job(config_toml: &str, files: &[(String, Vec<u8>)]) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"config_toml".into(), &config_toml.into());
    let _ = Reflect::set(&o, &"files".into(), &crate::studio::files_to_js(files));
    o.into()
}

fn note(n: &JsValue) -> CorpusNote {
    let get = |k: &str| Reflect::get(n, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let level = if get("level") == "warning" { NoteLevel::Warning } else { NoteLevel::Error };
    CorpusNote { file: get("file"), level, message: get("message") }
}
