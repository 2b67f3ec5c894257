//! Stance toward the corpus question: lexicon cues with negation, denial, contrast, irrealis and topic scope.
use super::phrases::{Folded, Phrases, WordSet};
use crate::core::config::StanceLexicon;
use crate::core::model::Stance;
use crate::core::text::fold;
use std::collections::HashSet;

/// Denial verbs: they flip the cues of what they deny ("denied the group's presence").
const DENIALS: &[&str] = &[
    "deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses",
    "dismissed", "dismissing", "refute", "refutes", "refuted", "refuting", "rebuff", "rebuffed", "dispute", "disputes",
    "disputed",
];
/// Nouns that stand for someone else's claim ("we reject this claim").
const CLAIM_NOUNS: &[&str] = &[
    "claim", "claims", "allegation", "allegations", "accusation", "accusations", "report", "reports", "charge",
    "charges", "it", "them", "rumour", "rumours", "rumor", "rumors", "assertion", "assertions", "notion", "idea",
    "statement", "statements", "assessment", "assessments",
];
/// Words skipped when looking back from a cue for a negator.
static SKIP: WordSet = WordSet::new(&["a", "an", "the", "any", "its", "their", "his", "her", "this", "these", "those", "such", "much", "real", "serious", "major", "big", "significant", "physical"]);
/// Words that end the reach of a negator.
const SCOPE_END: &[&str] = &["but", "that", "which", "who", "while", "because", "although", "though", "whereas", "and"];
const CONTRAST: &[&str] = &["but", "however", "yet", "nevertheless", "nonetheless", "still"];
const CONCESSIVE: &[&str] = &["although", "though", "despite", "even", "whereas"];
const IRREALIS: &[&str] = &["if", "unless", "whether", "lest"];
/// Quantifiers between "there are" and what exists.
static QUANT: WordSet = WordSet::new(&[
    "many", "several", "some", "other", "still", "currently", "now", "also", "a", "an", "few", "numerous", "various",
    "hundreds", "thousands", "dozens", "of", "more", "no", "not", "any", "already", "multiple", "countless", "active",
    "foreign", "armed", "different", "at", "least", "even", "certainly", "clearly", "definitely", "indeed",
]);
const EXIST: &[&str] = &["is", "are", "was", "were", "remain", "remains", "exist", "exists", "'s", "'re", "have", "has"];

#[derive(Debug, Clone, Copy)]
struct CueDef {
    /// +1 supports, -1 refutes.
    pol: i8,
    /// Counts only in a sentence that mentions the question's topic.
    topic: bool,
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

/// A word of the folded text (offsets into the folded text).
#[derive(Debug, Clone)]
struct W<'a> {
    s: usize,
    e: usize,
    lc: &'a str,
    clause: u32,
    sent: u32,
    /// Weight of a cue at this word (contrast 2, concession 0.5, irrealis 0).
    weight: f32,
}

struct Hit {
    s: usize,
    e: usize,
    pol: i8,
    w: f32,
    /// The denial verb that flipped this cue, shown with it.
    denial: Option<(usize, usize)>,
}

impl StanceModel {
    /// `topic_aliases`: names of what the question is about ("militant groups", "Daesh").
    /// Lexicon entries starting with `~` count only in sentences that mention the topic.
    pub fn new(lex: &StanceLexicon, topic_aliases: &[String]) -> Self {
        let mut defs = Vec::new();
        let mut phrases: Vec<(String, usize)> = Vec::new();
        for (list, pol) in [(&lex.supports, 1i8), (&lex.refutes, -1i8)] {
            for p in list {
                let topic = p.starts_with('~');
                let p = p.trim_start_matches('~').trim();
                if p.is_empty() {
                    continue;
                }
                phrases.push((p.to_string(), defs.len()));
                defs.push(CueDef { pol, topic });
            }
        }
        let lexm = Phrases::new(phrases.iter().map(|(p, v)| (p.as_str(), *v)));
        let topic = Phrases::new(topic_aliases.iter().map(|a| (a.as_str(), 0)));
        let mut negators = HashSet::new();
        let mut negator_pairs = Vec::new();
        for n in &lex.negators {
            let n = fold(n.trim());
            match n.split_once(' ') {
                Some((a, b)) => negator_pairs.push((a.to_string(), b.trim().to_string())),
                None => {
                    negators.insert(n);
                }
            }
        }
        StanceModel { lex: lexm, defs, negators, negator_pairs, topic }
    }

    /// Stance of `text` and the words that decided it. `context` is the text before the claim,
    /// used when the claim only denies someone else's claim ("we reject this claim").
    pub fn judge(&self, t: &Folded, context: &str) -> (Stance, Vec<String>) {
        let (sup, reff, hits) = self.score(t);
        let orig = |a: usize, b: usize| t.text[t.orig(a)..t.orig(b)].to_string();
        if sup == 0.0 && reff == 0.0 {
            if let Some((ds, de)) = denial_of_claim(&t.f) {
                let ctx = Folded::new(tail_sentences(context, 3));
                let (cs, cr, _) = self.score(&ctx);
                let cue = vec![orig(ds, de)];
                if cs > cr {
                    return (Stance::Refutes, cue);
                }
                if cr > cs {
                    return (Stance::Supports, cue);
                }
            }
            return (Stance::Neutral, vec![]);
        }
        let (stance, pol) = if sup > reff {
            (Stance::Supports, 1)
        } else if reff > sup {
            (Stance::Refutes, -1)
        } else {
            return (Stance::Neutral, vec![]);
        };
        let mut cues: Vec<String> = Vec::new();
        for h in hits.iter().filter(|h| h.pol == pol && h.w > 0.0) {
            for (a, b) in h.denial.into_iter().chain(std::iter::once((h.s, h.e))) {
                let c = orig(a, b);
                if !cues.contains(&c) {
                    cues.push(c);
                }
            }
        }
        (stance, cues)
    }

    /// Supporting and refuting weights and the cues, in folded coordinates of `t`.
    fn score(&self, t: &Folded) -> (f32, f32, Vec<Hit>) {
        let text = t.f.as_str();
        let ws = words(text);
        if ws.is_empty() {
            return (0.0, 0.0, vec![]);
        }
        let word_at = |off: usize| {
            let i = ws.partition_point(|w| w.e <= off);
            (i < ws.len()).then_some(i)
        };
        let topic_hits = self.topic.find(t);
        let topic_sents: Vec<u32> = topic_hits.iter().filter_map(|m| word_at(m.s).map(|i| ws[i].sent)).collect();
        let mut hits: Vec<Hit> = Vec::new();
        let mut last_refute_word: Option<(usize, u32)> = None;
        for m in self.lex.find(t) {
            let def = self.defs[m.value];
            let Some(wi) = word_at(m.s) else { continue };
            let w = &ws[wi];
            if def.topic && !topic_sents.contains(&w.sent) {
                continue;
            }
            let mut weight = w.weight;
            // Negators and denials before the cue, in the same clause.
            let mut flips = 0;
            let mut neg_start = None;
            let mut counted = 0;
            let mut k = wi;
            while k > 0 && counted < 4 {
                let p = &ws[k - 1];
                if p.clause != w.clause || SCOPE_END.contains(&p.lc) {
                    break;
                }
                if self.is_negator(&ws, k - 1) {
                    flips += 1;
                    neg_start = Some(p.s);
                    // "not yet": an expectation, not a denial.
                    if ws.get(k).is_some_and(|n| n.lc == "yet") || ws.get(wi + 1).is_some_and(|n| n.lc == "yet") || ws.iter().skip(k).take(wi - k + 3).any(|n| n.lc == "yet") {
                        weight = 0.0;
                    }
                }
                if !SKIP.contains(&p.lc) {
                    counted += 1;
                }
                k -= 1;
            }
            // A denial verb earlier in the sentence denies what follows.
            let denial = (wi.saturating_sub(15)..wi)
                .rev()
                .take_while(|&i| ws[i].clause == w.clause && !matches!(ws[i].lc, "but" | "and" | "while" | "although" | "whereas" | "because"))
                .find(|&i| DENIALS.contains(&ws[i].lc));
            if denial.is_some() {
                flips += 1;
            }
            let pol = if flips % 2 == 1 { -def.pol } else { def.pol };
            // "curbed the activities of …", "will not allow any group to carry out attacks":
            // a refuting cue acting on a supporting one in the same clause.
            if pol > 0 && def.pol > 0 {
                if let Some((rw, clause)) = last_refute_word {
                    let between = ws[rw.min(wi)..wi].iter().any(|x| matches!(x.lc, "but" | "and" | "while" | "although" | "whereas"));
                    if clause == w.clause && wi >= rw && wi - rw <= 10 && !between {
                        continue;
                    }
                }
            }
            if def.pol < 0 && flips == 0 {
                let end_w = word_at(m.e.saturating_sub(1)).unwrap_or(wi);
                last_refute_word = Some((end_w, w.clause));
            }
            let s = neg_start.unwrap_or(m.s).min(m.s);
            hits.push(Hit { s, e: m.e, pol, w: weight, denial: denial.map(|d| (ws[d].s, ws[d].e)) });
        }
        // Existential presence: "there are (many) militant groups …".
        for (i, w) in ws.iter().enumerate() {
            if w.lc != "there" || !ws.get(i + 1).is_some_and(|n| EXIST.contains(&n.lc) && n.clause == w.clause) {
                continue;
            }
            // The noun phrase right after "there are", past quantifiers, must name the topic.
            let mut k = i + 2;
            while ws.get(k).is_some_and(|x| x.clause == w.clause && QUANT.contains(&x.lc)) && k < i + 7 {
                k += 1;
            }
            let Some(np) = ws.get(k).filter(|x| x.clause == w.clause) else { continue };
            if let Some(th) = topic_hits.iter().find(|h| h.s == np.s) {
                let neg = ws[i + 1..k].iter().any(|x| matches!(x.lc, "no" | "not" | "never") || x.lc.ends_with("n't"));
                let e = th.e;
                if hits.iter().any(|h| h.s < e && h.e > w.s) {
                    continue;
                }
                hits.push(Hit { s: w.s, e, pol: if neg { -1 } else { 1 }, w: w.weight, denial: None });
            }
        }
        hits.sort_by_key(|h| h.s);
        let sup: f32 = hits.iter().filter(|h| h.pol > 0).map(|h| h.w).sum();
        let reff: f32 = hits.iter().filter(|h| h.pol < 0).map(|h| h.w).sum();
        (sup, reff, hits)
    }

    fn is_negator(&self, ws: &[W], i: usize) -> bool {
        let w = ws[i].lc;
        if w.ends_with("n't") || self.negators.contains(w) {
            return true;
        }
        // two-word negators ("no longer")
        self.negator_pairs.iter().any(|(a, b)| (i > 0 && ws[i - 1].lc == a && w == b) || (w == a && ws.get(i + 1).is_some_and(|x| x.lc == b)))
    }
}

/// "reject this claim" / "deny it": the span of a denial whose object stands for another claim (folded text).
fn denial_of_claim(text: &str) -> Option<(usize, usize)> {
    let ws = words(text);
    for (i, w) in ws.iter().enumerate() {
        if !DENIALS.contains(&w.lc) {
            continue;
        }
        for o in ws.iter().skip(i + 1).take(3) {
            if CLAIM_NOUNS.contains(&o.lc) {
                return Some((w.s, o.e));
            }
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

/// Words of folded text with clause/sentence numbers and cue weights (contrast, concession, irrealis).
fn words(text: &str) -> Vec<W<'_>> {
    let mut out: Vec<W> = Vec::new();
    let (mut clause, mut sent) = (0u32, 0u32);
    let mut boundary = true;
    let mut contrast = false;
    let mut concessive = false;
    let mut irrealis = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut e = i + c.len_utf8();
            loop {
                let mut ch = text[e..].chars();
                match ch.next() {
                    Some(n) if n.is_alphanumeric() => e += n.len_utf8(),
                    Some(n) if matches!(n, '\'' | '\u{2019}' | '-') && ch.next().is_some_and(char::is_alphanumeric) => e += n.len_utf8(),
                    // "4,000" and "2.5" are one word
                    Some(n @ (',' | '.')) if c.is_ascii_digit() && ch.next().is_some_and(|d| d.is_ascii_digit()) => e += n.len_utf8(),
                    _ => break,
                }
            }
            while it.peek().is_some_and(|(j, _)| *j < e) {
                it.next();
            }
            let lc = &text[i..e];
            let starts = boundary;
            if starts && CONCESSIVE.contains(&lc) {
                concessive = true;
            }
            if CONTRAST.contains(&lc) && (starts || lc == "but") {
                contrast = true;
                concessive = false;
                irrealis = false;
            }
            if IRREALIS.contains(&lc) || lc == "so" && text[e..].trim_start().starts_with("that") || lc == "order" && out.last().is_some_and(|p| p.lc == "in") {
                irrealis = true;
            }
            let weight = if irrealis {
                0.0
            } else if concessive {
                0.5
            } else if contrast {
                2.0
            } else {
                1.0
            };
            out.push(W { s: i, e, lc, clause, sent, weight });
            boundary = false;
        } else if matches!(c, '.' | '!' | '?' | ';') {
            // decimal points and abbreviations do not end sentences
            let next_space = text[i + 1..].chars().next().is_none_or(char::is_whitespace) || text[i + 1..].starts_with(['"', '\u{201D}', '\u{2019}', '\'']);
            if next_space {
                clause += 1;
                if c != ';' {
                    sent += 1;
                    contrast = false;
                }
                concessive = false;
                irrealis = false;
                boundary = true;
            }
        } else if matches!(c, ',' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}' | '"' | '\u{201C}' | '\u{201D}') {
            clause += 1;
            concessive = false;
            irrealis = false;
            boundary = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(m: &StanceModel, text: &str, ctx: &str) -> (Stance, Vec<String>) {
        m.judge(&Folded::new(text), ctx)
    }

    fn model() -> StanceModel {
        let lex = StanceLexicon {
            supports: ["~active", "~presence", "threat", "threats", "base", "regroup", "fighters", "attacks", "accomplished anything"].map(String::from).to_vec(),
            refutes: ["defeated", "destroyed", "curbed", "surrendered", "baseless", "~not allow", "contained"].map(String::from).to_vec(),
            negators: ["not", "no", "never", "no longer", "cannot"].map(String::from).to_vec(),
        };
        StanceModel::new(&lex, &["Red Hand".to_string(), "rebels".to_string(), "rebel groups".to_string()])
    }

    #[test]
    fn plain_cues_decide() {
        let m = model();
        assert_eq!(judge(&m, "The Red Hand is trying to regroup near Tarsa.", "").0, Stance::Supports);
        let (s, cues) = judge(&m, "The rebels were defeated and their camps destroyed.", "");
        assert_eq!(s, Stance::Refutes);
        assert_eq!(cues, vec!["defeated", "destroyed"]);
    }

    #[test]
    fn negation_flips_and_is_highlighted() {
        let m = model();
        let (s, cues) = judge(&m, "The Red Hand has no presence in Tarsa and is not a threat.", "");
        assert_eq!(s, Stance::Refutes);
        assert_eq!(cues, vec!["no presence", "not a threat"]);
        let (s, _) = judge(&m, "The rebels cannot be considered a threat to the capital.", "");
        assert_eq!(s, Stance::Refutes);
    }

    #[test]
    fn not_yet_is_not_a_denial_and_if_clauses_do_not_count() {
        let m = model();
        let t = "The rebels are trying to regroup, they have not yet become a threat, and if they grow we will act.";
        assert_eq!(judge(&m, t, "").0, Stance::Supports);
    }

    #[test]
    fn contrast_favours_the_clause_after_but() {
        let m = model();
        let t = "They carried out some attacks but have not accomplished anything of note.";
        assert_eq!(judge(&m, t, "").0, Stance::Refutes);
    }

    #[test]
    fn topic_bound_cues_need_the_topic() {
        let m = model();
        assert_eq!(judge(&m, "We have been active in this area.", "").0, Stance::Neutral);
        assert_eq!(judge(&m, "The rebels remain active in the hills.", "").0, Stance::Supports);
    }

    #[test]
    fn existential_presence() {
        let m = model();
        let (s, cues) = judge(&m, "Currently there are many rebel groups in the valley.", "");
        assert_eq!(s, Stance::Supports);
        assert_eq!(cues, vec!["there are many rebel groups"]);
        assert_eq!(judge(&m, "There are no rebel groups in the valley.", "").0, Stance::Refutes);
    }

    #[test]
    fn denial_flips_and_denial_of_claim_uses_context() {
        let m = model();
        let (s, cues) = judge(&m, "denied the rebels' presence in the district", "");
        assert_eq!(s, Stance::Refutes);
        assert_eq!(cues, vec!["denied", "presence"]);
        let ctx = "A neighbouring state said the Red Hand has a base in the north.";
        let (s, cues) = judge(&m, "We reject this claim.", ctx);
        assert_eq!(s, Stance::Refutes);
        assert_eq!(cues, vec!["reject this claim"]);
        assert_eq!(judge(&m, "We have denied this claim many times.", "The ministry was accused of keeping lists.").0, Stance::Neutral);
    }

    #[test]
    fn denial_reaches_through_a_reported_claim() {
        let m = model();
        let t = "rejected a report claiming that the Red Hand has about 4,000 fighters in the north, calling it \"baseless\".";
        let (s, cues) = judge(&m, t, "");
        assert_eq!(s, Stance::Refutes, "{cues:?}");
        let t = "denied the rebels presence in the country, saying their numbers are defeated";
        assert_eq!(judge(&m, t, "").0, Stance::Refutes);
    }

    #[test]
    fn refuting_verb_on_supporting_noun() {
        let m = model();
        assert_eq!(judge(&m, "Police have curbed the attacks of the Red Hand.", "").0, Stance::Refutes);
    }

    #[test]
    fn purpose_clauses_do_not_count() {
        let m = model();
        assert_eq!(judge(&m, "We hold talks so that the unrest is contained.", "").0, Stance::Neutral);
    }
}
