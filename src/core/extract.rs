//! Claim extraction: quotes and reported speech, speakers, entities and stance.
use super::config::CorpusConfig;
use super::model::{Claim, Document};

/// Extract every claim of a clean document (placeholder).
pub fn extract(_doc: &Document, _config: &CorpusConfig) -> Vec<Claim> {
    Vec::new()
}
