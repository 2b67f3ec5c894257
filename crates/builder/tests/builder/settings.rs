//! The settings editor's hand-written `corpus.toml` (`counterclaim_core::settings::to_toml`) is read back by the
//! builder's reader as the configuration, stance labels and background entities it was written from.
use counterclaim_builder::config::{parse, parse_background, parse_stance_labels};
use counterclaim_core::config::{ActorDef, CorpusConfig, EntityDef, OutletDef, SideDef, StanceLabels, StanceLexicon};
use counterclaim_core::settings::{to_toml, Draft};
use proptest::prelude::*;

/// Reads `text` back as (configuration, labels, background ids), panicking with the text on an error.
fn read(text: &str) -> (CorpusConfig, StanceLabels, Vec<String>) {
    let (c, l, b) = (parse(text), parse_stance_labels(text), parse_background(text));
    (c.expect(text), l.expect(text), b.expect(text))
}

#[test]
fn the_seeds_corpus_toml_round_trips() {
    let seeds = std::fs::read_to_string(concat!(env!("COUNTERCLAIM_ROOT"), "/seeds/corpus.toml")).unwrap();
    let (config, labels, background) = read(&seeds);
    assert!(!config.sides.is_empty() && !config.actors.is_empty() && !config.stance.supports.is_empty() && !background.is_empty());
    assert_eq!(read(&to_toml(&config, &labels, &background)), (config.clone(), labels.clone(), background.clone()));
    let draft = Draft::from_config(&config, &labels, &background);
    assert_eq!(read(&draft.to_toml()), (config, labels, background), "a draft saved without edits says the same");
}

/// Any text, and text made of what needs escaping: quotes, backslashes, line breaks, control and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\"\\\\\n\r\t\u{0}\u{1f}\u{7f} a#=\\[\\]{}'é字😀\u{2028}]{0,8}"]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..3)
}

fn side() -> impl Strategy<Value = SideDef> {
    (text(), text(), texts()).prop_map(|(id, label, markers)| SideDef { id, label, markers })
}

fn outlet() -> impl Strategy<Value = OutletDef> {
    (text(), texts()).prop_map(|(name, aliases)| OutletDef { name, aliases })
}

fn actor() -> impl Strategy<Value = ActorDef> {
    let opt = || prop::option::of(text());
    (text(), texts(), opt(), opt(), opt()).prop_map(|(name, aliases, role, affiliation, side)| ActorDef {
        name,
        aliases,
        role,
        affiliation,
        side,
    })
}

/// Entities with distinct ids, each marked background or not, and the background ids in entity order.
fn entities() -> impl Strategy<Value = (Vec<EntityDef>, Vec<String>)> {
    prop::collection::vec((text(), text(), texts(), any::<bool>()), 0..4).prop_map(|rows| {
        let mut out = (vec![], vec![]);
        for (i, (id, label, aliases, bg)) in rows.into_iter().enumerate() {
            let id = format!("{id}{i}");
            if bg {
                out.1.push(id.clone());
            }
            out.0.push(EntityDef { id, label, aliases });
        }
        out
    })
}

fn config() -> impl Strategy<Value = (CorpusConfig, StanceLabels, Vec<String>)> {
    let lists = (texts(), texts(), texts()).prop_map(|(supports, refutes, negators)| StanceLexicon { supports, refutes, negators });
    let labels = (prop::option::of(text()), prop::option::of(text()), prop::option::of(text()))
        .prop_map(|(supports, refutes, neutral)| StanceLabels { supports, refutes, neutral });
    let parts = (text(), prop::collection::vec(side(), 0..3), entities(), prop::collection::vec(outlet(), 0..2));
    (parts, prop::collection::vec(actor(), 0..3), lists, labels).prop_map(
        |((question, sides, (entities, bg), outlets), actors, stance, labels)| {
            (CorpusConfig { question, sides, entities, outlets, actors, stance }, labels, bg)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn any_configuration_written_reads_back_equal((c, labels, background) in config()) {
        let text = to_toml(&c, &labels, &background);
        let back = (parse(&text), parse_stance_labels(&text), parse_background(&text));
        prop_assert_eq!(back, (Ok(c), Ok(labels), Ok(background)), "{}", text);
    }
}
