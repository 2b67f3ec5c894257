//! `ViewState`, the single source of truth of what the user sees: its canonical form, URL codec, validation and reducer.
//!
//! The query string is `v=1&q=…&speaker=…&side=…&stance=…&outlet=…&entity=…&kind=…&docs=…&year=…&from=…&to=…`
//! `&sort=…&doc=…&claim=…&cmp=…&cmpdocs=…&who=…&view=…`, in that fixed order; default values are left out
//! (the default state encodes to `""`). List values are comma-separated; each item is percent-encoded on its
//! own (`form_urlencoded`), so commas inside a value travel as `%2C`.
//!
//! Canonical form (see [`canonical`]): text trimmed and stripped of control characters, at most
//! [`MAX_VALUE_LEN`] characters; filter lists deduplicated, capped at [`MAX_LIST`] and sorted (so two people
//! who pick the same filters in a different order share the same link); `cmp` keeps its order, deduplicated,
//! at most [`MAX_COMPARE`]; `cmp_docs` is empty or two distinct ids; `claim` only with an open `doc`.
//! `encode` writes the canonical form of its input, `decode` always returns a canonical state, and
//! `ViewState::apply` always returns a canonical state, so `decode(&encode(&s)).state == canonical(s)`.
use super::corpus::Corpus;
use super::model::{ClaimKind, Stance};

/// Longest value kept, in characters (longer text is cut, longer ids are dropped).
pub const MAX_VALUE_LEN: usize = 200;
/// Most values kept in one list parameter.
pub const MAX_LIST: usize = 50;
/// Most claims compared side by side (`cmp`).
pub const MAX_COMPARE: usize = 4;
/// Version written as `v=1`.
pub const URL_VERSION: &str = "1";
/// Most notices `decode` reports one by one; the rest are summed up in a last notice.
pub const MAX_NOTICES: usize = 12;
/// Echoed input in notices is cut to this many characters.
const ECHO_LEN: usize = 40;

/// Order of the claim list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum SortKey {
    /// Newest first (the default, left out of the URL).
    #[default]
    Date,
    /// Oldest first.
    Oldest,
    /// By speaker name.
    Speaker,
    /// By document, in reading order.
    Document,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Date, SortKey::Oldest, SortKey::Speaker, SortKey::Document];
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Oldest => "oldest",
            SortKey::Speaker => "speaker",
            SortKey::Document => "document",
        }
    }
    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// Human label for a sort menu.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "Newest first",
            SortKey::Oldest => "Oldest first",
            SortKey::Speaker => "Speaker",
            SortKey::Document => "Document",
        }
    }
}

/// Which main view is shown (URL key `view`, default left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Panel {
    #[default]
    Claims,
    Timeline,
    Disagreements,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Claims, Panel::Timeline, Panel::Disagreements];
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Claims => "claims",
            Panel::Timeline => "timeline",
            Panel::Disagreements => "disagreements",
        }
    }
    pub fn parse(s: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Panel::Claims => "Claims",
            Panel::Timeline => "Timeline",
            Panel::Disagreements => "Disagreements",
        }
    }
}

/// Everything that decides what is on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Search text (`q`).
    pub q: String,
    pub speaker: Vec<String>,
    pub side: Vec<String>,
    pub stance: Vec<Stance>,
    pub outlet: Vec<String>,
    pub entity: Vec<String>,
    pub kind: Vec<ClaimKind>,
    /// Filter by document ids (`docs`).
    pub docs: Vec<String>,
    pub year: Vec<i32>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub to: Option<String>,
    pub sort: SortKey,
    /// Document open in the reader.
    pub doc: Option<String>,
    /// Claim focused in the reader (only with `doc`).
    pub claim: Option<String>,
    /// Compared claim ids, 0..=4, in the order they were added.
    pub cmp: Vec<String>,
    /// Two compared document ids, or none (`cmpdocs`).
    pub cmp_docs: Vec<String>,
    /// Speaker id whose page is open (`who`).
    pub speaker_view: Option<String>,
    /// Main view (`view`).
    pub panel: Panel,
}

/// A filter facet: one list of `ViewState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Speaker,
    Side,
    Stance,
    Outlet,
    Year,
    Entity,
    Kind,
    /// Filter by document (`docs`).
    Doc,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Speaker,
        Facet::Side,
        Facet::Stance,
        Facet::Outlet,
        Facet::Year,
        Facet::Entity,
        Facet::Kind,
        Facet::Doc,
    ];
    /// The URL key.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Speaker => "speaker",
            Facet::Side => "side",
            Facet::Stance => "stance",
            Facet::Outlet => "outlet",
            Facet::Year => "year",
            Facet::Entity => "entity",
            Facet::Kind => "kind",
            Facet::Doc => "docs",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Facet::Speaker => "Speaker",
            Facet::Side => "Side",
            Facet::Stance => "Stance",
            Facet::Outlet => "Outlet",
            Facet::Year => "Year",
            Facet::Entity => "Entity",
            Facet::Kind => "Kind",
            Facet::Doc => "Document",
        }
    }
}

/// Something the user did. `ViewState::apply` turns the current state and an action into the next state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetQuery(String),
    /// Add the value if absent, remove it if present. The value is written as in the URL
    /// (stance `"refutes"`, year `"2023"`); an invalid value is a no-op.
    Toggle(Facet, String),
    ClearFacet(Facet),
    /// Clear every filter: `q`, all facets, `from`/`to` (not sort, reader, comparison, speaker page or panel).
    ClearAll,
    SetRange { from: Option<String>, to: Option<String> },
    SetSort(SortKey),
    OpenDoc { doc: String, claim: Option<String> },
    /// Close the reader (document and focused claim).
    CloseDoc,
    /// Append a claim to the comparison; duplicates ignored, at most 4 kept (the oldest drops out).
    AddCompare(String),
    RemoveCompare(String),
    SetCompare(Vec<String>),
    /// End both comparisons: claims (`cmp`) and documents (`cmpdocs`).
    ClearCompare,
    /// Compare two documents; two equal or invalid ids are a no-op.
    CompareDocs(String, String),
    OpenSpeaker(String),
    CloseSpeaker,
    SetPanel(Panel),
    /// Replace the whole state (e.g. back/forward); the new state is canonicalized.
    Replace(ViewState),
}

impl Action {
    /// Whether the URL change is a history push (`true`) or a replace (`false`, while typing a search).
    pub fn is_navigation(&self) -> bool {
        !matches!(self, Action::SetQuery(_))
    }
}

/// Result of [`decode`]: the state read, and what was ignored, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub state: ViewState,
    pub notices: Vec<String>,
}

// ---------------------------------------------------------------------------------------------------------
// Value checks shared by the canonical form, the decoder and the reducer.

/// Remove control characters and surrounding white space; cut to `MAX_VALUE_LEN` characters.
fn clean_text(s: &str) -> String {
    let no_ctl: String = s.chars().filter(|c| !c.is_control()).collect();
    let cut: String = no_ctl.trim().chars().take(MAX_VALUE_LEN).collect();
    cut.trim_end().to_string()
}

/// The search text: control characters removed, cut to `MAX_VALUE_LEN` characters, blank → empty.
/// Inner and outer spaces are kept (the search box shows exactly this while the user types).
fn clean_query(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_control()).take(MAX_VALUE_LEN).collect();
    if t.trim().is_empty() {
        String::new()
    } else {
        t
    }
}

/// An id: clean text, but an over-long id is dropped rather than cut (a cut id names nothing).
fn clean_id(s: &str) -> Option<String> {
    let no_ctl: String = s.chars().filter(|c| !c.is_control()).collect();
    let t = no_ctl.trim();
    if t.is_empty() || t.chars().count() > MAX_VALUE_LEN {
        None
    } else {
        Some(t.to_string())
    }
}

fn valid_year(y: i32) -> bool {
    (1000..=9999).contains(&y)
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok().filter(|y| valid_year(*y))
    } else {
        None
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn two_digits(s: &str, lo: u32, hi: u32) -> Option<u32> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok().filter(|n| (lo..=hi).contains(n))
    } else {
        None
    }
}

/// Whether `s` is a partial ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day).
pub fn is_partial_date(s: &str) -> bool {
    let mut parts = s.split('-');
    let Some(y) = parts.next().and_then(parse_year) else { return false };
    let Some(m) = parts.next() else { return true };
    let Some(m) = two_digits(m, 1, 12) else { return false };
    let Some(d) = parts.next() else { return true };
    let Some(_) = two_digits(d, 1, days_in_month(y, m)) else { return false };
    parts.next().is_none()
}

/// Deduplicate in place, keeping the first occurrence.
fn dedup_keep_first<T: PartialEq>(v: &mut Vec<T>) {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v.drain(..) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    *v = out;
}

fn canon_text_list(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|s| clean_text(s)).filter(|s| !s.is_empty()).collect();
    dedup_keep_first(&mut out);
    out.truncate(MAX_LIST);
    out.sort();
    out
}

fn canon_id_list(v: Vec<String>, cap: usize) -> Vec<String> {
    let mut out: Vec<String> = v.iter().filter_map(|s| clean_id(s)).collect();
    dedup_keep_first(&mut out);
    out.truncate(cap);
    out
}

fn canon_cmp_docs(v: Vec<String>) -> Vec<String> {
    let out: Vec<String> = v.iter().filter_map(|s| clean_id(s)).collect();
    if out.len() == 2 && out[0] != out[1] {
        out
    } else {
        Vec::new()
    }
}

/// The canonical form of a state (see the module doc). Idempotent; `decode(&encode(&s)).state == canonical(s)`.
pub fn canonical(s: ViewState) -> ViewState {
    let mut stance = s.stance;
    dedup_keep_first(&mut stance);
    stance.sort_by_key(|x| x.as_str());
    let mut kind = s.kind;
    dedup_keep_first(&mut kind);
    kind.sort_by_key(|x| x.as_str());
    let mut year: Vec<i32> = s.year.into_iter().filter(|y| valid_year(*y)).collect();
    dedup_keep_first(&mut year);
    year.truncate(MAX_LIST);
    year.sort_unstable();
    let mut docs = canon_id_list(s.docs, MAX_LIST);
    docs.sort();
    let doc = s.doc.as_deref().and_then(clean_id);
    let claim = if doc.is_some() { s.claim.as_deref().and_then(clean_id) } else { None };
    ViewState {
        q: clean_query(&s.q),
        speaker: canon_text_list(s.speaker),
        side: canon_text_list(s.side),
        stance,
        outlet: canon_text_list(s.outlet),
        entity: canon_text_list(s.entity),
        kind,
        docs,
        year,
        from: s.from.filter(|d| is_partial_date(d)),
        to: s.to.filter(|d| is_partial_date(d)),
        sort: s.sort,
        doc,
        claim,
        cmp: canon_id_list(s.cmp, MAX_COMPARE),
        cmp_docs: canon_cmp_docs(s.cmp_docs),
        speaker_view: s.speaker_view.as_deref().and_then(clean_id),
        panel: s.panel,
    }
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

fn push_list<'a>(out: &mut String, key: &str, items: impl IntoIterator<Item = &'a str>) {
    let joined: Vec<String> = items.into_iter().map(enc).collect();
    if !joined.is_empty() {
        push_param(out, key, &joined.join(","));
    }
}

/// The query string (without `?`) for the canonical form of `s`: `""` for the default state,
/// otherwise `v=1&…` with keys in a fixed order and default values left out.
pub fn encode(s: &ViewState) -> String {
    let s = canonical(s.clone());
    if s.is_default() {
        return String::new();
    }
    let mut out = format!("v={URL_VERSION}");
    if !s.q.is_empty() {
        push_param(&mut out, "q", &enc(&s.q));
    }
    push_list(&mut out, "speaker", s.speaker.iter().map(String::as_str));
    push_list(&mut out, "side", s.side.iter().map(String::as_str));
    push_list(&mut out, "stance", s.stance.iter().map(|x| x.as_str()));
    push_list(&mut out, "outlet", s.outlet.iter().map(String::as_str));
    push_list(&mut out, "entity", s.entity.iter().map(String::as_str));
    push_list(&mut out, "kind", s.kind.iter().map(|x| x.as_str()));
    push_list(&mut out, "docs", s.docs.iter().map(String::as_str));
    let years: Vec<String> = s.year.iter().map(|y| y.to_string()).collect();
    push_list(&mut out, "year", years.iter().map(String::as_str));
    if let Some(d) = &s.from {
        push_param(&mut out, "from", &enc(d));
    }
    if let Some(d) = &s.to {
        push_param(&mut out, "to", &enc(d));
    }
    if s.sort != SortKey::default() {
        push_param(&mut out, "sort", s.sort.as_str());
    }
    if let Some(d) = &s.doc {
        push_param(&mut out, "doc", &enc(d));
    }
    if let Some(c) = &s.claim {
        push_param(&mut out, "claim", &enc(c));
    }
    push_list(&mut out, "cmp", s.cmp.iter().map(String::as_str));
    push_list(&mut out, "cmpdocs", s.cmp_docs.iter().map(String::as_str));
    if let Some(w) = &s.speaker_view {
        push_param(&mut out, "who", &enc(w));
    }
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
fn echo(s: &str) -> String {
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

#[derive(Default)]
struct Notices {
    list: Vec<String>,
    more: usize,
}

impl Notices {
    fn push(&mut self, n: String) {
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

/// What a list key holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Text,
    Id,
    Stance,
    Kind,
    Year,
}

/// Read the items of a list value: split on `,` before percent-decoding each item, so `%2C` stays inside.
/// Returns the items kept as strings in their URL form; `cap` limits how many are kept.
fn read_list(key: &str, raw: &str, kind: ListKind, cap: usize, existing: &[String], n: &mut Notices) -> Vec<String> {
    let mut kept: Vec<String> = existing.to_vec();
    let mut dups = 0usize;
    let mut over = 0usize;
    for item in raw.split(',') {
        if item.is_empty() {
            continue;
        }
        let v = dec(item);
        let had_ctl = v.chars().any(char::is_control);
        let value = match kind {
            ListKind::Text => {
                let c = clean_text(&v);
                if v.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().count() > MAX_VALUE_LEN {
                    n.push(format!("Shortened an over-long {key} value to {MAX_VALUE_LEN} characters"));
                } else if had_ctl {
                    n.push(format!("Removed control characters from a {key} value"));
                }
                if c.is_empty() {
                    continue;
                }
                c
            }
            ListKind::Id => match clean_id(&v) {
                Some(id) => {
                    if had_ctl {
                        n.push(format!("Removed control characters from a {key} value"));
                    }
                    id
                }
                None => {
                    if v.chars().count() > MAX_VALUE_LEN {
                        n.push(format!("Ignored an over-long {key} value “{}”", echo(&v)));
                    } else if had_ctl {
                        n.push(format!("Ignored invalid {key} “{}”", echo(&v)));
                    }
                    continue;
                }
            },
            ListKind::Stance | ListKind::Kind | ListKind::Year => {
                let t = v.trim();
                let ok = match kind {
                    ListKind::Stance => Stance::parse(t).is_some(),
                    ListKind::Kind => ClaimKind::parse(t).is_some(),
                    _ => parse_year(t).is_some(),
                };
                if !ok {
                    n.push(format!("Ignored invalid {key} “{}”", echo(&v)));
                    continue;
                }
                t.to_string()
            }
        };
        if kept.contains(&value) {
            dups += 1;
        } else if kept.len() >= cap {
            over += 1;
        } else {
            kept.push(value);
        }
    }
    if dups > 0 {
        n.push(format!("Ignored repeated {key} values"));
    }
    if over > 0 {
        let s = if over == 1 { "" } else { "s" };
        n.push(format!("Ignored {over} {key} value{s} over the limit of {cap}"));
    }
    kept
}

/// Read a view from a query string (a leading `?` or `#` is fine). Never panics: unknown keys are ignored,
/// invalid values dropped, over-long text cut, lists capped, repeats removed, each with a notice.
/// A repeated list key adds to the list; a repeated single-value key keeps the first.
pub fn decode(query: &str) -> Decoded {
    let query = query.trim_start_matches(['?', '#']);
    let mut n = Notices::default();
    let mut s = ViewState::default();
    let mut seen: Vec<&'static str> = Vec::new();
    // Lists in URL form while reading; converted at the end.
    let mut lists: [Vec<String>; 10] = Default::default();
    const LIST_KEYS: [(&str, ListKind); 10] = [
        ("speaker", ListKind::Text),
        ("side", ListKind::Text),
        ("stance", ListKind::Stance),
        ("outlet", ListKind::Text),
        ("entity", ListKind::Text),
        ("kind", ListKind::Kind),
        ("docs", ListKind::Id),
        ("year", ListKind::Year),
        ("cmp", ListKind::Id),
        ("cmpdocs", ListKind::Id),
    ];
    let mut cmpdocs_seen = false;
    for seg in query.split('&') {
        if seg.is_empty() {
            continue;
        }
        let (raw_key, raw_val) = seg.split_once('=').unwrap_or((seg, ""));
        let key = dec(raw_key);
        if key.is_empty() {
            if !raw_val.is_empty() {
                n.push(format!("Ignored a value without a parameter name “{}”", echo(&dec(raw_val))));
            }
            continue;
        }
        if let Some(i) = LIST_KEYS.iter().position(|(k, _)| *k == key) {
            let (k, kind) = LIST_KEYS[i];
            let cap = match k {
                "cmp" => MAX_COMPARE,
                _ => MAX_LIST,
            };
            if k == "cmpdocs" {
                cmpdocs_seen = true;
            }
            lists[i] = read_list(k, raw_val, kind, cap, &lists[i], &mut n);
            continue;
        }
        let single: Option<&'static str> =
            ["v", "q", "from", "to", "sort", "doc", "claim", "who", "view"].into_iter().find(|k| *k == key);
        let Some(k) = single else {
            n.push(format!("Ignored unknown parameter “{}”", echo(&key)));
            continue;
        };
        if seen.contains(&k) {
            n.push(format!("Ignored repeated parameter “{k}”"));
            continue;
        }
        seen.push(k);
        let v = dec(raw_val);
        match k {
            "v" => {
                if v != URL_VERSION {
                    n.push(format!(
                        "This link was made for another version (v={}); showing what could be read",
                        echo(&v)
                    ));
                }
            }
            "q" => {
                let visible: String = v.chars().filter(|c| !c.is_control()).collect();
                if visible.chars().count() > MAX_VALUE_LEN {
                    n.push(format!("Shortened the search text to {MAX_VALUE_LEN} characters"));
                } else if visible.len() != v.len() {
                    n.push("Removed control characters from the search text".to_string());
                }
                s.q = clean_query(&v);
            }
            "from" | "to" => {
                let t = v.trim();
                if t.is_empty() {
                } else if is_partial_date(t) {
                    let d = Some(t.to_string());
                    if k == "from" {
                        s.from = d;
                    } else {
                        s.to = d;
                    }
                } else {
                    n.push(format!("Ignored invalid {k} date “{}” (expected YYYY, YYYY-MM or YYYY-MM-DD)", echo(&v)));
                }
            }
            "sort" => match SortKey::parse(v.trim()) {
                Some(x) => s.sort = x,
                None if v.trim().is_empty() => {}
                None => n.push(format!("Ignored invalid sort “{}”", echo(&v))),
            },
            "view" => match Panel::parse(v.trim()) {
                Some(x) => s.panel = x,
                None if v.trim().is_empty() => {}
                None => n.push(format!("Ignored invalid view “{}”", echo(&v))),
            },
            _ => {
                // doc, claim, who: ids
                let id = clean_id(&v);
                if id.is_none() && !v.trim().is_empty() {
                    if v.chars().count() > MAX_VALUE_LEN {
                        n.push(format!("Ignored an over-long {k} value “{}”", echo(&v)));
                    } else {
                        n.push(format!("Ignored invalid {k} “{}”", echo(&v)));
                    }
                }
                match k {
                    "doc" => s.doc = id,
                    "claim" => s.claim = id,
                    _ => s.speaker_view = id,
                }
            }
        }
    }
    let [speaker, side, stance, outlet, entity, kind, docs, year, cmp, cmp_docs] = lists;
    s.speaker = speaker;
    s.side = side;
    s.stance = stance.iter().filter_map(|x| Stance::parse(x)).collect();
    s.outlet = outlet;
    s.entity = entity;
    s.kind = kind.iter().filter_map(|x| ClaimKind::parse(x)).collect();
    s.docs = docs;
    s.year = year.iter().filter_map(|x| parse_year(x)).collect();
    s.cmp = cmp;
    if cmpdocs_seen && !cmp_docs.is_empty() && cmp_docs.len() != 2 {
        n.push("Ignored “cmpdocs”: it needs exactly two different documents".to_string());
    }
    s.cmp_docs = cmp_docs;
    if s.claim.is_some() && s.doc.is_none() {
        n.push("Ignored “claim”: no document is open".to_string());
    }
    Decoded { state: canonical(s), notices: n.finish() }
}

// ---------------------------------------------------------------------------------------------------------
// State queries, validation and the reducer.

impl ViewState {
    /// Whether this is the default view (encodes to `""`).
    pub fn is_default(&self) -> bool {
        *self == ViewState::default()
    }

    /// Whether any filter is set: search text, a facet value or a date bound.
    pub fn has_filters(&self) -> bool {
        self.filter_count() > 0
    }

    /// Number of active filters: 1 for search text, one per selected facet value, one per date bound.
    pub fn filter_count(&self) -> usize {
        usize::from(!self.q.trim().is_empty())
            + self.speaker.len()
            + self.side.len()
            + self.stance.len()
            + self.outlet.len()
            + self.entity.len()
            + self.kind.len()
            + self.docs.len()
            + self.year.len()
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
    }

    /// The selected values of a facet, as written in the URL.
    pub fn facet_values(&self, f: Facet) -> Vec<String> {
        match f {
            Facet::Speaker => self.speaker.clone(),
            Facet::Side => self.side.clone(),
            Facet::Stance => self.stance.iter().map(|x| x.as_str().to_string()).collect(),
            Facet::Outlet => self.outlet.clone(),
            Facet::Year => self.year.iter().map(|y| y.to_string()).collect(),
            Facet::Entity => self.entity.clone(),
            Facet::Kind => self.kind.iter().map(|x| x.as_str().to_string()).collect(),
            Facet::Doc => self.docs.clone(),
        }
    }

    /// Whether `value` (as written in the URL) is selected in facet `f`.
    pub fn is_selected(&self, f: Facet, value: &str) -> bool {
        match f {
            Facet::Stance => Stance::parse(value).is_some_and(|x| self.stance.contains(&x)),
            Facet::Kind => ClaimKind::parse(value).is_some_and(|x| self.kind.contains(&x)),
            Facet::Year => parse_year(value).is_some_and(|y| self.year.contains(&y)),
            _ => self.facet_values(f).iter().any(|v| v == value),
        }
    }

    /// Drop ids that name nothing in `corpus` (`doc`, `claim`, `docs`, `cmp`, `cmpdocs`, `who`), with a notice each.
    pub fn validate(&mut self, corpus: &Corpus) -> Vec<String> {
        let mut n = Vec::new();
        let gone_doc = |id: &str| format!("The link names a document that no longer exists ({})", echo(id));
        let gone_claim = |id: &str| format!("The link names a claim that no longer exists ({})", echo(id));
        if let Some(d) = self.doc.take() {
            if corpus.document(&d).is_some() {
                self.doc = Some(d);
            } else {
                n.push(gone_doc(&d));
            }
        }
        if let Some(c) = self.claim.take() {
            match corpus.claim(&c) {
                None => n.push(gone_claim(&c)),
                Some(cl) if self.doc.as_deref() == Some(cl.doc.as_str()) => self.claim = Some(c),
                Some(cl) if self.doc.is_none() => {
                    // The document went missing but the claim is known: open the claim's own document.
                    self.doc = Some(cl.doc.clone());
                    self.claim = Some(c);
                }
                Some(_) => n.push(format!("The link's claim is not in the open document ({})", echo(&c))),
            }
        }
        self.docs.retain(|d| {
            let ok = corpus.document(d).is_some();
            if !ok {
                n.push(gone_doc(d));
            }
            ok
        });
        self.cmp.retain(|c| {
            let ok = corpus.claim(c).is_some();
            if !ok {
                n.push(gone_claim(c));
            }
            ok
        });
        if !self.cmp_docs.is_empty() {
            let missing: Vec<&String> = self.cmp_docs.iter().filter(|d| corpus.document(d).is_none()).collect();
            if !missing.is_empty() || self.cmp_docs.len() != 2 {
                for d in missing {
                    n.push(gone_doc(d));
                }
                n.push("The document comparison in the link was closed".to_string());
                self.cmp_docs.clear();
            }
        }
        if let Some(w) = self.speaker_view.take() {
            if corpus.claims.iter().any(|c| c.speaker_id == w) {
                self.speaker_view = Some(w);
            } else {
                n.push(format!("The link names a speaker who no longer appears in the corpus ({})", echo(&w)));
            }
        }
        n
    }

    /// The next state after `a`. Pure; the result is always canonical.
    pub fn apply(&self, a: Action) -> ViewState {
        let mut s = self.clone();
        match a {
            Action::SetQuery(q) => s.q = q,
            Action::Toggle(f, v) => s.toggle(f, &v),
            Action::ClearFacet(f) => match f {
                Facet::Speaker => s.speaker.clear(),
                Facet::Side => s.side.clear(),
                Facet::Stance => s.stance.clear(),
                Facet::Outlet => s.outlet.clear(),
                Facet::Year => s.year.clear(),
                Facet::Entity => s.entity.clear(),
                Facet::Kind => s.kind.clear(),
                Facet::Doc => s.docs.clear(),
            },
            Action::ClearAll => {
                s.q.clear();
                for f in Facet::ALL {
                    s = s.apply(Action::ClearFacet(f));
                }
                s.from = None;
                s.to = None;
            }
            Action::SetRange { from, to } => {
                s.from = from.map(|d| d.trim().to_string()).filter(|d| is_partial_date(d));
                s.to = to.map(|d| d.trim().to_string()).filter(|d| is_partial_date(d));
            }
            Action::SetSort(k) => s.sort = k,
            Action::OpenDoc { doc, claim } => {
                if let Some(d) = clean_id(&doc) {
                    s.doc = Some(d);
                    s.claim = claim.as_deref().and_then(clean_id);
                }
            }
            Action::CloseDoc => {
                s.doc = None;
                s.claim = None;
            }
            Action::AddCompare(id) => {
                if let Some(id) = clean_id(&id) {
                    if !s.cmp.contains(&id) {
                        s.cmp.push(id);
                        while s.cmp.len() > MAX_COMPARE {
                            s.cmp.remove(0);
                        }
                    }
                }
            }
            Action::RemoveCompare(id) => {
                let id = clean_id(&id);
                s.cmp.retain(|c| Some(c) != id.as_ref());
            }
            Action::SetCompare(ids) => s.cmp = ids,
            Action::ClearCompare => {
                s.cmp.clear();
                s.cmp_docs.clear();
            }
            Action::CompareDocs(a, b) => {
                if let (Some(a), Some(b)) = (clean_id(&a), clean_id(&b)) {
                    if a != b {
                        s.cmp_docs = vec![a, b];
                    }
                }
            }
            Action::OpenSpeaker(id) => {
                if let Some(id) = clean_id(&id) {
                    s.speaker_view = Some(id);
                }
            }
            Action::CloseSpeaker => s.speaker_view = None,
            Action::SetPanel(p) => s.panel = p,
            Action::Replace(v) => s = v,
        }
        canonical(s)
    }

    fn toggle(&mut self, f: Facet, v: &str) {
        fn flip<T: PartialEq>(list: &mut Vec<T>, x: T) {
            if let Some(i) = list.iter().position(|y| *y == x) {
                list.remove(i);
            } else if list.len() < MAX_LIST {
                list.push(x);
            }
        }
        match f {
            Facet::Stance => {
                if let Some(x) = Stance::parse(v.trim()) {
                    flip(&mut self.stance, x);
                }
            }
            Facet::Kind => {
                if let Some(x) = ClaimKind::parse(v.trim()) {
                    flip(&mut self.kind, x);
                }
            }
            Facet::Year => {
                if let Some(y) = parse_year(v.trim()) {
                    flip(&mut self.year, y);
                }
            }
            Facet::Doc => {
                if let Some(id) = clean_id(v) {
                    flip(&mut self.docs, id);
                }
            }
            Facet::Speaker | Facet::Side | Facet::Outlet | Facet::Entity => {
                let t = clean_text(v);
                if t.is_empty() {
                    return;
                }
                let list = match f {
                    Facet::Speaker => &mut self.speaker,
                    Facet::Side => &mut self.side,
                    Facet::Outlet => &mut self.outlet,
                    _ => &mut self.entity,
                };
                flip(list, t);
            }
        }
    }
}
