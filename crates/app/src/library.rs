//! The reader's own corpora in the browser's IndexedDB: listed, read, written, renamed and deleted.
//!
//! Two object stores keyed by corpus id: `entries` (the small [`Entry`] the switcher lists) and `corpora` (the
//! bytes: the imported files, the `corpus.toml` they were extracted with, and the pack the page reads).
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

pub use counterclaim_core::library::Entry;

const DB: &str = "counterclaim";
const VERSION: u32 = 1;
const ENTRIES: &str = "entries";
const CORPORA: &str = "corpora";

/// What is kept of an imported corpus besides its entry: enough to show it and to extract it again.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Stored {
    pub config_toml: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub pack: Vec<u8>,
}

/// Why the library could not be used, in words for the reader.
pub type Error = String;

/// Every entry, newest first.
pub async fn list() -> Result<Vec<Entry>, Error> {
    let db = open().await?;
    let all = request(&store(&db, ENTRIES, false)?.get_all().map_err(js)?).await?;
    let entries = Array::from(&all).iter().filter_map(|v| entry_from(&v)).collect();
    Ok(counterclaim_core::library::sorted(entries))
}

/// The bytes of corpus `id`, if the library has it.
pub async fn get(id: &str) -> Result<Option<Stored>, Error> {
    let db = open().await?;
    let v = request(&store(&db, CORPORA, false)?.get(&id.into()).map_err(js)?).await?;
    Ok((!v.is_undefined()).then(|| stored_from(&v)))
}

/// Keep (or replace) a corpus; resolves once both stores are written.
pub async fn put(entry: &Entry, data: &Stored) -> Result<(), Error> {
    let db = open().await?;
    let tx = transaction(&db, true)?;
    let key = JsValue::from_str(&entry.id);
    tx.object_store(ENTRIES).map_err(js)?.put_with_key(&entry_to(entry), &key).map_err(js)?;
    tx.object_store(CORPORA).map_err(js)?.put_with_key(&stored_to(data), &key).map_err(js)?;
    committed(&tx).await
}

/// Give corpus `id` a new name.
pub async fn rename(id: &str, name: &str) -> Result<(), Error> {
    let db = open().await?;
    let v = request(&store(&db, ENTRIES, false)?.get(&id.into()).map_err(js)?).await?;
    let Some(mut entry) = entry_from(&v) else { return Err(format!("no corpus {id} in this browser")) };
    entry.name = name.to_string();
    let tx = transaction(&db, true)?;
    tx.object_store(ENTRIES).map_err(js)?.put_with_key(&entry_to(&entry), &id.into()).map_err(js)?;
    committed(&tx).await
}

/// Remove corpus `id` (entry and bytes).
pub async fn delete(id: &str) -> Result<(), Error> {
    let db = open().await?;
    let tx = transaction(&db, true)?;
    for name in [ENTRIES, CORPORA] {
        tx.object_store(name).map_err(js)?.delete(&id.into()).map_err(js)?;
    }
    committed(&tx).await
}

// ------------------------------------------------------------------------------------------------ IndexedDB

fn js(e: JsValue) -> Error {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

/// The database, created on first use.
async fn open() -> Result<IdbDatabase, Error> {
    let factory = gloo::utils::window().indexed_db().map_err(js)?.ok_or("this browser keeps no local databases (IndexedDB is off)")?;
    let req = factory.open_with_u32(DB, VERSION).map_err(js)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let Some(db) = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()) else { return };
        let db: IdbDatabase = db.unchecked_into();
        for name in [ENTRIES, CORPORA] {
            if !db.object_store_names().contains(name) {
                let _ = db.create_object_store(name);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(&req).await?.unchecked_into())
}

fn transaction(db: &IdbDatabase, write: bool) -> Result<IdbTransaction, Error> {
    let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
    let names = Array::of2(&ENTRIES.into(), &CORPORA.into());
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(js)
}

fn store(db: &IdbDatabase, name: &str, write: bool) -> Result<web_sys::IdbObjectStore, Error> {
    transaction(db, write)?.object_store(name).map_err(js)
}

/// The result of `req` once it succeeds.
async fn request(req: &IdbRequest) -> Result<JsValue, Error> {
    let p = Promise::new(&mut |ok, fail| {
        let r = req.clone();
        req.set_onsuccess(Some(Closure::once_into_js(move || ok.call1(&JsValue::NULL, &r.result().unwrap_or_default())).unchecked_ref()));
        let r = req.clone();
        req.set_onerror(Some(Closure::once_into_js(move || fail.call1(&JsValue::NULL, &error_of(r.error()))).unchecked_ref()));
    });
    JsFuture::from(p).await.map_err(js)
}

/// Resolves when `tx` has committed.
async fn committed(tx: &IdbTransaction) -> Result<(), Error> {
    let p = Promise::new(&mut |ok, fail| {
        tx.set_oncomplete(Some(Closure::once_into_js(move || ok.call0(&JsValue::NULL)).unchecked_ref()));
        let t = tx.clone();
        let fail2 = fail.clone();
        tx.set_onerror(Some(Closure::once_into_js(move || fail.call1(&JsValue::NULL, &error_of(Ok(t.error())))).unchecked_ref()));
        tx.set_onabort(Some(
            Closure::once_into_js(move || fail2.call1(&JsValue::NULL, &"the browser's storage is full or blocked".into())).unchecked_ref(),
        ));
    });
    JsFuture::from(p).await.map(|_| ()).map_err(js)
}

fn error_of<E: Into<JsValue>>(e: Result<Option<E>, JsValue>) -> JsValue {
    match e {
        Ok(Some(e)) => e.into(),
        _ => "the browser's storage refused".into(),
    }
}

// ------------------------------------------------------------------------------------------------ values

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &k.into(), v);
}

fn get_field(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or_default()
}

fn entry_to(e: &Entry) -> Object {
    let o = Object::new();
    set(&o, "id", &e.id.as_str().into());
    set(&o, "name", &e.name.as_str().into());
    set(&o, "created", &(e.created as f64).into());
    set(&o, "docs", &(e.docs as f64).into());
    set(&o, "claims", &(e.claims as f64).into());
    o
}

fn entry_from(v: &JsValue) -> Option<Entry> {
    let num = |k| get_field(v, k).as_f64().unwrap_or(0.0);
    Some(Entry {
        id: get_field(v, "id").as_string()?,
        name: get_field(v, "name").as_string().unwrap_or_default(),
        created: num("created") as u64,
        docs: num("docs") as usize,
        claims: num("claims") as usize,
    })
}

fn stored_to(s: &Stored) -> Object {
    let o = Object::new();
    set(&o, "config", &s.config_toml.as_str().into());
    let files = Array::new();
    for (name, bytes) in &s.files {
        let f = Object::new();
        set(&f, "name", &name.as_str().into());
        set(&f, "bytes", &Uint8Array::from(bytes.as_slice()).into());
        files.push(&f);
    }
    set(&o, "files", &files.into());
    set(&o, "pack", &Uint8Array::from(s.pack.as_slice()).into());
    o
}

fn stored_from(v: &JsValue) -> Stored {
    let bytes = |v: JsValue| v.dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    let files = Array::from(&get_field(v, "files"))
        .iter()
        .map(|f| (get_field(&f, "name").as_string().unwrap_or_default(), bytes(get_field(&f, "bytes"))))
        .collect();
    Stored { config_toml: get_field(v, "config").as_string().unwrap_or_default(), files, pack: bytes(get_field(v, "pack")) }
}
