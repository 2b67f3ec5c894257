//! Reading `corpus.toml` into the core's `CorpusConfig`, with an error that says where the file is wrong.
use std::fmt;

use counterclaim_core::config::CorpusConfig;

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
    toml::from_str(text).map_err(|e: toml::de::Error| ConfigError {
        message: e.message().to_string(),
        line: e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
    })
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
}
