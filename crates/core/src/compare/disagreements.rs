//! The strongest opposing pairs across the corpus, found in close to linear time.
//!
//! The passes: [`Facts`] reads every claim's day and entity set once; [`refuter_groups`] puts the refuting
//! claims into groups of one entity set and one side; for each supporting claim, [`plan`] ranks the groups
//! that share an entity with it, and [`pair_supporter`] offers [`Best`] the nearest-in-time refuters of each
//! group until no group can improve on the pairs kept.
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use super::opposing::different_voice;
use crate::corpus::Corpus;
use crate::model::{Claim, Stance};
use crate::text::{sort, sort_by};

/// The strongest opposing pairs across the corpus, each unordered pair once, as
/// `(supporting claim, refuting claim, score)`, ranked like [`super::opposing`] (score, then closeness in time,
/// then ids).
///
/// Claims are grouped by entity set and side so that the work is close to linear: for each supporting claim
/// only the `limit` nearest-in-time refuting claims of each compatible group are considered.
pub fn disagreements(corpus: &Corpus, limit: usize) -> Vec<(usize, usize, f32)> {
    if limit == 0 {
        return Vec::new();
    }
    let facts = Facts::new(&corpus.claims);
    let groups = refuter_groups(&facts);
    // Per distinct supporting entity set: compatible groups sorted by score, best first.
    let mut plans: HashMap<&[u32], Vec<(f32, usize)>> = HashMap::new();
    let mut best = Best::new(facts.claims, limit);
    let mut near: Vec<(u64, usize)> = Vec::new();
    for (s, c) in facts.claims.iter().enumerate() {
        if c.stance != Stance::Supports || facts.sets[s].is_empty() {
            continue;
        }
        let set = facts.sets[s].as_slice();
        let plan = plans.entry(set).or_insert_with(|| plan(&groups, set));
        pair_supporter(&facts, &groups, plan, s, &mut best, &mut near);
    }
    best.into_ranked()
}

/// What the passes need of every claim, read once.
struct Facts<'a> {
    claims: &'a [Claim],
    /// Day number of each claim's date.
    days: Vec<Option<i64>>,
    /// Entity sets as sorted, deduplicated interned ids (cheap to hash, compare and intersect).
    sets: Vec<Vec<u32>>,
}

impl<'a> Facts<'a> {
    fn new(claims: &'a [Claim]) -> Facts<'a> {
        let days = claims.iter().map(|c| c.date.map(|d| d.day_number())).collect();
        let mut interned: HashMap<&str, u32> = HashMap::new();
        let sets = claims
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
        Facts { claims, days, sets }
    }

    /// Days between two claims (`u64::MAX` when either is undated).
    fn dist(&self, a: usize, b: usize) -> u64 {
        match (self.days[a], self.days[b]) {
            (Some(x), Some(y)) => x.abs_diff(y),
            _ => u64::MAX,
        }
    }
}

/// Refuting claims that share one entity set and one side, sorted by date (undated last) then id.
struct Bucket {
    /// `(day, claim index)`, sorted by day then claim id.
    dated: Vec<(i64, usize)>,
    /// Undated claims sorted by id.
    undated: Vec<usize>,
    /// All claims sorted by id (only filled when some supporting claim is undated: only those need it).
    by_id: Vec<usize>,
}

impl Bucket {
    fn sort(&mut self, claims: &[Claim], with_by_id: bool) {
        sort_by(&mut self.dated, |x, y| x.0.cmp(&y.0).then_with(|| claims[x.1].id.cmp(&claims[y.1].id)));
        sort_by(&mut self.undated, |x, y| claims[*x].id.cmp(&claims[*y].id));
        if with_by_id {
            self.by_id = self.dated.iter().map(|x| x.1).chain(self.undated.iter().copied()).collect();
            sort_by(&mut self.by_id, |x, y| claims[*x].id.cmp(&claims[*y].id));
        }
    }
}

/// One group of refuting claims: its entity set, its side, its claims.
struct Group<'a> {
    set: &'a [u32],
    side: Option<&'a str>,
    bucket: Bucket,
}

/// The refuting claims grouped by (entity set, side), in a deterministic order.
fn refuter_groups<'a>(facts: &'a Facts<'a>) -> Vec<Group<'a>> {
    let claims = facts.claims;
    let mut groups: HashMap<(&[u32], Option<&str>), Bucket> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.stance != Stance::Refutes || facts.sets[i].is_empty() {
            continue;
        }
        let key = (facts.sets[i].as_slice(), c.side.as_deref());
        let b = groups.entry(key).or_insert_with(|| Bucket { dated: Vec::new(), undated: Vec::new(), by_id: Vec::new() });
        match facts.days[i] {
            Some(d) => b.dated.push((d, i)),
            None => b.undated.push(i),
        }
    }
    let any_undated_supporter = claims.iter().zip(&facts.days).any(|(c, d)| c.stance == Stance::Supports && d.is_none());
    let mut list: Vec<Group> = groups
        .into_iter()
        .map(|((set, side), mut bucket)| {
            bucket.sort(claims, any_undated_supporter);
            Group { set, side, bucket }
        })
        .collect();
    sort_by(&mut list, |a, b| a.set.cmp(b.set).then(a.side.cmp(&b.side)));
    list
}

/// The groups sharing an entity with a supporting claim's entity set, as `(score, group)`, best first.
fn plan(groups: &[Group], set: &[u32]) -> Vec<(f32, usize)> {
    let mut p: Vec<(f32, usize)> = groups
        .iter()
        .enumerate()
        .filter_map(|(gi, g)| {
            let score = jaccard_sorted(set, g.set);
            (score > 0.0).then_some((score, gi))
        })
        .collect();
    sort_by(&mut p, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    p
}

/// Offer `best` the pairs of supporting claim `s` with the nearest refuters of each group of its plan.
fn pair_supporter(facts: &Facts, groups: &[Group], plan: &[(f32, usize)], s: usize, best: &mut Best, near: &mut Vec<(u64, usize)>) {
    let c = &facts.claims[s];
    for &(score, gi) in plan {
        let g = &groups[gi];
        // Whole group on the same known side as the supporter: never eligible.
        if g.side.is_some() && g.side == c.side.as_deref() {
            continue;
        }
        let Some(max_dist) = best.reach(score) else {
            break; // the plan is sorted by score: nothing better follows
        };
        nearest(facts.claims, &g.bucket, facts.days[s], best.limit, max_dist, |r| different_voice(c, &facts.claims[r]), near);
        for &(_, r) in near.iter() {
            best.offer(Pair { score, dist: facts.dist(s, r), s, r });
        }
    }
}

/// A candidate pair, ordered so that the best pair is the greatest.
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

/// The `limit` best pairs offered so far.
struct Best<'a> {
    heap: BinaryHeap<Ranked<'a>>,
    claims: &'a [Claim],
    limit: usize,
}

impl<'a> Best<'a> {
    fn new(claims: &'a [Claim], limit: usize) -> Best<'a> {
        Best { heap: BinaryHeap::with_capacity(limit + 1), claims, limit }
    }

    /// How many days apart a pair of this score may be and still be kept (`u64::MAX`: any), or `None` when
    /// no pair of this score can be. Once the heap is full, a group scoring like the worst kept pair can only
    /// help with pairs at most as far apart in time; a group scoring less cannot help at all.
    fn reach(&self, score: f32) -> Option<u64> {
        if self.heap.len() < self.limit {
            return Some(u64::MAX);
        }
        let worst = &self.heap.peek().expect("full heap").pair;
        match score.partial_cmp(&worst.score) {
            Some(Ordering::Less) => None,
            Some(Ordering::Equal) => Some(worst.dist),
            _ => Some(u64::MAX),
        }
    }

    fn offer(&mut self, pair: Pair) {
        if self.heap.len() < self.limit {
            self.heap.push(Ranked { pair, claims: self.claims });
        } else if rank(self.claims, &pair, &self.heap.peek().expect("full heap").pair) == Ordering::Less {
            self.heap.pop();
            self.heap.push(Ranked { pair, claims: self.claims });
        }
    }

    /// The pairs kept, best first, as `(supporting claim, refuting claim, score)`.
    fn into_ranked(self) -> Vec<(usize, usize, f32)> {
        let claims = self.claims;
        let mut out: Vec<Pair> = self.heap.into_iter().map(|r| r.pair).collect();
        sort_by(&mut out, |a, b| rank(claims, a, b));
        out.into_iter().map(|p| (p.s, p.r, p.score)).collect()
    }
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
