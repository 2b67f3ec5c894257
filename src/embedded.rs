//! The corpus compiled into this binary: `build.rs` ingests `seeds/`, extracts claims and builds the index natively, then packs them.
use crate::core::corpus::Corpus;
use crate::core::model::{CorpusNote, NoteLevel};
use crate::core::pack;
use crate::core::search::Index;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The embedded corpus and its index, ready to query.
pub fn corpus_and_index() -> (Corpus, Index) {
    pack::unpack(generated::PACK).unwrap_or_else(|e| {
        // Only a build-system fault gets here (the pack is written by the same code that reads it);
        // show it as a corpus note rather than a blank page. The empty corpus is packed at build time too,
        // so the app never links the index builder.
        let (mut c, i) = pack::unpack(generated::EMPTY).unwrap_or_default();
        c.notes.push(CorpusNote { file: "corpus.pack".into(), level: NoteLevel::Error, message: e });
        (c, i)
    })
}

impl Corpus {
    /// The corpus compiled into this binary from `seeds/` (see `build.rs`).
    pub fn embedded() -> Corpus {
        corpus_and_index().0
    }
}
