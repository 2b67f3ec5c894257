//! The first view as plain HTML, rendered natively at build time by Yew's server renderer over the same
//! components the app mounts: the page paints its claims before the wasm has loaded (`counterclaim page`).
use std::future::Future;
use std::path::Path;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use yew::ServerRenderer;

use crate::components::app::{App, AppProps};
use crate::page::{CORPUS_LINK_ID, PRERENDER_ID};
use counterclaim_core::corpus::Corpus;
use counterclaim_core::search::Index;

/// The default view (no filter, no query) of `corpus` as the app's first render shows it, wrapped in
/// `<div id="pre">` (laid out as if its children were the body's, see `style.css`). No hydration markers:
/// the app replaces it on start.
pub fn default_view(corpus: Corpus, index: Index) -> String {
    let html = block_on(ServerRenderer::<App>::with_props(move || AppProps::new(corpus, index)).hydratable(false).render());
    format!("<div id=\"{PRERENDER_ID}\">{html}</div>")
}

/// What `index.html` holds where the prerendered view goes (Trunk may have minified away the quotes).
const PLACEHOLDERS: [&str; 2] = ["<div id=\"pre\"></div>", "<div id=pre></div>"];

/// Whether `name` is a corpus data file as [`write_page`] names them (`corpus-<hash>.pack`, and its text shards
/// `corpus-text-<hash>.pack`).
pub fn is_data_file(name: &str) -> bool {
    name.starts_with("corpus-") && name.ends_with(".pack")
}

/// Turn an app folder as Trunk wrote it (`index.html`, the wasm, …) into the page of one corpus: write the
/// packed corpus beside the app as `corpus-<hash>.pack` with its text `shards` (replacing any earlier ones), preload it from
/// `<head>`, and put the prerendered default view in place of the empty `<div id="pre"></div>`. A page
/// already written for another corpus is emptied first ([`unfill`]). Returns the data file's name.
pub fn write_page(dir: &Path, pack: &[u8], shards: &[(String, Vec<u8>)], corpus: Corpus, index: Index) -> Result<String, String> {
    let html_path = dir.join("index.html");
    let html = std::fs::read_to_string(&html_path).map_err(|e| format!("{}: {e}", html_path.display()))?;
    let name = format!("corpus-{:016x}.pack", counterclaim_core::model::fnv1a(pack));
    let view = default_view(corpus, index);
    let page = fill(&html, &name, &view)
        .or_else(|| fill(&unfill(&html)?, &name, &view))
        .ok_or_else(|| format!("{}: no <div id=\"pre\"> and </head> to fill", html_path.display()))?;
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if is_data_file(&n) && n != name && !shards.iter().any(|(s, _)| *s == n) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    let write = |p: &Path, b: &[u8]| std::fs::write(p, b).map_err(|e| format!("{}: {e}", p.display()));
    write(&dir.join(&name), pack)?;
    for (file, bytes) in shards {
        write(&dir.join(file), bytes)?;
    }
    write(&html_path, page.as_bytes())?;
    Ok(name)
}

/// `html` with the data file preloaded (last in `<head>`) and `view` in place of the placeholder.
fn fill(html: &str, data_file: &str, view: &str) -> Option<String> {
    let at = PLACEHOLDERS.iter().find_map(|p| html.find(p).map(|i| (i, p.len())))?;
    let head = html[..at.0].find("</head>")?;
    let link = format!(
        "<link id=\"{CORPUS_LINK_ID}\" rel=\"preload\" href=\"{data_file}\" as=\"fetch\" type=\"application/octet-stream\" crossorigin=\"anonymous\">"
    );
    Some([&html[..head], &link, &html[head..at.0], view, &html[at.0 + at.1..]].concat())
}

/// A page [`fill`] wrote, emptied again: without its corpus link, and the prerendered view (up to the
/// `</div>` that closes it: the server renderer escapes every `<` of text and attributes, so each `<div` and
/// `</div` in it is a tag) back to the placeholder.
fn unfill(html: &str) -> Option<String> {
    let link_at = html.find(&format!("<link id=\"{CORPUS_LINK_ID}\""))?;
    let link_end = link_at + html[link_at..].find('>')? + 1;
    let open = format!("<div id=\"{PRERENDER_ID}\">");
    let view_at = html.find(&open)?;
    let mut depth = 1;
    let mut at = view_at + open.len();
    while depth > 0 {
        let next = at + html[at..].find("<div").into_iter().chain(html[at..].find("</div")).min()?;
        depth = if html[next..].starts_with("</div") { depth - 1 } else { depth + 1 };
        at = next + 1;
    }
    let view_end = at - 1 + html[at - 1..].find('>')? + 1;
    (link_end <= view_at).then(|| [&html[..link_at], &html[link_end..view_at], PLACEHOLDERS[0], &html[view_end..]].concat())
}

/// Wakes the blocked thread.
struct Unpark(std::thread::Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Run `f` to completion on this thread (the renderer itself runs on Yew's own runtime).
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_and_the_preload_go_where_the_page_expects_them() {
        let html = "<html><head><title>t</title></head><body><div id=boot></div><div id=pre></div><script>x</script></body></html>";
        let out = fill(html, "corpus-1.pack", "<div id=\"pre\">V</div>").unwrap();
        assert_eq!(
            out,
            "<html><head><title>t</title><link id=\"corpus\" rel=\"preload\" href=\"corpus-1.pack\" as=\"fetch\" \
             type=\"application/octet-stream\" crossorigin=\"anonymous\"></head><body><div id=boot></div><div id=\"pre\">V</div><script>x</script></body></html>"
        );
        assert_eq!(fill(&out, "corpus-2.pack", "W"), None, "a page is filled once");
    }

    #[test]
    fn a_filled_page_is_emptied_for_another_corpus() {
        let html = "<html><head><title>t</title></head><body><div id=pre></div><script>x</script></body></html>";
        let view = default_view(Corpus::default(), Index::default());
        assert!(view.matches("<div").count() > 2, "the view nests divs: {view}");
        let first = fill(html, "corpus-1.pack", &view).unwrap();
        let empty = unfill(&first).unwrap();
        assert_eq!(empty, html.replace("<div id=pre></div>", "<div id=\"pre\"></div>"));
        assert_eq!(fill(&empty, "corpus-2.pack", "W"), fill(html, "corpus-2.pack", "W"));
        assert_eq!(unfill(html), None, "nothing to empty");
        assert!(is_data_file("corpus-00ff.pack") && !is_data_file("corpus.toml"));
    }

    #[test]
    fn the_default_view_shows_the_question_and_the_first_claims() {
        let mut corpus = Corpus::default();
        corpus.config.question = "Is the <river> rising?".into();
        let html = default_view(corpus, Index::default());
        assert!(html.starts_with("<div id=\"pre\">") && html.ends_with("</div>"), "{html}");
        assert!(html.contains("Is the &lt;river&gt; rising?"), "the question, escaped: {html}");
        assert!(html.contains("data-testid=\"result-count\""), "{html}");
        assert!(!html.contains("<!--"), "no hydration markers: {html}");
    }
}
