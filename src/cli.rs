//! Native command line: `counterclaim export [--format json|csv] [SEEDS_DIR]` prints the ingested corpus; notes go to stderr.
use std::io::Write;
use std::path::{Path, PathBuf};

use counterclaim::core::config::CorpusConfig;
use counterclaim::core::corpus::Corpus;
use counterclaim::core::export;
use counterclaim::core::model::{Claim, CorpusNote, NoteLevel};

const USAGE: &str = "usage: counterclaim export [--format json|csv] [SEEDS_DIR]

Reads SEEDS_DIR (default: seeds): every *.txt file, sorted by name, and corpus.toml.
Prints the corpus to stdout as JSON (default) or as CSV (one row per claim).
Corpus notes (skipped or odd files) are printed to stderr.

exit status: 0 ok, 1 the directory or its corpus.toml cannot be used, 2 bad arguments";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

/// Run the CLI; returns the process exit status.
pub fn run(args: Vec<String>) -> i32 {
    let mut it = args.into_iter();
    match it.next().as_deref() {
        Some("export") => {}
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return 0;
        }
        Some(other) => {
            eprintln!("counterclaim: unknown command `{other}`\n{USAGE}");
            return 2;
        }
        None => {
            eprintln!("{USAGE}");
            return 2;
        }
    }
    let mut format = Format::Json;
    let mut dir: Option<String> = None;
    let mut only_positional = false;
    while let Some(a) = it.next() {
        let value = if only_positional {
            None
        } else if a == "--format" || a == "-f" {
            match it.next() {
                Some(v) => Some(v),
                None => return usage_error("--format needs a value: json or csv"),
            }
        } else if let Some(v) = a.strip_prefix("--format=") {
            Some(v.to_string())
        } else if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return 0;
        } else if a == "--" {
            only_positional = true;
            continue;
        } else if a.starts_with('-') && a.len() > 1 {
            return usage_error(&format!("unknown option `{a}`"));
        } else {
            None
        };
        match value {
            Some(v) => {
                format = match v.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    _ => return usage_error(&format!("unknown format `{v}` (expected json or csv)")),
                }
            }
            None => {
                if dir.is_some() {
                    return usage_error(&format!("unexpected argument `{a}` (only one SEEDS_DIR)"));
                }
                dir = Some(a);
            }
        }
    }
    let dir = PathBuf::from(dir.unwrap_or_else(|| "seeds".to_string()));
    let corpus = match load(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("counterclaim: {e}");
            return 1;
        }
    };
    for n in &corpus.notes {
        let level = match n.level {
            NoteLevel::Warning => "warning",
            NoteLevel::Error => "error",
        };
        eprintln!("counterclaim: {level}: {}: {}", n.file, n.message);
    }
    let out = match format {
        Format::Json => export::to_json(&corpus),
        Format::Csv => {
            let claims: Vec<&Claim> = corpus.claims.iter().collect();
            export::to_csv(&corpus, &claims)
        }
    };
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_all(out.as_bytes()).and_then(|_| {
        if format == Format::Json {
            stdout.write_all(b"\n")?;
        }
        stdout.flush()
    });
    match written {
        Ok(()) => {}
        // `counterclaim export | head` is fine.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("counterclaim: cannot write the output: {e}");
            return 1;
        }
    }
    eprintln!(
        "counterclaim: {} documents, {} claims, {} notes from {}",
        corpus.documents.len(),
        corpus.claims.len(),
        corpus.notes.len(),
        dir.display()
    );
    0
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("counterclaim: {msg}\n{USAGE}");
    2
}

/// Read `dir/*.txt` (sorted by name) and `dir/corpus.toml`, and build the corpus.
fn load(dir: &Path) -> Result<Corpus, String> {
    if !dir.exists() {
        return Err(format!("seeds directory not found: {}", dir.display()));
    }
    if !dir.is_dir() {
        return Err(format!("not a directory: {}", dir.display()));
    }
    let mut notes = Vec::new();
    let cfg_path = dir.join("corpus.toml");
    let config = match std::fs::read_to_string(&cfg_path) {
        Ok(s) => CorpusConfig::from_toml(&s).map_err(|e| format!("{}: {e}", cfg_path.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            notes.push(CorpusNote {
                file: "corpus.toml".into(),
                level: NoteLevel::Warning,
                message: format!("not found in {}: using an empty configuration (no question, outlets or actors)", dir.display()),
            });
            CorpusConfig::default()
        }
        Err(e) => return Err(format!("cannot read {}: {e}", cfg_path.display())),
    };
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file())
        .collect();
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for p in &paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match std::fs::read(p) {
            Ok(bytes) => files.push((name, bytes)),
            Err(e) => notes.push(CorpusNote { file: name, level: NoteLevel::Error, message: format!("cannot read: {e}") }),
        }
    }
    if files.is_empty() && notes.iter().all(|n| n.level != NoteLevel::Error) {
        notes.push(CorpusNote {
            file: dir.display().to_string(),
            level: NoteLevel::Warning,
            message: "no .txt files in this directory".into(),
        });
    }
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let mut corpus = Corpus::build(config, &refs);
    notes.append(&mut corpus.notes);
    corpus.notes = notes;
    Ok(corpus)
}
