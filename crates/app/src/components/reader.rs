//! The document reader: the clean article with every claim span highlighted and clickable; page extras folded away.
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::badges::stance_badge;
use super::opposing::Opposing;
use super::{use_ctx, Ctx};
use counterclaim_core::highlight::{claim_runs, tag_paragraph, Run};
use counterclaim_core::model::Document;
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: String,
    pub claim: Option<String>,
}

#[function_component(Reader)]
pub fn reader(p: &ReaderProps) -> Html {
    let ctx = use_ctx();
    // Hooks first, unconditionally: the claim runs are memoised on the document (None for an unknown id).
    let runs = {
        let c = ctx.corpus.clone();
        use_memo(p.doc.clone(), move |d| c.document(d).map(|doc| claim_runs(&c, doc)))
    };
    use_effect_with(p.claim.clone(), |claim| {
        if let Some(id) = claim {
            scroll_to_claim(id);
        }
    });
    // Closing gives the focus back to what opened the reader ("Read in article", a timeline mark…).
    use_effect_with((), |_| {
        let opener = gloo::utils::document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        move || {
            if let Some(el) = opener.filter(|e| e.is_connected()) {
                let _ = el.focus();
            }
        }
    });
    let (Some(doc), Some(runs)) = (ctx.corpus.document(&p.doc), runs.as_ref()) else {
        return html! {};
    };
    let onkeydown = {
        let act = ctx.act.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                act.emit(Action::CloseDoc)
            }
        })
    };
    let focused = p.claim.as_ref().and_then(|id| ctx.corpus.claim_index(id));
    let tag_at = focused.and_then(|i| tag_paragraph(doc, ctx.claim(i)));
    html! {
        <section class="reader" data-testid="reader" data-doc-id={doc.id.clone()} aria-label="Document reader" {onkeydown}>
            <header class="reader-head">
                <button class="btn close" onclick={ctx.on_click(Action::CloseDoc)} aria-label="Close the reader">{"✕ Close"}</button>
                <h2 class="reader-title">{ doc.display_title() }</h2>
                <p class="reader-meta">
                    <span>{ doc.outlet_label().to_string() }</span>
                    { for doc.date.map(|d| d.iso()).map(|d| html!{ <>{" · "}<time datetime={d.clone()} title={doc.date_source.clone().unwrap_or_default()}>{d}</time></> }) }
                    { for doc.date_uncertain().map(|why| html!{ <>{" · "}<span class="date-uncertain" data-testid="date-uncertain" title={why.to_string()}>{"date uncertain"}</span></> }) }
                    { for doc.dateline.clone().map(|d| html!{ <>{" · "}<span class="dateline">{d}</span></> }) }
                    { for doc.author.clone().map(|a| html!{ <>{" · by "}<span class="author">{a}</span></> }) }
                    <span class="muted">{ format!(" · {} claims", runs.claims) }</span>
                </p>
            </header>
            if let Some(i) = focused { <Opposing claim={i} /> }
            <div class="reader-body">
                { for runs.paragraphs.iter().enumerate().map(|(k, para)| html! { <p>
                    { for para.iter().map(|r| run(&ctx, doc, r, p.claim.as_deref())) }
                    { for focused.filter(|_| tag_at == Some(k)).map(|i| focus_tag(&ctx, i)) }
                </p> }) }
            </div>
            { page_extras(doc) }
        </section>
    }
}

/// Scroll the reader panel (not the page) so that the claim's span is in its upper middle, and focus it.
fn scroll_to_claim(id: &str) {
    let sel = format!("[data-testid=reader] mark[data-claim-id='{}']", id.replace('\'', ""));
    let doc = gloo::utils::document();
    let found = doc.query_selector(&sel).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let reader = doc.query_selector("[data-testid=reader]").ok().flatten();
    if let (Some(el), Some(reader)) = (found, reader) {
        let top = el.offset_top() - reader.client_height() / 3;
        reader.set_scroll_top(top.max(0));
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// One run of a paragraph: plain text, or a claim's piece as a clickable mark (`active` when it is the focused claim).
fn run(ctx: &Ctx, doc: &Document, r: &Run, focused: Option<&str>) -> Html {
    let text = doc.body[r.start..r.end].to_string();
    let Some(i) = r.claim else { return html! { {text} } };
    let c = ctx.claim(i);
    let open = Action::OpenDoc { doc: doc.id.clone(), claim: Some(c.id.clone()) };
    let is_focused = focused == Some(c.id.as_str());
    html! { <>
        <mark class={classes!("span", format!("span-{}", c.stance.as_str()), is_focused.then_some("active"))}
            data-claim-id={c.id.clone()} data-stance={c.stance.as_str()} tabindex="0" role="button"
            aria-current={is_focused.then_some("true")}
            title={format!("{} — {}", c.speaker, c.stance.as_str())} onclick={ctx.on_click(open.clone())} onkeydown={ctx.on_activate_key(open)}>
            { text }
        </mark>
    </> }
}

/// The focused claim's stance and speaker, once, at the end of the paragraph [`tag_paragraph`] picks (where the
/// claim's quotation is closed: never between a quotation and its closing mark).
fn focus_tag(ctx: &Ctx, i: usize) -> Html {
    let c = ctx.claim(i);
    html! { <span class="span-tag" data-testid="span-tag">{ stance_badge(ctx, c.stance) }{" "}{ c.speaker.clone() }</span> }
}

/// What the page had besides the article (related headlines, ads, forms, bios), folded away.
fn page_extras(doc: &Document) -> Html {
    if doc.related.is_empty() && doc.extras.is_empty() {
        return html! {};
    }
    html! {
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
}
