//! What can stop the finishing step: each error names what is missing or cannot be inlined.
use std::fmt;

/// A file the page names (or must name) for the single-file edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asset {
    /// `<link rel="modulepreload" href="….js">`: the wasm-bindgen JS glue.
    Glue,
    /// The app's wasm: Trunk's `<link rel="preload" href="…_bg.wasm">`, or the one its loader starts.
    Wasm,
    /// `<link rel="stylesheet" href="….css">` (exactly one).
    Stylesheet,
    /// `<link id="corpus" href="corpus-….pack">`: the corpus data file `counterclaim page` writes.
    Corpus,
}

impl Asset {
    fn describe(self) -> &'static str {
        match self {
            Asset::Glue => "the JS glue (<link rel=\"modulepreload\" href=\"….js\">)",
            Asset::Wasm => "the wasm (<link rel=\"preload\" href=\"….wasm\">, or in the loader's init call)",
            Asset::Stylesheet => "one stylesheet (<link rel=\"stylesheet\" href=\"….css\">)",
            Asset::Corpus => "the corpus data file (<link id=\"corpus\">): did `counterclaim page` run?",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// `index.html` has no `<head>` (where the policy goes).
    NoHead,
    /// `index.html` has no `</body>` (where the single file's code goes).
    NoBody,
    /// `index.html` does not name this file.
    NotNamed(Asset),
    /// The JS glue exports no init function as `default`.
    NoInit,
    /// The text of `what` contains `closing`, so it cannot be inlined.
    CannotInline { what: &'static str, closing: &'static str },
    /// The build's files have no `index.html` (the service worker's fallback page).
    NoIndex,
    /// `index.html` has no Trunk loader (an inline module script calling `await init(`).
    NoLoader,
    /// The packed corpus (`pack` bytes) is over what one file opened from disk should hold (`limit` bytes).
    TooLarge { pack: usize, limit: usize },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::NoHead => write!(f, "index.html has no <head> to put the Content-Security-Policy in"),
            SiteError::NoBody => write!(f, "index.html has no </body> to put the single file's code before"),
            SiteError::NotNamed(a) => write!(f, "index.html names no {}", a.describe()),
            SiteError::NoInit => write!(f, "the JS glue exports no init function as default (`export {{ … as default }}`)"),
            SiteError::CannotInline { what, closing } => write!(f, "{what} contains {closing}, so it cannot be inlined"),
            SiteError::NoIndex => write!(f, "the build has no index.html"),
            SiteError::NoLoader => write!(f, "index.html has no Trunk loader (an inline module script calling `await init(`)"),
            SiteError::TooLarge { pack, limit } => write!(
                f,
                "the corpus is {:.1} MB packed, over the single file's limit of {} MB (a browser opening one file that large from disk may stall or run out of memory): serve the site instead, or split the corpus",
                *pack as f64 / 1e6,
                limit / 1_000_000
            ),
        }
    }
}

impl std::error::Error for SiteError {}
