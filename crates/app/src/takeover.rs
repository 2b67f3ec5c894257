//! The app's own view built out of sight, a few cards a task, then shown in place of the prerendered view in one go.
//!
//! `start` mounts the app into a hidden `<div id="app">` (laid out as the body's own children, like `#pre`). While
//! the start's first stages render into it (`core::window::start_stage`), the page keeps showing the prerendered
//! view or the loading message; the first stage meant to be seen calls [`reveal`], which swaps the two in the same
//! task, so no frame shows neither. No stage of the start is then a long task, even on a slow phone.

/// The id of the app's mount point.
pub const APP_ID: &str = "app";

/// A new hidden mount point at the end of `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn mount_point() -> web_sys::Element {
    let doc = gloo::utils::document();
    let el = doc.create_element("div").expect("a div can be created");
    el.set_id(APP_ID);
    let _ = el.set_attribute("hidden", "");
    gloo::utils::body().append_child(&el).expect("the body takes a child");
    el
}

/// Whether the app's view is still out of sight (its mount point hidden). False natively (the build's prerender is
/// the view as first seen) and wherever the app was mounted some other way (the component tests).
pub fn pending() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::document().get_element_by_id(APP_ID).is_some_and(|el| el.has_attribute("hidden"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// What [`reveal`] takes out of `<body>`, as mounting into `<body>` itself would: the prerendered view, the loading
/// message, and the page's boot script and `<noscript>` (which have done their work).
#[cfg(target_arch = "wasm32")]
fn stand_ins() -> String {
    use crate::page::{BOOT_ID, PRERENDER_ID};
    format!(":scope > #{PRERENDER_ID}, :scope > #{BOOT_ID}, :scope > script, :scope > noscript")
}

/// Show the app's view: unhide its mount point and remove what stood in for it (`stand_ins`), then (in a later
/// task) register the service worker. Does nothing once shown, or without a hidden mount point.
pub fn reveal() {
    #[cfg(target_arch = "wasm32")]
    {
        if !pending() {
            return;
        }
        let body = gloo::utils::body();
        if let Ok(list) = body.query_selector_all(&stand_ins()) {
            for i in 0..list.length() {
                if let Some(node) = list.item(i) {
                    let _ = body.remove_child(&node);
                }
            }
        }
        if let Some(app) = gloo::utils::document().get_element_by_id(APP_ID) {
            let _ = app.remove_attribute("hidden");
        }
        gloo::timers::callback::Timeout::new(0, crate::offline::register).forget();
    }
}
