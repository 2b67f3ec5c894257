//! End-to-end tests live in `tests/e2e/`. The library is the browser plumbing they share with the browser
//! benchmark (`counterclaim-bench`'s `browser_bench`): the loopback static server and Chromium's settings.
pub mod browser;
pub mod serve;
