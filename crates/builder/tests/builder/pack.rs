//! The packed corpus: what the builder packs, the core unpacks into the same corpus and an index that answers alike.
use std::path::Path;

use counterclaim_builder::index::build;
use counterclaim_builder::load::load;
use counterclaim_builder::pack::pack;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::pack::{unpack, UnpackError, FORMAT};

fn corpus() -> Corpus {
    load(Path::new(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds"))).expect("seeds/")
}

#[test]
fn unpack_gives_back_the_corpus_and_an_index_that_answers_the_same() {
    let c = corpus();
    let index = build(&c);
    let (c2, i2) = unpack(&pack(&c, &index)).unwrap();
    assert_eq!(c2.documents, c.documents);
    assert_eq!(c2.claims, c.claims);
    assert_eq!(c2.notes, c.notes);
    assert!(!c.config.actors.is_empty() && !c.config.stance.supports.is_empty() && !c.config.outlets.is_empty());
    assert_eq!(c2.config, c.config, "the whole configuration, for the settings editor to start from");
    assert_eq!((&c2.stance_labels, &c2.background), (&c.stance_labels, &c.background));
    for q in ["", "q=daesh", "q=isis", "stance=refutes", "q=%22no+longer%22&side=us", "sort=speaker", "entity=isis&year=2024"] {
        let v = counterclaim_core::view::decode(q).state;
        let (a, b) = (index.query(&c, &v), i2.query(&c2, &v));
        assert_eq!(a.claims, b.claims, "{q}");
        assert_eq!(a.facets, b.facets, "{q}");
    }
    let claim = &c.claims[0];
    assert_eq!(index.highlighter().entity_spans(&claim.text), i2.highlighter().entity_spans(&claim.text));
}

#[test]
fn damaged_or_foreign_bytes_are_an_error_not_a_panic() {
    let c = corpus();
    let bytes = pack(&c, &build(&c));
    assert!(unpack(&[]).is_err());
    assert!(unpack(&bytes[..bytes.len() / 2]).is_err());
    let mut other = bytes.clone();
    other[0] = (FORMAT + 1) as u8;
    assert_eq!(unpack(&other).unwrap_err(), UnpackError::Format { found: FORMAT + 1 });
    assert!(matches!(unpack(&bytes[..bytes.len() / 2]), Err(UnpackError::Damaged(_))));
}

#[test]
fn the_stance_labels_are_packed() {
    let mut c = corpus();
    c.stance_labels.supports = Some("Says it goes on".into());
    let (c2, _) = unpack(&pack(&c, &build(&c))).unwrap();
    assert_eq!(c2.stance_labels, c.stance_labels);
}
