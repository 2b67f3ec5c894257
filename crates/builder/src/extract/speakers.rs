//! Speakers: the noun phrase next to a cue (names, titles, roles, appositives, pronouns), its profile and its resolution.
use super::lex::{is_abbrev, Kind, Tok};
use super::phrases::WordSet;
use super::Extractor;
use counterclaim_core::model::slug;

/// Subject pronouns that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pron {
    /// he / she
    Person,
    /// they
    Plural,
    /// it
    Thing,
}

/// What kind of speaker a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SKind {
    Person,
    Group,
    Org,
}

/// A speaker phrase found in the text: the core noun phrase (token range) and an optional appositive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subj {
    pub a: usize,
    pub b: usize,
    pub appos: Option<(usize, usize)>,
    pub pron: Option<Pron>,
}

const DETS: &[&str] = &["the", "a", "an"];
const PRONOUNS: &[(&str, Pron)] = &[("he", Pron::Person), ("she", Pron::Person), ("they", Pron::Plural), ("it", Pron::Thing)];
/// Lower-case words that head or make up a description of a speaker.
static ROLES: WordSet = WordSet::new(&[
    "spokesman",
    "spokesmen",
    "spokesperson",
    "spokespersons",
    "spokeswoman",
    "spokespeople",
    "official",
    "officials",
    "minister",
    "ministers",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "researcher",
    "researchers",
    "professor",
    "commander",
    "commanders",
    "chief",
    "chiefs",
    "deputy",
    "president",
    "secretary",
    "general",
    "governor",
    "senator",
    "senators",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "diplomat",
    "diplomats",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "advisers",
    "advisors",
    "director",
    "head",
    "leader",
    "leaders",
    "member",
    "members",
    "officer",
    "officers",
    "representative",
    "representatives",
    "authorities",
    "ministry",
    "government",
    "administration",
    "military",
    "army",
    "police",
    "embassy",
    "council",
    "committee",
    "agency",
    "department",
    "office",
    "report",
    "letter",
    "statement",
    "newspaper",
    "study",
    "survey",
    "observer",
    "observers",
    "activist",
    "activists",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "chairman",
    "chairwoman",
    "coordinator",
    "negotiator",
    "negotiators",
    "mayor",
    "prosecutor",
    "prosecutors",
    "judge",
    "commission",
    "parliament",
    "delegation",
    "mission",
    "forces",
    "organisation",
    "organization",
    "service",
    "command",
    "ministries",
    "governments",
    "secretariat",
    "presidency",
    "cabinet",
    "court",
    "analysis",
    "assessment",
    "document",
    "memo",
    "communique",
    "declaration",
    "scholar",
    "scholars",
    "journalist",
    "journalists",
    "reporter",
    "correspondent",
    "cleric",
    "clerics",
    "elder",
    "elders",
    "commentator",
    "commentators",
    "specialist",
    "specialists",
    "lawyer",
    "lawyers",
    "doctor",
    "doctors",
    "teacher",
    "student",
    "farmer",
    "villager",
    "villagers",
    "worker",
    "workers",
    "citizens",
    "regime",
    "master",
    "guard",
    "guards",
    "navy",
    "pilot",
    "captain",
    "manager",
    "owner",
    "founder",
    "editor",
    "economist",
    "economists",
    "historian",
    "chairperson",
    "superintendent",
    "inspector",
    "investigator",
    "investigators",
    "monitor",
    "monitors",
    "engineer",
    "engineers",
    "pastor",
    "priest",
    "mullah",
    "imam",
    "survivor",
    "survivors",
    "victim",
    "victims",
    "farmers",
    "traders",
    "trader",
    "operator",
    "team",
    "group",
    "groups",
    "movement",
    "network",
    "body",
    "panel",
    "coalition",
    "alliance",
    "party",
    "faction",
    "board",
    "institute",
    "center",
    "centre",
    "spokespeople",
    "press",
    "media",
    "outlet",
    "channel",
    "website",
    "broadcaster",
    "agency's",
    "commissioner",
    "diplomat",
    "delegate",
    "delegates",
    "tribunal",
    "watchdog",
    "monitor",
    "ngo",
    "charity",
    "union",
    "bloc",
    "ministers",
    "governors",
    "generals",
    "chairmen",
    "presidents",
    "source",
    "sources",
]);
/// Plural person roles (a group of people).
static GROUP_ROLES: WordSet = WordSet::new(&[
    "officials",
    "analysts",
    "experts",
    "researchers",
    "commanders",
    "senators",
    "lawmakers",
    "legislators",
    "diplomats",
    "advisers",
    "advisors",
    "leaders",
    "members",
    "officers",
    "representatives",
    "observers",
    "activists",
    "residents",
    "witnesses",
    "negotiators",
    "prosecutors",
    "spokesmen",
    "scholars",
    "journalists",
    "clerics",
    "elders",
    "commentators",
    "specialists",
    "lawyers",
    "doctors",
    "villagers",
    "workers",
    "citizens",
    "spokespeople",
    "chiefs",
    "sources",
]);
/// Roles that are bodies, not people.
static ORG_ROLES: WordSet = WordSet::new(&[
    "authorities",
    "ministry",
    "government",
    "administration",
    "military",
    "army",
    "police",
    "embassy",
    "council",
    "committee",
    "agency",
    "department",
    "office",
    "report",
    "letter",
    "statement",
    "newspaper",
    "study",
    "survey",
    "commission",
    "parliament",
    "delegation",
    "mission",
    "forces",
    "organisation",
    "organization",
    "service",
    "command",
    "ministries",
    "governments",
    "secretariat",
    "presidency",
    "cabinet",
    "court",
    "analysis",
    "assessment",
    "document",
    "memo",
    "communique",
    "declaration",
    "regime",
]);
/// Lower-case modifiers inside a description ("top security official").
static MODS: WordSet = WordSet::new(&[
    "top",
    "senior",
    "junior",
    "acting",
    "former",
    "current",
    "interim",
    "local",
    "provincial",
    "regional",
    "national",
    "federal",
    "foreign",
    "interior",
    "defense",
    "defence",
    "security",
    "military",
    "political",
    "intelligence",
    "unnamed",
    "anonymous",
    "new",
    "press",
    "public",
    "religious",
    "tribal",
    "independent",
    "international",
    "district",
    "police",
    "army",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "another",
    "certain",
    "western",
    "eastern",
    "northern",
    "southern",
    "affairs",
    "health",
    "economic",
    "defence",
    "counterterrorism",
    "counter-terrorism",
    "government",
    "state",
    "ministry",
    "deputy",
    "chief",
    "joint",
    "yearly",
    "annual",
    "weekly",
    "monthly",
    "latest",
    "recent",
    "official",
    "prime",
    "vice",
    "first",
    "second",
    "high-ranking",
    "high",
    "ranking",
    "spokesman",
    "retired",
]);
/// Lower-case words that can join parts of a speaker phrase ("minister of defence", "spokesman for the governor").
const CONNECTORS: &[&str] = &["of", "for", "in", "at", "to", "and", "&"];
/// Capitalised words that never belong to a speaker phrase.
static STOP_CAPS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "by",
    "for",
    "but",
    "and",
    "or",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "also",
    "then",
    "asked",
    "speaking",
    "while",
    "when",
    "after",
    "before",
    "since",
    "although",
    "though",
    "as",
    "if",
    "despite",
    "during",
    "with",
    "from",
    "according",
    "yesterday",
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
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "we",
    "our",
    "they",
    "he",
    "she",
    "it",
    "his",
    "her",
    "their",
    "its",
    "so",
    "thus",
    "now",
    "still",
    "yet",
    "moreover",
    "furthermore",
    "separately",
    "instead",
    "indeed",
    "last",
    "next",
    "over",
    "under",
    "about",
    "into",
    "to",
    "of",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "how",
    "why",
    "where",
    "i",
    "you",
    "my",
    "your",
    "not",
    "no",
    "all",
    "both",
    "each",
    "every",
    "any",
    "once",
    "again",
    "finally",
    "additionally",
    "similarly",
    "likewise",
    "elsewhere",
    "overall",
    "tonight",
    "file",
    "photo",
]);
/// Titles and ranks written before a name.
static TITLES: WordSet = WordSet::new(&[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "major",
    "maj",
    "lieutenant",
    "lt",
    "colonel",
    "col",
    "captain",
    "capt",
    "admiral",
    "adm",
    "sergeant",
    "sgt",
    "commander",
    "cmdr",
    "brigadier",
    "brig",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "deputy",
    "acting",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "ambassador",
    "envoy",
    "governor",
    "gov",
    "senator",
    "sen",
    "representative",
    "rep",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "shaikh",
    "mullah",
    "mawlawi",
    "maulvi",
    "maulawi",
    "mufti",
    "imam",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "judge",
    "justice",
    "head",
    "leader",
    "foreign",
    "interior",
    "defense",
    "defence",
    "intelligence",
    "security",
    "former",
    "analyst",
    "expert",
    "researcher",
    "official",
    "emir",
    "amir",
    "commissioner",
    "attorney",
    "speaker",
    "fm",
    "pm",
    "sir",
    "lord",
    "lady",
    "haji",
    "hajji",
    "qari",
    "hafiz",
    "field",
    "marshal",
    "rear",
    "staff",
    "joint",
    "chiefs",
    "adviser",
    "advisor",
    "secretary-general",
    "undersecretary",
    "under-secretary",
    "counsellor",
    "counselor",
    "consul",
    "pope",
    "cardinal",
    "bishop",
    "rabbi",
    "ayatollah",
    "grand",
    "supreme",
    "national",
    "political",
    "military",
    "senior",
    "top",
]);
/// Capitalised words that belong to organisations, never to a person's name.
static ORG_WORDS: WordSet = WordSet::new(&[
    "ministry",
    "department",
    "command",
    "council",
    "service",
    "services",
    "agency",
    "office",
    "committee",
    "organization",
    "organisation",
    "government",
    "administration",
    "army",
    "police",
    "forces",
    "force",
    "military",
    "directorate",
    "commission",
    "embassy",
    "court",
    "parliament",
    "senate",
    "congress",
    "house",
    "party",
    "group",
    "movement",
    "emirate",
    "state",
    "states",
    "union",
    "nations",
    "bank",
    "fund",
    "institute",
    "university",
    "center",
    "centre",
    "news",
    "times",
    "today",
    "press",
    "tv",
    "radio",
    "network",
    "affairs",
    "staff",
    "security",
    "intelligence",
    "federal",
    "national",
    "republic",
    "kingdom",
    "federation",
    "assembly",
    "board",
    "bureau",
    "authority",
    "authorities",
    "corps",
    "guard",
    "guards",
    "mission",
    "province",
    "district",
    "city",
    "headquarters",
    "post",
    "journal",
    "daily",
    "herald",
    "tribune",
    "gazette",
    "agence",
    "reuters",
    "associated",
    "foundation",
    "association",
    "alliance",
    "coalition",
    "front",
    "brigade",
    "battalion",
    "division",
    "unit",
    "cabinet",
    "presidency",
    "secretariat",
    "council's",
    "ministry's",
    "interior",
    "defense",
    "defence",
    "foreign",
    "justice",
    "information",
    "media",
    "international",
    "watch",
    "crisis",
    "project",
    "program",
    "programme",
    "league",
    "company",
    "corporation",
    "delegation",
    "junta",
    "navy",
    "society",
    "forum",
    "consortium",
]);
/// Auxiliaries and adverbs that may stand between a speaker and the cue ("has also said").
static AUX_ADV: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "did",
    "does",
    "do",
    "also",
    "further",
    "repeatedly",
    "previously",
    "always",
    "again",
    "later",
    "earlier",
    "recently",
    "then",
    "now",
    "still",
    "reportedly",
    "allegedly",
    "once",
    "just",
    "already",
    "often",
    "frequently",
    "publicly",
    "separately",
    "too",
    "however",
    "meanwhile",
    "similarly",
    "likewise",
    "subsequently",
    "furthermore",
    "moreover",
    "firmly",
    "strongly",
    "flatly",
    "categorically",
    "officially",
    "explicitly",
    "openly",
    "privately",
    "even",
    "last",
    "yesterday",
    "today",
    "herself",
    "himself",
    "themselves",
    "itself",
    "had",
    "being",
    "never",
    "long",
]);
/// Nouns for a document that speaks for its author ("the statement of the ministry", "a letter signed by …").
/// The document nouns the sentence `[sa, sb)` names, each once.
pub fn documents_named(toks: &[Tok], sa: usize, sb: usize) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in toks[sa..sb].iter().filter(|t| t.kind == Kind::Word) {
        if let Some(&d) = DOCUMENTS.iter().find(|&&d| t.lc == d) {
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

pub(crate) const DOCUMENTS: &[&str] = &[
    "statement",
    "release",
    "communique",
    "communiqué",
    "letter",
    "note",
    "report",
    "declaration",
    "post",
    "tweet",
    "article",
    "story",
    "study",
    "analysis",
    "memo",
];

/// The author of a document phrase `np`: "the press release of the Harbor Authority", "the statement signed by
/// spokesman Ruiz" (the author phrase after "of", "by", "from", or "signed / issued / released by").
fn document_author(toks: &[Tok], np: (usize, usize), hi: usize) -> Option<(usize, usize)> {
    // The noun may stand just after the phrase found ("the press | release").
    let d = (np.0..(np.1 + 1).min(hi)).find(|&k| toks[k].kind == Kind::Word && DOCUMENTS.contains(&toks[k].lc.as_str()))?;
    let mut k = d + 1;
    if k < hi && toks[k].kind == Kind::Word && matches!(toks[k].lc.as_str(), "signed" | "issued" | "released" | "sent" | "published") {
        k += 1;
    }
    if !(k < hi && toks[k].kind == Kind::Word && matches!(toks[k].lc.as_str(), "of" | "by" | "from")) {
        return None;
    }
    // A plain word may open the author's phrase ("signed by harbor spokesman Ana Ruiz").
    let a = np_right(toks, k + 1, hi).or_else(|| np_right(toks, k + 2, hi))?;
    (a.0 <= k + 2).then_some(a)
}

/// Prepositions a participle's object follows ("involved in", "fighting against").
const PREPOSITIONS: &[&str] = &["in", "of", "against", "on", "at", "for", "with", "from", "by", "over", "into", "to"];

/// Generic nouns for a body named before ("the group rejected …").
const GENERIC_BODIES: &[&str] = &["group", "organisation", "organization", "movement", "outfit"];

/// The latest phrase before `before` that names a body with the head word `head` and a capitalised word: "the
/// Afghan Ministry of Interior Affairs", "the Taliban government" (for "the ministry", "the current government").
fn named_mention(toks: &[Tok], before: usize, head: &str) -> Option<(usize, usize)> {
    for k in (before.saturating_sub(600)..before).rev() {
        let t = &toks[k];
        if t.kind != Kind::Word || t.depth > 0 || t.lc != head {
            continue;
        }
        let mut start = k;
        while start > 0 && toks[start - 1].kind == Kind::Word && toks[start - 1].cap && toks[start - 1].block == t.block {
            start -= 1;
        }
        let np = np_right(toks, start, (k + 8).min(before)).filter(|np| np.0 <= k && k < np.1);
        if let Some(np) = np.filter(|np| toks[np.0..np.1].iter().any(|w| w.kind == Kind::Word && w.cap)) {
            return Some(np);
        }
    }
    None
}

/// The body named at the start of one of the two sentences before `before` ("Human Rights Watch had sounded the
/// alarm. The group said …").
fn antecedent_body(toks: &[Tok], text: &str, before: usize) -> Option<(usize, usize)> {
    let mut starts = 0;
    for k in (before.saturating_sub(80)..before).rev() {
        let opens = k == 0 || toks[k - 1].kind == Kind::Para || toks[k - 1].is_punct(".");
        if !opens || toks[k].kind != Kind::Word || toks[k].depth > 0 {
            continue;
        }
        if let Some(np) = np_right(toks, k, before).filter(|np| np.0 == k) {
            let start = if DETS.contains(&toks[np.0].lc.as_str()) { np.0 + 1 } else { np.0 };
            let named = toks[start..np.1].iter().any(|t| t.kind == Kind::Word && t.cap);
            if named && !has_name(toks, text, np) {
                return Some(np);
            }
        }
        starts += 1;
        if starts >= 2 {
            return None;
        }
    }
    None
}

/// The subject at the start of the sentence `[sa, at)` that "it" or "they" at `at` may stand for: a body named
/// there ("The Harbor Authority is yet to comment, but it had said …").
fn sentence_subject(toks: &[Tok], text: &str, sa: usize, at: usize, p: Pron) -> Option<(usize, usize)> {
    let mut k = sa;
    while k < at && (toks[k].kind != Kind::Word || matches!(toks[k].lc.as_str(), "however" | "but" | "meanwhile" | "and" | "yet" | "still"))
    {
        k += 1;
    }
    if p == Pron::Person || k >= at || toks[k].depth > 0 {
        return None;
    }
    let np = np_right(toks, k, at)?;
    let verb_next = toks.get(np.1).is_some_and(|t| t.kind == Kind::Word && !t.cap && t.depth == 0 || matches!(t.kind, Kind::Open(_)));
    let start = if DETS.contains(&toks[np.0].lc.as_str()) { np.0 + 1 } else { np.0 };
    let head = head_word(toks, np);
    let named_body = toks[start..np.1].iter().any(|t| t.kind == Kind::Word && t.cap);
    let body = (named_body || ORG_ROLES.contains(&head.as_str()) || GROUP_ROLES.contains(&head.as_str())) && !has_name(toks, text, np);
    (np.0 == k && verb_next && body && np.1 < at).then_some(np)
}

/// Lower-case particles inside personal names.
const NAME_PARTICLES: &[&str] =
    &["bin", "ibn", "bint", "al", "el", "ul", "ur", "van", "von", "der", "de", "da", "di", "du", "la", "le", "abu", "bte"];
/// Words that start a short phrase between a speaker and the cue ("on Monday", "in a statement").
const PP_START: &[&str] = &["on", "in", "at", "during", "via", "through", "last", "this", "earlier", "late", "early"];
/// Interjected adverbs between commas ("Ruiz, meanwhile, said").
const INTERJ: &[&str] = &[
    "meanwhile",
    "however",
    "also",
    "too",
    "though",
    "furthermore",
    "moreover",
    "instead",
    "separately",
    "in",
    "turn",
    "for",
    "his",
    "her",
    "part",
    "their",
    "its",
];

pub fn is_pronoun(t: &Tok) -> Option<Pron> {
    if t.kind != Kind::Word {
        return None;
    }
    // "US" (capitalised) is the country.
    if t.lc == "us" && t.cap {
        return None;
    }
    PRONOUNS.iter().find(|(p, _)| t.lc == *p).map(|(_, k)| *k)
}

fn word_is(toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.lc == w)
}

fn is_poss(lc: &str) -> bool {
    lc.ends_with("'s") && lc.len() > 2
}

fn is_acronym(t: &Tok, text: &str) -> bool {
    let w = &text[t.s..t.e];
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// Whether a token may be part of a speaker phrase (words, possessives, roles, brackets, abbreviation dots).
fn np_word(toks: &[Tok], i: usize) -> NpTok {
    let t = &toks[i];
    if t.kind != Kind::Word && t.kind != Kind::Punct {
        return NpTok::Stop;
    }
    match t.kind {
        Kind::Word => {
            let w = t.lc.as_str();
            if DETS.contains(&w) {
                NpTok::Det
            } else if t.cap && !STOP_CAPS.contains(&w) || ROLES.contains(&w) || MODS.contains(&w) || !t.cap && is_poss(w) {
                NpTok::Content
            } else if !t.cap && CONNECTORS.contains(&w) {
                NpTok::Connector
            } else if !t.cap
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !STOP_CAPS.contains(&w)
                && !AUX_ADV.contains(&w)
                && !w.ends_with("ly")
            {
                NpTok::Loose
            } else {
                NpTok::Stop
            }
        }
        Kind::Punct => match t.lc.as_str() {
            "(" | ")" => NpTok::Bracket,
            "." if !t.sp && i > 0 && toks[i - 1].e == t.s && is_abbrev(&toks[i - 1]) => NpTok::Content,
            "&" => NpTok::Connector,
            _ => NpTok::Stop,
        },
        _ => NpTok::Stop,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NpTok {
    Det,
    Content,
    Connector,
    Bracket,
    /// An unknown lower-case word: part of the phrase only between other phrase words ("port police").
    Loose,
    Stop,
}

/// A speaker phrase ending right before token `j` (exclusive), not reaching before `lo`.
pub fn np_left(toks: &[Tok], lo: usize, j: usize) -> Option<(usize, usize)> {
    let mut k = j;
    let mut a = j;
    let mut depth = 0i32;
    while k > lo {
        let i = k - 1;
        match np_word(toks, i) {
            NpTok::Det => {
                a = i;
                if i > lo && np_word(toks, i - 1) == NpTok::Connector && i - 1 > lo && np_word(toks, i - 2) == NpTok::Content {
                    k -= 1;
                    continue;
                }
                break;
            }
            NpTok::Content => a = i,
            NpTok::Connector => {}
            NpTok::Bracket => {
                depth += if toks[i].lc == ")" { 1 } else { -1 };
                if depth < 0 {
                    break;
                }
            }
            NpTok::Loose => {
                // Up to two unknown words, right after phrase words and before a determiner,
                // possessive or capitalised word: "the port police", "Harbor pilot Oskar Tenn".
                let mut m = i;
                while m > lo && i - m < 2 && np_word(toks, m - 1) == NpTok::Loose {
                    m -= 1;
                }
                // At the head (right edge) only behind a determiner or possessive: "the monitoring team".
                let head = i + 1 == j;
                // "a group of western powers": plain words after "of" behind a noun, and that noun behind its determiner.
                let right_ok = head || i + 1 < j && (matches!(np_word(toks, i + 1), NpTok::Content) || word_is(toks, i + 1, "of"));
                let of_group = m > lo + 1 && word_is(toks, m - 1, "of") && matches!(np_word(toks, m - 2), NpTok::Content | NpTok::Loose);
                let left_ok = of_group
                    || m > lo && {
                        let l = &toks[m - 1];
                        l.kind == Kind::Word
                            && if head {
                                // or behind a capitalised word behind a determiner: "a British think tank"
                                let det_cap = l.cap && m > lo + 1 && DETS.contains(&toks[m - 2].lc.as_str());
                                DETS.contains(&l.lc.as_str()) || is_poss(&l.lc) || MODS.contains(&l.lc.as_str()) || det_cap
                            } else {
                                DETS.contains(&l.lc.as_str()) || is_poss(&l.lc) || l.cap || MODS.contains(&l.lc.as_str())
                            }
                    };
                if !(right_ok && left_ok) {
                    break;
                }
                a = m;
                k = m;
                continue;
            }
            NpTok::Stop => break,
        }
        k -= 1;
    }
    trim_np(toks, a, j)
}

/// A speaker phrase starting at token `i`, not reaching `hi`.
pub fn np_right(toks: &[Tok], i: usize, hi: usize) -> Option<(usize, usize)> {
    let mut k = i;
    let mut b = i;
    let mut depth = 0i32;
    while k < hi {
        match np_word(toks, k) {
            NpTok::Det if k == i || np_word(toks, k - 1) == NpTok::Connector => {}
            NpTok::Content => b = k + 1,
            NpTok::Loose => {
                // Unknown words after a determiner and before a role or name: "the harbor master".
                let mut m = k;
                while m < hi && m - k < 2 && np_word(toks, m) == NpTok::Loose {
                    m += 1;
                }
                let right_ok = m < hi && np_word(toks, m) == NpTok::Content;
                // Or at the start before a role: "said agency spokesperson …".
                let left_ok = k > i && matches!(np_word(toks, k - 1), NpTok::Det | NpTok::Content)
                    || k == i && right_ok && ROLES.contains(&toks[m].lc.as_str());
                if !(left_ok && right_ok) {
                    break;
                }
                k = m;
                continue;
            }
            NpTok::Connector => {}
            NpTok::Bracket => {
                depth += if toks[k].lc == "(" { 1 } else { -1 };
                if depth < 0 {
                    break;
                }
                if depth == 0 {
                    b = k + 1;
                }
            }
            _ => break,
        }
        k += 1;
    }
    trim_np(toks, i, b)
}

/// Drop leading connectors/brackets (keeping a determiner), check the phrase has a head.
fn trim_np(toks: &[Tok], mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && matches!(np_word(toks, a), NpTok::Connector | NpTok::Bracket) {
        a += 1;
    }
    while b > a && matches!(np_word(toks, b - 1), NpTok::Connector | NpTok::Det) {
        b -= 1;
    }
    // Unbalanced bracket at the end.
    if b > a && toks[b - 1].lc == "(" {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let has_head =
        toks[a..b].iter().any(|t| t.kind == Kind::Word && (t.cap && !DETS.contains(&t.lc.as_str()) || ROLES.contains(&t.lc.as_str())))
            || b - a >= 2
                && np_word(toks, b - 1) == NpTok::Loose
                && (DETS.contains(&toks[a].lc.as_str()) || toks[a..b].iter().any(|t| is_poss(&t.lc)));
    has_head.then_some((a, b))
}

/// The speaker phrase of a cue at token `cue` (subject before the verb), within `[lo, cue)`.
/// Handles auxiliaries/adverbs, interjections (", meanwhile,"), relative "who", pronouns,
/// appositives, and a phrase set off by commas ("The report, released on Tuesday, said").
/// "Hun Sen -- now president of the Senate -- suggested": the subject before an aside set off by dashes that ends
/// at `j`.
fn subject_before_dashes(toks: &[Tok], text: &str, lo: usize, j: usize) -> Option<Subj> {
    let dash = |k: usize| toks[k].kind == Kind::Punct && matches!(toks[k].lc.as_str(), "\u{2014}" | "\u{2013}" | "-" | "--");
    let mut close = j;
    while close > lo && dash(close - 1) {
        close -= 1;
    }
    if close == j {
        return None;
    }
    let mut open = (close.saturating_sub(20).max(lo)..close).rev().find(|&k| dash(k))?;
    let inner = &toks[open + 1..close];
    if inner.is_empty() || inner.iter().any(|t| t.is_quote_mark() || t.kind == Kind::Para || t.lc == "that") {
        return None;
    }
    while open > lo && dash(open - 1) {
        open -= 1;
    }
    subject_left_core(toks, text, lo, open).filter(|s| s.b == open && s.pron.is_none())
}

/// "Maria Osei (pictured) said", "The agency (FEMA) said": the subject before a short parenthesis that ends at `j`.
fn subject_before_parens(toks: &[Tok], text: &str, lo: usize, j: usize) -> Option<Subj> {
    if j <= lo + 1 || !toks[j - 1].is_punct(")") {
        return None;
    }
    let close = j - 1;
    let open = (close.saturating_sub(12).max(lo)..close).rev().find(|&k| toks[k].is_punct("("))?;
    let inner = &toks[open + 1..close];
    // "Council (VFC)": a final acronym is part of the name (the noun phrase keeps it).
    let word = inner.first().map_or("", |t| &text[t.s..t.e]);
    let acronym = inner.len() == 1 && word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
    if acronym || inner.is_empty() || inner.iter().any(|t| t.is_quote_mark() || t.kind == Kind::Para || t.lc == "that" || t.is_punct("(")) {
        return None;
    }
    subject_left_core(toks, text, lo, open).filter(|s| s.b == open && s.pron.is_none())
}

pub fn subject_left(toks: &[Tok], text: &str, lo: usize, cue: usize) -> Option<Subj> {
    let mut j = cue;
    while j > lo && toks[j - 1].kind == Kind::Word && !toks[j - 1].cap && AUX_ADV.contains(&toks[j - 1].lc.as_str()) {
        j -= 1;
    }
    if let Some(s) = subject_before_parens(toks, text, lo, j) {
        return Some(s);
    }
    if let Some(s) = subject_left_core(toks, text, lo, cue) {
        // The object of a preposition is no subject ("X, during the meeting, said": the meeting did not speak).
        let after_prep = s.a > lo && toks[s.a - 1].kind == Kind::Word && PP_START.contains(&toks[s.a - 1].lc.as_str());
        if !after_prep {
            return Some(s);
        }
    }
    // "The ministry on Monday said", "Ruiz in a statement said": a short phrase before the cue.
    j = cue;
    while j > lo && toks[j - 1].kind == Kind::Word && !toks[j - 1].cap && AUX_ADV.contains(&toks[j - 1].lc.as_str()) {
        j -= 1;
    }
    // Not inside a relative clause set off by commas ("Veldoria, where the army seized power in 2030, said").
    let in_relative = j > lo
        && toks[j - 1].is_punct(",")
        && (j.saturating_sub(30).max(lo + 1)..j - 1).any(|i| word_is_rel(toks, i) && toks[i - 1].is_punct(","));
    if !in_relative {
        if let Some(s) = subject_before_adjunct(toks, text, lo, j) {
            return Some(s);
        }
    }
    while j > lo && toks[j - 1].kind == Kind::Word && !toks[j - 1].cap && AUX_ADV.contains(&toks[j - 1].lc.as_str()) {
        j -= 1;
    }
    if let Some(s) = subject_before_dashes(toks, text, lo, j) {
        return Some(s);
    }
    if j <= lo || !toks[j - 1].is_punct(",") {
        return None;
    }
    let close = j - 1;
    // A relative clause may be long ("An official, who spoke on condition of anonymity …, said").
    let reach = if (close.saturating_sub(30).max(lo)..close).any(|i| word_is_rel(toks, i) && i > lo && toks[i - 1].is_punct(",")) {
        30
    } else {
        14
    };
    // ", including A, B and C," is one phrase, however many commas its list has.
    let including = (close.saturating_sub(16).max(lo)..close).rev().find(|&i| toks[i].is_punct(",") && word_is(toks, i + 1, "including"));
    let open = match including {
        Some(i) => i,
        None => (close.saturating_sub(reach).max(lo)..close)
            .rev()
            .find(|&i| toks[i].is_punct(",") && (reach == 14 || word_is_rel(toks, i + 1)))?,
    };
    let inner = &toks[open + 1..close];
    let plain = inner.iter().all(|t| !t.is_quote_mark() && t.depth == 0 && t.lc != "that" && t.kind != Kind::Para);
    if !plain || inner.is_empty() || open <= lo {
        return None;
    }
    let s = subject_left_core(toks, text, lo, open)?;
    if s.b != open || s.pron.is_some() {
        return None;
    }
    // "Its prime minister, Hun Sen, said": the name between the commas, the description its role.
    if let Some(name) = np_right(toks, open + 1, close).filter(|np| *np == (open + 1, close)) {
        if has_name(toks, text, name) && !has_name(toks, text, (s.a, s.b)) && is_description(toks, (s.a, s.b)) {
            return Some(Subj { a: name.0, b: name.1, appos: Some((s.a, s.b)), pron: None });
        }
    }
    Some(head_before_modifier(toks, lo, s))
}

/// "The nations involved in the fight against the group": the phrase found at the end is the object of a
/// participle's preposition; the head the participle modifies is the subject.
fn head_before_modifier(toks: &[Tok], lo: usize, s: Subj) -> Subj {
    let mut a = s.a;
    for _ in 0..3 {
        if a <= lo + 2 || !toks[a - 1].kind.eq(&Kind::Word) || !PREPOSITIONS.contains(&toks[a - 1].lc.as_str()) {
            break;
        }
        let p = a - 1;
        let t = &toks[p - 1];
        if t.kind == Kind::Word && !t.cap && (t.lc.ends_with("ed") || t.lc.ends_with("ing")) && t.lc.len() > 4 {
            if let Some(np) = np_left(toks, lo, p - 1).filter(|np| np.1 == p - 1) {
                return Subj { a: np.0, b: np.1, appos: None, pron: None };
            }
            break;
        }
        match np_left(toks, lo, p) {
            Some(np) if np.1 == p => a = np.0,
            _ => break,
        }
    }
    s
}

fn word_is_rel(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word && matches!(t.lc.as_str(), "who" | "which" | "where" | "whose"))
}

/// "went on to" / "continued to" right before `j`: the finite verb that carries an infinitive cue; its length.
fn carrying_verb(toks: &[Tok], lo: usize, j: usize) -> Option<usize> {
    let w = |i: usize, s: &str| i >= lo && toks[i].kind == Kind::Word && toks[i].lc == s;
    if j < lo + 2 || !w(j - 1, "to") {
        return None;
    }
    if w(j - 2, "continued") {
        return Some(2);
    }
    (j >= lo + 3 && w(j - 2, "on") && w(j - 3, "went")).then_some(3)
}

/// The subject before a short time, place or occasion phrase that ends right before the cue (or its auxiliaries)
/// at `j`: "Ruiz on Tuesday at the council said", "Osei, during the meeting, highlighted". The leftmost phrase
/// start wins, so that "on Tuesday at the council" is skipped whole.
fn subject_before_adjunct(toks: &[Tok], text: &str, lo: usize, j: usize) -> Option<Subj> {
    let plain = |t: &Tok| t.kind == Kind::Word && (!t.cap || STOP_CAPS.contains(&t.lc.as_str())) || t.is_punct(".") || t.is_punct(",");
    let from = j.saturating_sub(8).max(lo + 1);
    let p =
        (from..j).find(|&i| toks[i].kind == Kind::Word && PP_START.contains(&toks[i].lc.as_str()) && toks[i + 1..j].iter().all(plain))?;
    let end = if toks[p - 1].is_punct(",") { p - 1 } else { p };
    let mut s = subject_left_core(toks, text, lo, end)?;
    if s.b != end {
        return None;
    }
    // "The nations involved in the talks said": the participle modifies the head, it is not part of its name.
    let last = &toks[s.b - 1];
    if s.b - s.a >= 3 && !last.cap && (last.lc.ends_with("ed") || last.lc.ends_with("ing")) && last.lc.len() > 4 {
        s.b -= 1;
    }
    Some(s)
}

fn subject_left_core(toks: &[Tok], text: &str, lo: usize, cue: usize) -> Option<Subj> {
    let mut j = cue;
    let skip_aux = |j: &mut usize| {
        while *j > lo {
            let t = &toks[*j - 1];
            if t.kind == Kind::Word && !t.cap && (AUX_ADV.contains(&t.lc.as_str()) || (t.lc.ends_with("ly") && t.lc.len() > 4)) {
                *j -= 1;
            } else if let Some(n) = carrying_verb(toks, lo, *j) {
                *j -= n;
            } else {
                break;
            }
        }
    };
    skip_aux(&mut j);
    // ", meanwhile," / ", in turn,"
    if j >= lo + 3 && toks[j - 1].is_punct(",") {
        let close = j - 1;
        let mut m = close;
        while m > lo && close - m < 3 && toks[m - 1].kind == Kind::Word && INTERJ.contains(&toks[m - 1].lc.as_str()) {
            m -= 1;
        }
        if m < close && m > lo && toks[m - 1].is_punct(",") {
            j = m - 1;
            skip_aux(&mut j);
        }
    }
    let mut rel = false;
    if j > lo && toks[j - 1].kind == Kind::Word && toks[j - 1].lc == "who" {
        rel = true;
        j -= 1;
        if j > lo && toks[j - 1].is_punct(",") {
            j -= 1;
        }
    }
    if !rel && j > lo {
        if let Some(p) = is_pronoun(&toks[j - 1]) {
            let before_ok = j - 1 == lo || !matches!(np_word(toks, j - 2), NpTok::Content);
            return before_ok.then_some(Subj { a: j - 1, b: j, appos: None, pron: Some(p) });
        }
    }
    let comma_before = !rel && j > lo && toks[j - 1].is_punct(",");
    if comma_before {
        j -= 1;
    }
    let x = np_left(toks, lo, j)?;
    // A possessive is not a subject ("Ruiz's claims come …").
    if x.1 != j || is_poss(&toks[x.1 - 1].lc) {
        return None;
    }
    if x.0 > lo && toks[x.0 - 1].is_punct(",") {
        if let Some(y) = np_left(toks, lo, x.0 - 1) {
            if y.1 == x.0 - 1 {
                let xi = has_name(toks, text, x);
                let yi = has_name(toks, text, y);
                if !xi && yi && is_description(toks, x) {
                    return Some(Subj { a: y.0, b: y.1, appos: Some(x), pron: None });
                }
                if xi && !yi && is_description(toks, y) {
                    return Some(Subj { a: x.0, b: x.1, appos: Some(y), pron: None });
                }
            }
        }
    }
    if comma_before && !has_name(toks, text, x) {
        return None;
    }
    Some(Subj { a: x.0, b: x.1, appos: None, pron: None })
}

/// The speaker phrase after an inverted cue (`"…," said the minister, a former general,`), within `(cue, hi)`.
pub fn subject_right(toks: &[Tok], text: &str, i: usize, hi: usize) -> Option<Subj> {
    if i >= hi {
        return None;
    }
    if let Some(p) = is_pronoun(&toks[i]) {
        return Some(Subj { a: i, b: i + 1, appos: None, pron: Some(p) });
    }
    let x = np_right(toks, i, hi)?;
    if x.0 != i && !(x.0 == i + 1 && DETS.contains(&toks[i].lc.as_str())) {
        return None;
    }
    let x = (i, x.1);
    // "said the statement signed by spokesman Ruiz": the document's author speaks.
    if let Some(author) = document_author(toks, x, hi) {
        return Some(Subj { a: author.0, b: author.1, appos: None, pron: None });
    }
    let mut appos = None;
    if x.1 + 1 < hi && toks[x.1].is_punct(",") {
        if let Some(y) = np_right(toks, x.1 + 1, hi) {
            let starts_det = DETS.contains(&toks[x.1 + 1].lc.as_str());
            if starts_det && is_description(toks, (x.1 + 1, y.1)) && has_name(toks, text, x) {
                appos = Some((x.1 + 1, y.1));
            }
            // "said embassy spokesperson, Chad Roedemeier": the name after the description.
            if y.0 == x.1 + 1 && has_name(toks, text, y) && !has_name(toks, text, x) && is_description(toks, x) {
                return Some(Subj { a: y.0, b: y.1, appos: Some(x), pron: None });
            }
        }
    }
    Some(Subj { a: x.0, b: x.1, appos, pron: None })
}

/// A description: starts with a determiner or is headed by a role word, and names nobody.
fn is_description(toks: &[Tok], (a, b): (usize, usize)) -> bool {
    DETS.contains(&toks[a].lc.as_str()) || toks[a..b].iter().any(|t| ROLES.contains(&t.lc.as_str()))
}

pub fn has_name(toks: &[Tok], text: &str, np: (usize, usize)) -> bool {
    split_name(toks, text, np, &|_| false).is_some()
}

/// Titles that are also names when written without their dot ("Sen", "Gen", "Rep").
const ABBREV_TITLES: &[&str] = &["sen", "gen", "rep", "gov", "col", "maj", "capt", "sgt", "adm", "brig", "cmdr", "cpt", "lt"];

/// Split a phrase into (title/role part, personal name part). `known_org(folded)` says whether a
/// word is a known organisation, place or outlet (never a personal name).
pub fn split_name(toks: &[Tok], text: &str, (a, b): (usize, usize), known_org: &dyn Fn(&str) -> bool) -> Option<(usize, usize)> {
    let mut k = b;
    while k > a {
        let t = &toks[k - 1];
        let w = t.lc.as_str();
        // name particles between capitalised parts ("Khalid bin Walid", "Ursula von der Leyen")
        if k < b && k - 1 > a && NAME_PARTICLES.contains(&w) && toks[k - 2].cap {
            k -= 1;
            continue;
        }
        // A short title ends no name: "Sen. Ruiz", but "Hun Sen" is a name.
        let surname = k == b && ABBREV_TITLES.contains(&w) && !text[t.e..].starts_with('.');
        let ok = t.kind == Kind::Word
            && t.cap
            && (!TITLES.contains(&w) || surname)
            && !ROLES.contains(&w)
            && !ORG_WORDS.contains(&w)
            && !STOP_CAPS.contains(&w)
            && !is_poss(w)
            && !is_acronym(t, text)
            && !known_org(w)
            && !w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !ok {
            break;
        }
        k -= 1;
    }
    if k == b || b - k > 5 {
        return None;
    }
    // "Center for Strategic and International Studies": a run broken by a capitalised organisation word belongs to
    // that organisation ("International Studies" is not a person).
    let breaker = (k > a && b - k == 1).then(|| &toks[k - 1]);
    if breaker.is_some_and(|t| t.kind == Kind::Word && t.cap && (ORG_WORDS.contains(&t.lc.as_str()) || known_org(&t.lc))) {
        return None;
    }
    let joined_org = toks[a..k].iter().any(|t| t.kind == Kind::Word && t.cap && ORG_WORDS.contains(&t.lc.as_str()))
        && k > a
        && toks[k - 1].kind == Kind::Word
        && matches!(toks[k - 1].lc.as_str(), "and" | "&");
    if joined_org {
        return None;
    }
    // "Residents of Kell", "spokesman for (the) Soltan League": a capitalised word after "of"/"for" is a place or body.
    let before = if k > a + 1 && DETS.contains(&toks[k - 1].lc.as_str()) { k - 1 } else { k };
    if before > a && toks[before - 1].kind == Kind::Word && !toks[before - 1].cap && CONNECTORS.contains(&toks[before - 1].lc.as_str()) {
        return None;
    }
    // "the Admiralty": a determiner with no title or role before the name means an organisation.
    let det = DETS.contains(&toks[a].lc.as_str());
    // A title, a role, a possessive or any lower-case word ("harbor pilot") before the name.
    let titled = toks[a..k].iter().any(|t| {
        TITLES.contains(&t.lc.as_str())
            || ROLES.contains(&t.lc.as_str())
            || is_poss(&t.lc)
            || t.kind == Kind::Word && !t.cap && !DETS.contains(&t.lc.as_str()) && !CONNECTORS.contains(&t.lc.as_str())
    });
    if (det || k > a) && !titled {
        return None;
    }
    Some((k, b))
}

/// The last personal name (with its titles) in the 80 tokens before `before`.
fn antecedent(toks: &[Tok], text: &str, before: usize) -> Option<(usize, usize)> {
    let lo = before.saturating_sub(80);
    let mut k = before;
    while k > lo {
        let t = &toks[k - 1];
        if t.kind == Kind::Word && t.cap && !STOP_CAPS.contains(&t.lc.as_str()) {
            let b = k;
            let mut a = k - 1;
            while a > lo
                && toks[a - 1].kind == Kind::Word
                && (toks[a - 1].cap || ROLES.contains(&toks[a - 1].lc.as_str()) || MODS.contains(&toks[a - 1].lc.as_str()))
                && !STOP_CAPS.contains(&toks[a - 1].lc.as_str())
            {
                a -= 1;
            }
            if let Some(n) = split_name(toks, text, (a, b), &|_| false) {
                if n.1 - n.0 >= 2 && n.1 - n.0 <= 4 {
                    return Some((a, b));
                }
            }
            k = a;
            continue;
        }
        k -= 1;
    }
    None
}

/// A resolved speaker of this document.
#[derive(Debug, Clone)]
pub struct Speaker {
    pub name: String,
    pub id: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub side: Option<String>,
    pub kind: SKind,
    /// Folded last word of a person's name (for surname references).
    pub last: Option<String>,
    /// Folded words of name, role and appositive (for "the spokesman" / "the ministry").
    pub words: Vec<String>,
    /// An indefinite description ("a senior official").
    pub indefinite: bool,
    /// Named by a personal name.
    pub named: bool,
}

/// A phrase with its whitespace collapsed and its parenthesised asides left out ("Apple (AAPL) spokesman" → "Apple
/// spokesman", "Maria Osei (pictured)" → "Maria Osei"), except a short name at its end ("… Development (CSP-PSD)").
fn clean(s: &str) -> String {
    let out = collapse(&without_asides(s));
    if out.is_empty() {
        collapse(s)
    } else {
        out
    }
}

/// `s` without its balanced "( … )" groups, but for a final one without lower-case letters (an acronym).
fn without_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else { break };
        let (aside, after) = (&rest[open..open + len + 1], &rest[open + len + 1..]);
        let acronym_at_end = after.trim().is_empty() && !aside.chars().any(char::is_lowercase);
        out.push_str(&rest[..open]);
        if acronym_at_end {
            out.push_str(aside);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() && !w.starts_with([')', ',', '.']) && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn span_text(toks: &[Tok], text: &str, (a, b): (usize, usize)) -> String {
    if a >= b {
        return String::new();
    }
    clean(&text[toks[a].s..toks[b - 1].e])
}

fn strip_det(toks: &[Tok], (a, b): (usize, usize)) -> (usize, usize) {
    if a < b && DETS.contains(&toks[a].lc.as_str()) {
        (a + 1, b)
    } else {
        (a, b)
    }
}

/// Speakers of one document, in order of first mention, plus the order of statements for pronouns.
#[derive(Debug, Default)]
pub struct Speakers {
    pub list: Vec<Speaker>,
    /// Speaker index of each statement so far (most recent last).
    pub recent: Vec<usize>,
    /// Named phrases already resolved (phrase and appositive as written → speaker).
    cache: std::collections::HashMap<String, usize>,
    /// Documents named in the sentences of statements so far, with the statement's speaker ("the senators wrote,
    /// according to a copy of the letter": the letter is theirs).
    documents: Vec<(&'static str, usize)>,
}

impl Speakers {
    /// Note a statement by `speaker` in a sentence that names the documents `named` (see [`documents_named`]).
    pub fn heard(&mut self, speaker: usize, named: &[&'static str]) {
        self.recent.push(speaker);
        self.documents.extend(named.iter().map(|&d| (d, speaker)));
    }

    /// Resolve a speaker phrase to a speaker index (registering new speakers).
    pub fn resolve(&mut self, ex: &Extractor, toks: &[Tok], text: &str, subj: &Subj, sa: usize) -> Option<usize> {
        if let Some(p) = subj.pron {
            // "The ministry is yet to comment, but it had said …": the subject of the pronoun's own sentence.
            if let Some(np) = sentence_subject(toks, text, sa, subj.a, p) {
                if let Some(i) = self.resolve(ex, toks, text, &Subj { a: np.0, b: np.1, appos: None, pron: None }, sa) {
                    return Some(i);
                }
            }
            let found = self.recent.iter().rev().take(40).copied().find(|&i| {
                let k = self.list[i].kind;
                match p {
                    Pron::Person => k == SKind::Person,
                    Pron::Plural => k != SKind::Person,
                    Pron::Thing => k != SKind::Person,
                }
            });
            if found.is_some() || p != Pron::Person {
                return found;
            }
            // No earlier speaker: the last person named shortly before ("Ana Ruiz arrived. She said …").
            let named = antecedent(toks, text, subj.a)?;
            return self.resolve(ex, toks, text, &Subj { a: named.0, b: named.1, appos: None, pron: None }, sa);
        }
        let core = strip_det(toks, (subj.a, subj.b));
        if core.0 >= core.1 {
            return None;
        }
        // Phrases with a capitalised word resolve the same way every time: cache them.
        let cacheable = toks[core.0..core.1].iter().any(|t| t.kind == Kind::Word && t.cap);
        let key = cacheable.then(|| {
            let mut k = text[toks[subj.a].s..toks[subj.b - 1].e].to_string();
            if let Some((a, b)) = subj.appos {
                k.push('|');
                k.push_str(&text[toks[a].s..toks[b - 1].e]);
            }
            k
        });
        if let Some(i) = key.as_ref().and_then(|k| self.cache.get(k)) {
            return Some(*i);
        }
        let r = self.resolve_phrase(ex, toks, text, subj, core);
        if let (Some(k), Some(i)) = (key, r) {
            self.cache.insert(k, i);
        }
        r
    }

    fn resolve_phrase(&mut self, ex: &Extractor, toks: &[Tok], text: &str, subj: &Subj, core: (usize, usize)) -> Option<usize> {
        if let Some(author) = document_author(toks, core, core.1) {
            return self.resolve(ex, toks, text, &Subj { a: author.0, b: author.1, appos: None, pron: None }, author.0);
        }
        let det = toks[subj.a].lc.as_str();
        // "“…,” the letter read": the letter named with an earlier statement speaks for that statement's speaker.
        if core.1 == core.0 + 1 && matches!(det, "the" | "this" | "that") {
            let noun = toks[core.0].lc.as_str();
            if let Some(&(_, i)) = self.documents.iter().rev().find(|d| d.0 == noun) {
                return Some(i);
            }
        }
        let known_org = |w: &str| ex.org_words.contains(w);
        let name = split_name(toks, text, (subj.a, subj.b), &known_org);
        let ph = Phrase { toks, text, subj, core };
        // Known actors first (any alias inside the phrase).
        if let Some(ai) = ex.actor_in(&span_text(toks, text, core)) {
            return Some(self.resolve_actor(ex, &ph, name, ai));
        }
        if let Some(n) = name {
            return Some(self.resolve_named(ex, &ph, n));
        }
        self.resolve_description(ex, &ph)
    }

    /// A configured actor named in the phrase: the configured name, its role first, the side the text says.
    fn resolve_actor(&mut self, ex: &Extractor, ph: &Phrase, name: Option<(usize, usize)>, ai: usize) -> usize {
        let Phrase { toks, text, subj, core } = *ph;
        let (full_text, appos_text) = ph.texts();
        let a = &ex.config.actors[ai];
        let id = slug(&a.name);
        let pre = name.map(|n| (core.0, n.0)).filter(|p| p.0 < p.1).map(|p| span_text(toks, text, p));
        let role_text = appos_text.clone().or(pre.clone()).filter(|r| !r.is_empty());
        let side_text = format!("{} {}", full_text, appos_text.clone().unwrap_or_default());
        let side = ex.side_in(&side_text).or_else(|| a.side.clone());
        let affiliation =
            possessive_owner(toks, text, core).or_else(|| org_in_role(role_text.as_deref())).or_else(|| a.affiliation.clone());
        // The configured role first: the text's may be partial or garbled.
        let role = a.role.clone().or_else(|| role_text.map(|r| clean_role(&r)).filter(|r| !r.is_empty()));
        let last = a.name.split_whitespace().last().map(counterclaim_core::text::fold);
        let words = tok_words(toks, &[(subj.a, subj.b), subj.appos.unwrap_or((0, 0))], &[&a.name, a.role.as_deref().unwrap_or("")]);
        self.register(Speaker {
            name: a.name.clone(),
            id,
            role,
            affiliation,
            side,
            kind: SKind::Person,
            last,
            words,
            indefinite: false,
            named: true,
        })
    }

    /// A person named in the phrase ("Interior Minister Hana Weiss", "Weiss" for one named before).
    fn resolve_named(&mut self, ex: &Extractor, ph: &Phrase, n: (usize, usize)) -> usize {
        let Phrase { toks, text, subj, core } = *ph;
        let (full_text, appos_text) = ph.texts();
        let name_text = span_text(toks, text, n);
        let last = toks[n.1 - 1].lc.to_string();
        // A bare surname refers to a person named before.
        if n.1 - n.0 == 1 {
            if let Some(i) = self.list.iter().position(|s| s.kind == SKind::Person && s.named && s.last.as_deref() == Some(last.as_str())) {
                return i;
            }
        }
        let pre = (core.0 < n.0).then(|| span_text(toks, text, (core.0, n.0)));
        let role_text = appos_text.clone().or(pre).filter(|r| !r.is_empty());
        let side_text = format!("{} {}", full_text, appos_text.clone().unwrap_or_default());
        let side = ex.side_in(&side_text);
        let affiliation = possessive_owner(toks, text, core).or_else(|| org_in_role(role_text.as_deref()));
        let role = role_text.map(|r| clean_role(&r)).filter(|r| !r.is_empty());
        let words = tok_words(toks, &[(subj.a, subj.b), subj.appos.unwrap_or((0, 0))], &[]);
        self.register(Speaker {
            id: slug(&name_text),
            name: name_text,
            role,
            affiliation,
            side,
            kind: SKind::Person,
            last: Some(last),
            words,
            indefinite: false,
            named: true,
        })
    }

    /// A description or a body ("the ministry", "a senior official", "Human Rights Watch"): the one it stands for
    /// when the article named it before, else a speaker of its own.
    fn resolve_description(&mut self, ex: &Extractor, ph: &Phrase) -> Option<usize> {
        let Phrase { toks, text, subj, core } = *ph;
        let (full_text, _) = ph.texts();
        let det = toks[subj.a].lc.as_str();
        let indefinite = det == "a" || det == "an";
        let core_text = span_text(toks, text, core);
        let head = head_word(toks, core);
        let all_caps_or_roles = toks[core.0..core.1].iter().all(|t| t.kind != Kind::Word || t.cap);
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us") && !head.ends_with("is");
        // A capitalised organisation word heads a body ("the Center for …", "the Ministry").
        let org_head = ORG_WORDS.contains(&head.as_str()) && toks[core.0..core.1].iter().any(|t| t.cap && t.lc == head.as_str());
        let kind = if GROUP_ROLES.contains(&head.as_str()) || plural && !all_caps_or_roles {
            SKind::Group
        } else if org_head || ORG_ROLES.contains(&head.as_str()) || all_caps_or_roles && !ROLES.contains(&head.as_str()) {
            SKind::Org
        } else {
            SKind::Person
        };
        let has_cap = toks[core.0..core.1].iter().any(|t| t.kind == Kind::Word && t.cap);
        // "The group said": the body that opened one of the sentences just before, speaker or not.
        if det == "the" && !has_cap && GENERIC_BODIES.contains(&head.as_str()) {
            if let Some(np) = antecedent_body(toks, text, subj.a) {
                return self.resolve(ex, toks, text, &Subj { a: np.0, b: np.1, appos: None, pron: None }, np.0);
            }
        }
        if det == "the" {
            if let Some(i) = self.described(toks, core, &head, has_cap) {
                return Some(i);
            }
        }
        // "the ministry", "the current government": the body of that kind the article named before, speaker or not
        // ("the Afghan Ministry of Interior Affairs confirmed …", "the Taliban government").
        if det == "the" && !has_cap && ORG_ROLES.contains(&head.as_str()) {
            if let Some(np) = named_mention(toks, subj.a, &head) {
                return self.resolve(ex, toks, text, &Subj { a: np.0, b: np.1, appos: None, pron: None }, np.0);
            }
        }
        let side = ex.side_in(&full_text);
        // "Norland's top diplomat": the person of that side named just before, in that role.
        if kind == SKind::Person && is_poss(&toks[core.0].lc) && side.is_some() {
            if let Some(&i) = self.recent.iter().rev().take(6).find(|&&i| self.list[i].named && self.list[i].side == side) {
                return Some(i);
            }
        }
        let entity_id = ex.entity_exact(&core_text);
        let id = entity_id.map(|e| slug(&e)).unwrap_or_else(|| slug(&core_text));
        if let Some(i) = self.list.iter().position(|s| s.id == id && !s.named && s.name == core_text) {
            return Some(i);
        }
        let affiliation = possessive_owner(toks, text, core);
        let words = tok_words(toks, &[core], &[]);
        Some(self.register(Speaker {
            id,
            name: core_text,
            role: None,
            affiliation,
            side,
            kind,
            last: None,
            words,
            indefinite,
            named: false,
        }))
    }

    /// The earlier speaker a definite description stands for: "the ministry", "the spokesman" (the most recent
    /// speaker described by the same head word), "the Northern League spokesman" (the same head word, and every
    /// capitalised word of the description among that speaker's words), "the group", "the organisation" (the most
    /// recent body).
    fn described(&self, toks: &[Tok], core: (usize, usize), head: &str, has_cap: bool) -> Option<usize> {
        let recent = || self.recent.iter().rev().take(40).copied();
        if !has_cap && GENERIC_BODIES.contains(&head) {
            return recent().find(|&i| self.list[i].kind != SKind::Person);
        }
        let caps: Vec<String> = toks[core.0..core.1].iter().filter(|t| t.kind == Kind::Word && t.cap).map(|t| t.lc.to_string()).collect();
        if has_cap && (!ROLES.contains(&head) || GROUP_ROLES.contains(&head) || ORG_ROLES.contains(&head)) {
            return None;
        }
        recent().find(|&i| {
            let w = &self.list[i].words;
            w.iter().any(|w| w == head || same_role(w, head)) && caps.iter().all(|c| w.contains(c))
        })
    }

    /// Add a speaker, or merge it into the known one: people by id, bodies by id and name as written
    /// (so "UN" and "United Nations" share an id but each claim shows the name its text uses).
    fn register(&mut self, s: Speaker) -> usize {
        if let Some(i) = self.list.iter().position(|x| x.id == s.id && (s.named || x.name == s.name)) {
            let x = &mut self.list[i];
            if x.role.is_none() {
                x.role = s.role;
            }
            if x.affiliation.is_none() {
                x.affiliation = s.affiliation;
            }
            if x.side.is_none() {
                x.side = s.side;
            }
            for w in s.words {
                if !x.words.contains(&w) {
                    x.words.push(w);
                }
            }
            return i;
        }
        self.list.push(s);
        self.list.len() - 1
    }
}

/// The head of a description: the last role word before the first connector ("deputy of the council").
fn head_word(toks: &[Tok], (a, b): (usize, usize)) -> String {
    let stop = (a..b).find(|&i| !toks[i].cap && CONNECTORS.contains(&toks[i].lc.as_str())).unwrap_or(b);
    let role = |r: std::ops::Range<usize>| r.rev().find(|&i| ROLES.contains(&toks[i].lc.as_str()));
    role(a..stop).or_else(|| role(a..b)).map(|i| toks[i].lc.to_string()).unwrap_or_else(|| toks[b - 1].lc.to_string())
}

fn same_role(a: &str, b: &str) -> bool {
    let sp = |w: &str| w.starts_with("spokes");
    sp(a) && sp(b)
}

/// Folded words of the phrase tokens (and of extra text such as a configured role).
fn tok_words(toks: &[Tok], ranges: &[(usize, usize)], extra: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(a, b) in ranges {
        for t in &toks[a..b] {
            let w = t.lc.trim_end_matches("'s");
            if t.kind == Kind::Word && !w.is_empty() && !out.iter().any(|x| x == w) {
                out.push(w.to_string());
            }
        }
    }
    if !extra.iter().all(|e| e.is_empty()) {
        for w in words_of(extra) {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

fn words_of(parts: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        for w in counterclaim_core::text::fold(p).split(|c: char| !c.is_alphanumeric() && c != '\'') {
            let w = w.trim_end_matches("'s");
            if !w.is_empty() && !out.iter().any(|x| x == w) {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// "Harbor Authority's spokesman …" → "Harbor Authority".
fn possessive_owner(toks: &[Tok], text: &str, (a, b): (usize, usize)) -> Option<String> {
    let p = (a..b).find(|&i| is_poss(&toks[i].lc))?;
    if !toks[a..=p].iter().any(|t| t.cap) {
        return None;
    }
    let s = span_text(toks, text, (a, p + 1));
    Some(s.trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string())
}

/// "spokesman for the Ministry of Transport" → "Ministry of Transport" (an organisation, several words).
fn org_in_role(role: Option<&str>) -> Option<String> {
    let r = role?;
    for sep in [" for the ", " of the ", " for ", " of "] {
        if let Some(i) = r.find(sep) {
            let mut words: Vec<&str> = r[i + sep.len()..].split(' ').collect();
            const RANKS: &[&str] = &[
                "general",
                "gen",
                "admiral",
                "colonel",
                "col",
                "major",
                "maj",
                "lieutenant",
                "lt",
                "captain",
                "capt",
                "sergeant",
                "sgt",
                "commander",
            ];
            while words.len() > 1 && words.last().is_some_and(|w| RANKS.contains(&counterclaim_core::text::fold(w).as_str())) {
                words.pop();
            }
            let org = words.join(" ");
            let orgish = words.iter().any(|w| ORG_WORDS.contains(&counterclaim_core::text::fold(w).as_str()));
            if org.chars().next().is_some_and(char::is_uppercase) && words.len() > 1 && orgish {
                return Some(org);
            }
        }
    }
    None
}

/// The phrase a speaker is resolved from: its tokens, the subject span and its core (without determiner).
#[derive(Clone, Copy)]
struct Phrase<'a> {
    toks: &'a [Tok],
    text: &'a str,
    subj: &'a Subj,
    core: (usize, usize),
}

impl Phrase<'_> {
    /// The whole subject's text and its appositive's (without determiner).
    fn texts(&self) -> (String, Option<String>) {
        let full = span_text(self.toks, self.text, (self.subj.a, self.subj.b));
        (full, self.subj.appos.map(|ap| span_text(self.toks, self.text, strip_det(self.toks, ap))))
    }
}

/// Military ranks: written right before a name, after the office ("Chairman of the Joint Chiefs General Mark Milley").
const RANKS: &[&str] = &[
    "general",
    "gen",
    "gen.",
    "major",
    "maj",
    "maj.",
    "colonel",
    "col",
    "col.",
    "lieutenant",
    "lt",
    "lt.",
    "admiral",
    "adm",
    "adm.",
    "brigadier",
    "brig",
    "brig.",
    "captain",
    "capt",
    "capt.",
    "sergeant",
    "sgt",
    "sgt.",
    "commander",
];

/// A role as written before a name, tidied: the leading possessive owner dropped ([`strip_owner`]), and a rank that
/// stands between the office and the name put first ("Chairman of the Joint Chiefs General" → "General, Chairman of
/// the Joint Chiefs"); a role of ranks alone ("Major General") stays as it is.
fn clean_role(role: &str) -> String {
    let role = strip_owner(role);
    let words: Vec<&str> = role.split(' ').collect();
    let is_rank = |w: &&&str| RANKS.contains(&w.to_lowercase().as_str());
    let ranks = words.iter().rev().take_while(is_rank).count();
    if ranks == 0 || ranks == words.len() {
        return role;
    }
    let (office, rank) = words.split_at(words.len() - ranks);
    format!("{}, {}", rank.join(" "), office.join(" "))
}

/// "Harbor Authority's Spokesperson" → "Spokesperson" (only a leading possessive owner is dropped).
fn strip_owner(role: &str) -> String {
    let words: Vec<&str> = role.split(' ').collect();
    if let Some(p) = words.iter().position(|w| w.ends_with("'s") || w.ends_with("\u{2019}s")) {
        if p + 1 < words.len() && words[..p].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return words[p + 1..].join(" ");
        }
    }
    role.to_string()
}
