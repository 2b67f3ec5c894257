//! The side-by-side comparison of the picked claims (`cmp=`): which claims, their shared words, the legend.
use super::terms::shared_terms;
use crate::corpus::Corpus;
use crate::text::sort;

/// What the comparison shows, computed once per set of picked claims.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// The picked claims that exist, in the order they were picked (indices into `corpus.claims`).
    pub claims: Vec<usize>,
    /// For each claim, the byte spans of its words shared with the others (see [`shared_terms`]).
    pub shared: Vec<Vec<(usize, usize)>>,
    /// Every entity the claims mention, sorted, once each: the legend.
    pub entities: Vec<String>,
}

/// The comparison of the claims with ids `ids` (unknown ids are left out).
pub fn comparison(corpus: &Corpus, ids: &[String]) -> Comparison {
    let claims: Vec<usize> = ids.iter().filter_map(|id| corpus.claim_index(id)).collect();
    let texts: Vec<&str> = claims.iter().map(|&i| corpus.claims[i].text.as_str()).collect();
    let shared = shared_terms(&texts);
    let mut entities: Vec<String> = claims.iter().flat_map(|&i| corpus.claims[i].entities.clone()).collect();
    sort(&mut entities);
    entities.dedup();
    Comparison { claims, shared, entities }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;

    fn claim(id: &str, text: &str, entities: &[&str]) -> Claim {
        Claim { id: id.into(), text: text.into(), entities: entities.iter().map(|e| e.to_string()).collect(), ..Claim::default() }
    }

    #[test]
    fn picked_claims_in_order_with_shared_words_and_one_legend() {
        let claims = vec![
            claim("a", "Daesh is defeated", &["isis"]),
            claim("b", "Daesh remains active in Kunar", &["kunar", "isis"]),
            claim("c", "Nothing shared", &[]),
        ];
        let corpus = Corpus::new(Default::default(), vec![], claims, vec![]);
        let cmp = comparison(&corpus, &["b".into(), "gone".into(), "a".into()]);
        assert_eq!(cmp.claims, vec![1, 0], "picking order, unknown ids left out");
        assert_eq!(cmp.shared, vec![vec![(0, 5)], vec![(0, 5)]], "\"Daesh\" is shared");
        assert_eq!(cmp.entities, vec!["isis".to_string(), "kunar".to_string()]);
        assert_eq!(comparison(&corpus, &[]), Comparison::default());
    }
}
