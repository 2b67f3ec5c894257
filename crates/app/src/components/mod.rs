//! One component per file; props down, callbacks up. `Ctx` carries the corpus, its index and the dispatcher.
pub mod app;
pub mod claim_card;
pub mod claim_list;
pub mod compare;
pub mod copy_link;
pub mod disagreements;
pub mod doc_compare;
pub mod doc_list;
pub mod export_menu;
pub mod facets;
pub mod marked_text;
pub mod notices;
pub mod opposing;
pub mod reader;
pub mod search_box;
pub mod stance_map;
pub mod timeline;
pub mod update_banner;

use std::rc::Rc;

use yew::prelude::*;

use counterclaim_core::corpus::Corpus;
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

/// What every component may read and that never changes after start-up: the corpus, its search index,
/// the highlighter, and the one way to change anything (`act`). The current view is a separate context
/// (`use_view`), so a filter change re-renders only the components that read the view or whose props change.
#[derive(Clone)]
pub struct Ctx {
    pub corpus: CorpusRef,
    pub index: Rc<Index>,
    pub hl: Rc<Highlighter>,
    pub act: Callback<Action>,
}

/// The current view, provided by `App`.
#[derive(Clone, PartialEq)]
pub struct ViewCtx(pub Rc<ViewState>);

impl PartialEq for Ctx {
    fn eq(&self, o: &Self) -> bool {
        self.corpus == o.corpus && Rc::ptr_eq(&self.index, &o.index) && self.act == o.act
    }
}

impl Ctx {
    pub fn claim_index(&self, id: &str) -> Option<usize> {
        self.corpus.claim_index(id)
    }
    pub fn claim(&self, i: usize) -> &Claim {
        &self.corpus.claims[i]
    }
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
