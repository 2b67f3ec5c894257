//! Issue 11: hostile content and hostile links. A second release site is built from the hostile corpus of
//! `crates/e2e/hostile/` (scripts, `onerror`, `javascript:` links, entities, RTL overrides, Arabic and Persian,
//! 10,000-character lines, zero-width characters, odd line endings); in Chromium nothing of it may run,
//! it shows as text, and the layout holds. Then ≥ 30 malformed or malicious links on the normal site.
use std::path::PathBuf;
use std::sync::OnceLock;

use counterclaim_core::corpus::Corpus;
use counterclaim_core::model::Stance;
use counterclaim_core::view;
use fantoccini::Client;

use super::harness::{dist, root, site_corpus, site_from, Session};
use super::offline::no_csp_violation;
use super::{actions, checks, locators};

/// Elements or attributes that would mean hostile text became markup.
const INJECTED: &str = "body script, iframe, object, embed, [onerror], [onload], [onclick], [onmouseover], [ontoggle], [onfocus], \
                        a[href^='javascript:' i], a[href^='data:' i], #main img, #main style, #main link";

/// The release site built from `crates/e2e/hostile/` (plus the real `seeds/corpus.toml`) into
/// `target/dist-hostile/`, once per test run and only when its inputs changed.
pub fn hostile_dist() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let r = root();
            let mut files = vec![("corpus.toml".to_string(), std::fs::read(r.join("seeds/corpus.toml")).unwrap())];
            for e in std::fs::read_dir(r.join("crates/e2e/hostile")).unwrap().flatten() {
                if e.path().extension().is_some_and(|x| x == "txt") {
                    files.push((e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()));
                }
            }
            let out = site_from("hostile", &files);
            // Make sure the site holds the hostile corpus (target/ is shared with other builds).
            let pack = std::fs::read_dir(&out).unwrap().flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "pack"));
            let bytes = std::fs::read(pack.expect("a corpus data file in the hostile site")).unwrap();
            assert!(bytes.windows(19).any(|w| w == b"h01_script_tags.txt"), "the hostile site embeds the hostile corpus");
            out
        })
        .clone()
}

/// The hostile corpus as the hostile site embeds it, built natively from the same folder with the same code.
fn hostile_corpus() -> Corpus {
    hostile_dist();
    site_corpus("hostile")
}

/// Nothing of the hostile text ran or became markup.
async fn nothing_ran(c: &Client, when: &str) {
    checks::no_dialog(c).await;
    let pwned = actions::js(c, "return typeof window.__pwned;").await;
    assert_eq!(pwned, serde_json::json!("undefined"), "{when}: a payload ran");
    let injected =
        actions::js(c, &format!("return Array.from(document.querySelectorAll(\"{INJECTED}\")).map(e => e.outerHTML.slice(0, 120));")).await;
    assert_eq!(injected, serde_json::json!([]), "{when}: hostile text became elements");
    checks::count(c, ".crash", 0).await;
}

/// Nothing sticks out sideways: the page is no wider than the window.
async fn layout_holds(c: &Client, when: &str) {
    let v = actions::js(
        c,
        "const w = window.innerWidth;
         const out = Array.from(document.querySelectorAll('body *'))
             .filter(e => e.getBoundingClientRect().right > w + 1)
             .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) {
                 if (getComputedStyle(p).overflowX !== 'visible') return false; } return true; })
             .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
         return [document.documentElement.scrollWidth, w, out];",
    )
    .await;
    let (sw, iw) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
    if sw > iw + 1 {
        actions::screenshot(c, &format!("hostile-layout-{iw}")).await;
        panic!("{when}: the page is {sw} px wide in a {iw} px window; too wide: {}", v[2]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_articles_run_nothing_show_as_text_and_keep_the_layout() {
    let site = hostile_dist();
    let s = Session::with(site, "/", (1280, 900)).await;
    let c = &s.client;
    actions::open(c, &s.server.url(""), locators::DOC_LIST).await;
    actions::wait_for(c, locators::RESULT_COUNT).await;
    nothing_ran(c, "first load").await;
    layout_holds(c, "1280 px, claims").await;

    // The site shows the hostile corpus, as the same code ingests and extracts it natively.
    let corpus = hostile_corpus();
    assert_eq!(actions::result_count(c).await, corpus.claims.len(), "every claim of the hostile corpus");
    checks::count(c, locators::DOC_ITEM, corpus.documents.len()).await;

    // Nothing is dropped silently: a file that is no document (empty, unreadable) is a corpus note.
    for e in std::fs::read_dir(root().join("crates/e2e/hostile")).unwrap().flatten() {
        let f = e.file_name().to_string_lossy().to_string();
        if f.ends_with(".txt") {
            assert!(
                corpus.documents.iter().any(|d| d.file == f) || corpus.notes.iter().any(|n| n.file == f),
                "{f} is neither a document nor a corpus note"
            );
        }
    }
    if !corpus.notes.is_empty() {
        actions::click(c, "[data-testid=corpus-notes] summary").await;
        actions::wait_for(c, "[data-testid=corpus-notes] li").await;
        let notes = actions::wait_for(c, "[data-testid=corpus-notes]").await;
        let html = notes.prop("textContent").await.unwrap().unwrap_or_default();
        for n in &corpus.notes {
            assert!(html.contains(&n.file), "the page notes {}: {html}", n.file);
        }
    }

    // The markup in the text is shown as text: in the claim cards and in the document list.
    let texts =
        actions::js(c, &format!("return Array.from(document.querySelectorAll(\"{}\")).map(e => e.textContent);", locators::CARD)).await;
    let texts: Vec<String> = serde_json::from_value(texts).unwrap();
    for needle in ["<script", "</script>", "onerror=", "&#x3C;script&#x3E;"] {
        if corpus.claims.iter().take(50).any(|c| c.text.contains(needle)) {
            assert!(texts.iter().any(|t| t.contains(needle)), "a claim card shows the literal {needle}: {texts:#?}");
        } else {
            eprintln!("note: no extracted hostile claim contains {needle} ({} claims): card check skipped", corpus.claims.len());
        }
    }
    let list = actions::wait_for(c, locators::DOC_LIST).await.text().await.unwrap();
    let titled: Vec<String> = corpus.documents.iter().map(|d| d.display_title().to_string()).filter(|t| t.contains("<script>")).collect();
    assert!(!titled.is_empty(), "a hostile title has a <script> tag");
    for t in titled {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(list.contains(&t), "the document list shows the title {t:?} as text: {list}");
    }

    // Every article in the reader (the full bodies: long lines, RTL, entities…), at 1280 px and at 375 px.
    let docs: Vec<String> = {
        let mut v = Vec::new();
        for e in actions::all(c, locators::DOC_ITEM).await {
            v.push(actions::attr(&e, "data-doc-id").await);
        }
        v
    };
    assert!(docs.len() >= 8, "the hostile articles are listed (the empty and non-UTF-8 ones may be notes): {docs:?}");
    for (w, h) in [(1280, 900), (375, 812)] {
        c.set_window_size(w, h).await.unwrap();
        let iw = actions::js(c, "return window.innerWidth;").await.as_u64().unwrap();
        assert!(iw <= w as u64 && iw + 40 >= w as u64, "window resized to {w}: innerWidth {iw}");
        for id in &docs {
            actions::open(c, &s.server.url(&format!("?doc={id}")), locators::READER).await;
            let body = actions::wait_for(c, locators::READER).await.text().await.unwrap();
            assert!(!body.trim().is_empty() || id.contains("empty"), "{id}: the reader shows the article");
            nothing_ran(c, &format!("{id} in the reader at {w} px")).await;
            layout_holds(c, &format!("{id} in the reader at {w} px")).await;
        }
        actions::open_app(c, &s.server.url("")).await;
        layout_holds(c, &format!("claims at {w} px")).await;
    }
    actions::open(c, &s.server.url("?doc=h01_script_tags"), locators::READER).await;
    let reader = actions::wait_for(c, locators::READER).await.text().await.unwrap();
    assert!(reader.contains("<script>") && reader.contains("<img src=x onerror="), "the reader shows markup as text: {reader}");
    actions::screenshot(c, "hostile-reader-375").await;
    no_csp_violation(c).await;
    s.close().await;
}

/// Malformed and malicious links: each must give a working page, the URL notice when something was
/// dropped, and run nothing.
const HOSTILE_QUERIES: &[&str] = &[
    "?stance=<script>alert(1)</script>",
    "?q=<img src=x onerror=alert(1)>",
    "?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    "?doc=javascript:alert(1)",
    "?doc=x&claim=javascript%3Awindow.__pwned%3D1",
    "?cmp=%00%01%02",
    "?q=%E2%80%AEevil%E2%80%AC",
    "?q=%ZZ%",
    "?q=%",
    "?stance=refutes&stance=supports",
    "?&&&=&==",
    "?=value",
    "?sort=drop%20table%20claims;--",
    "?panel=../../etc/passwd",
    "?year=99999999999999999999999",
    "?year=-1",
    "?year=2024-13-45",
    "?cmp=a,b,c,d,e,f,g,h",
    "?__proto__[polluted]=1&constructor[prototype][x]=2",
    "?q=%C0%AF%C0%AE",
    "?q=%FF%FE%FD",
    "?speaker=%22%3E%3Csvg%20onload%3Dalert(1)%3E",
    "?entity='%20onmouseover='alert(1)",
    "?kind=quote%0d%0aSet-Cookie:%20x=1",
    "?q=${alert(1)}",
    "?q={{constructor.constructor('alert(1)')()}}",
    "?doc=..%2F..%2Findex.html",
    "?side=%F0%9F%92%A9&outlet=%E2%80%8B%E2%80%8B",
    "?stance=REFUTES",
    "?q=+++",
    "?bogus=1&stance=refutes",
    "?q=a&q=b",
    "?cmpdocs=a,a",
    "?claim=x",
    "?stance=",
    "?q=%ED%A0%80",
    "?who=<b>x</b>",
    "?stance=refutes#<script>alert(1)</script>",
    "?docs=javascript:alert(1),data:text/html;base64,PHNjcmlwdD4=",
    "?q=%3Ciframe%20src%3Djavascript%3Aalert(1)%3E",
    "?stance=refutes%00supports",
    "?panel=disagreements&panel=claims&panel=%3Cx%3E",
];

/// What the app reads from `raw` (the address it was opened at): the same codec and checks, natively.
fn expect_notice(corpus: &Corpus, search: &str, hash: &str) -> bool {
    let raw = if search.len() > 1 {
        search
    } else if hash.len() > 1 {
        hash
    } else {
        ""
    };
    let d = view::decode(raw);
    let mut state = d.state;
    let mut notices = d.notices;
    notices.extend(state.validate(corpus));
    !notices.is_empty()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_links_give_a_working_page_the_notice_and_run_nothing() {
    assert!(HOSTILE_QUERIES.len() >= 30);
    let corpus = super::harness::seeds();
    let s = Session::with(dist(), "/", (1280, 900)).await;
    let c = &s.client;
    let mut notices = 0;
    for q in HOSTILE_QUERIES {
        actions::open_app(c, &s.server.url(q)).await;
        // The address as the browser parsed it, before the app tidied it.
        let at = actions::js(c, "const u = new URL(performance.getEntriesByType('navigation')[0].name); return [u.search, u.hash];").await;
        let (search, hash) = (at[0].as_str().unwrap_or_default().to_string(), at[1].as_str().unwrap_or_default().to_string());
        let want = expect_notice(&corpus, &search, &hash);
        let got = !actions::all(c, locators::URL_NOTICE).await.is_empty();
        assert_eq!(got, want, "{q}: URL notice shown = {got}, expected {want} (search {search:?}, hash {hash:?})");
        notices += usize::from(got);
        nothing_ran(c, q).await;
        checks::app_alive(c).await;
    }
    eprintln!("hostile links: {} opened, {notices} showed the URL notice, as the native decoder predicts", HOSTILE_QUERIES.len());
    assert!(notices * 2 >= HOSTILE_QUERIES.len(), "most hostile links drop something: {notices} notices");
    // The page still works after all that: a filter applies.
    actions::open_app(c, &s.server.url("")).await;
    assert_eq!(actions::result_count(c).await, corpus.claims.len());
    let refutes = corpus.claims.iter().filter(|c| c.stance == Stance::Refutes).count();
    if refutes > 0 {
        actions::click(c, &locators::facet_box("stance", "refutes")).await;
        actions::until("a filter works", || async { actions::result_count(c).await == refutes }).await;
    } else {
        eprintln!("note: the corpus has no refuting claims: filter step skipped");
    }
    no_csp_violation(c).await;
    s.close().await;
}
