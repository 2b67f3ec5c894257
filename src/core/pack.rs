//! The corpus and its search index packed into bytes at build time (postcard), so the app starts without ingesting, extracting or indexing.
use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use super::search::Index;

/// Bumped whenever the packed layout changes; a mismatch is reported, never misread.
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct PackRef<'a> {
    format: u32,
    corpus: &'a Corpus,
    index: &'a Index,
}

#[derive(Deserialize)]
struct PackOwned {
    #[allow(dead_code)] // read first, on its own, by `unpack`
    format: u32,
    corpus: Corpus,
    index: Index,
}

/// Serialize a corpus with its index. The configuration's extraction-only parts (known actors, outlet
/// names, the stance lexicon) stay behind: the app never extracts, and they were a quarter of the seed pack.
pub fn pack(corpus: &Corpus, index: &Index) -> Vec<u8> {
    let mut config = corpus.config.clone();
    config.actors.clear();
    config.outlets.clear();
    config.stance = Default::default();
    let slim = Corpus::new(config, corpus.documents.clone(), corpus.claims.clone(), corpus.notes.clone());
    postcard::to_allocvec(&PackRef { format: FORMAT, corpus: &slim, index }).expect("a corpus always serializes")
}

/// Read what [`pack`] wrote. The index gets its highlighter back from the corpus configuration.
pub fn unpack(bytes: &[u8]) -> Result<(Corpus, Index), String> {
    // The format number is the first field, so check it before reading a layout that may have changed.
    let (format, _) = postcard::take_from_bytes::<u32>(bytes).map_err(|e| format!("packed corpus: {e}"))?;
    if format != FORMAT {
        return Err(format!("packed corpus has format {format}, this build reads {FORMAT}"));
    }
    let p: PackOwned = postcard::from_bytes(bytes).map_err(|e| format!("packed corpus: {e}"))?;
    let mut index = p.index;
    index.attach_highlighter(&p.corpus.config);
    Ok((p.corpus, index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::CorpusConfig;
    
    fn corpus() -> Corpus {
        let cfg = CorpusConfig::from_toml(include_str!("../../seeds/corpus.toml")).unwrap();
        let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
            .collect();
        let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        Corpus::build(cfg, &refs)
    }

    #[test]
    fn unpack_gives_back_the_corpus_and_an_index_that_answers_the_same() {
        let c = corpus();
        let index = Index::new(&c);
        let (c2, i2) = unpack(&pack(&c, &index)).unwrap();
        assert_eq!(c2.documents, c.documents);
        assert_eq!(c2.claims, c.claims);
        assert_eq!(c2.notes, c.notes);
        assert_eq!((&c2.config.question, &c2.config.sides, &c2.config.entities), (&c.config.question, &c.config.sides, &c.config.entities));
        assert!(c2.config.actors.is_empty() && c2.config.stance.supports.is_empty(), "extraction-only parts are not packed");
        for q in ["", "q=daesh", "q=isis", "stance=refutes", "q=%22no+longer%22&side=us", "sort=speaker", "entity=isis&year=2024"] {
            let v = crate::core::view::decode(q).state;
            let (a, b) = (index.query(&c, &v), i2.query(&c2, &v));
            assert_eq!(a.claims, b.claims, "{q}");
            assert_eq!(a.facets, b.facets, "{q}");
        }
        let claim = &c.claims[0];
        assert_eq!(index.highlighter().entity_spans(&claim.text), i2.highlighter().entity_spans(&claim.text));
    }

    #[test]
    fn damaged_or_foreign_bytes_are_an_error_not_a_panic() {
        let c = corpus();
        let bytes = pack(&c, &Index::new(&c));
        assert!(unpack(&[]).is_err());
        assert!(unpack(&bytes[..bytes.len() / 2]).is_err());
        let mut other = bytes.clone();
        other[0] = (FORMAT + 1) as u8;
        assert!(unpack(&other).unwrap_err().contains("format"));
    }
}
