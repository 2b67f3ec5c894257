//! The badges shown next to a claim in every view (view helpers, not components): its stance and its side.
use yew::prelude::*;

use super::Ctx;
use counterclaim_core::model::{Claim, Stance};

/// Stance badge: icon + words + colour, so it never relies on colour alone; its title is the corpus's own
/// wording of the stance (`[stance_labels]` in `corpus.toml`).
pub fn stance_badge(ctx: &Ctx, s: Stance) -> Html {
    let icon = match s {
        Stance::Supports => "▲",
        Stance::Refutes => "▼",
        Stance::Neutral => "●",
    };
    html! { <span class={classes!("badge", "stance", format!("stance-{}", s.as_str()))} title={ctx.corpus.stance_labels.title(s).to_string()}>
    <span aria-hidden="true">{icon}</span>{" "}{s.label()}</span> }
}

/// Side badge: the side's label, or "Side unknown".
pub fn side_badge(ctx: &Ctx, c: &Claim) -> Html {
    match &c.side {
        Some(s) => {
            html! { <span class={classes!("badge", "side")} data-side={s.clone()}>{ ctx.corpus.config.side_label(s).to_string() }</span> }
        }
        None => html! { <span class={classes!("badge", "side", "side-unknown")}>{"Side unknown"}</span> },
    }
}
