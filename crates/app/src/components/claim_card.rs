//! One claim as a card: who, where, when, stance badge, marked text, and actions (read, compare, opposing).
use yew::prelude::*;

use super::marked_text::MarkedText;
use super::use_ctx;
use counterclaim_core::model::{Claim, Stance};
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct ClaimCardProps {
    pub claim: usize,
    /// A card without the action buttons.
    #[prop_or_default]
    pub compact: bool,
    /// Whether the claim is in the comparison.
    #[prop_or_default]
    pub in_cmp: bool,
    /// The search query, for marking hits.
    #[prop_or_default]
    pub q: AttrValue,
}

/// Stance badge: icon + words + colour, so it never relies on colour alone.
pub fn stance_badge(s: Stance) -> Html {
    let (icon, label, title) = match s {
        Stance::Supports => ("▲", "Supports", "Says the groups are active or a threat"),
        Stance::Refutes => ("▼", "Refutes", "Says the groups are defeated, absent or no threat"),
        Stance::Neutral => ("●", "Neutral", "Takes no clear position"),
    };
    html! { <span class={classes!("badge", "stance", format!("stance-{}", s.as_str()))} title={title}>
    <span aria-hidden="true">{icon}</span>{" "}{label}</span> }
}

/// Side badge.
pub fn side_badge(ctx: &super::Ctx, c: &Claim) -> Html {
    match &c.side {
        Some(s) => {
            html! { <span class={classes!("badge", "side")} data-side={s.clone()}>{ ctx.corpus.config.side_label(s).to_string() }</span> }
        }
        None => html! { <span class={classes!("badge", "side", "side-unknown")}>{"Side unknown"}</span> },
    }
}

#[function_component(ClaimCard)]
pub fn claim_card(p: &ClaimCardProps) -> Html {
    let ctx = use_ctx();
    let c = ctx.claim(p.claim).clone();
    let doc = ctx.corpus.document(&c.doc).cloned();
    let in_cmp = p.in_cmp;
    let open = {
        let (act, doc, id) = (ctx.act.clone(), c.doc.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| act.emit(Action::OpenDoc { doc: doc.clone(), claim: Some(id.clone()) }))
    };
    let toggle_cmp = {
        let (act, id) = (ctx.act.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| {
            act.emit(if in_cmp { Action::RemoveCompare(id.clone()) } else { Action::AddCompare(id.clone()) })
        })
    };
    let speaker = {
        let (act, sid) = (ctx.act.clone(), c.speaker_id.clone());
        Callback::from(move |_: MouseEvent| act.emit(Action::OpenSpeaker(sid.clone())))
    };
    let outlet = doc.as_ref().and_then(|d| d.outlet.clone()).unwrap_or_else(|| "Unknown outlet".into());
    let title = doc.as_ref().map(|d| d.display_title().to_string()).unwrap_or_default();
    html! {
        <article class={classes!("card", format!("card-{}", c.stance.as_str()), in_cmp.then_some("in-cmp"))}
            data-claim-id={c.id.clone()} data-stance={c.stance.as_str()} data-speaker-id={c.speaker_id.clone()}
            aria-label={format!("Claim by {}", c.speaker)}>
            <header class="card-head">
                <button class="speaker linkish" onclick={speaker} title="All claims by this speaker">{ c.speaker.clone() }</button>
                { for c.role.clone().map(|r| html!{ <span class="role">{r}</span> }) }
                <span class="badges">{ side_badge(&ctx, &c) }{ stance_badge(c.stance) }</span>
            </header>
            <blockquote class={classes!("claim-text", format!("kind-{}", c.kind.as_str()))}>
                <MarkedText text={AttrValue::from(c.text.clone())} cues={c.stance_cues.clone()} stance={c.stance} q={p.q.clone()} />
            </blockquote>
            <footer class="card-foot">
                <span class="source" title={title.clone()}>
                    <span class="outlet">{ outlet }</span>{" · "}
                    <time>{ c.date.map(|d| d.iso()).unwrap_or_else(|| "undated".into()) }</time>{" · "}
                    <span class="kind">{ if c.kind.as_str() == "direct" { "quote" } else { "reported" } }</span>
                </span>
                if !p.compact {
                    <span class="actions">
                        <button class="btn" onclick={open} data-action="read">{"Read in article"}</button>
                        <button class={classes!("btn", in_cmp.then_some("on"))} onclick={toggle_cmp} data-action="compare" aria-pressed={in_cmp.to_string()}>
                            { if in_cmp { "✓ In comparison" } else { "+ Compare" } }
                        </button>
                    </span>
                }
            </footer>
        </article>
    }
}
