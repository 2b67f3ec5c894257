//! The headless Chromium the end-to-end tests and the browser benchmark drive, through chromedriver.
use std::path::Path;

/// The Chromium binary: `$CHROMIUM`, else Debian's.
pub fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// The chromedriver binary: `$CHROMEDRIVER`, else Debian's.
pub fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

/// Chromium's flags: headless, in a window of `(width, height)`, with its own profile folder, and nothing
/// in the background (no updates, sync or first-run pages) to disturb what is tested or timed.
pub fn headless_args((w, h): (u32, u32), profile: &Path) -> Vec<String> {
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
    .map(String::from)
    .into();
    args.push(format!("--window-size={w},{h}"));
    args.push(format!("--user-data-dir={}", profile.display()));
    args
}
