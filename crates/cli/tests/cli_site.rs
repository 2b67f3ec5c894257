//! The built `counterclaim site` and `counterclaim finish` binaries on a folder of invented articles and a
//! stand-in prebuilt app (the files a release build has, with an earlier corpus already written into it).
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_counterclaim")).args(args).output().expect("run counterclaim")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

mod common;
use common::TempDir;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// An invented question with two sides, and two articles on it (shared with the end-to-end test).
fn invented() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/invented")
}

const SEED_PACK: &str = "corpus-00000000000000aa.pack";

/// A prebuilt app as `make build` leaves it: Trunk's files, a seed corpus written into index.html, a worker.
fn prebuilt_app(dir: &TempDir) {
    let page = format!(
        r#"<!doctype html><html lang=en><meta charset=utf-8><title>Counterclaim</title><link rel=manifest href=manifest.webmanifest><link rel=icon href=icon.svg type=image/svg+xml><link rel=stylesheet href=./style-1.css><script>if (location.hash.length > 1) document.documentElement.className = "view-link";</script><script type=module>import init from './app-1.js';await init({{ module_or_path: './app-1_bg.wasm' }});</script><link rel=modulepreload href=./app-1.js><link rel=preload href=./app-1_bg.wasm as=fetch type=application/wasm><link id="corpus" rel="preload" href="{SEED_PACK}" as="fetch" type="application/octet-stream" crossorigin="anonymous"></head><body><div id=boot></div><div id="pre"><div class="seed"><div>The seed question</div></div></div><script>setTimeout(function () {{}}, 15000)</script></body></html>"#
    );
    dir.write("index.html", page.as_bytes());
    dir.write("app-1.js", b"let wasm;\nasync function __wbg_init(m) { return m; }\nexport { __wbg_init as default };\n");
    dir.write("app-1_bg.wasm", b"\0asm\x01\0\0\0");
    dir.write("style-1.css", b"body { margin: 0 }\n");
    dir.write("icon.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    dir.write("manifest.webmanifest", b"{}");
    dir.write(SEED_PACK, b"the seed corpus");
    dir.write("sw.js", b"// the seed site's worker");
    dir.write(".inputs", b"a build stamp");
    dir.write(IMPORT_LOADER, b"importScripts('./counterclaim-worker-00000000000000bb.js');");
}

/// The import worker's loader in the prebuilt app (its glue and wasm are left out of the fixture).
const IMPORT_LOADER: &str = "counterclaim-worker-loader-00000000000000bb.js";

/// The `href` of `<link id="corpus" …>` in `html`.
fn corpus_href(html: &str) -> String {
    let at = html.find("<link id=\"corpus\"").expect("a corpus link");
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    let href = &tag[tag.find("href=\"").unwrap() + 6..];
    href[..href.find('"').unwrap()].to_string()
}

#[test]
fn site_writes_a_ready_site_for_a_folder_of_articles() {
    let (src, app, work) = (invented(), TempDir::new("site-app"), TempDir::new("site-out"));
    prebuilt_app(&app);
    let out_dir = work.join("bridge");
    let o = run(&["site", s(&src), "--out", s(&out_dir), "--app", s(&app.0)]);
    assert!(o.status.success(), "site failed: {}", text(&o.stderr));

    let html = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    let pack = corpus_href(&html);
    assert!(pack.starts_with("corpus-") && pack.ends_with(".pack") && pack != SEED_PACK, "a new pack: {pack}");
    let eager = std::fs::read(out_dir.join(&pack)).expect("the named pack is there");
    let (corpus, _) = counterclaim_core::pack::unpack(&eager).expect("a pack");
    assert_eq!(corpus.shelf.shards.len(), 1, "the two articles' texts in one shard beside it");
    let shards: Vec<Vec<u8>> =
        corpus.shelf.shards.iter().map(|r| std::fs::read(out_dir.join(&r.file)).expect("the shard is there")).collect();
    let packed = counterclaim_core::pack::merge(&eager, &shards).expect("they merge");
    assert!(!out_dir.join(SEED_PACK).exists(), "the seed pack is not left behind");
    assert!(html.contains("Is the Varnell Bridge safe to reopen?"), "the question, prerendered");
    // The claim's text is marked up (entities, stance cues) around these words.
    assert!(html.contains("and that its main girders are"), "an invented claim, prerendered");
    assert!(!html.contains("The seed question"), "the seed view is replaced");
    assert!(html.contains("Content-Security-Policy") && html.contains("'sha256-"), "the served CSP");

    let sw = std::fs::read_to_string(out_dir.join("sw.js")).unwrap();
    assert!(sw.contains(&format!("\"./{pack}\"")) && sw.contains("\"./index.html\""), "the worker precaches the site: {sw}");
    assert!(!sw.contains(SEED_PACK) && !sw.contains(".inputs") && !sw.contains("\"./sw.js\""), "{sw}");
    assert!(out_dir.join(IMPORT_LOADER).exists() && !sw.contains(IMPORT_LOADER), "the import worker is copied, not precached: {sw}");
    assert!(!html.contains("app-1_bg.wasm as=fetch"), "the wasm is not preloaded with the page");
    let (wait, init) = (html.find("first-contentful-paint").expect("the wait"), html.find("await init(").expect("the loader"));
    assert!(wait < init, "the loader waits for the first paint");
    assert!(!out_dir.join(".inputs").exists(), "dotfiles are not copied");

    let single = std::fs::read_to_string(work.join("bridge-single/counterclaim.html")).expect("the single file beside OUT_DIR");
    assert!(single.contains(&STANDARD.encode(&packed)), "the single file holds the new pack, whole");
    assert!(single.contains("and that its main girders are"), "the prerendered view in the single file");
    let stdout = text(&o.stdout);
    assert!(stdout.contains("2 documents") && stdout.contains(" s:") && stdout.contains("KB"), "what was written: {stdout}");
    assert!(stdout.contains("bridge-single/counterclaim.html"), "{stdout}");

    // Again into the same folder, without a single file: the earlier site is replaced.
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    let first = names(&out_dir);
    assert_eq!(
        first.len(),
        10,
        "the app's six files, the pack and its text shard, the service worker and the import worker's loader: {first:?}"
    );
    std::fs::write(out_dir.join("stale.txt"), "from before").unwrap();
    let o = run(&["site", s(&src), "--out", s(&out_dir), "--app", s(&app.0), "--no-single"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(names(&out_dir), first, "the same files, nothing left from before");
}

#[test]
fn site_without_a_prebuilt_app_says_what_to_run() {
    let (src, work) = (invented(), TempDir::new("site-noapp-out"));
    let missing = work.join("no-such-dist");
    let o = run(&["site", s(&src), "--out", s(&work.join("out")), "--app", s(&missing)]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains(s(&missing)) && err.contains("make build"), "{err}");
    assert!(!work.join("out").exists(), "nothing written");

    // A folder that is no app (no index.html naming the wasm).
    std::fs::create_dir_all(&missing).unwrap();
    std::fs::write(missing.join("index.html"), "<html><body>hello</body></html>").unwrap();
    let err = text(&run(&["site", s(&src), "--out", s(&work.join("out")), "--app", s(&missing)]).stderr);
    assert!(err.contains("make build") && err.contains("JS glue"), "{err}");
}

#[test]
fn site_refuses_an_out_dir_it_did_not_write() {
    let (src, app, work) = (invented(), TempDir::new("site-refuse-app"), TempDir::new("site-refuse-out"));
    prebuilt_app(&app);
    work.write("thesis.tex", b"keep me");
    let o = run(&["site", s(&src), "--out", s(&work.0), "--app", s(&app.0)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("not empty"), "{}", text(&o.stderr));
    assert!(work.join("thesis.tex").exists());
    let o = run(&["site", s(&src), "--out", s(&app.join("inner")), "--app", s(&app.0)]);
    assert!(text(&o.stderr).contains("--out must be a folder of its own"), "{}", text(&o.stderr));
    assert!(!app.join("inner").exists());
}

#[test]
fn finish_writes_the_csp_the_worker_and_the_single_file() {
    let app = TempDir::new("finish");
    prebuilt_app(&app);
    let single = app.join("elsewhere/one.html");
    let o = run(&["finish", s(&app.0), "--single", s(&single)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let sw = std::fs::read_to_string(app.join("sw.js")).unwrap();
    assert!(sw.contains(&format!("\"./{SEED_PACK}\"")), "{sw}");
    let page = std::fs::read_to_string(single).unwrap();
    assert!(page.contains("default-src 'none'") && page.contains(&STANDARD.encode(b"the seed corpus")), "{page}");
    let o = run(&["finish", s(&app.0), "--single", "x.html", "--no-single"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let o = run(&["finish", s(&app.join("missing"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("index.html"), "{}", text(&o.stderr));
}

#[test]
fn finish_says_a_corpus_is_too_large_for_a_single_file_and_writes_the_site_without_one() {
    let (app, work) = (TempDir::new("finish-large"), TempDir::new("finish-large-out"));
    prebuilt_app(&app);
    app.write(SEED_PACK, &vec![1u8; counterclaim_site::single::MAX_PACK_BYTES + 1]);
    let o = run(&["finish", s(&app.0)]);
    let said = text(&o.stderr);
    assert!(o.status.success(), "the site stands without a single file: {said}");
    assert!(said.contains("no single-file edition") && said.contains("over the single file's limit of 32 MB"), "{said}");
    assert!(
        app.0.join("sw.js").is_file() && !app.0.with_file_name(format!("{}-single", app.0.file_name().unwrap().to_string_lossy())).exists()
    );
    let asked = work.join("one.html");
    let o = run(&["finish", s(&app.0), "--single", s(&asked)]);
    assert!(!o.status.success() && text(&o.stderr).contains("serve the site instead"), "asked for one: {}", text(&o.stderr));
    assert!(!asked.exists(), "no single file half-written");
}
