//! One facet's box: its values with live counts as checkboxes, "clear", and the top values until "Show all".
use yew::prelude::*;

use super::{use_ctx, use_view};
use counterclaim_core::search::FacetCounts;
use counterclaim_core::view::Action;

/// Values listed before "Show all".
const TOP: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetBoxProps {
    pub facet: FacetCounts,
}

#[function_component(FacetBox)]
pub fn facet_box(p: &FacetBoxProps) -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let expanded = use_state(|| false);
    let f = p.facet.facet;
    let active = view.is_active(f);
    let clear = ctx.on_click(Action::ClearFacet(f));
    let toggle_more = {
        let e = expanded.clone();
        Callback::from(move |_: MouseEvent| e.set(!*e))
    };
    // Selected values always stay visible.
    let values = p.facet.shown(*expanded, TOP);
    let gid = format!("facet-{}", f.key());
    html! {
        <fieldset class="facet" data-facet={f.key()}>
            <legend id={gid.clone()}>{ f.label() }
                if active { <button class="linkish clear" onclick={clear} aria-label={format!("Clear the {} filter", f.label())}>{"clear"}</button> }
            </legend>
            <ul role="list">
            { for values.into_iter().map(|v| {
                let act = ctx.act.clone();
                let val = v.value.clone();
                let onchange = Callback::from(move |_: Event| act.emit(Action::Toggle(f, val.clone())));
                let id = format!("f-{}-{}", f.key(), counterclaim_core::model::slug(&v.value));
                html! {
                    <li class={classes!("fv", (v.count == 0).then_some("zero"))}>
                        <input type="checkbox" id={id.clone()} checked={v.selected} {onchange}
                            data-facet={f.key()} data-value={v.value.clone()} />
                        <label for={id}>
                            <span class="fv-label">{ v.label.clone() }</span>
                            <span class="fv-count" aria-label={format!("{} claims", v.count)}>{ v.count }</span>
                        </label>
                    </li>
                }
            }) }
            </ul>
            if p.facet.more > 0 && *expanded {
                <p class="muted small">{ format!("…and {} more values: search to narrow them", p.facet.more) }</p>
            }
            if p.facet.values.len() > TOP {
                <button class="linkish more" onclick={toggle_more} aria-expanded={expanded.to_string()}>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {}", p.facet.values.len()) } }
                </button>
            }
        </fieldset>
    }
}
