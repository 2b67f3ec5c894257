//! The one corpus-folder loader: a folder's articles (`*.txt`, `*.html`, `*.htm`, `*.md`) (sorted by name), its `corpus.toml` and `corrections.toml`, read once
//! with one policy for the build script, the CLI, the tests and the benchmarks.
use std::fmt;
use std::path::{Path, PathBuf};

use counterclaim_core::config::{CorpusConfig, StanceLabels};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::corrections::{self, Correction};
use counterclaim_core::model::{CorpusNote, NoteLevel};

use crate::config::{self, ConfigError};

/// The configuration file of a corpus folder.
pub const CONFIG_FILE: &str = "corpus.toml";

/// A corpus folder as read from disk, before ingest.
#[derive(Debug)]
pub struct Folder {
    pub dir: PathBuf,
    /// The parsed `corpus.toml`; a missing one is the default configuration (and a note).
    pub config: Result<CorpusConfig, ConfigError>,
    /// Its `[stance_labels]` (the generic ones when the file is missing or broken).
    pub stance_labels: StanceLabels,
    /// The ids of its background entities (`background = true`; none when the file is missing or broken).
    pub background: Vec<String>,
    /// Every article file, `(file name, bytes)`, sorted by name.
    pub files: Vec<(String, Vec<u8>)>,
    /// A reviewer's corrections (`corrections.toml`; none when the file is missing or broken).
    pub corrections: Vec<Correction>,
    /// What could not be used: a missing `corpus.toml`, unreadable files, a folder without articles.
    pub notes: Vec<CorpusNote>,
}

/// Why a folder could not be read at all.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    NotADirectory(PathBuf),
    Unreadable(PathBuf, std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(d) => write!(f, "seeds directory not found: {}", d.display()),
            LoadError::NotADirectory(d) => write!(f, "not a directory: {}", d.display()),
            LoadError::Unreadable(p, e) => write!(f, "cannot read {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Whether a path is an article file the loader takes (`.txt`, `.html`, `.htm`, `.md`).
pub fn is_article(p: &Path) -> bool {
    p.file_name().is_some_and(|n| crate::ingest::article_extension(&n.to_string_lossy()).is_some()) && p.is_file()
}

fn warning(file: String, message: String) -> CorpusNote {
    CorpusNote { file, level: NoteLevel::Warning, message }
}

/// Read `dir/corpus.toml` and every article file in `dir`.
pub fn read_folder(dir: &Path) -> Result<Folder, LoadError> {
    if !dir.exists() {
        return Err(LoadError::NotFound(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(LoadError::NotADirectory(dir.to_path_buf()));
    }
    let mut notes = Vec::new();
    let cfg_path = dir.join(CONFIG_FILE);
    let (config, stance_labels, background) = match std::fs::read_to_string(&cfg_path) {
        Ok(s) => match config::parse_file(&s) {
            Ok((c, labels, bg)) => (Ok(c), labels, bg),
            Err(e) => (Err(e), StanceLabels::default(), vec![]),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let msg = format!("not found in {}: using an empty configuration (no question, outlets or actors)", dir.display());
            notes.push(warning(CONFIG_FILE.into(), msg));
            (Ok(CorpusConfig::default()), StanceLabels::default(), vec![])
        }
        Err(e) => return Err(LoadError::Unreadable(cfg_path, e)),
    };
    let corrections = read_corrections(dir, &mut notes)?;
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Unreadable(dir.to_path_buf(), e))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| is_article(p)).collect();
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let mut files = Vec::new();
    for p in &paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match std::fs::read(p) {
            Ok(bytes) => files.push((name, bytes)),
            Err(e) => notes.push(CorpusNote { file: name, level: NoteLevel::Error, message: format!("cannot read: {e}") }),
        }
    }
    if files.is_empty() && notes.iter().all(|n| n.level != NoteLevel::Error) {
        notes.push(warning(dir.display().to_string(), "no article files (.txt, .html, .htm, .md) in this directory".into()));
    }
    Ok(Folder { dir: dir.to_path_buf(), config, stance_labels, background, files, corrections, notes })
}

/// `dir/corrections.toml` when there is one; a broken one is a note naming the line, and no correction is applied.
fn read_corrections(dir: &Path, notes: &mut Vec<CorpusNote>) -> Result<Vec<Correction>, LoadError> {
    let path = dir.join(corrections::FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(LoadError::Unreadable(path, e)),
    };
    config::parse_corrections(&text).or_else(|e| {
        let line = e.line.map(|l| format!("line {l}: ")).unwrap_or_default();
        let message = format!("{line}{}: no correction applied", e.message);
        notes.push(CorpusNote { file: corrections::FILE.into(), level: NoteLevel::Error, message });
        Ok(Vec::new())
    })
}

impl Folder {
    /// The paths whose change changes the corpus (for a build script's `rerun-if-changed`).
    pub fn inputs(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = self.files.iter().map(|(n, _)| self.dir.join(n)).collect();
        v.push(self.dir.join(CONFIG_FILE));
        v.push(self.dir.join(corrections::FILE));
        v
    }

    /// Ingest and extract; a broken `corpus.toml` becomes a corpus note and the defaults are used.
    pub fn build(self) -> Corpus {
        let refs: Vec<(&str, &[u8])> = self.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let corpus = crate::corpus::build_or_note(self.config, &refs);
        finish(corpus, self.stance_labels, self.background, self.notes, &self.corrections)
    }

    /// Ingest and extract, refusing a broken `corpus.toml`.
    pub fn build_strict(self) -> Result<Corpus, ConfigError> {
        let config = self.config?;
        let refs: Vec<(&str, &[u8])> = self.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let corpus = crate::corpus::build(config, &refs);
        Ok(finish(corpus, self.stance_labels, self.background, self.notes, &self.corrections))
    }
}

/// The built corpus with the folder's stance labels and background entities, its corrections applied, and its notes: the folder's first,
/// then the ingest's, then the corrections'.
pub(crate) fn finish(
    mut corpus: Corpus,
    labels: StanceLabels,
    background: Vec<String>,
    mut notes: Vec<CorpusNote>,
    fixes: &[Correction],
) -> Corpus {
    corpus.stance_labels = labels;
    corpus.background = background;
    let mut applied = corrections::apply(&mut corpus.claims, fixes);
    notes.append(&mut corpus.notes);
    notes.append(&mut applied.notes);
    corpus.notes = notes;
    corpus
}

/// Read and build a corpus folder (a broken `corpus.toml` becomes a note).
pub fn load(dir: &Path) -> Result<Corpus, LoadError> {
    read_folder(dir).map(Folder::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("counterclaim-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn reads_articles_sorted_and_notes_what_is_missing() {
        let d = temp("sorted");
        std::fs::write(d.join("b.txt"), "B").unwrap();
        std::fs::write(d.join("a.txt"), "A").unwrap();
        std::fs::write(d.join("notes.rtf"), "not an article").unwrap();
        std::fs::write(d.join("c.html"), "<p>C</p>").unwrap();
        std::fs::write(d.join("d.md"), "D").unwrap();
        let f = read_folder(&d).unwrap();
        assert_eq!(f.files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["a.txt", "b.txt", "c.html", "d.md"]);
        assert!(f.notes.iter().any(|n| n.file == CONFIG_FILE), "{:?}", f.notes);
        assert!(f.inputs().contains(&d.join(CONFIG_FILE)) && f.inputs().contains(&d.join(corrections::FILE)));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_broken_config_is_a_note_or_an_error_by_choice() {
        let d = temp("broken");
        std::fs::write(d.join(CONFIG_FILE), "question = [unclosed").unwrap();
        let c = read_folder(&d).unwrap().build();
        assert!(c.notes.iter().any(|n| n.file == CONFIG_FILE && n.level == NoteLevel::Error));
        assert!(c.notes.iter().any(|n| n.message.contains("no article files")));
        assert!(read_folder(&d).unwrap().build_strict().is_err());
        std::fs::remove_dir_all(&d).unwrap();
        assert!(matches!(read_folder(&d), Err(LoadError::NotFound(_))));
    }

    #[test]
    fn stance_labels_come_with_the_config() {
        let d = temp("labels");
        std::fs::write(d.join(CONFIG_FILE), "question = \"q\"\n[stance_labels]\nsupports = \"Says it goes on\"\n").unwrap();
        let c = read_folder(&d).unwrap().build();
        assert_eq!(c.stance_labels.supports.as_deref(), Some("Says it goes on"));
        std::fs::write(d.join(CONFIG_FILE), "question = \"q\"\n[stance_labels]\nsupports = 3\n").unwrap();
        let c = read_folder(&d).unwrap().build();
        assert!(c.notes.iter().any(|n| n.file == CONFIG_FILE && n.level == NoteLevel::Error), "a wrong label is a broken config");
        assert_eq!(c.stance_labels, StanceLabels::default());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn corrections_in_the_folder_are_applied_and_a_broken_file_is_a_note() {
        use counterclaim_core::model::Stance;
        let d = temp("corrections");
        std::fs::write(d.join(CONFIG_FILE), "question = \"Is the pass open?\"\n").unwrap();
        std::fs::write(d.join("a.txt"), "Pass news\n\nOsei said the pass was open. Lund said the road was closed.\n").unwrap();
        let claims = read_folder(&d).unwrap().build().claims;
        assert_eq!(claims.len(), 2, "{claims:#?}");
        let fixes = [
            Correction { claim: claims[0].id.clone(), stance: Some(Stance::Refutes), ..Correction::default() },
            Correction { claim: claims[1].id.clone(), not_a_claim: true, ..Correction::default() },
        ];
        std::fs::write(d.join(corrections::FILE), corrections::to_toml(&fixes)).unwrap();
        let c = read_folder(&d).unwrap().build();
        assert_eq!(c.claims.len(), 1);
        assert_eq!((c.claims[0].stance, c.claims[0].corrected.as_ref().map(|o| o.speaker.as_str())), (Stance::Refutes, Some("Osei")));
        std::fs::write(d.join(corrections::FILE), "[[correction]]\nclaim = \"x\"\nstanse = \"refutes\"\n").unwrap();
        let c = read_folder(&d).unwrap().build();
        assert_eq!(c.claims.len(), 2, "a broken file applies nothing and loses nothing");
        let note = c.notes.iter().find(|n| n.file == corrections::FILE).expect("a note on corrections.toml");
        assert!(note.level == NoteLevel::Error && note.message.contains("line 3") && note.message.contains("stanse"), "{note:?}");
        std::fs::remove_dir_all(&d).unwrap();
    }
}
