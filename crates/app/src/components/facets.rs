//! Facet sidebar: every facet with live counts (OR within a facet, AND across), clear one or all, date range.
use std::rc::Rc;

use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::search::FacetCounts;
use counterclaim_core::view::Action;

/// Values listed before "Show all".
const TOP: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetsProps {
    pub facets: Rc<Vec<FacetCounts>>,
}

#[function_component(Facets)]
pub fn facets(p: &FacetsProps) -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let clear_all = {
        let act = ctx.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ClearAll))
    };
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
            { for p.facets.iter().filter(|f| !f.values.is_empty()).map(|f| html! { <FacetBox key={f.facet.key()} facet={f.clone()} /> }) }
            <DateRange />
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct FacetBoxProps {
    facet: FacetCounts,
}

#[function_component(FacetBox)]
fn facet_box(p: &FacetBoxProps) -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let expanded = use_state(|| false);
    let f = p.facet.facet;
    let active = view.is_active(f);
    let clear = {
        let act = ctx.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ClearFacet(f)))
    };
    let toggle_more = {
        let e = expanded.clone();
        Callback::from(move |_: MouseEvent| e.set(!*e))
    };
    let values: Vec<_> = if *expanded {
        p.facet.values.iter().collect()
    } else {
        // Selected values always stay visible.
        let mut v: Vec<_> = p.facet.values.iter().take(TOP).collect();
        v.extend(p.facet.values.iter().skip(TOP).filter(|x| x.selected));
        v
    };
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

/// From/to dates (inclusive) on the claim date.
#[function_component(DateRange)]
fn date_range() -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
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
        </fieldset>
    }
}
