//! The corpus configuration (`seeds/corpus.toml`): question, sides, entity aliases, outlets, actors, stance lexicon.
use serde::{Deserialize, Serialize};

use crate::model::Stance;

/// Everything corpus-specific lives here, never in code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusConfig {
    /// The question claims take a stance on.
    pub question: String,
    #[serde(default, rename = "side")]
    pub sides: Vec<SideDef>,
    #[serde(default, rename = "entity")]
    pub entities: Vec<EntityDef>,
    #[serde(default, rename = "outlet")]
    pub outlets: Vec<OutletDef>,
    #[serde(default, rename = "actor")]
    pub actors: Vec<ActorDef>,
    #[serde(default)]
    pub stance: StanceLexicon,
}

/// A side of the debate, e.g. `islamic-emirate` / "Islamic Emirate".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SideDef {
    pub id: String,
    pub label: String,
    /// Words in a speaker's name, role or affiliation that place them on this side
    /// (e.g. "Pentagon", "CENTCOM" for the US government).
    #[serde(default)]
    pub markers: Vec<String>,
}

/// A canonical entity and the names it goes by.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl EntityDef {
    /// Every name the entity goes by in a text: its aliases, then the parts of its label ("ISIS / Daesh",
    /// "Chinese navy (PLA Navy)": each part; a first-time user writes "China" as the label and only the other
    /// spellings as aliases). Names without a letter ("2019") are left out, and each name comes once.
    pub fn names(&self) -> Vec<&str> {
        let parts = self.label.split(['/', '(', ')']).map(str::trim);
        let mut out: Vec<&str> = Vec::with_capacity(self.aliases.len() + 2);
        for n in self.aliases.iter().map(|a| a.trim()).chain(parts) {
            if n.chars().any(char::is_alphabetic) && !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                out.push(n);
            }
        }
        out
    }
}

/// Distinct entity colours (`--e0` … in the app's stylesheet, checked for contrast in both themes).
pub const ENTITY_COLOURS: usize = 12;

/// How an entity's mentions are marked in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityMark {
    /// Not coloured: a background entity (`background = true` in its `[[entity]]`: the setting of the whole
    /// corpus, named on nearly every card; still searched and a facet value), or one the configuration does
    /// not list.
    Plain,
    /// Colour number `n` (`0..ENTITY_COLOURS`), the same in every view.
    Colour(usize),
    /// Beyond the palette: a pattern (`n % 4`) and the entity's label written beside the mention, never a
    /// colour another entity has.
    Pattern(usize),
}

/// A news outlet and the spellings that name it in a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutletDef {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A known person or body, with their side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorDef {
    /// Canonical name.
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub side: Option<String>,
}

/// Words and phrases that carry a stance toward the question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StanceLexicon {
    #[serde(default)]
    pub supports: Vec<String>,
    #[serde(default)]
    pub refutes: Vec<String>,
    /// Negators that flip a cue that follows them closely ("not", "no longer").
    #[serde(default)]
    pub negators: Vec<String>,
}

/// What the stance badges say when pointed at, in the words of the corpus's question: `[stance_labels]` in
/// `corpus.toml`, e.g. `supports = "Says the groups are active or a threat"`. Each is optional; without it
/// the badge says what the stance means for any question. The app's wording only, so it travels beside
/// [`CorpusConfig`] (which ingest and extraction read) as `Corpus::stance_labels`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StanceLabels {
    pub supports: Option<String>,
    pub refutes: Option<String>,
    pub neutral: Option<String>,
}

impl StanceLabels {
    /// What the badge of `stance` says: the configured wording, else a generic one.
    pub fn title(&self, stance: Stance) -> &str {
        let (configured, generic) = match stance {
            Stance::Supports => (&self.supports, "Supports the question's claim"),
            Stance::Refutes => (&self.refutes, "Refutes the question's claim"),
            Stance::Neutral => (&self.neutral, "Takes no clear position"),
        };
        configured.as_deref().unwrap_or(generic)
    }
}

impl CorpusConfig {
    pub fn side(&self, id: &str) -> Option<&SideDef> {
        self.sides.iter().find(|s| s.id == id)
    }

    pub fn side_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.side(id).map(|s| s.label.as_str()).unwrap_or(id)
    }

    pub fn entity(&self, id: &str) -> Option<&EntityDef> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn entity_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map(|e| e.label.as_str()).unwrap_or(id)
    }

    /// How an entity is marked: its position among the coloured (not background) entities of the
    /// configuration picks its colour, so it is the same in every view and no two entities share one.
    /// `background`: the ids of the background entities (`Corpus::background`).
    pub fn entity_mark(&self, id: &str, background: &[String]) -> EntityMark {
        let coloured = |e: &&EntityDef| !background.contains(&e.id);
        let Some(k) = self.entities.iter().filter(coloured).position(|x| x.id == id) else { return EntityMark::Plain };
        if k < ENTITY_COLOURS {
            EntityMark::Colour(k)
        } else {
            EntityMark::Pattern(k - ENTITY_COLOURS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_names_are_aliases_then_label_parts() {
        let e = |label: &str, aliases: &[&str]| EntityDef {
            id: "x".into(),
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        assert_eq!(e("China", &["PRC", "Chinese"]).names(), vec!["PRC", "Chinese", "China"]);
        assert_eq!(e("ISIS / Daesh", &["ISIS", "IS"]).names(), vec!["ISIS", "IS", "Daesh"]);
        assert_eq!(e("Chinese navy (PLA Navy)", &["PLAN"]).names(), vec!["PLAN", "Chinese navy", "PLA Navy"]);
        assert_eq!(e("Secret deal (2019)", &[]).names(), vec!["Secret deal"]);
    }

    #[test]
    fn stance_titles_are_configured_or_generic() {
        let mut l = StanceLabels::default();
        assert_eq!(l.title(Stance::Supports), "Supports the question's claim");
        assert_eq!(l.title(Stance::Refutes), "Refutes the question's claim");
        assert_eq!(l.title(Stance::Neutral), "Takes no clear position");
        l.refutes = Some("Says the groups are gone".into());
        assert_eq!(l.title(Stance::Refutes), "Says the groups are gone");
        assert_eq!(l.title(Stance::Supports), "Supports the question's claim");
    }

    #[test]
    fn every_entity_has_its_own_colour_or_a_pattern() {
        let ent = |id: String| EntityDef { id, ..EntityDef::default() };
        let c = CorpusConfig { entities: (0..15).map(|i| ent(format!("e{i}"))).collect(), ..CorpusConfig::default() };
        let bg = vec!["e2".to_string()];
        let mark = |id: &str| c.entity_mark(id, &bg);
        assert_eq!(mark("e0"), EntityMark::Colour(0));
        assert_eq!(mark("e2"), EntityMark::Plain, "a background entity is not coloured");
        assert_eq!(mark("e3"), EntityMark::Colour(2), "and takes no colour from the others");
        assert_eq!(mark("unknown"), EntityMark::Plain, "an unknown id borrows no colour");
        let marks: Vec<EntityMark> = (0..15).map(|i| mark(&format!("e{i}"))).filter(|m| *m != EntityMark::Plain).collect();
        for (i, a) in marks.iter().enumerate() {
            assert!(marks[i + 1..].iter().all(|b| b != a), "{a:?} is used twice");
        }
        assert_eq!(mark("e12"), EntityMark::Colour(11));
        assert_eq!(mark("e13"), EntityMark::Pattern(0), "beyond the palette: a pattern, not a repeat");
        assert_eq!(mark("e14"), EntityMark::Pattern(1));
        assert_eq!(c.entity_mark("e2", &[]), EntityMark::Colour(2));
    }
}
