//! The corpus notes from ingest (skipped or odd files), folded under "Corpus details" at the foot of the page.
use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::model::NoteLevel;

#[function_component(CorpusNotes)]
pub fn corpus_notes() -> Html {
    let ctx = use_ctx();
    let notes = &ctx.corpus.notes;
    if notes.is_empty() {
        return html! {};
    }
    let errors = notes.iter().filter(|n| n.level == NoteLevel::Error).count();
    // The list exists only while it is open: a large corpus has thousands of notes.
    let (open, ontoggle) = super::use_details_open();
    html! {
        <details class="corpus-notes" data-testid="corpus-notes" {ontoggle}>
            <summary>{ format!("Corpus details: {} note{} on the files ({} skipped)", notes.len(), if notes.len() == 1 { "" } else { "s" }, errors) }</summary>
            if open {
                <ul>
                { for notes.iter().map(|n| html! {
                    <li class={format!("note-{}", if n.level == NoteLevel::Error { "error" } else { "warning" })}>
                        <strong>{ n.file.clone() }</strong>{": "}{ n.message.clone() }
                    </li>
                }) }
                </ul>
            }
        </details>
    }
}
