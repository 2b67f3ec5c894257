//! Issue 19, import in the page: three files through the file picker (a .txt, a saved web page with navigation, ads and a
//! comment form, and a binary file) → the first two are documents with claims and the page's furniture is not in the
//! reader, the third is a note naming it, a progress bar counted the files; the worker is fetched only on import.
use fantoccini::Client;

use super::harness::{Session, TempDir};
use super::{actions, locators};

const TXT: &str = "Water board says reservoir is full\n\nDate: 2022-06-14\n\n\
    The reservoir reached its highest level in a decade, the water board said on Tuesday.\n\n\
    \u{201C}There is no need for restrictions this summer,\u{201D} said Ines Okafor, the board\u{2019}s chair.\n\n\
    Farmers disputed the figures. \u{201C}Our wells are lower than ever,\u{201D} said Piet Vos, who farms near the dam.\n";

const HTML: &str = r#"<!DOCTYPE html><html><head><title>Dam repairs delayed | Valley Post</title>
<meta property="og:title" content="Dam repairs delayed"><meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2022-06-20T09:00:00Z"><meta name="author" content="Rosa Lind">
<script>window.tracker = "<div>Tracking pixel</div>";</script><style>.x{}</style></head>
<body><header><a href="/">Valley Post</a><nav><a href="/news">News desk</a> <a href="/weather">Weather page</a></nav></header>
<div class="ad-banner">ADVERTISEMENT Cheap loans today</div>
<main><article><h1>Dam repairs delayed</h1>
<p>Repairs to the spillway will start in the autumn instead of the spring, the council said on Monday.</p>
<p>&ldquo;The contractor needs more time,&rdquo; said Omar Haddad, the council&rsquo;s engineer.</p>
<div class="share"><a>Share on Twitter</a></div>
<aside class="related-links"><h3>Read next</h3><a href="/a">Flood drill held downtown</a></aside>
</article>
<section class="comments"><h2>Join the discussion</h2><form><textarea>Write a comment</textarea><button>Submit comment</button></form></section>
</main><footer>Copyright Valley Post Media</footer></body></html>"#;

/// Furniture of `HTML` that must not reach the reader.
const FURNITURE: &[&str] = &[
    "News desk",
    "Weather page",
    "ADVERTISEMENT",
    "Cheap loans",
    "Share on Twitter",
    "Read next",
    "Flood drill",
    "Join the discussion",
    "Write a comment",
    "Submit comment",
    "Copyright",
    "Tracking pixel",
];

/// The three files, written to a temp dir: (dir, paths in order).
pub(super) fn fixtures() -> (TempDir, Vec<String>) {
    let dir = TempDir::new("import");
    let files: [(&str, &[u8]); 3] =
        [("reservoir.txt", TXT.as_bytes()), ("dam.html", HTML.as_bytes()), ("scan.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0")];
    let paths = files
        .iter()
        .map(|(n, b)| {
            std::fs::write(dir.0.join(n), b).unwrap();
            dir.0.join(n).display().to_string()
        })
        .collect();
    (dir, paths)
}

/// Record every value the progress bar shows (`window.__progress`: "value/max").
const WATCH_PROGRESS: &str = "window.__progress = []; new MutationObserver(() => {
    const p = document.querySelector('[data-testid=import-progress]');
    if (p) { const v = p.value + '/' + p.max; if (window.__progress[window.__progress.length - 1] !== v) window.__progress.push(v); }
}).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true }); return true;";

/// Open the dialog, pick the files, wait until the import is done.
pub(super) async fn import(c: &Client, paths: &[String]) {
    actions::js(c, WATCH_PROGRESS).await;
    actions::click(c, "[data-testid=import-open]").await;
    actions::wait_for(c, "[data-testid=import-dialog]").await;
    let input = actions::wait_for(c, "[data-testid=import-file]").await;
    input.send_keys(&paths.join("\n")).await.expect("send the files to the picker");
    let done = format!("[data-testid=import-progress][value='{n}'][max='{n}']", n = paths.len());
    actions::wait_for(c, &format!("{done}, [data-testid=import-dialog] .import-failed")).await;
    let failed = actions::js(c, "const f = document.querySelector('.import-failed'); return f ? f.textContent : null;").await;
    assert!(failed.is_null(), "the import failed: {failed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_files_give_two_documents_with_claims_and_a_note_on_the_binary_one() {
    let (_dir, paths) = fixtures();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let fetched = "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /counterclaim-(worker|studio)/.test(n));";
    assert_eq!(actions::js(c, fetched).await, serde_json::json!([]), "opening the page fetches no part of the worker or the studio");
    // The focus (or a pointer) on "Add articles" starts fetching the studio before the click.
    actions::js(c, "document.querySelector('[data-testid=import-open]').focus(); return true;").await;
    let studio = "return performance.getEntriesByType('resource').some(e => e.name.includes('counterclaim-studio-'));";
    actions::until("the studio is fetched on focus", || async { actions::js(c, studio).await == serde_json::json!(true) }).await;
    import(c, &paths).await;

    let note = actions::wait_for(c, "[data-testid=import-note][data-file='scan.txt']").await;
    let text = note.text().await.unwrap();
    assert!(text.contains("scan.txt") && text.contains("binary"), "the note names the file and the reason: {text:?}");
    let mut notes = Vec::new();
    for n in actions::all(c, "[data-testid=import-note]").await {
        notes.push(n.text().await.unwrap());
    }
    assert_eq!(notes.len(), 1, "only the binary file is a note: {notes:?}");
    let seen = actions::js(c, "return window.__progress;").await;
    let seen: Vec<&str> = seen.as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert!(seen.contains(&"3/3") && seen.len() >= 2, "the bar counted the files as they were read: {seen:?}");
    // The page's own resource timing sees the worker's script; its glue and wasm are fetched inside the worker.
    let now = actions::js(c, fetched).await;
    let has = |part: &str| now.as_array().is_some_and(|a| a.iter().any(|n| n.as_str().is_some_and(|n| n.contains(part))));
    assert!(has("counterclaim-worker-loader-"), "{now}");
    // The dialog is the studio's: its script and wasm are fetched by the page when the dialog opens.
    assert!(has("counterclaim-studio-") && has("_bg.wasm"), "{now}");
    super::offline::no_csp_violation(c).await;
    actions::click(c, "[data-testid=import-close]").await;

    actions::wait_for(c, locators::APP_COMPLETE).await;
    let docs: Vec<String> = {
        let mut v = Vec::new();
        for e in actions::all(c, locators::DOC_ITEM).await {
            v.push(actions::attr(&e, "data-doc-id").await);
        }
        v
    };
    assert_eq!(docs.len(), 2, "the page shows the imported documents only: {docs:?}");
    assert!(docs.contains(&"reservoir".to_string()) && docs.contains(&"dam".to_string()), "{docs:?}");
    let name = actions::wait_for(c, "[data-testid=corpus-name]").await.text().await.unwrap();
    assert_eq!(name, "reservoir and 1 more", "the corpus is named after the files it used, not the binary one");
    for doc in ["reservoir", "dam"] {
        actions::click(c, &format!("{} [data-doc-id='{doc}'] .doc-title", locators::DOC_LIST)).await;
        actions::wait_for(c, &format!("{}[data-doc-id='{doc}']", locators::READER)).await;
        let marks = actions::all(c, &format!("{} mark[data-claim-id]", locators::READER)).await;
        assert!(!marks.is_empty(), "{doc} has claims in the reader");
        let body = actions::wait_for(c, locators::READER).await.text().await.unwrap();
        if doc == "dam" {
            assert!(body.contains("The contractor needs more time") && body.contains("Repairs to the spillway"), "{body}");
            for f in FURNITURE {
                assert!(!body.contains(f), "{f:?} is in the reader:\n{body}");
            }
        }
        actions::js(c, "history.back(); return true;").await;
        actions::until("the reader closed", || async { actions::all(c, locators::READER).await.is_empty() }).await;
    }
    s.close().await;
}

/// The bytes of the one file of the release `dist/` whose name starts with `prefix` and ends `_bg.wasm`.
fn wasm_of(prefix: &str) -> Vec<u8> {
    let dist = super::harness::dist();
    let found = std::fs::read_dir(&dist).unwrap().flatten().map(|e| e.path()).find(|p| {
        let n = p.file_name().unwrap().to_string_lossy().into_owned();
        n.starts_with(prefix) && n.ends_with("_bg.wasm")
    });
    std::fs::read(found.unwrap_or_else(|| panic!("no {prefix}…_bg.wasm in {}", dist.display()))).unwrap()
}

#[test]
fn the_page_s_wasm_has_no_dialog_of_the_studio_in_it() {
    let contains = |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());
    let (page, studio) = (wasm_of("counterclaim-app-"), wasm_of("counterclaim-studio-"));
    // Test ids of the settings editor and of the import dialog, which only their components write, and a message of
    // the import worker's client, which only the studio links.
    for hook in ["settings-add-outlet", "import-paste-add", "this page names no import worker"] {
        assert!(contains(&studio, hook), "the studio renders {hook}");
        assert!(!contains(&page, hook), "the page's wasm has {hook}: it was built with the studio's components");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_file_edition_says_import_needs_the_served_site() {
    super::offline::postbuilt();
    let url = format!("file://{}", super::harness::root().join("dist-single/counterclaim.html").display());
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &url).await;
    actions::click(c, "[data-testid=import-open]").await;
    let why = actions::wait_for(c, "[data-testid=import-dialog] [data-testid=import-unavailable]").await.text().await.unwrap();
    assert!(why.contains("needs the served site"), "{why}");
    assert!(actions::all(c, "[data-testid=import-file]").await.is_empty(), "no picker where nothing can be imported");
    super::offline::no_csp_violation(c).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dialog_after_an_import_light_dark_wide_narrow() {
    let (_dir, paths) = fixtures();
    for (w, h, dark) in [(1280, 900, false), (1280, 900, true), (390, 844, false), (390, 844, true)] {
        let extra: &[&str] = if dark { &["--force-dark-mode"] } else { &[] };
        let s = Session::with_args(super::harness::dist(), "/", (w, h), extra).await;
        let c = &s.client;
        actions::open_app(c, &s.server.url("")).await;
        import(c, &paths).await;
        actions::wait_for(c, "[data-testid=import-note]").await;
        let fits = "const d = document.querySelector('[data-testid=import-dialog]').getBoundingClientRect(); return d.left >= 0 && d.right <= innerWidth;";
        assert_eq!(actions::js(c, fits).await, serde_json::json!(true), "the dialog fits a {w} px screen");
        actions::screenshot(c, &format!("import-dialog-{w}-{}", if dark { "dark" } else { "light" })).await;
        s.close().await;
    }
}

/// Figures, not a check (run by hand: `cargo test -p counterclaim-e2e --test e2e -- --ignored import::figures --nocapture`):
/// the time to import 100 articles (the seeds copied under new names, each made unique) and the longest gaps between
/// animation frames while the worker builds them (the page's main thread must stay free).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn figures_for_100_articles() {
    let dir = TempDir::new("import-100");
    let seeds: Vec<_> = std::fs::read_dir(super::harness::root().join("seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    let paths: Vec<String> = (0..100)
        .map(|i| {
            let mut text = std::fs::read(&seeds[i % seeds.len()]).unwrap();
            text.extend_from_slice(format!("\n\nCopy {i} of this article.\n").as_bytes());
            let p = dir.0.join(format!("article-{i:03}.txt"));
            std::fs::write(&p, text).unwrap();
            p.display().to_string()
        })
        .collect();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, "[data-testid=import-open]").await;
    // The dialog is the studio's, which loads on the click: its input is watched once it is there.
    let input = actions::wait_for(c, "[data-testid=import-file]").await;
    let watch = "window.__t = {}; window.__gaps = []; let last = performance.now();
        const input = document.querySelector('[data-testid=import-file]');
        input.addEventListener('change', () => { window.__t.start = performance.now(); });
        (function frame(now) { window.__gaps.push(now - last); last = now; if (!window.__t.end) requestAnimationFrame(frame); })(last);
        new MutationObserver(() => { const p = document.querySelector('[data-testid=import-progress]');
            if (p && p.max > 1 && p.value == p.max && !window.__t.end) window.__t.end = performance.now(); })
            .observe(document.body, { subtree: true, childList: true, attributes: true }); return true;";
    actions::js(c, watch).await;
    input.send_keys(&paths.join("\n")).await.unwrap();
    let done = || async { actions::js(c, "return !!window.__t.end;").await == serde_json::json!(true) };
    let t0 = std::time::Instant::now();
    while !done().await {
        assert!(t0.elapsed() < std::time::Duration::from_secs(300), "the import of 100 articles did not finish");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let r = actions::js(c, "const g = window.__gaps.slice(1).sort((a, b) => a - b); return [window.__t.end - window.__t.start, g.length, g[Math.floor(g.length * 0.95)], g[g.length - 1]];").await;
    let r: Vec<f64> = r.as_array().unwrap().iter().map(|v| v.as_f64().unwrap_or(-1.0)).collect();
    let count = actions::js(c, "return document.querySelector('.foot').textContent.split(' · works')[0];").await;
    println!("[import] 100 articles: {:.0} ms from the picker's change to the last file built; {} frames, gap p95 {:.1} ms, max {:.1} ms; {count}", r[0], r[1], r[2], r[3]);
    s.close().await;
}

/// Wait until the dialog has built `n` files, close it, wait until the page lists `n` documents; the list's text.
async fn closed_after(c: &Client, n: usize) -> String {
    actions::wait_for(c, &format!("[data-testid=import-progress][value='{n}'][max='{n}']")).await;
    actions::click(c, "[data-testid=import-close]").await;
    actions::wait_for(c, locators::APP_COMPLETE).await;
    actions::until("the imported documents are listed", || async { actions::all(c, locators::DOC_ITEM).await.len() == n }).await;
    actions::wait_for(c, locators::DOC_LIST).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_article_becomes_a_document_with_its_title_and_claims() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, "[data-testid=import-open]").await;
    let hint = actions::wait_for(c, "[data-testid=import-settings-hint]").await.text().await.unwrap();
    assert!(hint.contains("Corpus settings"), "the dialog says where the question is set: {hint}");
    paste_ferry(c).await;
    let list = closed_after(c, 1).await;
    assert!(list.contains("Ferry timetable cut"), "the document is titled as pasted: {list}");
    actions::until("its claims are listed", || async { actions::result_count(c).await >= 1 }).await;
    s.close().await;
}

/// The text of the pasted article: a statement of the harbour master's.
const FERRY: &str = "The ferry will run twice a day from May, the harbour office said on Friday.\n\n\u{201C}Two crossings are enough for the winter,\u{201D} said Lena Brandt, the harbour master.";

/// In the open import dialog: paste the ferry article and add it.
async fn paste_ferry(c: &Client) {
    paste(c, "Ferry timetable cut", FERRY).await;
}

/// In the open import dialog: paste an article (its title and text) and add it.
async fn paste(c: &Client, title: &str, text: &str) {
    actions::click(c, ".import-paste summary").await;
    actions::wait_for(c, "[data-testid=import-paste-title]").await.send_keys(title).await.unwrap();
    actions::wait_for(c, "[data-testid=import-paste-text]").await.send_keys(text).await.unwrap();
    actions::click(c, "[data-testid=import-paste-add]").await;
}

/// Open the corpus settings from the corpus menu, and start them empty.
async fn settings_from_empty(c: &Client) {
    actions::click(c, "[data-testid=corpus-switcher] summary").await;
    actions::click(c, "[data-testid=settings-open]").await;
    actions::click(c, "[data-testid=settings-empty]").await;
}

/// Type `text` into the settings field `#id`.
async fn fill(c: &Client, id: &str, text: &str) {
    actions::wait_for(c, &format!("#{id}")).await.send_keys(text).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_added_in_the_settings_gives_their_claims_a_side() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, "[data-testid=import-open]").await;
    paste_ferry(c).await;
    closed_after(c, 1).await;
    let brandt = "[data-testid=claim-list] [data-claim-id] .badge.side";
    actions::until("Lena Brandt's claim is listed", || async { !actions::all(c, brandt).await.is_empty() }).await;
    assert_eq!(actions::all(c, "[data-testid=claim-list] .badge.side[data-side]").await.len(), 0, "no side is known yet");

    settings_from_empty(c).await;
    actions::click(c, "[data-testid=settings-add-side]").await;
    fill(c, "settings-side-1-id", "harbour").await;
    fill(c, "settings-side-1-label", "Harbour office").await;
    actions::click(c, "[data-testid=settings-add-person]").await;
    fill(c, "settings-person-1-name", "Lena Brandt").await;
    actions::wait_for(c, "#settings-person-1-side").await.select_by_value("harbour").await.unwrap();
    actions::screenshot(c, "settings-person").await;
    actions::click(c, "[data-testid=settings-save]").await;

    let sided = "[data-testid=claim-list] .badge.side[data-side=harbour]";
    actions::until("the claims are extracted again with her side", || async { !actions::all(c, sided).await.is_empty() }).await;
    let badge = actions::wait_for(c, sided).await.text().await.unwrap();
    assert_eq!(badge, "Harbour office");
    actions::wait_for(c, &locators::facet_box("side", "harbour")).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outlet_added_in_the_settings_becomes_the_outlet_of_a_page_that_names_it() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, "[data-testid=import-open]").await;
    // The page's footer names its outlet on a line of its own: an outlet only once the settings know the name.
    paste(c, "Ferry timetable cut", &format!("{FERRY}\n\nHarbour Courier")).await;
    closed_after(c, 1).await;
    let outlet = "[data-testid=doc-list] .doc-outlet";
    assert_eq!(actions::wait_for(c, outlet).await.text().await.unwrap(), "Unknown outlet", "an unknown name is not an outlet");

    settings_from_empty(c).await;
    actions::click(c, "[data-testid=settings-add-outlet]").await;
    fill(c, "settings-outlet-1-name", "The Harbour Courier").await;
    fill(c, "settings-outlet-1-other-names", "Harbour Courier").await;
    actions::screenshot(c, "settings-outlet").await;
    actions::click(c, "[data-testid=settings-save]").await;

    let named = || async { actions::wait_for(c, outlet).await.text().await.unwrap_or_default() == "The Harbour Courier" };
    actions::until("the article is read again with its outlet, under the outlet's name", named).await;
    s.close().await;
}

/// Drag `files` (name → text) over the dialog, then drop them, as a browser's drag-and-drop delivers them.
const DRAG_AND_DROP: &str = "const [files, phase] = arguments;
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'text/plain' }));
    const target = document.querySelector('[data-testid=import-dialog]');
    target.dispatchEvent(new DragEvent(phase, { dataTransfer: dt, bubbles: true, cancelable: true }));
    return true;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_dropped_on_the_dialog_are_imported() {
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    actions::click(c, "[data-testid=import-open]").await;
    actions::wait_for(c, "[data-testid=import-dialog]").await;
    let md = "# Bridge to close for repairs\n\nThe bridge will close for six weeks in July, the city council said on Monday.\n";
    let files = serde_json::json!([["reservoir.txt", TXT], ["bridge.md", md]]);
    c.execute(DRAG_AND_DROP, vec![files.clone(), "dragover".into()]).await.expect("drag over");
    actions::wait_for(c, ".import-dialog.dropping").await;
    c.execute(DRAG_AND_DROP, vec![files, "drop".into()]).await.expect("drop");
    let list = closed_after(c, 2).await;
    assert!(list.contains("Bridge to close for repairs"), "the Markdown file's heading is its title: {list}");
    s.close().await;
}
