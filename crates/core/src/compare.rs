//! Comparison logic: words shared across claims, opposing-claim discovery, strongest disagreements, document alignment.
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use super::corpus::Corpus;
use super::model::{Claim, Stance};
use super::text::{fold, sort, sort_by, sort_by_key, words};

/// English function words never marked as shared.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether a folded word is a stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// Light stemming of a folded word: drop a possessive, then a plural ending
/// ("activities" → "activity", "branches" → "branch", "groups" → "group"; "isis", "class" stay).
pub fn stem(folded: &str) -> String {
    let mut w = folded;
    for suffix in ["'s", "'"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if !s.is_empty() {
                w = s;
                break;
            }
        }
    }
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if n > 4 && ["sses", "ches", "shes", "xes", "zes"].iter().any(|s| w.ends_with(s)) {
        return w[..w.len() - 2].to_string();
    }
    if n > 3 && w.ends_with('s') && !["ss", "us", "is", "os"].iter().any(|s| w.ends_with(s)) {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Content words of a text: `(start, end, stem)`.
fn content_words(text: &str) -> Vec<(usize, usize, String)> {
    words(text)
        .filter_map(|(at, w)| {
            let f = fold(w);
            if f.chars().count() < 2 || is_stop_word(&f) || !f.chars().any(char::is_alphanumeric) {
                return None;
            }
            Some((at, at + w.len(), stem(&f)))
        })
        .collect()
}

/// For each text, the byte spans of its content words (stop words excluded; compared folded and lightly
/// stemmed) that also occur in at least one other text. Consecutive shared words separated only by
/// spaces merge into one span when the same two-word sequence also occurs in another text (a shared phrase).
pub fn shared_terms(texts: &[&str]) -> Vec<Vec<(usize, usize)>> {
    let per: Vec<Vec<(usize, usize, String)>> = texts.iter().map(|t| content_words(t)).collect();
    // stem -> bitmask-ish set of texts where it occurs (texts are few; use a small Vec of indices).
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut bigrams: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (ti, ws) in per.iter().enumerate() {
        for (k, (_, _, s)) in ws.iter().enumerate() {
            let v = seen.entry(s.as_str()).or_default();
            if v.last() != Some(&ti) {
                v.push(ti);
            }
            if k + 1 < ws.len() {
                let v = bigrams.entry((s.as_str(), ws[k + 1].2.as_str())).or_default();
                if v.last() != Some(&ti) {
                    v.push(ti);
                }
            }
        }
    }
    per.iter()
        .enumerate()
        .map(|(ti, ws)| {
            let mut out: Vec<(usize, usize)> = Vec::new();
            let mut prev: Option<usize> = None; // index in ws of the last kept word
            for (k, (s, e, st)) in ws.iter().enumerate() {
                if !seen[st.as_str()].iter().any(|&o| o != ti) {
                    prev = None;
                    continue;
                }
                let joins = prev == Some(k.wrapping_sub(1))
                    && k > 0
                    && texts[ti][ws[k - 1].1..*s].chars().all(char::is_whitespace)
                    && bigrams[&(ws[k - 1].2.as_str(), st.as_str())].iter().any(|&o| o != ti);
                if joins {
                    out.last_mut().expect("previous span").1 = *e;
                } else {
                    out.push((*s, *e));
                }
                prev = Some(k);
            }
            out
        })
        .collect()
}

/// A claim that disagrees with another.
#[derive(Debug, Clone, PartialEq)]
pub struct Opposing {
    /// Index into `corpus.claims`.
    pub claim: usize,
    /// Entity overlap (Jaccard index of the two entity sets), in `0..=1`.
    pub score: f32,
    /// Canonical entity ids both claims mention, in the first claim's order.
    pub shared_entities: Vec<String>,
}

fn dedup_entities(c: &Claim) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::with_capacity(c.entities.len());
    for e in &c.entities {
        if !v.contains(&e.as_str()) {
            v.push(e);
        }
    }
    v
}

/// Whether `b` may be offered as disagreeing with `a` on grounds of who said it: a different known side,
/// or (when either side is unknown) a different speaker.
fn different_voice(a: &Claim, b: &Claim) -> bool {
    match (&a.side, &b.side) {
        (Some(x), Some(y)) => x != y,
        _ => a.speaker_id != b.speaker_id,
    }
}

fn jaccard(a: &[&str], b: &[&str]) -> (f32, Vec<String>) {
    let shared: Vec<String> = a.iter().filter(|e| b.contains(e)).map(|e| e.to_string()).collect();
    if shared.is_empty() {
        return (0.0, shared);
    }
    let union = a.len() + b.len() - shared.len();
    (shared.len() as f32 / union as f32, shared)
}

/// Claims that disagree with claim `claim`: the opposite stance (supports ↔ refutes), a different side (or,
/// when a side is unknown, a different speaker), and at least one shared entity. Ranked by entity overlap
/// (Jaccard), then closeness in time (undated last), then claim id. At most `limit`.
pub fn opposing(corpus: &Corpus, claim: usize, limit: usize) -> Vec<Opposing> {
    let Some(c) = corpus.claims.get(claim) else {
        return Vec::new();
    };
    let Some(want) = c.stance.opposite() else {
        return Vec::new();
    };
    let mine = dedup_entities(c);
    if mine.is_empty() || limit == 0 {
        return Vec::new();
    }
    let day = c.date.map(|d| d.day_number());
    // (score, distance in days, index): no allocation per candidate.
    let mut found: Vec<(f32, u64, usize)> = Vec::new();
    for (i, o) in corpus.claims.iter().enumerate() {
        if i == claim || o.stance != want || !different_voice(c, o) {
            continue;
        }
        let (mut shared, mut theirs) = (0usize, 0usize);
        for (k, e) in o.entities.iter().enumerate() {
            if o.entities[..k].contains(e) {
                continue;
            }
            theirs += 1;
            if mine.contains(&e.as_str()) {
                shared += 1;
            }
        }
        if shared == 0 {
            continue;
        }
        let score = shared as f32 / (mine.len() + theirs - shared) as f32;
        let dist = match (day, o.date.map(|d| d.day_number())) {
            (Some(a), Some(b)) => a.abs_diff(b),
            _ => u64::MAX,
        };
        found.push((score, dist, i));
    }
    let order = |a: &(f32, u64, usize), b: &(f32, u64, usize)| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then_with(|| corpus.claims[a.2].id.cmp(&corpus.claims[b.2].id)).then(a.2.cmp(&b.2))
    };
    if found.len() > limit {
        found.select_nth_unstable_by(limit - 1, order);
        found.truncate(limit);
    }
    sort_by(&mut found, order);
    found
        .into_iter()
        .map(|(score, _, i)| Opposing { claim: i, score, shared_entities: jaccard(&mine, &dedup_entities(&corpus.claims[i])).1 })
        .collect()
}

/// A candidate pair for [`disagreements`], ordered so that the best pair is the greatest.
#[derive(Debug, Clone, Copy)]
struct Pair {
    score: f32,
    dist: u64,
    s: usize,
    r: usize,
}

impl Pair {
    fn key<'a>(&self, claims: &'a [Claim]) -> (f32, u64, &'a str, &'a str, usize, usize) {
        (self.score, self.dist, &claims[self.s].id, &claims[self.r].id, self.s, self.r)
    }
}

/// `Less` when `a` ranks before `b` (higher score, then closer, then ids).
fn rank(claims: &[Claim], a: &Pair, b: &Pair) -> Ordering {
    let (ka, kb) = (a.key(claims), b.key(claims));
    kb.0.total_cmp(&ka.0).then(ka.1.cmp(&kb.1)).then(ka.2.cmp(kb.2)).then(ka.3.cmp(kb.3)).then(ka.4.cmp(&kb.4)).then(ka.5.cmp(&kb.5))
}

/// Heap entry: the worst kept pair on top.
struct Ranked<'a> {
    pair: Pair,
    claims: &'a [Claim],
}
impl PartialEq for Ranked<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Ranked<'_> {}
impl PartialOrd for Ranked<'_> {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ranked<'_> {
    fn cmp(&self, o: &Self) -> Ordering {
        rank(self.claims, &self.pair, &o.pair)
    }
}

/// Refuting claims that share one entity set and one side, sorted by date (undated last) then id.
struct Bucket {
    /// `(day, claim index)`, sorted by day then claim id.
    dated: Vec<(i64, usize)>,
    /// Undated claims sorted by id.
    undated: Vec<usize>,
    /// All claims sorted by id.
    by_id: Vec<usize>,
}

/// The strongest opposing pairs across the corpus, each unordered pair once, as
/// `(supporting claim, refuting claim, score)`, ranked like [`opposing`] (score, then closeness in time, then ids).
///
/// Claims are grouped by entity set and side so that the work is close to linear: for each supporting claim
/// only the `limit` nearest-in-time refuting claims of each compatible group are considered.
pub fn disagreements(corpus: &Corpus, limit: usize) -> Vec<(usize, usize, f32)> {
    if limit == 0 {
        return Vec::new();
    }
    let claims = &corpus.claims;
    let days: Vec<Option<i64>> = claims.iter().map(|c| c.date.map(|d| d.day_number())).collect();
    // Entity sets as sorted, deduplicated interned ids (cheap to hash, compare and intersect).
    let mut interned: HashMap<&str, u32> = HashMap::new();
    let sets: Vec<Vec<u32>> = claims
        .iter()
        .map(|c| {
            let mut v: Vec<u32> = c
                .entities
                .iter()
                .map(|e| {
                    let next = interned.len() as u32;
                    *interned.entry(e.as_str()).or_insert(next)
                })
                .collect();
            sort(&mut v);
            v.dedup();
            v
        })
        .collect();
    let any_undated_supporter = claims.iter().zip(&days).any(|(c, d)| c.stance == Stance::Supports && d.is_none());

    // Refuting claims grouped by (entity set, side).
    let mut groups: HashMap<(&[u32], Option<&str>), Bucket> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.stance != Stance::Refutes || sets[i].is_empty() {
            continue;
        }
        let b = groups.entry((sets[i].as_slice(), c.side.as_deref())).or_insert_with(|| Bucket {
            dated: Vec::new(),
            undated: Vec::new(),
            by_id: Vec::new(),
        });
        match days[i] {
            Some(d) => b.dated.push((d, i)),
            None => b.undated.push(i),
        }
    }
    for b in groups.values_mut() {
        sort_by(&mut b.dated, |x, y| x.0.cmp(&y.0).then_with(|| claims[x.1].id.cmp(&claims[y.1].id)));
        sort_by(&mut b.undated, |x, y| claims[*x].id.cmp(&claims[*y].id));
        if any_undated_supporter {
            b.by_id = b.dated.iter().map(|x| x.1).chain(b.undated.iter().copied()).collect();
            sort_by(&mut b.by_id, |x, y| claims[*x].id.cmp(&claims[*y].id));
        }
    }
    let mut group_list: Vec<(&[u32], Option<&str>, &Bucket)> = groups.iter().map(|(k, b)| (k.0, k.1, b)).collect();
    // Deterministic iteration order.
    sort_by(&mut group_list, |a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));

    // Per distinct supporting entity set: compatible groups sorted by score, best first.
    let mut plans: HashMap<&[u32], Vec<(f32, usize)>> = HashMap::new();
    let mut heap: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit + 1);
    let mut near: Vec<(u64, usize)> = Vec::new();

    for (s, c) in claims.iter().enumerate() {
        if c.stance != Stance::Supports || sets[s].is_empty() {
            continue;
        }
        let plan = plans.entry(sets[s].as_slice()).or_insert_with(|| {
            let mut p: Vec<(f32, usize)> = group_list
                .iter()
                .enumerate()
                .filter_map(|(gi, g)| {
                    let score = jaccard_sorted(&sets[s], g.0);
                    (score > 0.0).then_some((score, gi))
                })
                .collect();
            sort_by(&mut p, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            p
        });
        for &(score, gi) in plan.iter() {
            let (_, side, bucket) = group_list[gi];
            // Whole group on the same known side as the supporter: never eligible.
            if side.is_some() && side == c.side.as_deref() {
                continue;
            }
            // Once the heap is full, a group scoring like the worst kept pair can only help with pairs at
            // most as far apart in time; a group scoring less cannot help at all.
            let mut max_dist = u64::MAX;
            if heap.len() == limit {
                let worst = &heap.peek().expect("full heap").pair;
                if score < worst.score {
                    break; // plan is sorted by score: nothing better follows
                }
                if score == worst.score {
                    max_dist = worst.dist;
                }
            }
            nearest(claims, bucket, days[s], limit, max_dist, |r| different_voice(c, &claims[r]), &mut near);
            for &(_, r) in &near {
                let dist = match (days[s], days[r]) {
                    (Some(a), Some(b)) => a.abs_diff(b),
                    _ => u64::MAX,
                };
                let pair = Pair { score, dist, s, r };
                if heap.len() < limit {
                    heap.push(Ranked { pair, claims });
                } else if rank(claims, &pair, &heap.peek().expect("full heap").pair) == Ordering::Less {
                    heap.pop();
                    heap.push(Ranked { pair, claims });
                }
            }
        }
    }
    let mut out: Vec<Pair> = heap.into_iter().map(|r| r.pair).collect();
    sort_by(&mut out, |a, b| rank(claims, a, b));
    out.into_iter().map(|p| (p.s, p.r, p.score)).collect()
}

/// Jaccard index of two sorted, deduplicated id sets (0 when disjoint).
fn jaccard_sorted(a: &[u32], b: &[u32]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if shared == 0 {
        0.0
    } else {
        shared as f32 / (a.len() + b.len() - shared) as f32
    }
}

/// The `k` claims of `bucket` nearest in time to `day` (ties by id) that pass `ok`, none farther than
/// `max_dist` days (`u64::MAX`: no bound; undated claims are at `u64::MAX`).
fn nearest(
    claims: &[Claim],
    bucket: &Bucket,
    day: Option<i64>,
    k: usize,
    max_dist: u64,
    ok: impl Fn(usize) -> bool,
    out: &mut Vec<(u64, usize)>,
) {
    out.clear();
    match day {
        None => {
            // Every distance is unknown: the order is by id alone.
            if max_dist == u64::MAX {
                out.extend(bucket.by_id.iter().copied().filter(|&r| ok(r)).take(k).map(|r| (u64::MAX, r)));
            }
            return;
        }
        Some(d) => {
            let split = bucket.dated.partition_point(|x| x.0 < d);
            // Walk right (later or same day), then left (earlier), each until k found and distance grows.
            let mut take = |iter: &mut dyn Iterator<Item = &(i64, usize)>| {
                let mut n = 0usize;
                let mut last = 0u64;
                for &(rd, r) in iter {
                    let dist = rd.abs_diff(d);
                    if (n >= k && dist > last) || dist > max_dist {
                        break;
                    }
                    if ok(r) {
                        out.push((dist, r));
                        n += 1;
                        last = dist;
                    }
                }
            };
            take(&mut bucket.dated[split..].iter());
            take(&mut bucket.dated[..split].iter().rev());
            if out.len() < k && max_dist == u64::MAX {
                for &r in &bucket.undated {
                    if out.len() >= k * 2 {
                        break;
                    }
                    if ok(r) {
                        out.push((u64::MAX, r));
                    }
                }
            }
        }
    }
    if out.len() > 1 {
        sort_by(out, |a, b| a.0.cmp(&b.0).then_with(|| claims[a.1].id.cmp(&claims[b.1].id)));
    }
    out.truncate(k);
}

/// Two documents' claims side by side.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocAlignment {
    pub rows: Vec<AlignRow>,
}

/// One aligned row: claims of the left and right document (indices into `corpus.claims`, reading order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AlignRow {
    /// Display key: a side label, an entity label, or "Other claims".
    pub key: String,
    /// Side id when the row groups by side.
    pub side: Option<String>,
    /// Entity id when the row groups by entity.
    pub entity: Option<String>,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// Align the claims of documents `a` and `b`: first one row per speaker side present in both documents,
/// then, for the claims left, one row per entity mentioned on both sides (each claim in its first such
/// entity, configuration order), then one-sided rows per side, then "Other claims" (no side known).
pub fn align_documents(corpus: &Corpus, a: &str, b: &str) -> DocAlignment {
    let cfg = &corpus.config;
    let of = |doc: &str| -> Vec<usize> {
        let mut v: Vec<usize> = corpus.claims.iter().enumerate().filter(|(_, c)| c.doc == doc).map(|(i, _)| i).collect();
        sort_by_key(&mut v, |&i| (corpus.claims[i].start, i));
        v
    };
    let (mut left, mut right) = (of(a), of(b));
    let mut rows = Vec::new();

    // Side order: configuration order, then unknown-to-config sides alphabetically.
    let mut sides: Vec<String> = cfg.sides.iter().map(|s| s.id.clone()).collect();
    let mut extra: Vec<String> =
        left.iter().chain(&right).filter_map(|&i| corpus.claims[i].side.clone()).filter(|s| !sides.contains(s)).collect();
    sort(&mut extra);
    extra.dedup();
    sides.extend(extra);

    let side_row = |side: &str, l: &[usize], r: &[usize]| AlignRow {
        key: cfg.side_label(side).to_string(),
        side: Some(side.to_string()),
        entity: None,
        left: l.iter().copied().filter(|&i| corpus.claims[i].side.as_deref() == Some(side)).collect(),
        right: r.iter().copied().filter(|&i| corpus.claims[i].side.as_deref() == Some(side)).collect(),
    };
    for side in &sides {
        let row = side_row(side, &left, &right);
        if !row.left.is_empty() && !row.right.is_empty() {
            left.retain(|i| !row.left.contains(i));
            right.retain(|i| !row.right.contains(i));
            rows.push(row);
        }
    }

    // Entities: configuration order, then unknown ids alphabetically.
    let mut ents: Vec<String> = cfg.entities.iter().map(|e| e.id.clone()).collect();
    let mut extra: Vec<String> =
        left.iter().chain(&right).flat_map(|&i| corpus.claims[i].entities.iter().cloned()).filter(|e| !ents.contains(e)).collect();
    sort(&mut extra);
    extra.dedup();
    ents.extend(extra);
    for e in &ents {
        let has = |i: &usize| corpus.claims[*i].entities.iter().any(|x| x == e);
        let (l, r): (Vec<usize>, Vec<usize>) = (left.iter().copied().filter(has).collect(), right.iter().copied().filter(has).collect());
        if !l.is_empty() && !r.is_empty() {
            left.retain(|i| !l.contains(i));
            right.retain(|i| !r.contains(i));
            rows.push(AlignRow { key: cfg.entity_label(e).to_string(), side: None, entity: Some(e.clone()), left: l, right: r });
        }
    }

    for side in &sides {
        let row = side_row(side, &left, &right);
        if !row.left.is_empty() || !row.right.is_empty() {
            left.retain(|i| !row.left.contains(i));
            right.retain(|i| !row.right.contains(i));
            rows.push(row);
        }
    }
    if !left.is_empty() || !right.is_empty() {
        rows.push(AlignRow { key: "Other claims".into(), side: None, entity: None, left, right });
    }
    DocAlignment { rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "STOP_WORDS must stay sorted");
        assert!(is_stop_word("the") && !is_stop_word("daesh"));
    }

    #[test]
    fn stemming_strips_plurals_and_possessives() {
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("branches"), "branch");
        assert_eq!(stem("groups"), "group");
        assert_eq!(stem("daesh's"), "daesh");
        assert_eq!(stem("isis"), "isis");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("us"), "us");
    }
}
