//! Embeds `seeds/*.txt` and `seeds/corpus.toml` (as JSON) into the binary; a new file in `seeds/` needs no code change.
use std::{env, fs, path::Path, path::PathBuf};

fn main() {
    // COUNTERCLAIM_SEEDS: another corpus directory (the hostile-content tests build with tests/hostile).
    println!("cargo:rerun-if-env-changed=COUNTERCLAIM_SEEDS");
    let default = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("seeds");
    let seeds = env::var("COUNTERCLAIM_SEEDS").map(PathBuf::from).unwrap_or(default);
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut files: Vec<_> = fs::read_dir(&seeds)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file());
    files.sort();
    let mut out = String::from("/// Seed files, sorted by name.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().unwrap().to_string_lossy();
        out.push_str(&format!("    ({:?}, include_bytes!({:?})),\n", name, p.display().to_string()));
    }
    out.push_str("];\n");
    let cfg_path = seeds.join("corpus.toml");
    println!("cargo:rerun-if-changed={}", cfg_path.display());
    // A broken corpus.toml must not break the build: the app reports it as a corpus note.
    let json = match fs::read_to_string(&cfg_path) {
        Ok(s) => match s.parse::<toml::Table>() {
            Ok(t) => serde_json::to_string(&t).unwrap(),
            Err(e) => format!("{{\"__error\": {:?}}}", format!("corpus.toml: {e}")),
        },
        Err(_) => String::from("{\"question\": \"\"}"),
    };
    out.push_str(&format!("/// `seeds/corpus.toml` as JSON.\npub static CONFIG_JSON: &str = {:?};\n", json));
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs"), out).unwrap();
}
