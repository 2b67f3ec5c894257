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
        // show it as a corpus note rather than a blank page.
        let mut c = Corpus::default();
        c.notes.push(CorpusNote { file: "corpus.pack".into(), level: NoteLevel::Error, message: e });
        let i = Index::new(&c);
        (c, i)
    })
}

impl Corpus {
    /// The corpus compiled into this binary from `seeds/` (see `build.rs`).
    pub fn embedded() -> Corpus {
        corpus_and_index().0
    }
}
