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

/// The menu's own actions (besides opening, renaming and deleting a corpus), and what it last said.
#[derive(Clone, Default, PartialEq)]
pub struct MenuActions {
    pub import: Callback<MouseEvent>,
    pub settings: Callback<MouseEvent>,
    pub download: Callback<MouseEvent>,
    /// "Make available offline", for a corpus whose texts are fetched as they are read.
    pub offline: Option<Callback<MouseEvent>>,
    pub status: Option<String>,
    /// A job's progress: (done, of).
    pub progress: Option<(usize, usize)>,
    /// A pointer or the focus on a button that opens one of the studio's dialogs: start fetching it.
    pub prefetch: Callback<()>,
}

/// The corpus menu and "Add articles", as the top bar shows them (the prerendered first view shows the same, inert).
pub fn corpus_menu(switcher: CorpusSwitcherProps, a: MenuActions) -> Html {
    let CorpusSwitcherProps { current, builtin, entries, on_open, on_rename, on_delete, .. } = switcher;
    html! { <>
        <CorpusSwitcher {current} {builtin} {entries} {on_open} {on_rename} {on_delete}>
            <button class="btn small" data-testid="settings-open" onclick={a.settings}
                onpointerenter={a.prefetch.reform(|_| ())} onfocus={a.prefetch.reform(|_| ())}>{"Corpus settings…"}</button>
            <button class="btn small" data-testid="download-single" onclick={a.download}>{"Download as a single file"}</button>
            if let Some(offline) = a.offline {
                <button class="btn small" data-testid="make-offline" onclick={offline}>{"Make available offline"}</button>
            }
            if let Some((done, of)) = a.progress {
                <progress data-testid="corpus-progress" max={of.to_string()} value={done.to_string()} aria-label="Fetching the articles' texts"></progress>
            }
            if let Some(s) = a.status { <p class="muted small" role="status" data-testid="corpus-status">{ s }</p> }
        </CorpusSwitcher>
        <button class="btn" data-testid="import-open" aria-haspopup="dialog" onclick={a.import}
            onpointerenter={a.prefetch.reform(|_| ())} onfocus={a.prefetch.reform(|_| ())}>{"Add articles"}</button>
    </> }
}

/// The menu of the page's own corpus before the app has started (the prerendered view): the same buttons, inert.
pub fn inert_menu(corpus: &counterclaim_core::corpus::Corpus) -> Html {
    let switcher = CorpusSwitcherProps {
        current: None,
        builtin: builtin_name(corpus),
        entries: Rc::default(),
        on_open: Callback::noop(),
        on_rename: Callback::noop(),
        on_delete: Callback::noop(),
        children: Html::default(),
    };
    corpus_menu(switcher, MenuActions::default())
}

/// What the built-in corpus is called in the menu: its question, shortened.
pub fn builtin_name(c: &counterclaim_core::corpus::Corpus) -> AttrValue {
    let q = c.config.question.trim();
    let short: String = q.chars().take(48).collect();
    match (q.is_empty(), short.len() < q.len()) {
        (true, _) => "Built-in corpus".into(),
        (false, true) => format!("{}…", short.trim_end()).into(),
        (false, false) => short.into(),
    }
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
