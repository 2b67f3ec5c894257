//! The pure core: no web dependencies, tested natively with `cargo test`.
pub mod config;
pub mod corpus;
pub mod dates;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod text;
pub mod view;
pub mod compare;
pub mod highlight;
pub mod timeline;
pub mod cite;
pub mod search;
pub mod pack;
pub mod window;
