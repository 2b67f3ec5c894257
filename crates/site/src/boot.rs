//! The served page starts its wasm once the prerendered view has painted: Trunk's preload of the wasm is taken
//! out and its loader waits for the first contentful paint (a page without a prerendered view starts at once).
use crate::html::{self, Tag};
use crate::SiteError;

/// What the loader awaits before `init(…)` fetches the wasm; its first line marks a page already rewritten.
const WAIT: &str = "/* counterclaim: start after the first paint */ await new Promise((go) => {
  const pre = document.getElementById('pre');
  if (!pre || !pre.firstElementChild || document.documentElement.classList.contains('view-link')) return go();
  setTimeout(go, 5000);
  try {
    new PerformanceObserver((list, o) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) { o.disconnect(); setTimeout(go, 0); }
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { go(); }
});
";
/// Where Trunk's loader fetches and starts the wasm.
const INIT_CALL: &str = "await init(";

/// `html` whose wasm is fetched after the first contentful paint instead of preloaded with the page.
/// Idempotent; an error if the page has no Trunk loader (`await init(` in an inline module script).
pub fn after_first_paint(html: &str) -> Result<String, SiteError> {
    let all = html::tags(html);
    let loader = loader(&all, html).ok_or(SiteError::NoLoader)?;
    let (text, _) = loader.raw.clone().unwrap_or_default();
    if html[text.clone()].contains(WAIT.lines().next().unwrap_or(WAIT)) {
        return Ok(html.to_string());
    }
    // Before the statement that calls init (`const wasm = await init(…)`), which must keep its value.
    let code = &html[text.clone()];
    let call = code.find(INIT_CALL).unwrap_or(0);
    let at = text.start + code[..call].rfind(['\n', ';']).map_or(0, |i| i + 1);
    let mut cuts = vec![(at..at, WAIT.to_string())];
    for t in html::named(&all, "link").filter(|t| t.rel_has("preload") && t.attr("href").is_some_and(|h| h.ends_with(".wasm"))) {
        cuts.push((html::with_space_around(html, t.span.clone()), String::new()));
    }
    cuts.sort_by_key(|(r, _)| r.start);
    Ok(html::splice(html, &cuts))
}

/// Trunk's inline module script that starts the app.
fn loader<'a>(all: &'a [Tag], html: &str) -> Option<&'a Tag> {
    html::named(all, "script")
        .find(|t| t.attr("src").is_none() && t.raw.as_ref().is_some_and(|(text, _)| html[text.clone()].contains(INIT_CALL)))
}

/// The wasm the loader starts (`init({ module_or_path: '…_bg.wasm' })`), as written there.
pub fn loader_wasm(html: &str) -> Option<String> {
    let all = html::tags(html);
    let (text, _) = loader(&all, html)?.raw.clone()?;
    let code = &html[text];
    let end = code.find(".wasm")? + ".wasm".len();
    let start = code[..end].rfind(['\'', '"', '`'])? + 1;
    Some(code[start..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<head><link href=./style.css rel=stylesheet><script type=module>import init, * as bindings from './app.js';\n\
        const wasm = await init({ module_or_path: './app_bg.wasm' });\nwindow.wasmBindings = bindings;</script>\n\
        <link crossorigin href=./app.js rel=modulepreload>\n    <link as=fetch crossorigin href=./app_bg.wasm rel=preload type=application/wasm>\n\
        <link id=\"corpus\" rel=\"preload\" href=\"corpus-1.pack\" as=\"fetch\"></head><body><div id=pre><p>claims</p></div></body>";

    #[test]
    fn the_wasm_is_no_longer_preloaded_and_the_loader_waits_for_the_first_paint() {
        let out = after_first_paint(TRUNK).unwrap();
        assert!(!out.contains("app_bg.wasm rel=preload"), "{out}");
        assert!(out.contains("href=\"corpus-1.pack\""), "the corpus is still preloaded: {out}");
        assert!(out.contains("app.js rel=modulepreload"), "the glue is still preloaded: {out}");
        let wait = out.find("first-contentful-paint").unwrap();
        assert!(wait < out.find(INIT_CALL).unwrap(), "the wait comes before init: {out}");
        assert_eq!(out.matches(INIT_CALL).count(), 1);
        assert!(out.contains("\nconst wasm = await init({"), "the loader's statement is whole, its value kept: {out}");
    }

    #[test]
    fn the_wait_goes_before_the_statement_on_one_line_too() {
        let one_line =
            "<head><script type=module>import init from './a.js';const wasm = await init('./a_bg.wasm');go(wasm);</script></head>";
        let out = after_first_paint(one_line).unwrap();
        assert!(out.contains("});\nconst wasm = await init('./a_bg.wasm');go(wasm);"), "{out}");
        assert!(out.contains("import init from './a.js';/* counterclaim"), "{out}");
    }

    #[test]
    fn rewriting_twice_changes_nothing_more() {
        let once = after_first_paint(TRUNK).unwrap();
        assert_eq!(after_first_paint(&once).unwrap(), once);
    }

    #[test]
    fn a_page_without_trunks_loader_is_an_error() {
        assert_eq!(after_first_paint("<head><script>go()</script></head>"), Err(SiteError::NoLoader));
    }

    #[test]
    fn the_loaders_wasm_is_found_with_or_without_the_preload() {
        assert_eq!(loader_wasm(TRUNK).as_deref(), Some("./app_bg.wasm"));
        assert_eq!(loader_wasm(&after_first_paint(TRUNK).unwrap()).as_deref(), Some("./app_bg.wasm"));
    }
}
