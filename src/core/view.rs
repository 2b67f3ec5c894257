//! `ViewState`, the single source of truth of what the user sees: its canonical form, URL codec, validation and reducer.
use super::corpus::Corpus;
use super::model::{ClaimKind, Stance};
use super::text::{sort, sort_by_key};

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
    pub const ALL: [SortKey; 4] = [
        SortKey::Date,
        SortKey::Oldest,
        SortKey::Speaker,
        SortKey::Document,
    ];
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
#[allow(clippy::large_enum_variant)] // `Replace` carries a whole state by value; actions are short-lived.
pub enum Action {
    SetQuery(String),
    /// Add the value if absent, remove it if present. The value is written as in the URL
    /// (stance `"refutes"`, year `"2023"`); an invalid value is a no-op.
    Toggle(Facet, String),
    ClearFacet(Facet),
    /// Clear every filter: `q`, all facets, `from`/`to` (not sort, reader, comparison, speaker page or panel).
    ClearAll,
    SetRange {
        from: Option<String>,
        to: Option<String>,
    },
    SetSort(SortKey),
    OpenDoc {
        doc: String,
        claim: Option<String>,
    },
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
    let t: String = s
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_VALUE_LEN)
        .collect();
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
    let Some(y) = parts.next().and_then(parse_year) else {
        return false;
    };
    let Some(m) = parts.next() else { return true };
    let Some(m) = two_digits(m, 1, 12) else {
        return false;
    };
    let Some(d) = parts.next() else { return true };
    let Some(_) = two_digits(d, 1, days_in_month(y, m)) else {
        return false;
    };
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
    let mut out: Vec<String> = v
        .iter()
        .map(|s| clean_text(s))
        .filter(|s| !s.is_empty())
        .collect();
    dedup_keep_first(&mut out);
    out.truncate(MAX_LIST);
    sort(&mut out);
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

/// The canonical form of a state. Idempotent; `decode(&encode(&s)).state == canonical(s)` for every `s`.
///
/// Text is stripped of control characters and trimmed, at most [`MAX_VALUE_LEN`] characters (the search
/// text `q` keeps its spaces; blank is empty). Filter lists are deduplicated, capped at [`MAX_LIST`] and
/// sorted (stance and kind by name, years by number), so the same filters picked in another order give the
/// same link. `cmp` keeps its order, deduplicated, at most [`MAX_COMPARE`]; `cmp_docs` is empty or two
/// distinct ids; over-long ids are dropped; `claim` is kept only with an open `doc`; dates are valid
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. `decode` and `ViewState::apply` always return canonical states.
pub fn canonical(s: ViewState) -> ViewState {
    let mut stance = s.stance;
    dedup_keep_first(&mut stance);
    sort_by_key(&mut stance, |x| x.as_str());
    let mut kind = s.kind;
    dedup_keep_first(&mut kind);
    sort_by_key(&mut kind, |x| x.as_str());
    let mut year: Vec<i32> = s.year.into_iter().filter(|y| valid_year(*y)).collect();
    dedup_keep_first(&mut year);
    year.truncate(MAX_LIST);
    sort(&mut year);
    let mut docs = canon_id_list(s.docs, MAX_LIST);
    sort(&mut docs);
    let doc = s.doc.as_deref().and_then(clean_id);
    let claim = if doc.is_some() {
        s.claim.as_deref().and_then(clean_id)
    } else {
        None
    };
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

/// The query string (without `?`) for the canonical form of `s`: `""` for the default state, otherwise
/// `v=1&q=…&speaker=…&side=…&stance=…&outlet=…&entity=…&kind=…&docs=…&year=…&from=…&to=…&sort=…&doc=…`
/// `&claim=…&cmp=…&cmpdocs=…&who=…&view=…` in that order, default values left out. List items are
/// comma-separated, each percent-encoded on its own (`form_urlencoded`), so a comma inside a value is `%2C`.
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
    form_urlencoded::parse(buf.as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
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
            self.list.push(format!(
                "…and {} more thing{s} in the link were ignored",
                self.more
            ));
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
fn read_list(
    key: &str,
    raw: &str,
    kind: ListKind,
    cap: usize,
    existing: &[String],
    n: &mut Notices,
) -> Vec<String> {
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
                if v.chars()
                    .filter(|c| !c.is_control())
                    .collect::<String>()
                    .trim()
                    .chars()
                    .count()
                    > MAX_VALUE_LEN
                {
                    n.push(format!(
                        "Shortened an over-long {key} value to {MAX_VALUE_LEN} characters"
                    ));
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
        n.push(format!(
            "Ignored {over} {key} value{s} over the limit of {cap}"
        ));
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
    for seg in query.split('&') {
        if seg.is_empty() {
            continue;
        }
        let (raw_key, raw_val) = seg.split_once('=').unwrap_or((seg, ""));
        let key = dec(raw_key);
        if key.is_empty() {
            if !raw_val.is_empty() {
                n.push(format!(
                    "Ignored a value without a parameter name “{}”",
                    echo(&dec(raw_val))
                ));
            }
            continue;
        }
        if let Some(i) = LIST_KEYS.iter().position(|(k, _)| *k == key) {
            let (k, kind) = LIST_KEYS[i];
            let cap = match k {
                "cmp" => MAX_COMPARE,
                _ => MAX_LIST,
            };
            lists[i] = read_list(k, raw_val, kind, cap, &lists[i], &mut n);
            continue;
        }
        let single: Option<&'static str> = [
            "v", "q", "from", "to", "sort", "doc", "claim", "who", "view",
        ]
        .into_iter()
        .find(|k| *k == key);
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
                    n.push(format!(
                        "Shortened the search text to {MAX_VALUE_LEN} characters"
                    ));
                } else if visible.len() != v.len() {
                    n.push("Removed control characters from the search text".to_string());
                }
                s.q = clean_query(&v);
            }
            "from" | "to" => {
                let t = v.trim();
                if is_partial_date(t) {
                    let d = Some(t.to_string());
                    if k == "from" {
                        s.from = d;
                    } else {
                        s.to = d;
                    }
                } else if !t.is_empty() {
                    n.push(format!(
                        "Ignored invalid {k} date “{}” (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                        echo(&v)
                    ));
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
                if id.is_none() && !v.trim_matches(' ').is_empty() {
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
    if !cmp_docs.is_empty() && cmp_docs.len() != 2 {
        n.push("Ignored “cmpdocs”: it needs exactly two different documents".to_string());
    }
    s.cmp_docs = cmp_docs;
    if s.claim.is_some() && s.doc.is_none() {
        n.push("Ignored “claim”: no document is open".to_string());
    }
    Decoded {
        state: canonical(s),
        notices: n.finish(),
    }
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
        let gone_doc = |id: &str| {
            format!(
                "The link names a document that no longer exists ({})",
                echo(id)
            )
        };
        let gone_claim = |id: &str| {
            format!(
                "The link names a claim that no longer exists ({})",
                echo(id)
            )
        };
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
                Some(_) => n.push(format!(
                    "The link's claim is not in the open document ({})",
                    echo(&c)
                )),
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
            let missing: Vec<&String> = self
                .cmp_docs
                .iter()
                .filter(|d| corpus.document(d).is_none())
                .collect();
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
                n.push(format!(
                    "The link names a speaker who no longer appears in the corpus ({})",
                    echo(&w)
                ));
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
                s.from = from
                    .map(|d| d.trim().to_string())
                    .filter(|d| is_partial_date(d));
                s.to = to
                    .map(|d| d.trim().to_string())
                    .filter(|d| is_partial_date(d));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn st(f: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut s = ViewState::default();
        f(&mut s);
        s
    }

    fn rt(s: &ViewState) {
        let e = encode(s);
        let d = decode(&e);
        assert_eq!(d.state, canonical(s.clone()), "round trip of {e}");
        assert!(
            d.notices.is_empty(),
            "notices for canonical {e}: {:?}",
            d.notices
        );
    }

    fn has_notice(d: &Decoded, needle: &str) -> bool {
        d.notices.iter().any(|n| n.contains(needle))
    }

    // ---- encoding, key by key ----

    #[test]
    fn default_is_plain() {
        assert_eq!(encode(&ViewState::default()), "");
        assert!(ViewState::default().is_default());
        let d = decode("");
        assert!(d.state.is_default() && d.notices.is_empty());
        let d = decode("?v=1");
        assert!(d.state.is_default() && d.notices.is_empty());
    }

    #[test]
    fn key_q() {
        let s = st(|s| s.q = "drone strike, Kabul & more".into());
        assert_eq!(encode(&s), "v=1&q=drone+strike%2C+Kabul+%26+more");
        rt(&s);
        assert_eq!(decode("q=a%2Bb+c").state.q, "a+b c");
    }

    #[test]
    fn key_speaker_with_commas() {
        let s = st(|s| s.speaker = vec!["Smith, John".into(), "Ali".into()]);
        assert_eq!(encode(&s), "v=1&speaker=Ali,Smith%2C+John");
        rt(&s);
        assert_eq!(
            decode("speaker=Smith%2C+John,Ali").state.speaker,
            vec!["Ali", "Smith, John"]
        );
    }

    #[test]
    fn key_side_outlet_entity() {
        let s = st(|s| {
            s.side = vec!["us-government".into(), "islamic-emirate".into()];
            s.outlet = vec!["Reuters".into(), "Al Jazeera, English".into()];
            s.entity = vec!["kabul".into()];
        });
        assert_eq!(
            encode(&s),
            "v=1&side=islamic-emirate,us-government&outlet=Al+Jazeera%2C+English,Reuters&entity=kabul"
        );
        rt(&s);
    }

    #[test]
    fn key_stance_sorted_by_name() {
        let s = st(|s| s.stance = vec![Stance::Supports, Stance::Refutes]);
        assert_eq!(encode(&s), "v=1&stance=refutes,supports");
        rt(&s);
        assert_eq!(
            decode("stance=supports,refutes").state.stance,
            vec![Stance::Refutes, Stance::Supports]
        );
    }

    #[test]
    fn key_kind() {
        let s = st(|s| s.kind = vec![ClaimKind::Indirect, ClaimKind::Direct]);
        assert_eq!(encode(&s), "v=1&kind=direct,indirect");
        rt(&s);
    }

    #[test]
    fn key_docs_and_year() {
        let s = st(|s| {
            s.docs = vec!["002_b".into(), "000_a".into()];
            s.year = vec![2024, 2021];
        });
        assert_eq!(encode(&s), "v=1&docs=000_a,002_b&year=2021,2024");
        rt(&s);
    }

    #[test]
    fn key_from_to() {
        for d in ["2021", "2021-08", "2021-08-31", "2024-02-29"] {
            let s = st(|s| {
                s.from = Some(d.into());
                s.to = Some(d.into());
            });
            assert_eq!(encode(&s), format!("v=1&from={d}&to={d}"));
            rt(&s);
        }
        for bad in [
            "2021-13",
            "2021-02-29",
            "21",
            "2021-8",
            "2021-08-31x",
            "2021-08-31-01",
            "abcd",
            "0999",
        ] {
            let d = decode(&format!("from={bad}"));
            assert_eq!(d.state.from, None, "{bad}");
            assert!(
                has_notice(&d, "Ignored invalid from date"),
                "{bad}: {:?}",
                d.notices
            );
        }
    }

    #[test]
    fn key_sort() {
        for k in SortKey::ALL {
            let s = st(|s| s.sort = k);
            rt(&s);
            assert_eq!(SortKey::parse(k.as_str()), Some(k));
            assert!(!k.label().is_empty());
        }
        assert_eq!(encode(&st(|s| s.sort = SortKey::Oldest)), "v=1&sort=oldest");
        assert_eq!(encode(&st(|s| s.sort = SortKey::Date)), "");
        assert!(has_notice(
            &decode("sort=random"),
            "Ignored invalid sort “random”"
        ));
    }

    #[test]
    fn key_doc_and_claim() {
        let s = st(|s| {
            s.doc = Some("000_9b11820a0472705f".into());
            s.claim = Some("c1a2".into());
        });
        assert_eq!(encode(&s), "v=1&doc=000_9b11820a0472705f&claim=c1a2");
        rt(&s);
        let d = decode("claim=c1a2");
        assert_eq!(d.state.claim, None);
        assert!(has_notice(&d, "no document is open"));
    }

    #[test]
    fn key_cmp_keeps_order() {
        let s = st(|s| s.cmp = vec!["z".into(), "a".into(), "m".into()]);
        assert_eq!(encode(&s), "v=1&cmp=z,a,m");
        rt(&s);
        let d = decode("cmp=a,b,c,d,e,f");
        assert_eq!(d.state.cmp, vec!["a", "b", "c", "d"]);
        assert!(has_notice(&d, "over the limit of 4"));
    }

    #[test]
    fn key_cmpdocs() {
        let s = st(|s| s.cmp_docs = vec!["b".into(), "a".into()]);
        assert_eq!(encode(&s), "v=1&cmpdocs=b,a");
        rt(&s);
        for bad in ["cmpdocs=a", "cmpdocs=a,b,c", "cmpdocs=a,a"] {
            let d = decode(bad);
            assert!(d.state.cmp_docs.is_empty(), "{bad}");
            assert!(has_notice(&d, "exactly two"), "{bad}: {:?}", d.notices);
        }
    }

    #[test]
    fn key_who_and_view() {
        let s = st(|s| {
            s.speaker_view = Some("zabihullah-mujahid".into());
            s.panel = Panel::Timeline;
        });
        assert_eq!(encode(&s), "v=1&who=zabihullah-mujahid&view=timeline");
        rt(&s);
        for p in Panel::ALL {
            rt(&st(|s| s.panel = p));
            assert_eq!(Panel::parse(p.as_str()), Some(p));
        }
        assert!(has_notice(
            &decode("view=map"),
            "Ignored invalid view “map”"
        ));
    }

    #[test]
    fn fixed_key_order() {
        let s = st(|s| {
            s.q = "x".into();
            s.speaker = vec!["a".into()];
            s.side = vec!["a".into()];
            s.stance = vec![Stance::Neutral];
            s.outlet = vec!["a".into()];
            s.entity = vec!["a".into()];
            s.kind = vec![ClaimKind::Direct];
            s.docs = vec!["d".into()];
            s.year = vec![2022];
            s.from = Some("2022".into());
            s.to = Some("2023".into());
            s.sort = SortKey::Speaker;
            s.doc = Some("d".into());
            s.claim = Some("c".into());
            s.cmp = vec!["c".into()];
            s.cmp_docs = vec!["d".into(), "e".into()];
            s.speaker_view = Some("w".into());
            s.panel = Panel::Disagreements;
        });
        let e = encode(&s);
        let keys: Vec<&str> = e.split('&').map(|p| p.split('=').next().unwrap()).collect();
        assert_eq!(
            keys,
            [
                "v", "q", "speaker", "side", "stance", "outlet", "entity", "kind", "docs", "year",
                "from", "to", "sort", "doc", "claim", "cmp", "cmpdocs", "who", "view"
            ]
        );
        rt(&s);
        // Reordered keys decode to the same state.
        let mut parts: Vec<&str> = e.split('&').collect();
        parts.reverse();
        assert_eq!(decode(&parts.join("&")).state, s);
    }

    #[test]
    fn leading_question_mark_or_hash() {
        let a = decode("?stance=refutes").state;
        let b = decode("#stance=refutes").state;
        let c = decode("stance=refutes").state;
        assert_eq!(a, c);
        assert_eq!(b, c);
        assert_eq!(c.stance, vec![Stance::Refutes]);
    }

    #[test]
    fn repeated_keys() {
        let d = decode("stance=refutes&stance=supports&q=a&q=b");
        assert_eq!(d.state.stance, vec![Stance::Refutes, Stance::Supports]);
        assert_eq!(d.state.q, "a");
        assert!(has_notice(&d, "Ignored repeated parameter “q”"));
    }

    #[test]
    fn unknown_version() {
        let d = decode("v=2&stance=refutes");
        assert_eq!(d.state.stance, vec![Stance::Refutes]);
        assert!(has_notice(&d, "v=2"));
    }

    #[test]
    fn text_trimmed_and_cut() {
        let long = "x".repeat(10_000);
        let d = decode(&format!("speaker=++{long}"));
        assert_eq!(d.state.speaker[0].chars().count(), MAX_VALUE_LEN);
        assert!(has_notice(&d, "Shortened an over-long speaker"));
        let d = decode(&format!("q={long}"));
        assert_eq!(d.state.q.chars().count(), MAX_VALUE_LEN);
        assert!(has_notice(&d, "Shortened the search text"));
        let d = decode(&format!("cmp={long},ok"));
        assert_eq!(d.state.cmp, vec!["ok"]);
        assert!(has_notice(&d, "over-long cmp"));
        assert_eq!(decode("speaker=+Ali+").state.speaker, vec!["Ali"]);
    }

    #[test]
    fn multibyte_cut_on_char_boundary() {
        let long = "é".repeat(300);
        let d = decode(&format!("q={}", enc(&long)));
        assert_eq!(d.state.q, "é".repeat(MAX_VALUE_LEN));
    }

    #[test]
    fn notices_are_capped_and_echo_is_short() {
        let q: Vec<String> = (0..100).map(|i| format!("bogus{i}=1")).collect();
        let d = decode(&q.join("&"));
        assert_eq!(d.notices.len(), MAX_NOTICES + 1);
        assert!(d.notices.last().unwrap().contains("88 more"));
        let d = decode(&format!("stance={}", "a".repeat(500)));
        assert!(d.notices[0].chars().count() < 80, "{}", d.notices[0]);
        assert!(d.notices[0].contains('…'));
    }

    /// At least 30 hostile inputs: none panics; each that drops something says so; the result re-encodes stably.
    #[test]
    fn hostile_inputs() {
        let long = "a".repeat(10_000);
        let commas = ",".repeat(10_000);
        let many: String = (0..5000)
            .map(|i| format!("id{i}"))
            .collect::<Vec<_>>()
            .join(",");
        // (input, whether something is dropped and must be noticed)
        let cases: Vec<(String, bool)> = vec![
            ("?stance=<script>alert(1)</script>&cmp=zzz&bogus=1".into(), true),
            ("stance=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(), true),
            ("%".into(), true),
            ("%zz".into(), true),
            ("q=%".into(), false),
            ("q=%zz%".into(), false),
            ("q=%00".into(), true),
            ("q=%00%01%1F%7F".into(), true),
            (format!("q={long}"), true),
            (format!("speaker={long}"), true),
            (format!("doc={long}"), true),
            (format!("{long}={long}"), true),
            ("&&&".into(), false),
            ("=".into(), false),
            ("==&=&==x".into(), true),
            ("cmp=a,a,a,a,a,a".into(), true),
            ("cmp=a,b,c,d,e".into(), true),
            ("year=99999999999".into(), true),
            ("year=-2021".into(), true),
            ("year=+2021".into(), false), // `+` is a space: " 2021" reads as 2021
            ("year=%2B2021".into(), true),
            ("year=2021.5".into(), true),
            ("from=2021-02-30".into(), true),
            ("to=9999999999-01-01".into(), true),
            ("speaker=%E2%80%AE%F0%9F%92%A3,%C3%A9l%C3%A8ve".into(), false),
            ("q=%FF%FE".into(), false),
            ("%FF=1".into(), true),
            ("stance=REFUTES".into(), true),
            ("kind=quote".into(), true),
            ("sort=%00".into(), true),
            ("view=../../etc/passwd".into(), true),
            ("v=2".into(), true),
            ("v=".into(), true),
            ("claim=abc".into(), true),
            ("cmpdocs=only-one".into(), true),
            (format!("stance={commas}"), false),
            (format!("docs={many}"), true),
            ("speaker=%2C%2C%2C".into(), false),
            ("who=%0A%0D".into(), true),
            ("doc=%20%20".into(), false),
            ("q=%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87&entity=%E4%B8%AD%E6%96%87".into(), false),
            ("#?#?stance=neutral".into(), false),
            ("stance=refutes;bogus=1".into(), true),
            ("javascript:alert(1)".into(), true),
        ];
        assert!(cases.len() >= 30);
        for (input, drops) in &cases {
            let d = decode(input);
            if *drops {
                assert!(
                    !d.notices.is_empty(),
                    "expected a notice for {:?}",
                    &input[..input.len().min(60)]
                );
            }
            let again = decode(&encode(&d.state));
            assert_eq!(
                again.state,
                d.state,
                "idempotence for {:?}",
                &input[..input.len().min(60)]
            );
            assert!(again.notices.is_empty());
            assert!(d.notices.len() <= MAX_NOTICES + 1);
        }
        let d = decode("?stance=<script>alert(1)</script>&cmp=zzz&bogus=1");
        assert!(d.state.stance.is_empty());
        assert_eq!(d.state.cmp, vec!["zzz"]); // syntactically fine; `validate` drops it against the corpus
        assert!(has_notice(&d, "Ignored unknown parameter “bogus”"));
        assert!(has_notice(
            &d,
            "Ignored invalid stance “<script>alert(1)</script>”"
        ));
        assert_eq!(decode("cmp=a,a,a,a,a,a").state.cmp, vec!["a"]);
        assert!(has_notice(&decode("cmp=a,a,a,a,a,a"), "repeated cmp"));
        assert!(decode("year=99999999999").state.year.is_empty());
        assert_eq!(decode("q=%00").state.q, "");
        assert_eq!(
            decode("speaker=%E2%80%AE%F0%9F%92%A3,%C3%A9l%C3%A8ve")
                .state
                .speaker,
            vec!["él\u{e8}ve", "\u{202e}💣"]
        );
        assert_eq!(decode(&format!("docs={many}")).state.docs.len(), MAX_LIST);
    }

    // ---- validation against a corpus ----

    fn corpus() -> Corpus {
        use super::super::model::{Claim, Document};
        let doc = |id: &str| Document {
            id: id.into(),
            file: format!("{id}.txt"),
            title: None,
            outlet: None,
            date: None,
            date_source: None,
            dateline: None,
            author: None,
            body: String::new(),
            paragraphs: vec![],
            related: vec![],
            extras: vec![],
        };
        let claim = |id: &str, d: &str, who: &str| Claim {
            id: id.into(),
            doc: d.into(),
            speaker: who.into(),
            speaker_id: who.into(),
            role: None,
            affiliation: None,
            side: None,
            text: String::new(),
            kind: ClaimKind::Direct,
            start: 0,
            end: 0,
            cue: None,
            stance: Stance::Neutral,
            stance_cues: vec![],
            entities: vec![],
            date: None,
        };
        Corpus {
            documents: vec![doc("d1"), doc("d2")],
            claims: vec![claim("c1", "d1", "ali"), claim("c2", "d2", "bea")],
            ..Corpus::default()
        }
    }

    #[test]
    fn validate_drops_missing_ids() {
        let c = corpus();
        let mut s = decode("?stance=<script>alert(1)</script>&cmp=zzz,c1&bogus=1&docs=d1,gone&doc=d9&claim=c1&cmpdocs=d1,dx&who=nobody").state;
        let n = s.validate(&c);
        assert_eq!(s.cmp, vec!["c1"]);
        assert_eq!(s.docs, vec!["d1"]);
        assert_eq!(s.doc.as_deref(), Some("d1")); // the claim's own document
        assert_eq!(s.claim.as_deref(), Some("c1"));
        assert!(s.cmp_docs.is_empty());
        assert_eq!(s.speaker_view, None);
        assert!(
            n.iter()
                .any(|x| x == "The link names a claim that no longer exists (zzz)"),
            "{n:?}"
        );
        assert!(n
            .iter()
            .any(|x| x == "The link names a document that no longer exists (gone)"));
        assert!(n
            .iter()
            .any(|x| x == "The link names a document that no longer exists (d9)"));
        assert!(n.iter().any(|x| x.contains("(dx)")));
        assert!(n
            .iter()
            .any(|x| x.contains("speaker") && x.contains("nobody")));

        let mut ok = decode("doc=d2&claim=c2&cmp=c1,c2&cmpdocs=d2,d1&who=bea").state;
        let before = ok.clone();
        assert!(ok.validate(&c).is_empty());
        assert_eq!(ok, before);

        let mut wrong = decode("doc=d2&claim=c1").state;
        let n = wrong.validate(&c);
        assert_eq!(
            (wrong.doc.as_deref(), wrong.claim.as_deref()),
            (Some("d2"), None)
        );
        assert_eq!(n.len(), 1);

        let mut gone = decode("doc=d2&claim=c9").state;
        let n = gone.validate(&c);
        assert_eq!(
            (gone.doc.as_deref(), gone.claim.as_deref()),
            (Some("d2"), None)
        );
        assert_eq!(n, vec!["The link names a claim that no longer exists (c9)"]);
    }

    // ---- reducer ----

    #[test]
    fn reducer_toggle() {
        let s = ViewState::default();
        let s = s.apply(Action::Toggle(Facet::Stance, "refutes".into()));
        let s = s.apply(Action::Toggle(Facet::Stance, "supports".into()));
        assert_eq!(s.stance, vec![Stance::Refutes, Stance::Supports]);
        let s = s.apply(Action::Toggle(Facet::Stance, "refutes".into()));
        assert_eq!(s.stance, vec![Stance::Supports]);
        let t = s.apply(Action::Toggle(Facet::Stance, "<script>".into()));
        assert_eq!(t, s);
        let t = s.apply(Action::Toggle(Facet::Year, "99999".into()));
        assert_eq!(t, s);
        let t = s.apply(Action::Toggle(Facet::Speaker, "   ".into()));
        assert_eq!(t, s);
        let s = s.apply(Action::Toggle(Facet::Year, "2023".into()));
        let s = s.apply(Action::Toggle(Facet::Year, "2021".into()));
        assert_eq!(s.year, vec![2021, 2023]);
        let s = s.apply(Action::Toggle(Facet::Kind, "indirect".into()));
        let s = s.apply(Action::Toggle(Facet::Doc, "d1".into()));
        let s = s.apply(Action::Toggle(Facet::Speaker, "Smith, John".into()));
        let s = s.apply(Action::Toggle(Facet::Side, "us".into()));
        let s = s.apply(Action::Toggle(Facet::Outlet, "Reuters".into()));
        let s = s.apply(Action::Toggle(Facet::Entity, "kabul".into()));
        for f in Facet::ALL {
            assert!(!s.facet_values(f).is_empty(), "{:?}", f.key());
            let v = s.facet_values(f)[0].clone();
            assert!(s.is_selected(f, &v));
        }
        assert_eq!(s.filter_count(), 9);
        assert!(s.is_selected(Facet::Speaker, "Smith, John"));
        rt(&s);
        let c = s.apply(Action::ClearFacet(Facet::Year));
        assert!(c.year.is_empty() && c.filter_count() == 7);
    }

    #[test]
    fn reducer_clear_all_keeps_non_filters() {
        let s = st(|s| {
            s.q = "x".into();
            s.stance = vec![Stance::Neutral];
            s.from = Some("2021".into());
            s.sort = SortKey::Oldest;
            s.doc = Some("d".into());
            s.cmp = vec!["c".into()];
            s.panel = Panel::Timeline;
        });
        assert!(s.has_filters());
        let c = s.apply(Action::ClearAll);
        assert!(!c.has_filters());
        assert_eq!(c.filter_count(), 0);
        assert_eq!(
            (c.sort, c.doc.as_deref(), c.cmp.len(), c.panel),
            (SortKey::Oldest, Some("d"), 1, Panel::Timeline)
        );
    }

    #[test]
    fn reducer_query_and_range() {
        let s = ViewState::default().apply(Action::SetQuery("drone ".into()));
        assert_eq!(s.q, "drone "); // kept while typing
        assert_eq!(
            ViewState::default().apply(Action::SetQuery("   ".into())).q,
            ""
        );
        let s = s.apply(Action::SetRange {
            from: Some("2021-08".into()),
            to: Some("nonsense".into()),
        });
        assert_eq!(
            (s.from.as_deref(), s.to.as_deref()),
            (Some("2021-08"), None)
        );
        let s = s.apply(Action::SetSort(SortKey::Document));
        assert_eq!(s.sort, SortKey::Document);
        rt(&s);
    }

    #[test]
    fn reducer_reader() {
        let s = ViewState::default().apply(Action::OpenDoc {
            doc: "d1".into(),
            claim: Some("c1".into()),
        });
        assert_eq!(
            (s.doc.as_deref(), s.claim.as_deref()),
            (Some("d1"), Some("c1"))
        );
        let t = s.apply(Action::OpenDoc {
            doc: "d2".into(),
            claim: None,
        });
        assert_eq!((t.doc.as_deref(), t.claim.as_deref()), (Some("d2"), None));
        let c = s.apply(Action::CloseDoc);
        assert_eq!((c.doc, c.claim), (None, None));
        assert_eq!(
            s.apply(Action::OpenDoc {
                doc: " ".into(),
                claim: None
            }),
            s
        );
    }

    #[test]
    fn reducer_compare() {
        let mut s = ViewState::default();
        for id in ["a", "b", "a", "c", "d", "e"] {
            s = s.apply(Action::AddCompare(id.into()));
        }
        assert_eq!(s.cmp, vec!["b", "c", "d", "e"]); // "a" duplicate ignored, then dropped as the oldest
        let s = s.apply(Action::RemoveCompare("c".into()));
        assert_eq!(s.cmp, vec!["b", "d", "e"]);
        let s = s.apply(Action::SetCompare(vec![
            "x".into(),
            "x".into(),
            "y".into(),
            "z".into(),
            "w".into(),
            "v".into(),
        ]));
        assert_eq!(s.cmp, vec!["x", "y", "z", "w"]);
        let s = s.apply(Action::CompareDocs("d1".into(), "d2".into()));
        assert_eq!(s.cmp_docs, vec!["d1", "d2"]);
        assert_eq!(
            s.apply(Action::CompareDocs("d3".into(), "d3".into()))
                .cmp_docs,
            vec!["d1", "d2"]
        );
        rt(&s);
        let c = s.apply(Action::ClearCompare);
        assert!(c.cmp.is_empty() && c.cmp_docs.is_empty());
    }

    #[test]
    fn reducer_speaker_panel_replace() {
        let s = ViewState::default().apply(Action::OpenSpeaker("ali".into()));
        assert_eq!(s.speaker_view.as_deref(), Some("ali"));
        assert_eq!(s.apply(Action::CloseSpeaker).speaker_view, None);
        let s = s.apply(Action::SetPanel(Panel::Disagreements));
        assert_eq!(s.panel, Panel::Disagreements);
        let raw = st(|s| {
            s.stance = vec![Stance::Supports, Stance::Refutes, Stance::Supports];
            s.claim = Some("orphan".into());
        });
        let r = s.apply(Action::Replace(raw.clone()));
        assert_eq!(r, canonical(raw));
        assert_eq!(r.stance, vec![Stance::Refutes, Stance::Supports]);
        assert_eq!(r.claim, None);
    }

    #[test]
    fn navigation_flag() {
        assert!(!Action::SetQuery("x".into()).is_navigation());
        assert!(Action::Toggle(Facet::Stance, "refutes".into()).is_navigation());
        assert!(Action::OpenDoc {
            doc: "d".into(),
            claim: None
        }
        .is_navigation());
        assert!(Action::AddCompare("c".into()).is_navigation());
        assert!(Action::Replace(ViewState::default()).is_navigation());
    }

    #[test]
    fn facet_keys_and_labels() {
        let keys: Vec<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(
            keys,
            ["speaker", "side", "stance", "outlet", "year", "entity", "kind", "docs"]
        );
        assert!(Facet::ALL.iter().all(|f| !f.label().is_empty()));
    }

    #[test]
    fn partial_dates() {
        assert!(is_partial_date("2000-02-29"));
        assert!(!is_partial_date("1900-02-29"));
        assert!(!is_partial_date("2023-00"));
        assert!(!is_partial_date("2023-04-31"));
        assert!(!is_partial_date(""));
        assert!(!is_partial_date("2023-"));
    }
}
