//! The single-file edition: one HTML file with the wasm and the corpus (base64), the JS glue and the CSS
//! inlined, the icon as a `data:` URI, no service worker and a CSP of its own; it opens from `file://`.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use counterclaim_core::pack::{CORPUS_INLINE_ID, CORPUS_LINK_ID};

use crate::html::{self, Tag};
use crate::{csp, Asset, SiteError};

/// The id of the inlined wasm (the loader reads and removes it).
const WASM_INLINE_ID: &str = "counterclaim-wasm";
/// What a page served from a folder links to and a file opened on its own has no use for.
const DROPPED_RELS: [&str; 5] = ["modulepreload", "preload", "manifest", "apple-touch-icon", "icon"];

/// The files a built page names, as paths relative to its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFiles {
    pub glue: String,
    pub wasm: String,
    pub stylesheet: String,
    pub corpus: String,
    /// The SVG icon (`<link rel="icon" href="….svg">`), if the page has one.
    pub icon_svg: Option<String>,
}

/// What the single file is made of: the served `index.html` and the files it names.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    pub html: &'a str,
    pub css: &'a str,
    pub glue: &'a str,
    pub wasm: &'a [u8],
    pub pack: &'a [u8],
    pub icon_svg: Option<&'a [u8]>,
    /// The id links use for this corpus (`corpus=` of a view; `data-corpus-id` of the inlined corpus): a reader's
    /// own corpus handed on keeps its links working; `None` for the page's built-in one.
    pub corpus_id: Option<&'a str>,
}

/// The glue, the wasm, the stylesheet, the corpus data file and the icon that `html` names (Trunk's preload
/// links, its stylesheet link, the `<link id="corpus">` that `counterclaim page` writes, the icon link).
pub fn app_files(html: &str) -> Result<AppFiles, SiteError> {
    let all = html::tags(html);
    let links: Vec<&Tag> = html::named(&all, "link").collect();
    let href = |t: &&Tag| t.attr("href").map(local_path);
    let find = |rel: &str, ext: &str| links.iter().filter(|t| t.rel_has(rel)).filter_map(href).find(|h| h.ends_with(ext));
    let glue = find("modulepreload", ".js").ok_or(SiteError::NotNamed(Asset::Glue))?;
    let wasm = find("preload", ".wasm")
        .or_else(|| crate::boot::loader_wasm(html).map(|w| local_path(&w)))
        .ok_or(SiteError::NotNamed(Asset::Wasm))?;
    let sheets: Vec<String> = links.iter().filter(|t| t.rel_has("stylesheet")).filter_map(href).collect();
    let [stylesheet] = <[String; 1]>::try_from(sheets).map_err(|_| SiteError::NotNamed(Asset::Stylesheet))?;
    let corpus = links.iter().find(|t| is_corpus_link(t)).and_then(href).ok_or(SiteError::NotNamed(Asset::Corpus))?;
    let icon_svg = find("icon", ".svg");
    Ok(AppFiles { glue, wasm, stylesheet, corpus, icon_svg })
}

/// `./a/b.css?v=1` → `a/b.css`.
fn local_path(href: &str) -> String {
    let path = href.split(['?', '#']).next().unwrap_or("");
    path.trim_start_matches("./").to_string()
}

fn is_corpus_link(t: &Tag) -> bool {
    t.name == "link" && t.attr("id") == Some(CORPUS_LINK_ID)
}

/// The largest packed corpus a single file holds (inlined as base64, a third larger, and decoded in memory at start).
pub const MAX_PACK_BYTES: usize = 32_000_000;

/// The single-file edition of the served page in `parts.html`; refused for a corpus over [`MAX_PACK_BYTES`].
pub fn single_file(parts: &Parts) -> Result<String, SiteError> {
    if parts.pack.len() > MAX_PACK_BYTES {
        return Err(SiteError::TooLarge { pack: parts.pack.len(), limit: MAX_PACK_BYTES });
    }
    refuse_closing(parts.glue, "the JS glue", "</script")?;
    refuse_closing(parts.css, "the stylesheet", "</style")?;
    let init = init_name(parts.glue).ok_or(SiteError::NoInit)?;
    let page = csp::strip(parts.html);
    if !html::tags(&page).iter().any(is_corpus_link) {
        return Err(SiteError::NotNamed(Asset::Corpus));
    }
    let page = html::collapse_blank_lines(&drop_furniture(&page));
    let page = inline_stylesheet(&page, parts.css)?;
    let code = format!(
        "{}{}<script type=\"module\">{}</script>\n",
        data_block(CORPUS_INLINE_ID, parts.pack).replacen(" id=", &corpus_id_attr(parts.corpus_id), 1),
        data_block(WASM_INLINE_ID, parts.wasm),
        module(parts.glue, init)
    );
    let body_end = html::rfind_ci(&page, "</body>").ok_or(SiteError::NoBody)?;
    let mut page = [&page[..body_end], &code, &page[body_end..]].concat();
    if let (Some(svg), Some(title_end)) = (parts.icon_svg, html::find_ci(&page, "</title>", 0)) {
        let at = title_end + "</title>".len();
        let link =
            format!("\n    <link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{}\" />", STANDARD.encode(svg));
        page.insert_str(at, &link);
    }
    let policy = csp::single_policy(&csp::inline_script_hashes(&page), &[csp::sha256_source(parts.css.as_bytes())]);
    csp::put(&page, &policy)
}

fn refuse_closing(text: &str, what: &'static str, closing: &'static str) -> Result<(), SiteError> {
    match html::find_ci(text, closing, 0) {
        Some(_) => Err(SiteError::CannotInline { what, closing }),
        None => Ok(()),
    }
}

/// What marks an inline script of the page that the single file keeps (`<script data-single>`: the crash notice).
const KEPT_SCRIPT: &str = "data-single";

/// The page without its inline scripts (Trunk's loader, the boot checks: the single file has a loader of its
/// own) but those marked [`KEPT_SCRIPT`], and without preloads, manifest and file icons.
fn drop_furniture(page: &str) -> String {
    let cuts: Vec<_> = html::tags(page)
        .iter()
        .filter_map(|t| match t.name.as_str() {
            "script" if t.attr("src").is_none() && t.attr(KEPT_SCRIPT).is_none() => Some((t.outer(), String::new())),
            "link" if DROPPED_RELS.iter().any(|r| t.rel_has(r)) => Some((html::with_space_around(page, t.span.clone()), String::new())),
            _ => None,
        })
        .collect();
    html::splice(page, &cuts)
}

/// The stylesheet link replaced by the stylesheet itself.
fn inline_stylesheet(page: &str, css: &str) -> Result<String, SiteError> {
    let all = html::tags(page);
    let link = html::named(&all, "link").find(|t| t.rel_has("stylesheet")).ok_or(SiteError::NotNamed(Asset::Stylesheet))?;
    Ok(html::splice(page, &[(link.span.clone(), format!("<style>{css}</style>"))]))
}

/// A `<script>` data block holding `bytes` in base64 (it runs nothing).
/// ` data-corpus-id="…" id=` (an id is hex digits and dashes; anything else is left out), or ` id=`.
fn corpus_id_attr(id: Option<&str>) -> String {
    match id.filter(|i| !i.is_empty() && i.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')) {
        Some(i) => format!(" data-corpus-id=\"{i}\" id="),
        None => " id=".into(),
    }
}

/// `html` with the first view prerendered into `<div id="pre">` taken out (kept empty): the single file of another
/// corpus than the one the page was rendered for shows its loading message until its app has rendered.
pub fn without_prerendered_view(html: &str) -> String {
    let Some((at, open_len)) = ["<div id=\"pre\">", "<div id=pre>"].iter().find_map(|p| html.find(p).map(|i| (i, p.len()))) else {
        return html.to_string();
    };
    // The server renderer escapes every `<` of text, so each `<div` and `</div` inside is a tag.
    let (mut depth, mut i) = (1usize, at + open_len);
    let end = loop {
        match (html[i..].find("<div"), html[i..].find("</div")) {
            (Some(o), Some(c)) if o < c => (depth, i) = (depth + 1, i + o + 4),
            (_, Some(c)) if depth == 1 => break i + c,
            (_, Some(c)) => (depth, i) = (depth - 1, i + c + 5),
            _ => return html.to_string(),
        }
    };
    [&html[..at + open_len], &html[end..]].concat()
}

fn data_block(id: &str, bytes: &[u8]) -> String {
    format!("<script type=\"application/octet-stream\" id=\"{id}\">{}</script>\n", STANDARD.encode(bytes))
}

/// Starts the app from the inlined wasm (`__ID__`: the data block's id, `__INIT__`: the glue's init function).
const LOADER: &str = "
{
  const data = document.getElementById('__ID__');
  const b64 = data.textContent.trim();
  data.remove();
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const wasm = await __INIT__({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
";

/// The glue, then the loader.
fn module(glue: &str, init: &str) -> String {
    format!("{}\n{}", glue.trim_end(), LOADER.replace("__ID__", WASM_INLINE_ID).replace("__INIT__", init))
}

/// The function the glue exports as `default`: `export { initSync, __wbg_init as default };` (older
/// wasm-bindgen: `export default __wbg_init;`).
fn init_name(glue: &str) -> Option<&str> {
    let exports = || glue.match_indices("export").map(|(i, _)| glue[i + "export".len()..].trim_start());
    exports()
        .find_map(|rest| {
            let list = rest.strip_prefix('{')?;
            list[..list.find('}')?].split(',').find_map(|item| match item.split_whitespace().collect::<Vec<_>>()[..] {
                [name, "as", "default"] if is_ident(name) => Some(name),
                _ => None,
            })
        })
        .or_else(|| {
            exports().find_map(|rest| {
                let rest = rest.strip_prefix("default")?;
                let name = rest.trim_start();
                let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))?;
                (rest.starts_with(char::is_whitespace) && is_ident(&name[..end]) && name[end..].trim_start().starts_with(';'))
                    .then_some(&name[..end])
            })
        })
}

fn is_ident(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_prerendered_view_is_taken_out_and_the_corpus_id_put_on_the_data() {
        let html = "<body><div id=\"boot\">Loading</div><div id=\"pre\"><div class=a><div>x</div></div><p>y</p></div><p>after</p></body>";
        assert_eq!(super::without_prerendered_view(html), "<body><div id=\"boot\">Loading</div><div id=\"pre\"></div><p>after</p></body>");
        assert_eq!(super::without_prerendered_view("<p>none</p>"), "<p>none</p>");
        assert_eq!(super::corpus_id_attr(Some("a1b2")), " data-corpus-id=\"a1b2\" id=");
        assert_eq!(super::corpus_id_attr(Some("a\"><script>")), " id=", "anything but an id is left out");
    }

    use super::*;

    /// A served page as Trunk, `counterclaim page` and the served CSP leave it.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <title>Counterclaim</title>
    <link rel="manifest" href="manifest.webmanifest" />
    <link rel="icon" href="icon.svg" type="image/svg+xml" />
    <link rel="apple-touch-icon" href="icon-192.png" />
    <link rel="stylesheet" href="./style-1.css" integrity="sha384-x"/>
    <script>if (location.hash.length > 1) document.documentElement.className = "view-link";</script>
<script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
</script>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"><link rel="preload" href="./app-1_bg.wasm" as="fetch" type="application/wasm"><link id="corpus" rel="preload" href="corpus-00ff.pack" as="fetch" type="application/octet-stream" crossorigin="anonymous"></head>
  <body>
    <div id="pre"><p>First claim</p></div>
    <script>setTimeout(function () {}, 15000);</script>
    <script data-single>addEventListener("error", function () {});</script>
  </body>
</html>"#;
    const GLUE: &str = "let wasm;\nfunction __wbg_init(m) { return m; }\nexport { initSync, __wbg_init as default };\n";
    const CSS: &str = "body { color: #111; }\n";

    fn parts<'a>(html: &'a str, css: &'a str, glue: &'a str) -> Parts<'a> {
        Parts { html, css, glue, wasm: b"\0asm\x01\0\0\0", pack: b"the packed corpus \xff", icon_svg: Some(b"<svg/>"), corpus_id: None }
    }

    /// The sources a directive of the page's CSP lists.
    fn directive(page: &str, name: &str) -> Vec<String> {
        let all = html::tags(page);
        let meta = all.iter().find(|t| t.attr("http-equiv") == Some("Content-Security-Policy")).expect("a CSP meta");
        let policy = meta.attr("content").unwrap();
        let d = policy.split("; ").find(|d| d.starts_with(&format!("{name} "))).unwrap_or_else(|| panic!("{name} in {policy}"));
        d.split(' ').skip(1).map(str::to_string).collect()
    }

    #[test]
    fn a_corpus_over_the_limit_gets_no_single_file_and_says_why() {
        let at_limit = vec![7u8; MAX_PACK_BYTES];
        let ok = Parts { pack: &at_limit, ..parts(PAGE, CSS, GLUE) };
        assert!(single_file(&ok).is_ok(), "a corpus at the limit is written");
        let over = vec![7u8; MAX_PACK_BYTES + 1];
        let e = single_file(&Parts { pack: &over, ..parts(PAGE, CSS, GLUE) }).unwrap_err();
        assert_eq!(e, SiteError::TooLarge { pack: MAX_PACK_BYTES + 1, limit: MAX_PACK_BYTES });
        let said = e.to_string();
        assert!(said.contains("32.0 MB packed") && said.contains("limit of 32 MB") && said.contains("serve the site"), "{said}");
    }

    #[test]
    fn the_page_names_its_files() {
        let files = app_files(PAGE).unwrap();
        assert_eq!(
            files,
            AppFiles {
                glue: "app-1.js".into(),
                wasm: "app-1_bg.wasm".into(),
                stylesheet: "style-1.css".into(),
                corpus: "corpus-00ff.pack".into(),
                icon_svg: Some("icon.svg".into())
            }
        );
        let no_corpus = PAGE.replace("id=\"corpus\"", "id=\"other\"");
        assert_eq!(app_files(&no_corpus), Err(SiteError::NotNamed(Asset::Corpus)));
        assert_eq!(app_files(&PAGE.replace("modulepreload", "x")), Err(SiteError::NotNamed(Asset::Glue)));
    }

    #[test]
    fn the_single_file_links_to_nothing_and_holds_the_pack_and_the_wasm() {
        let page = single_file(&parts(PAGE, CSS, GLUE)).unwrap();
        for t in html::tags(&page) {
            assert_eq!(t.attr("src"), None, "no external script: {t:?}");
            if let Some(href) = t.attr("href") {
                assert!(href.starts_with("data:"), "only data: links: {t:?}");
            }
        }
        let block = |id: &str| {
            let all = html::tags(&page);
            let t = all.iter().find(|t| t.attr("id") == Some(id)).unwrap_or_else(|| panic!("#{id}"));
            assert_eq!(t.attr("type"), Some("application/octet-stream"));
            STANDARD.decode(&page[t.raw.clone().unwrap().0]).unwrap()
        };
        assert_eq!(block(CORPUS_INLINE_ID), b"the packed corpus \xff");
        assert_eq!(block(WASM_INLINE_ID), b"\0asm\x01\0\0\0");
        assert!(page.contains(&format!("<style>{CSS}</style>")), "the stylesheet inlined");
        assert!(page.contains("await __wbg_init({ module_or_path: bytes })"), "the loader calls the glue's init");
        assert!(page.contains("<div id=\"pre\"><p>First claim</p></div>"), "the prerendered view stays");
        let head = &page[..page.find("</head>").unwrap()];
        assert!(!head.lines().any(|l| l.trim().is_empty()), "no blank line left where tags went: {head}");
        assert!(page.contains(&format!(
            "<title>Counterclaim</title>\n    <link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{}\" />",
            STANDARD.encode(b"<svg/>")
        )));
    }

    #[test]
    fn the_single_files_policy_hashes_every_executing_inline_script_and_style() {
        let page = single_file(&parts(PAGE, CSS, GLUE)).unwrap();
        let all = html::tags(&page);
        let scripts: Vec<String> =
            all.iter().filter(|t| csp::is_inline_code(t)).map(|t| csp::sha256_source(page[t.raw.clone().unwrap().0].as_bytes())).collect();
        assert_eq!(scripts.len(), 2, "the module and the kept script run: Trunk's loader and the boot checks are gone");
        assert!(page.contains("<script data-single>addEventListener"), "the script marked to be kept is there");
        assert!(!page.contains("setTimeout(function () {}, 15000)"), "the boot check is not");
        let styles: Vec<String> =
            html::named(&all, "style").map(|t| csp::sha256_source(page[t.raw.clone().unwrap().0].as_bytes())).collect();
        assert_eq!(directive(&page, "script-src"), [vec!["'wasm-unsafe-eval'".to_string()], scripts].concat());
        assert_eq!(directive(&page, "style-src"), styles);
        assert_eq!(directive(&page, "default-src"), ["'none'"]);
        let metas = all.iter().filter(|t| t.attr("http-equiv").is_some()).count();
        assert_eq!(metas, 1, "the served policy is replaced");
    }

    #[test]
    fn what_cannot_be_made_into_one_file_is_named() {
        let no_corpus = PAGE.replace("id=\"corpus\"", "id=\"other\"");
        assert_eq!(single_file(&parts(&no_corpus, CSS, GLUE)), Err(SiteError::NotNamed(Asset::Corpus)));
        assert_eq!(single_file(&parts(PAGE, CSS, "export const x = 1;")), Err(SiteError::NoInit));
        let closing = CannotInline("the stylesheet", "</style");
        assert_eq!(single_file(&parts(PAGE, "a::after { content: '</STYLE>' }", GLUE)), Err(closing));
        assert_eq!(single_file(&parts(PAGE, CSS, "'</script>'; export default f;")), Err(CannotInline("the JS glue", "</script")));
        assert_eq!(single_file(&parts(&PAGE.replace("</body>", ""), CSS, GLUE)), Err(SiteError::NoBody));
        let message = SiteError::NotNamed(Asset::Corpus).to_string();
        assert!(message.contains("corpus data file") && message.contains("counterclaim page"), "{message}");
    }

    #[allow(non_snake_case)]
    fn CannotInline(what: &'static str, closing: &'static str) -> SiteError {
        SiteError::CannotInline { what, closing }
    }

    #[test]
    fn the_init_function_in_either_export_form() {
        assert_eq!(init_name(GLUE), Some("__wbg_init"));
        assert_eq!(init_name("function a(){}\nexport default a;"), Some("a"));
        assert_eq!(init_name("export { a, b as c };"), None);
        assert_eq!(init_name("export defaultx;"), None);
    }
}
