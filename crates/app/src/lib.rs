//! The Counterclaim web app (Yew): components render the core's state and dispatch `Action`s; the corpus is
//! the data file `counterclaim page` writes beside the app (`data`). Nothing here computes what the core can.
//! Natively the same components render the first view to HTML at build time (`prerender`).
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod library;
pub mod offline;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod stored;
pub mod studio;
pub mod takeover;
pub mod texts;
pub mod url;
/// The import worker's client: the studio's only (feature `studio`).
#[cfg(feature = "studio")]
pub mod worker;

/// Element ids shared by `index.html`, the prerenderer and the app.
pub mod page {
    /// The prerendered first view (`<div id="pre">`), replaced by the app when it starts.
    pub const PRERENDER_ID: &str = "pre";
    /// The loading message, shown instead of the prerendered view when the link carries a view of its own.
    pub const BOOT_ID: &str = "boot";
    /// The corpus data file's `<link>` and the single file's inlined corpus (shared with the finishing step).
    pub use counterclaim_core::pack::{CORPUS_INLINE_ID, CORPUS_LINK_ID};
    /// `<meta name="counterclaim-worker" content="counterclaim-worker-loader-….js">`: the import worker's script (written by
    /// `counterclaim page`; absent in the single-file edition, where import needs the served site).
    pub const WORKER_META: &str = "counterclaim-worker";
    /// `<meta name="counterclaim-studio" content="counterclaim-studio-….js">`: the studio's script (`crate::studio`,
    /// written by `counterclaim page` beside the worker's).
    pub const STUDIO_META: &str = "counterclaim-studio";
}

/// Load the corpus, then mount the app out of sight, to take the place of the prerendered view and the boot message once
/// its first screen is built (`takeover`). A panic aborts: the page's own script says the app crashed (`index.html`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let embedded_id = data::embedded_id();
        let (corpus, index) = data::load().await;
        // Unpacking, opening the local storage and the first render in three tasks, none long on a slow phone (the
        // prerendered view is on screen meanwhile, until the app's view is built far enough to take its place:
        // `takeover`).
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        stored::warm();
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let root = takeover::mount_point();
        yew::Renderer::<components::root::Root>::with_root_and_props(root, components::root::RootProps::new(corpus, index, embedded_id))
            .render();
    });
}
