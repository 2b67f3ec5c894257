//! A speaker's page (`who=`): who they are and every claim they made, across documents, in date order.
use crate::corpus::Corpus;
use crate::text::sort_by;

/// One speaker's profile and claims.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpeakerPage {
    /// The name as the earliest claim gives it.
    pub name: String,
    /// The role as the earliest claim gives it.
    pub role: Option<String>,
    /// Their claims (indices into `corpus.claims`), undated first, then by date; corpus order within a date.
    pub claims: Vec<usize>,
}

/// The page of the speaker with id `speaker_id`, or `None` when no claim has that speaker.
pub fn speaker_page(corpus: &Corpus, speaker_id: &str) -> Option<SpeakerPage> {
    let mut claims: Vec<usize> = (0..corpus.claims.len()).filter(|&i| corpus.claims[i].speaker_id == speaker_id).collect();
    sort_by(&mut claims, |&a, &b| corpus.claims[a].date.cmp(&corpus.claims[b].date));
    let first = &corpus.claims[*claims.first()?];
    Some(SpeakerPage { name: first.speaker.clone(), role: first.role.clone(), claims })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;

    fn claim(id: &str, who: &str, name: &str, role: Option<&str>, date: Option<&str>) -> Claim {
        Claim {
            id: id.into(),
            speaker_id: who.into(),
            speaker: name.into(),
            role: role.map(Into::into),
            date: date.map(|d| d.parse().expect("a date")),
            ..Claim::default()
        }
    }

    #[test]
    fn a_speakers_claims_in_date_order_with_their_profile() {
        let claims = vec![
            claim("a", "zm", "Zabihullah Mujahid", Some("spokesman"), Some("2023-05-01")),
            claim("b", "other", "Someone Else", None, Some("2020-01-01")),
            claim("c", "zm", "Mujahid", None, Some("2021-03")),
            claim("d", "zm", "Z. Mujahid", None, Some("2023-05-01")),
            claim("e", "zm", "Zabihullah", Some("spokesperson"), None),
        ];
        let corpus = Corpus::new(Default::default(), vec![], claims, vec![]);
        let page = speaker_page(&corpus, "zm").expect("a speaker with claims");
        assert_eq!(page.claims, vec![4, 2, 0, 3], "undated first, then by date; ties keep corpus order");
        assert_eq!((page.name.as_str(), page.role.as_deref()), ("Zabihullah", Some("spokesperson")), "the earliest claim's profile");
        assert_eq!(speaker_page(&corpus, "nobody"), None);
    }
}
