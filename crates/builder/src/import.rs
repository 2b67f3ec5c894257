//! Import in the page: a `corpus.toml` and the files a reader chose, built into a pack (ingest, extraction, index) with
//! progress per file; what the page's worker runs, and natively testable.
use counterclaim_core::config::{CorpusConfig, StanceLabels};
use counterclaim_core::model::{CorpusNote, NoteLevel};

use crate::load::CONFIG_FILE;
use crate::{config, corpus, index, load, pack};

/// What an import made: the packed corpus (for `counterclaim_core::pack::unpack`), its notes, and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub pack: Vec<u8>,
    /// The notes of the corpus (also inside the pack): a broken `corpus.toml`, files that could not be used, and why.
    pub notes: Vec<CorpusNote>,
    pub docs: usize,
    pub claims: usize,
}

/// Build `files` (name, bytes: `.txt`, `.html`, `.htm`, `.md`) with the configuration `config_toml`, calling
/// `progress(n, of, file)` after each file. A broken `corpus.toml` is a note naming its line, and the defaults are used;
/// an empty one is the defaults.
pub fn build(config_toml: &str, files: &[(String, Vec<u8>)], progress: impl FnMut(usize, usize, &str)) -> Imported {
    let mut notes = Vec::new();
    let defaults = || (CorpusConfig::default(), StanceLabels::default(), Vec::new());
    // No configuration at all is the defaults, with nothing to say about it.
    let parsed = if config_toml.trim().is_empty() { Ok(defaults()) } else { config::parse_file(config_toml) };
    let (config, labels, background) = parsed.unwrap_or_else(|e| {
        let line = e.line.map(|l| format!("line {l}: ")).unwrap_or_default();
        let message = format!("{line}{}: the defaults are used (no question, entities or actors)", e.message);
        notes.push(CorpusNote { file: CONFIG_FILE.into(), level: NoteLevel::Error, message });
        defaults()
    });
    let (articles, others): (Vec<_>, Vec<_>) = files.iter().partition(|(n, _)| crate::ingest::article_extension(n).is_some());
    for (name, _) in others {
        let message = "not an article file: only .txt, .html, .htm and .md files are read".to_string();
        notes.push(CorpusNote { file: name.clone(), level: NoteLevel::Error, message });
    }
    let refs: Vec<(&str, &[u8])> = articles.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let built = corpus::build_with_progress(config, &refs, progress);
    let corpus = load::finish(built, labels, background, notes, &[]);
    let index = index::build(&corpus);
    let packed = pack::pack(&corpus, &index);
    Imported { pack: packed, notes: corpus.notes, docs: corpus.documents.len(), claims: corpus.claims.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("pass.txt".into(), b"Pass news\n\nOsei said the pass was open. Lund said the road was closed.\n".to_vec()),
            ("ferry.html".into(), crate::ingest::html::tests::PAGE.as_bytes().to_vec()),
            ("photo.jpg".into(), vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0]),
            ("blob.txt".into(), vec![0, 0, 0, 1, 2, 3, 0, 0]),
            ("empty.md".into(), vec![]),
        ]
    }

    #[test]
    fn files_become_a_pack_with_progress_and_notes() {
        let mut seen = Vec::new();
        let got = build("question = \"Is the pass open?\"\n", &files(), |n, of, f| seen.push((n, of, f.to_string())));
        assert_eq!(seen.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(), [(1, 4), (2, 4), (3, 4), (4, 4)]);
        assert_eq!(seen.iter().map(|s| s.2.as_str()).collect::<Vec<_>>(), ["pass.txt", "ferry.html", "blob.txt", "empty.md"]);
        let (corpus, _) = counterclaim_core::pack::unpack(&got.pack).unwrap();
        assert_eq!((got.docs, corpus.documents.len()), (2, 2));
        assert!(got.claims >= 3 && corpus.claims.len() == got.claims, "{:#?}", corpus.claims);
        assert!(corpus.claims.iter().any(|c| c.speaker == "Jonas Berg"), "{:#?}", corpus.claims);
        for (file, reason) in [("photo.jpg", "not an article file"), ("blob.txt", "binary"), ("empty.md", "empty")] {
            let n = got.notes.iter().find(|n| n.file == file).unwrap_or_else(|| panic!("no note on {file}: {:?}", got.notes));
            assert!(n.level == NoteLevel::Error && n.message.contains(reason), "{n:?}");
        }
        assert_eq!(corpus.notes, got.notes);
    }

    #[test]
    fn a_broken_config_is_a_note_naming_its_line_and_the_defaults_are_used() {
        let got = build("question = \"q\"\n[[entity]]\nid = 3\n", &files()[..1], |_, _, _| {});
        let n = got.notes.iter().find(|n| n.file == CONFIG_FILE).expect("a note on corpus.toml");
        assert!(n.level == NoteLevel::Error && n.message.contains("line 3") && n.message.contains("defaults"), "{n:?}");
        assert_eq!((got.docs, got.claims), (1, 2));
        let got = build(" \n", &files()[..1], |_, _, _| {});
        assert!(got.notes.iter().all(|n| n.file != CONFIG_FILE), "no configuration is the defaults, no note: {:?}", got.notes);
        assert_eq!((got.docs, got.claims), (1, 2));
    }
}
