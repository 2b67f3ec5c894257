//! Words the compared claims share: stop words, light stemming, and the shared-term spans the comparison marks.
use std::collections::HashMap;

use crate::text::{fold, words};

/// English function words never marked as shared (sorted: looked up by binary search).
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much",
    "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
    "ours", "ourselves", "out", "over", "own", "said", "same", "say", "says", "shall", "she", "should", "since", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
    "this", "those", "though", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we",
    "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
];

/// Whether a folded word is a stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// Light stemming of a folded word: drop a possessive, then stem as search does ([`crate::search::stem`]:
/// "activities" → "activity", "branches" → "branch", "denied" → "deny"; "isis", "class" stay).
pub fn stem(folded: &str) -> String {
    let mut w = folded;
    for suffix in ["'s", "'"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if !s.is_empty() {
                w = s;
                break;
            }
        }
    }
    crate::search::stem(w).into_owned()
}

/// Content words of a text: `(start, end, stem)`.
fn content_words(text: &str) -> Vec<(usize, usize, String)> {
    words(text)
        .filter_map(|(at, w)| {
            let f = fold(w);
            if f.chars().count() < 2 || is_stop_word(&f) || !f.chars().any(char::is_alphanumeric) {
                return None;
            }
            Some((at, at + w.len(), stem(&f)))
        })
        .collect()
}

/// The content-word stems of a text, in order (stop words left out).
pub fn content_stems(text: &str) -> Vec<String> {
    content_words(text).into_iter().map(|w| w.2).collect()
}

/// For each text, the byte spans of its content words (stop words excluded; compared folded and lightly
/// stemmed) that also occur in at least one other text. Consecutive shared words separated only by
/// spaces merge into one span when the same two-word sequence also occurs in another text (a shared phrase).
pub fn shared_terms(texts: &[&str]) -> Vec<Vec<(usize, usize)>> {
    let per: Vec<Vec<(usize, usize, String)>> = texts.iter().map(|t| content_words(t)).collect();
    // stem -> bitmask-ish set of texts where it occurs (texts are few; use a small Vec of indices).
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut bigrams: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (ti, ws) in per.iter().enumerate() {
        for (k, (_, _, s)) in ws.iter().enumerate() {
            let v = seen.entry(s.as_str()).or_default();
            if v.last() != Some(&ti) {
                v.push(ti);
            }
            if k + 1 < ws.len() {
                let v = bigrams.entry((s.as_str(), ws[k + 1].2.as_str())).or_default();
                if v.last() != Some(&ti) {
                    v.push(ti);
                }
            }
        }
    }
    per.iter()
        .enumerate()
        .map(|(ti, ws)| {
            let mut out: Vec<(usize, usize)> = Vec::new();
            let mut prev: Option<usize> = None; // index in ws of the last kept word
            for (k, (s, e, st)) in ws.iter().enumerate() {
                if !seen[st.as_str()].iter().any(|&o| o != ti) {
                    prev = None;
                    continue;
                }
                let joins = prev == Some(k.wrapping_sub(1))
                    && k > 0
                    && texts[ti][ws[k - 1].1..*s].chars().all(char::is_whitespace)
                    && bigrams[&(ws[k - 1].2.as_str(), st.as_str())].iter().any(|&o| o != ti);
                if joins {
                    out.last_mut().expect("previous span").1 = *e;
                } else {
                    out.push((*s, *e));
                }
                prev = Some(k);
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "STOP_WORDS must stay sorted");
        assert!(is_stop_word("the") && !is_stop_word("daesh"));
    }

    #[test]
    fn stemming_strips_plurals_and_possessives() {
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("branches"), "branch");
        assert_eq!(stem("groups"), "group");
        assert_eq!(stem("daesh's"), "daesh");
        assert_eq!(stem("isis"), "isis");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("denied"), stem("deny"), "the same stems as search");
    }
}
