//! A loaded corpus: configuration, clean documents, extracted claims and ingest notes, with lookups by id.
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::config::CorpusConfig;
use super::model::{Claim, CorpusNote, Document};

/// Everything the app and the CLI show.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    pub config: CorpusConfig,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub notes: Vec<CorpusNote>,
    /// Position of each document and claim by id, built on first lookup (not packed).
    #[serde(skip)]
    pub(crate) ids: OnceLock<Ids>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    docs: HashMap<String, usize>,
    claims: HashMap<String, usize>,
}

impl Corpus {
    /// A corpus from parts already made (tests, benchmarks, generated corpora).
    pub fn new(config: CorpusConfig, documents: Vec<Document>, claims: Vec<Claim>, notes: Vec<CorpusNote>) -> Corpus {
        Corpus { config, documents, claims, notes, ids: OnceLock::new() }
    }

    fn ids(&self) -> &Ids {
        self.ids.get_or_init(|| Ids {
            docs: self.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
            claims: self.claims.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect(),
        })
    }

    /// The document with this id. Constant time through a map built on first use; should `documents` have
    /// changed since, a miss falls back to a scan, so the answer is always right.
    pub fn document(&self, id: &str) -> Option<&Document> {
        match self.ids().docs.get(id) {
            Some(&i) if self.documents.get(i).is_some_and(|d| d.id == id) => Some(&self.documents[i]),
            _ => self.documents.iter().find(|d| d.id == id),
        }
    }

    /// Position of the claim with this id in `claims` (same guarantee as [`Corpus::document`]).
    pub fn claim_index(&self, id: &str) -> Option<usize> {
        match self.ids().claims.get(id) {
            Some(&i) if self.claims.get(i).is_some_and(|c| c.id == id) => Some(i),
            _ => self.claims.iter().position(|c| c.id == id),
        }
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claim_index(id).map(|i| &self.claims[i])
    }
}
