//! Raw scraped article text → clean documents: metadata (title, outlet, date, dateline, author), body paragraphs with exact offsets, page furniture and related teasers kept aside.
// Everything here is general line-level rules: nothing matches the wording of a particular page.
// The only corpus-specific input is the list of known outlets in the configuration.
mod clean;
mod dateline;
mod decode;
mod furniture;
pub mod html;
mod lines;
pub mod markdown;
mod meta;
mod outlets;
mod paragraphs;

use std::collections::HashMap;

use counterclaim_core::config::CorpusConfig;
use counterclaim_core::model::{stable_hash, CorpusNote, Document, NoteLevel};

use clean::clean;
pub use decode::decode_text;
use decode::normalise_newlines;
pub use furniture::Furniture;
use outlets::Outlets;

/// Files larger than this many bytes are truncated to it (at a line break) with a warning.
pub const MAX_FILE_BYTES: usize = 5_000_000;

/// Files with more lines than this are truncated after that many lines, with a warning (an article has
/// hundreds; this bounds the work on files of millions of one-character lines).
pub const MAX_LINES: usize = 50_000;

pub(crate) fn note(file: &str, level: NoteLevel, message: impl Into<String>) -> CorpusNote {
    CorpusNote { file: file.to_string(), level, message: message.into() }
}

/// Ingest every file; files that cannot be read become notes, the rest still load.
///
/// Notes: empty or binary files are errors (skipped); non-UTF-8 text, oversized files, missing titles
/// and exact duplicates (the later file is skipped) are warnings.
pub fn ingest_all(files: &[(&str, &[u8])], config: &CorpusConfig) -> (Vec<Document>, Vec<CorpusNote>) {
    let mut ingest = Ingest::new(config);
    for &(name, bytes) in files {
        ingest.add(name, bytes);
    }
    (ingest.docs, ingest.notes)
}

/// Files ingested one at a time (for progress), with the duplicate checks of [`ingest_all`] across them.
pub struct Ingest {
    outlets: Outlets,
    /// Hash of the decoded text → (file name, text) of the files already loaded.
    seen: HashMap<u64, Vec<(String, String)>>,
    ids: HashMap<String, String>,
    pub docs: Vec<Document>,
    pub notes: Vec<CorpusNote>,
}

impl Ingest {
    pub fn new(config: &CorpusConfig) -> Ingest {
        Ingest { outlets: Outlets::new(config), seen: HashMap::new(), ids: HashMap::new(), docs: Vec::new(), notes: Vec::new() }
    }

    /// Ingest one more file; returns its document when it was kept.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Option<&Document> {
        let text = match decode_text(bytes) {
            Ok((text, warnings)) => {
                self.notes.extend(warnings.into_iter().map(|w| note(name, NoteLevel::Warning, w)));
                article_text(name, text)
            }
            Err(e) => {
                self.notes.push(note(name, NoteLevel::Error, e));
                return None;
            }
        };
        let h = stable_hash(&[&text]);
        if let Some((first, _)) = self.seen.get(&h).and_then(|v| v.iter().find(|(_, t)| *t == text)) {
            let message = format!("identical to {first}: {name} is a duplicate of {first} and was skipped");
            self.notes.push(note(name, NoteLevel::Warning, message));
            return None;
        }
        let id = doc_id(name);
        if let Some(other) = self.ids.get(&id) {
            let message = format!("same document id \"{id}\" as {other} (same file name in another folder): skipped");
            self.notes.push(note(name, NoteLevel::Warning, message));
            return None;
        }
        let (doc, doc_notes) = clean(name, &text, &self.outlets);
        self.notes.extend(doc_notes);
        self.ids.insert(id, name.to_string());
        self.seen.entry(h).or_default().push((name.to_string(), text));
        self.docs.push(doc);
        self.docs.last()
    }
}

/// The file name endings of the article files the ingest takes: plain text, saved web pages, Markdown.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "html", "htm", "md"];

/// The file's extension when it is one of [`ARTICLE_EXTENSIONS`] (any case).
pub fn article_extension(file: &str) -> Option<&'static str> {
    let (_, ext) = file.rsplit_once('.')?;
    ARTICLE_EXTENSIONS.iter().copied().find(|e| e.eq_ignore_ascii_case(ext))
}

/// The plain text of a decoded file: saved pages (`.html`, `.htm`) reduced to their article, Markdown stripped.
pub fn article_text(name: &str, text: String) -> String {
    match article_extension(name) {
        Some("html" | "htm") => html::to_text(&text),
        Some("md") => markdown::to_text(&text),
        _ => text,
    }
}

/// Document id from a file name: the file stem (without an article extension).
pub fn doc_id(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match article_extension(base) {
        Some(_) => base[..base.rfind('.').unwrap_or(base.len())].to_string(),
        None => base.to_string(),
    }
}

/// Ingest one file on its own (no duplicate check): the document and its warnings, or the error that skipped it.
pub fn ingest_file(name: &str, bytes: &[u8], config: &CorpusConfig) -> Result<(Document, Vec<CorpusNote>), CorpusNote> {
    let (text, warnings) = decode_text(bytes).map_err(|e| note(name, NoteLevel::Error, e))?;
    let (doc, mut notes) = clean(name, &article_text(name, text), &Outlets::new(config));
    let mut all: Vec<CorpusNote> = warnings.into_iter().map(|w| note(name, NoteLevel::Warning, w)).collect();
    all.append(&mut notes);
    Ok((doc, all))
}

/// Ingest already-decoded text (line endings are normalised here too).
pub fn ingest_text(name: &str, text: &str, config: &CorpusConfig) -> (Document, Vec<CorpusNote>) {
    let text = normalise_newlines(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    clean(name, &text, &Outlets::new(config))
}

#[cfg(test)]
mod tests;
