//! Fuzz ingest: any bytes as an article file ingest without panicking, into a document whose paragraphs
//! are in-bounds, on char boundaries and in order, or into a corpus note that says why not.
#![no_main]

use std::sync::OnceLock;

use counterclaim_builder::ingest::ingest_all;
use counterclaim_core::config::CorpusConfig;
use libfuzzer_sys::fuzz_target;

fn config() -> &'static CorpusConfig {
    static C: OnceLock<CorpusConfig> = OnceLock::new();
    C.get_or_init(|| counterclaim_builder::config::parse(include_str!("../../seeds/corpus.toml")).expect("seeds/corpus.toml"))
}

fuzz_target!(|data: &[u8]| {
    let (docs, notes) = ingest_all(&[("fuzz.txt", data)], config());
    assert!(docs.len() + notes.len() >= 1, "the file is neither a document nor a note");
    for d in &docs {
        let mut last = 0;
        for p in &d.paragraphs {
            assert!(last <= p.start && p.start <= p.end && p.end <= d.body.len(), "paragraph {p:?} of {} bytes", d.body.len());
            assert!(d.body.is_char_boundary(p.start) && d.body.is_char_boundary(p.end));
            last = p.end;
        }
    }
});
