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

/// The seeds in shards of `bytes`: the eager pack unpacked, and the shards' contents in the shelf's order.
fn sharded_seeds(bytes: usize) -> (Corpus, Corpus, Vec<u8>, Vec<Vec<u8>>) {
    let c = corpus();
    let s = counterclaim_builder::pack::sharded(&c, &build(&c), bytes);
    let (eager, _) = unpack(&s.eager).unwrap();
    let files: std::collections::HashMap<_, _> = s.shards.into_iter().collect();
    let contents = eager.shelf.shards.iter().map(|r| files[&r.file].clone()).collect();
    (c, eager, s.eager, contents)
}

#[test]
fn a_sharded_pack_leaves_the_texts_to_its_shards_and_merges_back_whole() {
    let (c, eager, packed, shards) = sharded_seeds(1);
    assert_eq!(eager.shelf.shards.len(), c.documents.len(), "one document a shard at 1 byte");
    assert_eq!(eager.claims, c.claims);
    for (i, (d, e)) in c.documents.iter().zip(&eager.documents).enumerate() {
        assert_eq!(eager.shelved(&d.id).map(|s| s.first as usize), Some(i));
        assert!(e.body.len() < d.body.len(), "{}: its text is out of the eager pack", d.id);
        assert_eq!((&e.title, &e.outlet, &e.date, &e.extras), (&d.title, &d.outlet, &d.date, &d.extras));
        assert_eq!(e.display_title(), d.display_title());
    }
    for (r, bytes) in eager.shelf.shards.iter().zip(&shards) {
        let texts = counterclaim_core::pack::unshard(bytes, r).unwrap();
        let whole = r.docs().map(|i| counterclaim_core::shelf::Body::of(&c.documents[i])).collect::<Vec<_>>();
        assert_eq!(texts, whole, "{}", r.file);
        assert_eq!(r.bytes as usize, bytes.len());
    }
    let (merged, _) = unpack(&counterclaim_core::pack::merge(&packed, &shards).unwrap()).unwrap();
    assert_eq!(merged.documents, c.documents, "merged: the documents whole again");
    assert!(merged.shelf.is_empty() && merged.shelved(&c.documents[0].id).is_none());
}

#[test]
fn shards_group_documents_by_size_and_a_shard_out_of_place_is_refused() {
    let (c, eager, packed, mut shards) = sharded_seeds(usize::MAX);
    assert_eq!(eager.shelf.shards.len(), 1, "everything in one shard");
    assert_eq!(eager.shelf.shards[0].docs(), 0..c.documents.len());
    let (_, eager, packed2, shards2) = sharded_seeds(1);
    assert!(counterclaim_core::pack::merge(&packed2, &shards2[1..]).is_err(), "a shard missing");
    let mut said = eager.shelf.shards[0].clone();
    said.count += 1;
    let fewer = counterclaim_core::pack::unshard(&shards2[0], &said);
    assert!(matches!(fewer, Err(UnpackError::Damaged(_))), "a shard with fewer texts than its reference says");
    shards[0][0] = (FORMAT + 1) as u8;
    assert_eq!(counterclaim_core::pack::merge(&packed, &shards).unwrap_err(), UnpackError::Format { found: FORMAT + 1 });
}
