//! Unit tests of query parsing, tokens, bit sets and span merging (the engine as a whole: `counterclaim-builder`'s tests/engine.rs).
use proptest::strategy::{Just, Strategy};

use super::bits::Bits;
use super::hits::merge_spans;
use super::terms::{fold_fast, tokens};
use super::*;
use crate::text::fold;

#[test]
fn parse_words_and_phrases() {
    assert_eq!(
        search_terms("Dāesh  \"Islamic  STATE\" kab"),
        vec![Term::Word("daesh".into()), Term::Phrase("islamic state".into()), Term::Word("kab".into())]
    );
    // Unterminated quote: plain words while typing.
    assert_eq!(search_terms("\"islamic sta"), vec![Term::Word("islamic".into()), Term::Word("sta".into())]);
    assert_eq!(search_terms("“ISIS-K”"), vec![Term::Phrase("isis k".into())]);
    assert!(search_terms("  \"\" , ").is_empty());
}

#[test]
fn tokens_split_at_apostrophes() {
    let t: Vec<(usize, &str)> = tokens("l'etat daesh's 'x");
    assert_eq!(t, vec![(0, "l"), (2, "etat"), (7, "daesh"), (13, "s"), (16, "x")]);
    assert_eq!(tokens("isis-k, 3.5 émir_x"), vec![(0, "isis"), (5, "k"), (8, "3"), (10, "5"), (12, "émir"), (18, "x")]);
}

#[test]
fn fold_fast_agrees_with_fold() {
    for t in ["Plain ASCII `quote` TEXT", "lower only", "Dāesh’s “ISIS”", "", "ÉTAT"] {
        assert_eq!(fold_fast(t), fold(t));
    }
}

#[test]
fn bits_ones_masks_the_tail() {
    let b = Bits::ones(70);
    let mut n = 0;
    b.for_each(|_| n += 1);
    assert_eq!(n, 70);
    assert!(Bits::ones(0).0.is_empty());
}

#[test]
fn merge_overlapping_spans() {
    assert_eq!(merge_spans(vec![(5, 8), (0, 3), (2, 4), (8, 9), (7, 7)]), vec![(0, 4), (5, 8), (8, 9)]);
}

#[test]
fn a_facet_box_shows_the_top_values_and_every_selected_one() {
    let value = |v: &str, selected: bool| FacetValue { value: v.into(), label: v.into(), count: 1, selected };
    let f = FacetCounts {
        facet: Facet::Speaker,
        values: vec![value("a", false), value("b", true), value("c", false), value("d", true), value("e", false)],
        more: 0,
    };
    let names = |v: Vec<&FacetValue>| v.iter().map(|x| x.value.clone()).collect::<Vec<_>>();
    assert_eq!(names(f.shown(false, 2)), vec!["a", "b", "d"], "the top two, then the selected ones");
    assert_eq!(names(f.shown(true, 2)).len(), 5, "all");
    assert_eq!(names(f.shown(false, 10)).len(), 5, "fewer than the top: all");
}

proptest::proptest! {
    #[test]
    fn in_order_keeps_the_claims_in_the_mask_in_order(
        order in Just((0u32..300).collect::<Vec<_>>()).prop_shuffle(),
        keep in proptest::collection::vec(proptest::bool::ANY, 300),
    ) {
        let mut all = Bits::zeros(300);
        (0..300).filter(|&i| keep[i]).for_each(|i| all.set(i));
        let want: Vec<usize> = order.iter().map(|&i| i as usize).filter(|&i| keep[i]).collect();
        proptest::prop_assert_eq!(super::in_order(&order, &all), want);
    }
}
