//! The strongest opposing pairs across the corpus, each one click away from a side-by-side comparison.
use yew::prelude::*;

use super::badges::{side_badge, stance_badge};
use super::use_ctx;
use counterclaim_core::compare::disagreements;
use counterclaim_core::text::{fixed, snippet};
use counterclaim_core::view::Action;

#[function_component(Disagreements)]
pub fn disagreements_view() -> Html {
    let ctx = use_ctx();
    let pairs = {
        let corpus = ctx.corpus.clone();
        use_memo((), move |_| disagreements(&corpus, 30))
    };
    html! {
        <section class="disagreements" data-testid="disagreements" aria-labelledby="dis-h">
            <h2 id="dis-h">{ format!("{} strongest disagreements", pairs.len()) }</h2>
            if pairs.is_empty() { <p class="empty">{"No opposing pair of claims in this corpus."}</p> }
            <ol>
            { for pairs.iter().map(|&(a, b, score)| {
                let (ca, cb) = (ctx.claim(a), ctx.claim(b));
                let onclick = ctx.on_click(Action::SetCompare(vec![ca.id.clone(), cb.id.clone()]));
                html! {
                    <li class="pair" data-pair={format!("{},{}", ca.id, cb.id)}>
                        <div class="pair-side">{ stance_badge(&ctx, ca.stance) }{" "}<strong>{ ca.speaker.clone() }</strong>{" "}{ side_badge(&ctx, ca) }<q>{ snippet(&ca.text, 120) }</q></div>
                        <div class="vs" aria-hidden="true">{"vs"}</div>
                        <div class="pair-side">{ stance_badge(&ctx, cb.stance) }{" "}<strong>{ cb.speaker.clone() }</strong>{" "}{ side_badge(&ctx, cb) }<q>{ snippet(&cb.text, 120) }</q></div>
                        <button class="btn small" {onclick} title={format!("score {}", fixed(score as f64, 2))}>{"Compare"}</button>
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
