//! Side-by-side comparison of 2–4 claims: same entity, same colour in every column; cues and shared words marked.
use yew::prelude::*;

use super::compare_column::CompareColumn;
use super::marked_text::entity_class;
use super::opposing::Opposing;
use super::{use_ctx, use_view};
use counterclaim_core::compare::comparison;
use counterclaim_core::view::Action;

#[function_component(Compare)]
pub fn compare() -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let cmp = comparison(&ctx.corpus, &view.cmp);
    if cmp.claims.is_empty() {
        return html! {};
    }
    if cmp.claims.len() == 1 {
        return html! {
            <section class="compare-tray" data-testid="compare-tray" aria-label="Comparison" tabindex="-1">
                <p><strong>{"1 claim picked for comparison."}</strong>{" Add another with “+ Compare”, or pick an opposing claim:"}
                    <button class="btn small" onclick={ctx.on_click(Action::ClearCompare)}>{"Clear"}</button></p>
                <Opposing claim={cmp.claims[0]} />
            </section>
        };
    }
    let n = cmp.claims.len();
    html! {
        <section class="compare" data-testid="compare" aria-label="Comparison of claims" tabindex="-1">
            <header class="compare-head">
                <h2>{ format!("Comparing {n} claims") }</h2>
                <button class="btn small" onclick={ctx.on_click(Action::ClearCompare)} data-testid="clear-compare">{"Close comparison"}</button>
            </header>
            <div class="legend" aria-label="Legend">
                <span class="legend-item">{"Entities (same colour = same group, even under another name): "}
                { for cmp.entities.iter().filter_map(|e| entity_class(ctx.corpus.entity_mark(e)).map(|(c, _)| (e, c))).map(|(e, c)| html! {
                    <mark class={classes!("m", c)} data-legend-entity={e.clone()}>{ ctx.corpus.config.entity_label(e).to_string() }</mark>
                }) }</span>
                <span class="legend-item"><mark class="m m-cue cue-supports">{"cue"}</mark>{" words that carry the stance (bold) · "}
                <mark class="m m-shared">{"shared"}</mark>{" words the claims have in common (dotted underline)"}</span>
            </div>
            <div class={classes!("columns", format!("cols-{n}"))}>
            { for cmp.claims.iter().zip(cmp.shared).map(|(&i, sh)| html! { <CompareColumn key={ctx.claim(i).id.clone()} claim={i} shared={sh} /> }) }
            </div>
        </section>
    }
}
