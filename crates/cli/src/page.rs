//! `counterclaim page DIR [SEEDS_DIR]`: build a corpus folder, pack it beside the app Trunk built in DIR and
//! prerender its first view into DIR/index.html (`counterclaim_app::prerender`).
use std::path::{Path, PathBuf};

use counterclaim_builder::{corpus, index, load, pack};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::{CorpusNote, NoteLevel};

/// The corpus folder when none is given: `$COUNTERCLAIM_SEEDS`, else `seeds`.
fn default_seeds() -> PathBuf {
    std::env::var_os("COUNTERCLAIM_SEEDS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("seeds"))
}

/// Build the corpus of `seeds` and write it into the app in `dir`.
pub fn write(dir: &Path, seeds: Option<PathBuf>) -> Result<(), String> {
    let seeds = seeds.unwrap_or_else(default_seeds);
    let w = write_corpus(dir, build(&seeds))?;
    // Trunk wrote the import worker under fixed names: named after its content, and named to the page.
    crate::worker_files::hash(dir)?;
    eprintln!(
        "counterclaim: {} documents, {} claims, {} notes from {} into {} ({} bytes), {} text shard(s) ({} bytes) and its index.html",
        w.documents,
        w.claims,
        w.notes,
        seeds.display(),
        dir.join(&w.data_file).display(),
        w.bytes,
        w.shards,
        w.texts
    );
    Ok(())
}

/// What [`write_corpus`] wrote.
#[derive(Debug)]
pub struct Written {
    pub documents: usize,
    pub claims: usize,
    pub notes: usize,
    /// The data file's name, in the app's folder.
    pub data_file: String,
    /// The data file's size.
    pub bytes: usize,
    /// How many text shards are beside it, and their size in all.
    pub shards: usize,
    pub texts: usize,
}

/// Index and pack `corpus`, write it beside the app in `dir` (the only data file left there) and prerender
/// its first view into `dir/index.html`.
pub fn write_corpus(dir: &Path, corpus: Corpus) -> Result<Written, String> {
    let index = index::build(&corpus);
    let packed = pack::sharded(&corpus, &index, pack::SHARD_BYTES);
    let (documents, claims, notes) = (corpus.documents.len(), corpus.claims.len(), corpus.notes.len());
    // The view is rendered from what the app will read: the pack, not the builder's own corpus.
    let (corpus, index) = counterclaim_core::pack::unpack(&packed.eager).map_err(|e| e.to_string())?;
    let data_file = counterclaim_app::prerender::write_page(dir, &packed.eager, &packed.shards, corpus, index)?;
    let texts = packed.shards.iter().map(|(_, b)| b.len()).sum();
    Ok(Written { documents, claims, notes, data_file, bytes: packed.eager.len(), shards: packed.shards.len(), texts })
}

/// A folder that cannot be read or whose `corpus.toml` is broken still makes a page: an empty corpus (or the
/// defaults) with a note saying what went wrong.
fn build(seeds: &Path) -> Corpus {
    match load::read_folder(seeds) {
        Ok(folder) => folder.build(),
        Err(e) => {
            let mut c = corpus::build(Default::default(), &[]);
            c.notes.push(CorpusNote { file: seeds.display().to_string(), level: NoteLevel::Error, message: e.to_string() });
            c
        }
    }
}
