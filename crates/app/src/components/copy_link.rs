//! "Copy link" (Clipboard API, falling back to a selected text field) and "Share" where the browser offers it.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::url;

#[function_component(CopyLink)]
pub fn copy_link() -> Html {
    let view = super::use_view();
    let status = use_state(String::new);
    let fallback = use_state(|| None::<String>);
    let link = url::absolute(&view);
    let copy = {
        let (status, fallback, link) = (status.clone(), fallback.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, fallback, link) = (status.clone(), fallback.clone(), link.clone());
            let clip = gloo::utils::window().navigator().clipboard();
            spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(clip.write_text(&link)).await {
                    Ok(_) => {
                        status.set("Link copied".into());
                        fallback.set(None);
                    }
                    Err(_) => {
                        status.set("Copy this link:".into());
                        fallback.set(Some(link));
                    }
                }
            });
        })
    };
    let can_share = url::can_share();
    let share = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let data = web_sys::ShareData::new();
            data.set_title("Counterclaim");
            data.set_url(&link);
            let p = gloo::utils::window().navigator().share_with_data(&data);
            spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            t.select();
        }
    });
    html! {
        <div class="share">
            <button class="btn" onclick={copy} data-testid="copy-link">{"Copy link"}</button>
            if can_share { <button class="btn" onclick={share} data-testid="share">{"Share…"}</button> }
            <span class="status" role="status" aria-live="polite">{ (*status).clone() }</span>
            if let Some(l) = (*fallback).clone() {
                <input class="link-field" readonly=true value={l} onfocus={select_all} aria-label="Link to this view" autofocus=true />
            }
        </div>
    }
}
