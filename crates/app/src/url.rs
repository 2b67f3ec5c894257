//! The browser's address bar: read the view from it, write the view to it (query, or fragment under file://).
//! Natively (the build-time prerenderer) there is no address: the default view, and links relative to the page.
use wasm_bindgen::JsValue;

use counterclaim_core::corpus::Corpus;
use counterclaim_core::view::{self, ViewState};

/// The page's address; `None` natively, where the first view is rendered at build time.
fn location() -> Option<web_sys::Location> {
    #[cfg(target_arch = "wasm32")]
    return Some(gloo::utils::window().location());
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Whether the browser offers the Web Share API (`navigator.share`); never while prerendering.
pub fn can_share() -> bool {
    location().is_some() && js_sys::Reflect::has(&gloo::utils::window().navigator(), &"share".into()).unwrap_or(false)
}

/// Under `file://` (the single-file edition) the state lives in the fragment; elsewhere in the query.
pub fn uses_fragment() -> bool {
    location().and_then(|l| l.protocol().ok()).is_some_and(|p| p == "file:")
}

/// The raw view text of the current address: the query, else the fragment.
fn raw() -> String {
    let Some(loc) = location() else { return String::new() };
    let search = loc.search().unwrap_or_default();
    if search.len() > 1 {
        return search;
    }
    let hash = loc.hash().unwrap_or_default();
    if hash.len() > 1 {
        hash
    } else {
        String::new()
    }
}

/// The corpus the current address names (`corpus=`), if any.
pub fn read_corpus() -> Option<String> {
    view::decode(&raw()).state.corpus
}

/// The state named by the current address, validated against the corpus, and what was ignored.
pub fn read(corpus: &Corpus) -> (ViewState, Vec<String>) {
    let decoded = view::decode(&raw());
    let mut state = decoded.state;
    let mut notices = decoded.notices;
    notices.extend(state.validate(corpus));
    (state, notices)
}

/// The address for a state, relative to the current page (keeps any sub-path).
pub fn href(state: &ViewState) -> String {
    let Some(loc) = location() else { return format!("./?{}", view::encode(state)) };
    let path = loc.pathname().unwrap_or_default();
    let q = view::encode(state);
    if uses_fragment() {
        let base = loc.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or("").to_string();
        if q.is_empty() {
            base
        } else {
            format!("{base}#{q}")
        }
    } else if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    }
}

/// The absolute link to share.
pub fn absolute(state: &ViewState) -> String {
    let Some(loc) = location() else { return href(state) };
    let origin = loc.origin().unwrap_or_default();
    let h = href(state);
    if h.starts_with("file:") || origin == "null" {
        h
    } else {
        format!("{origin}{h}")
    }
}

/// Push or replace the history entry for `state` after the next paint, after every write asked for before it, in
/// order. A history write costs Chromium a message to the browser process (about 3.5 ms a `pushState` in a profile
/// of facet toggles at 10,000 claims, a quarter of a toggle's time), which the frame that shows the new view would
/// otherwise wait for. A 100 ms timer stands in for the frame in a tab that paints none (hidden).
pub fn write_soon(state: &ViewState, push: bool) {
    #[cfg(target_arch = "wasm32")]
    soon::enqueue(state.clone(), push);
    #[cfg(not(target_arch = "wasm32"))]
    write(state, push);
}

/// Forget the writes still waiting: the address changed under them (back or forward), and it is the truth.
pub fn drop_pending_writes() {
    #[cfg(target_arch = "wasm32")]
    soon::PENDING.with(|p| p.borrow_mut().clear());
}

#[cfg(target_arch = "wasm32")]
mod soon {
    use std::cell::RefCell;

    use gloo::timers::callback::Timeout;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    use counterclaim_core::view::ViewState;

    thread_local! {
        /// The writes asked for and not made yet, oldest first.
        pub static PENDING: RefCell<Vec<(ViewState, bool)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn enqueue(state: ViewState, push: bool) {
        let first = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.push((state, push));
            p.len() == 1
        });
        if first {
            // After the paint: a frame, then a task (a frame callback runs before the paint).
            let after_paint = Closure::once_into_js(|| Timeout::new(0, flush).forget());
            let _ = gloo::utils::window().request_animation_frame(after_paint.unchecked_ref());
            Timeout::new(100, flush).forget();
        }
    }

    /// Make every pending write, in order (the second of the two callbacks finds none).
    pub fn flush() {
        for (state, push) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
            super::write_now(&state, push);
        }
    }
}

/// Push or replace the history entry for `state` now, after the writes still pending.
pub fn write(state: &ViewState, push: bool) {
    #[cfg(target_arch = "wasm32")]
    soon::flush();
    write_now(state, push);
}

fn write_now(state: &ViewState, push: bool) {
    let Ok(history) = gloo::utils::window().history() else { return };
    let url = href(state);
    let r = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if let Err(e) = r {
        gloo::console::warn!("could not update the address bar", e);
    }
}
