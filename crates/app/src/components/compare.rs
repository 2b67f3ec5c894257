//! Side-by-side comparison of 2–4 claims: same entity, same colour in every column; cues and shared words marked.
use yew::prelude::*;

use super::claim_card::{side_badge, stance_badge};
use super::marked_text::{entity_slot, MarkedText};
use super::opposing::Opposing;
use super::use_ctx;
use counterclaim_core::compare::shared_terms;
use counterclaim_core::text::sort;
use counterclaim_core::view::Action;

#[function_component(Compare)]
pub fn compare() -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let ids: Vec<usize> = view.cmp.iter().filter_map(|id| ctx.claim_index(id)).collect();
    if ids.is_empty() {
        return html! {};
    }
    let clear = {
        let act = ctx.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ClearCompare))
    };
    if ids.len() == 1 {
        return html! {
            <section class="compare-tray" data-testid="compare-tray" aria-label="Comparison">
                <p><strong>{"1 claim picked for comparison."}</strong>{" Add another with “+ Compare”, or pick an opposing claim:"}
                    <button class="btn small" onclick={clear}>{"Clear"}</button></p>
                <Opposing claim={ids[0]} />
            </section>
        };
    }
    let texts: Vec<&str> = ids.iter().map(|&i| ctx.claim(i).text.as_str()).collect();
    let shared = shared_terms(&texts);
    let mut entities: Vec<String> = ids.iter().flat_map(|&i| ctx.claim(i).entities.clone()).collect();
    sort(&mut entities);
    entities.dedup();
    html! {
        <section class="compare" data-testid="compare" aria-label="Comparison of claims">
            <header class="compare-head">
                <h2>{ format!("Comparing {} claims", ids.len()) }</h2>
                <button class="btn small" onclick={clear} data-testid="clear-compare">{"Close comparison"}</button>
            </header>
            <div class="legend" aria-label="Legend">
                <span class="legend-item">{"Entities (same colour = same group, even under another name): "}
                { for entities.iter().map(|e| html! {
                    <mark class={classes!("m", "m-ent", format!("ent-{}", entity_slot(&ctx, e)))} data-legend-entity={e.clone()}>{ ctx.corpus.config.entity_label(e).to_string() }</mark>
                }) }</span>
                <span class="legend-item"><mark class="m m-cue cue-supports">{"cue"}</mark>{" words that carry the stance (bold) · "}
                <mark class="m m-shared">{"shared"}</mark>{" words the claims have in common (dotted underline)"}</span>
            </div>
            <div class={classes!("columns", format!("cols-{}", ids.len()))}>
            { for ids.iter().zip(shared).map(|(&i, sh)| html! { <Column key={ctx.claim(i).id.clone()} claim={i} shared={sh} /> }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ColumnProps {
    claim: usize,
    shared: Vec<(usize, usize)>,
}

#[function_component(Column)]
fn column(p: &ColumnProps) -> Html {
    let ctx = use_ctx();
    let c = ctx.claim(p.claim).clone();
    let doc = ctx.corpus.document(&c.doc).cloned();
    let show_para = use_state(|| false);
    let toggle = {
        let s = show_para.clone();
        Callback::from(move |_: MouseEvent| s.set(!*s))
    };
    let remove = {
        let (act, id) = (ctx.act.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| act.emit(Action::RemoveCompare(id.clone())))
    };
    let read = {
        let (act, d, id) = (ctx.act.clone(), c.doc.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| act.emit(Action::OpenDoc { doc: d.clone(), claim: Some(id.clone()) }))
    };
    let para = doc.as_ref().and_then(|d| d.paragraph_at(c.start).map(|p| d.paragraph_text(p).to_string()));
    html! {
        <article class={classes!("col", format!("card-{}", c.stance.as_str()))} data-claim-id={c.id.clone()} data-stance={c.stance.as_str()}>
            <header>
                <div class="col-stance">{ stance_badge(c.stance) }</div>
                <h3 class="who">{ c.speaker.clone() }</h3>
                { for c.role.clone().map(|r| html!{ <p class="role">{r}</p> }) }
                <p>{ side_badge(&ctx, &c) }</p>
                <p class="muted">{ doc.as_ref().and_then(|d| d.outlet.clone()).unwrap_or_else(|| "Unknown outlet".into()) }
                    {" · "}{ c.date.map(|d| d.iso()).unwrap_or_else(|| "undated".into()) }</p>
            </header>
            <blockquote class="claim-text">
                <MarkedText text={AttrValue::from(c.text.clone())} cues={c.stance_cues.clone()} stance={c.stance} shared={p.shared.clone()} />
            </blockquote>
            if *show_para {
                <p class="context" data-testid="context">{ para.unwrap_or_default() }</p>
            }
            <footer class="col-actions">
                <button class="btn small" onclick={toggle} aria-expanded={show_para.to_string()}>{ if *show_para { "Hide paragraph" } else { "Show paragraph" } }</button>
                <button class="btn small" onclick={read}>{"Open in reader"}</button>
                <button class="btn small" onclick={remove} aria-label="Remove from comparison">{"Remove"}</button>
            </footer>
        </article>
    }
}
