//! The stance map: sides × stance counts for the current filter; each cell applies that filter.
use std::rc::Rc;

use yew::prelude::*;

use super::{use_ctx, use_view};
use counterclaim_core::model::Stance;
use counterclaim_core::timeline::stance_map;
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct StanceMapProps {
    pub claims: Rc<Vec<usize>>,
}

#[function_component(StanceMap)]
pub fn stance_map_view(p: &StanceMapProps) -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let rows = {
        let (c, claims) = (ctx.corpus.clone(), p.claims.clone());
        use_memo(claims, move |cl| stance_map(&c, cl))
    };
    let max = rows.iter().flat_map(|r| r.2).max().unwrap_or(1).max(1);
    let cell = |side: &str, stance: Stance, n: usize| {
        let disabled = n == 0 || side.is_empty();
        let onclick = {
            let (act, view, side) = (ctx.act.clone(), view.clone(), side.to_string());
            Callback::from(move |_: MouseEvent| act.emit(Action::Replace(view.with_stance_and_side(stance, &side))))
        };
        let level = if n == 0 { 0 } else { 1 + (n * 4 - 1) / max };
        html! {
            <td class={classes!("sm-cell", format!("sm-{}", stance.as_str()), format!("lvl-{level}"))}>
                <button class="sm-btn" {onclick} data-stance={stance.as_str()} data-count={n.to_string()} disabled={disabled}
                    aria-label={format!("{n} {} claims — show them", stance.as_str())}>{ n }</button>
            </td>
        }
    };
    html! {
        <section class="stance-map-box" aria-labelledby="sm-h">
            <h2 id="sm-h">{"Stance map"}<span class="muted">{" · sides × stance for the current filter"}</span></h2>
            <table data-testid="stance-map" class="stance-map">
                <thead><tr><th scope="col">{"Side"}</th><th scope="col">{"▲ Supports"}</th><th scope="col">{"▼ Refutes"}</th><th scope="col">{"● Neutral"}</th></tr></thead>
                <tbody>
                { for rows.iter().map(|(k, label, n)| html! {
                    <tr data-side={k.clone()}>
                        <th scope="row">{ label.clone() }</th>
                        { cell(k, Stance::Supports, n[0]) }{ cell(k, Stance::Refutes, n[1]) }{ cell(k, Stance::Neutral, n[2]) }
                    </tr>
                }) }
                </tbody>
            </table>
        </section>
    }
}
