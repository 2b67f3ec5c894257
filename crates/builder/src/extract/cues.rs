//! Cue verbs and attribution patterns: which words introduce speech, where the speaker and the claim are.
use super::lex::{Kind, Lexed, Quote, Tok};
use super::phrases::{FastBuild, WordSet};
use super::speakers::{has_name, is_pronoun, np_left, np_right, subject_left, subject_right, Pron, Subj};
use std::collections::HashMap;

/// Takes a that-clause or a bare clause ("said the group is weak").
pub const SAY: u8 = 1;
/// Needs "that", a colon or a quotation, possibly after an object ("told reporters that").
pub const THAT: u8 = 2;
/// A denial: with a plain object the denial itself is the claim ("denied the reports").
pub const DENY: u8 = 4;
/// Only next to a quotation ("“…,” the letter read").
pub const QUOTE: u8 = 8;
/// Continues the previous statement ("added").
pub const CONT: u8 = 16;
/// Names something with a judgement ("called the report baseless"): the naming is the claim.
pub const NAMING: u8 = 32;
/// With a plain object instead of a clause, the verb and its object are the claim ("confirmed reports of …").
pub const OBJECT: u8 = 64;

/// Cue verbs: all their forms (base first) and what they take.
const CUES: &[(&str, u8)] = &[
    ("say says said saying", SAY),
    ("tell tells told telling", THAT),
    ("add adds added adding", SAY | CONT),
    ("note notes noted noting", SAY),
    ("state states stated stating", SAY),
    ("claim claims claimed claiming", SAY),
    ("assert asserts asserted asserting", SAY),
    ("deny denies denied denying", DENY),
    ("reject rejects rejected rejecting", DENY),
    ("dismiss dismisses dismissed dismissing", DENY),
    ("refute refutes refuted refuting", DENY),
    ("rebuff rebuffs rebuffed rebuffing", DENY),
    ("assure assures assured assuring", THAT),
    ("reassure reassures reassured reassuring", THAT),
    ("warn warns warned warning", THAT),
    ("insist insists insisted insisting", SAY),
    ("confirm confirms confirmed confirming", SAY | OBJECT),
    ("announce announces announced announcing", THAT),
    ("stress stresses stressed stressing", SAY),
    ("emphasize emphasizes emphasized emphasizing", SAY),
    ("emphasise emphasises emphasised emphasising", SAY),
    ("contend contends contended contending", SAY),
    ("urge urges urged urging", QUOTE),
    ("allege alleges alleged alleging", THAT),
    ("call calls called calling", QUOTE | NAMING),
    ("describe describes described describing", QUOTE | NAMING),
    ("label labels labelled labeled labelling", QUOTE | NAMING),
    ("term terms termed terming", QUOTE | NAMING),
    ("brand brands branded branding", QUOTE | NAMING),
    ("testify testifies testified testifying", THAT),
    ("write writes wrote written writing", THAT | QUOTE),
    ("read reads read reading", QUOTE),
    ("explain explains explained explaining", SAY),
    ("argue argues argued arguing", SAY),
    ("acknowledge acknowledges acknowledged acknowledging", SAY | OBJECT),
    ("admit admits admitted admitting", SAY | OBJECT),
    ("concede concedes conceded conceding", SAY),
    ("reiterate reiterates reiterated reiterating", SAY | CONT),
    ("maintain maintains maintained maintaining", THAT),
    ("believe believes believed believing", SAY),
    ("predict predicts predicted predicting", THAT),
    ("declare declares declared declaring", SAY),
    ("report reports reported reporting", THAT),
    ("quote quotes quoted quoting", QUOTE),
    ("tweet tweets tweeted tweeting", THAT | QUOTE),
    ("post posts posted posting", QUOTE),
    ("underline underlines underlined underlining", THAT),
    ("underscore underscores underscored underscoring", THAT),
    ("highlight highlights highlighted highlighting", THAT),
    ("mention mentions mentioned mentioning", THAT),
    ("remark remarks remarked remarking", SAY),
    ("reply replies replied replying", THAT | QUOTE),
    ("respond responds responded responding", THAT | QUOTE),
    ("answer answers answered answering", QUOTE),
    ("continue continues continued continuing", QUOTE | CONT),
    ("conclude concludes concluded concluding", THAT),
    ("caution cautions cautioned cautioning", THAT),
    ("vow vows vowed vowing", THAT),
    ("pledge pledges pledged pledging", THAT),
    ("promise promises promised promising", THAT),
    ("estimate estimates estimated estimating", THAT),
    ("assess assesses assessed assessing", THAT),
    ("indicate indicates indicated indicating", THAT),
    ("reveal reveals revealed revealing", THAT),
    ("disclose discloses disclosed disclosing", THAT),
    ("affirm affirms affirmed affirming", SAY),
    ("reaffirm reaffirms reaffirmed reaffirming", SAY),
    ("clarify clarifies clarified clarifying", THAT),
    ("observe observes observed observing", THAT),
    ("recall recalls recalled recalling", THAT),
    ("complain complains complained complaining", THAT),
    ("accuse accuses accused accusing", DENY),
    ("ask asks asked asking", QUOTE),
    ("exclaim exclaims exclaimed exclaiming", QUOTE),
    ("boast boasts boasted boasting", THAT),
    ("agree agrees agreed agreeing", THAT),
    ("suggest suggests suggested suggesting", THAT),
    ("think thinks thought", THAT),
    ("demand demands demanded demanding", THAT),
    ("express expresses expressed expressing", THAT),
    ("condemn condemns condemned condemning", DENY),
];

/// A cue word form.
#[derive(Debug, Clone, Copy)]
pub struct CueForm {
    pub flags: u8,
    /// "-ing" participle: extends a claim, never starts one.
    pub ing: bool,
    /// The base form ("say"): finite only after a plural subject.
    pub base: bool,
}

/// All cue word forms, by folded spelling.
#[derive(Debug, Clone)]
pub struct CueTable {
    map: HashMap<String, CueForm, FastBuild>,
}

impl Default for CueTable {
    fn default() -> Self {
        let mut map: HashMap<String, CueForm, FastBuild> = HashMap::default();
        for (forms, flags) in CUES {
            for (i, f) in forms.split(' ').enumerate() {
                map.entry(f.to_string()).or_insert(CueForm { flags: *flags, ing: f.ends_with("ing") && i > 0, base: i == 0 });
            }
        }
        CueTable { map }
    }
}

impl CueTable {
    /// The cue form of a word, wherever it stands (inside a quotation too).
    fn form(&self, lc: &str) -> Option<CueForm> {
        self.map.get(lc).copied()
    }

    pub fn get(&self, t: &Tok) -> Option<CueForm> {
        if t.kind != Kind::Word || t.depth > 0 {
            return None;
        }
        self.map.get(t.lc.as_str()).copied()
    }
}

/// Modals and "is/was" that make "that" a pronoun when they follow it ("said that would not happen").
const MODALS: &[&str] = &["would", "will", "won't", "wouldn't", "could", "can", "cannot", "can't", "is", "was", "isn't", "wasn't"];
/// Auxiliaries: a cue word right before one is a noun ("the claims were").
const AUX: &[&str] = &["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should"];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got", "gets"];
/// Finite auxiliaries and common verbs that show a clause has started.
static FINITE: WordSet = WordSet::new(&[
    // Irregular past tenses (the regular ones end in "-ed").
    "laid",
    "paid",
    "made",
    "held",
    "kept",
    "sent",
    "spent",
    "built",
    "gave",
    "took",
    "ran",
    "sold",
    "bought",
    "brought",
    "sought",
    "fought",
    "lost",
    "won",
    "hid",
    "stole",
    "broke",
    "led",
    "met",
    "went",
    "grew",
    "knew",
    "shot",
    "struck",
    "drove",
    "flew",
    "fled",
    "began",
    "came",
    "became",
    "stood",
    "fell",
    "rose",
    "sank",
    "threw",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "does",
    "do",
    "did",
    "won't",
    "can't",
    "cannot",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "doesn't",
    "don't",
    "didn't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "remains",
    "remain",
    "continues",
    "continue",
    "seems",
    "seem",
    "appears",
    "appear",
    "exists",
    "exist",
    "lacks",
    "lack",
    "poses",
    "pose",
    "needs",
    "wants",
    "plans",
    "faces",
    "face",
    "holds",
    "hold",
    "controls",
    "control",
    "means",
    "makes",
    "make",
    "uses",
    "use",
    "operates",
    "operate",
    "represents",
    "constitutes",
    "threatens",
    "enjoys",
    "maintains",
    "receives",
    "provides",
    "supports",
    "runs",
    "leads",
    "keeps",
    "stays",
    "lies",
    "grows",
    "spreads",
    "becomes",
    "become",
    "takes",
    "gets",
    "gives",
    "tries",
    "try",
    "seeks",
    "seek",
    "aims",
    "intends",
    "hopes",
    "knows",
    "know",
    "believes",
    "see",
    "sees",
    "remained",
    "there's",
    "it's",
    "they're",
    "that's",
    "he's",
    "she's",
    "we're",
    "we've",
    "they've",
    "isn't",
    // base forms after plural subjects, and irregular past tenses
    "run",
    "work",
    "live",
    "want",
    "need",
    "plan",
    "stay",
    "come",
    "go",
    "get",
    "give",
    "show",
    "enjoy",
    "fight",
    "move",
    "return",
    "resume",
    "attack",
    "threaten",
    "train",
    "recruit",
    "hide",
    "plot",
    "gather",
    "receive",
    "support",
    "provide",
    "mean",
    "represent",
    "intend",
    "hope",
    "aim",
    "wish",
    "pose",
    "lack",
    "keep",
    "hold",
    "own",
    "rose",
    "fell",
    "grew",
    "went",
    "came",
    "took",
    "gave",
    "made",
    "saw",
    "knew",
    "held",
    "kept",
    "left",
    "lost",
    "won",
    "ran",
    "fought",
    "fled",
    "began",
    "became",
    "built",
    "brought",
    "caught",
    "drove",
    "found",
    "got",
    "heard",
    "hid",
    "led",
    "met",
    "paid",
    "put",
    "sent",
    "set",
    "shot",
    "spent",
    "stood",
    "struck",
    "thought",
    "understood",
    "broke",
    "chose",
    "fell",
    "flew",
    "forgot",
    "grew",
    "hit",
    "hurt",
    "let",
    "meant",
    "sold",
    "sought",
    "spread",
    "stole",
    "swore",
    "taught",
    "threw",
    "wore",
    "runs",
    "works",
    "lives",
    "comes",
    "goes",
    "shows",
    "fights",
    "moves",
    "returns",
    "resumes",
    "attacks",
    "trains",
    "recruits",
    "hides",
    "plots",
    "gathers",
    "wishes",
    "owns",
]);
static PREPS: WordSet = WordSet::new(&[
    "at",
    "on",
    "in",
    "during",
    "after",
    "before",
    "to",
    "with",
    "from",
    "via",
    "through",
    "in",
    "while",
    "upon",
    "by",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "recently",
    "separately",
    "again",
    "also",
    "repeatedly",
    "publicly",
    "previously",
    "on",
    "over",
    "late",
    "early",
]);
/// Time words that may stand between a cue and its bare clause ("said Tuesday the …").
static TIME: WordSet = WordSet::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "again",
    "also",
    "last",
    "this",
    "week",
    "month",
    "year",
    "on",
    "morning",
    "evening",
    "afternoon",
    "night",
]);
const DETS_ETC: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "of", "in", "on", "at", "to", "for", "and", "or",
    "with", "by", "from",
];
/// Vague sources that are not speakers ("according to reports").
const VAGUE: &[&str] = &[
    "reports",
    "report",
    "sources",
    "source",
    "media",
    "estimates",
    "data",
    "figures",
    "copy",
    "documents",
    "records",
    "statistics",
    "reporting",
    "information",
    "rumours",
    "rumors",
    "witnesses",
];

/// What a statement found in a sentence says about itself.
#[derive(Debug, Clone)]
pub struct Found {
    pub subj: Option<Subj>,
    /// Token ranges of the claim text (`[a, b)`), in order.
    pub pieces: Vec<(usize, usize)>,
    /// Cue as written.
    pub cue: Option<String>,
    pub direct: bool,
    pub floating: bool,
    pub cont: bool,
    /// Position for ordering (first token of the claim or its attribution).
    pub pos: usize,
}

fn word_is(toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.lc == w)
}

/// Is `i` a usable cue: finite, not passive, not an infinitive, not inside a quotation.
fn usable_cue(cues: &CueTable, toks: &[Tok], lo: usize, i: usize) -> Option<CueForm> {
    let f = cues.get(&toks[i])?;
    // "-ing" forms extend claims; a capitalised word is a name ("United States").
    if f.ing || toks[i].cap {
        return None;
    }
    // Passive ("is reported", "was dismissed"), infinitive ("to say"), perfect is fine ("has said").
    let mut k = i;
    while k > lo
        && toks[k - 1].kind == Kind::Word
        && (toks[k - 1].lc.ends_with("ly") || toks[k - 1].lc == "also" || toks[k - 1].lc == "not")
    {
        k -= 1;
    }
    if k > lo && toks[k - 1].kind == Kind::Word && (BE.contains(&toks[k - 1].lc.as_str()) || toks[k - 1].lc == "to") {
        // "went on to say", "continued to say": the infinitive carries a finite verb before it.
        let carried = toks[k - 1].lc == "to"
            && k >= lo + 2
            && (word_is(toks, k - 2, "continued") || word_is(toks, k - 2, "on") && k >= lo + 3 && word_is(toks, k - 3, "went"));
        if !carried {
            return None;
        }
    }
    // "what it calls freedom of navigation": the speaker's term, not a statement.
    if f.flags & NAMING != 0 && i >= lo + 2 && word_is(toks, i - 2, "what") {
        return None;
    }
    // ", also called Peul", ", called Kidal": a name given in apposition, not speech.
    if f.flags & NAMING != 0
        && k > lo
        && (toks[k - 1].is_punct(",") || word_is(toks, i.saturating_sub(1), "also") && k > lo + 1 && toks[k - 2].is_punct(","))
    {
        return None;
    }
    // "said" as an adjective after a determiner ("the said report").
    if k > lo && matches!(toks[k - 1].lc.as_str(), "the" | "a" | "an" | "this" | "these") {
        return None;
    }
    // A noun before the real verb: "a UN report said", "the claims were".
    if let Some(n) = toks.get(i + 1).filter(|n| n.kind == Kind::Word && n.depth == 0) {
        let w = n.lc.as_str();
        let verb_next = AUX.contains(&w)
            || cues.get(n).is_some_and(|g| {
                !g.ing && !g.base && (w.ends_with("ed") || matches!(w, "said" | "says" | "told" | "tells" | "wrote" | "writes"))
            });
        if verb_next {
            return None;
        }
    }
    // The base form after a singular indefinite phrase ("a recent report") is a noun.
    if f.base && (lo..i).rev().take(4).take_while(|&j| toks[j].kind == Kind::Word).any(|j| matches!(toks[j].lc.as_str(), "a" | "an")) {
        return None;
    }
    Some(f)
}

/// Is there a finite verb in the first clause segment from `k`: a bare reported clause.
fn finite_clause(toks: &[Tok], k: usize, hi: usize) -> bool {
    let mut n = 0;
    let mut paren = 0i32;
    let mut dash = false;
    let mut aside = false;
    let mut prev: (Option<&Tok>, Option<&Tok>) = (None, None);
    for m in k..hi {
        let t = &toks[m];
        // Words inside a quotation count ("said the government “has not been transparent …”").
        if t.is_quote_mark() {
            continue;
        }
        if t.kind == Kind::Punct {
            match t.lc.as_str() {
                "(" => paren += 1,
                ")" => paren -= 1,
                "\u{2013}" | "\u{2014}" => dash = !dash,
                "," if aside => aside = false,
                // "the base, located off the coast, could give …": an aside after the subject is skipped.
                "," if paren <= 0 && !dash && n > 0 && opens_aside(toks.get(m + 1)) => aside = true,
                "," | ";" | ":" | "." | "?" | "!" if paren <= 0 && !dash => return false,
                _ => {}
            }
            continue;
        }
        if paren > 0 || dash || aside || t.kind != Kind::Word {
            continue;
        }
        // "said at a briefing when asked about …": a subordinate clause is no reported one.
        if matches!(t.lc.as_str(), "when" | "after" | "before" | "while" | "because" | "if" | "unless" | "until") {
            return false;
        }
        n += 1;
        if n > 16 {
            return false;
        }
        if n > 1 && starts_predicate(prev, t) {
            return true;
        }
        prev = (Some(t), prev.0);
    }
    false
}

/// A participle or relative pronoun after a comma: an aside ("located off …", "which …").
fn opens_aside(t: Option<&Tok>) -> bool {
    t.is_some_and(|t| {
        let w = t.lc.as_str();
        t.kind == Kind::Word && !t.cap && (w.ends_with("ed") || w.ends_with("ing") || matches!(w, "which" | "who" | "whose"))
    })
}

/// Whether `t`, after the words `prev` (the last, the one before), is a finite verb: an auxiliary, a past form,
/// or a present form after a noun ("the constitution (expressly) forbids").
fn starts_predicate(prev: (Option<&Tok>, Option<&Tok>), t: &Tok) -> bool {
    let w = t.lc.as_str();
    let p = prev.0.map(|p| p.lc.as_str()).unwrap_or("");
    // after a determiner or preposition it is a noun ("claimed responsibility for the attack")
    if FINITE.contains(&w) && p != "to" && !DETS_ETC.contains(&p) {
        return true;
    }
    if w.ends_with("ed") && w.len() > 4 && !DETS_ETC.contains(&p) && !t.cap {
        return true;
    }
    let noun = if p.ends_with("ly") { prev.1 } else { prev.0 };
    noun.is_some_and(|n| present_after_noun(n, t))
}

/// "the constitution forbids": a present-tense verb in -s right after a singular noun (not "the heads", not
/// "security forces", not "the nation's laws").
fn present_after_noun(prev: &Tok, t: &Tok) -> bool {
    let (p, w) = (prev.lc.as_str(), t.lc.as_str());
    let verb_like =
        w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !w.ends_with("ics");
    let noun_before = prev.kind == Kind::Word && p.len() > 2 && !p.ends_with('s') && !p.starts_with('\'') && !p.ends_with("ly");
    verb_like && !t.cap && noun_before && !DETS_ETC.contains(&p) && !FINITE.contains(&p)
}

/// Is there a finite verb anywhere in `[a, b)` (outside brackets)?
fn finite_clause_anywhere(toks: &[Tok], a: usize, b: usize) -> bool {
    (a..b).any(|i| {
        let t = &toks[i];
        t.kind == Kind::Word
            && (FINITE.contains(&t.lc.as_str()) || t.lc.ends_with("ed"))
            && (i == a || !DETS_ETC.contains(&toks[i - 1].lc.as_str()))
    })
}

/// One top-level quotation: its marks, the token after it, and where the next one opens.
#[derive(Clone, Copy)]
struct Q {
    open: usize,
    close: usize,
    after: usize,
    next_open: usize,
}

/// The walk over a sentence's quotations: what was found, the ranges it used, the end of the last quotation
/// looked at, and the end of the last statement found (where a sentence with quoted fragments may start).
struct QuoteWalk {
    sa: usize,
    sb: usize,
    out: Vec<Found>,
    consumed: Vec<(usize, usize)>,
    prev_end: usize,
    claimed_end: usize,
}

/// Where the walk over a sentence's reported speech is: the sentence, the start of the current stretch, the word.
struct Walk {
    sa: usize,
    sb: usize,
    lo: usize,
    i: usize,
    /// The speaker of the statement found last ("…, but has denied that …" shares it).
    last: Option<Subj>,
}

/// Sentence-level attribution analysis.
pub struct Finder<'a> {
    pub cues: &'a CueTable,
    pub lx: &'a Lexed,
    pub text: &'a str,
}

impl Finder<'_> {
    fn toks(&self) -> &[Tok] {
        &self.lx.toks
    }

    /// All statements of the sentence `[sa, sb)`, in text order: its quotations with their attributions, then the
    /// reported speech outside them.
    pub fn sentence(&self, sa: usize, sb: usize) -> Vec<Found> {
        let quotes: Vec<(usize, usize, bool)> =
            self.quotes_in(sa, sb).filter(|q| q.depth == 0).map(|q| (q.open, q.close, q.closed)).collect();
        let mut w = QuoteWalk { sa, sb, out: Vec::new(), consumed: Vec::new(), prev_end: sa, claimed_end: sa };
        for (qi, &(open, close, closed)) in quotes.iter().enumerate() {
            let q = Q { open, close, after: if closed { close + 1 } else { close }, next_open: quotes.get(qi + 1).map_or(sb, |q| q.0) };
            self.quotation(&mut w, q);
        }
        let QuoteWalk { mut out, consumed, .. } = w;
        self.indirect(sa, sb, &consumed, &mut out);
        out.sort_by_key(|f| f.pos);
        out
    }

    /// One top-level quotation of the sentence: `"…," said S`, `S said: "…"`, a quotation after a paragraph that
    /// ends "… said:", or a quotation that is the whole sentence (continuing the previous speaker).
    fn quotation(&self, w: &mut QuoteWalk, q: Q) {
        let toks = self.toks();
        // Inside a statement found already (a sentence quoted whole).
        if q.open < w.claimed_end {
            return;
        }
        let pieces = quote_pieces(toks, q.open, q.close);
        if pieces.is_empty() {
            w.prev_end = q.after;
            return;
        }
        let (found, consumed, end) = if let Some(f) = self.quote_then_attr(w, q, pieces.clone()) {
            f
        } else if let Some(f) = self.attr_then_quote(w, q, pieces.clone()) {
            f
        } else if let Some(f) = self.after_colon_paragraph(w, q, pieces.clone()) {
            f
        } else if let Some(f) = self.subject_then_quoted_verb(w, q) {
            f
        } else {
            let lead_ok = toks[w.sa..q.open].iter().all(|t| t.kind == Kind::Punct || t.kind == Kind::Reopen);
            let tail_ok = toks[q.after.min(w.sb)..w.sb].iter().all(|t| t.kind == Kind::Punct);
            let words = toks[q.open..q.close].iter().filter(|t| t.kind == Kind::Word).count();
            if lead_ok && tail_ok && words >= 3 {
                w.out.push(Found { subj: None, pieces, cue: None, direct: true, floating: true, cont: true, pos: q.open });
                w.consumed.push((w.sa, w.sb));
            }
            w.prev_end = q.after;
            return;
        };
        w.out.push(found);
        w.consumed.push(consumed);
        w.prev_end = end;
        w.claimed_end = end;
    }

    /// `"…," said S` / `"…," S said (, adding that …)`; quoted fragments of one sentence are quoted with it whole
    /// (`The government "…" of "…," it said`). The statement, the attribution's range and where it ends.
    fn quote_then_attr(&self, w: &QuoteWalk, q: Q, pieces: Vec<(usize, usize)>) -> Option<(Found, (usize, usize), usize)> {
        let toks = self.toks();
        let (subj, cue, end) = self.right_attr(q.after, q.next_open.min(w.sb), q.open, q.close)?;
        let mixed = self.mixed_quotation(w.claimed_end, q.open, q.after);
        let mut pieces = mixed.map(|r| vec![r]).unwrap_or(pieces);
        let more = self.adding(cue + 1, end);
        let direct = more.is_none() && mixed.is_none_or(|(a, b)| self.mostly_quoted(a, b));
        pieces.extend(more);
        let pos = mixed.map_or(q.open, |m| m.0);
        let found = Found {
            subj: Some(subj),
            pieces,
            cue: Some(self.word(cue)),
            direct,
            floating: false,
            cont: is_cont(self.cues, toks, cue),
            pos,
        };
        Some((found, (q.after, end), end))
    }

    /// `S said: "…"`; a naming takes what it names after the quotation too (`called "disinformation" the
    /// allegations of …`).
    fn attr_then_quote(&self, w: &QuoteWalk, q: Q, pieces: Vec<(usize, usize)>) -> Option<(Found, (usize, usize), usize)> {
        let toks = self.toks();
        let (subj, cue, start) = self.left_attr(w.prev_end, q.open)?;
        // The quotation is the verb's object ("called “X” the allegations", "expressed “serious concerns” about …").
        let object = self.cues.get(&toks[cue]).is_some_and(|f| f.flags & NAMING != 0 || f.flags & THAT != 0 && f.flags & SAY == 0)
            && q.open == cue + 1;
        let named = toks[q.after.min(w.sb)..w.sb].iter().filter(|t| t.kind == Kind::Word && t.depth == 0).count() >= 2;
        if object && named {
            let end = self.strip_trailing_attr(q.after, w.sb);
            let whole = trim_range(toks, cue, end)?;
            let found = Found {
                subj: Some(subj),
                pieces: vec![whole],
                cue: Some(self.word(cue)),
                direct: false,
                floating: false,
                cont: false,
                pos: start,
            };
            return Some((found, (start, w.sb), w.sb));
        }
        let found = Found {
            subj: Some(subj),
            pieces,
            cue: Some(self.word(cue)),
            direct: true,
            floating: false,
            cont: is_cont(self.cues, toks, cue),
            pos: start,
        };
        Some((found, (start, q.open), q.after))
    }

    /// `The government "demands that proof be brought …" and said …`: a subject, then a quotation that opens with
    /// its verb; the statement is the sentence (a trailing attribution left out).
    fn subject_then_quoted_verb(&self, w: &QuoteWalk, q: Q) -> Option<(Found, (usize, usize), usize)> {
        let toks = self.toks();
        let first = toks.get(q.open + 1).filter(|t| t.kind == Kind::Word && !t.cap)?;
        let verb = self.cues.form(&first.lc).is_some_and(|f| !f.ing) || FINITE.contains(&first.lc.as_str());
        let start = first_content(toks, w.prev_end, q.open);
        let np = np_left(toks, start, q.open).filter(|np| np.0 == start && np.1 == q.open)?;
        if !verb {
            return None;
        }
        let end = self.strip_trailing_attr(q.open, w.sb);
        let (a, b) = trim_range(toks, np.0, end)?;
        let subj = Subj { a: np.0, b: np.1, appos: None, pron: None };
        let direct = self.mostly_quoted(a, b);
        let found = Found {
            subj: Some(subj),
            pieces: vec![(a, b)],
            cue: Some(self.word(q.open + 1)),
            direct,
            floating: false,
            cont: false,
            pos: np.0,
        };
        Some((found, (np.0, w.sb), w.sb))
    }

    /// "The mayor said:" closing the previous paragraph, the quotation opening this one.
    fn after_colon_paragraph(&self, w: &QuoteWalk, q: Q, pieces: Vec<(usize, usize)>) -> Option<(Found, (usize, usize), usize)> {
        let toks = self.toks();
        let sa = w.sa;
        let lead_ok = toks[sa..q.open].iter().all(|t| t.kind == Kind::Punct || t.kind == Kind::Reopen);
        if !(lead_ok && sa >= 2 && toks[sa - 1].kind == Kind::Para && toks[sa - 2].is_punct(":")) {
            return None;
        }
        let lo =
            (0..sa - 1).rev().take(40).find(|&k| toks[k].kind == Kind::Para || toks[k].depth > 0).map_or(sa.saturating_sub(41), |k| k + 1);
        let (subj, cue, start) = self.left_attr(lo, sa - 1)?;
        let found = Found {
            subj: Some(subj),
            pieces,
            cue: Some(self.word(cue)),
            direct: true,
            floating: false,
            cont: is_cont(self.cues, toks, cue),
            pos: start,
        };
        Some((found, (sa, w.sb), q.after))
    }

    /// The whole stretch `[from, after)` when the quotation opening at `open` is a fragment of a sentence that
    /// begins in plain words with no attribution of their own (`Bamako was "only involved in …"`).
    fn mixed_quotation(&self, from: usize, open: usize, after: usize) -> Option<(usize, usize)> {
        let toks = self.toks();
        let lead = &toks[from..open];
        let words = lead.iter().filter(|t| t.kind == Kind::Word && t.depth == 0).count();
        let attribution = lead.iter().any(|t| t.depth == 0 && self.cues.get(t).is_some_and(|f| !f.ing));
        if words == 0 || attribution {
            return None;
        }
        let a = first_content(toks, from, open);
        let mut b = after;
        // Keep the closing mark, drop a comma before the attribution.
        while b > a && toks[b - 1].is_punct(",") {
            b -= 1;
        }
        Some((a, b))
    }

    /// Whether most words of `[a, b)` stand inside quotation marks.
    fn mostly_quoted(&self, a: usize, b: usize) -> bool {
        let words: Vec<&Tok> = self.toks()[a..b].iter().filter(|t| t.kind == Kind::Word).collect();
        words.iter().filter(|t| t.depth > 0).count() * 2 >= words.len()
    }

    /// Quotations opening in `[a, b)` (the list is sorted by opening mark).
    fn quotes_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Quote> {
        let qs = &self.lx.quotes;
        let from = qs.partition_point(|q| q.open < a);
        qs[from..].iter().take_while(move |q| q.open < b)
    }

    fn word(&self, i: usize) -> String {
        let t = &self.toks()[i];
        self.text[t.s..t.e].to_string()
    }

    /// Attribution after a closing quotation mark: `, said S` or `, S said`; returns (speaker, cue, end of attribution).
    fn right_attr(&self, lo: usize, hi: usize, open: usize, close: usize) -> Option<(Subj, usize, usize)> {
        let toks = self.toks();
        let mut k = lo;
        let comma = k < hi && toks[k].is_punct(",");
        while k < hi && toks[k].kind == Kind::Punct && matches!(toks[k].lc.as_str(), "," | "\u{2013}" | "\u{2014}") {
            k += 1;
        }
        if k >= hi {
            return None;
        }
        let last_inside = toks[open + 1..close].iter().rev().find(|t| t.kind != Kind::Reopen);
        let punct_inside = last_inside
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.lc.as_str(), "," | "." | "!" | "?" | "\u{2026}" | "-" | "\u{2014}"));
        // `…”the ministry said`: an attribution glued to the closing mark, as some sites print it.
        let glued = !toks[lo].sp && toks[lo].kind == Kind::Word;
        if !comma && !punct_inside && !glued {
            return None;
        }
        // Inverted: said S
        if let Some(f) = self.cues.get(&toks[k]) {
            if !f.ing {
                let subj = subject_right(toks, self.text, k + 1, hi)?;
                return Some((subj, k, hi));
            }
        }
        // S said
        let lim = (k + 16).min(hi);
        let cue = (k..lim).find(|&i| usable_cue(self.cues, toks, k, i).is_some())?;
        let subj = subject_left(toks, self.text, k, cue)?;
        if subj.a != k {
            return None;
        }
        // `"…," VOA quoted him as saying`: the one quoted speaks.
        if word_is(toks, cue, "quoted") && word_is(toks, cue + 2, "as") && word_is(toks, cue + 3, "saying") {
            let p = object_pronoun(&toks[cue + 1])?;
            return Some((Subj { a: cue + 1, b: cue + 2, appos: None, pron: Some(p) }, cue, hi));
        }
        Some((subj, cue, hi))
    }

    /// ", adding that …" / ", saying …" after an attribution: more of the same statement.
    fn adding(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let toks = self.toks();
        let i = (from..to).find(|&i| {
            i > 0
                && toks[i - 1].is_punct(",")
                && toks[i].depth == 0
                && self.cues.get(&toks[i]).is_some_and(|f| f.ing && f.flags & (SAY | THAT) != 0)
        })?;
        let mut a = i + 1;
        while a < to && (word_is(toks, a, "that") || toks[a].is_punct(":") || toks[a].is_punct(",")) {
            a += 1;
        }
        let r = trim_range(toks, a, to)?;
        (toks[r.0..r.1].iter().filter(|t| t.kind == Kind::Word).count() >= 3).then_some(r)
    }

    /// Attribution before an opening quotation mark: `S said (at …) (that|:|,) "…"`; returns (speaker, cue, start).
    fn left_attr(&self, lo: usize, open: usize) -> Option<(Subj, usize, usize)> {
        let toks = self.toks();
        let mut j = open;
        while j > lo && toks[j - 1].kind == Kind::Punct && matches!(toks[j - 1].lc.as_str(), ":" | "," | "\u{2013}" | "\u{2014}") {
            j -= 1;
        }
        if j > lo && word_is(toks, j - 1, "that") {
            j -= 1;
        }
        // Nearest cue to the left with only filler (time, place, audience) in between.
        let lim = j.saturating_sub(18).max(lo);
        let mut cue = None;
        for i in (lim..j).rev() {
            let t = &toks[i];
            if t.is_quote_mark() || t.depth > 0 {
                return None;
            }
            if let Some(f) = self.cues.get(t) {
                if f.ing {
                    return None;
                }
                cue = Some(i);
                break;
            }
            if t.kind == Kind::Word && (t.lc == "that" || FINITE.contains(&t.lc.as_str())) {
                return None;
            }
        }
        let cue = cue?;
        let form = usable_cue(self.cues, toks, lo, cue)?;
        let filler = &toks[cue + 1..j];
        // Quote-only verbs ("called", "read") take the quotation right away.
        if form.flags & (SAY | THAT | DENY) == 0 && !filler.is_empty() {
            return None;
        }
        if !filler.is_empty() {
            let first = &filler[0];
            let says = self.cues.get(&toks[cue]).is_some_and(|f| f.flags & THAT == 0);
            if says && !(first.kind == Kind::Word && (PREPS.contains(&first.lc.as_str()) || first.lc.ends_with("ly"))) {
                return None;
            }
        }
        let subj = subject_left(toks, self.text, lo, cue)?;
        Some((subj, cue, subj.a))
    }

    /// Reported speech outside quotations.
    fn indirect(&self, sa: usize, sb: usize, consumed: &[(usize, usize)], out: &mut Vec<Found>) {
        let toks = self.toks();
        let is_consumed = |i: usize| consumed.iter().any(|&(a, b)| i >= a && i < b);
        let mut w = Walk { sa, sb, lo: sa, i: sa, last: None };
        while w.i < sb {
            let i = w.i;
            if is_consumed(i) {
                (w.i, w.lo) = (i + 1, i + 1);
                continue;
            }
            let t = &toks[i];
            if t.depth > 0 || t.kind != Kind::Word {
                w.i += 1;
                continue;
            }
            let step = match t.lc.as_str() {
                // According to S, … / …, according to S.
                "according" if word_is(toks, i + 1, "to") => self.according(sa, sb, i, w.lo).map(|f| (f, None)).ok_or(2),
                // In his words, …
                "in" if i == first_word(toks, sa, sb) => self.in_words(i, sb).map(|f| (f, Some(sb))).ok_or(1),
                // "X was quoted (by Y) as saying (that) …"
                "quoted" => self.quoted_as_saying(w.lo, sb, i).map(|f| (f, Some(sb))).ok_or(1),
                // "published a report on Sunday saying …": the report's publisher says it.
                "saying" | "showing" | "stating" if i > w.lo && !toks[i - 1].is_punct(",") => {
                    self.document_saying(w.lo, i, sb).map(|f| (f, Some(sb))).ok_or(1)
                }
                // "The union disputed that, saying …", "Ruiz criticised the plan, adding that …": the clause's subject says it.
                _ if i > w.lo + 2 && toks[i - 1].is_punct(",") && self.says_ing(t) && !self.any_cue(w.lo, i) => {
                    self.document_saying(w.lo, i, sb).map(|f| (f, Some(sb))).or_else(|| self.at_cue(&w, i)).ok_or(1)
                }
                // "… while dismissing the concerns as propaganda": the previous speaker's second statement.
                "while" | "whilst" => {
                    out.last().and_then(|p| p.subj).and_then(|subj| self.participle(subj, i, sb)).map(|f| (f, Some(sb))).ok_or(1)
                }
                _ => self.at_cue(&w, i).ok_or(1),
            };
            match step {
                Ok((f, next)) => {
                    let end = f.pieces.last().map(|p| p.1).unwrap_or(sb);
                    w.last = f.subj;
                    out.push(f);
                    w.i = next.unwrap_or_else(|| end.max(i + 2));
                    w.lo = w.i;
                }
                Err(skip) => w.i += skip,
            }
        }
    }

    /// A statement whose cue is the word at `i`: the statement and where to go on (`None`: after its text).
    fn at_cue(&self, w: &Walk, i: usize) -> Option<(Found, Option<usize>)> {
        let toks = self.toks();
        let (sa, sb) = (w.sa, w.sb);
        let form = usable_cue(self.cues, toks, w.lo, i)?;
        if form.flags & (SAY | THAT | DENY) == 0 && !self.naming(i, sb) && !self.appeal(i) {
            return None;
        }
        let subj = match subject_left(toks, self.text, w.lo, i) {
            Some(s) => s,
            // "…, but has denied that …": the speaker of the statement before.
            None if w.last.is_some() && self.coordinated(w.sa, i) => w.last?,
            None => {
                // "…, said the minister."
                let subj = (i > sa && toks[i - 1].is_punct(",")).then(|| subject_right(toks, self.text, i + 1, sb)).flatten()?;
                return self.trailing(sa, sb, i, i - 1, subj.b, &subj).map(|f| (f, Some(sb)));
            }
        };
        // "say" (base form) goes with plural subjects and bodies, not with "he" or a person's name.
        if form.base
            && (matches!(subj.pron, Some(Pron::Person | Pron::Thing))
                || subj.pron.is_none() && !plural_np(toks, &subj) && has_name(toks, self.text, (subj.a, subj.b)))
        {
            return None;
        }
        let end = self.strip_trailing_attr(i + 1, sb);
        // "…, while Y said …": a second speaker ends this claim; "… and said …", "… while dismissing …": a second
        // statement of the same speaker does too.
        let (end, next) = match (self.second_speaker(i + 1, end), self.second_statement(i + 1, end)) {
            (Some(c), _) => (c, Some(c + 1)),
            (None, Some(c)) => (c, Some(c)),
            (None, None) => (end, None),
        };
        // "has never said that …" reports nothing the speaker said.
        let negated = (subj.b..i)
            .rev()
            .take_while(|&k| {
                toks[k].kind == Kind::Word
                    && (AUX.contains(&toks[k].lc.as_str())
                        || toks[k].lc.ends_with("ly")
                        || matches!(toks[k].lc.as_str(), "never" | "not" | "did" | "does"))
            })
            .any(|k| matches!(toks[k].lc.as_str(), "never" | "not"));
        // Trailing attribution: "…, he said." (and "…, he said on Monday, adding that …": both parts are his).
        if let Some(f) = subj.a.checked_sub(1).and_then(|c| self.trailing(sa, sb, i, c, i + 1, &subj)) {
            return Some((f, Some(sb)));
        }
        if let Some((a, b)) = self.complement(i, end, form).filter(|_| !negated) {
            return Some((self.reported(subj, i, a, b, form), Some(next.unwrap_or(sb))));
        }
        // "has never admitted the group's presence, insisting it only worked with trainers": the participle's claim.
        let f = self.participle_after(subj, i + 1, end)?;
        Some((f, Some(next.unwrap_or(sb))))
    }

    /// The statement of a cue at `i` whose claim is `[a, b)`: a complement that is exactly one quotation is a direct
    /// quote.
    fn reported(&self, subj: Subj, i: usize, a: usize, b: usize, form: CueForm) -> Found {
        let toks = self.toks();
        let whole = self
            .quotes_in(a, a + 1)
            .find(|q| q.depth == 0 && q.open == a && toks[q.close.min(b)..b].iter().all(|t| t.kind == Kind::Punct || t.is_quote_mark()));
        let direct = whole.is_some() && form.flags & DENY == 0;
        let pieces = match whole {
            Some(q) if direct => quote_pieces(toks, q.open, q.close),
            _ => vec![(a, b)],
        };
        Found { subj: Some(subj), pieces, cue: Some(self.word(i)), direct, floating: false, cont: is_cont(self.cues, toks, i), pos: subj.a }
    }

    /// Whether the cue at `i` follows ", but" / ", and" (and auxiliaries) with no subject of its own.
    fn coordinated(&self, lo: usize, i: usize) -> bool {
        let toks = self.toks();
        let mut k = i;
        while k > lo
            && toks[k - 1].kind == Kind::Word
            && (AUX.contains(&toks[k - 1].lc.as_str()) || toks[k - 1].lc.ends_with("ly") || toks[k - 1].lc == "also")
        {
            k -= 1;
        }
        k > lo + 1 && (word_is(toks, k - 1, "but") || word_is(toks, k - 1, "and")) && toks[k - 2].is_punct(",")
    }

    /// "… while dismissing …", ", but has denied that …": where a second statement of the same speaker starts in
    /// `[a, b)` (the index of "while" / the comma, which ends the first).
    fn second_statement(&self, a: usize, b: usize) -> Option<usize> {
        let toks = self.toks();
        (a..b.min(a + 120)).find(|&c| {
            let t = &toks[c];
            if t.depth > 0 || t.kind != Kind::Word {
                return false;
            }
            let filler = |k: usize| {
                let w = toks[k].lc.as_str();
                matches!(w, "also" | "later" | "then" | "further") || AUX.contains(&w) || w.ends_with("ly")
            };
            let next = (c + 1..(c + 4).min(b)).find(|&k| !filler(k));
            let Some(f) = next.and_then(|k| self.cues.get(&toks[k]).map(|f| (k, f))) else { return false };
            let coordinated = c > a
                && toks[c - 1].is_punct(",")
                && matches!(t.lc.as_str(), "but" | "and")
                && !f.1.ing
                && (c + 1..f.0).all(|k| AUX.contains(&toks[k].lc.as_str()) || toks[k].lc.ends_with("ly") || toks[k].lc == "also");
            matches!(t.lc.as_str(), "while" | "whilst") && f.1.ing && f.1.flags & (SAY | THAT | DENY) != 0
                || coordinated && f.1.flags & (SAY | THAT | DENY) != 0
        })
    }

    /// The statement of a participle cue right after "while" at `i` ("while dismissing …", "while insisting that …"),
    /// by `subj`, to the end of the sentence.
    fn participle(&self, subj: Subj, i: usize, sb: usize) -> Option<Found> {
        let toks = self.toks();
        let k = i + 1;
        let form = self.cues.get(toks.get(k)?).filter(|f| f.ing && f.flags & (SAY | THAT | DENY) != 0)?;
        let end = self.strip_trailing_attr(k + 1, sb);
        let (a, b) = if form.flags & DENY != 0 { trim_range(toks, k, end)? } else { self.complement(k, end, form)? };
        Some(Found { subj: Some(subj), pieces: vec![(a, b)], cue: Some(self.word(k)), direct: false, floating: false, cont: true, pos: k })
    }

    /// A participle cue after a comma in `[a, end)` (", insisting it …", ", saying that …"): its claim, by `subj`.
    fn participle_after(&self, subj: Subj, a: usize, end: usize) -> Option<Found> {
        let toks = self.toks();
        let k = (a..end.min(a + 20)).find(|&k| {
            k > a && toks[k - 1].is_punct(",") && self.cues.get(&toks[k]).is_some_and(|f| f.ing && f.flags & (SAY | THAT) != 0)
        })?;
        let form = self.cues.get(&toks[k])?;
        let (ca, cb) = self.complement(k, end, CueForm { ing: false, ..form })?;
        Some(Found {
            subj: Some(subj),
            pieces: vec![(ca, cb)],
            cue: Some(self.word(k)),
            direct: false,
            floating: false,
            cont: false,
            pos: subj.a,
        })
    }

    /// Whether a cue of speech is in `[a, b)` (then that cue's own rules take what follows it).
    fn any_cue(&self, a: usize, b: usize) -> bool {
        self.toks()[a..b].iter().any(|t| self.cues.get(t).is_some())
    }

    /// Whether `t` is a participle of saying (", saying", ", adding that", ", warning that").
    fn says_ing(&self, t: &Tok) -> bool {
        t.depth == 0 && self.cues.get(t).is_some_and(|f| f.ing && f.flags & (SAY | THAT) != 0)
    }

    /// "S published a report (on Sunday, based on …) saying …", "S criticized the government saying …", "S published
    /// imagery showing that …": S says what follows the participle.
    fn document_saying(&self, lo: usize, i: usize, sb: usize) -> Option<Found> {
        let toks = self.toks();
        let finite = |v: &Tok| v.kind == Kind::Word && !v.cap && (v.lc.ends_with("ed") || v.lc.ends_with('s'));
        // The document and its publishing verb: "published a report (on Sunday …) saying".
        let document = || {
            let d = (i.saturating_sub(14).max(lo)..i)
                .find(|&k| toks[k].kind == Kind::Word && super::speakers::DOCUMENTS.contains(&toks[k].lc.as_str()))?;
            let det = d.checked_sub(1).filter(|&k| k > lo && matches!(toks[k].lc.as_str(), "a" | "an" | "the" | "its" | "their"))?;
            finite(&toks[det - 1]).then_some(det - 1)
        };
        // A verb and its plain object: "criticized the government saying", "published (updated) imagery showing"
        // (a form in -ed right after the verb is an adjective of the object).
        let end = if toks[i - 1].is_punct(",") { i - 1 } else { i };
        let object = || {
            let words = (end.saturating_sub(6).max(lo + 1)..end).rev().take_while(|&k| toks[k].kind == Kind::Word);
            let verb = |k: usize| k + 1 < end && !toks[k].lc.ends_with('s') && finite(&toks[k]);
            words.into_iter().find(|&k| verb(k) && !(k > lo && verb(k - 1)))
        };
        let verb = document().or_else(object)?;
        let subj = subject_left(toks, self.text, lo, verb)?;
        let mut a = i + 1;
        while a < sb && (word_is(toks, a, "that") || toks[a].is_punct(":")) {
            a += 1;
        }
        let (a, b) = trim_range(toks, a, self.strip_trailing_attr(a, sb))?;
        Some(Found {
            subj: Some(subj),
            pieces: vec![(a, b)],
            cue: Some(self.word(i)),
            direct: false,
            floating: false,
            cont: false,
            pos: subj.a,
        })
    }

    /// "called on X to …", "urged X to …": an appeal, whose claim is the appeal itself.
    fn appeal(&self, i: usize) -> bool {
        let toks = self.toks();
        let urge = matches!(toks[i].lc.as_str(), "called" | "calls" | "urged" | "urges" | "appealed" | "appeals");
        let on = matches!(toks[i].lc.as_str(), "called" | "calls") && (word_is(toks, i + 1, "on") || word_is(toks, i + 1, "upon"));
        let to = (i + 1..(i + 8).min(toks.len())).any(|k| word_is(toks, k, "to"));
        urge && to && (on || !matches!(toks[i].lc.as_str(), "called" | "calls"))
    }

    /// The claim after a cue at `cue`, up to `end`: a that-clause, a colon, a quotation, a bare clause,
    /// or, for denials, the denial itself.
    fn complement(&self, cue: usize, end: usize, form: CueForm) -> Option<(usize, usize)> {
        let toks = self.toks();
        let k = cue + 1;
        if k >= end {
            return None;
        }
        let fin = |a: usize| trim_range(toks, a, end);
        if form.flags & (DENY | NAMING) != 0 {
            return fin(cue);
        }
        // "said that would not happen": "that" before a verb is what is said of, not the start of a clause.
        if word_is(toks, k, "that") && toks.get(k + 1).is_some_and(|n| n.kind == Kind::Word && MODALS.contains(&n.lc.as_str())) {
            return fin(k);
        }
        if word_is(toks, k, "that") || toks[k].is_punct(":") {
            return fin(k + 1);
        }
        // Filler (time, place, audience) then "that" / ":" / a quotation.
        let says = form.flags & THAT == 0;
        let first_ok = !says || toks[k].kind == Kind::Word && (PREPS.contains(&toks[k].lc.as_str()) || toks[k].lc.ends_with("ly"));
        if first_ok {
            let lim = (k + 26).min(end);
            for m in k..lim {
                let t = &toks[m];
                if t.depth > 0 {
                    continue;
                }
                if word_is(toks, m, "that") {
                    return fin(m + 1);
                }
                if t.is_punct(":") {
                    return fin(m + 1);
                }
                if matches!(t.kind, Kind::Open(_)) && m > k {
                    return fin(m);
                }
                if t.kind == Kind::Word && FINITE.contains(&t.lc.as_str()) {
                    break;
                }
            }
        }
        if form.flags & SAY != 0 {
            let mut b = k;
            while b < end && toks[b].kind == Kind::Word && TIME.contains(&toks[b].lc.as_str()) {
                b += 1;
            }
            // `said, "…"`; a comma followed by plain text is a parenthetical attribution instead.
            if b < end && toks[b].is_punct(",") {
                return matches!(toks.get(b + 1).map(|t| t.kind), Some(Kind::Open(_))).then(|| fin(b + 1)).flatten();
            }
            if matches!(toks.get(b).map(|t| t.kind), Some(Kind::Open(_))) {
                return fin(b);
            }
            if opens_clause(toks.get(b)) || finite_clause(toks, b, end) {
                return fin(b);
            }
        }
        if form.flags & OBJECT != 0 && toks[k].kind == Kind::Word {
            return fin(cue);
        }
        // "told the AP they were due to …": a verb of telling, its audience, then a bare clause.
        if form.flags & THAT != 0 && form.flags & SAY == 0 {
            let audience = np_right(toks, k, end).filter(|np| np.0 == k || np.0 == k + 1)?;
            if opens_clause(toks.get(audience.1)) {
                return fin(audience.1);
            }
        }
        None
    }

    /// "called the report baseless", "described the group as defeated" (not "called for", "called on").
    fn naming(&self, i: usize, sb: usize) -> bool {
        let toks = self.toks();
        if self.cues.get(&toks[i]).is_none_or(|f| f.flags & NAMING == 0) {
            return false;
        }
        let next = toks.get(i + 1).filter(|t| t.kind == Kind::Word && t.depth == 0);
        // The naming itself ("called the document false"), however long what the speaker goes on to say.
        let sb =
            (i + 1..sb).find(|&k| word_is(toks, k, "and") && toks.get(k + 1).is_some_and(|n| self.cues.get(n).is_some())).unwrap_or(sb);
        let words = toks[i + 1..sb].iter().filter(|t| t.kind == Kind::Word).count();
        next.is_some_and(|t| !matches!(t.lc.as_str(), "for" | "on" | "upon" | "off" | "in" | "back" | "up" | "out" | "to"))
            && (2..=14).contains(&words)
    }

    /// A comma or semicolon in `[a, b)` after which another speaker reports something
    /// (", while the ministry said …", "; Norland claimed …").
    fn second_speaker(&self, a: usize, b: usize) -> Option<usize> {
        let toks = self.toks();
        let mut c = a;
        // Bounded, so that a huge run-on sentence stays linear.
        let b = b.min(a + 160);
        while c < b {
            let t = &toks[c];
            if t.depth == 0 && (t.is_punct(",") || t.is_punct(";")) {
                let mut k = c + 1;
                if toks.get(k).is_some_and(|x| {
                    x.kind == Kind::Word && matches!(x.lc.as_str(), "while" | "whereas" | "but" | "and" | "although" | "though")
                }) {
                    k += 1;
                }
                let lim = (k + 14).min(b);
                if let Some(cue) = (k..lim).find(|&i| usable_cue(self.cues, toks, k, i).is_some_and(|f| f.flags & (SAY | THAT | DENY) != 0))
                {
                    // ", and he has insisted that …" opens a statement of its own too.
                    let joined = k > c + 1;
                    if subject_left(toks, self.text, k, cue).is_some_and(|s| s.a == k && (s.pron.is_none() || joined))
                        && (t.is_punct(";") || joined)
                    {
                        return Some(c);
                    }
                }
            }
            c += 1;
        }
        None
    }

    /// The end of a sentence without a trailing attribution (", the Daily Lumen reported.").
    fn strip_trailing_attr(&self, a: usize, sb: usize) -> usize {
        let toks = self.toks();
        // last comma outside quotations
        let Some(c) = (a.max(sb.saturating_sub(14))..sb).rev().find(|&i| toks[i].is_punct(",") && toks[i].depth == 0) else { return sb };
        let tail = &toks[c + 1..sb];
        if tail.len() > 12 || tail.iter().any(|t| t.lc == "that" || t.depth > 0) {
            return sb;
        }
        // ", according to S."
        if word_is(toks, c + 1, "according") && word_is(toks, c + 2, "to") {
            return c;
        }
        for i in c + 1..sb {
            if usable_cue(self.cues, toks, c + 1, i).is_some() {
                if i == c + 1 {
                    if subject_right(toks, self.text, i + 1, sb).is_some() {
                        return c;
                    }
                } else if subject_left(toks, self.text, c + 1, i).is_some_and(|s| s.a == c + 1) {
                    return c;
                }
                break;
            }
        }
        sb
    }

    /// "…, he said." / "…, said the minister.": the clause before the comma `c`; the attribution
    /// (cue at `cue`) ends at `after`, where only a short adverbial may follow.
    fn trailing(&self, sa: usize, sb: usize, cue: usize, c: usize, after: usize, subj: &Subj) -> Option<Found> {
        let toks = self.toks();
        if c <= sa || !toks[c].is_punct(",") {
            return None;
        }
        // Parenthetical: "The group, he said, has lost its leaders."
        let after = after.max(cue + 1);
        if after < sb && toks[after].is_punct(",") {
            let post = trim_range(toks, after + 1, sb);
            let pre = trim_range(toks, first_content(toks, sa, c), c);
            if let (Some(pre), Some(post)) = (pre, post) {
                let words = toks[post.0..post.1].iter().filter(|t| t.kind == Kind::Word).count();
                let has_cue = toks[post.0..post.1].iter().any(|t| t.lc == "that" || self.cues.get(t).is_some_and(|f| !f.ing));
                if words >= 3 && !has_cue && finite_clause_anywhere(toks, post.0, post.1) {
                    return Some(Found {
                        subj: Some(*subj),
                        pieces: vec![pre, post],
                        cue: Some(self.word(cue)),
                        direct: false,
                        floating: false,
                        cont: false,
                        pos: pre.0,
                    });
                }
            }
        }
        // The cue has no object of its own: nothing, or "on Tuesday", "in a statement", "as … reported"; a verb
        // of telling may name its audience ("told a press conference devoted to …", "told RIA Novosti").
        let audience = self.cues.get(&toks[cue]).is_some_and(|f| f.flags & THAT != 0 && f.flags & SAY == 0)
            && toks[after..sb].iter().all(|t| t.depth == 0 && t.lc != "that" && self.cues.get(t).is_none_or(|f| f.ing));
        let reach = if audience { 40 } else { 16 };
        // The tail ends where a clause of another kind starts: "… when asked about …", ", but referred to …",
        // ", citing sources".
        let side_clause = |k: usize| {
            let w = toks[k].lc.as_str();
            toks[k].kind == Kind::Word && matches!(w, "when" | "while" | "after" | "before")
                || toks[k].is_punct(",")
                    && toks.get(k + 1).is_some_and(|n| matches!(n.lc.as_str(), "but" | "citing" | "although" | "though"))
        };
        // "…, the company said, adding that …": the participle's clause is more of the same statement.
        let adding_at = (after..sb).find(|&k| toks[k].is_punct(",") && toks.get(k + 1).is_some_and(|t| self.says_ing(t)));
        let more = adding_at.and_then(|k| self.adding(k + 1, sb));
        let tail_end = more.and(adding_at).unwrap_or_else(|| (after..sb).find(|&k| side_clause(k)).unwrap_or(sb));
        let tail: Vec<&Tok> = toks[after..tail_end.min(after + reach)].iter().filter(|t| t.kind == Kind::Word).collect();
        if tail_end > after + reach {
            return None;
        }
        let plain_tail = tail.len() <= 8
            && tail.first().is_none_or(|t| PREPS.contains(&t.lc.as_str()) || matches!(t.lc.as_str(), "as" | "according" | "in"));
        if !plain_tail && !audience {
            return None;
        }
        let start = first_content(toks, sa, c);
        let (a, b) = trim_range(toks, start, c)?;
        if toks[a..b].iter().filter(|t| t.kind == Kind::Word).count() < 4 || !finite_clause_anywhere(toks, a, b) {
            return None;
        }
        Some(Found {
            subj: Some(*subj),
            pieces: std::iter::once((a, b)).chain(more).collect(),
            cue: Some(self.word(cue)),
            direct: false,
            floating: false,
            cont: false,
            pos: a,
        })
    }

    /// "X was quoted (by Y) as saying (that) …": X is the speaker; "Y quoted a statement by X saying …": X is.
    fn quoted_as_saying(&self, lo: usize, sb: usize, i: usize) -> Option<Found> {
        let toks = self.toks();
        if let Some(f) = self.quoted_a_statement(lo, sb, i) {
            return Some(f);
        }
        let be = (i > lo && toks[i - 1].kind == Kind::Word && matches!(toks[i - 1].lc.as_str(), "was" | "is" | "were" | "are" | "been"))
            .then_some(i - 1)?;
        let mut be = be;
        if be > lo && (word_is(toks, be - 1, "has") || word_is(toks, be - 1, "have")) {
            be -= 1;
        }
        let saying = (i + 1..(i + 12).min(sb)).find(|&k| word_is(toks, k, "saying") && word_is(toks, k - 1, "as"))?;
        let subj = subject_left(toks, self.text, lo, be)?;
        let mut a = saying + 1;
        while a < sb && (word_is(toks, a, "that") || toks[a].is_punct(":") || toks[a].is_punct(",")) {
            a += 1;
        }
        let end = self.strip_trailing_attr(a, sb);
        let (a, b) = trim_range(toks, a, end)?;
        let whole = self
            .quotes_in(a, a + 1)
            .find(|q| q.depth == 0 && toks[q.close.min(b)..b].iter().all(|t| t.kind == Kind::Punct || t.is_quote_mark()));
        let (pieces, direct) = match whole {
            Some(q) => (quote_pieces(toks, q.open, q.close), true),
            None => (vec![(a, b)], false),
        };
        if pieces.is_empty() {
            return None;
        }
        Some(Found { subj: Some(subj), pieces, cue: Some(self.word(i)), direct, floating: false, cont: false, pos: subj.a })
    }

    /// "The monitor quoted a statement by the group saying its militants …": the statement's author speaks, from
    /// "saying" on.
    fn quoted_a_statement(&self, lo: usize, sb: usize, i: usize) -> Option<Found> {
        let toks = self.toks();
        subject_left(toks, self.text, lo, i)?;
        let saying = (i + 2..(i + 30).min(sb)).find(|&k| word_is(toks, k, "saying"))?;
        let by = (i + 1..saying).find(|&k| word_is(toks, k, "by") || word_is(toks, k, "from"))?;
        let author = np_right(toks, by + 1, saying).filter(|np| np.0 <= by + 2)?;
        let mut a = saying + 1;
        while a < sb && (word_is(toks, a, "that") || toks[a].is_punct(":") || toks[a].is_punct(",")) {
            a += 1;
        }
        let (a, b) = trim_range(toks, a, self.strip_trailing_attr(a, sb))?;
        let subj = Subj { a: author.0, b: author.1, appos: None, pron: None };
        Some(Found {
            subj: Some(subj),
            pieces: vec![(a, b)],
            cue: Some(self.word(saying)),
            direct: false,
            floating: false,
            cont: false,
            pos: i,
        })
    }

    /// "According to S, …" (sentence start) or "…, according to S." (sentence end).
    fn according(&self, sa: usize, sb: usize, i: usize, lo: usize) -> Option<Found> {
        let toks = self.toks();
        let s_start = i + 2;
        if s_start >= sb {
            return None;
        }
        let cue = Some(format!("{} {}", self.word(i), self.word(i + 1)));
        let subj = if let Some(p) = object_pronoun(toks.get(s_start.min(sb))?) {
            Subj { a: s_start, b: s_start + 1, appos: None, pron: Some(p) }
        } else if let Some(p) = possessive_pronoun(&toks[s_start]).filter(|_| toks.get(s_start + 1).is_some_and(|t| t.kind == Kind::Word)) {
            // "according to their information": theirs.
            Subj { a: s_start, b: s_start + 2, appos: None, pron: Some(p) }
        } else {
            let (a, b) = np_right(toks, s_start, sb)?;
            if a != s_start && a != s_start + 1 {
                return None;
            }
            Subj { a: s_start, b, appos: None, pron: None }
        };
        // Vague sources ("according to reports", "sources") are no speakers; "the report" is.
        let head = toks[subj.b - 1].lc.as_str();
        let specific =
            subj.b - subj.a > 1 && matches!(toks[subj.a].lc.as_str(), "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her");
        if VAGUE.contains(&head) && !specific || toks[subj.a..subj.b].iter().any(|t| t.lc == "copy") {
            return None;
        }
        let connective = |t: &Tok| {
            t.kind == Kind::Punct
                || t.kind == Kind::Word && t.lc.ends_with("ly")
                || matches!(t.lc.as_str(), "but" | "and" | "however" | "meanwhile" | "yet" | "so")
        };
        // A short adverbial before it is fine too ("Over several days, according to …,").
        let short_adverbial = i > lo + 1 && toks[i - 1].is_punct(",") && toks[lo..i].iter().filter(|t| t.kind == Kind::Word).count() <= 6;
        let lead = toks[lo..i].iter().all(connective) || short_adverbial;
        if lead && subj.b < sb && toks[subj.b].is_punct(",") {
            let (a, b) = trim_range(toks, subj.b + 1, sb)?;
            return Some(Found { subj: Some(subj), pieces: vec![(a, b)], cue, direct: false, floating: false, cont: false, pos: i });
        }
        // Trailing: the source ends the sentence.
        // Nothing after the source, or a participle clause (", extending the reach of …").
        let participle = toks.get(subj.b).is_some_and(|t| t.is_punct(","))
            && toks.get(subj.b + 1).is_some_and(|t| t.kind == Kind::Word && !t.cap && t.lc.ends_with("ing"));
        let rest_ok = participle || toks[subj.b..sb].iter().all(|t| t.kind == Kind::Punct);
        if rest_ok && i > sa && toks[i - 1].is_punct(",") {
            let start = first_content(toks, lo, i - 1);
            let (a, b) = trim_range(toks, start, i - 1)?;
            if toks[a..b].iter().filter(|t| t.kind == Kind::Word).count() >= 4 {
                return Some(Found { subj: Some(subj), pieces: vec![(a, b)], cue, direct: false, floating: false, cont: false, pos: a });
            }
        }
        None
    }

    /// "In his words, …" / "In the words of S, …".
    fn in_words(&self, i: usize, sb: usize) -> Option<Found> {
        let toks = self.toks();
        let (subj, comma) = if word_is(toks, i + 2, "words") && toks.get(i + 3).is_some_and(|t| t.is_punct(",")) {
            let p = match toks[i + 1].lc.as_str() {
                "his" | "her" => Pron::Person,
                "their" => Pron::Plural,
                "its" => Pron::Thing,
                _ => return None,
            };
            (Subj { a: i + 1, b: i + 2, appos: None, pron: Some(p) }, i + 3)
        } else if word_is(toks, i + 1, "the") && word_is(toks, i + 2, "words") && word_is(toks, i + 3, "of") {
            let (a, b) = np_right(toks, i + 4, sb)?;
            if !toks.get(b).is_some_and(|t| t.is_punct(",")) {
                return None;
            }
            (Subj { a, b, appos: None, pron: None }, b)
        } else {
            return None;
        };
        let (a, b) = trim_range(toks, comma + 1, sb)?;
        Some(Found {
            subj: Some(subj),
            pieces: vec![(a, b)],
            cue: Some(self.text[toks[i].s..toks[i + 2].e].to_string()),
            direct: false,
            floating: false,
            cont: false,
            pos: i,
        })
    }
}

fn object_pronoun(t: &Tok) -> Option<Pron> {
    if t.kind != Kind::Word {
        return None;
    }
    match t.lc.as_str() {
        "him" | "her" => Some(Pron::Person),
        "them" => Some(Pron::Plural),
        _ => is_pronoun(t),
    }
}

/// Whether a clause opens at `t` with its subject pronoun ("they condemn", "that's not the case").
fn opens_clause(t: Option<&Tok>) -> bool {
    t.is_some_and(|t| {
        t.kind == Kind::Word
            && matches!(
                t.lc.as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "that's" | "it's" | "there's" | "they're" | "we're" | "he's" | "she's"
            )
    })
}

fn possessive_pronoun(t: &Tok) -> Option<Pron> {
    match t.lc.as_str() {
        "his" | "her" if t.kind == Kind::Word => Some(Pron::Person),
        "their" if t.kind == Kind::Word => Some(Pron::Plural),
        "its" if t.kind == Kind::Word => Some(Pron::Thing),
        _ => None,
    }
}

fn plural_np(toks: &[Tok], s: &Subj) -> bool {
    let h = &toks[s.b - 1];
    h.kind == Kind::Word && h.lc.ends_with('s') && !h.lc.ends_with("'s") && !h.lc.ends_with("ss")
}

/// Continuation: a cue like "added", or "also"/"further" before the cue.
fn is_cont(cues: &CueTable, toks: &[Tok], cue: usize) -> bool {
    if cues.get(&toks[cue]).is_some_and(|f| f.flags & CONT != 0) {
        return true;
    }
    (cue.saturating_sub(3)..cue).any(|i| toks[i].kind == Kind::Word && matches!(toks[i].lc.as_str(), "further" | "also" | "furthermore"))
}

fn first_word(toks: &[Tok], sa: usize, sb: usize) -> usize {
    (sa..sb).find(|&i| toks[i].kind == Kind::Word).unwrap_or(sb)
}

/// Skip a leading adverbial like "Meanwhile," at the start of a trailing-attribution sentence.
fn first_content(toks: &[Tok], a: usize, _b: usize) -> usize {
    let mut i = a;
    while toks.get(i).is_some_and(|t| t.kind == Kind::Punct && !t.is_quote_mark()) {
        i += 1;
    }
    i
}

/// Trim punctuation (but keep final . ! ? and closing marks) from a token range; None if empty.
pub fn trim_range(toks: &[Tok], mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && (toks[a].kind == Kind::Punct && !matches!(toks[a].lc.as_str(), "(" | "$" | "\u{2026}") || toks[a].kind == Kind::Para) {
        a += 1;
    }
    while b > a
        && (toks[b - 1].kind == Kind::Punct && matches!(toks[b - 1].lc.as_str(), "," | ";" | ":" | "\u{2013}" | "\u{2014}" | "-")
            || toks[b - 1].kind == Kind::Para)
    {
        b -= 1;
    }
    (a < b && toks[a..b].iter().any(|t| t.kind == Kind::Word)).then_some((a, b))
}

/// Content token ranges of a quotation (split at paragraph breaks, without marks and trailing commas).
pub fn quote_pieces(toks: &[Tok], open: usize, close: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = open + 1;
    for i in open + 1..=close {
        if i == close || toks[i].kind == Kind::Para {
            if let Some(r) = trim_range(toks, a, i) {
                out.push(r);
            }
            a = i + 1;
        } else if toks[i].kind == Kind::Reopen && i == a {
            a = i + 1;
        }
    }
    out
}
