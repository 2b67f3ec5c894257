//! Native command line: `export` prints the ingested corpus (notes go to stderr); `page` writes a corpus and its
//! prerendered first view into a built app; `finish` is the post-build step (CSP, service worker, single file);
//! `site` makes a whole static site for a folder of articles from the prebuilt app.
mod finish;
mod page;
mod site;
mod worker_files;

use std::io::Write;
use std::path::{Path, PathBuf};

use counterclaim_builder::load::{read_folder, CONFIG_FILE};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::export;
use counterclaim_core::model::{Claim, NoteLevel};
use finish::Single;
use site::SiteArgs;

const USAGE: &str = "usage: counterclaim export [--format json|csv] [SEEDS_DIR]
       counterclaim page DIR [SEEDS_DIR]
       counterclaim finish DIST [--single FILE | --no-single]
       counterclaim site ARTICLES_DIR --out OUT_DIR [--app APP_DIR] [--single FILE | --no-single]

export reads SEEDS_DIR (default: seeds): every *.txt file, sorted by name, and corpus.toml.
Prints the corpus to stdout as JSON (default) or as CSV (one row per claim).
Corpus notes (skipped or odd files) are printed to stderr.

page turns DIR, the app as Trunk built it, into the page of the corpus in SEEDS_DIR (default:
$COUNTERCLAIM_SEEDS, else seeds): the packed corpus beside the app (DIR/corpus-<hash>.pack) and its
first view prerendered into DIR/index.html. A folder that cannot be used becomes a corpus note the
page shows. (Trunk runs it after every build: see Trunk.toml.)

exit status: 0 ok, 1 a folder or its corpus.toml cannot be used, 2 bad arguments";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

impl Format {
    fn parse(v: &str) -> Option<Format> {
        match v {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    /// Print the usage.
    Help,
    Export {
        format: Format,
        dir: PathBuf,
    },
    /// Write the corpus of `seeds` into the built app in `dir`.
    Page {
        dir: PathBuf,
        seeds: Option<PathBuf>,
    },
    /// The post-build step of the app in `dir`.
    Finish {
        dir: PathBuf,
        single: Single,
    },
    Site(SiteArgs),
}

/// A command line that cannot run: what is wrong with it (`None`: nothing was asked).
#[derive(Debug, PartialEq, Eq)]
struct UsageError(Option<String>);

/// Run the CLI; returns the process exit status.
fn run(args: Vec<String>) -> i32 {
    let (format, dir) = match parse_args(args) {
        Ok(Command::Export { format, dir }) => (format, dir),
        Ok(Command::Page { dir, seeds }) => return report(page::write(&dir, seeds)),
        Ok(Command::Finish { dir, single }) => return report(finish::finish(&dir, &single).map(|_| ())),
        Ok(Command::Site(a)) => return report(site::run(&a)),
        Ok(Command::Help) => {
            println!("{USAGE}");
            return 0;
        }
        Err(UsageError(None)) => {
            eprintln!("{USAGE}");
            return 2;
        }
        Err(UsageError(Some(msg))) => {
            eprintln!("counterclaim: {msg}\n{USAGE}");
            return 2;
        }
    };
    report(export(&dir, format))
}

/// The exit status of a command, after telling the user what went wrong.
fn report(r: Result<(), String>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("counterclaim: {msg}");
            1
        }
    }
}

fn parse_args(args: Vec<String>) -> Result<Command, UsageError> {
    let mut it = args.into_iter();
    match it.next().as_deref() {
        Some("export") => parse_export_args(it),
        Some("page") => parse_page_args(it),
        Some("finish") => parse_finish_args(it),
        Some("site") => parse_site_args(it),
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some(other) => Err(UsageError(Some(format!("unknown command `{other}`")))),
        None => Err(UsageError(None)),
    }
}

/// The options and the folder of `export`, in the order given (a `--help` among them wins from there on).
fn parse_export_args(mut it: impl Iterator<Item = String>) -> Result<Command, UsageError> {
    let usage = |msg: String| Err(UsageError(Some(msg)));
    let mut format = Format::Json;
    let mut dir: Option<String> = None;
    let mut only_positional = false;
    while let Some(a) = it.next() {
        let value = if only_positional {
            None
        } else if a == "--format" || a == "-f" {
            match it.next() {
                Some(v) => Some(v),
                None => return usage("--format needs a value: json or csv".into()),
            }
        } else if let Some(v) = a.strip_prefix("--format=") {
            Some(v.to_string())
        } else if a == "-h" || a == "--help" {
            return Ok(Command::Help);
        } else if a == "--" {
            only_positional = true;
            continue;
        } else if a.starts_with('-') && a.len() > 1 {
            return usage(format!("unknown option `{a}`"));
        } else {
            None
        };
        match value {
            Some(v) => match Format::parse(&v) {
                Some(f) => format = f,
                None => return usage(format!("unknown format `{v}` (expected json or csv)")),
            },
            None if dir.is_some() => return usage(format!("unexpected argument `{a}` (only one SEEDS_DIR)")),
            None => dir = Some(a),
        }
    }
    Ok(Command::Export { format, dir: PathBuf::from(dir.unwrap_or_else(|| "seeds".to_string())) })
}

/// `page DIR [SEEDS_DIR]`.
fn parse_page_args(it: impl Iterator<Item = String>) -> Result<Command, UsageError> {
    let args: Vec<String> = it.collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Command::Help);
    }
    if let Some(a) = args.iter().find(|a| a.starts_with('-')) {
        return Err(UsageError(Some(format!("unknown option `{a}`"))));
    }
    match &args[..] {
        [dir] => Ok(Command::Page { dir: dir.into(), seeds: None }),
        [dir, seeds] => Ok(Command::Page { dir: dir.into(), seeds: Some(seeds.into()) }),
        [] => Err(UsageError(Some("page needs the app's folder (DIR)".into()))),
        [_, _, extra, ..] => Err(UsageError(Some(format!("unexpected argument `{extra}`")))),
    }
}

/// The options and the other arguments of `finish` and `site`; `None`: `--help` was asked for.
#[derive(Debug, Default)]
struct Options {
    positional: Vec<String>,
    values: Vec<(String, String)>,
    flags: Vec<String>,
}

impl Options {
    fn parse(mut it: impl Iterator<Item = String>, valued: &[&str], flags: &[&str]) -> Result<Option<Options>, UsageError> {
        let mut o = Options::default();
        while let Some(a) = it.next() {
            if a == "-h" || a == "--help" {
                return Ok(None);
            } else if let Some((k, v)) = a.split_once('=').filter(|(k, _)| valued.contains(k)) {
                o.values.push((k.to_string(), v.to_string()));
            } else if valued.contains(&a.as_str()) {
                let v = it.next().ok_or_else(|| UsageError(Some(format!("{a} needs a value"))))?;
                o.values.push((a, v));
            } else if flags.contains(&a.as_str()) {
                o.flags.push(a);
            } else if a.starts_with('-') && a.len() > 1 {
                return Err(UsageError(Some(format!("unknown option `{a}`"))));
            } else {
                o.positional.push(a);
            }
        }
        Ok(Some(o))
    }

    fn value(&self, name: &str) -> Option<PathBuf> {
        self.values.iter().rev().find(|(k, _)| k == name).map(|(_, v)| PathBuf::from(v))
    }

    /// `--single FILE`, `--no-single`, or neither.
    fn single(&self) -> Result<Single, UsageError> {
        match (self.value("--single"), self.flags.iter().any(|f| f == "--no-single")) {
            (Some(_), true) => Err(UsageError(Some("--single and --no-single together".into()))),
            (Some(p), false) => Ok(Single::At(p)),
            (None, true) => Ok(Single::No),
            (None, false) => Ok(Single::Beside),
        }
    }

    /// The one positional argument, `what`.
    fn one(&self, what: &str) -> Result<PathBuf, UsageError> {
        match &self.positional[..] {
            [one] => Ok(one.into()),
            [] => Err(UsageError(Some(format!("{what} is missing")))),
            [_, extra, ..] => Err(UsageError(Some(format!("unexpected argument `{extra}`")))),
        }
    }
}

/// `finish DIST [--single FILE | --no-single]`.
fn parse_finish_args(it: impl Iterator<Item = String>) -> Result<Command, UsageError> {
    let Some(o) = Options::parse(it, &["--single"], &["--no-single"])? else { return Ok(Command::Help) };
    Ok(Command::Finish { dir: o.one("the app's folder (DIST)")?, single: o.single()? })
}

/// `site ARTICLES_DIR --out OUT_DIR [--app APP_DIR] [--single FILE | --no-single]`.
fn parse_site_args(it: impl Iterator<Item = String>) -> Result<Command, UsageError> {
    let Some(o) = Options::parse(it, &["--out", "--app", "--single"], &["--no-single"])? else { return Ok(Command::Help) };
    let articles = o.one("the articles' folder (ARTICLES_DIR)")?;
    let out = o.value("--out").ok_or_else(|| UsageError(Some("site needs --out OUT_DIR".into())))?;
    let app = o.value("--app").unwrap_or_else(|| PathBuf::from(site::DEFAULT_APP));
    Ok(Command::Site(SiteArgs { articles, out, app, single: o.single()? }))
}

/// Print the corpus notes to stderr.
fn print_notes(corpus: &Corpus) {
    for n in &corpus.notes {
        let level = match n.level {
            NoteLevel::Warning => "warning",
            NoteLevel::Error => "error",
        };
        eprintln!("counterclaim: {level}: {}: {}", n.file, n.message);
    }
}

/// Load the folder, print its notes and the export, then a summary line; an error is what to tell the user.
fn export(dir: &Path, format: Format) -> Result<(), String> {
    let corpus = load(dir)?;
    print_notes(&corpus);
    let out = match format {
        Format::Json => export::to_json(&corpus) + "\n",
        Format::Csv => {
            let claims: Vec<&Claim> = corpus.claims.iter().collect();
            export::to_csv(&corpus, &claims)
        }
    };
    write_stdout(&out).map_err(|e| format!("cannot write the output: {e}"))?;
    eprintln!(
        "counterclaim: {} documents, {} claims, {} notes from {}",
        corpus.documents.len(),
        corpus.claims.len(),
        corpus.notes.len(),
        dir.display()
    );
    Ok(())
}

/// Write `out` to stdout; a closed pipe is fine (`counterclaim export | head`).
fn write_stdout(out: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
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
