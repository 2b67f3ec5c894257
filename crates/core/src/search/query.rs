//! The search syntax: words (prefixes, other word forms, alias-aware names), "literal phrases", `-excluded`,
//! `a OR b`, and `speaker:` / `outlet:` fields, parsed into AND-ed groups of OR-ed atoms.
use super::terms::{folded_words, is_quote};
use super::Term;

/// Which field an atom searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The claim's text, speaker, role, affiliation and outlet.
    Any,
    /// The speaker's name only (`speaker:`).
    Speaker,
    /// The outlet's name only (`outlet:`).
    Outlet,
}

impl Field {
    /// The prefix that selects the field, lower case.
    const PREFIXES: [(&'static str, Field); 2] = [("speaker:", Field::Speaker), ("outlet:", Field::Outlet)];
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Atom {
    /// Folded words (each a prefix or another form of a token; all must match), or a literal phrase.
    pub term: Term,
    /// The words of a `Term::Word` atom (one or more: "ISIS-K" is `isis`, `k`), or of the phrase.
    pub words: Vec<String>,
    pub field: Field,
    /// `-term`: claims that match are left out.
    pub negated: bool,
    /// Byte range in the query of what was typed for the term (without `-`, the field or the quotes).
    pub range: (usize, usize),
    /// Byte offset where the atom starts in the query (at its `-` or field prefix).
    pub start: usize,
    /// Entities whose aliases the (unquoted, unfielded) term names: matched as well as the words.
    pub entities: Vec<usize>,
}

/// A parsed query: every group must match; a group matches when any of its atoms does (`a OR b`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub groups: Vec<Vec<Atom>>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
    pub fn atoms(&self) -> impl Iterator<Item = &Atom> {
        self.groups.iter().flatten()
    }
}

/// A piece of the query before alias grouping.
struct Chunk {
    atom: Atom,
    /// Word ranges in the query (for alias grouping).
    word_ranges: Vec<(usize, usize)>,
    or: bool,
}

/// The `-` and `field:` prefixes of the chunk at `i`: whether it is negated, its field, where its term starts.
fn prefixes(q: &str, mut i: usize) -> (bool, Field, usize) {
    let negated = q[i..].starts_with('-') && q[i + 1..].chars().next().is_some_and(|n| !n.is_whitespace());
    if negated {
        i += 1;
    }
    let prefix = Field::PREFIXES.iter().find(|(p, _)| q[i..].get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    match prefix {
        Some((p, f)) => (negated, *f, i + p.len()),
        None => (negated, Field::Any, i),
    }
}

/// A quoted phrase opening at `open` (a quote character): the chunk (none for empty quotes) and the byte
/// after the closing quote, or `None` when the quote is not closed.
fn phrase(q: &str, open: usize, field: Field, negated: bool, start: usize) -> Option<(Option<Chunk>, usize)> {
    let inner_start = open + q[open..].chars().next()?.len_utf8();
    let end = inner_start + q[inner_start..].find(is_quote)?;
    let ws = folded_words(&q[inner_start..end]);
    let next = end + q[end..].chars().next().map_or(1, char::len_utf8);
    if ws.is_empty() {
        return Some((None, next));
    }
    let range = (inner_start + ws[0].0, inner_start + ws[ws.len() - 1].1);
    let words: Vec<String> = ws.into_iter().map(|w| w.2).collect();
    let term = Term::Phrase(words.join(" "));
    Some((Some(Chunk { atom: Atom { term, words, field, negated, range, start, entities: vec![] }, word_ranges: vec![], or: false }), next))
}

/// The run of words from `i` to the next space or quote: the chunk (the operator `OR`, or none when it
/// holds no word) and where the run ends.
fn word_run(q: &str, i: usize, field: Field, negated: bool, start: usize) -> (Option<Chunk>, usize) {
    let end = q[i..].find(|ch: char| ch.is_whitespace() || is_quote(ch)).map_or(q.len(), |k| i + k);
    let text = &q[i..end];
    let next = end.max(i + 1).min(q.len());
    if text == "OR" && !negated && field == Field::Any {
        return (Some(Chunk { atom: Atom::or_marker(start), word_ranges: vec![], or: true }), next);
    }
    let ws = folded_words(text);
    if ws.is_empty() {
        return (None, next);
    }
    let word_ranges: Vec<(usize, usize)> = ws.iter().map(|w| (i + w.0, i + w.1)).collect();
    let range = (word_ranges[0].0, word_ranges[word_ranges.len() - 1].1);
    let words: Vec<String> = ws.into_iter().map(|w| w.2).collect();
    let term = Term::Word(words.join(" "));
    (Some(Chunk { atom: Atom { term, words, field, negated, range, start, entities: vec![] }, word_ranges, or: false }), next)
}

/// Split the query into chunks: `[-][field:]("phrase" | word-run)`, or the operator `OR`.
fn chunks(q: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < q.len() {
        let c = q[i..].chars().next().expect("in bounds");
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let (negated, field, at) = prefixes(q, i);
        i = at;
        if q[i..].starts_with(is_quote) {
            if let Some((chunk, next)) = phrase(q, i, field, negated, start) {
                out.extend(chunk);
                i = next;
                continue;
            }
            // An unterminated quote (still being typed): what follows counts as plain words.
            i += q[i..].chars().next().map_or(1, char::len_utf8);
            if field == Field::Any && !negated {
                continue;
            }
        }
        let (chunk, next) = word_run(q, i, field, negated, start);
        out.extend(chunk);
        i = next;
    }
    out
}

impl Atom {
    fn or_marker(start: usize) -> Atom {
        Atom {
            term: Term::Word(String::new()),
            words: vec![],
            field: Field::Any,
            negated: false,
            range: (start, start + 2),
            start,
            entities: vec![],
        }
    }

    /// Whether the atom names entities through its words (unquoted, all fields).
    fn plain(&self) -> bool {
        matches!(self.term, Term::Word(_)) && self.field == Field::Any
    }
}

/// Merge the chunks from `k` on that one alias match covers (it starts at chunk `k`'s first word and ends at
/// the end of a word of a later plain chunk) into chunk `k`, with the alias's entities. Returns the chunks used.
fn group_alias(chunks: &mut [Chunk], k: usize, alias: &[(usize, usize, usize)]) -> usize {
    if chunks[k].or || !chunks[k].atom.plain() {
        return 1;
    }
    let s = chunks[k].atom.range.0;
    let joinable = |c: &Chunk| c.atom.plain() && !c.or && !c.atom.negated;
    // The longest alias match starting here that ends at a word end, and the chunk holding that end.
    let mut best: Option<(usize, usize)> = None;
    for &(_, me, _) in alias.iter().filter(|m| m.0 == s) {
        let mut j = k;
        while j + 1 < chunks.len() && joinable(&chunks[j + 1]) && chunks[j + 1].atom.range.0 < me {
            j += 1;
        }
        if chunks[j].word_ranges.iter().any(|r| r.1 == me) && best.is_none_or(|b| me > b.1) {
            best = Some((j, me));
        }
    }
    let Some((last, end)) = best else { return 1 };
    let mut entities: Vec<usize> = Vec::new();
    for m in alias.iter().filter(|m| m.0 == s && m.1 == end) {
        if !entities.contains(&m.2) {
            entities.push(m.2);
        }
    }
    let extra: Vec<String> = chunks[k + 1..=last].iter().flat_map(|c| c.atom.words.clone()).collect();
    let range_end = chunks[last].atom.range.1;
    let head = &mut chunks[k].atom;
    head.words.extend(extra);
    head.term = Term::Word(head.words.join(" "));
    head.range.1 = range_end;
    head.entities = entities;
    last - k + 1
}

/// Parse `q`; `alias` lists the alias matches in `q` as `(start, end, entity)` (see `Highlighter::entity_matches`).
pub fn parse_query(q: &str, alias: &[(usize, usize, usize)]) -> Query {
    let mut cs = chunks(q);
    let mut atoms: Vec<(Atom, bool)> = Vec::new(); // (atom, is OR marker)
    let mut k = 0;
    while k < cs.len() {
        let used = group_alias(&mut cs, k, alias);
        atoms.push((cs[k].atom.clone(), cs[k].or));
        k += used;
    }
    let mut groups: Vec<Vec<Atom>> = Vec::new();
    let mut join = false;
    for (atom, or) in atoms {
        if or {
            join = !groups.is_empty();
            continue;
        }
        match groups.last_mut() {
            Some(g) if join => g.push(atom),
            _ => groups.push(vec![atom]),
        }
        join = false;
    }
    Query { groups }
}

/// `q` with the atom's term written as a literal phrase (`ISIS-K` → `"ISIS-K"`, `-ISIS` → `-"ISIS"`).
pub fn literal_query(q: &str, atom: &Atom) -> String {
    let (a, b) = atom.range;
    format!("{}\"{}\"{}", &q[..a], &q[a..b], &q[b..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(q: &str) -> Vec<Vec<(String, Field, bool, bool)>> {
        parse_query(q, &[])
            .groups
            .iter()
            .map(|g| g.iter().map(|a| (a.words.join(" "), a.field, a.negated, matches!(a.term, Term::Phrase(_)))).collect())
            .collect()
    }

    #[test]
    fn words_phrases_negation_or_and_fields() {
        use Field::*;
        let w = |s: &str, f: Field, neg: bool, ph: bool| (s.to_string(), f, neg, ph);
        assert_eq!(
            shape("daesh \"has been\" destr"),
            vec![vec![w("daesh", Any, false, false)], vec![w("has been", Any, false, true)], vec![w("destr", Any, false, false)]]
        );
        assert_eq!(
            shape("ISIS OR Taliban -Kabul"),
            vec![vec![w("isis", Any, false, false), w("taliban", Any, false, false)], vec![w("kabul", Any, true, false)]]
        );
        assert_eq!(
            shape("speaker:ryder Outlet:\"press tv\" -speaker:qani"),
            vec![vec![w("ryder", Speaker, false, false)], vec![w("press tv", Outlet, false, true)], vec![w("qani", Speaker, true, false)]]
        );
        assert_eq!(shape("ISIS-K"), vec![vec![w("isis k", Any, false, false)]]);
        assert_eq!(shape("or OR"), vec![vec![w("or", Any, false, false)]], "lowercase or is a word; a trailing OR is nothing");
        assert_eq!(
            shape("- a - \"\" speaker:"),
            vec![vec![w("a", Any, false, false)]],
            "a lone minus, empty quotes and an empty field are nothing"
        );
        assert_eq!(
            shape("\"islamic sta"),
            vec![vec![w("islamic", Any, false, false)], vec![w("sta", Any, false, false)]],
            "unterminated quote"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_with_ranges_inside_it(q in "[ a-zA-Z\"“”«»:\\-]{0,24}|\\PC{0,16}") {
            let p = parse_query(&q, &[]);
            for a in p.atoms() {
                proptest::prop_assert!(a.start <= a.range.0 && a.range.0 < a.range.1 && a.range.1 <= q.len());
                proptest::prop_assert!(q.is_char_boundary(a.range.0) && q.is_char_boundary(a.range.1));
                proptest::prop_assert!(!a.words.is_empty());
                let lit = literal_query(&q, a);
                proptest::prop_assert_eq!(lit.len(), q.len() + 2);
            }
        }
    }

    #[test]
    fn alias_matches_group_plain_words_only() {
        // "Islamic State" (0..13) names entity 0; "ISIS-K" (14..20) entity 0 too.
        let q = "Islamic State ISIS-K \"ISIS-K\"";
        let alias = [(0, 13, 0), (14, 20, 0), (22, 28, 0)];
        let p = parse_query(q, &alias);
        let atoms: Vec<&Atom> = p.atoms().collect();
        assert_eq!(atoms.len(), 3);
        assert_eq!((atoms[0].words.join(" "), atoms[0].entities.clone()), ("islamic state".to_string(), vec![0]));
        assert_eq!((atoms[1].words.join(" "), atoms[1].entities.clone()), ("isis k".to_string(), vec![0]));
        assert!(atoms[2].entities.is_empty(), "a quoted name is literal");
        assert_eq!(literal_query(q, atoms[1]), "Islamic State \"ISIS-K\" \"ISIS-K\"");
        let neg = parse_query("-ISIS", &[(1, 5, 0)]);
        let a = neg.atoms().next().unwrap();
        assert!(a.negated && a.entities == vec![0]);
        assert_eq!(literal_query("-ISIS", a), "-\"ISIS\"");
    }
}
