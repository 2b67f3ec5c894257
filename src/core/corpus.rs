//! A loaded corpus: configuration, clean documents, extracted claims and ingest notes.
use serde::{Deserialize, Serialize};

use super::config::CorpusConfig;
use super::model::{Claim, CorpusNote, Document};
use super::{extract, ingest};

/// Everything the app and the CLI show.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    pub config: CorpusConfig,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub notes: Vec<CorpusNote>,
}

impl Corpus {
    /// Ingest the given files and extract their claims.
    pub fn build(config: CorpusConfig, files: &[(&str, &[u8])]) -> Corpus {
        let (documents, notes) = ingest::ingest_all(files, &config);
        let mut claims: Vec<_> = documents.iter().flat_map(|d| extract::extract(d, &config)).collect();
        // One person, one speaker id across documents.
        extract::unify_speakers(&mut claims);
        Corpus { config, documents, claims, notes }
    }

    /// Build from a configuration that may have failed to parse: the error becomes a corpus note and the
    /// defaults are used, so the documents still load.
    pub fn build_or_note(config: Result<CorpusConfig, String>, files: &[(&str, &[u8])]) -> Corpus {
        let mut notes = Vec::new();
        let config = config.unwrap_or_else(|e| {
            notes.push(CorpusNote { file: "corpus.toml".into(), level: super::model::NoteLevel::Error, message: e });
            CorpusConfig::default()
        });
        let mut c = Corpus::build(config, files);
        notes.append(&mut c.notes);
        c.notes = notes;
        c
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}
