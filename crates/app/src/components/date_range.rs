//! The date range: from/to dates (inclusive) on the claim date.
use yew::prelude::*;

use super::{use_ctx, use_view};
use counterclaim_core::view::Action;

/// From/to dates (inclusive) on the claim date.
#[function_component(DateRange)]
pub fn date_range() -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let from = view.from.clone();
    let to = view.to.clone();
    let set = |is_from: bool| {
        let (act, from, to) = (ctx.act.clone(), from.clone(), to.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let v = (!v.is_empty()).then_some(v);
            act.emit(if is_from { Action::SetRange { from: v, to: to.clone() } } else { Action::SetRange { from: from.clone(), to: v } })
        })
    };
    let full = |d: &Option<String>| d.clone().filter(|d| d.len() == 10).unwrap_or_default();
    html! {
        <fieldset class="facet range" data-facet="range">
            <legend>{"Date range"}</legend>
            <label>{"From "}<input type="date" value={full(&from)} onchange={set(true)} data-testid="date-from" /></label>
            <label>{"To "}<input type="date" value={full(&to)} onchange={set(false)} data-testid="date-to" /></label>
            <p class="range-note muted" data-testid="range-note">
                { if from.is_some() || to.is_some() { "Undated claims are left out while a range is set." } else { "A range leaves undated claims out." } }
            </p>
        </fieldset>
    }
}
