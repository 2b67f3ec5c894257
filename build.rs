//! Ingests `seeds/*.txt` with `seeds/corpus.toml`, extracts the claims and builds the search index — natively,
//! with the crate's own `src/core` — and packs the result for the app to embed (`src/embedded.rs`).
//! A new file in `seeds/` needs no code change; `COUNTERCLAIM_SEEDS=DIR` embeds another folder.
use std::{env, fs, path::Path, path::PathBuf};

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "src/core/mod.rs"]
mod core;

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=COUNTERCLAIM_SEEDS");
    println!("cargo:rerun-if-changed={}", manifest.join("src/core").display());
    let seeds = env::var("COUNTERCLAIM_SEEDS").map(PathBuf::from).unwrap_or(manifest.join("seeds"));
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut paths: Vec<_> = fs::read_dir(&seeds)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file());
    paths.sort();
    let mut files = Vec::new();
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        // An unreadable file becomes an empty one, which ingest reports by name.
        files.push((name, fs::read(p).unwrap_or_default()));
    }
    let cfg_path = seeds.join("corpus.toml");
    println!("cargo:rerun-if-changed={}", cfg_path.display());
    // A broken corpus.toml must not break the build: the app reports it as a corpus note.
    let config = match fs::read_to_string(&cfg_path) {
        Ok(s) => core::config::CorpusConfig::from_toml(&s),
        Err(_) => Ok(core::config::CorpusConfig::default()),
    };
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let corpus = core::corpus::Corpus::build_or_note(config, &refs);
    let index = core::search::Index::new(&corpus);
    let bytes = core::pack::pack(&corpus, &index);
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("corpus.pack"), &bytes).unwrap();
    let empty = core::corpus::Corpus::default();
    fs::write(out.join("empty.pack"), core::pack::pack(&empty, &core::search::Index::new(&empty))).unwrap();
    let rs = "/// `seeds/` ingested, extracted, indexed and packed by `build.rs` (`core::pack`).\n\
              pub static PACK: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/corpus.pack\"));\n\
              /// An empty corpus and its index, packed the same way (the fallback should `PACK` not read).\n\
              pub static EMPTY: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/empty.pack\"));\n";
    fs::write(Path::new(&out).join("embedded.rs"), rs).unwrap();
}
