//! Disagreements ranked by how directly one claim answers the other: the same entities, the same proposition
//! (content words), close in time; each pair with the reason for its rank.
use std::collections::HashMap;

use super::disagreements::disagreements;
use super::terms::content_stems;
use crate::corpus::Corpus;
use crate::model::Claim;
use crate::text::{sort, sort_by};

/// Why an opposing pair ranks where it does.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReason {
    /// Entities both claims name (background entities left out), in the first claim's order.
    pub shared_entities: Vec<String>,
    /// Content-word stems both claims use (the same proposition; the names of background entities left out),
    /// in the first claim's order.
    pub shared_words: Vec<String>,
    /// Days between the two claims (`None` when either is undated).
    pub days_apart: Option<u64>,
    /// How directly they answer each other, `0..=1`: entity overlap and word overlap (each weighted by how
    /// rare the terms are in the corpus) and closeness in time.
    pub directness: f32,
}

/// Candidates looked at per pair shown (the entity-ranked pairs are re-ranked by directness).
const CANDIDATES_PER_PAIR: usize = 4;

/// How telling each entity and word is: rare ones more than those on every card (inverse document frequency
/// over the claims), so sharing the corpus's usual subject weighs less than sharing a rarer name or word.
struct Weights {
    n: f32,
    df: HashMap<String, usize>,
    /// The word stems of the background entities' names: the corpus's setting is no shared proposition.
    background: Vec<String>,
}

impl Weights {
    fn new(corpus: &Corpus) -> Weights {
        let mut background: Vec<String> = corpus
            .background
            .iter()
            .filter_map(|id| corpus.config.entity(id))
            .flat_map(|e| e.names().into_iter().flat_map(content_stems).collect::<Vec<_>>())
            .collect();
        sort(&mut background);
        background.dedup();
        let mut w = Weights { n: corpus.claims.len().max(1) as f32, df: HashMap::new(), background };
        for c in &corpus.claims {
            let mut seen = w.terms(corpus, c);
            sort(&mut seen);
            seen.dedup();
            for t in seen {
                *w.df.entry(t).or_default() += 1;
            }
        }
        w
    }

    /// A claim's weighed terms: its entities (background ones left out), prefixed `@`, and its content-word
    /// stems (background names left out).
    fn terms(&self, corpus: &Corpus, c: &Claim) -> Vec<String> {
        let mut v: Vec<String> = c.entities.iter().filter(|e| !corpus.background.contains(e)).map(|e| format!("@{e}")).collect();
        v.extend(content_stems(&c.text).into_iter().filter(|w| self.background.binary_search(w).is_err()));
        v
    }

    fn of(&self, t: &str) -> f32 {
        (1.0 + self.n / self.df.get(t).copied().unwrap_or(1).max(1) as f32).ln()
    }

    /// Weighted Jaccard overlap of two term lists, and the shared terms (in `a`'s order).
    fn overlap(&self, a: &[String], b: &[String]) -> (f32, Vec<String>) {
        let mut union: Vec<&String> = Vec::new();
        for x in a.iter().chain(b) {
            if !union.contains(&x) {
                union.push(x);
            }
        }
        let mut shared: Vec<String> = Vec::new();
        for x in a.iter().filter(|x| b.contains(x)) {
            if !shared.contains(x) {
                shared.push(x.clone());
            }
        }
        let total: f32 = union.iter().map(|t| self.of(t)).sum();
        let common: f32 = shared.iter().map(|t| self.of(t)).sum();
        (if total > 0.0 { common / total } else { 0.0 }, shared)
    }
}

/// Why claims `a` and `b` oppose each other, and how directly.
pub fn pair_reason(corpus: &Corpus, a: usize, b: usize) -> PairReason {
    reason_with(corpus, &Weights::new(corpus), a, b)
}

fn reason_with(corpus: &Corpus, w: &Weights, a: usize, b: usize) -> PairReason {
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    let split = |c: &Claim| -> (Vec<String>, Vec<String>) { w.terms(corpus, c).into_iter().partition(|t| t.starts_with('@')) };
    let ((ea, wa), (eb, wb)) = (split(ca), split(cb));
    let (ent, shared_entities) = w.overlap(&ea, &eb);
    let (words, shared_words) = w.overlap(&wa, &wb);
    let days_apart = match (ca.date, cb.date) {
        (Some(x), Some(y)) => Some(x.day_number().abs_diff(y.day_number())),
        _ => None,
    };
    let near = days_apart.map_or(0.0, |d| 1.0 / (1.0 + d as f32 / 30.0));
    let shared_entities = shared_entities.into_iter().map(|e| e[1..].to_string()).collect();
    PairReason { shared_entities, shared_words, days_apart, directness: 0.45 * ent + 0.4 * words + 0.15 * near }
}

/// The `limit` most direct opposing pairs `(supporting, refuting, reason)`: among the pairs that share an
/// entity ([`disagreements`]), the most direct first, then the closer in time, then by claim ids.
pub fn direct_disagreements(corpus: &Corpus, limit: usize) -> Vec<(usize, usize, PairReason)> {
    let w = Weights::new(corpus);
    let mut pairs: Vec<(usize, usize, PairReason)> = disagreements(corpus, limit.saturating_mul(CANDIDATES_PER_PAIR))
        .into_iter()
        .map(|(a, b, _)| (a, b, reason_with(corpus, &w, a, b)))
        .collect();
    let id = |i: usize| corpus.claims[i].id.as_str();
    sort_by(&mut pairs, |x, y| {
        y.2.directness
            .total_cmp(&x.2.directness)
            .then(x.2.days_apart.unwrap_or(u64::MAX).cmp(&y.2.days_apart.unwrap_or(u64::MAX)))
            .then_with(|| (id(x.0), id(x.1)).cmp(&(id(y.0), id(y.1))))
    });
    pairs.truncate(limit);
    pairs
}
