//! Reading the packed corpus and index (postcard) that the builder wrote at build time: the app unpacks, never builds.
use serde::Deserialize;

use super::corpus::Corpus;
use super::search::Index;

/// `<link id="corpus" rel="preload" href="corpus-….pack">`: how a served page names its corpus data file.
pub const CORPUS_LINK_ID: &str = "corpus";
/// `<script type="application/octet-stream" id="counterclaim-data">`: the corpus inlined (base64) in the
/// single-file edition.
pub const CORPUS_INLINE_ID: &str = "counterclaim-data";

/// Bumped whenever the packed layout changes; a mismatch is reported, never misread.
pub const FORMAT: u32 = 4;

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

/// Decode standard base64 (the single-file edition inlines the pack so); ASCII whitespace is skipped,
/// `=` padding is optional. `None` for any other character or a dangling sextet.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // 6 bits left over can only come from a cut-off text: 4n+1 sextets encode nothing.
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The standard encoding, padded (what `counterclaim finish` writes with the `base64` crate).
    fn encode(data: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = String::new();
        for c in data.chunks(3) {
            let n = (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..4 {
                s.push(if i <= c.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
            }
        }
        s
    }

    #[test]
    fn base64_known_vectors() {
        assert_eq!(from_base64("TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(from_base64("TWE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(from_base64("TQ==").as_deref(), Some(&b"M"[..]));
        assert_eq!(from_base64(" TW\nFu ").as_deref(), Some(&b"Man"[..]));
        assert_eq!(from_base64("").as_deref(), Some(&b""[..]));
        assert_eq!(from_base64("TWFuT"), None, "a dangling sextet");
        assert_eq!(from_base64("TW-u"), None, "not the standard alphabet");
    }

    proptest! {
        #[test]
        fn base64_round_trips(data in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(from_base64(&encode(&data)), Some(data));
        }
    }
}
