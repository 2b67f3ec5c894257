//! Content-Security-Policy: the `sha256` sources of a page's executing inline scripts, the policies of the
//! served site and of the single file, and the `<meta>` that carries one, first in `<head>`.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::html::{self, Tag};
use crate::SiteError;

/// `type` values of a `<script>` that executes; any other (`application/octet-stream`, …) is a data block,
/// which runs nothing and needs no hash.
const JS_TYPES: [&str; 4] = ["", "module", "text/javascript", "application/javascript"];

/// The CSP hash source of `data`: `'sha256-…'`.
pub fn sha256_source(data: &[u8]) -> String {
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(data)))
}

/// Whether `tag` is an inline `<script>` that executes.
pub fn is_inline_code(tag: &Tag) -> bool {
    tag.name == "script"
        && tag.attr("src").is_none()
        && JS_TYPES.contains(&tag.attr("type").unwrap_or("").trim().to_ascii_lowercase().as_str())
}

/// The hash source of every inline script of `html` that executes, in order.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    html::tags(html)
        .iter()
        .filter(|t| is_inline_code(t))
        .filter_map(|t| t.raw.as_ref().map(|(body, _)| sha256_source(html[body.clone()].as_bytes())))
        .collect()
}

/// The served site's policy. The app sets no inline style (the comparison lays out its columns by class), so
/// `style-src 'self'` needs no `'unsafe-hashes'`: keep it that way.
pub fn served_policy(script_hashes: &[String]) -> String {
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{}", sources(script_hashes)),
        "style-src 'self'".into(),
        "img-src 'self' data:".into(),
        "connect-src 'self'".into(),
        "manifest-src 'self'".into(),
        "worker-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// The single file's policy: nothing from anywhere but its own hashed module and stylesheet, images from
/// `data:`.
pub fn single_policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    [
        "default-src 'none'".to_string(),
        format!("script-src 'wasm-unsafe-eval'{}", sources(script_hashes)),
        format!("style-src{}", sources(style_hashes)),
        "img-src data:".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// `" a b c"`.
fn sources(list: &[String]) -> String {
    list.iter().map(|s| format!(" {s}")).collect()
}

/// Whether `tag` is a CSP `<meta>`.
fn is_csp_meta(tag: &Tag) -> bool {
    tag.name == "meta" && tag.attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("Content-Security-Policy"))
}

/// `html` without any CSP `<meta>` (and the indentation and line break before each).
pub fn strip(html: &str) -> String {
    let cuts: Vec<_> = html::tags(html)
        .iter()
        .filter(|t| is_csp_meta(t))
        .map(|t| {
            let start = html[..t.span.start].trim_end_matches([' ', '\t']).len();
            let start = if html[..start].ends_with('\n') { start - 1 } else { start };
            (start..t.span.end, String::new())
        })
        .collect();
    html::splice(html, &cuts)
}

/// `html` with `policy` as its only CSP `<meta>`, right after `<meta charset>` (or right after `<head>` when a
/// script comes before the charset; a minified page may have no `<head>` tag but has its charset).
pub fn put(html: &str, policy: &str) -> Result<String, SiteError> {
    let html = strip(html);
    let all = html::tags(&html);
    let first_script = html::named(&all, "script").next().map_or(usize::MAX, |t| t.span.start);
    let charset = html::named(&all, "meta").find(|t| t.attr("charset").is_some() && t.span.end <= first_script);
    let head = html::named(&all, "head").next();
    let after = charset.or(head).ok_or(SiteError::NoHead)?.span.end;
    let meta = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    Ok([&html[..after], &meta, &html[after..]].concat())
}

/// The served page: `html` with the served policy, which hashes its inline scripts; and how many it hashed.
pub fn served_page(html: &str) -> Result<(String, usize), SiteError> {
    let hashes = inline_script_hashes(&strip(html));
    Ok((put(html, &served_policy(&hashes))?, hashes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_sources_are_the_sha256_of_the_bytes() {
        assert_eq!(sha256_source(b""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        // The CSP 3 specification's example.
        assert_eq!(sha256_source(b"alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    }

    #[test]
    fn executing_inline_scripts_are_hashed_data_blocks_and_external_ones_not() {
        let html = "<head><script>alert('Hello, world.');</script><script type=module>console.log(\"é\")</script>\
                    <script src=a.js></script><script type=\"application/octet-stream\" id=d>AAAA</script>\
                    <script type=\"application/json\">{}</script></head>";
        assert_eq!(
            inline_script_hashes(html),
            ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='", "'sha256-VTYzPTDQuNPoWL/7G5e/rIEDQUCBzo6SN59iNx2PWNw='"]
        );
    }

    #[test]
    fn the_meta_goes_after_the_charset_and_replaces_an_old_one() {
        let html = "<html>\n  <head>\n    <meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"old\" />\n    <title>t</title>\n  </head>\n  <body><script>x()</script></body></html>";
        let (page, hashed) = served_page(html).unwrap();
        assert_eq!(hashed, 1);
        assert!(!page.contains("old"), "{page}");
        let policy = served_policy(&[sha256_source(b"x()")]);
        let meta =
            format!("<meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />\n    <title>");
        assert!(page.contains(&meta), "{page}");
        assert_eq!(served_page(&page).unwrap().0, page, "finishing twice changes nothing");
    }

    #[test]
    fn a_script_before_the_charset_puts_the_meta_first_in_head() {
        let out = put("<head><script>x</script><meta charset=utf-8></head>", "P").unwrap();
        assert!(out.starts_with("<head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"P\" /><script>"), "{out}");
        assert_eq!(put("<body></body>", "P"), Err(SiteError::NoHead));
        let minified = put("<!doctype html><html lang=en><meta charset=utf-8><title>t</title>", "P").unwrap();
        assert!(minified.contains("<meta charset=utf-8>\n    <meta http-equiv"), "no <head> tag: {minified}");
    }

    #[test]
    fn the_policies() {
        let p = served_policy(&["'sha256-A'".into()]);
        assert!(p.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A'; style-src 'self';"), "{p}");
        assert!(p.ends_with("form-action 'none'"));
        let s = single_policy(&["'sha256-A'".into()], &["'sha256-B'".into()]);
        assert!(s.starts_with("default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-A'; style-src 'sha256-B'; img-src data:;"), "{s}");
    }
}
