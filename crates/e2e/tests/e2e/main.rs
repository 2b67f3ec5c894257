//! End-to-end tests: the release `dist/` served on 127.0.0.1, driven in Debian's Chromium via chromedriver.
mod actions;
mod checks;
mod harness;
mod locators;

mod a11y;
mod compare;
mod corrections;
mod explorer;
mod foundation;
mod hostile;
mod import;
mod library;
mod links;
mod offline;
mod pictures;
mod prerender;
mod reading;
mod scale;
mod site;
mod texts;
