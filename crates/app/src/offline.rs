//! Offline support: registers the service worker (`./sw.js`, written by `counterclaim finish`) and
//! tells the UI when a new version of the app is installed and waiting ("New version available — reload").
//!
//! Also records Content-Security-Policy violations (`securitypolicyviolation`) in the console and in
//! `window.__counterclaimCsp`, so a host whose header is stricter than the built-in policy sees what broke.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};
use yew::Callback;

/// The message the waiting worker understands (see the worker's `message` handler).
const SKIP_WAITING: &str = "SKIP_WAITING";
/// Where violations are collected for anyone who looks (the end-to-end tests do).
const CSP_LOG: &str = "__counterclaimCsp";

thread_local! {
    /// The installed worker waiting to take over, once one is found.
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    /// Who wants to know when a new version waits (the update banner).
    static LISTENERS: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// Register `./sw.js` (relative: works under any sub-path) and watch for updates. Does nothing under
/// `file://` (the single-file edition) or where the browser has no service workers (insecure origins).
pub fn register() {
    watch_csp();
    if super::url::uses_fragment() {
        return;
    }
    let Some(container) = container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let reg = match JsFuture::from(container.register("./sw.js")).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(e) => {
                gloo::console::warn!("service worker not registered; the app will not work offline", e);
                return;
            }
        };
        watch(reg);
    });
}

/// Call `cb` when a new version is waiting (at once if one already is).
pub fn on_update(cb: Callback<()>) {
    if WAITING.with(|w| w.borrow().is_some()) {
        cb.emit(());
    }
    LISTENERS.with(|l| l.borrow_mut().push(cb));
}

/// Activate the waiting version and reload the page once it controls it.
pub fn apply_update() {
    let waiting = WAITING.with(|w| w.borrow().clone());
    let (Some(worker), Some(container)) = (waiting, container()) else {
        reload();
        return;
    };
    let done = Rc::new(Cell::new(false));
    let d = done.clone();
    EventListener::once(&container, "controllerchange", move |_| {
        if !d.replace(true) {
            reload();
        }
    })
    .forget();
    if let Err(e) = worker.post_message(&JsValue::from_str(SKIP_WAITING)) {
        gloo::console::warn!("could not message the new service worker", e);
    }
    // Should the new worker never take over (it became redundant), reload anyway after a while.
    gloo::timers::callback::Timeout::new(4000, move || {
        if !done.replace(true) {
            reload();
        }
    })
    .forget();
}

fn reload() {
    let _ = gloo::utils::window().location().reload();
}

/// `navigator.serviceWorker`, when this browser and origin have it.
fn container() -> Option<ServiceWorkerContainer> {
    let nav = gloo::utils::window().navigator();
    let has = Reflect::get(&nav, &JsValue::from_str("serviceWorker")).map(|v| !v.is_undefined() && !v.is_null()).unwrap_or(false);
    has.then(|| nav.service_worker())
}

/// A page already controlled by a worker: a newly installed one is an update, not the first install.
fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn watch(reg: ServiceWorkerRegistration) {
    if let Some(w) = reg.waiting() {
        if controlled() {
            announce(w);
        }
    }
    if let Some(w) = reg.installing() {
        track(w);
    }
    let r = reg.clone();
    EventListener::new(&reg, "updatefound", move |_| {
        if let Some(w) = r.installing() {
            track(w);
        }
    })
    .forget();
    // Look for a new version whenever the page comes back to the foreground.
    let r = reg.clone();
    EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
        if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Visible {
            if let Ok(p) = r.update() {
                // A failed check (offline) is not an error worth showing.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
            }
        }
    })
    .forget();
}

fn track(worker: ServiceWorker) {
    if worker.state() == ServiceWorkerState::Installed && controlled() {
        announce(worker);
        return;
    }
    let w = worker.clone();
    EventListener::new(&worker, "statechange", move |_| {
        if w.state() == ServiceWorkerState::Installed && controlled() {
            announce(w.clone());
        }
    })
    .forget();
}

fn announce(worker: ServiceWorker) {
    WAITING.with(|w| *w.borrow_mut() = Some(worker));
    let listeners = LISTENERS.with(|l| l.borrow().clone());
    for cb in listeners {
        cb.emit(());
    }
}

/// Log every CSP violation to the console and to `window.__counterclaimCsp` (an array of strings).
fn watch_csp() {
    let window = gloo::utils::window();
    let log = js_sys::Array::new();
    let _ = Reflect::set(&window, &JsValue::from_str(CSP_LOG), &log);
    EventListener::new(&gloo::utils::document(), "securitypolicyviolation", move |e| {
        let get = |k: &str| Reflect::get(e, &JsValue::from_str(k)).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let line = format!("{} blocked {} {:?}", get("effectiveDirective"), get("blockedURI"), get("sample"));
        gloo::console::warn!(format!("Content-Security-Policy violation: {line}"));
        log.push(&JsValue::from_str(&line));
    })
    .forget();
}
