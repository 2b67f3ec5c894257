//! The builder's integration tests, as one test binary (one link instead of seven; `cargo test -p
//! counterclaim-builder --test builder -- pack::` runs one part).
mod corrections;
mod engine;
mod extract_gold;
mod fuzz_smoke;
mod ingest;
mod pack;
mod settings;
