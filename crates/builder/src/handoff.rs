//! What "Download as a single file" carries: the page's packed corpus with the reader's corrections written in.
use counterclaim_core::corrections::Corrections;
use counterclaim_core::pack;

/// `packed` with `stored` (the page's corrections, [`Corrections::to_text`]) applied as a build applies
/// `corrections.toml`: each corrected claim keeps the machine's original, "not a claim" leaves the index.
/// Unreadable stored lines are left out and named in the second value.
pub fn with_corrections(packed: &[u8], stored: &str) -> Result<(Vec<u8>, Vec<String>), String> {
    let (corpus, index) = pack::unpack(packed).map_err(|e| e.to_string())?;
    let (fixes, problems) = if stored.is_empty() { (Corrections::default(), vec![]) } else { Corrections::from_text(stored) };
    if fixes.is_empty() {
        return Ok((packed.to_vec(), problems));
    }
    let (corpus, index, _) = fixes.apply_to(&corpus, &index);
    Ok((crate::pack::pack(&corpus, &index), problems))
}

#[cfg(test)]
mod tests {
    use super::*;
    use counterclaim_core::config::CorpusConfig;
    use counterclaim_core::corrections::Correction;
    use counterclaim_core::model::Stance;

    fn packed() -> Vec<u8> {
        let config = CorpusConfig { question: "Is the bridge safe?".into(), ..Default::default() };
        let text = "Bridge report\n\nThe city engineer, Ana Ruiz, said: \"The bridge is safe and will stay open.\"\n\n\
                    Residents said the cracks show the bridge is not safe.\n";
        let corpus = crate::corpus::build(config, &[("a.txt", text.as_bytes())]);
        crate::pack::pack(&corpus, &crate::index::build(&corpus))
    }

    #[test]
    fn a_stance_correction_is_in_the_pack_with_the_original_kept() {
        let before = packed();
        let (corpus, _) = pack::unpack(&before).unwrap();
        let claim = corpus.claims.first().expect("a claim").clone();
        let to = if claim.stance == Stance::Refutes { Stance::Supports } else { Stance::Refutes };
        let mut fixes = Corrections::default();
        fixes.set(Correction { claim: claim.id.clone(), stance: Some(to), ..Default::default() });
        let (after, problems) = with_corrections(&before, &fixes.to_text()).unwrap();
        assert!(problems.is_empty());
        let (fixed, _) = pack::unpack(&after).unwrap();
        let c = fixed.claim(&claim.id).expect("same id");
        assert_eq!(c.stance, to);
        assert!(c.corrected.is_some(), "the machine's original is kept");
    }

    #[test]
    fn no_corrections_leave_the_pack_as_it_was_and_a_broken_pack_is_an_error() {
        let before = packed();
        assert_eq!(with_corrections(&before, "").unwrap().0, before);
        assert!(with_corrections(b"not a pack", "").is_err());
    }
}
