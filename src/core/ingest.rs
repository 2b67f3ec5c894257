//! Raw scraped article text → clean documents: metadata (title, outlet, date, dateline, author), body paragraphs with exact offsets, page furniture and related teasers kept aside.
// Everything here is general line-level rules: nothing matches the wording of a particular page.
// The only corpus-specific input is the list of known outlets in the configuration.
use std::collections::{HashMap, HashSet};

use super::config::CorpusConfig;
use super::dates::{self, DateLine, FoundDate};
use super::model::{stable_hash, CorpusNote, Document, NoteLevel, Paragraph};
use super::text::{fold, PhraseMatcher};

/// Files larger than this many bytes are truncated to it (at a line break) with a warning.
pub const MAX_FILE_BYTES: usize = 5_000_000;

/// Files with more lines than this are truncated after that many lines, with a warning (an article has
/// hundreds; this bounds the work on files of millions of one-character lines).
pub const MAX_LINES: usize = 50_000;

fn note(file: &str, level: NoteLevel, message: impl Into<String>) -> CorpusNote {
    CorpusNote { file: file.to_string(), level, message: message.into() }
}

/// Ingest every file; files that cannot be read become notes, the rest still load.
///
/// Notes: empty or binary files are errors (skipped); non-UTF-8 text, oversized files, missing titles
/// and exact duplicates (the later file is skipped) are warnings.
pub fn ingest_all(files: &[(&str, &[u8])], config: &CorpusConfig) -> (Vec<Document>, Vec<CorpusNote>) {
    let outlets = Outlets::new(config);
    let mut docs: Vec<Document> = Vec::new();
    let mut notes = Vec::new();
    // Hash of the decoded text → (file name, text) of the files already loaded.
    let mut seen: HashMap<u64, Vec<(String, String)>> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for &(name, bytes) in files {
        let text = match decode_text(bytes) {
            Ok((text, warnings)) => {
                notes.extend(warnings.into_iter().map(|w| note(name, NoteLevel::Warning, w)));
                text
            }
            Err(e) => {
                notes.push(note(name, NoteLevel::Error, e));
                continue;
            }
        };
        let h = stable_hash(&[&text]);
        if let Some((first, _)) = seen.get(&h).and_then(|v| v.iter().find(|(_, t)| *t == text)) {
            notes.push(note(
                name,
                NoteLevel::Warning,
                format!("identical to {first}: {name} is a duplicate of {first} and was skipped"),
            ));
            continue;
        }
        let id = doc_id(name);
        if let Some(other) = ids.get(&id) {
            notes.push(note(
                name,
                NoteLevel::Warning,
                format!("same document id \"{id}\" as {other} (same file name in another folder): skipped"),
            ));
            continue;
        }
        let (doc, doc_notes) = clean(name, &text, &outlets);
        notes.extend(doc_notes);
        ids.insert(id, name.to_string());
        seen.entry(h).or_default().push((name.to_string(), text));
        docs.push(doc);
    }
    (docs, notes)
}

/// Document id from a file name: the file stem.
pub fn doc_id(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".txt").unwrap_or(base).to_string()
}

/// Ingest one file on its own (no duplicate check): the document and its warnings, or the error that skipped it.
pub fn ingest_file(name: &str, bytes: &[u8], config: &CorpusConfig) -> Result<(Document, Vec<CorpusNote>), CorpusNote> {
    let (text, warnings) = decode_text(bytes).map_err(|e| note(name, NoteLevel::Error, e))?;
    let (doc, mut notes) = clean(name, &text, &Outlets::new(config));
    let mut all: Vec<CorpusNote> = warnings.into_iter().map(|w| note(name, NoteLevel::Warning, w)).collect();
    all.append(&mut notes);
    Ok((doc, all))
}

/// Ingest already-decoded text (line endings are normalised here too).
pub fn ingest_text(name: &str, text: &str, config: &CorpusConfig) -> (Document, Vec<CorpusNote>) {
    let text = normalise_newlines(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    clean(name, &text, &Outlets::new(config))
}

// ------------------------------------------------------------------------------------------------
// Decoding

/// Bytes → text with `\n` line endings and no BOM, plus warnings; or the reason the file cannot be used.
///
/// UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognisable without) are decoded; other
/// non-UTF-8 text is decoded lossily (mostly-UTF-8 with a few bad bytes) or as Windows-1252; files with
/// NUL bytes or many control characters are binary. Files over [`MAX_FILE_BYTES`] are truncated.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let mut warnings = Vec::new();
    if bytes.is_empty() {
        return Err("empty file (0 bytes): skipped".into());
    }
    let original_len = bytes.len();
    let mut text = if let Some(t) = decode_utf16(bytes) {
        warnings.push("UTF-16 text: converted to UTF-8".to_string());
        t
    } else {
        let mut b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if b.len() > MAX_FILE_BYTES {
            b = &b[..truncation_point(b, MAX_FILE_BYTES)];
        }
        let nuls = b.iter().filter(|&&c| c == 0).count();
        if nuls * 100 > b.len() {
            return Err(format!("binary file ({nuls} NUL bytes in {} bytes): skipped", b.len()));
        }
        match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let (valid_multibyte, invalid) = utf8_stats(b);
                if valid_multibyte > 0 && valid_multibyte >= invalid {
                    warnings.push(format!(
                        "not valid UTF-8: {invalid} invalid byte sequence(s) replaced with \u{FFFD}"
                    ));
                    String::from_utf8_lossy(b).into_owned()
                } else {
                    warnings.push("not UTF-8: decoded as Windows-1252 (Latin-1)".to_string());
                    b.iter().map(|&c| cp1252(c)).collect()
                }
            }
        }
    };
    if text.len() > MAX_FILE_BYTES {
        let cut = truncation_point(text.as_bytes(), MAX_FILE_BYTES);
        text.truncate(cut);
    }
    if original_len > MAX_FILE_BYTES {
        warnings.push(format!(
            "file is {original_len} bytes, over the {MAX_FILE_BYTES}-byte limit: truncated to the first {} bytes",
            text.len()
        ));
    }
    let total = text.chars().count().max(1);
    let is_junk = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C');
    let controls = text.chars().filter(|&c| is_junk(c)).count();
    if controls * 20 > total && controls >= 4 {
        return Err(format!("binary data ({controls} control characters in {total}): skipped"));
    }
    if controls > 0 {
        // A few stray control characters (NUL, escape, bell…) in otherwise readable text: dropped.
        text.retain(|c| !is_junk(c));
        warnings.push(format!("{controls} control character(s) such as NUL or escape removed"));
    }
    let mut text = normalise_newlines(&text);
    // Blank lines cost nothing later; only lines with text count toward the limit.
    let mut counted = 0;
    let mut cut = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            counted += 1;
            if counted == MAX_LINES + 1 && cut.is_none() {
                cut = Some(at);
            }
        }
        at += line.len();
    }
    if let Some(cut) = cut {
        text.truncate(cut);
        warnings.push(format!(
            "file has {counted} non-blank lines, over the {MAX_LINES}-line limit: truncated to the first {MAX_LINES}"
        ));
    }
    if text.trim().is_empty() {
        return Err("no text (only whitespace): skipped".into());
    }
    Ok((text, warnings))
}

/// Byte index ≤ `max` at which to cut: after the last line break in the final 64 KiB, else at a UTF-8 boundary.
fn truncation_point(b: &[u8], max: usize) -> usize {
    if b.len() <= max {
        return b.len();
    }
    let floor = max.saturating_sub(64 * 1024);
    if let Some(nl) = b[floor..max].iter().rposition(|&c| c == b'\n') {
        return floor + nl + 1;
    }
    let mut cut = max;
    while cut > 0 && (b[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// (valid multi-byte UTF-8 characters, invalid sequences) in `b`.
fn utf8_stats(mut b: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0, 0);
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                return (good, bad);
            }
            Err(e) => {
                let (ok, rest) = b.split_at(e.valid_up_to());
                good += std::str::from_utf8(ok).map(|s| s.chars().filter(|c| !c.is_ascii()).count()).unwrap_or(0);
                bad += 1;
                match e.error_len() {
                    Some(n) => b = &rest[n..],
                    None => return (good, bad),
                }
            }
        }
    }
}

/// UTF-16 text: with a BOM, or without one when every other byte is NUL around ASCII text.
fn decode_utf16(b: &[u8]) -> Option<String> {
    let (le, body) = if let Some(rest) = b.strip_prefix(b"\xFF\xFE") {
        (true, rest)
    } else if let Some(rest) = b.strip_prefix(b"\xFE\xFF") {
        (false, rest)
    } else {
        if b.len() < 8 || b.len() % 2 != 0 {
            return None;
        }
        let pairs = b.len() / 2;
        let zero_odd = b.iter().skip(1).step_by(2).filter(|&&c| c == 0).count();
        let zero_even = b.iter().step_by(2).filter(|&&c| c == 0).count();
        if zero_odd * 10 >= pairs * 9 && zero_even == 0 {
            (true, b)
        } else if zero_even * 10 >= pairs * 9 && zero_odd == 0 {
            (false, b)
        } else {
            return None;
        }
    };
    let body = &body[..body.len().min(MAX_FILE_BYTES * 2) & !1];
    let units = body.chunks_exact(2).map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    Some(char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect())
}

/// Windows-1252 byte → char (undefined bytes become U+FFFD).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
        '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// CRLF and lone CR → LF.
fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

// ------------------------------------------------------------------------------------------------
// Outlets from the configuration

struct Outlets {
    names: Vec<String>,
    exact: HashMap<String, usize>,
    matcher: PhraseMatcher,
}

impl Outlets {
    fn new(config: &CorpusConfig) -> Self {
        let mut names = Vec::new();
        let mut exact = HashMap::new();
        let mut phrases = Vec::new();
        for (i, o) in config.outlets.iter().enumerate() {
            names.push(o.name.clone());
            for a in std::iter::once(&o.name).chain(o.aliases.iter()) {
                let f = fold(a.trim());
                if !f.is_empty() {
                    exact.entry(f).or_insert(i);
                    phrases.push((a.as_str(), i));
                }
            }
        }
        Outlets { names, exact, matcher: PhraseMatcher::new(phrases) }
    }

    /// The canonical outlet when `s` is exactly one of its names (ignoring case and decoration).
    fn exact(&self, s: &str) -> Option<String> {
        let s = strip_decor(s);
        if s.is_empty() || s.len() > 80 {
            return None;
        }
        self.exact.get(&fold(s)).map(|&i| self.names[i].clone())
    }

    /// The first known outlet named anywhere in `s`.
    fn mentioned(&self, s: &str) -> Option<String> {
        self.matcher.find_all(s).first().map(|m| self.names[m.value].clone())
    }

    /// An outlet the text gives as a credit: canonical when known, else as written if it looks like a name.
    fn credit(&self, s: &str) -> Option<String> {
        let s = strip_decor(s);
        if let Some(o) = self.exact(s) {
            return Some(o);
        }
        let w = s.split_whitespace().count();
        let stop = ["file", "photo", "photos", "video", "update", "updated", "live", "watch", "ap photo", "reuters photo"];
        (name_like(s) && (1..=5).contains(&w) && !stop.contains(&s.to_lowercase().as_str())).then(|| s.to_string())
    }
}

// ------------------------------------------------------------------------------------------------
// Line analysis

struct Line {
    text: String,
    /// Index of the blank-line-separated block the line belongs to.
    block: usize,
}

/// Clean one raw line: odd spaces to plain spaces, invisible characters dropped, runs of spaces collapsed.
fn normalise_line(raw: &str) -> String {
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

fn split_lines(text: &str) -> Vec<Line> {
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

/// Kinds of page furniture recognised line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Ad,
    CommentForm,
    Cookie,
    Caption,
    Copyright,
    Credit,
    Tags,
    AboutAuthor,
    Social,
    Navigation,
}

impl Furniture {
    /// Furniture that only appears after the article: nothing after it is article text.
    fn ends_article(self) -> bool {
        matches!(self, Furniture::CommentForm | Furniture::Copyright | Furniture::Tags | Furniture::AboutAuthor)
    }
}

#[derive(Debug, Clone, Default)]
struct Byline {
    author: Option<String>,
    credit: Option<String>,
    date: Option<FoundDate>,
}

#[derive(Debug, Clone, Default)]
struct Info {
    words: usize,
    prose: bool,
    furniture: Option<Furniture>,
    related_heading: bool,
    inline_related: Option<String>,
    date: Option<DateLine>,
    byline: Option<Byline>,
    /// The line is just the name of a known outlet.
    site: Option<String>,
    bio: bool,
    name_like: bool,
}

impl Info {
    /// Could be article text (or a title): not furniture nor metadata.
    fn content(&self) -> bool {
        self.furniture.is_none()
            && self.date.is_none()
            && self.byline.is_none()
            && self.site.is_none()
            && !self.related_heading
            && self.inline_related.is_none()
            && !self.bio
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

const DECOR: &[char] = &[
    ' ', '-', '–', '—', '_', '*', '•', '|', '·', '=', '~', '#', '[', ']', '(', ')', '>', '<', '«', '»', '›', '‹', '/', '+',
];

fn strip_decor(s: &str) -> &str {
    s.trim_matches(DECOR)
}

/// Last meaningful character, skipping closing quotes and brackets.
fn last_char(s: &str) -> Option<char> {
    s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']).chars().next_back()
}

fn ends_sentence(s: &str) -> bool {
    matches!(last_char(s), Some('.' | '!' | '?' | '…' | '。'))
}

/// Article text rather than a label: a sentence of five words or more, or a long run of words.
fn is_prose(s: &str, words: usize) -> bool {
    (words >= 5 && ends_sentence(s)) || words >= 30 || (words >= 8 && last_char(s) == Some(':'))
}

/// `s` starts with `prefix` (ASCII case-insensitive) followed by a non-letter or the end.
fn starts_word_ci(s: &str, prefix: &str) -> bool {
    let (sb, pb) = (s.as_bytes(), prefix.as_bytes());
    if let (Some(a), Some(b)) = (sb.first(), pb.first()) {
        if !a.eq_ignore_ascii_case(b) {
            return false;
        }
    }
    sb.len() >= pb.len()
        && sb[..pb.len()].eq_ignore_ascii_case(pb)
        && (!prefix.ends_with(|c: char| c.is_alphanumeric())
            || s[pb.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Lowercase words that may sit inside a personal name.
const NAME_PARTICLES: &[&str] =
    &["al", "el", "bin", "bint", "ibn", "de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "ul", "ur", "ud", "e"];

/// Words that make a capitalised line a section label, not a person.
const NOT_NAME_WORDS: &[&str] = &[
    "news", "press", "world", "home", "latest", "video", "videos", "sport", "sports", "politics", "business",
    "opinion", "security", "menu", "search", "more", "related", "top", "stories", "live", "staff", "desk", "team",
    "agencies", "agency", "reporter", "correspondent", "editor", "editorial", "online", "web", "report", "today",
    "the", "of", "and", "for", "in", "on", "by",
];

/// Two to six capitalised words (name particles allowed), no digits: "Arif Ahmadi", "Abu Bakr al-Baghdadi".
fn name_like(s: &str) -> bool {
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
fn name_line(s: &str, words: usize) -> bool {
    (2..=4).contains(&words)
        && name_like(s)
        && !s.contains(" and ")
        && !s.split_whitespace().any(|w| NOT_NAME_WORDS.contains(&w.to_lowercase().trim_matches(DECOR)))
}

const AD_LINES: &[&str] = &[
    "advertisement", "advertisment", "advertising", "ad", "ads", "sponsored", "sponsored content", "sponsored post",
    "promoted", "promoted content", "paid content", "paid post", "partner content", "scroll to continue with content",
    "continue reading below", "article continues below", "story continues below", "continue reading",
];

const FORM_PHRASES: &[&str] = &[
    "leave a reply", "leave a comment", "cancel reply", "post comment", "submit comment", "post a comment",
    "add a comment", "write a comment", "email address will not be published", "required fields are marked",
    "save my name, email", "save my name and email", "notify me of follow-up", "notify me of new",
    "please enter your", "captcha", "you have entered an incorrect", "comments are closed", "log in to comment",
    "login to comment", "sign in to comment", "log in to leave a comment", "join the discussion",
    "be the first to comment", "akismet", "comment policy", "view comments", "show comments", "load comments",
    "no comments yet", "your comment", "comment moderation", "comments powered by",
];

const FORM_FIELDS: &[&str] = &["name", "email", "e-mail", "website", "comment", "message", "your name", "your email"];

const COOKIE_WORDS: &[&str] =
    &["we use", "accept", "consent", "policy", "this site", "this website", "browsing", "experience", "settings"];

const CAPTION_PREFIXES: &[&str] = &[
    "file:", "file photo", "photo:", "photo by", "photo credit", "photos:", "image:", "image credit", "image source",
    "picture:", "pictured:", "caption:", "representational image", "representative image", "illustration:",
    "video:", "watch:", "graphic:",
];

const CAPTION_MARKS: &[&str] = &[
    "(ap photo", "(photo:", "(photo by", "(photo credit", "(photo/", "(photo)", "(image:", "(image credit",
    "(credit:", "(file photo", "(file)", "getty images", "/afp", "afp/", "afp photo", "(reuters/", "reuters/",
    "/reuters", "| photo", "(epa", "/epa", "shutterstock", "photo credit:", "image credit:",
];

const CREDIT_PREFIXES: &[&str] = &[
    "reporting by", "(reporting by", "editing by", "additional reporting", "writing by", "compiled by",
    "translated by", "source:", "sources:", "via:", "courtesy:", "courtesy of", "with inputs from", "(with inputs",
];

const TAG_PREFIXES: &[&str] =
    &["tags:", "tags", "tagged:", "tagged with", "topics:", "filed under", "categories:", "category:", "keywords:", "posted in"];

const ABOUT_AUTHOR: &[&str] = &[
    "about the author", "about author", "author bio", "author profile", "more from this author",
    "more by this author", "more articles by", "view all posts by", "see all articles by", "all posts by",
];

const SOCIAL_PREFIXES: &[&str] = &[
    "subscribe", "sign up", "sign in", "log in", "login", "register", "follow us", "follow on", "join our",
    "join us on", "download our app", "download the app", "get the app", "support our", "support us", "donate",
    "newsletter", "get the latest", "stay updated", "stay informed", "like us on", "share this", "share on",
    "share via", "share article", "click to share", "click here to", "skip to", "back to top", "jump to",
    "toggle navigation", "open menu", "close menu", "listen to this article", "print this", "email this",
    "send us", "contact us", "all rights", "terms of use", "privacy policy",
];

/// Words of share bars and navigation menus; a short line made only of these (with at least one strong one) is furniture.
const NAV_WORDS: &[&str] = &[
    "share", "shares", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram", "email", "e-mail", "mail", "print",
    "pinterest", "linkedin", "reddit", "tumblr", "vk", "messenger", "viber", "copy", "link", "url", "home", "menu",
    "search", "subscribe", "login", "log", "in", "sign", "up", "register", "newsletter", "next", "previous", "prev",
    "article", "story", "post", "back", "to", "top", "skip", "content", "main", "close", "open", "toggle",
    "navigation", "follow", "us", "on", "comments", "comment", "reply", "more", "tags", "contact", "about", "privacy",
    "policy", "terms", "of", "use", "cookie", "cookies", "accept", "decline", "settings", "ok", "got", "it", "and",
    "the", "rss", "feed", "youtube", "instagram", "tiktok", "whatsapp", "sharing", "print", "copied",
];
const NAV_STRONG: &[&str] = &[
    "share", "shares", "tweet", "facebook", "twitter", "whatsapp", "telegram", "email", "e-mail", "print",
    "pinterest", "linkedin", "reddit", "tumblr", "messenger", "viber", "subscribe", "login", "newsletter", "home",
    "menu", "search", "comments", "privacy", "cookies", "rss", "youtube", "instagram", "tiktok", "navigation",
    "previous", "prev", "next", "toggle", "register", "sharing",
];

const P_ADVERT: u8 = 0;
const P_FORM: u8 = 1;
const P_COOKIE: u8 = 2;
const P_COOKIE_CONTEXT: u8 = 3;
const P_CAPTION: u8 = 4;
const P_RIGHTS: u8 = 5;
const P_READ_TIME: u8 = 6;

/// One automaton for every "line contains …" phrase list; `phrase_hits` returns a bit per list that matched.
fn phrase_automaton() -> &'static Option<(aho_corasick::AhoCorasick, Vec<u8>)> {
    static AC: std::sync::OnceLock<Option<(aho_corasick::AhoCorasick, Vec<u8>)>> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let lists: [(u8, &[&str]); 7] = [
            (P_ADVERT, &["advertisement"]),
            (P_FORM, FORM_PHRASES),
            (P_COOKIE, &["cookie"]),
            (P_COOKIE_CONTEXT, COOKIE_WORDS),
            (P_CAPTION, CAPTION_MARKS),
            (P_RIGHTS, &["all rights reserved"]),
            (P_READ_TIME, &["min read", "minute read", "mins read"]),
        ];
        let mut pats = Vec::new();
        let mut bits = Vec::new();
        for (bit, list) in lists {
            for p in list {
                pats.push(*p);
                bits.push(bit);
            }
        }
        aho_corasick::AhoCorasick::new(&pats).ok().map(|ac| (ac, bits))
    })
}

fn phrase_hits(lc: &str) -> u32 {
    let Some((ac, bits)) = phrase_automaton() else { return 0 };
    let mut hits = 0u32;
    for m in ac.find_overlapping_iter(lc) {
        if let Some(&b) = bits.get(m.pattern().as_usize()) {
            hits |= 1 << b;
        }
    }
    hits
}

/// Classify a line as page furniture, by general patterns.
fn furniture_kind(t: &str, words: usize) -> Option<Furniture> {
    if t.len() > 1200 {
        return None;
    }
    let lc = t.to_lowercase();
    let core = strip_decor(&lc);
    let hits = phrase_hits(&lc);
    let has = |p: u8| hits & (1 << p) != 0;
    // Advertisements and "continue reading" interstitials.
    if AD_LINES.contains(&core) || (words <= 8 && has(P_ADVERT)) {
        return Some(Furniture::Ad);
    }
    // Comment and captcha forms.
    if words <= 30 && has(P_FORM) {
        return Some(Furniture::CommentForm);
    }
    if words <= 3 && FORM_FIELDS.contains(&core.trim_end_matches(['*', ':', ' '])) && (t.contains('*') || t.contains(':')) {
        return Some(Furniture::CommentForm);
    }
    if words <= 80 && has(P_COOKIE) && has(P_COOKIE_CONTEXT) {
        return Some(Furniture::Cookie);
    }
    if has(P_CAPTION) || CAPTION_PREFIXES.iter().any(|p| starts_word_ci(core, p)) {
        return Some(Furniture::Caption);
    }
    if words <= 30
        && (core.starts_with('©') || starts_word_ci(core, "copyright") || core.starts_with("(c) ") || has(P_RIGHTS))
    {
        return Some(Furniture::Copyright);
    }
    if words <= 8 && ABOUT_AUTHOR.iter().any(|p| starts_word_ci(core, p)) {
        return Some(Furniture::AboutAuthor);
    }
    if words <= 30 && CREDIT_PREFIXES.iter().any(|p| starts_word_ci(lc.trim_start(), p)) {
        return Some(Furniture::Credit);
    }
    if words <= 40 && TAG_PREFIXES.iter().any(|p| starts_word_ci(core, p)) && (core.len() == 4 || core.contains(':') || !ends_sentence(core)) {
        return Some(Furniture::Tags);
    }
    if words <= 15 && SOCIAL_PREFIXES.iter().any(|p| starts_word_ci(core, p)) {
        return Some(Furniture::Social);
    }
    if words <= 10 {
        let toks: Vec<&str> = lc
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ',' | '»' | '«' | '›'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .filter(|w| !w.is_empty())
            .collect();
        if !toks.is_empty() && toks.iter().all(|w| NAV_WORDS.contains(w)) && toks.iter().any(|w| NAV_STRONG.contains(w)) {
            return Some(Furniture::Social);
        }
        if toks.iter().all(|w| w.chars().all(|c| c.is_ascii_digit() || c == 'k' || c == '.'))
            || (words <= 5 && has(P_READ_TIME))
            || (words == 2 && {
                let mut w = lc.split_whitespace();
                w.next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k')))
                    && w.next().is_some_and(|x| matches!(x, "views" | "shares" | "comments" | "reads" | "likes"))
            })
        {
            return Some(Furniture::Navigation);
        }
    }
    // Breadcrumbs: "Home > News > Asia".
    if words <= 12 && !ends_sentence(t) && (t.contains(" > ") || t.contains(" » ") || t.contains(" › ")) {
        return Some(Furniture::Navigation);
    }
    None
}

/// Headings that introduce lists of other articles.
const RELATED_HEADS: &[&str] = &[
    "related", "more in", "more from", "more on", "more news", "more articles", "more stories", "more posts",
    "more videos", "more like this", "more to read", "more headlines", "more for you", "more coverage",
    "read more", "read also", "also read", "see also", "you may also like", "you might also like", "you may like",
    "you might like", "you may be interested", "recommended", "latest news", "latest posts", "latest articles",
    "latest stories", "latest updates", "recent posts", "recent news", "recent articles", "most read",
    "most popular", "most viewed", "popular posts", "popular news", "popular stories", "trending", "top stories",
    "editor's picks", "editors' picks", "editor’s picks", "don't miss", "don’t miss", "further reading",
    "other news", "in other news", "keep reading", "similar articles", "similar posts", "similar stories",
    "what to read next", "up next", "next up", "around the web", "from the web", "other articles",
];

/// A related-articles heading ("More in Security", "Related Posts") or an inline teaser ("Read more: …").
fn related_marker(t: &str, words: usize) -> (bool, Option<String>) {
    if words > 30 || t.len() > 400 {
        return (false, None);
    }
    let core = t.trim_start_matches(DECOR);
    for h in RELATED_HEADS {
        if !starts_word_ci(core, h) {
            continue;
        }
        let rest = core[h.len()..].trim_start();
        let after_sep = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('-'))
            .or_else(|| rest.strip_prefix('–'))
            .or_else(|| rest.strip_prefix('—'))
            .or_else(|| rest.strip_prefix('»'))
            .or_else(|| rest.strip_prefix('|'))
            .or_else(|| rest.strip_prefix('>'));
        if let Some(item) = after_sep {
            let item = strip_decor(item.trim());
            if word_count(item) >= 2 {
                return (false, Some(item.to_string()));
            }
            return (words <= 8, None);
        }
        if words <= 8 && !ends_sentence(t) {
            return (true, None);
        }
    }
    (false, None)
}

const BIO_VERBS: &[&str] = &[
    "is", "was", "holds", "has", "works", "worked", "writes", "wrote", "covers", "covered", "reports", "joined",
    "serves", "served", "studied", "graduated", "received", "earned", "previously",
];
const BIO_ROLES: &[&str] = &[
    "journalist", "journalists", "journalism", "editor", "writer", "reporter", "correspondent", "columnist",
    "contributor", "freelance", "freelancer", "degree", "graduate", "blogger", "producer", "b.a.", "m.a.",
    "bachelor", "bachelor's", "master's", "phd",
];

/// An author biography: "<Name> holds a degree in journalism…", "She is a reporter…".
fn bio_like(t: &str, words: usize) -> bool {
    if !(5..=80).contains(&words) {
        return false;
    }
    let toks: Vec<String> = t
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'').to_lowercase())
        .collect();
    if !toks.iter().any(|w| BIO_ROLES.contains(&w.trim_end_matches(['.', ',']).trim_end_matches("'s")) || BIO_ROLES.contains(&w.as_str())) {
        return false;
    }
    let raw: Vec<&str> = t.split_whitespace().collect();
    if matches!(toks[0].as_str(), "he" | "she" | "they") {
        return toks.get(1).is_some_and(|v| BIO_VERBS.contains(&v.as_str()));
    }
    let mut k = 0;
    while k < raw.len().min(5) && raw[k].chars().next().is_some_and(char::is_uppercase) && name_like(raw[k]) {
        k += 1;
    }
    (1..=4).contains(&k) && toks.get(k).is_some_and(|v| BIO_VERBS.contains(&v.as_str()))
}

const BYLINE_PREFIXES: &[&str] = &[
    "by", "by:", "written by", "reported by", "story by", "words by", "author:", "authors:", "writer:", "reporter:",
    "posted by", "published by",
];

/// "By Jane Doe | Khaama Press | November 10, 2019", "Author: Jane Doe".
fn parse_byline(t: &str, words: usize, outlets: &Outlets) -> Option<Byline> {
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
    let segs: Vec<&str> = marked
        .split(['|', '•', '·', ',', ';', '(', ')', '/'])
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
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

fn analyse(t: &str, outlets: &Outlets) -> Info {
    let words = word_count(t);
    let furniture = furniture_kind(t, words);
    let (related_heading, inline_related) =
        if furniture.is_none() { related_marker(t, words) } else { (false, None) };
    let plain = furniture.is_none() && !related_heading && inline_related.is_none();
    let date = if plain { dates::date_line(t) } else { None };
    let byline = if plain && date.is_none() { parse_byline(t, words, outlets) } else { None };
    let site = if plain && words <= 6 { outlets.exact(t) } else { None };
    let bio = plain && bio_like(t, words);
    let name_like = plain && site.is_none() && date.is_none() && byline.is_none() && name_line(t, words);
    Info { words, prose: is_prose(t, words), furniture, related_heading, inline_related, date, byline, site, bio, name_like }
}

/// A headline: 2–30 words, not ending like a sentence or a clause (callers ask for 3+ words unless the line stands alone at the top).
fn title_like(t: &str, words: usize) -> bool {
    (2..=30).contains(&words)
        && t.len() <= 300
        && !matches!(last_char(t), Some('.' | '…' | ',' | ';' | ':'))
        && !t.chars().next().is_some_and(char::is_lowercase)
}

/// A first line that reads like a sentence but is a headline: a short question/exclamation or a short Title-Cased line.
fn headline_sentence(t: &str, words: usize) -> bool {
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

// ------------------------------------------------------------------------------------------------
// Header keys ("date 2024-01-01", "title: …")

enum HeaderKey {
    Date { found: FoundDate, source: String, rest: String },
    Title(String),
    Outlet(String),
    Url,
}

fn header_key(t: &str) -> Option<HeaderKey> {
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

// ------------------------------------------------------------------------------------------------
// Datelines ("KABUL (Reuters) -", "WASHINGTON —", "Kabul, Afghanistan:")

#[derive(Debug, Clone, PartialEq)]
struct Dateline {
    place: String,
    credit: Option<String>,
    date: Option<FoundDate>,
    prefix: String,
    /// Byte length of the dateline and its separator at the start of the paragraph.
    len: usize,
}

const NOT_PLACES: &[&str] = &[
    "breaking", "update", "updated", "exclusive", "watch", "analysis", "opinion", "editorial", "note", "editor's note",
    "file", "photo", "video", "live", "advertisement", "meanwhile", "however", "but", "and", "the", "in", "on", "at",
    "this", "that", "according", "earlier", "later", "also", "today", "yesterday", "now", "so", "then", "still",
    "yet", "here", "there", "it", "he", "she", "they", "we", "i", "a", "an", "interview", "comment", "commentary",
    "explainer", "review", "summary", "highlights", "key points", "background", "context", "correction",
    "disclaimer", "warning", "quote", "read", "listen", "source", "sources", "q", "a",
];

fn place_words(s: &str, max_words: usize) -> Option<bool> {
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
    let title = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(&w.to_lowercase().as_str()));
    title.then_some(false)
}

fn parse_dateline(p: &str, outlets: &Outlets) -> Option<Dateline> {
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

// ------------------------------------------------------------------------------------------------
// Paragraphs

/// A block whose lines were wrapped at a fixed width (e-mail, plain-text exports).
fn hard_wrapped(g: &[&str]) -> bool {
    if g.len() < 3 {
        return false;
    }
    let lens: Vec<usize> = g.iter().map(|l| l.chars().count()).collect();
    let body = &lens[..lens.len() - 1];
    let (min, max) = (body.iter().copied().min().unwrap_or(0), body.iter().copied().max().unwrap_or(0));
    let open = g[..g.len() - 1].iter().filter(|l| !ends_sentence(l)).count();
    max <= 100 && min >= 40 && min * 10 >= max * 6 && lens[lens.len() - 1] <= max + 5 && open * 2 >= body.len()
}

fn append_line(cur: &mut String, next: &str) {
    let hyphen = cur.ends_with('-') && cur[..cur.len() - 1].chars().next_back().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if !hyphen {
        cur.push(' ');
    }
    cur.push_str(next);
}

/// Lines of one block → paragraphs: a wrapped block is one paragraph, otherwise each line is one,
/// except that a line continuing a sentence (starting lowercase after an open line) joins the previous one.
fn join_block(g: &[&str]) -> Vec<String> {
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

// ------------------------------------------------------------------------------------------------
// The cleaning pass

#[derive(Debug, Clone, PartialEq)]
enum Role {
    Unset,
    Meta,
    Extra,
    Related(String),
    Body,
}

/// A metadata candidate: lower rank wins, then the earlier line.
struct Cand<T> {
    rank: u8,
    line: usize,
    value: T,
}

fn best<T: Clone>(c: &[Cand<T>]) -> Option<T> {
    c.iter().min_by_key(|c| (c.rank, c.line)).map(|c| c.value.clone())
}

// Ranks.
const DATE_HEADER: u8 = 0;
const DATE_LINE: u8 = 1;
const DATE_BYLINE: u8 = 2;
const DATE_UPDATED: u8 = 3;
const DATE_DATELINE: u8 = 4;
const OUTLET_HEADER: u8 = 0;
const OUTLET_DATELINE: u8 = 1;
const OUTLET_SITE_LINE: u8 = 2;
const OUTLET_BYLINE: u8 = 3;
const OUTLET_COPYRIGHT: u8 = 4;
const OUTLET_MENTION: u8 = 5;

fn clean(name: &str, text: &str, outlets: &Outlets) -> (Document, Vec<CorpusNote>) {
    let mut lines = split_lines(text);
    let n = lines.len();
    let mut role = vec![Role::Unset; n];
    let mut date_c: Vec<Cand<(String, String)>> = Vec::new();
    let mut outlet_c: Vec<Cand<String>> = Vec::new();
    let mut author_c: Vec<Cand<String>> = Vec::new();
    let mut extra_keys: Vec<String> = Vec::new();
    let mut title: Option<String> = None;

    // 1. Header keys at the top of the file ("date 2024-01-01 …", "title: …"), up to the first prose line.
    for i in 0..n {
        match header_key(&lines[i].text) {
            Some(HeaderKey::Date { found, source, rest }) => {
                date_c.push(Cand { rank: DATE_HEADER, line: i, value: (found.iso(), format!("header {source:?}")) });
                lines[i].text = rest;
            }
            Some(HeaderKey::Title(t)) => {
                title.get_or_insert(t);
                lines[i].text.clear();
            }
            Some(HeaderKey::Outlet(o)) => {
                if let Some(o) = outlets.credit(&o) {
                    outlet_c.push(Cand { rank: OUTLET_HEADER, line: i, value: o });
                }
                lines[i].text.clear();
            }
            Some(HeaderKey::Url) => {
                extra_keys.push(lines[i].text.clone());
                lines[i].text.clear();
            }
            None => {}
        }
        if lines[i].text.is_empty() {
            role[i] = Role::Meta;
            continue;
        }
        if is_prose(&lines[i].text, word_count(&lines[i].text)) {
            break;
        }
    }
    let infos: Vec<Info> = lines.iter().map(|l| analyse(&l.text, outlets)).collect();
    let unset = |role: &[Role], i: usize| role[i] == Role::Unset;

    // 2. Author widgets: a name line repeated, or followed by a biography that starts with the name.
    for i in 0..n {
        if !unset(&role, i) || !infos[i].name_like {
            continue;
        }
        let t = lines[i].text.as_str();
        let next = lines.get(i + 1).map(|l| l.text.as_str());
        let repeated = next == Some(t) || (i > 0 && lines[i - 1].text == t && role[i - 1] == Role::Meta);
        let bio_next = next.is_some_and(|x| x.len() > t.len() && x.starts_with(t) && x[t.len()..].starts_with(' ')) && infos[i + 1].bio;
        if repeated || bio_next {
            role[i] = Role::Meta;
            author_c.push(Cand { rank: 1, line: i, value: t.to_string() });
        }
    }
    let author_names: Vec<String> = author_c.iter().map(|c| c.value.clone()).collect();
    for i in 0..n {
        if unset(&role, i) && infos[i].bio && author_names.iter().any(|a| lines[i].text.starts_with(a.as_str())) {
            role[i] = Role::Extra;
        }
    }

    // 3. Related-article sections: after a heading, headline-like items (and a teaser sentence under each)
    //    are related until a furniture line or ordinary article text.
    let mut in_section = false;
    let mut after_item = false;
    for i in 0..n {
        if !unset(&role, i) {
            continue;
        }
        let info = &infos[i];
        if info.related_heading {
            role[i] = Role::Extra;
            in_section = true;
            after_item = false;
            continue;
        }
        if let Some(item) = &info.inline_related {
            role[i] = Role::Related(item.clone());
            continue;
        }
        if !in_section {
            continue;
        }
        if let Some(f) = info.furniture {
            role[i] = Role::Extra;
            after_item = false;
            if f.ends_article() || f == Furniture::Ad {
                in_section = false;
            }
            continue;
        }
        if info.date.is_some() || info.byline.is_some() {
            role[i] = Role::Extra;
            continue;
        }
        let t = lines[i].text.as_str();
        if title_like(t, info.words) || (info.words >= 2 && info.words <= 25 && !ends_sentence(t) && !info.prose) {
            role[i] = Role::Related(t.to_string());
            after_item = true;
            continue;
        }
        if info.prose && after_item && info.words <= 80 {
            role[i] = Role::Extra;
            after_item = false;
            continue;
        }
        in_section = false;
    }

    // 4. A first line that is a headline even though it reads like a sentence.
    let mut title_line = None;
    if title.is_none() {
        if let Some(i) = (0..n).find(|&i| unset(&role, i) && infos[i].content()) {
            let later_prose = (i + 1..n).any(|j| unset(&role, j) && infos[j].prose && infos[j].content());
            if headline_sentence(&lines[i].text, infos[i].words) && later_prose {
                title_line = Some(i);
            }
        }
    }

    // 5. The article: from the first prose line to the last one before furniture that only follows articles.
    let body_prose = |role: &[Role], i: usize| unset(role, i) && Some(i) != title_line && infos[i].prose && infos[i].content();
    let mut first = (0..n).find(|&i| body_prose(&role, i));
    let last = first.map(|f| {
        let stop = (f + 1..n).find(|&i| infos[i].furniture.is_some_and(Furniture::ends_article)).unwrap_or(n);
        let mut l = (f..stop).rev().find(|&i| body_prose(&role, i)).unwrap_or(f);
        // Short closing sentences ("He denied it.") and unpunctuated paragraphs right after the last prose line.
        while l + 1 < stop
            && unset(&role, l + 1)
            && infos[l + 1].content()
            && ((infos[l + 1].words >= 3 && ends_sentence(&lines[l + 1].text)) || infos[l + 1].words >= 8)
        {
            l += 1;
        }
        l
    });
    // The start of a sentence broken over lines belongs with its continuation.
    if let Some(f) = first.as_mut() {
        while *f > 0
            && lines[*f - 1].block == lines[*f].block
            && unset(&role, *f - 1)
            && Some(*f - 1) != title_line
            && infos[*f - 1].content()
            && !ends_sentence(&lines[*f - 1].text)
            && lines[*f].text.chars().next().is_some_and(char::is_lowercase)
        {
            *f -= 1;
        }
    }

    // 6. Title: the first headline-like line above the article (preferring four words or more).
    if title.is_none() {
        if title_line.is_none() {
            let header_end = first.unwrap_or(n);
            let cands: Vec<usize> = (0..header_end)
                .filter(|&i| unset(&role, i) && infos[i].content() && infos[i].words >= 3 && title_like(&lines[i].text, infos[i].words))
                .collect();
            title_line = cands.iter().copied().find(|&i| infos[i].words >= 4).or(cands.first().copied());
            // A two-word headline alone in its block as the first text of the file ("Mixed endings"): when there is
            // no longer candidate, or the file has no sentence at all (so later lines are not headlines either).
            if let Some(i) = (0..header_end).find(|&i| unset(&role, i) && infos[i].content()) {
                let alone = (i + 1 >= n || lines[i + 1].block != lines[i].block) && (i == 0 || lines[i - 1].block != lines[i].block);
                let no_better = title_line.is_none() || (first.is_none() && title_line.is_some_and(|t| t > i));
                if infos[i].words == 2 && alone && no_better && title_like(&lines[i].text, 2) {
                    title_line = Some(i);
                }
            }
        }
        if let Some(i) = title_line {
            role[i] = Role::Meta;
            title = Some(lines[i].text.clone());
        }
    }

    // 7. Metadata lines anywhere outside related sections: date lines, bylines, outlet-name lines.
    for i in 0..n {
        if !unset(&role, i) {
            continue;
        }
        let t = lines[i].text.as_str();
        if let Some(dl) = infos[i].date {
            role[i] = Role::Meta;
            let (rank, what) = if dl.updated { (DATE_UPDATED, "updated line") } else { (DATE_LINE, "date line") };
            date_c.push(Cand { rank, line: i, value: (dl.found.iso(), format!("{what} {t:?}")) });
        } else if let Some(b) = &infos[i].byline {
            role[i] = Role::Meta;
            if let Some(a) = &b.author {
                author_c.push(Cand { rank: 0, line: i, value: a.clone() });
            }
            if let Some(o) = &b.credit {
                outlet_c.push(Cand { rank: OUTLET_BYLINE, line: i, value: o.clone() });
            }
            if let Some(d) = b.date {
                date_c.push(Cand { rank: DATE_BYLINE, line: i, value: (d.iso(), format!("byline {t:?}")) });
            }
        } else if let Some(o) = &infos[i].site {
            role[i] = Role::Meta;
            outlet_c.push(Cand { rank: OUTLET_SITE_LINE, line: i, value: o.clone() });
        }
    }

    // 8. Zones: inside the article, text is body and furniture is kept aside; above and below it, everything is kept aside.
    let mut any_body = false;
    for i in 0..n {
        if !unset(&role, i) {
            continue;
        }
        let in_article = matches!((first, last), (Some(f), Some(l)) if i >= f && i <= l);
        role[i] = if in_article && infos[i].furniture.is_none() && !infos[i].related_heading {
            any_body = true;
            Role::Body
        } else {
            Role::Extra
        };
    }
    if !any_body && first.is_none() {
        // No sentence anywhere: keep whatever is not furniture as the body rather than lose it.
        for i in 0..n {
            if role[i] == Role::Extra && infos[i].content() {
                role[i] = Role::Body;
            }
        }
    }

    // 9. Outlets named in credits, copyright lines, author bios and short page-header/footer lines.
    for i in 0..n {
        if role[i] != Role::Extra {
            continue;
        }
        let t = lines[i].text.as_str();
        match infos[i].furniture {
            Some(Furniture::Copyright) => {
                if let Some(o) = copyright_outlet(t, outlets) {
                    outlet_c.push(Cand { rank: OUTLET_COPYRIGHT, line: i, value: o });
                }
            }
            Some(Furniture::Credit) => {
                let lc = t.to_ascii_lowercase();
                if ["source", "via", "courtesy"].iter().any(|p| lc.trim_start().starts_with(p)) {
                    let v = t.split_once(':').map(|x| x.1).unwrap_or("").trim();
                    if let Some(o) = outlets.exact(v).or_else(|| outlets.mentioned(t)) {
                        outlet_c.push(Cand { rank: OUTLET_BYLINE, line: i, value: o });
                    }
                } else if let Some(o) = outlets.mentioned(t) {
                    outlet_c.push(Cand { rank: OUTLET_MENTION, line: i, value: o });
                }
            }
            None | Some(Furniture::AboutAuthor) if infos[i].bio || infos[i].words <= 8 => {
                if let Some(o) = outlets.mentioned(t) {
                    outlet_c.push(Cand { rank: OUTLET_MENTION, line: i, value: o });
                }
            }
            _ => {}
        }
    }

    // 10. Paragraphs, then the dateline of the first one (or the second, after a short standfirst).
    let mut paras: Vec<String> = Vec::new();
    let mut i = 0;
    while i < n {
        if role[i] != Role::Body {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n && role[j + 1] == Role::Body && lines[j + 1].block == lines[i].block {
            j += 1;
        }
        let group: Vec<&str> = lines[i..=j].iter().map(|l| l.text.as_str()).collect();
        paras.extend(join_block(&group));
        i = j + 1;
    }
    let mut dateline = None;
    for k in 0..paras.len().min(2) {
        if let Some(d) = parse_dateline(&paras[k], outlets) {
            if let Some(c) = &d.credit {
                outlet_c.push(Cand { rank: OUTLET_DATELINE, line: 0, value: c.clone() });
            }
            if let Some(f) = d.date {
                date_c.push(Cand { rank: DATE_DATELINE, line: 0, value: (f.iso(), format!("dateline {:?}", d.prefix)) });
            }
            paras[k] = paras[k][d.len..].to_string();
            dateline = Some(d.place);
            break;
        }
        if word_count(&paras[k]) > 40 {
            break;
        }
    }

    // 11. Assemble.
    let mut body = String::new();
    let mut paragraphs = Vec::new();
    for p in paras.iter().filter(|p| !p.trim().is_empty()) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(p);
        paragraphs.push(Paragraph { start, end: body.len() });
    }
    let mut related = Vec::new();
    let mut seen_related = HashSet::new();
    let mut extras = extra_keys;
    let mut seen_extra: HashSet<String> = extras.iter().cloned().collect();
    for (i, r) in role.iter().enumerate() {
        match r {
            Role::Related(item) if seen_related.insert(fold(item)) => related.push(item.clone()),
            Role::Extra if seen_extra.insert(lines[i].text.clone()) => extras.push(lines[i].text.clone()),
            _ => {}
        }
    }
    let (date, date_source) = best(&date_c).map_or((None, None), |(d, s)| (Some(d), Some(s)));
    let mut notes = Vec::new();
    if title.is_none() {
        notes.push(note(name, NoteLevel::Warning, "no title line found: the title is left empty"));
    }
    if body.is_empty() {
        notes.push(note(name, NoteLevel::Warning, "no article text found: the body is empty"));
    }
    let doc = Document {
        id: doc_id(name),
        file: name.rsplit(['/', '\\']).next().unwrap_or(name).to_string(),
        title,
        outlet: best(&outlet_c),
        date,
        date_source,
        dateline,
        author: best(&author_c),
        body,
        paragraphs,
        related,
        extras,
    };
    (doc, notes)
}

/// "© 2024 Khaama Press. All rights reserved." → the outlet it names.
fn copyright_outlet(t: &str, outlets: &Outlets) -> Option<String> {
    if let Some(o) = outlets.mentioned(t) {
        return Some(o);
    }
    let mut s = t.trim();
    for p in ["©", "(c)", "(C)", "Copyright", "COPYRIGHT", "copyright", "©"] {
        s = s.trim_start_matches(p).trim_start();
    }
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ' ' | ',' | '©'));
    let end = s.find(['.', '|', ',', ';']).unwrap_or(s.len());
    let cand = s[..end].trim();
    let lc = cand.to_ascii_lowercase();
    let cand = match lc.find("all rights") {
        Some(k) => cand[..k].trim(),
        None => cand,
    };
    outlets.credit(cand)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::OutletDef;

    fn config() -> CorpusConfig {
        CorpusConfig {
            outlets: vec![
                OutletDef { name: "Ariana News".into(), aliases: vec!["Ariana News".into(), "ArianaNews".into()] },
                OutletDef { name: "TOLOnews".into(), aliases: vec!["TOLO News".into(), "TOLONews".into()] },
                OutletDef { name: "Pajhwok Afghan News".into(), aliases: vec!["Pajhwok".into()] },
            ],
            ..CorpusConfig::default()
        }
    }

    fn doc(text: &str) -> Document {
        ingest_text("t.txt", text, &config()).0
    }

    fn kind(t: &str) -> Option<Furniture> {
        furniture_kind(t, word_count(t))
    }

    #[test]
    fn ids_are_file_stems() {
        assert_eq!(doc_id("000_abc.txt"), "000_abc");
        assert_eq!(doc_id("seeds/dir/x.txt"), "x");
        assert_eq!(doc_id("C:\\a\\y.txt"), "y");
        assert_eq!(doc_id("noext"), "noext");
    }

    #[test]
    fn ad_lines() {
        for l in ["- Advertisement -", "ADVERTISEMENT", "Sponsored Content", "— Ad —", "Story continues below advertisement", "Continue reading"] {
            assert_eq!(kind(l), Some(Furniture::Ad), "{l}");
        }
        assert_eq!(kind("The advertisement campaign was criticised by officials across the country for months."), None);
    }

    #[test]
    fn comment_and_captcha_forms() {
        for l in [
            "Leave a Reply",
            "Leave a Comment Cancel reply",
            "Your email address will not be published. Required fields are marked *",
            "Save my name, email, and website in this browser for the next time I comment.",
            "Please enter your email address here",
            "reCAPTCHA verification failed",
            "Comment *",
            "Email:",
            "Comments are closed.",
        ] {
            assert_eq!(kind(l), Some(Furniture::CommentForm), "{l}");
        }
        assert_eq!(kind("Comment"), None);
    }

    #[test]
    fn cookie_captions_copyright_credits_tags() {
        assert_eq!(kind("We use cookies to improve your experience on our website."), Some(Furniture::Cookie));
        assert_eq!(kind("FILE PHOTO: Fighters stand guard at a checkpoint in Jalalabad, May 2, 2021."), Some(Furniture::Caption));
        assert_eq!(kind("Police at the scene of the blast. (Photo: Social media)"), Some(Furniture::Caption));
        assert_eq!(kind("A soldier in Kabul. (AP Photo/Someone Else)"), Some(Furniture::Caption));
        assert_eq!(kind("© 2024 Some Daily. All rights reserved."), Some(Furniture::Copyright));
        assert_eq!(kind("Copyright 2023"), Some(Furniture::Copyright));
        assert_eq!(kind("(Reporting by Jane Roe; Editing by John Doe)"), Some(Furniture::Credit));
        assert_eq!(kind("Source: Some Wire"), Some(Furniture::Credit));
        assert_eq!(kind("Tags: Afghanistan, Security, Kabul"), Some(Furniture::Tags));
        assert_eq!(kind("Filed under: World"), Some(Furniture::Tags));
        assert_eq!(kind("About the Author"), Some(Furniture::AboutAuthor));
    }

    #[test]
    fn share_navigation_and_subscription_lines() {
        for l in ["Share", "Share on Facebook", "Facebook Twitter WhatsApp Telegram Email", "Tweet | Share | Print", "Subscribe to our newsletter", "Follow us on Twitter", "Skip to content", "Home > News > Asia", "5 min read", "1,234 views", "Previous article", "Next article"] {
            assert!(kind(l).is_some(), "{l}");
        }
        for l in ["On to the next round of talks.", "Home to millions of people, the city has grown fast.", "Security", "Up in the mountains"] {
            assert_eq!(kind(l), None, "{l}");
        }
    }

    #[test]
    fn related_headings_and_inline_teasers() {
        assert_eq!(related_marker("More in Security", 3), (true, None));
        assert_eq!(related_marker("Related Posts", 2), (true, None));
        assert_eq!(related_marker("RELATED:", 1), (true, None));
        assert_eq!(related_marker("You may also like", 4), (true, None));
        assert_eq!(related_marker("Read more: Blast hits market in Kunduz", 7).1.as_deref(), Some("Blast hits market in Kunduz"));
        assert_eq!(related_marker("ALSO READ – Officials meet in Doha", 7).1.as_deref(), Some("Officials meet in Doha"));
        assert_eq!(related_marker("More than 30 people were killed.", 6), (false, None));
        assert_eq!(related_marker("Moreover, the group said so.", 5), (false, None));
        assert_eq!(related_marker("Relatedly, officials said nothing", 4), (false, None));
    }

    #[test]
    fn bylines() {
        let o = Outlets::new(&config());
        let b = parse_byline("By Jane Roe | TOLO News | 10 Nov 2019", 9, &o).unwrap();
        assert_eq!(b.author.as_deref(), Some("Jane Roe"));
        assert_eq!(b.credit.as_deref(), Some("TOLOnews"));
        assert_eq!(b.date.unwrap().iso(), "2019-11-10");
        let b = parse_byline("Author: Mohammad Yusuf al-Rahmani", 4, &o).unwrap();
        assert_eq!(b.author.as_deref(), Some("Mohammad Yusuf al-Rahmani"));
        let b = parse_byline("By Ariana News", 3, &o).unwrap();
        assert_eq!((b.author, b.credit.as_deref()), (None, Some("Ariana News")));
        assert!(parse_byline("By the end of the year, the group had lost ground.", 11, &o).is_none());
        assert!(parse_byline("By 2025 things changed", 4, &o).is_none());
    }

    #[test]
    fn bios_and_name_lines() {
        assert!(bio_like("Jane Roe holds a master's degree in journalism and writes about security.", 12));
        assert!(bio_like("She is a freelance reporter based in Herat.", 8));
        assert!(!bio_like("Military analyst Jane Roe said the group was weak.", 9));
        assert!(!bio_like("The reporter said the group was weak and divided.", 9));
        assert!(name_line("Jane Roe", 2));
        assert!(name_line("Abu Bakr al-Baghdadi", 3));
        assert!(!name_line("World News", 2));
        assert!(!name_line("Jane", 1));
        assert!(!name_line("Kabul 2024", 2));
    }

    #[test]
    fn datelines() {
        let o = Outlets::new(&config());
        let d = parse_dateline("KABUL (Reuters) - Officials said on Monday that…", &o).unwrap();
        assert_eq!((d.place.as_str(), d.credit.as_deref()), ("KABUL", Some("Reuters")));
        let d = parse_dateline("WASHINGTON — The Pentagon said.", &o).unwrap();
        assert_eq!(d.place, "WASHINGTON");
        assert_eq!(&"WASHINGTON — The Pentagon said."[d.len..], "The Pentagon said.");
        let d = parse_dateline("Herat, Afghanistan: Officials said.", &o).unwrap();
        assert_eq!(d.place, "Herat");
        let d = parse_dateline("Mazar-i-Sharif (Pajhwok): Officials said.", &o).unwrap();
        assert_eq!((d.place.as_str(), d.credit.as_deref()), ("Mazar-i-Sharif", Some("Pajhwok Afghan News")));
        let d = parse_dateline("KABUL, Nov 10 (Reuters) - Officials said.", &o).unwrap();
        assert_eq!((d.place.as_str(), d.date), ("KABUL", None));
        let d = parse_dateline("ISLAMABAD, March 3, 2024 — Officials said.", &o).unwrap();
        assert_eq!(d.date.unwrap().iso(), "2024-03-03");
        for p in [
            "Meanwhile – officials said.",
            "The ministry said – in a statement – that it was ready.",
            "General Mark Milley said Tuesday the groups – including ISIS – are back.",
            "BREAKING: Blast in Kabul.",
            "Kabul – officials said.",
            "Qani said: \"We are ready.\"",
            "ISIS-K has claimed the attack.",
        ] {
            assert!(parse_dateline(p, &o).is_none(), "{p}");
        }
    }

    #[test]
    fn header_keys() {
        let d = doc("date 2019-11-10 KABUL (Pajhwok) - Officials said the attack was repelled on Sunday.");
        assert_eq!(d.date.as_deref(), Some("2019-11-10"));
        assert_eq!(d.date_source.as_deref(), Some("header \"date 2019-11-10\""));
        assert_eq!(d.dateline.as_deref(), Some("KABUL"));
        assert_eq!(d.outlet.as_deref(), Some("Pajhwok Afghan News"));
        assert!(d.body.starts_with("Officials said"));
        let d = doc("Title: A headline here\nSource: TOLO News\nDate: 10 Nov 2019\n\nText of the article goes here, as it should.");
        assert_eq!(d.title.as_deref(), Some("A headline here"));
        assert_eq!(d.outlet.as_deref(), Some("TOLOnews"));
        assert_eq!(d.date.as_deref(), Some("2019-11-10"));
        assert_eq!(d.body, "Text of the article goes here, as it should.");
    }

    #[test]
    fn a_typical_page() {
        let text = "Home > World > Asia\n\
            Share on Facebook\n\
            Officials Say Militants Regroup Near the Border\n\
            By Jane Roe | TOLO News\n\
            Published: 10 Nov 2019 12:30 GMT\n\
            \n\
            HERAT, Afghanistan — Officials said on Sunday that fighters had returned to two districts.\n\
            \n\
            - Advertisement -\n\
            \n\
            \u{201C}They are back,\u{201D} a local elder said.\n\
            Read more: Blast hits market in Kunduz\n\
            The ministry denied the report.\n\
            \n\
            Related Posts\n\
            \n\
            Another Story About the Border\n\
            A teaser sentence about that other story, which is not part of this article.\n\
            Third Story Headline Here\n\
            \n\
            Leave a Reply\n\
            Your email address will not be published. Required fields are marked *\n\
            We are an independent site covering the region since 2001.\n\
            \u{00A9} 2024 TOLO News. All rights reserved.\n";
        let d = doc(text);
        assert_eq!(d.title.as_deref(), Some("Officials Say Militants Regroup Near the Border"));
        assert_eq!(d.author.as_deref(), Some("Jane Roe"));
        assert_eq!(d.outlet.as_deref(), Some("TOLOnews"));
        assert_eq!(d.date.as_deref(), Some("2019-11-10"));
        assert_eq!(d.date_source.as_deref(), Some("date line \"Published: 10 Nov 2019 12:30 GMT\""));
        assert_eq!(d.dateline.as_deref(), Some("HERAT"));
        assert_eq!(
            d.body,
            "Officials said on Sunday that fighters had returned to two districts.\n\n\u{201C}They are back,\u{201D} a local elder said.\n\nThe ministry denied the report."
        );
        assert_eq!(d.related, vec!["Blast hits market in Kunduz", "Another Story About the Border", "Third Story Headline Here"]);
        for x in ["- Advertisement -", "Leave a Reply", "We are an independent site covering the region since 2001.", "Home > World > Asia"] {
            assert!(d.extras.iter().any(|e| e == x), "{x} not in extras {:?}", d.extras);
        }
    }

    #[test]
    fn author_widget_with_bio() {
        let text = "A Headline About Something Important\n\nJane Roe\nJane Roe\nJane Roe is a journalist who covers security for Pajhwok.\n\nThe first paragraph of the article says something.\n";
        let d = doc(text);
        assert_eq!(d.author.as_deref(), Some("Jane Roe"));
        assert_eq!(d.outlet.as_deref(), Some("Pajhwok Afghan News"));
        assert_eq!(d.body, "The first paragraph of the article says something.");
        assert!(d.extras.iter().any(|e| e.starts_with("Jane Roe is a journalist")));
    }

    #[test]
    fn outlets_are_never_guessed_from_body_mentions() {
        let d = doc("Some Headline For The Test\n\nThe minister spoke to TOLOnews on Sunday, as Ariana News also reported.\n");
        assert_eq!(d.outlet, None);
        let d = doc("Some Headline For The Test\n\nThe minister spoke on Sunday.\n\nThe Kabul Daily\n");
        assert_eq!(d.outlet, None, "an unknown footer name is not an outlet");
        let d = doc("Some Headline For The Test\n\nThe minister spoke on Sunday.\n\n\u{00A9} 2021 The Kabul Daily. All rights reserved.\n");
        assert_eq!(d.outlet.as_deref(), Some("The Kabul Daily"), "a copyright line names the outlet");
    }

    #[test]
    fn question_headline_and_hard_wrapped_text() {
        let text = "Is the group really back?\n\n\
            The group has been seen in several districts over the last few\n\
            weeks, according to residents who spoke on condition of anonymity\n\
            because they feared reprisals from the local commanders there.\n\n\
            Officials rejected the claim.\n";
        let d = doc(text);
        assert_eq!(d.title.as_deref(), Some("Is the group really back?"));
        assert_eq!(d.paragraphs.len(), 2);
        assert!(d.body.starts_with("The group has been seen in several districts over the last few weeks, according"));
    }

    #[test]
    fn two_word_headlines_only_when_nothing_better() {
        let d = doc("Mixed Endings\n\nThe spokesman said \"one\"\n\nand more words here\n");
        assert_eq!(d.title.as_deref(), Some("Mixed Endings"));
        let d = doc("Short Title\n\nThe article text is here and it is long enough.\n");
        assert_eq!(d.title.as_deref(), Some("Short Title"));
        let d = doc("World News\n\nOfficials Say Something Happened\n\nThe article text is here and it is long enough.\n");
        assert_eq!(d.title.as_deref(), Some("Officials Say Something Happened"));
        assert!(d.extras.contains(&"World News".to_string()));
    }

    #[test]
    fn sentence_continuation_lines_join_and_separate_lines_stay_paragraphs() {
        let d = doc("A Headline For This One\n\nThe first line of a paragraph that was\nbroken in the middle of a sentence.\nA new paragraph starts here.\n");
        assert_eq!(d.body, "The first line of a paragraph that was broken in the middle of a sentence.\n\nA new paragraph starts here.");
    }

    #[test]
    fn dates_in_captions_and_related_lists_are_not_the_article_date() {
        let text = "Headline Goes Right Here Today\n\nFILE: A man walks past, Monday, May 3, 2021. (Photo: Someone)\n\nThe article text is here and it is long enough.\n\nRelated Posts\n\nOther Story\nJune 5, 2022\n";
        let d = doc(text);
        assert_eq!(d.date, None);
    }

    #[test]
    fn updated_dates_rank_below_publication_dates() {
        let d = doc("(Last Updated On: March 5, 2021)\n\nHeadline Goes Right Here Today\n\nMarch 3, 2021\n\nThe article text is here and it is long enough.\n");
        assert_eq!(d.date.as_deref(), Some("2021-03-03"));
        let d = doc("(Last Updated On: March 5, 2021)\n\nThe article text is here and it is long enough.\n");
        assert_eq!(d.date.as_deref(), Some("2021-03-05"));
        assert_eq!(d.date_source.as_deref(), Some("updated line \"(Last Updated On: March 5, 2021)\""));
    }

    #[test]
    fn decoding() {
        assert!(decode_text(b"").is_err());
        assert!(decode_text(b"   \n\n ").is_err());
        assert!(decode_text(b"abc\0def").unwrap_err().contains("binary"));
        let mut stray = "Some readable text here. ".repeat(20).into_bytes();
        stray.insert(30, 0);
        stray.insert(60, 0x1B);
        let (t, w) = decode_text(&stray).unwrap();
        assert!(!t.contains('\0') && !t.contains('\x1B'));
        assert!(w[0].contains("2 control character"), "{w:?}");
        let (t, w) = decode_text(b"\xEF\xBB\xBFHello\r\nWorld\rAgain").unwrap();
        assert_eq!(t, "Hello\nWorld\nAgain");
        assert!(w.is_empty());
        let (t, w) = decode_text(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(t, "café \u{201C}quoted\u{201D}");
        assert!(w[0].contains("Windows-1252"));
        let (t, w) = decode_text("d\u{e9}j\u{e0} vu \u{2014} ok \u{2014} \u{201C}x\u{201D}".as_bytes().iter().copied().chain([0xFF]).collect::<Vec<u8>>().as_slice()).unwrap();
        assert!(t.ends_with('\u{FFFD}'));
        assert!(w[0].contains("not valid UTF-8"));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Hi there".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode_text(&utf16).unwrap().0, "Hi there");
        let utf16_nobom: Vec<u8> = "Hello there".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_text(&utf16_nobom).unwrap().0, "Hello there");
        let controls: Vec<u8> = (0u8..32).filter(|&b| b != 0 && b != b'\n').cycle().take(200).collect();
        assert!(decode_text(&controls).unwrap_err().contains("binary"));
    }

    #[test]
    fn too_many_lines_are_truncated() {
        let (t, w) = decode_text("a\n\n".repeat(MAX_LINES + 5).as_bytes()).unwrap();
        assert_eq!(t.lines().filter(|l| !l.is_empty()).count(), MAX_LINES);
        assert!(w[0].contains("lines"), "{w:?}");
        let (t, w) = decode_text("a\n".repeat(MAX_LINES).as_bytes()).unwrap();
        assert_eq!(t.lines().count(), MAX_LINES);
        assert!(w.is_empty());
    }

    #[test]
    fn truncation_keeps_whole_lines() {
        let line = "word ".repeat(19) + "end.\n";
        let big = line.repeat(MAX_FILE_BYTES / line.len() + 10);
        let (t, w) = decode_text(big.as_bytes()).unwrap();
        assert!(t.len() <= MAX_FILE_BYTES);
        assert!(t.ends_with("end.\n"));
        assert!(w[0].contains("truncated"));
    }
}
