//! Lists `seeds/` for the component tests (`tests/web.rs`), which build their corpus from it in the browser.
//! The app itself embeds no corpus: it loads the data file that `counterclaim page` writes beside it.
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let seeds = Path::new(env!("COUNTERCLAIM_ROOT")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&seeds)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// `seeds/`: `corpus.toml` and every article, `(file name, bytes)`, sorted by name.\n");
    let config = seeds.join("corpus.toml");
    out.push_str(&format!("pub const SEED_CONFIG: &str = include_str!({:?});\n", config.display().to_string()));
    out.push_str("pub const SEED_FILES: &[(&str, &[u8])] = &[\n");
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.push_str(&format!("    ({name:?}, include_bytes!({:?})),\n", p.display().to_string()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("write {}: {e}", dest.display()));
}
