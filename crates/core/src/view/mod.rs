//! `ViewState`, the single source of truth of what the user sees: the facets, its canonical form, URL codec, validation and reducer.
mod clean;
mod facet;
mod reducer;
mod url;
mod validate;

pub use clean::{canonical, is_partial_date};
pub use facet::{parse_year, Facet, FacetDef, Filters, ValueKind, FACETS, FACET_COUNT, UNDATED_VALUE, UNKNOWN_OUTLET_VALUE};
pub use url::{decode, encode, Decoded};

use crate::model::Stance;

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
    /// The reader's own corpus the view is of (`corpus`, an id in the browser's library); none for the page's
    /// embedded corpus.
    pub corpus: Option<String>,
    /// Search text (`q`).
    pub q: String,
    /// The selected values of every facet (`speaker`, `side`, `stance`, … `docs`), as written in the URL.
    pub filters: Filters,
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
    /// Append a claim to the comparison; duplicates ignored; refused (a no-op) when 4 are compared already.
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

    /// Whether the URL change after this action pushes a history entry (`false`: it replaces the current
    /// one). Every navigation pushes, and so does the first change of a search (`after_typing` is false when
    /// the previous change was no search edit), so Back returns to the view before the search; the
    /// following keystrokes of the same search replace that entry.
    pub fn pushes_history(&self, after_typing: bool) -> bool {
        self.is_navigation() || !after_typing
    }
}

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
        usize::from(!self.q.trim().is_empty()) + self.filters.count() + usize::from(self.from.is_some()) + usize::from(self.to.is_some())
    }

    /// The selected values of a facet, as written in the URL.
    pub fn facet_values(&self, f: Facet) -> &[String] {
        &self.filters[f]
    }

    /// Whether facet `f` has any value selected.
    pub fn is_active(&self, f: Facet) -> bool {
        !self.filters[f].is_empty()
    }

    /// Whether `value` (as written in the URL) is selected in facet `f`.
    pub fn is_selected(&self, f: Facet, value: &str) -> bool {
        self.filters[f].iter().any(|v| v == value)
    }

    /// The ways to loosen this view, each a button label and its action: clear the search, clear each
    /// active facet (in facet order), clear the date range. Offered when nothing matches.
    pub fn loosenings(&self) -> Vec<(String, Action)> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(("Clear the search".to_string(), Action::SetQuery(String::new())));
        }
        for f in Facet::ALL {
            if self.is_active(f) {
                out.push((format!("Clear the {} filter", f.label().to_lowercase()), Action::ClearFacet(f)));
            }
        }
        if self.from.is_some() || self.to.is_some() {
            out.push(("Clear the date range".to_string(), Action::SetRange { from: None, to: None }));
        }
        out
    }

    /// The view a cell of the stance map opens: this one with only `stance` and only `side` selected
    /// (`side` empty: any side).
    pub fn with_stance_and_side(&self, stance: Stance, side: &str) -> ViewState {
        let mut v = self.clone();
        v.filters[Facet::Stance] = vec![stance.as_str().to_string()];
        v.filters[Facet::Side] = if side.is_empty() { vec![] } else { vec![side.to_string()] };
        v
    }
}

#[cfg(test)]
mod tests;
