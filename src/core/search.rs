//! The query engine: an index built once (folded-token inverted index, alias-aware entities, facet postings) answering filters, search, facet counts and sorting.
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use super::highlight::Highlighter;
use super::model::{ClaimKind, Stance};
use super::text::{fold, fold_with_map, is_case_sensitive_acronym, sort, sort_by, sort_by_key, WordMatcher};
use super::view::{Facet, SortKey, ViewState};

/// One parsed search term (folded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word, matched as a prefix of a token (so results follow the typing).
    Word(String),
    /// A quoted phrase: its words, joined by single spaces, matched as consecutive whole tokens.
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

// ---------------------------------------------------------------- hashing

/// Fast non-cryptographic hasher (FxHash) for the index's string maps.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

// ---------------------------------------------------------------- bitsets

#[derive(Debug, Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn zeros(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn ones(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if n % 64 != 0 {
            *b.0.last_mut().expect("non-empty") = (1u64 << (n % 64)) - 1;
        }
        b
    }
    fn set(&mut self, i: usize) {
        self.0[i >> 6] |= 1 << (i & 63);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i >> 6] >> (i & 63) & 1 == 1
    }
    fn set_all(&mut self, list: &[u32]) {
        for &i in list {
            self.set(i as usize);
        }
    }
    fn and(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a &= b;
        }
    }
    fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    fn for_each(&self, mut f: impl FnMut(usize)) {
        for (wi, &w) in self.0.iter().enumerate() {
            let mut w = w;
            while w != 0 {
                f(wi * 64 + w.trailing_zeros() as usize);
                w &= w - 1;
            }
        }
    }
}

// ---------------------------------------------------------------- facets

/// No value (a claim without a side, outlet or date) in single-valued facets.
const NONE: u32 = u32::MAX;

/// One facet: its values and, per claim, which values it has.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FacetIndex {
    facet: Facet,
    values: Vec<String>,
    labels: Vec<String>,
    lookup: FxMap<String, u32>,
    /// Claims of each value, ascending.
    postings: Vec<Vec<u32>>,
    /// Single-valued facets: the value of each claim (`NONE` when it has none).
    single: Vec<u32>,
    /// Multi-valued facets (entities): values of claim `i` are `vals[offs[i]..offs[i + 1]]`.
    multi: bool,
    offs: Vec<u32>,
    vals: Vec<u32>,
    /// Values listed in their build order (stance, kind, year) instead of by count, never cut.
    fixed_order: bool,
    /// Position of each value when sorted by folded label then value (tie-break after the count).
    label_rank: Vec<u32>,
    /// Counts without any filter (the default view).
    full_counts: Vec<u32>,
}

impl FacetIndex {
    fn new(facet: Facet, fixed_order: bool, multi: bool) -> FacetIndex {
        FacetIndex {
            facet,
            values: Vec::new(),
            labels: Vec::new(),
            lookup: FxMap::default(),
            postings: Vec::new(),
            single: Vec::new(),
            multi,
            offs: vec![0],
            vals: Vec::new(),
            fixed_order,
            label_rank: Vec::new(),
            full_counts: Vec::new(),
        }
    }

    /// Finish building: rank values by label, count the unfiltered view.
    fn finish(mut self) -> FacetIndex {
        let keys: Vec<String> = self.labels.iter().map(|l| fold(l)).collect();
        let mut idx: Vec<usize> = (0..self.values.len()).collect();
        sort_by(&mut idx, |&a, &b| {
            keys[a]
                .cmp(&keys[b])
                .then_with(|| self.values[a].cmp(&self.values[b]))
        });
        self.label_rank = vec![0; idx.len()];
        for (r, v) in idx.into_iter().enumerate() {
            self.label_rank[v] = r as u32;
        }
        self.full_counts = self.postings.iter().map(|p| p.len() as u32).collect();
        self
    }

    fn value_id(&mut self, value: &str, label: impl FnOnce() -> String) -> u32 {
        if let Some(&v) = self.lookup.get(value) {
            return v;
        }
        let v = self.values.len() as u32;
        self.values.push(value.to_string());
        self.labels.push(label());
        self.postings.push(Vec::new());
        self.lookup.insert(value.to_string(), v);
        v
    }

    /// Record the values of the next claim (`claim` must be the number of claims pushed so far).
    fn push_claim(&mut self, claim: usize, values: &[u32]) {
        if !self.multi {
            debug_assert!(values.len() <= 1);
            let v = values.first().copied().unwrap_or(NONE);
            if v != NONE {
                self.postings[v as usize].push(claim as u32);
            }
            self.single.push(v);
            return;
        }
        for &v in values {
            if self.vals[*self.offs.last().expect("offs") as usize..].contains(&v) {
                continue;
            }
            self.vals.push(v);
            self.postings[v as usize].push(claim as u32);
        }
        self.offs.push(self.vals.len() as u32);
    }

    /// Mask of the claims having any of `selected`, or `None` when nothing is selected.
    fn mask(&self, n: usize, selected: &[String]) -> Option<Bits> {
        if selected.is_empty() {
            return None;
        }
        let mut b = Bits::zeros(n);
        for s in selected {
            if let Some(&v) = self.lookup.get(s) {
                b.set_all(&self.postings[v as usize]);
            }
        }
        Some(b)
    }

    /// Counts of every value over the claims in `under` (`None`: every claim).
    fn count(&self, under: Option<&Bits>) -> Vec<u32> {
        let Some(under) = under else {
            return self.full_counts.clone();
        };
        let mut counts = vec![0u32; self.values.len()];
        for (wi, &word) in under.0.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                let i = wi * 64 + w.trailing_zeros() as usize;
                w &= w - 1;
                if self.multi {
                    for &v in &self.vals[self.offs[i] as usize..self.offs[i + 1] as usize] {
                        counts[v as usize] += 1;
                    }
                } else {
                    let v = self.single[i];
                    if v != NONE {
                        counts[v as usize] += 1;
                    }
                }
            }
        }
        counts
    }

    fn counts(&self, under: Option<&Bits>, selected: &[String]) -> FacetCounts {
        let counts = self.count(under);
        let sel: Vec<u32> = selected
            .iter()
            .filter_map(|s| self.lookup.get(s).copied())
            .collect();
        let mut shown: Vec<u32> = (0..counts.len() as u32)
            .filter(|&v| counts[v as usize] > 0)
            .collect();
        let mut more = 0;
        if !self.fixed_order {
            let key = |v: &u32| {
                (
                    std::cmp::Reverse(counts[*v as usize]),
                    self.label_rank[*v as usize],
                )
            };
            if shown.len() > FACET_LIMIT {
                shown.select_nth_unstable_by_key(FACET_LIMIT, key);
                more = shown.len() - FACET_LIMIT;
                shown.truncate(FACET_LIMIT);
                // Selected values always stay listed.
                let missing: Vec<u32> =
                    sel.iter().copied().filter(|v| !shown.contains(v)).collect();
                more -= missing.iter().filter(|&&v| counts[v as usize] > 0).count();
                shown.extend(missing);
            }
            for &v in &sel {
                if !shown.contains(&v) {
                    shown.push(v);
                }
            }
            sort_by_key(&mut shown, key);
        } else {
            for &v in &sel {
                if !shown.contains(&v) {
                    shown.push(v);
                }
            }
            sort(&mut shown);
        }
        let mut values: Vec<FacetValue> = shown
            .into_iter()
            .map(|v| FacetValue {
                value: self.values[v as usize].clone(),
                label: self.labels[v as usize].clone(),
                count: counts[v as usize] as usize,
                selected: sel.contains(&v),
            })
            .collect();
        // Selected values that name nothing in the corpus are still listed.
        for s in selected {
            if !self.lookup.contains_key(s) {
                values.push(FacetValue {
                    value: s.clone(),
                    label: s.clone(),
                    count: 0,
                    selected: true,
                });
            }
        }
        FacetCounts {
            facet: self.facet,
            values,
            more,
        }
    }
}

// ---------------------------------------------------------------- query parsing

/// A parsed piece of the query with its byte range in the query string.
#[derive(Debug, Clone)]
struct Piece {
    term: Term,
    /// For a word: the word; for a phrase: the text between the quotes.
    range: (usize, usize),
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Calls `f(start, token)` for every token of folded text `s`: maximal runs of alphanumeric characters
/// (so apostrophes and hyphens split: "l'etat" → "l", "etat"; "isis-k" → "isis", "k").
fn for_each_token<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut start = usize::MAX;
    while i < b.len() {
        let c = b[i];
        let (alnum, len) = if c < 0x80 {
            (c.is_ascii_alphanumeric(), 1)
        } else {
            let ch = s[i..].chars().next().expect("char boundary");
            (ch.is_alphanumeric(), ch.len_utf8())
        };
        if alnum {
            if start == usize::MAX {
                start = i;
            }
        } else if start != usize::MAX {
            f(start, &s[start..i]);
            start = usize::MAX;
        }
        i += len;
    }
    if start != usize::MAX {
        f(start, &s[start..]);
    }
}

/// Tokens of folded text with their byte offsets (see [`for_each_token`]).
fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_token(s, |at, t| out.push((at, t)));
    out
}

/// `fold(s)`, without allocating work per character for plain ASCII text (the common case).
fn fold_fast(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
            Cow::Owned(
                s.bytes()
                    .map(|b| {
                        if b == b'`' {
                            '\''
                        } else {
                            b.to_ascii_lowercase() as char
                        }
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(fold(s))
    }
}

/// Folded tokens of `s`, with byte ranges in `s`.
fn folded_words(s: &str) -> Vec<(usize, usize, String)> {
    let (f, map) = fold_with_map(s);
    tokens(&f)
        .into_iter()
        .map(|(at, w)| {
            let end = at + w.len();
            (
                map[at],
                if end < map.len() - 1 {
                    map[end]
                } else {
                    s.len()
                },
                w.to_string(),
            )
        })
        .collect()
}

fn parse(q: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    fn words_of(seg_start: usize, seg: &str, out: &mut Vec<Piece>) {
        for (s, e, w) in folded_words(seg) {
            out.push(Piece {
                term: Term::Word(w),
                range: (seg_start + s, seg_start + e),
            });
        }
    }
    let mut at = 0;
    let mut open: Option<usize> = None; // byte after an opening quote
    for (i, c) in q.char_indices() {
        if !is_quote(c) {
            continue;
        }
        match open {
            None => {
                words_of(at, &q[at..i], &mut out);
                open = Some(i + c.len_utf8());
            }
            Some(s) => {
                let inner = &q[s..i];
                let ws: Vec<String> = folded_words(inner).into_iter().map(|w| w.2).collect();
                if !ws.is_empty() {
                    let (t0, t1) = (
                        inner.len() - inner.trim_start().len(),
                        inner.trim_end().len(),
                    );
                    out.push(Piece {
                        term: Term::Phrase(ws.join(" ")),
                        range: (s + t0, s + t1),
                    });
                }
                open = None;
                at = i + c.len_utf8();
            }
        }
    }
    // An unterminated quote (still being typed): its words count as plain words.
    let rest = open.unwrap_or(at);
    words_of(rest, &q[rest..], &mut out);
    out
}

/// The query's terms: plain words (each matched as a token prefix) and "quoted phrases" (exact, consecutive
/// words). Everything folded (case and accents). An unterminated quote counts as plain words.
pub fn search_terms(q: &str) -> Vec<Term> {
    parse(q).into_iter().map(|p| p.term).collect()
}

/// One AND-ed condition: its text (all words as prefixes, or one phrase) OR any of its entities.
#[derive(Debug, Clone, Default)]
struct Clause {
    words: Vec<String>,
    phrase: Option<Vec<String>>,
    entities: Vec<usize>,
}

// ---------------------------------------------------------------- the index

/// Sentinel between fields in token sequences, so phrases never span two fields.
const SEP: u32 = u32::MAX;

/// Everything needed to answer a `ViewState` quickly; build once per corpus with [`Index::new`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    n: usize,
    /// Folded tokens, sorted (prefix ranges by binary search).
    tokens: Vec<String>,
    /// Claims containing each token (in any searched field), ascending.
    postings: Vec<Vec<u32>>,
    /// Token sequence of each claim's own fields (text, speaker, role, affiliation), fields split by `SEP`.
    seq_offs: Vec<u32>,
    seq: Vec<u32>,
    /// Token sequence of each document's outlet, and the document of each claim.
    doc_seqs: Vec<Vec<u32>>,
    claim_doc: Vec<u32>,
    /// Claims mentioning each configured entity (listed in `entities` or matched by an alias in the text).
    entity_claims: Vec<Vec<u32>>,
    /// Not packed: rebuilt from the configuration by [`Index::attach_highlighter`].
    #[serde(skip)]
    highlighter: Highlighter,
    facets: Vec<FacetIndex>,
    /// Sortable date key (`yyyymmdd`, 0 for missing parts) of each claim (claim date, else document date).
    date_key: Vec<Option<u32>>,
    order_date: Vec<u32>,
    order_oldest: Vec<u32>,
    order_speaker: Vec<u32>,
    order_document: Vec<u32>,
}

/// `yyyymmdd` from `YYYY[-MM[-DD]]`; missing month/day become `fill`.
fn date_key(d: &str, fill_month: u32, fill_day: u32) -> Option<u32> {
    let mut it = d.trim().split('-');
    let digits = |s: &str, n: usize| -> Option<u32> {
        let s = s.get(..n)?;
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let y = digits(it.next()?, 4)?;
    let m = match it.next() {
        Some(m) => digits(m, 2)?,
        None => fill_month,
    };
    let dd = match it.next() {
        Some(x) => digits(x, 2)?,
        None => fill_day,
    };
    Some((y * 100 + m) * 100 + dd)
}

fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::Supports => "Supports",
        Stance::Refutes => "Refutes",
        Stance::Neutral => "Neutral",
    }
}

fn kind_label(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Direct => "Direct quote",
        ClaimKind::Indirect => "Reported",
    }
}

struct VocabBuilder {
    ids: FxMap<String, u32>,
    postings: Vec<Vec<u32>>,
}

impl VocabBuilder {
    fn id(&mut self, t: &str) -> u32 {
        if let Some(&i) = self.ids.get(t) {
            return i;
        }
        let i = self.postings.len() as u32;
        self.ids.insert(t.to_string(), i);
        self.postings.push(Vec::new());
        i
    }
    /// Append the folded tokens of `s` to `seq` (preceded by `SEP` when `seq` is not empty).
    fn tokens_into(&mut self, s: &str, seq: &mut Vec<u32>) {
        if !seq.is_empty() {
            seq.push(SEP);
        }
        let f = fold_fast(s);
        for_each_token(&f, |_, w| {
            let id = self.id(w);
            seq.push(id);
        });
    }
    fn post(&mut self, claim: u32, seq: &[u32]) {
        for &t in seq {
            if t != SEP {
                let p = &mut self.postings[t as usize];
                if p.last() != Some(&claim) {
                    p.push(claim);
                }
            }
        }
    }
}

impl Index {
    /// Build the index (linear in the corpus size).
    pub fn new(corpus: &Corpus) -> Index {
        let n = corpus.claims.len();
        let docs = &corpus.documents;
        let doc_pos: FxMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let highlighter = Highlighter::new(&corpus.config);

        // Tokens.
        let mut vb = VocabBuilder {
            ids: FxMap::default(),
            postings: Vec::new(),
        };
        let mut doc_seqs: Vec<Vec<u32>> = docs
            .iter()
            .map(|d| {
                let mut s = Vec::new();
                // Titles are not searched: a claim matches on what it says and who says it, not on its
                // article's headline (a headline naming a group would match every claim of the article).
                vb.tokens_into(d.outlet.as_deref().unwrap_or(""), &mut s);
                s
            })
            .collect();
        let mut seq_offs = Vec::with_capacity(n + 1);
        seq_offs.push(0u32);
        let mut seq: Vec<u32> = Vec::with_capacity(n * 40);
        let mut claim_doc = Vec::with_capacity(n);
        let mut one: Vec<u32> = Vec::new();
        for (i, c) in corpus.claims.iter().enumerate() {
            one.clear();
            vb.tokens_into(&c.text, &mut one);
            vb.tokens_into(&c.speaker, &mut one);
            vb.tokens_into(c.role.as_deref().unwrap_or(""), &mut one);
            vb.tokens_into(c.affiliation.as_deref().unwrap_or(""), &mut one);
            vb.post(i as u32, &one);
            let d = doc_pos.get(c.doc.as_str()).copied().unwrap_or(usize::MAX);
            if d != usize::MAX {
                let ds = std::mem::take(&mut doc_seqs[d]);
                vb.post(i as u32, &ds);
                doc_seqs[d] = ds;
            }
            claim_doc.push(d as u32);
            seq.extend_from_slice(&one);
            seq_offs.push(seq.len() as u32);
        }
        // Sort the vocabulary and renumber.
        let mut order: Vec<(String, u32)> = vb.ids.into_iter().collect();
        sort(&mut order);
        let mut remap = vec![0u32; order.len()];
        let mut postings_old: Vec<Option<Vec<u32>>> = vb.postings.into_iter().map(Some).collect();
        let mut tokens_sorted = Vec::with_capacity(order.len());
        let mut postings = Vec::with_capacity(order.len());
        for (new, (t, old)) in order.into_iter().enumerate() {
            remap[old as usize] = new as u32;
            tokens_sorted.push(t);
            postings.push(postings_old[old as usize].take().unwrap_or_default());
        }
        let re = |x: &mut u32| {
            if *x != SEP {
                *x = remap[*x as usize];
            }
        };
        seq.iter_mut().for_each(re);
        doc_seqs.iter_mut().for_each(|s| s.iter_mut().for_each(re));

        // Entities (alias-aware search): the claim's own list, plus any alias found in its text.
        let ent_pos: FxMap<&str, usize> = corpus
            .config
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut entity_claims: Vec<Vec<u32>> = vec![Vec::new(); corpus.config.entities.len()];
        for (i, c) in corpus.claims.iter().enumerate() {
            for e in &c.entities {
                if let Some(&e) = ent_pos.get(e.as_str()) {
                    entity_claims[e].push(i as u32);
                }
            }
        }
        let token_id = |t: &str| {
            tokens_sorted
                .binary_search_by(|x| x.as_str().cmp(t))
                .ok()
                .map(|i| i as u32)
        };
        // The text is the first field of each claim's token sequence.
        let text_seq = |i: usize| {
            let all = &seq[seq_offs[i] as usize..seq_offs[i + 1] as usize];
            &all[..all.iter().position(|&t| t == SEP).unwrap_or(all.len())]
        };
        let (mut exact_pats, mut exact_vals) = (Vec::new(), Vec::new());
        for (e, def) in corpus.config.entities.iter().enumerate() {
            for a in def
                .aliases
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
            {
                if is_case_sensitive_acronym(a) {
                    exact_pats.push(a);
                    exact_vals.push(e);
                    continue;
                }
                let folded = fold(a);
                let ids: Option<Vec<u32>> = tokens(&folded)
                    .into_iter()
                    .map(|(_, t)| token_id(t))
                    .collect();
                let Some(ids) = ids.filter(|v| !v.is_empty()) else {
                    continue;
                };
                let rarest = ids
                    .iter()
                    .copied()
                    .min_by_key(|&t| postings[t as usize].len())
                    .expect("non-empty");
                for &i in &postings[rarest as usize] {
                    if Index::phrase_in(text_seq(i as usize), &ids) {
                        entity_claims[e].push(i);
                    }
                }
            }
        }
        if !exact_pats.is_empty() {
            // Short all-capital aliases ("IS", "ISK") match with their exact case only, as in the highlighter.
            let m = WordMatcher::new(exact_pats.iter().copied().zip(exact_vals.iter().copied()));
            for (i, c) in corpus.claims.iter().enumerate() {
                for hit in m.find_all(&c.text) {
                    entity_claims[hit.value].push(i as u32);
                }
            }
        }
        for list in &mut entity_claims {
            sort(list);
            list.dedup();
        }

        // Facets.
        let cfg = &corpus.config;
        let mut f_speaker = FacetIndex::new(Facet::Speaker, false, false);
        let mut f_side = FacetIndex::new(Facet::Side, false, false);
        let mut f_stance = FacetIndex::new(Facet::Stance, true, false);
        let mut f_outlet = FacetIndex::new(Facet::Outlet, false, false);
        let mut f_year = FacetIndex::new(Facet::Year, true, false);
        let mut f_entity = FacetIndex::new(Facet::Entity, false, true);
        let mut f_kind = FacetIndex::new(Facet::Kind, true, false);
        let mut f_doc = FacetIndex::new(Facet::Doc, false, false);
        for s in Stance::ALL {
            f_stance.value_id(s.as_str(), || stance_label(s).to_string());
        }
        for k in ClaimKind::ALL {
            f_kind.value_id(k.as_str(), || kind_label(k).to_string());
        }
        let doc_of = |i: usize| docs.get(claim_doc[i] as usize);
        let years: Vec<Option<i32>> = corpus
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| c.year().or_else(|| doc_of(i).and_then(|d| d.year())))
            .collect();
        let mut ys: Vec<i32> = years.iter().flatten().copied().collect();
        sort_by(&mut ys, |a, b| b.cmp(a));
        ys.dedup();
        for y in ys {
            f_year.value_id(&y.to_string(), || y.to_string());
        }
        let mut date_keys = Vec::with_capacity(n);
        for (i, c) in corpus.claims.iter().enumerate() {
            let d = doc_of(i);
            let v = f_speaker.value_id(&c.speaker_id, || c.speaker.clone());
            f_speaker.push_claim(i, &[v]);
            let v: Vec<u32> = c
                .side
                .iter()
                .map(|s| f_side.value_id(s, || cfg.side_label(s).to_string()))
                .collect();
            f_side.push_claim(i, &v);
            let v = f_stance.value_id(c.stance.as_str(), || stance_label(c.stance).to_string());
            f_stance.push_claim(i, &[v]);
            let v: Vec<u32> = d
                .and_then(|d| d.outlet.as_deref())
                .map(|o| f_outlet.value_id(o, || o.to_string()))
                .into_iter()
                .collect();
            f_outlet.push_claim(i, &v);
            let v: Vec<u32> = years[i]
                .map(|y| f_year.value_id(&y.to_string(), || y.to_string()))
                .into_iter()
                .collect();
            f_year.push_claim(i, &v);
            let v: Vec<u32> = c
                .entities
                .iter()
                .map(|e| f_entity.value_id(e, || cfg.entity_label(e).to_string()))
                .collect();
            f_entity.push_claim(i, &v);
            let v = f_kind.value_id(c.kind.as_str(), || kind_label(c.kind).to_string());
            f_kind.push_claim(i, &[v]);
            let v: Vec<u32> = if let Some(d) = d {
                vec![f_doc.value_id(&d.id, || d.display_title().to_string())]
            } else {
                vec![f_doc.value_id(&c.doc, || c.doc.clone())]
            };
            f_doc.push_claim(i, &v);
            date_keys.push(
                c.date
                    .as_deref()
                    .or(d.and_then(|d| d.date.as_deref()))
                    .and_then(|s| date_key(s, 0, 0)),
            );
        }

        let facets_built: Vec<FacetIndex> = [
            f_speaker, f_side, f_stance, f_outlet, f_year, f_entity, f_kind, f_doc,
        ]
        .into_iter()
        .map(FacetIndex::finish)
        .collect();

        // Orders (sorted on small integer keys; every key ends with the claim index, so all are total).
        let dpos = |i: usize| claim_doc[i];
        let start = |i: usize| corpus.claims[i].start;
        let mut by_date: Vec<u32> = (0..n as u32).collect();
        // Dated first, newest first; then document, reading order.
        sort_by_key(&mut by_date, |&i| {
            let i = i as usize;
            (std::cmp::Reverse(date_keys[i]), dpos(i), start(i), i)
        });
        let mut oldest: Vec<u32> = (0..n as u32).collect();
        sort_by_key(&mut oldest, |&i| {
            let i = i as usize;
            (date_keys[i].is_none(), date_keys[i], dpos(i), start(i), i)
        });
        let mut rank_date = vec![0u32; n];
        for (k, &i) in by_date.iter().enumerate() {
            rank_date[i as usize] = k as u32;
        }
        // Speakers ranked once by folded name then id; claims by speaker rank, then newest first.
        let sp = &facets_built[0];
        let sp_keys: Vec<String> = sp
            .labels
            .iter()
            .map(|l| fold_fast(l).into_owned())
            .collect();
        let mut sp_order: Vec<usize> = (0..sp.values.len()).collect();
        sort_by(&mut sp_order, |&a, &b| {
            sp_keys[a]
                .cmp(&sp_keys[b])
                .then_with(|| sp.values[a].cmp(&sp.values[b]))
        });
        let mut sp_rank = vec![0u32; sp_order.len()];
        for (r, &v) in sp_order.iter().enumerate() {
            sp_rank[v] = r as u32;
        }
        let mut by_speaker: Vec<u32> = (0..n as u32).collect();
        sort_by_key(&mut by_speaker, |&i| {
            (
                sp_rank[sp.single[i as usize] as usize],
                rank_date[i as usize],
            )
        });
        // Documents ranked once by folded title then id; claims by document rank, then reading order.
        let title_key: Vec<String> = docs
            .iter()
            .map(|d| fold_fast(&d.display_title()).into_owned())
            .collect();
        let mut doc_order: Vec<usize> = (0..docs.len()).collect();
        sort_by(&mut doc_order, |&a, &b| {
            title_key[a]
                .cmp(&title_key[b])
                .then_with(|| docs[a].id.cmp(&docs[b].id))
        });
        let mut doc_rank = vec![0u32; docs.len()];
        for (r, &d) in doc_order.iter().enumerate() {
            doc_rank[d] = r as u32;
        }
        let mut by_doc: Vec<u32> = (0..n as u32).collect();
        sort_by(&mut by_doc, |&a, &b| {
            let (a, b) = (a as usize, b as usize);
            let r = |i: usize| doc_rank.get(dpos(i) as usize).copied().unwrap_or(u32::MAX);
            r(a).cmp(&r(b))
                .then_with(|| {
                    if r(a) == u32::MAX {
                        corpus.claims[a].doc.cmp(&corpus.claims[b].doc)
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .then(start(a).cmp(&start(b)))
                .then(a.cmp(&b))
        });

        Index {
            n,
            tokens: tokens_sorted,
            postings,
            seq_offs,
            seq,
            doc_seqs,
            claim_doc,
            entity_claims,
            highlighter,
            facets: facets_built,
            date_key: date_keys,
            order_date: by_date,
            order_oldest: oldest,
            order_speaker: by_speaker,
            order_document: by_doc,
        }
    }

    /// Rebuild the highlighter (alias matchers are not packed; see `pack::unpack`).
    pub fn attach_highlighter(&mut self, config: &super::config::CorpusConfig) {
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

    /// Token ids whose token starts with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = self.tokens.partition_point(|t| t.as_str() < prefix);
        let hi = lo + self.tokens[lo..].partition_point(|t| t.starts_with(prefix));
        lo..hi
    }

    fn token_id(&self, t: &str) -> Option<u32> {
        self.tokens
            .binary_search_by(|x| x.as_str().cmp(t))
            .ok()
            .map(|i| i as u32)
    }

    /// Resolve the query into AND-ed clauses, attaching entities whose aliases the query names.
    fn clauses(&self, q: &str) -> Vec<Clause> {
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
                    let entities = alias
                        .iter()
                        .filter(|m| m.0 == p.range.0 && m.1 == p.range.1)
                        .map(|m| m.2)
                        .collect();
                    used[i] = true;
                    clauses.push(Clause {
                        words: Vec::new(),
                        phrase: Some(ph.split(' ').map(str::to_string).collect()),
                        entities,
                    });
                }
                Term::Word(w) => {
                    // An alias match starting at this word groups every word it covers.
                    let m = alias.iter().find(|m| m.0 == p.range.0);
                    let mut clause = Clause {
                        words: vec![w.clone()],
                        ..Clause::default()
                    };
                    used[i] = true;
                    if let Some(&(_, end, e)) = m {
                        let mut j = i + 1;
                        while j < pieces.len()
                            && matches!(pieces[j].term, Term::Word(_))
                            && pieces[j].range.1 <= end
                        {
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

    fn phrase_in(seq: &[u32], ids: &[u32]) -> bool {
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
                    let doc = self
                        .doc_seqs
                        .get(self.claim_doc[i] as usize)
                        .map(Vec::as_slice)
                        .unwrap_or(&[]);
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
    fn search_mask(&self, q: &str) -> Option<Bits> {
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

    fn range_mask(&self, from: Option<&str>, to: Option<&str>) -> Option<Bits> {
        let lo = from.and_then(|f| date_key(f, 0, 0));
        let hi = to.and_then(|t| date_key(t, 99, 99));
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
        debug_assert_eq!(
            corpus.claims.len(),
            self.n,
            "index built for another corpus"
        );
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
        let selected: Vec<Vec<String>> = self
            .facets
            .iter()
            .map(|f| v.facet_values(f.facet))
            .collect();
        let masks: Vec<Option<Bits>> = self
            .facets
            .iter()
            .zip(&selected)
            .map(|(f, s)| f.mask(n, s))
            .collect();
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
                    return f.counts(None, &selected[fi]);
                }
                if masks[fi].is_none() {
                    return f.counts(Some(&all), &selected[fi]);
                }
                let mut under = base.clone();
                for (j, m) in masks.iter().enumerate() {
                    if let (true, Some(m)) = (j != fi, m) {
                        under.and(m);
                    }
                }
                f.counts(Some(&under), &selected[fi])
            })
            .collect();
        let order = match v.sort {
            SortKey::Date => &self.order_date,
            SortKey::Oldest => &self.order_oldest,
            SortKey::Speaker => &self.order_speaker,
            SortKey::Document => &self.order_document,
        };
        let claims = order
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| all.get(i))
            .collect();
        QueryResult {
            claims,
            facets,
            total: n,
        }
    }

    /// Byte ranges of `text` to highlight for query `q`: words starting with a query word, quoted phrases,
    /// and mentions (by any alias) of the entities the query names. Sorted, merged where they overlap.
    pub fn hit_spans(&self, text: &str, q: &str) -> Vec<(usize, usize)> {
        let clauses = self.clauses(q);
        if clauses.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let toks = folded_words(text);
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut ents: Vec<usize> = Vec::new();
        for c in &clauses {
            for w in &c.words {
                spans.extend(
                    toks.iter()
                        .filter(|t| t.2.starts_with(w.as_str()))
                        .map(|t| (t.0, t.1)),
                );
            }
            if let Some(ph) = &c.phrase {
                if !ph.is_empty() && toks.len() >= ph.len() {
                    for k in 0..=toks.len() - ph.len() {
                        if toks[k..k + ph.len()].iter().zip(ph).all(|(t, w)| t.2 == *w) {
                            spans.push((toks[k].0, toks[k + ph.len() - 1].1));
                        }
                    }
                }
            }
            ents.extend(&c.entities);
        }
        if !ents.is_empty() {
            spans.extend(
                self.highlighter
                    .entity_matches(text)
                    .into_iter()
                    .filter(|m| ents.contains(&m.2))
                    .map(|m| (m.0, m.1)),
            );
        }
        merge_spans(spans)
    }
}

/// Sort and merge overlapping spans.
fn merge_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.retain(|s| s.0 < s.1);
    sort(&mut spans);
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(l) if s.0 < l.1 => l.1 = l.1.max(s.1),
            _ => out.push(s),
        }
    }
    out
}

/// Byte ranges of `text` to highlight for query `q` (see [`Index::hit_spans`]).
pub fn hit_spans(index: &Index, text: &str, q: &str) -> Vec<(usize, usize)> {
    index.hit_spans(text, q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_words_and_phrases() {
        assert_eq!(
            search_terms("Dāesh  \"Islamic  STATE\" kab"),
            vec![
                Term::Word("daesh".into()),
                Term::Phrase("islamic state".into()),
                Term::Word("kab".into())
            ]
        );
        // Unterminated quote: plain words while typing.
        assert_eq!(
            search_terms("\"islamic sta"),
            vec![Term::Word("islamic".into()), Term::Word("sta".into())]
        );
        assert_eq!(
            search_terms("“ISIS-K”"),
            vec![Term::Phrase("isis k".into())]
        );
        assert!(search_terms("  \"\" , ").is_empty());
    }

    #[test]
    fn tokens_split_at_apostrophes() {
        let t: Vec<(usize, &str)> = tokens("l'etat daesh's 'x");
        assert_eq!(
            t,
            vec![(0, "l"), (2, "etat"), (7, "daesh"), (13, "s"), (16, "x")]
        );
        assert_eq!(
            tokens("isis-k, 3.5 émir_x"),
            vec![
                (0, "isis"),
                (5, "k"),
                (8, "3"),
                (10, "5"),
                (12, "émir"),
                (18, "x")
            ]
        );
    }

    #[test]
    fn fold_fast_agrees_with_fold() {
        for t in [
            "Plain ASCII `quote` TEXT",
            "lower only",
            "Dāesh’s “ISIS”",
            "",
            "ÉTAT",
        ] {
            assert_eq!(fold_fast(t), fold(t));
        }
    }

    #[test]
    fn date_keys_fill_missing_parts() {
        assert_eq!(date_key("2023-05-04", 0, 0), Some(20230504));
        assert_eq!(date_key("2023-05", 99, 99), Some(20230599));
        assert_eq!(date_key("2023", 0, 0), Some(20230000));
        assert_eq!(date_key("20x3", 0, 0), None);
    }

    #[test]
    fn bits_ones_masks_the_tail() {
        let b = Bits::ones(70);
        let mut n = 0;
        b.for_each(|_| n += 1);
        assert_eq!(n, 70);
        assert!(Bits::ones(0).0.is_empty());
    }

    #[test]
    fn merge_overlapping_spans() {
        assert_eq!(
            merge_spans(vec![(5, 8), (0, 3), (2, 4), (8, 9), (7, 7)]),
            vec![(0, 4), (5, 8), (8, 9)]
        );
    }
}
