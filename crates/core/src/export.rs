//! Corpus export: the versioned JSON contract (whole corpus or the documents behind a set of claims) and a CSV of claims.
use std::collections::HashSet;

use serde::Serialize;

use super::corpus::Corpus;
use super::model::{Claim, CorpusNote, Document};

/// Version of the JSON contract; bumped only if a field is renamed or removed.
pub const FORMAT_VERSION: u32 = 1;

/// One document in the export. `paragraphs` joined with "\n\n" is the body that claim offsets point into.
#[derive(Serialize)]
struct ExportDocument<'a> {
    id: &'a str,
    file: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<crate::date::PartialDate>,
    date_source: Option<&'a str>,
    dateline: Option<&'a str>,
    author: Option<&'a str>,
    /// The page's address where its header gave one.
    url: Option<&'a str>,
    paragraphs: Vec<&'a str>,
    related: &'a [String],
    extras: &'a [String],
}

impl<'a> From<&'a Document> for ExportDocument<'a> {
    fn from(d: &'a Document) -> Self {
        ExportDocument {
            id: &d.id,
            file: &d.file,
            title: d.title.as_deref(),
            outlet: d.outlet.as_deref(),
            date: d.date,
            date_source: d.date_source.as_deref(),
            dateline: d.dateline.as_deref(),
            author: d.author.as_deref(),
            url: d.source_url(),
            paragraphs: d.paragraphs.iter().filter_map(|p| d.body.get(p.start..p.end)).collect(),
            related: &d.related,
            extras: &d.extras,
        }
    }
}

/// One claim in the export: its fields (`start`, `end` and `pieces` in UTF-8 bytes of the body) and `spans`, each
/// piece of the body its text is made of in characters (Unicode scalar values), with the piece's text.
#[derive(Serialize)]
struct ExportClaim<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    spans: Vec<CharSpan<'a>>,
}

/// A piece of a document body in characters: `body.chars().skip(start).take(end - start)` is `text`.
#[derive(Serialize, Debug, PartialEq)]
struct CharSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> ExportClaim<'a> {
    fn new(corpus: &'a Corpus, claim: &'a Claim) -> Self {
        let body = corpus.document(&claim.doc).map_or("", |d| d.body.as_str());
        let chars = |b: usize| body.get(..b).map_or(0, |s| s.chars().count());
        let spans = claim
            .spans()
            .into_iter()
            .filter_map(|p| body.get(p.start..p.end).map(|text| CharSpan { start: chars(p.start), end: chars(p.end), text }))
            .collect();
        ExportClaim { claim, spans }
    }
}

#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    question: &'a str,
    documents: Vec<ExportDocument<'a>>,
    claims: Vec<ExportClaim<'a>>,
    notes: &'a [CorpusNote],
}

fn render(corpus: &Corpus, documents: Vec<ExportDocument<'_>>, claims: &[&Claim]) -> String {
    let claims = claims.iter().map(|c| ExportClaim::new(corpus, c)).collect();
    let export = Export { version: FORMAT_VERSION, question: &corpus.config.question, documents, claims, notes: &corpus.notes };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&export).unwrap_or_else(|e| format!("{{\"version\":{FORMAT_VERSION},\"error\":{:?}}}", e.to_string()))
}

/// The whole corpus as pretty JSON: `{"version":1,"question",…,"documents":[…],"claims":[…],"notes":[…]}`.
pub fn to_json(corpus: &Corpus) -> String {
    let claims: Vec<&Claim> = corpus.claims.iter().collect();
    render(corpus, corpus.documents.iter().map(ExportDocument::from).collect(), &claims)
}

/// The same contract for a subset of claims ("export current view"): only the documents those claims come from.
pub fn to_json_subset(corpus: &Corpus, claims: &[&Claim]) -> String {
    let wanted: HashSet<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
    let docs = corpus.documents.iter().filter(|d| wanted.contains(d.id.as_str())).map(ExportDocument::from).collect();
    render(corpus, docs, claims)
}

/// CSV column names, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "doc",
    "file",
    "title",
    "outlet",
    "date",
    "speaker",
    "speaker_id",
    "role",
    "affiliation",
    "side",
    "kind",
    "stance",
    "text",
    "cue",
    "stance_cues",
    "entities",
    "start",
    "end",
    "url",
    "corrected",
];

/// One field, quoted per RFC 4180 when it holds a comma, quote, CR or LF (or leading/trailing spaces).
fn csv_field(s: &str, out: &mut String) {
    let quote = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if quote {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The given claims as CSV (RFC 4180: CRLF line ends, header row), one row per claim with its document's title
/// (as displayed), outlet and date, and its kind as the app names it. (A byte-order mark for Excel is the
/// caller's to add: the app's download adds one.)
pub fn to_csv(corpus: &Corpus, claims: &[&Claim]) -> String {
    let mut out = String::new();
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for c in claims {
        let doc = corpus.document(&c.doc);
        let opt = |o: Option<&String>| o.map(String::as_str).unwrap_or("").to_string();
        let row: [String; 21] = [
            c.id.clone(),
            c.doc.clone(),
            doc.map(|d| d.file.clone()).unwrap_or_default(),
            // The title as the app shows it (a headline-less page's first sentence).
            doc.map(Document::display_title).unwrap_or_default(),
            opt(doc.and_then(|d| d.outlet.as_ref())),
            c.date.or_else(|| doc.and_then(|d| d.date)).map(|d| d.iso()).unwrap_or_default(),
            c.speaker.clone(),
            c.speaker_id.clone(),
            opt(c.role.as_ref()),
            opt(c.affiliation.as_ref()),
            opt(c.side.as_ref()),
            c.kind.label().to_string(), // as the app names it: "Direct quote", "Reported"
            c.stance.as_str().to_string(),
            c.text.clone(),
            opt(c.cue.as_ref()),
            c.stance_cues.join("; "),
            c.entities.join("; "),
            c.start.to_string(),
            c.end.to_string(),
            doc.and_then(Document::source_url).unwrap_or_default().to_string(),
            was(c),
        ];
        for (i, f) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(f, &mut out);
        }
        out.push_str("\r\n");
    }
    out
}

/// The CSV's `corrected` field: what a reviewer's correction replaced (`speaker=…; stance=…`), else empty.
fn was(c: &Claim) -> String {
    let Some(o) = &c.corrected else { return String::new() };
    let mut parts = Vec::new();
    if o.speaker != c.speaker {
        parts.push(format!("speaker={}", o.speaker));
    }
    if o.stance != c.stance {
        parts.push(format!("stance={}", o.stance.as_str()));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CorpusConfig;
    use crate::model::{ClaimKind, NoteLevel, Paragraph, Span, Stance};

    fn corpus() -> Corpus {
        let body = "First \"para\", here.\n\nSecond para.".to_string();
        let doc = |id: &str| Document {
            id: id.into(),
            file: format!("{id}.txt"),
            title: Some("A, \"quoted\" title".into()),
            outlet: Some("Outlet".into()),
            date: "2024-01-01".parse().ok(),
            date_source: Some("header \"date 2024-01-01\"".into()),
            dateline: None,
            author: None,
            body: body.clone(),
            paragraphs: vec![Paragraph { start: 0, end: 19 }, Paragraph { start: 21, end: 33 }],
            related: vec!["Other".into()],
            extras: vec![],
        };
        let claim = |doc: &str, text: &str| Claim {
            id: format!("{doc}-c"),
            doc: doc.into(),
            speaker: "Jane Roe".into(),
            speaker_id: "jane-roe".into(),
            role: None,
            affiliation: Some("Ministry".into()),
            side: None,
            text: text.into(),
            kind: ClaimKind::Direct,
            start: 0,
            end: 5,
            pieces: vec![],
            cue: Some("said".into()),
            stance: Stance::Refutes,
            stance_cues: vec!["denied".into(), "no presence".into()],
            stance_confidence: 1.0,
            stance_rule: String::new(),
            speaker_confidence: 1.0,
            entities: vec!["isis".into()],
            date: "2024-01-01".parse().ok(),
            corrected: None,
        };
        Corpus {
            config: CorpusConfig { question: "Q?".into(), ..CorpusConfig::default() },
            documents: vec![doc("a"), doc("b")],
            claims: vec![claim("a", "line one\nline \"two\", end"), claim("b", "plain")],
            notes: vec![CorpusNote { file: "x.txt".into(), level: NoteLevel::Error, message: "empty file".into() }],
            ..Corpus::default()
        }
    }

    #[test]
    fn json_contract() {
        let c = corpus();
        let v: serde_json::Value = serde_json::from_str(&to_json(&c)).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["question"], "Q?");
        assert_eq!(v["documents"].as_array().unwrap().len(), 2);
        let d = &v["documents"][0];
        for k in ["id", "file", "title", "outlet", "date", "date_source", "dateline", "author", "paragraphs", "related"] {
            assert!(d.get(k).is_some(), "document key {k}");
        }
        assert_eq!(d["paragraphs"][0], "First \"para\", here.");
        assert_eq!(d["paragraphs"][1], "Second para.");
        let cl = &v["claims"][0];
        for k in [
            "id",
            "doc",
            "speaker",
            "speaker_id",
            "role",
            "affiliation",
            "side",
            "text",
            "kind",
            "start",
            "end",
            "cue",
            "stance",
            "stance_cues",
            "entities",
            "date",
        ] {
            assert!(cl.get(k).is_some(), "claim key {k}");
        }
        assert_eq!(cl["stance"], "refutes");
        assert_eq!(cl["kind"], "direct");
        assert_eq!(v["notes"][0]["level"], "error");
    }

    #[test]
    fn spans_are_characters_of_each_piece() {
        let mut c = corpus();
        c.documents[0].body = "“Ça va,” dit-elle. “Oui.”".into();
        let body = c.documents[0].body.clone();
        let (a1, b1) = (0, body.find(" dit").unwrap());
        let a2 = body.rfind('“').unwrap();
        c.claims[0].pieces = vec![Span { start: a1, end: b1 }, Span { start: a2, end: body.len() }];
        let v: serde_json::Value = serde_json::from_str(&to_json(&c)).unwrap();
        let spans = v["claims"][0]["spans"].as_array().unwrap();
        assert_eq!(spans.len(), 2);
        let chars: Vec<char> = body.chars().collect();
        for s in spans {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
        }
        assert_eq!(spans[0]["text"], "“Ça va,”");
        assert_eq!((spans[1]["start"].as_u64(), spans[1]["end"].as_u64()), (Some(19), Some(25)));
        // A claim without pieces has one span, its start..end.
        assert_eq!(v["claims"][1]["spans"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn json_subset_keeps_only_referenced_documents() {
        let c = corpus();
        let v: serde_json::Value = serde_json::from_str(&to_json_subset(&c, &[&c.claims[1]])).unwrap();
        let docs = v["documents"].as_array().unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0]["id"], "b");
        assert_eq!(v["claims"].as_array().unwrap().len(), 1);
        let v: serde_json::Value = serde_json::from_str(&to_json_subset(&c, &[])).unwrap();
        assert!(v["documents"].as_array().unwrap().is_empty());
    }

    #[test]
    fn the_source_url_comes_from_the_page_header_where_there_is_one() {
        let mut d = Document { extras: vec!["Advertisement".into(), "URL: https://example.org/a".into()], ..Document::default() };
        assert_eq!(d.source_url(), Some("https://example.org/a"));
        d.extras = vec!["link: not an address".into(), "Comment: https://x.org".into()];
        assert_eq!(d.source_url(), None);
        let corpus = Corpus::new(
            CorpusConfig::default(),
            vec![Document { id: "d".into(), extras: vec!["url: https://e.org/b".into()], ..Document::default() }],
            vec![Claim { id: "c".into(), doc: "d".into(), ..Claim::default() }],
            vec![],
        );
        let claims: Vec<&Claim> = corpus.claims.iter().collect();
        let csv = to_csv(&corpus, &claims);
        assert!(csv.lines().next().unwrap().ends_with(",url,corrected"), "{csv}");
        assert!(csv.lines().nth(1).unwrap().ends_with(",https://e.org/b,"), "{csv}");
        let json = to_json(&corpus).replace(": ", ":");
        assert!(json.contains(r#""url":"https://e.org/b""#), "{json}");
    }

    #[test]
    fn a_corrected_claim_says_so_and_what_it_was_in_both_exports() {
        let mut c = corpus();
        let fix = crate::corrections::Correction { claim: c.claims[0].id.clone(), stance: Some(Stance::Neutral), ..Default::default() };
        crate::corrections::apply(&mut c.claims, &[fix]);
        let claims: Vec<&Claim> = c.claims.iter().collect();
        let csv = to_csv(&c, &claims);
        assert!(csv.contains(",0,5,,stance=refutes\r\n"), "{csv}");
        assert!(csv.contains(",neutral,"), "the corrected value: {csv}");
        let v: serde_json::Value = serde_json::from_str(&to_json(&c)).unwrap();
        assert_eq!((v["claims"][0]["stance"].as_str(), v["claims"][0]["corrected"]["stance"].as_str()), (Some("neutral"), Some("refutes")));
        assert_eq!(v["claims"][0]["stance_rule"], "corrected by a reviewer");
    }

    #[test]
    fn csv_quotes_per_rfc4180() {
        let c = corpus();
        let claims: Vec<&Claim> = c.claims.iter().collect();
        let csv = to_csv(&c, &claims);
        let mut lines = csv.split("\r\n");
        assert_eq!(lines.next().unwrap(), CSV_COLUMNS.join(","));
        assert!(csv.contains("\"A, \"\"quoted\"\" title\""));
        assert!(csv.contains("\"line one\nline \"\"two\"\", end\""));
        assert!(csv.contains(",denied; no presence,isis,0,5,,\r\n"));
        assert!(csv.contains(",Direct quote,") || csv.contains(",Reported,"), "the kind as the app names it: {csv}");
        assert!(csv.ends_with("\r\n"));
        // Two rows plus the header; the embedded newline is inside quotes.
        assert_eq!(csv.matches("\r\n").count(), 3);
    }
}
