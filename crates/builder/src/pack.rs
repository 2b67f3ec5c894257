//! Packing a corpus and its index into bytes (postcard) at build time, for the app to unpack with `counterclaim_core::pack`.
use counterclaim_core::corpus::Corpus;
use counterclaim_core::pack::FORMAT;
use counterclaim_core::search::Index;
use serde::Serialize;

#[derive(Serialize)]
struct PackRef<'a> {
    format: u32,
    corpus: &'a Corpus,
    index: &'a Index,
}

/// Serialize a corpus with its index, its whole configuration included: the app never extracts, but its
/// settings editor starts from the known people, outlets and stance words, and writes them back.
pub fn pack(corpus: &Corpus, index: &Index) -> Vec<u8> {
    postcard::to_allocvec(&PackRef { format: FORMAT, corpus, index }).expect("a corpus always serializes")
}
