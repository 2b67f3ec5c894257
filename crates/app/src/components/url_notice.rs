//! What a link contained that could not be shown (`[data-testid=url-notice]`), until dismissed.
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UrlNoticeProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component(UrlNotice)]
pub fn url_notice(p: &UrlNoticeProps) -> Html {
    if p.notices.is_empty() {
        return html! {};
    }
    let dismiss = p.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" data-testid="url-notice" role="status">
            <p><strong>{"Part of this link could not be used; the rest is shown."}</strong></p>
            <ul>{ for p.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <button class="btn small" onclick={dismiss} aria-label="Dismiss this notice">{"Dismiss"}</button>
        </div>
    }
}
