//! Issue 9: the timeline and the stance map follow the filters, and each export holds exactly the visible claims.
use std::time::{Duration, Instant};

use counterclaim_core::model::Stance;

use super::{actions, harness::Session, locators};

const MARK: &str = "[data-testid=timeline] [data-claim-id]";

async fn marks(c: &fantoccini::Client) -> Vec<String> {
    let mut ids = Vec::new();
    for e in actions::all(c, MARK).await {
        ids.push(actions::attr(&e, "data-claim-id").await);
    }
    ids.sort();
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_and_stance_map_follow_the_filter() {
    let corpus = super::harness::seeds();
    let dated = |f: &dyn Fn(&counterclaim_core::model::Claim) -> bool| {
        let mut v: Vec<String> = corpus.claims.iter().filter(|c| c.date.is_some() && f(c)).map(|c| c.id.clone()).collect();
        v.sort();
        v
    };
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("?view=timeline")).await;
    actions::wait_for(c, "[data-testid=timeline]").await;
    assert_eq!(marks(c).await, dated(&|_| true), "one mark per visible (dated) claim");
    // Stance map cells add up to the result count.
    let mut sum = 0;
    for b in actions::all(c, "[data-testid=stance-map] button[data-count]").await {
        sum += actions::attr(&b, "data-count").await.parse::<usize>().unwrap();
    }
    assert_eq!(sum, actions::result_count(c).await);
    actions::screenshot(c, "timeline").await;
    actions::click(c, &locators::facet_box("stance", "refutes")).await;
    let want = dated(&|x| x.stance == Stance::Refutes);
    actions::until("timeline follows the filter", || async { marks(c).await == want }).await;
    let mut sum = 0;
    for b in actions::all(c, "[data-testid=stance-map] button[data-stance=refutes]").await {
        sum += actions::attr(&b, "data-count").await.parse::<usize>().unwrap();
    }
    assert_eq!(sum, actions::result_count(c).await, "stance map counts equal the list count");
    s.close().await;
}

/// Wait for a finished download whose name ends with `ext`.
pub(super) async fn downloaded(dir: &std::path::Path, ext: &str) -> String {
    let t0 = Instant::now();
    loop {
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().to_string();
                if n.ends_with(ext) {
                    std::thread::sleep(Duration::from_millis(100));
                    return std::fs::read_to_string(e.path()).unwrap();
                }
            }
        }
        assert!(t0.elapsed() < Duration::from_secs(10), "no {ext} download");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_hold_exactly_the_visible_claims() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("?stance=supports")).await;
    let mut visible = actions::card_ids(c).await;
    visible.sort();
    assert!(!visible.is_empty());
    actions::click(c, "[data-testid=export-menu] summary").await;
    actions::click(c, "[data-export=json]").await;
    let json: serde_json::Value = serde_json::from_str(&downloaded(&s.downloads.0, ".json").await).unwrap();
    let mut ids: Vec<String> = json["claims"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    assert_eq!(ids, visible, "JSON export = visible claims");
    assert!(json["claims"].as_array().unwrap().iter().all(|c| c["stance"] == "supports"));
    actions::click(c, "[data-export=csv]").await;
    let csv = downloaded(&s.downloads.0, ".csv").await;
    let csv = csv.strip_prefix('\u{FEFF}').expect("the CSV starts with a byte-order mark (for Excel)");
    let rows = parse_csv(csv);
    let col = rows[0].iter().position(|h| h == "id").expect("an id column");
    let mut ids: Vec<String> = rows[1..].iter().map(|r| r[col].clone()).collect();
    ids.sort();
    assert_eq!(ids, visible, "CSV export = visible claims");
    actions::click(c, "[data-export=jsonld]").await;
    let ld: serde_json::Value = serde_json::from_str(&downloaded(&s.downloads.0, ".jsonld").await).unwrap();
    assert_eq!(ld["@graph"].as_array().unwrap().len(), visible.len());
    actions::click(c, "[data-export=md]").await;
    let md = downloaded(&s.downloads.0, ".md").await;
    assert_eq!(md.lines().filter(|l| l.split('.').next().is_some_and(|n| n.parse::<usize>().is_ok())).count(), visible.len());
    s.close().await;
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut q) = (Vec::new(), Vec::new(), String::new(), false);
    let mut it = s.chars().peekable();
    while let Some(ch) = it.next() {
        match (q, ch) {
            (true, '"') if it.peek() == Some(&'"') => {
                field.push('"');
                it.next();
            }
            (true, '"') => q = false,
            (true, c) => field.push(c),
            (false, '"') => q = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
