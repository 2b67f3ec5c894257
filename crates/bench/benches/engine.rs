//! Query-engine benchmarks over synthetic corpora of 100 / 1,000 / 10,000 documents (5 claims each): index build, facet toggles, typed searches.
//
// Run with `cargo bench -p counterclaim-bench --bench engine`. Prints a p50/p95 table per size first, then the criterion runs.
// `ENGINE_SIZES="10000 100000"` sets the sizes (documents); `ENGINE_REPORT_ONLY=1` stops after the table.
// The corpus is generated here by recombining phrases and seed text; nothing is written to disk.
use std::hint::black_box;
use std::time::{Duration, Instant};

use counterclaim_bench::Rng;
use counterclaim_core::compare::{disagreements, opposing};
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::date::PartialDate;
use counterclaim_core::highlight::{segments, Highlighter, Marks};
use counterclaim_core::model::{claim_id, Claim, ClaimKind, Document, Stance};
use counterclaim_core::search::Index;
use counterclaim_core::view::{Facet, SortKey, ViewState};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 3] = [100, 1_000, 10_000];
const CLAIMS_PER_DOC: usize = 5;

/// The corpus sizes: `ENGINE_SIZES` (space-separated document counts, e.g. "10000 100000"), else `SIZES`.
fn sizes() -> Vec<usize> {
    let given: Vec<usize> = std::env::var("ENGINE_SIZES").unwrap_or_default().split_whitespace().filter_map(|n| n.parse().ok()).collect();
    if given.is_empty() {
        SIZES.to_vec()
    } else {
        given
    }
}

const SUBJECTS: &[&str] = &[
    "Daesh",
    "ISIS-K",
    "the Islamic State",
    "al-Qaeda",
    "the TTP",
    "militant groups",
    "terrorist groups",
    "Islamic State Khorasan Province",
    "foreign fighters",
    "the group",
    "Daesh branches",
    "ISKP cells",
];
/// (phrase, stance) — the cue decides the stance.
const PREDICATES: &[(&str, Stance)] = &[
    ("has been destroyed", Stance::Refutes),
    ("has no presence", Stance::Refutes),
    ("is defeated", Stance::Refutes),
    ("poses no threat", Stance::Refutes),
    ("was eliminated", Stance::Refutes),
    ("remains active", Stance::Supports),
    ("poses a serious threat", Stance::Supports),
    ("is growing", Stance::Supports),
    ("has increased activities", Stance::Supports),
    ("recruits fighters", Stance::Supports),
    ("operates training camps", Stance::Supports),
    ("was discussed", Stance::Neutral),
    ("will be reviewed", Stance::Neutral),
];
const PLACES: &[&str] = &[
    "in Afghanistan",
    "near the northern border",
    "in Kabul",
    "in Central Asia",
    "in Pakistan",
    "across the region",
    "in Nangarhar",
    "in Kunar",
    "along the Tajik border",
    "in Herat",
    "in Kunduz",
    "inside Iran",
];
const TAILS: &[&str] = &[
    "according to intelligence reports",
    "officials said",
    "this year",
    "despite earlier claims",
    "once again",
    "for now",
    "as security forces reported",
    "in recent months",
    "after several attacks",
    "the ministry said",
    "with support from abroad",
    "according to local sources",
];
const FIRST: &[&str] = &[
    "Abdul",
    "Zabihullah",
    "Mateen",
    "Alexander",
    "Sergei",
    "Zamir",
    "Pat",
    "Lloyd",
    "Kenneth",
    "Nasser",
    "Hamid",
    "Roza",
    "Richard",
    "Maria",
    "Ahmad",
    "Mohammad",
    "Javad",
    "Emomali",
    "Kassym",
    "Fatima",
];
const LAST: &[&str] = &[
    "Qani",
    "Mujahid",
    "Bortnikov",
    "Lavrov",
    "Kabulov",
    "Ryder",
    "Austin",
    "McKenzie",
    "Kanaani",
    "Karzai",
    "Otunbayeva",
    "Bennett",
    "Zakharova",
    "Wali",
    "Rahimi",
    "Araghchi",
    "Rahmon",
    "Tokayev",
    "Noori",
    "Safi",
];
const SIDES: &[Option<&str>] = &[
    Some("islamic-emirate"),
    Some("us-government"),
    Some("russia"),
    Some("iran"),
    Some("pakistan"),
    Some("un"),
    Some("analyst"),
    Some("media"),
    None,
];
const ROLES: &[&str] = &["spokesman", "director", "minister", "envoy", "analyst", "senior official", "commander"];
const OUTLETS: &[&str] = &["Ariana News", "Khaama Press", "Press TV", "TOLOnews", "Pajhwok Afghan News", "Amu TV"];
const TITLE_WORDS: &[&str] =
    &["Security", "threat", "Daesh", "Kabul", "warns", "officials", "border", "attack", "region", "talks", "report"];

fn seeds_config() -> CorpusConfig {
    counterclaim_builder::config::parse(include_str!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/corpus.toml")))
        .expect("seeds/corpus.toml parses")
}

/// The words of the seed articles, in order (a natural word stream to cut windows from).
fn seed_words() -> Vec<String> {
    let folder =
        counterclaim_builder::load::read_folder(std::path::Path::new(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds"))).expect("seeds/");
    let mut out: Vec<String> = folder
        .files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.contains('<') && !w.contains('>'))
        .collect();
    if out.len() < 100 {
        // No seeds: fall back to the phrase lists.
        out = TAILS.iter().chain(PLACES).flat_map(|t| t.split(' ')).map(str::to_string).collect();
    }
    out
}

/// Pseudo-words (names, places, rare words) so the vocabulary grows with the corpus like real text does.
fn pseudo_words() -> Vec<String> {
    const SYL: &[&str] = &[
        "ka", "ra", "zi", "mo", "tal", "bar", "shi", "qan", "dar", "hel", "ma", "nu", "gol", "ab", "sar", "ti", "kho", "pa", "le", "rud",
        "jan", "was", "fe", "ul", "bek", "ze", "ir", "do", "han", "om", "sta", "vi",
    ];
    let mut out = Vec::with_capacity(SYL.len().pow(3));
    for a in SYL {
        for b in SYL {
            out.push(format!("{a}{b}"));
            for c in SYL {
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    let mut rng = Rng(42);
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    out
}

/// Zipf-like (log-uniform) index below `n`: a few words are common, most are rare.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
}

/// `n_docs` documents with [`CLAIMS_PER_DOC`] claims each: a structured clause (subject, stance cue, place,
/// attribution) followed by a window of seed text in which some words are swapped for pseudo-words.
fn synth(n_docs: usize, config: &CorpusConfig) -> Corpus {
    let hl = Highlighter::new(config);
    let seeds = seed_words();
    let pseudo = pseudo_words();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n_docs as u64);
    let mut documents = Vec::with_capacity(n_docs);
    let mut claims = Vec::with_capacity(n_docs * CLAIMS_PER_DOC);
    for d in 0..n_docs {
        let id = format!("{d:05}_{:016x}", rng.next_u64());
        let date = PartialDate::ymd(2019 + rng.below(6) as i32, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8).expect("a valid day");
        let title = (0..4 + rng.below(4))
            .map(|_| if rng.below(3) == 0 { pseudo[zipf(&mut rng, pseudo.len())].clone() } else { rng.pick(TITLE_WORDS).to_string() })
            .collect::<Vec<_>>()
            .join(" ");
        let mut body = String::new();
        for _ in 0..CLAIMS_PER_DOC {
            let (pred, stance) = PREDICATES[rng.below(PREDICATES.len())];
            let mut text = format!("{} {} {}, {}", rng.pick(SUBJECTS), pred, rng.pick(PLACES), rng.pick(TAILS));
            text = text[..1].to_uppercase() + &text[1..];
            let len = 6 + rng.below(14);
            let at = rng.below(seeds.len().saturating_sub(len).max(1));
            text.push_str(" — ");
            for (k, w) in seeds[at..(at + len).min(seeds.len())].iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                if rng.below(5) == 0 {
                    text.push_str(&pseudo[zipf(&mut rng, pseudo.len())]);
                } else {
                    text.push_str(w);
                }
            }
            let speaker = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            let side = SIDES[rng.below(SIDES.len())];
            let mut entities: Vec<String> = Vec::new();
            for (_, _, e) in hl.entity_spans(&text) {
                if !entities.contains(&e) {
                    entities.push(e);
                }
            }
            let start = body.len();
            body.push_str(&text);
            body.push_str("\n\n");
            let cue_word = pred.split(' ').next_back().unwrap_or(pred).to_string();
            claims.push(Claim {
                id: claim_id(&id, &text),
                doc: id.clone(),
                speaker_id: counterclaim_core::model::slug(&speaker),
                speaker,
                role: Some(rng.pick(ROLES).to_string()),
                affiliation: side.map(|s| config.side_label(s).to_string()),
                side: side.map(str::to_string),
                end: start + text.len(),
                start,
                pieces: vec![],
                text,
                kind: if rng.below(2) == 0 { ClaimKind::Direct } else { ClaimKind::Indirect },
                cue: Some("said".into()),
                stance,
                stance_cues: vec![cue_word],
                stance_confidence: 1.0,
                stance_rule: String::new(),
                speaker_confidence: 1.0,
                entities,
                date: Some(date),
                corrected: None,
            });
        }
        documents.push(Document {
            file: format!("{id}.txt"),
            id,
            title: Some(title),
            outlet: Some(rng.pick(OUTLETS).to_string()),
            date: Some(date),
            date_source: None,
            dateline: None,
            author: None,
            body,
            paragraphs: vec![],
            related: vec![],
            extras: vec![],
        });
    }
    Corpus::new(config.clone(), documents, claims, vec![])
}

/// A fixed sequence of facet toggles, each state cumulative, as a user would click them.
fn toggles(c: &Corpus) -> Vec<ViewState> {
    let mut out = Vec::new();
    let mut v = ViewState::default();
    out.push(v.clone());
    v.filters[Facet::Stance] = vec!["refutes".into()];
    out.push(v.clone());
    v.filters[Facet::Side] = vec!["islamic-emirate".into()];
    out.push(v.clone());
    v.filters[Facet::Side].push("russia".into());
    out.push(v.clone());
    v.filters[Facet::Entity] = vec!["isis".into()];
    out.push(v.clone());
    v.filters[Facet::Year] = vec!["2023".into()];
    out.push(v.clone());
    v.filters[Facet::Outlet] = vec!["TOLOnews".into(), "Press TV".into()];
    out.push(v.clone());
    v.filters[Facet::Kind] = vec!["direct".into()];
    out.push(v.clone());
    v.filters[Facet::Stance].clear();
    out.push(v.clone());
    v.filters[Facet::Speaker] = vec![c.claims[0].speaker_id.clone()];
    out.push(v.clone());
    v.filters[Facet::Doc] = vec![c.documents[0].id.clone()];
    out.push(v.clone());
    let mut v = ViewState { from: Some("2021-03".into()), to: Some("2022-06-30".into()), ..ViewState::default() };
    out.push(v.clone());
    v.sort = SortKey::Speaker;
    out.push(v.clone());
    v.sort = SortKey::Document;
    v.filters[Facet::Entity] = vec!["taliban".into(), "ttp".into()];
    out.push(v.clone());
    out.push(ViewState { sort: SortKey::Oldest, ..ViewState::default() });
    out
}

/// Queries typed character by character: every prefix of each.
fn typed() -> Vec<ViewState> {
    let queries =
        ["daesh", "isis", "islamic state", "afghanistan threat", "\"increased activities\"", "kabul", "mujahid", "tolonews", "zzz"];
    let mut out = Vec::new();
    for q in queries {
        for (i, _) in q.char_indices().skip(1).chain([(q.len(), ' ')]) {
            out.push(ViewState { q: q[..i].to_string(), ..ViewState::default() });
        }
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// Time every view `rounds` times; p50/p95/max over all samples.
fn latencies(index: &Index, c: &Corpus, views: &[ViewState], rounds: usize) -> (Duration, Duration, Duration) {
    let mut samples = Vec::with_capacity(views.len() * rounds);
    for v in views {
        black_box(index.query(c, v)); // warm
    }
    for _ in 0..rounds {
        for v in views {
            let t = Instant::now();
            black_box(index.query(c, v));
            samples.push(t.elapsed());
        }
    }
    samples.sort();
    (percentile(&samples, 0.5), percentile(&samples, 0.95), *samples.last().expect("samples"))
}

fn report(corpora: &[(usize, Corpus)]) {
    println!();
    println!("engine latency (native, bench profile; ms)");
    println!(
        "{:>7} {:>7} {:>9} | {:>9} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} | {:>9} {:>9} {:>11}",
        "docs",
        "claims",
        "vocab",
        "index",
        "filt p50",
        "filt p95",
        "filt max",
        "srch p50",
        "srch p95",
        "srch max",
        "opposing",
        "opp/index",
        "disagree50"
    );
    for (n, c) in corpora {
        let t = Instant::now();
        let index = counterclaim_builder::index::build(c);
        let build = t.elapsed();
        let (f50, f95, fmax) = latencies(&index, c, &toggles(c), 5);
        let (s50, s95, smax) = latencies(&index, c, &typed(), 5);
        // Opposing claims (the reader's list) for 20 claims spread over the corpus: the mean time of one, by a pass over
        // every claim and from the index's candidates.
        let sample: Vec<usize> = (0..20).map(|k| k * c.claims.len() / 20).collect();
        let t = Instant::now();
        for &i in &sample {
            black_box(opposing(c, i, 20));
        }
        let opp = t.elapsed() / 20;
        let t = Instant::now();
        for &i in &sample {
            black_box(index.opposing(c, i, 20));
        }
        let opp_index = t.elapsed() / 20;
        let t = Instant::now();
        black_box(disagreements(c, 50));
        let dis = t.elapsed();
        println!(
            "{:>7} {:>7} {:>9} | {:>9} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} | {:>9} {:>9} {:>11}",
            n,
            c.claims.len(),
            index.vocabulary_len(),
            ms(build),
            ms(f50),
            ms(f95),
            ms(fmax),
            ms(s50),
            ms(s95),
            ms(smax),
            ms(opp),
            ms(opp_index),
            ms(dis)
        );
    }
    println!();
}

fn benches(cr: &mut Criterion) {
    let config = seeds_config();
    let corpora: Vec<(usize, Corpus)> = sizes().into_iter().map(|n| (n, synth(n, &config))).collect();
    report(&corpora);
    if std::env::var_os("ENGINE_REPORT_ONLY").is_some() {
        return;
    }

    let mut g = cr.benchmark_group("index_new");
    g.sample_size(10);
    for (n, c) in &corpora {
        g.throughput(Throughput::Elements(c.claims.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), c, |b, c| b.iter(|| counterclaim_builder::index::build(black_box(c))));
    }
    g.finish();

    for (name, make) in [("query_toggles", toggles as fn(&Corpus) -> Vec<ViewState>), ("query_typed", |_: &Corpus| typed())] {
        let mut g = cr.benchmark_group(name);
        g.sample_size(20);
        for (n, c) in &corpora {
            let index = counterclaim_builder::index::build(c);
            let views = make(c);
            // Throughput in queries: one iteration runs the whole list.
            g.throughput(Throughput::Elements(views.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), c, |b, c| {
                b.iter(|| {
                    for v in &views {
                        black_box(index.query(c, v));
                    }
                })
            });
        }
        g.finish();
    }

    // Rendering work per result page: hit spans + entity/cue spans + segments for 50 cards.
    let mut g = cr.benchmark_group("mark_50_cards");
    let (_, c) = corpora.last().expect("corpora");
    let index = counterclaim_builder::index::build(c);
    let hl = Highlighter::new(&c.config);
    g.throughput(Throughput::Elements(50));
    g.bench_function("10000", |b| {
        b.iter(|| {
            for cl in c.claims.iter().take(50) {
                let marks = Marks {
                    entities: hl.entity_spans(&cl.text),
                    cues: hl.cue_spans(&cl.text, &cl.stance_cues),
                    hits: index.hit_spans(&cl.text, "isis thr"),
                    shared: vec![],
                };
                black_box(segments(&cl.text, &marks));
            }
        })
    });
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
