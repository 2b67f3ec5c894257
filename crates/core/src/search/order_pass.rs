//! The order pass: claim positions in each sort order, precomputed so a query only filters (run by the builder's
//! index, and again in the app when the reader corrects claims).
use super::fold_fast;
use crate::corpus::Corpus;
use crate::text::{sort_by, sort_by_key};

use super::facet_pass::Facets;

/// Claim positions newest first, oldest first, by speaker, by document.
pub struct Orders {
    pub date: Vec<u32>,
    pub oldest: Vec<u32>,
    pub speaker: Vec<u32>,
    pub document: Vec<u32>,
}

/// The rank of each item when sorted by folded label, then by id.
fn ranks(labels: &[String], ids: &[&str]) -> Vec<u32> {
    let keys: Vec<String> = labels.iter().map(|l| fold_fast(l).into_owned()).collect();
    let mut order: Vec<usize> = (0..labels.len()).collect();
    sort_by(&mut order, |&a, &b| keys[a].cmp(&keys[b]).then_with(|| ids[a].cmp(ids[b])));
    let mut rank = vec![0u32; order.len()];
    for (r, &v) in order.iter().enumerate() {
        rank[v] = r as u32;
    }
    rank
}

impl Orders {
    // Every key ends with the claim index, so every order is total.
    pub fn build(corpus: &Corpus, claim_doc: &[u32], f: &Facets) -> Orders {
        let n = corpus.claims.len();
        let keys = &f.date_keys;
        let start = |i: usize| corpus.claims[i].start;
        let all = || (0..n as u32).collect::<Vec<u32>>();
        // Dated first, newest first; then document, reading order.
        let mut date = all();
        sort_by_key(&mut date, |&i| {
            let i = i as usize;
            (std::cmp::Reverse(keys[i]), claim_doc[i], start(i), i)
        });
        let mut oldest = all();
        sort_by_key(&mut oldest, |&i| {
            let i = i as usize;
            (keys[i].is_none(), keys[i], claim_doc[i], start(i), i)
        });
        let mut rank_date = vec![0u32; n];
        for (k, &i) in date.iter().enumerate() {
            rank_date[i as usize] = k as u32;
        }
        // Claims by speaker (ranked by folded name, then id), then newest first.
        let sp = &f.facets[crate::view::Facet::Speaker as usize];
        let sp_rank = ranks(&sp.labels, &sp.values.iter().map(String::as_str).collect::<Vec<_>>());
        let mut speaker = all();
        sort_by_key(&mut speaker, |&i| (sp_rank[sp.single[i as usize] as usize], rank_date[i as usize]));
        let document = Orders::by_document(corpus, claim_doc);
        Orders { date, oldest, speaker, document }
    }

    /// Claims by document (ranked by folded title, then id; claims without a document last), in reading order.
    fn by_document(corpus: &Corpus, claim_doc: &[u32]) -> Vec<u32> {
        let docs = &corpus.documents;
        let titles: Vec<String> = docs.iter().map(|d| d.display_title()).collect();
        let doc_rank = ranks(&titles, &docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>());
        let r = |i: usize| doc_rank.get(claim_doc[i] as usize).copied().unwrap_or(u32::MAX);
        let start = |i: usize| corpus.claims[i].start;
        let mut by_doc: Vec<u32> = (0..corpus.claims.len() as u32).collect();
        sort_by(&mut by_doc, |&a, &b| {
            let (a, b) = (a as usize, b as usize);
            let orphans = || if r(a) == u32::MAX { corpus.claims[a].doc.cmp(&corpus.claims[b].doc) } else { std::cmp::Ordering::Equal };
            r(a).cmp(&r(b)).then_with(orphans).then(start(a).cmp(&start(b))).then(a.cmp(&b))
        });
        by_doc
    }
}
