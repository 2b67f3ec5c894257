//! Datelines at the head of the first paragraph: "KABUL (Reuters) -", "WASHINGTON —", "Kabul, Afghanistan:".
use super::lines::{word_count, NAME_PARTICLES};
use super::outlets::Outlets;
use crate::dates::{self, FoundDate};

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Dateline {
    pub(super) place: String,
    pub(super) credit: Option<String>,
    pub(super) date: Option<FoundDate>,
    pub(super) prefix: String,
    /// Byte length of the dateline and its separator at the start of the paragraph.
    pub(super) len: usize,
}

pub(super) const NOT_PLACES: &[&str] = &[
    "breaking",
    "update",
    "updated",
    "exclusive",
    "watch",
    "analysis",
    "opinion",
    "editorial",
    "note",
    "editor's note",
    "file",
    "photo",
    "video",
    "live",
    "advertisement",
    "meanwhile",
    "however",
    "but",
    "and",
    "the",
    "in",
    "on",
    "at",
    "this",
    "that",
    "according",
    "earlier",
    "later",
    "also",
    "today",
    "yesterday",
    "now",
    "so",
    "then",
    "still",
    "yet",
    "here",
    "there",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "a",
    "an",
    "interview",
    "comment",
    "commentary",
    "explainer",
    "review",
    "summary",
    "highlights",
    "key points",
    "background",
    "context",
    "correction",
    "disclaimer",
    "warning",
    "quote",
    "read",
    "listen",
    "source",
    "sources",
    "q",
    "a",
];

pub(super) fn place_words(s: &str, max_words: usize) -> Option<bool> {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > max_words || s.len() > 40 {
        return None;
    }
    if !s.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’')) {
        return None;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    if caps {
        return Some(true);
    }
    let title =
        words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(&w.to_lowercase().as_str()));
    title.then_some(false)
}

pub(super) fn parse_dateline(p: &str, outlets: &Outlets) -> Option<Dateline> {
    let mut limit = p.len().min(120);
    while !p.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &p[..limit];
    let seps = [" - ", " – ", " — ", " -- ", "—", "–", ": "];
    let (sep_at, sep) = seps.iter().filter_map(|s| head.find(s).map(|i| (i, *s))).min_by_key(|&(i, s)| (i, usize::MAX - s.len()))?;
    let after = &p[sep_at + sep.len()..];
    let len = p.len() - after.trim_start().len();
    if after.trim().is_empty() {
        return None;
    }
    let mut prefix = p[..sep_at].trim();
    let mut credit = None;
    if let Some(stripped) = prefix.strip_suffix(')') {
        let open = stripped.rfind('(')?;
        let c = stripped[open + 1..].trim();
        credit = Some(outlets.credit(c)?);
        prefix = stripped[..open].trim();
    }
    // A full date after the place ("ISLAMABAD, March 3, 2024 —") is taken out before checking the other parts.
    let (place_part, tail) = prefix.split_once(',').map_or((prefix, ""), |(p, t)| (p, t));
    let date = dates::find_date(tail);
    let tail_rest = match date {
        Some(d) => format!("{},{}", &tail[..d.start], &tail[d.end..]),
        None => tail.to_string(),
    };
    let mut parts: Vec<&str> = vec![place_part.trim()];
    parts.extend(tail_rest.split(',').map(str::trim).filter(|s| !s.is_empty()));
    if parts.len() > 3 || parts[0].is_empty() || (tail.trim().is_empty() && prefix.contains(',')) {
        return None;
    }
    let place = parts[0];
    let caps = place_words(place, 4)?;
    if NOT_PLACES.contains(&place.to_lowercase().as_str()) {
        return None;
    }
    let has_region = parts.len() > 1 || date.is_some();
    for part in &parts[1..] {
        if part.split_whitespace().next().and_then(dates::month_number).is_some() && word_count(part) <= 3 {
            // "Nov 10": a date without a year, not used.
        } else if place_words(part, 3).is_none() {
            return None;
        }
    }
    if !caps && !has_region && credit.is_none() {
        return None; // "Meanwhile –": a Title-Case place needs ", Country" or "(Outlet)".
    }
    Some(Dateline { place: place.to_string(), credit, date, prefix: p[..sep_at].trim().to_string(), len })
}
