//! Browser benchmark driver (issue 10), run by `bench/run.sh` (`make bench`) after it has built each dist.
//!
//! ```sh
//! cargo run --release -p counterclaim-bench --example browser_bench -- [OPTIONS] LABEL=DIST_DIR[:CLAIMS_JSON]...
//!   --minimal DIR      dist of bench/minimal (the minimal Yew page baseline)
//!   --minisearch FILE  MiniSearch's UMD build (bench/node_modules/minisearch/dist/umd/index.js)
//!   --out FILE         append the results (markdown, dated) to FILE (bench/results.md)
//!   --builds FILE      `label<TAB>seconds[<TAB>peak KB]` lines: build times and peak memory shown in the table
//!   --generated FILE   the same for the corpus generator (`gen_corpus`), said under the table
//!   --started EPOCH    when the whole run started (seconds since 1970), for the "run took" line
//!   --cold N --warm N --rounds N   cold loads (fresh browser each), warm reloads, interaction rounds
//!   --profile          also write CDP CPU profiles of the first cold load and of the interactions to
//!                      bench/tmp/profile-LABEL-load.cpuprofile and bench/tmp/profile-LABEL.cpuprofile
//!                      (open it in Chrome DevTools; build with names to see wasm function names)
//!   --step-timeout S   every waiting step (a load, a round of toggles, MiniSearch's index…) fails the run with a
//!                      message naming it after S seconds (default 900)
//!   --slow-load S      a first cold load slower than S seconds (default 30) leaves that corpus at 1 cold load, at
//!                      most 1 warm reload and 1 round (said under the table)
//!   --minisearch-max N MiniSearch is skipped above N claims (default 500000; 0: no cap: its index of 482,526
//!                      claims took 46 s and ~1.8 GB more renderer memory), and its indexing and each round of its
//!                      searches stop after `MINISEARCH_BUDGET_MS`; the table then says n/a or how far it got, and why
//! ```
//!
//! For every dist: an in-process static server on 127.0.0.1 (`counterclaim_e2e::serve`, the end-to-end tests'
//! own) serves it; chromedriver drives headless Chromium. Everything timed is timed inside the page with
//! `performance.now()` so WebDriver round trips never count:
//! - **load**: a script installed with CDP `Page.addScriptToEvaluateOnNewDocument` (so it runs before any
//!   page script) watches the DOM with a MutationObserver; "first claims" is the first
//!   `[data-testid=claim-list] [data-claim-id]` (the minimal page: its first `[data-testid=ready] li`), in
//!   ms since navigation start; "painted" is the next frame after that (rAF + task); "ready" is when the app
//!   has mounted over the prerendered view (`#pre` gone: its data file fetched and unpacked, the page usable).
//!   Cold = a new browser
//!   with an empty profile; warm = reloads in the same browser (HTTP cache, service worker, code cache).
//! - **filter / search latency**: in the page, from the `click()` on a facet checkbox (or the Enter
//!   `keydown` in the search box after setting its value, which applies the query at once, without the
//!   120 ms debounce) until the DOM stops changing (the last MutationObserver callback, or the end of the
//!   microtask that ran Yew's update when nothing changed), plus a forced style/layout
//!   (`document.body.offsetHeight`): the work that has to fit in one frame, paint aside.
//! - **MiniSearch**: its UMD build is executed in the same page (WebDriver script, so the page's CSP does
//!   not apply), indexes the same claims (`claims.json`, fetched from the same server) with the searched
//!   fields of our index (text, speaker, role, affiliation, title, outlet), prefix search, AND; then runs the
//!   same prefixes, each repeated until 5 ms have passed (mean per call). MiniSearch's figure is the search
//!   call alone; ours includes rendering.
//! - **heap**: `performance.memory.usedJSHeapSize` after `gc()` (`--enable-precise-memory-info`,
//!   `--js-flags=--expose-gc`), and the wasm linear memory.
//! - **bytes**: every file the server sent during the cold loads (the page, and what the service worker
//!   precaches), compressed by `bench/sizes.py` (gzip -9, brotli 11; brotli only when every file is at most
//!   `BROTLI_MAX` bytes: quality 11 runs at ~0.3 MB/s here, 20 minutes for a 328 MB data file).
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use counterclaim_e2e::browser;
use counterclaim_e2e::serve::Server;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};

/// Facet toggles, each switched on then off (two samples), in this order, every round.
const TOGGLES: &[(&str, &str)] = &[
    ("stance", "refutes"),
    ("stance", "supports"),
    ("stance", "neutral"),
    ("kind", "direct"),
    ("kind", "indirect"),
    ("side", "islamic-emirate"),
    ("side", "us-government"),
    ("side", "russia"),
    ("entity", "isis"),
    ("entity", "taliban"),
    ("entity", "afghanistan"),
    ("outlet", "Ariana News"),
    ("outlet", "TOLOnews"),
    ("outlet", "Press TV"),
    ("year", "2023"),
    ("year", "2021"),
];
/// Then these are switched on one after the other (AND across facets) and off in reverse order.
const STACK: &[(&str, &str)] = &[("stance", "refutes"), ("side", "islamic-emirate"), ("entity", "isis"), ("year", "2024")];
/// Queries typed character by character: every prefix is one sample.
const QUERIES: &[&str] =
    &["daesh", "isis", "taliban", "threat", "destroyed", "\"no longer exists\"", "pentagon", "qani", "afghanistan security", "mujahid"];

/// Installed before any page script: marks when the app (or the minimal page) first shows its content.
const OBSERVER: &str = r#"(() => {
  const B = window.__bench = { marks: {}, errors: [] };
  const err = (m) => { if (B.errors.length < 20) B.errors.push(String(m).slice(0, 500)); };
  addEventListener('error', (e) => err(e.message || (e.target && e.target.src) || 'error'), true);
  addEventListener('unhandledrejection', (e) => err('unhandled rejection: ' + (e.reason && (e.reason.stack || e.reason))));
  const ce = console.error.bind(console);
  console.error = (...a) => { err(a.join(' ')); ce(...a); };
  const mark = (k) => { if (B.marks[k] == null) B.marks[k] = performance.now(); };
  const check = () => {
    if (document.querySelector('[data-testid=result-count]')) mark('rendered');
    const first = document.querySelector('[data-testid=claim-list] [data-claim-id]') || document.querySelector('[data-testid=ready] li');
    if (first && B.marks.first == null) {
      mark('first');
      requestAnimationFrame(() => setTimeout(() => mark('painted'), 0));
    }
    // The app mounted over the prerendered view (which it removes), or a page without one showed its content.
    if (first && !document.getElementById('pre')) mark('ready');
    return B.marks.ready != null;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    mark('started');
    try { B.wasm = e.detail.wasm; } catch (_) {}
  });
})();"#;

/// Act (click a facet / type a query + Enter / Escape), then wait until the DOM is quiet; returns timings.
const ACT: &str = r#"
const [kind, sel, value, done] = arguments;
let last = null, n = 0, tMicro = null;
const batches = [];
const mo = new MutationObserver((recs) => { last = performance.now(); n += recs.length; if (batches.length < 20) batches.push([last, recs.length]); });
mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
const el = document.querySelector(sel);
if (!el) { mo.disconnect(); done(null); return; }
let t0;
if (kind === 'click') {
  t0 = performance.now();
  el.click();
} else {
  if (kind === 'type') {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
  }
  t0 = performance.now();
  el.dispatchEvent(new KeyboardEvent('keydown', { key: kind === 'type' ? 'Enter' : 'Escape', bubbles: true, cancelable: true }));
}
queueMicrotask(() => { tMicro = performance.now(); });
let quiet = 0, seen = -1, hops = 0;
const hop = () => {
  hops++;
  if (n === seen) quiet++; else { quiet = 0; seen = n; }
  if (quiet < 2 && hops < 400) { setTimeout(hop, 0); return; }
  mo.disconnect();
  const end = Math.max(last == null ? 0 : last, tMicro == null ? t0 : tMicro);
  const l0 = performance.now();
  void document.body.offsetHeight;
  const layout = performance.now() - l0;
  const c = document.querySelector('[data-testid=result-count]');
  done({ batches: batches.map(([t, k]) => `${(t - t0).toFixed(1)}:${k}`).join(' '), dom: end - t0, layout, total: end - t0 + layout, mutations: n, count: c ? c.textContent : null });
};
setTimeout(hop, 0);
"#;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    std::process::exit(rt.block_on(run()));
}

struct Opts {
    targets: Vec<(String, PathBuf, Option<PathBuf>)>,
    minimal: Option<PathBuf>,
    minisearch: Option<PathBuf>,
    out: Option<PathBuf>,
    builds: BTreeMap<String, Timed>,
    generated: BTreeMap<String, Timed>,
    started: Option<u64>,
    /// How long any one waiting step may take before the run fails naming it.
    step_timeout: Duration,
    /// A first cold load slower than this leaves the corpus at 1 cold load, ≤ 1 warm reload and 1 round.
    slow_load: Duration,
    /// MiniSearch is skipped above this many claims (0: never).
    minisearch_max: usize,
    cold: usize,
    warm: usize,
    rounds: usize,
    /// Write a CDP CPU profile of the interaction phase to bench/tmp/profile-LABEL.cpuprofile.
    profile: bool,
}

fn parse_args() -> Opts {
    let mut o = Opts {
        targets: vec![],
        minimal: None,
        minisearch: None,
        out: None,
        builds: BTreeMap::new(),
        generated: BTreeMap::new(),
        started: None,
        step_timeout: Duration::from_secs(900),
        slow_load: Duration::from_secs(30),
        minisearch_max: 500_000,
        cold: 3,
        warm: 3,
        rounds: 2,
        profile: false,
    };
    let mut it = std::env::args().skip(1);
    let num = |v: Option<String>| v.and_then(|s| s.parse::<usize>().ok()).expect("a number");
    while let Some(a) = it.next() {
        match a.as_str() {
            "--minimal" => o.minimal = it.next().map(PathBuf::from),
            "--minisearch" => o.minisearch = it.next().map(PathBuf::from),
            "--out" => o.out = it.next().map(PathBuf::from),
            "--builds" => o.builds = Timed::read(&it.next().expect("--builds FILE")),
            "--generated" => o.generated = Timed::read(&it.next().expect("--generated FILE")),
            "--step-timeout" => o.step_timeout = Duration::from_secs(num(it.next()) as u64),
            "--slow-load" => o.slow_load = Duration::from_secs(num(it.next()) as u64),
            "--minisearch-max" => o.minisearch_max = num(it.next()),
            "--started" => o.started = Some(num(it.next()) as u64),
            "--cold" => o.cold = num(it.next()),
            "--warm" => o.warm = num(it.next()),
            "--rounds" => o.rounds = num(it.next()),
            "--profile" => o.profile = true,
            t if t.contains('=') => {
                let (label, rest) = t.split_once('=').unwrap();
                let (dist, claims) = match rest.split_once(':') {
                    Some((d, c)) => (PathBuf::from(d), Some(PathBuf::from(c))),
                    None => (PathBuf::from(rest), None),
                };
                o.targets.push((label.to_string(), dist, claims));
            }
            _ => {
                eprintln!("browser_bench: unknown argument {a} (see the header of examples/browser_bench.rs)");
                std::process::exit(2);
            }
        }
    }
    o.cold = o.cold.max(1);
    o
}

/// A timed command of `bench/run.sh`: wall seconds and peak RSS (GNU time's `%e %M`).
#[derive(Clone, Debug)]
struct Timed {
    secs: String,
    peak_kb: Option<u64>,
}

impl Timed {
    /// `label<TAB>seconds[<TAB>peak KB]` lines (a missing file: none).
    fn read(file: &str) -> BTreeMap<String, Timed> {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        text.lines()
            .filter_map(|line| {
                let mut f = line.split('\t');
                let (label, secs) = (f.next()?, f.next()?);
                Some((label.to_string(), Timed { secs: secs.to_string(), peak_kb: f.next().and_then(|k| k.trim().parse().ok()) }))
            })
            .collect()
    }

    /// "12.3 s / 2,512 MB" (or the seconds alone).
    fn show(&self) -> String {
        match self.peak_kb {
            Some(k) => format!("{} / {}", self.secs, thousands(k / 1024)),
            None => self.secs.clone(),
        }
    }
}

/// 2512 → "2,512".
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `f` within the run's step timeout, or the run fails with a message naming `step` (chromedriver and its
/// browsers are ended by the driver's watchdog when this process exits).
async fn step<T>(o: &Opts, step: &str, f: impl std::future::Future<Output = T>) -> T {
    let t0 = Instant::now();
    match tokio::time::timeout(o.step_timeout, f).await {
        Ok(v) => {
            if std::env::var_os("BENCH_VERBOSE").is_some() {
                eprintln!("[bench] {step}: {:.1} s", t0.elapsed().as_secs_f64());
            }
            v
        }
        Err(_) => {
            eprintln!("browser_bench: {step} did not finish within {} s (--step-timeout); stopping", o.step_timeout.as_secs());
            std::process::exit(1);
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Browser

struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let bin = browser::chromedriver();
        // Its own process group (chromedriver and every Chromium it starts), killed as a whole on drop, and
        // by a watchdog if this process dies without dropping it (Ctrl-C, kill, a step's timeout). `kill -TERM -PGID`,
        // not `kill -TERM -- -PGID`: dash's kill (sh here) refuses the `--` ("Illegal number"), which left chromedriver
        // and its browsers running.
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin}: {e}"));
        let _ = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "while kill -0 {me} 2>/dev/null && kill -0 {pg} 2>/dev/null; do sleep 1; done; kill -TERM -{pg} 2>/dev/null",
                me = std::process::id(),
                pg = child.id()
            ))
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let t0 = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(t0.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let t0 = Instant::now();
        while self.child.try_wait().ok().flatten().is_none() {
            if t0.elapsed() > Duration::from_secs(5) {
                let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
                let _ = self.child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

struct Browser {
    client: Client,
    session: String,
    driver_port: u16,
    profile: PathBuf,
}

impl Browser {
    /// A fresh browser; WebDriver's own script and page-load timeouts are a little longer than `limit` (the run's
    /// step timeout), so that the step that waits fails first, naming itself.
    async fn open(driver: &Driver, profile: PathBuf, limit: Duration) -> Browser {
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).unwrap();
        let mut args = browser::headless_args((1280, 900), &profile);
        // Heap figures: precise, after a forced GC.
        args.extend(["--enable-precise-memory-info".to_string(), "--js-flags=--expose-gc".to_string()]);
        let caps = json!({ "goog:chromeOptions": { "binary": browser::chromium(), "args": args } });
        let Value::Object(caps) = caps else { unreachable!() };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("connect to chromedriver");
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(limit + Duration::from_secs(30)),
                Some(limit + Duration::from_secs(30)),
                Some(Duration::from_secs(0)),
            ))
            .await
            .expect("set timeouts");
        let session = client.session_id().await.ok().flatten().expect("session id");
        let b = Browser { client, session, driver_port: driver.port, profile };
        b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": OBSERVER })).await;
        b
    }

    /// A Chrome DevTools Protocol command through chromedriver (`POST /session/{id}/goog/cdp/execute`).
    async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let req = format!(
            "POST /session/{}/goog/cdp/execute HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
            self.session,
            self.driver_port,
            body.len(),
            body
        );
        let s = tokio::net::TcpStream::connect(("127.0.0.1", self.driver_port)).await.expect("connect chromedriver");
        let mut s = tokio::io::BufReader::new(s);
        s.get_mut().write_all(req.as_bytes()).await.unwrap();
        // chromedriver keeps the connection open: read the headers, then exactly Content-Length bytes.
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            if s.read_line(&mut line).await.unwrap() == 0 || line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0u8; len];
        s.read_exact(&mut body).await.unwrap();
        let json_part = String::from_utf8_lossy(&body);
        let v: Value = serde_json::from_str(&json_part).unwrap_or(Value::Null);
        if v.pointer("/value/error").is_some() {
            panic!("CDP {cmd} failed: {v}");
        }
        v
    }

    async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    async fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute_async(script, args).await.unwrap_or_else(|e| panic!("async script failed: {e}"))
    }

    async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

// ------------------------------------------------------------------------------------------------
// Measurements

#[derive(Default, Clone, Debug)]
struct Load {
    first: Option<f64>,
    painted: Option<f64>,
    /// The app mounted over the prerendered view: its data unpacked, the page usable.
    ready: Option<f64>,
    rendered: Option<f64>,
    started: Option<f64>,
    wasm_loaded: Option<f64>,
    /// The browser's first contentful paint, and when the page's HTML had arrived.
    fcp: Option<f64>,
    html: Option<f64>,
    footer: Option<String>,
}

/// Navigate (or reload) and wait until the app is ready over its first claims (or, for a corpus without claims,
/// shows); the caller's step timeout bounds the wait.
async fn load(b: &Browser, url: &str, reload: bool) -> Load {
    if reload {
        b.client.refresh().await.expect("reload");
    } else {
        b.client.goto(url).await.expect("navigate");
    }
    let t0 = Instant::now();
    let mut zero_since: Option<Instant> = None;
    loop {
        let v = b
            .js(
                "const B = window.__bench || {marks: {}, errors: []}; const c = document.querySelector('[data-testid=result-count]');
                 const f = document.querySelector('footer.foot');
                 const w = performance.getEntriesByType('resource').find(r => r.name.endsWith('.wasm'));
                 const p = performance.getEntriesByName('first-contentful-paint')[0];
                 const n = performance.getEntriesByType('navigation')[0];
                 return {marks: B.marks, errors: B.errors, count: c ? c.textContent : null, footer: f ? f.textContent : null,
                         wasm: w ? w.responseEnd : null, fcp: p ? p.startTime : null, html: n ? n.responseEnd : null};",
                vec![],
            )
            .await;
        let m = &v["marks"];
        let got = |k: &str| m[k].as_f64();
        let count = v["count"].as_str().and_then(|s| s.trim().parse::<usize>().ok());
        // The page starts its wasm after the first paint, then fetches and unpacks its data file: wait for all of it.
        let done = got("first").is_some() && got("painted").is_some() && got("started").is_some() && got("ready").is_some();
        if count == Some(0) && got("first").is_none() {
            zero_since.get_or_insert_with(Instant::now);
        }
        let empty_app = zero_since.is_some_and(|z| z.elapsed() > Duration::from_millis(1500));
        let errors: Vec<String> =
            v["errors"].as_array().map(|a| a.iter().filter_map(|e| e.as_str().map(str::to_string)).collect()).unwrap_or_default();
        // A page that logged an error and has not rendered for 10 s will not.
        let broken = !errors.is_empty() && got("rendered").is_none() && t0.elapsed() > Duration::from_secs(10);
        if broken {
            eprintln!("[bench] the page did not show claims after {:.0} s; errors: {errors:?}", t0.elapsed().as_secs_f64());
        }
        if done || empty_app || broken {
            return Load {
                first: got("first"),
                painted: got("painted"),
                ready: got("ready"),
                rendered: got("rendered"),
                started: got("started"),
                wasm_loaded: v["wasm"].as_f64(),
                fcp: v["fcp"].as_f64(),
                html: v["html"].as_f64(),
                footer: v["footer"].as_str().map(str::to_string),
            };
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
}

#[derive(Default, Debug)]
struct Samples {
    v: Vec<f64>,
}
impl Samples {
    fn push(&mut self, x: f64) {
        self.v.push(x);
    }
    fn pct(&self, p: f64) -> Option<f64> {
        if self.v.is_empty() {
            return None;
        }
        let mut s = self.v.clone();
        s.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let rank = ((p / 100.0) * s.len() as f64).ceil().max(1.0) as usize;
        Some(s[rank.min(s.len()) - 1])
    }
    fn max(&self) -> Option<f64> {
        self.v.iter().cloned().fold(None, |m, x| Some(m.map_or(x, |m: f64| m.max(x))))
    }
}

fn median(v: &[f64]) -> Option<f64> {
    let s = Samples { v: v.to_vec() };
    s.pct(50.0)
}

async fn act(b: &Browser, kind: &str, sel: &str, value: &str) -> Option<Value> {
    let v = b.js_async(ACT, vec![json!(kind), json!(sel), json!(value)]).await;
    (!v.is_null()).then_some(v)
}

fn facet_sel(f: &str, v: &str) -> String {
    format!("input[data-facet=\"{f}\"][data-value=\"{}\"]", v.replace('"', "\\\""))
}

#[derive(Default, Debug)]
struct Interact {
    filter: Samples,
    filter_dom: Samples,
    filter_layout: Samples,
    filter_missing: BTreeSet<String>,
    search: Samples,
    search_dom: Samples,
    /// Per query: our final result count.
    counts: Vec<(String, Option<String>)>,
    ms_search: Samples,
    ms_build: Option<f64>,
    ms_docs: Option<usize>,
    ms_counts: Vec<usize>,
    /// Why MiniSearch has no figures, or only some (a cap, a time budget), for the table.
    ms_note: Option<String>,
    heap: Option<f64>,
    wasm_mem: Option<f64>,
    /// "Read in article" on a card → its span highlighted in the reader (the article's text shard fetched when
    /// it is not at hand yet).
    reader: Samples,
    /// The same with a pointer on the button `READER_HOVER_MS` before the click (which starts the fetch).
    reader_hover: Samples,
    /// Every filter and search sample with what it was (`f=v` or `q=…`, the result count, and when each batch of DOM
    /// mutations came: `[ms:records …]` after the action), for the slowest ones in the log.
    labelled: Vec<(f64, String)>,
}

fn prefixes(q: &str) -> Vec<String> {
    q.char_indices().map(|(i, c)| q[..i + c.len_utf8()].to_string()).collect()
}

/// The interaction phase: the heap after load, facet toggles, typed searches, then MiniSearch over the same
/// claims in the same page.
/// `claims`: how many the page shows (None: none, or not known), for MiniSearch's cap.
async fn interact(b: &Browser, o: &Opts, label: &str, rounds: usize, minisearch: Option<&str>, claims: Option<usize>) -> Interact {
    let mut r = Interact::default();
    step(o, &format!("{label}: heap after load"), r.heap_after_load(b)).await;
    for k in 0..rounds {
        step(o, &format!("{label}: facet toggles, round {}", k + 1), r.toggle_facets(b)).await;
    }
    step(o, &format!("{label}: typed queries"), r.type_queries(b, rounds)).await;
    step(o, &format!("{label}: reader opens"), r.open_readers(b)).await;
    r.labelled.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = r.labelled.iter().take(6).map(|(t, what)| format!("{t:.1} ms {what}")).collect();
    eprintln!("[bench] the slowest filter and search samples: {}", slowest.join("; "));
    if std::env::var_os("BENCH_ALL_SAMPLES").is_some() {
        let all: Vec<String> = r.labelled.iter().map(|(t, what)| format!("{t:.0} {what}")).collect();
        eprintln!("[bench] every sample, slowest first: {}", all.join("; "));
    }
    match (minisearch, claims) {
        (Some(_), Some(n)) if o.minisearch_max > 0 && n > o.minisearch_max => {
            r.ms_note = Some(format!("skipped: {} claims > {}, --minisearch-max", thousands(n as u64), thousands(o.minisearch_max as u64)));
        }
        (Some(src), Some(_)) => r.minisearch(b, o, label, src, rounds).await,
        _ => {}
    }
    r
}

/// The search box.
const SEARCH: &str = "input[data-testid=search]";

/// How many cards' "Read in article" the reader sample opens, one after the other.
const READER_OPENS: usize = 12;

/// Open the reader from the `i`-th card in the DOM and time it from the click to the claim's highlighted span (a
/// mutation observer: no polling granularity); then close it. `null` when it never shows (5 s). With `hover` > 0 a
/// pointer first enters the button that many ms before the click (as a hand on a mouse does), which starts the
/// article's fetch; with 0 the click comes alone (a keyboard's Enter on a button focused long before, a script).
const READER_OPEN: &str = "const [i, hover] = arguments; const done = arguments[arguments.length - 1];
     const cards = document.querySelectorAll('[data-testid=claim-list] [data-claim-id]');
     if (!cards.length) return done(null);
     const card = cards[i % cards.length]; const id = card.dataset.claimId;
     const sel = `[data-testid=reader] mark.active[data-claim-id=\"${id}\"]`;
     const button = card.querySelector('[data-action=read]');
     let t0 = 0, obs = null, timer = null;
     const finish = (t) => { obs.disconnect(); clearTimeout(timer);
       const c = document.querySelector('[data-testid=reader] .close'); if (c) c.click();
       setTimeout(() => done(t), 50); };
     const go = () => {
       t0 = performance.now();
       obs = new MutationObserver(() => { if (document.querySelector(sel)) finish(performance.now() - t0); });
       obs.observe(document.body, { childList: true, subtree: true, attributes: true });
       timer = setTimeout(() => finish(null), 5000);
       button.click();
       if (document.querySelector(sel)) finish(performance.now() - t0);
     };
     if (hover > 0) { button.dispatchEvent(new PointerEvent('pointerenter', { bubbles: false })); setTimeout(go, hover); }
     else go();";

/// How long the pointer rests on "Read in article" before the click, in the reader sample's hovered opens (ms).
const READER_HOVER_MS: u32 = 100;

/// MiniSearch's time budget (ms) for indexing, and for each round of searches: past it, it stops and the table
/// says so (at 100,000 documents one search can take seconds).
const MINISEARCH_BUDGET_MS: u32 = 120_000;

/// MiniSearch over the claims of `/__bench/claims.json`, with the searched fields of our index, added in chunks
/// of 2,000 (the time is theirs alone) until all are in or `budget` ms have been spent.
const MINISEARCH_BUILD: &str = "const [budget] = arguments; const done = arguments[arguments.length - 1];
     const tf = performance.now();
     fetch('/__bench/claims.json').then(r => r.json()).then(data => {
       const fetched = performance.now() - tf;
       // gen_corpus's claims.json, or the CLI export (`counterclaim export`): {documents, claims}.
       let claims = data;
       if (!Array.isArray(data)) {
         const byId = new Map(data.documents.map(d => [d.id, d]));
         claims = data.claims.map(c => { const d = byId.get(c.doc) || {};
           return { text: c.text, speaker: c.speaker, role: c.role || '', affiliation: c.affiliation || '',
                    title: d.title || '', outlet: d.outlet || '' }; });
       }
       const docs = claims.map((c, i) => Object.assign({ __i: i }, c));
       const ms = new MiniSearch({ idField: '__i', fields: ['text', 'speaker', 'role', 'affiliation', 'title', 'outlet'],
                                   searchOptions: { prefix: true, combineWith: 'AND' } });
       let i = 0, spent = 0;
       const chunk = () => {
         const t0 = performance.now();
         const end = Math.min(i + 2000, docs.length);
         ms.addAll(docs.slice(i, end));
         i = end; spent += performance.now() - t0;
         if (i < docs.length && spent < budget) return setTimeout(chunk, 0);
         window.__ms = i === docs.length ? ms : null;
         done({ n: docs.length, indexed: i, build: spent, fetched });
       };
       chunk();
     }).catch(e => done({ error: String(e) }));";

/// Every prefix of every query through MiniSearch, each repeated for 5 ms: mean time per call, final counts; stops
/// after `budget` ms (the prefixes timed so far).
const MINISEARCH_RUN: &str = "const [qs, budget] = arguments; const out = []; const counts = []; const start = performance.now();
     for (const ps of qs) {
       let n = 0;
       for (const p of ps) {
         if (performance.now() - start > budget) return { times: out, counts, stopped: true };
         let k = 0; const t0 = performance.now(); let t = t0;
         do { n = window.__ms.search(p).length; k++; t = performance.now(); } while (t - t0 < 5);
         out.push((t - t0) / k);
       }
       counts.push(n);
     }
     return { times: out, counts, stopped: false };";

impl Interact {
    /// JS heap and wasm memory after load, after a full GC.
    async fn heap_after_load(&mut self, b: &Browser) {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let h = b
            .js(
                "if (window.gc) { gc(); gc(); } const B = window.__bench || {};
                 let w = null; try { w = B.wasm.memory.buffer.byteLength; } catch (_) {}
                 return {heap: performance.memory ? performance.memory.usedJSHeapSize : null, wasm: w};",
                vec![],
            )
            .await;
        self.heap = h["heap"].as_f64();
        self.wasm_mem = h["wasm"].as_f64();
    }

    /// Click facet value `f=v` and take a filter sample; whether the value was on the page.
    async fn click_facet(&mut self, b: &Browser, f: &str, v: &str) -> bool {
        let Some(m) = act(b, "click", &facet_sel(f, v), "").await else { return false };
        self.filter.push(m["total"].as_f64().unwrap());
        self.labelled.push((
            m["total"].as_f64().unwrap(),
            format!("{f}={v} → {} [{}]", m["count"].as_str().unwrap_or("?"), m["batches"].as_str().unwrap_or("")),
        ));
        self.filter_dom.push(m["dom"].as_f64().unwrap());
        self.filter_layout.push(m["layout"].as_f64().unwrap());
        true
    }

    /// One round of facet toggles: each of `TOGGLES` on and off, then `STACK` on one after the other and off
    /// in reverse order. Values not on the page are noted.
    async fn toggle_facets(&mut self, b: &Browser) {
        for &(f, v) in TOGGLES {
            for _ in 0..2 {
                if !self.click_facet(b, f, v).await {
                    self.filter_missing.insert(format!("{f}={v}"));
                }
            }
        }
        let mut on = Vec::new();
        for &(f, v) in STACK {
            if self.click_facet(b, f, v).await {
                on.push((f, v));
            } else {
                self.filter_missing.insert(format!("{f}={v}"));
            }
        }
        for &(f, v) in on.iter().rev() {
            self.click_facet(b, f, v).await;
        }
    }

    /// Every query typed one character at a time, each prefix applied with Enter; the first round records
    /// the final result counts.
    async fn type_queries(&mut self, b: &Browser, rounds: usize) {
        for round in 0..rounds {
            for q in QUERIES {
                act(b, "clear", SEARCH, "").await;
                let mut last = None;
                for p in prefixes(q) {
                    if let Some(m) = act(b, "type", SEARCH, &p).await {
                        self.search.push(m["total"].as_f64().unwrap());
                        self.labelled.push((
                            m["total"].as_f64().unwrap(),
                            format!("q={p} → {} [{}]", m["count"].as_str().unwrap_or("?"), m["batches"].as_str().unwrap_or("")),
                        ));
                        self.search_dom.push(m["dom"].as_f64().unwrap());
                        last = m["count"].as_str().map(str::to_string);
                    }
                }
                if round == 0 {
                    self.counts.push((q.to_string(), last));
                }
            }
        }
        act(b, "clear", SEARCH, "").await;
    }

    /// Open the reader from `READER_OPENS` cards in turn (after the searches: the default view's cards).
    async fn open_readers(&mut self, b: &Browser) {
        // Cards in turn, every other one hovered first: each article is opened once, so neither kind finds its text
        // fetched by the other.
        for i in 0..READER_OPENS {
            let hover = if i % 2 == 1 { READER_HOVER_MS } else { 0 };
            if let Some(t) = b.js_async(READER_OPEN, vec![json!(i), json!(hover)]).await.as_f64() {
                if hover > 0 {
                    self.reader_hover.push(t)
                } else {
                    self.reader.push(t)
                }
            }
        }
    }

    /// Load MiniSearch (`src`, its UMD build) into the page, index the same claims, run the same prefixes, each
    /// within `MINISEARCH_BUDGET_MS` (what was cut short is said in `ms_note`).
    async fn minisearch(&mut self, b: &Browser, o: &Opts, label: &str, src: &str, rounds: usize) {
        let t = step(o, &format!("{label}: MiniSearch, loading it"), b.js(&format!("{src}\n;return typeof MiniSearch;"), vec![])).await;
        assert_eq!(t, json!("function"), "MiniSearch did not load");
        let built = step(
            o,
            &format!("{label}: MiniSearch, fetching and indexing the claims"),
            b.js_async(MINISEARCH_BUILD, vec![json!(MINISEARCH_BUDGET_MS)]),
        )
        .await;
        if let Some(e) = built["error"].as_str() {
            self.ms_note = Some(format!("failed: {e}"));
            return;
        }
        let (n, indexed) = (built["n"].as_u64().unwrap_or(0), built["indexed"].as_u64().unwrap_or(0));
        eprintln!(
            "[bench] {label}: MiniSearch: claims.json fetched and parsed in {} ms, {indexed} of {n} claims indexed in {} ms",
            ms(built["fetched"].as_f64()),
            ms(built["build"].as_f64())
        );
        self.ms_docs = Some(n as usize);
        if indexed < n {
            self.ms_note = Some(format!(
                "indexing stopped at {} s after {} of {} claims",
                MINISEARCH_BUDGET_MS / 1000,
                thousands(indexed),
                thousands(n)
            ));
            return;
        }
        self.ms_build = built["build"].as_f64();
        let qs: Vec<Vec<String>> = QUERIES.iter().map(|q| prefixes(q)).collect();
        let total: usize = qs.iter().map(Vec::len).sum();
        for k in 0..rounds {
            let res = step(
                o,
                &format!("{label}: MiniSearch, searches round {}", k + 1),
                b.js(MINISEARCH_RUN, vec![json!(qs), json!(MINISEARCH_BUDGET_MS)]),
            )
            .await;
            let times = res["times"].as_array().cloned().unwrap_or_default();
            self.ms_search.v.extend(times.iter().filter_map(Value::as_f64));
            if res["stopped"].as_bool() == Some(true) {
                self.ms_note =
                    Some(format!("searches stopped at {} s after {} of {total} prefixes", MINISEARCH_BUDGET_MS / 1000, times.len()));
                break;
            }
            self.ms_counts = res["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as usize).collect();
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Sizes

#[derive(Default, Debug, Clone)]
struct Sizes {
    raw: u64,
    gzip: u64,
    br: Option<u64>,
    wasm_raw: u64,
    wasm_gzip: u64,
    files: usize,
    /// The largest file brotli was not run on (over `BROTLI_MAX`), in bytes.
    br_skipped: Option<u64>,
}

/// Files larger than this get no brotli figure (`bench/sizes.py --brotli-max`): quality 11 runs at ~0.3 MB/s.
const BROTLI_MAX: u64 = 64 << 20;

fn sizes(files: &[PathBuf]) -> Sizes {
    if files.is_empty() {
        return Sizes::default();
    }
    let script = PathBuf::from(concat!(env!("COUNTERCLAIM_ROOT"), "/bench/sizes.py"));
    let out = Command::new("python3")
        .arg(&script)
        .args(["--brotli-max".to_string(), BROTLI_MAX.to_string()])
        .args(files)
        .output()
        .expect("run bench/sizes.py");
    let v: Value = serde_json::from_slice(&out.stdout).expect("sizes.py output");
    let mut s = Sizes { files: files.len(), br: Some(0), ..Default::default() };
    for f in v.as_array().unwrap() {
        s.raw += f["raw"].as_u64().unwrap();
        s.gzip += f["gzip"].as_u64().unwrap();
        s.br = match (s.br, f["br"].as_u64()) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        if f["br_skipped"].as_bool() == Some(true) {
            s.br_skipped = s.br_skipped.max(f["raw"].as_u64());
        }
        if f["path"].as_str().unwrap().ends_with(".wasm") {
            s.wasm_raw += f["raw"].as_u64().unwrap();
            s.wasm_gzip += f["gzip"].as_u64().unwrap();
        }
    }
    s
}

// ------------------------------------------------------------------------------------------------
// One corpus

#[derive(Default, Debug)]
struct Row {
    label: String,
    docs: Option<usize>,
    claims: Option<usize>,
    cold: Vec<Load>,
    warm: Vec<Load>,
    inter: Option<Interact>,
    sizes: Sizes,
    seconds: f64,
    /// Why this corpus got fewer loads and rounds than the run's (a slow first load).
    reduced: Option<String>,
}

/// How many cold loads, warm reloads and rounds a corpus gets: the run's, or fewer after a slow first load.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Plan {
    cold: usize,
    warm: usize,
    rounds: usize,
}

impl Plan {
    /// After the first cold load took `took`: the run's plan, or 1 cold load, ≤ 1 warm reload and 1 round with
    /// the reason (said under the table).
    fn after_first(o: &Opts, took: Duration) -> (Plan, Option<String>) {
        let full = Plan { cold: o.cold, warm: o.warm, rounds: o.rounds };
        let fewer = Plan { cold: 1, warm: o.warm.min(1), rounds: o.rounds.min(1) };
        if took <= o.slow_load || full == fewer {
            return (full, None);
        }
        let why = format!(
            "{} cold load(s), {} warm reload(s), {} round(s) instead of {} / {} / {}: the first cold load took {:.0} s (> {} s, --slow-load)",
            fewer.cold,
            fewer.warm,
            fewer.rounds,
            full.cold,
            full.warm,
            full.rounds,
            took.as_secs_f64(),
            o.slow_load.as_secs()
        );
        (fewer, Some(why))
    }
}

async fn bench_one(
    driver: &Driver,
    label: &str,
    dist: &Path,
    claims: Option<&Path>,
    o: &Opts,
    minisearch: Option<&str>,
    minimal: bool,
) -> Row {
    let t0 = Instant::now();
    let extra = claims.map(|c| vec![("/__bench/claims.json".to_string(), c.to_path_buf())]).unwrap_or_default();
    let server = Server::with_extra(dist.to_path_buf(), "/", extra);
    let profiles = PathBuf::from(concat!(env!("COUNTERCLAIM_ROOT"), "/bench/tmp/profiles"));
    let mut row = Row { label: label.to_string(), ..Default::default() };
    let mut plan = Plan { cold: o.cold, warm: o.warm, rounds: o.rounds };
    let mut i = 0;
    while i < plan.cold {
        let name = format!("{label}: cold load {}", i + 1);
        let b =
            step(o, &format!("{name}: starting the browser"), Browser::open(driver, profiles.join(format!("{label}-{i}")), o.step_timeout))
                .await;
        let profile_load = o.profile && i == 0;
        if profile_load {
            b.cdp("Profiler.enable", json!({})).await;
            b.cdp("Profiler.setSamplingInterval", json!({ "interval": 200 })).await;
            b.cdp("Profiler.start", json!({})).await;
        }
        let t_load = Instant::now();
        let l = step(o, &format!("{name} (until the app is ready)"), load(&b, &server.url(""), false)).await;
        if i == 0 {
            (plan, row.reduced) = Plan::after_first(o, t_load.elapsed());
        }
        if profile_load {
            let p = b.cdp("Profiler.stop", json!({})).await;
            write_profile(&format!("profile-{label}-load.cpuprofile"), &p);
        }
        eprintln!("[bench] {name} ({:.1} s): {l:?}", t_load.elapsed().as_secs_f64());
        row.cold.push(l);
        if i + 1 == plan.cold {
            // Let the service worker finish precaching before anything else is timed.
            tokio::time::sleep(Duration::from_millis(2000)).await;
            for j in 0..plan.warm {
                let l = step(o, &format!("{label}: warm load {}", j + 1), load(&b, &server.url(""), true)).await;
                eprintln!("[bench] {label}: warm load {}: {l:?}", j + 1);
                row.warm.push(l);
            }
            if !minimal {
                row.inter = Some(measure(&b, o, label, plan.rounds, minisearch, &row).await);
            }
        }
        b.close().await;
        i += 1;
    }
    (row.docs, row.claims) = footer_counts(&row.cold);
    row.sizes = step(o, &format!("{label}: sizes of the files served (bench/sizes.py)"), async { sizes(&server.served()) }).await;
    row.seconds = t0.elapsed().as_secs_f64();
    row
}

/// The interaction phase of one corpus (with the CPU profile when asked), logged.
async fn measure(b: &Browser, o: &Opts, label: &str, rounds: usize, minisearch: Option<&str>, row: &Row) -> Interact {
    let have_claims = row.cold[0].first.is_some();
    if o.profile {
        b.cdp("Profiler.enable", json!({})).await;
        b.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 })).await;
        b.cdp("Profiler.start", json!({})).await;
    }
    let claims = if have_claims { footer_counts(&row.cold).1 } else { None };
    let r = interact(b, o, label, rounds, minisearch, claims).await;
    if o.profile {
        let p = b.cdp("Profiler.stop", json!({})).await;
        write_profile(&format!("profile-{label}.cpuprofile"), &p);
    }
    eprintln!(
        "[bench] {label}: filter n={} p50={:?} p95={:?}; search n={} p50={:?} p95={:?}; minisearch p50={:?} p95={:?}{}",
        r.filter.v.len(),
        r.filter.pct(50.0),
        r.filter.pct(95.0),
        r.search.v.len(),
        r.search.pct(50.0),
        r.search.pct(95.0),
        r.ms_search.pct(50.0),
        r.ms_search.pct(95.0),
        r.ms_note.as_ref().map_or(String::new(), |n| format!(" ({n})"))
    );
    r
}

/// A CDP CPU profile into bench/tmp/NAME.
fn write_profile(name: &str, p: &Value) {
    let out = PathBuf::from(concat!(env!("COUNTERCLAIM_ROOT"), "/bench/tmp")).join(name);
    std::fs::write(&out, p["value"]["profile"].to_string()).expect("write the profile");
    eprintln!("[bench] CPU profile in {}", out.display());
}

/// Documents and claims as the footer of the last cold load that had one says them.
fn footer_counts(loads: &[Load]) -> (Option<usize>, Option<usize>) {
    let Some(f) = loads.iter().rev().find_map(|l| l.footer.clone()) else { return (None, None) };
    let nums: Vec<usize> = f.split(|c: char| !c.is_ascii_digit()).filter_map(|s| s.parse().ok()).collect();
    (nums.first().copied(), nums.get(1).copied())
}

// ------------------------------------------------------------------------------------------------
// Report

fn ms(x: Option<f64>) -> String {
    match x {
        Some(x) if x >= 100.0 => format!("{x:.0}"),
        Some(x) if x >= 10.0 => format!("{x:.1}"),
        Some(x) => format!("{x:.2}"),
        None => "n/a".into(),
    }
}

fn kb(x: u64) -> String {
    format!("{:.1}", x as f64 / 1024.0)
}

/// The median over `loads` of what `f` reads from each (loads without it left out).
fn median_of(loads: &[Load], f: impl Fn(&Load) -> Option<f64>) -> Option<f64> {
    median(&loads.iter().filter_map(f).collect::<Vec<_>>())
}
fn first_of(loads: &[Load]) -> Option<f64> {
    median_of(loads, |l| l.first.or(l.rendered))
}
fn painted_of(loads: &[Load]) -> Option<f64> {
    median_of(loads, |l| l.painted)
}
fn ready_of(loads: &[Load]) -> Option<f64> {
    median_of(loads, |l| l.ready)
}

fn sh(cmd: &str) -> String {
    Command::new("bash").arg("-c").arg(cmd).output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default()
}

async fn run() -> i32 {
    let o = parse_args();
    if o.targets.is_empty() {
        eprintln!("browser_bench: nothing to measure (LABEL=DIST_DIR[:CLAIMS_JSON]...)");
        return 2;
    }
    let minisearch = o.minisearch.as_ref().map(|p| std::fs::read_to_string(p).expect("read the MiniSearch build"));
    let load_before = sh("cut -d' ' -f1-3 /proc/loadavg");
    let driver = Driver::start();
    let mut baseline = None;
    if let Some(m) = &o.minimal {
        baseline = Some(bench_one(&driver, "minimal", m, None, &o, None, true).await);
    }
    let mut rows = Vec::new();
    for (label, dist, claims) in &o.targets {
        rows.push(bench_one(&driver, label, dist, claims.as_deref(), &o, minisearch.as_deref(), false).await);
    }
    drop(driver);
    let load_after = sh("cut -d' ' -f1-3 /proc/loadavg");
    let md = Report { o: &o, rows: &rows, baseline: baseline.as_ref(), load: (load_before, load_after) }.markdown();
    println!("{md}");
    if let Some(out) = &o.out {
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(out).expect("open the results file");
        f.write_all(md.as_bytes()).expect("append the results");
        eprintln!("[bench] appended to {}", out.display());
    }
    0
}

/// The results as markdown: a dated header, the table, the details, the targets of issue 10.
struct Report<'a> {
    o: &'a Opts,
    rows: &'a [Row],
    /// The minimal Yew page, when measured.
    baseline: Option<&'a Row>,
    /// The load average before and after the measurements.
    load: (String, String),
}

impl Report<'_> {
    fn markdown(&self) -> String {
        let mut md = String::new();
        self.header(&mut md);
        self.table(&mut md);
        self.details(&mut md);
        self.targets(&mut md);
        if let Some(t) = self.o.started {
            let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
            md.push_str(&format!("\nThe whole run (generate, build, measure) took {} s.\n", now.saturating_sub(t)));
        }
        md
    }

    /// The baseline first, then the corpora.
    fn all(&self) -> Vec<&Row> {
        self.baseline.into_iter().chain(self.rows.iter()).collect()
    }

    /// Date, machine, load, commit and run sizes.
    fn header(&self, md: &mut String) {
        let o = self.o;
        let date = sh("date -u '+%Y-%m-%d %H:%M UTC'");
        md.push_str(&format!("\n## {date}\n\n"));
        md.push_str(&format!(
            "Machine: {} cores, {}; load average {} before, {} after. Commit {}{}. {} cold loads (fresh browser each), {} warm reloads, {} interaction rounds.\n\n",
            sh("nproc"),
            sh("/usr/bin/chromium --version 2>/dev/null | head -1"),
            self.load.0,
            self.load.1,
            sh("git rev-parse --short HEAD"),
            if sh("git status --porcelain -- crates Cargo.toml | head -1").is_empty() { "" } else { " (with uncommitted changes in crates/)" },
            o.cold,
            o.warm,
            o.rounds,
        ));
    }

    /// One line per corpus.
    fn table(&self, md: &mut String) {
        md.push_str("| corpus | docs | claims | build s / peak MB | page gzip KB | page br KB | wasm raw KB | first claims cold ms | painted cold ms | ready cold ms | warm ms | JS heap MB | wasm mem MB | filter p50 / p95 ms (n) | search p50 / p95 ms (n) | MiniSearch p50 / p95 ms | ours ÷ MiniSearch p50 / p95 |\n");
        md.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for r in self.all() {
            self.table_row(md, r);
        }
        md.push_str("\nLatencies are in-page: event → DOM quiet + forced layout (paint excluded). Ready: the app mounted over the prerendered view (its data file fetched and unpacked). MiniSearch: `search()` alone over the same claims (no rendering). Page bytes: every file served during the cold loads (incl. what the service worker precaches).\n");
        md.push_str("Build: the seeds and the minimal page by `scripts/trunk.sh build --release` (peak: its largest process); every numeric size by `counterclaim site … --app bench/tmp/dist-seeds --no-single` from the seeds' app (no wasm rebuild); both under `nice -n 10`, wall time and peak RSS by GNU time.\n");
        self.notes(md);
    }

    /// Under the table: the corpora's generation, and each corpus measured with fewer loads than the run's.
    fn notes(&self, md: &mut String) {
        for (label, t) in &self.o.generated {
            md.push_str(&format!(
                "- {label}: generated by `gen_corpus` (nice -n 10) in {} s, peak {} MB.\n",
                t.secs,
                t.peak_kb.map_or("n/a".into(), |k| thousands(k / 1024))
            ));
        }
        for r in self.rows.iter().filter(|r| r.reduced.is_some()) {
            md.push_str(&format!("- {}*: {}.\n", r.label, r.reduced.as_deref().unwrap_or_default()));
        }
    }

    fn table_row(&self, md: &mut String, r: &Row) {
        let i = r.inter.as_ref();
        let f = |s: Option<&Samples>| match s {
            Some(s) if !s.v.is_empty() => format!("{} / {} ({})", ms(s.pct(50.0)), ms(s.pct(95.0)), s.v.len()),
            _ => "n/a".into(),
        };
        let ratio = |p: f64| -> String {
            match i.and_then(|i| Some((i.search.pct(p)?, i.ms_search.pct(p)?))) {
                Some((a, b)) if b > 0.0 && a / b < 0.1 => format!("{:.3}", a / b),
                Some((a, b)) if b > 0.0 => format!("{:.1}", a / b),
                _ => "n/a".into(),
            }
        };
        let no_claims = r.cold.iter().all(|l| l.first.is_none());
        let br = match (r.sizes.br, r.sizes.br_skipped) {
            (_, Some(big)) => format!("n/a (a {:.0} MB file: brotli 11 skipped above {} MB)", big as f64 / 1e6, BROTLI_MAX >> 20),
            (Some(b), None) => kb(b),
            (None, None) => "n/a".into(),
        };
        let ms_cell = match (i.and_then(|i| i.ms_note.as_deref()), f(i.map(|i| &i.ms_search))) {
            (Some(note), v) if v == "n/a" => format!("n/a ({note})"),
            (Some(note), v) => format!("{v} ({note})"),
            (None, v) => v,
        };
        md.push_str(&format!(
            "| {}{} | {} | {} | {} | {} | {} | {} | {}{} | {} | {} | {} | {} | {} | {} | {} | {} | {} / {} |\n",
            if r.label == "minimal" { "minimal Yew page".to_string() } else { r.label.clone() },
            if r.reduced.is_some() { "*" } else { "" },
            r.docs.map_or("–".into(), |d| d.to_string()),
            r.claims.map_or("–".into(), |d| d.to_string()),
            self.o.builds.get(&r.label).map_or_else(|| "–".into(), Timed::show),
            kb(r.sizes.gzip),
            br,
            kb(r.sizes.wasm_raw),
            ms(first_of(&r.cold)),
            if no_claims && r.label != "minimal" { " (app shown, 0 claims)" } else { "" },
            ms(painted_of(&r.cold)),
            ms(ready_of(&r.cold)),
            ms(first_of(&r.warm)),
            i.and_then(|i| i.heap).map_or("–".into(), |h| format!("{:.1}", h / 1048576.0)),
            i.and_then(|i| i.wasm_mem).map_or("–".into(), |h| format!("{:.1}", h / 1048576.0)),
            f(i.map(|i| &i.filter)),
            f(i.map(|i| &i.search)),
            ms_cell,
            ratio(50.0),
            ratio(95.0),
        ));
    }

    /// Load phases, the latency split, per-query result counts.
    fn details(&self, md: &mut String) {
        md.push_str("\n<details><summary>Details</summary>\n\n");
        for r in self.all() {
            self.detail(md, r);
        }
        md.push_str("\n</details>\n");
    }

    fn detail(&self, md: &mut String, r: &Row) {
        let phase = |f: fn(&Load) -> Option<f64>| median_of(&r.cold, f);
        md.push_str(&format!(
            "- **{}**: cold loads first claims {:?} ms; HTML received at {} ms, first contentful paint at {} ms; wasm downloaded at {} ms, app started (wasm init + `main`) at {} ms, app rendered at {} ms, ready at {} ms (medians; warm reloads ready at {} ms); {} files served, {} KB raw, wasm {} KB gzip; measured in {:.0} s.\n",
            r.label,
            r.cold.iter().map(|l| l.first.or(l.rendered).map(|x| x.round() as i64)).collect::<Vec<_>>(),
            ms(phase(|l| l.html)),
            ms(phase(|l| l.fcp)),
            ms(phase(|l| l.wasm_loaded)),
            ms(phase(|l| l.started)),
            ms(phase(|l| l.rendered)),
            ms(phase(|l| l.ready)),
            ms(ready_of(&r.warm)),
            r.sizes.files,
            kb(r.sizes.raw),
            kb(r.sizes.wasm_gzip),
            r.seconds,
        ));
        if let Some(i) = &r.inter {
            md.push_str(&format!(
                "  filter: DOM p50/p95 {} / {} ms, layout p50/p95 {} / {} ms, max total {} ms{}; search DOM p50/p95 {} / {} ms, max total {} ms; reader to the highlighted span p50/p95 {} / {} ms, max {} ms (n = {}), after a {READER_HOVER_MS} ms hover {} / {} ms, max {} ms (n = {}); MiniSearch index build {} ms over {} claims.\n",
                ms(i.filter_dom.pct(50.0)),
                ms(i.filter_dom.pct(95.0)),
                ms(i.filter_layout.pct(50.0)),
                ms(i.filter_layout.pct(95.0)),
                ms(i.filter.max()),
                if i.filter_missing.is_empty() {
                    String::new()
                } else {
                    format!(" (not on the page: {})", i.filter_missing.iter().cloned().collect::<Vec<_>>().join(", "))
                },
                ms(i.search_dom.pct(50.0)),
                ms(i.search_dom.pct(95.0)),
                ms(i.search.max()),
                ms(i.reader.pct(50.0)),
                ms(i.reader.pct(95.0)),
                ms(i.reader.max()),
                i.reader.v.len(),
                ms(i.reader_hover.pct(50.0)),
                ms(i.reader_hover.pct(95.0)),
                ms(i.reader_hover.max()),
                i.reader_hover.v.len(),
                ms(i.ms_build),
                i.ms_docs.map_or("–".into(), |n| n.to_string()),
            ));
            let counts: Vec<String> = i
                .counts
                .iter()
                .enumerate()
                .map(|(k, (q, c))| {
                    format!(
                        "`{q}` {}/{}",
                        c.clone().unwrap_or_else(|| "–".into()),
                        i.ms_counts.get(k).map_or("–".into(), |n| n.to_string())
                    )
                })
                .collect();
            md.push_str(&format!("  results ours/MiniSearch: {}.\n", counts.join(", ")));
        }
    }

    /// The targets of issues 10 and 21, met or not.
    fn targets(&self, md: &mut String) {
        let find = |l: &str| self.rows.iter().find(|r| r.label == l);
        md.push_str("\nTargets (issues 10 and 21):\n");
        if let Some(s) = find("seeds") {
            md.push_str(&format!(
                "- seed corpus whole page ≤ 150 KB gzip: {} KB ({})\n",
                kb(s.sizes.gzip),
                if s.sizes.gzip <= 150 * 1024 { "met" } else { "NOT met" }
            ));
            md.push_str(&format!(
                "- seed corpus wasm ≤ 400 KB raw: {} KB ({})\n",
                kb(s.sizes.wasm_raw),
                if s.sizes.wasm_raw <= 400 * 1024 { "met" } else { "NOT met" }
            ));
            // Painted: the frame after the first card reached the DOM (a card parsed before the stylesheet has
            // arrived is not on screen yet); the browser's first contentful paint is said beside it.
            if let (Some(a), Some(b)) = (painted_of(&s.cold), self.baseline.and_then(|m| first_of(&m.cold))) {
                let fcp = median_of(&s.cold, |l| l.fcp);
                md.push_str(&format!(
                    "- seed corpus first claims painted ≤ 0.5 × minimal Yew page's first render: {} ms (in the DOM at {} ms, first contentful paint {} ms) vs {} ms = {:.2}× ({})\n",
                    ms(Some(a)),
                    ms(first_of(&s.cold)),
                    ms(fcp),
                    ms(Some(b)),
                    a / b,
                    if a <= 0.5 * b { "met" } else { "NOT met" }
                ));
            }
        }
        if let Some(big) = self.rows.iter().filter(|r| r.label != "seeds").max_by_key(|r| r.docs.unwrap_or(0)) {
            if let Some(i) = &big.inter {
                let p95 = match (i.filter.pct(95.0), i.search.pct(95.0)) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
                md.push_str(&format!(
                    "- {} documents: search and filter p95 ≤ 16 ms: filter {} ms, search {} ms ({})\n",
                    big.label,
                    ms(i.filter.pct(95.0)),
                    ms(i.search.pct(95.0)),
                    if p95.is_some_and(|p| p <= 16.0) { "met" } else { "NOT met" }
                ));
                md.push_str(&format!(
                    "- {} documents: search ≤ MiniSearch: ours p95 {} ms vs MiniSearch p95 {} ms\n",
                    big.label,
                    ms(i.search.pct(95.0)),
                    ms(i.ms_search.pct(95.0))
                ));
            }
            md.push_str(&format!(
                "- {} documents: load to first claims ≤ 1 s: {} ms cold (the prerendered cards; the app ready at {} ms)\n",
                big.label,
                ms(first_of(&big.cold)),
                ms(ready_of(&big.cold))
            ));
        }
    }
}
