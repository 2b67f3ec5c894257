//! The web app's entry point (wasm32; natively this binary does nothing).
fn main() {
    #[cfg(target_arch = "wasm32")]
    counterclaim_app::start();
}
