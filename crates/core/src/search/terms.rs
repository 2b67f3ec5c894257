//! Query text and indexed text alike: folded tokens, and the query's words and "quoted phrases".
use std::borrow::Cow;

use super::Term;
use crate::text::{fold, fold_with_map};

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

/// The query's terms: plain words (each matched as a token prefix or another form of it) and "quoted phrases"
/// (exact, consecutive words), in order, without operators or fields. Everything folded (case and accents).
/// An unterminated quote counts as plain words.
pub fn search_terms(q: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for a in super::query::parse_query(q, &[]).atoms() {
        match &a.term {
            Term::Phrase(p) => out.push(Term::Phrase(p.clone())),
            Term::Word(_) => out.extend(a.words.iter().map(|w| Term::Word(w.clone()))),
        }
    }
    out
}
