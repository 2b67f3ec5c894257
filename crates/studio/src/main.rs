//! The studio (wasm32; natively this binary does nothing): the import dialog and the settings editor, a second wasm
//! the page fetches the first time one of them opens (`counterclaim_app::studio`). Its start sets
//! `window.counterclaimStudio = {openImport, openSettings}` and says so with a `counterclaim-studio-ready` event.
#[cfg(target_arch = "wasm32")]
mod open;

fn main() {
    #[cfg(target_arch = "wasm32")]
    open::start();
}
