//! The Yew components: one component per file, plus `badges` (the stance and side badges several of them
//! show). Components render what the core computed and dispatch what the user did; they compute nothing the
//! core can (queries, facet counts, comparisons, opposing claims, speaker pages and the reader's claim runs
//! are `counterclaim_core` functions, memoised with `use_memo` where they are costly).
//!
//! How they talk:
//! - `App` owns the one `ViewState` (a reducer over the core's pure `ViewState::apply`, `crate::state`), keeps
//!   the address bar in step with it (`crate::url`) and provides two contexts to everything below it.
//! - [`Ctx`] (`use_ctx()`) holds what never changes after start-up: the corpus, its search index, the
//!   highlighter, and `act`, the only way to change what is shown. A component changes the view by
//!   dispatching an `Action` (`counterclaim_core::view::Action`) through it: `ctx.act.emit(Action::OpenDoc {
//!   .. })`, or `ctx.on_click(action)` for a button. The reducer computes the next state, and the new address
//!   (pushed for navigations, replaced while typing).
//! - [`ViewCtx`] (`use_view()`) holds the current `ViewState`: the components that read it re-render when
//!   it changes; the others re-render only when their props change.
//! - Props carry what a parent already computed for its children (the query's claims, the facet counts, a
//!   claim index). Callback props are the exception: `DocList` (opening and pairing documents) and
//!   `UrlNotice` (dismissing, which is no view change) are handed theirs by `App`.
//! - State that is no part of the link (a facet shown in full, a document picked for pairing, a paragraph
//!   shown) stays in the component that owns it (`use_state`).
pub mod app;
pub mod badges;
pub mod claim_card;
pub mod claim_list;
pub mod compare;
pub mod compare_column;
pub mod compare_dock;
pub mod copy_link;
pub mod corpus_notes;
pub mod corpus_switcher;
pub mod correct_menu;
pub mod corrections_panel;
pub mod date_range;
pub mod disagreements;
pub mod doc_compare;
pub mod doc_list;
pub mod empty_state;
pub mod export_menu;
pub mod facet_box;
pub mod facets;
/// The import dialog and the settings editor are the studio's (`crates/studio`), not the page's: feature `studio`.
#[cfg(feature = "studio")]
pub mod import_dialog;
pub mod marked_text;
pub mod missing_corpus;
pub mod opposing;
pub mod reader;
pub mod result_bar;
#[cfg(target_arch = "wasm32")]
pub mod root;
pub mod search_box;
#[cfg(feature = "studio")]
pub mod settings_editor;
pub mod speaker_panel;
pub mod stance_map;
#[cfg(target_arch = "wasm32")]
pub mod studio_host;
pub mod tabs;
pub mod timeline;
pub mod update_banner;
pub mod url_notice;

use std::rc::Rc;

use yew::prelude::*;

use counterclaim_core::corpus::Corpus;
use counterclaim_core::corrections::{Corrections, Edit};
use counterclaim_core::highlight::Highlighter;
use counterclaim_core::model::Claim;
use counterclaim_core::search::Index;
use counterclaim_core::view::{Action, ViewState};

/// Shared, immutable corpus handle: compares by pointer, so passing it as a prop is free.
#[derive(Clone, Debug)]
pub struct CorpusRef(pub Rc<Corpus>);

impl PartialEq for CorpusRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CorpusRef {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
    }
}

/// What every component may read and that changes only when the reader corrects a claim: the corpus as
/// corrected, its search index, the highlighter, the one way to change the view (`act`), and the corrections
/// with the corpus as packed (`base`) and the one way to change them (`correct`). The current view is a
/// separate context (`use_view`), so a filter change re-renders only the components that read the view or
/// whose props change.
#[derive(Clone)]
pub struct Ctx {
    pub corpus: CorpusRef,
    pub index: Rc<Index>,
    pub hl: Rc<Highlighter>,
    pub act: Callback<Action>,
    /// The corpus before the reader's corrections (where the claims marked "not a claim" still are).
    pub base: CorpusRef,
    pub fixes: Rc<Corrections>,
    pub correct: Callback<Edit>,
}

/// The current view, provided by `App`.
#[derive(Clone, PartialEq)]
pub struct ViewCtx(pub Rc<ViewState>);

impl PartialEq for Ctx {
    fn eq(&self, o: &Self) -> bool {
        self.corpus == o.corpus && Rc::ptr_eq(&self.index, &o.index) && self.act == o.act && Rc::ptr_eq(&self.fixes, &o.fixes)
    }
}

impl Ctx {
    pub fn claim_index(&self, id: &str) -> Option<usize> {
        self.corpus.claim_index(id)
    }
    pub fn claim(&self, i: usize) -> &Claim {
        &self.corpus.claims[i]
    }
    /// A click handler that dispatches `action`.
    pub fn on_click(&self, action: Action) -> Callback<MouseEvent> {
        let act = self.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(action.clone()))
    }
    /// The key handler of an element that acts as a button: Enter or Space dispatches `action`.
    pub fn on_activate_key(&self, action: Action) -> Callback<KeyboardEvent> {
        let act = self.act.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                act.emit(action.clone());
            }
        })
    }
}

/// Whether a `<details>` is open, and its `ontoggle` handler: for contents built only while it is open.
#[hook]
pub fn use_details_open() -> (bool, Callback<Event>) {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open())))
    };
    (*open, ontoggle)
}

/// The key handler of a `<details>` menu: Esc closes it and gives the focus back to its `<summary>`.
pub fn close_on_escape() -> Callback<KeyboardEvent> {
    use wasm_bindgen::JsCast;
    Callback::from(|e: KeyboardEvent| {
        if e.key() != "Escape" {
            return;
        }
        let Some(d) = e.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) else { return };
        if d.open() {
            e.prevent_default();
            e.stop_propagation();
            d.set_open(false);
            if let Some(s) = d.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = s.focus();
            }
        }
    })
}

/// Read the app context (always provided by `App`).
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("Ctx is provided by App")
}

/// Read the current view (always provided by `App`).
#[hook]
pub fn use_view() -> Rc<ViewState> {
    use_context::<ViewCtx>().expect("ViewCtx is provided by App").0
}
