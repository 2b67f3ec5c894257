//! Issue 21: the default view is in `index.html` as plain HTML, painted before the wasm runs; the app takes
//! over in place (the same cards, in the same place); a link naming a view shows the loading state instead;
//! with JavaScript off the question and the first claims are still there as text.
use fantoccini::{Client, Locator};
use serde_json::Value;

use super::harness::{dist, seeds, Session};
use super::{actions, locators};

/// What the viewport shows of the page: the header's and each visible card's box (rounded to 1/10 px), and
/// each card's text.
const LAYOUT: &str = r#"
const r = (el) => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.width, b.height].map(v => Math.round(v * 10) / 10); };
const cards = [...document.querySelectorAll('[data-testid=claim-list] [data-claim-id]')]
  .filter(el => el.getBoundingClientRect().top < innerHeight)
  .map(el => ({ id: el.dataset.claimId, box: r(el), text: el.innerText }));
return { header: r(document.querySelector('header.topbar')), bar: r(document.querySelector('.results-bar')), cards };
"#;

/// PNG screenshots of the header and of each card wholly in the viewport (elements, so the scrollbar, which
/// shrinks as the app adds the rest of the list, is not in them; wholly, or the screenshot would scroll).
async fn pictures(c: &Client, layout: &Value) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![("header".to_string(), c.find(Locator::Css("header.topbar")).await.unwrap().screenshot().await.unwrap())];
    let vh = actions::js(c, "return innerHeight;").await.as_f64().unwrap();
    let whole = |card: &&Value| card["box"][1].as_f64().unwrap() + card["box"][3].as_f64().unwrap() <= vh;
    for card in layout["cards"].as_array().unwrap().iter().filter(whole) {
        let id = card["id"].as_str().unwrap();
        let el = c.find(Locator::Css(&locators::card(id))).await.unwrap();
        out.push((id.to_string(), el.screenshot().await.unwrap()));
    }
    out
}

/// How many pixels of two same-sized PNGs differ, and how many there are (compared in the page's canvas).
async fn pixels_differing(c: &Client, a: &[u8], b: &[u8]) -> (u64, u64) {
    let v = c
        .execute_async(
            r#"const [a, b, done] = arguments;
            const load = (s) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = 'data:image/png;base64,' + s; });
            Promise.all([load(a), load(b)]).then(([x, y]) => {
              if (x.width !== y.width || x.height !== y.height) return done([x.width * x.height, x.width * x.height]);
              const px = (i) => { const k = document.createElement('canvas'); k.width = i.width; k.height = i.height;
                const g = k.getContext('2d'); g.drawImage(i, 0, 0); return g.getImageData(0, 0, i.width, i.height).data; };
              const p = px(x), q = px(y);
              let n = 0;
              for (let j = 0; j < p.length; j += 4) if (p[j] !== q[j] || p[j + 1] !== q[j + 1] || p[j + 2] !== q[j + 2]) n++;
              done([n, x.width * x.height]);
            });"#,
            vec![base64(a).into(), base64(b).into()],
        )
        .await
        .expect("compare the pictures");
    (v[0].as_u64().unwrap(), v[1].as_u64().unwrap())
}

/// Standard base64, padded.
fn base64(data: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for ch in data.chunks(3) {
        let n = (u32::from(ch[0]) << 16) | (u32::from(*ch.get(1).unwrap_or(&0)) << 8) | u32::from(*ch.get(2).unwrap_or(&0));
        for i in 0..4 {
            s.push(if i <= ch.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    s
}

/// `[first contentful paint, start of the wasm's request]` (ms).
const WASM_AFTER_PAINT: &str = "return [performance.getEntriesByName('first-contentful-paint')[0].startTime,
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')).startTime];";

async fn takes_over_in_place(size: (u32, u32)) {
    let s = Session::with(dist(), "/", size).await;
    let c = &s.client;
    // Hold the wasm: what shows meanwhile is the prerendered page alone.
    s.server.hold(".wasm");
    c.goto(&s.server.url("")).await.unwrap();
    actions::wait_for(c, "#pre [data-testid=claim-list] [data-claim-id]").await;
    let before = actions::js(c, LAYOUT).await;

    let shots = pictures(c, &before).await;
    actions::screenshot(c, &format!("prerender-before-{}", size.0)).await;
    assert!(before["cards"].as_array().unwrap().len() >= 2, "a screenful of cards before the app: {before}");
    assert!(actions::all(c, locators::APP_COMPLETE).await.is_empty(), "the app has not started");
    s.server.release();
    actions::wait_for(c, locators::APP_COMPLETE).await;
    assert!(actions::all(c, "#pre").await.is_empty(), "the app replaced the prerendered view");
    let order = actions::js(c, WASM_AFTER_PAINT).await;
    assert!(order[0].as_f64().unwrap() <= order[1].as_f64().unwrap(), "the wasm was requested after the first contentful paint: {order}");
    let after = actions::js(c, LAYOUT).await;
    actions::screenshot(c, &format!("prerender-after-{}", size.0)).await;
    assert_eq!(before, after, "the same cards, in the same place, at {size:?}");
    assert!(shots.len() >= 2, "the header and at least one whole card pictured");
    for ((what, a), (_, b)) in shots.iter().zip(pictures(c, &after).await) {
        let (differ, of) = pixels_differing(c, a, &b).await;
        // Glyph edges may rasterise a shade apart (the app's text nodes split where the HTML's do not);
        // anything that moved, even by a pixel, changes far more than this.
        assert!(differ * 500 <= of, "{what}: {differ} of {of} pixels changed when the app took over at {size:?}");
    }
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_takes_over_the_prerendered_view_in_place_wide() {
    takes_over_in_place((1280, 900)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_takes_over_the_prerendered_view_in_place_narrow() {
    takes_over_in_place((390, 844)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_with_a_view_shows_the_loading_state_not_the_default_view() {
    let s = Session::new().await;
    let c = &s.client;
    s.server.hold(".wasm");
    for link in ["?stance=refutes", "#stance=refutes"] {
        c.goto(&s.server.url(link)).await.unwrap();
        actions::wait_for(c, "#boot").await;
        let shown = actions::js(
            c,
            "return [getComputedStyle(document.getElementById('boot')).display, \
             [...document.querySelectorAll('[data-claim-id]')].filter(e => e.getClientRects().length > 0).length];",
        )
        .await;
        assert_eq!(shown, serde_json::json!(["block", 0]), "{link}: the loading message and no default cards");
    }
    s.server.release();
    c.refresh().await.unwrap();
    actions::wait_for(c, locators::APP_COMPLETE).await;
    let stances: Vec<String> = {
        let mut v = Vec::new();
        for e in actions::all(c, locators::CARD).await {
            v.push(actions::attr(&e, "data-stance").await);
        }
        v
    };
    assert!(!stances.is_empty() && stances.iter().all(|s| s == "refutes"), "the link's view: {stances:?}");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_question_and_the_first_claims_are_text() {
    let corpus = seeds();
    let s = Session::with_args(dist(), "/", (1280, 900), &["--blink-settings=scriptEnabled=false"]).await;
    let c = &s.client;
    c.goto(&s.server.url("")).await.unwrap();
    actions::wait_for(c, locators::CARD).await;
    let text = c.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
    assert!(text.contains(corpus.config.question.trim()), "the question: {text}");
    let cards = actions::card_ids(c).await;
    assert!(cards.len() >= 5, "the first claims: {cards:?}");
    for id in &cards {
        let claim = corpus.claim(id).unwrap_or_else(|| panic!("{id} is a claim"));
        let words: String = claim.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&words), "claim {id} as text ({words:?})");
    }
    assert!(text.contains("need JavaScript"), "says what needs JavaScript");
    actions::screenshot(c, "prerender-no-javascript").await;
    s.close().await;
}
