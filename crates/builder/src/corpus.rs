//! Building a corpus: ingest every file, extract the claims, give one person one speaker id across documents.
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::{CorpusNote, NoteLevel};

use crate::config::ConfigError;
use crate::{extract, ingest};

/// Ingest the given files (name, bytes) and extract their claims.
pub fn build(config: CorpusConfig, files: &[(&str, &[u8])]) -> Corpus {
    let (documents, notes) = ingest::ingest_all(files, &config);
    let mut claims: Vec<_> = documents.iter().flat_map(|d| extract::extract(d, &config)).collect();
    extract::unify_speakers(&mut claims);
    Corpus::new(config, documents, claims, notes)
}

/// Build from a configuration that may have failed to parse: the error becomes a corpus note and the
/// defaults are used, so the documents still load.
pub fn build_or_note(config: Result<CorpusConfig, ConfigError>, files: &[(&str, &[u8])]) -> Corpus {
    let mut notes = Vec::new();
    let config = config.unwrap_or_else(|e| {
        notes.push(CorpusNote { file: "corpus.toml".into(), level: NoteLevel::Error, message: e.to_string() });
        CorpusConfig::default()
    });
    let mut c = build(config, files);
    notes.append(&mut c.notes);
    c.notes = notes;
    c
}
