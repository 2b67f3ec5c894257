//! Raw scraped article text → clean documents with metadata; page furniture kept aside.
use super::config::CorpusConfig;
use super::model::{CorpusNote, Document, NoteLevel, Paragraph};

/// Ingest every file; files that cannot be read become notes, the rest still load.
pub fn ingest_all(files: &[(&str, &[u8])], config: &CorpusConfig) -> (Vec<Document>, Vec<CorpusNote>) {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for (name, bytes) in files {
        match ingest_file(name, bytes, config) {
            Ok(d) => docs.push(d),
            Err(message) => notes.push(CorpusNote { file: name.to_string(), level: NoteLevel::Error, message }),
        }
    }
    (docs, notes)
}

/// Document id from a file name: the file stem.
pub fn doc_id(file: &str) -> String {
    file.rsplit('/').next().unwrap_or(file).trim_end_matches(".txt").to_string()
}

/// Ingest one file (placeholder: first line is the title, blank lines split paragraphs).
pub fn ingest_file(name: &str, bytes: &[u8], _config: &CorpusConfig) -> Result<Document, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text ({e})"))?;
    let mut body = String::new();
    let mut paragraphs = Vec::new();
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(p);
        paragraphs.push(Paragraph { start, end: body.len() });
    }
    let title = text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string);
    Ok(Document {
        id: doc_id(name),
        file: name.to_string(),
        title,
        outlet: None,
        date: None,
        date_source: None,
        dateline: None,
        author: None,
        body,
        paragraphs,
        related: vec![],
        extras: vec![],
    })
}
