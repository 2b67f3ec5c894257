//! The list of embedded documents: title, outlet and date as far as the text gives them; click to read.
use yew::prelude::*;

use super::CorpusRef;

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub corpus: CorpusRef,
    /// Called with a document id when the reader asks to open it.
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
    /// Called with two document ids to compare them side by side.
    #[prop_or_default]
    pub on_compare: Option<Callback<(String, String)>>,
}

#[function_component(DocList)]
pub fn doc_list(props: &DocListProps) -> Html {
    let docs = &props.corpus.documents;
    let picked = use_state(|| None::<String>);
    // Claims per document, counted once (not once per document).
    let counts = {
        let corpus = props.corpus.clone();
        use_memo((), move |_| corpus.claim_counts())
    };
    // Long corpora list a page of documents at a time.
    let shown = use_state(|| 50usize);
    html! {
        <section class="doc-list" aria-labelledby="doc-list-h">
            <h2 id="doc-list-h">{ format!("{} source documents", docs.len()) }</h2>
            <ul data-testid="doc-list">
            { for docs.iter().zip(counts.iter()).take(*shown).map(|(d, &n)| {
                let title = d.display_title().to_string();
                html! {
                <li data-doc-id={d.id.clone()} class="doc-item">
                    if let Some(cb) = props.on_open.clone() {
                        <button class="doc-title linkish" onclick={let id = d.id.clone(); Callback::from(move |_: MouseEvent| cb.emit(id.clone()))}>{ title }</button>
                    } else {
                        <span class="doc-title">{ title }</span>
                    }
                    <span class="doc-meta">
                        <span class="doc-outlet">{ d.outlet_label().to_string() }</span>
                        {" · "}
                        <time class="doc-date" title={d.date_uncertain().map(str::to_string)}>{ d.date_label() }</time>
                        { format!(" · {n} claims") }
                    </span>
                    if let Some(cb) = props.on_compare.clone() {
                        <button class="linkish small dc-pick" data-action="compare-doc" onclick={
                            let (picked, id) = (picked.clone(), d.id.clone());
                            Callback::from(move |_: MouseEvent| match (*picked).clone() {
                                Some(first) if first != id => { picked.set(None); cb.emit((first, id.clone())); }
                                Some(_) => picked.set(None),
                                None => picked.set(Some(id.clone())),
                            })
                        }>{ match (*picked).as_deref() {
                            Some(p) if p == d.id => "Picked — choose the second article (or click to cancel)",
                            Some(_) => "Compare with the picked article",
                            None => "Compare with another article…",
                        } }</button>
                    }
                </li>
            }}) }
            </ul>
            if docs.len() > *shown {
                <button class="btn more" onclick={let s = shown.clone(); Callback::from(move |_: MouseEvent| s.set(*s + 200))}>
                    { format!("Show more documents ({} not shown)", docs.len() - *shown) }
                </button>
            }
        </section>
    }
}
