//! Article texts kept beside the corpus: which shard file holds which documents' bodies, and filling them in.
//!
//! A served page's pack leaves the documents' texts out (issue 20): everything the list, the facets, search and
//! the cards need is eager, and each run of documents' bodies is a content-hashed shard file fetched when the
//! reader (or a comparison's context, or an export) needs it. A document on the shelf keeps its first paragraph
//! when it has no title, so its display title is the same either way.
use serde::{Deserialize, Serialize};

use super::model::{Document, Paragraph};

/// How a text shard's file name starts (`corpus-text-<hash>.pack`; a data file like the pack, `corpus-….pack`).
pub const SHARD_PREFIX: &str = "corpus-text-";

/// Whether the file at `path` (relative to the pack) is a text shard, by its name.
pub fn is_shard_file(path: &str) -> bool {
    path.starts_with(SHARD_PREFIX) && path.ends_with(".pack")
}

/// A document's text: what a shard holds for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
}

impl Body {
    /// The text of `doc`.
    pub fn of(doc: &Document) -> Body {
        Body { body: doc.body.clone(), paragraphs: doc.paragraphs.clone() }
    }
}

/// Where the bodies of documents `first .. first + count` (positions in the corpus) are: a file beside the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRef {
    /// Its name, relative to the pack (`corpus-text-<hash>.pack`).
    pub file: String,
    pub first: u32,
    pub count: u32,
    /// Its size, for progress.
    pub bytes: u32,
}

impl ShardRef {
    /// The positions of the documents it holds.
    pub fn docs(&self) -> std::ops::Range<usize> {
        self.first as usize..(self.first + self.count) as usize
    }
}

/// The shards of a corpus whose texts are not in its pack, in document order; empty when every text is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shelf {
    pub shards: Vec<ShardRef>,
}

impl Shelf {
    /// The shard that holds the text of the document at position `doc`, if it is on the shelf.
    pub fn shard_of(&self, doc: usize) -> Option<&ShardRef> {
        self.position_of(doc).map(|k| &self.shards[k])
    }

    /// The position in `shards` of [`Shelf::shard_of`].
    pub fn position_of(&self, doc: usize) -> Option<usize> {
        let k = self.shards.partition_point(|s| (s.first + s.count) as usize <= doc);
        self.shards.get(k).filter(|s| s.docs().contains(&doc)).map(|_| k)
    }

    /// Whether every text is in the pack.
    pub fn is_empty(&self) -> bool {
        self.shards.is_empty()
    }

    /// The shelf's shards cover documents `0 .. documents` in order, each once, none empty.
    pub fn covers(&self, documents: usize) -> bool {
        let mut next = 0;
        for s in &self.shards {
            if s.first as usize != next || s.count == 0 {
                return false;
            }
            next += s.count as usize;
        }
        next == documents
    }
}

/// `doc` as a pack with a shelf keeps it: without its text, but for the first paragraph of a document that has
/// no title (its display title is made of it).
pub fn without_text(doc: &Document) -> Document {
    let first = doc.paragraphs.first().filter(|_| doc.title.is_none()).filter(|p| doc.body.get(p.start..p.end).is_some());
    let (body, paragraphs) = match first {
        Some(p) => (doc.body[..p.end].to_string(), vec![*p]),
        None => (String::new(), vec![]),
    };
    Document { body, paragraphs, ..doc.clone() }
}

/// `doc` with its text back.
pub fn with_text(doc: &Document, text: &Body) -> Document {
    Document { body: text.body.clone(), paragraphs: text.paragraphs.clone(), ..doc.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn doc(title: Option<&str>) -> Document {
        let body = "First words here. More.\n\nSecond paragraph.".to_string();
        let paragraphs = vec![Span { start: 0, end: 23 }, Span { start: 25, end: body.len() }];
        Document { id: "d".into(), file: "d.txt".into(), title: title.map(Into::into), body, paragraphs, ..Document::default() }
    }

    fn shard(first: u32, count: u32) -> ShardRef {
        ShardRef { file: format!("s{first}"), first, count, bytes: 1 }
    }

    #[test]
    fn a_document_off_its_text_keeps_its_display_title() {
        for d in [doc(None), doc(Some("A headline"))] {
            let off = without_text(&d);
            assert_eq!(off.display_title(), d.display_title());
            assert!(off.body.len() < d.body.len(), "the text is out: {:?}", off.body);
            assert_eq!(with_text(&off, &Body::of(&d)), d, "and back whole");
        }
        assert!(without_text(&doc(Some("T"))).body.is_empty(), "a titled document keeps no text");
    }

    #[test]
    fn the_shard_of_a_document() {
        let shelf = Shelf { shards: vec![shard(0, 2), shard(2, 1), shard(3, 4)] };
        let of = |d| shelf.shard_of(d).map(|s| s.first);
        assert_eq!([of(0), of(1), of(2), of(3), of(6), of(7)], [Some(0), Some(0), Some(2), Some(3), Some(3), None]);
        assert_eq!([shelf.position_of(1), shelf.position_of(5), shelf.position_of(9)], [Some(0), Some(2), None]);
        assert!(shelf.covers(7) && !shelf.covers(8) && !shelf.covers(6));
        assert!(!Shelf { shards: vec![shard(0, 2), shard(3, 1)] }.covers(4), "a gap");
        assert!(!Shelf { shards: vec![shard(0, 0)] }.covers(0), "an empty shard");
        assert!(Shelf::default().shard_of(0).is_none() && Shelf::default().covers(0));
        assert!(is_shard_file("corpus-text-00ff.pack") && !is_shard_file("corpus-00ff.pack") && !is_shard_file("a/corpus-text-0.pack"));
    }
}
