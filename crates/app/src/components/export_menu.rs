//! Export the current view (what the filters show): CSV, JSON, JSON-LD and a Markdown citation list, and the
//! reader's corrections as `corrections.toml`, as downloads.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::corrections::{self, Corrections};
use counterclaim_core::{cite, export, view};

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub claims: Rc<Vec<usize>>,
}

/// Offer the reader's corrections as `corrections.toml` (what the build honours beside `corpus.toml`).
pub fn download_corrections(fixes: &Corrections) {
    download_file(corrections::FILE, "application/toml", &corrections::to_toml(&fixes.list()));
}

/// Offer `content` as a file download.
pub fn download_file(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = gloo::utils::document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("data-testid", "download-link").ok();
        if let Some(b) = doc.body() {
            let _ = b.append_child(&a);
            a.click();
            let _ = b.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The JSON export: it carries each claim's spans in its document's text, so when the texts are in shards the
/// shards of the claims' documents are fetched first.
#[cfg(target_arch = "wasm32")]
fn json_with_texts(corpus: super::CorpusRef, claims: Rc<Vec<usize>>, name: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let docs: Vec<&str> = claims.iter().map(|&i| corpus.claims[i].doc.as_str()).collect();
        let filled = match corpus.shelf.is_empty() {
            true => None,
            false => match crate::texts::with_texts_of(&corpus, &docs).await {
                Ok(c) => Some(c),
                Err(e) => {
                    let _ = gloo::utils::window()
                        .alert_with_message(&format!("The export needs the articles' texts, which could not be fetched: {e}"));
                    return;
                }
            },
        };
        let whole = filled.as_ref().unwrap_or(&corpus);
        let list: Vec<_> = claims.iter().map(|&i| &whole.claims[i]).collect();
        download_file(&name, "application/json", &export::to_json_subset(whole, &list));
    });
}

#[function_component(ExportMenu)]
pub fn export_menu(p: &ExportMenuProps) -> Html {
    let ctx = use_ctx();
    let current = super::use_view();
    // What "compared" exports: the claims of the comparison, in its order.
    let compared: Rc<Vec<usize>> = Rc::new(current.cmp.iter().filter_map(|id| ctx.claim_index(id)).collect());
    let make = |fmt: &'static str, which: Rc<Vec<usize>>| {
        let (ctx, claims, current) = (ctx.clone(), which, current.clone());
        Callback::from(move |_: MouseEvent| {
            let list: Vec<_> = claims.iter().map(|&i| ctx.claim(i)).collect();
            let today: String = String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect();
            let q = view::encode(&current);
            let link = crate::url::absolute(&current);
            #[cfg(target_arch = "wasm32")]
            if fmt == "json" {
                return json_with_texts(ctx.corpus.clone(), claims.clone(), cite::file_name(&today, &q, "json"));
            }
            let (ext, mime, body) = match fmt {
                // With a byte-order mark, so that Excel reads the file as UTF-8.
                "csv" => ("csv", "text/csv;charset=utf-8", format!("\u{FEFF}{}", export::to_csv(&ctx.corpus, &list))),
                #[cfg(not(target_arch = "wasm32"))]
                "json" => ("json", "application/json", export::to_json_subset(&ctx.corpus, &list)),
                "jsonld" => ("jsonld", "application/ld+json", cite::to_jsonld(&ctx.corpus, &list)),
                _ => ("md", "text/markdown;charset=utf-8", cite::to_markdown(&ctx.corpus, &list, &q, &link, &today)),
            };
            download_file(&cite::file_name(&today, &q, ext), mime, &body);
        })
    };
    let toml = {
        let fixes = ctx.fixes.clone();
        Callback::from(move |_: MouseEvent| download_corrections(&fixes))
    };
    html! {
        <details class="export-menu" data-testid="export-menu" onkeydown={super::close_on_escape()}>
            <summary class="btn">{ format!("Export {} claims", p.claims.len()) }</summary>
            <div class="export-items" role="group" aria-label="Export formats">
                if !compared.is_empty() {
                    <p class="export-h">{ format!("The {} compared claims", compared.len()) }</p>
                    <button class="btn small" onclick={make("csv", compared.clone())} data-export="cmp-csv">{"CSV"}</button>
                    <button class="btn small" onclick={make("md", compared.clone())} data-export="cmp-md">{"Markdown citations"}</button>
                    <p class="export-h">{ format!("All {} claims of the view", p.claims.len()) }</p>
                }
                <button class="btn small" onclick={make("csv", p.claims.clone())} data-export="csv">{"CSV"}</button>
                <button class="btn small" onclick={make("json", p.claims.clone())} data-export="json">{"JSON"}</button>
                <button class="btn small" onclick={make("jsonld", p.claims.clone())} data-export="jsonld">{"JSON-LD (schema.org)"}</button>
                <button class="btn small" onclick={make("md", p.claims.clone())} data-export="md">{"Markdown citations"}</button>
                if !ctx.fixes.is_empty() {
                    <p class="export-h">{ format!("Your {} corrections", ctx.fixes.len()) }</p>
                    <button class="btn small" onclick={toml} data-export="corrections">{"Export corrections (corrections.toml)"}</button>
                }
            </div>
        </details>
    }
}
