//! Saved web pages → the plain text the ingest reads: the headline, outlet, date, address and byline as header lines, then the
//! article's text blocks; navigation, headers and footers, asides, forms, comments, ads, related links, scripts and styles left out.
// General mechanisms only: semantic elements (<article>, <main>, <nav>, <aside>, <form>…), ARIA roles, the page's <meta>
// (og:title, article:published_time, author…), words of class and id attributes (comment, related, share, promo, ad…) and,
// when the page marks no article, the element holding the most paragraph text.
mod entities;
mod parse;

use parse::{Node, Tree};

/// Elements that are never article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "form", "button", "select", "textarea", "input", "label",
    "figure", "object", "embed", "canvas", "video", "audio", "dialog", "menu", "head", "header", "footer",
];
/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu"];
/// Words of a class or id that mark page furniture (matched as whole words: "ad" is not "head").
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "comment",
    "comments",
    "disqus",
    "replies",
    "related",
    "recommended",
    "trending",
    "popular",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sidebar",
    "widget",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "footer",
    "cookie",
    "cookies",
    "consent",
    "banner",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "paywall",
    "tags",
    "pagination",
    "print",
    "skip",
];
/// Elements whose end is a paragraph break.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "address",
    "hr",
    "center",
    "body",
    "figcaption",
];

/// What the page says about itself.
#[derive(Debug, Default, PartialEq)]
struct Meta {
    title: Option<String>,
    site: Option<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

/// The article in a saved page, as text: header lines ("Title: …", "Source: …", "Date: …", "URL: …"), a byline, then one
/// paragraph per text block, separated by blank lines.
pub fn to_text(html: &str) -> String {
    let tree = parse::parse(html);
    let root = article_root(&tree);
    let meta = meta(&tree, root);
    let mut out = String::new();
    for (key, v) in [("Title", &meta.title), ("Source", &meta.site), ("Date", &meta.date), ("URL", &meta.url)] {
        if let Some(v) = v {
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    if let Some(a) = &meta.author {
        out.push_str(&format!("\nBy {a}\n"));
    }
    let mut blocks = Vec::new();
    let mut line = String::new();
    walk(&tree, root, &mut blocks, &mut line);
    flush(&mut blocks, &mut line);
    for b in blocks.iter().filter(|b| Some(b.as_str()) != meta.title.as_deref()) {
        out.push('\n');
        out.push_str(b);
        out.push('\n');
    }
    out
}

/// The words of an element's class and id (lower case, split at anything not a letter or digit).
fn words(tree: &Tree, i: usize) -> Vec<String> {
    let attrs = [tree.attr(i, "class"), tree.attr(i, "id")];
    attrs
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether element `i` is page furniture (left out with everything in it).
fn dropped(tree: &Tree, i: usize) -> bool {
    let Some(name) = tree.name(i) else { return false };
    if DROPPED_TAGS.contains(&name) || tree.attr(i, "hidden").is_some() || tree.attr(i, "aria-hidden") == Some("true") {
        return true;
    }
    if tree.attr(i, "role").is_some_and(|r| DROPPED_ROLES.contains(&r.to_lowercase().as_str())) {
        return true;
    }
    let style = tree.attr(i, "style").unwrap_or("").replace(' ', "").to_lowercase();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    // The article's own container may carry such words ("comments-open"): it stays.
    let container = matches!(name, "article" | "main" | "body" | "html") || tree.attr(i, "itemprop") == Some("articleBody");
    !container && words(tree, i).iter().any(|w| FURNITURE_WORDS.contains(&w.as_str()))
}

/// The number of characters of text under `i` outside furniture.
fn visible_len(tree: &Tree, i: usize) -> usize {
    match &tree.nodes[i] {
        Node::Text(t) => t.split_whitespace().map(|w| w.chars().count() + 1).sum(),
        Node::Element { children, .. } if !dropped(tree, i) => children.iter().map(|&c| visible_len(tree, c)).sum(),
        Node::Element { .. } => 0,
    }
}

/// The element holding the article: the largest marked article body (`itemprop=articleBody`, else `<article>`, else
/// `<main>` or `role=main`), else the element with the most paragraph text directly inside it, else the whole page.
fn article_root(tree: &Tree) -> usize {
    let all = visible(tree, 0);
    let marks: [&dyn Fn(usize) -> bool; 3] =
        [&|i| tree.attr(i, "itemprop") == Some("articleBody"), &|i| tree.name(i) == Some("article"), &|i| {
            tree.name(i) == Some("main") || tree.attr(i, "role") == Some("main")
        }];
    for mark in marks {
        let best = all.iter().copied().filter(|&i| mark(i)).max_by_key(|&i| visible_len(tree, i));
        if let Some(b) = best.filter(|&b| visible_len(tree, b) > 0) {
            return b;
        }
    }
    let mut score = vec![0usize; tree.nodes.len()];
    for &i in &all {
        for &c in tree.children(i) {
            if tree.name(c) == Some("p") {
                score[i] += visible_len(tree, c);
            }
        }
    }
    (0..score.len()).filter(|&i| score[i] > 0).max_by_key(|&i| score[i]).unwrap_or(0)
}

/// Every element outside furniture, in document order.
fn visible(tree: &Tree, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![from];
    while let Some(i) = stack.pop() {
        if tree.name(i).is_some() && !dropped(tree, i) {
            out.push(i);
            stack.extend(tree.children(i).iter().rev());
        }
    }
    out
}

/// Collect the text blocks under `i` into `blocks`; `line` is the block being written.
fn walk(tree: &Tree, i: usize, blocks: &mut Vec<String>, line: &mut String) {
    match &tree.nodes[i] {
        Node::Text(t) => line.push_str(t),
        Node::Element { name, children, .. } => {
            if dropped(tree, i) {
                return;
            }
            if name == "br" {
                line.push('\n');
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                flush(blocks, line);
            }
            for &c in children {
                walk(tree, c, blocks, line);
            }
            if block {
                flush(blocks, line);
            } else if matches!(name.as_str(), "td" | "th") {
                line.push(' ');
            }
        }
    }
}

/// End the current block: its lines with whitespace collapsed, kept when there is any text.
fn flush(blocks: &mut Vec<String>, line: &mut String) {
    let lines: Vec<String> =
        line.split('\n').map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    if !lines.is_empty() {
        blocks.push(lines.join("\n"));
    }
    line.clear();
}

/// The headline, outlet, date, byline and address: the page's `<meta>` first, then what the markup shows.
fn meta(tree: &Tree, root: usize) -> Meta {
    let mut m = Meta::default();
    for i in 0..tree.nodes.len() {
        match tree.name(i) {
            Some("meta") => meta_tag(tree, i, &mut m),
            Some("link") if tree.attr(i, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                m.url = m.url.take().or(tree.attr(i, "href").map(str::to_string));
            }
            _ => {}
        }
    }
    let first = |under: usize, want: &dyn Fn(usize) -> bool| tree.descendants(under).into_iter().find(|&i| want(i));
    let h1 = first(root, &|i| tree.name(i) == Some("h1")).or_else(|| first(0, &|i| tree.name(i) == Some("h1")));
    let page_title = first(0, &|i| tree.name(i) == Some("title")).map(|i| tree.text(i));
    m.title = m.title.or(h1.map(|i| tree.text(i))).or(page_title).filter(|t| !t.is_empty());
    let time = |i: usize| tree.name(i) == Some("time") && tree.attr(i, "datetime").is_some();
    if m.date.is_none() {
        let t = first(root, &time).or_else(|| first(0, &time));
        m.date = t.and_then(|i| tree.attr(i, "datetime")).map(day);
    }
    if m.author.is_none() {
        m.author = byline(tree);
    }
    m
}

/// One `<meta>` tag's contribution (the first value of each kind wins).
fn meta_tag(tree: &Tree, i: usize, m: &mut Meta) {
    let key = tree.attr(i, "property").or(tree.attr(i, "name")).or(tree.attr(i, "itemprop")).unwrap_or("").to_lowercase();
    let Some(v) = tree.attr(i, "content").map(str::trim).filter(|v| !v.is_empty()) else { return };
    let (slot, is_author) = match key.as_str() {
        "og:title" | "twitter:title" | "headline" => (&mut m.title, false),
        "og:site_name" | "application-name" | "publisher" => (&mut m.site, false),
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "parsely-pub-date"
        | "sailthru.date" => (&mut m.date, false),
        "author" | "article:author" | "byl" | "parsely-author" | "dc.creator" | "sailthru.author" => (&mut m.author, true),
        "og:url" => (&mut m.url, false),
        _ => return,
    };
    if slot.is_some() || (is_author && v.starts_with("http")) {
        return;
    }
    let dated = key.contains("date") || key.ends_with("time");
    *slot = Some(if dated { day(v) } else { v.trim_start_matches("By ").to_string() });
}

/// "2024-03-05T10:00:00Z" → "2024-03-05"; any other form as it is (the ingest reads dates in many forms).
fn day(v: &str) -> String {
    let v = v.trim();
    let iso = v.len() >= 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-' && v[..4].bytes().all(|b| b.is_ascii_digit());
    if iso {
        v[..10].to_string()
    } else {
        v.to_string()
    }
}

/// The author named by the markup: `rel=author`, `itemprop=author`, or a short element whose class says author or byline.
fn byline(tree: &Tree) -> Option<String> {
    (0..tree.nodes.len())
        .filter(|&i| {
            tree.attr(i, "rel") == Some("author")
                || tree.attr(i, "itemprop") == Some("author")
                || words(tree, i).iter().any(|w| w == "author" || w == "byline")
        })
        .map(|i| tree.text(i))
        .map(|t| t.trim_start_matches("By ").trim_start_matches("by ").trim().to_string())
        .find(|t| (1..=6).contains(&t.split_whitespace().count()))
}

#[cfg(test)]
pub(crate) mod tests;
