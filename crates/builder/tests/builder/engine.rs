//! Query engine, highlighting and comparison over small hand-built corpora (plus randomised cross-checks).
#![cfg(not(target_arch = "wasm32"))]

use counterclaim_core::compare::{align_documents, disagreements, opposing, shared_terms};
use counterclaim_core::config::{CorpusConfig, EntityDef, SideDef};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::highlight::{cue_spans, entity_spans, segments, Highlighter, Marks};
use counterclaim_core::model::{Claim, ClaimKind, Document, Stance};
use counterclaim_core::search::{hit_spans, search_terms, FacetCounts, QueryResult, Term};
use counterclaim_core::text::fold;
use counterclaim_core::view::{Facet, Filters, SortKey, ViewState};
use proptest::prelude::*;

// ---------------------------------------------------------------- fixtures

fn filters(v: &[(Facet, &[&str])]) -> Filters {
    let mut f = Filters::default();
    for (facet, values) in v {
        f[*facet] = values.iter().map(|s| s.to_string()).collect();
    }
    f
}

fn config() -> CorpusConfig {
    let ent = |id: &str, label: &str, aliases: &[&str]| EntityDef {
        id: id.into(),
        label: label.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
    };
    let side = |id: &str, label: &str| SideDef { id: id.into(), label: label.into(), markers: vec![] };
    CorpusConfig {
        question: "Is ISIS active in Afghanistan?".into(),
        sides: vec![side("islamic-emirate", "Islamic Emirate"), side("russia", "Russia"), side("us-government", "US government")],
        entities: vec![
            ent("isis", "ISIS / Daesh", &["ISIS", "Daesh", "ISIS-K", "ISIS-Khorasan", "Islamic State", "IS"]),
            ent("afghanistan", "Afghanistan", &["Afghanistan", "Afghan"]),
            ent("al-qaeda", "Al-Qaeda", &["al-Qaeda", "al Qaeda"]),
        ],
        ..CorpusConfig::default()
    }
}

fn doc(id: &str, title: &str, outlet: Option<&str>, date: Option<&str>) -> Document {
    Document {
        id: id.into(),
        file: format!("{id}.txt"),
        title: Some(title.into()),
        outlet: outlet.map(Into::into),
        date: date.and_then(|d| d.parse().ok()),
        ..Document::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn claim(
    id: &str,
    doc: &Document,
    speaker: &str,
    role: Option<&str>,
    side: Option<&str>,
    text: &str,
    stance: Stance,
    kind: ClaimKind,
    entities: &[&str],
    start: usize,
) -> Claim {
    Claim {
        id: id.into(),
        doc: doc.id.clone(),
        speaker: speaker.into(),
        speaker_id: counterclaim_core::model::slug(speaker),
        role: role.map(Into::into),
        affiliation: None,
        side: side.map(Into::into),
        text: text.into(),
        kind,
        start,
        end: start + text.len(),
        pieces: vec![],
        cue: Some("said".into()),
        stance,
        stance_cues: vec![],
        stance_confidence: 1.0,
        stance_rule: String::new(),
        speaker_confidence: 1.0,
        entities: entities.iter().map(|s| s.to_string()).collect(),
        date: doc.date,
        corrected: None,
    }
}

/// Six claims in four documents:
/// 0 d1 2023-03-01 Qani (islamic-emirate)  refutes  "Daesh has been destroyed in Afghanistan"
/// 1 d2 2023-10-12 Bortnikov (russia)      supports "We see increased activities of Daesh branches…"
/// 2 d2 2023-10-12 Kabulov (russia)        supports "The Islamic State threat from Afghanistan is growing"
/// 3 d3 2022-08-15 Pat Ryder (us-gov)      supports "ISIS-K remains capable of external operations"
/// 4 d3 2022-08-15 Pat Ryder (us-gov)      refutes  "Al-Qaeda has no presence in Afghanistan"
/// 5 d4 2021-01-05 Émile Durand (no side)  neutral  "Le régime a détruit l'État islamique, selon lui"
fn corpus() -> Corpus {
    let d1 = doc("d1", "Taliban say Daesh defeated", Some("Ariana News"), Some("2023-03-01"));
    let d2 = doc("d2", "FSB warns of militants", Some("Press TV"), Some("2023-10-12"));
    let d3 = doc("d3", "Pentagon briefing", Some("TOLOnews"), Some("2022-08-15"));
    let d4 = doc("d4", "Revue de presse", None, Some("2021-01-05"));
    use ClaimKind::*;
    use Stance::*;
    let claims = vec![
        claim(
            "c0",
            &d1,
            "Abdul Mateen Qani",
            Some("Spokesman, Ministry of Interior"),
            Some("islamic-emirate"),
            "Daesh has been destroyed in Afghanistan",
            Refutes,
            Direct,
            &["isis", "afghanistan"],
            10,
        ),
        claim(
            "c1",
            &d2,
            "Alexander Bortnikov",
            Some("Director, FSB"),
            Some("russia"),
            "We see increased activities of Daesh branches near our borders",
            Supports,
            Indirect,
            &["isis"],
            50,
        ),
        claim(
            "c2",
            &d2,
            "Zamir Kabulov",
            None,
            Some("russia"),
            "The Islamic State threat from Afghanistan is growing",
            Supports,
            Direct,
            &["isis", "afghanistan"],
            10,
        ),
        claim(
            "c3",
            &d3,
            "Pat Ryder",
            Some("Pentagon press secretary"),
            Some("us-government"),
            "ISIS-K remains capable of external operations",
            Supports,
            Direct,
            &["isis"],
            5,
        ),
        claim(
            "c4",
            &d3,
            "Pat Ryder",
            Some("Pentagon press secretary"),
            Some("us-government"),
            "Al-Qaeda has no presence in Afghanistan",
            Refutes,
            Indirect,
            &["al-qaeda", "afghanistan"],
            80,
        ),
        claim("c5", &d4, "Émile Durand", None, None, "Le régime a détruit l'État islamique, selon lui", Neutral, Indirect, &[], 0),
    ];
    Corpus::new(config(), vec![d1, d2, d3, d4], claims, vec![])
}

fn run(c: &Corpus, v: &ViewState) -> QueryResult {
    counterclaim_builder::index::build(c).query(c, v)
}

fn ids(c: &Corpus, r: &QueryResult) -> Vec<String> {
    r.claims.iter().map(|&i| c.claims[i].id.clone()).collect()
}

fn sorted_ids(c: &Corpus, r: &QueryResult) -> Vec<String> {
    let mut v = ids(c, r);
    v.sort();
    v
}

fn search(c: &Corpus, q: &str) -> Vec<String> {
    sorted_ids(c, &run(c, &ViewState { q: q.into(), ..ViewState::default() }))
}

fn facet(r: &QueryResult, f: Facet) -> &FacetCounts {
    r.facets.iter().find(|x| x.facet == f).expect("facet listed")
}

/// `(value, count, selected)` of a facet.
fn counts(r: &QueryResult, f: Facet) -> Vec<(String, usize, bool)> {
    facet(r, f).values.iter().map(|v| (v.value.clone(), v.count, v.selected)).collect()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

// ---------------------------------------------------------------- filters and facets

#[test]
fn no_filter_lists_everything_newest_first() {
    let c = corpus();
    let r = run(&c, &ViewState::default());
    assert_eq!(r.total, 6);
    // d2 (2023-10-12) in reading order, then d1, d3 in reading order, d4.
    assert_eq!(ids(&c, &r), s(&["c2", "c1", "c0", "c3", "c4", "c5"]));
    assert_eq!(r.facets.iter().map(|f| f.facet).collect::<Vec<_>>(), Facet::ALL.to_vec());
}

#[test]
fn sort_orders() {
    let c = corpus();
    let q = |sort| ids(&c, &run(&c, &ViewState { sort, ..ViewState::default() }));
    assert_eq!(q(SortKey::Oldest), s(&["c5", "c3", "c4", "c0", "c2", "c1"]));
    // By folded speaker name: Abdul, Alexander, Émile (folded "emile"), Pat ×2 (newest first, then reading order), Zamir.
    assert_eq!(q(SortKey::Speaker), s(&["c0", "c1", "c5", "c3", "c4", "c2"]));
    // By document title (folded), reading order inside: FSB…, Pentagon…, Revue…, Taliban….
    assert_eq!(q(SortKey::Document), s(&["c2", "c1", "c3", "c4", "c5", "c0"]));
}

#[test]
fn values_within_a_facet_or_and_facets_and() {
    let c = corpus();
    let v = ViewState { filters: filters(&[(Facet::Stance, &["refutes"])]), ..ViewState::default() };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c0", "c4"]));
    let v = ViewState { filters: filters(&[(Facet::Stance, &["refutes", "neutral"])]), ..ViewState::default() };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c0", "c4", "c5"]));
    let v = ViewState { filters: filters(&[(Facet::Stance, &["supports"]), (Facet::Side, &["russia"])]), ..ViewState::default() };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c1", "c2"]));
    let v = ViewState {
        filters: filters(&[(Facet::Stance, &["supports"]), (Facet::Side, &["russia", "us-government"]), (Facet::Kind, &["direct"])]),
        ..ViewState::default()
    };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c2", "c3"]));
    let v = ViewState {
        filters: filters(&[(Facet::Entity, &["afghanistan"]), (Facet::Outlet, &["Press TV", "TOLOnews"])]),
        ..ViewState::default()
    };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c2", "c4"]));
    let v = ViewState { filters: filters(&[(Facet::Doc, &["d3", "d4"])]), ..ViewState::default() };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c3", "c4", "c5"]));
    let v = ViewState { filters: filters(&[(Facet::Speaker, &["pat-ryder"]), (Facet::Year, &["2022"])]), ..ViewState::default() };
    assert_eq!(sorted_ids(&c, &run(&c, &v)), s(&["c3", "c4"]));
}

#[test]
fn facet_counts_exclude_their_own_facet() {
    let c = corpus();
    let v = ViewState { filters: filters(&[(Facet::Stance, &["refutes"])]), ..ViewState::default() };
    let r = run(&c, &v);
    // Stance counts ignore the stance filter (fixed order supports, refutes, neutral).
    assert_eq!(counts(&r, Facet::Stance), vec![("supports".into(), 3, false), ("refutes".into(), 2, true), ("neutral".into(), 1, false)]);
    // Other facets count under stance = refutes.
    assert_eq!(counts(&r, Facet::Side), vec![("islamic-emirate".into(), 1, false), ("us-government".into(), 1, false)]);
    assert_eq!(counts(&r, Facet::Entity), vec![("afghanistan".into(), 2, false), ("al-qaeda".into(), 1, false), ("isis".into(), 1, false)]);
    let labels: Vec<&str> = facet(&r, Facet::Entity).values.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels, vec!["Afghanistan", "Al-Qaeda", "ISIS / Daesh"]);

    // Two facets active: each counts under the other only.
    let v = ViewState { filters: filters(&[(Facet::Stance, &["supports"]), (Facet::Side, &["russia"])]), ..ViewState::default() };
    let r = run(&c, &v);
    assert_eq!(counts(&r, Facet::Stance), vec![("supports".into(), 2, true)]);
    assert_eq!(counts(&r, Facet::Side), vec![("russia".into(), 2, true), ("us-government".into(), 1, false)]);
    assert_eq!(counts(&r, Facet::Doc), vec![("d2".into(), 2, false)]);
    assert_eq!(facet(&r, Facet::Doc).values[0].label, "FSB warns of militants");
}

#[test]
fn selected_values_are_listed_even_with_zero_count() {
    let c = corpus();
    let v = ViewState { filters: filters(&[(Facet::Stance, &["neutral"]), (Facet::Side, &["russia", "nobody"])]), ..ViewState::default() };
    let r = run(&c, &v);
    assert!(r.claims.is_empty());
    // Under stance = neutral no claim has a side, yet both selected values stay listed.
    assert_eq!(counts(&r, Facet::Side), vec![("russia".into(), 0, true), ("nobody".into(), 0, true)]);
    let russia = &facet(&r, Facet::Side).values[0];
    assert_eq!(russia.label, "Russia");
    // Stance counts under side ∈ {russia, nobody}.
    assert_eq!(counts(&r, Facet::Stance), vec![("supports".into(), 2, false), ("neutral".into(), 0, true)]);
}

#[test]
fn year_facet_and_date_range() {
    let c = corpus();
    let r = run(&c, &ViewState::default());
    assert_eq!(counts(&r, Facet::Year), vec![("2023".into(), 3, false), ("2022".into(), 2, false), ("2021".into(), 1, false)]);
    assert_eq!(counts(&r, Facet::Outlet).last().map(|x| (x.0.as_str(), x.1)), Some(("(unknown)", 1)), "d4 names no outlet");
    let label = facet(&r, Facet::Outlet).values.iter().find(|v| v.value == "(unknown)").unwrap().label.clone();
    assert_eq!(label, "Unknown outlet");
    let mut undated = corpus();
    undated.claims[5].date = None;
    undated.documents[3].date = None;
    let r = run(&undated, &ViewState { filters: filters(&[(Facet::Year, &["undated"])]), ..ViewState::default() });
    assert_eq!(ids(&undated, &r), s(&["c5"]), "the undated claims have a value of their own");
    assert_eq!(counts(&r, Facet::Year).last().unwrap(), &("undated".to_string(), 1, true));
    let v = |from: Option<&str>, to: Option<&str>| {
        sorted_ids(&c, &run(&c, &ViewState { from: from.map(Into::into), to: to.map(Into::into), ..ViewState::default() }))
    };
    assert_eq!(v(Some("2023"), None), s(&["c0", "c1", "c2"]));
    assert_eq!(v(None, Some("2022-12")), s(&["c3", "c4", "c5"]));
    assert_eq!(v(Some("2023-10-12"), Some("2023-10-12")), s(&["c1", "c2"]), "inclusive on both ends");
    assert_eq!(v(Some("2022-08-16"), Some("2023-03-01")), s(&["c0"]));
    assert_eq!(v(Some("2021"), Some("2021")), s(&["c5"]));
    // Claim without its own date falls back to the document's date.
    let mut c2 = corpus();
    c2.claims[5].date = None;
    let r = run(&c2, &ViewState { filters: filters(&[(Facet::Year, &["2021"])]), ..ViewState::default() });
    assert_eq!(ids(&c2, &r), s(&["c5"]));
}

#[test]
fn long_facets_are_cut_but_keep_selected_values() {
    let mut c = corpus();
    c.claims.clear();
    c.documents.clear();
    for i in 0..250 {
        let d = doc(&format!("x{i:03}"), &format!("Doc {i:03}"), None, Some("2020-01-01"));
        c.claims.push(claim(&format!("k{i}"), &d, "Ana", None, None, "text", Stance::Neutral, ClaimKind::Direct, &[], 0));
        c.documents.push(d);
    }
    let r = run(&c, &ViewState { filters: filters(&[(Facet::Doc, &["x249"])]), ..ViewState::default() });
    let f = facet(&r, Facet::Doc);
    assert_eq!(f.values.len(), counterclaim_core::search::FACET_LIMIT + 1);
    assert_eq!(f.more, 250 - counterclaim_core::search::FACET_LIMIT - 1);
    assert_eq!(f.values[0].value, "x000");
    let last = f.values.last().unwrap();
    assert_eq!((last.value.as_str(), last.count, last.selected), ("x249", 1, true));
    assert_eq!(r.claims.len(), 1);
    // Without a selection: exactly the limit, the rest counted in `more`.
    let r = run(&c, &ViewState::default());
    assert_eq!(facet(&r, Facet::Doc).values.len(), counterclaim_core::search::FACET_LIMIT);
    assert_eq!(facet(&r, Facet::Doc).more, 50);
}

// ---------------------------------------------------------------- search

#[test]
fn alias_search_finds_other_names_of_the_entity() {
    let c = corpus();
    let isis = s(&["c0", "c1", "c2", "c3"]);
    assert_eq!(search(&c, "ISIS"), isis, "ISIS finds the Daesh and Islamic State claims");
    assert_eq!(search(&c, "isis"), isis);
    assert_eq!(search(&c, "daesh"), isis, "daesh finds the ISIS-K claim");
    assert_eq!(search(&c, "Islamic State"), isis);
    assert_eq!(search(&c, "ISIS-K"), isis);
    // Entities listed on the claim count even when the text names none of the aliases.
    let mut c2 = corpus();
    c2.claims[5].entities = vec!["isis".into()];
    assert!(search(&c2, "daesh").contains(&"c5".to_string()));
    // Lowercase "is" is a word, not the acronym IS.
    assert_eq!(search(&c, "is growing"), s(&["c2"]));
}

#[test]
fn search_is_case_and_accent_insensitive() {
    let c = corpus();
    assert_eq!(search(&c, "etat"), s(&["c5"]));
    assert_eq!(search(&c, "ÉTAT ISLAMIQUE"), s(&["c5"]));
    assert_eq!(search(&c, "emile"), s(&["c5"]), "speaker names are searched");
    assert_eq!(search(&c, "DÉTRUIT"), s(&["c5"]));
    assert_eq!(search(&c, "Regime"), s(&["c5"]));
}

#[test]
fn words_match_as_prefixes_and_all_must_match() {
    let c = corpus();
    assert_eq!(search(&c, "destr"), s(&["c0"]));
    assert_eq!(search(&c, "increas activ"), s(&["c1"]));
    assert_eq!(search(&c, "daesh destroyed"), s(&["c0"]));
    assert_eq!(search(&c, "afgh"), s(&["c0", "c2", "c4"]));
    assert_eq!(search(&c, "zzz"), Vec::<String>::new());
    assert_eq!(search(&c, "afgh zzz"), Vec::<String>::new());
    // Metadata: role, affiliation, outlet (not the article's headline).
    assert_eq!(search(&c, "pentagon"), s(&["c3", "c4"]));
    assert_eq!(search(&c, "fsb"), s(&["c1"]), "role of c1; d2's title is not searched");
    assert_eq!(search(&c, "press tv"), s(&["c1", "c2"]), "outlet; Ryder's role has 'press' but no 'tv…'");
    assert_eq!(search(&c, "press"), s(&["c1", "c2", "c3", "c4"]), "outlet and role; not c5 through its title 'Revue de presse'");
    assert_eq!(search(&c, "ariana"), s(&["c0"]));
    // Empty or punctuation-only query: no search filter.
    assert_eq!(search(&c, "  ,;  ").len(), 6);
}

#[test]
fn quoted_phrases_match_exact_consecutive_words() {
    let c = corpus();
    assert_eq!(search(&c, "\"increased activities\""), s(&["c1"]));
    assert_eq!(search(&c, "\"activities increased\""), Vec::<String>::new());
    assert_eq!(search(&c, "\"increased activ\""), Vec::<String>::new(), "no prefix inside quotes");
    assert_eq!(search(&c, "\"has been\" daesh"), s(&["c0"]));
    assert_eq!(search(&c, "“État islamique”"), s(&["c5"]), "typographic quotes");
    assert_eq!(search(&c, "\"growing\""), s(&["c2"]), "a quoted word is a whole word");
    assert_eq!(search(&c, "\"grow\""), Vec::<String>::new(), "no prefix and no other word form inside quotes");
    assert_eq!(search(&c, "\"press secretary\""), s(&["c3", "c4"]));
    assert_eq!(search(&c, "\"warns of militants\""), Vec::<String>::new(), "headlines are not searched");
    // Phrases never span two fields (text then speaker).
    assert_eq!(search(&c, "\"borders alexander\""), Vec::<String>::new());
    assert_eq!(
        search_terms("daesh \"has been\" destr"),
        vec![Term::Word("daesh".into()), Term::Phrase("has been".into()), Term::Word("destr".into())]
    );
}

#[test]
fn quoted_names_are_literal_unquoted_names_expand_to_their_aliases() {
    let c = corpus();
    assert_eq!(search(&c, "\"ISIS-K\""), s(&["c3"]), "only the claim that says ISIS-K");
    assert_eq!(search(&c, "\"islamic state\""), s(&["c2"]), "only the claim that says Islamic State");
    assert_eq!(search(&c, "ISIS-K"), s(&["c0", "c1", "c2", "c3"]), "unquoted: every name of the entity");
    let index = counterclaim_builder::index::build(&c);
    let ex = index.expansions("ISIS-K threat", &c.config);
    assert_eq!(ex.len(), 1);
    assert_eq!((ex[0].typed.as_str(), ex[0].entity.as_str()), ("ISIS-K", "ISIS / Daesh"));
    assert!(ex[0].also.contains(&"Daesh".to_string()) && !ex[0].also.contains(&"ISIS-K".to_string()), "{:?}", ex[0].also);
    assert_eq!(ex[0].literal, "\"ISIS-K\" threat", "the way to search only the typed name");
    assert!(index.expansions("\"ISIS-K\" growing", &c.config).is_empty(), "quoted names and plain words expand to nothing");
}

#[test]
fn or_joins_terms_and_minus_excludes() {
    let c = corpus();
    assert_eq!(search(&c, "destroyed OR growing"), s(&["c0", "c2"]));
    assert_eq!(search(&c, "Daesh OR \"al-qaeda\""), s(&["c0", "c1", "c2", "c3", "c4"]));
    assert_eq!(search(&c, "afghanistan destroyed OR growing"), s(&["c0", "c2"]), "OR binds tighter than the implicit AND");
    assert_eq!(search(&c, "-ISIS"), s(&["c4", "c5"]), "an excluded name excludes its aliases");
    assert_eq!(search(&c, "-\"ISIS-K\""), s(&["c0", "c1", "c2", "c4", "c5"]), "an excluded phrase is literal");
    assert_eq!(search(&c, "afghanistan -daesh"), s(&["c4"]));
    assert_eq!(search(&c, "-growing OR destroyed"), s(&["c0", "c1", "c3", "c4", "c5"]));
    assert_eq!(search(&c, "or"), Vec::<String>::new(), "lowercase or is a word");
}

#[test]
fn speaker_and_outlet_fields_search_one_field() {
    let c = corpus();
    assert_eq!(search(&c, "speaker:ryder"), s(&["c3", "c4"]));
    assert_eq!(search(&c, "speaker:pentagon"), Vec::<String>::new(), "the role is not the speaker");
    assert_eq!(search(&c, "pentagon"), s(&["c3", "c4"]));
    assert_eq!(search(&c, "speaker:\"pat ryder\" qaeda"), s(&["c4"]));
    assert_eq!(search(&c, "speaker:emile"), s(&["c5"]), "folded");
    assert_eq!(search(&c, "-speaker:ryder"), s(&["c0", "c1", "c2", "c5"]));
    assert_eq!(search(&c, "outlet:press"), s(&["c1", "c2"]), "not Ryder's role, press secretary");
    assert_eq!(search(&c, "outlet:\"press tv\" OR outlet:ariana"), s(&["c0", "c1", "c2"]));
    assert_eq!(search(&c, "outlet:\"tv press\""), Vec::<String>::new());
}

#[test]
fn words_find_their_other_forms() {
    let c = corpus();
    assert_eq!(search(&c, "grows"), s(&["c2"]), "grows finds growing");
    assert_eq!(search(&c, "destroys"), s(&["c0"]), "destroys finds destroyed");
    assert_eq!(search(&c, "activity"), s(&["c1"]), "activity finds activities");
    assert_eq!(search(&c, "operation"), s(&["c3"]), "operation finds operations");
    assert_eq!(search(&c, "threats"), s(&["c2"]), "a stem that is its only token (threat, not packed) is still found");
    let mut c2 = corpus();
    c2.claims[4].text = "The Taliban denied any presence of al-Qaeda".into();
    assert_eq!(search(&c2, "deny"), s(&["c4"]), "deny finds denied");
    let index = counterclaim_builder::index::build(&c2);
    let t = "They denied it, and deny it still";
    let marked: Vec<&str> = index.hit_spans(t, "deny").iter().map(|&(a, b)| &t[a..b]).collect();
    assert_eq!(marked, vec!["denied", "deny"]);
    assert!(index.hit_spans(t, "-deny").is_empty(), "excluded words are not marked");
}

#[test]
fn search_combines_with_facets_and_counts() {
    let c = corpus();
    let v = ViewState { filters: filters(&[(Facet::Stance, &["refutes"])]), q: "afghanistan".into(), ..ViewState::default() };
    let r = run(&c, &v);
    assert_eq!(sorted_ids(&c, &r), s(&["c0", "c4"]));
    assert_eq!(counts(&r, Facet::Stance), vec![("supports".into(), 1, false), ("refutes".into(), 2, true)]);
}

#[test]
fn hit_spans_mark_words_phrases_and_aliases() {
    let c = corpus();
    let index = counterclaim_builder::index::build(&c);
    let text = "Daesh has been destroyed; the Islamic State and ISIS-K are gone";
    let marked = |q: &str| -> Vec<&str> { hit_spans(&index, text, q).iter().map(|&(a, b)| &text[a..b]).collect() };
    assert_eq!(marked("ISIS"), vec!["Daesh", "Islamic State", "ISIS-K"]);
    let t2 = "We know ISIS-K, and keep a watch on it";
    let marked2: Vec<&str> = hit_spans(&index, t2, "ISIS-K").iter().map(|&(a, b)| &t2[a..b]).collect();
    assert_eq!(marked2, vec!["ISIS-K"], "a name marks its mentions, not every word starting with k");
    let marked3: Vec<&str> = hit_spans(&index, t2, "a").iter().map(|&(a, b)| &t2[a..b]).collect();
    assert_eq!(marked3, vec!["a"], "one letter is a whole word, not a prefix");
    assert_eq!(marked("destr"), vec!["destroyed"]);
    assert_eq!(marked("\"has been\""), vec!["has been"]);
    assert_eq!(marked("GONE the"), vec!["the", "gone"]);
    assert!(marked("").is_empty());
    assert!(marked("zzz").is_empty());
    // Byte positions over multibyte text.
    let t = "L'État islamique — détruit";
    let h = index.hit_spans(t, "etat detr");
    assert_eq!(h, vec![(2, 7), (22, 30)]);
    assert_eq!(&t[h[0].0..h[0].1], "État");
    assert_eq!(&t[h[1].0..h[1].1], "détruit");
}

// ---------------------------------------------------------------- highlighting

#[test]
fn entity_and_cue_spans() {
    let cfg = config();
    let hl = Highlighter::new(&cfg);
    let text = "Da'esh? No: Daesh and ISIS-Khorasan in Afghanistan have increased activities.";
    let spans = hl.entity_spans(text);
    let ents: Vec<(&str, &str)> = spans.iter().map(|(a, b, e)| (&text[*a..*b], e.as_str())).collect();
    assert_eq!(ents, vec![("Daesh", "isis"), ("ISIS-Khorasan", "isis"), ("Afghanistan", "afghanistan")]);
    assert_eq!(entity_spans(&cfg, text), hl.entity_spans(text));
    let cues: Vec<&str> = cue_spans(text, &s(&["increased activities", "Daesh"])).iter().map(|&(a, b)| &text[a..b]).collect();
    assert_eq!(cues, vec!["Daesh", "increased activities"]);
}

#[test]
fn segments_cover_text_with_merged_marks() {
    let text = "Daesh has been destroyed";
    let marks = Marks { entities: vec![(0, 5, "isis".into())], cues: vec![(15, 24)], hits: vec![(0, 5), (15, 24)], shared: vec![(0, 5)] };
    let segs = segments(text, &marks);
    assert_eq!(segs.len(), 3);
    assert_eq!((segs[0].start, segs[0].end, segs[0].entity.as_deref(), segs[0].hit, segs[0].shared), (0, 5, Some("isis"), true, true));
    assert!(segs[1].is_plain());
    assert!(segs[2].cue && segs[2].hit && segs[2].entity.is_none());
}

fn check_segments(text: &str, marks: &Marks) -> Result<(), TestCaseError> {
    let segs = segments(text, marks);
    if text.is_empty() {
        prop_assert!(segs.is_empty());
        return Ok(());
    }
    prop_assert_eq!(segs[0].start, 0);
    prop_assert_eq!(segs.last().unwrap().end, text.len());
    for w in segs.windows(2) {
        prop_assert_eq!(w[0].end, w[1].start, "contiguous");
        let same = w[0].entity == w[1].entity && w[0].cue == w[1].cue && w[0].hit == w[1].hit && w[0].shared == w[1].shared;
        prop_assert!(!same, "adjacent runs with equal marks are merged");
    }
    for sg in &segs {
        prop_assert!(sg.start < sg.end, "non-empty, ordered");
        prop_assert!(text.is_char_boundary(sg.start) && text.is_char_boundary(sg.end));
        // Every byte's flags equal the union of the marks covering it.
        for i in sg.start..sg.end {
            let cov = |r: &[(usize, usize)]| r.iter().any(|&(a, b)| a <= i && i < b);
            prop_assert_eq!(sg.cue, cov(&marks.cues));
            prop_assert_eq!(sg.hit, cov(&marks.hits));
            prop_assert_eq!(sg.shared, cov(&marks.shared));
            // Entity: the covering mark that starts first, then the longest, then the first given.
            let winner = marks
                .entities
                .iter()
                .enumerate()
                .filter(|(_, (a, b, _))| *a <= i && i < *b)
                .min_by_key(|(k, (a, b, _))| (*a, std::cmp::Reverse(*b), *k))
                .map(|(_, (_, _, id))| id.clone());
            prop_assert_eq!(&sg.entity, &winner);
        }
    }
    Ok(())
}

fn snap(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn segments_are_contiguous_ordered_and_cover_the_text(
        text in "[a-zé€😀 .,'-]{0,40}",
        raw in proptest::collection::vec((0usize..200, 0usize..200, 0u8..4, 0u8..3), 0..12),
    ) {
        let mut marks = Marks::default();
        for (a, b, kind, ent) in raw {
            let (a, b) = (snap(&text, a.min(b)), snap(&text, a.max(b)));
            match kind {
                0 => marks.entities.push((a, b, format!("e{ent}"))),
                1 => marks.cues.push((a, b)),
                2 => marks.hits.push((a, b)),
                _ => marks.shared.push((a, b)),
            }
        }
        check_segments(&text, &marks)?;
    }

    #[test]
    fn segments_survive_unsnapped_marks(text in "\\PC{0,30}", raw in proptest::collection::vec((0usize..150, 0usize..150), 0..8)) {
        // Ranges inside characters or past the end never panic and still cover the text.
        let marks = Marks { hits: raw.clone(), entities: raw.iter().map(|&(a, b)| (a, b, "x".into())).collect(), ..Marks::default() };
        let segs = segments(&text, &marks);
        prop_assert_eq!(segs.iter().map(|s| s.end - s.start).sum::<usize>(), text.len());
        for sg in &segs {
            prop_assert!(text.is_char_boundary(sg.start) && text.is_char_boundary(sg.end));
        }
    }
}

// ---------------------------------------------------------------- comparison

#[test]
fn shared_terms_mark_words_in_other_texts() {
    let texts = [
        "Daesh has been destroyed in Afghanistan",
        "We see increased activities of Daesh branches",
        "Daesh branch activities are increasing in the region",
    ];
    let spans = shared_terms(&texts);
    let show = |i: usize| -> Vec<&str> { spans[i].iter().map(|&(a, b)| &texts[i][a..b]).collect() };
    assert_eq!(show(0), vec!["Daesh"]);
    // "activities"/"branches" shared by stem ("branch"), so are "increased"/"increasing" (search's stemmer);
    // "Daesh branches" is a shared two-word phrase.
    assert_eq!(show(1), vec!["increased", "activities", "Daesh branches"]);
    assert_eq!(show(2), vec!["Daesh branch", "activities", "increasing"]);
    assert_eq!(shared_terms(&["only one text here"]), vec![vec![]]);
    // Stop words are never shared; case and accents are folded.
    let spans = shared_terms(&["The État is here", "the etat was there"]);
    assert_eq!(spans, vec![vec![(4, 9)], vec![(4, 8)]]);
}

#[test]
fn opposing_ranks_by_entity_overlap_then_time_then_id() {
    let mut c = corpus();
    let d5 = doc("d5", "More", Some("Ariana News"), Some("2023-03-20"));
    // Same side as c0: never opposing.
    c.claims.push(claim(
        "c6",
        &d5,
        "Zabihullah Mujahid",
        None,
        Some("islamic-emirate"),
        "Daesh is back",
        Stance::Supports,
        ClaimKind::Direct,
        &["isis"],
        0,
    ));
    // Unknown side, another speaker: eligible; unknown side, same speaker: not.
    c.claims.push(claim(
        "c7",
        &d5,
        "An analyst",
        None,
        None,
        "Daesh recruits in Afghanistan",
        Stance::Supports,
        ClaimKind::Direct,
        &["isis", "afghanistan"],
        40,
    ));
    c.claims.push(claim("c8", &d5, "Abdul Mateen Qani", None, None, "Daesh is active", Stance::Supports, ClaimKind::Direct, &["isis"], 80));
    // Shares no entity: not opposing.
    c.claims.push(claim(
        "c9",
        &d5,
        "Someone",
        None,
        Some("russia"),
        "Al-Qaeda thrives",
        Stance::Supports,
        ClaimKind::Direct,
        &["al-qaeda"],
        120,
    ));
    c.documents.push(d5);

    let ops = opposing(&c, 0, 10);
    let got: Vec<(&str, f32)> = ops.iter().map(|o| (c.claims[o.claim].id.as_str(), o.score)).collect();
    // Jaccard 1: c7 (19 days) before c2 (225 days); Jaccard 1/2: c3 (198 days) before c1 (225 days).
    assert_eq!(got, vec![("c7", 1.0), ("c2", 1.0), ("c3", 0.5), ("c1", 0.5)]);
    assert_eq!(ops[0].shared_entities, s(&["isis", "afghanistan"]));
    assert_eq!(ops[2].shared_entities, s(&["isis"]));
    assert_eq!(opposing(&c, 0, 2).len(), 2);
    // Neutral claims have no opposite.
    assert!(opposing(&c, 5, 10).is_empty());
    // From a supporting claim: refuting claims of other sides.
    let from3: Vec<&str> = opposing(&c, 3, 10).iter().map(|o| c.claims[o.claim].id.as_str()).collect();
    assert_eq!(from3, vec!["c0"], "c4 is Ryder's own side and shares no entity anyway");
}

#[test]
fn opposing_ties_break_by_claim_id() {
    let mut c = corpus();
    // Two identical candidates except their ids.
    let mut a = c.claims[2].clone();
    a.id = "zz".into();
    let mut b = c.claims[2].clone();
    b.id = "aa".into();
    c.claims.push(a);
    c.claims.push(b);
    let got: Vec<&str> = opposing(&c, 0, 3).iter().map(|o| c.claims[o.claim].id.as_str()).collect();
    assert_eq!(got, vec!["aa", "c2", "zz"]);
}

#[test]
fn disagreements_list_each_pair_once_supporter_first() {
    let c = corpus();
    let d = disagreements(&c, 10);
    let got: Vec<(&str, &str, f32)> = d.iter().map(|&(a, b, sc)| (c.claims[a].id.as_str(), c.claims[b].id.as_str(), sc)).collect();
    // c2–c0 (Jaccard 1), c3–c0 (1/2, 198 days), c1–c0 (1/2, 225 days), c2–c4 (1/3, 423 days).
    assert_eq!(got, vec![("c2", "c0", 1.0), ("c3", "c0", 0.5), ("c1", "c0", 0.5), ("c2", "c4", 1.0 / 3.0)]);
    assert_eq!(disagreements(&c, 1).len(), 1);
    assert!(disagreements(&c, 0).is_empty());
}

#[test]
fn disagreements_rank_by_how_directly_claims_answer_each_other() {
    let mut c = corpus();
    let id = |i: usize| c.claims[i].id.clone();
    let pairs = counterclaim_core::compare::direct_disagreements(&c, 10);
    let (a, b, why) = &pairs[0];
    assert_eq!((id(*a), id(*b)), ("c2".to_string(), "c0".to_string()), "the same two entities and the same place word");
    assert_eq!(why.shared_entities, s(&["isis", "afghanistan"]));
    assert_eq!(why.shared_words, s(&["afghanistan"]));
    assert_eq!(why.days_apart, Some(225));
    assert!(pairs.windows(2).all(|w| w[0].2.directness >= w[1].2.directness), "most direct first");
    // A background entity is no reason: sharing only it counts for nothing.
    c.background = s(&["afghanistan"]);
    let why = counterclaim_core::compare::pair_reason(&c, 2, 0);
    assert_eq!(why.shared_entities, s(&["isis"]));
    // Nor is its name a shared word (the corpus's setting is no shared proposition).
    assert!(why.shared_words.is_empty(), "{:?}", why.shared_words);
}

#[test]
fn align_documents_by_side_then_entity() {
    let mut c = corpus();
    let d5 = doc("d5", "Russia and Taliban", Some("Press TV"), Some("2023-11-01"));
    c.claims.push(claim(
        "r1",
        &d5,
        "Sergei Lavrov",
        None,
        Some("russia"),
        "Daesh is a threat",
        Stance::Supports,
        ClaimKind::Direct,
        &["isis"],
        0,
    ));
    c.claims.push(claim(
        "r2",
        &d5,
        "Zabihullah Mujahid",
        None,
        Some("islamic-emirate"),
        "Afghanistan is safe",
        Stance::Refutes,
        ClaimKind::Direct,
        &["afghanistan"],
        40,
    ));
    c.claims.push(claim("r3", &d5, "Unknown", None, None, "Nothing to add", Stance::Neutral, ClaimKind::Direct, &[], 90));
    c.documents.push(d5);
    let al = align_documents(&c, c.claims_of("d2"), c.claims_of("d5"));
    let rows: Vec<(&str, Vec<&str>, Vec<&str>)> = al
        .rows
        .iter()
        .map(|r| {
            let n = |v: &Vec<usize>| v.iter().map(|&i| c.claims[i].id.as_str()).collect::<Vec<_>>();
            (r.key.as_str(), n(&r.left), n(&r.right))
        })
        .collect();
    assert_eq!(
        rows,
        vec![("Russia", vec!["c2", "c1"], vec!["r1"]), ("Islamic Emirate", vec![], vec!["r2"]), ("Other claims", vec![], vec!["r3"]),]
    );
    // Different sides but a shared entity: aligned by entity.
    let al = align_documents(&c, c.claims_of("d1"), c.claims_of("d5"));
    assert_eq!(al.rows[0].key, "Islamic Emirate");
    let al = align_documents(&c, c.claims_of("d3"), c.claims_of("d5"));
    let keys: Vec<&str> = al.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, vec!["ISIS / Daesh", "Afghanistan", "Other claims"]);
    assert_eq!(al.rows[0].entity.as_deref(), Some("isis"));
}

// ---------------------------------------------------------------- randomised cross-checks

/// A deterministic pseudo-random corpus (no aliases, so plain word search can be checked naively).
fn random_corpus(seed: u64, n_docs: usize) -> Corpus {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) | 1;
    let mut next = move |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    let words = ["daesh", "threat", "régime", "border", "attack", "growing", "défaite", "militants", "kabul", "moscow", "is", "active"];
    let sides = [None, Some("a"), Some("b"), Some("c")];
    let ents = ["e1", "e2", "e3", "e4"];
    let mut documents = Vec::new();
    let mut claims = Vec::new();
    for d in 0..n_docs {
        let date = (next(5) > 0).then(|| format!("{}-{:02}-{:02}", 2019 + next(5), 1 + next(12), 1 + next(28)));
        let outlet = ["O1", "O2", "O3"].get(next(4)).map(|s| s.to_string());
        let title = format!("{} {}", words[next(words.len())], words[next(words.len())]);
        let dd = doc(&format!("doc{d:03}"), &title, outlet.as_deref(), date.as_deref());
        for k in 0..1 + next(4) {
            let text: Vec<&str> = (0..3 + next(6)).map(|_| words[next(words.len())]).collect();
            let mut es: Vec<&str> = ents.iter().copied().filter(|_| next(3) == 0).collect();
            es.dedup();
            let mut cl = claim(
                &format!("k{:04}", claims.len() * 7919 % 10007),
                &dd,
                ["Ana", "Bo", "Cy", "Dee", "Éd"][next(5)],
                None,
                sides[next(4)],
                &text.join(" "),
                Stance::ALL[next(3)],
                ClaimKind::ALL[next(2)],
                &es,
                k * 100,
            );
            if next(6) == 0 {
                cl.date = None;
            }
            claims.push(cl);
        }
        documents.push(dd);
    }
    Corpus::new(CorpusConfig::default(), documents, claims, vec![])
}

fn naive_matches(c: &Corpus, i: usize, v: &ViewState) -> bool {
    let cl = &c.claims[i];
    let d = c.document(&cl.doc);
    let date = cl.date.or_else(|| d.and_then(|d| d.date)).map(|d| d.iso());
    let year = date.as_deref().map(|d| d[..4].to_string());
    let any = |sel: &[String], val: Option<&str>| sel.is_empty() || val.is_some_and(|x| sel.iter().any(|s| s == x));
    let f = |facet: Facet| v.facet_values(facet);
    if !any(f(Facet::Speaker), Some(&cl.speaker_id)) || !any(f(Facet::Side), cl.side.as_deref()) || !any(f(Facet::Doc), Some(&cl.doc)) {
        return false;
    }
    if !any(f(Facet::Outlet), Some(d.and_then(|d| d.outlet.as_deref()).unwrap_or("(unknown)"))) {
        return false;
    }
    if !any(f(Facet::Stance), Some(cl.stance.as_str())) || !any(f(Facet::Kind), Some(cl.kind.as_str())) {
        return false;
    }
    if !any(f(Facet::Year), Some(year.as_deref().unwrap_or("undated"))) {
        return false;
    }
    if !f(Facet::Entity).is_empty() && !cl.entities.iter().any(|e| f(Facet::Entity).contains(e)) {
        return false;
    }
    if let Some(f) = &v.from {
        if date.as_deref().is_none_or(|d| d[..f.len()] < **f) {
            return false;
        }
    }
    if let Some(t) = &v.to {
        if date.as_deref().is_none_or(|d| d[..t.len()] > **t) {
            return false;
        }
    }
    let fields = [cl.text.as_str(), cl.speaker.as_str(), d.and_then(|d| d.outlet.as_deref()).unwrap_or("")];
    let toks: Vec<String> = fields.iter().flat_map(|f| fold(f).split_whitespace().map(String::from).collect::<Vec<_>>()).collect();
    v.q.split_whitespace().all(|w| toks.iter().any(|t| t.starts_with(&fold(w))))
}

/// The values claim `i` has in `facet`, as the URL writes them.
fn naive_values(c: &Corpus, i: usize, facet: Facet) -> Vec<String> {
    let cl = &c.claims[i];
    let d = c.document(&cl.doc);
    let date = cl.date.or_else(|| d.and_then(|d| d.date)).map(|d| d.iso());
    match facet {
        Facet::Speaker => vec![cl.speaker_id.clone()],
        Facet::Side => cl.side.iter().cloned().collect(),
        Facet::Stance => vec![cl.stance.as_str().to_string()],
        Facet::Outlet => vec![d.and_then(|d| d.outlet.clone()).unwrap_or_else(|| "(unknown)".into())],
        Facet::Year => vec![date.map_or_else(|| "undated".into(), |d| d[..4].to_string())],
        Facet::Entity => cl.entities.clone(),
        Facet::Kind => vec![cl.kind.as_str().to_string()],
        Facet::Doc => vec![cl.doc.clone()],
    }
}

#[test]
fn random_views_agree_with_a_naive_filter() {
    let pick = |r: &mut u64, m: usize| {
        *r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((*r >> 33) % m as u64) as usize
    };
    for seed in 0..12u64 {
        let c = random_corpus(seed, 40);
        let index = counterclaim_builder::index::build(&c);
        let mut r = seed + 99;
        for _ in 0..60 {
            let mut v = ViewState::default();
            let opts =
                |r: &mut u64, vals: &[&str]| -> Vec<String> { vals.iter().filter(|_| pick(r, 4) == 0).map(|s| s.to_string()).collect() };
            v.filters[Facet::Speaker] = opts(&mut r, &["ana", "bo", "ed", "zed"]);
            v.filters[Facet::Side] = opts(&mut r, &["a", "b", "c"]);
            v.filters[Facet::Stance] = Stance::ALL.into_iter().filter(|_| pick(&mut r, 3) == 0).map(|x| x.as_str().to_string()).collect();
            v.filters[Facet::Kind] = ClaimKind::ALL.into_iter().filter(|_| pick(&mut r, 4) == 0).map(|x| x.as_str().to_string()).collect();
            v.filters[Facet::Outlet] = opts(&mut r, &["O1", "O3", "(unknown)"]);
            v.filters[Facet::Entity] = opts(&mut r, &["e1", "e2", "e4"]);
            v.filters[Facet::Year] =
                ["2019", "2021", "2023", "undated"].into_iter().filter(|_| pick(&mut r, 5) == 0).map(|y| y.to_string()).collect();
            v.filters[Facet::Doc] = opts(&mut r, &["doc001", "doc002", "doc010", "doc020"]);
            if pick(&mut r, 4) == 0 {
                v.from = Some(["2020", "2021-06", "2022-02-15"][pick(&mut r, 3)].into());
            }
            if pick(&mut r, 4) == 0 {
                v.to = Some(["2021", "2022-06", "2023-02-15"][pick(&mut r, 3)].into());
            }
            v.q = ["", "da", "threat", "REGIME", "def mil", "o2", "ana", "kab bord", "act"][pick(&mut r, 9)].into();
            v.sort = SortKey::ALL[pick(&mut r, 4)];
            let res = index.query(&c, &v);
            let mut got = res.claims.clone();
            got.sort();
            let want: Vec<usize> = (0..c.claims.len()).filter(|&i| naive_matches(&c, i, &v)).collect();
            assert_eq!(got, want, "seed {seed} view {v:?}");
            // Facet counts: the naive filter with that facet cleared.
            for f in &res.facets {
                let mut w = v.clone();
                w.filters[f.facet].clear();
                let under: Vec<usize> = (0..c.claims.len()).filter(|&i| naive_matches(&c, i, &w)).collect();
                let total: usize = f.values.iter().map(|x| x.count).sum();
                let expected: usize = match f.facet {
                    Facet::Entity => under.iter().map(|&i| c.claims[i].entities.len()).sum(),
                    Facet::Side => under.iter().filter(|&&i| c.claims[i].side.is_some()).count(),
                    // Every claim has one outlet value and one year value ("(unknown)", "undated" at worst).
                    Facet::Outlet | Facet::Year => under.len(),
                    _ => under.len(),
                };
                assert_eq!(total, expected, "facet {:?} seed {seed} view {v:?}", f.facet);
                for x in &f.values {
                    assert_eq!(x.selected, v.is_selected(f.facet, &x.value));
                    assert!(x.count > 0 || x.selected);
                    let n = under.iter().filter(|&&i| naive_values(&c, i, f.facet).contains(&x.value)).count();
                    assert_eq!(x.count, n, "{:?} = {} seed {seed} view {v:?}", f.facet, x.value);
                }
            }
        }
    }
}

/// Naive `disagreements`: all eligible pairs, fully sorted.
fn naive_disagreements(c: &Corpus, limit: usize) -> Vec<(usize, usize, f32)> {
    let mut all = Vec::new();
    for (s, _) in c.claims.iter().enumerate().filter(|(_, x)| x.stance == Stance::Supports) {
        for o in opposing(c, s, usize::MAX) {
            let days = |i: usize| c.claims[i].date.map(|d| d.day_number());
            let dist = match (days(s), days(o.claim)) {
                (Some(a), Some(b)) => a.abs_diff(b),
                _ => u64::MAX,
            };
            all.push((s, o.claim, o.score, dist));
        }
    }
    all.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(a.3.cmp(&b.3))
            .then_with(|| c.claims[a.0].id.cmp(&c.claims[b.0].id))
            .then_with(|| c.claims[a.1].id.cmp(&c.claims[b.1].id))
    });
    all.truncate(limit);
    all.into_iter().map(|x| (x.0, x.1, x.2)).collect()
}

#[test]
fn disagreements_agree_with_brute_force() {
    for seed in 0..25u64 {
        let c = random_corpus(seed, 30);
        for limit in [1, 3, 10, 50] {
            assert_eq!(disagreements(&c, limit), naive_disagreements(&c, limit), "seed {seed} limit {limit}");
        }
    }
}

#[test]
fn the_index_finds_a_document_s_claims_as_the_corpus_does() {
    for seed in 0..6u64 {
        let mut c = random_corpus(seed, 30);
        // A claim of a document the corpus does not list.
        let mut orphan = c.claims[0].clone();
        (orphan.id, orphan.doc) = ("orphan-claim".into(), "unlisted-document".into());
        c.claims.push(orphan);
        let index = counterclaim_builder::index::build(&c);
        let mut docs: Vec<String> = c.documents.iter().map(|d| d.id.clone()).collect();
        docs.extend(["unlisted-document".to_string(), "no-such-document".to_string()]);
        let mut some = 0;
        for d in &docs {
            assert_eq!(index.claims_of_doc(d), c.claims_of(d), "seed {seed} document {d}");
            some += usize::from(!c.claims_of(d).is_empty());
        }
        assert!(some > 1, "seed {seed}: documents with claims were checked");
        assert_eq!(index.claims_of_doc("unlisted-document"), vec![c.claims.len() - 1]);
    }
}

#[test]
fn opposing_from_the_index_is_opposing_over_every_claim() {
    let (mut offered, mut cut) = (0, 0);
    for seed in 0..6u64 {
        let mut c = random_corpus(seed, 30);
        // An entity named twice in a claim counts once, in both.
        for cl in c.claims.iter_mut().step_by(5) {
            if let Some(e) = cl.entities.first().cloned() {
                cl.entities.push(e);
            }
        }
        let index = counterclaim_builder::index::build(&c);
        for i in 0..c.claims.len() {
            for limit in [0, 1, 2, 5, 1000] {
                let all = opposing(&c, i, limit);
                assert_eq!(index.opposing(&c, i, limit), all, "index: seed {seed} claim {i} limit {limit}");
                offered += all.len();
                cut += usize::from(all.len() == limit && opposing(&c, i, 1000).len() > limit);
            }
        }
    }
    assert!(offered > 0, "some claims have opposing claims");
    assert!(cut > 0, "some lists were cut at their limit");
}
