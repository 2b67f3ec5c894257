//! Builds the corpus the app embeds: the builder loads `seeds/` (or `COUNTERCLAIM_SEEDS=DIR`), extracts the
//! claims and the index natively, and packs them for `src/embedded.rs`. A new file in `seeds/` needs no code change.
use std::path::{Path, PathBuf};
use std::{env, fs};

use counterclaim_builder::{corpus, index, load, pack};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::{CorpusNote, NoteLevel};

fn main() {
    println!("cargo:rerun-if-env-changed=COUNTERCLAIM_SEEDS");
    let seeds = env::var("COUNTERCLAIM_SEEDS").map(PathBuf::from).unwrap_or_else(|_| Path::new(env!("COUNTERCLAIM_ROOT")).join("seeds"));
    println!("cargo:rerun-if-changed={}", seeds.display());
    // A broken or missing folder must not break the build: the app shows what went wrong as a corpus note.
    let corpus = match load::read_folder(&seeds) {
        Ok(folder) => {
            for p in folder.inputs() {
                println!("cargo:rerun-if-changed={}", p.display());
            }
            folder.build()
        }
        Err(e) => {
            let mut c = corpus::build(Default::default(), &[]);
            c.notes.push(CorpusNote { file: seeds.display().to_string(), level: NoteLevel::Error, message: e.to_string() });
            c
        }
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_pack(&out.join("corpus.pack"), &corpus);
    write_pack(&out.join("empty.pack"), &Corpus::default());
}

fn write_pack(path: &Path, corpus: &Corpus) {
    let bytes = pack::pack(corpus, &index::build(corpus));
    fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}
