//! Which parts of a text a query highlights: words it starts, phrases it quotes, mentions of entities it names.
use super::clause::matches_as_prefix;
use super::query::Field;
use super::stem::stem;
use super::terms::folded_words;
use super::{Index, Term};
use crate::text::sort;

impl Index {
    /// Byte ranges of `text` to highlight for query `q`: words starting with a query word or of the same stem,
    /// quoted phrases, and mentions (by any alias) of the entities the query names; excluded (`-`) terms and
    /// fields other than the text are not marked. Sorted, merged where they overlap.
    pub fn hit_spans(&self, text: &str, q: &str) -> Vec<(usize, usize)> {
        let query = self.parse(q);
        if query.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let toks = folded_words(text);
        let stems: Vec<String> = toks.iter().map(|t| stem(&t.2).into_owned()).collect();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut ents: Vec<usize> = Vec::new();
        for a in query.atoms().filter(|a| !a.negated && a.field == Field::Any) {
            match &a.term {
                Term::Word(_) => {
                    for (j, w) in a.words.iter().enumerate() {
                        let (ws, prefix) = (stem(w), matches_as_prefix(a, j));
                        let form = |k: usize| if prefix { toks[k].2.starts_with(w.as_str()) } else { toks[k].2 == *w };
                        let hit = |k: usize| form(k) || stems[k] == ws;
                        spans.extend((0..toks.len()).filter(|&k| hit(k)).map(|k| (toks[k].0, toks[k].1)));
                    }
                }
                Term::Phrase(_) => {
                    let ph = &a.words;
                    if !ph.is_empty() && toks.len() >= ph.len() {
                        for k in 0..=toks.len() - ph.len() {
                            if toks[k..k + ph.len()].iter().zip(ph).all(|(t, w)| t.2 == *w) {
                                spans.push((toks[k].0, toks[k + ph.len() - 1].1));
                            }
                        }
                    }
                }
            }
            ents.extend(&a.entities);
        }
        if !ents.is_empty() {
            spans.extend(self.highlighter.entity_matches(text).into_iter().filter(|m| ents.contains(&m.2)).map(|m| (m.0, m.1)));
        }
        merge_spans(spans)
    }
}

/// Sort and merge overlapping spans.
pub(super) fn merge_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
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
