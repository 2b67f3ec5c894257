//! A query resolved into AND-ed clauses (words, a phrase, the entities its aliases name) and the claims each matches.
use super::bits::Bits;
use super::terms::parse;
use super::{Index, Term};
use crate::text::sort_by_key;

/// One AND-ed condition: its text (all words as prefixes, or one phrase) OR any of its entities.
#[derive(Debug, Clone, Default)]
pub(super) struct Clause {
    pub(super) words: Vec<String>,
    pub(super) phrase: Option<Vec<String>>,
    pub(super) entities: Vec<usize>,
}

impl Index {
    /// Token ids whose token starts with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = self.tokens.partition_point(|t| t.as_str() < prefix);
        let hi = lo + self.tokens[lo..].partition_point(|t| t.starts_with(prefix));
        lo..hi
    }

    fn token_id(&self, t: &str) -> Option<u32> {
        self.tokens.binary_search_by(|x| x.as_str().cmp(t)).ok().map(|i| i as u32)
    }

    /// Resolve the query into AND-ed clauses, attaching entities whose aliases the query names.
    pub(super) fn clauses(&self, q: &str) -> Vec<Clause> {
        let pieces = parse(q);
        if pieces.is_empty() {
            return Vec::new();
        }
        let alias = self.highlighter.entity_matches(q);
        let mut clauses: Vec<Clause> = Vec::new();
        let mut used = vec![false; pieces.len()];
        for (i, p) in pieces.iter().enumerate() {
            if used[i] {
                continue;
            }
            match &p.term {
                Term::Phrase(ph) => {
                    let entities = alias.iter().filter(|m| m.0 == p.range.0 && m.1 == p.range.1).map(|m| m.2).collect();
                    used[i] = true;
                    clauses.push(Clause { words: Vec::new(), phrase: Some(ph.split(' ').map(str::to_string).collect()), entities });
                }
                Term::Word(w) => {
                    // An alias match starting at this word groups every word it covers.
                    let m = alias.iter().find(|m| m.0 == p.range.0);
                    let mut clause = Clause { words: vec![w.clone()], ..Clause::default() };
                    used[i] = true;
                    if let Some(&(_, end, e)) = m {
                        let mut j = i + 1;
                        while j < pieces.len() && matches!(pieces[j].term, Term::Word(_)) && pieces[j].range.1 <= end {
                            if let Term::Word(w) = &pieces[j].term {
                                clause.words.push(w.clone());
                            }
                            used[j] = true;
                            j += 1;
                        }
                        if pieces[j - 1].range.1 == end {
                            clause.entities.push(e);
                        }
                    }
                    clauses.push(clause);
                }
            }
        }
        clauses
    }

    pub fn phrase_in(seq: &[u32], ids: &[u32]) -> bool {
        !ids.is_empty() && seq.windows(ids.len()).any(|w| w == ids)
    }

    fn clause_mask(&self, c: &Clause) -> Bits {
        let n = self.n;
        let mut text: Option<Bits> = None;
        if let Some(ph) = &c.phrase {
            let ids: Option<Vec<u32>> = ph.iter().map(|w| self.token_id(w)).collect();
            let mut m = Bits::zeros(n);
            if let Some(ids) = ids {
                // Candidates hold every word; then check the words are consecutive in one field.
                let mut cand = Bits::ones(n);
                let mut sorted = ids.clone();
                sort_by_key(&mut sorted, |&t| self.postings[t as usize].len());
                sorted.dedup();
                let mut first = true;
                for &t in &sorted {
                    if first {
                        cand = Bits::zeros(n);
                        cand.set_all(&self.postings[t as usize]);
                        first = false;
                    } else {
                        let mut b = Bits::zeros(n);
                        b.set_all(&self.postings[t as usize]);
                        cand.and(&b);
                    }
                }
                cand.for_each(|i| {
                    let own = &self.seq[self.seq_offs[i] as usize..self.seq_offs[i + 1] as usize];
                    let doc = self.doc_seqs.get(self.claim_doc[i] as usize).map(Vec::as_slice).unwrap_or(&[]);
                    if Index::phrase_in(own, &ids) || Index::phrase_in(doc, &ids) {
                        m.set(i);
                    }
                });
            }
            text = Some(m);
        }
        for w in &c.words {
            let mut m = Bits::zeros(n);
            for t in self.prefix_range(w) {
                m.set_all(&self.postings[t]);
            }
            match &mut text {
                Some(t) => t.and(&m),
                None => text = Some(m),
            }
        }
        let mut out = text.unwrap_or_else(|| Bits::zeros(n));
        for &e in &c.entities {
            if let Some(list) = self.entity_claims.get(e) {
                out.set_all(list);
            }
        }
        out
    }

    /// Claims matching the search text (all of them when the query has no terms).
    pub(super) fn search_mask(&self, q: &str) -> Option<Bits> {
        let clauses = self.clauses(q);
        if clauses.is_empty() {
            return None;
        }
        let mut acc: Option<Bits> = None;
        for c in &clauses {
            let m = self.clause_mask(c);
            match &mut acc {
                Some(a) => a.and(&m),
                None => acc = Some(m),
            }
            if acc.as_ref().is_some_and(Bits::is_empty) {
                break;
            }
        }
        acc
    }
}
