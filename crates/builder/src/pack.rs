//! Packing a corpus and its index into bytes (postcard) at build time, for the app to unpack with `counterclaim_core::pack`:
//! whole (one file) or sharded (an eager pack and the documents' texts in shard files beside it, `counterclaim_core::shelf`).
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::fnv1a;
use counterclaim_core::pack::FORMAT;
use counterclaim_core::search::Index;
use counterclaim_core::shelf::{without_text, Body, ShardRef, SHARD_PREFIX};
use serde::Serialize;

#[derive(Serialize)]
struct PackRef<'a> {
    format: u32,
    corpus: &'a Corpus,
    index: &'a Index,
    shelf: &'a [ShardRef],
    bodies: &'a [Body],
}

#[derive(Serialize)]
struct ShardRefs<'a> {
    format: u32,
    bodies: &'a [Body],
}

/// The shard files' size a served page aims at (raw): a reader's fetch of one article stays small, and 100,000
/// articles make a few hundred files.
pub const SHARD_BYTES: usize = 128 * 1024;

/// Serialize a corpus with its index, its whole configuration included: the app never extracts, but its
/// settings editor starts from the known people, outlets and stance words, and writes them back.
pub fn pack(corpus: &Corpus, index: &Index) -> Vec<u8> {
    write(corpus, index, &[])
}

fn write(corpus: &Corpus, index: &Index, shelf: &[ShardRef]) -> Vec<u8> {
    postcard::to_allocvec(&PackRef { format: FORMAT, corpus, index, shelf, bodies: &[] }).expect("a corpus always serializes")
}

/// A corpus packed for a served page: the eager pack, and the shard files (name, contents) it names.
pub struct Sharded {
    pub eager: Vec<u8>,
    pub shards: Vec<(String, Vec<u8>)>,
}

/// Pack `corpus` with its documents' texts in shard files of about `shard_bytes` each (at least one document a
/// shard), named after their contents (`corpus-text-<hash>.pack`); every other part is in the eager pack.
pub fn sharded(corpus: &Corpus, index: &Index, shard_bytes: usize) -> Sharded {
    let mut shelf = Vec::new();
    let mut shards = Vec::new();
    for (first, texts) in runs(corpus, shard_bytes) {
        let bytes = postcard::to_allocvec(&ShardRefs { format: FORMAT, bodies: &texts }).expect("texts always serialize");
        let file = format!("{SHARD_PREFIX}{:016x}.pack", fnv1a(&bytes));
        shelf.push(ShardRef { file: file.clone(), first: first as u32, count: texts.len() as u32, bytes: bytes.len() as u32 });
        shards.push((file, bytes));
    }
    let mut eager = corpus.clone();
    eager.documents = corpus.documents.iter().map(without_text).collect();
    Sharded { eager: write(&eager, index, &shelf), shards }
}

/// The documents' texts in runs of about `shard_bytes`: (position of the first document, its texts).
fn runs(corpus: &Corpus, shard_bytes: usize) -> Vec<(usize, Vec<Body>)> {
    let mut out: Vec<(usize, Vec<Body>)> = Vec::new();
    let mut size = 0;
    for (i, d) in corpus.documents.iter().enumerate() {
        match out.last_mut() {
            Some((_, run)) if size < shard_bytes => run.push(Body::of(d)),
            _ => {
                out.push((i, vec![Body::of(d)]));
                size = 0;
            }
        }
        size += d.body.len() + 8 * d.paragraphs.len();
    }
    out
}
