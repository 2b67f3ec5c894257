//! The import worker's files, as Trunk writes them under fixed names (`counterclaim-worker.js`, `…_bg.wasm`,
//! `…_loader.js`), renamed after their content and named to the page by `<meta name="counterclaim-worker">`, so that
//! a deploy is never served an old worker from a cache. Nothing preloads or precaches them: the page fetches them when someone imports.
use std::path::Path;

use counterclaim_app::page::WORKER_META;
use counterclaim_core::model::fnv1a;

/// The worker's Cargo binary name, which Trunk names its files after (and the service worker leaves out of its precache).
const BIN: &str = counterclaim_site::sw::IMPORT_WORKER;

/// Rename the worker's files in `dir` after their content, write their loader and name it in `dir/index.html`. Returns
/// the loader's name, or `None` when the build has no worker.
pub fn hash(dir: &Path) -> Result<Option<String>, String> {
    let (js, wasm) = (dir.join(format!("{BIN}.js")), dir.join(format!("{BIN}_bg.wasm")));
    if !wasm.exists() {
        return Ok(None);
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let h = format!("{:016x}", fnv1a(&[read(&js)?, read(&wasm)?].concat()));
    remove_old(dir, &h)?;
    let (glue, module, loader) = (format!("{BIN}-{h}.js"), format!("{BIN}-{h}_bg.wasm"), format!("{BIN}-loader-{h}.js"));
    let rename = |from: &Path, to: &str| std::fs::rename(from, dir.join(to)).map_err(|e| format!("{}: {e}", from.display()));
    rename(&js, &glue)?;
    rename(&wasm, &module)?;
    let _ = std::fs::remove_file(dir.join(format!("{BIN}_loader.js")));
    let shim = format!("importScripts(\"./{glue}\");wasm_bindgen({{module_or_path:\"./{module}\"}});\n");
    let write = |p: &Path, s: &str| std::fs::write(p, s).map_err(|e| format!("{}: {e}", p.display()));
    write(&dir.join(&loader), &shim)?;
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    write(&index, &name_in_page(&html, &loader).ok_or_else(|| format!("{}: no </head>", index.display()))?)?;
    Ok(Some(loader))
}

/// Earlier builds' hashed worker files (any but hash `h`).
fn remove_old(dir: &Path, h: &str) -> Result<(), String> {
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&format!("{BIN}-")) && !n.contains(h) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    Ok(())
}

/// `html` with `<meta name="counterclaim-worker" content="loader">` last in `<head>` (replacing an earlier one).
fn name_in_page(html: &str, loader: &str) -> Option<String> {
    let mut html = html.to_string();
    let open = format!("<meta name=\"{WORKER_META}\"");
    if let Some(at) = html.find(&open) {
        let end = at + html[at..].find('>')? + 1;
        html.replace_range(at..end, "");
    }
    let head = html.find("</head>")?;
    html.insert_str(head, &format!("{open} content=\"{loader}\">"));
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_is_renamed_after_its_content_and_named_in_the_page() {
        let d = std::env::temp_dir().join(format!("counterclaim-worker-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        assert_eq!(hash(&d), Ok(None), "no worker, nothing to do");
        let write = |n: &str, s: &str| std::fs::write(d.join(n), s).unwrap();
        write("index.html", "<html><head><title>t</title></head><body></body></html>");
        for (n, s) in [("counterclaim-worker.js", "glue"), ("counterclaim-worker_bg.wasm", "wasm"), ("counterclaim-worker_loader.js", "x")]
        {
            write(n, s);
        }
        write("counterclaim-worker-0000000000000000.js", "an older build's");
        let loader = hash(&d).unwrap().unwrap();
        let h = loader.trim_start_matches("counterclaim-worker-loader-").trim_end_matches(".js").to_string();
        let mut names: Vec<String> =
            std::fs::read_dir(&d).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        let want = [format!("counterclaim-worker-{h}.js"), format!("counterclaim-worker-{h}_bg.wasm"), loader.clone(), "index.html".into()];
        assert_eq!(names, want);
        let shim = std::fs::read_to_string(d.join(&loader)).unwrap();
        assert!(
            shim.contains(&format!("importScripts(\"./counterclaim-worker-{h}.js\")")) && shim.contains(&format!("{h}_bg.wasm")),
            "{shim}"
        );
        let html = std::fs::read_to_string(d.join("index.html")).unwrap();
        assert!(html.contains(&format!("<meta name=\"counterclaim-worker\" content=\"{loader}\"></head>")), "{html}");
        assert_eq!(name_in_page(&html, "other.js").unwrap().matches("counterclaim-worker\"").count(), 1, "replaced, not added");
        std::fs::remove_dir_all(&d).unwrap();
    }
}
