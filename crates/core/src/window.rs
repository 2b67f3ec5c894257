//! Which slice of a long list to render for a scroll position: the virtualised claim list's arithmetic.

/// Lists up to this long are rendered whole; longer ones are windowed.
pub const RENDER_ALL_UP_TO: usize = 50;
/// Items rendered above and below the visible ones, so fast scrolling rarely shows a gap.
pub const OVERSCAN: usize = 6;

/// The rendered slice `start..end` of an `n`-item list, and the space to leave above and below it (px).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub pad_top: f64,
    pub pad_bottom: f64,
}

/// The window for a list of `n` items of about `item_h` px each, when the viewport's top is `offset` px
/// below the list's top (negative: the list starts lower on screen) and the viewport is `viewport_h` tall.
/// Short lists (≤ [`RENDER_ALL_UP_TO`]) are rendered whole. Non-finite or non-positive measurements fall
/// back to safe values, so a layout glitch can never hide the list.
pub fn window(n: usize, offset: f64, viewport_h: f64, item_h: f64) -> Window {
    if n <= RENDER_ALL_UP_TO {
        return Window { start: 0, end: n, pad_top: 0.0, pad_bottom: 0.0 };
    }
    let item_h = if item_h.is_finite() && item_h >= 20.0 { item_h } else { 180.0 };
    let viewport_h = if viewport_h.is_finite() && viewport_h > 0.0 { viewport_h.min(20_000.0) } else { 1000.0 };
    let offset = if offset.is_finite() { offset.max(0.0) } else { 0.0 };
    let first = ((offset / item_h).floor() as usize).min(n - 1);
    let visible = (viewport_h / item_h).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN);
    let end = (first + visible + OVERSCAN).min(n);
    Window { start, end, pad_top: start as f64 * item_h, pad_bottom: (n - end) as f64 * item_h }
}

/// Cards on the first screen the reader sees (about a screenful: what the build prerenders), before the rest of the view.
pub const FIRST_CARDS: usize = 8;
/// Cards each render of the app's start adds (a task of a few milliseconds, so that no task of the start is
/// long on a slow phone).
pub const CARDS_PER_STAGE: usize = 4;
/// The start's first stage on screen: the page shows the prerendered view until the app's own view has the top
/// bar, the filters and [`FIRST_CARDS`] cards, built out of sight one task a stage (the stages before this one).
pub const SHOWN_STAGE: usize = 3 + FIRST_CARDS / CARDS_PER_STAGE;
/// About how many cards a virtualised list renders at the top: a screenful and a half.
const WINDOW_CARDS: usize = 16;

/// What one render of the app's start shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stage {
    /// At most this many cards; `None`: the whole list, or its window.
    pub cards: Option<usize>,
    /// Anything is rendered (the first stage only computes the view's state).
    pub shell: bool,
    /// The filters are rendered.
    pub facets: bool,
    /// The view is on screen (until then the prerendered view, or the loading message, stands in for it).
    pub shown: bool,
    /// The rest of the view (other panels, the document list) is rendered.
    pub complete: bool,
    /// Nothing is left for a later stage.
    pub last: bool,
}

impl Stage {
    /// The whole view: every card (or the window of a virtualised list), nothing left for later.
    pub const WHOLE: Stage = Stage { cards: None, shell: true, facets: true, shown: true, complete: true, last: true };
}

/// What render `stage` of the app's start shows of a list of `n` claims, one render a task so that no task builds
/// much. Out of sight: stage 0 only the view's state (no DOM); stage 1 the top bar, the result bar and the tabs;
/// stage 2 the filters too; each next stage [`CARDS_PER_STAGE`] cards more up to [`FIRST_CARDS`]. [`SHOWN_STAGE`],
/// the first one on screen, adds nothing (the swap of the two views is a task of its own). Then the rest of the view
/// with the same cards, and again [`CARDS_PER_STAGE`] more a stage until the list (or the window of
/// a virtualised one) is whole.
pub fn start_stage(stage: usize, n: usize) -> Stage {
    let need = if n > RENDER_ALL_UP_TO { WINDOW_CARDS } else { n };
    let cap = if stage <= SHOWN_STAGE {
        (CARDS_PER_STAGE * stage.saturating_sub(2)).min(FIRST_CARDS)
    } else {
        FIRST_CARDS + CARDS_PER_STAGE * (stage - SHOWN_STAGE - 1)
    };
    let complete = stage > SHOWN_STAGE;
    let last = complete && cap >= need;
    Stage { cards: (!last).then_some(cap), shell: stage >= 1, facets: stage >= 2, shown: stage >= SHOWN_STAGE, complete, last }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_adds_a_few_cards_a_stage_until_the_list_is_whole() {
        let caps: Vec<Option<usize>> = (0..17).map(|s| start_stage(s, 41).cards).collect();
        let mut want: Vec<Option<usize>> = [0, 0, 0, 4, 8, 8, 8, 12, 16, 20, 24, 28, 32, 36, 40].into_iter().map(Some).collect();
        want.extend([None, None]);
        assert_eq!(caps, want);
        assert_eq!(SHOWN_STAGE, 5);
        let flags = |s| {
            let st = start_stage(s, 41);
            (st.shell, st.facets, st.shown, st.complete)
        };
        let (f, t) = (false, true);
        let want = [(f, f, f, f), (t, f, f, f), (t, t, f, f), (t, t, f, f), (t, t, f, f), (t, t, t, f), (t, t, t, t)];
        assert_eq!((0..7).map(flags).collect::<Vec<_>>(), want);
        assert_eq!((0..20).filter(|&s| start_stage(s, 41).last).min(), Some(15), "whole at stage 15");
        // The first stage on screen has the first screenful of cards and the filters, whatever the list, and adds
        // nothing to the stage before it (the swap is a task of its own).
        for n in [0, 3, 41, 10_000] {
            let s = start_stage(SHOWN_STAGE, n);
            assert!(s.shown && s.facets && !s.complete && !s.last && s.cards == Some(FIRST_CARDS), "{n}: {s:?}");
            let before = start_stage(SHOWN_STAGE - 1, n);
            assert!(!before.shown && before.cards == s.cards && before.facets);
        }
        // A short list is whole at the first complete stage; a virtualised one once its window of about 16 cards is reached.
        assert_eq!(start_stage(SHOWN_STAGE + 1, 5), Stage::WHOLE);
        assert!(!start_stage(SHOWN_STAGE, 0).last && start_stage(SHOWN_STAGE + 1, 0).last);
        let last = (0..10).map(|s| start_stage(s, 10_000).last).collect::<Vec<_>>();
        assert_eq!(last, [f, f, f, f, f, f, f, f, t, t]);
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn stages_only_add(n in 0usize..100_000, s in 0usize..40) {
            let (a, b) = (start_stage(s, n), start_stage(s + 1, n));
            let cap = |x: Stage| x.cards.unwrap_or(usize::MAX);
            prop_assert!(cap(b) >= cap(a));
            prop_assert!(b.shell >= a.shell && b.facets >= a.facets && b.shown >= a.shown && b.complete >= a.complete && b.last >= a.last);
            // Once on screen, nothing shown is taken away again: the cards never fall below the first screenful.
            prop_assert!(!a.shown || cap(a) >= FIRST_CARDS);
        }
    }

    #[test]
    fn short_lists_are_rendered_whole() {
        assert_eq!(window(0, 500.0, 800.0, 150.0), Window { start: 0, end: 0, pad_top: 0.0, pad_bottom: 0.0 });
        assert_eq!(window(RENDER_ALL_UP_TO, 9e9, 800.0, 150.0).end, RENDER_ALL_UP_TO);
    }

    #[test]
    fn at_the_top_the_first_screenful_and_the_overscan_are_rendered() {
        let w = window(10_000, 0.0, 900.0, 150.0);
        assert_eq!((w.start, w.end), (0, 7 + OVERSCAN));
        assert_eq!(w.pad_top, 0.0);
        assert_eq!(w.pad_bottom, (10_000 - w.end) as f64 * 150.0);
    }

    #[test]
    fn scrolled_far_down_the_window_follows() {
        let w = window(10_000, 150.0 * 5000.0, 900.0, 150.0);
        assert_eq!((w.start, w.end), (5000 - OVERSCAN, 5000 + 7 + OVERSCAN));
        // Past the end: the last items, never an empty slice.
        let w = window(10_000, 1e12, 900.0, 150.0);
        assert_eq!(w.end, 10_000);
        assert!(w.start < w.end);
    }

    #[test]
    fn bad_measurements_fall_back_to_a_visible_window() {
        for (off, vh, h) in [(f64::NAN, 800.0, 150.0), (0.0, f64::INFINITY, 150.0), (0.0, 800.0, 0.0), (-5e9, -1.0, f64::NAN)] {
            let w = window(1000, off, vh, h);
            assert!(w.start < w.end && w.end <= 1000, "{off} {vh} {h}: {w:?}");
            assert!(w.end - w.start <= 200, "{w:?}");
        }
    }

    proptest! {
        #[test]
        fn the_window_covers_the_viewport_and_stays_small(n in 51usize..100_000, off in -1e4f64..1e8, vh in 100f64..3000.0, h in 20f64..600.0) {
            let w = window(n, off, vh, h);
            prop_assert!(w.start < w.end && w.end <= n);
            // Everything on screen is rendered (unless the list ends first).
            let first_visible = ((off.max(0.0) / h).floor() as usize).min(n - 1);
            let last_visible = (((off.max(0.0) + vh) / h).floor() as usize).min(n - 1);
            prop_assert!(w.start <= first_visible && w.end > last_visible);
            // Never more than a screenful plus the overscan on both sides.
            prop_assert!(w.end - w.start <= (vh / h).ceil() as usize + 1 + 2 * OVERSCAN);
            // The padding stands in for exactly the items not rendered.
            prop_assert!((w.pad_top + w.pad_bottom - (n - (w.end - w.start)) as f64 * h).abs() < 1e-6 * n as f64 * h + 1e-6);
        }
    }
}
