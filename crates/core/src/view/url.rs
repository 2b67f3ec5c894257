//! The URL codec of `ViewState`: `encode` writes the canonical query string, `decode` reads any string without panicking.
use super::clean::{canonical, clean_id, clean_query, clean_text, is_partial_date};
use super::{Facet, Panel, SortKey, ValueKind, ViewState, MAX_COMPARE, MAX_LIST, MAX_NOTICES, MAX_VALUE_LEN, URL_VERSION};

/// Echoed input in notices is cut to this many characters.
const ECHO_LEN: usize = 40;

/// Result of [`decode`]: the state read, and what was ignored, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub state: ViewState,
    pub notices: Vec<String>,
}

// ---------------------------------------------------------------------------------------------------------
// Encoding.

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn push_param(out: &mut String, key: &str, value: &str) {
    out.push('&');
    out.push_str(key);
    out.push('=');
    out.push_str(value);
}

fn push_list(out: &mut String, key: &str, items: &[String]) {
    if !items.is_empty() {
        let joined: Vec<String> = items.iter().map(|s| enc(s)).collect();
        push_param(out, key, &joined.join(","));
    }
}

fn push_opt(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        push_param(out, key, &enc(v));
    }
}

/// The query string (without `?`) for the canonical form of `s`: `""` for the default state, otherwise
/// `v=1&corpus=…&q=…&speaker=…&side=…&stance=…&outlet=…&entity=…&kind=…&docs=…&year=…&from=…&to=…&sort=…&doc=…`
/// `&claim=…&cmp=…&cmpdocs=…&who=…&view=…` in that order, default values left out. List items are
/// comma-separated, each percent-encoded on its own (`form_urlencoded`), so a comma inside a value is `%2C`.
pub fn encode(s: &ViewState) -> String {
    let s = canonical(s.clone());
    if s.is_default() {
        return String::new();
    }
    let mut out = format!("v={URL_VERSION}");
    push_opt(&mut out, "corpus", s.corpus.as_deref());
    if !s.q.is_empty() {
        push_param(&mut out, "q", &enc(&s.q));
    }
    for f in Facet::in_url_order() {
        push_list(&mut out, f.key(), &s.filters[f]);
    }
    push_opt(&mut out, "from", s.from.as_deref());
    push_opt(&mut out, "to", s.to.as_deref());
    if s.sort != SortKey::default() {
        push_param(&mut out, "sort", s.sort.as_str());
    }
    push_opt(&mut out, "doc", s.doc.as_deref());
    push_opt(&mut out, "claim", s.claim.as_deref());
    push_list(&mut out, "cmp", &s.cmp);
    push_list(&mut out, "cmpdocs", &s.cmp_docs);
    push_opt(&mut out, "who", s.speaker_view.as_deref());
    if s.panel != Panel::default() {
        push_param(&mut out, "view", s.panel.as_str());
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Decoding.

/// Percent-decode one URL component (`+` is a space; malformed escapes stay literal; bad UTF-8 → U+FFFD).
fn dec(raw: &str) -> String {
    // `form_urlencoded::parse` splits on the first `=` only, so an empty key keeps the whole component.
    let mut buf = String::with_capacity(raw.len() + 1);
    buf.push('=');
    buf.push_str(raw);
    form_urlencoded::parse(buf.as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

/// Input echoed in a notice: control characters shown as `�`, cut to about 40 characters.
pub(super) fn echo(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == ECHO_LEN {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '\u{FFFD}' } else { c });
    }
    out
}

/// What the reader is told about a link; repeats are said once, at most [`MAX_NOTICES`] one by one.
#[derive(Default)]
pub(super) struct Notices {
    list: Vec<String>,
    more: usize,
}

impl Notices {
    pub(super) fn push(&mut self, n: String) {
        if self.list.contains(&n) {
            return;
        }
        if self.list.len() < MAX_NOTICES {
            self.list.push(n);
        } else {
            self.more += 1;
        }
    }
    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            let s = if self.more == 1 { "" } else { "s" };
            self.list.push(format!("…and {} more thing{s} in the link were ignored", self.more));
        }
        self.list
    }
}

/// The list parameters that are not facets: compared claims and documents (ids, in their order).
const ID_LISTS: [&str; 2] = ["cmp", "cmpdocs"];
/// The single-value parameters.
const SINGLES: [&str; 10] = ["v", "corpus", "q", "from", "to", "sort", "doc", "claim", "who", "view"];

/// One list parameter being read: its key, what its values are, how many it may hold, what it holds so far.
struct ListRead<'a> {
    key: &'a str,
    kind: ValueKind,
    cap: usize,
    kept: &'a mut Vec<String>,
}

impl ListRead<'_> {
    /// Read the items of a list value: split on `,` before percent-decoding each item, so `%2C` stays inside.
    fn read(self, raw: &str, n: &mut Notices) {
        let (mut dups, mut over) = (0usize, 0usize);
        for item in raw.split(',').filter(|i| !i.is_empty()) {
            let Some(value) = self.item(&dec(item), n) else { continue };
            if self.kept.contains(&value) {
                dups += 1;
            } else if self.kept.len() >= self.cap {
                over += 1;
            } else {
                self.kept.push(value);
            }
        }
        if dups > 0 {
            n.push(format!("Ignored repeated {} values", self.key));
        }
        if over > 0 {
            let s = if over == 1 { "" } else { "s" };
            n.push(format!("Ignored {over} {} value{s} over the limit of {}", self.key, self.cap));
        }
    }

    /// One decoded item as kept, or `None` (with a notice where something visible was dropped).
    fn item(&self, v: &str, n: &mut Notices) -> Option<String> {
        let key = self.key;
        let had_ctl = v.chars().any(char::is_control);
        match self.kind {
            ValueKind::Text => {
                let visible: String = v.chars().filter(|c| !c.is_control()).collect();
                if visible.trim().chars().count() > MAX_VALUE_LEN {
                    n.push(format!("Shortened an over-long {key} value to {MAX_VALUE_LEN} characters"));
                } else if had_ctl {
                    n.push(format!("Removed control characters from a {key} value"));
                }
                Some(clean_text(v)).filter(|c| !c.is_empty())
            }
            ValueKind::Id => {
                let id = clean_id(v);
                if id.is_some() && had_ctl {
                    n.push(format!("Removed control characters from a {key} value"));
                } else if id.is_none() && v.chars().count() > MAX_VALUE_LEN {
                    n.push(format!("Ignored an over-long {key} value “{}”", echo(v)));
                } else if id.is_none() && had_ctl {
                    n.push(format!("Ignored invalid {key} “{}”", echo(v)));
                }
                id
            }
            kind => {
                let t = v.trim();
                if !kind.accepts(t) {
                    n.push(format!("Ignored invalid {key} “{}”", echo(v)));
                    return None;
                }
                Some(t.to_string())
            }
        }
    }
}

/// The decoder's state while it reads a query string segment by segment.
#[derive(Default)]
struct Decoder {
    n: Notices,
    s: ViewState,
    seen: Vec<&'static str>,
}

impl Decoder {
    fn segment(&mut self, seg: &str) {
        let (raw_key, raw_val) = seg.split_once('=').unwrap_or((seg, ""));
        let key = dec(raw_key);
        if key.is_empty() {
            if !raw_val.is_empty() {
                self.n.push(format!("Ignored a value without a parameter name “{}”", echo(&dec(raw_val))));
            }
        } else if let Some(f) = Facet::from_key(&key) {
            let kept = &mut self.s.filters[f];
            ListRead { key: f.key(), kind: f.kind(), cap: MAX_LIST, kept }.read(raw_val, &mut self.n);
        } else if let Some(k) = ID_LISTS.into_iter().find(|k| *k == key) {
            let (kept, cap) = if k == "cmp" { (&mut self.s.cmp, MAX_COMPARE) } else { (&mut self.s.cmp_docs, MAX_LIST) };
            ListRead { key: k, kind: ValueKind::Id, cap, kept }.read(raw_val, &mut self.n);
        } else if let Some(k) = SINGLES.into_iter().find(|k| *k == key) {
            if self.seen.contains(&k) {
                self.n.push(format!("Ignored repeated parameter “{k}”"));
            } else {
                self.seen.push(k);
                self.single(k, &dec(raw_val));
            }
        } else {
            self.n.push(format!("Ignored unknown parameter “{}”", echo(&key)));
        }
    }

    fn single(&mut self, k: &'static str, v: &str) {
        match k {
            "v" if v != URL_VERSION => {
                self.n.push(format!("This link was made for another version (v={}); showing what could be read", echo(v)))
            }
            "v" => {}
            "q" => self.query(v),
            "from" | "to" => self.date(k, v),
            "sort" => self.s.sort = self.named(k, v, SortKey::parse).unwrap_or(self.s.sort),
            "view" => self.s.panel = self.named(k, v, Panel::parse).unwrap_or(self.s.panel),
            _ => self.id(k, v),
        }
    }

    fn query(&mut self, v: &str) {
        let visible: String = v.chars().filter(|c| !c.is_control()).collect();
        if visible.chars().count() > MAX_VALUE_LEN {
            self.n.push(format!("Shortened the search text to {MAX_VALUE_LEN} characters"));
        } else if visible.len() != v.len() {
            self.n.push("Removed control characters from the search text".to_string());
        }
        self.s.q = clean_query(v);
    }

    fn date(&mut self, k: &str, v: &str) {
        let t = v.trim();
        if is_partial_date(t) {
            *(if k == "from" { &mut self.s.from } else { &mut self.s.to }) = Some(t.to_string());
        } else if !t.is_empty() {
            self.n.push(format!("Ignored invalid {k} date “{}” (expected YYYY, YYYY-MM or YYYY-MM-DD)", echo(v)));
        }
    }

    /// A value from a fixed list (`sort`, `view`); blank means the default.
    fn named<T>(&mut self, k: &str, v: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
        let got = parse(v.trim());
        if got.is_none() && !v.trim().is_empty() {
            self.n.push(format!("Ignored invalid {k} “{}”", echo(v)));
        }
        got
    }

    /// `corpus`, `doc`, `claim`, `who`: ids.
    fn id(&mut self, k: &str, v: &str) {
        let id = clean_id(v);
        if id.is_none() && !v.trim_matches(' ').is_empty() {
            if v.chars().count() > MAX_VALUE_LEN {
                self.n.push(format!("Ignored an over-long {k} value “{}”", echo(v)));
            } else {
                self.n.push(format!("Ignored invalid {k} “{}”", echo(v)));
            }
        }
        match k {
            "doc" => self.s.doc = id,
            "claim" => self.s.claim = id,
            "corpus" => self.s.corpus = id,
            _ => self.s.speaker_view = id,
        }
    }

    fn finish(mut self) -> Decoded {
        if !self.s.cmp_docs.is_empty() && self.s.cmp_docs.len() != 2 {
            self.n.push("Ignored “cmpdocs”: it needs exactly two different documents".to_string());
        }
        if self.s.claim.is_some() && self.s.doc.is_none() {
            self.n.push("Ignored “claim”: no document is open".to_string());
        }
        Decoded { state: canonical(self.s), notices: self.n.finish() }
    }
}

/// Read a view from a query string (a leading `?` or `#` is fine). Never panics: unknown keys are ignored,
/// invalid values dropped, over-long text cut, lists capped, repeats removed, each with a notice.
/// A repeated list key adds to the list; a repeated single-value key keeps the first.
pub fn decode(query: &str) -> Decoded {
    let mut d = Decoder::default();
    for seg in query.trim_start_matches(['?', '#']).split('&').filter(|s| !s.is_empty()) {
        d.segment(seg);
    }
    d.finish()
}

#[cfg(test)]
pub(super) fn enc_for_tests(s: &str) -> String {
    enc(s)
}
