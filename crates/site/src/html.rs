//! A small scanner for the tags the finishing step reads and rewrites in a built `index.html`: comments and
//! the text of `<script>` and `<style>` are skipped, attribute values may be quoted or not (as a minifier
//! leaves them).
use std::ops::Range;

/// One opening tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The tag name, lower case.
    pub name: String,
    /// The opening tag, `<` to `>` inclusive (bytes).
    pub span: Range<usize>,
    /// For `<script>` and `<style>`: their text, and where their closing tag ends.
    pub raw: Option<(Range<usize>, usize)>,
    /// `(name in lower case, value)`; a bare attribute has the value "".
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name` (lower case).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Whether `rel` holds `token` (ASCII case-insensitive).
    pub fn rel_has(&self, token: &str) -> bool {
        self.attr("rel").is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
    }

    /// The whole element for `<script>` and `<style>` (opening tag to closing tag), else the opening tag.
    pub fn outer(&self) -> Range<usize> {
        self.span.start..self.raw.as_ref().map_or(self.span.end, |(_, end)| *end)
    }
}

/// Elements whose text is not markup.
const RAW_TEXT: [&str; 2] = ["script", "style"];

/// Every opening tag of `html`, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        if html[at..].starts_with("<!--") {
            i = html[at..].find("-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        let Some(mut tag) = open_tag(html, at) else {
            i = at + 1;
            continue;
        };
        i = tag.span.end;
        if RAW_TEXT.contains(&tag.name.as_str()) {
            let close = find_ci(html, &format!("</{}", tag.name), i).unwrap_or(html.len());
            let end = html[close..].find('>').map_or(html.len(), |e| close + e + 1);
            tag.raw = Some((i..close, end));
            i = end;
        }
        out.push(tag);
    }
    out
}

/// The tags named `name`.
pub fn named<'a>(all: &'a [Tag], name: &'a str) -> impl Iterator<Item = &'a Tag> + 'a {
    all.iter().filter(move |t| t.name == name)
}

/// The opening tag at `at` (`html[at] == '<'`), if one starts there.
fn open_tag(html: &str, at: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut j = at + 1;
    if !b.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
        j += 1;
    }
    let name = html[at + 1..j].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            j += 1;
        }
        match b.get(j)? {
            b'>' => return Some(Tag { name, span: at..j + 1, raw: None, attrs }),
            _ => {
                let (attr, next) = attribute(html, j)?;
                attrs.push(attr);
                j = next;
            }
        }
    }
}

/// The attribute starting at `j`, and where the scan goes on.
fn attribute(html: &str, mut j: usize) -> Option<((String, String), usize)> {
    let b = html.as_bytes();
    let start = j;
    while j < b.len() && !(b[j].is_ascii_whitespace() || matches!(b[j], b'=' | b'>' | b'/')) {
        j += 1;
    }
    let name = html[start..j].to_ascii_lowercase();
    let mut k = j;
    while k < b.len() && b[k].is_ascii_whitespace() {
        k += 1;
    }
    if b.get(k) != Some(&b'=') {
        return Some(((name, String::new()), j));
    }
    k += 1;
    while k < b.len() && b[k].is_ascii_whitespace() {
        k += 1;
    }
    let (value, next) = match *b.get(k)? {
        q @ (b'"' | b'\'') => {
            let end = k + 1 + html[k + 1..].find(q as char)?;
            (&html[k + 1..end], end + 1)
        }
        _ => {
            let end = html[k..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(html.len(), |e| k + e);
            (&html[k..end], end)
        }
    };
    Some(((name, value.to_string()), next))
}

/// The first `needle` (ASCII, matched case-insensitively) in `hay` at or after `from`.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (from..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The last `needle` (ASCII, case-insensitive) in `hay`.
pub fn rfind_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).rev().find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `span` widened to the spaces and tabs before it and all the white space after it (a tag on its own line
/// leaves no blank line behind).
pub fn with_space_around(html: &str, span: Range<usize>) -> Range<usize> {
    let start = html[..span.start].trim_end_matches([' ', '\t']).len();
    let end = html.len() - html[span.end..].trim_start().len();
    start..end
}

/// `html` with the ranges in `cuts` (sorted) each replaced by its string; where two overlap (the white space
/// between two cut tags), the later one starts where the earlier one ended.
pub fn splice(html: &str, cuts: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (r, with) in cuts {
        out.push_str(&html[at..r.start.max(at)]);
        out.push_str(with);
        at = r.end.max(at);
    }
    out.push_str(&html[at..]);
    out
}

/// Blank lines (white space only) removed.
pub fn collapse_blank_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut lines = html.split('\n').peekable();
    let mut first = true;
    while let Some(line) = lines.next() {
        let blank = line.trim_matches([' ', '\t']).is_empty();
        // A blank line between two others goes; the first and last pieces (before the first newline and after
        // the last) are kept as they are.
        if blank && !first && lines.peek().is_some() {
            continue;
        }
        if !first {
            out.push('\n');
        }
        out.push_str(line);
        first = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_quoted_or_not_and_raw_text_skipped() {
        let html = "<!-- <link rel=x> --><HEAD><link rel=stylesheet href=./s.css integrity=sha384-a/b>\
                    <script type=\"module\">if (a<b) '<link rel=y>'</script ><link id='c' rel=\"preload\" href=\"p.pack\" crossorigin></head>";
        let all = tags(html);
        let names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["head", "link", "script", "link"]);
        assert_eq!(all[1].attr("href"), Some("./s.css"));
        assert_eq!(all[1].attr("integrity"), Some("sha384-a/b"));
        assert!(all[1].rel_has("stylesheet"));
        let (body, end) = all[2].raw.clone().unwrap();
        assert_eq!(&html[body], "if (a<b) '<link rel=y>'");
        assert_eq!(&html[end..end + 5], "<link");
        assert_eq!(all[3].attr("id"), Some("c"));
        assert_eq!(all[3].attr("crossorigin"), Some(""));
        assert_eq!(all[3].attr("data-id"), None);
    }

    #[test]
    fn not_tags() {
        assert!(tags("a < b, <3 and <").is_empty());
        assert!(tags("<link rel=x").is_empty(), "unterminated");
    }

    #[test]
    fn blank_lines_go_and_space_around_a_cut_tag() {
        assert_eq!(collapse_blank_lines("a\n\n  \n\tb\n \nc"), "a\n\tb\nc");
        let html = "x\n    <link rel=icon>\n    <b>";
        let t = &tags(html)[0];
        let r = with_space_around(html, t.span.clone());
        assert_eq!(splice(html, &[(r, String::new())]), "x\n<b>");
        assert_eq!(find_ci("a</SCRIPT>", "</script", 0), Some(1));
        assert_eq!(rfind_ci("</body></BODY>", "</body>"), Some(7));
    }
}
