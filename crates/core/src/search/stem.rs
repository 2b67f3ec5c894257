//! A light English stemmer for search: "deny", "denies", "denied" and "denying" share the stem "deny".
use std::borrow::Cow;

/// The stem of a folded token: plural and past/progressive endings taken off (-ies/-ied → -y, -s, -ed,
/// -ing, a doubled final consonant undone), then a final -e, so inflected forms of a word share a stem.
/// Short words, words with digits and non-ASCII words are their own stem. Deliberately light: it conflates
/// inflections, not derivations ("denial" keeps its own stem).
pub fn stem(w: &str) -> Cow<'_, str> {
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(w);
    }
    let mut s = strip_inflection(w);
    if s.len() > 3 && s.ends_with('e') {
        s.to_mut().pop();
    }
    s
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

/// The word without its one inflectional ending (or as it is).
fn strip_inflection(w: &str) -> Cow<'_, str> {
    if w.len() > 4 {
        if let Some(base) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
            return Cow::Owned(format!("{base}y"));
        }
    }
    if w.ends_with("eed") {
        return Cow::Borrowed(w); // "need", "agreed": no -ed to take off
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.len() >= 3 && has_vowel(base) {
                return Cow::Borrowed(undouble(base));
            }
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Cow::Borrowed(&w[..w.len() - 1]);
    }
    Cow::Borrowed(w)
}

/// "stopp" → "stop" (not "kill", "miss", "buzz").
fn undouble(s: &str) -> &str {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') && !has_vowel(&s[n - 1..]) {
        &s[..n - 1]
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for w in &words[1..] {
            assert_eq!(stem(w), first, "{w} and {} share a stem", words[0]);
        }
    }

    #[test]
    fn inflections_share_a_stem() {
        same(&["deny", "denies", "denied", "denying"]);
        same(&["destroy", "destroys", "destroyed", "destroying"]);
        same(&["defeat", "defeats", "defeated", "defeating"]);
        same(&["claim", "claims", "claimed"]);
        same(&["attack", "attacks", "attacked", "attacking"]);
        same(&["make", "makes", "making"]);
        same(&["stop", "stops", "stopped", "stopping"]);
        same(&["threat", "threats"]);
        same(&["country", "countries"]);
        same(&["kill", "killed", "kills"]);
    }

    #[test]
    fn short_and_special_words_stay() {
        for w in ["isis", "is", "us", "has", "was", "need", "agreed", "press", "news2", "état", "k"] {
            assert_eq!(stem(w), w);
        }
        assert_ne!(stem("denial"), stem("deny"), "derivations are not conflated");
    }
}
