//! The worker's message loop: jobs in, progress and the packed corpus out (see `main.rs` for the messages).
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use counterclaim_builder::import;
use counterclaim_core::model::{CorpusNote, NoteLevel};

/// Listen for jobs and tell the page the worker is ready (messages sent before would be lost).
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let answer = job(&e.data(), &reply).unwrap_or_else(|error| object(&[("error", error.into())]));
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
