//! Where the studio's dialogs open (`crate::studio`): an element the studio renders into, and the page's own
//! message while the studio loads, or when it cannot (the single-file edition, offline before its first use).
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::studio::{self, Imported};

/// Which of the studio's dialogs, with what it starts from and where its result goes.
#[derive(Clone, PartialEq)]
pub enum Tool {
    /// "Add articles", extracting with `config_toml`.
    Import { config_toml: String, on_imported: Callback<Rc<Imported>> },
    /// The settings editor, starting from `config_toml` (the corpus's `corpus.toml`).
    Settings { config_toml: String, on_save: Callback<String> },
}

#[derive(Properties, PartialEq)]
pub struct StudioHostProps {
    pub tool: Tool,
    pub on_close: Callback<()>,
}

#[function_component(StudioHost)]
pub fn studio_host(p: &StudioHostProps) -> Html {
    let host = use_node_ref();
    // None: loading; Some(None): the studio shows its dialog; Some(Some(why)): it cannot.
    let shown = use_state(|| None::<Option<String>>);
    {
        let (host, shown, tool, on_close) = (host.clone(), shown.clone(), p.tool.clone(), p.on_close.clone());
        use_effect_with((), move |_| open(host, shown, tool, on_close));
    }
    let (testid, title) = match p.tool {
        Tool::Import { .. } => ("import-dialog", "Add articles"),
        Tool::Settings { .. } => ("settings-dialog", "Corpus settings"),
    };
    let close = p.on_close.reform(|_: MouseEvent| ());
    // While loading, the dialog is not yet the tool's (tests and scripts find the tool's own by its test id).
    let (message, testid) = match &*shown {
        Some(None) => (None, testid),
        None => (Some(html! { <p class="muted" role="status">{"Loading…"}</p> }), "studio-loading"),
        Some(Some(why)) => (Some(html! { <p class="import-unavailable" data-testid="import-unavailable">{why}</p> }), testid),
    };
    // The host stays the first node throughout, so what the studio rendered into it is never replaced.
    html! { <>
        <div ref={host} class="studio-host" />
        if let Some(message) = message {
            <div class="import-backdrop">
                <div class="import-dialog" role="dialog" aria-modal="true" aria-labelledby="studio-title" data-testid={testid}>
                    <div class="import-head">
                        <h2 id="studio-title">{title}</h2>
                        <button class="btn small" data-testid="import-close" onclick={close}>{"Close"}</button>
                    </div>
                    { message }
                </div>
            </div>
        }
    </> }
}

/// Load the studio and open `tool` in `host`, or say why not.
fn open(host: NodeRef, shown: UseStateHandle<Option<Option<String>>>, tool: Tool, on_close: Callback<()>) {
    let what = if matches!(tool, Tool::Import { .. }) { "Adding articles" } else { "Editing the corpus settings" };
    if let Some(why) = studio::unavailable(what) {
        return shown.set(Some(Some(why)));
    }
    spawn_local(async move {
        let Some(el) = host.cast::<web_sys::Element>() else { return };
        let close = Closure::<dyn Fn()>::new(move || on_close.emit(())).into_js_value();
        let (method, config_toml, result) = match tool {
            Tool::Import { config_toml, on_imported } => {
                let f = Closure::<dyn Fn(JsValue)>::new(move |v: JsValue| {
                    if let Some(i) = Imported::from_js(&v) {
                        on_imported.emit(Rc::new(i));
                    }
                });
                ("openImport", config_toml, f.into_js_value())
            }
            Tool::Settings { config_toml, on_save } => {
                let f = Closure::<dyn Fn(JsValue)>::new(move |v: JsValue| on_save.emit(v.as_string().unwrap_or_default()));
                ("openSettings", config_toml, f.into_js_value())
            }
        };
        match studio::call(method, &[el.into(), config_toml.into(), result, close]).await {
            Ok(_) => shown.set(Some(None)),
            Err(why) => shown.set(Some(Some(why))),
        }
    });
}
