//! The result count (`[data-testid=result-count]`, digits only) and the sort menu; shown in every panel.
use yew::prelude::*;

use super::{use_ctx, use_view};
use counterclaim_core::search::Expansion;
use counterclaim_core::view::{Action, SortKey};

#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    pub n: usize,
}

/// The result count (`[data-testid=result-count]`, digits only) and the sort menu; shown in every panel.
#[function_component(ResultBar)]
pub fn result_bar(p: &ResultBarProps) -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let n = p.n;
    let on_sort = {
        let act = ctx.act.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(k) = SortKey::parse(&v) {
                act.emit(Action::SetSort(k));
            }
        })
    };
    let expansions = {
        let (i, q) = (ctx.index.clone(), view.q.clone());
        let c = ctx.corpus.clone();
        use_memo(q, move |q| i.expansions(q, &c.config))
    };
    // Entity colours on or off (a reading preference, not part of the link).
    let colours = use_state(|| true);
    let toggle_colours = {
        let colours = colours.clone();
        Callback::from(move |_: Event| {
            let on = !*colours;
            if let Some(b) = gloo::utils::document().body() {
                let _ = b.class_list().toggle_with_force("no-ent-colours", !on);
            }
            colours.set(on);
        })
    };
    html! {
            <>
            <div class="results-bar">
                <h2 id="results-h" class="results-h" aria-live="polite" aria-atomic="true">
                    <span data-testid="result-count">{ n }</span>
                    { if n == 1 { " claim" } else { " claims" } }
                    <span class="muted">{ format!(" of {}", ctx.corpus.claims.len()) }</span>
                </h2>
                <label class="colour-toggle"><input type="checkbox" data-testid="entity-colours" checked={*colours} onchange={toggle_colours} />{" Colour entities"}</label>
                <label class="sort">{"Sort "}
                    <select onchange={on_sort} data-testid="sort" aria-label="Sort claims">
                    { for SortKey::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={view.sort == *k}>{ k.label() }</option>
                    }) }
                    </select>
                </label>
            </div>
            { for expansions.iter().map(|x| expansion(&ctx, x)) }
            </>
    }
}

/// "ISIS-K also matches Daesh, IS-KP, … (ISIS / Daesh) — search only “ISIS-K”".
fn expansion(ctx: &super::Ctx, x: &Expansion) -> Html {
    const SHOWN: usize = 6;
    let mut names = x.also.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if x.also.len() > SHOWN {
        names.push_str(&format!(" and {} more", x.also.len() - SHOWN));
    }
    html! {
        <p class="expansion muted" data-testid="search-expansion" data-typed={x.typed.clone()}>
            <strong>{ format!("“{}”", x.typed) }</strong>{ format!(" also matches {} ({}) — ", names, x.entity) }
            <button class="linkish" data-action="search-literal" onclick={ctx.on_click(Action::SetQuery(x.literal.clone()))}>
                { format!("search only “{}”", x.typed) }
            </button>
        </p>
    }
}
