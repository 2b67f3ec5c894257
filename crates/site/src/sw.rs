//! The service worker: `sw.js` from `scripts/sw.template.js`, precaching every file of the build (but itself,
//! dotfiles and the import worker's and studio's files) under a cache name derived from the names and contents of those files.
use sha2::{Digest, Sha256};

use crate::SiteError;
use counterclaim_core::shelf::is_shard_file;

/// The worker's file name, at the root of the build.
pub const SW_FILE: &str = "sw.js";
/// What every cache name of the app starts with (an activated worker deletes the others that do).
pub const CACHE_PREFIX: &str = "counterclaim-";
/// The worker's code, with `__CACHE__`, `__PREFIX__` and `__FILES__` to fill in; lines starting `//#` are
/// notes on the template, left out of `sw.js`.
const TEMPLATE: &str = include_str!("../../../scripts/sw.template.js");
const TEMPLATE_NOTE: &str = "//#";

/// A written worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceWorker {
    /// The text of `sw.js`.
    pub text: String,
    /// This build's cache name.
    pub cache: String,
    /// What it precaches (relative paths, sorted).
    pub files: Vec<String>,
}

/// The import worker's Cargo binary, which its files are named after (`counterclaim-worker-….js`, …).
pub const IMPORT_WORKER: &str = "counterclaim-worker";
/// The studio's Cargo binary (the import dialog and settings editor, `crates/studio`), named after in the same way.
pub const STUDIO: &str = "counterclaim-studio";

/// Whether the worker precaches the file at `path` (relative, `/`-separated): every file but the service worker,
/// anything under a name starting with `.`, and the import worker's and the studio's files, which the page fetches only
/// when someone imports or opens the settings (the service worker caches them then, as it does every file with a content hash in its name).
pub fn precaches(path: &str) -> bool {
    let on_demand = [IMPORT_WORKER, STUDIO].iter().any(|b| path.strip_prefix(b).is_some_and(|rest| rest.starts_with(['-', '.', '_'])));
    path != SW_FILE && !on_demand && !path.split('/').any(|part| part.starts_with('.'))
}

/// The most the corpus's text shards may weigh in all for the worker to precache them (so that every article
/// reads offline after the first visit); beyond it each is cached when it is first read.
pub const PRECACHE_TEXTS_MAX: usize = 4_000_000;

/// The worker for a build of `files` (`(relative path, contents)`, in any order).
pub fn service_worker(files: &[(String, Vec<u8>)]) -> Result<ServiceWorker, SiteError> {
    let texts: usize = files.iter().filter(|(p, _)| is_shard_file(p)).map(|(_, b)| b.len()).sum();
    let precached = |p: &str| precaches(p) && (texts <= PRECACHE_TEXTS_MAX || !is_shard_file(p));
    let mut kept: Vec<&(String, Vec<u8>)> = files.iter().filter(|(p, _)| precached(p)).collect();
    kept.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')));
    if !kept.iter().any(|(p, _)| p == "index.html") {
        return Err(SiteError::NoIndex);
    }
    let mut h = Sha256::new();
    for (path, bytes) in &kept {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(Sha256::digest(bytes));
    }
    let cache = format!("{CACHE_PREFIX}{}", hex(&h.finalize()[..8]));
    let listed: Vec<String> = kept.iter().map(|(p, _)| format!("./{p}")).collect();
    let quoted = |s: &str| serde_json::to_string(s).expect("a string is JSON");
    let text = template()
        .replace("__CACHE__", &quoted(&cache))
        .replace("__PREFIX__", &quoted(CACHE_PREFIX))
        .replace("__FILES__", &serde_json::to_string_pretty(&listed).expect("strings are JSON"));
    Ok(ServiceWorker { text, cache, files: kept.into_iter().map(|(p, _)| p.clone()).collect() })
}

/// The template without its notes.
fn template() -> String {
    TEMPLATE.split_inclusive('\n').filter(|l| !l.starts_with(TEMPLATE_NOTE)).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(paths: &[&str]) -> Vec<(String, Vec<u8>)> {
        paths.iter().map(|p| (p.to_string(), p.as_bytes().to_vec())).collect()
    }

    #[test]
    fn every_file_but_itself_dotfiles_the_import_worker_and_the_studio_is_precached_sorted() {
        let files = build(&[
            "style-1.css",
            "sw.js",
            "index.html",
            ".inputs",
            "a/.hidden/x.js",
            "a/b.png",
            "corpus-0f.pack",
            "counterclaim-worker-0123456789abcdef.js",
            "counterclaim-worker-0123456789abcdef_bg.wasm",
            "counterclaim-worker-loader-0123456789abcdef.js",
            "counterclaim-studio-0123456789abcdef.js",
            "counterclaim-studio-0123456789abcdef_bg.wasm",
        ]);
        let sw = service_worker(&files).unwrap();
        assert_eq!(sw.files, ["a/b.png", "corpus-0f.pack", "index.html", "style-1.css"]);
        let listed = "const FILES = [\n  \"./a/b.png\",\n  \"./corpus-0f.pack\",\n  \"./index.html\",\n  \"./style-1.css\"\n];";
        assert!(sw.text.contains(listed), "{}", sw.text);
        assert!(sw.text.contains(&format!("const CACHE = \"{}\";", sw.cache)));
        assert!(sw.text.contains("k.startsWith(\"counterclaim-\")"), "the prefix is filled in");
        assert!(!sw.text.contains("__") && !sw.text.contains("//#"), "no placeholder or template note left");
    }

    #[test]
    fn text_shards_are_precached_up_to_a_total_then_left_to_the_first_read() {
        let shard = |k: usize, n: usize| (format!("corpus-text-{k:016x}.pack"), vec![0; n]);
        let small = [build(&["index.html", "corpus-0f.pack"]), vec![shard(1, 10), shard(2, 10)]].concat();
        assert_eq!(service_worker(&small).unwrap().files.len(), 4, "all of a small corpus's texts");
        let large =
            [build(&["index.html", "corpus-0f.pack"]), vec![shard(1, PRECACHE_TEXTS_MAX / 2), shard(2, PRECACHE_TEXTS_MAX / 2 + 1)]]
                .concat();
        assert_eq!(service_worker(&large).unwrap().files, ["corpus-0f.pack", "index.html"], "none of a large one's");
        // Each is cached when first read, as every name the template's HASHED matches: `-<16 hex>.ext`.
        assert!(TEMPLATE.contains(r"const HASHED = /-[0-9a-f]{16}(?:_bg)?\.[a-z0-9]+$/;"));
        let name = shard(1, 1).0;
        let (_, hash) = name.rsplit_once('-').unwrap();
        assert!(hash.len() == 21 && hash.ends_with(".pack") && hash[..16].bytes().all(|b| b.is_ascii_hexdigit()), "{hash}");
    }

    #[test]
    fn the_cache_name_follows_names_and_contents_only() {
        let files = build(&["index.html", "app.wasm"]);
        let sw = service_worker(&files).unwrap();
        assert!(sw.cache.starts_with(CACHE_PREFIX) && sw.cache.len() == CACHE_PREFIX.len() + 16, "{}", sw.cache);
        let mut reordered = files.clone();
        reordered.reverse();
        reordered.push(("sw.js".into(), b"old worker".to_vec()));
        assert_eq!(service_worker(&reordered).unwrap().cache, sw.cache, "order and the old worker do not count");
        let mut changed = files.clone();
        changed[1].1.push(0);
        assert_ne!(service_worker(&changed).unwrap().cache, sw.cache, "a changed file gives a new cache");
    }

    #[test]
    fn a_build_without_index_html_has_no_worker() {
        assert_eq!(service_worker(&build(&["app.wasm"])), Err(SiteError::NoIndex));
    }
}
