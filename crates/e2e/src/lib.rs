//! End-to-end tests live in `tests/e2e/`. The library is the loopback static server they share with the
//! browser benchmark (`counterclaim-bench`'s `browser_bench`).
pub mod serve;
