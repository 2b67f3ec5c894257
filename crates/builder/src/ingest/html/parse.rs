//! A forgiving HTML parser for saved pages: a tree of elements and text, with raw-text elements (script, style),
//! void elements, comments, implicit closes of `p`/`li` and entity decoding; no error is ever raised.
use super::entities::decode;

/// One node of the tree: an element (lower-case name, attributes with decoded values) or a run of text.
#[derive(Debug)]
pub(crate) enum Node {
    Element { name: String, attrs: Vec<(String, String)>, children: Vec<usize> },
    Text(String),
}

/// The parsed page: every node in an arena, node 0 being the document root (an element named "#document").
#[derive(Debug)]
pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
}

const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose content is not markup: it runs to the matching close tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "noscript", "xmp", "iframe", "template"];
/// Opening one of these closes an open `p` (HTML's implied end tags, the common cases).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

impl Tree {
    pub(crate) fn name(&self, i: usize) -> Option<&str> {
        match &self.nodes[i] {
            Node::Element { name, .. } => Some(name),
            Node::Text(_) => None,
        }
    }

    pub(crate) fn attr(&self, i: usize, key: &str) -> Option<&str> {
        match &self.nodes[i] {
            Node::Element { attrs, .. } => attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    pub(crate) fn children(&self, i: usize) -> &[usize] {
        match &self.nodes[i] {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    /// Every node under `i` (itself first), depth first in document order.
    pub(crate) fn descendants(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.children(n).iter().rev());
        }
        out
    }

    /// The text under `i`, whitespace collapsed.
    pub(crate) fn text(&self, i: usize) -> String {
        let mut s = String::new();
        for n in self.descendants(i) {
            if let Node::Text(t) = &self.nodes[n] {
                s.push_str(t);
                s.push(' ');
            }
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn push(&mut self, parent: usize, node: Node) -> usize {
        let id = self.nodes.len();
        self.nodes.push(node);
        if let Node::Element { children, .. } = &mut self.nodes[parent] {
            children.push(id);
        }
        id
    }
}

/// Parse a page.
pub(crate) fn parse(html: &str) -> Tree {
    let mut tree = Tree { nodes: vec![Node::Element { name: "#document".into(), attrs: vec![], children: vec![] }] };
    let mut stack: Vec<usize> = vec![0];
    let mut i = 0;
    let b = html.as_bytes();
    while i < b.len() {
        let top = *stack.last().unwrap_or(&0);
        if b[i] != b'<' {
            let end = html[i..].find('<').map_or(html.len(), |k| i + k);
            push_text(&mut tree, top, &html[i..end]);
            i = end;
            continue;
        }
        let rest = &html[i..];
        if let Some(after) = rest.strip_prefix("<!--") {
            i += 4 + after.find("-->").map_or(after.len(), |k| k + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |k| k + 1);
        } else if rest.starts_with("</") && rest[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (name, len) = tag_name(&rest[2..]);
            close(&tree, &mut stack, &name);
            i += 2 + len + rest[2 + len..].find('>').map_or(rest.len() - 2 - len, |k| k + 1);
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            i += open(&mut tree, &mut stack, html, i);
        } else {
            push_text(&mut tree, top, "<");
            i += 1;
        }
    }
    tree
}

fn push_text(tree: &mut Tree, parent: usize, raw: &str) {
    if !raw.is_empty() {
        tree.push(parent, Node::Text(decode(raw)));
    }
}

/// The tag name at the start of `s` (lower case) and its length in bytes.
fn tag_name(s: &str) -> (String, usize) {
    let len = s.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(s.len());
    (s[..len].to_ascii_lowercase(), len)
}

/// Close the innermost open element named `name`, and everything opened inside it; a stray close tag is ignored.
fn close(tree: &Tree, stack: &mut Vec<usize>, name: &str) {
    if let Some(pos) = stack.iter().rposition(|&n| tree.name(n) == Some(name)) {
        if pos > 0 {
            stack.truncate(pos);
        }
    }
}

/// An open tag at `at`: the element is added (and its raw text read); returns the bytes consumed.
fn open(tree: &mut Tree, stack: &mut Vec<usize>, html: &str, at: usize) -> usize {
    let (name, len) = tag_name(&html[at + 1..]);
    let (attrs, attrs_len, self_closing) = attributes(&html[at + 1 + len..]);
    let mut used = 1 + len + attrs_len;
    implied_close(tree, stack, &name);
    let parent = *stack.last().unwrap_or(&0);
    let id = tree.push(parent, Node::Element { name: name.clone(), attrs, children: vec![] });
    if RAW.contains(&name.as_str()) {
        let body = &html[at + used..];
        let end = find_ci(body, &format!("</{name}")).unwrap_or(body.len());
        if !body[..end].is_empty() {
            tree.push(id, Node::Text(if name == "title" { decode(&body[..end]) } else { body[..end].to_string() }));
        }
        used += end + body[end..].find('>').map_or(body.len() - end, |k| k + 1);
    } else if !VOID.contains(&name.as_str()) && !self_closing {
        stack.push(id);
    }
    used
}

fn implied_close(tree: &Tree, stack: &mut Vec<usize>, name: &str) {
    let top = |s: &Vec<usize>| s.last().and_then(|&n| tree.name(n)).unwrap_or("").to_string();
    if CLOSES_P.contains(&name) && top(stack) == "p" {
        stack.pop();
    }
    if name == "li" || name == "dt" || name == "dd" {
        let list = stack.iter().rposition(|&n| matches!(tree.name(n), Some("ul" | "ol" | "dl"))).unwrap_or(0);
        if let Some(pos) = stack.iter().rposition(|&n| matches!(tree.name(n), Some("li" | "dt" | "dd"))) {
            if pos > list {
                stack.truncate(pos);
            }
        }
    }
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// The attributes after a tag name, up to and including `>`: (attributes, bytes consumed, self-closing).
fn attributes(s: &str) -> (Vec<(String, String)>, usize, bool) {
    let b = s.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    let mut self_closing = false;
    while i < b.len() {
        match b[i] {
            b'>' => return (attrs, i + 1, self_closing),
            b'/' => {
                self_closing = true;
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                self_closing = false;
                let (kv, used) = attribute(&s[i..]);
                attrs.push(kv);
                i += used.max(1);
            }
        }
    }
    (attrs, s.len(), self_closing)
}

/// One `name`, `name=value`, `name="value"` or `name='value'`.
fn attribute(s: &str) -> ((String, String), usize) {
    let klen = s.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(s.len());
    let key = s[..klen].to_ascii_lowercase();
    let after = &s[klen..];
    let trimmed = after.trim_start();
    let Some(v) = trimmed.strip_prefix('=') else { return ((key, String::new()), klen) };
    let v = v.trim_start();
    let start = s.len() - v.len();
    let (value, vlen) = match v.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let end = v[1..].find(q).map_or(v.len(), |k| k + 1);
            (&v[1..end.max(1)], (end + 1).min(v.len()))
        }
        _ => {
            let end = v.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(v.len());
            (&v[..end], end)
        }
    };
    ((key, decode(value)), start + vlen)
}
