//! The studio's entry points: the two dialogs, each rendered into the element the page gives it (its result handed to
//! the page's function, torn down when it closes), and the import worker's two jobs the page asks for.
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use counterclaim_app::components::import_dialog::{ImportDialog, ImportDialogProps};
use counterclaim_app::components::settings_editor::{SettingsEditor, SettingsEditorProps};
use counterclaim_app::studio::{files_from_js, Imported, GLOBAL, READY};
use counterclaim_app::worker;
use counterclaim_builder::config;

/// `(host, corpus.toml, on_result, on_close)`, as the page calls both entry points.
type Entry = dyn Fn(Element, String, Function, Function);

thread_local! {
    /// Tears down the open dialog.
    static OPEN: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(None);
}

/// Set `window.counterclaimStudio` and send the ready event.
pub fn start() {
    let api = Object::new();
    let entries: [(&str, Closure<Entry>); 2] = [("openImport", Closure::new(open_import)), ("openSettings", Closure::new(open_settings))];
    for (name, f) in entries {
        let _ = Reflect::set(&api, &name.into(), &f.into_js_value());
    }
    let rebuild = Closure::<dyn Fn(String, JsValue) -> Promise>::new(rebuild).into_js_value();
    let single = Closure::<dyn Fn(Uint8Array, String, String) -> Promise>::new(single_file).into_js_value();
    let _ = Reflect::set(&api, &"rebuild".into(), &rebuild);
    let _ = Reflect::set(&api, &"singleFile".into(), &single);
    let w = gloo::utils::window();
    let _ = Reflect::set(&w, &GLOBAL.into(), &api);
    if let Ok(e) = web_sys::Event::new(READY) {
        let _ = w.dispatch_event(&e);
    }
}

/// Tear down the open dialog, after the event that closed it is handled.
fn close() {
    if let Some(destroy) = OPEN.with(|o| o.borrow_mut().take()) {
        gloo::timers::callback::Timeout::new(0, destroy).forget();
    }
}

/// The dialog's `on_close`: torn down, then the page told.
fn closing(on_close: Function) -> Callback<()> {
    Callback::from(move |_| {
        close();
        let _ = on_close.call0(&JsValue::NULL);
    })
}

fn keep(destroy: impl FnOnce() + 'static) {
    close();
    OPEN.with(|o| *o.borrow_mut() = Some(Box::new(destroy)));
}

fn open_import(host: Element, config_toml: String, on_imported: Function, on_close: Function) {
    let on_imported = Callback::from(move |i: Rc<Imported>| {
        let _ = on_imported.call1(&JsValue::NULL, &i.to_js());
    });
    let props = ImportDialogProps { config_toml, on_imported, on_close: closing(on_close) };
    let app = yew::Renderer::<ImportDialog>::with_root_and_props(host, props).render();
    keep(move || app.destroy());
}

/// `rebuild(config_toml, files)`: the pack the import worker makes of `files` (`[{name, bytes}]`).
fn rebuild(config_toml: String, files: JsValue) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let files = files_from_js(&files).ok_or("the page sent no files")?;
        let built = worker::build(&config_toml, &files, |_, _, _| {}).await?;
        Ok(Uint8Array::from(built.pack.as_slice()).into())
    })
}

/// `singleFile(pack, corrections, corpus_id)`: the single-file edition, made in the import worker.
fn single_file(pack: Uint8Array, corrections: String, corpus_id: String) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let id = Some(corpus_id.as_str()).filter(|i| !i.is_empty());
        Ok(worker::single_file(&pack.to_vec(), &corrections, id).await?.into())
    })
}

fn open_settings(host: Element, config_toml: String, on_save: Function, on_close: Function) {
    let props = SettingsDialogProps { config_toml, on_save, on_close };
    let app = yew::Renderer::<SettingsDialog>::with_root_and_props(host, props).render();
    keep(move || app.destroy());
}

#[derive(Properties, PartialEq)]
struct SettingsDialogProps {
    config_toml: String,
    on_save: Function,
    on_close: Function,
}

/// The settings editor over the page's `corpus.toml`, or what is wrong with that text (then nothing can be saved over it).
#[function_component(SettingsDialog)]
fn settings_dialog(p: &SettingsDialogProps) -> Html {
    let on_close = closing(p.on_close.clone());
    let on_save = {
        let (save, close) = (p.on_save.clone(), on_close.clone());
        Callback::from(move |toml: String| {
            let _ = save.call1(&JsValue::NULL, &toml.into());
            close.emit(());
        })
    };
    let t = &p.config_toml;
    let editor = match (config::parse(t), config::parse_stance_labels(t), config::parse_background(t)) {
        (Ok(config), Ok(labels), Ok(background)) => {
            let props = SettingsEditorProps { config, labels, background, on_save, on_close };
            html! { <SettingsEditor ..props /> }
        }
        (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => html! {
            <div class="import-dialog" role="dialog" aria-modal="true" aria-label="Corpus settings">
                <p class="import-failed" role="alert">{format!("These settings cannot be edited here: {e}")}</p>
                <button class="btn small" data-testid="import-close" onclick={on_close.reform(|_: MouseEvent| ())}>{"Close"}</button>
            </div>
        },
    };
    html! { <div class="import-backdrop" data-testid="settings-dialog">{ editor }</div> }
}
