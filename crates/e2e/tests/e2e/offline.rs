//! Issue 8: offline and no backend — the service worker, a new build behind the reload prompt, the
//! single-file edition from file://, a sub-path; and (issue 11) no CSP violation along the way.
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::Stance;
use fantoccini::Client;

use super::harness::{counterclaim, dist, root, Session, TempDir};
use super::{actions, checks, locators};

pub const UPDATE_BANNER: &str = "[data-testid=update-banner]";

/// `dist/` with the post-build step applied (service worker, CSP) and the single-file edition written.
pub fn postbuilt() -> PathBuf {
    static DONE: OnceLock<PathBuf> = OnceLock::new();
    DONE.get_or_init(|| {
        let d = dist();
        if !d.join("sw.js").exists() || !single_file_path().exists() {
            let st = counterclaim(&["finish", "dist"]).status().expect("run counterclaim finish");
            assert!(st.success(), "counterclaim finish dist failed");
        }
        d
    })
    .clone()
}

fn single_file_path() -> PathBuf {
    root().join("dist-single/counterclaim.html")
}

fn count_stance(corpus: &Corpus, s: Stance) -> usize {
    corpus.claims.iter().filter(|c| c.stance == s).count()
}

/// Whether the stance filters can be exercised: the corpus has refuting and supporting claims. Until claim
/// extraction yields them, the tests exercise the shared state with a reader link (`doc=`) instead.
fn has_stances(corpus: &Corpus) -> bool {
    let ok = count_stance(corpus, Stance::Refutes) > 0 && count_stance(corpus, Stance::Supports) > 0;
    if !ok {
        eprintln!("note: the corpus has no refuting and supporting claims ({} claims): stance-filter steps skipped", corpus.claims.len());
    }
    ok
}

/// Open the first document in the reader by clicking it; returns its id.
async fn open_first_doc(c: &Client) -> String {
    let item = actions::wait_for(c, locators::DOC_ITEM).await;
    let id = actions::attr(&item, "data-doc-id").await;
    actions::click(c, &format!("[data-testid=doc-list] [data-doc-id='{id}'] button")).await;
    reader_shows(c, &id).await;
    id
}

/// The policy is enforced and watched: the app needs no inline style at all, and any inline style is blocked
/// and reported.
async fn csp_is_enforced(c: &Client) {
    no_csp_violation(c).await;
    let meta = csp_meta(c).await;
    assert!(!meta.contains("unsafe-hashes") && !meta.contains("unsafe-inline"), "no inline-style escape hatch: {meta}");
    actions::js(c, "const d = document.createElement('div'); d.id = 'csp-probe'; document.body.append(d); d.setAttribute('style', 'color: red'); return true;").await;
    actions::until("an inline style is reported", || async { !csp_violations(c).await.is_empty() }).await;
    let v = csp_violations(c).await;
    assert!(v.len() == 1 && v[0].starts_with("style-src"), "{v:?}");
    let color =
        actions::js(c, "const p = document.getElementById('csp-probe'); const c = getComputedStyle(p).color; p.remove(); return c;").await;
    assert_ne!(color, serde_json::json!("rgb(255, 0, 0)"), "the inline style is blocked");
}

async fn reader_shows(c: &Client, id: &str) {
    let want = id.to_string();
    actions::until("the reader shows the document", || async {
        match c.find(fantoccini::Locator::Css(locators::READER)).await {
            Ok(e) => actions::attr(&e, "data-doc-id").await == want,
            Err(_) => false,
        }
    })
    .await;
}

/// Wait until a service worker controls the page.
pub async fn wait_controlled(c: &Client) {
    let t0 = std::time::Instant::now();
    loop {
        let v = actions::js(c, "return !!(navigator.serviceWorker && navigator.serviceWorker.controller);").await;
        if v == serde_json::Value::Bool(true) {
            return;
        }
        assert!(t0.elapsed() < Duration::from_secs(30), "no service worker took control of the page");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The names of the page's caches, sorted.
async fn cache_names(c: &Client) -> Vec<String> {
    let v = actions::js_async(c, "const done = arguments[arguments.length - 1]; caches.keys().then(done, () => done([]));").await;
    let mut names: Vec<String> = serde_json::from_value(v).unwrap_or_default();
    names.sort();
    names
}

/// The file names of what the cache named `name` holds, sorted.
async fn cached_files(c: &Client, name: &str) -> Vec<String> {
    let v = actions::js_async(
        c,
        &format!(
            "const done = arguments[arguments.length - 1];
             caches.open({name:?}).then((k) => k.keys()).then((rs) => done(rs.map((r) => new URL(r.url).pathname.split('/').pop()).sort()), () => done([]));"
        ),
    )
    .await;
    serde_json::from_value(v).unwrap_or_default()
}

/// The name of the texts' cache of the worker at `scope` (scripts/sw.template.js).
fn texts_cache(scope: &str) -> String {
    format!("counterclaim-texts {scope}")
}

/// The cache names of the worker at `scope`: its build's (`BUILD` of sw.js) and its texts'.
fn scoped(build: &str, scope: &str) -> Vec<String> {
    let mut names = vec![format!("{build} {scope}"), texts_cache(scope)];
    names.sort();
    names
}

/// CSP violations the app saw (`window.__counterclaimCsp`, filled by crates/app/src/offline.rs).
pub async fn csp_violations(c: &Client) -> Vec<String> {
    let v = actions::js(c, "return Array.from(window.__counterclaimCsp || ['(the app did not install its CSP watch)']);").await;
    serde_json::from_value(v).unwrap_or_default()
}

pub async fn no_csp_violation(c: &Client) {
    let v = csp_violations(c).await;
    assert!(v.is_empty(), "Content-Security-Policy violations: {v:#?}");
}

/// The CSP meta of the page (the app runs under it).
async fn csp_meta(c: &Client) -> String {
    let v =
        actions::js(c, "const m = document.querySelector('meta[http-equiv=Content-Security-Policy]'); return m ? m.content : '';").await;
    v.as_str().unwrap_or_default().to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_a_shared_link_opens_offline_and_filters_work() {
    postbuilt();
    let corpus = super::harness::seeds();
    let (refutes, supports) = (count_stance(&corpus, Stance::Refutes), count_stance(&corpus, Stance::Supports));
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    assert!(csp_meta(c).await.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "the served page has its CSP");
    wait_controlled(c).await;

    // The network goes away.
    s.server.stop();
    actions::until("the server is gone", || async { std::net::TcpStream::connect(("127.0.0.1", s.server.port)).is_err() }).await;

    // A shared link opens from the cache and restores its view.
    actions::open_app(c, &s.server.url("?stance=refutes")).await;
    actions::until("the shared view is restored", || async { actions::result_count(c).await == refutes }).await;
    if has_stances(&corpus) {
        let cb = actions::wait_for(c, &locators::facet_box("stance", "refutes")).await;
        assert!(cb.is_selected().await.unwrap(), "the refutes box is ticked");
        // Filters still work offline.
        actions::click(c, &locators::facet_box("stance", "supports")).await;
        actions::until("refutes or supports", || async { actions::result_count(c).await == refutes + supports }).await;
        actions::click(c, &locators::facet_box("stance", "refutes")).await;
        actions::until("supports only", || async { actions::result_count(c).await == supports }).await;
        actions::url_when(c, "the filter reaches the address", |u| u.contains("stance=supports") && !u.contains("refutes")).await;
    }
    // A reader link opens offline too, and every document is there.
    let doc = corpus.documents[0].id.clone();
    actions::open(c, &s.server.url(&format!("?doc={doc}")), locators::READER).await;
    reader_shows(c, &doc).await;
    checks::count(c, locators::DOC_ITEM, corpus.documents.len()).await;
    checks::app_alive(c).await;
    checks::no_dialog(c).await;
    no_csp_violation(c).await;
    actions::screenshot(c, "offline-shared-link").await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_file_edition_works_from_a_file_url() {
    postbuilt();
    let corpus = super::harness::seeds();
    let refutes = count_stance(&corpus, Stance::Refutes);
    let file = single_file_path();
    let url = format!("file://{}", file.display());
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &url).await;
    assert_eq!(actions::result_count(c).await, corpus.claims.len(), "every claim of the corpus");
    assert_eq!(actions::all(c, locators::CARD).await.len(), corpus.claims.len().min(50), "claims render");
    checks::count(c, locators::DOC_ITEM, corpus.documents.len()).await;
    assert!(csp_meta(c).await.contains("default-src 'none'"), "the single file has its own CSP");
    checks::count(c, "script[src], link[rel=stylesheet], link[rel=manifest], link[rel=modulepreload]", 0).await;
    let filtered = has_stances(&corpus);
    let (shared, doc) = if filtered {
        actions::click(c, &locators::facet_box("stance", "refutes")).await;
        actions::until("the list is filtered", || async { actions::result_count(c).await == refutes }).await;
        let shared = actions::url_when(c, "the filter reaches the address", |u| u.contains("stance=refutes")).await;
        assert!(shared.contains("stance=refutes"), "{shared}");
        (shared, None)
    } else {
        let doc = open_first_doc(c).await;
        (actions::url_when(c, "the reader reaches the address", |u| u.contains("doc=")).await, Some(doc))
    };
    assert!(shared.starts_with("file://") && shared.contains('#') && !shared.contains('?'), "state in the fragment: {shared}");
    // The shared file link restores the view in a fresh load.
    c.goto("about:blank").await.unwrap();
    actions::open_app(c, &shared).await;
    match &doc {
        None => actions::until("the view is restored", || async { actions::result_count(c).await == refutes }).await,
        Some(d) => reader_shows(c, d).await,
    }
    let sw = actions::js(c, "return !!(navigator.serviceWorker && navigator.serviceWorker.controller);").await;
    assert_eq!(sw, serde_json::Value::Bool(false), "no service worker under file://");
    checks::app_alive(c).await;
    checks::no_dialog(c).await;
    csp_is_enforced(c).await;
    actions::screenshot(c, "single-file").await;
    checks::a_trap_is_said(c).await;
    s.close().await;
}

/// A "deploy": a rebuilt stylesheet under a new hashed name, referenced by index.html, and the worker
/// regenerated by the post-build step (`counterclaim finish DIR --no-single`). Returns the new cache name.
fn redeploy(dir: &Path) -> String {
    let css = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .find(|n| n.ends_with(".css"))
        .expect("a stylesheet in dist");
    let new_css = format!("rebuilt-{css}");
    let body = std::fs::read_to_string(dir.join(&css)).unwrap() + "\n/* rebuilt */\nhtml { --rebuilt: yes; }\n";
    std::fs::write(dir.join(&new_css), body).unwrap();
    std::fs::remove_file(dir.join(&css)).unwrap();
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    // Point the <link> at the new file; its old integrity hash no longer applies.
    let at = html.find(&css).expect("index.html links the stylesheet");
    let start = html[..at].rfind("<link").unwrap();
    let end = at + html[at..].find('>').unwrap();
    let tag = &html[start..=end];
    let mut new_tag = tag.replace(&css, &new_css);
    // `integrity="…"`, or unquoted as the minified page writes it (`integrity=sha384-… `).
    if let Some(i) = new_tag.find("integrity=") {
        let v = i + "integrity=".len();
        let end = match new_tag[v..].strip_prefix('"') {
            Some(rest) => v + 1 + rest.find('"').unwrap() + 1,
            None => v + new_tag[v..].find([' ', '>']).unwrap(),
        };
        new_tag.replace_range(i..end, "");
    }
    std::fs::write(dir.join("index.html"), html.replace(tag, &new_tag)).unwrap();
    let st = counterclaim(&["finish", &dir.display().to_string(), "--no-single"]).status().expect("run counterclaim finish");
    assert!(st.success());
    build_name(dir)
}

/// The build's cache name in `dir/sw.js` (`const BUILD = "…"`).
fn build_name(dir: &Path) -> String {
    let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
    let at = sw.find("const BUILD = \"").expect("cache name in sw.js") + "const BUILD = \"".len();
    sw[at..at + sw[at..].find('"').unwrap()].to_string()
}

/// The text shards of the site in `dir`, sorted.
fn shard_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| counterclaim_core::shelf::is_shard_file(n))
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_build_is_offered_and_taken_after_the_reload_prompt() {
    let site = TempDir::new("deploy");
    copy_dir(&postbuilt(), &site.0);
    let s = Session::with(site.0.clone(), "/", (1280, 900)).await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    wait_controlled(c).await;
    let (scope, shards) = (s.server.url(""), shard_files(&site.0));
    let texts = texts_cache(&scope);
    assert!(!shards.is_empty(), "the seeds' texts are shards");
    let first = build_name(&site.0);
    actions::until("the build's cache and the texts' after the first visit", || async { cache_names(c).await == scoped(&first, &scope) })
        .await;
    assert_eq!(cached_files(c, &texts).await, shards, "the texts are precached in a cache of their own");
    // A shard read at first use (as a large corpus's are) is kept there too.
    actions::js_async(
        c,
        &format!(
            "const done = arguments[arguments.length - 1]; caches.open({texts:?}).then((k) => k.delete('./{}')).then(done);",
            shards[0]
        ),
    )
    .await;
    assert!(!cached_files(c, &texts).await.contains(&shards[0]));
    open_first_doc(c).await;
    actions::until("the shard read is kept", || async { cached_files(c, &texts).await == shards }).await;
    checks::count(c, UPDATE_BANNER, 0).await;

    let new_cache = redeploy(&site.0);
    assert_ne!(first, new_cache, "a changed file gives a new cache name");
    // The new build names the same shards: they must come from the texts cache, not the network.
    assert_eq!(shard_files(&site.0), shards, "the deploy keeps the texts");
    for f in &shards {
        std::fs::remove_file(site.0.join(f)).unwrap();
    }
    c.refresh().await.unwrap();
    let banner = actions::wait_for(c, UPDATE_BANNER).await;
    assert!(banner.text().await.unwrap().contains("New version available"), "the banner says what it is");
    actions::screenshot(c, "update-banner").await;
    actions::js(c, "window.__beforeReload = true; return true;").await;
    actions::click(c, &format!("{UPDATE_BANNER} button")).await;
    actions::until("the page reloads", || async {
        actions::js(c, "return window.__beforeReload === undefined && !!document.querySelector('[data-testid=result-count]');").await
            == serde_json::Value::Bool(true)
    })
    .await;
    wait_controlled(c).await;
    actions::until("the new build's cache and the texts' are left", || async { cache_names(c).await == scoped(&new_cache, &scope) }).await;
    assert_eq!(cached_files(c, &texts).await, shards, "the texts outlive the deploy");
    // An article reads from the kept shard: its file is gone from the server.
    let doc = open_first_doc(c).await;
    actions::wait_for(c, &format!("{} .reader-meta", locators::READER)).await;
    checks::count(c, "[data-testid=reader-failed]", 0).await;
    assert!(!doc.is_empty());
    let rebuilt = actions::js(c, "return getComputedStyle(document.documentElement).getPropertyValue('--rebuilt').trim();").await;
    assert_eq!(rebuilt, serde_json::json!("yes"), "the page runs with the new stylesheet");
    let active = actions::js_async(
        c,
        "const done = arguments[arguments.length - 1];
         navigator.serviceWorker.getRegistration().then(r => done({active: !!r.active, waiting: !!r.waiting}));",
    )
    .await;
    assert_eq!(active, serde_json::json!({"active": true, "waiting": false}), "the new worker is active, none waits");
    checks::count(c, UPDATE_BANNER, 0).await;
    checks::app_alive(c).await;
    no_csp_violation(c).await;
    s.close().await;
}

/// The caches whose names end with `scope` (a worker's own, scripts/sw.template.js).
async fn caches_of(c: &Client, scope: &str) -> Vec<String> {
    cache_names(c).await.into_iter().filter(|n| n.ends_with(&format!(" {scope}"))).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_sites_under_one_host_keep_each_other_s_caches() {
    let host = TempDir::new("two-sites");
    copy_dir(&postbuilt(), &host.0.join("a"));
    copy_dir(&postbuilt(), &host.0.join("b"));
    let b_build = redeploy(&host.0.join("b"));
    assert_ne!(build_name(&host.0.join("a")), b_build, "two different builds");
    let s = Session::with(host.0.clone(), "/", (1280, 900)).await;
    let c = &s.client;
    let (a, b) = (s.server.url("a/"), s.server.url("b/"));
    actions::open_app(c, &a).await;
    wait_controlled(c).await;
    actions::until("site a's caches", || async { caches_of(c, &a).await.len() == 2 }).await;
    let a_caches = caches_of(c, &a).await;
    actions::open_app(c, &b).await;
    wait_controlled(c).await;
    actions::until("site b's caches", || async { caches_of(c, &b).await == scoped(&b_build, &b) }).await;
    assert_eq!(caches_of(c, &a).await, a_caches, "site b's worker left site a's caches alone");
    // Offline, site a still opens, and reads an article from its own texts.
    s.server.stop();
    actions::until("the server is gone", || async { std::net::TcpStream::connect(("127.0.0.1", s.server.port)).is_err() }).await;
    let doc = super::harness::seeds().documents[0].id.clone();
    actions::open(c, &format!("{a}?doc={doc}"), locators::READER).await;
    reader_shows(c, &doc).await;
    actions::wait_for(c, &format!("{} .reader-meta", locators::READER)).await;
    checks::app_alive(c).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_works_under_a_sub_path() {
    let corpus = super::harness::seeds();
    let refutes = count_stance(&corpus, Stance::Refutes);
    let s = Session::with(postbuilt(), "/counterclaim/", (1280, 900)).await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    assert_eq!(actions::result_count(c).await, corpus.claims.len());
    wait_controlled(c).await;
    let scope = actions::js_async(
        c,
        "const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistration().then(r => done(r ? r.scope : ''));",
    )
    .await;
    assert_eq!(scope, serde_json::json!(s.server.url("")), "the worker's scope is the sub-path");
    let doc = if has_stances(&corpus) {
        actions::click(c, &locators::facet_box("stance", "refutes")).await;
        actions::until("the list is filtered", || async { actions::result_count(c).await == refutes }).await;
        None
    } else {
        Some(open_first_doc(c).await)
    };
    let want = if doc.is_some() { "doc=" } else { "stance=refutes" };
    let link = actions::url_when(c, "the view reaches the address", |u| u.contains(want)).await;
    assert!(link.starts_with(&s.server.url("?")) && link.contains(want), "the link keeps the sub-path: {link}");
    // The link opens the same view in a fresh load.
    c.goto("about:blank").await.unwrap();
    actions::open_app(c, &link).await;
    match &doc {
        None => actions::until("the link restores the filter", || async { actions::result_count(c).await == refutes }).await,
        Some(d) => reader_shows(c, d).await,
    }
    let manifest = actions::js_async(
        c,
        "const done = arguments[arguments.length - 1];
         fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(m => done(m.start_url + ' ' + m.display), e => done(String(e)));",
    )
    .await;
    assert_eq!(manifest, serde_json::json!("./ standalone"), "the manifest is served next to the page");
    // The comparison lays out one column per claim through classes (no inline style): three columns, no violation.
    if corpus.claims.len() >= 3 {
        let ids: Vec<&str> = corpus.claims.iter().take(3).map(|c| c.id.as_str()).collect();
        actions::open(c, &s.server.url(&format!("?cmp={}", ids.join(","))), locators::COMPARE).await;
        let cols = actions::js(
            c,
            "return getComputedStyle(document.querySelector('[data-testid=compare] .columns')).gridTemplateColumns.split(' ').length;",
        )
        .await;
        assert_eq!(cols, serde_json::json!(3), "the comparison lays out three columns under the CSP");
        no_csp_violation(c).await;
    }
    checks::app_alive(c).await;
    csp_is_enforced(c).await;
    s.close().await;
}
