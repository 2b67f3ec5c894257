//! Lexing a clean body: word/punctuation tokens with byte offsets, prose blocks, quotations and sentences.
use counterclaim_core::text::fold;

/// Family of a quotation mark: “double” / "straight", ‘single’ / 'straight', «angle».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fam {
    Double,
    Single,
    Angle,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// An opening quotation mark (paired).
    Open(Fam),
    /// A closing quotation mark (paired).
    Close(Fam),
    /// The opening mark that continues a quotation into a new paragraph.
    Reopen,
    /// Boundary between two blocks (paragraphs).
    Para,
}

/// A token's folded form, stored inline when short (most words) to spare an allocation per token.
#[derive(Clone)]
pub enum Lc {
    Inline(u8, [u8; 22]),
    Heap(Box<str>),
}

impl Lc {
    pub fn new(s: &str) -> Lc {
        if s.len() <= 22 {
            let mut buf = [0u8; 22];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Lc::Inline(s.len() as u8, buf)
        } else {
            Lc::Heap(s.into())
        }
    }
    /// ASCII lower case of an ASCII word.
    fn ascii_lower(s: &str) -> Lc {
        let mut l = Lc::new(s);
        match &mut l {
            Lc::Inline(n, buf) => buf[..*n as usize].make_ascii_lowercase(),
            Lc::Heap(b) => *b = b.to_ascii_lowercase().into(),
        }
        l
    }
    /// The bytes, without the UTF-8 check `as_str` makes: what comparisons (the hot path) use.
    fn bytes(&self) -> &[u8] {
        match self {
            Lc::Inline(n, buf) => &buf[..*n as usize],
            Lc::Heap(b) => b.as_bytes(),
        }
    }
    pub fn as_str(&self) -> &str {
        match self {
            // Only ever built from a whole `&str`, so the bytes are valid UTF-8.
            Lc::Inline(n, buf) => std::str::from_utf8(&buf[..*n as usize]).unwrap_or(""),
            Lc::Heap(b) => b,
        }
    }
}

impl std::ops::Deref for Lc {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}
impl PartialEq<&str> for Lc {
    fn eq(&self, o: &&str) -> bool {
        self.bytes() == o.as_bytes()
    }
}
impl PartialEq<str> for Lc {
    fn eq(&self, o: &str) -> bool {
        self.bytes() == o.as_bytes()
    }
}
impl PartialEq for Lc {
    fn eq(&self, o: &Lc) -> bool {
        self.bytes() == o.bytes()
    }
}
impl std::fmt::Debug for Lc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// One token; `s..e` are byte offsets into the body.
#[derive(Debug, Clone)]
pub struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    /// Folded lower-case form (words) or the character itself (punctuation).
    pub lc: Lc,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Whitespace (or a block start) right before the token.
    pub sp: bool,
    /// Ordinal of the prose block (paragraph) the token belongs to.
    pub block: u32,
    /// Number of quotations enclosing the token (marks count for the outer level).
    pub depth: u8,
}

impl Tok {
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.lc == c
    }
    pub fn is_quote_mark(&self) -> bool {
        matches!(self.kind, Kind::Open(_) | Kind::Close(_) | Kind::Reopen)
    }
}

/// A paired quotation: token indices of its marks. `close` is the closing mark, or the block
/// boundary / end of text when the quotation was left open at the end of its paragraph.
#[derive(Debug, Clone)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    /// Whether `close` is a real closing mark.
    pub closed: bool,
    /// 0 for a top-level quotation.
    pub depth: usize,
}

/// The lexed document.
#[derive(Debug, Default)]
pub struct Lexed {
    pub toks: Vec<Tok>,
    /// Top-level and nested quotations, ordered by opening mark.
    pub quotes: Vec<Quote>,
    /// Sentences as token ranges `[a, b)`; a top-level quotation never straddles two sentences.
    pub sents: Vec<(usize, usize)>,
}

const QUOTE_CHARS: &[char] =
    &['"', '\'', '\u{201C}', '\u{201D}', '\u{201E}', '\u{2018}', '\u{2019}', '\u{00AB}', '\u{00BB}', '\u{2039}', '\u{203A}'];
const WORD_JOIN: &[char] = &['\'', '\u{2019}', '-', '\u{2010}', '\u{2011}', '.', '/', '&'];
const TERMINAL: &[char] = &['.', '!', '?', '\u{2026}', '"', '\u{201D}', '\u{2019}', '\'', '\u{00BB}', '\u{203A}'];

/// Abbreviations whose period does not end a sentence.
const ABBREV: &[&str] = &[
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig", "dr", "mr", "mrs", "ms", "prof", "sen", "rep", "gov", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "approx", "dept", "est", "fig", "hon", "pres", "rev", "gen'l", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "al",
];

/// Lex `body`: blocks are separated by blank lines, or by a single line break after sentence-final
/// punctuation (a short heading line is a block of its own). Blocks that are not prose (fewer than
/// four words, or not ending like a sentence) are left out, but still break paragraphs.
pub fn lex(body: &str) -> Lexed {
    let mut lx = Lexed::default();
    let mut block = 0u32;
    for (bs, be) in blocks(body) {
        let text = &body[bs..be];
        if !is_prose(text) {
            continue;
        }
        if lx.toks.last().is_some_and(|t| t.kind != Kind::Para) {
            lx.toks.push(Tok { s: bs, e: bs, kind: Kind::Para, lc: Lc::new(""), cap: false, sp: true, block, depth: 0 });
        }
        tokenize(body, bs, be, block, &mut lx.toks);
        block += 1;
    }
    pair_quotes(&mut lx);
    split_sentences(&mut lx);
    lx
}

/// Byte ranges of blocks (trimmed, non-empty).
fn blocks(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        lines.push((at, at + line.len()));
        at += line.len() + 1;
    }
    let mut cur: Option<(usize, usize)> = None;
    let mut prev_len = 0usize;
    for (ls, le) in lines {
        let raw = &body[ls..le];
        let t = raw.trim();
        if t.is_empty() {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            continue;
        }
        let s = ls + (raw.len() - raw.trim_start().len());
        let e = s + t.len();
        match cur {
            None => cur = Some((s, e)),
            Some((cs, ce)) => {
                let prev = &body[cs..ce];
                let ends_sentence = prev.trim_end().ends_with(TERMINAL) || prev.trim_end().ends_with(':');
                let next_lower = t.chars().next().is_some_and(|c| c.is_lowercase());
                let soft = !ends_sentence && (next_lower || prev_len >= 50);
                if soft {
                    cur = Some((cs, e));
                } else {
                    out.push((cs, ce));
                    cur = Some((s, e));
                }
            }
        }
        prev_len = t.chars().count();
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

/// Prose: at least four words and ends like a sentence (or with a colon introducing a quotation).
/// Whether a block is prose: four words or more ending a sentence (a closing quotation mark counts only after
/// sentence punctuation, so a subheading such as `Report a “fabrication”` is not), or a long run of words whose
/// end was cut off.
fn is_prose(text: &str) -> bool {
    let t = text.trim_end();
    let words = t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(12).count();
    let inner = t.trim_end_matches(['"', '\u{201D}', '\u{2019}', '\'', '\u{00BB}', '\u{203A}', ')']);
    let ends = inner.ends_with(['.', '!', '?', '\u{2026}', ':']);
    (ends && words >= 4) || words >= 12
}

/// Decode the char at byte `i` (ASCII fast path).
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

fn tokenize(body: &str, bs: usize, be: usize, block: u32, out: &mut Vec<Tok>) {
    let text = &body[bs..be];
    let mut i = 0;
    let mut sp = true;
    let bytes = text.as_bytes();
    while let Some(c) = char_at(text, i) {
        let cl = c.len_utf8();
        if c.is_ascii_whitespace() || !c.is_ascii() && (c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}') {
            sp = true;
            i += cl;
            continue;
        }
        let s = bs + i;
        if c.is_ascii_alphanumeric() || !c.is_ascii() && c.is_alphanumeric() {
            let mut e = i + cl;
            loop {
                // ASCII letters and digits first, without decoding.
                while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let Some(n) = char_at(text, e) else { break };
                let joins = !n.is_ascii() && n.is_alphanumeric()
                    || WORD_JOIN.contains(&n) && char_at(text, e + n.len_utf8()).is_some_and(char::is_alphanumeric);
                if !joins {
                    break;
                }
                e += n.len_utf8();
            }
            let w = &text[i..e];
            let lc = if w.is_ascii() { Lc::ascii_lower(w) } else { Lc::new(&fold(w)) };
            out.push(Tok { s, e: bs + e, kind: Kind::Word, lc, cap: c.is_uppercase(), sp, block, depth: 0 });
            i = e;
        } else {
            let mut buf = [0u8; 4];
            out.push(Tok { s, e: s + cl, kind: Kind::Punct, lc: Lc::new(c.encode_utf8(&mut buf)), cap: false, sp, block, depth: 0 });
            i += cl;
        }
        sp = false;
    }
}

fn quote_char(t: &Tok) -> Option<char> {
    if t.kind != Kind::Punct {
        return None;
    }
    let c = t.lc.chars().next()?;
    QUOTE_CHARS.contains(&c).then_some(c)
}

/// Pair quotation marks with a stack; a double quotation left open at the end of a paragraph
/// continues when the next paragraph opens with a quotation mark (news convention), otherwise it
/// ends with its paragraph. Single quotation marks left open are apostrophes.
fn pair_quotes(lx: &mut Lexed) {
    let n = lx.toks.len();
    // (family, token index, ascii straight mark)
    let mut stack: Vec<(Fam, usize)> = Vec::new();
    let mut quotes: Vec<Quote> = Vec::new();
    let mut i = 0;
    while i < n {
        let kind = lx.toks[i].kind;
        if kind == Kind::Para {
            if !stack.is_empty() {
                // Continue the bottom (outermost) quotation when the next block opens with a mark.
                let cont = i + 1 < n
                    && matches!(quote_char(&lx.toks[i + 1]), Some('"' | '\u{201C}' | '\u{201E}' | '\u{00AB}'))
                    && matches!(stack[0].0, Fam::Double | Fam::Angle);
                if cont {
                    stack.truncate(1);
                    lx.toks[i + 1].kind = Kind::Reopen;
                    i += 2;
                    continue;
                }
                close_all(&mut stack, &mut quotes, i, &mut lx.toks);
            }
            i += 1;
            continue;
        }
        let Some(c) = quote_char(&lx.toks[i]) else {
            i += 1;
            continue;
        };
        let prev = (i > 0).then(|| &lx.toks[i - 1]).filter(|p| p.kind != Kind::Para);
        let sp = lx.toks[i].sp;
        let next_sp = i + 1 >= n || lx.toks[i + 1].kind == Kind::Para || lx.toks[i + 1].sp;
        let opener_ctx =
            prev.is_none() || sp || prev.is_some_and(|p| p.kind == Kind::Punct && "([{\u{2013}\u{2014}-/".contains(p.lc.as_str()));
        let closer_ctx = prev.is_some() && !sp;
        let role: Option<(bool, Fam)> = match c {
            '\u{201C}' | '\u{201E}' => Some((true, Fam::Double)),
            '\u{201D}' => {
                if opener_ctx && !next_sp && !stack.iter().any(|(f, _)| *f == Fam::Double) {
                    Some((true, Fam::Double))
                } else {
                    Some((false, Fam::Double))
                }
            }
            '\u{00AB}' | '\u{2039}' => Some((true, Fam::Angle)),
            '\u{00BB}' | '\u{203A}' => Some((false, Fam::Angle)),
            '"' => {
                if opener_ctx && !next_sp {
                    Some((true, Fam::Double))
                } else if closer_ctx || stack.last().is_some_and(|(f, _)| *f == Fam::Double) {
                    Some((false, Fam::Double))
                } else {
                    Some((true, Fam::Double))
                }
            }
            '\u{2018}' => (!next_sp).then_some((true, Fam::Single)),
            _ => {
                // ’ or ': opening when it starts a word, closing when it ends one and a single quotation is open.
                if opener_ctx && !next_sp {
                    Some((true, Fam::Single))
                } else if closer_ctx && stack.iter().any(|(f, _)| *f == Fam::Single) {
                    Some((false, Fam::Single))
                } else {
                    None
                }
            }
        };
        match role {
            Some((true, f)) => stack.push((f, i)),
            Some((false, f)) => {
                if let Some(j) = stack.iter().rposition(|(g, _)| *g == f) {
                    stack.truncate(j + 1);
                    let (_, open) = stack.pop().unwrap();
                    lx.toks[open].kind = Kind::Open(f);
                    lx.toks[i].kind = Kind::Close(f);
                    quotes.push(Quote { open, close: i, closed: true, depth: j });
                }
            }
            None => {}
        }
        i += 1;
    }
    close_all(&mut stack, &mut quotes, n, &mut lx.toks);
    quotes.sort_by_key(|q| q.open);
    // Depth of every token.
    for q in &quotes {
        for t in &mut lx.toks[q.open + 1..q.close] {
            t.depth = t.depth.saturating_add(1);
        }
    }
    lx.quotes = quotes;
}

/// Close the quotations still open at a paragraph end: double/angle ones end there, single ones were apostrophes.
fn close_all(stack: &mut Vec<(Fam, usize)>, quotes: &mut Vec<Quote>, at: usize, toks: &mut [Tok]) {
    // Only the outermost double/angle quotation is closed implicitly; inner unclosed marks are dropped.
    if let Some(&(f, open)) = stack.first() {
        if f != Fam::Single && at > open + 1 {
            toks[open].kind = Kind::Open(f);
            quotes.push(Quote { open, close: at, closed: false, depth: 0 });
        }
    }
    stack.clear();
}

/// A word whose following period does not end a sentence ("Gen.", "U.S.", an initial).
pub fn is_abbrev(t: &Tok) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.lc.as_str();
    ABBREV.contains(&w) || (w.chars().count() == 1 && t.cap) || (w.contains('.') && w.len() <= 6)
}

/// Whether the token at `i` can start a sentence.
fn starts_sentence(toks: &[Tok], i: usize) -> bool {
    match toks.get(i) {
        None => true,
        Some(t) => match t.kind {
            Kind::Para | Kind::Open(_) | Kind::Reopen => true,
            Kind::Word => t.cap || t.lc.chars().next().is_some_and(|c| c.is_ascii_digit()),
            Kind::Punct => matches!(t.lc.as_str(), "(" | "[" | "\u{2026}" | "\"" | "\u{201C}" | "\u{2018}" | "\u{00AB}"),
            Kind::Close(_) => false,
        },
    }
}

/// Verbs that attribute the quoted question or exclamation before them ("“Why?” Osei asked.").
const ATTRIBUTING: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "stated",
    "wrote",
    "noted",
    "replied",
    "insisted",
    "warned",
    "explained",
    "continued",
    "declared",
];

/// Whether a short name then an attributing verb start at `i` (the quotation before them is theirs).
fn attribution_follows(toks: &[Tok], i: usize) -> bool {
    (i + 1..(i + 5).min(toks.len())).take_while(|&k| toks[k - 1].kind == Kind::Word && toks[k - 1].cap).any(|k| {
        let t = &toks[k];
        t.kind == Kind::Word && ATTRIBUTING.contains(&t.lc.as_str())
    })
}

fn split_sentences(lx: &mut Lexed) {
    let toks = &lx.toks;
    let n = toks.len();
    let mut start = 0;
    for i in 0..n {
        let t = &toks[i];
        if t.kind == Kind::Para {
            if t.depth == 0 {
                if start < i {
                    lx.sents.push((start, i));
                }
                start = i + 1;
            }
            continue;
        }
        if t.depth > 0 {
            continue;
        }
        let end_here = match t.kind {
            Kind::Punct if matches!(t.lc.as_str(), "." | "!" | "?" | "\u{2026}") => {
                let abbrev = t.lc == "." && i > 0 && !t.sp && is_abbrev(&toks[i - 1]);
                let next = i + 1;
                // Closing marks right after the period belong to this sentence.
                if next < n && matches!(toks[next].kind, Kind::Close(_)) {
                    false
                } else if abbrev {
                    // "U.S." or "Gen." end a sentence only before a paragraph break or a quotation.
                    next >= n || matches!(toks[next].kind, Kind::Para | Kind::Open(_))
                } else {
                    t.lc != "\u{2026}" && starts_sentence(toks, next) || (t.lc == "\u{2026}" && toks.get(next).is_some_and(|x| x.cap))
                }
            }
            Kind::Close(_) => {
                let before = &toks[i - 1];
                before.kind == Kind::Punct
                    && matches!(before.lc.as_str(), "." | "!" | "?")
                    && starts_sentence(toks, i + 1)
                    && !(before.lc != "." && attribution_follows(toks, i + 1))
            }
            _ => false,
        };
        if end_here {
            lx.sents.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < n {
        lx.sents.push((start, n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lx: &Lexed, a: usize, b: usize) -> String {
        lx.toks[a..b].iter().map(|t| t.lc.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn pairs_curly_straight_single_and_angle_quotes() {
        let body = "Nora Vale said: “The river is ‘calm’ today.” Then «Ja» he said \"fine now\" and 'go home' again.";
        let lx = lex(body);
        let tops: Vec<String> = lx.quotes.iter().filter(|q| q.depth == 0).map(|q| words(&lx, q.open + 1, q.close)).collect();
        assert_eq!(tops, vec!["the river is \u{2018} calm \u{2019} today .", "ja", "fine now", "go home"]);
        assert!(lx.quotes.iter().any(|q| q.depth == 1 && words(&lx, q.open + 1, q.close) == "calm"));
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let lx = lex("The farmers’ union and Ortiz’s team said it isn't over in the ’90s sense.");
        assert!(lx.quotes.is_empty(), "{:?}", lx.quotes);
    }

    #[test]
    fn quotation_continues_into_next_paragraph() {
        let body = "“We will build the bridge this year.\n\n“And we will finish the road,” the mayor said.";
        let lx = lex(body);
        assert_eq!(lx.quotes.len(), 1);
        let q = &lx.quotes[0];
        assert!(q.closed);
        assert_eq!(lx.sents.len(), 1);
        assert!(lx.toks.iter().any(|t| t.kind == Kind::Reopen));
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let body = "Gen. Ana Ruiz met U.S. envoys in Lima. “It went well. Truly,” she said. Talks resume Monday.";
        let lx = lex(body);
        let sents: Vec<String> = lx.sents.iter().map(|&(a, b)| words(&lx, a, b)).collect();
        assert_eq!(sents.len(), 3, "{sents:#?}");
        assert!(sents[1].starts_with("“ it went well"));
    }

    #[test]
    fn furniture_lines_are_skipped_and_soft_wraps_joined() {
        let body = "Breaking News\n\nThe council said on Friday that the\nbridge will reopen soon.\nShare this";
        let lx = lex(body);
        assert_eq!(lx.sents.len(), 1);
        assert_eq!(lx.toks.first().unwrap().lc, "the");
        assert_eq!(lx.toks.last().unwrap().lc, ".");
    }
}
