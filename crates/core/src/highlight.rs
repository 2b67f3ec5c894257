//! Marked text without raw HTML: entity, stance-cue, search-hit and shared-word spans merged into flat segments;
//! and the reader's paragraphs cut into plain runs and claim spans.
use std::cell::RefCell;
use std::cmp::Reverse;
use std::rc::Rc;

use super::config::{CorpusConfig, EntityDef};
use super::corpus::Corpus;
use super::model::{Claim, Document, Span};
use super::text::{boundary_after, boundary_before, fold, fold_with_map, sort, sort_by, sort_by_key, WordMatcher};

/// One run of text with the same marks. `start..end` are byte offsets on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Canonical entity id when the run is (part of) an entity mention.
    pub entity: Option<String>,
    /// Part of a stance cue.
    pub cue: bool,
    /// Part of a search hit.
    pub hit: bool,
    /// Part of a word shared with the other compared claims.
    pub shared: bool,
}

impl Segment {
    /// True when the run carries no mark at all (plain text).
    pub fn is_plain(&self) -> bool {
        self.entity.is_none() && !self.cue && !self.hit && !self.shared
    }
}

/// Byte ranges to mark in one text. Ranges may overlap, be empty, or fall inside a character
/// (they are snapped outward to char boundaries) or past the end (clamped).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    pub entities: Vec<(usize, usize, String)>,
    pub cues: Vec<(usize, usize)>,
    pub hits: Vec<(usize, usize)>,
    pub shared: Vec<(usize, usize)>,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Split `text` into consecutive segments covering `0..text.len()` exactly, in order, without overlap,
/// each carrying the union of the marks over it; adjacent runs with identical marks are merged.
/// When two entity marks overlap, the one starting first (then the longer) wins.
pub fn segments(text: &str, marks: &Marks) -> Vec<Segment> {
    if text.is_empty() {
        return Vec::new();
    }
    // Normalised ranges: (start, end, kind, entity index in `marks.entities`).
    const ENT: u8 = 0;
    const CUE: u8 = 1;
    const HIT: u8 = 2;
    const SHARED: u8 = 3;
    let mut ranges: Vec<(usize, usize, u8, usize)> = Vec::new();
    let mut push = |s: usize, e: usize, kind: u8, ent: usize| {
        let (s, e) = (floor_boundary(text, s.min(e)), ceil_boundary(text, s.max(e)));
        if s < e {
            ranges.push((s, e, kind, ent));
        }
    };
    for (i, (s, e, _)) in marks.entities.iter().enumerate() {
        push(*s, *e, ENT, i);
    }
    for &(s, e) in &marks.cues {
        push(s, e, CUE, 0);
    }
    for &(s, e) in &marks.hits {
        push(s, e, HIT, 0);
    }
    for &(s, e) in &marks.shared {
        push(s, e, SHARED, 0);
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(ranges.len() * 2 + 2);
    cuts.push(0);
    cuts.push(text.len());
    for r in &ranges {
        cuts.push(r.0);
        cuts.push(r.1);
    }
    sort(&mut cuts);
    cuts.dedup();

    // Sweep: ranges open at their start cut and close at their end cut (O(m log m) for m marks).
    let mut by_start: Vec<usize> = (0..ranges.len()).collect();
    sort_by_key(&mut by_start, |&r| ranges[r].0);
    let mut by_end = by_start.clone();
    sort_by_key(&mut by_end, |&r| ranges[r].1);
    let (mut si, mut ei) = (0, 0);
    let mut open = [0usize; 4];
    // Open entity marks keyed so that the smallest is the winner: earliest start, then longest, then first
    // given. Only a few overlap at any point, so a vector beats a tree (and links no B-tree code).
    let mut open_ents: Vec<(usize, Reverse<usize>, usize)> = Vec::new();
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while ei < by_end.len() && ranges[by_end[ei]].1 <= s {
            let (rs, re, kind, ent) = ranges[by_end[ei]];
            open[kind as usize] -= 1;
            if kind == ENT {
                if let Some(k) = open_ents.iter().position(|k| *k == (rs, Reverse(re), ent)) {
                    open_ents.swap_remove(k);
                }
            }
            ei += 1;
        }
        while si < by_start.len() && ranges[by_start[si]].0 <= s {
            let (rs, re, kind, ent) = ranges[by_start[si]];
            open[kind as usize] += 1;
            if kind == ENT {
                open_ents.push((rs, Reverse(re), ent));
            }
            si += 1;
        }
        let seg = Segment {
            start: s,
            end: e,
            entity: open_ents.iter().min().map(|k| marks.entities[k.2].2.clone()),
            cue: open[CUE as usize] > 0,
            hit: open[HIT as usize] > 0,
            shared: open[SHARED as usize] > 0,
        };
        match out.last_mut() {
            Some(last) if last.entity == seg.entity && last.cue == seg.cue && last.hit == seg.hit && last.shared == seg.shared => {
                last.end = e;
            }
            _ => out.push(seg),
        }
    }
    out
}

/// Finds entity mentions (by any alias) and stance cues; build once per configuration and keep it.
#[derive(Debug, Clone)]
pub struct Highlighter {
    ids: Vec<String>,
    matcher: WordMatcher,
}

impl Default for Highlighter {
    /// Matches nothing (no entities).
    fn default() -> Self {
        Highlighter::from_entities(&[])
    }
}

impl Highlighter {
    pub fn new(config: &CorpusConfig) -> Highlighter {
        Highlighter::from_entities(&config.entities)
    }

    fn from_entities(entities: &[EntityDef]) -> Highlighter {
        let matcher = WordMatcher::new(entities.iter().enumerate().flat_map(|(i, e)| e.names().into_iter().map(move |a| (a, i))));
        Highlighter { ids: entities.iter().map(|e| e.id.clone()).collect(), matcher }
    }

    /// Number of configured entities (indices used by [`Highlighter::entity_matches`]).
    pub fn entity_count(&self) -> usize {
        self.ids.len()
    }

    /// Canonical id of entity number `i` (configuration order).
    pub fn entity_id(&self, i: usize) -> &str {
        &self.ids[i]
    }

    /// Alias matches as `(start, end, entity index)` (whole words, leftmost-longest, non-overlapping).
    pub fn entity_matches(&self, text: &str) -> Vec<(usize, usize, usize)> {
        if self.matcher.is_empty() {
            return Vec::new();
        }
        self.matcher.find_all(text).into_iter().map(|m| (m.start, m.end, m.value)).collect()
    }

    /// Alias matches as `(start, end, canonical entity id)`.
    pub fn entity_spans(&self, text: &str) -> Vec<(usize, usize, String)> {
        self.entity_matches(text).into_iter().map(|(s, e, i)| (s, e, self.ids[i].clone())).collect()
    }

    /// Same as the free function [`cue_spans`].
    pub fn cue_spans(&self, text: &str, cues: &[String]) -> Vec<(usize, usize)> {
        cue_spans(text, cues)
    }
}

thread_local! {
    static CACHED: RefCell<Option<(Vec<EntityDef>, Rc<Highlighter>)>> = const { RefCell::new(None) };
}

/// Alias matches of the configuration's entities in `text`, as `(start, end, canonical id)`.
/// Keeps the last configuration's matcher cached; prefer a long-lived [`Highlighter`] in hot paths.
pub fn entity_spans(config: &CorpusConfig, text: &str) -> Vec<(usize, usize, String)> {
    let hl = CACHED.with(|c| {
        let mut c = c.borrow_mut();
        match &*c {
            Some((ents, hl)) if *ents == config.entities => hl.clone(),
            _ => {
                let hl = Rc::new(Highlighter::new(config));
                *c = Some((config.entities.clone(), hl.clone()));
                hl
            }
        }
    });
    hl.entity_spans(text)
}

/// Case- and accent-insensitive whole-word occurrences of the stance cue phrases in `text`,
/// sorted, non-overlapping (the longest cue wins where two overlap).
pub fn cue_spans(text: &str, cues: &[String]) -> Vec<(usize, usize)> {
    // Cues are lexicon words, never acronyms: all are matched folded. A claim has a handful of cues, so a
    // substring scan per cue beats building an automaton on every render.
    let mut pats: Vec<String> = cues.iter().map(|c| fold(c.trim())).filter(|c| !c.is_empty()).collect();
    if pats.is_empty() {
        return Vec::new();
    }
    pats.dedup();
    let (f, map) = fold_with_map(text);
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for p in &pats {
        for (i, _) in f.match_indices(p.as_str()) {
            let e = i + p.len();
            if boundary_before(&f, i) && boundary_after(&f, e) {
                hits.push((i, e));
            }
        }
    }
    // Leftmost first, the longest of those starting at the same place; drop overlaps.
    sort_by(&mut hits, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = Vec::with_capacity(hits.len());
    let mut end = 0;
    for (s, e) in hits {
        if s >= end {
            out.push((map[s], map[e]));
            end = e;
        }
    }
    out
}

/// One run of a paragraph in the reader: plain text, or the span of one claim. `start..end` are byte offsets
/// into the document body, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    /// The claim whose span this is (index into `corpus.claims`); `None` for plain text.
    pub claim: Option<usize>,
    /// Whether this is the first run of its claim (the reader tags the claim after [`tag_paragraph`]).
    pub first: bool,
}

/// A document as the reader shows it: its paragraphs cut into runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimRuns {
    /// How many claims the document has (shown or not).
    pub claims: usize,
    /// The runs of each paragraph of `doc.paragraphs`, covering it in order.
    pub paragraphs: Vec<Vec<Run>>,
}

/// One piece of a claim in the body: the claim's index, the piece, and whether it is the claim's first.
type Piece = (usize, Span, bool);

/// The claim runs of a document's paragraphs: each paragraph covered in order by plain runs and by the pieces
/// of its claims (clipped to the paragraph; what lies between two pieces of a claim is plain). Where pieces
/// overlap the outermost wins: a piece that starts inside one already marked is left out, as is an empty piece
/// or one whose ends are not char boundaries. `mine` are the document's claims (`Corpus::claims_of`, or the
/// index's `Index::claims_of_doc`, which needs no pass over every claim).
pub fn claim_runs(corpus: &Corpus, doc: &Document, mine: Vec<usize>) -> ClaimRuns {
    let claims = mine.len();
    let mut pieces: Vec<Piece> = mine
        .into_iter()
        .flat_map(|i| corpus.claims[i].spans().into_iter().enumerate().map(move |(k, p)| (i, p, k == 0)))
        .filter(|(_, p, _)| p.start < p.end)
        .collect();
    sort_by_key(&mut pieces, |&(_, p, _)| (p.start, Reverse(p.end)));
    let paragraphs = doc.paragraphs.iter().map(|p| paragraph_runs(&doc.body, p.start, p.end, &pieces)).collect();
    ClaimRuns { claims, paragraphs }
}

/// The paragraph (index into `doc.paragraphs`) after which the reader tags `claim` with its stance and speaker:
/// the first paragraph, from its first piece's on, at whose end no quotation opened since the piece's start is
/// still open (a quotation over several paragraphs reopens each with “ and closes only in its last), so that
/// the tag never sits inside a quotation; else the last paragraph with one of its pieces.
pub fn tag_paragraph(doc: &Document, claim: &Claim) -> Option<usize> {
    let spans = claim.spans();
    let (first, last_end) = (spans.first()?.start, spans.iter().map(|s| s.end).max()?);
    let at = doc.paragraphs.iter().position(|p| p.start <= first && first < p.end)?;
    let (mut open, mut last) = (false, at);
    for (k, p) in doc.paragraphs.iter().enumerate().skip(at).take_while(|(_, p)| p.start < last_end) {
        last = k;
        for ch in doc.body.get(first.max(p.start)..p.end).unwrap_or("").chars() {
            match ch {
                '“' | '«' | '„' => open = true,
                '”' | '»' => open = false,
                '"' => open = !open,
                _ => {}
            }
        }
        if !open {
            return Some(k);
        }
    }
    Some(last)
}

/// The runs of `body[start..end]`; `pieces` are sorted by start, then longest first.
fn paragraph_runs(body: &str, start: usize, end: usize, pieces: &[Piece]) -> Vec<Run> {
    let mut runs = Vec::new();
    let plain = |runs: &mut Vec<Run>, s: usize, e: usize| {
        if s < e {
            runs.push(Run { start: s, end: e, claim: None, first: false });
        }
    };
    let mut at = start;
    for &(i, p, first) in pieces {
        let (s, e) = (p.start.max(start), p.end.min(end));
        if p.start >= end || p.end <= start || s < at || !body.is_char_boundary(s) || !body.is_char_boundary(e) {
            continue;
        }
        plain(&mut runs, at, s);
        runs.push(Run { start: s, end: e, claim: Some(i), first: first && s == p.start });
        at = e;
    }
    plain(&mut runs, at, end);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> CorpusConfig {
        CorpusConfig {
            entities: vec![
                EntityDef {
                    id: "isis".into(),
                    label: "ISIS / Daesh".into(),
                    aliases: vec!["ISIS".into(), "Daesh".into(), "IS".into(), "Islamic State".into()],
                },
                EntityDef { id: "afghanistan".into(), label: "Afghanistan".into(), aliases: vec!["Afghanistan".into()] },
            ],
            ..CorpusConfig::default()
        }
    }

    #[test]
    fn entity_spans_find_aliases_with_canonical_ids() {
        let text = "Dāesh is in Afghanistan, IS says; the Islamic State too";
        let spans = entity_spans(&config(), text);
        let got: Vec<(&str, &str)> = spans.iter().map(|(s, e, id)| (&text[*s..*e], id.as_str())).collect();
        assert_eq!(got, vec![("Dāesh", "isis"), ("Afghanistan", "afghanistan"), ("IS", "isis"), ("Islamic State", "isis")]);
        // Cached path gives the same answer.
        assert_eq!(entity_spans(&config(), text), Highlighter::new(&config()).entity_spans(text));
    }

    #[test]
    fn cue_spans_are_case_insensitive_whole_words() {
        let text = "Daesh has been Destroyed; increased activities, not destroyedish";
        let spans = cue_spans(text, &["destroyed".into(), "increased activities".into()]);
        let got: Vec<&str> = spans.iter().map(|(s, e)| &text[*s..*e]).collect();
        assert_eq!(got, vec!["Destroyed", "increased activities"]);
        assert!(cue_spans(text, &[]).is_empty());
    }

    #[test]
    fn segments_merge_overlaps() {
        let text = "Daesh has been destroyed";
        let marks = Marks { entities: vec![(0, 5, "isis".into())], cues: vec![(15, 24)], hits: vec![(0, 3), (10, 20)], shared: vec![] };
        let segs = segments(text, &marks);
        let got: Vec<(&str, Option<&str>, bool, bool)> =
            segs.iter().map(|s| (&text[s.start..s.end], s.entity.as_deref(), s.cue, s.hit)).collect();
        assert_eq!(
            got,
            vec![
                ("Dae", Some("isis"), false, true),
                ("sh", Some("isis"), false, false),
                (" has ", None, false, false),
                ("been ", None, false, true),
                ("destr", None, true, true),
                ("oyed", None, true, false),
            ]
        );
    }

    #[test]
    fn segments_snap_to_char_boundaries_and_clamp() {
        let text = "Émirat — Dāesh";
        // 1 is inside 'É' (2 bytes); 100 is past the end.
        let marks = Marks { hits: vec![(1, 3), (12, 100)], ..Marks::default() };
        let segs = segments(text, &marks);
        assert_eq!(segs.first().unwrap().start, 0);
        assert_eq!(segs.last().unwrap().end, text.len());
        for s in &segs {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert!(segs[0].hit);
        assert!(segments("", &marks).is_empty());
    }

    #[test]
    fn claim_runs_cover_each_paragraph_outermost_span_first() {
        use crate::model::Paragraph;
        let body = "Mujahid said Daesh is gone.\n\nThe Pentagon says it is not. Ünal agrees.";
        let p2 = body.find("The").unwrap();
        let doc = Document {
            id: "d".into(),
            body: body.into(),
            paragraphs: vec![Paragraph { start: 0, end: 27 }, Paragraph { start: p2, end: body.len() }],
            ..Document::default()
        };
        let claim =
            |id: &str, doc: &str, start: usize, end: usize| Claim { id: id.into(), doc: doc.into(), start, end, ..Claim::default() };
        let u = body.find('Ü').unwrap();
        let claims = vec![
            claim("inner", "d", 13, 18),           // inside "outer": left out
            claim("outer", "d", 13, 26),           // "Daesh is gone"
            claim("other-doc", "e", 0, 7),         // another document's claim
            claim("across", "d", 20, p2 + 12),     // inside "outer" in the first paragraph; "The Pentagon" in the second
            claim("second", "d", p2 + 4, p2 + 12), // "Pentagon", inside "across": left out
            claim("empty", "d", p2, p2),           // empty: left out
            claim("mid-char", "d", u + 1, u + 5),  // starts inside 'Ü': left out
        ];
        let corpus = Corpus::new(CorpusConfig::default(), vec![doc.clone()], claims, vec![]);
        let runs = claim_runs(&corpus, &doc, corpus.claims_of(&doc.id));
        assert_eq!(runs.claims, 6, "every claim of the document counts");
        let shown: Vec<Vec<(&str, Option<&str>)>> = runs
            .paragraphs
            .iter()
            .map(|p| p.iter().map(|r| (&body[r.start..r.end], r.claim.map(|i| corpus.claims[i].id.as_str()))).collect())
            .collect();
        assert_eq!(
            shown,
            vec![
                vec![("Mujahid said ", None), ("Daesh is gone", Some("outer")), (".", None)],
                vec![("The Pentagon", Some("across")), (" says it is not. Ünal agrees.", None)],
            ]
        );
    }

    #[test]
    fn a_claim_in_pieces_marks_only_its_pieces_and_tags_the_first() {
        use crate::model::Paragraph;
        let body = "“We won,” he said. “They lost.”";
        let doc = Document {
            id: "d".into(),
            body: body.into(),
            paragraphs: vec![Paragraph { start: 0, end: body.len() }],
            ..Document::default()
        };
        let (a1, b1) = (0, body.find(" he").unwrap());
        let a2 = body.rfind('“').unwrap();
        let claim = Claim {
            id: "c".into(),
            doc: "d".into(),
            start: a1,
            end: body.len(),
            pieces: vec![Span { start: a1, end: b1 }, Span { start: a2, end: body.len() }],
            ..Claim::default()
        };
        let corpus = Corpus::new(CorpusConfig::default(), vec![doc.clone()], vec![claim], vec![]);
        let runs = &claim_runs(&corpus, &doc, corpus.claims_of(&doc.id)).paragraphs[0];
        let shown: Vec<(&str, bool, bool)> = runs.iter().map(|r| (&body[r.start..r.end], r.claim.is_some(), r.first)).collect();
        assert_eq!(shown, vec![("“We won,”", true, true), (" he said. ", false, false), ("“They lost.”", true, false)]);
    }

    #[test]
    fn the_tag_goes_where_the_claim_s_quotation_closes() {
        use crate::model::Paragraph;
        let paras = ["He said: “We act.", "“We will go on,” he added. Later text.", "“Other.”"];
        let body = paras.join("\n\n");
        let mut at = 0;
        let paragraphs: Vec<Paragraph> = paras
            .iter()
            .map(|p| {
                let q = Paragraph { start: at, end: at + p.len() };
                at += p.len() + 2;
                q
            })
            .collect();
        let doc = Document { id: "d".into(), body: body.clone(), paragraphs: paragraphs.clone(), ..Document::default() };
        let piece = |p: usize, s: &str| {
            let start = paragraphs[p].start + body[paragraphs[p].start..].find(s).unwrap();
            Span { start, end: start + s.len() }
        };
        let claim = |pieces: Vec<Span>| Claim { start: pieces[0].start, end: pieces.last().unwrap().end, pieces, ..Claim::default() };
        // A quotation over two paragraphs: tagged after the second, where it closes.
        let two = claim(vec![piece(0, "“We act."), piece(1, "“We will go on,”")]);
        assert_eq!(tag_paragraph(&doc, &two), Some(1));
        // A closed quotation in its own paragraph: right there.
        assert_eq!(tag_paragraph(&doc, &claim(vec![piece(2, "“Other.”")])), Some(2));
        // A quotation never closed: the last paragraph with a piece.
        assert_eq!(tag_paragraph(&doc, &claim(vec![piece(0, "“We act.")])), Some(0));
    }
}
