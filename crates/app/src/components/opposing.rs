//! Opposing claims for one claim: other sides, opposite stance, shared entities — one click to compare.
use yew::prelude::*;

use super::badges::{side_badge, stance_badge};
use super::use_ctx;
use counterclaim_core::model::date_label;
use counterclaim_core::text::snippet;
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct OpposingProps {
    pub claim: usize,
    #[prop_or(4)]
    pub limit: usize,
}

#[function_component(Opposing)]
pub fn opposing_view(p: &OpposingProps) -> Html {
    let ctx = use_ctx();
    let list = {
        let (corpus, index) = (ctx.corpus.clone(), ctx.index.clone());
        use_memo((p.claim, p.limit), move |&(c, n)| index.opposing(&corpus, c, n))
    };
    let me = ctx.claim(p.claim);
    if list.is_empty() {
        return html! { <p class="opposing none muted" data-testid="opposing">{"No opposing claim found for this one."}</p> };
    }
    html! {
        <section class="opposing" data-testid="opposing" aria-label="Opposing claims">
            <h3>{ format!("Opposing claims ({})", list.len()) }</h3>
            <ul>
            { for list.iter().map(|o| {
                let c = ctx.claim(o.claim);
                let onclick = ctx.on_click(Action::SetCompare(vec![me.id.clone(), c.id.clone()]));
                let ents: Vec<String> = o.shared_entities.iter().map(|e| ctx.corpus.config.entity_label(e).to_string()).collect();
                html! {
                    <li data-opposing-id={c.id.clone()}>
                        <span class="who">{ c.speaker.clone() }</span>{" "}{ side_badge(&ctx, c) }{" "}{ stance_badge(&ctx, c.stance) }
                        <span class="muted">{ format!(" · {} · on {}", date_label(c.date, ctx.corpus.document(&c.doc)), ents.join(", ")) }</span>
                        <span class="snippet quote-text" data-testid="quote-text">{ snippet(&c.text, 140) }</span>
                        <button class="btn small" {onclick} data-action="compare-pair">{"Compare side by side"}</button>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
