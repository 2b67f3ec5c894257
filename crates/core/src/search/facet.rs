//! One facet's part of the index: its values, per-claim values and postings, and the counts under a filter.
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
