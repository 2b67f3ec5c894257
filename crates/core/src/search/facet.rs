//! One facet's part of the index: its values, per-claim values and postings, and the counts under a filter.
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::bits::Bits;
use super::hash::FxMap;
use super::{FacetCounts, FacetValue, FACET_LIMIT};
use crate::text::{sort, sort_by_key};
use crate::view::Facet;

/// No value (a claim without a side, outlet or date) in single-valued facets.
pub const NONE: u32 = u32::MAX;

/// One facet: its values and, per claim, which values it has (built by the builder's index pass).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FacetIndex {
    pub facet: Facet,
    pub values: Vec<String>,
    pub labels: Vec<String>,
    pub lookup: FxMap<String, u32>,
    /// Claims of each value, ascending.
    pub postings: Vec<Vec<u32>>,
    /// Single-valued facets: the value of each claim (`NONE` when it has none).
    pub single: Vec<u32>,
    /// Multi-valued facets (entities): values of claim `i` are `vals[offs[i]..offs[i + 1]]`.
    pub multi: bool,
    pub offs: Vec<u32>,
    pub vals: Vec<u32>,
    /// Values listed in their build order (stance, kind, year) instead of by count, never cut.
    pub fixed_order: bool,
    /// Position of each value when sorted by folded label then value (tie-break after the count).
    pub label_rank: Vec<u32>,
    /// Counts without any filter (the default view).
    pub full_counts: Vec<u32>,
    /// The claims of each value as a bit set, built on first count that intersects (at most [`BITS_VALUES`] values).
    /// Not packed.
    #[serde(skip)]
    pub value_bits: OnceLock<Vec<Bits>>,
}

/// Most values a facet may have to be counted by intersecting bit sets (each costs a bit per claim of memory).
const BITS_VALUES: usize = 64;

/// How many words of a bit set one intersects and counts in the time of one tally increment. The engine bench at
/// 100,000 documents (500,000 claims) gave filter p50 2.54 ms with 1, 2.26 ms with 4 and 1.91 ms with 16 (2.64 ms
/// before any).
const WORD_PER_INCREMENT: usize = 16;

/// How [`FacetIndex::count`] counts under a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    Intersect,
    Outside,
    Inside,
}

impl FacetIndex {
    /// Mask of the claims having any of `selected`, or `None` when nothing is selected.
    pub(crate) fn mask(&self, n: usize, selected: &[String]) -> Option<Bits> {
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

    /// Number of claims the facet covers.
    fn claims(&self) -> usize {
        if self.multi {
            self.offs.len() - 1
        } else {
            self.single.len()
        }
    }

    /// Call `f` with each value of each claim in `claims`.
    fn tally(&self, claims: &Bits, mut f: impl FnMut(usize)) {
        claims.for_each(|i| {
            if self.multi {
                for &v in &self.vals[self.offs[i] as usize..self.offs[i + 1] as usize] {
                    f(v as usize);
                }
            } else if self.single[i] != NONE {
                f(self.single[i] as usize);
            }
        });
    }

    /// Counts of every value over the claims in `under` (`None`: every claim), by whichever way is least work.
    fn count(&self, under: Option<&Bits>) -> Vec<u32> {
        let Some(under) = under else {
            return self.full_counts.clone();
        };
        match self.way(under) {
            Way::Intersect => self.count_intersect(under),
            Way::Outside => self.count_outside(under),
            Way::Inside => self.count_inside(under),
        }
    }

    /// The cheapest way to count under `under`: one intersection a value (few values, many claims to tally), a tally
    /// of the claims outside `under` taken from the unfiltered counts (most claims in `under`), or of those inside.
    fn way(&self, under: &Bits) -> Way {
        let n = self.claims();
        let inside = under.count_ones().min(n);
        let per_claim = if self.multi { self.vals.len().div_ceil(n.max(1)).max(1) } else { 1 };
        let tallied = inside.min(n - inside) * per_claim;
        if self.values.len() <= BITS_VALUES && self.values.len() * n.div_ceil(64) <= WORD_PER_INCREMENT * tallied {
            Way::Intersect
        } else if inside > n / 2 {
            Way::Outside
        } else {
            Way::Inside
        }
    }

    /// Each value's bit set intersected with `under`, counted.
    fn count_intersect(&self, under: &Bits) -> Vec<u32> {
        let bits = self.value_bits.get_or_init(|| self.postings.iter().map(|p| self.bits_of(p)).collect());
        bits.iter().map(|b| b.and_count(under) as u32).collect()
    }

    /// `claims` (ascending positions) as a bit set over the facet's claims.
    fn bits_of(&self, claims: &[u32]) -> Bits {
        let mut b = Bits::zeros(self.claims());
        b.set_all(claims);
        b
    }

    /// The unfiltered counts less a tally of the claims outside `under`.
    fn count_outside(&self, under: &Bits) -> Vec<u32> {
        let mut outside = under.clone();
        outside.not(self.claims());
        let mut counts = self.full_counts.clone();
        self.tally(&outside, |v| counts[v] -= 1);
        counts
    }

    /// A tally of the claims in `under`.
    fn count_inside(&self, under: &Bits) -> Vec<u32> {
        let mut counts = vec![0u32; self.values.len()];
        self.tally(under, |v| counts[v] += 1);
        counts
    }

    pub(crate) fn counts(&self, under: Option<&Bits>, selected: &[String]) -> FacetCounts {
        let counts = self.count(under);
        let sel: Vec<u32> = selected.iter().filter_map(|s| self.lookup.get(s).copied()).collect();
        let mut shown: Vec<u32> = (0..counts.len() as u32).filter(|&v| counts[v as usize] > 0).collect();
        let mut more = 0;
        if !self.fixed_order {
            let key = |v: &u32| (std::cmp::Reverse(counts[*v as usize]), self.label_rank[*v as usize]);
            if shown.len() > FACET_LIMIT {
                shown.select_nth_unstable_by_key(FACET_LIMIT, key);
                more = shown.len() - FACET_LIMIT;
                shown.truncate(FACET_LIMIT);
                // Selected values always stay listed.
                let missing: Vec<u32> = sel.iter().copied().filter(|v| !shown.contains(v)).collect();
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
                values.push(FacetValue { value: s.clone(), label: s.clone(), count: 0, selected: true });
            }
        }
        FacetCounts { facet: self.facet, values, more }
    }
}

#[cfg(test)]
#[path = "facet_tests.rs"]
mod tests;
