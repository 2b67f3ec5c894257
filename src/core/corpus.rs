//! A loaded corpus: configuration, clean documents, extracted claims and ingest notes.
use super::config::CorpusConfig;
use super::model::{Claim, CorpusNote, Document};
use super::{extract, ingest};

/// Everything the app and the CLI show.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub config: CorpusConfig,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub notes: Vec<CorpusNote>,
}

/// The files compiled into the binary by `build.rs`: `(file name, bytes)` and the configuration as JSON.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
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

    /// The corpus compiled into this binary from `seeds/`.
    pub fn embedded() -> Corpus {
        let mut notes = Vec::new();
        let config = CorpusConfig::from_json(embedded::CONFIG_JSON).unwrap_or_else(|e| {
            notes.push(CorpusNote {
                file: "corpus.toml".into(),
                level: super::model::NoteLevel::Error,
                message: e,
            });
            CorpusConfig::default()
        });
        let mut c = Corpus::build(config, embedded::FILES);
        notes.extend(c.notes);
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
