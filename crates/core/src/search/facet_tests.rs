//! Every way of counting a facet under a filter agrees with a plain count, and the cheapest one is chosen.
use proptest::prelude::*;

use super::*;

/// A facet over `claims` (the values of each claim) with `k` values; single-valued unless a claim has several.
fn facet(k: usize, claims: &[Vec<u32>], multi: bool) -> FacetIndex {
    let mut postings = vec![Vec::new(); k];
    let (mut single, mut offs, mut vals) = (Vec::new(), vec![0u32], Vec::new());
    for (i, vs) in claims.iter().enumerate() {
        for &v in vs {
            postings[v as usize].push(i as u32);
        }
        single.push(vs.first().copied().unwrap_or(NONE));
        vals.extend(vs);
        offs.push(vals.len() as u32);
    }
    let full_counts = postings.iter().map(|p| p.len() as u32).collect();
    let values: Vec<String> = (0..k).map(|v| format!("v{v}")).collect();
    FacetIndex {
        facet: if multi { Facet::Entity } else { Facet::Outlet },
        lookup: values.iter().enumerate().map(|(i, v)| (v.clone(), i as u32)).collect(),
        labels: values.clone(),
        values,
        postings,
        single: if multi { Vec::new() } else { single },
        multi,
        offs: if multi { offs } else { Vec::new() },
        vals: if multi { vals } else { Vec::new() },
        fixed_order: false,
        label_rank: (0..k as u32).collect(),
        full_counts,
        value_bits: Default::default(),
    }
}

fn plain(k: usize, claims: &[Vec<u32>], under: &[bool]) -> Vec<u32> {
    let mut counts = vec![0; k];
    for (vs, _) in claims.iter().zip(under).filter(|(_, &u)| u) {
        for &v in vs {
            counts[v as usize] += 1;
        }
    }
    counts
}

fn bits(under: &[bool]) -> Bits {
    let mut b = Bits::zeros(under.len());
    (0..under.len()).filter(|&i| under[i]).for_each(|i| b.set(i));
    b
}

/// Values count, per-claim values (several, distinct, when `multi`) and a filter.
fn case() -> impl Strategy<Value = (usize, bool, Vec<Vec<u32>>, Vec<bool>)> {
    (1usize..90, any::<bool>(), 0usize..300).prop_flat_map(|(k, multi, n)| {
        let most = if multi { 4 } else { 1 };
        let claim = proptest::collection::btree_set(0..k as u32, 0..=most).prop_map(|s| s.into_iter().collect());
        let density = 0.0f64..=1.0;
        (Just(k), Just(multi), proptest::collection::vec(claim, n), density).prop_flat_map(|(k, m, c, d)| {
            let n = c.len();
            (Just(k), Just(m), Just(c), proptest::collection::vec(proptest::bool::weighted(d), n))
        })
    })
}

proptest! {
    #[test]
    fn every_way_counts_as_a_plain_count((k, multi, claims, under) in case()) {
        let f = facet(k, &claims, multi);
        let want = plain(k, &claims, &under);
        let b = bits(&under);
        prop_assert_eq!(&f.count_inside(&b), &want);
        prop_assert_eq!(&f.count_outside(&b), &want);
        prop_assert_eq!(&f.count_intersect(&b), &want);
        prop_assert_eq!(&f.count(Some(&b)), &want);
        prop_assert_eq!(f.count(None), plain(k, &claims, &vec![true; claims.len()]));
    }
}

fn one_each(k: usize, n: usize) -> Vec<Vec<u32>> {
    (0..n).map(|i| vec![(i % k) as u32]).collect()
}

#[test]
fn few_values_over_half_the_claims_intersect() {
    let f = facet(3, &one_each(3, 10_000), false);
    let half: Vec<bool> = (0..10_000).map(|i| i % 2 == 0).collect();
    assert_eq!(f.way(&bits(&half)), Way::Intersect);
}

#[test]
fn many_values_tally_the_smaller_side() {
    let f = facet(80, &one_each(80, 10_000), false);
    let most: Vec<bool> = (0..10_000).map(|i| i % 10 != 0).collect();
    let few: Vec<bool> = (0..10_000).map(|i| i % 10 == 0).collect();
    assert_eq!(f.way(&bits(&most)), Way::Outside);
    assert_eq!(f.way(&bits(&few)), Way::Inside);
}

#[test]
fn a_handful_of_claims_are_tallied_even_with_few_values() {
    let f = facet(3, &one_each(3, 10_000), false);
    let five: Vec<bool> = (0..10_000).map(|i| i < 5).collect();
    assert_eq!(f.way(&bits(&five)), Way::Inside);
    let all_but_five: Vec<bool> = (0..10_000).map(|i| i >= 5).collect();
    assert_eq!(f.way(&bits(&all_but_five)), Way::Outside);
}
