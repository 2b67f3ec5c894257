//! Ingest + claim-extraction throughput on the seed files repeated in memory to ≥ 5 MB (MB/s at 1×, 2×, 4×, then criterion).
//
// Run with `cargo bench -p counterclaim-bench --bench core`. Each copy of a seed file gets its own name and a one-line
// trailer so the ingest does not drop it as a duplicate; nothing is written to disk.
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use counterclaim_builder::extract::Extractor;
use counterclaim_core::config::CorpusConfig;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::Document;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const BASE_BYTES: usize = 5_000_000;

fn seeds() -> (CorpusConfig, Vec<(String, Vec<u8>)>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let folder = counterclaim_builder::load::read_folder(&dir).expect("the seeds folder");
    (folder.config.expect("a valid seeds/corpus.toml"), folder.files)
}

/// The seed files repeated until they reach `bytes`.
fn repeated(seeds: &[(String, Vec<u8>)], bytes: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut copy = 0;
    while total < bytes {
        for (name, data) in seeds {
            let mut d = data.clone();
            d.extend_from_slice(format!("\n\nCopy {copy}\n").as_bytes());
            total += d.len();
            out.push((format!("{copy:05}_{name}"), d));
        }
        copy += 1;
    }
    out
}

fn total(files: &[(String, Vec<u8>)]) -> usize {
    files.iter().map(|(_, d)| d.len()).sum()
}

fn build(config: &CorpusConfig, files: &[(String, Vec<u8>)]) -> Corpus {
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    counterclaim_builder::corpus::build(config.clone(), &refs)
}

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

/// CPU time of this thread in seconds, where the OS reports it (Linux), to read throughput on a busy machine.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Wall-clock and (when known) CPU-time throughput of `f` over `bytes`.
fn timed<T>(bytes: usize, f: impl FnOnce() -> T) -> (T, f64, Option<f64>) {
    let (t, c) = (Instant::now(), cpu_secs());
    let out = f();
    let wall = mbps(bytes, t.elapsed().as_secs_f64());
    let cpu = c.zip(cpu_secs()).map(|(a, b)| mbps(bytes, b - a));
    (out, wall, cpu)
}

fn fmt(wall: f64, cpu: Option<f64>) -> String {
    match cpu {
        Some(c) => format!("{wall:>6.1} MB/s (cpu {c:>5.1})"),
        None => format!("{wall:>6.1} MB/s"),
    }
}

/// One timed pass at 1×, 2× and 4× the base size: throughput should stay flat (linear time).
fn print_scaling(config: &CorpusConfig, seeds: &[(String, Vec<u8>)]) {
    let extractor = Extractor::new(config);
    println!("ingest+extract of the seeds repeated (one pass each):");
    for mult in [1, 2, 4] {
        let files = repeated(seeds, BASE_BYTES * mult);
        let bytes = total(&files);
        let (corpus, both, both_cpu) = timed(bytes, || build(config, &files));
        let (n, extract, extract_cpu) = timed(bytes, || corpus.documents.iter().map(|d| extractor.extract(d).len()).sum::<usize>());
        // The same text as one long document: extraction must stay linear within a document too.
        let mut long: Document = corpus.documents[0].clone();
        long.body = corpus.documents.iter().map(|d| d.body.as_str()).collect::<Vec<_>>().join("\n\n");
        long.paragraphs.clear();
        let (_, one_doc, one_doc_cpu) = timed(long.body.len(), || black_box(extractor.extract(&long)).len());
        println!(
            "  {mult}x {:>5.1} MB: ingest+extract {} | extract only {} | one long document {} | {} docs, {} claims",
            bytes as f64 / 1e6,
            fmt(both, both_cpu),
            fmt(extract, extract_cpu),
            fmt(one_doc, one_doc_cpu),
            corpus.documents.len(),
            n
        );
    }
}

fn bench(c: &mut Criterion) {
    let (config, seeds) = seeds();
    print_scaling(&config, &seeds);
    let files = repeated(&seeds, BASE_BYTES);
    let bytes = total(&files);
    let extractor = Extractor::new(&config);
    let docs = build(&config, &files).documents;
    let body_bytes: usize = docs.iter().map(|d| d.body.len()).sum();

    let mut g = c.benchmark_group("core");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("ingest+extract 5MB", |b| b.iter(|| black_box(build(&config, &files).claims.len())));
    g.throughput(Throughput::Bytes(body_bytes as u64));
    g.bench_function("extract 5MB (clean bodies)", |b| {
        b.iter(|| black_box(docs.iter().map(|d| extractor.extract(d).len()).sum::<usize>()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
