//! What the Counterclaim app never links: ingest (raw page text to clean documents), claim extraction,
//! index construction, packing, and the one corpus-folder loader that the build script, the CLI, the
//! tests and the benchmarks share. Depends on `counterclaim-core`, never the other way round.
pub mod config;
pub mod corpus;
pub mod dates;
pub mod extract;
pub mod handoff;
pub mod import;
pub mod index;
pub mod ingest;
pub mod load;
pub mod pack;
pub mod phrase;
