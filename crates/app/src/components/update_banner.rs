//! "New version available — reload": shown when a new build's service worker is installed and waiting.
use yew::prelude::*;

use crate::offline;

#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let available = use_state(|| false);
    {
        let set = available.setter();
        use_effect_with((), move |_| {
            offline::on_update(Callback::from(move |_| set.set(true)));
        });
    }
    if !*available {
        return html! {};
    }
    let reload = Callback::from(|_: MouseEvent| offline::apply_update());
    html! {
        <div class="notice update-banner" data-testid="update-banner" role="status">
            <p>{"New version available — "}
                <button class="btn small" data-testid="update-reload" onclick={reload}>{"reload"}</button></p>
        </div>
    }
}
