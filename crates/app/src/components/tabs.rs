//! The view tabs (claims; timeline and stance map; disagreements), with the export menu at their end.
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::export_menu::ExportMenu;
use super::{use_ctx, use_view};
use counterclaim_core::view::{Action, Panel};

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The claims of the current view (what the export menu exports).
    pub claims: Rc<Vec<usize>>,
}

/// How long the view must stay the same before the browser tab's title follows it.
const TITLE_DELAY_MS: u32 = 250;

#[function_component(Tabs)]
pub fn tabs(p: &TabsProps) -> Html {
    let ctx = use_ctx();
    let view = use_view();
    // The browser tab names the view, once it has settled: a title write cost Chromium about 2 ms each (a message to
    // the browser process, 3.4 % of the JS time of facet toggles at 10,000 documents), too much for every keystroke.
    let pending = use_mut_ref(|| None::<Timeout>);
    use_effect_with((view.panel, p.claims.len()), move |(panel, n)| {
        let title = format!("{} ({n}) · Counterclaim", panel.label());
        // Replacing the timer cancels the one before it.
        *pending.borrow_mut() = Some(Timeout::new(TITLE_DELAY_MS, move || gloo::utils::document().set_title(&title)));
    });
    // Left/Right (and Home/End) move between the tabs, as in any tab list.
    let onkeydown = {
        let (act, current) = (ctx.act.clone(), view.panel);
        Callback::from(move |e: KeyboardEvent| {
            let i = Panel::ALL.iter().position(|p| *p == current).unwrap_or(0);
            let n = Panel::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            act.emit(Action::SetPanel(Panel::ALL[next]));
            let sel = format!("[role=tab][data-panel={}]", Panel::ALL[next].as_str());
            // After the re-render: the focus follows the selected tab.
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(el) = gloo::utils::document().query_selector(&sel).ok().flatten() {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            })
            .forget();
        })
    };
    // `more`: words of the label a phone leaves out (`.tab-more`), so that the tabs fit one row.
    let tab = |panel: Panel, label: &str, more: &str, testid: &str| {
        let on = view.panel == panel;
        html! {
            <button role="tab" class={classes!("tab", on.then_some("on"))} aria-selected={on.to_string()} data-testid={testid.to_string()}
                data-panel={panel.as_str()} tabindex={if on { "0" } else { "-1" }} onkeydown={onkeydown.clone()}
                onclick={ctx.on_click(Action::SetPanel(panel))}>{ label.to_string() }<span class="tab-more">{ more.to_string() }</span></button>
        }
    };
    html! {
        // The tab list holds only tabs (ARIA: a tablist owns tabs); the export menu sits beside it.
        <nav class="tabs" aria-label="Views">
            <div class="tablist" role="tablist" aria-label="Views">
                { tab(Panel::Claims, "Claims", "", "tab-claims") }
                { tab(Panel::Timeline, "Timeline", " & stance map", "tab-timeline") }
                { tab(Panel::Disagreements, "Disagreements", "", "tab-disagreements") }
            </div>
            <span class="tabs-end"><ExportMenu claims={p.claims.clone()} /></span>
        </nav>
    }
}
