//! What the Counterclaim app links: the corpus model and its configuration, text folding, dates, the one
//! `ViewState` and its URL codec, the query side of search, highlighting, comparison, speaker pages, export,
//! unpacking and the settings editor's draft of `corpus.toml`.
//! Plain Rust with no web dependencies and no builder code (ingest and extraction live in `counterclaim-builder`).
pub mod cite;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod corrections;
pub mod date;
pub mod export;
pub mod highlight;
pub mod library;
pub mod model;
pub mod pack;
pub mod search;
pub mod settings;
pub mod shelf;
pub mod speaker;
pub mod text;
pub mod timeline;
pub mod view;
pub mod window;
