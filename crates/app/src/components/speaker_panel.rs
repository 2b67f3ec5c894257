//! One speaker's page (`who=`): who they are and their claims across documents, in date order.
use yew::prelude::*;

use super::claim_card::ClaimCard;
use super::{use_ctx, use_view};
use counterclaim_core::speaker::speaker_page;
use counterclaim_core::view::Action;

#[function_component(SpeakerPanel)]
pub fn speaker_panel() -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let page = {
        let c = ctx.corpus.clone();
        use_memo(view.speaker_view.clone(), move |sid| sid.as_deref().and_then(|sid| speaker_page(&c, sid)))
    };
    let (Some(sid), Some(page)) = (view.speaker_view.clone(), page.as_ref()) else { return html! {} };
    let role = page.role.as_ref().map(|r| format!("{r} · ")).unwrap_or_default();
    html! {
        <section class="speaker-view" data-testid="speaker-view" data-speaker-id={sid}>
            <header class="compare-head">
                <h2>{ page.name.clone() }
                    <span class="muted">{ format!(" · {role}{} claims", page.claims.len()) }</span>
                </h2>
                <button class="btn small" onclick={ctx.on_click(Action::CloseSpeaker)}>{"Close"}</button>
            </header>
            <div class="cards">{ for page.claims.iter().map(|&i| html! { <ClaimCard key={ctx.claim(i).id.clone()} claim={i} /> }) }</div>
        </section>
    }
}
