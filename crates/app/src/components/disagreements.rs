//! The most direct opposing pairs across the corpus, with both dates and why each ranks where it does, each
//! one click away from a side-by-side comparison.
use yew::prelude::*;

use super::badges::{side_badge, stance_badge};
use super::{use_ctx, Ctx};
use counterclaim_core::compare::{direct_disagreements, PairReason};
use counterclaim_core::model::date_label;
use counterclaim_core::text::{fixed, snippet};
use counterclaim_core::view::Action;

/// "Both name ISIS / Daesh · both say afghanistan, threat · 225 days apart".
fn reason(ctx: &Ctx, r: &PairReason) -> String {
    let mut parts = Vec::new();
    if !r.shared_entities.is_empty() {
        let names: Vec<&str> = r.shared_entities.iter().map(|e| ctx.corpus.config.entity_label(e)).collect();
        parts.push(format!("both name {}", names.join(", ")));
    }
    if !r.shared_words.is_empty() {
        parts.push(format!("both say “{}”", r.shared_words.iter().take(5).cloned().collect::<Vec<_>>().join("”, “")));
    }
    parts.push(match r.days_apart {
        Some(0) => "the same day".to_string(),
        Some(d) => format!("{d} days apart"),
        None => "a date unknown".to_string(),
    });
    parts.join(" · ")
}

fn side(ctx: &Ctx, i: usize) -> Html {
    let c = ctx.claim(i);
    let date = date_label(c.date, ctx.corpus.document(&c.doc));
    html! {
        <div class="pair-side">{ stance_badge(ctx, c.stance) }{" "}<strong>{ c.speaker.clone() }</strong>{" "}{ side_badge(ctx, c) }
            {" "}<time class="muted">{ date }</time><span class="quote-text" data-testid="quote-text">{ snippet(&c.text, 120) }</span></div>
    }
}

#[function_component(Disagreements)]
pub fn disagreements_view() -> Html {
    let ctx = use_ctx();
    let pairs = {
        let corpus = ctx.corpus.clone();
        use_memo((), move |_| direct_disagreements(&corpus, 30))
    };
    html! {
        <section class="disagreements" data-testid="disagreements" aria-labelledby="dis-h">
            <h2 id="dis-h">{ format!("{} most direct disagreements", pairs.len()) }</h2>
            <p class="muted legend">{"Ranked by how directly one claim answers the other: the same entities, the same words, close in time."}</p>
            if pairs.is_empty() { <p class="empty">{"No opposing pair of claims in this corpus."}</p> }
            <ol>
            { for pairs.iter().map(|(a, b, why)| {
                let (ca, cb) = (ctx.claim(*a), ctx.claim(*b));
                let onclick = ctx.on_click(Action::SetCompare(vec![ca.id.clone(), cb.id.clone()]));
                html! {
                    <li class="pair" data-pair={format!("{},{}", ca.id, cb.id)}>
                        { side(&ctx, *a) }
                        <div class="vs" aria-hidden="true">{"vs"}</div>
                        { side(&ctx, *b) }
                        <button class="btn small" {onclick} title={format!("directness {}", fixed(why.directness as f64, 2))}>{"Compare"}</button>
                        <p class="pair-why muted" data-testid="pair-reason">{ reason(&ctx, why) }</p>
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
