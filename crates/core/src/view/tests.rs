//! Unit tests of the view: the URL codec key by key, hostile links, validation against a corpus, the reducer.
use super::url::enc_for_tests as enc;
use super::*;
use crate::corpus::Corpus;
use crate::model::Stance;

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn st(f: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut s = ViewState::default();
    f(&mut s);
    s
}

fn rt(s: &ViewState) {
    let e = encode(s);
    let d = decode(&e);
    assert_eq!(d.state, canonical(s.clone()), "round trip of {e}");
    assert!(d.notices.is_empty(), "notices for canonical {e}: {:?}", d.notices);
}

fn has_notice(d: &Decoded, needle: &str) -> bool {
    d.notices.iter().any(|n| n.contains(needle))
}

// ---- encoding, key by key ----

#[test]
fn default_is_plain() {
    assert_eq!(encode(&ViewState::default()), "");
    assert!(ViewState::default().is_default());
    let d = decode("");
    assert!(d.state.is_default() && d.notices.is_empty());
    let d = decode("?v=1");
    assert!(d.state.is_default() && d.notices.is_empty());
}

#[test]
fn key_q() {
    let s = st(|s| s.q = "drone strike, Kabul & more".into());
    assert_eq!(encode(&s), "v=1&q=drone+strike%2C+Kabul+%26+more");
    rt(&s);
    assert_eq!(decode("q=a%2Bb+c").state.q, "a+b c");
}

#[test]
fn key_speaker_with_commas() {
    let s = st(|s| s.filters[Facet::Speaker] = vec!["Smith, John".into(), "Ali".into()]);
    assert_eq!(encode(&s), "v=1&speaker=Ali,Smith%2C+John");
    rt(&s);
    assert_eq!(decode("speaker=Smith%2C+John,Ali").state.filters[Facet::Speaker], vec!["Ali", "Smith, John"]);
}

#[test]
fn key_side_outlet_entity() {
    let s = st(|s| {
        s.filters[Facet::Side] = vec!["us-government".into(), "islamic-emirate".into()];
        s.filters[Facet::Outlet] = vec!["Reuters".into(), "Al Jazeera, English".into()];
        s.filters[Facet::Entity] = vec!["kabul".into()];
    });
    assert_eq!(encode(&s), "v=1&side=islamic-emirate,us-government&outlet=Al+Jazeera%2C+English,Reuters&entity=kabul");
    rt(&s);
}

#[test]
fn key_stance_sorted_by_name() {
    let s = st(|s| s.filters[Facet::Stance] = strs(&["supports", "refutes"]));
    assert_eq!(encode(&s), "v=1&stance=refutes,supports");
    rt(&s);
    assert_eq!(decode("stance=supports,refutes").state.filters[Facet::Stance], strs(&["refutes", "supports"]));
}

#[test]
fn key_kind() {
    let s = st(|s| s.filters[Facet::Kind] = strs(&["indirect", "direct"]));
    assert_eq!(encode(&s), "v=1&kind=direct,indirect");
    rt(&s);
}

#[test]
fn key_docs_and_year() {
    let s = st(|s| {
        s.filters[Facet::Doc] = vec!["002_b".into(), "000_a".into()];
        s.filters[Facet::Year] = strs(&["2024", "2021"]);
    });
    assert_eq!(encode(&s), "v=1&docs=000_a,002_b&year=2021,2024");
    rt(&s);
}

#[test]
fn key_from_to() {
    for d in ["2021", "2021-08", "2021-08-31", "2024-02-29"] {
        let s = st(|s| {
            s.from = Some(d.into());
            s.to = Some(d.into());
        });
        assert_eq!(encode(&s), format!("v=1&from={d}&to={d}"));
        rt(&s);
    }
    for bad in ["2021-13", "2021-02-29", "21", "2021-8", "2021-08-31x", "2021-08-31-01", "abcd", "0999"] {
        let d = decode(&format!("from={bad}"));
        assert_eq!(d.state.from, None, "{bad}");
        assert!(has_notice(&d, "Ignored invalid from date"), "{bad}: {:?}", d.notices);
    }
}

#[test]
fn key_corpus_comes_first_and_survives_clearing_the_filters() {
    let s = st(|s| {
        s.corpus = Some("a1b2c3".into());
        s.q = "x".into();
    });
    rt(&s);
    assert_eq!(encode(&s), "v=1&corpus=a1b2c3&q=x");
    assert_eq!(s.apply(Action::ClearAll).corpus.as_deref(), Some("a1b2c3"));
    let long = format!("corpus={}", "x".repeat(MAX_VALUE_LEN + 1));
    assert!(has_notice(&decode(&long), "over-long corpus value"));
}

#[test]
fn key_sort() {
    for k in SortKey::ALL {
        let s = st(|s| s.sort = k);
        rt(&s);
        assert_eq!(SortKey::parse(k.as_str()), Some(k));
        assert!(!k.label().is_empty());
    }
    assert_eq!(encode(&st(|s| s.sort = SortKey::Oldest)), "v=1&sort=oldest");
    assert_eq!(encode(&st(|s| s.sort = SortKey::Date)), "");
    assert!(has_notice(&decode("sort=random"), "Ignored invalid sort “random”"));
}

#[test]
fn key_doc_and_claim() {
    let s = st(|s| {
        s.doc = Some("000_9b11820a0472705f".into());
        s.claim = Some("c1a2".into());
    });
    assert_eq!(encode(&s), "v=1&doc=000_9b11820a0472705f&claim=c1a2");
    rt(&s);
    let d = decode("claim=c1a2");
    assert_eq!(d.state.claim, None);
    assert!(has_notice(&d, "no document is open"));
}

#[test]
fn key_cmp_keeps_order() {
    let s = st(|s| s.cmp = vec!["z".into(), "a".into(), "m".into()]);
    assert_eq!(encode(&s), "v=1&cmp=z,a,m");
    rt(&s);
    let d = decode("cmp=a,b,c,d,e,f");
    assert_eq!(d.state.cmp, vec!["a", "b", "c", "d"]);
    assert!(has_notice(&d, "over the limit of 4"));
}

#[test]
fn key_cmpdocs() {
    let s = st(|s| s.cmp_docs = vec!["b".into(), "a".into()]);
    assert_eq!(encode(&s), "v=1&cmpdocs=b,a");
    rt(&s);
    for bad in ["cmpdocs=a", "cmpdocs=a,b,c", "cmpdocs=a,a"] {
        let d = decode(bad);
        assert!(d.state.cmp_docs.is_empty(), "{bad}");
        assert!(has_notice(&d, "exactly two"), "{bad}: {:?}", d.notices);
    }
}

#[test]
fn key_who_and_view() {
    let s = st(|s| {
        s.speaker_view = Some("zabihullah-mujahid".into());
        s.panel = Panel::Timeline;
    });
    assert_eq!(encode(&s), "v=1&who=zabihullah-mujahid&view=timeline");
    rt(&s);
    for p in Panel::ALL {
        rt(&st(|s| s.panel = p));
        assert_eq!(Panel::parse(p.as_str()), Some(p));
    }
    assert!(has_notice(&decode("view=map"), "Ignored invalid view “map”"));
}

#[test]
fn fixed_key_order() {
    let s = st(|s| {
        s.q = "x".into();
        s.filters[Facet::Speaker] = vec!["a".into()];
        s.filters[Facet::Side] = vec!["a".into()];
        s.filters[Facet::Stance] = strs(&["neutral"]);
        s.filters[Facet::Outlet] = vec!["a".into()];
        s.filters[Facet::Entity] = vec!["a".into()];
        s.filters[Facet::Kind] = strs(&["direct"]);
        s.filters[Facet::Doc] = vec!["d".into()];
        s.filters[Facet::Year] = strs(&["2022"]);
        s.from = Some("2022".into());
        s.to = Some("2023".into());
        s.sort = SortKey::Speaker;
        s.doc = Some("d".into());
        s.claim = Some("c".into());
        s.cmp = vec!["c".into()];
        s.cmp_docs = vec!["d".into(), "e".into()];
        s.speaker_view = Some("w".into());
        s.panel = Panel::Disagreements;
    });
    let e = encode(&s);
    let keys: Vec<&str> = e.split('&').map(|p| p.split('=').next().unwrap()).collect();
    assert_eq!(
        keys,
        [
            "v", "q", "speaker", "side", "stance", "outlet", "entity", "kind", "docs", "year", "from", "to", "sort", "doc", "claim", "cmp",
            "cmpdocs", "who", "view"
        ]
    );
    rt(&s);
    // Reordered keys decode to the same state.
    let mut parts: Vec<&str> = e.split('&').collect();
    parts.reverse();
    assert_eq!(decode(&parts.join("&")).state, s);
}

#[test]
fn leading_question_mark_or_hash() {
    let a = decode("?stance=refutes").state;
    let b = decode("#stance=refutes").state;
    let c = decode("stance=refutes").state;
    assert_eq!(a, c);
    assert_eq!(b, c);
    assert_eq!(c.filters[Facet::Stance], strs(&["refutes"]));
}

#[test]
fn repeated_keys() {
    let d = decode("stance=refutes&stance=supports&q=a&q=b");
    assert_eq!(d.state.filters[Facet::Stance], strs(&["refutes", "supports"]));
    assert_eq!(d.state.q, "a");
    assert!(has_notice(&d, "Ignored repeated parameter “q”"));
}

#[test]
fn unknown_version() {
    let d = decode("v=2&stance=refutes");
    assert_eq!(d.state.filters[Facet::Stance], strs(&["refutes"]));
    assert!(has_notice(&d, "v=2"));
}

#[test]
fn text_trimmed_and_cut() {
    let long = "x".repeat(10_000);
    let d = decode(&format!("speaker=++{long}"));
    assert_eq!(d.state.filters[Facet::Speaker][0].chars().count(), MAX_VALUE_LEN);
    assert!(has_notice(&d, "Shortened an over-long speaker"));
    let d = decode(&format!("q={long}"));
    assert_eq!(d.state.q.chars().count(), MAX_VALUE_LEN);
    assert!(has_notice(&d, "Shortened the search text"));
    let d = decode(&format!("cmp={long},ok"));
    assert_eq!(d.state.cmp, vec!["ok"]);
    assert!(has_notice(&d, "over-long cmp"));
    assert_eq!(decode("speaker=+Ali+").state.filters[Facet::Speaker], vec!["Ali"]);
}

#[test]
fn multibyte_cut_on_char_boundary() {
    let long = "é".repeat(300);
    let d = decode(&format!("q={}", enc(&long)));
    assert_eq!(d.state.q, "é".repeat(MAX_VALUE_LEN));
}

#[test]
fn notices_are_capped_and_echo_is_short() {
    let q: Vec<String> = (0..100).map(|i| format!("bogus{i}=1")).collect();
    let d = decode(&q.join("&"));
    assert_eq!(d.notices.len(), MAX_NOTICES + 1);
    assert!(d.notices.last().unwrap().contains("88 more"));
    let d = decode(&format!("stance={}", "a".repeat(500)));
    assert!(d.notices[0].chars().count() < 80, "{}", d.notices[0]);
    assert!(d.notices[0].contains('…'));
}

/// At least 30 hostile inputs: none panics; each that drops something says so; the result re-encodes stably.
#[test]
fn hostile_inputs() {
    let long = "a".repeat(10_000);
    let commas = ",".repeat(10_000);
    let many: String = (0..5000).map(|i| format!("id{i}")).collect::<Vec<_>>().join(",");
    // (input, whether something is dropped and must be noticed)
    let cases: Vec<(String, bool)> = vec![
        ("?stance=<script>alert(1)</script>&cmp=zzz&bogus=1".into(), true),
        ("stance=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(), true),
        ("%".into(), true),
        ("%zz".into(), true),
        ("q=%".into(), false),
        ("q=%zz%".into(), false),
        ("q=%00".into(), true),
        ("q=%00%01%1F%7F".into(), true),
        (format!("q={long}"), true),
        (format!("speaker={long}"), true),
        (format!("doc={long}"), true),
        (format!("{long}={long}"), true),
        ("&&&".into(), false),
        ("=".into(), false),
        ("==&=&==x".into(), true),
        ("cmp=a,a,a,a,a,a".into(), true),
        ("cmp=a,b,c,d,e".into(), true),
        ("year=99999999999".into(), true),
        ("year=-2021".into(), true),
        ("year=+2021".into(), false), // `+` is a space: " 2021" reads as 2021
        ("year=%2B2021".into(), true),
        ("year=2021.5".into(), true),
        ("from=2021-02-30".into(), true),
        ("to=9999999999-01-01".into(), true),
        ("speaker=%E2%80%AE%F0%9F%92%A3,%C3%A9l%C3%A8ve".into(), false),
        ("q=%FF%FE".into(), false),
        ("%FF=1".into(), true),
        ("stance=REFUTES".into(), true),
        ("kind=quote".into(), true),
        ("sort=%00".into(), true),
        ("view=../../etc/passwd".into(), true),
        ("v=2".into(), true),
        ("v=".into(), true),
        ("claim=abc".into(), true),
        ("cmpdocs=only-one".into(), true),
        (format!("stance={commas}"), false),
        (format!("docs={many}"), true),
        ("speaker=%2C%2C%2C".into(), false),
        ("who=%0A%0D".into(), true),
        ("doc=%20%20".into(), false),
        ("q=%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87&entity=%E4%B8%AD%E6%96%87".into(), false),
        ("#?#?stance=neutral".into(), false),
        ("stance=refutes;bogus=1".into(), true),
        ("javascript:alert(1)".into(), true),
    ];
    assert!(cases.len() >= 30);
    for (input, drops) in &cases {
        let d = decode(input);
        if *drops {
            assert!(!d.notices.is_empty(), "expected a notice for {:?}", &input[..input.len().min(60)]);
        }
        let again = decode(&encode(&d.state));
        assert_eq!(again.state, d.state, "idempotence for {:?}", &input[..input.len().min(60)]);
        assert!(again.notices.is_empty());
        assert!(d.notices.len() <= MAX_NOTICES + 1);
    }
    let d = decode("?stance=<script>alert(1)</script>&cmp=zzz&bogus=1");
    assert!(d.state.filters[Facet::Stance].is_empty());
    assert_eq!(d.state.cmp, vec!["zzz"]); // syntactically fine; `validate` drops it against the corpus
    assert!(has_notice(&d, "Ignored unknown parameter “bogus”"));
    assert!(has_notice(&d, "Ignored invalid stance “<script>alert(1)</script>”"));
    assert_eq!(decode("cmp=a,a,a,a,a,a").state.cmp, vec!["a"]);
    assert!(has_notice(&decode("cmp=a,a,a,a,a,a"), "repeated cmp"));
    assert!(decode("year=99999999999").state.filters[Facet::Year].is_empty());
    assert_eq!(decode("q=%00").state.q, "");
    assert_eq!(decode("speaker=%E2%80%AE%F0%9F%92%A3,%C3%A9l%C3%A8ve").state.filters[Facet::Speaker], vec!["él\u{e8}ve", "\u{202e}💣"]);
    assert_eq!(decode(&format!("docs={many}")).state.filters[Facet::Doc].len(), MAX_LIST);
}

// ---- validation against a corpus ----

fn corpus() -> Corpus {
    use crate::model::{Claim, Document};
    let doc = |id: &str| Document { id: id.into(), file: format!("{id}.txt"), ..Document::default() };
    let claim = |id: &str, d: &str, who: &str| Claim {
        id: id.into(),
        doc: d.into(),
        speaker: who.into(),
        speaker_id: who.into(),
        ..Claim::default()
    };
    Corpus { documents: vec![doc("d1"), doc("d2")], claims: vec![claim("c1", "d1", "ali"), claim("c2", "d2", "bea")], ..Corpus::default() }
}

#[test]
fn validate_drops_missing_ids() {
    let c = corpus();
    let mut s = decode("?stance=<script>alert(1)</script>&cmp=zzz,c1&bogus=1&docs=d1,gone&doc=d9&claim=c1&cmpdocs=d1,dx&who=nobody").state;
    let n = s.validate(&c);
    assert_eq!(s.cmp, vec!["c1"]);
    assert_eq!(s.filters[Facet::Doc], vec!["d1"]);
    assert_eq!(s.doc.as_deref(), Some("d1")); // the claim's own document
    assert_eq!(s.claim.as_deref(), Some("c1"));
    assert!(s.cmp_docs.is_empty());
    assert_eq!(s.speaker_view, None);
    assert!(n.iter().any(|x| x == "The link names a claim that no longer exists (zzz)"), "{n:?}");
    assert!(n.iter().any(|x| x == "The link names a document that no longer exists (gone)"));
    assert!(n.iter().any(|x| x == "The link names a document that no longer exists (d9)"));
    assert!(n.iter().any(|x| x.contains("(dx)")));
    assert!(n.iter().any(|x| x.contains("speaker") && x.contains("nobody")));

    let mut ok = decode("doc=d2&claim=c2&cmp=c1,c2&cmpdocs=d2,d1&who=bea").state;
    let before = ok.clone();
    assert!(ok.validate(&c).is_empty());
    assert_eq!(ok, before);

    let mut wrong = decode("doc=d2&claim=c1").state;
    let n = wrong.validate(&c);
    assert_eq!((wrong.doc.as_deref(), wrong.claim.as_deref()), (Some("d2"), None));
    assert_eq!(n.len(), 1);

    let mut gone = decode("doc=d2&claim=c9").state;
    let n = gone.validate(&c);
    assert_eq!((gone.doc.as_deref(), gone.claim.as_deref()), (Some("d2"), None));
    assert_eq!(n, vec!["The link names a claim that no longer exists (c9)"]);
}

// ---- reducer ----

#[test]
fn reducer_toggle() {
    let s = ViewState::default();
    let s = s.apply(Action::Toggle(Facet::Stance, "refutes".into()));
    let s = s.apply(Action::Toggle(Facet::Stance, "supports".into()));
    assert_eq!(s.filters[Facet::Stance], strs(&["refutes", "supports"]));
    let s = s.apply(Action::Toggle(Facet::Stance, "refutes".into()));
    assert_eq!(s.filters[Facet::Stance], strs(&["supports"]));
    let t = s.apply(Action::Toggle(Facet::Stance, "<script>".into()));
    assert_eq!(t, s);
    let t = s.apply(Action::Toggle(Facet::Year, "99999".into()));
    assert_eq!(t, s);
    let t = s.apply(Action::Toggle(Facet::Speaker, "   ".into()));
    assert_eq!(t, s);
    let s = s.apply(Action::Toggle(Facet::Year, "2023".into()));
    let s = s.apply(Action::Toggle(Facet::Year, "2021".into()));
    assert_eq!(s.filters[Facet::Year], strs(&["2021", "2023"]));
    let s = s.apply(Action::Toggle(Facet::Kind, "indirect".into()));
    let s = s.apply(Action::Toggle(Facet::Doc, "d1".into()));
    let s = s.apply(Action::Toggle(Facet::Speaker, "Smith, John".into()));
    let s = s.apply(Action::Toggle(Facet::Side, "us".into()));
    let s = s.apply(Action::Toggle(Facet::Outlet, "Reuters".into()));
    let s = s.apply(Action::Toggle(Facet::Entity, "kabul".into()));
    for f in Facet::ALL {
        assert!(!s.facet_values(f).is_empty(), "{:?}", f.key());
        let v = s.facet_values(f)[0].clone();
        assert!(s.is_selected(f, &v));
    }
    assert_eq!(s.filter_count(), 9);
    assert!(s.is_selected(Facet::Speaker, "Smith, John"));
    rt(&s);
    let c = s.apply(Action::ClearFacet(Facet::Year));
    assert!(c.filters[Facet::Year].is_empty() && c.filter_count() == 7);
}

#[test]
fn reducer_clear_all_keeps_non_filters() {
    let s = st(|s| {
        s.q = "x".into();
        s.filters[Facet::Stance] = strs(&["neutral"]);
        s.from = Some("2021".into());
        s.sort = SortKey::Oldest;
        s.doc = Some("d".into());
        s.cmp = vec!["c".into()];
        s.panel = Panel::Timeline;
    });
    assert!(s.has_filters());
    let c = s.apply(Action::ClearAll);
    assert!(!c.has_filters());
    assert_eq!(c.filter_count(), 0);
    assert_eq!((c.sort, c.doc.as_deref(), c.cmp.len(), c.panel), (SortKey::Oldest, Some("d"), 1, Panel::Timeline));
}

#[test]
fn reducer_query_and_range() {
    let s = ViewState::default().apply(Action::SetQuery("drone ".into()));
    assert_eq!(s.q, "drone "); // kept while typing
    assert_eq!(ViewState::default().apply(Action::SetQuery("   ".into())).q, "");
    let s = s.apply(Action::SetRange { from: Some("2021-08".into()), to: Some("nonsense".into()) });
    assert_eq!((s.from.as_deref(), s.to.as_deref()), (Some("2021-08"), None));
    let s = s.apply(Action::SetSort(SortKey::Document));
    assert_eq!(s.sort, SortKey::Document);
    rt(&s);
}

#[test]
fn reducer_reader() {
    let s = ViewState::default().apply(Action::OpenDoc { doc: "d1".into(), claim: Some("c1".into()) });
    assert_eq!((s.doc.as_deref(), s.claim.as_deref()), (Some("d1"), Some("c1")));
    let t = s.apply(Action::OpenDoc { doc: "d2".into(), claim: None });
    assert_eq!((t.doc.as_deref(), t.claim.as_deref()), (Some("d2"), None));
    let c = s.apply(Action::CloseDoc);
    assert_eq!((c.doc, c.claim), (None, None));
    assert_eq!(s.apply(Action::OpenDoc { doc: " ".into(), claim: None }), s);
}

#[test]
fn reducer_compare() {
    let mut s = ViewState::default();
    for id in ["a", "b", "a", "c", "d", "e"] {
        s = s.apply(Action::AddCompare(id.into()));
    }
    assert_eq!(s.cmp, vec!["a", "b", "c", "d"], "the duplicate ignored; the fifth refused, the first not dropped");
    assert!(s.compare_full());
    let s = s.apply(Action::RemoveCompare("a".into()));
    assert!(!s.compare_full());
    let s = s.apply(Action::AddCompare("e".into())).apply(Action::RemoveCompare("c".into()));
    assert_eq!(s.cmp, vec!["b", "d", "e"]);
    let s = s.apply(Action::SetCompare(vec!["x".into(), "x".into(), "y".into(), "z".into(), "w".into(), "v".into()]));
    assert_eq!(s.cmp, vec!["x", "y", "z", "w"]);
    let s = s.apply(Action::CompareDocs("d1".into(), "d2".into()));
    assert_eq!(s.cmp_docs, vec!["d1", "d2"]);
    assert_eq!(s.apply(Action::CompareDocs("d3".into(), "d3".into())).cmp_docs, vec!["d1", "d2"]);
    rt(&s);
    let c = s.apply(Action::ClearCompare);
    assert!(c.cmp.is_empty() && c.cmp_docs.is_empty());
}

#[test]
fn reducer_speaker_panel_replace() {
    let s = ViewState::default().apply(Action::OpenSpeaker("ali".into()));
    assert_eq!(s.speaker_view.as_deref(), Some("ali"));
    assert_eq!(s.apply(Action::CloseSpeaker).speaker_view, None);
    let s = s.apply(Action::SetPanel(Panel::Disagreements));
    assert_eq!(s.panel, Panel::Disagreements);
    let raw = st(|s| {
        s.filters[Facet::Stance] = strs(&["supports", "refutes", "supports"]);
        s.claim = Some("orphan".into());
    });
    let r = s.apply(Action::Replace(raw.clone()));
    assert_eq!(r, canonical(raw));
    assert_eq!(r.filters[Facet::Stance], strs(&["refutes", "supports"]));
    assert_eq!(r.claim, None);
}

#[test]
fn navigation_flag() {
    assert!(!Action::SetQuery("x".into()).is_navigation());
    assert!(Action::Toggle(Facet::Stance, "refutes".into()).is_navigation());
    assert!(Action::OpenDoc { doc: "d".into(), claim: None }.is_navigation());
    assert!(Action::AddCompare("c".into()).is_navigation());
    assert!(Action::Replace(ViewState::default()).is_navigation());
}

#[test]
fn the_first_keystroke_of_a_search_pushes_and_the_rest_replace() {
    let q = Action::SetQuery("da".into());
    assert!(q.pushes_history(false), "a new search (after a filter, on load) gets its own history entry");
    assert!(!q.pushes_history(true), "the next keystrokes replace it");
    assert!(Action::Toggle(Facet::Stance, "refutes".into()).pushes_history(true), "a navigation always pushes");
}

#[test]
fn facet_keys_and_labels() {
    let keys: Vec<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(keys, ["speaker", "side", "stance", "outlet", "year", "entity", "kind", "docs"]);
    assert!(Facet::ALL.iter().all(|f| !f.label().is_empty()));
}

#[test]
fn partial_dates() {
    assert!(is_partial_date("2000-02-29"));
    assert!(!is_partial_date("1900-02-29"));
    assert!(!is_partial_date("2023-00"));
    assert!(!is_partial_date("2023-04-31"));
    assert!(!is_partial_date(""));
    assert!(!is_partial_date("2023-"));
}

// ---- what the views built on the state offer ----

#[test]
fn loosenings_offer_one_undo_per_active_filter() {
    assert!(ViewState::default().loosenings().is_empty());
    let v = st(|s| {
        s.q = "daesh".into();
        s.filters[Facet::Stance] = strs(&["refutes"]);
        s.filters[Facet::Speaker] = strs(&["zabihullah-mujahid"]);
        s.to = Some("2023".into());
    });
    let offers = v.loosenings();
    let labels: Vec<&str> = offers.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, vec!["Clear the search", "Clear the speaker filter", "Clear the stance filter", "Clear the date range"]);
    for (_, a) in offers {
        assert!(v.apply(a).filter_count() < v.filter_count(), "each offer loosens the view");
    }
}

#[test]
fn a_stance_map_cell_selects_one_stance_and_side() {
    let v = st(|s| {
        s.q = "isis".into();
        s.filters[Facet::Stance] = strs(&["supports", "neutral"]);
        s.filters[Facet::Side] = strs(&["russia"]);
    });
    let cell = v.with_stance_and_side(Stance::Refutes, "islamic-emirate");
    assert_eq!(cell.filters[Facet::Stance], strs(&["refutes"]));
    assert_eq!(cell.filters[Facet::Side], strs(&["islamic-emirate"]));
    assert_eq!(cell.q, "isis", "the rest of the view stays");
    assert!(v.with_stance_and_side(Stance::Neutral, "").filters[Facet::Side].is_empty(), "no side: any side");
}
