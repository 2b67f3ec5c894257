//! The studio's client: the import dialog and the settings editor are a second wasm (`crates/studio`), fetched the
//! first time one of them opens (named by `<meta name="counterclaim-studio">`), so the page that shows claims never
//! carries them. Both sides pass an import across as plain JavaScript values (`Imported::to_js` / `from_js`).
use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::page::STUDIO_META;

/// The global the studio's start sets: `{openImport, openSettings}`.
pub const GLOBAL: &str = "counterclaimStudio";
/// The events its script sends on `window` when it started, or failed to.
pub const READY: &str = "counterclaim-studio-ready";
pub const FAILED: &str = "counterclaim-studio-failed";

/// An import that finished: what it was made from and what it made.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// A name for the corpus (from the files it could use; empty when none).
    pub name: String,
    pub config_toml: String,
    pub files: Vec<(String, Vec<u8>)>,
    /// The packed corpus (`counterclaim_core::pack::unpack`).
    pub pack: Vec<u8>,
}

impl Imported {
    /// `{name, config_toml, files: [{name, bytes}], pack}`.
    pub fn to_js(&self) -> JsValue {
        let o = Object::new();
        set(&o, "name", &self.name.as_str().into());
        set(&o, "config_toml", &self.config_toml.as_str().into());
        set(&o, "files", &files_to_js(&self.files));
        set(&o, "pack", &Uint8Array::from(self.pack.as_slice()));
        o.into()
    }

    /// What [`Imported::to_js`] made; `None` when a part is missing.
    pub fn from_js(v: &JsValue) -> Option<Imported> {
        let get = |k: &str| Reflect::get(v, &k.into()).ok();
        Some(Imported {
            name: get("name")?.as_string()?,
            config_toml: get("config_toml")?.as_string()?,
            files: files_from_js(&get("files")?)?,
            pack: get("pack")?.dyn_into::<Uint8Array>().ok()?.to_vec(),
        })
    }
}

/// `[{name, bytes}]`.
pub fn files_to_js(files: &[(String, Vec<u8>)]) -> JsValue {
    let list: Array = files
        .iter()
        .map(|(name, bytes)| {
            let f = Object::new();
            let _ = Reflect::set(&f, &"name".into(), &name.as_str().into());
            let _ = Reflect::set(&f, &"bytes".into(), &Uint8Array::from(bytes.as_slice()));
            JsValue::from(f)
        })
        .collect();
    list.into()
}

/// What [`files_to_js`] made; `None` when a part is missing.
pub fn files_from_js(v: &JsValue) -> Option<Vec<(String, Vec<u8>)>> {
    v.dyn_ref::<Array>()?.iter().map(|f| file_from_js(&f)).collect()
}

fn file_from_js(f: &JsValue) -> Option<(String, Vec<u8>)> {
    let name = Reflect::get(f, &"name".into()).ok()?.as_string()?;
    Some((name, Reflect::get(f, &"bytes".into()).ok()?.dyn_into::<Uint8Array>().ok()?.to_vec()))
}

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &k.into(), v);
}

/// Why the studio cannot load here, if it cannot: the single-file edition (opened from `file://`) has none.
pub fn unavailable(what: &str) -> Option<String> {
    let served = gloo::utils::window().location().protocol().is_ok_and(|p| p != "file:");
    (!(served && script_url().is_some())).then(|| {
        format!("{what} needs the served site (this single-file edition cannot load the tools for it): open the app from its web address, or build your corpus with `counterclaim site`.")
    })
}

fn script_url() -> Option<String> {
    let meta = gloo::utils::document().query_selector(&format!("meta[name=\"{STUDIO_META}\"]")).ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

thread_local! {
    /// The studio's global once started, or the promise of it while its script loads.
    static STUDIO: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The studio's `{openImport, openSettings}`, its script loaded and started on first use.
pub async fn studio() -> Result<JsValue, String> {
    let loading = match STUDIO.with(|s| s.borrow().clone()) {
        Some(p) => p,
        None => {
            let p = load()?;
            STUDIO.with(|s| *s.borrow_mut() = Some(p.clone()));
            p
        }
    };
    JsFuture::from(loading).await.map_err(|e| {
        // Tried again next time: the failure may be the network's.
        STUDIO.with(|s| s.borrow_mut().take());
        e.as_string().unwrap_or_else(load_failure)
    })
}

/// Start fetching the studio, if it can load here and has not been: a dialog of it is about to be opened.
pub fn prefetch() {
    if STUDIO.with(|s| s.borrow().is_none()) && unavailable("").is_none() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = studio().await;
        });
    }
}

/// Append the studio's `<script>`; the promise resolves to its global once it says it started.
fn load() -> Result<Promise, String> {
    let url = script_url().ok_or("this page names no studio")?;
    let doc = gloo::utils::document();
    let script = doc.create_element("script").map_err(|_| "could not add the studio's script")?;
    let p = Promise::new(&mut |resolve, reject| {
        let w = gloo::utils::window();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &Reflect::get(&gloo::utils::window(), &GLOBAL.into()).unwrap_or_default());
        });
        let failed: Function = Closure::<dyn Fn()>::new(move || {
            let _ = reject.call1(&JsValue::NULL, &load_failure().into());
        })
        .into_js_value()
        .unchecked_into();
        let _ = w.add_event_listener_with_callback(READY, ok.unchecked_ref());
        let _ = w.add_event_listener_with_callback(FAILED, &failed);
        let _ = script.add_event_listener_with_callback("error", &failed);
    });
    script.set_attribute("src", &url).map_err(|_| "could not add the studio's script")?;
    doc.head().ok_or("this page has no head")?.append_child(&script).map_err(|_| "could not add the studio's script")?;
    Ok(p)
}

/// Why the studio did not load: it is fetched the first time it is needed (and kept for offline use from then on).
fn load_failure() -> String {
    if gloo::utils::window().navigator().on_line() {
        "the import and settings tools failed to load: reload the page and try again".into()
    } else {
        "the import and settings tools are fetched the first time you use them, and this browser is offline: connect once and try again (from then on they work offline)".into()
    }
}

/// Call the studio's `method` with `args`; what it returned.
pub async fn call(method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let s = studio().await?;
    let f: Function = Reflect::get(&s, &method.into()).ok().and_then(|f| f.dyn_into().ok()).ok_or("the studio did not start")?;
    f.apply(&s, &args.iter().collect::<Array>()).map_err(|e| format!("the studio failed: {e:?}"))
}

/// Call a `method` of the studio that returns a promise, and wait for it (a rejection is its message).
async fn call_async(method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let p: Promise = call(method, args).await?.dyn_into().map_err(|_| format!("the studio's {method} gave no promise"))?;
    JsFuture::from(p).await.map_err(|e| e.as_string().unwrap_or_else(|| format!("the studio's {method} failed")))
}

/// The packed corpus `files` make with `config_toml`, built in the import worker (the studio's `rebuild`).
pub async fn rebuild(config_toml: &str, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let pack = call_async("rebuild", &[config_toml.into(), files_to_js(files)]).await?;
    pack.dyn_into::<Uint8Array>().map(|p| p.to_vec()).map_err(|_| "the import worker sent no corpus".into())
}

/// The single-file edition of this page with `pack`, `corrections` and `corpus_id` (the studio's `singleFile`).
pub async fn single_file(pack: &[u8], corrections: &str, corpus_id: Option<&str>) -> Result<String, String> {
    let args = [Uint8Array::from(pack).into(), corrections.into(), corpus_id.unwrap_or_default().into()];
    call_async("singleFile", &args).await?.as_string().ok_or_else(|| "the worker made no single file".into())
}
