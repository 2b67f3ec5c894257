//! The token pass: every claim's searched fields as folded token sequences, a sorted vocabulary and its postings.
use counterclaim_core::corpus::Corpus;
use counterclaim_core::search::{fold_fast, for_each_token, stem, FxMap, SEP};
use counterclaim_core::text::sort;

/// What the token pass yields (see the fields of the same names on `Index`).
pub(super) struct Tokens {
    pub tokens: Vec<String>,
    pub postings: Vec<Vec<u32>>,
    pub seq_offs: Vec<u32>,
    pub seq: Vec<u32>,
    pub doc_seqs: Vec<Vec<u32>>,
    /// Position of each claim's document in `corpus.documents` (`u32::MAX` for a claim without one).
    pub claim_doc: Vec<u32>,
}

/// Token ids in first-seen order, with the claims of each.
#[derive(Default)]
struct Vocab {
    ids: FxMap<String, u32>,
    postings: Vec<Vec<u32>>,
}

impl Vocab {
    fn id(&mut self, t: &str) -> u32 {
        if let Some(&i) = self.ids.get(t) {
            return i;
        }
        let i = self.postings.len() as u32;
        self.ids.insert(t.to_string(), i);
        self.postings.push(Vec::new());
        i
    }

    /// Append the folded tokens of `s` to `seq`.
    fn tokens_into(&mut self, s: &str, seq: &mut Vec<u32>) {
        let f = fold_fast(s);
        for_each_token(&f, |_, w| {
            let id = self.id(w);
            seq.push(id);
        });
    }

    fn post(&mut self, claim: u32, seq: &[u32]) {
        for &t in seq.iter().filter(|&&t| t != SEP) {
            let p = &mut self.postings[t as usize];
            if p.last() != Some(&claim) {
                p.push(claim);
            }
        }
    }
}

impl Tokens {
    pub fn build(corpus: &Corpus) -> Tokens {
        let n = corpus.claims.len();
        let doc_pos: FxMap<&str, usize> = corpus.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let mut vb = Vocab::default();
        // Titles are not searched: a claim matches on what it says and who says it, not on its article's
        // headline (a headline naming a group would match every claim of the article).
        let mut doc_seqs: Vec<Vec<u32>> = corpus
            .documents
            .iter()
            .map(|d| {
                let mut s = Vec::new();
                vb.tokens_into(d.outlet.as_deref().unwrap_or(""), &mut s);
                s
            })
            .collect();
        let mut t = Tokens {
            tokens: vec![],
            postings: vec![],
            seq_offs: vec![0],
            seq: Vec::with_capacity(n * 40),
            doc_seqs: vec![],
            claim_doc: vec![],
        };
        let mut one: Vec<u32> = Vec::new();
        for (i, c) in corpus.claims.iter().enumerate() {
            one.clear();
            // Always three separators, so the speaker is the second field even when the text has no token.
            for (k, field) in
                [Some(c.text.as_str()), Some(c.speaker.as_str()), c.role.as_deref(), c.affiliation.as_deref()].into_iter().enumerate()
            {
                if k > 0 {
                    one.push(SEP);
                }
                vb.tokens_into(field.unwrap_or(""), &mut one);
            }
            vb.post(i as u32, &one);
            let d = doc_pos.get(c.doc.as_str()).copied();
            if let Some(d) = d {
                vb.post(i as u32, &doc_seqs[d]);
            }
            t.claim_doc.push(d.map_or(u32::MAX, |d| d as u32));
            t.seq.extend_from_slice(&one);
            t.seq_offs.push(t.seq.len() as u32);
        }
        t.renumber_sorted(vb, &mut doc_seqs);
        t.doc_seqs = doc_seqs;
        t
    }

    /// Sort the vocabulary (prefix search is a binary search) and renumber every sequence to match.
    fn renumber_sorted(&mut self, vb: Vocab, doc_seqs: &mut [Vec<u32>]) {
        let mut order: Vec<(String, u32)> = vb.ids.into_iter().collect();
        sort(&mut order);
        let mut remap = vec![0u32; order.len()];
        let mut postings_old: Vec<Option<Vec<u32>>> = vb.postings.into_iter().map(Some).collect();
        for (new, (t, old)) in order.into_iter().enumerate() {
            remap[old as usize] = new as u32;
            self.tokens.push(t);
            self.postings.push(postings_old[old as usize].take().unwrap_or_default());
        }
        let re = |x: &mut u32| {
            if *x != SEP {
                *x = remap[*x as usize];
            }
        };
        self.seq.iter_mut().for_each(re);
        doc_seqs.iter_mut().for_each(|s| s.iter_mut().for_each(re));
    }

    /// The distinct stems of the (sorted) vocabulary, sorted, and the token ids of each. A stem that is its
    /// only token is left out: matching it is matching the token, which the token list already does.
    pub fn stems(&self) -> (Vec<String>, Vec<Vec<u32>>) {
        let mut pairs: Vec<(String, u32)> = self.tokens.iter().enumerate().map(|(i, t)| (stem(t).into_owned(), i as u32)).collect();
        sort(&mut pairs);
        let mut groups: Vec<(String, Vec<u32>)> = Vec::new();
        for (s, t) in pairs {
            match groups.last_mut() {
                Some(g) if g.0 == s => g.1.push(t),
                _ => groups.push((s, vec![t])),
            }
        }
        groups.retain(|(s, ids)| !(ids.len() == 1 && self.tokens[ids[0] as usize] == *s));
        groups.into_iter().unzip()
    }

    /// The token id of a folded token.
    pub fn token_id(&self, t: &str) -> Option<u32> {
        self.tokens.binary_search_by(|x| x.as_str().cmp(t)).ok().map(|i| i as u32)
    }

    /// The tokens of claim `i`'s text, its first field.
    pub fn text_seq(&self, i: usize) -> &[u32] {
        let all = &self.seq[self.seq_offs[i] as usize..self.seq_offs[i + 1] as usize];
        &all[..all.iter().position(|&t| t == SEP).unwrap_or(all.len())]
    }
}
