//! Checking a view against a corpus: ids that name nothing are dropped, each with a notice for the reader.
use super::url::echo;
use super::ViewState;
use crate::corpus::Corpus;

impl ViewState {
    /// Drop ids that name nothing in `corpus` (`doc`, `claim`, `docs`, `cmp`, `cmpdocs`, `who`), with a notice each.
    pub fn validate(&mut self, corpus: &Corpus) -> Vec<String> {
        let mut n = Vec::new();
        let gone_doc = |id: &str| format!("The link names a document that no longer exists ({})", echo(id));
        let gone_claim = |id: &str| format!("The link names a claim that no longer exists ({})", echo(id));
        if let Some(d) = self.doc.take() {
            if corpus.document(&d).is_some() {
                self.doc = Some(d);
            } else {
                n.push(gone_doc(&d));
            }
        }
        if let Some(c) = self.claim.take() {
            match corpus.claim(&c) {
                None => n.push(gone_claim(&c)),
                Some(cl) if self.doc.as_deref() == Some(cl.doc.as_str()) => self.claim = Some(c),
                Some(cl) if self.doc.is_none() => {
                    // The document went missing but the claim is known: open the claim's own document.
                    self.doc = Some(cl.doc.clone());
                    self.claim = Some(c);
                }
                Some(_) => n.push(format!("The link's claim is not in the open document ({})", echo(&c))),
            }
        }
        self.filters[super::Facet::Doc].retain(|d| {
            let ok = corpus.document(d).is_some();
            if !ok {
                n.push(gone_doc(d));
            }
            ok
        });
        self.cmp.retain(|c| {
            let ok = corpus.claim(c).is_some();
            if !ok {
                n.push(gone_claim(c));
            }
            ok
        });
        if !self.cmp_docs.is_empty() {
            let missing: Vec<&String> = self.cmp_docs.iter().filter(|d| corpus.document(d).is_none()).collect();
            if !missing.is_empty() || self.cmp_docs.len() != 2 {
                for d in missing {
                    n.push(gone_doc(d));
                }
                n.push("The document comparison in the link was closed".to_string());
                self.cmp_docs.clear();
            }
        }
        if let Some(w) = self.speaker_view.take() {
            if corpus.claims.iter().any(|c| c.speaker_id == w) {
                self.speaker_view = Some(w);
            } else {
                n.push(format!("The link names a speaker who no longer appears in the corpus ({})", echo(&w)));
            }
        }
        n
    }
}
