//! The Counterclaim web app (Yew, wasm32): components render the core's state and dispatch `Action`s; the
//! corpus is the one the build script packed (`embedded`). Nothing here computes what the core can.
#![cfg(target_arch = "wasm32")]
pub mod components;
pub mod embedded;
pub mod offline;
pub mod state;
pub mod stored;
pub mod url;

use components::app::App;

/// Mount the app into `<body>`, replacing the boot message.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(format!("Counterclaim crashed: {info}"));
        if let Some(b) = gloo::utils::document().body() {
            let p = gloo::utils::document().create_element("p").ok();
            if let Some(p) = p {
                p.set_class_name("crash");
                p.set_text_content(Some(
                    "Counterclaim hit an internal error. Reload the page; if it happens again, the link you opened may be the cause.",
                ));
                let _ = b.prepend_with_node_1(&p);
            }
        }
    }));
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    let (corpus, index) = embedded::corpus_and_index();
    yew::Renderer::<App>::with_props(components::app::AppProps::new(corpus, index)).render();
    // After the first render (which runs in a microtask, before any timer): the worker's registration and
    // precaching never compete with showing the claims.
    gloo::timers::callback::Timeout::new(0, offline::register).forget();
}
