//! The always-visible comparison count: how many claims are picked (and when the comparison is full), with a
//! button that brings the comparison into view wherever the page is scrolled.
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{use_ctx, use_view};
use counterclaim_core::view::{Action, MAX_COMPARE};

/// Scroll the comparison (or the one-claim tray) into view and focus it.
fn show_comparison() {
    let doc = gloo::utils::document();
    let el = doc.query_selector("[data-testid=compare], [data-testid=compare-tray]").ok().flatten();
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view_with_bool(true);
        let _ = el.focus();
    }
}

#[function_component(CompareDock)]
pub fn compare_dock() -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let n = view.cmp.len();
    if n == 0 {
        return html! {};
    }
    let full = view.compare_full();
    html! {
        <aside class={classes!("cmp-dock", full.then_some("full"))} data-testid="compare-dock" aria-label="Claims picked for comparison">
            <span aria-live="polite">
                <strong data-testid="compare-count">{ n }</strong>{ format!(" of {MAX_COMPARE} claims picked") }
                if full {
                    <span class="cmp-full" data-testid="compare-full">{" — the comparison is full: remove one to add another"}</span>
                }
            </span>
            <button class="btn small" data-action="show-compare" onclick={Callback::from(|_: MouseEvent| show_comparison())}>
                { if n == 1 { "Show ↑" } else { "Show comparison ↑" } }
            </button>
            <button class="btn small" data-action="clear-compare-dock" onclick={ctx.on_click(Action::ClearCompare)} aria-label="Clear the comparison">{"Clear"}</button>
        </aside>
    }
}
