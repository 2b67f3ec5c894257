//! The query side of search: the packed index (folded-token inverted index, alias-aware entities, facet postings,
//! precomputed orders) answering filters, search, facet counts and sorting. The builder crate constructs it.
mod bits;
mod clause;
mod explain;
mod facet;
pub mod facet_pass;
mod hash;
mod hits;
mod opposing;
pub mod order_pass;
mod query;
mod retain;
mod stem;
mod terms;

use serde::{Deserialize, Serialize};

use crate::config::CorpusConfig;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::highlight::Highlighter;
use crate::view::{Facet, SortKey, ViewState};
use bits::Bits;

pub use explain::Expansion;
pub use facet::{FacetIndex, NONE};
pub use hash::{FxHasher, FxMap};
pub use hits::hit_spans;
pub use query::{literal_query, parse_query, Atom, Field, Query};
pub use stem::stem;
pub use terms::{fold_fast, for_each_token, search_terms, tokens};

/// One parsed search term (folded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Unquoted words (joined by single spaces when one piece holds several, as "ISIS-K"): each matched as
    /// the prefix of a token (so results follow the typing) or as another form of the same word (`deny`
    /// finds "denied"); a name also matches the other aliases of its entity.
    Word(String),
    /// A quoted phrase: its words, joined by single spaces, matched literally as consecutive whole tokens.
    Phrase(String),
}

/// Counts of one facet's values under the other active filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    /// Values with a non-zero count, most frequent first (stance, kind and year in their natural order),
    /// at most [`FACET_LIMIT`] of them, plus every selected value (even at zero).
    pub values: Vec<FacetValue>,
    /// Values with a non-zero count left out of `values` by [`FACET_LIMIT`].
    pub more: usize,
}

impl FacetCounts {
    /// The values a facet box lists: all of them, or the first `top` and every selected value after them.
    pub fn shown(&self, all: bool, top: usize) -> Vec<&FacetValue> {
        if all {
            return self.values.iter().collect();
        }
        let mut v: Vec<&FacetValue> = self.values.iter().take(top).collect();
        v.extend(self.values.iter().skip(top).filter(|x| x.selected));
        v
    }
}

/// Most values listed per facet (selected values come on top); the rest are counted in `FacetCounts::more`.
pub const FACET_LIMIT: usize = 200;

/// One value of a facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// As written in the URL: speaker id, side id, `refutes`, outlet name, year, entity id, `direct`, doc id.
    pub value: String,
    pub label: String,
    /// Claims with this value that pass every active filter except this facet's own.
    pub count: usize,
    pub selected: bool,
}

/// What a view shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryResult {
    /// Indices into `corpus.claims`, filtered and sorted per `ViewState::sort`.
    pub claims: Vec<usize>,
    /// One entry per facet, in `Facet::ALL` order.
    pub facets: Vec<FacetCounts>,
    /// `corpus.claims.len()`.
    pub total: usize,
}

/// Sentinel between fields in token sequences, so phrases never span two fields.
pub const SEP: u32 = u32::MAX;

/// Everything needed to answer a `ViewState` quickly, packed with the corpus. Its fields are the packed
/// format, written by `counterclaim_builder::index` and only read here.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    /// Number of claims.
    pub n: usize,
    /// Folded tokens, sorted (prefix ranges by binary search).
    pub tokens: Vec<String>,
    /// Claims containing each token (in any searched field), ascending.
    pub postings: Vec<Vec<u32>>,
    /// The distinct [`stem`]s of `tokens`, sorted, and the token ids of each (so `deny` finds "denied").
    pub stems: Vec<String>,
    pub stem_tokens: Vec<Vec<u32>>,
    /// Token sequence of each claim's own fields (text, speaker, role, affiliation), fields split by `SEP`.
    pub seq_offs: Vec<u32>,
    pub seq: Vec<u32>,
    /// Token sequence of each document's outlet, and the document of each claim.
    pub doc_seqs: Vec<Vec<u32>>,
    pub claim_doc: Vec<u32>,
    /// Claims mentioning each configured entity (listed in `entities` or matched by an alias in the text).
    pub entity_claims: Vec<Vec<u32>>,
    /// Not packed: rebuilt from the configuration by [`Index::attach_highlighter`].
    #[serde(skip)]
    pub highlighter: Highlighter,
    /// One per facet, in `Facet::ALL` order.
    pub facets: Vec<FacetIndex>,
    /// [`PartialDate::sort_key`] of each claim's date (the claim's, else its document's).
    pub date_key: Vec<Option<u32>>,
    /// Claim positions in each [`SortKey`] order.
    pub order_date: Vec<u32>,
    pub order_oldest: Vec<u32>,
    pub order_speaker: Vec<u32>,
    pub order_document: Vec<u32>,
}

impl Index {
    /// Rebuild the highlighter (alias matchers are not packed; see `pack::unpack`).
    pub fn attach_highlighter(&mut self, config: &CorpusConfig) {
        self.highlighter = Highlighter::new(config);
    }

    /// Number of distinct folded tokens.
    pub fn vocabulary_len(&self) -> usize {
        self.tokens.len()
    }

    /// The alias highlighter built from the corpus configuration.
    pub fn highlighter(&self) -> &Highlighter {
        &self.highlighter
    }

    /// The part of the index for facet `f` (every index has one per facet, in `Facet::ALL` order).
    pub fn facet(&self, f: Facet) -> Option<&FacetIndex> {
        self.facets.iter().find(|x| x.facet == f)
    }

    /// The claims of document `doc` in corpus order, as [`Corpus::claims_of`] finds them, from the document facet's
    /// postings instead of a pass over every claim (at 500,000 claims that pass took about 25 ms in the page).
    pub fn claims_of_doc(&self, doc: &str) -> Vec<usize> {
        let Some(f) = self.facet(Facet::Doc) else {
            return Vec::new();
        };
        f.lookup.get(doc).map(|&v| f.postings[v as usize].iter().map(|&i| i as usize).collect()).unwrap_or_default()
    }

    /// Claims dated within `from..=to` (a partial bound covers its whole year or month).
    fn range_mask(&self, from: Option<&str>, to: Option<&str>) -> Option<Bits> {
        let lo = from.and_then(PartialDate::parse).map(|d| d.sort_key());
        let hi = to.and_then(PartialDate::parse).map(|d| d.sort_key_end());
        if lo.is_none() && hi.is_none() {
            return None;
        }
        let mut b = Bits::zeros(self.n);
        for (i, k) in self.date_key.iter().enumerate() {
            if let Some(k) = *k {
                if lo.is_none_or(|lo| k >= lo) && hi.is_none_or(|hi| k <= hi) {
                    b.set(i);
                }
            }
        }
        Some(b)
    }

    /// Filter, search, count facets and sort for `v`.
    pub fn query(&self, corpus: &Corpus, v: &ViewState) -> QueryResult {
        debug_assert_eq!(corpus.claims.len(), self.n, "index built for another corpus");
        let n = self.n;
        let mut base = Bits::ones(n);
        let mut filtered = false;
        if let Some(m) = self.search_mask(&v.q) {
            base.and(&m);
            filtered = true;
        }
        if let Some(m) = self.range_mask(v.from.as_deref(), v.to.as_deref()) {
            base.and(&m);
            filtered = true;
        }
        let selected: Vec<&[String]> = self.facets.iter().map(|f| v.facet_values(f.facet)).collect();
        let masks: Vec<Option<Bits>> = self.facets.iter().zip(&selected).map(|(f, s)| f.mask(n, s)).collect();
        let mut all = base.clone();
        for m in masks.iter().flatten() {
            all.and(m);
            filtered = true;
        }
        let facets = self
            .facets
            .iter()
            .enumerate()
            .map(|(fi, f)| {
                if !filtered {
                    return f.counts(None, selected[fi]);
                }
                if masks[fi].is_none() {
                    return f.counts(Some(&all), selected[fi]);
                }
                let mut under = base.clone();
                for (j, m) in masks.iter().enumerate() {
                    if let (true, Some(m)) = (j != fi, m) {
                        under.and(m);
                    }
                }
                f.counts(Some(&under), selected[fi])
            })
            .collect();
        let order = match v.sort {
            SortKey::Date => &self.order_date,
            SortKey::Oldest => &self.order_oldest,
            SortKey::Speaker => &self.order_speaker,
            SortKey::Document => &self.order_document,
        };
        QueryResult { claims: in_order(order, &all), facets, total: n }
    }
}

/// The claims of `all` in the order of `order`. Branch-free: each claim is written, and kept when it is in `all`
/// (a filter keeping about half the claims mispredicts a branch per claim).
fn in_order(order: &[u32], all: &Bits) -> Vec<usize> {
    let mut out = vec![0; all.count_ones() + 1];
    let mut kept = 0;
    for &i in order {
        out[kept] = i as usize;
        kept += all.get(i as usize) as usize;
    }
    out.truncate(kept);
    out
}

#[cfg(test)]
mod tests;
