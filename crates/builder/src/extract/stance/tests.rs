//! Unit tests of the stance model on invented sentences.
use super::*;

const QUESTION: &str = "Is the Red Hand active in, or a threat from, Veldoria?";

/// The stance and cues, with a bare denial resolved from the context as the extractor does without earlier claims.
fn judge(m: &StanceModel, text: &str, ctx: &str) -> (Stance, Vec<String>) {
    let j = m.judge(&Folded::new(text), ctx);
    let j = match (&j.refers, m.context_stance(ctx)) {
        (Some(_), Some(r)) => j.resolved(r),
        _ => j,
    };
    (j.stance, j.cues)
}

fn model() -> StanceModel {
    let lex = StanceLexicon {
        supports: ["~active", "~presence", "threat", "threats", "base", "regroup", "fighters", "attacks", "accomplished anything"]
            .map(String::from)
            .to_vec(),
        refutes: ["defeated", "destroyed", "curbed", "surrendered", "baseless", "~not allow", "contained"].map(String::from).to_vec(),
        negators: ["not", "no", "never", "no longer", "cannot"].map(String::from).to_vec(),
    };
    StanceModel::new(&lex, QUESTION, &[], &["Red Hand".to_string(), "rebels".to_string(), "rebel groups".to_string()])
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

/// A model with no corpus lexicon at all: only the built-in vocabulary.
fn bare_model() -> StanceModel {
    StanceModel::new(&StanceLexicon::default(), QUESTION, &[], &["Red Hand".to_string(), "rebels".to_string()])
}

#[test]
fn the_built_in_vocabulary_works_without_a_corpus_lexicon() {
    let m = bare_model();
    assert_eq!(judge(&m, "The Red Hand grew bolder in the north this year.", "").0, Stance::Supports);
    assert_eq!(judge(&m, "The Red Hand has been wiped out in the north.", "").0, Stance::Refutes);
    assert_eq!(judge(&m, "Reports of a Red Hand presence are baseless propaganda.", "").0, Stance::Refutes);
    assert_eq!(judge(&m, "The harvest grew in the north this year.", "").0, Stance::Neutral, "topic-bound words need the topic");
}

#[test]
fn not_only_intensifies() {
    let m = bare_model();
    let (s, cues) = judge(&m, "He called the Red Hand not only a threat to Veldoria but to the whole region.", "");
    assert_eq!(s, Stance::Supports, "{cues:?}");
}

#[test]
fn a_denial_reaches_through_the_claim_it_names_to_its_content() {
    let m = bare_model();
    let t = "rejected a report claiming that several rebel groups, including the Red Hand, are present in the valley.";
    assert_eq!(judge(&m, t, "").0, Stance::Refutes);
    let t = "rejected Tarsa's claims that Red Hand leaders and fighters recently moved to Veldoria from abroad.";
    assert_eq!(judge(&m, t, "").0, Stance::Refutes);
    // The speaker's own words after the denial are not denied.
    let t = "rejected the claims, saying the Red Hand remains active in the hills.";
    assert_eq!(judge(&m, t, "").0, Stance::Supports);
}

#[test]
fn dismissals_agree_with_the_denial_that_carries_them() {
    let m = bare_model();
    let (s, cues) = judge(&m, "dismissed the reports of Red Hand camps as baseless propaganda.", "");
    assert_eq!(s, Stance::Refutes, "{cues:?}");
}

#[test]
fn background_clauses_weigh_less_than_the_claim() {
    let m = bare_model();
    let t = "The army said it had destroyed a Red Hand cell, hours after a Red Hand attack killed five people.";
    assert_eq!(judge(&m, t, "").0, Stance::Refutes);
}

#[test]
fn a_supporting_subject_of_a_refuting_predicate_refutes() {
    let m = bare_model();
    assert_eq!(judge(&m, "The activities of the Red Hand have been reduced to zero over the past year.", "").0, Stance::Refutes);
    assert_eq!(judge(&m, "Red Hand attacks were curbed across the valley.", "").0, Stance::Refutes);
    assert_eq!(judge(&m, "Red Hand attacks increased and the army was weakened.", "").0, Stance::Supports);
}

#[test]
fn a_topic_of_discussion_is_not_asserted() {
    let m = bare_model();
    let t = "The meeting was convened to discuss a report on the threat posed by the Red Hand.";
    assert_eq!(judge(&m, t, "").0, Stance::Neutral);
}

#[test]
fn a_denial_that_states_what_it_denies_is_judged_on_its_words() {
    let m = bare_model();
    let ctx = "A neighbouring state said the Red Hand has a base in the north.";
    assert_eq!(judge(&m, "We denied the claim that the choir sang badly.", ctx).0, Stance::Neutral);
    assert_eq!(judge(&m, "We reject these claims.", ctx).0, Stance::Refutes);
}

#[test]
fn confidence_follows_the_margin() {
    let m = bare_model();
    let clear = m.judge(&Folded::new("The Red Hand was defeated, crushed and wiped out."), "");
    let mixed = m.judge(&Folded::new("The Red Hand was defeated but its attacks increased."), "");
    assert_eq!(clear.rule, Rule::Cues);
    assert!(clear.confidence > mixed.confidence, "{} vs {}", clear.confidence, mixed.confidence);
    let none = m.judge(&Folded::new("The weather was fine."), "");
    assert_eq!((none.stance, none.rule), (Stance::Neutral, Rule::NoCue));
}

/// A model for a question about building and using a base, with no corpus lexicon; the topic is the navy.
fn base_model() -> StanceModel {
    let names: Vec<String> = ["norland", "navy", "kell", "pier"].map(String::from).to_vec();
    StanceModel::new(
        &StanceLexicon::default(),
        "Is Norland building or using a military facility at Kell pier?",
        &names,
        &["Norlandic navy".to_string(), "Norland".to_string()],
    )
}

#[test]
fn the_questions_words_count_in_all_their_forms() {
    let m = base_model();
    assert_eq!(judge(&m, "Veldoria will let Norland build two facilities on the coast.", "").0, Stance::Supports);
    assert_eq!(judge(&m, "The Norlandic navy uses the harbour every week.", "").0, Stance::Supports);
    assert_eq!(
        judge(&m, "Veldoria will not allow the Norlandic navy to use it exclusively or to develop the site as its own.", "").0,
        Stance::Refutes
    );
}

#[test]
fn what_others_allege_is_on_their_word() {
    let m = base_model();
    assert_eq!(
        judge(&m, "He was not surprised at the renewed allegations of a Norlandic navy facility, calling them fake.", "").0,
        Stance::Refutes
    );
    assert_eq!(judge(&m, "The minister confirmed reports of Norland building a facility.", "").0, Stance::Neutral);
    // A denial of such reports still refutes.
    assert_eq!(judge(&m, "The minister denied reports of Norland building a facility.", "").0, Stance::Refutes);
}

#[test]
fn a_dismissal_of_ones_own_words_is_no_dismissal() {
    let m = bare_model();
    let (s, cues) = judge(&m, "This is a pretext to blame Veldoria. This is the truth and I am not exaggerating.", "");
    assert_eq!((s, cues), (Stance::Neutral, vec![]));
    let m = model();
    assert_eq!(judge(&m, "The claims are baseless and we are not exaggerating.", "").0, Stance::Refutes);
}

#[test]
fn a_claim_inside_a_sentence_shares_its_topic() {
    let m = base_model();
    let ctx = "The government has long said that Norland is helping with repairs, but has ";
    assert_eq!(judge(&m, "denied that the nation has any military involvement.", ctx).0, Stance::Refutes);
    assert_eq!(judge(&m, "denied that the nation has any military involvement.", "Talks ended. ").0, Stance::Neutral);
}

#[test]
fn a_report_that_said_is_still_what_is_denied() {
    let m = base_model();
    let t = "denied a report in a newspaper that said a part of the harbour would be used by the Norlandic navy.";
    assert_eq!(judge(&m, t, "").0, Stance::Refutes);
}
