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

/// The reader's corrections in the page, one per claim id (kept in the browser; see [`Corrections::to_json`]).
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

    /// The compact form kept in browser storage: a JSON array of corrections.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.list()).unwrap_or_else(|_| "[]".into())
    }

    /// Read what [`Corrections::to_json`] wrote. Anything unreadable is left out and described, never fatal: a
    /// damaged entry loses only itself, damaged text (not an array) loses nothing but is reported.
    pub fn from_json(s: &str) -> (Corrections, Vec<String>) {
        let mut out = Corrections::default();
        let items: Vec<serde_json::Value> = match serde_json::from_str(s) {
            Ok(v) => v,
            Err(e) => return (out, vec![format!("stored corrections unreadable ({e}): ignored")]),
        };
        let mut problems = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            match serde_json::from_value::<Correction>(item) {
                Ok(c) if !c.claim.is_empty() => out.set(c),
                Ok(_) => problems.push(format!("stored correction {i} names no claim: ignored")),
                Err(e) => problems.push(format!("stored correction {i} unreadable ({e}): ignored")),
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
        let index = index.corrected(&fixed, &keep);
        (fixed, index, applied)
    }
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

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn push_string(out: &mut String, s: &str) {
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
        set.set(Correction { stance: Some(Stance::Refutes), speaker: Some("O\"sei".into()), ..fix("a") });
        set.set(Correction { not_a_claim: true, ..fix("b") });
        assert_eq!(Corrections::from_json(&set.to_json()), (set.clone(), vec![]));
        let damaged = r#"[{"claim":"a","stance":"refutes","speaker":"O\"sei"},{"claim":"x","stance":"maybe"},7,{"claim":""},{"claim":"b","not_a_claim":true}]"#;
        let (read, problems) = Corrections::from_json(damaged);
        assert_eq!(read, set);
        assert_eq!(problems.len(), 3, "{problems:?}");
        for bad in ["", "{", "null", "{\"claim\":\"a\"}", "\u{0}"] {
            let (read, problems) = Corrections::from_json(bad);
            assert!(read.is_empty() && problems.len() == 1, "{bad:?}: {problems:?}");
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
