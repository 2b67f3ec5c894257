//! Native command line: `counterclaim export [--format json|csv] [SEEDS_DIR]` prints the ingested corpus; notes go to stderr.
use std::io::Write;
use std::path::{Path, PathBuf};

use counterclaim_builder::load::{read_folder, CONFIG_FILE};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::export;
use counterclaim_core::model::{Claim, NoteLevel};

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
fn run(args: Vec<String>) -> i32 {
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

/// Read `dir/*.txt` (sorted by name) and `dir/corpus.toml`, and build the corpus; a broken `corpus.toml` is an error.
fn load(dir: &Path) -> Result<Corpus, String> {
    let folder = read_folder(dir).map_err(|e| e.to_string())?;
    let cfg_path = dir.join(CONFIG_FILE);
    folder.build_strict().map_err(|e| format!("{}: {e}", cfg_path.display()))
}

fn main() {
    std::process::exit(run(std::env::args().skip(1).collect()));
}
