//! The timeline: visible claims over time, one row per side, marks shaped and coloured by stance; SVG plus a text list.
use std::rc::Rc;

use yew::prelude::*;

use counterclaim_core::text::{fixed, snippet};

use super::use_ctx;
use counterclaim_core::model::Stance;
use counterclaim_core::timeline::layout;
use counterclaim_core::view::Action;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub claims: Rc<Vec<usize>>,
}

/// Height of a row with one level of marks, and of each further level.
const ROW: f64 = 44.0;
const LEVEL: f64 = 15.0;
const TOP: f64 = 14.0;
/// Width of a mark (marks closer than this are stacked, not moved).
const MARK_W: f64 = 15.0;

/// The drawing's width, the width of the row labels and how many characters they show: the full drawing on
/// wide screens; on a phone, one as wide as the screen (drawn at 1:1, so the labels stay legible and the
/// whole time span is in view without scrolling).
fn geometry() -> (f64, f64, usize) {
    let vw = gloo::utils::window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1280.0);
    if vw < 600.0 {
        ((vw - 24.0).max(320.0), 100.0, 15)
    } else {
        (900.0, 170.0, 26)
    }
}

/// Top of each row and the height of the whole drawing.
fn row_tops(depth: &[usize]) -> (Vec<f64>, f64) {
    let mut tops = Vec::with_capacity(depth.len());
    let mut y = TOP;
    for &d in depth {
        tops.push(y);
        y += ROW + LEVEL * d.saturating_sub(1) as f64;
    }
    (tops, y.max(TOP + ROW) + 30.0)
}

/// A stance mark: ▲ supports, ▼ refutes, ● neutral — shape and colour.
fn shape(s: Stance, x: f64, y: f64) -> Html {
    match s {
        Stance::Supports => html! { <path class="tm-shape" d={format!("M{} {} l7 12 h-14 z", fixed(x, 1), fixed(y - 7.0, 1))} /> },
        Stance::Refutes => html! { <path class="tm-shape" d={format!("M{} {} l7 -12 h-14 z", fixed(x, 1), fixed(y + 7.0, 1))} /> },
        Stance::Neutral => html! { <circle class="tm-shape" cx={fixed(x, 1)} cy={fixed(y, 1)} r="6" /> },
    }
}

#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let ctx = use_ctx();
    let (w, left, label_chars) = geometry();
    let axis = w - left - 40.0;
    let t = {
        let (c, claims) = (ctx.corpus.clone(), p.claims.clone());
        use_memo((claims, axis.to_bits()), move |(cl, _)| layout(&c, cl, MARK_W / axis))
    };
    let (tops, h) = row_tops(&t.depth);
    let row_mid = |r: usize| tops[r] + (ROW + LEVEL * t.depth[r].saturating_sub(1) as f64) / 2.0;
    let x_of = |x: f64| left + 12.0 + x * axis;
    let desc = format!(
        "{} claims from {} to {}; {} undated.",
        t.points.len(),
        t.first.map(|d| d.iso()).unwrap_or_else(|| "—".into()),
        t.last.map(|d| d.iso()).unwrap_or_else(|| "—".into()),
        t.undated.len()
    );
    html! {
        <section class="timeline" aria-labelledby="tl-h">
            <h2 id="tl-h">{"Timeline"}<span class="muted">{ format!(" · {desc}") }</span></h2>
            <p class="legend">{"▲ supports · ▼ refutes · ● neutral — one row per side. Select a mark to open the claim."}</p>
            <div class="tl-scroll">
            <svg data-testid="timeline" viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-labelledby="tl-title tl-desc" class={classes!("tl-svg", (w < 900.0).then_some("narrow"))}>
                <title id="tl-title">{"Claims over time by side and stance"}</title>
                <desc id="tl-desc">{ desc.clone() }</desc>
                { for t.rows.iter().enumerate().map(|(r, (_, label))| {
                    let y = row_mid(r);
                    html! { <g class="tl-row">
                        <line x1={fixed(left, 1)} x2={fixed(w - 8.0, 1)} y1={fixed(y, 1)} y2={fixed(y, 1)} class="tl-line" />
                        <text x="4" y={fixed(y + 4.0, 1)} class="tl-label"><title>{ label.clone() }</title>{ snippet(label, label_chars) }</text>
                    </g> }
                }) }
                { for t.ticks.iter().map(|k| {
                    let x = x_of(k.x);
                    html! { <g class="tl-tick">
                        <line x1={fixed(x, 1)} x2={fixed(x, 1)} y1={fixed(TOP, 1)} y2={fixed(h - 24.0, 1)} class="tl-grid" />
                        <text x={fixed(x, 1)} y={fixed(h - 8.0, 1)} class="tl-year" text-anchor="middle">{ k.label.clone() }</text>
                    </g> }
                }) }
                { for t.points.iter().map(|pt| {
                    let c = ctx.claim(pt.claim);
                    // At its date; overlapping marks stacked on levels centred on the row's line.
                    let x = x_of(pt.x);
                    let y = row_mid(pt.row) + (pt.stack as f64 - (t.depth[pt.row] as f64 - 1.0) / 2.0) * LEVEL;
                    let open = Action::OpenDoc { doc: c.doc.clone(), claim: Some(c.id.clone()) };
                    let onkeydown = ctx.on_activate_key(open.clone());
                    let onclick = ctx.on_click(open);
                    let label = format!("{}, {}, {}: {}", c.speaker, c.date.map(|d| d.iso()).unwrap_or_default(), c.stance.as_str(), c.text);
                    html! {
                        <g class={classes!("tl-mark", format!("tm-{}", c.stance.as_str()))} data-claim-id={c.id.clone()} data-stance={c.stance.as_str()}
                            data-date={c.date.map(|d| d.iso())} tabindex="0" role="button" aria-label={label.clone()} {onclick} {onkeydown}>
                            <title>{ label }</title>
                            { shape(c.stance, x, y) }
                        </g>
                    }
                }) }
            </svg>
            </div>
            <details class="tl-text">
                <summary>{"Timeline as text"}</summary>
                <ol>{ for t.points.iter().map(|pt| { let c = ctx.claim(pt.claim); html! {
                    <li>{ format!("{} — {} ({}) {}: {}", c.date.map(|d| d.iso()).unwrap_or_default(), c.speaker, t.rows[pt.row].1, c.stance.as_str(), c.text) }</li>
                }}) }</ol>
            </details>
        </section>
    }
}
