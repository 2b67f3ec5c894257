//! What the bytes of a packed corpus are (issue 20: which parts a small eager file and lazy shards would hold).
//!
//! ```sh
//! cargo run --release -p counterclaim-bench --example pack_breakdown -- dist/corpus-….pack
//! ```
//!
//! Unpacks the file as the app does and prints the postcard size of each part (documents and their bodies,
//! claims and their texts, the index's postings, token sequences and facets) as a Markdown table.
use counterclaim_core::pack::unpack;
use serde::Serialize;

/// The postcard size of `t`, as the pack writes it.
fn size<T: Serialize>(t: &T) -> usize {
    postcard::to_allocvec(t).map_or(0, |v| v.len())
}

/// (part, bytes) of the corpus and index in `bytes`.
fn parts(bytes: &[u8]) -> Result<Vec<(&'static str, usize)>, String> {
    let (c, ix) = unpack(bytes).map_err(|e| e.to_string())?;
    let sum = |f: &dyn Fn(&counterclaim_core::model::Claim) -> usize| c.claims.iter().map(f).sum::<usize>();
    Ok(vec![
        ("documents", size(&c.documents)),
        ("  bodies (text)", c.documents.iter().map(|d| d.body.len()).sum()),
        ("  paragraph spans", c.documents.iter().map(|d| size(&d.paragraphs)).sum()),
        ("claims", size(&c.claims)),
        ("  texts", sum(&|x| x.text.len())),
        ("  speaker names and ids, claim and document ids", sum(&|x| x.id.len() + x.doc.len() + x.speaker.len() + x.speaker_id.len())),
        ("  roles and affiliations", sum(&|x| x.role.as_ref().map_or(0, String::len) + x.affiliation.as_ref().map_or(0, String::len))),
        ("  stance rules", sum(&|x| x.stance_rule.len())),
        ("  entities, cues and pieces", sum(&|x| size(&x.entities) + size(&x.stance_cues) + size(&x.pieces))),
        ("index", size(&ix)),
        ("  postings", size(&ix.postings)),
        ("  token sequences", size(&ix.seq) + size(&ix.seq_offs)),
        ("  facets", size(&ix.facets)),
        ("  entity claims", size(&ix.entity_claims)),
    ])
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pack_breakdown PACK");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("pack_breakdown: cannot read {path}: {e}");
        std::process::exit(1);
    });
    match parts(&bytes) {
        Ok(rows) => {
            println!("{path}: {} bytes\n\n| part | bytes | % |\n|---|---:|---:|", bytes.len());
            for (name, n) in rows {
                println!("| {name} | {n} | {:.1} |", 100.0 * n as f64 / bytes.len() as f64);
            }
        }
        Err(e) => {
            eprintln!("pack_breakdown: {path}: {e}");
            std::process::exit(1);
        }
    }
}
