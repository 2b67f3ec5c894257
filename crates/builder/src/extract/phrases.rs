//! Word sets and whole-word phrase matching on text folded once (lexicon, topic, entities, actors, sides).
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use counterclaim_core::text::{fold_with_map, split_phrases, PhraseSplit};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hasher for short word keys.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastBuild = BuildHasherDefault<Fnv>;

/// A static list of folded words with hashed lookup built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, FastBuild>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, set: OnceLock::new() }
    }
    pub fn contains(&self, w: &&str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(*w)
    }
}

/// A text with its folded form (see [`counterclaim_core::text::fold`]) and the map back to the original.
#[derive(Debug)]
pub struct Folded<'a> {
    pub text: &'a str,
    pub f: String,
    map: Vec<usize>,
}

impl<'a> Folded<'a> {
    pub fn new(text: &'a str) -> Self {
        // Same folding as `text::fold_with_map`, with a fast path for ASCII.
        let b = text.as_bytes();
        let mut f = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c < 0x80 {
                let run = b[i..].iter().position(|x| *x >= 0x80 || *x == b'`').map_or(b.len(), |p| i + p);
                if run > i {
                    f.push_str(&text[i..run].to_ascii_lowercase());
                    map.extend(i..run);
                    i = run;
                    continue;
                }
            }
            let ch = text[i..].chars().next().unwrap_or(' ');
            let (folded, _) = fold_with_map(&text[i..i + ch.len_utf8()]);
            map.extend(std::iter::repeat_n(i, folded.len()));
            f.push_str(&folded);
            i += ch.len_utf8();
        }
        map.push(text.len());
        Folded { text, f, map }
    }
    /// Original byte offset of folded offset `i`.
    pub fn orig(&self, i: usize) -> usize {
        if i + 1 >= self.map.len() {
            self.text.len()
        } else {
            self.map[i]
        }
    }
    /// Folded offset of original byte offset `o`.
    pub fn folded(&self, o: usize) -> usize {
        self.map.partition_point(|&x| x < o).min(self.f.len())
    }
}

/// A match in folded coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub s: usize,
    pub e: usize,
    pub value: usize,
}

/// Many phrases, each with a value; short all-capital acronyms match with their exact case only.
#[derive(Debug, Clone)]
pub struct Phrases {
    folded: Option<(AhoCorasick, AhoCorasick)>,
    fvals: Vec<usize>,
    exact: Option<(AhoCorasick, AhoCorasick)>,
    evals: Vec<usize>,
}

fn word_char_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(char::is_alphanumeric)
}
fn word_char_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Leftmost-longest whole-word matches of `ll` in `hay`; when the longest match at a place is not a
/// whole word ("RH-K" inside "RH-Kestrel"), the longest whole-word match starting there (`all`).
fn whole_words(ll: &AhoCorasick, all: &AhoCorasick, hay: &str, mut push: impl FnMut(usize, usize, usize)) {
    let mut at = 0;
    while at < hay.len() {
        let Some(m) = ll.find(aho_corasick::Input::new(hay).span(at..hay.len())) else { break };
        if !word_char_before(hay, m.start()) && !word_char_after(hay, m.end()) {
            push(m.start(), m.end(), m.pattern().as_usize());
            at = m.end();
            continue;
        }
        let shorter = all
            .find_overlapping_iter(aho_corasick::Input::new(hay).span(m.start()..m.end()))
            .filter(|x| x.start() == m.start() && !word_char_before(hay, x.start()) && !word_char_after(hay, x.end()))
            .max_by_key(|x| x.end());
        match shorter {
            Some(x) => {
                push(x.start(), x.end(), x.pattern().as_usize());
                at = x.end();
            }
            None => at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

impl Phrases {
    pub fn new<'p>(phrases: impl IntoIterator<Item = (&'p str, usize)>) -> Self {
        let PhraseSplit { folded: fp, folded_values: fv, exact: ep, exact_values: ev } = split_phrases(phrases);
        let build = |pats: &[String]| {
            (!pats.is_empty()).then(|| {
                let ll = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(pats)
                    .expect("phrase automaton");
                let all = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(pats).expect("phrase automaton");
                (ll, all)
            })
        };
        Phrases { folded: build(&fp), fvals: fv, exact: build(&ep), evals: ev }
    }

    /// Whole-word, non-overlapping matches (longest at each start, leftmost first), in folded coordinates.
    pub fn find(&self, t: &Folded) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        if let Some((ll, all)) = &self.folded {
            whole_words(ll, all, &t.f, |s, e, p| out.push(Hit { s, e, value: self.fvals[p] }));
        }
        if let Some((ll, all)) = &self.exact {
            let n = out.len();
            whole_words(ll, all, t.text, |s, e, p| out.push(Hit { s: t.folded(s), e: t.folded(e), value: self.evals[p] }));
            if out.len() > n {
                out.sort_by(|a, b| a.s.cmp(&b.s).then(b.e.cmp(&a.e)));
                let mut kept: Vec<Hit> = Vec::with_capacity(out.len());
                for m in out {
                    if kept.last().is_none_or(|k| m.s >= k.e) {
                        kept.push(m);
                    }
                }
                return kept;
            }
        }
        out
    }

    /// The longest match's value in `s` (first on ties).
    pub fn longest(&self, s: &str) -> Option<usize> {
        let t = Folded::new(s);
        self.find(&t).into_iter().max_by_key(|m| (m.e - m.s, usize::MAX - m.s)).map(|m| m.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_longest_first_and_acronyms_exact() {
        let p = Phrases::new([("Red Hand", 0), ("red", 1), ("RH", 2), ("hand", 3), ("RH-K", 4)]);
        let t = Folded::new("The Red Hand and the rh group; RH, redder hands, RH-Khorasan.");
        let hits: Vec<(&str, usize)> = p.find(&t).iter().map(|h| (&t.text[t.orig(h.s)..t.orig(h.e)], h.value)).collect();
        assert_eq!(hits, vec![("Red Hand", 0), ("RH", 2), ("RH", 2)]);
    }

    #[test]
    fn maps_offsets_through_accents() {
        let p = Phrases::new([("veldor", 0)]);
        let t = Folded::new("Über VÉLDOR’s");
        let h = p.find(&t);
        assert_eq!(&t.text[t.orig(h[0].s)..t.orig(h[0].e)], "VÉLDOR");
    }
}
