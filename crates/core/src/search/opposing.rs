//! Opposing claims from the index: the claims `compare::opposing` offers, scored on the facets' value ids.
use super::bits::Bits;
use super::{FacetIndex, Index, NONE};
use crate::compare::{ranked, Opposing};
use crate::corpus::Corpus;
use crate::view::Facet;

/// The facets that decide who opposes whom.
struct Voices<'a> {
    stance: &'a FacetIndex,
    side: &'a FacetIndex,
    speaker: &'a FacetIndex,
    entity: &'a FacetIndex,
}

impl Voices<'_> {
    /// The distinct entity ids of claim `i`.
    fn entities(&self, i: usize) -> &[u32] {
        &self.entity.vals[self.entity.offs[i] as usize..self.entity.offs[i + 1] as usize]
    }

    /// `compare::opposing`'s "another voice": a different known side, or a different speaker when a side is unknown.
    fn different(&self, a: usize, b: usize) -> bool {
        match (self.side.single[a], self.side.single[b]) {
            (x, y) if x != NONE && y != NONE => x != y,
            _ => self.speaker.single[a] != self.speaker.single[b],
        }
    }
}

impl Index {
    /// [`crate::compare::opposing`] for claim `claim`, at most `limit`: the same claims in the same order, found
    /// from the entity facet's postings and scored on value ids, reading no claim but those it may rank.
    pub fn opposing(&self, corpus: &Corpus, claim: usize, limit: usize) -> Vec<Opposing> {
        let (Some(stance), Some(side), Some(speaker), Some(entity)) =
            (self.facet(Facet::Stance), self.facet(Facet::Side), self.facet(Facet::Speaker), self.facet(Facet::Entity))
        else {
            return Vec::new();
        };
        let v = Voices { stance, side, speaker, entity };
        let Some(want) = corpus.claims.get(claim).and_then(|c| c.stance.opposite()) else {
            return Vec::new();
        };
        let Some(&want) = v.stance.lookup.get(want.as_str()) else {
            return Vec::new();
        };
        let mine = v.entities(claim);
        let mut any = Bits::zeros(self.n);
        mine.iter().for_each(|&e| any.set_all(&v.entity.postings[e as usize]));
        let mut scored = Vec::new();
        any.for_each(|i| {
            if v.stance.single[i] != want || i == claim || !v.different(claim, i) {
                return;
            }
            let theirs = v.entities(i);
            let shared = theirs.iter().filter(|e| mine.contains(e)).count();
            scored.push((shared as f32 / (mine.len() + theirs.len() - shared) as f32, i));
        });
        ranked(corpus, claim, limit, scored)
    }
}
