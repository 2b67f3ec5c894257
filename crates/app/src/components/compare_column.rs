//! One column of the comparison: the claim with its cues and shared words marked, its paragraph on demand.
use yew::prelude::*;

use super::badges::{side_badge, stance_badge};
use super::marked_text::MarkedText;
use super::use_ctx;
use crate::texts::{use_document, DocText};
use counterclaim_core::model::{date_label, Document, UNKNOWN_OUTLET};
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct CompareColumnProps {
    pub claim: usize,
    /// Byte spans of the words shared with the other compared claims.
    pub shared: Vec<(usize, usize)>,
}

#[function_component(CompareColumn)]
pub fn compare_column(p: &CompareColumnProps) -> Html {
    let ctx = use_ctx();
    let show_para = use_state(|| false);
    let c = ctx.claim(p.claim);
    let doc = ctx.corpus.document(&c.doc);
    let toggle = {
        let s = show_para.clone();
        Callback::from(move |_: MouseEvent| s.set(!*s))
    };
    let remove = ctx.on_click(Action::RemoveCompare(c.id.clone()));
    let read = ctx.on_click(Action::OpenDoc { doc: c.doc.clone(), claim: Some(c.id.clone()) });
    html! {
        <article class={classes!("col", format!("card-{}", c.stance.as_str()))} data-claim-id={c.id.clone()} data-stance={c.stance.as_str()}>
            <header>
                <div class="col-stance">{ stance_badge(&ctx, c.stance) }</div>
                <h3 class="who">{ c.speaker.clone() }</h3>
                { for c.role.clone().map(|r| html!{ <p class="role">{r}</p> }) }
                <p>{ side_badge(&ctx, c) }</p>
                <p class="muted">{ doc.map_or(UNKNOWN_OUTLET, Document::outlet_label).to_string() }
                    {" · "}{ date_label(c.date, doc) }</p>
            </header>
            <blockquote class="claim-text">
                <MarkedText text={AttrValue::from(c.text.clone())} cues={c.stance_cues.clone()} stance={c.stance} shared={p.shared.clone()} />
            </blockquote>
            if *show_para {
                <Context doc={c.doc.clone()} at={c.start} />
            }
            <footer class="col-actions">
                <button class="btn small" onclick={toggle} aria-expanded={show_para.to_string()}>{ if *show_para { "Hide paragraph" } else { "Show paragraph" } }</button>
                <button class="btn small" onclick={read}>{"Open in reader"}</button>
                <button class="btn small" onclick={remove} aria-label="Remove from comparison">{"Remove"}</button>
            </footer>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ContextProps {
    doc: String,
    /// The claim's start in the document's text.
    at: usize,
}

/// The paragraph of document `doc` that holds byte `at`, once the document's text is at hand.
#[function_component(Context)]
fn context(p: &ContextProps) -> Html {
    let text = match use_document(&p.doc) {
        DocText::Ready(d) => d.paragraph_at(p.at).map(|para| d.paragraph_text(para).to_string()).unwrap_or_default(),
        DocText::Loading => "Loading the paragraph…".into(),
        DocText::Failed(why) => format!("The paragraph could not be fetched ({why})."),
        DocText::Unknown => String::new(),
    };
    html! { <p class="context" data-testid="context">{ text }</p> }
}
