//! Aho-Corasick phrase matching for extraction's large lexicons (build time only; the app uses `text::WordMatcher`).
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use counterclaim_core::text::{boundary_after, boundary_before, fold_with_map, leftmost_longest, split_phrases, PhraseMatch, PhraseSplit};

/// Finds whole-word occurrences of many phrases at once (leftmost-longest), each mapped to a value index.
///
/// Phrases are matched folded (case and accent insensitive), except short all-capital acronyms
/// ("IS", "US", "UN"), which only match with their exact case so that the words "is" or "us" do not.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    folded: Option<AhoCorasick>,
    folded_values: Vec<usize>,
    exact: Option<AhoCorasick>,
    exact_values: Vec<usize>,
}

impl PhraseMatcher {
    /// Build from `(phrase, value)` pairs. Empty phrases are ignored.
    pub fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let PhraseSplit { folded: fp, folded_values: fv, exact: ep, exact_values: ev } = split_phrases(phrases);
        let build = |pats: &[String]| {
            (!pats.is_empty()).then(|| {
                // A contiguous NFA, not the DFA `build` would pick for few patterns: it is ready ~10× sooner
                // (the app builds this at start-up) and the texts searched are short.
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(pats)
                    .expect("phrase automaton")
            })
        };
        PhraseMatcher { folded: build(&fp), folded_values: fv, exact: build(&ep), exact_values: ev }
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_none() && self.exact.is_none()
    }

    /// All whole-word, non-overlapping matches in `text`, sorted by position (longest wins on overlap).
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        if let Some(ac) = &self.folded {
            let (f, map) = fold_with_map(text);
            for m in ac.find_overlapping_iter_safe(&f) {
                let (fs, fe) = (m.0, m.1);
                if !boundary_before(&f, fs) || !boundary_after(&f, fe) {
                    continue;
                }
                let start = map[fs];
                let end = if fe < map.len() - 1 { map[fe] } else { text.len() };
                out.push(PhraseMatch { start, end, value: self.folded_values[m.2] });
            }
        }
        if let Some(ac) = &self.exact {
            for m in ac.find_iter(text) {
                if boundary_before(text, m.start()) && boundary_after(text, m.end()) {
                    out.push(PhraseMatch { start: m.start(), end: m.end(), value: self.exact_values[m.pattern().as_usize()] });
                }
            }
        }
        leftmost_longest(out)
    }
}

/// Leftmost-longest matching that still finds a whole-word match when a longer non-word match
/// starts at the same place (e.g. "ISIS-K" inside "ISIS-Khorasan" must fall back to "ISIS").
trait SafeFind {
    fn find_overlapping_iter_safe(&self, hay: &str) -> Vec<(usize, usize, usize)>;
}

impl SafeFind for AhoCorasick {
    fn find_overlapping_iter_safe(&self, hay: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at <= hay.len() {
            let input = aho_corasick::Input::new(hay).span(at..hay.len());
            let Some(m) = self.find(input) else { break };
            if boundary_before(hay, m.start()) && boundary_after(hay, m.end()) {
                out.push((m.start(), m.end(), m.pattern().as_usize()));
                at = m.end();
            } else {
                // Try a shorter whole-word pattern anchored at the same start.
                let mut found = None;
                for end in (m.start() + 1..m.end()).rev() {
                    if !hay.is_char_boundary(end) || !boundary_after(hay, end) {
                        continue;
                    }
                    let sub = aho_corasick::Input::new(hay).span(m.start()..end).anchored(aho_corasick::Anchored::No);
                    if let Some(s) = self.find(sub) {
                        if s.start() == m.start() && s.end() == end {
                            found = Some((s.start(), s.end(), s.pattern().as_usize()));
                            break;
                        }
                    }
                }
                if let Some(f) = found {
                    out.push(f);
                    at = f.1;
                } else {
                    at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use counterclaim_core::text::WordMatcher;

    #[test]
    fn word_matcher_agrees_with_the_automaton_on_the_examples() {
        let phrases = [("Daesh", 0), ("IS", 0), ("Islamic State", 0), ("US", 1), ("ISIS-K", 0), ("ISIS", 0)];
        let text = "The US says IS, or the Islamic State, is Daesh; ISIS-Khorasan and ISIS-K too. Daeshi no. Über DÄESH";
        assert_eq!(WordMatcher::new(phrases).find_all(text), PhraseMatcher::new(phrases).find_all(text));
        assert!(WordMatcher::new([("  ", 0)]).is_empty());
    }

    proptest::proptest! {
        /// Texts and phrases built from pieces that overlap, differ in case and accents, and sit next to
        /// punctuation: the automaton-free matcher finds exactly what the Aho-Corasick one finds.
        #[test]
        fn word_matcher_finds_what_the_automaton_finds(
            phrases in proptest::collection::vec(proptest::collection::vec(0usize..12, 1..4), 1..8),
            text in proptest::collection::vec(0usize..16, 0..40),
        ) {
            const PIECES: [&str; 16] = ["is", "IS", "isis", "ISIS", "-k", "K", "state", "État", "Daesh", "dāesh", "us", "US", " ", ", ", "-", "x"];
            let phrases: Vec<(String, usize)> = phrases.iter().enumerate()
                .map(|(i, p)| (p.iter().map(|&k| PIECES[k]).collect::<Vec<_>>().join(if i % 2 == 0 { " " } else { "" }), i % 3))
                .collect();
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            let refs: Vec<(&str, usize)> = phrases.iter().map(|(p, v)| (p.as_str(), *v)).collect();
            let want: Vec<(usize, usize)> = PhraseMatcher::new(refs.clone()).find_all(&text).iter().map(|m| (m.start, m.end)).collect();
            let got: Vec<(usize, usize)> = WordMatcher::new(refs).find_all(&text).iter().map(|m| (m.start, m.end)).collect();
            proptest::prop_assert_eq!(got, want, "text {:?} phrases {:?}", text, phrases);
        }
    }

    #[test]
    fn phrase_matcher_respects_words_and_acronym_case() {
        let m = PhraseMatcher::new([("Daesh", 0), ("IS", 0), ("Islamic State", 0), ("US", 1), ("ISIS-K", 0), ("ISIS", 0)]);
        let text = "The US says IS, or the Islamic State, is Daesh; ISIS-Khorasan and ISIS-K too. Daeshi no.";
        let found: Vec<&str> = m.find_all(text).iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(found, vec!["US", "IS", "Islamic State", "Daesh", "ISIS", "ISIS-K"]);
    }

    #[test]
    fn phrase_matcher_is_accent_insensitive_and_maps_offsets() {
        let m = PhraseMatcher::new([("daesh", 7)]);
        let text = "Über DÄESH";
        let hits = m.find_all(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "DÄESH");
        assert_eq!(hits[0].value, 7);
    }
}
