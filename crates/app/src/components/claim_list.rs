//! The filtered claims as cards (virtualised when the list is long), or what to do when there are none.
use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::claim_card::ClaimCard;
use super::empty_state::EmptyState;
use super::use_ctx;
use counterclaim_core::text::fixed;
use counterclaim_core::window::{window, RENDER_ALL_UP_TO};
use std::cell::RefCell;

#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    pub claims: Rc<Vec<usize>>,
    /// Render at most this many cards (the app's first, claims-only render).
    #[prop_or_default]
    pub first: Option<usize>,
}

/// The viewport's top relative to the list's top (px) and the viewport's height.
fn measure(list: &NodeRef) -> (f64, f64) {
    let vh = gloo::utils::window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(1000.0);
    let top = list.cast::<Element>().map_or(0.0, |el| el.get_bounding_client_rect().top());
    (-top, vh)
}

/// The average distance from one rendered card's top to the next one's (card and gap), if measurable.
fn card_pitch(list: &NodeRef) -> Option<f64> {
    let el = list.cast::<Element>()?;
    let shown = el.child_element_count();
    let (first, last) = (el.first_element_child()?, el.last_element_child()?);
    let h = (last.get_bounding_client_rect().top() - first.get_bounding_client_rect().top()) / (shown.checked_sub(1)? as f64);
    (h.is_finite() && h > 20.0).then_some(h)
}

/// Set the list's padding to `pad` (top, bottom; px) unless it is that already, through the CSS object model (the
/// CSP allows no style attributes). Nothing before the list is in the DOM.
fn set_padding(list: &NodeRef, written: &RefCell<Option<(f64, f64)>>, pad: (f64, f64)) {
    let Some(el) = list.cast::<HtmlElement>() else { return };
    if *written.borrow() == Some(pad) {
        return;
    }
    let style = el.style();
    let _ = style.set_property("padding-top", &format!("{}px", fixed(pad.0, 0)));
    let _ = style.set_property("padding-bottom", &format!("{}px", fixed(pad.1, 0)));
    *written.borrow_mut() = Some(pad);
}

/// The cards. Long lists are virtualised (`core::window`): only the cards near the viewport are in the DOM,
/// with padding standing in for the rest, so 10,000 claims never mean 10,000 cards. The padding is set
/// through the CSS object model (the CSP allows no style attributes). Layout is read only in scroll and
/// resize handlers (where it is up to date anyway) and once on the first long list, never after each
/// render: a forced layout per filter click cost more than the rendering itself.
#[function_component(ClaimList)]
pub fn claim_list(p: &ClaimListProps) -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let q = AttrValue::from(view.q.clone());
    let n = p.claims.len();
    let list = use_node_ref();
    // Average card height including the gap: measured on the first long list, then again for each new
    // result list at its first scroll (not on every scroll: a stretch of shorter or longer cards would
    // otherwise move all of them).
    let item_h = use_mut_ref(|| None::<f64>);
    let measured_for = use_mut_ref(|| None::<Rc<Vec<usize>>>);
    // What the window is computed from: viewport offset, viewport height, card height.
    let scroll = use_state_eq(|| (0.0f64, 1000.0f64, 180.0f64));
    let mut w = window(n, scroll.0, scroll.1, scroll.2);
    if let Some(k) = p.first {
        w.end = w.end.min(w.start + k);
    }
    // What the scroll listener needs to know about the latest render.
    let latest = use_mut_ref(|| (p.claims.clone(), w));
    *latest.borrow_mut() = (p.claims.clone(), w);
    {
        let (list, scroll, item_h, latest, measured_for) =
            (list.clone(), scroll.clone(), item_h.clone(), latest.clone(), measured_for.clone());
        use_effect_with((), move |_| {
            let on_move = move |_: &Event| {
                let (claims, w) = latest.borrow().clone();
                let fresh = !measured_for.borrow().as_ref().is_some_and(|c| Rc::ptr_eq(c, &claims));
                if fresh && w.end - w.start > 1 && claims.len() > RENDER_ALL_UP_TO {
                    if let Some(h) = card_pitch(&list) {
                        *item_h.borrow_mut() = Some(h);
                        *measured_for.borrow_mut() = Some(claims.clone());
                    }
                }
                let (off, vh) = measure(&list);
                let h = item_h.borrow().unwrap_or(180.0);
                let w2 = window(claims.len(), off, vh, h);
                if (w2.start, w2.end) != (w.start, w.end) {
                    scroll.set((off, vh, h));
                }
            };
            let win = gloo::utils::window();
            let on_move = std::rc::Rc::new(on_move);
            let a = {
                let f = on_move.clone();
                EventListener::new(&win, "scroll", move |e| f(e))
            };
            let b = EventListener::new(&win, "resize", move |e| on_move(e));
            move || drop((a, b))
        });
    }
    // The padding for the items left out (writes only, and only when it changes), set in the render itself
    // once the list exists: Yew yields to the browser between a long render and its effects, and a write
    // there cost a second style and layout a frame later. The very first virtualised list's cards are
    // measured once, after they are in the DOM.
    let pad = if n > w.end - w.start { (w.pad_top, w.pad_bottom) } else { (0.0, 0.0) };
    let padded = use_mut_ref(|| None::<(f64, f64)>);
    set_padding(&list, &padded, pad);
    {
        let (list, item_h, scroll, claims) = (list.clone(), item_h.clone(), scroll.clone(), p.claims.clone());
        use_effect(move || {
            set_padding(&list, &padded, pad);
            let (shown, h) = (w.end - w.start, scroll.2);
            if n > RENDER_ALL_UP_TO && shown > 1 && item_h.borrow().is_none() {
                if let Some(m) = card_pitch(&list) {
                    *item_h.borrow_mut() = Some(m);
                    *measured_for.borrow_mut() = Some(claims);
                    let (off, vh) = measure(&list);
                    if (m - h).abs() > 1.0 {
                        scroll.set((off, vh, m));
                    }
                }
            }
        });
    }
    html! {
        <section class="results" aria-label="Claims">
            if n == 0 { <EmptyState /> }
            <div class="cards" data-testid="claim-list" data-total={n.to_string()} ref={list}>
                { for p.claims[w.start..w.end].iter().map(|&i| html! { <ClaimCard key={ctx.claim(i).id.clone()} claim={i} in_cmp={view.cmp.contains(&ctx.claim(i).id)} cmp_full={view.compare_full()} q={q.clone()} /> }) }
            </div>
        </section>
    }
}
