//! The list of embedded documents: title, outlet and date as far as the text gives them.
use yew::prelude::*;

use super::CorpusRef;

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub corpus: CorpusRef,
}

#[function_component(DocList)]
pub fn doc_list(props: &DocListProps) -> Html {
    let docs = &props.corpus.documents;
    html! {
        <section class="doc-list" aria-labelledby="doc-list-h">
            <h2 id="doc-list-h">{ format!("{} documents", docs.len()) }</h2>
            <ul data-testid="doc-list">
            { for docs.iter().map(|d| html! {
                <li data-doc-id={d.id.clone()} class="doc-item">
                    <span class="doc-title">{ d.display_title().to_string() }</span>
                    <span class="doc-meta">
                        <span class="doc-outlet">{ d.outlet.clone().unwrap_or_else(|| "Unknown outlet".into()) }</span>
                        {" · "}
                        <time class="doc-date">{ d.date.clone().unwrap_or_else(|| "undated".into()) }</time>
                    </span>
                </li>
            }) }
            </ul>
        </section>
    }
}
