//! Query text and indexed text alike: folded tokens, and the query's words and "quoted phrases".
use std::borrow::Cow;

use super::Term;
use crate::text::{fold, fold_with_map};

/// A parsed piece of the query with its byte range in the query string.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub term: Term,
    /// For a word: the word; for a phrase: the text between the quotes.
    pub range: (usize, usize),
}

pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}')
}

/// Calls `f(start, token)` for every token of folded text `s`: maximal runs of alphanumeric characters
/// (so apostrophes and hyphens split: "l'etat" → "l", "etat"; "isis-k" → "isis", "k").
pub fn for_each_token<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut start = usize::MAX;
    while i < b.len() {
        let c = b[i];
        let (alnum, len) = if c < 0x80 {
            (c.is_ascii_alphanumeric(), 1)
        } else {
            let ch = s[i..].chars().next().expect("char boundary");
            (ch.is_alphanumeric(), ch.len_utf8())
        };
        if alnum {
            if start == usize::MAX {
                start = i;
            }
        } else if start != usize::MAX {
            f(start, &s[start..i]);
            start = usize::MAX;
        }
        i += len;
    }
    if start != usize::MAX {
        f(start, &s[start..]);
    }
}

/// Tokens of folded text with their byte offsets (see [`for_each_token`]).
pub fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_token(s, |at, t| out.push((at, t)));
    out
}

/// `fold(s)`, without allocating work per character for plain ASCII text (the common case).
pub fn fold_fast(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
            Cow::Owned(s.bytes().map(|b| if b == b'`' { '\'' } else { b.to_ascii_lowercase() as char }).collect())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(fold(s))
    }
}

/// Folded tokens of `s`, with byte ranges in `s`.
pub fn folded_words(s: &str) -> Vec<(usize, usize, String)> {
    let (f, map) = fold_with_map(s);
    tokens(&f)
        .into_iter()
        .map(|(at, w)| {
            let end = at + w.len();
            (map[at], if end < map.len() - 1 { map[end] } else { s.len() }, w.to_string())
        })
        .collect()
}

pub(crate) fn parse(q: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    fn words_of(seg_start: usize, seg: &str, out: &mut Vec<Piece>) {
        for (s, e, w) in folded_words(seg) {
            out.push(Piece { term: Term::Word(w), range: (seg_start + s, seg_start + e) });
        }
    }
    let mut at = 0;
    let mut open: Option<usize> = None; // byte after an opening quote
    for (i, c) in q.char_indices() {
        if !is_quote(c) {
            continue;
        }
        match open {
            None => {
                words_of(at, &q[at..i], &mut out);
                open = Some(i + c.len_utf8());
            }
            Some(s) => {
                let inner = &q[s..i];
                let ws: Vec<String> = folded_words(inner).into_iter().map(|w| w.2).collect();
                if !ws.is_empty() {
                    let (t0, t1) = (inner.len() - inner.trim_start().len(), inner.trim_end().len());
                    out.push(Piece { term: Term::Phrase(ws.join(" ")), range: (s + t0, s + t1) });
                }
                open = None;
                at = i + c.len_utf8();
            }
        }
    }
    // An unterminated quote (still being typed): its words count as plain words.
    let rest = open.unwrap_or(at);
    words_of(rest, &q[rest..], &mut out);
    out
}

/// The query's terms: plain words (each matched as a token prefix) and "quoted phrases" (exact, consecutive
/// words). Everything folded (case and accents). An unterminated quote counts as plain words.
pub fn search_terms(q: &str) -> Vec<Term> {
    parse(q).into_iter().map(|p| p.term).collect()
}
