//! Two articles side by side, their claims aligned by speaker side and entity (`cmpdocs=`).
use yew::prelude::*;

use super::badges::{side_badge, stance_badge};
use super::{use_ctx, use_view};
use counterclaim_core::compare::align_documents;
use counterclaim_core::model::Document;
use counterclaim_core::view::Action;

#[function_component(DocCompare)]
pub fn doc_compare() -> Html {
    let ctx = use_ctx();
    let view = use_view();
    // Hooks first, unconditionally: the alignment is memoised on the pair (None when no pair is picked).
    let rows = {
        let (c, i) = (ctx.corpus.clone(), ctx.index.clone());
        use_memo(view.cmp_docs.clone(), move |docs| match docs.as_slice() {
            [a, b] => Some(align_documents(&c, i.claims_of_doc(a), i.claims_of_doc(b))),
            _ => None,
        })
    };
    // A comparison picked far down the document list opens at the top of the page: bring it into view.
    let section = use_node_ref();
    {
        let section = section.clone();
        use_effect_with(view.cmp_docs.clone(), move |docs| {
            if let (false, Some(el)) = (docs.is_empty(), section.cast::<web_sys::Element>()) {
                let top = el.get_bounding_client_rect().top();
                let vh = gloo::utils::window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                if top < 0.0 || top > vh * 0.8 {
                    el.scroll_into_view_with_bool(true);
                }
            }
        });
    }
    let (Some(rows), [a, b]) = (rows.as_ref(), view.cmp_docs.as_slice()) else { return html! {} };
    let (Some(da), Some(db)) = (ctx.corpus.document(a), ctx.corpus.document(b)) else {
        return html! {};
    };
    let cell = |ids: &Vec<usize>| {
        html! { <td>{ for ids.iter().map(|&i| { let c = ctx.claim(i); html! {
            <div class={classes!("mini", format!("card-{}", c.stance.as_str()))} data-claim-id={c.id.clone()} data-stance={c.stance.as_str()}>
                <div><strong>{ c.speaker.clone() }</strong>{" "}{ side_badge(&ctx, c) }{" "}{ stance_badge(&ctx, c.stance) }</div>
                <span class="quote-text" data-testid="quote-text">{ c.text.clone() }</span>
            </div>
        }}) }</td> }
    };
    let head = |d: &Document| {
        html! {
            <th scope="col">
                <span class="dc-title">{ d.display_title() }</span><br/>
                <span class="muted">{ format!("{} · {}", d.outlet_label(), d.date_label()) }</span>
            </th>
        }
    };
    html! {
        <section class="compare doc-compare" data-testid="doc-compare" aria-label="Two documents compared" ref={section}>
            <header class="compare-head">
                <h2>{"Two articles side by side"}</h2>
                <button class="btn small" onclick={ctx.on_click(Action::ClearCompare)}>{"Close"}</button>
            </header>
            <div class="tl-scroll">
            <table class="dc-table">
                <thead><tr><th scope="col">{"Aligned by"}</th>{ head(da) }{ head(db) }</tr></thead>
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
