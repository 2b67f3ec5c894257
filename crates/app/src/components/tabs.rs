//! The view tabs (claims; timeline and stance map; disagreements), with the export menu at their end.
use std::rc::Rc;

use yew::prelude::*;

use super::export_menu::ExportMenu;
use super::{use_ctx, use_view};
use counterclaim_core::view::{Action, Panel};

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The claims of the current view (what the export menu exports).
    pub claims: Rc<Vec<usize>>,
}

#[function_component(Tabs)]
pub fn tabs(p: &TabsProps) -> Html {
    let ctx = use_ctx();
    let view = use_view();
    let tab = |panel: Panel, label: &str, testid: &str| {
        let on = view.panel == panel;
        html! {
            <button role="tab" class={classes!("tab", on.then_some("on"))} aria-selected={on.to_string()} data-testid={testid.to_string()}
                onclick={ctx.on_click(Action::SetPanel(panel))}>{ label.to_string() }</button>
        }
    };
    html! {
        // The tab list holds only tabs (ARIA: a tablist owns tabs); the export menu sits beside it.
        <nav class="tabs" aria-label="Views">
            <div class="tablist" role="tablist" aria-label="Views">
                { tab(Panel::Claims, "Claims", "tab-claims") }
                { tab(Panel::Timeline, "Timeline & stance map", "tab-timeline") }
                { tab(Panel::Disagreements, "Disagreements", "tab-disagreements") }
            </div>
            <span class="tabs-end"><ExportMenu claims={p.claims.clone()} /></span>
        </nav>
    }
}
