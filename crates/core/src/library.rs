//! The reader's own corpora as the page keeps them: their listing, ids, names, and which corpus a link opens.
use crate::model::{fnv1a, CorpusNote, NoteLevel};

/// One corpus in the browser's library, without its bytes (what the switcher lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// [`corpus_id`] of the pack as first imported; the `corpus` of a link into it.
    pub id: String,
    /// What the reader called it (renamable).
    pub name: String,
    /// Milliseconds since the epoch when it was imported.
    pub created: u64,
    pub docs: usize,
    pub claims: usize,
}

/// The id of a packed corpus: 12 hex digits of a stable hash of its bytes, so the same import is the same id.
pub fn corpus_id(pack: &[u8]) -> String {
    format!("{:012x}", fnv1a(pack) & 0xffff_ffff_ffff)
}

/// `wanted` (trimmed, "Untitled corpus" when blank), with " (2)", " (3)"… added when another corpus has that name.
pub fn unique_name<'a>(others: impl IntoIterator<Item = &'a str> + Clone, wanted: &str) -> String {
    let base = match wanted.trim() {
        "" => "Untitled corpus",
        w => w,
    };
    let taken = |n: &str| others.clone().into_iter().any(|o| o == n);
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|i| format!("{base} ({i})")).find(|n| !taken(n)).unwrap_or_default()
}

/// A name for a new import from the names of the files it could use (those without an error note): the first
/// one's title-ish stem, "and N more".
pub fn name_for(files: &[String], notes: &[CorpusNote]) -> String {
    let skipped = |f: &String| notes.iter().any(|n| n.level == NoteLevel::Error && n.file == *f);
    let used: Vec<&String> = files.iter().filter(|f| !skipped(f)).collect();
    let stem = |f: &str| {
        let base = f.rsplit(['/', '\\']).next().unwrap_or(f);
        base.rsplit_once('.').map_or(base, |(s, _)| s).replace(['_', '-'], " ").trim().to_string()
    };
    match used[..] {
        [] => String::new(),
        [one] => stem(one),
        [first, ref rest @ ..] => format!("{} and {} more", stem(first), rest.len()),
    }
}

/// Which corpus a link opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The corpus the page carries (no `corpus` in the link, or the page's own id).
    Embedded,
    /// One of the reader's own, by id.
    Stored(String),
    /// A corpus this browser does not have (the link came from someone else's import).
    Missing(String),
}

/// What `wanted` (a link's `corpus`) opens, given the page's own corpus id and the library's ids.
pub fn resolve<'a>(wanted: Option<&str>, embedded: Option<&str>, stored: impl IntoIterator<Item = &'a str>) -> Source {
    match wanted {
        None => Source::Embedded,
        Some(w) if Some(w) == embedded => Source::Embedded,
        Some(w) if stored.into_iter().any(|s| s == w) => Source::Stored(w.to_string()),
        Some(w) => Source::Missing(w.to_string()),
    }
}

/// The library's entries newest first (ties by name), as the switcher lists them.
pub fn sorted(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.name.cmp(&b.name)));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_twelve_hex_digits_and_follow_every_byte() {
        let a = corpus_id(b"pack one");
        assert_eq!(a.len(), 12);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a, corpus_id(b"pack one"));
        assert_ne!(a, corpus_id(b"pack onf"));
        assert_ne!(corpus_id(&[0xff, 0x00]), corpus_id(&[0xfe, 0x00]));
    }

    #[test]
    fn names_are_made_unique_and_never_blank() {
        assert_eq!(unique_name(["A", "B"], "C"), "C");
        assert_eq!(unique_name(["A", "A (2)"], " A "), "A (3)");
        assert_eq!(unique_name(Vec::<&str>::new(), "  "), "Untitled corpus");
    }

    #[test]
    fn a_new_import_is_named_after_its_files() {
        assert_eq!(name_for(&["dir/port_call-2024.html".into()], &[]), "port call 2024");
        assert_eq!(name_for(&["a.txt".into(), "b.txt".into(), "c.md".into()], &[]), "a and 2 more");
        assert_eq!(name_for(&[], &[]), "");
    }

    #[test]
    fn a_file_that_gave_nothing_is_not_counted_in_the_name() {
        let note = |file: &str, level| CorpusNote { file: file.into(), level, message: "binary".into() };
        let files = ["scan.txt".to_string(), "reservoir.txt".into(), "dam.html".into()];
        assert_eq!(name_for(&files, &[note("scan.txt", NoteLevel::Error)]), "reservoir and 1 more");
        assert_eq!(name_for(&files, &[note("scan.txt", NoteLevel::Warning)]), "scan and 2 more");
        assert_eq!(name_for(&files[..1], &[note("scan.txt", NoteLevel::Error)]), "");
    }

    #[test]
    fn a_link_opens_the_embedded_a_stored_or_a_missing_corpus() {
        assert_eq!(resolve(None, Some("e"), ["s"]), Source::Embedded);
        assert_eq!(resolve(Some("e"), Some("e"), ["s"]), Source::Embedded);
        assert_eq!(resolve(Some("s"), None, ["s"]), Source::Stored("s".into()));
        assert_eq!(resolve(Some("x"), None, ["s"]), Source::Missing("x".into()));
    }

    #[test]
    fn newest_first() {
        let e = |id: &str, created| Entry { id: id.into(), name: id.into(), created, docs: 0, claims: 0 };
        let ids: Vec<String> = sorted(vec![e("old", 1), e("new", 9), e("mid", 5)]).into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["new", "mid", "old"]);
    }
}
