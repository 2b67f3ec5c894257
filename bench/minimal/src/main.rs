//! A minimal Yew page: a heading and a list of five items (`[data-testid=ready] li`), nothing else.
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! {
        <main>
            <h1>{ "Minimal Yew page" }</h1>
            <ul data-testid="ready">
                { for (1..=5).map(|i| html! { <li data-item={i.to_string()}>{ format!("Item {i}") }</li> }) }
            </ul>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
