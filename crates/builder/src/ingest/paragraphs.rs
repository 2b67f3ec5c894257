//! Lines of a block joined into paragraphs: hard-wrapped text, sentences broken over lines.
use super::lines::{ends_sentence, last_char};

/// A block whose lines were wrapped at a fixed width (e-mail, plain-text exports).
pub(super) fn hard_wrapped(g: &[&str]) -> bool {
    if g.len() < 3 {
        return false;
    }
    let lens: Vec<usize> = g.iter().map(|l| l.chars().count()).collect();
    let body = &lens[..lens.len() - 1];
    let (min, max) = (body.iter().copied().min().unwrap_or(0), body.iter().copied().max().unwrap_or(0));
    let open = g[..g.len() - 1].iter().filter(|l| !ends_sentence(l)).count();
    max <= 100 && min >= 40 && min * 10 >= max * 6 && lens[lens.len() - 1] <= max + 5 && open * 2 >= body.len()
}

pub(super) fn append_line(cur: &mut String, next: &str) {
    let hyphen = cur.ends_with('-')
        && cur[..cur.len() - 1].chars().next_back().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if !hyphen {
        cur.push(' ');
    }
    cur.push_str(next);
}

/// Lines of one block → paragraphs: a wrapped block is one paragraph, otherwise each line is one,
/// except that a line continuing a sentence (starting lowercase after an open line) joins the previous one.
pub(super) fn join_block(g: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    if hard_wrapped(g) {
        let mut cur = String::new();
        for l in g {
            if cur.is_empty() {
                cur.push_str(l);
            } else {
                append_line(&mut cur, l);
            }
        }
        out.push(cur);
        return out;
    }
    let mut cur = String::new();
    for l in g {
        if cur.is_empty() {
            cur.push_str(l);
        } else if !ends_sentence(&cur) && last_char(&cur) != Some(':') && l.chars().next().is_some_and(char::is_lowercase) {
            append_line(&mut cur, l);
        } else {
            out.push(std::mem::take(&mut cur));
            cur.push_str(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
