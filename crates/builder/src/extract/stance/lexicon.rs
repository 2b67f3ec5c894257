//! The built-in stance vocabulary for questions of the form "is X present, active, a threat, or building or using Y
//! in Z?": presence always, growth and threat when the question asks about them, the question's own words, and
//! defeat, absence and dismissal against them; negators and denials. A corpus's `[stance]` lists extend it with their
//! topic words; nothing here names a topic.
use counterclaim_core::config::StanceLexicon;
use counterclaim_core::text::fold;

/// How a cue relates to the claim it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Says something about the topic ("active", "defeated").
    Plain,
    /// Judges someone else's claim ("baseless", "propaganda"): a denial verb does not flip it, it agrees with it.
    Dismissal,
}

/// Cues that say the topic is there and doing things (`~`: only in a sentence about the topic).
#[rustfmt::skip]
const PRESENCE: &[&str] = &[
    "~active", "~activity", "~activities", "~present in", "~presence", "~operating", "~operate", "~operates",
    "~operational", "~exist", "~exists", "~existence", "~based in", "~stationed", "~deployed", "~deployment",
    "~deploying", "~hiding", "~cells", "~sleeper cells", "~base", "~bases", "~camps", "~training camps", "~foothold",
    "~footholds", "~sanctuary", "~sanctuaries", "~safe haven", "~safe havens", "~stronghold", "~strongholds",
    "~hideouts", "~hotbed", "~moved to", "~relocated to", "~arrived in", "~entered", "~involvement", "~anchored",
    "~berthed", "~moored",
];

/// Cues that say it grows (when the question asks whether it is active or a threat).
#[rustfmt::skip]
const GROWTH: &[&str] = &[
    "~stronger", "~bolder", "~emboldened", "~grow", "~grows", "~growing", "~grew", "~grown", "~expand", "~expanding",
    "~expanded", "~expansion", "~spread", "~spreading", "~increase", "~increased", "~increasing", "~on the rise",
    "~rising", "~resurgence", "~resurgent", "~regroup", "~regrouping", "~consolidate", "~consolidating",
    "~consolidated", "~strengthen", "~strengthening", "~strengthened", "~gaining ground", "~more sophisticated",
    "~recruit", "~recruiting", "~recruitment", "~taking advantage", "~take advantage", "~reconstitute", "~re-emerge",
    "~re-emergence",
];

/// Cues that say it threatens or attacks (when the question asks whether it is a threat or active).
#[rustfmt::skip]
const THREAT: &[&str] = &[
    "~threat", "~threats", "~threaten", "~threatens", "~threatening", "~danger", "~dangerous", "~menace",
    "~pose a threat", "~poses a threat", "~posing a threat", "~attack", "~attacks", "~plot", "~plots", "~plotted",
    "~plotting", "~carried out", "~carry out", "~carries out", "~claimed responsibility", "~colluding",
    "~concerned about", "~worried about", "~alarmed by", "~concern over", "~concerns about",
];

/// Question words that call for growth and threat cues.
const THREAT_QUESTION: &[&str] = &["threat", "threats", "danger", "dangerous", "active", "attack", "attacks", "growing", "resurgent"];

/// Cues that say it is defeated, gone, weak or kept out (`~`: only in a sentence about the topic).
#[rustfmt::skip]
const REFUTES: &[&str] = &[
    "~defeated", "~defeat", "~destroyed", "~destroy", "~eliminated", "~eliminate", "~already-eliminated",
    "~wiped out", "~crushed", "~dismantled", "~neutralized", "~neutralised", "~suppressed", "~contained",
    "~under control", "~eradicated", "~decimated", "~weakened", "~routed", "~expelled", "~driven out", "~pushed out",
    "~reduced to zero", "~remnants", "~finished", "~collapsed", "~absent", "~absence", "~withdrawn", "~vanished",
    "~curbed", "~very small", "~negligible", "~insignificant", "~not allow", "~not permit", "~never allow",
    "~won't allow", "~will not allow", "~would not allow", "~not be allowed", "~not allowing",
];

/// Words that judge another claim false or overblown; they refute wherever they stand.
#[rustfmt::skip]
const DISMISSALS: &[&str] = &[
    "baseless", "unfounded", "groundless", "false", "fabricated", "fabrication", "fabrications", "propaganda", "lies",
    "exaggerated", "exaggeration", "exaggerating", "magnifying", "magnify", "hype", "hyped", "hyping", "smear",
    "disinformation", "misinformation", "fake", "nonsense", "untrue", "rumours", "rumors", "false alarms",
    "not based on facts", "without evidence", "no evidence", "no proof", "made up", "fiction", "fictitious", "absurd",
    "ridiculous", "undocumented", "unsubstantiated", "speculation", "speculations", "fake news", "slander",
];

/// Negators: they flip a cue that follows them closely.
#[rustfmt::skip]
const NEGATORS: &[&str] = &[
    "not", "no", "never", "no longer", "cannot", "without", "nor", "neither", "none", "nothing", "hardly", "barely",
    "lack", "lacks", "lacking", "free of",
];

/// Denial verbs: they flip the cues of what they deny ("denied the group's presence").
#[rustfmt::skip]
pub const DENIALS: &[&str] = &[
    "deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses",
    "dismissed", "dismissing", "refute", "refutes", "refuted", "refuting", "rebuff", "rebuffed", "rebuffs", "dispute",
    "disputes", "disputed", "debunk", "debunked", "downplay", "downplayed", "downplaying", "trashing", "trashed",
    "denial", "denials",
];

/// Words that put what follows on someone else's word, not the speaker's ("an alleged presence").
pub const HEARSAY: &[&str] = &["alleged", "allegedly", "purported", "purportedly", "so-called", "supposed", "rumoured", "rumored"];

/// Nouns that stand for someone else's claim ("we reject this claim").
#[rustfmt::skip]
pub const CLAIM_NOUNS: &[&str] = &[
    "claim", "claims", "allegation", "allegations", "accusation", "accusations", "report", "reports", "charge",
    "charges", "it", "them", "rumour", "rumours", "rumor", "rumors", "assertion", "assertions", "notion", "idea",
    "statement", "statements", "assessment", "assessments", "concerns", "comments", "remarks", "suggestion",
    "suggestions", "news", "speculation", "reporting", "document", "findings",
];

/// Nouns for what others say, whose content is on their word ("allegations of a base", "reports that …").
pub const HEARSAY_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "report",
    "reports",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "speculation",
    "suggestions",
];

/// Words of a question that carry no proposition of their own.
#[rustfmt::skip]
const QUESTION_STOP: &[&str] = &[
    "is", "are", "was", "were", "be", "the", "a", "an", "of", "in", "at", "on", "or", "and", "for", "from", "to", "its",
    "own", "their", "his", "her", "such", "as", "by", "with", "any", "it", "there", "do", "does", "did", "has", "have",
    "still", "now", "who", "what", "whether", "successor", "group", "groups", "corps", "forces", "military",
    // Particles of phrasal verbs ("lay off", "carry out") and words of reporting ("as reported") say nothing alone.
    "off", "out", "up", "down", "over", "into", "about", "than", "that", "this", "these", "those", "reported", "report",
    "reports", "said", "claimed", "according", "really", "actually", "indeed",
];

/// Irregular past forms of common verbs (the regular ones come from the suffix rules of [`forms`]).
#[rustfmt::skip]
const IRREGULAR: &[(&str, &[&str])] = &[
    ("lay", &["laid", "laying", "lays"]), ("pay", &["paid", "paying", "pays"]), ("say", &["said"]),
    ("make", &["made"]), ("hold", &["held"]), ("keep", &["kept"]), ("send", &["sent"]), ("spend", &["spent"]),
    ("build", &["built"]), ("give", &["gave", "given"]), ("take", &["took", "taken"]), ("run", &["ran"]),
    ("sell", &["sold"]), ("buy", &["bought"]), ("bring", &["brought"]), ("seek", &["sought"]),
    ("fight", &["fought"]), ("leave", &["left"]), ("lose", &["lost"]), ("win", &["won"]), ("cut", &["cuts", "cutting"]),
    ("hide", &["hid", "hidden"]), ("steal", &["stole", "stolen"]), ("break", &["broke", "broken"]),
    ("lead", &["led"]), ("meet", &["met"]), ("get", &["got", "gotten"]), ("go", &["went", "gone"]),
    ("grow", &["grew", "grown"]), ("know", &["knew", "known"]), ("shoot", &["shot"]), ("strike", &["struck"]),
    ("drive", &["drove", "driven"]), ("fly", &["flew", "flown"]), ("feed", &["fed"]), ("flee", &["fled"]),
];

/// One cue phrase: its polarity (+1 supports, -1 refutes), whether it needs the topic, and its kind.
#[derive(Debug, Clone)]
pub struct CueEntry {
    pub phrase: String,
    pub pol: i8,
    pub topic: bool,
    pub kind: CueKind,
    /// Written with a capital first letter.
    pub proper: bool,
}

/// The corpus's lexicon over the built-in one (a phrase the corpus lists keeps the corpus's polarity and scope),
/// for `question`: growth and threat cues when it asks about activity or threat, and its own content words that are
/// not names (`names`: the folded words of the configured entities) as topic-bound support.
pub fn entries(corpus: &StanceLexicon, question: &str, names: &[String]) -> Vec<CueEntry> {
    // A phrase that judges with a dismissal word is a dismissal too ("baseless allegations").
    let dismissal = |p: &str| DISMISSALS.contains(&p) || p.split(' ').any(|w| DISMISSALS.contains(&w));
    let mut out: Vec<CueEntry> = Vec::new();
    let mut push = |raw: &str, pol: i8| {
        let topic = raw.starts_with('~');
        let raw = raw.trim_start_matches('~').trim();
        let proper = raw.starts_with(char::is_uppercase);
        let phrase = fold(raw);
        if phrase.is_empty() || out.iter().any(|e| e.phrase == phrase) {
            return;
        }
        let kind = if pol < 0 && dismissal(&phrase) { CueKind::Dismissal } else { CueKind::Plain };
        out.push(CueEntry { phrase, pol, topic, kind, proper });
    };
    corpus.supports.iter().for_each(|p| push(p, 1));
    corpus.refutes.iter().for_each(|p| push(p, -1));
    let q = question_words(question, names);
    let threat = q.iter().any(|w| THREAT_QUESTION.contains(&w.as_str()));
    // A built-in word that is a word of a name says nothing of its own ("base" where the topic is "Ream base").
    let named = |p: &&&str| !names.iter().any(|n| n == p.trim_start_matches('~'));
    let categories: [(&[&str], bool); 3] = [(PRESENCE, true), (GROWTH, threat), (THREAT, threat)];
    for (list, on) in categories {
        list.iter().filter(|_| on).filter(named).for_each(|p| push(p, 1));
    }
    q.iter().flat_map(|w| forms(w)).for_each(|w| push(&format!("~{w}"), 1));
    REFUTES.iter().chain(DISMISSALS).filter(named).for_each(|p| push(p, -1));
    out
}

/// A question word and its other forms: "building" → "build", "builds", "built"; "facility" → "facilities";
/// "using" → "use", "uses", "used". A stem is a form of its own only from four letters ("us" is another word);
/// the forms with a restored "e" ("builde") may be no words, and then match nothing.
fn forms(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let mut add = |f: String| {
        if !out.contains(&f) {
            out.push(f);
        }
    };
    if let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 2) {
        if stem.len() >= 4 {
            [stem.to_string(), format!("{stem}s"), format!("{stem}ed")].into_iter().for_each(&mut add);
        }
        [format!("{stem}e"), format!("{stem}es"), format!("{stem}ed")].into_iter().for_each(&mut add);
        if let Some(d) = stem.strip_suffix('d') {
            add(format!("{d}t"));
        }
    } else if let Some(stem) = w.strip_suffix("ies") {
        add(format!("{stem}y"));
    } else if let Some(stem) = w.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        add(format!("{stem}ies"));
    } else if let Some(stem) = w.strip_suffix('s') {
        add(stem.to_string());
    } else {
        add(format!("{w}s"));
    }
    for (base, irregular) in IRREGULAR {
        if *base == w || irregular.contains(&w) {
            std::iter::once(*base).chain(irregular.iter().copied()).map(str::to_string).for_each(&mut add);
        }
    }
    out
}

/// The folded content words of the question that are not names ("building", "using", "facility").
fn question_words(question: &str, names: &[String]) -> Vec<String> {
    let folded = fold(question);
    let mut out: Vec<String> = Vec::new();
    for w in folded.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'') {
        let w = w.trim_matches('\'').trim_end_matches("'s");
        if w.len() < 3 || QUESTION_STOP.contains(&w) || names.iter().any(|n| n == w) || out.iter().any(|o| o == w) {
            continue;
        }
        out.push(w.to_string());
    }
    out
}

/// Where the predicate of a yes/no question starts in its folded text ("Are X … | active in …", "Is X | building
/// …"): the first built-in cue phrase or "-ing" verb; the question's topic is what it names before that.
pub fn predicate_start(folded_question: &str) -> Option<usize> {
    let q = folded_question;
    let words = q.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').filter(|w| !w.is_empty());
    for w in words {
        let at = w.as_ptr() as usize - q.as_ptr() as usize;
        let rest = &q[at..];
        let phrase = PRESENCE
            .iter()
            .chain(GROWTH)
            .chain(THREAT)
            .chain(REFUTES)
            .map(|p| p.trim_start_matches('~'))
            .any(|p| rest.starts_with(p) && !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric()));
        if phrase || w.len() > 4 && w.ends_with("ing") {
            return Some(at);
        }
    }
    None
}

/// The corpus's negators and the built-in ones.
pub fn negators(corpus: &StanceLexicon) -> Vec<String> {
    let mut out: Vec<String> = corpus.negators.iter().map(|n| fold(n.trim())).collect();
    for n in NEGATORS {
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q: &str = "Is the Red Hand active in, or a threat from, Veldoria?";

    #[test]
    fn the_corpus_extends_and_overrides_the_built_in_vocabulary() {
        let corpus = StanceLexicon { supports: vec!["defeated".into(), "docked".into()], refutes: vec![], negators: vec!["nary".into()] };
        let e = entries(&corpus, Q, &[]);
        let get = |p: &str| e.iter().find(|x| x.phrase == p).cloned();
        assert_eq!(get("defeated").map(|x| x.pol), Some(1), "the corpus's polarity wins");
        assert!(get("docked").is_some_and(|x| x.pol == 1 && !x.topic));
        assert!(get("active").is_some_and(|x| x.pol == 1 && x.topic), "built in, topic-bound");
        assert!(get("baseless").is_some_and(|x| x.pol == -1 && x.kind == CueKind::Dismissal));
        assert_eq!(e.iter().filter(|x| x.phrase == "defeated").count(), 1);
        let n = negators(&corpus);
        assert!(n.contains(&"nary".to_string()) && n.contains(&"never".to_string()));
    }

    #[test]
    fn a_built_in_word_that_names_an_entity_is_no_cue() {
        let names = ["ream".to_string(), "base".to_string()];
        let e = entries(&StanceLexicon::default(), "Is China using Ream base?", &names);
        assert!(!e.iter().any(|x| x.phrase == "base"), "'base' is a word of the name 'Ream base'");
        assert!(e.iter().any(|x| x.phrase == "bases") && e.iter().any(|x| x.phrase == "presence"));
        let corpus = StanceLexicon { supports: vec!["Chinese military presence".into()], ..StanceLexicon::default() };
        let e = entries(&corpus, "Is China using Ream base?", &names);
        assert!(e.iter().any(|x| x.phrase == "chinese military presence" && x.proper));
        assert!(e.iter().any(|x| x.phrase == "presence" && !x.proper));
    }

    #[test]
    fn question_words_come_in_their_forms() {
        assert_eq!(forms("building"), vec!["building", "build", "builds", "builded", "builde", "buildes", "built"]);
        assert_eq!(forms("using"), vec!["using", "use", "uses", "used"]);
        assert_eq!(forms("facility"), vec!["facility", "facilities"]);
        assert_eq!(forms("lay"), vec!["lay", "lays", "laid", "laying"]);
        assert!(forms("paid").iter().any(|f| f == "pay") && forms("sold").iter().any(|f| f == "sell"));
        assert!(forms("operating").iter().any(|f| f == "operates") && forms("operating").iter().any(|f| f == "operated"));
        assert_eq!(forms("mercenaries"), vec!["mercenaries", "mercenary"]);
    }

    #[test]
    fn the_predicate_of_a_question_starts_at_its_first_cue_or_verb() {
        let at = |q: &str| predicate_start(&fold(q)).map(|i| fold(q)[i..].split(' ').next().unwrap_or("").to_string());
        assert_eq!(at("Are militant groups such as ISIS/Daesh active in, or a threat from, Afghanistan?").as_deref(), Some("active"));
        assert_eq!(at("Is China building or using a base at Ream?").as_deref(), Some("building"));
        assert_eq!(at("Are Wagner mercenaries (or the Africa Corps) operating in Mali?").as_deref(), Some("operating"));
        assert_eq!(at("Who won?"), None);
    }

    #[test]
    fn the_question_decides_which_cues_count() {
        let threat = entries(&StanceLexicon::default(), Q, &[]);
        assert!(threat.iter().any(|x| x.phrase == "threat") && threat.iter().any(|x| x.phrase == "growing"));
        let names = ["china".to_string(), "ream".to_string()];
        let base = entries(&StanceLexicon::default(), "Is China building or using a military base at Ream?", &names);
        assert!(!base.iter().any(|x| x.phrase == "threat"), "a question about a base is not about threats");
        assert!(base.iter().any(|x| x.phrase == "building" && x.topic && x.pol == 1), "the question's own words");
        assert!(!base.iter().any(|x| x.phrase == "china" || x.phrase == "ream"), "names are not cues");
        assert!(base.iter().any(|x| x.phrase == "presence") && base.iter().any(|x| x.phrase == "fabricated"));
    }

    #[test]
    fn an_empty_corpus_lexicon_still_has_a_vocabulary() {
        let e = entries(&StanceLexicon::default(), "", &[]);
        assert!(e.iter().any(|x| x.pol > 0) && e.iter().any(|x| x.pol < 0));
    }
}
