//! Claim extraction against the development gold: export, `tests/gold/score.py`, and the bar (recall 1.0, precision ≥ 0.95, stance ≥ 0.95).
use counterclaim_core::{corpus::Corpus, export};
use std::path::Path;

fn seeds() -> Corpus {
    counterclaim_builder::load::load(Path::new(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds"))).expect("seeds/")
}
use std::process::Command;

/// `recall 1.000 (24/24)  precision 0.976 (41/42)  f1 0.988  stance 1.000 (24/24)` → (recall, precision, stance).
fn parse_summary(line: &str) -> Option<(f64, f64, f64)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let value = |name: &str| words.iter().position(|w| *w == name).and_then(|i| words.get(i + 1)).and_then(|v| v.parse::<f64>().ok());
    Some((value("recall")?, value("precision")?, value("stance")?))
}

#[test]
fn summary_line_parses() {
    let l = "recall 1.000 (24/24)  precision 0.976 (41/42)  f1 0.988  stance 0.958 (23/24)";
    assert_eq!(parse_summary(l), Some((1.0, 0.976, 0.958)));
}

#[test]
fn claims_keep_their_invariants() {
    let corpus = seeds();
    assert!(!corpus.claims.is_empty());
    for c in &corpus.claims {
        let doc = corpus.document(&c.doc).expect("claim of a known document");
        assert!(
            c.start < c.end && c.end <= doc.body.len() && doc.body.is_char_boundary(c.start) && doc.body.is_char_boundary(c.end),
            "{c:?}"
        );
        assert!(!c.speaker.is_empty() && !c.speaker_id.is_empty(), "{c:?}");
        assert_eq!(c.date, doc.date, "claim date is the document date");
        for cue in &c.stance_cues {
            assert!(c.text.contains(cue.as_str()), "stance cue {cue:?} not in {:?}", c.text);
        }
        for e in &c.entities {
            assert!(corpus.config.entity(e).is_some(), "unknown entity {e}");
        }
        if let Some(s) = &c.side {
            assert!(corpus.config.side(s).is_some(), "unknown side {s}");
        }
    }
}

#[test]
fn scorer_bar_on_the_development_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = seeds();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("extract_gold_export.json");
    std::fs::write(&out, export::to_json(&corpus)).expect("write export");
    let run = Command::new("python3")
        .arg(root.join("tests/gold/score.py"))
        .arg(root.join("tests/gold/seeds.toml"))
        .arg(&out)
        .arg("--verbose")
        .output()
        .expect("python3 runs tests/gold/score.py");
    let stdout = String::from_utf8_lossy(&run.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "score.py failed");
    let summary = stdout.lines().rev().find(|l| l.starts_with("recall")).expect("summary line");
    let (recall, precision, stance) = parse_summary(summary).expect("summary numbers");
    assert!(recall >= 0.9995, "recall {recall} < 1.0: {summary}");
    assert!(precision >= 0.95, "precision {precision} < 0.95: {summary}");
    assert!(stance >= 0.95, "stance {stance} < 0.95: {summary}");
}
