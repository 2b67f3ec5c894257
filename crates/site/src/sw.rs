//! The service worker: `sw.js` from `scripts/sw.template.js`, precaching every file of the build (but itself,
//! dotfiles and the import worker's and studio's files) under a cache name derived from the names and contents of those
//! files, and the corpus's text shards in a cache of their own that outlives builds.
use sha2::{Digest, Sha256};

use crate::SiteError;
use counterclaim_core::shelf::is_shard_file;

/// The worker's file name, at the root of the build.
pub const SW_FILE: &str = "sw.js";
/// What every cache name of the app starts with (an activated worker deletes the others that do).
pub const CACHE_PREFIX: &str = "counterclaim-";
/// The worker's code, with `__CACHE__`, `__PREFIX__`, `__FILES__`, `__SHARDS__` and `__PRECACHE_SHARDS__` to fill in; lines starting `//#` are
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
    /// What it precaches in the build's cache (relative paths, sorted).
    pub files: Vec<String>,
    /// The corpus's text shards (relative paths, sorted), kept in the texts cache: a new build keeps those it still
    /// names, and a shard once read stays readable offline.
    pub shards: Vec<String>,
    /// Whether it fetches every shard when it installs (they weigh [`PRECACHE_TEXTS_MAX`] or less in all), rather
    /// than each when it is first read.
    pub precaches_shards: bool,
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
    let kept = sorted(files.iter().filter(|(p, _)| precaches(p) && !is_shard_file(p)).collect());
    let shards = sorted(files.iter().filter(|(p, _)| is_shard_file(p)).collect());
    if !kept.iter().any(|(p, _)| p == "index.html") {
        return Err(SiteError::NoIndex);
    }
    let precaches_shards = shards.iter().map(|(_, b)| b.len()).sum::<usize>() <= PRECACHE_TEXTS_MAX;
    let cache = format!("{CACHE_PREFIX}{}", hex(&digest(kept.iter().chain(&shards).copied())[..8]));
    let paths = |v: &[&(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    let (files, shards) = (paths(&kept), paths(&shards));
    let quoted = |s: &str| serde_json::to_string(s).expect("a string is JSON");
    let text = template()
        .replace("__CACHE__", &quoted(&cache))
        .replace("__PREFIX__", &quoted(CACHE_PREFIX))
        .replace("__FILES__", &listed(&files))
        .replace("__SHARDS__", &listed(&shards))
        .replace("__PRECACHE_SHARDS__", if precaches_shards { "true" } else { "false" });
    Ok(ServiceWorker { text, cache, files, shards, precaches_shards })
}

/// `files` in path order, folder by folder.
fn sorted(mut files: Vec<&(String, Vec<u8>)>) -> Vec<&(String, Vec<u8>)> {
    files.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')));
    files
}

/// A hash of the paths and contents of `files`, in their order.
fn digest<'a>(files: impl Iterator<Item = &'a (String, Vec<u8>)>) -> Vec<u8> {
    let mut h = Sha256::new();
    for (path, bytes) in files {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(Sha256::digest(bytes));
    }
    h.finalize().to_vec()
}

/// `paths` as the JSON list of the worker's relative URLs (`./…`).
fn listed(paths: &[String]) -> String {
    let urls: Vec<String> = paths.iter().map(|p| format!("./{p}")).collect();
    serde_json::to_string_pretty(&urls).expect("strings are JSON")
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
        assert!(sw.text.contains(&format!("const BUILD = \"{}\";", sw.cache)));
        assert!(sw.text.contains("key.startsWith(\"counterclaim-\")"), "the prefix is filled in");
        assert!(!sw.text.contains("__") && !sw.text.contains("//#"), "no placeholder or template note left");
    }

    #[test]
    fn text_shards_are_precached_up_to_a_total_then_left_to_the_first_read() {
        let shard = |k: usize, n: usize| (format!("corpus-text-{k:016x}.pack"), vec![0; n]);
        let names = [shard(1, 0).0, shard(2, 0).0];
        let small = [build(&["index.html", "corpus-0f.pack"]), vec![shard(2, 10), shard(1, 10)]].concat();
        let sw = service_worker(&small).unwrap();
        assert_eq!(sw.files, ["corpus-0f.pack", "index.html"], "the build's cache holds no shard");
        assert_eq!((sw.shards.as_slice(), sw.precaches_shards), (names.as_slice(), true), "all of a small corpus's texts");
        let shards = format!("const SHARDS = new Set([\n  \"./{}\",\n  \"./{}\"\n].map(", names[0], names[1]);
        assert!(sw.text.contains(&shards) && sw.text.contains("const PRECACHE_SHARDS = true;"), "{}", sw.text);
        let large =
            [build(&["index.html", "corpus-0f.pack"]), vec![shard(1, PRECACHE_TEXTS_MAX / 2), shard(2, PRECACHE_TEXTS_MAX / 2 + 1)]]
                .concat();
        let sw = service_worker(&large).unwrap();
        assert_eq!((sw.shards.as_slice(), sw.precaches_shards), (names.as_slice(), false), "none of a large one's at install");
        assert!(sw.text.contains("const PRECACHE_SHARDS = false;"));
        // Each is cached when first read, as every name the template's HASHED matches: `-<16 hex>.ext`.
        assert!(TEMPLATE.contains(r"const HASHED = /-[0-9a-f]{16}(?:_bg)?\.[a-z0-9]+$/;"));
        let (_, hash) = names[0].rsplit_once('-').unwrap();
        assert!(hash.len() == 21 && hash.ends_with(".pack") && hash[..16].bytes().all(|b| b.is_ascii_hexdigit()), "{hash}");
    }

    #[test]
    fn a_changed_shard_gives_a_new_cache_name_too() {
        let files = build(&["index.html", "corpus-0f.pack", "corpus-text-0000000000000001.pack"]);
        let sw = service_worker(&files).unwrap();
        let mut changed = files.clone();
        changed[2].1.push(0);
        assert_ne!(service_worker(&changed).unwrap().cache, sw.cache);
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
