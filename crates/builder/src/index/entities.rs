//! The entity pass: the claims that mention each configured entity, by its id on the claim or any alias in the text.
use counterclaim_core::corpus::Corpus;
use counterclaim_core::search::{tokens, Index};
use counterclaim_core::text::{fold, is_case_sensitive_acronym, sort, WordMatcher};

use super::tokens::Tokens;

/// Claims of each entity of the configuration (in its order), ascending.
pub(super) fn entity_claims(corpus: &Corpus, t: &Tokens) -> Vec<Vec<u32>> {
    let entities = &corpus.config.entities;
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); entities.len()];
    for (i, c) in corpus.claims.iter().enumerate() {
        for e in &c.entities {
            if let Some(pos) = entities.iter().position(|d| d.id == *e) {
                out[pos].push(i as u32);
            }
        }
    }
    let mut exact: Vec<(&str, usize)> = Vec::new();
    for (e, def) in entities.iter().enumerate() {
        for a in def.names() {
            if is_case_sensitive_acronym(a) {
                exact.push((a, e));
            } else {
                out[e].extend(claims_with_phrase(t, &fold(a)));
            }
        }
    }
    if !exact.is_empty() {
        // Short all-capital aliases ("IS", "ISK") match with their exact case only, as in the highlighter.
        let m = WordMatcher::new(exact);
        for (i, c) in corpus.claims.iter().enumerate() {
            for hit in m.find_all(&c.text) {
                out[hit.value].push(i as u32);
            }
        }
    }
    for list in &mut out {
        sort(list);
        list.dedup();
    }
    out
}

/// Claims whose text holds the folded phrase as consecutive tokens (candidates: the rarest token's postings).
fn claims_with_phrase(t: &Tokens, folded: &str) -> Vec<u32> {
    let ids: Option<Vec<u32>> = tokens(folded).into_iter().map(|(_, w)| t.token_id(w)).collect();
    let Some(ids) = ids.filter(|v| !v.is_empty()) else { return Vec::new() };
    let rarest = ids.iter().copied().min_by_key(|&w| t.postings[w as usize].len()).expect("non-empty");
    t.postings[rarest as usize].iter().copied().filter(|&i| Index::phrase_in(t.text_seq(i as usize), &ids)).collect()
}
