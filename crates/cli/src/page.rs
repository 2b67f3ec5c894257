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
    let corpus = build(&seeds);
    let index = index::build(&corpus);
    let packed = pack::pack(&corpus, &index);
    let (docs, claims, notes) = (corpus.documents.len(), corpus.claims.len(), corpus.notes.len());
    // The view is rendered from what the app will read: the pack, not the builder's own corpus.
    let (corpus, index) = counterclaim_core::pack::unpack(&packed).map_err(|e| e.to_string())?;
    let name = counterclaim_app::prerender::write_page(dir, &packed, corpus, index)?;
    crate::worker_files::hash(dir)?;
    eprintln!(
        "counterclaim: {docs} documents, {claims} claims, {notes} notes from {} into {} ({} bytes) and its index.html",
        seeds.display(),
        dir.join(&name).display(),
        packed.len()
    );
    Ok(())
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
