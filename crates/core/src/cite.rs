//! Exports for reports and linked data: schema.org `Claim` JSON-LD, a Markdown citation list, export file names.
use serde::Serialize;

use super::corpus::Corpus;
use super::date::PartialDate;
use super::model::{slug, Claim};

// The JSON-LD as plain structs (no `serde_json::Value` in the app): fields in the byte order of their names,
// which is the order `serde_json`'s maps wrote them in; absent values are left out.

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<LdClaim<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LdClaim<'a> {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@type")]
    ty: &'static str,
    about: Vec<Named<'a>>,
    additional_property: [Property<'a>; 3],
    appearance: Appearance<'a>,
    author: Person<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<PartialDate>,
    identifier: &'a str,
    text: &'a str,
}

/// A schema.org `Person`, `Organization` or `Thing`: a type, an optional identifier and a name.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Named<'a> {
    #[serde(rename = "@type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<&'a str>,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Person<'a> {
    #[serde(rename = "@type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<Named<'a>>,
    identifier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    identifier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Named<'a>>,
}

#[derive(Serialize)]
struct Property<'a> {
    #[serde(rename = "@type")]
    ty: &'static str,
    name: &'static str,
    value: &'a str,
}

fn named<'a>(ty: &'static str, name: &'a str) -> Named<'a> {
    Named { ty, identifier: None, name }
}

fn ld_claim<'a>(corpus: &'a Corpus, c: &'a Claim) -> LdClaim<'a> {
    let doc = corpus.document(&c.doc);
    let prop = |name, value| Property { ty: "PropertyValue", name, value };
    let side = c.side.as_deref().map(|s| corpus.config.side_label(s)).unwrap_or("unknown");
    LdClaim {
        id: format!("#claim-{}", c.id),
        ty: "Claim",
        about: c.entities.iter().map(|e| Named { ty: "Thing", identifier: Some(e), name: corpus.config.entity_label(e) }).collect(),
        additional_property: [prop("stance", c.stance.as_str()), prop("kind", c.kind.as_str()), prop("side", side)],
        appearance: Appearance {
            ty: "NewsArticle",
            author: doc.and_then(|d| d.author.as_deref()).map(|a| named("Person", a)),
            date_published: doc.and_then(|d| d.date),
            headline: doc.map(|d| d.display_title()),
            identifier: &c.doc,
            publisher: doc.and_then(|d| d.outlet.as_deref()).map(|o| named("Organization", o)),
        },
        author: Person {
            ty: "Person",
            affiliation: c.affiliation.as_deref().map(|a| named("Organization", a)),
            identifier: &c.speaker_id,
            job_title: c.role.as_deref(),
            name: &c.speaker,
        },
        date_published: c.date,
        identifier: &c.id,
        text: &c.text,
    }
}

/// JSON-LD (`@graph` of schema.org `Claim`s) for the given claims: `appearance` is the article, `author` the speaker.
pub fn to_jsonld(corpus: &Corpus, claims: &[&Claim]) -> String {
    let doc = Graph { context: "https://schema.org", graph: claims.iter().map(|c| ld_claim(corpus, c)).collect() };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A URL made safe inside a Markdown link's parentheses.
fn md_link(url: &str) -> String {
    url.replace('(', "%28").replace(')', "%29").replace(' ', "%20")
}

/// A Markdown citation list: one numbered entry per claim with speaker, side, stance, quote and source.
/// `filter` is the view's encoded query; `link`, when not empty, the view's full address, written as a
/// clickable link.
pub fn to_markdown(corpus: &Corpus, claims: &[&Claim], filter: &str, link: &str, today: &str) -> String {
    let mut out = String::new();
    let q = corpus.config.question.trim();
    out.push_str(&format!("# Claims{}\n\n", if q.is_empty() { String::new() } else { format!(": {}", md_escape(q)) }));
    out.push_str(&format!(
        "_Exported from Counterclaim on {today} · {} claims · {}_\n\n",
        claims.len(),
        match (filter.is_empty(), link.is_empty()) {
            (true, true) => "no filter".to_string(),
            (false, true) => format!("view `{}`", filter.replace('`', "'")),
            (true, false) => format!("[the view]({})", md_link(link)),
            (false, false) => format!("view [`{}`]({})", filter.replace('`', "'"), md_link(link)),
        }
    ));
    for (n, c) in claims.iter().enumerate() {
        let doc = corpus.document(&c.doc);
        let mut who = format!("**{}**", md_escape(&c.speaker));
        let mut extra: Vec<String> = Vec::new();
        if let Some(r) = &c.role {
            extra.push(md_escape(r));
        }
        if let Some(s) = &c.side {
            extra.push(md_escape(corpus.config.side_label(s)));
        }
        if !extra.is_empty() {
            who = format!("{who} ({})", extra.join(", "));
        }
        let source = match doc {
            Some(d) => {
                let mut s = format!("*{}*", md_escape(&d.display_title()));
                if let Some(o) = &d.outlet {
                    s.push_str(&format!(", {}", md_escape(o)));
                }
                if let Some(dt) = &d.date {
                    s.push_str(&format!(", {dt}"));
                }
                s
            }
            None => md_escape(&c.doc),
        };
        // A quotation already carries its marks; the article's own words get them here.
        let text = md_escape(&c.text);
        let quoted = if text.starts_with(['“', '"', '«']) { text } else { format!("“{text}”") };
        out.push_str(&format!("{}. {} — {} — {}. [{}; {}; id {}]\n", n + 1, who, quoted, source, c.stance.as_str(), c.kind.as_str(), c.id));
    }
    out
}

/// Escape the characters Markdown would interpret.
fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            o.push('\\');
        }
        o.push(if ch == '\n' || ch == '\r' { ' ' } else { ch });
    }
    o
}

/// `counterclaim-2026-11-25-stance-refutes.csv`: the date and the filter in the name (at most 60 characters of it).
pub fn file_name(today: &str, query: &str, ext: &str) -> String {
    let f: String = slug(query.trim_start_matches("v=1").trim_start_matches('&')).chars().take(60).collect();
    let f = f.trim_end_matches('-');
    if f.is_empty() {
        format!("counterclaim-{today}-all.{ext}")
    } else {
        format!("counterclaim-{today}-{f}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimKind, Document, Stance};
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// The JSON-LD as it was written with `serde_json::Value`s (the reference the structs must equal).
    fn to_jsonld_value(corpus: &Corpus, claims: &[&Claim]) -> String {
        let graph: Vec<Value> = claims
            .iter()
            .map(|c| {
                let doc = corpus.document(&c.doc);
                let mut author = json!({ "@type": "Person", "name": c.speaker, "identifier": c.speaker_id });
                if let Some(r) = &c.role {
                    author["jobTitle"] = json!(r);
                }
                if let Some(a) = &c.affiliation {
                    author["affiliation"] = json!({ "@type": "Organization", "name": a });
                }
                let mut appearance = json!({ "@type": "NewsArticle", "identifier": c.doc });
                if let Some(d) = doc {
                    appearance["headline"] = json!(d.display_title());
                    if let Some(o) = &d.outlet {
                        appearance["publisher"] = json!({ "@type": "Organization", "name": o });
                    }
                    if let Some(dt) = &d.date {
                        appearance["datePublished"] = json!(dt);
                    }
                    if let Some(a) = &d.author {
                        appearance["author"] = json!({ "@type": "Person", "name": a });
                    }
                }
                let about: Vec<Value> = c
                    .entities
                    .iter()
                    .map(|e| json!({ "@type": "Thing", "identifier": e, "name": corpus.config.entity_label(e) }))
                    .collect();
                let mut v = json!({
                    "@type": "Claim",
                    "@id": format!("#claim-{}", c.id),
                    "identifier": c.id,
                    "text": c.text,
                    "author": author,
                    "appearance": appearance,
                    "about": about,
                    "additionalProperty": [
                        { "@type": "PropertyValue", "name": "stance", "value": c.stance.as_str() },
                        { "@type": "PropertyValue", "name": "kind", "value": c.kind.as_str() },
                        { "@type": "PropertyValue", "name": "side", "value": c.side.as_deref().map(|s| corpus.config.side_label(s)).unwrap_or("unknown") }
                    ]
                });
                if let Some(d) = &c.date {
                    v["datePublished"] = json!(d);
                }
                v
            })
            .collect();
        let doc = json!({
            "@context": "https://schema.org",
            "@graph": graph,
        });
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    fn corpus() -> Corpus {
        let mut c = Corpus::default();
        c.config.question = "Is the river rising?".into();
        c.documents.push(Document {
            id: "d1".into(),
            file: "d1.txt".into(),
            title: Some("Floods *again*".into()),
            outlet: Some("The Gazette".into()),
            date: "2021-04-05".parse().ok(),
            ..Document::default()
        });
        c.claims.push(Claim {
            id: "abc".into(),
            doc: "d1".into(),
            speaker: "Ana Ruiz".into(),
            speaker_id: "ana-ruiz".into(),
            role: Some("mayor".into()),
            affiliation: None,
            side: None,
            text: "The water is <b>rising</b> fast".into(),
            kind: ClaimKind::Direct,
            start: 0,
            end: 0,
            pieces: vec![],
            cue: None,
            stance: Stance::Supports,
            stance_cues: vec![],
            stance_confidence: 1.0,
            stance_rule: String::new(),
            speaker_confidence: 1.0,
            entities: vec!["river".into()],
            date: "2021-04-05".parse().ok(),
            corrected: None,
        });
        c
    }

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z \"<>&é\\\\]{0,8}"
    }

    prop_compose! {
        fn claim()(role in proptest::option::of(text()), affiliation in proptest::option::of(text()), side in proptest::option::of("s[01]"),
                   doc in "d[0-2]", entities in proptest::collection::vec("e[0-2]", 0..3), dated in any::<bool>(), text in text(),
                   stance in 0..3usize) -> Claim {
            let stance = [Stance::Supports, Stance::Refutes, Stance::Neutral][stance];
            Claim { id: format!("c{text}"), doc, speaker: text.clone(), speaker_id: slug(&text), role, affiliation, side, text,
                    stance, entities, date: if dated { "2020-02".parse().ok() } else { None }, ..Claim::default() }
        }
    }

    prop_compose! {
        fn document()(id in "d[0-1]", title in proptest::option::of(text()), outlet in proptest::option::of(text()),
                      author in proptest::option::of(text()), dated in any::<bool>()) -> Document {
            Document { file: format!("{id}.txt"), id, title, outlet, author, date: if dated { "2021-04-05".parse().ok() } else { None }, ..Document::default() }
        }
    }

    proptest! {
        #[test]
        fn jsonld_structs_write_what_the_json_values_wrote(docs in proptest::collection::vec(document(), 0..3),
                                                           claims in proptest::collection::vec(claim(), 0..4)) {
            let mut c = corpus();
            c.documents = docs;
            c.claims = claims;
            c.config.entities.push(crate::config::EntityDef { id: "e1".into(), label: "Entity one".into(), ..Default::default() });
            c.config.sides.push(crate::config::SideDef { id: "s1".into(), label: "Side one".into(), ..Default::default() });
            let all: Vec<&Claim> = c.claims.iter().collect();
            prop_assert_eq!(to_jsonld(&c, &all), to_jsonld_value(&c, &all));
        }
    }

    #[test]
    fn jsonld_is_schema_org_claims() {
        let c = corpus();
        let v: Value = serde_json::from_str(&to_jsonld(&c, &c.claims.iter().collect::<Vec<_>>())).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        let claim = &v["@graph"][0];
        assert_eq!(claim["@type"], "Claim");
        assert_eq!(claim["author"]["name"], "Ana Ruiz");
        assert_eq!(claim["appearance"]["publisher"]["name"], "The Gazette");
        assert_eq!(claim["datePublished"], "2021-04-05");
        assert_eq!(claim["text"], "The water is <b>rising</b> fast");
    }

    #[test]
    fn markdown_lists_each_claim_with_its_source_and_escapes() {
        let c = corpus();
        let md = to_markdown(&c, &c.claims.iter().collect::<Vec<_>>(), "stance=supports", "", "2026-01-02");
        assert!(md.starts_with("# Claims: Is the river rising?"));
        assert!(md.contains("view `stance=supports`"));
        let linked = to_markdown(&c, &c.claims.iter().collect::<Vec<_>>(), "stance=supports", "https://x.org/a/?stance=supports", "d");
        assert!(linked.contains("view [`stance=supports`](https://x.org/a/?stance=supports)"), "{linked}");
        assert!(md.contains("1. **Ana Ruiz** (mayor)"));
        assert!(md.contains("\\<b\\>rising\\</b\\>"), "{md}");
        assert!(md.contains("*Floods \\*again\\**, The Gazette, 2021-04-05"));
    }

    #[test]
    fn file_names_carry_date_and_filter() {
        assert_eq!(file_name("2026-11-25", "v=1&stance=refutes", "csv"), "counterclaim-2026-11-25-stance-refutes.csv");
        assert_eq!(file_name("2026-11-25", "", "json"), "counterclaim-2026-11-25-all.json");
    }
}
