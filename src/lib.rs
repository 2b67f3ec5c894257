//! Counterclaim: pure core (ingest, extraction, search, filters, comparison, URL state) plus the Yew UI.
pub mod core;
pub mod embedded;
#[cfg(target_arch = "wasm32")]
pub mod app;
