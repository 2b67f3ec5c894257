//! The release site's finishing step over strings and bytes (no file system): the served page's
//! Content-Security-Policy (`csp`), the wasm started after the first paint (`boot`), the service worker (`sw`)
//! and the single-file edition (`single`).
//! The CLI's `counterclaim finish` and `counterclaim site` read and write the files; the page's import
//! worker can call the same functions in the browser.
pub mod boot;
pub mod csp;
mod error;
pub mod html;
pub mod single;
pub mod sw;

pub use error::{Asset, SiteError};
pub use single::{single_file, AppFiles, Parts};
pub use sw::{service_worker, ServiceWorker};
