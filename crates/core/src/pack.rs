//! Reading the packed corpus and index (postcard) that the builder wrote at build time: the app unpacks, never builds.
use serde::Deserialize;

use super::corpus::Corpus;
use super::search::Index;

/// Bumped whenever the packed layout changes; a mismatch is reported, never misread.
pub const FORMAT: u32 = 3;

#[derive(Deserialize)]
struct PackOwned {
    #[allow(dead_code)] // read first, on its own, by `unpack`
    format: u32,
    corpus: Corpus,
    index: Index,
}

/// Why packed bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// Written by another version of the format.
    Format { found: u32 },
    /// Cut short or not a pack at all.
    Damaged(String),
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnpackError::Format { found } => write!(f, "packed corpus has format {found}, this build reads {FORMAT}"),
            UnpackError::Damaged(e) => write!(f, "packed corpus: {e}"),
        }
    }
}

impl std::error::Error for UnpackError {}

/// Read what the builder's `pack` wrote. The index gets its highlighter back from the corpus configuration.
pub fn unpack(bytes: &[u8]) -> Result<(Corpus, Index), UnpackError> {
    let damaged = |e: postcard::Error| UnpackError::Damaged(e.to_string());
    // The format number is the first field, so check it before reading a layout that may have changed.
    let (format, _) = postcard::take_from_bytes::<u32>(bytes).map_err(damaged)?;
    if format != FORMAT {
        return Err(UnpackError::Format { found: format });
    }
    let p: PackOwned = postcard::from_bytes(bytes).map_err(damaged)?;
    let mut index = p.index;
    index.attach_highlighter(&p.corpus.config);
    Ok((p.corpus, index))
}
