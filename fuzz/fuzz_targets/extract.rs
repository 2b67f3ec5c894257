//! Fuzz claim extraction: any article text extracts without panicking, and every claim points at an
//! in-bounds span of its document's body, on char boundaries, with a stable id.
#![no_main]

use std::sync::OnceLock;

use counterclaim_builder::extract::extract;
use counterclaim_builder::ingest::ingest_all;
use counterclaim_core::config::CorpusConfig;
use libfuzzer_sys::fuzz_target;

fn config() -> &'static CorpusConfig {
    static C: OnceLock<CorpusConfig> = OnceLock::new();
    C.get_or_init(|| counterclaim_builder::config::parse(include_str!("../../seeds/corpus.toml")).expect("seeds/corpus.toml"))
}

fuzz_target!(|data: &[u8]| {
    // Text-shaped input: extraction is reached far more often than with raw bytes.
    let text = String::from_utf8_lossy(data);
    let (docs, _) = ingest_all(&[("fuzz.txt", text.as_bytes())], config());
    for d in &docs {
        for c in extract(d, config()) {
            assert!(c.start <= c.end && c.end <= d.body.len(), "claim {}..{} of {} bytes", c.start, c.end, d.body.len());
            assert!(d.body.is_char_boundary(c.start) && d.body.is_char_boundary(c.end), "claim span off a char boundary");
            assert_eq!(c.doc, d.id);
            assert!(!c.id.is_empty());
        }
    }
});
