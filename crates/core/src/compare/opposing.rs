//! Opposing claims for one claim: the opposite stance, another voice, at least one shared entity.
use crate::corpus::Corpus;
use crate::model::Claim;
use crate::text::sort_by;

/// A claim that disagrees with another.
#[derive(Debug, Clone, PartialEq)]
pub struct Opposing {
    /// Index into `corpus.claims`.
    pub claim: usize,
    /// Entity overlap (Jaccard index of the two entity sets), in `0..=1`.
    pub score: f32,
    /// Canonical entity ids both claims mention, in the first claim's order.
    pub shared_entities: Vec<String>,
}

fn dedup_entities(c: &Claim) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::with_capacity(c.entities.len());
    for e in &c.entities {
        if !v.contains(&e.as_str()) {
            v.push(e);
        }
    }
    v
}

/// Whether `b` may be offered as disagreeing with `a` on grounds of who said it: a different known side,
/// or (when either side is unknown) a different speaker.
pub(super) fn different_voice(a: &Claim, b: &Claim) -> bool {
    match (&a.side, &b.side) {
        (Some(x), Some(y)) => x != y,
        _ => a.speaker_id != b.speaker_id,
    }
}

fn jaccard(a: &[&str], b: &[&str]) -> (f32, Vec<String>) {
    let shared: Vec<String> = a.iter().filter(|e| b.contains(e)).map(|e| e.to_string()).collect();
    if shared.is_empty() {
        return (0.0, shared);
    }
    let union = a.len() + b.len() - shared.len();
    (shared.len() as f32 / union as f32, shared)
}

/// Claims that disagree with claim `claim`: the opposite stance (supports ↔ refutes), a different side (or,
/// when a side is unknown, a different speaker), and at least one shared entity. Ranked by entity overlap
/// (Jaccard), then closeness in time (undated last), then claim id. At most `limit`. A pass over every claim: the
/// page uses `Index::opposing`, held equal to this by the builder's engine tests.
pub fn opposing(corpus: &Corpus, claim: usize, limit: usize) -> Vec<Opposing> {
    let Some(c) = corpus.claims.get(claim) else {
        return Vec::new();
    };
    let Some(want) = c.stance.opposite() else {
        return Vec::new();
    };
    let mine = dedup_entities(c);
    if mine.is_empty() || limit == 0 {
        return Vec::new();
    }
    let day = c.date.map(|d| d.day_number());
    // (score, distance in days, index): no allocation per candidate.
    let mut found: Vec<(f32, u64, usize)> = Vec::new();
    for (i, o) in corpus.claims.iter().enumerate() {
        if i == claim || o.stance != want || !different_voice(c, o) {
            continue;
        }
        let (mut shared, mut theirs) = (0usize, 0usize);
        for (k, e) in o.entities.iter().enumerate() {
            if o.entities[..k].contains(e) {
                continue;
            }
            theirs += 1;
            if mine.contains(&e.as_str()) {
                shared += 1;
            }
        }
        if shared == 0 {
            continue;
        }
        let score = shared as f32 / (mine.len() + theirs - shared) as f32;
        found.push((score, distance(day, o), i));
    }
    finish(corpus, &mine, limit, found)
}

/// Days between two claims' dates (`u64::MAX` when either is undated: those rank last).
fn distance(day: Option<i64>, other: &Claim) -> u64 {
    match (day, other.date.map(|d| d.day_number())) {
        (Some(a), Some(b)) => a.abs_diff(b),
        _ => u64::MAX,
    }
}

/// The best `limit` of `found` (score, distance in days, index) in [`opposing`]'s order, with their shared entities.
fn finish(corpus: &Corpus, mine: &[&str], limit: usize, mut found: Vec<(f32, u64, usize)>) -> Vec<Opposing> {
    let order = |a: &(f32, u64, usize), b: &(f32, u64, usize)| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then_with(|| corpus.claims[a.2].id.cmp(&corpus.claims[b.2].id)).then(a.2.cmp(&b.2))
    };
    if found.len() > limit {
        found.select_nth_unstable_by(limit - 1, order);
        found.truncate(limit);
    }
    sort_by(&mut found, order);
    found
        .into_iter()
        .map(|(score, _, i)| Opposing { claim: i, score, shared_entities: jaccard(mine, &dedup_entities(&corpus.claims[i])).1 })
        .collect()
}

/// [`opposing`] from candidates already scored, `(score, index)` (each qualifying claim once, in any order): the
/// dates are read only of the claims whose score can place them among the best `limit`.
pub(crate) fn ranked(corpus: &Corpus, claim: usize, limit: usize, mut scored: Vec<(f32, usize)>) -> Vec<Opposing> {
    let Some(c) = corpus.claims.get(claim) else {
        return Vec::new();
    };
    if limit == 0 {
        return Vec::new();
    }
    if scored.len() > limit {
        let (_, nth, _) = scored.select_nth_unstable_by(limit - 1, |a, b| b.0.total_cmp(&a.0));
        let floor = nth.0;
        scored.retain(|s| s.0.total_cmp(&floor).is_ge());
    }
    let day = c.date.map(|d| d.day_number());
    let found = scored.into_iter().map(|(score, i)| (score, distance(day, &corpus.claims[i]), i)).collect();
    finish(corpus, &dedup_entities(c), limit, found)
}
