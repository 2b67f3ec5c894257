//! Two documents side by side: their claims aligned in rows by speaker side, then by shared entity.
use crate::corpus::Corpus;
use crate::text::{sort, sort_by_key};

/// Two documents' claims side by side.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocAlignment {
    pub rows: Vec<AlignRow>,
}

/// One aligned row: claims of the left and right document (indices into `corpus.claims`, reading order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AlignRow {
    /// Display key: a side label, an entity label, or "Other claims".
    pub key: String,
    /// Side id when the row groups by side.
    pub side: Option<String>,
    /// Entity id when the row groups by entity.
    pub entity: Option<String>,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// Align the claims of two documents, `a` and `b` (each document's claims, as `Corpus::claims_of` or
/// `Index::claims_of_doc` finds them, in any order): first one row per speaker side present in both documents,
/// then, for the claims left, one row per entity mentioned on both sides (each claim in its first such
/// entity, configuration order), then one-sided rows per side, then "Other claims" (no side known).
pub fn align_documents(corpus: &Corpus, a: Vec<usize>, b: Vec<usize>) -> DocAlignment {
    let mut al = Aligner { corpus, left: reading_order(corpus, a), right: reading_order(corpus, b), rows: Vec::new() };
    let sides = al.side_order();
    for side in &sides {
        let row = al.side_row(side);
        al.keep(row, Needs::BothSides);
    }
    // Entities are ordered over the claims the side rows left.
    for e in &al.entity_order() {
        let row = al.entity_row(e);
        al.keep(row, Needs::BothSides);
    }
    for side in &sides {
        let row = al.side_row(side);
        al.keep(row, Needs::OneSide);
    }
    let Aligner { mut rows, left, right, .. } = al;
    if !left.is_empty() || !right.is_empty() {
        rows.push(AlignRow { key: "Other claims".into(), side: None, entity: None, left, right });
    }
    DocAlignment { rows }
}

/// The claims of a document in reading order.
fn reading_order(corpus: &Corpus, mut v: Vec<usize>) -> Vec<usize> {
    sort_by_key(&mut v, |&i| (corpus.claims[i].start, i));
    v
}

/// Configuration order, then the ids the configuration does not know, alphabetically.
fn config_then_others(mut known: Vec<String>, found: impl Iterator<Item = String>) -> Vec<String> {
    let mut extra: Vec<String> = found.filter(|s| !known.contains(s)).collect();
    sort(&mut extra);
    extra.dedup();
    known.extend(extra);
    known
}

/// When a row is kept: with claims on both sides, or on either.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    BothSides,
    OneSide,
}

/// The claims not aligned yet, and the rows made so far.
struct Aligner<'a> {
    corpus: &'a Corpus,
    left: Vec<usize>,
    right: Vec<usize>,
    rows: Vec<AlignRow>,
}

impl Aligner<'_> {
    fn remaining(&self) -> impl Iterator<Item = &crate::model::Claim> {
        self.left.iter().chain(&self.right).map(|&i| &self.corpus.claims[i])
    }

    fn side_order(&self) -> Vec<String> {
        let known = self.corpus.config.sides.iter().map(|s| s.id.clone()).collect();
        config_then_others(known, self.remaining().filter_map(|c| c.side.clone()))
    }

    fn entity_order(&self) -> Vec<String> {
        let known = self.corpus.config.entities.iter().map(|e| e.id.clone()).collect();
        config_then_others(known, self.remaining().flat_map(|c| c.entities.iter().cloned()))
    }

    /// The remaining claims of each document that pass `has`.
    fn split(&self, has: impl Fn(usize) -> bool) -> (Vec<usize>, Vec<usize>) {
        (self.left.iter().copied().filter(|&i| has(i)).collect(), self.right.iter().copied().filter(|&i| has(i)).collect())
    }

    fn side_row(&self, side: &str) -> AlignRow {
        let (left, right) = self.split(|i| self.corpus.claims[i].side.as_deref() == Some(side));
        AlignRow { key: self.corpus.config.side_label(side).to_string(), side: Some(side.to_string()), entity: None, left, right }
    }

    fn entity_row(&self, e: &str) -> AlignRow {
        let (left, right) = self.split(|i| self.corpus.claims[i].entities.iter().any(|x| x == e));
        AlignRow { key: self.corpus.config.entity_label(e).to_string(), side: None, entity: Some(e.to_string()), left, right }
    }

    /// Keep `row` if it has the claims it needs; its claims are then aligned.
    fn keep(&mut self, row: AlignRow, needs: Needs) {
        let ok = match needs {
            Needs::BothSides => !row.left.is_empty() && !row.right.is_empty(),
            Needs::OneSide => !row.left.is_empty() || !row.right.is_empty(),
        };
        if ok {
            self.left.retain(|i| !row.left.contains(i));
            self.right.retain(|i| !row.right.contains(i));
            self.rows.push(row);
        }
    }
}
