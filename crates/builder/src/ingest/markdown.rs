//! Markdown → the plain text the ingest reads: headings, emphasis, links, images, code marks, quotes and list markers
//! stripped; front matter's title, date, source and url kept as header lines; the first heading is the title.

/// The text of a Markdown article.
pub fn to_text(md: &str) -> String {
    let mut out = Vec::new();
    let mut lines = md.lines().peekable();
    let mut titled = false;
    if lines.peek().is_some_and(|l| l.trim() == "---") {
        lines.next();
        for l in lines.by_ref().take_while(|l| l.trim() != "---") {
            let key = l.split(':').next().unwrap_or("").trim().to_lowercase();
            if matches!(key.as_str(), "title" | "date" | "source" | "url" | "author") {
                let value = l[l.find(':').map_or(l.len(), |k| k + 1)..].trim().trim_matches(['"', '\'']);
                titled |= key == "title";
                out.push(if key == "author" { format!("By {value}") } else { format!("{key}: {value}") });
            }
        }
        out.push(String::new());
    }
    for l in lines {
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") || is_rule(t) {
            continue;
        }
        let heading = t.starts_with('#');
        let t = t.trim_start_matches('#').trim_start_matches('>').trim_start();
        let t = list_marker(t);
        let text = inline(t);
        if heading && !titled {
            titled = true;
            out.push(format!("Title: {text}"));
            out.push(String::new());
        } else {
            out.push(text);
        }
    }
    out.join("\n") + "\n"
}

fn is_rule(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*') || t.chars().all(|c| c == '_'))
}

/// "- item", "* item", "+ item", "12. item" → "item".
fn list_marker(t: &str) -> &str {
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(m) {
            return rest;
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with(". ") {
        return &t[digits + 2..];
    }
    t
}

/// Inline markup: `![alt](src)` dropped, `[text](href)` → text, `**`, `__`, `*`, `` ` `` marks removed.
fn inline(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(at) = rest.find(['[', '!', '*', '_', '`']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some((text, len)) = link(rest) {
            out.push_str(text);
            rest = &rest[len..];
        } else if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
        } else if rest.starts_with('*') || rest.starts_with('`') || (rest.starts_with('_') && !out.ends_with(char::is_alphanumeric)) {
            rest = &rest[1..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A link or image at the start of `s`: the text to keep (none for an image) and the length of the markup.
fn link(s: &str) -> Option<(&str, usize)> {
    let image = s.starts_with("![");
    let open = usize::from(image) + 1;
    if !s[open - 1..].starts_with('[') {
        return None;
    }
    let close = open + s[open..].find(']')?;
    let target = s[close + 1..].strip_prefix('(')?;
    let end = close + 2 + target.find(')')? + 1;
    Some((if image { "" } else { &s[open..close] }, end))
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn markup_is_stripped() {
        let md = "---\ntitle: \"Bridge reopens\"\ndate: 2022-05-01\nlayout: post\n---\n# Bridge reopens\n\n\
            The **bridge** reopened, [officials](https://x.example/a) said. ![photo](b.jpg)\n\n\
            > \"It is *safe*,\" said the_engineer.\n\n- one\n1. two\n\n---\n```\ncode\n```\n";
        let t = to_text(md);
        assert!(t.starts_with("title: Bridge reopens\ndate: 2022-05-01\n\n"), "{t}");
        assert!(t.contains("\nThe bridge reopened, officials said. \n"), "{t}");
        assert!(t.contains("\n\"It is safe,\" said the_engineer.\n"), "{t}");
        assert!(t.contains("\none\ntwo\n") && t.contains("\ncode\n") && !t.contains("---") && !t.contains('#'), "{t}");
        assert!(to_text("# Head\nBody text.").starts_with("Title: Head\n\nBody text."));
    }
}
