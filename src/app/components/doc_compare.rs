//! Two articles side by side, their claims aligned by speaker side and entity (`cmpdocs=`).
use yew::prelude::*;

use super::claim_card::{side_badge, stance_badge};
use super::use_ctx;
use crate::core::compare::align_documents;
use crate::core::view::Action;

#[function_component(DocCompare)]
pub fn doc_compare() -> Html {
    let ctx = use_ctx();
    let view = super::use_view();
    let [a, b] = match view.cmp_docs.as_slice() {
        [a, b] => [a.clone(), b.clone()],
        _ => return html! {},
    };
    let (Some(da), Some(db)) = (ctx.corpus.document(&a).cloned(), ctx.corpus.document(&b).cloned()) else {
        return html! {};
    };
    let rows = {
        let (c, a, b) = (ctx.corpus.clone(), a.clone(), b.clone());
        use_memo((a, b), move |(a, b)| align_documents(&c, a, b))
    };
    let close = {
        let act = ctx.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ClearCompare))
    };
    let cell = |ids: &Vec<usize>| {
        html! { <td>{ for ids.iter().map(|&i| { let c = ctx.claim(i); html! {
            <div class={classes!("mini", format!("card-{}", c.stance.as_str()))} data-claim-id={c.id.clone()} data-stance={c.stance.as_str()}>
                <div><strong>{ c.speaker.clone() }</strong>{" "}{ side_badge(&ctx, c) }{" "}{ stance_badge(c.stance) }</div>
                <q>{ c.text.clone() }</q>
            </div>
        }}) }</td> }
    };
    let head = |d: &crate::core::model::Document| html! {
        <th scope="col">
            <span class="dc-title">{ d.display_title() }</span><br/>
            <span class="muted">{ format!("{} · {}", d.outlet.clone().unwrap_or_else(|| "Unknown outlet".into()), d.date.clone().unwrap_or_else(|| "undated".into())) }</span>
        </th>
    };
    html! {
        <section class="compare doc-compare" data-testid="doc-compare" aria-label="Two documents compared">
            <header class="compare-head">
                <h2>{"Two articles side by side"}</h2>
                <button class="btn small" onclick={close}>{"Close"}</button>
            </header>
            <div class="tl-scroll">
            <table class="dc-table">
                <thead><tr><th scope="col">{"Aligned by"}</th>{ head(&da) }{ head(&db) }</tr></thead>
                <tbody>
                { for rows.rows.iter().map(|r| html! {
                    <tr><th scope="row">{ r.key.clone() }</th>{ cell(&r.left) }{ cell(&r.right) }</tr>
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
