//! Synthetic corpus generator for the benchmarks (issue 10).
//!
//! ```sh
//! cargo run --release -p counterclaim-bench --example gen_corpus -- N OUT_DIR [--seeds DIR] [--rng SEED]
//! ```
//!
//! Writes `N` articles into `OUT_DIR` (created; other `*.txt` files in it are removed, identical ones are
//! left untouched so that a rebuild over the same corpus is incremental), copies
//! `corpus.toml`, and writes `OUT_DIR/claims.json`: the claims the core extracts from the generated corpus
//! (the same `Corpus::build` the CLI export and the app run), as `[{id, text, speaker, role, affiliation,
//! title, outlet}]`, for the MiniSearch comparison. `OUT_DIR/claims.json` is not a `.txt` file, so the
//! build script does not embed it.
//!
//! Every article is made from the seeds at run time (nothing is copied into this file): the clean body
//! paragraphs of every seed (as the core's ingest sees them) are pooled; each article takes 4–9 of them
//! from any seed, in a new order, and perturbs them — speaker names are swapped among a pool (the actors
//! of `corpus.toml` plus invented people, so the speaker facet grows with the corpus), ISIS aliases are
//! varied, years in the text are shifted with the article's date. Headers vary among the four shapes the
//! seeds use (a `date YYYY-MM-DD CITY (Outlet):` header, a weekday date line + title, an outlet line +
//! date line, and a "(Last Updated On: …)" line), with a random date (2019–2025) and an outlet from
//! `corpus.toml`; some articles get page furniture (section names, related headlines) as the seeds have.
//! Deterministic for a given `--rng` (default 10).
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use counterclaim_bench::Rng;
use counterclaim_builder::dates::calendar_date;
use counterclaim_builder::ingest::ingest_text;
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::Document;

// Invented people: first × last names give 168 speakers that no configuration knows.
const FIRST: &[&str] =
    &["Ahmad", "Farid", "Nasrin", "Hamid", "Laila", "Omar", "Sarah", "James", "Elena", "Dmitri", "Reza", "Aisha", "Karim", "Maryam"];
const LAST: &[&str] =
    &["Rahimi", "Noori", "Sadat", "Haqqani", "Wardak", "Mitchell", "Sokolov", "Tehrani", "Baheer", "Stanekzai", "Collins", "Qaderi"];
const TITLE_TEMPLATES: &[&str] = &[
    "{E} Trying to Regroup in Afghanistan: {P}",
    "{P} Says {E} Has Been Defeated",
    "{P}: {E} Poses No Threat to Neighbours",
    "{E} Still Active in Afghanistan, {P} Warns",
    "{P} Rejects Reports of {E} Presence as Baseless",
    "{E} Remains a Real Threat to the Region, Says {P}",
    "Officials Dispute Claims About {E} in Afghanistan",
    "{P} Calls for Cooperation Against {E}",
];
const ISIS_NAMES: &[&str] = &["Daesh", "ISIS", "ISIS-K", "Islamic State", "ISKP", "IS-K"];
const CITIES: &[&str] = &["KABUL", "WASHINGTON", "MOSCOW", "TEHRAN", "ISLAMABAD", "JALALABAD", "DUSHANBE", "ASTANA"];
const MONTHS: &[&str] =
    &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SECTIONS: &[&str] = &["More in Security", "Immigration News", "Latest News", "Related Articles"];

/// A person the speaker swap can use: canonical name and its short (last-word) form.
#[derive(Clone)]
struct Person {
    full: String,
    short: String,
}

fn usage() -> ! {
    eprintln!("usage: gen_corpus N OUT_DIR [--seeds DIR] [--rng SEED]");
    std::process::exit(2)
}

/// The passes: read the seeds, make the cast and the matchers, generate the articles, write them (and only
/// what changed), build the corpus the app will show and write its claims, report.
fn main() {
    let args = Args::parse();
    let t0 = Instant::now();
    let pool = Pool::read(&args.seeds);
    let names = Names::new(&pool.config);
    let mut generator =
        Generator { rng: Rng(0x9E37_79B9_7F4A_7C15 ^ args.rng_seed.wrapping_mul(0x1000_0000_01B3)), pool: &pool, names: &names };
    let files: Vec<(String, String)> = (0..args.n).map(|i| generator.article(i)).collect();
    write_articles(&args.out, &pool.toml, &files);
    let t_gen = t0.elapsed();

    let t1 = Instant::now();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
    let corpus = counterclaim_builder::corpus::build(pool.config.clone(), &refs);
    let t_build = t1.elapsed();
    write_claims(&args.out, &corpus);
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let with = |f: &dyn Fn(&Document) -> bool| corpus.documents.iter().filter(|d| f(d)).count();
    eprintln!(
        "gen_corpus: {} articles, {:.2} MB, in {} ({:.2} s); core build {:.2} s ({:.1} MB/s): {} documents ({} dated, {} with outlet, {} titled), {} claims, {} notes; from {} seed paragraphs",
        args.n,
        bytes as f64 / 1e6,
        args.out.display(),
        t_gen.as_secs_f64(),
        t_build.as_secs_f64(),
        bytes as f64 / 1e6 / t_build.as_secs_f64().max(1e-9),
        corpus.documents.len(),
        with(&|d| d.date.is_some()),
        with(&|d| d.outlet.is_some()),
        with(&|d| d.title.is_some()),
        corpus.claims.len(),
        corpus.notes.len(),
        pool.paragraphs.len(),
    );
}

/// The command line.
struct Args {
    n: usize,
    out: PathBuf,
    seeds: PathBuf,
    rng_seed: u64,
}

impl Args {
    fn parse() -> Args {
        let mut args = std::env::args().skip(1);
        let mut pos = Vec::new();
        let mut seeds = PathBuf::from(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds"));
        let mut rng_seed: u64 = 10;
        while let Some(a) = args.next() {
            match a.as_str() {
                "--seeds" => seeds = PathBuf::from(args.next().unwrap_or_else(|| usage())),
                "--rng" => rng_seed = args.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| usage()),
                "-h" | "--help" => usage(),
                _ => pos.push(a),
            }
        }
        if pos.len() != 2 {
            usage();
        }
        let n: usize = pos[0].replace(['_', ','], "").parse().unwrap_or_else(|_| usage());
        Args { n, out: PathBuf::from(&pos[1]), seeds, rng_seed }
    }
}

/// What the articles are made of: the seeds' clean body paragraphs and page furniture, and their configuration.
struct Pool {
    /// The seeds' `corpus.toml`, copied as it is.
    toml: String,
    config: CorpusConfig,
    paragraphs: Vec<String>,
    furniture: Vec<String>,
}

impl Pool {
    fn read(seeds: &Path) -> Pool {
        let toml = std::fs::read_to_string(seeds.join("corpus.toml")).expect("read corpus.toml of the seeds");
        let folder = counterclaim_builder::load::read_folder(seeds).expect("read the seeds directory");
        let config = folder.config.expect("parse corpus.toml");
        let mut paragraphs: Vec<String> = Vec::new();
        let mut furniture: Vec<String> = Vec::new();
        for (name, bytes) in &folder.files {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let (doc, _) = ingest_text(name, &text, &config);
            for para in &doc.paragraphs {
                let t = doc.paragraph_text(para).trim();
                // Body paragraphs only: a sentence or more (short lines are headers, captions, bylines).
                if t.len() >= 60 {
                    paragraphs.push(t.to_string());
                }
            }
            furniture.extend(doc.related.iter().filter(|r| r.len() < 200).cloned());
        }
        assert!(!paragraphs.is_empty(), "no body paragraphs found in {}", seeds.display());
        Pool { toml, config, paragraphs, furniture }
    }
}

/// Who may speak and how they are found: the configured actors (the first `known` people), then invented
/// people; every actor alias with its actor (and whether it is a multi-word alias); the ISIS names; outlets.
struct Names {
    people: Vec<Person>,
    known: usize,
    actor_ac: AhoCorasick,
    alias_of: Vec<(usize, bool)>,
    isis_ac: AhoCorasick,
    outlets: Vec<String>,
}

impl Names {
    fn new(config: &CorpusConfig) -> Names {
        let mut people: Vec<Person> = config
            .actors
            .iter()
            .map(|a| Person { full: a.name.clone(), short: a.name.split_whitespace().last().unwrap_or(&a.name).to_string() })
            .collect();
        let known = people.len();
        for f in FIRST {
            for l in LAST {
                people.push(Person { full: format!("{f} {l}"), short: (*l).to_string() });
            }
        }
        let mut alias_pats: Vec<String> = Vec::new();
        let mut alias_of: Vec<(usize, bool)> = Vec::new();
        for (i, a) in config.actors.iter().enumerate() {
            for al in std::iter::once(&a.name).chain(a.aliases.iter()) {
                alias_pats.push(al.clone());
                alias_of.push((i, al.split_whitespace().count() > 1));
            }
        }
        let leftmost_longest = |pats: &[&str]| AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(pats);
        let alias_refs: Vec<&str> = alias_pats.iter().map(String::as_str).collect();
        let actor_ac = leftmost_longest(&alias_refs).expect("alias matcher");
        let isis_ac = leftmost_longest(&["ISIS-Khorasan", "ISIS-K", "ISIS", "Daesh", "Islamic State"]).expect("isis matcher");
        let outlets = config.outlets.iter().map(|o| o.name.clone()).collect();
        Names { people, known, actor_ac, alias_of, isis_ac, outlets }
    }
}

/// Makes one article after another from the pool; every random choice is drawn here, in a fixed order.
struct Generator<'a> {
    rng: Rng,
    pool: &'a Pool,
    names: &'a Names,
}

impl Generator<'_> {
    /// Article number `i`: its file name and text.
    fn article(&mut self, i: usize) -> (String, String) {
        let names = self.names;
        // This article's cast: each known actor is played by someone from the pool (often themselves).
        let cast: Vec<usize> = (0..names.known).map(|a| if self.rng.chance(35) { a } else { self.rng.below(names.people.len()) }).collect();
        let isis = *self.rng.pick(ISIS_NAMES);
        let date = (self.rng.range(2019, 2025), self.rng.range(1, 12), self.rng.range(1, 28));
        let outlet = self.rng.pick(&names.outlets).clone();
        let mut body = self.body(&cast, isis, date.0 as i32);
        let star = &names.people[cast[self.rng.below(names.known)]];
        let title = self.rng.pick(TITLE_TEMPLATES).replace("{E}", isis).replace("{P}", &star.short);
        let mut text = self.header(&title, &outlet, date, &mut body);
        text.push_str(&body.join("\n\n"));
        text.push('\n');
        self.furniture(&mut text);
        (format!("{i:05}_{:016x}.txt", self.rng.next_u64()), text)
    }

    /// 4–9 seed paragraphs (no repeat while others are left) with the cast's names, one ISIS name and the
    /// article's years.
    fn body(&mut self, cast: &[usize], isis: &str, year: i32) -> Vec<String> {
        let (pool, names) = (self.pool, self.names);
        let k = self.rng.range(4, 9);
        let mut body: Vec<String> = Vec::with_capacity(k);
        let mut used = Vec::new();
        while body.len() < k {
            let j = self.rng.below(pool.paragraphs.len());
            if used.contains(&j) && used.len() < pool.paragraphs.len() {
                continue;
            }
            used.push(j);
            let p = swap_names(&pool.paragraphs[j], &names.actor_ac, &names.alias_of, cast, &names.people);
            let p = replace_all(&p, &names.isis_ac, isis);
            body.push(shift_years(&p, year));
        }
        body
    }

    /// One of the seeds' four header shapes; the first takes the first body paragraph into its date line.
    fn header(&mut self, title: &str, outlet: &str, (y, m, d): (usize, usize, usize), body: &mut Vec<String>) -> String {
        let date_long = format!("{} {d}, {y}", MONTHS[m - 1]);
        let mut text = String::new();
        match self.rng.below(4) {
            0 => {
                // [Title] date YYYY-MM-DD CITY (Outlet): first paragraph
                if self.rng.chance(60) {
                    text.push_str(&format!("{title}\n\n"));
                }
                text.push_str(&format!(" date {y}-{m:02}-{d:02} {} ({outlet}): {}\n\n", self.rng.pick(CITIES), body[0]));
                body.remove(0);
            }
            1 => {
                let date = calendar_date(y as i32, m as u8, d as u8).expect("day 1-28 is valid");
                let wd = WEEKDAYS[date.weekday_from_monday() as usize];
                text.push_str(&format!("{wd}, {date_long}\n\n{title}\n\n"));
                if self.rng.chance(50) {
                    text.push_str(&format!("{}\n\n", self.rng.pick(SECTIONS)));
                }
                let author = &self.names.people[self.rng.range(self.names.known, self.names.people.len() - 1)].full;
                text.push_str(&format!("{author}\n{author} holds a B.A. degree in Journalism. He works as an Editor for {outlet}.\n\n"));
            }
            2 => text.push_str(&format!("{outlet}\n\n{date_long}\n\n{title}\n\n")),
            _ => text.push_str(&format!("{title}\n\n(Last Updated On: {date_long})\n\n")),
        }
        text
    }

    /// Page furniture after the article, sometimes: a section name and a few related headlines.
    fn furniture(&mut self, text: &mut String) {
        let furniture = &self.pool.furniture;
        if !furniture.is_empty() && self.rng.chance(30) {
            text.push_str(&format!("\n{}\n\n", self.rng.pick(SECTIONS)));
            for _ in 0..self.rng.range(1, 3) {
                text.push_str(&format!("{}\n\n", self.rng.pick(furniture)));
            }
        }
    }
}

/// Write `corpus.toml` and the articles into `out`, leaving identical files untouched (the build script's
/// rerun-if-changed then sees the same corpus), and remove the articles of an earlier, different run.
fn write_articles(out: &Path, toml: &str, files: &[(String, String)]) {
    std::fs::create_dir_all(out).expect("create OUT_DIR");
    let write_if_changed = |path: &Path, text: &str, what: &str| {
        if std::fs::read(path).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(path, text).unwrap_or_else(|e| panic!("write {what}: {e}"));
        }
    };
    write_if_changed(&out.join("corpus.toml"), toml, "corpus.toml");
    for (name, text) in files {
        write_if_changed(&out.join(name), text, "an article");
    }
    let keep: std::collections::HashSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for e in std::fs::read_dir(out).expect("read OUT_DIR").filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && !keep.contains(name.as_str()) {
            std::fs::remove_file(e.path()).expect("remove an old article");
        }
    }
}

/// `out/claims.json`: the claims the app will show, with the fields MiniSearch indexes.
fn write_claims(out: &Path, corpus: &Corpus) {
    let docs: BTreeMap<&str, (&str, &str)> =
        corpus.documents.iter().map(|d| (d.id.as_str(), (d.title.as_deref().unwrap_or(""), d.outlet.as_deref().unwrap_or("")))).collect();
    let claims: Vec<serde_json::Value> = corpus
        .claims
        .iter()
        .map(|c| {
            let (title, outlet) = docs.get(c.doc.as_str()).copied().unwrap_or(("", ""));
            serde_json::json!({
                "id": c.id, "text": c.text, "speaker": c.speaker,
                "role": c.role.as_deref().unwrap_or(""), "affiliation": c.affiliation.as_deref().unwrap_or(""),
                "title": title, "outlet": outlet,
            })
        })
        .collect();
    std::fs::write(out.join("claims.json"), serde_json::to_string(&claims).unwrap()).expect("write claims.json");
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Replace every whole-word actor alias with the name of whoever plays that actor in this article.
fn swap_names(s: &str, ac: &AhoCorasick, alias_of: &[(usize, bool)], cast: &[usize], people: &[Person]) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut last = 0;
    for m in ac.find_iter(s) {
        if is_word(s[..m.start()].chars().next_back()) || is_word(s[m.end()..].chars().next()) {
            continue;
        }
        let (actor, multi) = alias_of[m.pattern().as_usize()];
        let p = &people[cast[actor]];
        out.push_str(&s[last..m.start()]);
        out.push_str(if multi { &p.full } else { &p.short });
        last = m.end();
    }
    out.push_str(&s[last..]);
    out
}

fn replace_all(s: &str, ac: &AhoCorasick, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for m in ac.find_iter(s) {
        if is_word(s[..m.start()].chars().next_back()) || is_word(s[m.end()..].chars().next()) {
            continue;
        }
        out.push_str(&s[last..m.start()]);
        out.push_str(with);
        last = m.end();
    }
    out.push_str(&s[last..]);
    out
}

/// Years 2015–2025 in the text move with the article: the latest becomes the article's year.
fn shift_years(s: &str, year: i32) -> String {
    let b = s.as_bytes();
    let years: Vec<(usize, i32)> = (0..b.len().saturating_sub(3))
        .filter(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && (i + 4 == b.len() || !b[i + 4].is_ascii_alphanumeric())
        })
        .filter_map(|i| s[i..i + 4].parse::<i32>().ok().filter(|y| (2015..=2025).contains(y)).map(|y| (i, y)))
        .collect();
    let Some(max) = years.iter().map(|&(_, y)| y).max() else { return s.to_string() };
    let mut out = s.to_string();
    for &(i, y) in years.iter().rev() {
        out.replace_range(i..i + 4, &(y + year - max).to_string());
    }
    out
}
