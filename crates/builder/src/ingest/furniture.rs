//! Page furniture recognised line by line by general patterns: ads, forms, captions, credits, share bars, related-article lists, author bios.
use super::lines::{ends_sentence, name_like, starts_word_ci, strip_decor, word_count, DECOR};

/// Kinds of page furniture recognised line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Ad,
    CommentForm,
    Cookie,
    Caption,
    Copyright,
    Credit,
    Tags,
    AboutAuthor,
    Social,
    Navigation,
}

impl Furniture {
    /// Furniture that only appears after the article: nothing after it is article text.
    pub(super) fn ends_article(self) -> bool {
        matches!(self, Furniture::CommentForm | Furniture::Copyright | Furniture::Tags | Furniture::AboutAuthor)
    }
}

pub(super) const AD_LINES: &[&str] = &[
    "advertisement",
    "advertisment",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "sponsored post",
    "promoted",
    "promoted content",
    "paid content",
    "paid post",
    "partner content",
    "scroll to continue with content",
    "continue reading below",
    "article continues below",
    "story continues below",
    "continue reading",
];

pub(super) const FORM_PHRASES: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "cancel reply",
    "post comment",
    "submit comment",
    "post a comment",
    "add a comment",
    "write a comment",
    "email address will not be published",
    "required fields are marked",
    "save my name, email",
    "save my name and email",
    "notify me of follow-up",
    "notify me of new",
    "please enter your",
    "captcha",
    "you have entered an incorrect",
    "comments are closed",
    "log in to comment",
    "login to comment",
    "sign in to comment",
    "log in to leave a comment",
    "join the discussion",
    "be the first to comment",
    "akismet",
    "comment policy",
    "view comments",
    "show comments",
    "load comments",
    "no comments yet",
    "your comment",
    "comment moderation",
    "comments powered by",
];

pub(super) const FORM_FIELDS: &[&str] = &["name", "email", "e-mail", "website", "comment", "message", "your name", "your email"];

pub(super) const COOKIE_WORDS: &[&str] =
    &["we use", "accept", "consent", "policy", "this site", "this website", "browsing", "experience", "settings"];

pub(super) const CAPTION_PREFIXES: &[&str] = &[
    "file:",
    "file photo",
    "photo:",
    "photo by",
    "photo credit",
    "photos:",
    "image:",
    "image credit",
    "image source",
    "picture:",
    "pictured:",
    "caption:",
    "representational image",
    "representative image",
    "illustration:",
    "video:",
    "watch:",
    "graphic:",
];

pub(super) const CAPTION_MARKS: &[&str] = &[
    "(ap photo",
    "(photo:",
    "(photo by",
    "(photo credit",
    "(photo/",
    "(photo)",
    "(image:",
    "(image credit",
    "(credit:",
    "(file photo",
    "(file)",
    "getty images",
    "/afp",
    "afp/",
    "afp photo",
    "(reuters/",
    "reuters/",
    "/reuters",
    "| photo",
    "(epa",
    "/epa",
    "shutterstock",
    "photo credit:",
    "image credit:",
];

pub(super) const CREDIT_PREFIXES: &[&str] = &[
    "reporting by",
    "(reporting by",
    "editing by",
    "additional reporting",
    "writing by",
    "compiled by",
    "translated by",
    "source:",
    "sources:",
    "via:",
    "courtesy:",
    "courtesy of",
    "with inputs from",
    "(with inputs",
];

pub(super) const TAG_PREFIXES: &[&str] =
    &["tags:", "tags", "tagged:", "tagged with", "topics:", "filed under", "categories:", "category:", "keywords:", "posted in"];

pub(super) const ABOUT_AUTHOR: &[&str] = &[
    "about the author",
    "about author",
    "author bio",
    "author profile",
    "more from this author",
    "more by this author",
    "more articles by",
    "view all posts by",
    "see all articles by",
    "all posts by",
];

pub(super) const SOCIAL_PREFIXES: &[&str] = &[
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "follow us",
    "follow on",
    "join our",
    "join us on",
    "download our app",
    "download the app",
    "get the app",
    "support our",
    "support us",
    "donate",
    "newsletter",
    "get the latest",
    "stay updated",
    "stay informed",
    "like us on",
    "share this",
    "share on",
    "share via",
    "share article",
    "click to share",
    "click here to",
    "skip to",
    "back to top",
    "jump to",
    "toggle navigation",
    "open menu",
    "close menu",
    "listen to this article",
    "print this",
    "email this",
    "send us",
    "contact us",
    "all rights",
    "terms of use",
    "privacy policy",
];

/// Words of share bars and navigation menus; a short line made only of these (with at least one strong one) is furniture.
pub(super) const NAV_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "mail",
    "print",
    "pinterest",
    "linkedin",
    "reddit",
    "tumblr",
    "vk",
    "messenger",
    "viber",
    "copy",
    "link",
    "url",
    "home",
    "menu",
    "search",
    "subscribe",
    "login",
    "log",
    "in",
    "sign",
    "up",
    "register",
    "newsletter",
    "next",
    "previous",
    "prev",
    "article",
    "story",
    "post",
    "back",
    "to",
    "top",
    "skip",
    "content",
    "main",
    "close",
    "open",
    "toggle",
    "navigation",
    "follow",
    "us",
    "on",
    "comments",
    "comment",
    "reply",
    "more",
    "tags",
    "contact",
    "about",
    "privacy",
    "policy",
    "terms",
    "of",
    "use",
    "cookie",
    "cookies",
    "accept",
    "decline",
    "settings",
    "ok",
    "got",
    "it",
    "and",
    "the",
    "rss",
    "feed",
    "youtube",
    "instagram",
    "tiktok",
    "whatsapp",
    "sharing",
    "print",
    "copied",
];
pub(super) const NAV_STRONG: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "print",
    "pinterest",
    "linkedin",
    "reddit",
    "tumblr",
    "messenger",
    "viber",
    "subscribe",
    "login",
    "newsletter",
    "home",
    "menu",
    "search",
    "comments",
    "privacy",
    "cookies",
    "rss",
    "youtube",
    "instagram",
    "tiktok",
    "navigation",
    "previous",
    "prev",
    "next",
    "toggle",
    "register",
    "sharing",
];

pub(super) const P_ADVERT: u8 = 0;
pub(super) const P_FORM: u8 = 1;
pub(super) const P_COOKIE: u8 = 2;
pub(super) const P_COOKIE_CONTEXT: u8 = 3;
pub(super) const P_CAPTION: u8 = 4;
pub(super) const P_RIGHTS: u8 = 5;
pub(super) const P_READ_TIME: u8 = 6;

/// One automaton for every "line contains …" phrase list; `phrase_hits` returns a bit per list that matched.
pub(super) fn phrase_automaton() -> &'static Option<(aho_corasick::AhoCorasick, Vec<u8>)> {
    static AC: std::sync::OnceLock<Option<(aho_corasick::AhoCorasick, Vec<u8>)>> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let lists: [(u8, &[&str]); 7] = [
            (P_ADVERT, &["advertisement"]),
            (P_FORM, FORM_PHRASES),
            (P_COOKIE, &["cookie"]),
            (P_COOKIE_CONTEXT, COOKIE_WORDS),
            (P_CAPTION, CAPTION_MARKS),
            (P_RIGHTS, &["all rights reserved"]),
            (P_READ_TIME, &["min read", "minute read", "mins read"]),
        ];
        let mut pats = Vec::new();
        let mut bits = Vec::new();
        for (bit, list) in lists {
            for p in list {
                pats.push(*p);
                bits.push(bit);
            }
        }
        aho_corasick::AhoCorasick::new(&pats).ok().map(|ac| (ac, bits))
    })
}

pub(super) fn phrase_hits(lc: &str) -> u32 {
    let Some((ac, bits)) = phrase_automaton() else { return 0 };
    let mut hits = 0u32;
    for m in ac.find_overlapping_iter(lc) {
        if let Some(&b) = bits.get(m.pattern().as_usize()) {
            hits |= 1 << b;
        }
    }
    hits
}

/// Classify a line as page furniture, by general patterns.
pub(super) fn furniture_kind(t: &str, words: usize) -> Option<Furniture> {
    if t.len() > 1200 {
        return None;
    }
    let lc = t.to_lowercase();
    let core = strip_decor(&lc);
    let hits = phrase_hits(&lc);
    let has = |p: u8| hits & (1 << p) != 0;
    // Advertisements and "continue reading" interstitials.
    if AD_LINES.contains(&core) || (words <= 8 && has(P_ADVERT)) {
        return Some(Furniture::Ad);
    }
    // Comment and captcha forms.
    if words <= 30 && has(P_FORM) {
        return Some(Furniture::CommentForm);
    }
    if words <= 3 && FORM_FIELDS.contains(&core.trim_end_matches(['*', ':', ' '])) && (t.contains('*') || t.contains(':')) {
        return Some(Furniture::CommentForm);
    }
    if words <= 80 && has(P_COOKIE) && has(P_COOKIE_CONTEXT) {
        return Some(Furniture::Cookie);
    }
    if has(P_CAPTION) || CAPTION_PREFIXES.iter().any(|p| starts_word_ci(core, p)) {
        return Some(Furniture::Caption);
    }
    if words <= 30 && (core.starts_with('©') || starts_word_ci(core, "copyright") || core.starts_with("(c) ") || has(P_RIGHTS)) {
        return Some(Furniture::Copyright);
    }
    if words <= 8 && ABOUT_AUTHOR.iter().any(|p| starts_word_ci(core, p)) {
        return Some(Furniture::AboutAuthor);
    }
    if words <= 30 && CREDIT_PREFIXES.iter().any(|p| starts_word_ci(lc.trim_start(), p)) {
        return Some(Furniture::Credit);
    }
    if words <= 40
        && TAG_PREFIXES.iter().any(|p| starts_word_ci(core, p))
        && (core.len() == 4 || core.contains(':') || !ends_sentence(core))
    {
        return Some(Furniture::Tags);
    }
    if words <= 15 && SOCIAL_PREFIXES.iter().any(|p| starts_word_ci(core, p)) {
        return Some(Furniture::Social);
    }
    if words <= 10 {
        let toks: Vec<&str> = lc
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ',' | '»' | '«' | '›'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .filter(|w| !w.is_empty())
            .collect();
        if !toks.is_empty() && toks.iter().all(|w| NAV_WORDS.contains(w)) && toks.iter().any(|w| NAV_STRONG.contains(w)) {
            return Some(Furniture::Social);
        }
        if toks.iter().all(|w| w.chars().all(|c| c.is_ascii_digit() || c == 'k' || c == '.'))
            || (words <= 5 && has(P_READ_TIME))
            || (words == 2 && {
                let mut w = lc.split_whitespace();
                w.next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k')))
                    && w.next().is_some_and(|x| matches!(x, "views" | "shares" | "comments" | "reads" | "likes"))
            })
        {
            return Some(Furniture::Navigation);
        }
    }
    // Breadcrumbs: "Home > News > Asia".
    if words <= 12 && !ends_sentence(t) && (t.contains(" > ") || t.contains(" » ") || t.contains(" › ")) {
        return Some(Furniture::Navigation);
    }
    None
}

/// Headings that introduce lists of other articles.
pub(super) const RELATED_HEADS: &[&str] = &[
    "related",
    "more in",
    "more from",
    "more on",
    "more news",
    "more articles",
    "more stories",
    "more posts",
    "more videos",
    "more like this",
    "more to read",
    "more headlines",
    "more for you",
    "more coverage",
    "read more",
    "read also",
    "also read",
    "see also",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "you may be interested",
    "recommended",
    "latest news",
    "latest posts",
    "latest articles",
    "latest stories",
    "latest updates",
    "recent posts",
    "recent news",
    "recent articles",
    "most read",
    "most popular",
    "most viewed",
    "popular posts",
    "popular news",
    "popular stories",
    "trending",
    "top stories",
    "editor's picks",
    "editors' picks",
    "editor’s picks",
    "don't miss",
    "don’t miss",
    "further reading",
    "other news",
    "in other news",
    "keep reading",
    "similar articles",
    "similar posts",
    "similar stories",
    "what to read next",
    "up next",
    "next up",
    "around the web",
    "from the web",
    "other articles",
];

/// A related-articles heading ("More in Security", "Related Posts") or an inline teaser ("Read more: …").
pub(super) fn related_marker(t: &str, words: usize) -> (bool, Option<String>) {
    if words > 30 || t.len() > 400 {
        return (false, None);
    }
    let core = t.trim_start_matches(DECOR);
    for h in RELATED_HEADS {
        if !starts_word_ci(core, h) {
            continue;
        }
        let rest = core[h.len()..].trim_start();
        let after_sep = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('-'))
            .or_else(|| rest.strip_prefix('–'))
            .or_else(|| rest.strip_prefix('—'))
            .or_else(|| rest.strip_prefix('»'))
            .or_else(|| rest.strip_prefix('|'))
            .or_else(|| rest.strip_prefix('>'));
        if let Some(item) = after_sep {
            let item = strip_decor(item.trim());
            if word_count(item) >= 2 {
                return (false, Some(item.to_string()));
            }
            return (words <= 8, None);
        }
        if words <= 8 && !ends_sentence(t) {
            return (true, None);
        }
    }
    (false, None)
}

pub(super) const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "holds",
    "has",
    "works",
    "worked",
    "writes",
    "wrote",
    "covers",
    "covered",
    "reports",
    "joined",
    "serves",
    "served",
    "studied",
    "graduated",
    "received",
    "earned",
    "previously",
];
pub(super) const BIO_ROLES: &[&str] = &[
    "journalist",
    "journalists",
    "journalism",
    "editor",
    "writer",
    "reporter",
    "correspondent",
    "columnist",
    "contributor",
    "freelance",
    "freelancer",
    "degree",
    "graduate",
    "blogger",
    "producer",
    "b.a.",
    "m.a.",
    "bachelor",
    "bachelor's",
    "master's",
    "phd",
];

/// An author biography: "<Name> holds a degree in journalism…", "She is a reporter…".
pub(super) fn bio_like(t: &str, words: usize) -> bool {
    if !(5..=80).contains(&words) {
        return false;
    }
    let toks: Vec<String> =
        t.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'').to_lowercase()).collect();
    if !toks.iter().any(|w| BIO_ROLES.contains(&w.trim_end_matches(['.', ',']).trim_end_matches("'s")) || BIO_ROLES.contains(&w.as_str())) {
        return false;
    }
    let raw: Vec<&str> = t.split_whitespace().collect();
    if matches!(toks[0].as_str(), "he" | "she" | "they") {
        return toks.get(1).is_some_and(|v| BIO_VERBS.contains(&v.as_str()));
    }
    let mut k = 0;
    while k < raw.len().min(5) && raw[k].chars().next().is_some_and(char::is_uppercase) && name_like(raw[k]) {
        k += 1;
    }
    (1..=4).contains(&k) && toks.get(k).is_some_and(|v| BIO_VERBS.contains(&v.as_str()))
}
