//! Index construction: the query index of `counterclaim_core::search` built in named passes over the corpus
//! (tokens and entities here; the facet and order passes are the core's, which the app reruns on corrections), linear in its size.
mod entities;
mod tokens;

use counterclaim_core::corpus::Corpus;
use counterclaim_core::highlight::Highlighter;
use counterclaim_core::search::Index;

/// Build the index of `corpus`.
pub fn build(corpus: &Corpus) -> Index {
    let t = tokens::Tokens::build(corpus);
    let entity_claims = entities::entity_claims(corpus, &t);
    let (stems, stem_tokens) = t.stems();
    Index {
        n: corpus.claims.len(),
        tokens: t.tokens,
        postings: t.postings,
        stems,
        stem_tokens,
        seq_offs: t.seq_offs,
        seq: t.seq,
        doc_seqs: t.doc_seqs,
        claim_doc: t.claim_doc,
        entity_claims,
        highlighter: Highlighter::new(&corpus.config),
        ..Index::default()
    }
    .with_facets_and_orders(corpus)
}
