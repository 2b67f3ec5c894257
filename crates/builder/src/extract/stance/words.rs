//! The words of a claim's folded text with their clause and sentence numbers and the weight a cue there carries
//! (contrast, concession, condition and purpose change it).
use crate::extract::lex::char_at;

/// A word of the folded text (offsets into the folded text).
#[derive(Debug, Clone)]
pub struct W<'a> {
    pub s: usize,
    pub e: usize,
    pub lc: &'a str,
    pub clause: u32,
    pub sent: u32,
    /// Weight of a cue at this word (contrast 2, concession 0.5, irrealis 0).
    pub weight: f32,
}

/// Marker words that change the weight of cues after them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Contrast,
    Concessive,
    Background,
    Irrealis,
}

fn marker(w: &str) -> Marker {
    match w {
        "but" | "however" | "yet" | "nevertheless" | "nonetheless" | "still" => Marker::Contrast,
        "although" | "though" | "despite" | "even" | "whereas" => Marker::Concessive,
        // A time adjunct: what it says is the background of the claim ("hours after an attack killed five").
        "after" | "following" | "amid" => Marker::Background,
        "if" | "unless" | "whether" | "lest" => Marker::Irrealis,
        _ => Marker::None,
    }
}

/// Words of folded text with clause/sentence numbers and cue weights (contrast, concession, irrealis).
pub fn words(text: &str) -> Vec<W<'_>> {
    let b = text.as_bytes();
    let mut out: Vec<W> = Vec::with_capacity(b.len() / 5 + 1);
    let (mut clause, mut sent) = (0u32, 0u32);
    let mut boundary = true;
    let mut contrast = false;
    let mut concessive = false;
    let mut irrealis = false;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let cl = c.len_utf8();
        if c.is_ascii_alphanumeric() || !c.is_ascii() && c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            let mut e = i + cl;
            loop {
                while e < b.len() && b[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let Some(n) = char_at(text, e) else { break };
                let next_alnum = |k: usize| char_at(text, k).is_some_and(char::is_alphanumeric);
                if !n.is_ascii() && n.is_alphanumeric() {
                    e += n.len_utf8();
                } else if matches!(n, '\'' | '-') && next_alnum(e + 1) {
                    e += 1;
                } else if matches!(n, ',' | '.') && digit && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
                    // "4,000" and "2.5" are one word
                    e += 1;
                } else {
                    break;
                }
            }
            let lc = &text[i..e];
            let starts = boundary;
            match marker(lc) {
                Marker::Concessive if starts => concessive = true,
                Marker::Background => concessive = true,
                Marker::Contrast if starts || lc == "but" => {
                    contrast = true;
                    concessive = false;
                    irrealis = false;
                }
                Marker::Irrealis => irrealis = true,
                _ => {}
            }
            if lc == "so" && text[e..].trim_start().starts_with("that") || lc == "order" && out.last().is_some_and(|p| p.lc == "in") {
                irrealis = true;
            }
            let weight = if irrealis {
                0.0
            } else if concessive {
                0.5
            } else if contrast {
                2.0
            } else {
                1.0
            };
            out.push(W { s: i, e, lc, clause, sent, weight });
            boundary = false;
            i = e;
            continue;
        }
        match c {
            '.' | '!' | '?' | ';' => {
                // decimal points and abbreviations do not end sentences
                let next_space = char_at(text, i + 1).is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '\''));
                // A question asserts nothing ("Why would we need a foreign base?").
                if c == '?' {
                    out.iter_mut().rev().take_while(|w| w.sent == sent).for_each(|w| w.weight = 0.0);
                }
                if next_space {
                    clause += 1;
                    if c != ';' {
                        sent += 1;
                        contrast = false;
                    }
                    concessive = false;
                    irrealis = false;
                    boundary = true;
                }
            }
            // Quotation marks are no clause boundary: a quoted word stays in its clause ("not for its “exclusive” use").
            ',' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}' => {
                clause += 1;
                concessive = false;
                irrealis = false;
                boundary = true;
            }
            // a dash between spaces (folded "–" / "—")
            '-' if i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => {
                clause += 1;
                concessive = false;
                irrealis = false;
                boundary = true;
            }
            _ => {}
        }
        i += cl;
    }
    out
}
