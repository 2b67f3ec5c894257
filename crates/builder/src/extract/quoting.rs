//! A claim's text as a journalist can quote it: each piece with its own punctuation and quote marks, an ellipsis
//! where the source's words are left out.
use counterclaim_core::model::Span;

/// Opening quote marks and the mark that closes each.
const PAIRS: &[(char, char)] = &[('\u{201c}', '\u{201d}'), ('"', '"'), ('\u{ab}', '\u{bb}'), ('\u{2018}', '\u{2019}')];
/// Punctuation that may stand between the end of a piece and its closing mark ("… significant,” said").
const INSIDE: &[char] = &[',', '.', ';', ':', '?', '!', '\u{2026}'];
/// What the text shows where words of the source are left out.
pub const ELLIPSIS: &str = " \u{2026} ";

/// The piece `a..b` of `body` widened to the quote marks around it: an opening mark right before it, and then
/// the punctuation and the closing mark right after it.
pub fn with_marks(body: &str, (a, b): (usize, usize)) -> (usize, usize) {
    let Some((open, close)) = body[..a].chars().next_back().and_then(|c| PAIRS.iter().copied().find(|p| p.0 == c)) else {
        return (a, b);
    };
    let a = a - open.len_utf8();
    let rest = &body[b..];
    let punct = rest.len() - rest.trim_start_matches(INSIDE).len();
    let mut after = rest[punct..].chars();
    // "’" right before a letter is an apostrophe ("the ministry’s"), not a closing mark.
    match (after.next(), after.next()) {
        (Some(c), next) if c == close && !next.is_some_and(char::is_alphabetic) => (a, b + punct + c.len_utf8()),
        _ => (a, b),
    }
}

/// The text of pieces of `body` (byte ranges in order) and their spans: runs of whitespace as one space, pieces
/// joined by a space where nothing lies between them and by an ellipsis where something does.
pub fn compose(body: &str, pieces: &[(usize, usize)]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans: Vec<Span> = Vec::with_capacity(pieces.len());
    for &(a, b) in pieces {
        let (a, b) = with_marks(body, (a, b));
        let a = spans.last().map_or(a, |p| a.max(p.end));
        if a >= b {
            continue;
        }
        if let Some(p) = spans.last() {
            let gap = &body[p.end..a];
            let omitted = !gap.trim().is_empty() && !text.ends_with('\u{2026}');
            text.push_str(if omitted { ELLIPSIS } else { " " });
        }
        collapse_ws_into(&body[a..b], &mut text);
        spans.push(Span { start: a, end: b });
    }
    (text, spans)
}

/// The words of the pieces alone, joined by spaces (no marks, no ellipsis): what a claim's id is made from, so
/// that ids, and the links that hold them, stay as they were before texts carried their marks.
pub fn plain(body: &str, pieces: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for &(a, b) in pieces {
        if !out.is_empty() {
            out.push(' ');
        }
        collapse_ws_into(&body[a..b], &mut out);
    }
    out
}

/// How much of `text` (in characters) lies inside quote marks; `None` when it has none.
pub fn quoted_share(text: &str) -> Option<f32> {
    let (mut inside, mut total, mut close, mut marks) = (0usize, 0usize, None::<char>, false);
    for c in text.chars() {
        match close {
            Some(m) if c == m => close = None,
            None if PAIRS.iter().any(|p| p.0 == c) && c != '\u{2018}' => {
                close = PAIRS.iter().find(|p| p.0 == c).map(|p| p.1);
                marks = true;
            }
            Some(_) if !c.is_whitespace() => inside += 1,
            _ => {}
        }
        total += usize::from(!c.is_whitespace());
    }
    marks.then(|| inside as f32 / total.max(1) as f32)
}

/// Append `s` with runs of whitespace as one space, trimmed.
fn collapse_ws_into(s: &str, out: &mut String) {
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: &str, pieces: &[&str]) -> String {
        let ranges: Vec<(usize, usize)> = pieces
            .iter()
            .map(|p| {
                let a = body.find(p).unwrap();
                (a, a + p.len())
            })
            .collect();
        compose(body, &ranges).0
    }

    #[test]
    fn split_quotation_keeps_marks_punctuation_and_an_ellipsis() {
        let body = "“They achieved nothing significant,” said the spokesman. “We are serious about security.”";
        let t = text(body, &["They achieved nothing significant", "We are serious about security."]);
        assert_eq!(t, "“They achieved nothing significant,” … “We are serious about security.”");
        assert_eq!(quoted_share(&t).map(|s| s > 0.9), Some(true));
    }

    #[test]
    fn adjacent_pieces_join_with_a_space_and_spans_are_the_marked_ranges() {
        let body = "He said the pass was quiet.\n\nThe militia had left.";
        let ranges = [(8, 27), (29, body.len())];
        let (t, spans) = compose(body, &ranges);
        assert_eq!(t, "the pass was quiet. The militia had left.");
        assert_eq!(spans, vec![Span { start: 8, end: 27 }, Span { start: 29, end: body.len() }]);
    }

    #[test]
    fn reported_speech_with_a_quoted_word_is_mostly_not_quoted() {
        let t = "the group has been “defeated” in one of the key provinces of the country";
        assert!(quoted_share(t).unwrap() < 0.5);
        assert_eq!(quoted_share("no marks here"), None);
    }

    #[test]
    fn an_apostrophe_after_a_piece_is_no_closing_mark() {
        let body = "‘the ministry’s claim";
        assert_eq!(with_marks(body, (3, 15)), (0, 15));
        let body = "“Iran’s forces”";
        // The piece stops before the apostrophe; the closing mark is ” not ’.
        assert_eq!(with_marks(body, (3, 7)), (0, 7));
    }
}
