//! Reviewed corrections of extracted claims (a speaker, a stance, "not a claim"): applied to the claims, written as `corrections.toml`.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::model::{slug, Claim, CorpusNote, NoteLevel, Stance};
use crate::search::Index;

/// The file a corpus folder carries its corrections in.
pub const FILE: &str = "corrections.toml";

/// One reviewer's correction of one claim, found by its stable id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The claim's id.
    pub claim: String,
    /// Who really said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Its real stance toward the corpus question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// The passage is no claim at all (an event, a caption, a headline): leave it out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_a_claim: bool,
}

/// What the machine had said before a correction (shown on hover beside "corrected").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    pub speaker: String,
    pub stance: Stance,
}

/// What applying corrections did: how many claims changed or left, and the corrections that found no claim.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    pub changed: usize,
    pub removed: usize,
    pub notes: Vec<CorpusNote>,
}

/// Apply `corrections` to `claims`: a claim marked "not a claim" leaves, a corrected one keeps its original in
/// `Claim::corrected`. A corrected speaker takes the id, side, role and affiliation of a claim of that speaker
/// when there is one. A correction whose claim is not there (its article changed) becomes a note.
pub fn apply(claims: &mut Vec<Claim>, corrections: &[Correction]) -> Applied {
    let mut applied = Applied::default();
    for c in corrections {
        let Some(i) = claims.iter().position(|k| k.id == c.claim) else {
            let message = format!("no claim with id {} (its article may have changed): correction not applied", c.claim);
            applied.notes.push(CorpusNote { file: FILE.into(), level: NoteLevel::Warning, message });
            continue;
        };
        if c.not_a_claim {
            claims.remove(i);
            applied.removed += 1;
        } else if correct(claims, i, c) {
            applied.changed += 1;
        }
    }
    applied
}

/// Correct claim `i`; whether anything changed.
fn correct(claims: &mut [Claim], i: usize, c: &Correction) -> bool {
    let original = Original { speaker: claims[i].speaker.clone(), stance: claims[i].stance };
    let same = claims.iter().find(|k| c.speaker.as_ref().is_some_and(|s| k.speaker.eq_ignore_ascii_case(s))).cloned();
    let claim = &mut claims[i];
    if let Some(speaker) = c.speaker.as_ref().filter(|s| **s != claim.speaker) {
        claim.speaker = speaker.clone();
        claim.speaker_id = same.as_ref().map_or_else(|| slug(speaker), |k| k.speaker_id.clone());
        claim.side = same.as_ref().and_then(|k| k.side.clone());
        claim.role = same.as_ref().and_then(|k| k.role.clone());
        claim.affiliation = same.as_ref().and_then(|k| k.affiliation.clone());
        claim.speaker_confidence = 1.0;
    }
    if let Some(stance) = c.stance.filter(|s| *s != claim.stance) {
        claim.stance = stance;
        claim.stance_confidence = 1.0;
        claim.stance_rule = "corrected by a reviewer".into();
    }
    let changed = claim.speaker != original.speaker || claim.stance != original.stance;
    if changed && claim.corrected.is_none() {
        claim.corrected = Some(original);
    }
    changed
}

/// A change the reader makes to the corrections: correct a claim, or undo its correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Set(Correction),
    Undo(String),
}

/// The browser-storage key of a corpus's corrections: a hash (FNV-1a) of its question and document ids, so each
/// corpus keeps its own and a changed corpus does not take another's.
pub fn storage_key(corpus: &Corpus) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = std::iter::once(corpus.config.question.as_str()).chain(corpus.documents.iter().map(|d| d.id.as_str()));
    for part in parts {
        for b in part.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("counterclaim.corrections.{h:016x}")
}

/// The storage key of the corrections of the corpus shown: one of the reader's own corpora keeps its key by its
/// library id (so new settings, which re-extract it, keep its corrections); the page's own corpus by [`storage_key`].
pub fn storage_key_of(corpus: &Corpus, library_id: Option<&str>) -> String {
    match library_id {
        Some(id) => format!("counterclaim.corrections.{id}"),
        None => storage_key(corpus),
    }
}

/// The reader's corrections in the page, one per claim id (kept in the browser; see [`Corrections::to_text`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections(BTreeMap<String, Correction>);

impl Corrections {
    /// Add `c`, merged into the earlier correction of its claim: what `c` sets replaces what that one said.
    pub fn set(&mut self, c: Correction) {
        let e = self.0.entry(c.claim.clone()).or_insert_with(|| Correction { claim: c.claim.clone(), ..Correction::default() });
        e.speaker = c.speaker.or(e.speaker.take());
        e.stance = c.stance.or(e.stance);
        e.not_a_claim |= c.not_a_claim;
    }

    /// Apply one edit.
    pub fn edit(&mut self, e: Edit) {
        match e {
            Edit::Set(c) => self.set(c),
            Edit::Undo(id) => {
                self.remove(&id);
            }
        }
    }

    /// Undo the correction of claim `id`; whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        self.0.remove(id).is_some()
    }

    pub fn get(&self, id: &str) -> Option<&Correction> {
        self.0.get(id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every correction, by claim id.
    pub fn list(&self) -> Vec<Correction> {
        self.0.values().cloned().collect()
    }

    /// The compact form kept in browser storage: a header line, then one line per correction, its fields split
    /// by tabs: claim id, stance (or nothing), `x` for "not a claim" (or nothing), speaker (or nothing); tabs,
    /// line ends and backslashes escaped. Hand-written so that the app links no JSON or TOML parser.
    pub fn to_text(&self) -> String {
        let mut out = String::from(STORED_HEADER);
        for c in self.0.values() {
            out.push('\n');
            push_field(&mut out, &c.claim);
            out.push('\t');
            out.push_str(c.stance.map_or("", Stance::as_str));
            out.push('\t');
            out.push_str(if c.not_a_claim { "x" } else { "" });
            out.push('\t');
            push_field(&mut out, c.speaker.as_deref().unwrap_or(""));
        }
        out
    }

    /// Read what [`Corrections::to_text`] wrote. Anything unreadable is left out and described, never fatal: a
    /// damaged line loses only itself; text of another kind loses nothing but is reported.
    pub fn from_text(s: &str) -> (Corrections, Vec<String>) {
        let mut out = Corrections::default();
        let mut lines = s.split('\n');
        if lines.next() != Some(STORED_HEADER) {
            return (out, vec!["stored corrections are of an unknown kind: ignored".into()]);
        }
        let mut problems = Vec::new();
        for (i, line) in lines.enumerate() {
            match parse_line(line) {
                Some(c) => out.set(c),
                None => problems.push(format!("stored correction {} unreadable: ignored", i + 1)),
            }
        }
        (out, problems)
    }

    /// `corpus` and `index` as these corrections make them: "not a claim" claims gone, corrected speakers and
    /// stances in place (each keeping its original), facets, counts and orders derived again.
    pub fn apply_to(&self, corpus: &Corpus, index: &Index) -> (Corpus, Index, Applied) {
        let keep: Vec<bool> = corpus.claims.iter().map(|c| !self.get(&c.id).is_some_and(|x| x.not_a_claim)).collect();
        let mut fixed = corpus.clone();
        fixed.ids = std::sync::OnceLock::new(); // its positions change: look them up afresh
        let applied = apply(&mut fixed.claims, &self.list());
        fixed.notes.extend(applied.notes.iter().cloned());
        let index = index.corrected(&fixed, &keep);
        (fixed, index, applied)
    }
}

/// The tooltip of a corrected claim's "corrected" tag: what the extraction had said, or `None` if uncorrected.
pub fn original_note(c: &Claim) -> Option<String> {
    let o = c.corrected.as_ref()?;
    let mut was = Vec::new();
    if o.stance != c.stance {
        was.push(format!("stance {}", o.stance.label()));
    }
    if o.speaker != c.speaker {
        was.push(format!("speaker {}", o.speaker));
    }
    Some(format!("Corrected by you. Originally: {}", was.join(", ")))
}

/// What a correction does, in a few words ("stance Refutes, speaker Ida Lund", "not a claim").
pub fn describe(c: &Correction) -> String {
    if c.not_a_claim {
        return "not a claim".into();
    }
    let mut parts = Vec::new();
    if let Some(s) = c.stance {
        parts.push(format!("stance {}", s.label()));
    }
    if let Some(s) = &c.speaker {
        parts.push(format!("speaker {s}"));
    }
    if parts.is_empty() {
        return "no change".into();
    }
    parts.join(", ")
}

/// Every speaker name of the claims, once each, in folded alphabetical order (the suggestions for a correction).
pub fn speakers(claims: &[Claim]) -> Vec<String> {
    let mut names: Vec<(String, &str)> = claims.iter().map(|c| (crate::text::fold(&c.speaker), c.speaker.as_str())).collect();
    crate::text::sort(&mut names);
    names.dedup_by(|a, b| a.0 == b.0);
    names.into_iter().map(|(_, n)| n.to_string()).collect()
}

/// `corrections.toml`: one `[[correction]]` table per correction, in the order given.
pub fn to_toml(corrections: &[Correction]) -> String {
    let mut out = String::from("# Reviewed corrections of extracted claims (Counterclaim). Put this file beside corpus.toml.\n");
    for c in corrections {
        out.push_str("\n[[correction]]\nclaim = ");
        push_string(&mut out, &c.claim);
        if let Some(s) = &c.speaker {
            out.push_str("\nspeaker = ");
            push_string(&mut out, s);
        }
        if let Some(s) = c.stance {
            out.push_str("\nstance = \"");
            out.push_str(s.as_str());
            out.push('"');
        }
        if c.not_a_claim {
            out.push_str("\nnot_a_claim = true");
        }
        out.push('\n');
    }
    out
}

/// The first line of stored corrections (a later layout gets another).
const STORED_HEADER: &str = "counterclaim corrections 1";

/// One stored field: backslash, tab, CR and LF escaped.
fn push_field(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// A stored field read back; `None` for a stray backslash.
fn read_field(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(ch) = it.next() {
        out.push(match ch {
            '\\' => match it.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            },
            c => c,
        });
    }
    Some(out)
}

/// One stored line: a correction of a named claim that changes something, else `None`.
fn parse_line(line: &str) -> Option<Correction> {
    let f: Vec<&str> = line.split('\t').collect();
    let [claim, stance, not, speaker] = f[..] else { return None };
    let claim = read_field(claim).filter(|c| !c.is_empty())?;
    let stance = if stance.is_empty() { None } else { Some(Stance::parse(stance)?) };
    let not_a_claim = match not {
        "" => false,
        "x" => true,
        _ => return None,
    };
    let speaker = Some(read_field(speaker)?).filter(|s| !s.is_empty());
    (stance.is_some() || not_a_claim || speaker.is_some()).then_some(Correction { claim, speaker, stance, not_a_claim })
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub(crate) fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn claim(id: &str, speaker: &str, stance: Stance) -> Claim {
        Claim { id: id.into(), speaker: speaker.into(), speaker_id: slug(speaker), stance, ..Claim::default() }
    }

    fn fix(claim: &str) -> Correction {
        Correction { claim: claim.into(), ..Correction::default() }
    }

    #[test]
    fn a_stance_correction_keeps_the_original() {
        let mut claims = vec![claim("a", "Osei", Stance::Supports)];
        let applied = apply(&mut claims, &[Correction { stance: Some(Stance::Refutes), ..fix("a") }]);
        assert_eq!(applied.changed, 1);
        assert_eq!(claims[0].stance, Stance::Refutes);
        assert_eq!(claims[0].stance_rule, "corrected by a reviewer");
        assert_eq!(claims[0].corrected, Some(Original { speaker: "Osei".into(), stance: Stance::Supports }));
    }

    #[test]
    fn a_corrected_speaker_joins_that_speakers_claims() {
        let mut other = claim("b", "Hana Weiss", Stance::Neutral);
        other.side = Some("north".into());
        other.role = Some("Interior Minister".into());
        let mut claims = vec![claim("a", "the ministry", Stance::Neutral), other];
        apply(&mut claims, &[Correction { speaker: Some("hana weiss".into()), ..fix("a") }]);
        assert_eq!(claims[0].speaker, "hana weiss");
        assert_eq!(claims[0].speaker_id, "hana-weiss");
        assert_eq!(claims[0].side.as_deref(), Some("north"));
        assert_eq!(claims[0].role.as_deref(), Some("Interior Minister"));
        apply(&mut claims, &[Correction { speaker: Some("Ida Lund".into()), ..fix("b") }]);
        assert_eq!((claims[1].speaker_id.as_str(), claims[1].side.as_deref()), ("ida-lund", None));
    }

    #[test]
    fn not_a_claim_leaves_and_an_unknown_id_is_a_note() {
        let mut claims = vec![claim("a", "Osei", Stance::Supports), claim("b", "Osei", Stance::Neutral)];
        let applied = apply(&mut claims, &[Correction { not_a_claim: true, ..fix("a") }, fix("zzz")]);
        assert_eq!((applied.removed, claims.len(), claims[0].id.as_str()), (1, 1, "b"));
        assert_eq!(applied.notes.len(), 1);
        assert!(applied.notes[0].message.contains("zzz"), "{:?}", applied.notes);
    }

    #[test]
    fn a_correction_to_what_it_was_changes_nothing() {
        let mut claims = vec![claim("a", "Osei", Stance::Supports)];
        let applied = apply(&mut claims, &[Correction { stance: Some(Stance::Supports), speaker: Some("Osei".into()), ..fix("a") }]);
        assert_eq!(applied.changed, 0);
        assert_eq!(claims[0].corrected, None);
    }

    #[test]
    fn a_later_correction_of_a_claim_merges_into_the_earlier_and_undo_removes_it() {
        let mut set = Corrections::default();
        set.set(Correction { stance: Some(Stance::Refutes), ..fix("a") });
        set.set(Correction { speaker: Some("Ida Lund".into()), ..fix("a") });
        set.set(Correction { stance: Some(Stance::Neutral), ..fix("a") });
        set.set(Correction { not_a_claim: true, ..fix("b") });
        let want = Correction { speaker: Some("Ida Lund".into()), stance: Some(Stance::Neutral), ..fix("a") };
        assert_eq!(set.get("a"), Some(&want));
        assert_eq!(set.len(), 2);
        assert!(set.remove("a") && !set.remove("a"));
        assert_eq!(set.list(), vec![Correction { not_a_claim: true, ..fix("b") }]);
    }

    #[test]
    fn stored_corrections_round_trip_and_damage_loses_only_itself() {
        let mut set = Corrections::default();
        set.set(Correction { stance: Some(Stance::Refutes), speaker: Some("O\"sei\t\\n\nx".into()), ..fix("a\tb") });
        set.set(Correction { not_a_claim: true, ..fix("b") });
        assert_eq!(Corrections::from_text(&set.to_text()), (set.clone(), vec![]));
        let text = set.to_text();
        let lines: Vec<&str> = text.split('\n').collect();
        let damaged = [lines[0], lines[1], "x\tmaybe\t\t", "7", "\trefutes\t\t", "y\t\t\t", "z\t\t\tbad\\q", lines[2]].join("\n");
        let (read, problems) = Corrections::from_text(&damaged);
        assert_eq!(read, set);
        assert_eq!(problems.len(), 5, "{problems:?}");
        for bad in ["", "[]", "{", "null", "counterclaim corrections 9\na\trefutes\t\t"] {
            let (read, problems) = Corrections::from_text(bad);
            assert!(read.is_empty() && problems.len() == 1, "{bad:?}: {problems:?}");
        }
    }

    proptest! {
        #[test]
        fn any_stored_corrections_read_back(corrections in prop::collection::vec(any_correction(), 0..5)) {
            let mut set = Corrections::default();
            for c in corrections.into_iter().filter(|c| !c.claim.is_empty()) {
                set.set(Correction { speaker: c.speaker.filter(|s| !s.is_empty()), ..c });
            }
            let set = Corrections(set.0.into_iter().filter(|(_, c)| c.stance.is_some() || c.not_a_claim || c.speaker.is_some()).collect());
            prop_assert_eq!(Corrections::from_text(&set.to_text()), (set, vec![]));
        }
    }

    #[test]
    fn what_the_card_and_the_list_say() {
        let mut claims =
            vec![claim("a", "Osei", Stance::Supports), claim("b", "osei", Stance::Neutral), claim("c", "Ada", Stance::Neutral)];
        assert_eq!(original_note(&claims[0]), None);
        let fixed = Correction { stance: Some(Stance::Refutes), speaker: Some("Ida Lund".into()), ..fix("a") };
        apply(&mut claims, std::slice::from_ref(&fixed));
        assert_eq!(original_note(&claims[0]).unwrap(), "Corrected by you. Originally: stance Supports, speaker Osei");
        assert_eq!(describe(&fixed), "stance Refutes, speaker Ida Lund");
        assert_eq!(describe(&Correction { not_a_claim: true, ..fixed }), "not a claim");
        assert_eq!(speakers(&claims), vec!["Ada", "Ida Lund", "osei"]);
    }

    #[test]
    fn each_corpus_has_its_own_storage_key() {
        use crate::{config::CorpusConfig, model::Document};
        let corpus = |q: &str, docs: &[&str]| {
            let config = CorpusConfig { question: q.into(), ..CorpusConfig::default() };
            let documents = docs.iter().map(|d| Document { id: d.to_string(), ..Document::default() }).collect();
            Corpus::new(config, documents, vec![], vec![])
        };
        let key = storage_key(&corpus("Q?", &["a", "b"]));
        assert!(key.starts_with("counterclaim.corrections."), "{key}");
        assert_eq!(key, storage_key(&corpus("Q?", &["a", "b"])));
        for other in [corpus("Q!", &["a", "b"]), corpus("Q?", &["a"]), corpus("Q?", &["ab"]), corpus("Q?a", &["b"])] {
            assert_ne!(key, storage_key(&other));
        }
    }

    fn any_correction() -> impl Strategy<Value = Correction> {
        let stance = prop::option::of(prop::sample::select(Stance::ALL.to_vec()));
        (any::<String>(), prop::option::of(any::<String>()), stance, any::<bool>())
            .prop_map(|(claim, speaker, stance, not_a_claim)| Correction { claim, speaker, stance, not_a_claim })
    }

    #[derive(Deserialize)]
    struct File {
        #[serde(default)]
        correction: Vec<Correction>,
    }

    proptest! {
        /// The hand-written writer (the app links no TOML crate) says what the `toml` crate reads back.
        #[test]
        fn toml_written_is_toml_read(corrections in prop::collection::vec(any_correction(), 0..4)) {
            let file: File = toml::from_str(&to_toml(&corrections)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(file.correction, corrections);
        }
    }
}
