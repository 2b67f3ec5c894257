//! One claim as a card: who, where, when, stance badge, marked text, and actions (read, compare, opposing).
use yew::prelude::*;

use super::badges::{side_badge, stance_badge};
use super::correct_menu::CorrectMenu;
use super::marked_text::MarkedText;
use super::use_ctx;
use counterclaim_core::corrections::original_note;
use counterclaim_core::model::{date_label, Document, UNKNOWN_OUTLET};
use counterclaim_core::view::{Action, MAX_COMPARE};

#[derive(Properties, PartialEq, Clone)]
pub struct ClaimCardProps {
    pub claim: usize,
    /// A card without the action buttons.
    #[prop_or_default]
    pub compact: bool,
    /// Whether the claim is in the comparison.
    #[prop_or_default]
    pub in_cmp: bool,
    /// Whether the comparison is full (another claim cannot be added).
    #[prop_or_default]
    pub cmp_full: bool,
    /// The search query, for marking hits.
    #[prop_or_default]
    pub q: AttrValue,
}

#[function_component(ClaimCard)]
pub fn claim_card(p: &ClaimCardProps) -> Html {
    let ctx = use_ctx();
    let c = ctx.claim(p.claim);
    let doc = ctx.corpus.document(&c.doc);
    let in_cmp = p.in_cmp;
    let open = ctx.on_click(Action::OpenDoc { doc: c.doc.clone(), claim: Some(c.id.clone()) });
    // A pointer over or the focus on "Read in article" starts fetching the article's text, so the click finds it.
    let intent = {
        let (corpus, doc) = (ctx.corpus.clone(), c.doc.clone());
        Callback::from(move |()| crate::texts::prefetch(&corpus, &doc))
    };
    let refused = !in_cmp && p.cmp_full;
    let toggle_cmp = ctx.on_click(if in_cmp { Action::RemoveCompare(c.id.clone()) } else { Action::AddCompare(c.id.clone()) });
    let speaker = ctx.on_click(Action::OpenSpeaker(c.speaker_id.clone()));
    let outlet = doc.map_or(UNKNOWN_OUTLET, Document::outlet_label).to_string();
    let title = doc.map(Document::display_title).unwrap_or_default();
    html! {
        <article class={classes!("card", format!("card-{}", c.stance.as_str()), in_cmp.then_some("in-cmp"))}
            data-claim-id={c.id.clone()} data-stance={c.stance.as_str()} data-speaker-id={c.speaker_id.clone()}
            aria-label={format!("Claim by {}", c.speaker)}>
            <header class="card-head">
                <button class="speaker linkish" onclick={speaker} title="All claims by this speaker">{ c.speaker.clone() }</button>
                { for c.role.clone().map(|r| html!{ <span class="role">{r}</span> }) }
                <span class="badges">{ side_badge(&ctx, c) }{ stance_badge(&ctx, c.stance) }</span>
            </header>
            <blockquote class={classes!("claim-text", format!("kind-{}", c.kind.as_str()))}>
                <MarkedText text={AttrValue::from(c.text.clone())} cues={c.stance_cues.clone()} stance={c.stance} q={p.q.clone()} />
            </blockquote>
            <footer class="card-foot">
                <span class="source" title={title.clone()}>
                    <span class="outlet">{ outlet }</span>{" · "}
                    <time title={doc.and_then(Document::date_uncertain).map(str::to_string)}>{ date_label(c.date, doc) }</time>{" · "}
                    <span class="kind">{ if c.kind.as_str() == "direct" { "quote" } else { "reported" } }</span>
                    if let Some(was) = original_note(c) {
                        {" · "}<span class="corrected-tag" data-testid="corrected" title={was}>{"corrected"}</span>
                    } else if let Some(doubt) = c.doubt() {
                        {" · "}<span class="doubt" data-testid="doubt" title={why(c)}>{ doubt }</span>
                    }
                </span>
                if !p.compact {
                    <span class="actions">
                        <CorrectMenu claim={p.claim} />
                        <button class="btn" onclick={open} data-action="read"
                            onpointerenter={intent.reform(|_| ())} onfocus={intent.reform(|_| ())}>{"Read in article"}</button>
                        if refused {
                            <button class="btn full" data-action="compare" aria-disabled="true" aria-pressed="false"
                                title={format!("{MAX_COMPARE} claims are compared already: remove one to add this one")}>
                                {"Comparison full"}
                            </button>
                        } else {
                            <button class={classes!("btn", in_cmp.then_some("on"))} onclick={toggle_cmp} data-action="compare" aria-pressed={in_cmp.to_string()}>
                                { if in_cmp { "✓ In comparison" } else { "+ Compare" } }
                            </button>
                        }
                    </span>
                }
            </footer>
        </article>
    }
}

/// What decided the stance, for the tooltip of an uncertain one.
fn why(c: &counterclaim_core::model::Claim) -> String {
    let mut s = format!("Decided by: {}", if c.stance_rule.is_empty() { "no stance words" } else { &c.stance_rule });
    if !c.stance_cues.is_empty() {
        s.push_str(" (");
        s.push_str(&c.stance_cues.join(", "));
        s.push(')');
    }
    s
}
