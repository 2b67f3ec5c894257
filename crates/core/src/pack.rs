//! Reading the packed corpus and index (postcard) that the builder wrote at build time: the app unpacks, never builds.
use serde::Deserialize;

use super::corpus::Corpus;
use super::search::Index;
use super::shelf::{with_text, Body, ShardRef, Shelf};

/// `<link id="corpus" rel="preload" href="corpus-….pack">`: how a served page names its corpus data file.
pub const CORPUS_LINK_ID: &str = "corpus";
/// `<script type="application/octet-stream" id="counterclaim-data">`: the corpus inlined (base64) in the
/// single-file edition.
pub const CORPUS_INLINE_ID: &str = "counterclaim-data";

/// Bumped whenever the packed layout changes; a mismatch is reported, never misread.
pub const FORMAT: u32 = 5;

/// A pack: the corpus and its index, then where the documents' texts are. Three forms, told apart by the last
/// two fields: whole (`shelf` and `bodies` empty, the texts in the documents), eager (`shelf` names the shard
/// files, `bodies` empty) and merged ([`merge`]: an eager pack with every shard's bodies appended, in order).
/// `bodies` is the last field, so an eager pack ends with its empty length (a zero byte) and merging is
/// appending.
#[derive(Deserialize)]
struct PackOwned {
    #[allow(dead_code)] // read first, on its own, by `unpack`
    format: u32,
    corpus: Corpus,
    index: Index,
    shelf: Vec<ShardRef>,
    bodies: Vec<Body>,
}

/// A shard file: the bodies of a run of documents.
#[derive(Deserialize)]
struct ShardOwned {
    #[allow(dead_code)] // read first, on its own, by `unshard`
    format: u32,
    bodies: Vec<Body>,
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

fn damaged(e: postcard::Error) -> UnpackError {
    UnpackError::Damaged(e.to_string())
}

/// The format number, which is the first field: checked before reading a layout that may have changed.
fn check_format(bytes: &[u8]) -> Result<&[u8], UnpackError> {
    let (format, rest) = postcard::take_from_bytes::<u32>(bytes).map_err(damaged)?;
    if format != FORMAT {
        return Err(UnpackError::Format { found: format });
    }
    Ok(rest)
}

/// Read what the builder's `pack` or `sharded` wrote (or [`merge`] made). The index gets its highlighter back
/// from the corpus configuration; an eager pack's corpus has its shelf (`Corpus::shelf`), a merged one none.
pub fn unpack(bytes: &[u8]) -> Result<(Corpus, Index), UnpackError> {
    check_format(bytes)?;
    let p: PackOwned = postcard::from_bytes(bytes).map_err(damaged)?;
    let mut corpus = p.corpus;
    let n = corpus.documents.len();
    match (p.shelf.is_empty(), p.bodies.len()) {
        (true, 0) => {}
        (_, b) if b == n => {
            for (d, text) in corpus.documents.iter_mut().zip(&p.bodies) {
                *d = with_text(d, text);
            }
        }
        (false, 0) => {
            corpus.shelf = Shelf { shards: p.shelf };
            if !corpus.shelf.covers(n) {
                return Err(UnpackError::Damaged(format!("its shards do not cover its {n} documents")));
            }
        }
        (_, b) => return Err(UnpackError::Damaged(format!("{b} texts for {n} documents"))),
    }
    let mut index = p.index;
    index.attach_highlighter(&corpus.config);
    Ok((corpus, index))
}

/// Read a shard file, which must hold the bodies `shard` says it does.
pub fn unshard(bytes: &[u8], shard: &ShardRef) -> Result<Vec<Body>, UnpackError> {
    check_format(bytes)?;
    let s: ShardOwned = postcard::from_bytes(bytes).map_err(damaged)?;
    if s.bodies.len() != shard.count as usize {
        return Err(UnpackError::Damaged(format!("{} holds {} texts, not {}", shard.file, s.bodies.len(), shard.count)));
    }
    Ok(s.bodies)
}

/// One whole pack from an eager pack and the contents of its shard files, in the shelf's order (what the
/// single file and the studio need): the bodies appended after the eager part. Checked by unpacking it.
pub fn merge(eager: &[u8], shards: &[Vec<u8>]) -> Result<Vec<u8>, UnpackError> {
    let Some((0, head)) = eager.split_last() else {
        return Err(UnpackError::Damaged("not an eager pack".into()));
    };
    let mut parts = Vec::with_capacity(shards.len());
    let mut total = 0u64;
    for s in shards {
        let rest = check_format(s)?;
        let (count, bodies) = postcard::take_from_bytes::<u64>(rest).map_err(damaged)?;
        total += count;
        parts.push(bodies);
    }
    let mut out = Vec::with_capacity(eager.len() + parts.iter().map(|p| p.len()).sum::<usize>() + 10);
    out.extend_from_slice(head);
    push_varint(&mut out, total);
    for p in parts {
        out.extend_from_slice(p);
    }
    unpack(&out)?;
    Ok(out)
}

/// Postcard's (LEB128) encoding of a length.
fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
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
