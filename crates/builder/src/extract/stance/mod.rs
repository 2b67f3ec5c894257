//! Stance toward the corpus question, from what a claim asserts: cues of the built-in and the corpus vocabulary,
//! with negation, denial of a stated or referenced claim, contrast, condition and topic scope, and how sure it is.
mod lexicon;
mod score;
mod words;

use super::phrases::{Folded, Phrases, WordSet};
use counterclaim_core::config::StanceLexicon;
use counterclaim_core::model::Stance;
pub use lexicon::predicate_start;
use lexicon::{CueKind, CLAIM_NOUNS, DENIALS};
use score::{Hit, Scorer};
use std::collections::HashSet;
use words::{words, W};

/// Words skipped when looking back from a cue for a negator.
static SKIP: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "any",
    "its",
    "their",
    "his",
    "her",
    "this",
    "these",
    "those",
    "such",
    "much",
    "real",
    "serious",
    "major",
    "big",
    "significant",
    "physical",
]);
/// Words that end the reach of a negator.
const SCOPE_END: &[&str] = &["but", "that", "which", "who", "while", "because", "although", "though", "whereas", "and"];
/// Nouns that refer back to a group named before ("the group is still active").
const GROUP_NOUNS: &[&str] = &[
    "group",
    "groups",
    "militants",
    "organisation",
    "organization",
    "network",
    "outfit",
    "terrorists",
    "fighters",
    "militia",
    "insurgents",
];
/// Quantifiers between "there are" and what exists.
static QUANT: WordSet = WordSet::new(&[
    "many",
    "several",
    "some",
    "other",
    "still",
    "currently",
    "now",
    "also",
    "a",
    "an",
    "few",
    "numerous",
    "various",
    "hundreds",
    "thousands",
    "dozens",
    "of",
    "more",
    "no",
    "not",
    "any",
    "already",
    "multiple",
    "countless",
    "active",
    "foreign",
    "armed",
    "different",
    "at",
    "least",
    "even",
    "certainly",
    "clearly",
    "definitely",
    "indeed",
]);
const EXIST: &[&str] = &["is", "are", "was", "were", "remain", "remains", "exist", "exists", "'s", "'re", "have", "has"];

#[derive(Debug, Clone, Copy)]
struct CueDef {
    /// +1 supports, -1 refutes.
    pol: i8,
    /// Counts only in a sentence that mentions the question's topic.
    topic: bool,
    kind: CueKind,
    /// Written with a capital ("Chinese military presence"): a capital in the text does not make it a name.
    proper: bool,
}

/// Scores claim text toward the question.
#[derive(Debug, Clone)]
pub struct StanceModel {
    lex: Phrases,
    defs: Vec<CueDef>,
    negators: HashSet<String>,
    /// Two-word negators ("no longer").
    negator_pairs: Vec<(String, String)>,
    topic: Phrases,
}

/// The rule that decided a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Stance words in the claim (with their negation, denial and weight).
    Cues,
    /// The claim only denies another claim, whose stance it reverses.
    DeniedClaim,
    /// The claim only confirms another claim ("the intelligence is correct"), whose stance it takes.
    ConfirmedClaim,
    /// No stance word, or as many for each side.
    NoCue,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Cues => "stance words",
            Rule::DeniedClaim => "denial of another claim",
            Rule::ConfirmedClaim => "confirmation of another claim",
            Rule::NoCue => "no stance words",
        }
    }
}

/// What the model says of one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub stance: Stance,
    /// The words that decided it, as written.
    pub cues: Vec<String>,
    pub rule: Rule,
    /// 0..=1: how clearly the words point one way.
    pub confidence: f32,
    /// The claim only denies or confirms another claim it does not state ("we reject these claims", "the
    /// intelligence is correct"); the caller gives it the stance the claim it refers to implies, when it can find it.
    pub refers: Option<Reference>,
}

/// A claim's reference to another claim: the words that make it, and whether it agrees with that claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub words: String,
    pub agrees: bool,
}

impl Judgement {
    fn neutral(confidence: f32) -> Judgement {
        Judgement { stance: Stance::Neutral, cues: vec![], rule: Rule::NoCue, confidence, refers: None }
    }

    /// The stance that denying or confirming a claim of stance `referent` takes (nothing changes for a neutral one).
    pub fn resolved(mut self, referent: Stance) -> Judgement {
        let Some(r) = self.refers.clone() else { return self };
        let stance = if r.agrees { Some(referent).filter(|s| *s != Stance::Neutral) } else { referent.opposite() };
        if let Some(stance) = stance {
            self.stance = stance;
            self.rule = if r.agrees { Rule::ConfirmedClaim } else { Rule::DeniedClaim };
            self.confidence = 0.6;
            self.cues = vec![r.words];
        }
        self
    }
}

impl StanceModel {
    /// `question` decides which built-in cues count; `names`: the folded words of every configured name (never cues);
    /// `topic_aliases`: names of what the question is about ("militant groups", "the Red Hand").
    /// Lexicon entries starting with `~` count only in sentences that mention the topic.
    pub fn new(lex: &StanceLexicon, question: &str, names: &[String], topic_aliases: &[String]) -> Self {
        let entries = lexicon::entries(lex, question, names);
        let defs: Vec<CueDef> = entries.iter().map(|e| CueDef { pol: e.pol, topic: e.topic, kind: e.kind, proper: e.proper }).collect();
        let lexm = Phrases::new(entries.iter().enumerate().map(|(i, e)| (e.phrase.as_str(), i)));
        let topic = Phrases::new(topic_aliases.iter().map(|a| (a.as_str(), 0)));
        let mut negators = HashSet::new();
        let mut negator_pairs = Vec::new();
        for n in lexicon::negators(lex) {
            match n.split_once(' ') {
                Some((a, b)) => negator_pairs.push((a.to_string(), b.trim().to_string())),
                None => {
                    negators.insert(n.clone());
                }
            }
        }
        StanceModel { lex: lexm, defs, negators, negator_pairs, topic }
    }

    /// Stance of `text`, the words and rule that decided it. `context` is the text before the claim: it tells
    /// whether "the group" is the topic and what a bare denial ("we reject this claim") denies.
    pub fn judge(&self, t: &Folded, context: &str) -> Judgement {
        let ws = words(&t.f);
        let hits = Scorer::new(self, t, &ws, context).hits();
        let (sup, reff) = totals(&hits);
        let orig = |a: usize, b: usize| t.text[t.orig(a)..t.orig(b)].to_string();
        if sup == 0.0 && reff == 0.0 {
            let reference = denial_of_claim(&ws).map(|d| (d, false)).or_else(|| confirmation_of_claim(&ws).map(|c| (c, true)));
            return match reference {
                Some(((a, b), agrees)) => Judgement { refers: Some(Reference { words: orig(a, b), agrees }), ..Judgement::neutral(0.4) },
                None => Judgement::neutral(if hits.is_empty() { 0.6 } else { 0.4 }),
            };
        }
        let pol = if sup > reff {
            1
        } else if reff > sup {
            -1
        } else {
            return Judgement::neutral(0.3);
        };
        let stance = if pol > 0 { Stance::Supports } else { Stance::Refutes };
        let mut cues: Vec<String> = Vec::new();
        for h in hits.iter().filter(|h| h.pol == pol && h.w > 0.0) {
            for (a, b) in h.denial.into_iter().chain(std::iter::once((h.s, h.e))) {
                let c = orig(a, b);
                if !cues.contains(&c) {
                    cues.push(c);
                }
            }
        }
        let margin = (sup - reff).abs() / (sup + reff);
        // Clear (one side only) and strong (two full cues) is sure; words pointing both ways are not.
        let strength = ((sup + reff).min(2.0) / 2.0).sqrt();
        let confidence = 0.35 + 0.6 * margin * strength;
        Judgement { stance, cues, rule: Rule::Cues, confidence, refers: None }
    }

    /// The stance of the last sentences of `context`, if its words point one way.
    pub fn context_stance(&self, context: &str) -> Option<Stance> {
        let ctx = Folded::new(tail_sentences(context, 3));
        let (cs, cr) = totals(&Scorer::new(self, &ctx, &words(&ctx.f), "").hits());
        match cs.partial_cmp(&cr) {
            Some(std::cmp::Ordering::Greater) => Some(Stance::Supports),
            Some(std::cmp::Ordering::Less) => Some(Stance::Refutes),
            _ => None,
        }
    }

    /// Whether the word at `i` ends a negator, and how many words the negator has ("no longer": 2).
    fn negator_len(&self, ws: &[W], i: usize) -> Option<usize> {
        let w = ws[i].lc;
        // A denial verb listed among the negators is counted once, as a denial.
        if DENIALS.contains(&w) {
            return None;
        }
        // "not only a threat to X but to Y" intensifies.
        if w == "not" && ws.get(i + 1).is_some_and(|n| n.lc == "only") {
            return None;
        }
        if i > 0 && self.negator_pairs.iter().any(|(a, b)| ws[i - 1].lc == a && w == b) {
            return Some(2);
        }
        (w.ends_with("n't") || self.negators.contains(w)).then_some(1)
    }
}

/// Supporting and refuting weight of some hits.
fn totals(hits: &[Hit]) -> (f32, f32) {
    let sup: f32 = hits.iter().filter(|h| h.pol > 0).map(|h| h.w).sum();
    let reff: f32 = hits.iter().filter(|h| h.pol < 0).map(|h| h.w).sum();
    (sup, reff)
}

/// "reject this claim" / "deny it": the span of a denial whose object stands for another claim the claim does not
/// state (folded text). When any denial of the claim states what it denies ("denied the claim that …", "denied
/// reports suggesting …"), the claim is judged on its own words.
fn denial_of_claim(ws: &[W]) -> Option<(usize, usize)> {
    const STATING: &[&str] = &["that", "of", "about", "claiming", "saying", "suggesting", "alleging", "indicating"];
    let mut bare = None;
    for (i, w) in ws.iter().enumerate() {
        if !DENIALS.contains(&w.lc) {
            continue;
        }
        // "denied any such arrangement is to take place": an object that refers back is a bare denial too.
        let anaphoric = ws.iter().skip(i + 1).take(2).any(|x| matches!(x.lc, "such" | "this" | "these" | "those"));
        let Some(k) = (i + 1..(i + 4).min(ws.len())).find(|&k| CLAIM_NOUNS.contains(&ws[k].lc)) else {
            if anaphoric {
                bare.get_or_insert((w.s, ws[(i + 3).min(ws.len() - 1)].e));
            }
            continue;
        };
        let stated = ws.iter().skip(k + 1).take(4).any(|x| STATING.contains(&x.lc) || x.lc.ends_with("-that"));
        if stated {
            return None;
        }
        bare.get_or_insert((w.s, ws[k].e));
    }
    bare
}

/// "the intelligence is correct", "confirmed the reports": the span of a confirmation of another claim it does not
/// state (folded text).
fn confirmation_of_claim(ws: &[W]) -> Option<(usize, usize)> {
    const TRUE: &[&str] = &["correct", "true", "accurate", "right", "credible", "confirmed", "verified", "reliable"];
    const BE: &[&str] = &["is", "are", "was", "were", "be"];
    for (i, w) in ws.iter().enumerate() {
        if !CLAIM_NOUNS.contains(&w.lc) && !matches!(w.lc, "intelligence" | "information") {
            continue;
        }
        let be = ws.get(i + 1).is_some_and(|x| BE.contains(&x.lc));
        if let Some(t) = ws.get(i + 2).filter(|t| be && TRUE.contains(&t.lc)) {
            return Some((w.s, t.e));
        }
    }
    None
}

/// The last `n` sentences of `s`.
fn tail_sentences(s: &str, n: usize) -> &str {
    let mut count = 0;
    for (i, c) in s.char_indices().rev() {
        if matches!(c, '.' | '!' | '?') && i + 1 < s.len() {
            count += 1;
            if count > n {
                return &s[i + 1..];
            }
        }
    }
    s
}

#[cfg(test)]
mod tests;
