//! The facet pass: each claim's values in every facet of the table, the facets' postings and counts, and date keys
//! (run by the builder's index, and again in the app when the reader corrects claims).
use crate::config::CorpusConfig;
use crate::corpus::Corpus;
use crate::model::{Claim, ClaimKind, Document, Stance, UNKNOWN_OUTLET};
use crate::search::{FacetIndex, FxMap, NONE};
use crate::text::{fold, sort_by};
use crate::view::{Facet, ValueKind, UNDATED_VALUE, UNKNOWN_OUTLET_VALUE};

/// What the facet pass yields.
pub struct Facets {
    /// One per facet, in `Facet::ALL` order.
    pub facets: Vec<FacetIndex>,
    /// `PartialDate::sort_key` of each claim's date (the claim's, else its document's).
    pub date_keys: Vec<Option<u32>>,
}

/// The values of claim `c` (of document `d`) in facet `f`: `(value as in the URL, label)`. The one place that
/// knows how a claim maps to each facet.
fn claim_values(f: Facet, c: &Claim, d: Option<&Document>, cfg: &CorpusConfig) -> Vec<(String, String)> {
    let one = |v: &str, label: &str| vec![(v.to_string(), label.to_string())];
    match f {
        Facet::Speaker => one(&c.speaker_id, &c.speaker),
        Facet::Side => c.side.iter().map(|s| (s.clone(), cfg.side_label(s).to_string())).collect(),
        Facet::Stance => one(c.stance.as_str(), c.stance.label()),
        Facet::Outlet => d.and_then(|d| d.outlet.as_deref()).map_or_else(|| one(UNKNOWN_OUTLET_VALUE, UNKNOWN_OUTLET), |o| one(o, o)),
        Facet::Year => year(c, d).map_or_else(|| one(UNDATED_VALUE, "Undated"), |y| one(&y.to_string(), &y.to_string())),
        Facet::Entity => c.entities.iter().map(|e| (e.clone(), cfg.entity_label(e).to_string())).collect(),
        Facet::Kind => one(c.kind.as_str(), c.kind.label()),
        Facet::Doc => match d {
            Some(d) => one(&d.id, &d.display_title()),
            None => one(&c.doc, &c.doc),
        },
    }
}

fn year(c: &Claim, d: Option<&Document>) -> Option<i32> {
    c.year().or_else(|| d.and_then(|d| d.year()))
}

/// The values a fixed-order facet lists first, in their natural order: every stance, every kind, years newest
/// first (then "Undated").
fn natural_values(kind: ValueKind, corpus: &Corpus, docs: &[Option<&Document>]) -> Vec<(String, String)> {
    match kind {
        ValueKind::Stance => Stance::ALL.iter().map(|s| (s.as_str().to_string(), s.label().to_string())).collect(),
        ValueKind::Kind => ClaimKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label().to_string())).collect(),
        ValueKind::Year => {
            let mut ys: Vec<i32> = corpus.claims.iter().zip(docs).filter_map(|(c, d)| year(c, *d)).collect();
            sort_by(&mut ys, |a, b| b.cmp(a));
            ys.dedup();
            let mut v: Vec<(String, String)> = ys.iter().map(|y| (y.to_string(), y.to_string())).collect();
            if corpus.claims.iter().zip(docs).any(|(c, d)| year(c, *d).is_none()) {
                v.push((UNDATED_VALUE.to_string(), "Undated".to_string()));
            }
            v
        }
        ValueKind::Text | ValueKind::Id => Vec::new(),
    }
}

pub fn build(corpus: &Corpus, claim_doc: &[u32]) -> Facets {
    let docs: Vec<Option<&Document>> = claim_doc.iter().map(|&d| corpus.documents.get(d as usize)).collect();
    let mut facets = Vec::with_capacity(Facet::ALL.len());
    for f in Facet::ALL {
        let mut b = FacetBuilder::new(f);
        for (v, label) in natural_values(f.kind(), corpus, &docs) {
            b.value_id(&v, label);
        }
        for (i, (c, d)) in corpus.claims.iter().zip(&docs).enumerate() {
            let ids: Vec<u32> = claim_values(f, c, *d, &corpus.config).into_iter().map(|(v, l)| b.value_id(&v, l)).collect();
            b.push_claim(i, &ids);
        }
        facets.push(b.finish());
    }
    let date_keys = corpus.claims.iter().zip(&docs).map(|(c, d)| c.date.or(d.and_then(|d| d.date)).map(|d| d.sort_key())).collect();
    Facets { facets, date_keys }
}

/// One facet's index under construction.
struct FacetBuilder(FacetIndex);

impl FacetBuilder {
    fn new(facet: Facet) -> FacetBuilder {
        FacetBuilder(FacetIndex {
            facet,
            values: Vec::new(),
            labels: Vec::new(),
            lookup: FxMap::default(),
            postings: Vec::new(),
            single: Vec::new(),
            multi: facet.def().multi,
            offs: vec![0],
            vals: Vec::new(),
            fixed_order: facet.kind().fixed_order(),
            label_rank: Vec::new(),
            full_counts: Vec::new(),
            value_bits: Default::default(),
        })
    }

    fn value_id(&mut self, value: &str, label: String) -> u32 {
        let f = &mut self.0;
        if let Some(&v) = f.lookup.get(value) {
            return v;
        }
        let v = f.values.len() as u32;
        f.values.push(value.to_string());
        f.labels.push(label);
        f.postings.push(Vec::new());
        f.lookup.insert(value.to_string(), v);
        v
    }

    /// Record the values of the next claim (`claim` must be the number of claims pushed so far).
    fn push_claim(&mut self, claim: usize, values: &[u32]) {
        let f = &mut self.0;
        if !f.multi {
            debug_assert!(values.len() <= 1);
            let v = values.first().copied().unwrap_or(NONE);
            if v != NONE {
                f.postings[v as usize].push(claim as u32);
            }
            f.single.push(v);
            return;
        }
        for &v in values {
            if f.vals[*f.offs.last().expect("offs") as usize..].contains(&v) {
                continue;
            }
            f.vals.push(v);
            f.postings[v as usize].push(claim as u32);
        }
        f.offs.push(f.vals.len() as u32);
    }

    /// Rank values by folded label then value, count the unfiltered view.
    fn finish(self) -> FacetIndex {
        let mut f = self.0;
        let keys: Vec<String> = f.labels.iter().map(|l| fold(l)).collect();
        let mut idx: Vec<usize> = (0..f.values.len()).collect();
        sort_by(&mut idx, |&a, &b| keys[a].cmp(&keys[b]).then_with(|| f.values[a].cmp(&f.values[b])));
        f.label_rank = vec![0; idx.len()];
        for (r, v) in idx.into_iter().enumerate() {
            f.label_rank[v] = r as u32;
        }
        f.full_counts = f.postings.iter().map(|p| p.len() as u32).collect();
        f
    }
}
