//! Reading `corpus.toml` into the core's `CorpusConfig` and `StanceLabels`, with an error that says where the
//! file is wrong.
use std::fmt;

use counterclaim_core::config::{CorpusConfig, StanceLabels};
use counterclaim_core::corrections::Correction;
use serde::Deserialize;

/// Why a `corpus.toml` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// What is wrong, as the TOML reader says it.
    pub message: String,
    /// The 1-based line it is on, when known.
    pub line: Option<usize>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "corpus.toml: line {l}: {}", self.message),
            None => write!(f, "corpus.toml: {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Parse the text of a `corpus.toml`.
pub fn parse(text: &str) -> Result<CorpusConfig, ConfigError> {
    toml::from_str(text).map_err(|e| error(text, e))
}

/// A whole `corpus.toml`: the configuration, its stance labels and its background entities.
pub fn parse_file(text: &str) -> Result<(CorpusConfig, StanceLabels, Vec<String>), ConfigError> {
    Ok((parse(text)?, parse_stance_labels(text)?, parse_background(text)?))
}

/// The `[stance_labels]` table of a `corpus.toml` (each label the generic one where absent).
pub fn parse_stance_labels(text: &str) -> Result<StanceLabels, ConfigError> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default)]
        stance_labels: StanceLabels,
    }
    toml::from_str::<File>(text).map(|f| f.stance_labels).map_err(|e| error(text, e))
}

/// The `[[correction]]` tables of a `corrections.toml`.
pub fn parse_corrections(text: &str) -> Result<Vec<Correction>, ConfigError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        correction: Vec<Correction>,
    }
    toml::from_str::<File>(text).map(|f| f.correction).map_err(|e| error(text, e))
}

/// The ids of the entities marked `background = true` in their `[[entity]]` (not coloured in the app).
pub fn parse_background(text: &str) -> Result<Vec<String>, ConfigError> {
    #[derive(Deserialize)]
    struct Entity {
        #[serde(default)]
        id: String,
        #[serde(default)]
        background: bool,
    }
    #[derive(Deserialize)]
    struct File {
        #[serde(default, rename = "entity")]
        entities: Vec<Entity>,
    }
    let f = toml::from_str::<File>(text).map_err(|e| error(text, e))?;
    Ok(f.entities.into_iter().filter(|e| e.background).map(|e| e.id).collect())
}

fn error(text: &str, e: toml::de::Error) -> ConfigError {
    ConfigError { message: e.message().to_string(), line: e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line() {
        let e = parse("question = \"q\"\n[[side]]\nid = 3\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().starts_with("corpus.toml: line 3: "), "{e}");
        assert!(parse("question = [unclosed").is_err());
        assert_eq!(parse("question = \"Is it?\"").unwrap().question, "Is it?");
    }

    #[test]
    fn background_entities_are_read_with_a_clear_error() {
        let t = "question = \"q\"\n[[entity]]\nid = \"here\"\nlabel = \"Here\"\nbackground = true\n[[entity]]\nid = \"x\"\nlabel = \"X\"\n";
        assert_eq!(parse_background(t).unwrap(), vec!["here".to_string()]);
        assert!(parse(t).is_ok(), "the rest of the configuration reads as before");
        let e = parse_background("[[entity]]\nid = \"here\"\nbackground = \"yes\"\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("bool"), "says a true/false is wanted: {e}");
    }

    #[test]
    fn stance_labels_are_optional() {
        assert_eq!(parse_stance_labels("question = \"q\"\n").unwrap(), StanceLabels::default());
        let l = parse_stance_labels("question = \"q\"\n[stance_labels]\nrefutes = \"Says it is over\"\n").unwrap();
        assert_eq!((l.supports.as_deref(), l.refutes.as_deref()), (None, Some("Says it is over")));
        assert!(
            parse("question = \"q\"\n[stance_labels]\nrefutes = \"Says it is over\"\n").is_ok(),
            "the rest of the file reads as before"
        );
        assert_eq!(parse_stance_labels("[stance_labels]\nsupports = 3\n").unwrap_err().line, Some(2));
    }
}
