//! Plain data types shared by every part of the core and the UI: documents, claims, notes, the corpus.
use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// Stance of a claim toward the corpus question (`Neutral` by default: no position taken).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Refutes,
    #[default]
    Neutral,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Refutes, Stance::Neutral];
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Refutes => "refutes",
            Stance::Neutral => "neutral",
        }
    }
    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|v| v.as_str() == s)
    }
    /// The label shown for this stance ("Supports").
    pub fn label(self) -> &'static str {
        match self {
            Stance::Supports => "Supports",
            Stance::Refutes => "Refutes",
            Stance::Neutral => "Neutral",
        }
    }
    /// The stance that disagrees with this one (neutral has none).
    pub fn opposite(self) -> Option<Stance> {
        match self {
            Stance::Supports => Some(Stance::Refutes),
            Stance::Refutes => Some(Stance::Supports),
            Stance::Neutral => None,
        }
    }
}

/// Whether a claim is quoted verbatim or reported (`Direct` by default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    #[default]
    Direct,
    Indirect,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 2] = [ClaimKind::Direct, ClaimKind::Indirect];
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
        }
    }
    pub fn parse(s: &str) -> Option<ClaimKind> {
        ClaimKind::ALL.into_iter().find(|v| v.as_str() == s)
    }
    /// The label shown for this kind ("Direct quote", "Reported").
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Direct => "Direct quote",
            ClaimKind::Indirect => "Reported",
        }
    }
}

/// A stretch of a document body: `start..end` are UTF-8 byte offsets into `Document::body`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A paragraph of a clean body.
pub type Paragraph = Span;

/// One clean article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id derived from the file name (never from the position in the corpus).
    pub id: String,
    /// File name, e.g. `000_9b11820a0472705f.txt`.
    pub file: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication date (ISO text in every serde format).
    pub date: Option<PartialDate>,
    /// Where the date came from, e.g. `header "date 2024-01-01"`. With no `date`, a source that starts
    /// with [`DATE_UNCERTAIN`] says why no date is asserted (e.g. only the site's "today" bar was found).
    pub date_source: Option<String>,
    pub dateline: Option<String>,
    pub author: Option<String>,
    /// Clean body: paragraphs joined by a blank line ("\n\n").
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
    /// Related-article teasers found on the page (kept aside, never used for claims).
    pub related: Vec<String>,
    /// Other page furniture (ads, comment forms, bios, taglines) kept aside.
    pub extras: Vec<String>,
}

/// How `Document::date_source` starts when a date was seen but not taken as the article's.
pub const DATE_UNCERTAIN: &str = "date uncertain:";

/// A claim's date as shown: its ISO text; without one, "date uncertain" when its document's date is, else
/// "undated".
pub fn date_label(date: Option<PartialDate>, doc: Option<&Document>) -> String {
    match date {
        Some(d) => d.iso(),
        None if doc.is_some_and(|d| d.date_uncertain().is_some()) => "date uncertain".into(),
        None => "undated".into(),
    }
}

/// What a document without a known outlet shows instead.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

impl Document {
    /// The outlet as shown: its name, or [`UNKNOWN_OUTLET`].
    pub fn outlet_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
    }
    /// The date as shown: ISO text, "date uncertain" (see [`Document::date_uncertain`]) or "undated".
    pub fn date_label(&self) -> String {
        date_label(self.date, Some(self))
    }

    /// The page's own address, where its header gave one (`url:`, `link:` or `canonical:`, kept in `extras`).
    pub fn source_url(&self) -> Option<&str> {
        self.extras.iter().find_map(|e| {
            let (key, value) = e.split_once(':')?;
            let value = value.trim();
            let keyed = ["url", "link", "canonical"].contains(&key.trim().to_ascii_lowercase().as_str());
            (keyed && (value.starts_with("http://") || value.starts_with("https://") || value.starts_with("//"))).then_some(value)
        })
    }

    /// Why the document has no date although the page shows one (see [`DATE_UNCERTAIN`]).
    pub fn date_uncertain(&self) -> Option<&str> {
        let s = self.date_source.as_deref().filter(|_| self.date.is_none())?;
        s.strip_prefix(DATE_UNCERTAIN).map(str::trim)
    }
    pub fn paragraph_text(&self, p: &Paragraph) -> &str {
        &self.body[p.start..p.end]
    }
    /// The paragraph that contains byte offset `at` of the body.
    pub fn paragraph_at(&self, at: usize) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.start <= at && at < p.end.max(p.start + 1))
    }
    /// Year as a number, when the date is known.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year())
    }
    /// A display title: the title; when the text gives none, the opening words of the body (marked by "…"),
    /// or the file name for an empty body.
    pub fn display_title(&self) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        let first = self.paragraphs.first().map(|p| self.paragraph_text(p)).unwrap_or("");
        let sentence = first.split_inclusive(['.', '!', '?']).next().unwrap_or("").trim();
        if sentence.is_empty() {
            return self.file.clone();
        }
        let words: Vec<&str> = sentence.split_whitespace().collect();
        if words.len() <= 12 {
            sentence.to_string()
        } else {
            format!("{}…", words[..12].join(" "))
        }
    }
}

/// One claim: who said what, with what stance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: a hash of the document id and the words of the claim's pieces (without marks or ellipses).
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Speaker as named (canonical name when known).
    pub speaker: String,
    pub speaker_id: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// Side id from the corpus configuration (e.g. `islamic-emirate`), when known.
    pub side: Option<String>,
    /// The quote or the reported content.
    pub text: String,
    pub kind: ClaimKind,
    /// UTF-8 byte offsets in the document body of the whole stretch the claim comes from, first piece to last.
    pub start: usize,
    pub end: usize,
    /// The pieces of the body `text` is made of, in order (quote marks included); what lies between two pieces
    /// (an attribution, another sentence) is left out, and `text` shows an ellipsis there.
    #[serde(default)]
    pub pieces: Vec<Span>,
    /// The cue verb that introduced the claim ("said", "told", "according to").
    pub cue: Option<String>,
    pub stance: Stance,
    /// Words of `text` that decided the stance.
    pub stance_cues: Vec<String>,
    /// How sure the stance is, 0..=1 (below [`Claim::SURE`] the card says "stance uncertain").
    #[serde(default)]
    pub stance_confidence: f32,
    /// The rule that decided the stance ("stance words", "denial of another claim", "no stance words").
    #[serde(default)]
    pub stance_rule: String,
    /// How sure the speaker is, 0..=1: a configured actor or a named person more than a description or a pronoun.
    #[serde(default)]
    pub speaker_confidence: f32,
    /// Canonical entity ids mentioned in `text`.
    pub entities: Vec<String>,
    /// Date of the claim (the document's date).
    pub date: Option<PartialDate>,
    /// What the machine had said, when a reviewer corrected the speaker or the stance ([`crate::corrections`]).
    #[serde(default)]
    pub corrected: Option<crate::corrections::Original>,
}

impl Claim {
    /// Confidence below which a stance or a speaker is shown as uncertain.
    pub const SURE: f32 = 0.5;

    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year())
    }

    /// What the card says of a weak stance or speaker: "stance uncertain", "speaker uncertain", both, or nothing.
    pub fn doubt(&self) -> Option<&'static str> {
        match (self.stance_confidence < Self::SURE, self.speaker_confidence < Self::SURE) {
            (true, true) => Some("stance and speaker uncertain"),
            (true, false) => Some("stance uncertain"),
            (false, true) => Some("speaker uncertain"),
            (false, false) => None,
        }
    }

    /// The pieces of the body the claim is made of: its `pieces`, or the one span `start..end`.
    pub fn spans(&self) -> Vec<Span> {
        if self.pieces.is_empty() {
            vec![Span { start: self.start, end: self.end }]
        } else {
            self.pieces.clone()
        }
    }
}

/// Severity of a corpus note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteLevel {
    Warning,
    Error,
}

/// Something the ingest noticed about a file: why it was skipped or what was odd about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusNote {
    pub file: String,
    pub level: NoteLevel,
    pub message: String,
}

/// FNV-1a, 64 bits, of `bytes`: names files after their content and corpora after their pack.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Stable short hash (FNV-1a 64) used for ids.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Claim id: 12 hex digits of the hash of document id and normalised claim text.
pub fn claim_id(doc_id: &str, text: &str) -> String {
    let norm: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{:012x}", stable_hash(&[doc_id, &norm]) & 0xffff_ffff_ffff)
}

/// Slug used for speaker ids: lowercase ASCII letters/digits joined by '-'.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(|c| c.to_lowercase()) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_are_stable_and_whitespace_insensitive() {
        let a = claim_id("doc1", "Daesh has  been\ndestroyed");
        assert_eq!(a, claim_id("doc1", "Daesh has been destroyed"));
        assert_ne!(a, claim_id("doc2", "Daesh has been destroyed"));
        assert_eq!(a.len(), 12);
    }

    #[test]
    fn outlet_labels() {
        let mut d = Document { outlet: Some("TOLOnews".into()), ..Document::default() };
        assert_eq!(d.outlet_label(), "TOLOnews");
        d.outlet = None;
        assert_eq!(d.outlet_label(), UNKNOWN_OUTLET);
    }

    #[test]
    fn doubts_below_the_sure_line() {
        let c = |stance_confidence, speaker_confidence| Claim { stance_confidence, speaker_confidence, ..Claim::default() };
        assert_eq!(c(0.9, 0.9).doubt(), None);
        assert_eq!(c(0.4, 0.9).doubt(), Some("stance uncertain"));
        assert_eq!(c(0.9, 0.45).doubt(), Some("speaker uncertain"));
        assert_eq!(c(0.3, 0.3).doubt(), Some("stance and speaker uncertain"));
    }

    #[test]
    fn slug_folds_case_and_punctuation() {
        assert_eq!(slug("Major General Pat Ryder"), "major-general-pat-ryder");
        assert_eq!(slug("  Islamic Emirate's  spokesman "), "islamic-emirate-s-spokesman");
    }
}
