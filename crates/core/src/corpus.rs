//! A loaded corpus: configuration, clean documents, extracted claims and ingest notes, with lookups by id.
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::config::{CorpusConfig, EntityMark, StanceLabels};
use super::model::{Claim, CorpusNote, Document};
use super::shelf::{ShardRef, Shelf};

/// Everything the app and the CLI show.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    pub config: CorpusConfig,
    /// What the stance badges say (`[stance_labels]` of `corpus.toml`, kept beside `config`).
    #[serde(default)]
    pub stance_labels: StanceLabels,
    /// Ids of the background entities (`background = true` in their `[[entity]]`; see [`EntityMark::Plain`]).
    #[serde(default)]
    pub background: Vec<String>,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub notes: Vec<CorpusNote>,
    /// Position of each document and claim by id, built on first lookup (not packed).
    #[serde(skip)]
    pub(crate) ids: OnceLock<Ids>,
    /// Where the texts are of documents whose pack left them out (`crate::shelf`); empty when every text is in.
    #[serde(skip)]
    pub shelf: Shelf,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    docs: HashMap<String, usize>,
    claims: HashMap<String, usize>,
}

impl Corpus {
    /// A corpus from parts already made (tests, benchmarks, generated corpora), with the generic stance labels.
    pub fn new(config: CorpusConfig, documents: Vec<Document>, claims: Vec<Claim>, notes: Vec<CorpusNote>) -> Corpus {
        let (stance_labels, background, ids, shelf) = (StanceLabels::default(), vec![], OnceLock::new(), Shelf::default());
        Corpus { config, stance_labels, background, documents, claims, notes, ids, shelf }
    }

    /// How mentions of entity `id` are marked (see [`CorpusConfig::entity_mark`]).
    pub fn entity_mark(&self, id: &str) -> EntityMark {
        self.config.entity_mark(id, &self.background)
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
        self.document_index(id).map(|i| &self.documents[i])
    }

    /// The shard that holds the text of document `id`, when its text is not in the pack.
    pub fn shelved(&self, id: &str) -> Option<&ShardRef> {
        self.shelf.shard_of(self.document_index(id)?)
    }

    /// Position of the document with this id in `documents` (same guarantee as [`Corpus::document`]).
    pub fn document_index(&self, id: &str) -> Option<usize> {
        match self.ids().docs.get(id) {
            Some(&i) if self.documents.get(i).is_some_and(|d| d.id == id) => Some(i),
            _ => self.documents.iter().position(|d| d.id == id),
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

    /// The claims of document `doc`, as indices into `claims`, in corpus order.
    pub fn claims_of(&self, doc: &str) -> Vec<usize> {
        (0..self.claims.len()).filter(|&i| self.claims[i].doc == doc).collect()
    }

    /// How many claims each document has, in the order of `documents`.
    pub fn claim_counts(&self) -> Vec<usize> {
        let mut n = vec![0; self.documents.len()];
        for c in &self.claims {
            if let Some(i) = self.document_index(&c.doc) {
                n[i] += 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let doc = |id: &str| Document { id: id.into(), file: format!("{id}.txt"), ..Document::default() };
        let claim = |id: &str, d: &str| Claim { id: id.into(), doc: d.into(), ..Claim::default() };
        let claims = vec![claim("c1", "b"), claim("c2", "a"), claim("c3", "b"), claim("c4", "gone")];
        Corpus::new(CorpusConfig::default(), vec![doc("a"), doc("b"), doc("c")], claims, vec![])
    }

    #[test]
    fn lookups_by_id() {
        let c = corpus();
        assert_eq!(c.document("b").map(|d| d.file.as_str()), Some("b.txt"));
        assert!(c.document("gone").is_none());
        assert_eq!(c.claim_index("c3"), Some(2));
        assert_eq!(c.claim("c2").map(|x| x.doc.as_str()), Some("a"));
    }

    #[test]
    fn claims_per_document() {
        let c = corpus();
        assert_eq!(c.claims_of("b"), vec![0, 2], "corpus order");
        assert!(c.claims_of("c").is_empty());
        assert_eq!(c.claim_counts(), vec![1, 2, 0], "in document order; a claim of no document counts nowhere");
    }
}
