//! Timeline and stance-map layout: claims placed by date and side, and side × stance counts (pure, no drawing).
use super::corpus::Corpus;
use super::date::PartialDate;
use super::model::Stance;
use super::text::{sort_by, sort_by_key};

/// One mark: a claim at `x` (0..=1 across the time span: exactly its date) in row `row`.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub claim: usize,
    pub x: f64,
    pub row: usize,
    /// Level within its row: marks that would overlap (the same day, or days closer than the mark's width)
    /// are stacked on separate levels, never moved along the time axis.
    pub stack: usize,
}

/// A year boundary on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// Row keys (side id, or "" for unknown) and labels.
    pub rows: Vec<(String, String)>,
    /// Levels used by each row (at least 1): how tall it is drawn.
    pub depth: Vec<usize>,
    pub points: Vec<Point>,
    pub ticks: Vec<Tick>,
    /// Claims without a date (listed, not placed).
    pub undated: Vec<usize>,
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
}

/// Lay out `claims` (indices into the corpus) by date and side. `min_gap` is the least distance along the
/// axis (0..=1) between two marks on one level, i.e. a mark's width: closer marks go on the next free level.
pub fn layout(corpus: &Corpus, claims: &[usize], min_gap: f64) -> Timeline {
    let mut t = Timeline::default();
    let mut dated: Vec<(usize, i64)> = Vec::new();
    for &i in claims {
        match corpus.claims[i].date.map(|d| d.day_number()) {
            Some(d) => dated.push((i, d)),
            None => t.undated.push(i),
        }
    }
    // Rows: sides in configuration order, then unknown.
    let mut keys: Vec<String> = Vec::new();
    for &(i, _) in &dated {
        let k = corpus.claims[i].side.clone().unwrap_or_default();
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let order = |k: &String| corpus.config.sides.iter().position(|s| &s.id == k).unwrap_or(usize::MAX);
    sort_by(&mut keys, |a, b| order(a).cmp(&order(b)).then(a.cmp(b)));
    t.rows = keys
        .iter()
        .map(|k| (k.clone(), if k.is_empty() { "Side unknown".to_string() } else { corpus.config.side_label(k).to_string() }))
        .collect();
    let Some(min) = dated.iter().map(|d| d.1).min() else { return t };
    let max = dated.iter().map(|d| d.1).max().unwrap_or(min);
    // Pad the span so single-day corpora still have an axis.
    let (lo, hi) = (min - 15, max + 15);
    let span = (hi - lo) as f64;
    sort_by_key(&mut dated, |&(i, d)| (d, corpus.claims[i].id.clone()));
    // Per row, the x of the last mark on each level.
    let mut levels: Vec<Vec<f64>> = vec![Vec::new(); keys.len()];
    for (i, d) in dated {
        let row = keys.iter().position(|k| *k == corpus.claims[i].side.clone().unwrap_or_default()).unwrap_or(0);
        let x = (d - lo) as f64 / span;
        let lv = &mut levels[row];
        let stack = match lv.iter().position(|&last| x - last >= min_gap) {
            Some(k) => k,
            None => {
                lv.push(f64::NEG_INFINITY);
                lv.len() - 1
            }
        };
        lv[stack] = x;
        t.points.push(Point { claim: i, x, row, stack });
    }
    t.depth = levels.iter().map(|l| l.len().max(1)).collect();
    t.first = corpus.claims[t.points[0].claim].date;
    t.last = corpus.claims[t.points[t.points.len() - 1].claim].date;
    if let (Some(a), Some(b)) = (t.first, t.last) {
        for y in a.year()..=b.year() + 1 {
            let Some(d) = PartialDate::new(y, None, None).map(|d| d.day_number()) else { continue };
            if d >= lo && d <= hi {
                t.ticks.push(Tick { x: (d - lo) as f64 / span, label: y.to_string() });
            }
        }
    }
    t
}

/// Side × stance counts of the given claims: rows `(side id or "", label, [supports, refutes, neutral])`.
pub fn stance_map(corpus: &Corpus, claims: &[usize]) -> Vec<(String, String, [usize; 3])> {
    let mut rows: Vec<(String, String, [usize; 3])> = Vec::new();
    for &i in claims {
        let c = &corpus.claims[i];
        let k = c.side.clone().unwrap_or_default();
        let pos = match rows.iter().position(|r| r.0 == k) {
            Some(p) => p,
            None => {
                let label = if k.is_empty() { "Side unknown".to_string() } else { corpus.config.side_label(&k).to_string() };
                rows.push((k, label, [0; 3]));
                rows.len() - 1
            }
        };
        let s = match c.stance {
            Stance::Supports => 0,
            Stance::Refutes => 1,
            Stance::Neutral => 2,
        };
        rows[pos].2[s] += 1;
    }
    let order = |k: &String| corpus.config.sides.iter().position(|s| &s.id == k).unwrap_or(usize::MAX);
    sort_by(&mut rows, |a, b| order(&a.0).cmp(&order(&b.0)).then(a.0.cmp(&b.0)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{CorpusConfig, SideDef};
    use crate::model::{Claim, ClaimKind};

    fn claim(id: &str, side: Option<&str>, stance: Stance, date: Option<&str>) -> Claim {
        Claim {
            id: id.into(),
            doc: "d".into(),
            speaker: "S".into(),
            speaker_id: "s".into(),
            role: None,
            affiliation: None,
            side: side.map(Into::into),
            text: "t".into(),
            kind: ClaimKind::Direct,
            start: 0,
            end: 1,
            pieces: vec![],
            cue: None,
            stance,
            stance_cues: vec![],
            stance_confidence: 1.0,
            stance_rule: String::new(),
            speaker_confidence: 1.0,
            entities: vec![],
            date: date.and_then(|d| d.parse().ok()),
            corrected: None,
        }
    }

    fn corpus() -> Corpus {
        let config = CorpusConfig {
            sides: vec![
                SideDef { id: "north".into(), label: "North".into(), markers: vec![] },
                SideDef { id: "south".into(), label: "South".into(), markers: vec![] },
            ],
            ..Default::default()
        };
        Corpus {
            config,
            documents: vec![],
            claims: vec![
                claim("a", Some("south"), Stance::Supports, Some("2020-01-01")),
                claim("b", Some("north"), Stance::Refutes, Some("2022-06-30")),
                claim("c", None, Stance::Neutral, None),
                claim("d", Some("north"), Stance::Refutes, Some("2022-06-30")),
            ],
            notes: vec![],
            ..Corpus::default()
        }
    }

    #[test]
    fn layout_places_dated_claims_by_side_and_stacks_same_day() {
        let c = corpus();
        let t = layout(&c, &[0, 1, 2, 3], 0.01);
        assert_eq!(t.rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["North", "South"], "configuration order");
        assert_eq!(t.points.len(), 3);
        assert_eq!(t.undated, vec![2]);
        let a = t.points.iter().find(|p| p.claim == 0).unwrap();
        let b = t.points.iter().find(|p| p.claim == 1).unwrap();
        let d = t.points.iter().find(|p| p.claim == 3).unwrap();
        assert!(a.x < b.x && a.x > 0.0 && b.x < 1.0);
        assert_eq!((b.row, d.row), (0, 0));
        assert_ne!(b.stack, d.stack, "same day, same row: stacked");
        assert_eq!(b.x, d.x, "same day, same place on the axis");
        assert_eq!(t.depth, vec![2, 1]);
        assert!(t.ticks.iter().any(|k| k.label == "2021"));
    }

    #[test]
    fn marks_sit_at_their_date_and_overlapping_ones_take_new_levels() {
        let mut c = corpus();
        c.claims = ["2021-01-01", "2021-01-01", "2021-01-01", "2021-01-02", "2021-06-01", "2021-12-31"]
            .iter()
            .enumerate()
            .map(|(k, d)| claim(&format!("c{k}"), Some("north"), Stance::Refutes, Some(d)))
            .collect();
        let all: Vec<usize> = (0..c.claims.len()).collect();
        let t = layout(&c, &all, 0.02);
        let (lo, hi) = (c.claims[0].date.unwrap().day_number() - 15, c.claims[5].date.unwrap().day_number() + 15);
        for p in &t.points {
            let d = c.claims[p.claim].date.unwrap().day_number();
            assert_eq!(p.x, (d - lo) as f64 / (hi - lo) as f64, "{}: at its own date", c.claims[p.claim].id);
        }
        let level = |id: &str| t.points.iter().find(|p| c.claims[p.claim].id == id).unwrap().stack;
        assert_eq!([level("c0"), level("c1"), level("c2"), level("c3")], [0, 1, 2, 3], "the same and the next day: stacked");
        assert_eq!((level("c4"), level("c5")), (0, 0), "far apart: the first level");
        assert_eq!(t.depth, vec![4]);
    }

    #[test]
    fn stance_map_counts_every_claim_once() {
        let c = corpus();
        let m = stance_map(&c, &[0, 1, 2, 3]);
        let total: usize = m.iter().map(|r| r.2.iter().sum::<usize>()).sum();
        assert_eq!(total, 4);
        assert_eq!(m[0].0, "north");
        assert_eq!(m[0].2, [0, 2, 0]);
        assert_eq!(m.last().unwrap().1, "Side unknown");
    }
}
