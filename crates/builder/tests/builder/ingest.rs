//! Corpus ingest on the real seeds (metadata as each text gives it, clean bodies, exact offsets) and on bad input.
use std::path::Path;

use counterclaim_builder::ingest::{self, MAX_FILE_BYTES};
use counterclaim_builder::load::{read_folder, Folder};
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::model::{CorpusNote, Document, NoteLevel};

fn seeds_folder() -> Folder {
    read_folder(Path::new(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds"))).expect("seeds/")
}

fn config() -> CorpusConfig {
    seeds_folder().config.expect("corpus.toml parses")
}

/// Every `seeds/*.txt`, sorted by name.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    seeds_folder().files
}

fn ingest(files: &[(String, Vec<u8>)]) -> (Vec<Document>, Vec<CorpusNote>) {
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    ingest::ingest_all(&refs, &config())
}

fn seeds() -> Vec<Document> {
    ingest(&seed_files()).0
}

fn seed(prefix: &str) -> Document {
    seeds().into_iter().find(|d| d.file.starts_with(prefix)).unwrap_or_else(|| panic!("seed {prefix} not loaded"))
}

/// What the text of a seed says about itself (read off the file by hand).
struct Expect {
    title: Option<&'static str>,
    outlet: Option<&'static str>,
    date: Option<&'static str>,
    date_source: Option<&'static str>,
    dateline: Option<&'static str>,
    author: Option<&'static str>,
    first_words: &'static str,
    last_words: &'static str,
}

fn check(prefix: &str, e: Expect) {
    let d = seed(prefix);
    assert_eq!(d.title.as_deref(), e.title, "{prefix} title");
    assert_eq!(d.outlet.as_deref(), e.outlet, "{prefix} outlet");
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), e.date, "{prefix} date");
    assert_eq!(d.date_source.as_deref(), e.date_source, "{prefix} date_source");
    assert_eq!(d.dateline.as_deref(), e.dateline, "{prefix} dateline");
    assert_eq!(d.author.as_deref(), e.author, "{prefix} author");
    assert!(d.body.starts_with(e.first_words), "{prefix} body starts {:?}", &d.body[..d.body.len().min(80)]);
    assert!(d.body.ends_with(e.last_words), "{prefix} body ends {:?}", &d.body[d.body.len().saturating_sub(80)..]);
}

#[test]
fn seed_000_header_date_dateline_and_outlet_credit() {
    // " date 2024-01-01 WASHINGTON (Ariana News): The Pentagon said …" — no headline line.
    check(
        "000_",
        Expect {
            title: None,
            outlet: Some("Ariana News"),
            date: Some("2024-01-01"),
            date_source: Some("header \"date 2024-01-01\""),
            dateline: Some("WASHINGTON"),
            author: None,
            first_words: "The Pentagon said this week",
            last_words: "carry out attacks on another country.",
        },
    );
}

#[test]
fn seed_001_date_line_title_author_widget_and_outlet_from_bio() {
    // "Sunday, March 3, 2024" / headline / "Immigration News" / author widget + bio naming Khaama Press /
    // photo caption / "Kabul, Afghanistan – …" / … / ads, comment form, footer.
    check(
        "001_",
        Expect {
            title: Some("ISIS Trying to Regroup in Afghanistan: Gen. Milley"),
            outlet: Some("Khaama Press"),
            // The "today" bar above the headline is the site's date (the article is older): not asserted.
            date: None,
            date_source: Some("date uncertain: \"Sunday, March 3, 2024\" above the headline is the site's date bar, not the article's"),
            dateline: Some("Kabul"),
            author: Some("Arif Ahmadi"),
            first_words: "Chairman of the US Joint Chief of Staff General Mark Milley said Tuesday",
            last_words: "roughly 40 million citizens.",
        },
    );
}

#[test]
fn seed_002_site_name_line_and_date_line() {
    // "Press TV" / "November 10, 2019" / body — no headline line, no dateline.
    check(
        "002_",
        Expect {
            title: None,
            outlet: Some("Press TV"),
            date: Some("2019-11-10"),
            date_source: Some("date line \"November 10, 2019\""),
            dateline: None,
            author: None,
            first_words: "A top security official in Afghanistan says",
            last_words: "USA Today reported.",
        },
    );
}

#[test]
fn seed_003_title_only_and_related_list() {
    // Headline, one-line paragraphs, then a "More in Security" teaser list; no outlet or date in the text.
    check(
        "003_",
        Expect {
            title: Some("Interior Ministry Assures ISIS Completely Suppressed, Seeks Security Cooperation with Neighbors"),
            outlet: None,
            date: None,
            date_source: None,
            dateline: None,
            author: None,
            first_words: "The Ministry of Interior has assured",
            last_words: "border management with Afghanistan.",
        },
    );
    let d = seed("003_");
    assert_eq!(d.paragraphs.len(), 6, "one paragraph per line");
    assert_eq!(d.related.len(), 4, "four distinct teasers: {:?}", d.related);
    assert!(d.related.iter().all(|r| !r.ends_with('.')));
    assert!(d.extras.iter().any(|e| e == "More in Security"));
}

#[test]
fn seed_004_last_updated_line() {
    // "(Last Updated On: September 15, 2023)" then the body; the text names no outlet (the gold file's
    // "Ariana News" is not in the text, so it is not guessed).
    check(
        "004_",
        Expect {
            title: None,
            outlet: None,
            date: Some("2023-09-15"),
            date_source: Some("updated line \"(Last Updated On: September 15, 2023)\""),
            dateline: None,
            author: None,
            first_words: "Iranian Minister of Intelligence Seyyed Ismail Khatib says",
            last_words: "always called \u{201C}baseless\u{201D}.",
        },
    );
}

#[test]
fn seeds_load_without_errors_and_ids_are_file_stems() {
    let (docs, notes) = ingest(&seed_files());
    assert!(docs.len() >= 5);
    assert!(notes.iter().all(|n| n.level == NoteLevel::Warning), "{notes:?}");
    for d in &docs {
        assert_eq!(d.id, d.file.trim_end_matches(".txt"));
        assert!(!d.body.is_empty(), "{} has a body", d.file);
    }
    // Missing titles are reported, naming the file.
    for f in ["000_", "002_", "004_"] {
        assert!(notes.iter().any(|n| n.file.starts_with(f) && n.message.contains("no title")), "{f}: {notes:?}");
    }
    // Ids do not depend on the order of the files.
    let mut rev = seed_files();
    rev.reverse();
    let ids: Vec<String> = ingest(&rev).0.into_iter().map(|d| d.id).rev().collect();
    assert_eq!(ids, docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>());
}

/// Case-insensitive markers of page furniture (general patterns plus the furniture these seeds carry).
const FURNITURE: &[&str] = &[
    "advertisement",
    "please enter your",
    "captcha",
    "leave a reply",
    "your email address",
    "save my name",
    "more articles",
    "more in security",
    "related posts",
    "read more",
    "holds a b.a.",
    "content writer",
    "ap photo",
    "file:",
    "immigration news",
    "the world news",
    "last updated on",
    "date 2024-01-01",
    "(ariana news)",
    "cookie",
    "all rights reserved",
];

#[test]
fn no_furniture_in_any_body() {
    for d in seeds() {
        let lc = d.body.to_lowercase();
        for f in FURNITURE {
            assert!(!lc.contains(f), "{}: body contains furniture {f:?}", d.file);
        }
        for r in &d.related {
            assert!(!d.body.contains(r.as_str()), "{}: related teaser {r:?} in body", d.file);
        }
        for x in &d.extras {
            assert!(!d.body.contains(x.as_str()), "{}: extra {x:?} in body", d.file);
        }
        // A title is not repeated as the first paragraph.
        if let Some(t) = &d.title {
            assert!(!d.body.starts_with(t.as_str()), "{}: title in body", d.file);
        }
        // Metadata lines are not in the body either.
        for l in d.body.lines() {
            assert!(counterclaim_builder::dates::date_line(l).is_none(), "{}: date line {l:?} in body", d.file);
        }
    }
}

#[test]
fn furniture_is_kept_aside_not_dropped() {
    let d = seed("001_");
    for x in ["- Advertisement -", "Please enter your comment!", "Immigration News", "The World News"] {
        assert!(d.extras.iter().any(|e| e == x), "{x:?} not in extras {:?}", d.extras);
    }
    assert!(d.extras.iter().any(|e| e.starts_with("Arif Ahmadi holds")), "author bio kept aside");
    assert!(d.extras.iter().any(|e| e.starts_with("FILE:")), "photo caption kept aside");
}

#[test]
fn paragraph_offsets_slice_the_body_exactly() {
    for d in seeds() {
        assert!(!d.paragraphs.is_empty(), "{}", d.file);
        let mut rebuilt = String::new();
        let mut prev_end = None;
        for p in &d.paragraphs {
            assert!(p.start < p.end && p.end <= d.body.len(), "{}: {p:?}", d.file);
            assert!(d.body.is_char_boundary(p.start) && d.body.is_char_boundary(p.end));
            if let Some(e) = prev_end {
                assert_eq!(&d.body[e..p.start], "\n\n", "{}: paragraphs joined by a blank line", d.file);
            } else {
                assert_eq!(p.start, 0);
            }
            let text = d.paragraph_text(p);
            assert_eq!(text, text.trim(), "{}: no stray whitespace", d.file);
            assert!(!text.contains('\n'), "{}: a paragraph is one line", d.file);
            assert_eq!(d.paragraph_at(p.start), Some(p));
            if !rebuilt.is_empty() {
                rebuilt.push_str("\n\n");
            }
            rebuilt.push_str(text);
            prev_end = Some(p.end);
        }
        assert_eq!(prev_end, Some(d.body.len()));
        assert_eq!(rebuilt, d.body);
        assert!(!d.body.contains('\r') && !d.body.contains('\u{a0}') && !d.body.contains('\u{feff}'));
    }
}

// ------------------------------------------------------------------------------------------------ bad input

const ARTICLE: &str = "A Headline For A Test Article\n\nKABUL (Pajhwok): Officials said on Sunday that the district was calm again.\n\nResidents confirmed the account.\n";

fn run(files: &[(&str, Vec<u8>)]) -> (Vec<Document>, Vec<CorpusNote>) {
    let owned: Vec<(String, Vec<u8>)> = files.iter().map(|(n, b)| (n.to_string(), b.clone())).collect();
    ingest(&owned)
}

fn note_for<'a>(notes: &'a [CorpusNote], file: &str) -> &'a CorpusNote {
    notes.iter().find(|n| n.file == file).unwrap_or_else(|| panic!("no note for {file}: {notes:?}"))
}

#[test]
fn empty_file_is_an_error_and_the_rest_loads() {
    let (docs, notes) = run(&[("empty.txt", vec![]), ("good.txt", ARTICLE.into())]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "good");
    let n = note_for(&notes, "empty.txt");
    assert_eq!(n.level, NoteLevel::Error);
    assert!(n.message.contains("empty"), "{n:?}");
    let (docs, notes) = run(&[("blank.txt", b" \r\n\t\n".to_vec()), ("good.txt", ARTICLE.into())]);
    assert_eq!(docs.len(), 1);
    assert_eq!(note_for(&notes, "blank.txt").level, NoteLevel::Error);
}

#[test]
fn binary_file_is_an_error_and_skipped() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    let (docs, notes) = run(&[("image.txt", png), ("good.txt", ARTICLE.into())]);
    assert_eq!(docs.len(), 1);
    let n = note_for(&notes, "image.txt");
    assert_eq!(n.level, NoteLevel::Error);
    assert!(n.message.contains("binary"), "{n:?}");
    // Control-character soup without NULs is binary too.
    let junk: Vec<u8> = (1u8..=8).cycle().take(300).collect();
    let (_, notes) = run(&[("junk.txt", junk)]);
    assert_eq!(note_for(&notes, "junk.txt").level, NoteLevel::Error);
}

#[test]
fn stray_nul_and_control_characters_in_text_are_removed_with_a_warning() {
    let text = ARTICLE.replace("district", "dis\0trict").replace("Residents", "\x1b[31mResidents");
    let (docs, notes) = run(&[("stray.txt", text.into_bytes())]);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].body.contains("district was calm") && docs[0].body.contains("[31mResidents"));
    assert!(!docs[0].body.contains('\0') && !docs[0].body.contains('\x1b'));
    let n = note_for(&notes, "stray.txt");
    assert_eq!(n.level, NoteLevel::Warning);
    assert!(n.message.contains("control character"), "{n:?}");
}

#[test]
fn non_utf8_text_is_decoded_with_a_warning() {
    // Windows-1252: é, curly quotes, en dash.
    let latin: Vec<u8> =
        b"Caf\xE9 Owners Say Business Is Back\n\nKABUL \x96 \x93We are open again,\x94 the owner said on Sunday.\n".to_vec();
    let (docs, notes) = run(&[("latin.txt", latin)]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title.as_deref(), Some("Café Owners Say Business Is Back"));
    assert_eq!(docs[0].body, "\u{201C}We are open again,\u{201D} the owner said on Sunday.");
    assert_eq!(docs[0].dateline.as_deref(), Some("KABUL"));
    let n = note_for(&notes, "latin.txt");
    assert_eq!(n.level, NoteLevel::Warning);
    assert!(n.message.contains("UTF-8"), "{n:?}");
    // Mostly UTF-8 with one broken byte: lossy, with a warning.
    let mut broken = ARTICLE.replace("calm", "cälm").into_bytes();
    broken.extend_from_slice(b"\xFF\n");
    let (docs, notes) = run(&[("broken.txt", broken)]);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].body.contains("cälm"));
    let n = note_for(&notes, "broken.txt");
    assert_eq!(n.level, NoteLevel::Warning);
    assert!(n.message.contains("invalid"), "{n:?}");
}

#[test]
fn file_over_5_mb_is_truncated_with_a_warning() {
    let para = "Officials said the district was calm again on Sunday, and residents confirmed the account to reporters.\n\n";
    let mut big = String::from("A Very Long Article Headline\n\n");
    while big.len() <= MAX_FILE_BYTES + 100_000 {
        big.push_str(para);
    }
    let size = big.len();
    let t0 = std::time::Instant::now();
    let (docs, notes) = run(&[("big.txt", big.into_bytes()), ("good.txt", ARTICLE.into())]);
    println!("ingest of a {size}-byte file: {:?}", t0.elapsed());
    assert_eq!(docs.len(), 2, "the big file still loads (truncated) and so does the rest");
    let n = note_for(&notes, "big.txt");
    assert_eq!(n.level, NoteLevel::Warning);
    assert!(n.message.contains("truncated") && n.message.contains(&size.to_string()), "{n:?}");
    let d = &docs[0];
    assert!(d.body.len() <= MAX_FILE_BYTES);
    assert!(d.body.ends_with("to reporters."), "cut at a line break");
    assert_eq!(d.title.as_deref(), Some("A Very Long Article Headline"));
}

#[test]
fn file_without_a_title_line_gets_a_warning() {
    let (docs, notes) = run(&[("untitled.txt", b"Officials said on Sunday that the district was calm again.\n".to_vec())]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title, None);
    assert_eq!(
        docs[0].display_title(),
        "Officials said on Sunday that the district was calm again.",
        "display falls back to the opening words"
    );
    let n = note_for(&notes, "untitled.txt");
    assert_eq!(n.level, NoteLevel::Warning);
    assert!(n.message.contains("title"), "{n:?}");
}

#[test]
fn identical_files_warn_naming_both_and_skip_the_second() {
    let crlf = ARTICLE.replace('\n', "\r\n");
    let (docs, notes) = run(&[("a.txt", ARTICLE.into()), ("b.txt", ARTICLE.into()), ("c.txt", crlf.into())]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "a");
    for dup in ["b.txt", "c.txt"] {
        let n = note_for(&notes, dup);
        assert_eq!(n.level, NoteLevel::Warning);
        assert!(n.message.contains("a.txt") && n.message.contains(dup), "{n:?}");
    }
}

#[test]
fn crlf_cr_and_bom_are_normalised() {
    let lf = run(&[("x.txt", ARTICLE.into())]).0.remove(0);
    for (label, bytes) in [
        ("crlf", ARTICLE.replace('\n', "\r\n").into_bytes()),
        ("cr", ARTICLE.replace('\n', "\r").into_bytes()),
        ("bom", [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat()),
        ("bom+crlf", [b"\xEF\xBB\xBF".as_slice(), ARTICLE.replace('\n', "\r\n").as_bytes()].concat()),
    ] {
        let (mut docs, notes) = run(&[("x.txt", bytes)]);
        assert!(notes.is_empty(), "{label}: {notes:?}");
        let d = docs.remove(0);
        assert_eq!(d, lf, "{label}");
        assert_eq!(d.title.as_deref(), Some("A Headline For A Test Article"), "{label}: no BOM in the title");
    }
    assert_eq!(lf.outlet.as_deref(), Some("Pajhwok Afghan News"));
    assert_eq!(lf.dateline.as_deref(), Some("KABUL"));
}

#[test]
fn a_new_article_with_different_furniture_is_cleaned_by_the_same_rules() {
    let text = "\
Skip to content
Home > News > Afghanistan
Officials Say Checkpoints Reopened in Northern Provinces
By Jane Roe | TOLO News
Published: 10 Nov 2019 12:30 GMT

Share on Facebook

MAZAR-I-SHARIF, Afghanistan \u{2014} Officials said on Sunday that checkpoints had reopened across the north.

ADVERTISEMENT

\u{201C}Traffic is normal again,\u{201D} a police spokesman said.
Read more: Floods damage bridges in Baghlan

We use cookies to give you the best experience. By continuing you accept our cookie policy.

You may also like

Floods Damage Bridges in Baghlan
Officials Meet Elders in Balkh
Trade Resumes at Hairatan Port

Leave a Reply
Your email address will not be published.
Jane Roe is a journalist who covers the north for TOLO News.
\u{a9} 2019 TOLO News. All rights reserved.
";
    let (docs, notes) = run(&[("new.txt", text.into())]);
    assert!(notes.is_empty(), "{notes:?}");
    let d = &docs[0];
    assert_eq!(d.title.as_deref(), Some("Officials Say Checkpoints Reopened in Northern Provinces"));
    assert_eq!(d.author.as_deref(), Some("Jane Roe"));
    assert_eq!(d.outlet.as_deref(), Some("TOLOnews"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2019-11-10"));
    assert_eq!(d.dateline.as_deref(), Some("MAZAR-I-SHARIF"));
    assert_eq!(
        d.body,
        "Officials said on Sunday that checkpoints had reopened across the north.\n\n\u{201C}Traffic is normal again,\u{201D} a police spokesman said."
    );
    assert_eq!(d.related.len(), 3, "{:?}", d.related);
    assert!(d.extras.iter().any(|e| e.starts_with("We use cookies")));
    assert!(d.extras.iter().any(|e| e.starts_with("Jane Roe is a journalist")));
}

#[test]
fn arbitrary_bytes_never_panic_and_offsets_stay_valid() {
    use proptest::prelude::*;
    let cfg = config();
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 300, ..Default::default() });
    let lines = prop::collection::vec(
        prop_oneof![
            "[ -~]{0,80}",
            "\\PC{0,60}",
            Just("- Advertisement -".to_string()),
            Just("More in Security".to_string()),
            Just("Sunday, March 3, 2024".to_string()),
            Just("KABUL (Reuters) - ".to_string()),
            Just(String::new()),
        ],
        0..30,
    );
    runner
        .run(&(lines, prop::collection::vec(any::<u8>(), 0..200)), |(lines, bytes)| {
            let text = lines.join("\n");
            for input in [text.as_bytes(), bytes.as_slice()] {
                let (docs, _) = ingest::ingest_all(&[("p.txt", input)], &cfg);
                for d in docs {
                    for p in &d.paragraphs {
                        prop_assert!(p.start <= p.end && p.end <= d.body.len());
                        prop_assert!(d.body.get(p.start..p.end).is_some());
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}
