//! Scoring one claim: every cue found with the polarity its context gives it (negation, denial, a refuting verb
//! on it) and the weight its clause gives it (contrast, concession, condition, a mere mention), plus existential
//! presence ("there are many militant groups").
use std::cell::OnceCell;

use super::lexicon::{CueKind, CLAIM_NOUNS, DENIALS, HEARSAY, HEARSAY_NOUNS};
use super::words::W;
use super::{tail_sentences, CueDef, StanceModel, EXIST, GROUP_NOUNS, QUANT, SCOPE_END, SKIP};
use crate::extract::phrases::{Folded, Hit as Match};

/// A cue counted in the claim (folded offsets).
pub struct Hit {
    pub s: usize,
    pub e: usize,
    pub pol: i8,
    pub w: f32,
    /// The denial verb that flipped this cue, shown with it.
    pub denial: Option<(usize, usize)>,
}

/// Words after which the speaker asserts in their own voice again, ending what a denial denies.
const OWN_VOICE: &[&str] = &[
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "however",
    "saying",
    "stating",
    "adding",
    "noting",
    "insisting",
    "arguing",
    "says",
    "said",
    "states",
    "stated",
    "adds",
    "added",
    "insists",
    "insisted",
    "stressed",
    "stresses",
];
/// Words that make what follows in their clause a topic of discussion, not an assertion ("met to discuss the threat").
const MENTION_FRAMES: &[&str] = &["discuss", "discussed", "discussing", "debate", "debated", "review", "reviewed", "examine"];

pub struct Scorer<'a> {
    m: &'a StanceModel,
    t: &'a Folded<'a>,
    ws: &'a [W<'a>],
    context: &'a str,
    topic_hits: Vec<Match>,
    /// Every lexicon match in the claim, in order.
    matches: Vec<Match>,
    topic_sents: Vec<u32>,
    /// Sentences that refer back to the topic with a definite phrase ("the group", "these militants").
    anaphor_sents: Vec<u32>,
    ctx_topic: OnceCell<bool>,
    open_topic: OnceCell<bool>,
}

impl<'a> Scorer<'a> {
    pub fn new(m: &'a StanceModel, t: &'a Folded<'a>, ws: &'a [W<'a>], context: &'a str) -> Scorer<'a> {
        let topic_hits = m.topic.find(t);
        let matches = m.lex.find(t);
        let mut s = Scorer {
            m,
            t,
            ws,
            context,
            topic_hits,
            matches,
            topic_sents: vec![],
            anaphor_sents: vec![],
            ctx_topic: OnceCell::new(),
            open_topic: OnceCell::new(),
        };
        s.topic_sents = s.topic_hits.iter().filter_map(|h| s.word_at(h.s).map(|i| ws[i].sent)).collect();
        s.anaphor_sents = ws
            .windows(2)
            .filter(|p| matches!(p[0].lc, "the" | "this" | "these" | "that" | "those") && GROUP_NOUNS.contains(&p[1].lc))
            .map(|p| p[1].sent)
            .collect();
        s
    }

    /// Every cue of the claim, in text order.
    pub fn hits(&self) -> Vec<Hit> {
        if self.ws.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = Vec::new();
        let mut last_refute_word: Option<(usize, u32)> = None;
        for &m in &self.matches {
            if let Some(h) = self.lexicon_hit(m, &mut last_refute_word) {
                hits.push(h);
            }
        }
        self.existential(&mut hits);
        hits.sort_by_key(|h| h.s);
        hits
    }

    fn word_at(&self, off: usize) -> Option<usize> {
        let i = self.ws.partition_point(|w| w.e <= off);
        (i < self.ws.len()).then_some(i)
    }

    /// Whether a topic-bound cue in sentence `sent` at `at` is about the topic: the sentence names it, or says
    /// "the group" after the topic was named (in the claim or just before it).
    fn about_topic(&self, sent: u32, at: usize) -> bool {
        if self.topic_sents.binary_search(&sent).is_ok() {
            return true;
        }
        // "… said that China is helping, but denied that the nation has any involvement": a claim that starts inside
        // a sentence shares that sentence's topic.
        if sent == 0 && *self.open_topic.get_or_init(|| self.sentence_so_far_names_topic()) {
            return true;
        }
        let topic_before = self.topic_hits.first().is_some_and(|h| h.s < at);
        let in_context = || {
            *self
                .ctx_topic
                .get_or_init(|| !self.context.is_empty() && !self.m.topic.find(&Folded::new(tail_sentences(self.context, 4))).is_empty())
        };
        self.anaphor_sents.binary_search(&sent).is_ok() && (topic_before || in_context())
    }

    /// Whether the context ends inside a sentence that names the topic.
    fn sentence_so_far_names_topic(&self) -> bool {
        let ctx = self.context.trim_end();
        let start = ctx.rfind(['.', '?', '!', '\n']).map_or(0, |i| i + 1);
        let open = &ctx[start..];
        !open.trim().is_empty() && !self.m.topic.find(&Folded::new(open)).is_empty()
    }

    /// One lexicon match as a counted cue, or `None` when it does not count.
    fn lexicon_hit(&self, m: Match, last_refute_word: &mut Option<(usize, u32)>) -> Option<Hit> {
        let def: CueDef = self.m.defs[m.value];
        let wi = self.word_at(m.s)?;
        let w = &self.ws[wi];
        if def.topic && !self.about_topic(w.sent, m.s) || !def.proper && self.in_name(wi, m) {
            return None;
        }
        let (mut neg_flips, neg_start, not_yet) = self.negation(wi);
        // "We call on you not to slander us", "stop using fabricated news": an appeal against the smear keeps it one.
        if def.kind == CueKind::Dismissal && self.appeal_against(wi) {
            neg_flips = 0;
        }
        let denial = if def.kind == CueKind::Dismissal { None } else { self.denial_over(wi) };
        let flips = neg_flips + usize::from(denial.is_some());
        let pol = if flips % 2 == 1 { -def.pol } else { def.pol };
        // "curbed the activities of …", "will not allow any group to carry out attacks": a refuting cue acting on a
        // supporting one in the same clause.
        if pol > 0 && def.pol > 0 && (self.under_refuting_verb(wi, *last_refute_word) || self.subject_of_refuting(m, wi)) {
            return None;
        }
        if def.pol < 0 && flips == 0 {
            *last_refute_word = Some((self.word_at(m.e.saturating_sub(1)).unwrap_or(wi), w.clause));
        }
        let hearsay = def.kind == CueKind::Plain && denial.is_none() && self.hearsay(wi);
        let own_words = def.kind == CueKind::Dismissal && self.about_own_words(wi);
        let weight = if not_yet || hearsay || own_words || self.mentioned(wi) || self.hypothetical_subject(wi) { 0.0 } else { w.weight };
        let s = neg_start.unwrap_or(m.s).min(m.s);
        Some(Hit { s, e: m.e, pol, w: weight, denial: denial.map(|d| (self.ws[d].s, self.ws[d].e)) })
    }

    /// Negators shortly before word `wi` in its clause: how many, where the first starts, and whether it is a
    /// "not yet" (an expectation, not a denial).
    fn negation(&self, wi: usize) -> (usize, Option<usize>, bool) {
        let ws = self.ws;
        let (mut flips, mut start, mut not_yet, mut counted, mut k) = (0, None, false, 0, wi);
        while k > 0 && counted < 4 {
            let p = &ws[k - 1];
            if p.clause != ws[wi].clause || SCOPE_END.contains(&p.lc) {
                break;
            }
            if let Some(len) = self.m.negator_len(ws, k - 1) {
                flips += 1;
                not_yet |= ws.iter().skip(k - 1).take(wi + 3 - (k - 1)).any(|n| n.lc == "yet");
                // a two-word negator ("no longer") ends here: count it once
                k -= len - 1;
                start = Some(ws[k - 1].s);
            }
            if !SKIP.contains(&ws[k - 1].lc) {
                counted += 1;
            }
            k -= 1;
        }
        (flips, start, not_yet)
    }

    /// The denial verb whose scope word `wi` is in: shortly before it in its clause ("denied the group's
    /// presence"), or earlier in the sentence with a claim as its object, whose content runs on to the cue
    /// ("rejected Iran's claims that fighters moved …", "rejected a report claiming that groups, including X,
    /// are present") until the speaker speaks in their own voice again ("…, saying that …").
    fn denial_over(&self, wi: usize) -> Option<usize> {
        let ws = self.ws;
        let w = &ws[wi];
        let near = (wi.saturating_sub(15)..wi)
            .rev()
            .take_while(|&i| ws[i].clause == w.clause && !matches!(ws[i].lc, "but" | "and" | "while" | "although" | "whereas" | "because"))
            .find(|&i| DENIALS.contains(&ws[i].lc));
        if near.is_some() {
            return near;
        }
        let mut i = wi;
        while i > 0 && wi - i < 40 {
            i -= 1;
            let x = &ws[i];
            // "a report that said …" is the report's voice, not the speaker's.
            let relative = i > 0 && matches!(ws[i - 1].lc, "that" | "which");
            if x.sent != w.sent || OWN_VOICE.contains(&x.lc) && !relative {
                return None;
            }
            // A denial verb, or a dismissal ("called disinformation the allegations of …"), with a claim as its object.
            if DENIALS.contains(&x.lc) || self.dismissal_at(i) {
                let object = ws[i + 1..wi].iter().take(6).any(|o| CLAIM_NOUNS.contains(&o.lc) && o.lc != "it" && o.lc != "them");
                if object {
                    return Some(i);
                }
                if DENIALS.contains(&x.lc) {
                    return None;
                }
            }
        }
        None
    }

    /// Whether word `wi` is on someone else's word: "an alleged presence", "allegations of a naval base", "reports
    /// that fighters moved".
    fn hearsay(&self, wi: usize) -> bool {
        let ws = self.ws;
        let alleged = (wi.saturating_sub(2)..wi).any(|k| HEARSAY.contains(&ws[k].lc));
        let reported = (wi.saturating_sub(6)..wi.saturating_sub(1)).any(|k| {
            HEARSAY_NOUNS.contains(&ws[k].lc)
                && matches!(ws[k + 1].lc, "of" | "that" | "about")
                && ws[k..wi].iter().all(|x| x.clause == ws[wi].clause)
        });
        alleged || reported
    }

    /// Whether the dismissal at word `wi` is the speaker's about their own words: "I am not exaggerating".
    fn about_own_words(&self, wi: usize) -> bool {
        let ws = self.ws;
        (wi.saturating_sub(4)..wi).any(|k| matches!(ws[k].lc, "i" | "we" | "i'm" | "we're") && ws[k].clause == ws[wi].clause)
    }

    /// Whether word `i` is (in) a dismissal cue.
    fn dismissal_at(&self, i: usize) -> bool {
        let w = &self.ws[i];
        self.matches.iter().any(|m| m.s <= w.s && w.e <= m.e && self.m.defs[m.value].kind == CueKind::Dismissal)
    }

    /// Whether the match at `m` (word `wi`) is part of a name written with capitals mid-sentence ("Ream Naval Base").
    fn in_name(&self, wi: usize, m: Match) -> bool {
        let first = self.t.text[self.t.orig(m.s)..].chars().next().is_some_and(char::is_uppercase);
        let sentence_start = wi == 0 || self.ws[wi - 1].sent != self.ws[wi].sent;
        first && !sentence_start
    }

    /// Whether word `wi` stands in the subject of a modal predicate later in its clause ("an exclusive presence at
    /// the port could threaten …"): what is only supposed is not asserted.
    fn hypothetical_subject(&self, wi: usize) -> bool {
        let ws = self.ws;
        for k in wi + 1..(wi + 10).min(ws.len()) {
            if ws[k].clause != ws[wi].clause || is_linking_verb(ws[k].lc) {
                return false;
            }
            if matches!(ws[k].lc, "could" | "would" | "might") && ws.get(k + 1).is_some_and(|n| n.lc != "have" && n.lc != "be") {
                return true;
            }
        }
        false
    }

    /// Whether word `wi` is what someone is asked not to do: "not to …", "never to …", "stop …", "refrain from …".
    fn appeal_against(&self, wi: usize) -> bool {
        let ws = self.ws;
        (wi.saturating_sub(4)..wi).any(|k| {
            let next = ws.get(k + 1).map(|n| n.lc);
            matches!(ws[k].lc, "stop" | "stopped" | "refrain" | "cease") || matches!(ws[k].lc, "not" | "never") && next == Some("to")
        })
    }

    /// Whether a refuting verb shortly before word `wi`, in its clause, acts on it.
    fn under_refuting_verb(&self, wi: usize, last: Option<(usize, u32)>) -> bool {
        let Some((rw, clause)) = last else { return false };
        let ws = self.ws;
        let between = ws[rw.min(wi)..wi].iter().any(|x| matches!(x.lc, "but" | "and" | "while" | "although" | "whereas"));
        clause == ws[wi].clause && wi >= rw && wi - rw <= 20 && !between
    }

    /// Whether the supporting cue at `m` is the subject of a refuting predicate later in its clause ("the group's
    /// activities have been reduced to zero", "their attacks were curbed").
    fn subject_of_refuting(&self, m: Match, wi: usize) -> bool {
        let ws = self.ws;
        let end = (wi + 16).min(ws.len());
        for r in self.matches.iter().filter(|x| x.s > m.e) {
            let Some(ri) = self.word_at(r.s).filter(|&ri| ri < end) else { break };
            if ri <= wi {
                continue;
            }
            // What the predicate says: a refuting word, or a supporting one negated ("does not constitute a deployment").
            let flips = self.negation(ri).0;
            let refuting = (self.m.defs[r.value].pol < 0) == (flips % 2 == 0);
            let gap = &ws[wi + 1..ri];
            let joined = gap
                .iter()
                .any(|x| matches!(x.lc, "and" | "but" | "while" | "although" | "though" | "despite" | "whereas" | "that" | "which"));
            if refuting && ws[ri].clause == ws[wi].clause && !joined && gap.iter().any(|x| is_linking_verb(x.lc)) {
                return true;
            }
        }
        false
    }

    /// Whether word `wi` only names a topic of discussion ("convened to discuss a report on the threat").
    fn mentioned(&self, wi: usize) -> bool {
        let ws = self.ws;
        (wi.saturating_sub(8)..wi)
            .rev()
            .take_while(|&i| ws[i].clause == ws[wi].clause && ws[i].lc != "that")
            .any(|i| MENTION_FRAMES.contains(&ws[i].lc))
    }

    /// Existential presence: "there are (many) militant groups …", or "there are no …".
    fn existential(&self, hits: &mut Vec<Hit>) {
        let ws = self.ws;
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
            let Some(th) = self.topic_hits.iter().find(|h| h.s == np.s) else { continue };
            let neg = ws[i + 1..k].iter().any(|x| matches!(x.lc, "no" | "not" | "never") || x.lc.ends_with("n't"));
            if !hits.iter().any(|h| h.s < th.e && h.e > w.s) {
                hits.push(Hit { s: w.s, e: th.e, pol: if neg { -1 } else { 1 }, w: w.weight, denial: None });
            }
        }
    }
}

/// A verb that links a subject to its predicate ("have been reduced", "was defeated", "are contained").
fn is_linking_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "got"
            | "get"
            | "remain"
            | "remains"
            | "does"
            | "do"
            | "did"
            | "constitute"
            | "constitutes"
            | "mean"
            | "means"
    )
}
