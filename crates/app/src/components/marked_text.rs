//! Claim text with its entities, stance cues, search hits and shared words marked — as text nodes, never raw HTML.
use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::config::EntityMark;
use counterclaim_core::highlight::{segments, Marks};
use counterclaim_core::model::Stance;

#[derive(Properties, PartialEq, Clone)]
pub struct MarkedTextProps {
    pub text: AttrValue,
    /// Stance cue phrases of the claim (marked `mark[data-cue]`).
    #[prop_or_default]
    pub cues: Vec<String>,
    pub stance: Stance,
    /// Byte spans of words shared with the other compared claims.
    #[prop_or_default]
    pub shared: Vec<(usize, usize)>,
    /// The search query whose hits are marked (none when empty).
    #[prop_or_default]
    pub q: AttrValue,
}

#[function_component(MarkedText)]
pub fn marked_text(p: &MarkedTextProps) -> Html {
    let ctx = use_ctx();
    let text = p.text.as_str();
    let marks = Marks {
        entities: ctx.hl.entity_spans(text),
        cues: ctx.hl.cue_spans(text, &p.cues),
        hits: if p.q.is_empty() { vec![] } else { ctx.index.hit_spans(text, &p.q) },
        shared: p.shared.clone(),
    };
    let segs = segments(text, &marks);
    html! {
        <span class="marked">
        { for segs.iter().map(|s| {
            let t = text[s.start..s.end].to_string();
            if s.is_plain() {
                return html! { {t} };
            }
            let mut class = classes!("m");
            let mut title = Vec::new();
            let mut ent_label = None;
            if let Some(e) = &s.entity {
                let label = ctx.corpus.config.entity_label(e).to_string();
                match entity_class(ctx.corpus.entity_mark(e)) {
                    Some((c, labelled)) => {
                        class.push(c);
                        ent_label = labelled.then(|| label.clone());
                    }
                    None => class.push("m-bg"),
                }
                title.push(format!("Entity: {label}"));
            }
            if s.cue {
                class.push(format!("m-cue cue-{}", p.stance.as_str()));
                title.push(format!("Stance cue ({})", p.stance.as_str()));
            }
            if s.hit { class.push("m-hit"); title.push("Search match".to_string()); }
            if s.shared { class.push("m-shared"); title.push("Shared with the other claims".to_string()); }
            html! {
                <mark class={class}
                    data-entity={s.entity.clone()}
                    data-ent-label={ent_label}
                    data-cue={s.cue.then(|| p.stance.as_str().to_string())}
                    data-hit={s.hit.then_some("1")}
                    data-shared={s.shared.then_some("1")}
                    title={title.join(" · ")}>{t}</mark>
            }
        }) }
        </span>
    }
}

/// The class of an entity mark (colour, or pattern with the label written beside it: `true`), or `None`
/// for a background entity, which is not coloured.
pub fn entity_class(m: EntityMark) -> Option<(String, bool)> {
    match m {
        EntityMark::Plain => None,
        EntityMark::Colour(n) => Some((format!("m-ent ent-{n}"), false)),
        EntityMark::Pattern(n) => Some((format!("m-ent ent-x ent-pat-{}", n % 4), true)),
    }
}
