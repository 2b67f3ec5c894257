//! The corpus compiled into this binary: the build script packs `seeds/` with the builder, this unpacks it.
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::{CorpusNote, NoteLevel};
use counterclaim_core::pack;
use counterclaim_core::search::Index;

/// `seeds/` ingested, extracted, indexed and packed by `build.rs`.
static PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.pack"));
/// An empty corpus and its index, packed the same way (the fallback should `PACK` not read).
static EMPTY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/empty.pack"));

/// The embedded corpus and its index, ready to query.
pub fn corpus_and_index() -> (Corpus, Index) {
    pack::unpack(PACK).unwrap_or_else(|e| {
        // Only a build-system fault gets here (the pack is written by the same code that reads it); show it as
        // a corpus note rather than a blank page. The empty corpus is packed at build time too, so the app
        // never links the index builder.
        let (mut c, i) = pack::unpack(EMPTY).unwrap_or_default();
        c.notes.push(CorpusNote { file: "corpus.pack".into(), level: NoteLevel::Error, message: e.to_string() });
        (c, i)
    })
}

/// The corpus compiled into this binary.
pub fn corpus() -> Corpus {
    corpus_and_index().0
}
