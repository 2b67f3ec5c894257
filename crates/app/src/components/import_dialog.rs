//! "Add articles": a dialog that takes files (picker or drag-and-drop: `.txt`, `.html`, `.htm`, `.md`) or pasted text,
//! builds them in the import worker (`crate::worker`) with a progress bar, lists the files that could not be used, and
//! hands the packed corpus on (`on_imported`). `Root` shows it; the button that opens it sits in `App`'s top bar.
use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::studio::Imported;
use counterclaim_core::model::CorpusNote;

/// The file types the picker offers (the worker's ingest takes exactly these).
const ACCEPT: &str = ".txt,.html,.htm,.md";

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The `corpus.toml` the articles are extracted with.
    pub config_toml: String,
    pub on_imported: Callback<Rc<Imported>>,
    pub on_close: Callback<()>,
}

/// Where the dialog is.
#[derive(Clone, PartialEq)]
enum Stage {
    Choosing,
    /// File `n` of `of` done (the last one named `file`).
    Building {
        n: usize,
        of: usize,
        file: String,
    },
    Done {
        of: usize,
        docs_notes: Vec<CorpusNote>,
    },
    Failed(String),
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let stage = use_state(|| Stage::Choosing);
    let dropping = use_state(|| false);
    let (title, text) = (use_node_ref(), use_node_ref());
    let unavailable = crate::worker::unavailable();
    let run = use_run(props, stage.clone());
    let busy = matches!(*stage, Stage::Building { .. });
    let close = {
        let c = props.on_close.clone();
        Callback::from(move |_: MouseEvent| c.emit(()))
    };
    let onkeydown = {
        let c = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                c.emit(())
            }
        })
    };
    let drop_handlers = drop_handlers(dropping.clone(), run.clone(), busy);
    html! {
        <div class="import-backdrop">
            <div class={classes!("import-dialog", (*dropping).then_some("dropping"))} role="dialog" aria-modal="true"
                aria-labelledby="import-title" data-testid="import-dialog" {onkeydown}
                ondragover={drop_handlers.0} ondragleave={drop_handlers.1} ondrop={drop_handlers.2}>
                <div class="import-head">
                    <h2 id="import-title">{"Add articles"}</h2>
                    <button class="btn small" data-testid="import-close" onclick={close}>{"Close"}</button>
                </div>
                if let Some(why) = unavailable {
                    <p class="import-unavailable" data-testid="import-unavailable">{why}</p>
                } else {
                    <p class="muted">{"Plain text (.txt), web pages saved from a browser (.html) or Markdown (.md), as many as you like: choose them or drop them here. They stay on this computer."}</p>
                    <p class="muted small" data-testid="import-settings-hint">{ settings_hint(&props.config_toml) }</p>
                    <label class="import-pick">
                        <span class="btn">{"Choose files…"}</span>
                        <input type="file" multiple=true accept={ACCEPT} class="visually-hidden" data-testid="import-file"
                            disabled={busy} onchange={on_pick(run.clone())} />
                    </label>
                    { paste_box(&title, &text, &run, busy) }
                    { progress(&stage) }
                }
            </div>
        </div>
    }
}

/// The progress bar and the result: file n of N, then the notes on the files that could not be used.
fn progress(stage: &Stage) -> Html {
    let bar = |n: usize, of: usize, label: String| {
        html! {
            <div class="import-progress" role="status">
                <progress data-testid="import-progress" max={of.to_string()} value={n.to_string()}>{label.clone()}</progress>
                <span>{label}</span>
            </div>
        }
    };
    match stage {
        Stage::Choosing => html! {},
        Stage::Building { n, of, file } => bar(*n, *of, format!("file {n} of {of}: {file}")),
        Stage::Done { of, docs_notes } => html! { <>
            { bar(*of, *of, format!("{of} of {of} files read: the page now shows them")) }
            if !docs_notes.is_empty() {
                <ul class="import-notes">
                    { for docs_notes.iter().map(|n| html! {
                        <li data-testid="import-note" data-file={n.file.clone()}><strong>{&n.file}</strong>{": "}{&n.message}</li>
                    }) }
                </ul>
            }
        </> },
        Stage::Failed(why) => html! { <p class="import-failed" role="alert">{why}</p> },
    }
}

/// Start an import of the given files: read by the worker, then handed to `on_imported`.
#[hook]
fn use_run(props: &ImportDialogProps, stage: UseStateHandle<Stage>) -> Callback<Vec<(String, Vec<u8>)>> {
    let (config, on_imported) = (props.config_toml.clone(), props.on_imported.clone());
    use_callback((config, on_imported), move |files: Vec<(String, Vec<u8>)>, (config, on_imported)| {
        let (config, on_imported, stage) = (config.clone(), on_imported.clone(), stage.clone());
        let of = files.len();
        stage.set(Stage::Building { n: 0, of, file: String::new() });
        wasm_bindgen_futures::spawn_local(async move {
            let s = stage.clone();
            let step = move |n, of, file| s.set(Stage::Building { n, of, file });
            match crate::worker::build(&config, &files, step).await {
                Ok(built) => {
                    let useful = built.notes.iter().filter(|n| n.level == counterclaim_core::model::NoteLevel::Error).cloned().collect();
                    stage.set(Stage::Done { of, docs_notes: useful });
                    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
                    let name = counterclaim_core::library::name_for(&names, &built.notes);
                    on_imported.emit(Rc::new(Imported { name, config_toml: config, files, pack: built.pack }));
                }
                Err(e) => stage.set(Stage::Failed(e)),
            }
        });
    })
}

/// Read every file of a list, in order.
async fn read_files(list: FileList) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(f) = list.get(i) else { continue };
        if let Ok(buf) = JsFuture::from(f.array_buffer()).await {
            out.push((f.name(), Uint8Array::new(&buf).to_vec()));
        }
    }
    out
}

fn read_then_run(list: FileList, run: Callback<Vec<(String, Vec<u8>)>>) {
    if list.length() == 0 {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move { run.emit(read_files(list).await) });
}

fn on_pick(run: Callback<Vec<(String, Vec<u8>)>>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        if let Some(list) = input.files() {
            read_then_run(list, run.clone());
        }
    })
}

type DropHandlers = (Callback<DragEvent>, Callback<DragEvent>, Callback<DragEvent>);

/// Drag-over (accept), drag-leave and drop on the dialog.
fn drop_handlers(dropping: UseStateHandle<bool>, run: Callback<Vec<(String, Vec<u8>)>>, busy: bool) -> DropHandlers {
    let d = dropping.clone();
    let over = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        d.set(!busy);
    });
    let d = dropping.clone();
    let leave = Callback::from(move |_: DragEvent| d.set(false));
    let drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        dropping.set(false);
        if let Some(list) = e.data_transfer().and_then(|t| t.files()).filter(|_| !busy) {
            read_then_run(list, run.clone());
        }
    });
    (over, leave, drop)
}

/// A title and a text pasted in, imported as one plain-text article (one component with the dialog: each component
/// type costs the page's wasm a few KB).
fn paste_box(title: &NodeRef, text: &NodeRef, run: &Callback<Vec<(String, Vec<u8>)>>, busy: bool) -> Html {
    let onclick = {
        let (title, text, run) = (title.clone(), text.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            let t = title.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let body = text.cast::<HtmlTextAreaElement>().map(|i| i.value()).unwrap_or_default();
            if let Some(file) = pasted_file(&t, &body) {
                run.emit(vec![file]);
            }
        })
    };
    html! {
        <details class="import-paste">
            <summary>{"Or paste an article"}</summary>
            <label>{"Title"}<input ref={title.clone()} type="text" data-testid="import-paste-title" /></label>
            <label>{"Text"}<textarea ref={text.clone()} rows="6" data-testid="import-paste-text" /></label>
            <button class="btn" data-testid="import-paste-add" disabled={busy} {onclick}>{"Add this text"}</button>
        </details>
    }
}

/// What the articles are read with: the settings saved for them, or none yet (and where to set them).
fn settings_hint(config_toml: &str) -> &'static str {
    if config_toml.trim().is_empty() {
        "No question is set yet, so stances are read against none: set the question and sides first in Corpus → Corpus settings…, or later on the imported corpus."
    } else {
        "They are read with the corpus settings you saved (Corpus → Corpus settings…)."
    }
}

/// The pasted article as a plain-text file ("Title: …", then the text), named after its title; none without text.
fn pasted_file(title: &str, body: &str) -> Option<(String, Vec<u8>)> {
    if body.trim().is_empty() {
        return None;
    }
    let slug: String = title.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let slug = slug.split('-').filter(|s| !s.is_empty()).take(8).collect::<Vec<_>>().join("-");
    let name = format!("{}.txt", if slug.is_empty() { "pasted" } else { &slug });
    let text = if title.trim().is_empty() { body.to_string() } else { format!("Title: {}\n\n{body}", title.trim()) };
    Some((name, text.into_bytes()))
}
