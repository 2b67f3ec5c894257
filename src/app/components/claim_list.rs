//! The filtered claims: result count, sort, empty state, and the cards (rendered a page at a time).
use std::rc::Rc;

use yew::prelude::*;

use super::claim_card::ClaimCard;
use super::use_ctx;
use crate::core::view::{Action, Facet, SortKey};

/// Cards rendered per page: a long result list never means thousands of DOM nodes.
pub const PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    pub claims: Rc<Vec<usize>>,
}

#[function_component(ClaimList)]
pub fn claim_list(p: &ClaimListProps) -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let q = AttrValue::from(view.q.clone());
    let shown = use_state(|| PAGE);
    // A new result list starts again at the first page.
    {
        let shown = shown.clone();
        use_effect_with(p.claims.clone(), move |_| {
            if *shown != PAGE {
                shown.set(PAGE);
            }
        });
    }
    let n = p.claims.len();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <section class="results" aria-label="Claims">
            if n == 0 { <EmptyState /> }
            <div class="cards" data-testid="claim-list">
                { for p.claims.iter().take(*shown).map(|&i| html! { <ClaimCard key={ctx.claim(i).id.clone()} claim={i} in_cmp={view.cmp.contains(&ctx.claim(i).id)} q={q.clone()} /> }) }
            </div>
            if n > *shown {
                <button class="btn more" onclick={more} data-testid="show-more">{ format!("Show {} more of {}", PAGE.min(n - *shown), n - *shown) }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    pub n: usize,
}

/// The result count (`[data-testid=result-count]`, digits only) and the sort menu; shown in every panel.
#[function_component(ResultBar)]
pub fn result_bar(p: &ResultBarProps) -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let n = p.n;
    let on_sort = {
        let act = ctx.act.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(k) = SortKey::parse(&v) {
                act.emit(Action::SetSort(k));
            }
        })
    };
    html! {
            <div class="results-bar">
                <h2 id="results-h" class="results-h">
                    <span data-testid="result-count">{ n }</span>
                    { if n == 1 { " claim" } else { " claims" } }
                    <span class="muted">{ format!(" of {}", ctx.corpus.claims.len()) }</span>
                </h2>
                <label class="sort">{"Sort "}
                    <select onchange={on_sort} data-testid="sort" aria-label="Sort claims">
                    { for SortKey::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={view.sort == *k}>{ k.label() }</option>
                    }) }
                    </select>
                </label>
            </div>
    }
}

/// What to do when nothing matches: offer to undo the filters one by one.
#[function_component(EmptyState)]
fn empty_state() -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let v = &*view;
    let mut offers: Vec<Html> = Vec::new();
    if !v.q.is_empty() {
        let act = ctx.act.clone();
        offers.push(html! { <button class="btn" onclick={Callback::from(move |_: MouseEvent| act.emit(Action::SetQuery(String::new())))}>{"Clear the search"}</button> });
    }
    for f in Facet::ALL {
        if facet_active(v, f) {
            let act = ctx.act.clone();
            offers.push(html! { <button class="btn" onclick={Callback::from(move |_: MouseEvent| act.emit(Action::ClearFacet(f)))}>{ format!("Clear the {} filter", f.label().to_lowercase()) }</button> });
        }
    }
    if v.from.is_some() || v.to.is_some() {
        let act = ctx.act.clone();
        offers.push(html! { <button class="btn" onclick={Callback::from(move |_: MouseEvent| act.emit(Action::SetRange { from: None, to: None }))}>{"Clear the date range"}</button> });
    }
    html! {
        <div class="empty" role="status">
            <p><strong>{"No claim matches."}</strong>{ if offers.is_empty() { " The corpus has no claims yet." } else { " Loosen a filter?" } }</p>
            <p class="empty-actions">{ for offers }</p>
        </div>
    }
}

pub fn facet_active(v: &crate::core::view::ViewState, f: Facet) -> bool {
    match f {
        Facet::Speaker => !v.speaker.is_empty(),
        Facet::Side => !v.side.is_empty(),
        Facet::Stance => !v.stance.is_empty(),
        Facet::Outlet => !v.outlet.is_empty(),
        Facet::Year => !v.year.is_empty(),
        Facet::Entity => !v.entity.is_empty(),
        Facet::Kind => !v.kind.is_empty(),
        Facet::Doc => !v.docs.is_empty(),
    }
}
