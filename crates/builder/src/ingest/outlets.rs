//! The outlets of the configuration, recognised by any of their names on a line or inside it.
use std::collections::HashMap;

use counterclaim_core::config::CorpusConfig;
use counterclaim_core::text::fold;

use super::lines::{name_like, strip_decor};
use crate::phrase::PhraseMatcher;

pub(super) struct Outlets {
    pub(super) names: Vec<String>,
    pub(super) exact: HashMap<String, usize>,
    pub(super) matcher: PhraseMatcher,
}

impl Outlets {
    pub(super) fn new(config: &CorpusConfig) -> Self {
        let mut names = Vec::new();
        let mut exact = HashMap::new();
        let mut phrases = Vec::new();
        for (i, o) in config.outlets.iter().enumerate() {
            names.push(o.name.clone());
            for a in std::iter::once(&o.name).chain(o.aliases.iter()) {
                let f = fold(a.trim());
                if !f.is_empty() {
                    exact.entry(f).or_insert(i);
                    phrases.push((a.as_str(), i));
                }
            }
        }
        Outlets { names, exact, matcher: PhraseMatcher::new(phrases) }
    }

    /// The canonical outlet when `s` is exactly one of its names (ignoring case and decoration).
    pub(super) fn exact(&self, s: &str) -> Option<String> {
        let s = strip_decor(s);
        if s.is_empty() || s.len() > 80 {
            return None;
        }
        self.exact.get(&fold(s)).map(|&i| self.names[i].clone())
    }

    /// The first known outlet named anywhere in `s`.
    pub(super) fn mentioned(&self, s: &str) -> Option<String> {
        self.matcher.find_all(s).first().map(|m| self.names[m.value].clone())
    }

    /// An outlet the text gives as a credit: canonical when known, else as written if it looks like a name.
    pub(super) fn credit(&self, s: &str) -> Option<String> {
        let s = strip_decor(s);
        if let Some(o) = self.exact(s) {
            return Some(o);
        }
        let w = s.split_whitespace().count();
        let stop = ["file", "photo", "photos", "video", "update", "updated", "live", "watch", "ap photo", "reuters photo"];
        (name_like(s) && (1..=5).contains(&w) && !stop.contains(&s.to_lowercase().as_str())).then(|| s.to_string())
    }
}
