//! What to do when nothing matches: undo the search, a filter or the date range, one button each.
use yew::prelude::*;

use super::{use_ctx, use_view};

#[function_component(EmptyState)]
pub fn empty_state() -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let offers = view.loosenings();
    html! {
        <div class="empty" role="status">
            <p><strong>{"No claim matches."}</strong>{ if offers.is_empty() { " The corpus has no claims yet." } else { " Loosen a filter?" } }</p>
            <p class="empty-actions">{ for offers.into_iter().map(|(label, a)| html! { <button class="btn" onclick={ctx.on_click(a)}>{ label }</button> }) }</p>
        </div>
    }
}
