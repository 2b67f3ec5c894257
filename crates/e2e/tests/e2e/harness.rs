//! Test plumbing: a loopback static server over `dist/` (the crate's `serve`), a private chromedriver, a headless
//! Chromium session.
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use counterclaim_e2e::browser;
pub use counterclaim_e2e::serve::Server;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// Browsers running at once (the machine has 2 cores).
static SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// The workspace root (where `dist/`, `scripts/` and `seeds/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("COUNTERCLAIM_ROOT"))
}

/// The release build, built once per test run if `dist/` is missing.
pub fn dist() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dist = root().join("dist");
            if !dist.join("index.html").exists() {
                let st = Command::new("bash").arg("scripts/build.sh").current_dir(root()).status().expect("run scripts/build.sh");
                assert!(st.success(), "release build failed");
            }
            dist
        })
        .clone()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                files_under(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// The `counterclaim` command (release, as the build runs it), run from the workspace root.
pub fn counterclaim(args: &[&str]) -> Command {
    let mut c = Command::new("cargo");
    c.args(["run", "--quiet", "--offline", "--release", "-p", "counterclaim-cli", "--bin", "counterclaim", "--"])
        .args(args)
        .current_dir(root());
    c
}

/// A fingerprint of everything a site build depends on (the prebuilt app in `app` among it), to skip
/// rebuilding an up-to-date site.
fn inputs_stamp(seeds: &Path, app: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let r = root();
    let mut files = Vec::new();
    for d in ["crates/core/src", "crates/builder/src", "crates/site/src", "crates/app", "crates/worker", "crates/cli/src"] {
        files_under(&r.join(d), &mut files);
    }
    files_under(seeds, &mut files);
    files_under(app, &mut files);
    for f in ["Cargo.toml", "Cargo.lock", "scripts/sw.template.js"] {
        files.push(r.join(f));
    }
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.hash(&mut h);
        std::fs::read(f).unwrap_or_default().hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

/// A release site over another corpus: `files` (`corpus.toml` and `*.txt`, by name) are written to
/// `target/NAME-seeds/` and `counterclaim site` makes the site in `target/dist-NAME/` from the prebuilt
/// `dist/` (no single file), again only when an input changed. One at a time, after the normal site's.
pub fn site_from(name: &str, files: &[(String, Vec<u8>)]) -> PathBuf {
    static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let app = super::offline::postbuilt();
    let _one_at_a_time = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
    let r = root();
    let seeds = r.join(format!("target/{name}-seeds"));
    let out = r.join(format!("target/dist-{name}"));
    std::fs::create_dir_all(&seeds).unwrap();
    for e in std::fs::read_dir(&seeds).unwrap().flatten() {
        if !files.iter().any(|(n, _)| e.file_name().to_string_lossy() == n.as_str()) {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    for (n, bytes) in files {
        let to = seeds.join(n);
        if std::fs::read(&to).ok().as_deref() != Some(&bytes[..]) {
            std::fs::write(&to, bytes).unwrap();
        }
    }
    let stamp = inputs_stamp(&seeds, &app);
    let stamp_file = out.join(".inputs");
    if out.join("index.html").exists() && std::fs::read_to_string(&stamp_file).ok().as_deref() == Some(&stamp[..]) {
        return out;
    }
    let (seeds_arg, out_arg, app_arg) = (seeds.display().to_string(), out.display().to_string(), app.display().to_string());
    let st = counterclaim(&["site", &seeds_arg, "--out", &out_arg, "--app", &app_arg, "--no-single"])
        .status()
        .unwrap_or_else(|e| panic!("build the {name} site: {e}"));
    assert!(st.success(), "the {name} site build failed");
    std::fs::write(&stamp_file, stamp).unwrap();
    out
}

/// The corpus of a site built by [`site_from`], loaded natively from the same folder with the same code.
pub fn site_corpus(name: &str) -> counterclaim_core::corpus::Corpus {
    counterclaim_builder::load::load(&root().join(format!("target/{name}-seeds"))).expect("the site's corpus folder")
}

/// A chromedriver process on a free loopback port; killed on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start() -> Driver {
        let bin = browser::chromedriver();
        // A port found free can be taken by another test's driver before ours binds it; ours then exits and
        // the port answers for the other one. So the driver counts as started only while our child still runs.
        for _attempt in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let mut child = Command::new(&bin)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {bin}: {e} (run `make test`, which installs it)"));
            let t0 = Instant::now();
            let mut exited = false;
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(t0.elapsed() < Duration::from_secs(20), "chromedriver did not start");
                if child.try_wait().ok().flatten().is_some() {
                    exited = true;
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            // Long enough for a driver that lost the port to have exited.
            std::thread::sleep(Duration::from_millis(150));
            if !exited && child.try_wait().ok().flatten().is_none() {
                return Driver { child, port };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("chromedriver exited at start five times");
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser session with its server and driver; `close()` it at the end of a test.
pub struct Session {
    pub client: Client,
    pub server: Server,
    _driver: Driver,
    _profile: TempDir,
    /// Where the browser saves downloads.
    pub downloads: TempDir,
    _slot: tokio::sync::SemaphorePermit<'static>,
}

/// A temporary directory removed on drop.
pub struct TempDir(pub PathBuf);
impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!("counterclaim-{tag}-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Session {
    /// Headless Chromium at 1280×900 serving `dist/` at `/`.
    pub async fn new() -> Session {
        Session::with(dist(), "/", (1280, 900)).await
    }

    pub async fn with(dir: PathBuf, prefix: &str, size: (u32, u32)) -> Session {
        Session::with_args(dir, prefix, size, &[]).await
    }

    /// [`Session::with`], Chromium started with `extra` flags too (`--blink-settings=scriptEnabled=false`).
    pub async fn with_args(dir: PathBuf, prefix: &str, (w, h): (u32, u32), extra: &[&str]) -> Session {
        let slot = SLOTS.acquire().await.unwrap();
        let server = Server::start(dir, prefix);
        let driver = Driver::start();
        let profile = TempDir::new("profile");
        let downloads = TempDir::new("downloads");
        let caps = json!({
            "goog:chromeOptions": {
                "binary": browser::chromium(),
                "args": browser::headless_args((w, h), &profile.0).into_iter().chain(extra.iter().map(|a| a.to_string())).collect::<Vec<_>>(),
                "prefs": {
                    "download.default_directory": downloads.0.display().to_string(),
                    "download.prompt_for_download": false
                }
            },
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let caps = match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        };
        // One more driver if the first cannot open a session (a loaded machine).
        let mut driver = driver;
        let mut tries = 0;
        let client = loop {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", driver.port))
                .await
            {
                Ok(c) => break c,
                Err(e) if tries < 2 => {
                    eprintln!("note: new chromedriver after: {e}");
                    tries += 1;
                    driver = Driver::start();
                }
                Err(e) => panic!("connect to chromedriver: {e}"),
            }
        };
        Session { client, server, _driver: driver, _profile: profile, downloads, _slot: slot }
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// The seed corpus as the app embeds it: the same loader and builder the build script runs.
pub fn seeds() -> counterclaim_core::corpus::Corpus {
    counterclaim_builder::load::load(&root().join("seeds")).expect("seeds/")
}
