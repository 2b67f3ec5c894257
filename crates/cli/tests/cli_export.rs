//! The built `counterclaim export` binary: JSON contract on the seeds, CSV, bad files, bad arguments, speed.
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Instant;

use serde_json::Value;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_counterclaim")
}

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("COUNTERCLAIM_ROOT")).join("seeds")
}

fn run(args: &[&str]) -> Output {
    Command::new(bin()).args(args).output().expect("run counterclaim")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

mod common;
use common::TempDir;

fn is_str_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

fn is_str_array(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
}

fn is_iso_date(v: &Value) -> bool {
    match v.as_str() {
        None => v.is_null(),
        Some(s) => {
            let b = s.as_bytes();
            b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        }
    }
}

/// Check the whole JSON contract; returns the parsed value.
fn validate(json: &str) -> Value {
    let v: Value = serde_json::from_str(json).expect("stdout is JSON");
    assert_eq!(v["version"], 1, "version");
    assert!(v["question"].is_string(), "question");
    let docs = v["documents"].as_array().expect("documents array");
    for d in docs {
        for k in ["id", "file"] {
            assert!(d[k].is_string(), "document {k}: {d}");
        }
        assert!(d["file"].as_str().unwrap().ends_with(".txt"));
        for k in ["title", "outlet", "date", "date_source", "dateline", "author"] {
            assert!(d.get(k).is_some_and(is_str_or_null), "document {k} is a string or null: {}", d["id"]);
        }
        assert!(is_iso_date(&d["date"]), "document date is YYYY-MM-DD: {}", d["date"]);
        assert!(is_str_array(&d["paragraphs"]), "paragraphs: {}", d["id"]);
        assert!(is_str_array(&d["related"]), "related: {}", d["id"]);
    }
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    for c in v["claims"].as_array().expect("claims array") {
        for k in ["id", "doc", "speaker", "speaker_id", "text"] {
            assert!(c[k].is_string(), "claim {k}: {c}");
        }
        for k in ["role", "affiliation", "side", "cue"] {
            assert!(c.get(k).is_some_and(is_str_or_null), "claim {k}: {c}");
        }
        for k in ["start", "end"] {
            assert!(c[k].is_u64(), "claim {k}: {c}");
        }
        assert!(matches!(c["kind"].as_str(), Some("direct" | "indirect")), "claim kind: {c}");
        assert!(matches!(c["stance"].as_str(), Some("supports" | "refutes" | "neutral")), "claim stance: {c}");
        assert!(is_str_array(&c["stance_cues"]) && is_str_array(&c["entities"]), "claim arrays: {c}");
        assert!(is_iso_date(&c["date"]), "claim date: {c}");
        assert!(ids.contains(&c["doc"].as_str().unwrap()), "claim doc is a document id: {c}");
    }
    for n in v["notes"].as_array().expect("notes array") {
        assert!(n["file"].is_string() && n["message"].is_string(), "note: {n}");
        assert!(matches!(n["level"].as_str(), Some("warning" | "error")), "note level: {n}");
    }
    v
}

#[test]
fn export_seeds_as_json_matches_the_contract_quickly() {
    let t0 = Instant::now();
    let out = run(&["export", seeds_dir().to_str().unwrap()]);
    let secs = t0.elapsed().as_secs_f64();
    println!("counterclaim export on seeds/: {secs:.3} s wall (debug build)");
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(&out));
    assert!(secs < 5.0, "export took {secs:.3} s");
    let v = validate(&String::from_utf8(out.stdout.clone()).unwrap());
    assert!(!v["question"].as_str().unwrap().is_empty());
    let docs = v["documents"].as_array().unwrap();
    assert!(docs.len() >= 5);
    let doc = |prefix: &str| docs.iter().find(|d| d["file"].as_str().unwrap().starts_with(prefix)).unwrap();
    assert_eq!(doc("000_")["outlet"], "Ariana News");
    assert_eq!(doc("000_")["dateline"], "WASHINGTON");
    // "Sunday, March 3, 2024" above the headline is the site's date bar: no date, and the export says why.
    assert!(doc("001_")["date"].is_null(), "{}", doc("001_"));
    assert!(doc("001_")["date_source"].as_str().unwrap().starts_with("date uncertain"), "{}", doc("001_"));
    assert_eq!(doc("002_")["outlet"], "Press TV");
    assert_eq!(doc("003_")["related"].as_array().unwrap().len(), 4);
    assert_eq!(doc("004_")["date_source"], "updated line \"(Last Updated On: September 15, 2023)\"");
    // Notes are printed on stderr too.
    assert!(stderr(&out).contains("no title"), "{}", stderr(&out));
}

#[test]
fn json_is_the_default_format_and_both_flag_spellings_work() {
    let seeds = seeds_dir();
    let s = seeds.to_str().unwrap();
    let a = run(&["export", s]);
    let b = run(&["export", "--format", "json", s]);
    let c = run(&["export", "--format=json", s]);
    assert!(a.status.success() && b.status.success() && c.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.stdout, c.stdout);
}

#[test]
fn default_seeds_dir_is_seeds_in_the_working_directory() {
    let out = Command::new(bin()).arg("export").current_dir(env!("COUNTERCLAIM_ROOT")).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    validate(&String::from_utf8(out.stdout).unwrap());
}

/// Minimal RFC 4180 reader: rows of fields.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                _ => field.push(c),
            }
        }
    }
    assert!(field.is_empty() && row.is_empty(), "ends with CRLF");
    rows
}

#[test]
fn csv_export_has_a_header_and_one_row_per_claim() {
    let out = run(&["export", "--format", "csv", seeds_dir().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], counterclaim_core::export::CSV_COLUMNS);
    for r in &rows[1..] {
        assert_eq!(r.len(), rows[0].len(), "{r:?}");
    }
    let json = run(&["export", seeds_dir().to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows.len() - 1, v["claims"].as_array().unwrap().len());
}

#[test]
fn bad_files_become_notes_and_the_rest_still_exports() {
    let dir = TempDir::new("bad");
    std::fs::copy(seeds_dir().join("corpus.toml"), dir.path().join("corpus.toml")).unwrap();
    let good = std::fs::read(seeds_dir().join("002_a46a3c03e0c68934.txt")).unwrap();
    dir.write("a_good.txt", &good);
    dir.write("b_copy.txt", &good);
    dir.write("c_empty.txt", b"");
    dir.write("d_binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    dir.write("e_latin1.txt", b"Caf\xE9 Owners Say Business Is Back\n\nKABUL \x96 The owner said on Sunday that business was back.\n");
    dir.write("f_untitled.txt", b"Officials said on Sunday that the district was calm again.\r\n");
    dir.write("ignored.rtf", b"not an article file (.txt, .html, .htm, .md)");
    let mut big = String::from("A Very Long Article Headline\n\n");
    while big.len() <= 5_000_000 + 10_000 {
        big.push_str("Officials said the district was calm again on Sunday, and residents confirmed the account.\n\n");
    }
    dir.write("g_big.txt", big.as_bytes());

    let out = run(&["export", dir.arg()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = validate(&String::from_utf8(out.stdout.clone()).unwrap());
    let files: Vec<&str> = v["documents"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["a_good.txt", "e_latin1.txt", "f_untitled.txt", "g_big.txt"]);
    let notes = v["notes"].as_array().unwrap();
    let note = |file: &str| -> (&str, &str) {
        let n = notes.iter().find(|n| n["file"] == file).unwrap_or_else(|| panic!("no note for {file}: {notes:?}"));
        (n["level"].as_str().unwrap(), n["message"].as_str().unwrap())
    };
    let (level, msg) = note("b_copy.txt");
    assert!(level == "warning" && msg.contains("a_good.txt"), "{msg}");
    assert_eq!(note("c_empty.txt").0, "error");
    assert!(note("d_binary.txt").1.contains("binary"));
    assert_eq!(note("e_latin1.txt").0, "warning");
    assert!(note("f_untitled.txt").1.contains("title"));
    assert!(note("g_big.txt").1.contains("truncated"));
    let err = stderr(&out);
    for f in ["b_copy.txt", "c_empty.txt", "d_binary.txt", "e_latin1.txt", "f_untitled.txt", "g_big.txt"] {
        assert!(err.contains(f), "stderr names {f}: {err}");
    }
}

#[test]
fn missing_or_broken_configuration() {
    let dir = TempDir::new("nocfg");
    dir.write("a.txt", b"A Headline For The Article\n\nOfficials said on Sunday that the district was calm.\n");
    let out = run(&["export", dir.arg()]);
    assert!(out.status.success(), "no corpus.toml: still exports: {}", stderr(&out));
    assert!(stderr(&out).contains("corpus.toml"));
    let v = validate(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    dir.write("corpus.toml", b"question = [unclosed");
    let out = run(&["export", dir.arg()]);
    assert_eq!(out.status.code(), Some(1), "broken corpus.toml");
    assert!(stderr(&out).contains("corpus.toml"));
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_directory_is_a_clear_error() {
    let out = run(&["export", "/definitely/not/a/seeds/dir"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("not found") && err.contains("/definitely/not/a/seeds/dir"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_arguments_print_usage_and_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["export", "--format"],
        vec!["export", "--format", "xml"],
        vec!["export", "--format=yaml"],
        vec!["export", "--bogus"],
        vec!["export", "one", "two"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage: counterclaim export"), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("usage"));
}
