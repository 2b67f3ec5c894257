//! The import worker's and the studio's files, as Trunk writes them under fixed names (`counterclaim-worker.js`,
//! `…_bg.wasm`, `…_loader.js`; `counterclaim-studio.js`, `…_bg.wasm`), renamed after their content and named to the page
//! by `<meta name="counterclaim-worker">` and `<meta name="counterclaim-studio">`, so that a deploy is never served an old
//! one from a cache. Nothing preloads or precaches them: the page fetches them when someone imports or opens the settings.
use std::path::Path;

use counterclaim_app::page::{STUDIO_META, WORKER_META};
use counterclaim_app::studio::FAILED;
use counterclaim_core::model::fnv1a;

/// A wasm binary Trunk builds beside the app (`data-type="worker"`) that the page loads on demand.
struct OnDemand {
    /// Its Cargo binary name, which Trunk names its files after (and the service worker leaves out of its precache).
    bin: &'static str,
    /// The `<meta name>` that tells the page its script.
    meta: &'static str,
    /// A Web Worker, started by a loader that imports its glue; else a script of the page, its glue starting itself.
    worker: bool,
}

const WORKER: OnDemand = OnDemand { bin: counterclaim_site::sw::IMPORT_WORKER, meta: WORKER_META, worker: true };
const STUDIO: OnDemand = OnDemand { bin: counterclaim_site::sw::STUDIO, meta: STUDIO_META, worker: false };

/// Rename the worker's and the studio's files in `dir` after their content, write the worker's loader and name both
/// in `dir/index.html`.
pub fn hash(dir: &Path) -> Result<(), String> {
    hash_one(dir, &WORKER)?;
    hash_one(dir, &STUDIO).map(drop)
}

/// Rename one binary's files after their content and name its script in the page. Returns that script's name, or
/// `None` when the build has no such binary.
fn hash_one(dir: &Path, b: &OnDemand) -> Result<Option<String>, String> {
    let bin = b.bin;
    let (js, wasm) = (dir.join(format!("{bin}.js")), dir.join(format!("{bin}_bg.wasm")));
    if !wasm.exists() {
        return Ok(None);
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let glue_text = read(&js)?;
    let h = format!("{:016x}", fnv1a(&[glue_text.clone(), read(&wasm)?].concat()));
    remove_old(dir, bin, &h)?;
    let (glue, module) = (format!("{bin}-{h}.js"), format!("{bin}-{h}_bg.wasm"));
    let write = |p: &Path, s: &[u8]| std::fs::write(p, s).map_err(|e| format!("{}: {e}", p.display()));
    std::fs::rename(&wasm, dir.join(&module)).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::remove_file(&js).map_err(|e| format!("{}: {e}", js.display()))?;
    let _ = std::fs::remove_file(dir.join(format!("{bin}_loader.js")));
    let script = if b.worker {
        write(&dir.join(&glue), &glue_text)?;
        let loader = format!("{bin}-loader-{h}.js");
        write(&dir.join(&loader), format!("importScripts(\"./{glue}\");wasm_bindgen({{module_or_path:\"./{module}\"}});\n").as_bytes())?;
        loader
    } else {
        let start =
            format!("\nwasm_bindgen({{module_or_path:\"./{module}\"}}).catch(function(){{dispatchEvent(new Event(\"{FAILED}\"))}});\n");
        write(&dir.join(&glue), &[glue_text, start.into_bytes()].concat())?;
        glue
    };
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let named = name_in_page(&html, b.meta, &script).ok_or_else(|| format!("{}: no </head>", index.display()))?;
    write(&index, named.as_bytes())?;
    Ok(Some(script))
}

/// Earlier builds' hashed files of `bin` (any but hash `h`).
fn remove_old(dir: &Path, bin: &str, h: &str) -> Result<(), String> {
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&format!("{bin}-")) && !n.contains(h) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    Ok(())
}

/// `html` with `<meta name="{meta}" content="script">` last in `<head>` (replacing an earlier one).
fn name_in_page(html: &str, meta: &str, script: &str) -> Option<String> {
    let mut html = html.to_string();
    let open = format!("<meta name=\"{meta}\"");
    if let Some(at) = html.find(&open) {
        let end = at + html[at..].find('>')? + 1;
        html.replace_range(at..end, "");
    }
    let head = html.find("</head>")?;
    html.insert_str(head, &format!("{open} content=\"{script}\">"));
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("counterclaim-{name}-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("index.html"), "<html><head><title>t</title></head><body></body></html>").unwrap();
        d
    }

    fn names(d: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(d).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn the_worker_is_renamed_after_its_content_and_named_in_the_page() {
        let d = scratch("worker");
        assert_eq!(hash_one(&d, &WORKER), Ok(None), "no worker, nothing to do");
        let write = |n: &str, s: &str| std::fs::write(d.join(n), s).unwrap();
        for (n, s) in [("counterclaim-worker.js", "glue"), ("counterclaim-worker_bg.wasm", "wasm"), ("counterclaim-worker_loader.js", "x")]
        {
            write(n, s);
        }
        write("counterclaim-worker-0000000000000000.js", "an older build's");
        let loader = hash_one(&d, &WORKER).unwrap().unwrap();
        let h = loader.trim_start_matches("counterclaim-worker-loader-").trim_end_matches(".js").to_string();
        let want = [format!("counterclaim-worker-{h}.js"), format!("counterclaim-worker-{h}_bg.wasm"), loader.clone(), "index.html".into()];
        assert_eq!(names(&d), want);
        let shim = std::fs::read_to_string(d.join(&loader)).unwrap();
        assert!(
            shim.contains(&format!("importScripts(\"./counterclaim-worker-{h}.js\")")) && shim.contains(&format!("{h}_bg.wasm")),
            "{shim}"
        );
        let html = std::fs::read_to_string(d.join("index.html")).unwrap();
        assert!(html.contains(&format!("<meta name=\"counterclaim-worker\" content=\"{loader}\"></head>")), "{html}");
        assert_eq!(
            name_in_page(&html, WORKER_META, "other.js").unwrap().matches("counterclaim-worker\"").count(),
            1,
            "replaced, not added"
        );
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn the_studio_starts_itself_from_its_renamed_glue_and_is_named_in_the_page() {
        let d = scratch("studio");
        std::fs::write(d.join("counterclaim-studio.js"), "let wasm_bindgen;").unwrap();
        std::fs::write(d.join("counterclaim-studio_bg.wasm"), "wasm").unwrap();
        hash(&d).unwrap();
        let names = names(&d);
        let glue = names.iter().find(|n| n.ends_with(".js")).expect("the glue").clone();
        let h = glue.trim_start_matches("counterclaim-studio-").trim_end_matches(".js");
        assert_eq!(names, [glue.clone(), format!("counterclaim-studio-{h}_bg.wasm"), "index.html".into()], "no loader of its own");
        let text = std::fs::read_to_string(d.join(&glue)).unwrap();
        assert!(text.starts_with("let wasm_bindgen;\nwasm_bindgen({module_or_path:\"./counterclaim-studio-"), "{text}");
        assert!(text.contains(&format!("{h}_bg.wasm\"}})")) && text.contains(FAILED), "started with its module, failure said: {text}");
        let html = std::fs::read_to_string(d.join("index.html")).unwrap();
        assert!(html.contains(&format!("<meta name=\"counterclaim-studio\" content=\"{glue}\"></head>")), "{html}");
        assert!(!html.contains("counterclaim-worker"), "no worker built, none named");
        std::fs::remove_dir_all(&d).unwrap();
    }
}
