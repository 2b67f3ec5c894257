//! Property tests of the URL codec in `counterclaim_core::view`: round trip of canonical states, tolerant and idempotent decoding.
use counterclaim_core::model::{ClaimKind, Stance};
use counterclaim_core::view::{canonical, decode, encode, Action, Facet, Filters, Panel, SortKey, ViewState, MAX_VALUE_LEN};
use proptest::collection::{btree_set, vec};
use proptest::prelude::*;
use proptest::sample::subsequence;

/// A canonical text value: no control characters, no white space at either end, 1..=MAX_VALUE_LEN chars.
/// Commas, `&`, `=`, `+`, `%`, `#`, `?` and non-ASCII are all in play.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9]([A-Za-z0-9 ,&=+%#?;/'\"<>.-]{0,20}[A-Za-z0-9,&=+%])?",
        "[^\\s\\p{Cc}]([^\\p{Cc}]{0,24}[^\\s\\p{Cc}])?",
        // Exactly at the length limit.
        "[a-z,%é]{200}",
    ]
    .prop_filter("canonical text", |s| s.chars().count() <= MAX_VALUE_LEN)
}

fn text_list() -> impl Strategy<Value = Vec<String>> {
    btree_set(text(), 0..5).prop_map(|s| s.into_iter().collect())
}

/// Ids in their canonical form; ordered lists (cmp) deduplicated keeping the first.
fn ordered_ids(max: usize) -> impl Strategy<Value = Vec<String>> {
    vec(text(), 0..=max + 2).prop_map(move |v| {
        let mut out: Vec<String> = Vec::new();
        for x in v {
            if !out.contains(&x) && out.len() < max {
                out.push(x);
            }
        }
        out
    })
}

fn partial_date() -> impl Strategy<Value = String> {
    (1000..=9999i32, proptest::option::of(1..=12u32), 1..=31u32).prop_map(|(y, m, d)| match m {
        None => format!("{y:04}"),
        Some(m) if d % 2 == 0 => format!("{y:04}-{m:02}"),
        Some(m) => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let dim = match m {
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 31,
            };
            format!("{y:04}-{m:02}-{:02}", 1 + d % dim)
        }
    })
}

fn sort_key() -> impl Strategy<Value = SortKey> {
    proptest::sample::select(SortKey::ALL.to_vec())
}

fn panel() -> impl Strategy<Value = Panel> {
    proptest::sample::select(Panel::ALL.to_vec())
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[^\\p{Cc}]{1,40}".prop_filter("not blank", |s| !s.trim().is_empty()),
        "[a-z ,+%&=]{1,30}".prop_filter("not blank", |s| !s.trim().is_empty()),
    ]
}

/// Arbitrary canonical states.
fn canonical_state() -> impl Strategy<Value = ViewState> {
    let filters = (
        query(),
        text_list(),
        text_list(),
        subsequence(vec![Stance::Neutral, Stance::Refutes, Stance::Supports], 0..=3), // sorted by name
        text_list(),
        text_list(),
        subsequence(vec![ClaimKind::Direct, ClaimKind::Indirect], 0..=2),
        text_list(),
        btree_set(1000..=9999i32, 0..4).prop_map(|s| s.into_iter().collect::<Vec<_>>()),
        proptest::option::of(partial_date()),
        proptest::option::of(partial_date()),
    );
    let rest = (
        sort_key(),
        proptest::option::of((text(), proptest::option::of(text()))),
        ordered_ids(4),
        proptest::option::of((text(), text()).prop_filter("distinct", |(a, b)| a != b)),
        proptest::option::of(text()),
        panel(),
        proptest::option::of(text()),
    );
    (filters, rest).prop_map(
        |(
            (q, speaker, side, stance, outlet, entity, kind, docs, year, from, to),
            (sort, reader, cmp, cmp_docs, speaker_view, panel, corpus),
        )| {
            let (doc, claim) = match reader {
                Some((d, c)) => (Some(d), c),
                None => (None, None),
            };
            let mut filters = Filters::default();
            filters[Facet::Speaker] = speaker;
            filters[Facet::Side] = side;
            filters[Facet::Stance] = stance.iter().map(|s| s.as_str().to_string()).collect();
            filters[Facet::Outlet] = outlet;
            filters[Facet::Entity] = entity;
            filters[Facet::Kind] = kind.iter().map(|k| k.as_str().to_string()).collect();
            filters[Facet::Doc] = docs;
            filters[Facet::Year] = year.iter().map(|y| y.to_string()).collect();
            ViewState {
                corpus,
                q,
                filters,
                from,
                to,
                sort,
                doc,
                claim,
                cmp,
                cmp_docs: cmp_docs.map(|(a, b)| vec![a, b]).unwrap_or_default(),
                speaker_view,
                panel,
            }
        },
    )
}

/// Arbitrary, not necessarily canonical states: untrimmed, duplicated, control characters, bad dates, long lists.
fn raw_state() -> impl Strategy<Value = ViewState> {
    let s = || "\\PC{0,12}|[ \\t\\n\\x00,]{0,3}[a-z,]{0,5}[ \\x00]{0,2}";
    (
        (s(), vec(s(), 0..8), vec(s(), 0..8), vec(any::<u8>(), 0..6), vec(s(), 0..8), vec(any::<i32>(), 0..6)),
        (
            proptest::option::of("[0-9-]{0,11}"),
            proptest::option::of(s()),
            proptest::option::of(s()),
            vec(s(), 0..9),
            vec(s(), 0..4),
            proptest::option::of(s()),
            any::<bool>(),
        ),
    )
        .prop_map(|((q, speaker, outlet, stances, docs, year), (from, doc, claim, cmp, cmp_docs, who, kind))| {
            let mut filters = Filters::default();
            filters[Facet::Speaker] = speaker;
            filters[Facet::Outlet] = outlet;
            filters[Facet::Stance] = stances.into_iter().map(|b| Stance::ALL[usize::from(b) % 3].as_str().to_string()).collect();
            if kind {
                filters[Facet::Kind] =
                    [ClaimKind::Indirect, ClaimKind::Direct, ClaimKind::Indirect].iter().map(|k| k.as_str().to_string()).collect();
            }
            filters[Facet::Doc] = docs;
            filters[Facet::Year] = year.iter().map(|y| y.to_string()).collect();
            ViewState { q, filters, from, doc, claim, cmp, cmp_docs, speaker_view: who, ..ViewState::default() }
        })
}

/// Query-like strings: real and fake keys, percent escapes (valid, broken, non-UTF-8), separators.
fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        proptest::sample::select(vec![
            "v", "corpus", "q", "speaker", "side", "stance", "outlet", "entity", "kind", "docs", "year", "from", "to", "sort", "doc",
            "claim", "cmp", "cmpdocs", "who", "view",
        ])
        .prop_map(str::to_string),
        "[a-z%=?#]{0,6}",
    ];
    let atom = prop_oneof![
        "[a-z0-9 ,+.-]{0,8}",
        "%[0-9A-Fa-f]{2}",
        "%[0-9A-Za-z%]{0,2}",
        proptest::sample::select(vec![
            "refutes",
            "supports",
            "neutral",
            "direct",
            "indirect",
            "2023",
            "2021-08-15",
            "2020-02",
            "oldest",
            "timeline",
            "<script>",
            "&",
            "=",
            ",",
            "%2C",
            "%00",
            "%FF",
            "é",
            "\u{202e}",
        ])
        .prop_map(str::to_string),
    ];
    let value = vec(atom, 0..5).prop_map(|v| v.concat());
    let pair = (key, proptest::option::of(value)).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k,
    });
    ("[?#]{0,2}", vec(pair, 0..10)).prop_map(|(lead, pairs)| format!("{lead}{}", pairs.join("&")))
}

fn assert_idempotent(input: &str) -> Result<(), TestCaseError> {
    let d = decode(input);
    let e = encode(&d.state);
    let d2 = decode(&e);
    prop_assert_eq!(&d2.state, &d.state, "input {:?} encoded as {:?}", input, e);
    prop_assert!(d2.notices.is_empty(), "notices on re-decode of {:?}: {:?}", e, d2.notices);
    prop_assert_eq!(encode(&d2.state), e);
    prop_assert_eq!(canonical(d.state.clone()), d.state);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn round_trip_canonical(s in canonical_state()) {
        prop_assert_eq!(canonical(s.clone()), s.clone(), "strategy must produce canonical states");
        let e = encode(&s);
        prop_assert_eq!(e.is_empty(), s.is_default());
        prop_assert!(e.is_empty() || e.starts_with("v=1"));
        let d = decode(&e);
        prop_assert_eq!(&d.state, &s, "encoded as {:?}", e);
        prop_assert!(d.notices.is_empty(), "{:?}", d.notices);
        // With a leading `?` or `#` too.
        prop_assert_eq!(decode(&format!("?{e}")).state, s.clone());
        prop_assert_eq!(decode(&format!("#{e}")).state, s);
    }

    #[test]
    fn round_trip_raw(s in raw_state()) {
        let c = canonical(s.clone());
        prop_assert_eq!(canonical(c.clone()), c.clone());
        prop_assert_eq!(decode(&encode(&s)).state, c.clone());
        prop_assert_eq!(encode(&s), encode(&c));
    }

    #[test]
    fn decode_any_string(x in any::<String>()) {
        assert_idempotent(&x)?;
    }

    #[test]
    fn decode_query_like(x in query_like()) {
        assert_idempotent(&x)?;
    }

    #[test]
    fn reducer_keeps_canonical(s in canonical_state(), v in "\\PC{0,10}", i in 0usize..8, which in 0usize..6) {
        let f = Facet::ALL[i];
        let a = match which {
            0 => Action::Toggle(f, v.clone()),
            1 => Action::AddCompare(v.clone()),
            2 => Action::SetQuery(v.clone()),
            3 => Action::OpenDoc { doc: v.clone(), claim: Some(v.clone()) },
            4 => Action::SetRange { from: Some(v.clone()), to: None },
            _ => Action::ClearFacet(f),
        };
        let next = s.apply(a);
        prop_assert_eq!(canonical(next.clone()), next.clone());
        prop_assert!(next.cmp.len() <= 4);
        prop_assert_eq!(decode(&encode(&next)).state, next);
        // Toggling twice restores the state unless the value was invalid or already normalized away.
        let twice = s.apply(Action::Toggle(f, v.clone())).apply(Action::Toggle(f, v));
        prop_assert_eq!(twice, s);
    }
}
