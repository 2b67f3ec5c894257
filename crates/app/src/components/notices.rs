//! Small notices: what a link contained that could not be shown, and the corpus notes from ingest.
use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::model::NoteLevel;

#[derive(Properties, PartialEq)]
pub struct UrlNoticeProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component(UrlNotice)]
pub fn url_notice(p: &UrlNoticeProps) -> Html {
    if p.notices.is_empty() {
        return html! {};
    }
    let dismiss = p.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" data-testid="url-notice" role="status">
            <p><strong>{"Part of this link could not be used; the rest is shown."}</strong></p>
            <ul>{ for p.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <button class="btn small" onclick={dismiss} aria-label="Dismiss this notice">{"Dismiss"}</button>
        </div>
    }
}

#[function_component(CorpusNotes)]
pub fn corpus_notes() -> Html {
    let ctx = use_ctx();
    let notes = &ctx.corpus.notes;
    if notes.is_empty() {
        return html! {};
    }
    let errors = notes.iter().filter(|n| n.level == NoteLevel::Error).count();
    html! {
        <details class="corpus-notes" data-testid="corpus-notes">
            <summary>{ format!("Corpus notes: {} ({} skipped)", notes.len(), errors) }</summary>
            <ul>
            { for notes.iter().map(|n| html! {
                <li class={format!("note-{}", if n.level == NoteLevel::Error { "error" } else { "warning" })}>
                    <strong>{ n.file.clone() }</strong>{": "}{ n.message.clone() }
                </li>
            }) }
            </ul>
        </details>
    }
}
