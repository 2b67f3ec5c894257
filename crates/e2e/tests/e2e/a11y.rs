//! Issue 21: what Lighthouse's accessibility audit found — a tab list holds only tabs, and every facet
//! checkbox has a 24 px target of its own (WCAG 2.5.8: size, or spacing to its neighbours).
use super::{actions, harness::Session};

/// Roles of the tab list's children that are not `tab` (what `aria-required-children` rejects).
const NOT_TABS: &str = r#"
return [...document.querySelectorAll('[role=tablist]')].flatMap(l => [...l.children])
  .filter(e => e.getAttribute('role') !== 'tab').map(e => e.outerHTML.slice(0, 80));
"#;

/// Visible facet checkboxes whose 24 px circle (centred) reaches a neighbour's, with the distance.
const CRAMPED: &str = r#"
const boxes = [...document.querySelectorAll('input[type=checkbox][data-facet]')].filter(e => e.offsetParent)
  .map(e => { const b = e.getBoundingClientRect(); return { id: e.id, x: b.left + b.width / 2, y: b.top + b.height / 2, w: b.width, h: b.height }; });
return boxes.filter(a => a.w < 24 || a.h < 24).flatMap(a => boxes.filter(b => b !== a)
  .map(b => ({ id: a.id, to: b.id, d: Math.hypot(a.x - b.x, a.y - b.y) })).filter(p => p.d < 24));
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tab_list_holds_only_tabs_and_facet_targets_are_24px() {
    for size in [(1280, 900), (390, 844)] {
        let s = Session::with(super::harness::dist(), "/", size).await;
        let c = &s.client;
        actions::open_app(c, &s.server.url("")).await;
        let not_tabs = actions::js(c, NOT_TABS).await;
        assert_eq!(not_tabs.as_array().map(Vec::len), Some(0), "at {size:?}: {not_tabs}");
        if size.0 < 700 {
            actions::click(c, "[data-testid=filters-toggle]").await;
        }
        let cramped = actions::js(c, CRAMPED).await;
        assert_eq!(cramped.as_array().map(Vec::len), Some(0), "at {size:?}: {cramped}");
        s.close().await;
    }
}
