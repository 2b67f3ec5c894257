//! The filter facets, described once: one row of [`FACETS`] per facet (URL key, label, kind of value).
use std::ops::{Index, IndexMut};

use crate::date::YEARS;
use crate::model::{ClaimKind, Stance};

/// A filter facet: one list of selected values in `ViewState::filters`.
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

/// What a facet's values are, which decides how they are checked, ordered and listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Free text (speaker id, side id, outlet name, entity id): cut to the length limit.
    Text,
    /// An id: an over-long one is dropped, not cut.
    Id,
    /// A stance name (`supports`, `refutes`, `neutral`).
    Stance,
    /// A claim kind name (`direct`, `indirect`).
    Kind,
    /// A four-digit year, or [`UNDATED_VALUE`].
    Year,
}

/// The `year` value of the claims without a date ("Undated" in the sidebar).
pub const UNDATED_VALUE: &str = "undated";
/// The `outlet` value of the claims whose document names no outlet ("Unknown outlet" in the sidebar).
pub const UNKNOWN_OUTLET_VALUE: &str = "(unknown)";

impl ValueKind {
    /// Whether a value is one this kind allows (text and ids are checked by the view's cleaning rules).
    pub fn accepts(self, v: &str) -> bool {
        match self {
            ValueKind::Text | ValueKind::Id => true,
            ValueKind::Stance => Stance::parse(v).is_some(),
            ValueKind::Kind => ClaimKind::parse(v).is_some(),
            ValueKind::Year => parse_year(v).is_some() || v == UNDATED_VALUE,
        }
    }

    /// Whether the facet lists its values in their natural order (never cut) rather than by count.
    pub fn fixed_order(self) -> bool {
        matches!(self, ValueKind::Stance | ValueKind::Kind | ValueKind::Year)
    }
}

/// One facet's description.
#[derive(Debug, Clone, Copy)]
pub struct FacetDef {
    pub facet: Facet,
    /// The URL key.
    pub key: &'static str,
    /// The heading shown above its values.
    pub label: &'static str,
    pub kind: ValueKind,
    /// A claim may have several values (entities) rather than at most one.
    pub multi: bool,
    /// Position of the key in an encoded URL (links keep the order they always had).
    pub url_pos: u8,
}

/// Every facet, in the order the sidebar and `QueryResult::facets` list them.
pub const FACETS: [FacetDef; 8] = [
    row(Facet::Speaker, "speaker", "Speaker", ValueKind::Text, false, 0),
    row(Facet::Side, "side", "Side", ValueKind::Text, false, 1),
    row(Facet::Stance, "stance", "Stance", ValueKind::Stance, false, 2),
    row(Facet::Outlet, "outlet", "Outlet", ValueKind::Text, false, 3),
    row(Facet::Year, "year", "Year", ValueKind::Year, false, 7),
    row(Facet::Entity, "entity", "Entity", ValueKind::Text, true, 4),
    row(Facet::Kind, "kind", "Kind", ValueKind::Kind, false, 5),
    row(Facet::Doc, "docs", "Document", ValueKind::Id, false, 6),
];

const fn row(facet: Facet, key: &'static str, label: &'static str, kind: ValueKind, multi: bool, url_pos: u8) -> FacetDef {
    FacetDef { facet, key, label, kind, multi, url_pos }
}

/// Number of facets.
pub const FACET_COUNT: usize = FACETS.len();

impl Facet {
    pub const ALL: [Facet; FACET_COUNT] = {
        let mut all = [Facet::Speaker; FACET_COUNT];
        let mut i = 0;
        while i < FACET_COUNT {
            all[i] = FACETS[i].facet;
            i += 1;
        }
        all
    };

    pub fn def(self) -> &'static FacetDef {
        &FACETS[self as usize]
    }

    /// The URL key.
    pub fn key(self) -> &'static str {
        self.def().key
    }

    pub fn label(self) -> &'static str {
        self.def().label
    }

    pub fn kind(self) -> ValueKind {
        self.def().kind
    }

    /// The facet with this URL key.
    pub fn from_key(key: &str) -> Option<Facet> {
        FACETS.iter().find(|d| d.key == key).map(|d| d.facet)
    }

    /// Facets in the order their keys stand in an encoded URL.
    pub fn in_url_order() -> [Facet; FACET_COUNT] {
        let mut all = Facet::ALL;
        all.sort_by_key(|f| f.def().url_pos);
        all
    }
}

/// A four-digit year in [`YEARS`].
pub fn parse_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok().filter(|y| YEARS.contains(y)))?
}

/// The selected values of every facet, as written in the URL (`refutes`, `2023`, a speaker id…).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Filters([Vec<String>; FACET_COUNT]);

impl Filters {
    /// Facets with at least one value selected, with their values.
    pub fn active(&self) -> impl Iterator<Item = (Facet, &[String])> {
        Facet::ALL.into_iter().map(|f| (f, self[f].as_slice())).filter(|(_, v)| !v.is_empty())
    }

    /// Number of selected values over all facets.
    pub fn count(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }

    pub fn clear(&mut self) {
        self.0.iter_mut().for_each(Vec::clear);
    }
}

impl Index<Facet> for Filters {
    type Output = Vec<String>;
    fn index(&self, f: Facet) -> &Vec<String> {
        &self.0[f as usize]
    }
}

impl IndexMut<Facet> for Filters {
    fn index_mut(&mut self, f: Facet) -> &mut Vec<String> {
        &mut self.0[f as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order_with_unique_keys_and_url_positions() {
        for (i, d) in FACETS.iter().enumerate() {
            assert_eq!(d.facet as usize, i, "{}", d.key);
            assert_eq!(Facet::from_key(d.key), Some(d.facet));
            assert!(!d.label.is_empty());
        }
        let mut pos: Vec<u8> = FACETS.iter().map(|d| d.url_pos).collect();
        pos.sort();
        assert_eq!(pos, (0..FACET_COUNT as u8).collect::<Vec<_>>());
    }

    #[test]
    fn value_kinds_accept_only_their_values() {
        assert!(ValueKind::Stance.accepts("refutes") && !ValueKind::Stance.accepts("REFUTES"));
        assert!(ValueKind::Kind.accepts("direct") && !ValueKind::Kind.accepts("quote"));
        assert!(ValueKind::Year.accepts("2021") && !ValueKind::Year.accepts("0999") && !ValueKind::Year.accepts("+2021"));
    }
}
