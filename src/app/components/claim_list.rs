//! The filtered claims: result count, sort, empty state, and the cards (virtualised when the list is long).
use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::claim_card::ClaimCard;
use super::use_ctx;
use crate::core::view::{Action, Facet, SortKey};
use crate::core::window::window;

#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    pub claims: Rc<Vec<usize>>,
}

/// The viewport's top relative to the list's top (px) and the viewport's height.
fn measure(list: &NodeRef) -> (f64, f64) {
    let vh = gloo::utils::window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(1000.0);
    let top = list.cast::<Element>().map_or(0.0, |el| el.get_bounding_client_rect().top());
    (-top, vh)
}

/// The cards. Long lists are virtualised (`core::window`): only the cards near the viewport are in the DOM,
/// with padding standing in for the rest, so 10,000 claims never mean 10,000 cards. The padding is set
/// through the CSS object model (the CSP allows no style attributes).
#[function_component(ClaimList)]
pub fn claim_list(p: &ClaimListProps) -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let q = AttrValue::from(view.q.clone());
    let n = p.claims.len();
    let list = use_node_ref();
    // Average card height including the gap, measured once per result list: re-measuring on every scroll
    // would move all the cards whenever a stretch of shorter or longer cards came into view.
    let item_h = use_mut_ref(|| 180.0f64);
    let measured_for = use_mut_ref(|| None::<Rc<Vec<usize>>>);
    // What the window was computed from: viewport offset, viewport height, card height.
    let scroll = use_state_eq(|| (0.0f64, 1000.0f64, 180.0f64));
    let w = window(n, scroll.0, scroll.1, scroll.2);
    // What the scroll listener needs to know about the latest render.
    let latest = use_mut_ref(|| (n, w.start, w.end));
    *latest.borrow_mut() = (n, w.start, w.end);
    {
        let (list, scroll, item_h, latest) = (list.clone(), scroll.clone(), item_h.clone(), latest.clone());
        use_effect_with((), move |_| {
            let on_move = move |_: &Event| {
                let (off, vh) = measure(&list);
                let (n, start, end) = *latest.borrow();
                let h = *item_h.borrow();
                let w = window(n, off, vh, h);
                if (w.start, w.end) != (start, end) {
                    scroll.set((off, vh, h));
                }
            };
            let win = gloo::utils::window();
            let on_move = std::rc::Rc::new(on_move);
            let a = { let f = on_move.clone(); EventListener::new(&win, "scroll", move |e| f(e)) };
            let b = EventListener::new(&win, "resize", move |e| on_move(e));
            move || drop((a, b))
        });
    }
    // After each render: measure the cards (first render of a result list), size the padding for the items
    // left out, and if the measure moves the window, render again (bounded, should the page keep moving).
    let settle = use_mut_ref(|| 0u8);
    {
        let (list, item_h, scroll, claims) = (list.clone(), item_h.clone(), scroll.clone(), p.claims.clone());
        use_effect(move || {
            let Some(el) = list.cast::<HtmlElement>() else { return };
            let shown = w.end - w.start;
            let fresh = !measured_for.borrow().as_ref().is_some_and(|c| Rc::ptr_eq(c, &claims));
            if fresh && n > shown && shown > 1 {
                *measured_for.borrow_mut() = Some(claims);
                if let (Some(first), Some(last)) = (el.first_element_child(), el.last_element_child()) {
                    // The average distance from one card's top to the next one's (card and gap).
                    let (t, b) = (first.get_bounding_client_rect().top(), last.get_bounding_client_rect().top());
                    let h = (b - t) / (shown - 1) as f64;
                    if h.is_finite() && h > 20.0 {
                        *item_h.borrow_mut() = h;
                    }
                }
            }
            let h = *item_h.borrow();
            let (top, bottom) = if n > shown { (w.start as f64 * h, (n - w.end) as f64 * h) } else { (0.0, 0.0) };
            let style = el.style();
            let _ = style.set_property("padding-top", &format!("{top:.0}px"));
            let _ = style.set_property("padding-bottom", &format!("{bottom:.0}px"));
            let mut again = settle.borrow_mut();
            if n > shown && *again < 3 {
                let (off, vh) = measure(&list);
                let w2 = window(n, off, vh, h);
                if (w2.start, w2.end) != (w.start, w.end) {
                    *again += 1;
                    scroll.set((off, vh, h));
                    return;
                }
            }
            *again = 0;
        });
    }
    html! {
        <section class="results" aria-label="Claims">
            if n == 0 { <EmptyState /> }
            <div class="cards" data-testid="claim-list" data-total={n.to_string()} ref={list}>
                { for p.claims[w.start..w.end].iter().map(|&i| html! { <ClaimCard key={ctx.claim(i).id.clone()} claim={i} in_cmp={view.cmp.contains(&ctx.claim(i).id)} q={q.clone()} /> }) }
            </div>
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
