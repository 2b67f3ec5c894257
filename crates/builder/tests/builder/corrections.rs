//! Corrections made in the page: the app's corrected corpus and index answer every view as an index built afresh
//! from the corrected claims would (the facet and order passes are the builder's own, run again).
use std::path::Path;

use counterclaim_builder::index::build;
use counterclaim_builder::load::load;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::corrections::{Correction, Corrections};
use counterclaim_core::model::Stance;
use counterclaim_core::view::decode;

fn corpus() -> Corpus {
    load(Path::new(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds"))).expect("seeds/")
}

/// Three corrections on whatever the corpus holds: a stance, a "not a claim", a speaker who speaks elsewhere.
fn fixes(c: &Corpus) -> Corrections {
    let mut f = Corrections::default();
    let stance = Stance::ALL.into_iter().find(|s| *s != c.claims[0].stance).unwrap();
    f.set(Correction { claim: c.claims[0].id.clone(), stance: Some(stance), ..Correction::default() });
    f.set(Correction { claim: c.claims[1].id.clone(), not_a_claim: true, ..Correction::default() });
    let other = c.claims.iter().find(|k| k.speaker_id != c.claims[2].speaker_id).unwrap();
    f.set(Correction { claim: c.claims[2].id.clone(), speaker: Some(other.speaker.clone()), ..Correction::default() });
    f
}

#[test]
fn a_corrected_corpus_answers_like_an_index_built_from_it() {
    let c = corpus();
    assert!(c.claims.len() > 3, "the seeds have claims");
    let index = build(&c);
    let (fixed, corrected, applied) = fixes(&c).apply_to(&c, &index);
    assert_eq!((applied.changed, applied.removed, fixed.claims.len()), (2, 1, c.claims.len() - 1));
    assert!(fixed.claim(&c.claims[1].id).is_none(), "not a claim: gone");
    assert!(fixed.claim(&c.claims[0].id).unwrap().corrected.is_some());
    let fresh = build(&fixed);
    let word = fixed.claims[5].text.split_whitespace().find(|w| w.len() > 4).unwrap().to_lowercase();
    let (speaker, stance) = (&fixed.claims[0].speaker_id, fixed.claims[0].stance.as_str());
    let views = [
        String::new(),
        format!("stance={stance}"),
        format!("speaker={}", fixed.claims[1].speaker_id),
        format!("speaker={speaker}&stance={stance}"),
        "sort=speaker".into(),
        "sort=oldest".into(),
        "sort=document".into(),
        format!("q={}", word.trim_matches(|ch: char| !ch.is_alphanumeric())),
    ];
    for q in &views {
        let v = decode(q).state;
        let (a, b) = (corrected.query(&fixed, &v), fresh.query(&fixed, &v));
        assert_eq!(a.claims, b.claims, "{q}");
        assert_eq!(a.facets, b.facets, "{q}");
        assert_eq!(a.total, b.total, "{q}");
    }
}

#[test]
fn no_corrections_change_nothing() {
    let c = corpus();
    let index = build(&c);
    let (fixed, corrected, applied) = Corrections::default().apply_to(&c, &index);
    assert_eq!(fixed.claims, c.claims);
    assert_eq!((applied.changed, applied.removed), (0, 0));
    let v = decode("sort=speaker").state;
    assert_eq!(corrected.query(&fixed, &v), index.query(&c, &v));
}
