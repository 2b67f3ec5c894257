//! Disagreements ranked by how directly one claim answers the other: the same entities, the same proposition
//! (content words), close in time; each pair with the reason for its rank.
use super::disagreements::disagreements;
use super::terms::content_stems;
use crate::corpus::Corpus;
use crate::text::sort_by;

/// Why an opposing pair ranks where it does.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReason {
    /// Entities both claims name (background entities left out), in the first claim's order.
    pub shared_entities: Vec<String>,
    /// Content-word stems both claims use (the same proposition), in the first claim's order.
    pub shared_words: Vec<String>,
    /// Days between the two claims (`None` when either is undated).
    pub days_apart: Option<u64>,
    /// How directly they answer each other, `0..=1`: entity overlap, word overlap and closeness in time.
    pub directness: f32,
}

/// Candidates looked at per pair shown (the entity-ranked pairs are re-ranked by directness).
const CANDIDATES_PER_PAIR: usize = 4;

fn jaccard_shared(a: &[String], b: &[String]) -> (f32, Vec<String>) {
    let mut shared: Vec<String> = Vec::new();
    for x in a.iter().filter(|x| b.contains(x)) {
        if !shared.contains(x) {
            shared.push(x.clone());
        }
    }
    let distinct = |v: &[String]| v.iter().enumerate().filter(|(i, x)| !v[..*i].contains(x)).count();
    let union = distinct(a) + distinct(b) - shared.len();
    (if union == 0 { 0.0 } else { shared.len() as f32 / union as f32 }, shared)
}

/// Why claims `a` and `b` oppose each other, and how directly.
pub fn pair_reason(corpus: &Corpus, a: usize, b: usize) -> PairReason {
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    let fg = |c: &crate::model::Claim| c.entities.iter().filter(|e| !corpus.background.contains(e)).cloned().collect::<Vec<_>>();
    let (ent, shared_entities) = jaccard_shared(&fg(ca), &fg(cb));
    let (words, shared_words) = jaccard_shared(&content_stems(&ca.text), &content_stems(&cb.text));
    let days_apart = match (ca.date, cb.date) {
        (Some(x), Some(y)) => Some(x.day_number().abs_diff(y.day_number())),
        _ => None,
    };
    let near = days_apart.map_or(0.0, |d| 1.0 / (1.0 + d as f32 / 30.0));
    PairReason { shared_entities, shared_words, days_apart, directness: 0.5 * ent + 0.35 * words + 0.15 * near }
}

/// The `limit` most direct opposing pairs `(supporting, refuting, reason)`: among the pairs that share an
/// entity ([`disagreements`]), the most direct first, then the closer in time, then by claim ids.
pub fn direct_disagreements(corpus: &Corpus, limit: usize) -> Vec<(usize, usize, PairReason)> {
    let mut pairs: Vec<(usize, usize, PairReason)> = disagreements(corpus, limit.saturating_mul(CANDIDATES_PER_PAIR))
        .into_iter()
        .map(|(a, b, _)| (a, b, pair_reason(corpus, a, b)))
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
