//! The Yew user interface: renders state from the core and sends events; no logic of its own.
pub mod components;

use std::rc::Rc;

use crate::core::corpus::Corpus;
use components::app::App;

/// Mount the app into `<body>`, replacing the boot message.
pub fn start() {
    console_error_panic_hook_set();
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    let corpus = Rc::new(Corpus::embedded());
    yew::Renderer::<App>::with_props(components::app::AppProps { corpus: components::CorpusRef(corpus) }).render();
}

/// Report Rust panics in the console rather than failing silently.
fn console_error_panic_hook_set() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(format!("Counterclaim crashed: {info}"));
    }));
}
