//! `counterclaim finish DIST [--single FILE | --no-single]`: the post-build step of a built app folder — the
//! served CSP in `index.html`, `sw.js`, the single-file edition — with the files read and written here and
//! everything else computed by `counterclaim_site`.
use std::path::{Path, PathBuf};

use counterclaim_core::pack;
use counterclaim_core::shelf::is_shard_file;
use counterclaim_site::{boot, csp, single, sw};

/// Where the single-file edition goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Single {
    /// `<DIR>-single/counterclaim.html`, beside the folder (never among the files its worker precaches).
    Beside,
    At(PathBuf),
    No,
}

/// The single file's path when none is given: `dist` → `dist-single/counterclaim.html`.
pub fn default_single(dir: &Path) -> Result<PathBuf, String> {
    let abs = if dir.file_name().is_some() { dir.to_path_buf() } else { canonical(dir)? };
    let name = abs.file_name().ok_or_else(|| format!("{}: name the single file with --single FILE", dir.display()))?;
    Ok(abs.with_file_name(format!("{}-single", name.to_string_lossy())).join("counterclaim.html"))
}

pub fn canonical(p: &Path) -> Result<PathBuf, String> {
    p.canonicalize().map_err(|e| format!("{}: {e}", p.display()))
}

/// Finish the app in `dir`; returns the single file's path and size when one was written.
pub fn finish(dir: &Path, single: &Single) -> Result<Option<(PathBuf, usize)>, String> {
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("{}: {e} (a built app has one: run `make build`, or trunk build, first)", index.display()))?;
    let html = boot::after_first_paint(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let (page, hashed) = csp::served_page(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    write(&index, page.as_bytes())?;
    eprintln!("counterclaim: CSP meta in {}: {hashed} inline script(s) hashed", index.display());
    let worker = sw::service_worker(&read_tree(dir)?).map_err(|e| format!("{}: {e}", dir.display()))?;
    write(&dir.join(sw::SW_FILE), worker.text.as_bytes())?;
    let texts = if worker.precaches_shards { "precached" } else { "each kept when first read" };
    eprintln!(
        "counterclaim: {}/{}: precaches {} files, cache {}; {} text shard(s), {texts}",
        dir.display(),
        sw::SW_FILE,
        worker.files.len(),
        worker.cache,
        worker.shards.len()
    );
    let out = match single {
        Single::No => return Ok(None),
        Single::At(p) => p.clone(),
        Single::Beside => default_single(dir)?,
    };
    let html = match single_file(dir, &page) {
        Ok(html) => html,
        // Asked for nothing in particular: the site stands without it, and the build says why there is none.
        Err(Refused::TooLarge(e)) if *single == Single::Beside => {
            eprintln!("counterclaim: no single-file edition: {e}");
            return Ok(None);
        }
        Err(e) => return Err(format!("{}: {e}", index.display())),
    };
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    write(&out, html.as_bytes())?;
    eprintln!("counterclaim: wrote {}: {} bytes", out.display(), html.len());
    Ok(Some((out, html.len())))
}

/// Why no single file was made: its corpus is too large for one, or something else went wrong.
#[derive(Debug)]
enum Refused {
    TooLarge(counterclaim_site::SiteError),
    Other(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::TooLarge(e) => write!(f, "{e}"),
            Refused::Other(e) => f.write_str(e),
        }
    }
}

impl From<String> for Refused {
    fn from(e: String) -> Refused {
        Refused::Other(e)
    }
}

/// The single-file edition of the served `page` in `dir`.
fn single_file(dir: &Path, page: &str) -> Result<String, Refused> {
    let names = single::app_files(page).map_err(|e| e.to_string())?;
    let read = |rel: &str| std::fs::read(dir.join(rel)).map_err(|e| format!("{}: {e}", dir.join(rel).display()));
    let text = |rel: &str| String::from_utf8(read(rel)?).map_err(|_| format!("{}: not UTF-8", dir.join(rel).display()));
    let (css, glue, wasm, eager) = (text(&names.stylesheet)?, text(&names.glue)?, read(&names.wasm)?, read(&names.corpus)?);
    let pack = whole_pack(dir, eager)?;
    let icon = names.icon_svg.as_deref().map(read).transpose()?;
    let parts = single::Parts { html: page, css: &css, glue: &glue, wasm: &wasm, pack: &pack, icon_svg: icon.as_deref(), corpus_id: None };
    counterclaim_site::single_file(&parts).map_err(|e| match e {
        counterclaim_site::SiteError::TooLarge { .. } => Refused::TooLarge(e),
        e => Refused::Other(e.to_string()),
    })
}

/// The page's corpus as one pack: the data file with the texts of its shard files (beside it in `dir`) merged in.
/// A corpus too large for a single file is said so before anything is unpacked; without shards the data file
/// is taken as it is.
fn whole_pack(dir: &Path, eager: Vec<u8>) -> Result<Vec<u8>, Refused> {
    let shards: Vec<String> = list_tree(dir)?.into_iter().filter(|f| is_shard_file(f)).collect();
    if shards.is_empty() {
        return Ok(eager);
    }
    let texts: u64 = shards.iter().filter_map(|f| dir.join(f).metadata().ok()).map(|m| m.len()).sum();
    let size = eager.len() + texts as usize;
    if size > single::MAX_PACK_BYTES {
        return Err(Refused::TooLarge(counterclaim_site::SiteError::TooLarge { pack: size, limit: single::MAX_PACK_BYTES }));
    }
    let (corpus, _) = pack::unpack(&eager).map_err(|e| e.to_string())?;
    if corpus.shelf.is_empty() {
        return Ok(eager);
    }
    let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("{}: {e} (a text shard the corpus names)", dir.join(f).display()));
    let shards = corpus.shelf.shards.iter().map(|s| read(&s.file)).collect::<Result<Vec<_>, _>>()?;
    Ok(pack::merge(&eager, &shards).map_err(|e| e.to_string())?)
}

/// Every file under `dir` the worker may precache, as `(relative path with '/', contents)`.
pub fn read_tree(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    for rel in list_tree(dir)? {
        let bytes = std::fs::read(dir.join(&rel)).map_err(|e| format!("{}: {e}", dir.join(&rel).display()))?;
        out.push((rel, bytes));
    }
    Ok(out)
}

/// The relative paths (with '/') of the files under `dir`, sorted; dotfiles and folders starting with `.` left out.
pub fn list_tree(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), String::new())];
    while let Some((d, prefix)) = todo.pop() {
        for e in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let e = e.map_err(|e| format!("{}: {e}", d.display()))?;
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            if e.path().is_dir() {
                todo.push((e.path(), format!("{rel}/")));
            } else {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn write(p: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(p, bytes).map_err(|e| format!("{}: {e}", p.display()))
}
