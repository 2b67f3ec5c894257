//! The corpus menu in the top bar: the page's built-in corpus and the reader's own, to open, rename or delete.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use counterclaim_core::library::Entry;

#[derive(Properties, PartialEq)]
pub struct CorpusSwitcherProps {
    /// The open corpus: `None` for the built-in one.
    pub current: Option<String>,
    /// What the built-in corpus is called in the menu.
    pub builtin: AttrValue,
    pub entries: Rc<Vec<Entry>>,
    /// Open a corpus (`None`: the built-in one).
    pub on_open: Callback<Option<String>>,
    /// `(id, new name)`.
    pub on_rename: Callback<(String, String)>,
    pub on_delete: Callback<String>,
    /// More items at the end of the menu (adding articles, the settings).
    #[prop_or_default]
    pub children: Html,
}

/// What a row of the menu is doing besides being listed.
#[derive(Clone, PartialEq)]
enum RowMode {
    Renaming(String),
    ConfirmDelete(String),
}

#[function_component(CorpusSwitcher)]
pub fn corpus_switcher(p: &CorpusSwitcherProps) -> Html {
    let mode = use_state(|| None::<RowMode>);
    let current_name = match &p.current {
        None => p.builtin.to_string(),
        Some(id) => p.entries.iter().find(|e| &e.id == id).map_or_else(|| id.clone(), |e| e.name.clone()),
    };
    let open = |id: Option<String>| {
        let cb = p.on_open.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    html! {
        <details class="corpus-menu export-menu" data-testid="corpus-switcher" onkeydown={super::close_on_escape()}>
            <summary class="btn">{"Corpus: "}<span class="corpus-name" data-testid="corpus-name">{ current_name }</span></summary>
            <div class="export-items corpus-items" role="group" aria-label="Corpora">
                <ul class="corpus-list">
                    <li data-corpus-id="" aria-current={p.current.is_none().then_some("true")}>
                        <button class="linkish" onclick={open(None)}>{ p.builtin.clone() }</button>
                        <span class="muted small">{" built in"}</span>
                    </li>
                    { for p.entries.iter().map(|e| row(p, e, &mode, open(Some(e.id.clone())))) }
                </ul>
                { p.children.clone() }
            </div>
        </details>
    }
}

/// One of the reader's corpora: its name (or the rename box), counts, and Rename / Delete (with a confirmation).
fn row(p: &CorpusSwitcherProps, e: &Entry, mode: &UseStateHandle<Option<RowMode>>, open: Callback<MouseEvent>) -> Html {
    let set = |m: Option<RowMode>| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(m.clone()))
    };
    let current = (p.current.as_deref() == Some(e.id.as_str())).then_some("true");
    let body = match &**mode {
        Some(RowMode::Renaming(id)) if *id == e.id => rename_box(p, e, mode),
        Some(RowMode::ConfirmDelete(id)) if *id == e.id => {
            let (del, id) = (p.on_delete.clone(), e.id.clone());
            let yes = Callback::from(move |_: MouseEvent| del.emit(id.clone()));
            html! { <>
                <span role="alert">{ format!("Delete “{}” from this browser?", e.name) }</span>
                <button class="btn small danger" data-testid="corpus-delete-yes" onclick={yes}>{"Delete"}</button>
                <button class="btn small" onclick={set(None)}>{"Keep"}</button>
            </> }
        }
        _ => html! { <>
            <button class="linkish" onclick={open}>{ e.name.clone() }</button>
            <span class="muted small">{ format!(" {} documents · {} claims ", e.docs, e.claims) }</span>
            <button class="btn small" data-testid="corpus-rename" onclick={set(Some(RowMode::Renaming(e.id.clone())))}>{"Rename"}</button>
            <button class="btn small" data-testid="corpus-delete" onclick={set(Some(RowMode::ConfirmDelete(e.id.clone())))}>{"Delete"}</button>
        </> },
    };
    html! { <li data-corpus-id={e.id.clone()} aria-current={current}>{ body }</li> }
}

/// The name in an input: Enter renames, Escape leaves it as it was.
fn rename_box(p: &CorpusSwitcherProps, e: &Entry, mode: &UseStateHandle<Option<RowMode>>) -> Html {
    let (rename, id, mode) = (p.on_rename.clone(), e.id.clone(), mode.clone());
    let onkeydown = Callback::from(move |k: KeyboardEvent| {
        let input = k.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        match k.key().as_str() {
            "Enter" => {
                if let Some(i) = input {
                    rename.emit((id.clone(), i.value()));
                }
                mode.set(None);
            }
            "Escape" => {
                k.stop_propagation();
                mode.set(None);
            }
            _ => {}
        }
    });
    html! {
        <input class="corpus-rename" data-testid="corpus-rename-input" aria-label={format!("New name for {}", e.name)}
            value={e.name.clone()} {onkeydown} autofocus=true />
    }
}
