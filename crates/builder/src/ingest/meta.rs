//! Metadata lines: bylines, header keys ("date …", "title: …"), and the analysis of every line that the cleaning pass reads.
use super::furniture::{bio_like, furniture_kind, related_marker, Furniture};
use super::lines::{is_prose, name_like, name_line, starts_word_ci, word_count, DECOR, NOT_NAME_WORDS};
use super::outlets::Outlets;
use crate::dates::{self, DateLine, FoundDate};

#[derive(Debug, Clone, Default)]
pub(super) struct Byline {
    pub(super) author: Option<String>,
    pub(super) credit: Option<String>,
    pub(super) date: Option<FoundDate>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Info {
    pub(super) words: usize,
    pub(super) prose: bool,
    pub(super) furniture: Option<Furniture>,
    pub(super) related_heading: bool,
    pub(super) inline_related: Option<String>,
    pub(super) date: Option<DateLine>,
    pub(super) byline: Option<Byline>,
    /// The line is just the name of a known outlet.
    pub(super) site: Option<String>,
    pub(super) bio: bool,
    pub(super) name_like: bool,
}

impl Info {
    /// Could be article text (or a title): not furniture nor metadata.
    pub(super) fn content(&self) -> bool {
        self.furniture.is_none()
            && self.date.is_none()
            && self.byline.is_none()
            && self.site.is_none()
            && !self.related_heading
            && self.inline_related.is_none()
            && !self.bio
    }
}

pub(super) const BYLINE_PREFIXES: &[&str] = &[
    "by",
    "by:",
    "written by",
    "reported by",
    "story by",
    "words by",
    "author:",
    "authors:",
    "writer:",
    "reporter:",
    "posted by",
    "published by",
];

/// "By Jane Doe | Khaama Press | November 10, 2019", "Author: Jane Doe".
pub(super) fn parse_byline(t: &str, words: usize, outlets: &Outlets) -> Option<Byline> {
    if !(2..=16).contains(&words) {
        return None;
    }
    let core = t.trim_start_matches(DECOR);
    let prefix = BYLINE_PREFIXES.iter().find(|p| starts_word_ci(core, p))?;
    let rest = core[prefix.len()..].trim_start_matches([' ', ':']).trim();
    let mut marked = rest.to_string();
    for sep in [" - ", " – ", " — ", " on ", " at ", " On ", " At "] {
        marked = marked.replace(sep, "|");
    }
    let segs: Vec<&str> = marked.split(['|', '•', '·', ',', ';', '(', ')', '/']).map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let first = *segs.first()?;
    let mut b = Byline { date: dates::find_date(rest), ..Byline::default() };
    if let Some(o) = outlets.exact(first) {
        b.credit = Some(o);
    } else if name_like(first)
        && word_count(first) <= 6
        && !first.split_whitespace().any(|w| NOT_NAME_WORDS.contains(&w.to_lowercase().as_str()) && w != "and")
    {
        b.author = Some(first.to_string());
    } else if !first.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "and") {
        return None; // "By the way…", "by 2025…"
    }
    if b.credit.is_none() {
        b.credit = segs.iter().skip(1).find_map(|s| outlets.exact(s));
    }
    if *prefix == "published by" && b.credit.is_none() {
        return None;
    }
    (b.author.is_some() || b.credit.is_some()).then_some(b)
}

pub(super) fn analyse(t: &str, outlets: &Outlets) -> Info {
    let words = word_count(t);
    let furniture = furniture_kind(t, words);
    let (related_heading, inline_related) = if furniture.is_none() { related_marker(t, words) } else { (false, None) };
    let plain = furniture.is_none() && !related_heading && inline_related.is_none();
    let date = if plain { dates::date_line(t) } else { None };
    let byline = if plain && date.is_none() { parse_byline(t, words, outlets) } else { None };
    let site = if plain && words <= 6 { outlets.exact(t) } else { None };
    let bio = plain && bio_like(t, words);
    let name_like = plain && site.is_none() && date.is_none() && byline.is_none() && name_line(t, words);
    Info { words, prose: is_prose(t, words), furniture, related_heading, inline_related, date, byline, site, bio, name_like }
}

pub(super) enum HeaderKey {
    Date { found: FoundDate, source: String, rest: String },
    Title(String),
    Outlet(String),
    Url,
}

pub(super) fn header_key(t: &str) -> Option<HeaderKey> {
    let key_end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let key = t[..key_end].to_ascii_lowercase();
    let after = &t[key_end..];
    let colon_value = || after.trim_start().strip_prefix(':').map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    match key.as_str() {
        "date" | "dated" => {
            let v = after.trim_start().trim_start_matches([':', '=']);
            let offset = t.len() - v.len();
            let found = dates::leading_date(v)?;
            let end = offset + found.end;
            let source = t[..end].trim().to_string();
            let rest = t[end..].trim_start_matches([' ', ',', '|', ')', ']']).trim().to_string();
            Some(HeaderKey::Date { found: FoundDate { start: offset + found.start, end, ..found }, source, rest })
        }
        "title" | "headline" => colon_value().map(HeaderKey::Title),
        "source" | "outlet" | "publisher" | "site" | "publication" => colon_value().map(HeaderKey::Outlet),
        "url" | "link" | "canonical" => colon_value().map(|_| HeaderKey::Url),
        _ => None,
    }
}
