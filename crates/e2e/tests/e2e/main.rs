//! End-to-end tests: the release `dist/` served on 127.0.0.1, driven in Debian's Chromium via chromedriver.
mod actions;
mod checks;
mod harness;
mod locators;

mod compare;
mod explorer;
mod foundation;
mod links;
mod pictures;
mod offline;
mod hostile;
mod scale;
