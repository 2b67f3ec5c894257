//! The reducer: `ViewState::apply` turns a state and an `Action` into the next canonical state.
use super::clean::{canonical, clean_id, clean_query, clean_value, is_partial_date};
use super::{Action, Facet, ViewState, MAX_COMPARE, MAX_LIST};

impl ViewState {
    /// The next state after `a`. Pure; the result is always canonical.
    pub fn apply(&self, a: Action) -> ViewState {
        let mut s = self.clone();
        match a {
            Action::SetQuery(q) => s.q = clean_query(&q),
            Action::Toggle(f, v) => s.toggle(f, &v),
            Action::ClearFacet(f) => s.filters[f].clear(),
            Action::ClearAll => {
                s.q.clear();
                s.filters.clear();
                (s.from, s.to) = (None, None);
            }
            Action::SetRange { from, to } => {
                let valid = |d: Option<String>| d.map(|d| d.trim().to_string()).filter(|d| is_partial_date(d));
                (s.from, s.to) = (valid(from), valid(to));
            }
            Action::SetSort(k) => s.sort = k,
            Action::OpenDoc { doc, claim } => {
                if let Some(d) = clean_id(&doc) {
                    s.doc = Some(d);
                    s.claim = claim.as_deref().and_then(clean_id);
                }
            }
            Action::CloseDoc => (s.doc, s.claim) = (None, None),
            Action::AddCompare(id) => s.add_compare(&id),
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
            Action::OpenSpeaker(id) => s.speaker_view = clean_id(&id).or(s.speaker_view),
            Action::CloseSpeaker => s.speaker_view = None,
            Action::SetPanel(p) => s.panel = p,
            Action::Replace(v) => s = v,
        }
        canonical(s)
    }

    /// Add `v` to facet `f` if absent (and the facet has room), remove it if present; invalid values do nothing.
    fn toggle(&mut self, f: Facet, v: &str) {
        let Some(v) = clean_value(f.kind(), v) else { return };
        let list = &mut self.filters[f];
        if let Some(i) = list.iter().position(|y| *y == v) {
            list.remove(i);
        } else if list.len() < MAX_LIST {
            list.push(v);
        }
    }

    /// Append a claim to the comparison; duplicates ignored, and refused when [`MAX_COMPARE`] are compared
    /// already (no claim is dropped silently: the UI says the comparison is full, see [`ViewState::compare_full`]).
    fn add_compare(&mut self, id: &str) {
        let Some(id) = clean_id(id) else { return };
        if !self.cmp.contains(&id) && !self.compare_full() {
            self.cmp.push(id);
        }
    }

    /// Whether the comparison holds [`MAX_COMPARE`] claims, so another cannot be added.
    pub fn compare_full(&self) -> bool {
        self.cmp.len() >= MAX_COMPARE
    }
}
