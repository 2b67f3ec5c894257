//! The search box: debounced, `/` focuses it, `Esc` clears it; alias-aware matching happens in the core.
use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::view::Action;

/// Typing pause before the query runs.
const DEBOUNCE_MS: u32 = 120;

#[function_component(SearchBox)]
pub fn search_box() -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let input = use_node_ref();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    // Follow the state when it changes from elsewhere (back/forward, "clear the search").
    {
        let input = input.clone();
        use_effect_with(view.q.clone(), move |q| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                if el.value() != *q {
                    el.set_value(q);
                }
            }
        });
    }
    // `/` anywhere (outside a text field) focuses the box.
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            // Not passive, so that preventDefault keeps the "/" out of the box it focuses.
            let opts = EventListenerOptions::enable_prevent_default();
            let l = EventListener::new_with_options(&gloo::utils::document(), "keydown", opts, move |e| {
                let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if k.key() != "/" || k.ctrl_key() || k.meta_key() || k.alt_key() {
                    return;
                }
                let typing = gloo::utils::document()
                    .active_element()
                    .map(|a| matches!(a.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                    .unwrap_or(false);
                if !typing {
                    if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                        k.prevent_default();
                        let _ = el.focus();
                    }
                }
            });
            move || drop(l)
        });
    }
    let oninput = {
        let (act, pending) = (ctx.act.clone(), pending.clone());
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let act = act.clone();
            *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || act.emit(Action::SetQuery(v))));
        })
    };
    let onkeydown = {
        let (act, pending) = (ctx.act.clone(), pending.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                pending.borrow_mut().take();
                e.target_unchecked_into::<web_sys::HtmlInputElement>().set_value("");
                act.emit(Action::SetQuery(String::new()));
            }
            "Enter" => {
                pending.borrow_mut().take();
                act.emit(Action::SetQuery(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
            }
            _ => {}
        })
    };
    html! {
        <div class="search" role="search">
            <label for="q" class="visually-hidden">{"Search claims"}</label>
            <input id="q" ref={input} type="search" data-testid="search" autocomplete="off" spellcheck="false"
                placeholder="Search names, words, \"phrases\" ( / )"
                title="Words match as you type and in their other forms (deny: denied). Names also match their aliases. \"quotes\": only this exact text · -word: without · a OR b · speaker:name · outlet:name"
                value={view.q.clone()} {oninput} {onkeydown} />
        </div>
    }
}
