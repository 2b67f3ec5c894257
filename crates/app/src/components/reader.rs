//! The document reader: the clean article with every claim span highlighted and clickable; page extras folded away.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::badges::stance_badge;
use super::opposing::Opposing;
use super::{use_ctx, Ctx};
use crate::texts::{use_document, DocText};
use counterclaim_core::highlight::{claim_runs, tag_paragraph, Run};
use counterclaim_core::model::Document;
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: String,
    pub claim: Option<String>,
}

/// The reader of document `doc`: its text at once when it is at hand, else a loading state while its shard is
/// fetched (or why it could not be).
#[function_component(Reader)]
pub fn reader(p: &ReaderProps) -> Html {
    let ctx = use_ctx();
    let text = use_document(&p.doc);
    // Closing gives the focus back to what opened the reader ("Read in article", a timeline mark…).
    use_effect_with((), |_| {
        let opener = gloo::utils::document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        move || {
            if let Some(el) = opener.filter(|e| e.is_connected()) {
                let _ = el.focus();
            }
        }
    });
    let onkeydown = {
        let act = ctx.act.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                act.emit(Action::CloseDoc)
            }
        })
    };
    let body = match text {
        DocText::Ready(doc) => return html! { <ReaderText doc={DocRef(doc)} claim={p.claim.clone()} {onkeydown} /> },
        DocText::Unknown => return html! {},
        DocText::Loading => html! { <p class="muted" data-testid="reader-loading" role="status">{"Loading the article…"}</p> },
        DocText::Failed(why) => html! { <p class="notice" data-testid="reader-failed" role="alert">{ not_fetched(&why) }</p> },
    };
    let title = ctx.corpus.document(&p.doc).map(|d| d.display_title()).unwrap_or_default();
    html! {
        <section class="reader" data-testid="reader" data-doc-id={p.doc.clone()} aria-label="Document reader" aria-busy="true" {onkeydown}>
            <header class="reader-head">
                <button class="btn close" onclick={ctx.on_click(Action::CloseDoc)} aria-label="Close the reader">{"✕ Close"}</button>
                <h2 class="reader-title">{ title }</h2>
            </header>
            <div class="reader-body">{ body }</div>
        </section>
    }
}

/// What the reader says when an article's text could not be fetched.
fn not_fetched(why: &str) -> String {
    if gloo::utils::window().navigator().on_line() {
        format!("The text of this article could not be fetched ({why}). Try again, or reload the page.")
    } else {
        "The text of this article is not on this device: an article's text is fetched the first time it is read, and \
         this browser is offline. Connect once to read it (from then on it reads offline)."
            .into()
    }
}

/// A document with its text, compared by pointer (a prop: `use_document` makes it once per document and fetch).
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

#[derive(Properties, PartialEq)]
struct ReaderTextProps {
    doc: DocRef,
    claim: Option<String>,
    onkeydown: Callback<KeyboardEvent>,
}

/// The reader with the article's text in it.
#[function_component(ReaderText)]
fn reader_text(p: &ReaderTextProps) -> Html {
    let ctx = use_ctx();
    let doc = &*p.doc.0;
    // The claim runs are memoised on the document.
    let runs = {
        let (c, i, d) = (ctx.corpus.clone(), ctx.index.clone(), p.doc.0.clone());
        use_memo(p.doc.0.id.clone(), move |_| claim_runs(&c, &d, i.claims_of_doc(&d.id)))
    };
    use_effect_with(p.claim.clone(), |claim| {
        if let Some(id) = claim {
            scroll_to_claim(id);
        }
    });
    let focused = p.claim.as_ref().and_then(|id| ctx.corpus.claim_index(id));
    let tag_at = focused.and_then(|i| tag_paragraph(doc, ctx.claim(i)));
    html! {
        <section class="reader" data-testid="reader" data-doc-id={doc.id.clone()} aria-label="Document reader" onkeydown={p.onkeydown.clone()}>
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
