//! The built-in stance vocabulary: what any question of the form "is X present, active or a threat in Y?"
//! turns on (presence, activity, growth, threat against defeat, absence, dismissal), negators and denials.
//! A corpus's `[stance]` lists extend it with their topic words; nothing here names a topic.
use counterclaim_core::config::StanceLexicon;

/// How a cue relates to the claim it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Says something about the topic ("active", "defeated").
    Plain,
    /// Judges someone else's claim ("baseless", "propaganda"): a denial verb does not flip it, it agrees with it.
    Dismissal,
}

/// Cues that say the topic is there, doing things or growing (`~`: only in a sentence about the topic).
const SUPPORTS: &[&str] = &[
    // presence and activity
    "~active",
    "~activity",
    "~activities",
    "~present in",
    "~presence",
    "~operating",
    "~operate",
    "~operates",
    "~operational",
    "~exist",
    "~exists",
    "~existence",
    "~based in",
    "~stationed",
    "~deployed",
    "~deployment",
    "~deploying",
    "~hiding",
    "~cells",
    "~sleeper cells",
    "~base",
    "~bases",
    "~camps",
    "~training camps",
    "~foothold",
    "~footholds",
    "~sanctuary",
    "~sanctuaries",
    "~safe haven",
    "~safe havens",
    "~stronghold",
    "~strongholds",
    "~hideouts",
    "~hotbed",
    "~moved to",
    "~relocated to",
    "~arrived in",
    "~entered",
    // growth
    "~stronger",
    "~bolder",
    "~emboldened",
    "~grow",
    "~grows",
    "~growing",
    "~grew",
    "~grown",
    "~expand",
    "~expanding",
    "~expanded",
    "~expansion",
    "~spread",
    "~spreading",
    "~increase",
    "~increased",
    "~increasing",
    "~on the rise",
    "~rising",
    "~resurgence",
    "~resurgent",
    "~regroup",
    "~regrouping",
    "~consolidate",
    "~consolidating",
    "~consolidated",
    "~strengthen",
    "~strengthening",
    "~strengthened",
    "~gaining ground",
    "~more sophisticated",
    "~recruit",
    "~recruiting",
    "~recruitment",
    "~taking advantage",
    "~take advantage",
    "~reconstitute",
    "~re-emerge",
    "~re-emergence",
    // threat and attacks
    "~threat",
    "~threats",
    "~threaten",
    "~threatens",
    "~threatening",
    "~danger",
    "~dangerous",
    "~menace",
    "~pose a threat",
    "~poses a threat",
    "~posing a threat",
    "~attack",
    "~attacks",
    "~plot",
    "~plots",
    "~plotted",
    "~plotting",
    "~carried out",
    "~carry out",
    "~carries out",
    "~claimed responsibility",
    "~colluding",
    // a speaker treating it as real
    "~concerned about",
    "~worried about",
    "~alarmed by",
    "~concern over",
    "~concerns about",
];

/// Cues that say the topic is defeated, gone or weak (`~`: only in a sentence about the topic).
const REFUTES: &[&str] = &[
    "~defeated",
    "~defeat",
    "~destroyed",
    "~destroy",
    "~eliminated",
    "~eliminate",
    "~already-eliminated",
    "~wiped out",
    "~crushed",
    "~dismantled",
    "~neutralized",
    "~neutralised",
    "~suppressed",
    "~contained",
    "~under control",
    "~eradicated",
    "~decimated",
    "~weakened",
    "~routed",
    "~expelled",
    "~driven out",
    "~pushed out",
    "~reduced to zero",
    "~remnants",
    "~finished",
    "~collapsed",
    "~absent",
    "~absence",
    "~withdrawn",
    "~vanished",
    "~curbed",
    "~very small",
    "~negligible",
    "~insignificant",
];

/// Words that judge another claim false or overblown; they refute wherever they stand.
const DISMISSALS: &[&str] = &[
    "baseless",
    "unfounded",
    "groundless",
    "false",
    "fabricated",
    "fabrication",
    "fabrications",
    "propaganda",
    "lies",
    "exaggerated",
    "exaggeration",
    "exaggerating",
    "magnifying",
    "magnify",
    "hype",
    "hyped",
    "hyping",
    "smear",
    "disinformation",
    "misinformation",
    "fake",
    "nonsense",
    "untrue",
    "rumours",
    "rumors",
    "false alarms",
    "not based on facts",
    "without evidence",
    "no evidence",
    "no proof",
    "made up",
    "fiction",
    "fictitious",
    "absurd",
    "ridiculous",
    "undocumented",
    "unsubstantiated",
    "speculation",
    "speculations",
    "fake news",
    "slander",
];

/// Negators: they flip a cue that follows them closely.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "no longer",
    "cannot",
    "without",
    "nor",
    "neither",
    "none",
    "nothing",
    "hardly",
    "barely",
    "lack",
    "lacks",
    "lacking",
    "free of",
];

/// Denial verbs: they flip the cues of what they deny ("denied the group's presence").
pub const DENIALS: &[&str] = &[
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
    "rebuffs",
    "dispute",
    "disputes",
    "disputed",
    "debunk",
    "debunked",
    "downplay",
    "downplayed",
    "downplaying",
    "trashing",
    "trashed",
    "denial",
    "denials",
];

/// Words that put what follows on someone else's word, not the speaker's ("an alleged presence").
pub const HEARSAY: &[&str] = &["alleged", "allegedly", "purported", "purportedly", "so-called", "supposed", "rumoured", "rumored"];

/// Nouns that stand for someone else's claim ("we reject this claim").
pub const CLAIM_NOUNS: &[&str] = &[
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
    "concerns",
    "comments",
    "remarks",
    "suggestion",
    "suggestions",
    "news",
    "speculation",
    "reporting",
    "document",
    "findings",
];

/// One cue phrase: its polarity (+1 supports, -1 refutes), whether it needs the topic, and its kind.
#[derive(Debug, Clone)]
pub struct CueEntry {
    pub phrase: String,
    pub pol: i8,
    pub topic: bool,
    pub kind: CueKind,
}

/// The corpus's lexicon over the built-in one: a phrase the corpus lists keeps the corpus's polarity and scope.
pub fn entries(corpus: &StanceLexicon) -> Vec<CueEntry> {
    // A phrase that judges with a dismissal word is a dismissal too ("baseless allegations").
    let dismissal = |p: &str| DISMISSALS.contains(&p) || p.split(' ').any(|w| DISMISSALS.contains(&w));
    let mut out: Vec<CueEntry> = Vec::new();
    let mut push = |raw: &str, pol: i8| {
        let topic = raw.starts_with('~');
        let phrase = counterclaim_core::text::fold(raw.trim_start_matches('~').trim());
        if phrase.is_empty() || out.iter().any(|e| e.phrase == phrase) {
            return;
        }
        let kind = if pol < 0 && dismissal(&phrase) { CueKind::Dismissal } else { CueKind::Plain };
        out.push(CueEntry { phrase, pol, topic, kind });
    };
    for p in &corpus.supports {
        push(p, 1);
    }
    for p in &corpus.refutes {
        push(p, -1);
    }
    for p in SUPPORTS {
        push(p, 1);
    }
    for p in REFUTES.iter().chain(DISMISSALS) {
        push(p, -1);
    }
    out
}

/// The corpus's negators and the built-in ones.
pub fn negators(corpus: &StanceLexicon) -> Vec<String> {
    let mut out: Vec<String> = corpus.negators.iter().map(|n| counterclaim_core::text::fold(n.trim())).collect();
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

    #[test]
    fn the_corpus_extends_and_overrides_the_built_in_vocabulary() {
        let corpus = StanceLexicon { supports: vec!["defeated".into(), "docked".into()], refutes: vec![], negators: vec!["nary".into()] };
        let e = entries(&corpus);
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
    fn an_empty_corpus_lexicon_still_has_a_vocabulary() {
        let e = entries(&StanceLexicon::default());
        assert!(e.iter().any(|x| x.pol > 0) && e.iter().any(|x| x.pol < 0));
    }
}
