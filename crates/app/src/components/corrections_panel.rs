//! The reader's corrections at the foot of the page ("N corrected — show / export"): each with its undo, also
//! for claims marked "not a claim" (which the list no longer shows), and the export as `corrections.toml`.
use yew::prelude::*;

use super::export_menu::download_corrections;
use super::use_ctx;
use counterclaim_core::corrections::{describe, Edit};

#[function_component(CorrectionsPanel)]
pub fn corrections_panel() -> Html {
    let ctx = use_ctx();
    if ctx.fixes.is_empty() {
        return html! {};
    }
    let list = ctx.fixes.list();
    let export = {
        let fixes = ctx.fixes.clone();
        Callback::from(move |_: MouseEvent| download_corrections(&fixes))
    };
    html! {
        <details class="corrections" data-testid="corrections" onkeydown={super::close_on_escape()}>
            <summary>{ format!("{} corrected — show / export", list.len()) }</summary>
            <ul>
            { for list.into_iter().map(|f| {
                let claim = ctx.base.claim(&f.claim);
                let text = claim.map_or_else(|| format!("(no claim {} in this corpus)", f.claim), |c| format!("{}: “{}”", c.speaker, c.text));
                let undo = {
                    let (correct, id) = (ctx.correct.clone(), f.claim.clone());
                    Callback::from(move |_: MouseEvent| correct.emit(Edit::Undo(id.clone())))
                };
                html! {
                    <li data-claim-id={f.claim.clone()}>
                        <strong>{ describe(&f) }</strong>{" — "}<span class="fix-text">{ text }</span>{" "}
                        <button class="btn small" onclick={undo} data-testid="undo-correction">{"Undo"}</button>
                    </li>
                }
            }) }
            </ul>
            <button class="btn small" onclick={export} data-export="corrections-foot">{"Export corrections (corrections.toml)"}</button>
        </details>
    }
}
