//! `counterclaim site ARTICLES_DIR --out OUT_DIR [--app APP_DIR] [--single FILE | --no-single]`: a ready static
//! site for any folder of articles, from the prebuilt app (no Trunk, no wasm rebuild): the app copied, the
//! corpus packed beside it and its first view prerendered (`page`), then the finishing step (`finish`).
use std::path::{Path, PathBuf};
use std::time::Instant;

use counterclaim_app::prerender::is_data_file;
use counterclaim_site::sw::SW_FILE;

use crate::finish::{self, canonical, Single};

/// What `site` is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteArgs {
    pub articles: PathBuf,
    pub out: PathBuf,
    /// The prebuilt app (default `dist/`, what `make build` writes).
    pub app: PathBuf,
    pub single: Single,
}

/// The folder `make build` writes the release app to.
pub const DEFAULT_APP: &str = "dist";

/// Write the site; prints what was written, with sizes, and the time taken.
pub fn run(a: &SiteArgs) -> Result<(), String> {
    let t0 = Instant::now();
    check_app(&a.app)?;
    let corpus = crate::load(&a.articles)?;
    crate::print_notes(&corpus);
    prepare_out(&a.out, &a.app, &a.articles)?;
    copy_app(&a.app, &a.out)?;
    let w = crate::page::write_corpus(&a.out, corpus)?;
    let single = finish::finish(&a.out, &a.single)?;
    println!(
        "counterclaim: site of {} documents, {} claims ({} notes) from {} in {:.2} s:",
        w.documents,
        w.claims,
        w.notes,
        a.articles.display(),
        t0.elapsed().as_secs_f64()
    );
    let mut total = 0;
    for rel in finish::list_tree(&a.out)? {
        let size = std::fs::metadata(a.out.join(&rel)).map(|m| m.len()).unwrap_or(0);
        total += size;
        if !counterclaim_core::shelf::is_shard_file(&rel) {
            println!("  {:>10}  {}", kb(size), a.out.join(&rel).display());
        }
    }
    let shards = a.out.join(format!("{}….pack", counterclaim_core::shelf::SHARD_PREFIX));
    println!("  {:>10}  {} ({} files: the articles' texts, fetched as they are read)", kb(w.texts as u64), shards.display(), w.shards);
    println!("  {:>10}  {} (the site)", kb(total), a.out.display());
    if let Some((path, size)) = single {
        println!("  {:>10}  {} (the single file)", kb(size as u64), path.display());
    }
    Ok(())
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// `app` holds a built app: an `index.html` naming the wasm, the glue, the stylesheet and a corpus, all there.
fn check_app(app: &Path) -> Result<(), String> {
    let missing = |why: String| {
        Err(format!("{}: {why}: no prebuilt app there. Run `make build` (it writes dist/), or pass --app DIR", app.display()))
    };
    if !app.is_dir() {
        return missing("no such folder".into());
    }
    let html = match std::fs::read_to_string(app.join("index.html")) {
        Ok(h) => h,
        Err(e) => return missing(format!("index.html: {e}")),
    };
    let names = match counterclaim_site::single::app_files(&html) {
        Ok(n) => n,
        Err(e) => return missing(e.to_string()),
    };
    let absent = [&names.wasm, &names.glue, &names.stylesheet].into_iter().find(|f| !app.join(f).is_file()).cloned();
    match absent {
        Some(f) => missing(format!("{f} is missing")),
        None => Ok(()),
    }
}

/// Make `out` an empty folder: a new one, an empty one, or an earlier site (an `index.html` and a `sw.js`),
/// whose files go. Never the app's folder, one inside it or around it, or one holding the articles.
fn prepare_out(out: &Path, app: &Path, articles: &Path) -> Result<(), String> {
    let existed = out.exists();
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let (o, p, r) = (canonical(out)?, canonical(app)?, canonical(articles)?);
    let clash = if o.starts_with(&p) || p.starts_with(&o) {
        Some("the app's folder (--app)")
    } else if r.starts_with(&o) {
        Some("the articles")
    } else {
        None
    };
    if let Some(what) = clash {
        if !existed {
            let _ = std::fs::remove_dir(out);
        }
        return Err(format!("{}: --out must be a folder of its own, apart from {what}", out.display()));
    }
    let entries: Vec<_> = std::fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))?.flatten().collect();
    let earlier_site = out.join("index.html").is_file() && out.join(SW_FILE).is_file();
    if !(entries.is_empty() || earlier_site) {
        return Err(format!("{}: not empty and not a site written before: choose a new or empty folder", out.display()));
    }
    for e in entries {
        let p = e.path();
        let r = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
        r.map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok(())
}

/// Copy the app's files into `out`, but its corpus data file and its worker (both written anew) and dotfiles.
fn copy_app(app: &Path, out: &Path) -> Result<(), String> {
    for rel in finish::list_tree(app)? {
        if is_data_file(&rel) || rel == SW_FILE {
            continue;
        }
        let to = out.join(&rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::copy(app.join(&rel), &to).map_err(|e| format!("{} → {}: {e}", app.join(&rel).display(), to.display()))?;
    }
    Ok(())
}
