//! Smoke fuzzing on stable (issue 11): ~20,000 random and mutated inputs, from a fixed seed, through
//! ingest, claim extraction and the URL decoder. Nothing may panic, and what comes out must hold:
//! paragraph and claim spans in bounds and on char boundaries, decoded link states that re-encode stably.
//! The coverage-guided targets are in fuzz/ (`cargo fuzz run ingest|extract|url_decode`, nightly).
//! `FUZZ_SMOKE_N` sets the number of inputs per target; `FUZZ_SMOKE_SEED` the seed.
use counterclaim_builder::extract::extract;
use counterclaim_builder::ingest::ingest_all;
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::view::{canonical, decode, encode};

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

fn n_inputs() -> usize {
    std::env::var("FUZZ_SMOKE_N").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000)
}

fn rng() -> Rng {
    let seed = std::env::var("FUZZ_SMOKE_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x00C0_FFEE_u64);
    Rng(seed | 1)
}

fn config() -> CorpusConfig {
    counterclaim_builder::config::parse(include_str!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/corpus.toml")))
        .expect("seeds/corpus.toml parses")
}

/// Pieces that article text is made of, and that break naive code: quotes of every kind, cue verbs,
/// names from the corpus, line endings, multi-byte and invisible characters, markup.
const TOKENS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "said",
    " said ",
    "told reporters",
    "according to",
    "added",
    "stated",
    "\"",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "Mujahid",
    "Ryder",
    "the Pentagon",
    "Daesh",
    "ISIS-K",
    "Afghanistan",
    "Taliban",
    "Islamic Emirate",
    "is active",
    "is not",
    "defeated",
    "threat",
    "no presence",
    ".",
    ",",
    ":",
    "—",
    "-",
    "(",
    ")",
    "date 2024-01-01",
    "KABUL (Ariana News):",
    "March 3, 2024",
    "é",
    "e\u{301}",
    "𝄞",
    "😀",
    "داعش",
    "ذبیح‌الله",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;",
    "&amp;",
    "javascript:",
    "Related:",
    "Advertisement",
    "Share this",
    "Comments",
    "Read more",
];

const SEEDS: &[&[u8]] = &[
    include_bytes!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/000_9b11820a0472705f.txt")),
    include_bytes!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/001_65920ad7e18d557e.txt")),
    include_bytes!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/002_a46a3c03e0c68934.txt")),
    include_bytes!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/003_8091dc17ddfb0fda.txt")),
    include_bytes!(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/004_e956327f14fe6790.txt")),
];

fn random_bytes(r: &mut Rng, max: usize) -> Vec<u8> {
    let n = r.below(max + 1);
    (0..n).map(|_| r.next() as u8).collect()
}

fn token_text(r: &mut Rng, max_tokens: usize) -> Vec<u8> {
    let n = r.below(max_tokens + 1);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(r.pick(TOKENS));
    }
    s.into_bytes()
}

/// A window of a seed article with a few byte-level mutations (which may split UTF-8 sequences).
fn mutated_seed(r: &mut Rng) -> Vec<u8> {
    let seed = r.pick(SEEDS);
    let start = r.below(seed.len());
    let len = 1 + r.below(3000);
    let mut v = seed[start..(start + len).min(seed.len())].to_vec();
    for _ in 0..r.below(8) {
        let at = r.below(v.len() + 1);
        match r.below(6) {
            0 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] = r.next() as u8;
            }
            1 => {
                let end = (at + r.below(64)).min(v.len());
                v.drain(at..end);
            }
            2 => {
                let t = r.pick(TOKENS).as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            3 => {
                let end = (at + r.below(200)).min(v.len());
                let dup = v[at..end].to_vec();
                v.splice(at..at, dup);
            }
            4 => v.truncate(at),
            _ => {
                let t = token_text(r, 20);
                v.splice(at..at, t);
            }
        }
    }
    v
}

fn input(r: &mut Rng) -> Vec<u8> {
    match r.below(10) {
        0..=1 => random_bytes(r, 300),
        2..=4 => token_text(r, 120),
        _ => mutated_seed(r),
    }
}

#[test]
fn ingest_and_extraction_survive_random_and_mutated_articles() {
    let config = config();
    let mut r = rng();
    let (mut docs_seen, mut claims_seen, mut notes_seen) = (0usize, 0usize, 0usize);
    for i in 0..n_inputs() {
        let bytes = input(&mut r);
        let name = format!("fuzz_{i:05}.txt");
        let (docs, notes) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ingest_all(&[(name.as_str(), &bytes[..])], &config)))
            .unwrap_or_else(|_| panic!("ingest panicked on input #{i}: {:?}", String::from_utf8_lossy(&bytes)));
        assert!(docs.len() + notes.len() >= 1, "input #{i} neither became a document nor a note");
        notes_seen += notes.len();
        for d in &docs {
            docs_seen += 1;
            let mut last = 0;
            for p in &d.paragraphs {
                assert!(
                    last <= p.start && p.start <= p.end && p.end <= d.body.len(),
                    "input #{i}: paragraph {p:?}, body {} bytes",
                    d.body.len()
                );
                assert!(d.body.is_char_boundary(p.start) && d.body.is_char_boundary(p.end), "input #{i}: paragraph off a char boundary");
                last = p.end;
            }
            let claims = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(d, &config)))
                .unwrap_or_else(|_| panic!("extract panicked on input #{i}: {:?}", d.body));
            for c in &claims {
                claims_seen += 1;
                assert!(c.start <= c.end && c.end <= d.body.len(), "input #{i}: claim {}..{} of {} bytes", c.start, c.end, d.body.len());
                assert!(d.body.is_char_boundary(c.start) && d.body.is_char_boundary(c.end), "input #{i}: claim span off a char boundary");
                assert_eq!(c.doc, d.id);
                assert!(!c.id.is_empty(), "input #{i}: claim without an id");
            }
        }
    }
    eprintln!("fuzz smoke: {} inputs → {docs_seen} documents, {claims_seen} claims, {notes_seen} notes", n_inputs());
    assert!(docs_seen > n_inputs() / 2, "most inputs become documents");
}

/// Pieces of links: keys, values, separators, escapes good and bad.
const URL_TOKENS: &[&str] = &[
    "?",
    "#",
    "&",
    "=",
    "==",
    "q",
    "stance",
    "refutes",
    "supports",
    "neutral",
    "speaker",
    "side",
    "outlet",
    "entity",
    "kind",
    "docs",
    "year",
    "cmp",
    "cmpdocs",
    "doc",
    "claim",
    "who",
    "sort",
    "panel",
    "oldest",
    "newest",
    "claims",
    "disagreements",
    ",",
    "%2C",
    "%",
    "%2",
    "%zz",
    "%00",
    "%E2%80%AE",
    "%C3%A9",
    "%FF",
    "%C0%AF",
    "+",
    "%20",
    "2024",
    "2019-11",
    "-1",
    "99999999999",
    "<script>",
    "javascript:alert(1)",
    "é",
    "😀",
    "\u{202e}",
    "\u{0}",
    "a",
    "b",
    "c1",
    "000_9b11820a0472705f",
];

#[test]
fn the_url_decoder_survives_random_and_malformed_links() {
    let mut r = rng();
    for i in 0..n_inputs() {
        let raw = if r.below(4) == 0 {
            String::from_utf8_lossy(&random_bytes(&mut r, 200)).into_owned()
        } else {
            let mut s = String::new();
            for _ in 0..r.below(40) {
                s.push_str(r.pick(URL_TOKENS));
            }
            s
        };
        let d = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| decode(&raw)))
            .unwrap_or_else(|_| panic!("decode panicked on #{i}: {raw:?}"));
        assert_eq!(canonical(d.state.clone()), d.state, "#{i} {raw:?}: the decoded state is canonical");
        let e = encode(&d.state);
        let again = decode(&e);
        assert_eq!(again.state, d.state, "#{i} {raw:?} encoded as {e:?}");
        assert!(again.notices.is_empty(), "#{i}: notices on the app's own link {e:?}: {:?}", again.notices);
        assert_eq!(encode(&again.state), e, "#{i}: encoding is stable");
    }
}
