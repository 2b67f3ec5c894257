//! The document reader: the clean article with every claim span highlighted and clickable; page extras folded away.
use wasm_bindgen::JsCast;
use yew::prelude::*;

use counterclaim_core::text::sort_by_key;

use super::claim_card::stance_badge;
use super::opposing::Opposing;
use super::use_ctx;
use counterclaim_core::model::{Claim, Document};
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: String,
    pub claim: Option<String>,
}

#[function_component(Reader)]
pub fn reader(p: &ReaderProps) -> Html {
    let ctx = use_ctx();
    let Some(doc) = ctx.corpus.document(&p.doc).cloned() else {
        return html! {};
    };
    // Scroll the opened claim into view.
    {
        let claim = p.claim.clone();
        use_effect_with(claim, move |claim| {
            if let Some(id) = claim {
                let sel = format!("[data-testid=reader] mark[data-claim-id='{}']", id.replace('\'', ""));
                let doc = gloo::utils::document();
                let found = doc.query_selector(&sel).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                let reader = doc.query_selector("[data-testid=reader]").ok().flatten();
                if let (Some(el), Some(reader)) = (found, reader) {
                    // Scroll the reader panel only (not the page): the span ends up in the middle of the panel.
                    let top = el.offset_top() - reader.client_height() / 3;
                    reader.set_scroll_top(top.max(0));
                    let opts = web_sys::FocusOptions::new();
                    opts.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&opts);
                }
            }
        });
    }
    let close = {
        let act = ctx.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::CloseDoc))
    };
    let onkeydown = {
        let act = ctx.act.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                act.emit(Action::CloseDoc)
            }
        })
    };
    let claims: Vec<&Claim> = ctx.corpus.claims.iter().filter(|c| c.doc == doc.id).collect();
    let focused = p.claim.as_ref().and_then(|id| ctx.corpus.claim_index(id));
    html! {
        <section class="reader" data-testid="reader" data-doc-id={doc.id.clone()} aria-label="Document reader" {onkeydown}>
            <header class="reader-head">
                <button class="btn close" onclick={close} aria-label="Close the reader">{"✕ Close"}</button>
                <h2 class="reader-title">{ doc.display_title().to_string() }</h2>
                <p class="reader-meta">
                    <span>{ doc.outlet.clone().unwrap_or_else(|| "Unknown outlet".into()) }</span>
                    { for doc.date.map(|d| d.iso()).map(|d| html!{ <>{" · "}<time datetime={d.clone()} title={doc.date_source.clone().unwrap_or_default()}>{d}</time></> }) }
                    { for doc.dateline.clone().map(|d| html!{ <>{" · "}<span class="dateline">{d}</span></> }) }
                    { for doc.author.clone().map(|a| html!{ <>{" · by "}<span class="author">{a}</span></> }) }
                    <span class="muted">{ format!(" · {} claims · {}", claims.len(), doc.file) }</span>
                </p>
            </header>
            if let Some(i) = focused { <Opposing claim={i} /> }
            <div class="reader-body">
                { for doc.paragraphs.iter().map(|para| paragraph(&ctx, &doc, para.start, para.end, &claims, p.claim.as_deref())) }
            </div>
            if !doc.related.is_empty() || !doc.extras.is_empty() {
                <details class="extras" data-testid="page-extras">
                    <summary>{ format!("Page extras ({})", doc.related.len() + doc.extras.len()) }</summary>
                    if !doc.related.is_empty() {
                        <h3>{"Related articles on the page"}</h3>
                        <ul>{ for doc.related.iter().map(|r| html!{ <li>{ r.clone() }</li> }) }</ul>
                    }
                    if !doc.extras.is_empty() {
                        <h3>{"Other page furniture (ads, forms, bios)"}</h3>
                        <ul>{ for doc.extras.iter().map(|r| html!{ <li>{ r.clone() }</li> }) }</ul>
                    }
                </details>
            }
        </section>
    }
}

/// One paragraph with its claim spans as clickable marks (outermost span wins where spans overlap).
fn paragraph(ctx: &super::Ctx, doc: &Document, start: usize, end: usize, claims: &[&Claim], focused: Option<&str>) -> Html {
    let mut spans: Vec<&Claim> = claims.iter().copied().filter(|c| c.start < end && c.end > start && c.start < c.end).collect();
    sort_by_key(&mut spans, |c| (c.start, std::cmp::Reverse(c.end)));
    let mut parts: Vec<Html> = Vec::new();
    let mut at = start;
    for c in spans {
        let (s, e) = (c.start.max(start), c.end.min(end));
        if s < at || !doc.body.is_char_boundary(s) || !doc.body.is_char_boundary(e) {
            continue;
        }
        parts.push(html! { {doc.body[at..s].to_string()} });
        let act = ctx.act.clone();
        let (d, id) = (doc.id.clone(), c.id.clone());
        let onclick = {
            let (act, d, id) = (act.clone(), d.clone(), id.clone());
            Callback::from(move |_: MouseEvent| act.emit(Action::OpenDoc { doc: d.clone(), claim: Some(id.clone()) }))
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                act.emit(Action::OpenDoc { doc: d.clone(), claim: Some(id.clone()) });
            }
        });
        let is_focused = focused == Some(c.id.as_str());
        parts.push(html! {
            <mark class={classes!("span", format!("span-{}", c.stance.as_str()), is_focused.then_some("active"))}
                data-claim-id={c.id.clone()} data-stance={c.stance.as_str()} tabindex="0" role="button"
                aria-current={is_focused.then_some("true")}
                title={format!("{} — {}", c.speaker, c.stance.as_str())} {onclick} {onkeydown}>
                { doc.body[s..e].to_string() }
            </mark>
        });
        if is_focused {
            parts.push(html! { <span class="span-tag">{ stance_badge(c.stance) }{" "}{ c.speaker.clone() }</span> });
        }
        at = e;
    }
    parts.push(html! { {doc.body[at..end].to_string()} });
    html! { <p>{ for parts }</p> }
}
