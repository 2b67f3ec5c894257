//! Above `App`: holds the corpus shown (the page's own, or one just imported) and re-keys `App` when it changes, so every
//! hook below starts afresh; hosts the import dialog, which outlives the switch to show its notes.
use std::rc::Rc;

use yew::prelude::*;

use super::app::{App, AppProps};
use super::import_dialog::{ImportDialog, Imported};
use super::CorpusRef;
use counterclaim_core::search::Index;

/// The corpus shown and a counter that names it (the key of `App`).
#[derive(Clone)]
struct Shown {
    corpus: CorpusRef,
    index: Rc<Index>,
    key: u32,
}

#[function_component(Root)]
pub fn root(props: &AppProps) -> Html {
    let shown = {
        let (corpus, index) = (props.corpus.clone(), props.index.clone());
        use_state(move || Shown { corpus, index, key: 0 })
    };
    let open = use_state(|| false);
    // Stable, so opening the dialog does not re-render the app.
    let on_import = {
        let o = open.clone();
        use_callback((), move |_: (), _| o.set(true))
    };
    let on_close = {
        let o = open.clone();
        Callback::from(move |_| o.set(false))
    };
    let on_imported = {
        let s = shown.clone();
        Callback::from(move |imported: Rc<Imported>| match counterclaim_core::pack::unpack(&imported.pack) {
            Ok((corpus, index)) => s.set(Shown { corpus: CorpusRef(Rc::new(corpus)), index: Rc::new(index), key: s.key + 1 }),
            Err(e) => gloo::console::error!(format!("the imported corpus could not be read: {e}")),
        })
    };
    html! {
        <>
            <App key={shown.key} corpus={shown.corpus.clone()} index={shown.index.clone()} on_import={Some(on_import)} />
            if *open {
                // The lead's settings editor supplies the corpus.toml; until then the defaults are used.
                <ImportDialog config_toml={String::new()} {on_imported} {on_close} />
            }
        </>
    }
}
