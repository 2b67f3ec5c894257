//! The reader's corrections in `localStorage`, one entry per corpus (`core::corrections::storage_key`).
use counterclaim_core::corrections::Corrections;

/// The page's `localStorage`; none where there is no browser (the build's prerender runs natively).
fn storage() -> Option<web_sys::Storage> {
    if cfg!(target_arch = "wasm32") {
        gloo::utils::window().local_storage().ok().flatten()
    } else {
        None
    }
}

/// Open the page's `localStorage` ahead of the app's first render, so that its first use (the browser reads it from
/// disk) is a task of its own at the start rather than part of the render.
pub fn warm() {
    let _ = storage();
}

/// The corrections stored under `key`; what cannot be read is left out with a console warning.
pub fn load(key: &str) -> Corrections {
    let Some(text) = storage().and_then(|s| s.get_item(key).ok().flatten()) else { return Corrections::default() };
    let (fixes, problems) = Corrections::from_text(&text);
    for p in problems {
        gloo::console::warn!(format!("Counterclaim: {p}"));
    }
    fixes
}

/// Keep `fixes` under `key` (removed when there are none); a full or blocked storage is a console warning.
pub fn save(key: &str, fixes: &Corrections) {
    let Some(s) = storage() else {
        if cfg!(target_arch = "wasm32") {
            gloo::console::warn!("Counterclaim: no local storage: corrections last until the page is closed");
        }
        return;
    };
    let done = if fixes.is_empty() { s.remove_item(key) } else { s.set_item(key, &fixes.to_text()) };
    if done.is_err() {
        gloo::console::warn!("Counterclaim: corrections could not be stored");
    }
}
