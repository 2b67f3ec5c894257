//! A parsed query resolved against the index: the claims each atom, group and the whole query match.
use super::bits::Bits;
use super::query::{parse_query, Atom, Field, Query};
use super::stem::stem;
use super::{Index, Term, SEP};
use crate::text::sort_by_key;

/// The token ids one query word matches: the tokens it starts (or is), and the tokens of the same stem.
pub(super) struct WordSet<'a> {
    prefix: std::ops::Range<usize>,
    same_stem: &'a [u32],
    /// The token that is the stem itself, when it is the stem's only token (such stems are not packed).
    stem_token: Option<u32>,
}

impl WordSet<'_> {
    fn contains(&self, t: u32) -> bool {
        self.prefix.contains(&(t as usize)) || self.same_stem.contains(&t) || self.stem_token == Some(t)
    }
    fn ids(&self) -> impl Iterator<Item = usize> + '_ {
        self.prefix.clone().chain(self.same_stem.iter().map(|&t| t as usize)).chain(self.stem_token.map(|t| t as usize))
    }
}

/// Whether word `k` of a word atom matches as a prefix (the word being typed): only its last word, only when
/// longer than one character, and not when the atom names an entity (then its mentions are what it finds).
pub(super) fn matches_as_prefix(a: &Atom, k: usize) -> bool {
    k + 1 == a.words.len() && a.words[k].chars().count() > 1 && a.entities.is_empty()
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

    /// The tokens query word `w` matches: as a prefix when `prefix` (see [`matches_as_prefix`]), else
    /// whole; and the tokens of its stem.
    pub(super) fn word_set(&self, w: &str, prefix: bool) -> WordSet<'_> {
        let st = stem(w);
        let (same_stem, stem_token) = match self.stems.binary_search_by(|x| x.as_str().cmp(&st)) {
            Ok(i) => (self.stem_tokens[i].as_slice(), None),
            Err(_) => (&[][..], self.token_id(&st)),
        };
        let range = if prefix { self.prefix_range(w) } else { self.token_id(w).map_or(0..0, |t| t as usize..t as usize + 1) };
        WordSet { prefix: range, same_stem, stem_token }
    }

    /// The query parsed, with the entities its unquoted names stand for.
    pub fn parse(&self, q: &str) -> Query {
        parse_query(q, &self.highlighter.entity_matches(q))
    }

    pub fn phrase_in(seq: &[u32], ids: &[u32]) -> bool {
        !ids.is_empty() && seq.windows(ids.len()).any(|w| w == ids)
    }

    /// The tokens of claim `i` that field `f` searches (for `Field::Any`, its own fields then its outlet).
    fn field_seqs(&self, i: usize, f: Field) -> [&[u32]; 2] {
        let own = &self.seq[self.seq_offs[i] as usize..self.seq_offs[i + 1] as usize];
        let doc = self.doc_seqs.get(self.claim_doc[i] as usize).map(Vec::as_slice).unwrap_or(&[]);
        match f {
            Field::Any => [own, doc],
            // The second field of a claim's sequence is its speaker.
            Field::Speaker => [own.split(|&t| t == SEP).nth(1).unwrap_or(&[]), &[]],
            Field::Outlet => [doc, &[]],
        }
    }

    /// Claims holding every one of `sets` (each: any of its token ids), by postings.
    fn holding_all(&self, sets: &[WordSet]) -> Bits {
        let mut acc: Option<Bits> = None;
        let mut sorted: Vec<&WordSet> = sets.iter().collect();
        sort_by_key(&mut sorted, |s| s.ids().map(|t| self.postings[t].len()).sum::<usize>());
        for s in sorted {
            let mut m = Bits::zeros(self.n);
            for t in s.ids() {
                m.set_all(&self.postings[t]);
            }
            match &mut acc {
                Some(a) => a.and(&m),
                None => acc = Some(m),
            }
            if acc.as_ref().is_some_and(Bits::is_empty) {
                break;
            }
        }
        acc.unwrap_or_else(|| Bits::zeros(self.n))
    }

    /// Claims matching the atom as written (negation not applied).
    fn atom_mask(&self, a: &Atom) -> Bits {
        let n = self.n;
        let mut out = Bits::zeros(n);
        match &a.term {
            Term::Phrase(_) => {
                if let Some(ids) = a.words.iter().map(|w| self.token_id(w)).collect::<Option<Vec<u32>>>() {
                    let sets: Vec<WordSet> =
                        ids.iter().map(|&t| WordSet { prefix: t as usize..t as usize + 1, same_stem: &[], stem_token: None }).collect();
                    self.holding_all(&sets).for_each(|i| {
                        if self.field_seqs(i, a.field).iter().any(|s| Index::phrase_in(s, &ids)) {
                            out.set(i);
                        }
                    });
                }
            }
            Term::Word(_) => {
                let sets: Vec<WordSet> = a.words.iter().enumerate().map(|(k, w)| self.word_set(w, matches_as_prefix(a, k))).collect();
                let cand = self.holding_all(&sets);
                if a.field == Field::Any {
                    out = cand;
                } else {
                    cand.for_each(|i| {
                        let seqs = self.field_seqs(i, a.field);
                        if sets.iter().all(|s| seqs.iter().any(|q| q.iter().any(|&t| t != SEP && s.contains(t)))) {
                            out.set(i);
                        }
                    });
                }
            }
        }
        for &e in &a.entities {
            if let Some(list) = self.entity_claims.get(e) {
                out.set_all(list);
            }
        }
        if a.negated {
            out.not(n);
        }
        out
    }

    /// Claims matching the search text (all of them when the query has no terms).
    pub(super) fn search_mask(&self, q: &str) -> Option<Bits> {
        let query = self.parse(q);
        if query.is_empty() {
            return None;
        }
        let mut acc = Bits::ones(self.n);
        for g in &query.groups {
            let mut any = Bits::zeros(self.n);
            for a in g {
                any.or(&self.atom_mask(a));
            }
            acc.and(&any);
            if acc.is_empty() {
                break;
            }
        }
        Some(acc)
    }
}
