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

/// Serialize a corpus with its index. The configuration's extraction-only parts (known actors, outlet
/// names, the stance lexicon) stay behind: the app never extracts, and they were a quarter of the seed pack.
pub fn pack(corpus: &Corpus, index: &Index) -> Vec<u8> {
    let mut config = corpus.config.clone();
    config.actors.clear();
    config.outlets.clear();
    config.stance = Default::default();
    let mut slim = Corpus::new(config, corpus.documents.clone(), corpus.claims.clone(), corpus.notes.clone());
    slim.stance_labels = corpus.stance_labels.clone();
    slim.background = corpus.background.clone();
    postcard::to_allocvec(&PackRef { format: FORMAT, corpus: &slim, index }).expect("a corpus always serializes")
}
