//! Stance toward the corpus question: lexicon cues with negation, denial, contrast, irrealis and topic scope.
use super::lex::char_at;
use super::phrases::{Folded, Phrases, WordSet};
use counterclaim_core::config::StanceLexicon;
use counterclaim_core::model::Stance;
use counterclaim_core::text::fold;
use std::collections::HashSet;

/// Denial verbs: they flip the cues of what they deny ("denied the group's presence").
const DENIALS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "rebuff",
    "rebuffed",
    "dispute",
    "disputes",
    "disputed",
];
/// Nouns that stand for someone else's claim ("we reject this claim").
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "report",
    "reports",
    "charge",
    "charges",
    "it",
    "them",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "assertion",
    "assertions",
    "notion",
    "idea",
    "statement",
    "statements",
    "assessment",
    "assessments",
];
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
    /// `topic_aliases`: names of what the question is about ("militant groups", "the Red Hand").
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
        let ws = words(&t.f);
        let (sup, reff, hits) = self.score(t, &ws, context);
        let orig = |a: usize, b: usize| t.text[t.orig(a)..t.orig(b)].to_string();
        if sup == 0.0 && reff == 0.0 {
            if let Some((ds, de)) = denial_of_claim(&ws) {
                let ctx = Folded::new(tail_sentences(context, 3));
                let (cs, cr, _) = self.score(&ctx, &words(&ctx.f), "");
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
    fn score(&self, t: &Folded, ws: &[W], context: &str) -> (f32, f32, Vec<Hit>) {
        if ws.is_empty() {
            return (0.0, 0.0, vec![]);
        }
        let word_at = |off: usize| {
            let i = ws.partition_point(|w| w.e <= off);
            (i < ws.len()).then_some(i)
        };
        let topic_hits = self.topic.find(t);
        let topic_sents: Vec<u32> = topic_hits.iter().filter_map(|m| word_at(m.s).map(|i| ws[i].sent)).collect();
        // Sentences that refer back to the topic with a definite phrase ("the group", "these militants").
        let anaphor_sents: Vec<u32> = ws
            .windows(2)
            .filter(|p| matches!(p[0].lc, "the" | "this" | "these" | "that" | "those") && GROUP_NOUNS.contains(&p[1].lc))
            .map(|p| p[1].sent)
            .collect();
        let topic_before = |at: usize| topic_hits.first().is_some_and(|h| h.s < at);
        let ctx_topic = std::cell::OnceCell::new();
        let topic_in_context =
            || *ctx_topic.get_or_init(|| !context.is_empty() && !self.topic.find(&Folded::new(tail_sentences(context, 4))).is_empty());
        let mut hits: Vec<Hit> = Vec::new();
        let mut last_refute_word: Option<(usize, u32)> = None;
        for m in self.lex.find(t) {
            let def = self.defs[m.value];
            let Some(wi) = word_at(m.s) else { continue };
            let w = &ws[wi];
            // A generic cue counts in a sentence about the topic: named, or "the group" after the topic was named.
            if def.topic
                && topic_sents.binary_search(&w.sent).is_err()
                && !(anaphor_sents.binary_search(&w.sent).is_ok() && (topic_before(m.s) || topic_in_context()))
            {
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
                if let Some(len) = self.negator_len(ws, k - 1) {
                    flips += 1;
                    // "not yet": an expectation, not a denial.
                    if ws.iter().skip(k - 1).take(wi + 3 - (k - 1)).any(|n| n.lc == "yet") {
                        weight = 0.0;
                    }
                    // a two-word negator ("no longer") ends here: count it once
                    k -= len - 1;
                    neg_start = Some(ws[k - 1].s);
                }
                if !SKIP.contains(&ws[k - 1].lc) {
                    counted += 1;
                }
                k -= 1;
            }
            // A denial verb earlier in the sentence denies what follows.
            let denial = (wi.saturating_sub(15)..wi)
                .rev()
                .take_while(|&i| {
                    ws[i].clause == w.clause && !matches!(ws[i].lc, "but" | "and" | "while" | "although" | "whereas" | "because")
                })
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

    /// Whether the word at `i` ends a negator, and how many words the negator has ("no longer": 2).
    fn negator_len(&self, ws: &[W], i: usize) -> Option<usize> {
        let w = ws[i].lc;
        if i > 0 && self.negator_pairs.iter().any(|(a, b)| ws[i - 1].lc == a && w == b) {
            return Some(2);
        }
        (w.ends_with("n't") || self.negators.contains(w)).then_some(1)
    }
}

/// "reject this claim" / "deny it": the span of a denial whose object stands for another claim (folded text).
fn denial_of_claim(ws: &[W]) -> Option<(usize, usize)> {
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

/// Marker words that change the weight of cues after them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Contrast,
    Concessive,
    Irrealis,
}

fn marker(w: &str) -> Marker {
    match w {
        "but" | "however" | "yet" | "nevertheless" | "nonetheless" | "still" => Marker::Contrast,
        "although" | "though" | "despite" | "even" | "whereas" => Marker::Concessive,
        "if" | "unless" | "whether" | "lest" => Marker::Irrealis,
        _ => Marker::None,
    }
}

/// Words of folded text with clause/sentence numbers and cue weights (contrast, concession, irrealis).
fn words(text: &str) -> Vec<W<'_>> {
    let b = text.as_bytes();
    let mut out: Vec<W> = Vec::with_capacity(b.len() / 5 + 1);
    let (mut clause, mut sent) = (0u32, 0u32);
    let mut boundary = true;
    let mut contrast = false;
    let mut concessive = false;
    let mut irrealis = false;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let cl = c.len_utf8();
        if c.is_ascii_alphanumeric() || !c.is_ascii() && c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            let mut e = i + cl;
            loop {
                while e < b.len() && b[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let Some(n) = char_at(text, e) else { break };
                let next_alnum = |k: usize| char_at(text, k).is_some_and(char::is_alphanumeric);
                if !n.is_ascii() && n.is_alphanumeric() {
                    e += n.len_utf8();
                } else if matches!(n, '\'' | '-') && next_alnum(e + 1) {
                    e += 1;
                } else if matches!(n, ',' | '.') && digit && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
                    // "4,000" and "2.5" are one word
                    e += 1;
                } else {
                    break;
                }
            }
            let lc = &text[i..e];
            let starts = boundary;
            match marker(lc) {
                Marker::Concessive if starts => concessive = true,
                Marker::Contrast if starts || lc == "but" => {
                    contrast = true;
                    concessive = false;
                    irrealis = false;
                }
                Marker::Irrealis => irrealis = true,
                _ => {}
            }
            if lc == "so" && text[e..].trim_start().starts_with("that") || lc == "order" && out.last().is_some_and(|p| p.lc == "in") {
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
            i = e;
            continue;
        }
        match c {
            '.' | '!' | '?' | ';' => {
                // decimal points and abbreviations do not end sentences
                let next_space = char_at(text, i + 1).is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '\''));
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
            }
            ',' | ':' | '(' | ')' | '"' | '\u{2013}' | '\u{2014}' => {
                clause += 1;
                concessive = false;
                irrealis = false;
                boundary = true;
            }
            // a dash between spaces (folded "–" / "—")
            '-' if i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => {
                clause += 1;
                concessive = false;
                irrealis = false;
                boundary = true;
            }
            _ => {}
        }
        i += cl;
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
            supports: ["~active", "~presence", "threat", "threats", "base", "regroup", "fighters", "attacks", "accomplished anything"]
                .map(String::from)
                .to_vec(),
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
    fn topic_bound_cues_accept_a_definite_reference_to_the_topic() {
        let m = model();
        assert_eq!(judge(&m, "The group is still active in the hills.", "The Red Hand lost its leader.").0, Stance::Supports);
        assert_eq!(judge(&m, "The group is still active in the hills.", "The choir gave a concert.").0, Stance::Neutral);
        assert_eq!(judge(&m, "They are active in the hills.", "The Red Hand lost its leader.").0, Stance::Neutral);
    }

    #[test]
    fn two_word_negators_count_once() {
        let m = model();
        assert_eq!(judge(&m, "The Red Hand no longer poses a threat.", "").0, Stance::Refutes);
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
