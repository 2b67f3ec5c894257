//! The index without some claims (those a reader marked "not a claim"): the token side renumbered, facets, dates
//! and orders derived again from the corrected claims by the same passes the builder runs.
use super::facet_pass;
use super::order_pass::Orders;
use super::Index;
use crate::corpus::Corpus;

impl Index {
    /// This index for `corpus`, whose claims are this index's claims with `keep[i]` (claim `i` stays) and
    /// possibly other speakers, sides or stances. Token postings and sequences are renumbered (a corrected
    /// speaker's new name is not searchable; the old one still finds the claim), the rest is derived again.
    pub fn corrected(&self, corpus: &Corpus, keep: &[bool]) -> Index {
        debug_assert_eq!(keep.len(), self.n);
        let mut new_pos = vec![u32::MAX; self.n];
        let mut n = 0u32;
        for (i, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            new_pos[i] = n;
            n += 1;
        }
        debug_assert_eq!(n as usize, corpus.claims.len(), "keep must describe corpus");
        let remap = |list: &Vec<u32>| list.iter().filter_map(|&i| Some(new_pos[i as usize]).filter(|&p| p != u32::MAX)).collect();
        let mut seq_offs = vec![0u32];
        let mut seq = Vec::with_capacity(self.seq.len());
        for i in (0..self.n).filter(|&i| keep[i]) {
            seq.extend_from_slice(&self.seq[self.seq_offs[i] as usize..self.seq_offs[i + 1] as usize]);
            seq_offs.push(seq.len() as u32);
        }
        let claim_doc: Vec<u32> = (0..self.n).filter(|&i| keep[i]).map(|i| self.claim_doc[i]).collect();
        Index {
            n: n as usize,
            tokens: self.tokens.clone(),
            postings: self.postings.iter().map(remap).collect(),
            stems: self.stems.clone(),
            stem_tokens: self.stem_tokens.clone(),
            seq_offs,
            seq,
            doc_seqs: self.doc_seqs.clone(),
            claim_doc,
            entity_claims: self.entity_claims.iter().map(remap).collect(),
            highlighter: self.highlighter.clone(),
            ..Index::default()
        }
        .with_facets_and_orders(corpus)
    }

    /// This index with its facets, date keys and sort orders derived from `corpus` and `claim_doc` (the facet and
    /// order passes, shared by the builder and the page's corrections).
    pub fn with_facets_and_orders(mut self, corpus: &Corpus) -> Index {
        let f = facet_pass::build(corpus, &self.claim_doc);
        let o = Orders::build(corpus, &self.claim_doc, &f);
        (self.facets, self.date_key) = (f.facets, f.date_keys);
        (self.order_date, self.order_oldest, self.order_speaker, self.order_document) = (o.date, o.oldest, o.speaker, o.document);
        self
    }
}
