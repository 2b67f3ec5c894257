//! What a query does beyond its words, for the result bar: the names it also matches, and how to search literally.
use super::query::literal_query;
use super::Index;
use crate::config::CorpusConfig;
use crate::text::fold;

/// An unquoted name in the query that also matches the other names of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The name as typed.
    pub typed: String,
    /// The entity's label, e.g. "ISIS / Daesh".
    pub entity: String,
    /// Its other names (`EntityDef::names`: aliases, then label parts; not the typed name), in that order.
    pub also: Vec<String>,
    /// The query with this name quoted: the same search, literal for this name.
    pub literal: String,
}

impl Index {
    /// The unquoted names of `q` that stand for an entity, each with the other names it matches.
    pub fn expansions(&self, q: &str, config: &CorpusConfig) -> Vec<Expansion> {
        let query = self.parse(q);
        let mut out = Vec::new();
        for a in query.atoms() {
            let typed = q[a.range.0..a.range.1].to_string();
            let key = fold(&typed);
            for &e in &a.entities {
                let Some(def) = config.entities.get(e) else { continue };
                let mut also: Vec<String> = Vec::new();
                for al in def.names() {
                    let f = fold(al);
                    if f != key && !also.iter().any(|x| fold(x) == f) {
                        also.push(al.to_string());
                    }
                }
                out.push(Expansion { typed: typed.clone(), entity: def.label.clone(), also, literal: literal_query(q, a) });
            }
        }
        out
    }
}
