//! The filter sidebar: a box per facet with live counts (OR within a facet, AND across), clear all, the date range.
use std::rc::Rc;

use yew::prelude::*;

use super::date_range::DateRange;
use super::facet_box::FacetBox;
use super::{use_ctx, use_view};
use counterclaim_core::search::FacetCounts;
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct FacetsProps {
    pub facets: Rc<Vec<FacetCounts>>,
}

/// Whether the corpus has any value in facet `f` (a facet without any, such as sides never configured, is not shown).
fn has_values(ctx: &super::Ctx, f: counterclaim_core::view::Facet) -> bool {
    ctx.index.facet(f).is_some_and(|x| !x.values.is_empty())
}

#[function_component(Facets)]
pub fn facets(p: &FacetsProps) -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let clear_all = ctx.on_click(Action::ClearAll);
    let n = view.filter_count();
    // On narrow screens the facets fold behind a toggle; on wide ones they are always shown.
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <aside class={classes!("facets", open.then_some("open"))} aria-label="Filters" data-testid="facets">
            <div class="facets-head">
                <h2>{"Filters"}</h2>
                <button class="btn filters-toggle" onclick={toggle} aria-expanded={open.to_string()} data-testid="filters-toggle">
                    { if *open { "Hide filters".to_string() } else if n > 0 { format!("Filters ({n} active)") } else { "Filters".to_string() } }
                </button>
                if n > 0 {
                    <button class="btn small" onclick={clear_all} data-testid="clear-all">{ format!("Clear all ({n})") }</button>
                }
            </div>
            { for p.facets.iter().filter(|f| has_values(&ctx, f.facet)).map(|f| if f.values.is_empty() {
                // Nothing in the current results (a search that matches nothing): the box stays, saying so.
                html! { <fieldset class="facet" key={f.facet.key()} data-facet-empty={f.facet.key()}>
                    <legend>{ f.facet.label() }</legend><p class="muted fv-none">{"None in these results"}</p>
                </fieldset> }
            } else {
                html! { <FacetBox key={f.facet.key()} facet={f.clone()} /> }
            }) }
            <DateRange />
        </aside>
    }
}
