//! Lines of a page and what their shape says: normalised text, blocks, sentence ends, names, headlines.

pub(super) struct Line {
    pub(super) text: String,
    /// Index of the blank-line-separated block the line belongs to.
    pub(super) block: usize,
}

/// Clean one raw line: odd spaces to plain spaces, invisible characters dropped, runs of spaces collapsed.
pub(super) fn normalise_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        let c = match c {
            '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut block = 0;
    let mut blank = false;
    for raw in text.split('\n') {
        let t = normalise_line(raw);
        if t.is_empty() {
            if !out.is_empty() && !blank {
                block += 1;
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push(Line { text: t, block });
    }
    out
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

pub(super) const DECOR: &[char] =
    &[' ', '-', '–', '—', '_', '*', '•', '|', '·', '=', '~', '#', '[', ']', '(', ')', '>', '<', '«', '»', '›', '‹', '/', '+'];

pub(super) fn strip_decor(s: &str) -> &str {
    s.trim_matches(DECOR)
}

/// Last meaningful character, skipping closing quotes and brackets.
pub(super) fn last_char(s: &str) -> Option<char> {
    s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']).chars().next_back()
}

pub(super) fn ends_sentence(s: &str) -> bool {
    matches!(last_char(s), Some('.' | '!' | '?' | '…' | '。'))
}

/// Article text rather than a label: a sentence of five words or more, or a long run of words.
pub(super) fn is_prose(s: &str, words: usize) -> bool {
    (words >= 5 && ends_sentence(s)) || words >= 30 || (words >= 8 && last_char(s) == Some(':'))
}

/// `s` starts with `prefix` (ASCII case-insensitive) followed by a non-letter or the end.
pub(super) fn starts_word_ci(s: &str, prefix: &str) -> bool {
    let (sb, pb) = (s.as_bytes(), prefix.as_bytes());
    if let (Some(a), Some(b)) = (sb.first(), pb.first()) {
        if !a.eq_ignore_ascii_case(b) {
            return false;
        }
    }
    sb.len() >= pb.len()
        && sb[..pb.len()].eq_ignore_ascii_case(pb)
        && (!prefix.ends_with(|c: char| c.is_alphanumeric()) || s[pb.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Lowercase words that may sit inside a personal name.
pub(super) const NAME_PARTICLES: &[&str] =
    &["al", "el", "bin", "bint", "ibn", "de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "ul", "ur", "ud", "e"];

/// Words that make a capitalised line a section label, not a person.
pub(super) const NOT_NAME_WORDS: &[&str] = &[
    "news",
    "press",
    "world",
    "home",
    "latest",
    "video",
    "videos",
    "sport",
    "sports",
    "politics",
    "business",
    "opinion",
    "security",
    "menu",
    "search",
    "more",
    "related",
    "top",
    "stories",
    "live",
    "staff",
    "desk",
    "team",
    "agencies",
    "agency",
    "reporter",
    "correspondent",
    "editor",
    "editorial",
    "online",
    "web",
    "report",
    "today",
    "the",
    "of",
    "and",
    "for",
    "in",
    "on",
    "by",
];

/// Two to six capitalised words (name particles allowed), no digits: "Arif Ahmadi", "Abu Bakr al-Baghdadi".
pub(super) fn name_like(s: &str) -> bool {
    if s.len() > 80 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut caps = 0;
    for w in s.split_whitespace() {
        let lw = w.to_lowercase();
        if NAME_PARTICLES.contains(&lw.as_str()) || w == "&" || lw == "and" {
            continue;
        }
        // "al-Baghdadi", "ul-Haq": a particle joined to a capitalised name.
        let w = match w.split_once('-') {
            Some((p, rest)) if NAME_PARTICLES.contains(&p.to_lowercase().as_str()) && !rest.is_empty() => rest,
            _ => w,
        };
        let Some(first) = w.chars().next() else { continue };
        if !first.is_uppercase() || !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')) {
            return false;
        }
        caps += 1;
    }
    caps >= 1
}

/// A line that is only a person's name (an author widget).
pub(super) fn name_line(s: &str, words: usize) -> bool {
    (2..=4).contains(&words)
        && name_like(s)
        && !s.contains(" and ")
        && !s.split_whitespace().any(|w| NOT_NAME_WORDS.contains(&w.to_lowercase().trim_matches(DECOR)))
}

/// A headline: 2–30 words, not ending like a sentence or a clause (callers ask for 3+ words unless the line stands alone at the top).
pub(super) fn title_like(t: &str, words: usize) -> bool {
    (2..=30).contains(&words)
        && t.len() <= 300
        && !matches!(last_char(t), Some('.' | '…' | ',' | ';' | ':'))
        && !t.chars().next().is_some_and(char::is_lowercase)
}

/// A first line that reads like a sentence but is a headline: a short question/exclamation or a short Title-Cased line.
pub(super) fn headline_sentence(t: &str, words: usize) -> bool {
    if words > 20 || !t.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    match last_char(t) {
        Some('?' | '!') => true,
        Some('.') if words <= 15 => {
            let long: Vec<&str> = t.split_whitespace().skip(1).filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
            long.len() >= 3 && long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() * 10 >= long.len() * 8
        }
        _ => false,
    }
}
