//! The application shell: header and the document list.
use yew::prelude::*;

use super::doc_list::DocList;
use super::CorpusRef;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub corpus: CorpusRef,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let corpus = props.corpus.clone();
    html! {
        <>
        <header class="topbar">
            <h1 class="brand">{"Counterclaim"}</h1>
            <p class="question">{ corpus.config.question.clone() }</p>
        </header>
        <main id="main">
            <DocList corpus={corpus} />
        </main>
        </>
    }
}
