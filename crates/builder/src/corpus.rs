//! Building a corpus: ingest every file, extract the claims, give one person one speaker id across documents.
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::{CorpusNote, NoteLevel};

use crate::config::ConfigError;
use crate::{extract, ingest};

/// Ingest the given files (name, bytes) and extract their claims.
pub fn build(config: CorpusConfig, files: &[(&str, &[u8])]) -> Corpus {
    build_with_progress(config, files, |_, _, _| {})
}

/// [`build`], calling `progress(n, of, file)` after each file is ingested and its claims extracted (n from 1).
pub fn build_with_progress(config: CorpusConfig, files: &[(&str, &[u8])], mut progress: impl FnMut(usize, usize, &str)) -> Corpus {
    let mut ingest = ingest::Ingest::new(&config);
    let mut claims = Vec::new();
    for (n, &(name, bytes)) in files.iter().enumerate() {
        if let Some(doc) = ingest.add(name, bytes) {
            claims.extend(extract::extract(doc, &config));
        }
        progress(n + 1, files.len(), name);
    }
    extract::unify_speakers(&mut claims);
    Corpus::new(config, ingest.docs, claims, ingest.notes)
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
