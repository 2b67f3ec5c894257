//! The value checks shared by the canonical form, the URL decoder and the reducer, and `canonical` itself.
use super::{Facet, ValueKind, ViewState, MAX_COMPARE, MAX_LIST, MAX_VALUE_LEN};
use crate::date::PartialDate;
use crate::text::sort;

/// Remove control characters and surrounding white space; cut to `MAX_VALUE_LEN` characters.
pub(super) fn clean_text(s: &str) -> String {
    let no_ctl: String = s.chars().filter(|c| !c.is_control()).collect();
    let cut: String = no_ctl.trim().chars().take(MAX_VALUE_LEN).collect();
    cut.trim_end().to_string()
}

/// The search text: control characters removed, cut to `MAX_VALUE_LEN` characters, blank → empty.
/// Inner and outer spaces are kept (the search box shows exactly this while the user types).
pub(super) fn clean_query(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_control()).take(MAX_VALUE_LEN).collect();
    if t.trim().is_empty() {
        String::new()
    } else {
        t
    }
}

/// An id: clean text, but an over-long id is dropped rather than cut (a cut id names nothing).
pub(super) fn clean_id(s: &str) -> Option<String> {
    let no_ctl: String = s.chars().filter(|c| !c.is_control()).collect();
    let t = no_ctl.trim();
    (!t.is_empty() && t.chars().count() <= MAX_VALUE_LEN).then(|| t.to_string())
}

/// A facet value in its canonical form, or `None` when the facet cannot hold it.
pub(super) fn clean_value(kind: ValueKind, v: &str) -> Option<String> {
    match kind {
        ValueKind::Text => Some(clean_text(v)).filter(|t| !t.is_empty()),
        ValueKind::Id => clean_id(v),
        ValueKind::Stance | ValueKind::Kind | ValueKind::Year => kind.accepts(v.trim()).then(|| v.trim().to_string()),
    }
}

/// Whether `s` is a partial ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day).
pub fn is_partial_date(s: &str) -> bool {
    PartialDate::parse(s).is_some()
}

/// Deduplicate in place, keeping the first occurrence.
pub(super) fn dedup_keep_first<T: PartialEq>(v: &mut Vec<T>) {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v.drain(..) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    *v = out;
}

/// A facet's values: each valid one cleaned, deduplicated, at most [`MAX_LIST`], sorted.
fn canon_facet(f: Facet, v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = v.iter().filter_map(|s| clean_value(f.kind(), s)).collect();
    dedup_keep_first(&mut out);
    out.truncate(MAX_LIST);
    // Stance and kind sort by name, years (four digits) by number, like every other value.
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
/// text `q` keeps its spaces; blank is empty). Facet values are checked for their kind, deduplicated,
/// capped at [`MAX_LIST`] and sorted, so the same filters picked in another order give the same link.
/// `cmp` keeps its order, deduplicated, at most [`MAX_COMPARE`]; `cmp_docs` is empty or two distinct ids;
/// over-long ids are dropped; `claim` is kept only with an open `doc`; dates are valid `YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD`. `decode` and `ViewState::apply` always return canonical states.
pub fn canonical(s: ViewState) -> ViewState {
    let mut filters = s.filters;
    for f in Facet::ALL {
        filters[f] = canon_facet(f, std::mem::take(&mut filters[f]));
    }
    let doc = s.doc.as_deref().and_then(clean_id);
    let claim = if doc.is_some() { s.claim.as_deref().and_then(clean_id) } else { None };
    ViewState {
        corpus: s.corpus.as_deref().and_then(clean_id),
        q: clean_query(&s.q),
        filters,
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
